"""Where things stand in a report item's text: its sentences and clauses, the names it quotes in
「」, the lists of names it writes with 、 — what `ask` looks at around a figure, a date or a list.

Offsets are the same in an item's text and in its folded form (`textnorm.fold` keeps lengths),
so spans found in one are used in the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from policyledger.entities import leading_place
from policyledger.model import Claim, Node
from policyledger.quantity.numbers import count_of
from policyledger.textnorm import fold


@dataclass
class Item:
    """A candidate outline item, as `ask` reads it."""

    doc: str
    node: Node
    context: str  # folded: the item's title and the titles above it
    score: float  # retrieval score
    folded: str = ""  # the node's text, folded (set on load)
    lead: str = ""  # its list's first item when that opens with a year ('1、 109 年核准對中國大陸投資…'), and it is not that item
    list_topic: str = ""  # folded: its list's first item's opening sentence, which may name what the list is about, when it is not that item


# A semicolon inside brackets parts the bracket's list, not the sentence: '課徵監視案 9 件(中國大陸之毛巾…；
# 以及…碳鋼鋼板)，共計 11 件。' is one sentence.
SENTENCE = re.compile(r"(?:[（(][^（）()。\n]{1,200}[）)]|[^。；;\n]|[；;](?=\s*其中))+[。；;]?")
OPENING_SENTENCE = re.compile(r"[^。；;]*")  # over line breaks: a heading may wrap
CLAUSE_BREAK = re.compile(r"[，。；：;:\n]|,(?!\d)")


QUOTED = re.compile(r"「[^」]*」")


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause holding text[start:end]: between the breaks (，。；： …) around it."""
    left = 0
    for match in CLAUSE_BREAK.finditer(text, 0, start):
        left = match.end()
    right = CLAUSE_BREAK.search(text, end)
    return left, right.start() if right else len(text)


def sentence_span(text: str, offset: int) -> tuple[int, int]:
    """The sentence holding `offset` (。 and ； end one; so does a line break in a heading)."""
    for match in SENTENCE.finditer(text):
        if match.start() <= offset < match.end():
            return match.start(), match.end()
    return 0, len(text)


# A list: names of up to 14 characters joined by 、 (the last perhaps by 及/與/和/暨), each
# perhaps followed by a bracketed note: '越南(6 月 8 日)、印尼(6 月 18 日)…及泰國(10 月 16 日)'.
# A name may hold one space next to Latin letters (HTC DeepQ, 5G 及電信安全) and one more between Latin
# words (泰國 PChome Thai).
_NAME_CHAR = r"[^、，,。；;：:\s（）()「」]"  # what a listed name may hold: no separator, space, bracket or quote
_UNIT_OF_A_PLANT = r"\s?\d{1,2}\s?號機組?"  # '林口新 3 號機': a plant's unit, named by its number
_LIST_NAME = (
    rf"(?:{_NAME_CHAR}{{1,10}}?{_UNIT_OF_A_PLANT}"
    rf"|{_NAME_CHAR}{{1,14}}(?:(?:\s(?=[A-Za-z])|(?<=[A-Za-z])\s){_NAME_CHAR}{{1,12}})?(?:(?<=[A-Za-z])\s[A-Za-z][A-Za-z0-9]{{0,11}})?)"
    rf"(?:[（(][^（）()]{{0,24}}[）)])?"
)
# The last name of a list closed by 等 may be longer: 等 says where it ends ('…饋線自動化設備擴建及數位電驛設備汰換等各項強韌工程').
_LAST_NAME = rf"(?:(?:{_NAME_CHAR}|\s(?=[A-Za-z])|(?<=[A-Za-z])\s){{1,22}}(?=等)|{_LIST_NAME})"
# The part after the last 、 is split at its first conjunction before its 14 characters run out:
# '…、根留臺灣企業加速投資及中小企業加速投資三大方案' is two names, not one cut at 中小企.
_CONJUNCTION = "及|與|和|暨|或者|或"
ENUMERATION = re.compile(
    rf"{_LIST_NAME}(?:、{_LIST_NAME})*、(?:{_NAME_CHAR}{{1,14}}?(?:{_CONJUNCTION})\s?{_LAST_NAME}|{_LAST_NAME}(?:(?:{_CONJUNCTION})\s?{_LAST_NAME})?)"
)
# Two names joined by a conjunction ('取得馬國吉隆坡國際機場與沙巴公家機關合作共識'): a list too,
# but a weaker one, since 'A 與 B' also joins things that are no answer.
# The second name may run to its clause's end ('…以及台電公司台中港接收站與協和接收站，以提升…'); not
# '351 位跨域高創價及體感人才' (a count's noun after its number).
_PAIR = re.compile(
    rf"(?<!\d)(?<!\d\s){_LIST_NAME}(?:以及|(?<!以)及|與|和|暨)(?:{_NAME_CHAR}{{15,22}}(?=[，,。；;]|等)|{_LIST_NAME})"
)
PAIR_WEIGHT = 0.9
# Two names a bracket gives for what it follows: '於 2 個關鍵基礎設施(台電和台水)執行場域驗證'.
_BRACKETED_PAIR = re.compile(rf"(?<=[（(]){_NAME_CHAR}{{1,14}}(?:及|與|和|暨){_NAME_CHAR}{{1,14}}(?=[）)])")
# Two names in Latin letters joined by a conjunction, spaced as written ('獲國際大廠 Amgen 及 Takada 委託').
LATIN_CHAR = r"[A-Za-z0-9&.\-]"  # what a name in Latin letters holds after its first letter (M&C, blibli, DBPR115)
LATIN_WORD = rf"[A-Za-z]{LATIN_CHAR}*"
_LATIN_PAIR = re.compile(rf"(?<![A-Za-z0-9]){LATIN_WORD}(?: {LATIN_WORD})?\s*(?:及|與|和)\s*{LATIN_WORD}(?: [A-Z]{LATIN_CHAR}*)?(?![A-Za-z0-9])")
BRACKETED = re.compile(r"[（(][^（）()]*[）)]")  # a bracket and what it holds (no bracket inside)
# The words that lead into a list ('包括…', '與…'). A verb's are cut first, 與 only where there is
# none: '雙方就科學與技術、…' keeps 科學與技術 whole.
_LEAD_VERBS = (
    "包括|包含|計有|共有|例如|透過|藉由|經由|如|於|(?<![駐存現所正實])在|有|辦理|執行|推動|稽核|赴|向|對|就|取得"
    "|結合|邀集|邀請|導入|參照|擬訂|擬定|係由|由|新建|興建|擴建|運用|利用|完成|其中"
)
_ITEM_LEAD = re.compile(rf"^.*(?:{_LEAD_VERBS}|與)")
_LEAD_VERB = re.compile(_LEAD_VERBS)
FOLDED_LEAD = re.compile(fold(_ITEM_LEAD.pattern))
_HOME_WITH = re.compile(r"^\s*(?:我國|我方|本部|本會|本署)\s*(?:與|和|跟)")
_COMPOUND_COOPERATION = r"(?<!技術)(?<!國際)(?<!產學)(?<!策略)(?<!雙邊)(?<!區域)(?<!經濟)(?<!工業)(?<!產業)"  # 技術合作 is a name, not the verb after a list
_ITEM_TAIL = re.compile(
    rf"(?:等|分別?(?:於|在)|{_COMPOUND_COOPERATION}合作|辦理|達成|進駐|執行|共同|各|兩|均|皆|(?<![A-Za-z.\-])\d(?!\d?\s?號機)"  # not KP.2's 2, 3 號機
    rf"|(?<=[\u4e00-\u9fff]{{2}})(?:設置|建置|興建)).*$"
)


# Names in 「」 joined by 、 or a conjunction (folded text too: 与): '包括「第七輸變電計畫」、…及
# 「南科超高壓變電所擴建計畫」', '「2020 年度亞洲最佳會議獎旅目的地獎」及「最佳創新目的地行銷特別獎」'.
QUOTED_LIST = re.compile(r"「[^「」]{1,40}」(?:\s*(?:、|及|與|与|和|暨)\s*「[^「」]{1,40}」)+")
# A list numbered inline: '近期對臺策略包括（1）以軍逼統、（2）以法制獨、（3）以商圍政'.
_NUMBERED_ITEM = (r"[（(]\d{1,2}[）)]\s*(?:[^（）()、，,。；;：:「」\s]|\s(?=[\dA-Za-z])|(?<=[\dA-Za-z])\s(?=\S)){1,24}?"  # 偏鄉寬頻及 5G 建設
                  r"(?=\s*(?:、|及|與|和)\s*[（(]\d|[、，,。；;：:「」]|(?<![\dA-Za-z])\s(?![\dA-Za-z])|等|$)")
NUMBERED_LIST = re.compile(rf"{_NUMBERED_ITEM}(?:\s*(?:、|及|與|和)\s*{_NUMBERED_ITEM})+")


def lists_in(sentence: str) -> list[tuple[re.Match[str], float]]:
    """A sentence's 、-lists and lists of 「names」, or where it has no 、-list, its pairs joined by
    a conjunction."""
    lists = [(match, 1.0) for match in ENUMERATION.finditer(sentence)]
    quoted = [(match, 1.0) for pattern in (QUOTED_LIST, NUMBERED_LIST) for match in pattern.finditer(sentence)]
    found = (lists or [(match, PAIR_WEIGHT) for match in _PAIR.finditer(sentence)]) + quoted
    taken = [(match.start(), match.end()) for match, _ in found]
    apart = [
        (match, PAIR_WEIGHT) for match in (*_BRACKETED_PAIR.finditer(sentence), *_LATIN_PAIR.finditer(sentence))
        if not any(start < match.end() and match.start() < end for start, end in taken)
    ]
    return found + apart


# A list its count closes ('協助廠商登記出進口資格全部線上辦理、廠商資料變更(如地址、負責人)免申請及申請英文名稱
# 規定放寬等 3 項措施'): the count says how many names there are, so they may be long and hold brackets.
_COUNT_CLOSING = re.compile(r"等\s*(\d+|[一二三四五六七八九十兩])\s*(?:項|個|種|類|大|家|國|座|處|案|所|條|場|位|名|部|款)")


# A count whose bracket names what it counts ('反傾銷稅調查案 2 件(中國大陸之鋁箔及印度等 4 國之陶瓷面磚)').
_COUNT_BRACKETED = re.compile(r"(\d+|[一二三四五六七八九十兩])\s*(?:件|項|個|種|類|家|國|座|處|案|所|條|場|位|名|部|款)\s*[（(]([^（）()]+)[）)]")


def counted_lists(sentence: str) -> list[tuple[int, int, list[str]]]:
    """Each list of `sentence` its count says the size of, whose names are as many as it says:
    (start, end, names). A list closed by its count (等 3 項) runs from its clause's start to 等;
    a count's bracket (2 件(甲及乙)) is its list."""
    found = []
    for count in _COUNT_CLOSING.finditer(sentence):
        start = max((brk.end() for brk in CLAUSE_BREAK.finditer(sentence, 0, count.start())
                     if not _inside_bracket(sentence, brk.start())), default=0)
        names = names_of(sentence[start:count.start()].strip()) if "、" in sentence[start:count.start()] else []
        if len(names) == count_of(count.group(1)):
            found.append((start, count.start(), names))
    for count in _COUNT_BRACKETED.finditer(sentence):
        names = _bracket_names(count.group(2))
        if len(names) == count_of(count.group(1)) > 1:
            found.append((count.start(2), count.end(2), names))
    return found


def _bracket_names(note: str) -> list[str]:
    """The names a count's bracket lists, each whole: its count has said how many there are, so a
    name's own 等 stays ('印度等 4 國之陶瓷面磚')."""
    parts = note.split("、")
    parts[-1:] = re.split(r"以及|及|暨" if len(parts) > 1 else r"以及|及|暨|與|和", parts[-1], maxsplit=1)
    return [" ".join(part.split()) for part in parts if part.strip()]


def _inside_bracket(text: str, offset: int) -> bool:
    """Whether text[offset] stands inside a bracket (the last one opened before it is not closed)."""
    return max(text.rfind("(", 0, offset), text.rfind("（", 0, offset)) > max(text.rfind(")", 0, offset), text.rfind("）", 0, offset))


# A ranking: names each followed by its figure, joined as a list is ('電子零組件製造業 16 億美元
# （27.1％）、批發及零售業 14.1 億美元（23.8％）…及電腦、電子產品及光學製品製造業 3.6 億美元（6％）分居前 5 名').
# The figures mark where each name ends, so a name may hold 、 or 及 itself.
_AFTER_FIGURE = re.compile(r"\s*(?:[（(][^（）()]*[）)])?\s*(?:、\s*(?:及|與|和|暨)?|及|與|和|暨)\s*")
_BRACKET_OPEN = re.compile(r"\s*[（(]\s*$")
_RANKED_NAME = re.compile(r"[^\d，,。；;：:\n「」]{1,24}")
_BEFORE_FIGURE = re.compile(r"(?:占|約|為|達|計|共|近|逾|超過)+$")  # 批發及零售業占 30%: the name is 批發及零售業
_PART_LEAD = re.compile(r"^(?:其中|其次為|另)")


def ranked_lists(text: str, figures: list[Claim]) -> list[tuple[int, int, list[str]]]:
    """Each ranking in `text` (an item's text; `figures` its claims): (start, end, names), a name
    for every figure of one unit, a figure's bracketed share left out."""
    ordered = sorted(figures, key=lambda claim: claim.start)
    main = [claim for previous, claim in zip([None, *ordered], ordered, strict=False)
            if previous is None or not _BRACKET_OPEN.match(text[previous.end:claim.start])]
    rankings: list[tuple[int, int, list[str]]] = []
    run: list[tuple[int, str]] = []  # (start of the name, the name) of the ranking being read
    for previous, claim in zip([None, *main], main, strict=False):
        name = _name_after(text, previous, claim) if previous is not None and previous.base_unit == claim.base_unit else None
        if name is None:
            _close(rankings, run, previous)
            start, _ = clause_span(text, claim.start, claim.end)
            lead = text[start:claim.start]
            lead = lead[max(lead.rfind("("), lead.rfind("（")) + 1:]  # '9 項標準(影像監控 3 項、…': the bracket opens the ranking
            first = _PART_LEAD.sub("", _after_lead_verb(lead).strip())
            run = [(claim.start - len(first), first)] if _RANKED_NAME.fullmatch(first) else []
        elif run:
            run.append(name)
    _close(rankings, run, main[-1] if main else None)
    return rankings


def _name_after(text: str, previous: Claim, claim: Claim) -> tuple[int, str] | None:
    """The name between one figure of a ranking and the next ('、批發及零售業 '), if that is all there is."""
    gap = text[previous.end:claim.start]
    joined = _AFTER_FIGURE.match(gap)
    if joined is None:
        return None
    name = gap[joined.end():].strip()
    return (previous.end + joined.end(), name) if _RANKED_NAME.fullmatch(name) else None


def _close(rankings: list[tuple[int, int, list[str]]], run: list[tuple[int, str]], last: Claim | None) -> None:
    """Keep the ranking read so far, ending at its last figure, if it names two or more."""
    if len(run) >= 2 and last is not None:
        rankings.append((run[0][0], last.end, [_BEFORE_FIGURE.sub("", name).strip() for _, name in run]))


def names_of(enumeration: str) -> list[str]:
    """The names of a list, each with its bracketed note where the note is part of the name
    (中國大陸(含香港), 國際標準組織（ISO）; not 越南(6 月 8 日)). Only the
    last 、-part is split at a conjunction: 和 inside a name (台灣百和) is no 'and'. A list of
    「names」 is its names."""
    if enumeration.startswith("「"):
        return [" ".join(name[1:-1].split()) for name in QUOTED.findall(enumeration)]
    enumeration = _HOME_WITH.sub("", enumeration)  # '我國與巴拉圭及尼加拉瓜': the report's own side is no member
    notes = BRACKETED.findall(enumeration)
    counter = iter(range(len(notes)))
    # a note may hold 、 or 及: each stands aside as one private-use character while the names are split
    parts = BRACKETED.sub(lambda _: chr(_NOTE_BASE + next(counter)), enumeration).split("、")
    # 與 or 和 the other names hold is part of a name ('能源查核與節能輔導、…、強制性規範與標準'); 及 ends a list
    others = [_without_lead(parts[0]), *parts[1:-1]] if len(parts) > 1 else []
    conjunctions = ["以及", "及", "暨", "或者", *(word for word in ("與", "和", "或") if not any(word in part for part in others))]
    # 及 then 與: 與 ends the list, 及 joins within a name ('…、臺中市柳川及綠川與宜蘭縣安農溪')
    ending = _AND_WITHIN_THEN_WITH.fullmatch(parts[-1]) if "與" in conjunctions else None
    if ending:
        parts[-1:] = [ending.group(1), ending.group(2)]
    elif len(parts) == 1 and parts[0].count("及") >= 2 and "以及" not in parts[0]:  # '口罩廠商及材料供應廠商及集中檢疫場所': 及 joins each
        parts = parts[0].split("及")
    else:
        parts[-1:] = re.split("|".join(conjunctions), parts[-1], maxsplit=1)
    parts[0] = _without_lead(parts[0])
    parts[-1] = _ITEM_TAIL.sub("", parts[-1])
    names = [_NOTE_MARK.sub(lambda mark: _kept(notes[ord(mark.group(0)) - _NOTE_BASE]), part).strip() for part in parts]
    return _with_shared_ending([name for name in names if name])


def _with_shared_ending(names: list[str]) -> list[str]:
    """'臺中市及高雄市政府消防局': places listed bare before a last name that goes on after its own place
    share what follows it (臺中市政府消防局, 高雄市政府消防局)."""
    last_place = leading_place(names[-1]) if len(names) >= 2 else None
    ending = names[-1][len(last_place):] if last_place else ""
    if not _SHARED_KIND.fullmatch(ending) or leading_place(ending) or any(leading_place(name) != name for name in names[:-1]):
        return names  # not '越南胡志明市' (a place in a place), nor '泰國召開雙邊勞工會議' (what was done there)
    return [name + ending for name in names[:-1]] + [names[-1]]


def with_shared_kind(names: list[str]) -> list[str]:
    """'雲林濁水溪及苗栗通霄溪伏流水': names ending as the last one's does before its kind (溪) share that
    kind (雲林濁水溪伏流水, 苗栗通霄溪伏流水)."""
    kind = _SHARED_WORKS.search(names[-1]) if len(names) >= 2 else None
    if kind is None or kind.start() < 2:
        return names
    ending = names[-1][kind.start() - 1]
    return [name + kind.group(0) if name.endswith(ending) and kind.group(0) not in name else name for name in names[:-1]] + [names[-1]]


# Works named after the stream, lake or park they draw on or stand in.
_SHARED_WORKS = re.compile(r"(?:伏流水|人工湖|水庫|攔河堰|堤防|整治|流域|園區|工業區|港區)$")


# What a place's body or part is called after its name: 政府消防局, 市場, 沿海地區, 代表隊.
_SHARED_KIND = re.compile(r"[\u4e00-\u9fff]{0,6}(?:政府|局|處|署|市場|地區|公司|中心|代表隊|辦事處)")


_AND_WITHIN_THEN_WITH = re.compile(r"([^及與以]+?(?<!以)及[^及與]+?)與([^及與]+)")


def _without_lead(first: str) -> str:
    """The first name without the words that lead into the list: a verb's if there is one, else 與's
    (and a conjunction opening it: '…全球供應鏈，以及 AI、IoT、5G')."""
    first = _OPENING_CONJUNCTION.sub("", first)
    led = _after_lead_verb(first)
    led = led if led != first else first.rpartition("與")[2] or first
    return _KIND_BEFORE_NAMES.sub("", led)


# '結合國內廠商明泰、仁寶、廣達': the kind of the names, said before the first, is none of them
_KIND_BEFORE_NAMES = re.compile(r"^\s*(?:國內外?|國外|國際|本土|在地)?(?:廠商|業者|大廠)(?=[\u4e00-\u9fffA-Za-z]{2})")


_OPENING_CONJUNCTION = re.compile(r"^\s*(?:以及|及|暨|並且|並)\s*")


def _after_lead_verb(first: str) -> str:
    """What follows the last verb leading into a list that leaves a name: '將推動協助廠商登記出進口資格
    全部線上辦理' is led in by 推動; its own 辦理 ends the name."""
    for verb in reversed(list(_LEAD_VERB.finditer(first))):
        if verb.start() > 0 and first[verb.start() - 1] in "與和及":
            continue  # '已與有量、中油、台塑': the name after 與 opens with 有
        if first[verb.end():].strip():
            return first[verb.end():]
    return first


def _kept(note: str) -> str:
    """A note that is part of the name (含香港, ISO) stays; a date or a count (6 月 8 日) does not."""
    return "" if re.search(r"\d", note) else note


_NOTE_BASE = 0xF0000  # Supplementary Private Use Area-A: no report writes it
_NOTE_MARK = re.compile("[\U000F0000-\U000FFFFD]")


def citation(item: Item, start: int, end: int) -> dict[str, Any]:
    """Where the answer stands: from the start of its sentence to the end of its clause, and the
    lines from the quote's first to the figure's own."""
    node = item.node
    sentence_start, _ = sentence_span(node.text, start)
    _, clause_end = clause_span(node.text, start, end)
    quote = re.sub(r"\s*\n\s*", "", node.text[sentence_start:clause_end]).strip()
    first = sentence_start + (len(node.text[sentence_start:]) - len(node.text[sentence_start:].lstrip()))
    return {"doc": item.doc, "path": node.path, "line_start": node.line_at(first), "line_end": node.line_at(max(start, end - 1)), "quote": quote}


# A sentence that opens with its time or an adverb has no subject of its own: it goes on about
# what the item's opening sentence named.
SUBJECTLESS = re.compile(fold(
    r"\s*(?:\d+\s*年|自\s*\d|截至|執行至|至\s*\d|迄今|目前|現階段|現行|已|並|另|累計|總計|共|計|其中|[^，。；]{1,6}者[，,]"
    r"|辦理|協助|推動|完成|輔導|補助|促成|舉辦|提供|建置|核准|受理|帶動|吸引)"  # or with its verb: 辦理 206 場次…
))


def topic_of_subjectless(text: str, sentence_start: int) -> str:
    """'…建立國產空品感測器技術自主能力…。109 年已技轉國內 3 家廠商': for a figure in a later
    sentence without a subject, the item's opening sentence and the sentence just before
    ('…已辦理 6 場…主題行銷活動…；共計吸引超過 214.8 萬人次參與')."""
    opening = OPENING_SENTENCE.match(text)
    if opening is None or sentence_start < opening.end() or not SUBJECTLESS.match(text, sentence_start):
        return ""
    previous_start, _ = sentence_span(text, sentence_start - 1)
    return opening.group(0) + " " + text[max(previous_start, opening.end()):sentence_start]
