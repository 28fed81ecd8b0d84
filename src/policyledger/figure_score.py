"""How well one figure of an item answers a question: the windows of text around it (its own
words, clause, sentence, headings, item), each weighted by how near it is, and the factors that
tell the answer from a near miss — a part for a whole, the start of a change for its end, a
threshold for an amount, another programme's figure, a target for what was done.

`score_figure` is what `ask` ranks figures by; its scale is `ask.ANSWER_THRESHOLD`'s.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from policyledger.model import Claim
from policyledger.passages import (
    BRACKETED,
    CLAUSE_BREAK,
    ENUMERATION,
    FOLDED_LEAD,
    QUOTED,
    QUOTED_LIST,
    Item,
    clause_span,
    names_of,
    sentence_span,
    topic_of_subjectless,
)
from policyledger.quantity.changes import CHANGE_VERB, FROM, FROM_LEAD, FROM_REACH, TO
from policyledger.quantity.periods import find_time_expressions
from policyledger.quantity.tables import cells_in
from policyledger.question import STAGES, Question, another_ordinal, another_version, bigrams, is_place
from policyledger.reader_words import same_words, words_in_force
from policyledger.textnorm import compact, fold


def score_figure(parsed: Question, claim: Claim, item: Item, neighbours: list[Claim], rarity: dict[str, float]) -> float:
    """How well `claim` answers `parsed`: the question's words covered by the windows around the
    figure (`Question.coverage`), times the factors. `neighbours` are the item's other figures."""
    text = item.folded
    sentence_start, sentence_end = sentence_span(item.node.text, claim.start)
    clause_start, clause_end = clause_span(item.node.text, claim.start, claim.end)
    before, after = _own_words(text, claim, neighbours, clause_start, clause_end)
    start_of_change = _start_of_change(text, claim, neighbours)
    if start_of_change is not None:  # the end of a change is named by the words before its start
        before = min(before, _own_words(text, start_of_change, neighbours, clause_start, clause_end)[0])
    host = _bracket_host(text, claim, neighbours)
    if host is not None:  # '批發及零售業 14.1 億美元（23.8％）': a share is named by its amount's words
        before = min(before, _own_words(text, host, neighbours, *clause_span(item.node.text, host.start, host.end))[0])
    whole = _whole_of_share(text, claim, neighbours, clause_start)
    respective = _respective_item(text, claim, clause_start, sentence_start)
    if whole is not None:  # '信保基金獲捐助 1,514.2 億元，其中政府占 71.8％': and so is one of the amount before it
        whole_start, whole_end = _own_words(text, whole, neighbours, *clause_span(item.node.text, whole.start, whole.end))
        respective += "，" + text[whole_start:whole_end]
    clause, sentence = text[clause_start:clause_end], text[sentence_start:sentence_end]
    # a table's number: its row and column say what it is, not the line it shares; the sentence before the table, of what
    cell = cells_in(item.node.text).get(claim.start)
    row, caption = (fold(f"{cell.label}，{cell.period.text if cell.period else ''}"), fold("，" + cell.caption)) if cell else ("", "")
    windows = [
        ((row or text[before:after]) + respective + _implied_words(claim), 1.0),
        (clause, 0.9),
        (_summed_parts(parsed, text, claim, sentence_start, clause_start), 0.9),
        (_condition_of_subjectless(item, clause_start, sentence_start, neighbours, claim), 0.8),
        (_row_named(item.node.text, claim.start), 0.9),
        (item.context, 0.85),
        (sentence + caption, 0.65),
        (parsed.words_said(item.list_topic), 0.5),  # what the list's first item says it is about
        (topic_of_subjectless(text, sentence_start), 0.65),
        (text, 0.35),
    ]
    # A date later in the sentence than the figure's own clause dates what follows it, not the figure.
    # the year an item's earlier sentences name, or its list's first item's, dates a figure that names none
    period = _period_factor(parsed, claim, item.node.text[sentence_start:clause_end], item.lead + "。" + item.node.text[:sentence_start])
    joined = [m.end() for m in _JOINS.finditer(text, before, claim.start)]
    listed = _EXAMPLES_END.search(text, before, claim.start)  # '…、排程模型等 28 種綠能科技國家標準': the examples, not its name
    joined += [listed.end()] if listed else []
    own = (row or text[max([before, *joined]):after]) + respective
    # a change's clause leaves its subject to the amount before it ('上市公司總市值 55 兆…，較 109 年底增加 10 兆…')
    contrasted = own + caption + _base_clause(item.node.text, claim, neighbours, sentence_start, clause_start)  # a table's caption names its cells too
    alone = _alone(claim, neighbours, (sentence_start, sentence_end))
    alone = alone or (parsed.wants_change and claim.kind == "change")  # a change asked: its subset word stands by what changed
    clause_before = text[clause_start:claim.start]
    factors = period * _kind_factor(parsed, claim, own, clause_before) * _contrast_factor(parsed, contrasted, sentence, text)
    factors *= _subset_factor(parsed, own, sentence, alone)
    factors *= _own_words_factor(parsed, own, claim) * _end_of_change_factor(parsed, text, claim, neighbours)
    factors *= _breakdown_factor(parsed, text, claim, neighbours, own, clause_start, clause_end)
    factors *= _named_elsewhere_factor(parsed, text, sentence) * _direction_factor(parsed, sentence)
    factors *= _part_factor(parsed, _without_later_brackets(clause, claim.end - clause_start), fold(item.node.title), claim.start - clause_start)
    factors *= _list_member_factor(parsed, own, sentence, claim, item.context) * _premise_factor(parsed, claim)
    factors *= _condition_factor(parsed, claim, neighbours, clause_start) * _rate_named_factor(parsed, claim, sentence + row)
    factors *= _included_factor(parsed, claim, sentence) * _rate_only_factor(parsed, sentence)
    factors *= _excluded_factor(parsed, own, sentence, _lead_in(text, claim, neighbours, sentence_start) if parsed.excluded else "")
    factors *= _money_measure_factor(parsed, text, claim, neighbours, own, (sentence_start, sentence_end)) * _amount_named_factor(parsed, text, clause)
    factors *= _per_time_factor(parsed, claim, own) * _each_asked_factor(parsed, own) * _whole_asked_factor(parsed, own, text[sentence_start:claim.start])
    factors *= _change_of_factor(parsed, claim, neighbours, sentence_start) * _base_year_factor(parsed, sentence)
    factors *= _total_factor(parsed, text, claim, neighbours, (sentence_start, sentence_end))
    factors *= _named_after_factor(parsed, text, claim, neighbours, (clause_start, clause_end))
    factors *= _named_before_factor(parsed, text, claim, neighbours, (clause_start, clause_end))
    factors *= _joint_factor(parsed, text[before:after]) * _sub_item_factor(parsed, item) * _amount_factor(parsed, claim)
    factors *= _asked_words_factor(parsed, text, claim, neighbours, own, (sentence_start, sentence_end))
    factors *= _stated_elsewhere_factor(parsed, text, claim, neighbours, sentence) * _alone_asked_factor(parsed, text[sentence_start:claim.start])
    factors *= _points_factor(parsed, claim) * _counted_noun_factor(parsed, text, claim, own) * _step_factor(parsed, clause_before)
    factors *= 0.9 if _restates(item.node.text, claim, neighbours) else 1.0
    factors *= _category_factor(parsed, sentence + row) * _converted_factor(parsed, text, claim, host)
    own_sentence = item.node.text[sentence_start:sentence_end]
    factors *= 0.6 if another_ordinal(parsed.text, own_sentence) else 1.0  # 第二期 asked, 第一期's figure
    factors *= 0.6 if another_version(parsed.text, own_sentence) else 1.0  # 地方創生 2.0 asked, 地方創生's figure
    return parsed.coverage(windows, rarity, period_matched=period >= 0.95) * factors


def _category_factor(parsed: Question, sentence: str) -> float:
    """Asked of one category (財物類巨額採購), a figure whose sentence (or table row) does not name it
    counts another or all of them ('同期間決標之巨額採購計 612 件')."""
    category = _CATEGORY_ASKED.search(parsed.folded)
    return 0.7 if category is not None and category.group(1) not in compact(sentence) else 1.0


_CATEGORY_ASKED = re.compile(fold(r"([\u4e00-\u9fff]{2})(?<![各這幾那此該同每哪本兩多分等何的])類(?!別)(?=[\u4e00-\u9fff]{2})"))  # not 這類, 各類, 幾類, 的類別數


def _restates(text: str, claim: Claim, neighbours: list[Claim]) -> bool:
    """'歲出新臺幣 3 兆 1,280 億元（約 3.13 兆元）': a bracket rounding the figure just before it restates it;
    the figure as stated is the answer."""
    return any(other.base_unit == claim.base_unit and _RESTATING.fullmatch(text, other.end, claim.start) for other in neighbours)


_RESTATING = re.compile(r"\s*[（(]\s*(?:約|即|折合約?)\s*")


def _alone(claim: Claim, neighbours: list[Claim], sentence: tuple[int, int]) -> bool:
    """Whether `claim` is the only figure of its sentence."""
    return not any(sentence[0] <= other.start < sentence[1] for other in neighbours)


def _summed_parts(parsed: Question, text: str, claim: Claim, sentence_start: int, clause_start: int) -> str:
    """Asked for a total, what a total sums, said before it in its sentence: '造成農產品損失 27.4 億元、
    農田及農業設施損失 8.4 億元，合計 35.8 億元'."""
    if not _SUM_ASKED.search(parsed.folded) or not _after_a_total_word(text, claim.start):
        return ""
    return text[sentence_start:clause_start]


def _base_clause(text: str, claim: Claim, neighbours: list[Claim], sentence_start: int, clause_start: int) -> str:
    """The clause of the amount a change's clause goes on from, where it names what changed."""
    if claim.kind != "change":
        return ""
    bases = [c for c in neighbours if sentence_start <= c.start < clause_start and c.base_unit == claim.base_unit and c.kind != "change"]
    if not bases:
        return ""
    base = max(bases, key=lambda c: c.start)
    start, end = clause_span(text, base.start, base.end)
    return fold(text[start:end])


def _implied_words(claim: Claim) -> str:
    """What a figure says by being what it is: a price ('45 元/瓶') is the 售價 or 單價 of each 瓶;
    a rule's figure ('發布「百分之三十」計算方式') is a 門檻."""
    if claim.dimension == "price" and "/" in claim.base_unit:
        return fold(" 每" + claim.base_unit.rsplit("/", 1)[1] + "售價 單價 價格")
    return fold(" 門檻") if claim.kind == "rule" else ""


_MONEY_MEASURES = tuple(fold(word) for word in ("產值", "營收", "營業額", "投資", "商機", "經費", "預算", "補助", "貸款", "融資", "出口值"))


def _money_measure_factor(parsed: Question, text: str, claim: Claim, neighbours: list[Claim], own: str, sentence: tuple[int, int]) -> float:
    """'引進…廠商投資 382 億元，…預計創造年產值 252 億元', asked the 年產值: the amount named by another
    measure of money, where a figure of the same sentence is named by the one asked, is the other's; so is one
    named by another measure when the question names two ('補助的總經費': not '衍生投資')."""
    asked = [word for word in _MONEY_MEASURES if word in parsed.folded]
    own_words = compact(own)
    if not asked or any(word in own_words for word in asked) or not any(word in own_words for word in _MONEY_MEASURES):
        return 1.0
    if len(asked) > 1:  # '核定補助的總經費', asked of '帶動廠商衍生投資 125 億元': another measure, whatever its neighbours
        return 0.85
    for other in neighbours:
        if sentence[0] <= other.start < sentence[1] and other.dimension == claim.dimension:
            clause_start, clause_end = clause_span(text, other.start, other.end)
            start, end = _own_words(text, other, [c for c in neighbours if c is not other] + [claim], clause_start, clause_end)
            if asked[0] in compact(text[start:end]):
                return 0.85
    return 1.0


def _amount_named_factor(parsed: Question, text: str, clause: str) -> float:
    """'提供的保證金額是多少', asked of '信保基金獲捐助 1,514.2 億元' under '充裕保證能量': an amount the question
    names by its kind (保證金額), where neither the item writes that name nor the figure's clause its kind, is
    another amount (the reading drops 金額, so 保證 alone would match the heading)."""
    kinds = [kind for kind in _AMOUNT_NAMED.findall(parsed.folded) if kind not in _MONEY_MEASURES]
    if not kinds:
        return 1.0
    clause_words, written = compact(clause), compact(BRACKETED.sub("", text))  # '投(增)資金額'
    return 0.9 if any(kind + _AMOUNT not in written and kind not in clause_words for kind in kinds) else 1.0


_AMOUNT = fold("金額")
_AMOUNT_NAMED = re.compile(r"((?:(?![的之总额是为有与及和多少])[\u4e00-\u9fff]){2})(?=金额)")  # folded: not 多少金額


def _excluded_factor(parsed: Question, own: str, sentence: str, lead_in: str) -> float:
    """A figure whose own words count what the question leaves out ('電話與文字合計服務 44 萬 52 通次',
    asked about 電話服務（不含文字）) is a larger whole than the one asked for; so is one whose sentence
    joins it to the rest ('促成漢翔及國內供應商取得…商機，總額約 357 億元', asked of those other than 漢翔); so
    is the figure the one asked is reckoned from ('以…販售量來估算，能提供多少砂石成品': not the 販售量); and
    so is one whose sentence opens on what a bracket sets aside ('補助商圈辦理行銷、訓練等活動，…補助 1.38 億元',
    asked '（不含行銷、訓練活動）'; not '除了紙本之外，…幾種數位方式', where the sentence names what the others are besides)."""
    words, compacted = compact(own), compact(sentence)
    left_out = any(word in words for word in [*parsed.excluded, *parsed.others_than, *parsed.basis])
    if not left_out and parsed.excluded:
        opening, bracketed = compact(lead_in), "".join(BRACKETED.findall(parsed.folded))
        left_out = any(word in opening and word in bracketed for word in parsed.excluded)
    return 0.6 if left_out or any(_joined_to_others(word, compacted) for word in parsed.others_than) else 1.0


def _lead_in(text: str, claim: Claim, neighbours: list[Claim], sentence_start: int) -> str:
    """The words of a sentence before its first figure, which say what all its figures are of (after a heading's
    colon: '商圈環境優化及行銷活動：' titles the item, not the sentence)."""
    lead_in = text[sentence_start:min([claim.start] + [c.start for c in neighbours if sentence_start <= c.start < claim.start])]
    return re.split(r"[：:]", lead_in)[-1]


def _joined_to_others(word: str, compacted: str) -> bool:
    """Whether `word` stands in a list joined by 、及与和 ('漢翔及國內供應商')."""
    return re.search(rf"{re.escape(word)}[{_JOINED}]|[{_JOINED}]{re.escape(word)}", compacted) is not None


def _rate_only_factor(parsed: Question, sentence: str) -> float:
    """An amount asked by a word the sentence holds only as the name of a rate is not that sentence's:
    asked '收益金額是多少元', '勞退新制基金規模 2 兆 8,745 億元，收益率 10.36%' states no return in money."""
    if "率" not in sentence or not parsed.dimensions & {"money", "count"}:
        return 1.0
    compacted = compact(sentence)
    for segment in parsed.segments:
        if len(segment) >= 2 and segment in compacted and all(compacted.startswith("率", m.end()) for m in re.finditer(re.escape(segment), compacted)):
            return 0.7
    return 1.0


_INCLUDES = re.compile(fold(r"[（(]\s*(?:含|包含|包括)[^（）()]*[）)]"))


def _included_factor(parsed: Question, claim: Claim, sentence: str) -> float:
    """A word asked that the sentence names only in a note of what its figure includes is a part of
    that figure, not the figure: asked '特別預算編列了多少', '國防預算（含特別預算及特種基金）共 4,533 億元'
    gives the whole. (A figure in the note is the part's own: '1,800 家中小企業(含新創事業約 1,300 家)';
    a question that itself says 含 asks the whole: '投資保障協定或含投資章的經濟合作協議'.)"""
    if ("含" not in sentence and "包" not in sentence) or "含" in parsed.folded:
        return 1.0
    notes = "".join(compact(note) for note in _INCLUDES.findall(sentence))
    if not notes or _written(claim.text) in notes:
        return 1.0
    rest = compact(_INCLUDES.sub("", sentence))
    for segment in parsed.segments:
        only_in_note = [gram for gram in bigrams(segment) if gram in notes and gram not in rest]
        if len(only_in_note) >= 2:
            return 0.6
    return 1.0


_FUNCTION_WORDS = re.compile(
    r"其中|共计|合计|总计|累计|分别|达到|已达|计有|共有|完成|增加|成长|减少|提升|提高|下降|降低|"
    r"约|达|计|共|为|之|的|及|与|和|并|已|至|将|于|在|[^\u4e00-\u9fff]"
)


def _counted_noun_factor(parsed: Question, text: str, claim: Claim, own: str) -> float:
    """'現場調查 487 處聚落' counts settlements, not the 潛在大規模崩塌區 asked: the noun right after a count
    names what it counts, and one that shares nothing with what the question counts, by a figure whose
    own words say nothing of it either, is another thing. (Not a list going on: '12 案及物聯網…'.)"""
    asked = parsed.counted_noun
    if asked is None or claim.dimension != "count":
        return 1.0
    those = _THOSE_WHO.search(own.replace(fold(claim.text), ""))
    if those is not None:  # '109 年有重大進展者共 20 件': those with progress, not the cases newly received asked
        return 1.0 if any(gram in parsed.folded for gram in bigrams(those.group(1))) else 0.6
    named = _NOUN_AFTER.match(text, claim.end)
    # after 個, which counts anything, the noun's first word against the thing counted's ('23 個機構簽署…協議', asked
    # '多少個國家簽了…協議': 機構, no 國家); after another measure word, the words that follow it
    generic = named is not None and claim.unit == "個"
    noun, thing = (named.group(0)[:2], asked[:2]) if generic else (named.group(0) if named else "", asked)
    if named is None or any(char in thing for char in noun) or noun in parsed.folded:
        return 1.0  # the noun shares a word with the thing counted, or is a word the question says elsewhere ('56 家輔導')
    return 1.0 if any(gram in own for gram in bigrams(thing)) else 0.6


# What a count counts, named before it as 'those who…' ('有重大進展者共 20 件')
_THOSE_WHO = re.compile(r"([\u4e00-\u9fff]{2,8})者\s*(?:共|計|達|為|約)?\s*$")
# The noun a count is followed by, where none of a list's joiners comes first.
_NOUN_AFTER = re.compile(r"(?![及與与和並并、])[\u4e00-\u9fff]{2,}")


def _own_words_factor(parsed: Question, own: str, claim: Claim) -> float:
    """How much of what names the figure the question also says: a figure named 受益人數 does not
    answer a question about 審查人員, a total named 再生能源 not one about its part 太陽光電."""
    chars = _FUNCTION_WORDS.sub("", own.replace(fold(claim.text), ""))
    if not chars:
        return 1.0
    asked = parsed.folded
    return 0.9 + 0.1 * sum(1 for char in chars if char in asked) / len(chars)


# Words whose opposite, standing by a figure, marks the figure of the other half of a pair
# ('2.8 萬戶高壓及 100 萬戶低壓智慧電表': asked for 高壓, 100 萬戶 is the wrong one).
# Two kinds of one thing: a question naming one asks nothing of an item that names only the other.
_KINDS_OF_A_THING = (("高壓", "低壓"), ("公營", "民營"), ("屋頂型", "地面型"), ("陸域", "離岸"), ("上市", "上櫃"))
_OPPOSITES = [(fold(a), fold(b)) for a, b in (
    *_KINDS_OF_A_THING, ("出口", "進口"), ("輸出", "輸入"), ("出超", "入超"), ("國內", "國外"), ("專利", "商標"),
    ("最高", "最低"), ("上半年", "下半年"),
    ("增加", "減少"), ("成長", "減少"), ("提高", "降低"), ("上升", "下降"),
    ("受理", "核准"), ("受理", "核定"),  # applications received are not those approved
    ("受理", "結案"),  # nor cases received those closed ('109 年有重大進展者共 20 件(含結案 8 件)')
    ("核准", "申請"),  # nor are those applied for ('6,946 家…申請轉換特定工廠登記')
    ("補助", "相對投入"), ("補助", "營業額"), ("補助", "營收"), ("補助", "產值"),  # a grant is not what it drew
    ("經費", "營業額"), ("經費", "營收"),  # what a programme spends is not the revenue it drew
    ("緩繳", "減收"), ("緩繳", "減免"),  # a payment put off is not one cut
    ("預算數", "分配數"),  # a budget's execution rate counted against the whole year's budget, or against what was allotted so far
    ("建造執照", "拆除執照"), ("建造執照", "使用執照"), ("使用執照", "拆除執照"),  # the building permits, one for each stage
    ("報考", "合格"), ("報名", "合格"), ("報考", "錄取"),  # who sat an exam is not who passed it
    ("報名", "獲選"), ("報名", "入選"),  # who entered a contest is not who was chosen
    ("出口", "營業額"), ("出口", "營收"),  # what was sold abroad is not all that was sold
    ("男生", "女生"), ("男性", "女性"), ("男童", "女童"),
    ("融資", "保證金額"),  # what a guarantee helped borrow is not the sum guaranteed ('保證金額 1.13 兆元，協助取得融資 1.51 兆元')
)] + list(STAGES)
# Kinds of a thing a whole sentence is about, its later clauses leaving the subject unsaid ('109 年發明專利
# 案件平均審結期間…13.9 個月，平均首次通知期間為 8.7 個月'): asked about the other kind, no figure of it answers.
_KINDS_APART = [(fold(a), fold(b)) for a, b in (
    ("發明專利", "新型專利"), ("發明專利", "設計專利"), ("新型專利", "設計專利"),  # the three kinds of patent
    ("對外投資", "僑外投資"),  # outward investment and inward (僑外, by foreigners and overseas Chinese)
    ("中央", "地方"),  # central government and local ('中央政府機關…預算員額' is no answer about 地方機關)
    ("公務人員", "教育人員"), ("公務人員", "軍職人員"), ("教育人員", "軍職人員"),  # the kinds of public servant
)]


@lru_cache(maxsize=4)
def _opposites_alike(_words: str | None) -> list[tuple[str, str]]:
    """The opposites as the words they are compared with read them (相對投入 → 相對經費, 經費 = 投入)."""
    return [(same_words(first), same_words(second)) for first, second in _OPPOSITES]


def _kinds_alike(words: str | None) -> list[tuple[str, str]]:
    """The kinds of a thing as the words they are compared with read them: the opposites they open."""
    return _opposites_alike(words)[:len(_KINDS_OF_A_THING)]


_JOINS = re.compile(r"及|与|和|、")
_EXAMPLES_END = re.compile(r"(?<![一二三四五六七八九十\d初中高特头优次劣上下同平对相均])等\s*$")  # not 四等 (a grade), 平等


def _contrast_factor(parsed: Question, own_words: str, sentence: str, item_text: str = "") -> float:
    asked = parsed.folded_alike
    sentence = sentence.replace(" ", "")
    opposites = _opposites_alike(words_in_force())
    for pairs, words in ((opposites, same_words(own_words.replace(" ", ""))), (_KINDS_APART, sentence)):
        for first, second in pairs:
            for wanted, other in ((first, second), (second, first)):
                if wanted in asked and other not in asked and other in words and wanted not in words:
                    return 0.6
    # '陸域風電…多少部風機' of an item that never says 陸域, its sentence 離岸: the other of the two
    item_words = same_words(item_text.replace(" ", ""))
    for first, second in _kinds_alike(words_in_force()):
        for wanted, other in ((first, second), (second, first)):
            if wanted in asked and other not in asked and other in sentence and wanted not in item_words:
                return 0.6
    asked_way, sentence_way = _investment_direction(asked), _investment_direction(sentence)
    return 0.6 if asked_way and sentence_way and asked_way != sentence_way else 1.0


# The step of a procedure a count is of, as the verb right before it says: '受理了多少件', '共計獎補助 235 件';
# and of money, put in or spent: '投入 3.7 億元，截至年底已執行 3.6 億元', asked '實際執行了多少'.
_STEPS = "受理|核准|核定|核發|獎補助|補助|結案|申請|駁回|投入|執行|撥付"
_STEP_ASKED = re.compile(fold(rf"((?:{_STEPS})+)了?\s*(?:多少|幾)"))
_STEP_COUNTED = re.compile(fold(rf"((?:{_STEPS})+)\s*(?:共|計|達|為)?\s*$"))
_STEP = re.compile(fold(_STEPS))


def _step_factor(parsed: Question, before: str) -> float:
    """Asked how many were received (受理了多少件), a count its own verb says was granted ('獎補助 235 件')
    is of another step, whatever name the question gives the programme ('創業型 SBIR 獎補助機制')."""
    wanted, counted = _STEP_ASKED.search(parsed.folded), _STEP_COUNTED.search(before.replace(" ", ""))
    if wanted is None or counted is None:
        return 1.0
    steps_asked = {same_words(step) for step in _STEP.findall(wanted.group(1))}  # '核定補助多少家': either step
    return 1.0 if steps_asked & {same_words(step) for step in _STEP.findall(counted.group(1))} else 0.6


# Which way an investment goes: '對新南向國家投資' goes out, '新南向國家來臺投資' comes in.
_INVEST = r"投[(（]?增?[)）]?資"
_INWARD = re.compile(fold(rf"來[臺台][^，。；]{{0,6}}{_INVEST}"))
_OUTWARD = re.compile(fold(rf"[對赴][^，。；]{{1,10}}{_INVEST}"))


def _investment_direction(text: str) -> str | None:
    if _INWARD.search(text):
        return "in"
    return "out" if _OUTWARD.search(text) else None


# Words that mark a part of a counted whole: the failures among the inspected, the cases still
# open, the accepted among the proposed. '檢定 466 萬具，不合格者 1 萬 0,677 具': asked how many
# 不合格, the total is the wrong figure.
_SUBSET_WORDS = [fold(word) for word in (
    "不合格", "不符合", "不符", "未通過", "未達", "未完成", "未結", "違規", "違法", "失敗", "逾期", "退件", "駁回", "撤銷", "淘汰", "虧損",
    "被接受", "獲接受", "被採納", "獲採納", "獲選", "入選", "獲獎", "得獎",  # the accepted among those proposed
    "上年同期", "去年同期", "前一年同期",  # the base of a comparison: '98.1%(高於上年同期 95.5%)'
)]


def _subset_factor(parsed: Question, own_words: str, sentence: str, alone: bool) -> float:
    """A figure without the asked subset word beside it, in a sentence where that word stands
    by another figure, counts the whole, not the part asked for. The only figure of its sentence
    is what the sentence's subset word counts ('不符合者，均依法處分…，計處罰鍰 482 件'); so is a change
    asked of a change ('違規率 22.8%，較去年同期之 24.2%下降 1.4 個百分點': the rate's, its word a clause before)."""
    if alone:
        return 1.0
    asked = parsed.folded
    own = own_words.replace(" ", "")
    sentence = sentence.replace(" ", "")
    for word in _SUBSET_WORDS:
        if word in asked and word not in own and word in sentence and not _NAMES_A_SCHEME.match(asked, asked.find(word) + len(word)):
            return 0.6
    return 1.0


_NAMES_A_SCHEME = re.compile(fold(r"補貼|補助|救濟|救助"))  # '虧損補貼': a scheme's name, no subset of the figures


_SUBJECT_NAME = re.compile(r"\s*(?:[(（]\w{1,3}[)）])?\s*「([^」]*)」")


def _named_elsewhere_factor(parsed: Question, text: str, sentence: str) -> float:
    """'「傳統產業創新研發」…受理 1,261 案…;「中小型製造業即時輔導」…受理 728 案': asked about the
    second 「name」, a figure in a sentence whose subject is another is the other's. (A name the
    sentence counts — 完成公告「輪椅…」等 10 項 — is no subject.)"""
    asked = parsed.compacted
    subject = _SUBJECT_NAME.match(sentence)
    if subject is None or compact(subject.group(1)) in asked:
        return 1.0
    elsewhere = (compact(name[1:-1]) for name in QUOTED.findall(text))
    return 0.7 if any(name and name in asked for name in elsewhere) else 1.0


_INBOUND = fold("來臺")
_OUTBOUND = fold("對外")
_OUTBOUND_ASKED = re.compile(fold(r"對外|對[^，,？?]{1,8}投資"))


def _direction_factor(parsed: Question, sentence: str) -> float:
    """Investment into Taiwan and out of it: '新南向國家來臺投資…3.8 億美元' does not answer 對新南向
    國家的投資, nor '對外投資…118.1 億美元' 來臺投資; and what Taiwan gives is not what it is given:
    '宏國提供我…5 項產品零關稅' does not answer 我國給予宏都拉斯多少項."""
    asked = parsed.folded
    if (_GIVES_US.search(asked) and _WE_GIVE.search(sentence)) or (_WE_GIVE.search(asked) and _GIVES_US.search(sentence)):
        return 0.6
    if _INBOUND in asked:
        return 0.7 if _OUTBOUND in sentence and _INBOUND not in sentence else 1.0
    return 0.7 if _INBOUND in sentence and _OUTBOUND_ASKED.search(asked) else 1.0


_WE_GIVE = re.compile(fold(r"(?:我國|我方|臺灣|台灣)\s*(?:給予|提供|給)"))
_GIVES_US = re.compile(fold(r"(?:給予|提供|給)\s*(?:我國|我方|我|臺灣|台灣)"))


@lru_cache(maxsize=4096)
def _written(figure_text: str) -> str:
    """A figure's text as it is looked for in a question or a list: folded, without spaces. Cached:
    every candidate figure asks it of all its item's figures."""
    return compact(fold(figure_text))


_PER_TIME_ASKED = re.compile(fold(r"每(?:日|天|月|年)[^多幾]{0,12}多少(?!\s*[人家件個項處座次])"))
_PER_TIME_SAID = re.compile(fold(r"每|[日年月]產|/日|/天"))


# '銷往越南和印尼的各是多少': a figure for each place asked, which a figure naming none of them is not.
_EACH_ASKED = re.compile(r"(?:各|分別)(?:是|為|有|約)?(?:多少|幾)")


# '補助經費總額是多少': the whole, not what each gets ('每站每年補助上限 200 萬元').
_WHOLE_ASKED = re.compile(fold(r"總額|總數|總共|一共|合計|加起來|總計|總重量|總量|總人數|總件數|總金額"))
_EACH_ONE = re.compile(fold(r"每\s*(?![日天年月週周時])[\u4e00-\u9fff]"))  # 每站, 每人; 每日 is a rate, no one of many


def _whole_asked_factor(parsed: Question, own: str, sentence_before: str) -> float:
    """A whole asked ('毒品總重量'): not one of many (每站), nor a part its sentence singles out after
    the whole ('…毒品 1,245.6 公斤…。其中…查獲愷他命 612 公斤')."""
    if "每" in parsed.folded or not _WHOLE_ASKED.search(parsed.folded):
        return 1.0
    if _WHOLE_ASKED.search(own):
        return 1.0
    among = sentence_before.lstrip().startswith(_AMONG_THEM) or _AMONG_THOSE.match(sentence_before) is not None
    return 0.8 if _EACH_ONE.search(own) or among else 1.0


_AMONG_THEM = fold("其中")
_AMONG_THOSE = re.compile(fold(r"\s*[\u4e00-\u9fff]{2,12}中\s*[，,]"))  # '上半年罰鍰處分中，營造業…': a part of them


def _each_asked_factor(parsed: Question, own: str) -> float:
    if _AVERAGE_EACH_ASKED.search(parsed.text) and not _AVERAGE_SAID.search(own):
        return 0.8  # '平均每案多少錢': not the total beside it ('核撥…約 86.4 億元，…平均每案約 3,418 千元')
    places = parsed.places_named
    if len(places) < 2 or not _EACH_ASKED.search(parsed.text):
        return 1.0
    return 1.0 if any(place in own for place in places) else 0.6


_AVERAGE_EACH_ASKED = re.compile(r"平均\s*每\s*[一]?[\u4e00-\u9fff]")
_AVERAGE_SAID = re.compile(fold(r"每|[年月日]均"))  # '平均每年' is what '年均改善 2.6%' says


# What a change asked is a change of: '件數較上年減少多少百分比' asks the count's, not the amount's.
_CHANGE_OF_ASKED = re.compile(
    r"(?:(件數|家數|人數|人次|次數)|(金額|投資額|營收|產值|營業額|銷售額))[」』”]?\s*[，,]?\s*(?:\d{2,3}\s*年)?\s*[減增降升]?\s*(?:較|比(?![重例率])|相較|成長|增加|減少|提升|提高|下降|降低)"
)


# '相較 106 年，漏水率目前降到多少': the year a change is measured from, not the year a rule runs from
# (從 116 年開始, 自 114 年起). A sentence that measures its change from another year ('從 109 年期初
# 14.5%降至…') answers another question.
_BASE_YEAR_ASKED = re.compile(r"(?:相較於?|較|比|從|自)\s*(\d{2,3})\s*年(?!\s*(?:起|開始|以來|度?起|(?:到|至)\s*\d))")  # not 從 100 年到 109 年, a span
_BASE_YEAR_WRITTEN = re.compile(fold(r"(?:相較於?|較|比|從|由|自)\s*(\d{2,3})\s*年(?!\s*(?:起|開始|以來|度?起))"))


def _base_year_factor(parsed: Question, sentence: str) -> float:
    asked = _BASE_YEAR_ASKED.search(parsed.text)
    if asked is None:
        return 1.0
    written = {int(year) for year in _BASE_YEAR_WRITTEN.findall(sentence)}
    return 0.85 if written and int(asked.group(1)) not in written else 1.0


def _change_of_factor(parsed: Question, claim: Claim, neighbours: list[Claim], sentence_start: int) -> float:
    """'515 件，較上年減少 20.2％，投(增)資金額 3.8 億美元，減少 65.2％': a percentage change is of the figure
    it follows in its sentence; asked the change of a count, the change after an amount is the amount's."""
    asked = _CHANGE_OF_ASKED.search(parsed.text)
    if asked is None or claim.dimension != "percent" or "percent" not in parsed.dimensions:
        return 1.0
    before = [c for c in neighbours if sentence_start <= c.start and c.end <= claim.start and c.dimension != "percent"]
    if not before:
        return 1.0
    host = max(before, key=lambda c: c.end)
    return 1.0 if host.dimension == ("count" if asked.group(1) else "money") else 0.6


_SO_FAR = re.compile(fold(r"迄今|至今|累計|總共|共計"))


def _per_time_factor(parsed: Question, claim: Claim, own: str) -> float:
    """'每日可提供產業載水多少': an amount a day, not the count beside it ('設置 6 處…，可提供…每日 9,000 噸')."""
    if not _PER_TIME_ASKED.search(parsed.folded):
        # '迄今已抽取多少水量': a total drawn, not the rate a day ('可提供每天 3.2 萬噸水源，迄今已抽取 543 萬噸')
        return 0.85 if claim.base_unit.endswith("/day") and _SO_FAR.search(parsed.folded) else 1.0
    if claim.dimension != "count":
        return 1.0
    return 1.0 if _PER_TIME_SAID.search(own) else 0.85


def _premise_factor(parsed: Question, claim: Claim) -> float:
    """A figure the question itself states is what it asks from, not its answer: '預期 3 年內可以
    …爭取多少訂單', '持續服務的 435 件投資案中，外商投資案有幾件'."""
    stated = _written(claim.text) in parsed.compacted or (claim.dimension == "count" and _count_stated(parsed, claim))
    return 0.5 if stated else 1.0


def _count_stated(parsed: Question, claim: Claim) -> bool:
    """'11 件補助案' asked of '補助案 11 案': a count the question states in a measure word of its own."""
    number = _LEADING_NUMBER.match(_written(claim.text))
    return number is not None and number.group(0) in parsed.stated_counts


_LEADING_NUMBER = re.compile(r"\d[\d,.]*")
_A_DIGIT = re.compile(r"\d")


def _condition_factor(parsed: Question, claim: Claim, neighbours: list[Claim], clause_start: int) -> float:
    """A figure under another condition than the one the question states: asked '100 萬元以下的貸款
    保證幾成', '600 萬元以下保證成數最低 8 成' is the rate of another class than '100 萬元以下…9.5 成'."""
    asked = parsed.compacted
    stated = {n.base_unit for n in neighbours if _written(n.text) in asked}
    if not stated or claim.base_unit in stated:
        return 1.0  # a stated figure of the answer's own unit is a whole it is part of ('16 件產業合作中'), no condition
    others = [
        n for n in neighbours
        if clause_start <= n.start < claim.start and n.base_unit in stated and _written(n.text) not in asked
    ]
    return 0.7 if others else 1.0


def _without_later_brackets(clause: str, figure_end: int) -> str:
    """A clause without the brackets after the figure: '1,800 家中小企業(含新創事業約 1,300 家)' — the
    bracket names the part, which is not what 1,800 家 counts."""
    return clause[:figure_end] + BRACKETED.sub("", clause[figure_end:])


def _rate_named_factor(parsed: Question, claim: Claim, sentence: str) -> float:
    """Asked a rate by its name (脫鹽率是多少), a percentage whose sentence (or table row and column) never
    names that rate is another one ('水回收系統省能達 20%'). Rates of change are left to the kind (成長率 is 成長 N%)."""
    if claim.dimension != "percent":
        return 1.0
    tails = (segment[-3:] for segment in parsed.segments if len(segment) >= 3 and segment.endswith(_RATE))
    names = [tail for tail in tails if tail not in _CHANGE_RATES]
    compacted = same_words(compact(sentence))  # the report's 設置率 is the reader's 設置率, read alike (成立 = 設立 | 設置)
    return 0.6 if names and not any(_rate_named(name, compacted) for name in names) else 1.0


def _rate_named(name: str, compacted: str) -> bool:
    """'貸款利率' asked, '…利率為 1%' names it: a rate that is a word of two characters stands alone."""
    return name in compacted or (name[-2:] in _TWO_CHARACTER_RATES and name[-2:] in compacted)


_RATE = fold("率")
_TWO_CHARACTER_RATES = frozenset(fold(word) for word in ("利率", "費率", "稅率", "匯率", "良率"))
_CHANGE_RATES = frozenset(fold(word) for word in ("成長率", "增加率", "減少率", "增長率", "年增率", "衰退率", "成長比率", "百分率"))


def _part_factor(parsed: Question, clause: str, title: str, figure_start: int) -> float:
    """Asked how many of a whole are something (…中有多少件是新創企業), a figure whose clause does
    not name that something counts the whole — and so does one whose clause names it only among
    others counted together (專利、商標及著作權請求協處案件計 844 件), or only after the figure, for
    the next one of a breakdown ('AIoT 相關 4 件、防疫科技相關 8 件'). An item's heading names it for
    the item's figures ('1、 馬來西亞：4,215 人', '2、 烏溪鳥嘴潭人工湖：…'), unless among others."""
    if not parsed.part:
        return 1.0
    heading = compact(title)
    for part in filter(None, (parsed.part, parsed.part_core)):  # '太陽光電專案有幾件' under '（1） 太陽光電：18 件'
        if part in heading and not any(_listed_with_others(heading, found.start(), found.end()) for found in re.finditer(re.escape(part), heading)):
            return 1.0
    compacted = compact(clause)
    part = parsed.part if parsed.part in compacted else parsed.part_core
    if not part or part not in compacted or _names_a_later_figure(part, compact(clause[figure_start:]), compact(clause[:figure_start])):
        return 0.6
    return 0.6 if any(_listed_with_others(compacted, found.start(), found.end()) for found in re.finditer(re.escape(part), compacted)) else 1.0


def _names_a_later_figure(part: str, after: str, before: str) -> bool:
    """A breakdown's part named only after the figure, right before a figure of its own ('AIoT 相關 4 件、防疫科技相關 8 件')."""
    at = after.find(part)
    return part not in before and at >= 0 and _OWN_FIGURE_AFTER.match(after, at + len(part)) is not None


_JOINED = "、及与和"
_OWN_FIGURE_AFTER = re.compile(r"(?:约|逾|近|达|为|计|共)?\d")
_FIGURE_ENDS = re.compile(r"\d[^\d、及与和，,。；]{0,4}$")


def _listed_with_others(compacted: str, start: int, end: int) -> bool:
    """Whether the part at compacted[start:end] is named among others counted together: not in a
    breakdown that gives each its own figure ('海外人才 534 人、僑外生 397 人', '…、風力發電約 853.7 MW'),
    but where the figure after it counts the list ('集結產業界及公協會計 227 家成員')."""
    if compacted[end:end + 1] and compacted[end] in _JOINED:
        return True
    if not (start and compacted[start - 1] in _JOINED):
        return False
    return not _OWN_FIGURE_AFTER.match(compacted, end) or not _FIGURE_ENDS.search(compacted, 0, start - 1)


def _list_member_factor(parsed: Question, own: str, sentence: str, claim: Claim, headings: str = "") -> float:
    """'緊急抗旱水源計畫投入 14 億元，透過抗旱水井、埤塘水源…及新竹緊急海淡機組等多元開發': asked
    about one member of a list, a figure outside the list is the whole's, not the member's (雲林 of
    '於雲林、嘉義、臺南及高雄等 4 縣市 5 處農場…開發面積 423 公頃'). A place a heading of the item's is named
    for is the whole's (日本 under '（三） 日本', whatever prefectures its list names: '日本和歌山、青森')."""
    compacted = compact(sentence)
    lists = _lists_in_sentence(compacted)
    if not lists or _ASKS_SEVERAL.search(parsed.text):
        return 1.0  # '中央管河川、區域排水及海堤治理…累計完成多少公里': asked about them all, the whole's figure
    own_words = compact(own)
    figure = _written(claim.text)
    for listed in lists:
        if figure in listed or _members_named(parsed, listed) >= 2:
            continue  # the figure is one of the members, or the question asks about several of them
        # the member named again between the list and the figure governs it: '(法規命令 22 項、行政規則 2 項…)，
        # 其中法規命令截至 109 年底，已完成發布 21 項'
        at = compacted.find(listed)
        after_list = compacted[at + len(listed):] if at >= 0 else ""
        rest = after_list[:max(after_list.find(figure), 0)]
        for segment in parsed.segments:
            segment = _RATE_WORDS.sub("", segment)  # '埤塘水源每日可': the member, not how often
            grams = [segment[i:i + 2] for i in range(len(segment) - 1)]
            if (len(grams) < 3 and not is_place(segment)) or segment in parsed.anchors or (is_place(segment) and segment in headings.split()):
                continue  # short words are common; a place (雲林 of 雲林、嘉義、臺南及高雄) is not
            in_list = sum(gram in listed for gram in grams) / len(grams)
            in_own = sum(gram in own_words for gram in grams) / len(grams)
            in_rest = sum(gram in rest for gram in grams) / len(grams)
            if in_list >= 0.6 and in_own < 0.3 and in_rest < 0.6:
                # the longer the list, the less its total is any one member's (one of nine 輸變電計畫); a
                # place's never is ('美國、中國大陸、馬來西亞等市場…帶動跨境交易額達 43 億元', asked of 馬來西亞)
                return 0.6 if is_place(segment) else 0.8 if listed.count("、") < 3 else 0.7
        # a member the question names within a longer word: 漁電共生 of '漁電共生型太陽光電的設置量'
        members = [_BRACKETED.sub("", member) for member in listed.split("、")]
        within = [member for member in members if len(member) >= 3 and any(member in segment for segment in parsed.segments)]
        if any(member not in own_words and member not in rest for member in within):
            return 0.8 if listed.count("、") < 3 else 0.7
    return 1.0


_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")


_RATE_WORDS = re.compile(fold(r"每[日天月年]可?"))
# a list of three in the question, or of two closed by 等 ('美容美髮、洗衣等傳統店家'): asked of them all
_ASKS_SEVERAL = re.compile(r"[\u4e00-\u9fff]{2,}、[\u4e00-\u9fff]{2,}(?:(?:、|及|和|與)[\u4e00-\u9fff]{2,}|等)")


def _members_named(parsed: Question, listed: str) -> int:
    """How many members of a list the question names ('推廣活動、講習和說明會' names all three)."""
    segments = [segment for segment in parsed.segments if len(segment) >= 2]
    return sum(1 for name in listed.split("、") if any(segment in name or name in segment for segment in segments))


# Clause breaks in folded, compacted text, where '，' is ',' and the spaces are gone: a comma is a
# thousands separator only between a digit and exactly three ('1,773'), not in '，113 年'.
_FOLDED_CLAUSE_BREAK = re.compile(r"[，。；：;:\n]|(?<!\d),|,(?!\d{3}(?!\d))")


_TAIL_VERB = re.compile(fold("合作|共同|簽署|簽訂|執行|辦理|舉辦|進行|成立|推動"))
_ITEM_MARKER = re.compile(r"^[\d一二三四五六七八九十]+、")


@lru_cache(maxsize=1024)
def _lists_in_sentence(compacted: str) -> tuple[str, ...]:
    """The lists of things a (folded, compacted) sentence names, each as its members joined by 、.
    Cached: every figure of a sentence asks for the same lists."""
    found = []
    compacted = _ITEM_MARKER.sub("", compacted)  # '3、與台糖公司於雲林、嘉義…': the marker's 、 starts no list
    for enumeration in ENUMERATION.finditer(compacted):
        head, comma, rest = enumeration.group(0).partition("、")
        clause_end = _FOLDED_CLAUSE_BREAK.search(compacted, enumeration.end())
        # the first name without what leads into the list (台電公司規劃於…), the last one on to
        # the end of its clause (names are cut at 14 characters) but not past 等, after which
        # the whole is named (…等宣導說明會)
        tail = compacted[enumeration.end():clause_end.start() if clause_end else None].split("等")[0]
        listed = FOLDED_LEAD.sub("", head) + comma + rest.split("等")[0] + tail
        names = listed.split("、")
        names[-1] = _TAIL_VERB.split(names[-1], maxsplit=1)[0]  # '…及加拿大合作執行「PPH 計畫」': the last name ends at its verb
        listed = "、".join(names)
        if len(names) >= 3 and all(len(name) >= 2 for name in names):  # not '1、完成…' (an item marker)
            found.append(listed)
    for enumeration in QUOTED_LIST.finditer(compacted):  # 包括「第七輸變電計畫」、…及「南科…擴建計畫」
        found.append("、".join(names_of(enumeration.group(0))))
    return tuple(found)


_OPENING = re.compile(fold(r"\s*(?:[（(]|[，,]\s*其中)"))
_CLOSING = re.compile(r"[）)]")
_PART_NAME = re.compile(r"[\u4e00-\u9fff]{2,}")
_PART_LEAD = re.compile(fold(r"^(?:其中|另有|包括|包含)"))  # '其中醫院 477 家': the part is 醫院


def _breakdown_factor(parsed: Question, text: str, claim: Claim, neighbours: list[Claim], own: str, clause_start: int, clause_end: int) -> float:
    """'延攬海外科技人才 931 人（海外人才 534 人、僑外生 397 人）', '錄取 486 人，其中三等 112 人、四等
    304 人': asked for 僑外生 or 四等, a part named after a total, the total is the wrong figure."""
    opening = _OPENING.match(text, claim.end) or _breakdown_after_its_change(text, claim, neighbours)
    if opening is None:
        return 1.0
    if opening.group(0).strip().startswith(("(", "（")):
        closing = _CLOSING.search(text, opening.end())
        end = closing.start() if closing else clause_end
    else:  # '錄取 486 人，其中三等 112 人、四等 304 人': the parts run to their clause's end
        closing = _FOLDED_CLAUSE_BREAK.search(text, opening.end())
        end = closing.start() if closing else len(text)
        clause_end = end
    parts = [c for c in neighbours if opening.end() <= c.start < end]
    asked = parsed.folded
    for part in parts:
        others = [claim, *(c for c in neighbours if c is not part)]
        start, stop = _own_words(text, part, others, clause_start, clause_end)
        names = [_PART_LEAD.sub("", name) for name in _PART_NAME.findall(text[start:stop].replace(fold(part.text), " "))]
        if any(name in asked and name not in own and name not in parsed.excluded and name not in parsed.included for name in names):
            return 0.6  # ('不限建築物火災': a part the question names to set aside asks the total; so do '（含陸域與海域）' the parts it sums)
    return 1.0


_LATER_PARTS = re.compile(fold(r"[，,]\s*其中"))
_SENTENCE_END = re.compile(r"[。；;]")


def _breakdown_after_its_change(text: str, claim: Claim, neighbours: list[Claim]) -> re.Match[str] | None:
    """'保費收入 1 兆 1,283 億元，較上年同期成長 5.62%，其中壽險業 9,856 億元、產險業 1,427 億元': the
    parts may follow the total's change, no other figure of the total's unit between."""
    end = _SENTENCE_END.search(text, claim.end)
    later = _LATER_PARTS.search(text, claim.end, end.start() if end else len(text))
    if later is None or any(claim.end <= c.start < later.start() and c.base_unit == claim.base_unit for c in neighbours):
        return None
    return later


def _sub_item_factor(parsed: Question, item: Item) -> float:
    """Asked for the total of a whole the question names by a heading above the item ('投資臺灣三大方案
    總計…'), a figure of one sub-item (（二）根留臺灣方案：…共 99 家) is a part of it — unless the item
    sums things itself ('…分居前 5 名，合計約占…總額的 71.8％')."""
    group_whole = _GROUP_NAMED.search(parsed.folded) and _ALL_OF_IT.search(parsed.folded)
    if not (_TOTAL_ASKED.search(parsed.folded) or group_whole) or _TOTAL_ASKED.search(item.folded):
        return 1.0
    own = compact(fold(item.node.title))
    if not own or own in parsed.compacted:
        return 1.0
    above = compact(item.context).replace(own, "")
    return 0.85 if any(len(segment) >= 4 and segment in above for segment in parsed.segments) else 1.0


# A group named by how many it holds, asked whole: '三大方案累計有多少家' (not '配合三大方案，園區廠商…').
_GROUP_NAMED = re.compile(fold(r"[兩二三四五六七八九十]大(?:方案|計畫|產業|措施|面向|主軸|策略)"))
_ALL_OF_IT = re.compile(fold(r"累計|一共|總共|共有|全部"))


# Two things counted together: '產官學界現場及線上共逾 120 人參加'.
_COUNTED_TOGETHER = re.compile(fold(
    r"([\u4e00-\u9fff]{2})(?:及|與|和|、)([\u4e00-\u9fff]{2})(?:共|合計|總計|合共)"
    r"|(?:^|[（(])(?:含|包含|包括)([\u4e00-\u9fff]{2,4})(?:及|與|和|、)([\u4e00-\u9fff]{2,4})[）)]"  # '（含已完工及興建中）7 萬 4,132 戶'
))


# '桃園國際機場旅運量是多少': an amount asked (…量), which no percentage is, unless a share is asked.
_AMOUNT_ASKED = re.compile(r"[\u4e00-\u9fff]量\s*(?:是|有|為|達|約)?\s*(?:多少|幾)")


def _amount_factor(parsed: Question, claim: Claim) -> float:
    return 0.85 if claim.dimension == "percent" and not parsed.dimensions and _AMOUNT_ASKED.search(parsed.text) else 1.0


def _points_factor(parsed: Question, claim: Claim) -> float:
    """Asked a rate ('回復改善建議的比率是多少'), so many percentage points is how far it moved, not the rate
    ('回復率 96.8%，較 112 年之 94.1% 提升 2.7 個百分點')."""
    moved = claim.base_unit == "percentage_point" and not parsed.wants_change and not _CHANGE_ASKED_WORDS.search(parsed.folded)
    if claim.base_unit == "percent" and _POINTS.search(parsed.text):
        return 0.85  # '落後預定進度多少百分點': how far apart two rates are, not either rate ('預定進度 45.0%')
    return 0.6 if moved and _POINTS.search(parsed.text) is None else 1.0


_POINTS = re.compile(r"百分點")


def _joint_factor(parsed: Question, own: str) -> float:
    """A figure that counts two things together answers neither alone: asked how many took part
    online (線上), '現場及線上共逾 120 人' is the two together."""
    together = _COUNTED_TOGETHER.search(compact(own))
    if together is None:
        return 1.0
    named = [word for word in together.groups() if word and word in parsed.folded]
    return 0.7 if len(named) == 1 else 1.0


_TOTAL_WORDS = r"合計|總計|共計|加總|總和|合起來|加起來|加上"  # 民間業者加上政府的存量: the two summed
_TOTAL_ASKED = re.compile(fold(_TOTAL_WORDS))
_SUM_ASKED = re.compile(fold(_TOTAL_WORDS + r"|總共|一共"))  # a total asked in words that also ask a count's sum
_TOTAL_BEFORE = re.compile(fold(r"(?:合計|總計|共計|總共|合共)\s*(?:約|達|為|有)?\s*(?:[占佔][^，。；]{0,6}?)?\s*$"))  # 合計約占總額 51.1％


def _after_a_total_word(text: str, start: int) -> bool:
    """Whether the figure at `start` is a total: '…，合計 35.8 億元', '合計約占總額 51.1％'."""
    return _TOTAL_BEFORE.search(text, max(0, start - 14), start) is not None


def _total_factor(parsed: Question, text: str, claim: Claim, neighbours: list[Claim], sentence: tuple[int, int]) -> float:
    """'…安全存量 103 天，政府儲油安全存量 45 天，合計 148 天': asked for the 合計, a figure the sentence
    sums (in the total's unit) is a part of it."""
    if not _TOTAL_ASKED.search(parsed.folded):
        return 1.0
    totals = [c for c in (claim, *neighbours) if sentence[0] <= c.start < sentence[1] and c.base_unit == claim.base_unit
              and _after_a_total_word(text, c.start)]
    return 0.8 if totals and claim not in totals else 1.0


# The word a figure's count is of, standing after it and before the next member of its list
# ('200 家診斷、56 家輔導') or the end of the clause.
_WORD_AFTER = re.compile(r"\s*([\u4e00-\u9fff]{2,4}?)\s*(?:[、及与和]\s*|(?=[，,。；;]|$))")


def _named_after_factor(parsed: Question, text: str, claim: Claim, neighbours: list[Claim], clause: tuple[int, int]) -> float:
    """Figures listed each with the word after it that names it ('帶動…200 家診斷、56 家輔導'): asked
    about 輔導, a member named by a word the question leaves out is another's."""
    words = _listed_with_words_after(text, sorted((claim, *neighbours), key=lambda c: c.start), clause)
    if claim.start not in words:
        return 1.0
    return _named_member_factor(_asked_without_excluded(parsed), words, claim.start)


def _named_before_factor(parsed: Question, text: str, claim: Claim, neighbours: list[Claim], clause: tuple[int, int]) -> float:
    """Figures listed each after the word that names it ('計專利 5 萬 177 件、商標 473 件、品種權 3 件'):
    asked about 品種權, a member named by another word the question leaves out is another's."""
    inside = sorted((c for c in (claim, *neighbours) if clause[0] <= c.start < clause[1]), key=lambda c: c.start)
    if len(inside) < 3:
        return 1.0
    words, previous_end = {}, clause[0]
    for figure in inside:
        named = _WORD_BEFORE.search(text, previous_end, figure.start)
        if named is None:
            return 1.0  # not a list each of whose members is named before its figure
        words[figure.start] = named.group(1)
        previous_end = figure.end
    return _named_member_factor(_asked_without_excluded(parsed), words, claim.start)


def _named_member_factor(asked: str, words: dict[int, str], start: int) -> float:
    """A list member named by the word the question asks stands; one named otherwise (or not found
    named, ""), where another member is named by the word asked, is that other's neighbour:
    '3 家創投公司及 1 家私募股權基金' asked of 創投公司."""
    if words[start] and words[start] in asked:
        return 1.0
    return 0.7 if any(word and word in asked for word in words.values()) else 1.0


# The word that names a list member, just before its figure: after the list's 、 or 及, its lead-in (計,
# 共), a comma, or a Latin word ('完成 SI 新質量系統 2 套、…及新物質量系統 1 套').
_WORD_BEFORE = re.compile(fold(r"(?:^|[、，,計共及與和]|(?<=[A-Za-z])\s)\s*([\u4e00-\u9fff]{2,6}?)\s*(?:約|逾|達|為)?\s*$"))


def _listed_with_words_after(text: str, figures: list[Claim], clause: tuple[int, int]) -> dict[int, str]:
    """{figure start: its word} for each figure of the clause whose word after it leads to the next
    figure by a list's separator, or ends the clause after such a figure."""
    inside = [c for c in figures if clause[0] <= c.start < clause[1]]
    words: dict[int, str] = {}  # a member whose word is not found has ""
    for figure, following in zip(inside, [*inside[1:], None], strict=True):
        found = _WORD_AFTER.match(text, figure.end, clause[1])
        if found is None:
            continue
        if following is not None and _LEADS_TO_NEXT.fullmatch(text, found.end(), following.start):
            words[figure.start] = found.group(1)
            words.setdefault(following.start, "")
        elif figure.start in words and (following is None or found.end() <= following.start):
            words[figure.start] = found.group(1)
    return words


# Between a list's separator and its next figure, a few words may stand: '23 家海外買主與臺灣 13 家品牌企業'.
_LEADS_TO_NEXT = re.compile(r"[\u4e00-\u9fff]{0,3}\s*")


def _asked_without_excluded(parsed: Question) -> str:
    asked = parsed.folded
    for word in parsed.excluded:
        asked = asked.replace(word, "")
    return asked


# '由 538 公頃增加為 835 公頃': the first figure is where a change started, the second where it
# ended. A reader asking how large something is (or what it grew to) wants the end, unless the
# question asks where it started.
# '已從 106 年的 16%降到目前 13.5%', '從 109 年期初 14.5%降至 109 年底 13.9%': a change's start and end, with
# the year it started and the end's 目前 or year
_CHANGE_FROM = re.compile(fold(rf"{FROM}\s*{FROM_LEAD}\s*的?\s*$"))
_CHANGE_TO = re.compile(fold(rf"^\s*{CHANGE_VERB}?\s*{TO}\s*(?:目前|現在|現今|\d{{2,3}}\s*年(?:底|初|度|期末)?)?\s*$"))
_ASKS_START = re.compile(fold(r"原本|原來|原先|起初|之前|由多少|從多少|(?<=[\u4e00-\u9fff]{2})前(?=\s*[，,])"))  # 'AI 乳篩…導入前，…要等多久'


def _start_of_change(text: str, claim: Claim, neighbours: list[Claim]) -> Claim | None:
    """The figure a change started from, when `claim` is where it ended."""
    earlier = [c for c in neighbours if c.end <= claim.start]
    if not earlier:
        return None
    start = max(earlier, key=lambda c: c.end)
    linked = _CHANGE_FROM.search(text, max(0, start.start - FROM_REACH), start.start) and _CHANGE_TO.match(text[start.end:claim.start])
    return start if linked else None


def _end_of_change_factor(parsed: Question, text: str, claim: Claim, neighbours: list[Claim]) -> float:
    """The figure of a change's two ends that the question does not ask for counts less."""
    if _ASKS_START.search(parsed.folded):
        return 0.85 if _start_of_change(text, claim, neighbours) is not None else 1.0
    later = [c for c in neighbours if c.start >= claim.end]
    if not later:
        return 1.0
    return 0.85 if _start_of_change(text, min(later, key=lambda c: c.start), [claim]) is claim else 1.0


_OPENS_BRACKET = re.compile(r"\s*[(（]\s*$")


_SHARE_IN_CLAUSE = re.compile(fold(r"[占佔]"))
_PARTS_FROM_HERE = re.compile(fold(r"[，,]\s*其中[^。；;]*$"))


def _whole_of_share(text: str, claim: Claim, neighbours: list[Claim], clause_start: int) -> Claim | None:
    """The amount a list of shares goes on from: '信保基金獲捐助 1,514.2 億元，其中政府占 71.8％，金融機構占
    28.2％' (each share, not the first only)."""
    if claim.base_unit != "percent" or not _SHARE_IN_CLAUSE.search(text, clause_start, claim.start):
        return None
    earlier = [c for c in neighbours if c.end <= clause_start and c.base_unit != "percent"]
    if not earlier:
        return None
    whole = max(earlier, key=lambda c: c.end)
    return whole if _PARTS_FROM_HERE.match(text[whole.end:claim.start]) else None


def _converted_factor(parsed: Question, text: str, claim: Claim, host: Claim | None) -> float:
    """'委託金額換算成美元是多少': an amount asked as converted is the one that restates another ('折合約 572.4 億美元')."""
    if not _CONVERSION_ASKED.search(parsed.text):
        return 1.0
    return 1.0 if host is not None and _CONVERTED.fullmatch(text[host.end:claim.start]) else 0.8


_CONVERSION_ASKED = re.compile(r"換算|折合|折算")


def _bracket_host(text: str, claim: Claim, neighbours: list[Claim]) -> Claim | None:
    """The amount a bracketed figure stands right after: '14.1 億美元（23.8％）', or that a converted
    figure restates: '委託金額新臺幣 1 兆 8,765.4 億元，折合約 572.4 億美元'."""
    earlier = [c for c in neighbours if c.end <= claim.start]
    if not earlier:
        return None
    host = max(earlier, key=lambda c: c.end)
    between = text[host.end:claim.start]
    if _OPENS_BRACKET.match(between) or (claim.dimension == host.dimension == "money" and _CONVERTED.fullmatch(between)):
        return host
    # '112 年對美國出口 8.96 億美元，占 16.8%': a share whose clause opens with 占 is the amount's
    return host if claim.dimension == "percent" and host.dimension != "percent" and _SHARE_GOES_ON.fullmatch(between) else None


_CONVERTED = re.compile(fold(r"\s*[，,]?\s*(?:折合|約合|換算(?:成|為)?|相當於)\s*(?:約|為)?\s*"))
_SHARE_GOES_ON = re.compile(fold(r"\s*[，,]\s*(?:約|合計|共)?\s*[占佔]\s*(?:約|達)?\s*"))
_NUMBER = re.compile(r"\d[\d,.]*")
_RESPECTIVELY = fold("分別")  # windows are searched in folded text


def _respective_item(text: str, claim: Claim, clause_start: int, sentence_start: int) -> str:
    """'專利、商標新申請案電子申請比率分別攀升至 85.8％、84％': the k-th figure after 分別 belongs
    to the k-th thing listed before it (84％ → 商標). What the last one goes on to say past the
    others' length is said of all: '石門及曾文水庫去年度清淤量分別達到 334 萬及 382 萬' — 334 萬 is 石門's
    水庫去年度清淤量 as much as 382 萬 is 曾文's. A clause that follows with its own figures in the same
    order keeps the pairing: '…，使水庫庫容增加 120 萬及 155 萬立方公尺' — 155 萬 is 曾文's too."""
    marker = text.rfind(_RESPECTIVELY, clause_start, claim.start)
    if marker >= 0:
        list_start, position = clause_start, len(_NUMBER.findall(text[marker:claim.start]))
    else:
        marker = text.rfind(_RESPECTIVELY, sentence_start, clause_start)
        if marker < 0 or not _LISTED_FIGURES.match(text, _first_figure(text, clause_start, claim.start)):
            return ""
        list_start, position = clause_span(text, marker, marker)[0], len(_NUMBER.findall(text[clause_start:claim.start]))
    listed = re.split(r"、|及|与|和", text[list_start:marker])
    if len(listed) < 2 or position >= len(listed):
        return ""
    length = max(len(part.strip()) for part in listed[:-1])
    last = listed[-1].strip()
    listed[-1], shared = last[:length], last[length:]
    return " " + listed[position] + " " + shared


# figures listed one after another, as 分別's are: '120 萬及 155 萬立方公尺'
_LISTED_FIGURES = re.compile(r"\d[\d,.]*\s*[万亿萬億千百]?\s*(?:、|及|与|和)\s*\d")


def _first_figure(text: str, start: int, end: int) -> int:
    number = _NUMBER.search(text, start, end)
    return number.start() if number else end


_OWN_START = re.compile(r"[、(（]")
_OWN_END = re.compile(r"[、)）(（]|及|與|与|和|以及")


def _own_words(text: str, claim: Claim, neighbours: list[Claim], clause_start: int, clause_end: int) -> tuple[int, int]:
    """The words that belong to this figure in a list or a bracket: back to the previous figure,
    、 or opening bracket, and on to the next 、, 及, closing bracket or figure
    ('7,000 家餐飲業者…、958 家零售業者…'; '保險 7,789件(承保金額約 588.9億元)及利息補貼 268件')."""
    before = max([clause_start] + [_past_name(text, c.end, claim.start) for c in neighbours if c.end <= claim.start])
    respectively = text.rfind(_RESPECTIVELY, before, claim.start)
    if respectively >= 0:
        before = respectively + 2  # what comes before 分別 is shared out by _respective_item
    starts = list(_OWN_START.finditer(text, before, claim.start))
    if starts:
        before = starts[-1].end()
    after = min([clause_end] + [c.start for c in neighbours if c.start >= claim.end])
    end = _OWN_END.search(text, _past_name(text, claim.end, after), after)
    if end:
        after = end.start()
    return before, after


_NAME_AFTER = re.compile(r"\s*「[^」]*」")


def _asked_words_factor(parsed: Question, text: str, claim: Claim, neighbours: list[Claim], own: str, sentence: tuple[int, int]) -> float:
    """'…等措施，已調度節水多少', asked of '工業節水 7~11%、…等措施，已調度節水達 8 億噸': the words right before
    the question's 多少 are what it counts; where another figure of the sentence has them for its own words
    and this one has not, that figure is the one asked (the list before it only says how)."""
    asked = _ASKED_WORDS.search(parsed.folded)
    words = _ASKED_WORDS_AROUND.sub("", asked.group(1)) if asked else ""
    own_words = compact(own)
    if len(words) < 3 or words in own_words:
        return 1.0
    for other in neighbours:
        if sentence[0] <= other.start < sentence[1]:
            start, end = _own_words(text, other, [c for c in neighbours if c is not other] + [claim], *clause_span(text, other.start, other.end))
            if words in compact(text[start:end]):
                return 0.85
    return 1.0


# The words a question's 多少 closes: '已調度節水達多少' → 調度節水 (not 已, 達, 了, 共 or the end of a date).
_ASKED_WORDS = re.compile(r"([\u4e00-\u9fff]+)(?=多少|几)")  # folded
_ASKED_WORDS_AROUND = re.compile(fold(r"^(?:[年月日季底初]|已|共|總共|累計)+|(?:了|達|約|為)+$"))


def _alone_asked_factor(parsed: Question, sentence_before: str) -> float:
    """'臺馬聯合網購節單獨帶動的銷售額', asked of '透過「2020 臺馬聯合網購節」…、「Taiwan Select 臺灣週」…活動，帶動…
    2,289 萬元銷售額': what one of them did alone, which a figure of two or more named together is not."""
    return 0.7 if _ALONE_ASKED.search(parsed.text) and len(QUOTED.findall(sentence_before)) >= 2 else 1.0


_ALONE_ASKED = re.compile(r"單獨|個別|各自|本身")


def _stated_elsewhere_factor(parsed: Question, text: str, claim: Claim, neighbours: list[Claim], sentence: str) -> float:
    """'核定 112 案共補助多少經費', asked of '商圈部分計核定 112 案，補助 9,089 萬元；補助商圈辦理行銷…活動，…補助
    1.38 億元': a figure the question states marks the sentence it asks about; where that sentence holds a
    figure like this one, this one, of another sentence, is not the one asked."""
    stated = [anchor for anchor in parsed.anchors if anchor not in parsed.date_anchors and _A_DIGIT.search(anchor)]
    own_sentence = compact(sentence)
    for anchor in (anchor for anchor in stated if anchor not in own_sentence):
        for other in neighbours:
            if other.base_unit == claim.base_unit and anchor in compact(text[slice(*sentence_span(text, other.start))]):
                return 0.85
    return 1.0


def _row_named(text: str, start: int) -> str:
    """A tab-parted table's row names what all its cells say: '焚化廠升級整備計畫	112 年至 118 年	3,264,800	補助地方…，
    計畫總經費 301.5 億元' (the figure in its last cell is the plan's)."""
    line_start = text.rfind("\n", 0, start) + 1
    first_tab = text.find("\t", line_start, start)
    return fold(text[line_start:first_tab]) if first_tab > line_start else ""


def _past_name(text: str, end: int, limit: int) -> int:
    """Where a figure's words may end: past the 「name」 that follows it, which names what it
    counts ('4 場「臺日經貿媒合與技術交流線上商談會」與 2 場「臺日經貿研討會」')."""
    name = _NAME_AFTER.match(text, end, limit)
    return name.end() if name else end


def _period_factor(parsed: Question, claim: Claim, sentence: str, earlier: str = "") -> float:
    """How well the figure's period fits the one asked; `earlier` is its item's text before its sentence."""
    if parsed.period is None:
        return 1.0
    start, end = parsed.period
    claim_start, claim_end = claim.period_start, claim.period_end
    if claim_start is None and claim_end is None:
        if _sentence_mentions(sentence, start, end):
            return 1.0
        if not _own_clause_dated(sentence) and not _NOW.search(sentence) and _sentence_mentions(earlier, start, end):
            return 0.95  # '109 年計協助 17 個…街區，…。辦理 206 場次…，計 13 萬 1,773 人次參加': the item's year
        # '安全存量天數 108 年至少 7 天，116 年至少 14 天' (a rule: no period of its own) asked for 112 年:
        # the figure's own clause names another year
        return 0.45 if _own_clause_dated(sentence) else 0.8
    if parsed.as_of and claim_end == end:
        # '截至 109 年底完成汰換 818 公里' answers 截至 109 年底 better than '109 年汰換 678 公里' does
        if claim_start is None or claim.kind in ("target", "forecast"):
            return 1.0
        if _SINCE_LONG_AGO.search(parsed.text):  # '從開辦以來到 114 年 6 月底': a sum since the start, not the last months'
            days = (claim_end - claim_start).days  # nor the last year's ('截至 109 年底累計完成汰換' is not '109 年汰換 678 公里')
            if days > _MORE_THAN_A_YEAR:  # since the fund was set up: not since a later day ('自 108 年 5 月至 109 年底')
                return 0.95 if _SINCE_FOUNDED.search(parsed.text) else 1.0
            return 0.9 if days > _MOST_OF_A_YEAR else 0.85
        return 0.95
    if (claim_start, claim_end) == (start, end):
        return 1.0
    if end is None and start is not None and start in (claim_start, claim_end):
        return 1.0  # '115 年初起每日可供水多少': since the day the figure is dated ('115 年初可供水每日 5.8 萬噸')
    if claim_end is not None and start is not None and end is not None and start <= claim_end <= end:
        # '自 108 年 5 月至 109 年底計辦理 10 萬 6,162 件' counts more than 109 年 alone
        if claim_start is not None and claim_start < start and not parsed.as_of:
            return 0.5 if _ONE_YEAR_ASKED.search(parsed.text) else 0.75
        if claim_start is None and not parsed.as_of and _ONE_YEAR_ASKED.search(parsed.text):
            return 0.6  # '光是 109 年一年受理了幾件', '至 109 年累計共受理 7,740 件': a sum since long before that year
        if claim_start is not None and (claim_end - claim_start).days < _MOST_OF_A_YEAR and _WHOLE_YEAR_ASKED.search(parsed.text):
            return 0.6  # '112 年全年出口金額' asked, '112 年 1 至 8 月出口 2,808.5 億美元': part of the year
        if claim_start is not None and (end - start).days < _MOST_OF_A_YEAR and _shorter_span(claim_start, claim_end, start, end):
            return 0.6  # '112 年 1 至 8 月門診人次' asked, '112 年上半年門診 1 億 7,356 萬人次': a shorter span
        return 0.95
    if claim_start is not None and start is not None and end is not None and start <= claim_start <= end:
        return 0.9
    if claim_start is None and end is not None and claim_end is not None and 0 < (claim_end - end).days <= _CUT_OFF_DAYS:
        # '109 年推動…' asked, '截至 110 年 1 月底…合計 32,534 人次': the year's work, counted at the report's cut-off
        # (not a stock asked at a date months before: '113 年 12 月底…餘額' is no '114 年 2 月底…餘額')
        return 0.85 if not parsed.as_of or (claim_end - end).days <= _DAYS_OF_A_MONTH else 0.45
    return 0.45


def _shorter_span(claim_start: date, claim_end: date, start: date, end: date) -> bool:
    """A span of whole months that leaves a good part of the one asked out: 上半年 for 1 至 8 月, 7 至
    8 月 for 第 3 季 (events' days, 8 月 14 日…9 月 11 日, may well be what 8 至 9 月 asks for)."""
    whole_months = claim_start.day == 1 and (claim_end + timedelta(days=1)).day == 1
    return whole_months and (claim_end - claim_start).days < _MOST_OF_A_SPAN * (end - start).days


_MOST_OF_A_SPAN = 0.8
_DAYS_OF_A_MONTH = 31


# How long after a year a report may count that year's work up to ('截至 110 年 2 月底').
_CUT_OFF_DAYS = 62


_NOW = re.compile(r"現行|目前|現在|迄今")
_SINCE_LONG_AGO = re.compile(r"以來|累計|累積|開辦|迄今|至今")
_SINCE_FOUNDED = re.compile(r"設立|成立|創立|開辦")
_WHOLE_YEAR_ASKED = re.compile(r"全年|整年|一整年")
_MOST_OF_A_YEAR = 300  # days
_MORE_THAN_A_YEAR = 400
# Asked about one year only (單一年度節電多少度): a sum since an earlier year is no answer.
_ONE_YEAR_ASKED = re.compile(r"單一年度|單年度|單年|單就|單在|當年度?|一整年|全年|(?<![第每])一年(?![內期以多半])|這一年|那一年")


def _own_clause_dated(sentence: str) -> bool:
    """Whether the last clause of `sentence` (which ends with the figure's own) names a time."""
    breaks = [match.end() for match in CLAUSE_BREAK.finditer(sentence)]
    return bool(find_time_expressions(sentence[breaks[-1] if breaks else 0:]))


def _sentence_mentions(sentence: str, start: date | None, end: date | None) -> bool:
    return any(expr.period_end == end or (start is not None and expr.period_start == start) for expr in find_time_expressions(sentence))


# Words that ask for a cap, a floor or a threshold — what a rule figure states.
_ASKS_RULE = re.compile(fold(r"上限|下限|最多|最高|最少|最低|至少|以上|以下|門檻|規定|須|需|要|可以|可|年內|月內|天內|日內"))


# A threshold asked: '下滑多少以上才得…', '至少要幾成才能…', '營業額須較去年同期減少多少以上？', '下降多少才算艱困事業'.
_ASKS_THRESHOLD = re.compile(fold(
    r"多少(?:以上|以下)\s*(?:才|者|的)|(?:多少|幾).{0,6}(?:才能|才得|才可|才算|才屬)|(?:須|需|必須|要)[^，,？?]{0,16}多少(?:以上|以下)\s*[？?]?\s*$"
))
_ADDED = fold("新增")
# '…較 108 年提升多少？': asked by how much something changed from a base, a level is no answer.
_RISE_OR_FALL = "成長|減少|增加|提升|提高|上升|下降|降低"
_CHANGED_FROM_A_BASE = re.compile(fold(rf"(?:較|比)[^，,。；;]{{0,10}}(?:{_RISE_OR_FALL})\s*(?:約|達)?\s*$"))
_BASE_NAMED = re.compile(fold(r"(?:和|與|跟)[^，,？?]{1,10}相比|相較於?[^，,？?]{1,10}[，,]|比起"))  # '和去年同期相比，…減少了幾個百分比'
_CHANGE_FROM_A_BASE = re.compile(fold(
    rf"(?:較|比|相較).{{0,12}}(?:{_RISE_OR_FALL})了?\s*多少\s*(?:萬|億|兆|千)?\s*(?:元|美元|人|家|件)?\s*[？?]?\s*$",
))


_SHARE_ASKED = re.compile(fold(r"所[占佔]|[占佔][^，,？?]{0,10}(?:比率|比例|比重|百分之|多少)|占比|佔比"))


def _kind_factor(parsed: Question, claim: Claim, own: str, before: str) -> float:
    if _ASKS_THRESHOLD.search(parsed.folded):
        return 1.0 if claim.kind == "rule" else 0.7  # '營業額下滑多少以上才得享有利息補貼': the threshold, not an amount granted
    if parsed.wants_actual and claim.kind in ("target", "forecast", "rule"):
        return 0.6  # '平均月薪實際是多少': not what was aimed at, nor the floor a rule sets
    if claim.kind == "rule" and claim.qualifier in ("more_than", "at_least") and not _ASKS_RULE.search(parsed.folded):
        # '5 億元以上之民間新增投資案件…投資金額 1.5 兆元': the class's threshold is no amount of it (a rate
        # or an amount a scheme grants is what is asked: '一般保險費率由 4.69% 調整為 5.17%')
        return 0.85
    if claim.kind == "change" and _SHARE_ASKED.search(parsed.folded) and not parsed.wants_change:
        return 0.6  # '荷蘭投資金額所占的比率': a share of the whole, not how much the whole grew (成長 68.1%)
    if parsed.wants_change and (_CHANGE_FROM_A_BASE.search(parsed.folded) or _BASE_NAMED.search(fold(parsed.asked))):
        # '預估產值占比較 108 年提升多少': the change, not the share (nor the level); a plan's change is typed
        # target, its words say what it is ('115 年度概算 74.6 億元，較本年增加約 3.5 億元')
        return 1.0 if claim.kind == "change" or _CHANGED_FROM_A_BASE.search(before.replace(" ", "")) else 0.55
    if parsed.wants_target:
        # a rule phased in for a year to come ('116 年至少 14 天') is as much what is planned as a target
        to_come = claim.kind in ("target", "forecast", "rule") or (claim.kind == "change" and _TO_COME.search(own) is not None)
        # '約可創造 1GW 義務容量市場': what a measure can bring, typed actual, is what is expected of it
        to_come = to_come or (claim.kind == "actual" and _TO_COME.search(before[-6:]) is not None)
        return 1.0 if to_come else 0.85
    if parsed.wants_change:
        # '帶動新增營業額約 35 億元' is an increase, though a 新增 figure is typed actual
        return 1.0 if claim.kind == "change" or _ADDED in own else 0.8
    if parsed.wants_actual:
        return 1.0
    if claim.kind == "change" and not _CHANGE_ASKED_WORDS.search(parsed.folded):
        return 0.9  # '國防預算相當於 GDP 的百分之多少', '…總共多少錢': a level or share, not its growth (增加 421 億元, 成長 10.2%)
    if _PLANS_TOTAL.search(own) and not _ONE_OF_THEM_ASKED.search(parsed.text):
        return 1.0  # '計畫期程為 106 年 1 月至 115 年 12 月，投資總額 1,104.6 億元': a plan's cost (or size) is its own, planned or spent
    if _POTENTIAL_ASKED.search(parsed.text):
        return 1.0  # '大約能提供多少砂石成品': what a thing can yield, which a report estimates ('約可提供…')
    return 0.8 if claim.kind in ("target", "forecast") else 1.0


_POTENTIAL_ASKED = re.compile(r"能\s*(?:提供|供應|供水|創造|帶動|節省|產生|發電|減少)")
_ONE_OF_THEM_ASKED = re.compile(r"單部|單一|每部|每座|每臺|每台|第\s*\d+\s*號機")  # '第 8 號機組…裝置容量': one unit's, not the plan's total
_PLANS_TOTAL = re.compile(fold(r"投資總額|總投資金?額|總經費|計畫經費|總預算|總裝置容量"))  # and its size: 裝置 3 部機組，總裝置容量 316 萬瓩
_CHANGE_ASKED_WORDS = re.compile(fold(
    r"成長|增加|減少|提升|提高|下降|降低|改善(?!建議|措施|計畫|方案|工程)|增幅|減幅|降幅|變化|差距|相差|多了|少了|增|減|較|比|省|節水|節電|節能|節約|縮短"
))  # not 改善建議, a noun
# A change still to come is typed a change, not a target: '可減少淹水面積 18.1 公頃'.
_TO_COME = re.compile(fold("可|將|預計|預估|估計|預期"))


# A clause that opens with 可/將/並 … goes on from the clause before it: '預計 111 年 11 月完成第一期
# 工程，可供水每日 1 萬噸，113 年 11 月完成全期工程，可供水每日 3.75 萬噸'.
_GOES_ON = re.compile(fold(r"\s*(?:可|將|並|即|則|預計可|預估可|預期可|約?占|約?佔)"))  # '…以協助行政流程最多，約占 52％': a share of what came before


# A clause that opens with the amount of what the clause before counted: '已完成協處 126 件，投資金額約
# 8,110.04 億元，持續服務案件計 435 件，投資金額約為 1.76 兆元' — 1.76 兆元 is the 435 cases' amount.
_AMOUNT_OF_COUNTED = re.compile(fold(r"\s*(?:其)?(?:投資|投\(增\)資|投（增）資|補助|貸款|融資|核貸|保證|承保|總)?(?:金額|經費|額度)"))


def _condition_of_subjectless(item: Item, clause_start: int, sentence_start: int, neighbours: list[Claim], claim: Claim) -> str:
    """The clause before a figure's clause that goes on from it, when that clause holds no figure
    or only the count whose amount this clause gives."""
    if clause_start <= sentence_start:
        return ""
    goes_on, amount_of = _GOES_ON.match(item.folded, clause_start), _AMOUNT_OF_COUNTED.match(item.folded, clause_start)
    if not (goes_on or amount_of):
        return ""
    # clauses are cut in the text as written: folded, '，113 年' would read as a thousands separator
    previous_start, _ = clause_span(item.node.text, clause_start - 1, clause_start - 1)
    previous_start = max(previous_start, sentence_start)
    figures = [other for other in neighbours if other is not claim and previous_start <= other.start < clause_start]
    if figures and not (amount_of and claim.dimension == "money" and all(other.dimension == "count" for other in figures)):
        return ""
    return item.folded[previous_start:clause_start]
