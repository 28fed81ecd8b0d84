"""Questions asking which: the list of names (or the one name) of a sentence that best answers.

    best_names(parsed, items, figures)   # 哪些國家 → ['美國', '日本', …]; 什麼名稱 → ['WinBus']

Candidates are a sentence's 、-lists, lists closed by their count (等 3 項), rankings read off the
figures between their names (電子零組件製造業 16 億美元（27.1％）、…), 「names」 when one name is asked,
names in Latin letters by the kind of thing asked (機構 DNVGL), and, when one name is asked, the name
standing in the question's 哪 slot (與歐洲經貿辦事處(EETO)合辦) or after the office it names (議長
韋德齊), and the one member of a list its bracketed day or a word of the question picks. Each is scored by how much of the
question its sentence and its own clause cover, and by how many names it holds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NamedTuple

from policyledger.entities import laws_in, names_a_place, place_lists
from policyledger.model import Claim
from policyledger.passages import (
    LATIN_CHAR,
    LATIN_WORD,
    OPENING_SENTENCE,
    SENTENCE,
    Item,
    citation,
    clause_span,
    counted_lists,
    lists_in,
    names_of,
    ranked_lists,
    with_shared_kind,
)
from policyledger.quantity.units import match_unit
from policyledger.question import BODY_KINDS, Question, place_spans
from policyledger.reader_words import same_words
from policyledger.textnorm import compact, fold


def best_names(parsed: Question, items: list[Item], figures: list[tuple[str, Claim]]) -> dict[str, Any] | None:
    rarity = parsed.rarity([item.folded for item in items])
    figures_of: dict[tuple[str, str], list[Claim]] = {}
    for doc, claim in figures:
        figures_of.setdefault((doc, claim.path), []).append(claim)
    kind = _kind_asked(parsed)
    country_asked = _COUNTRY_ASKED.search(parsed.text) is not None
    slot = _list_slot(parsed)
    set_aside = {_LEAD_OF_A_LAW.sub("", word) for word in parsed.excluded}  # '除了依據石油管理法': 石油管理法
    best = None
    for item in items:
        item_figures = figures_of.get((item.doc, item.node.path), [])
        rankings = ranked_lists(item.node.text, item_figures)
        figure_texts = {compact(claim.text) for claim in item_figures}
        for match in SENTENCE.finditer(item.node.text):
            sentence = match.group(0)
            folded = fold(sentence)
            around = _around(item, match.start())
            coverage = parsed.coverage([(folded, 1.0), *around], rarity)
            for score, start, end, names in _single_names(parsed, item, sentence, rarity):
                if _LEAD_OF_A_LAW.sub("", compact(fold(names[0])).strip("「」")) in set_aside:
                    continue  # '除「…計畫」外，還辦理了哪一個計畫': the one set aside is not the answer
                if country_asked and not (names_a_place(names[0]) or _SHORT_COUNTRY.fullmatch(names[0].strip())):
                    continue  # '在哪個國家舉行': a country, not the 'WTO 改革' its sentence lists
                if best is None or score > best[0]:
                    best = (score, item, match.start() + start, match.start() + end, names)
            found = [_Found(enum.start(), enum.end(), weight, names_of(enum.group(0)), coverage) for enum, weight in lists_in(sentence)]
            found += [_Found(start, end, 1.0, names, coverage) for start, end, names in counted_lists(sentence)]
            if parsed.wants_places or kind == "地區":  # '可供應哪些地區': 南投及彰化地區, a pair in a sentence with a list
                found += [_Found(start, end, 1.0, names, coverage) for start, end, names in place_lists(sentence)]
            found += [_Found(start - match.start(), end - match.start(), RANKING_WEIGHT, names,
                             _ranking_coverage(parsed, item, folded, len(names), rarity, _dated_as_asked(parsed, item_figures, start, end)))
                      for start, end, names in rankings if match.start() <= start and end <= match.end() and len(names) >= 3]
            slotted = [_Found(start, end, 1.0, names, coverage) for start, end, names in _slot_lists(parsed, slot, sentence)]
            found = [entry for entry in found if not _fragment(entry, found)] + slotted
            spans = [(other.start, other.end) for other in found]
            candidates = []
            for start, end, weight, listed, coverage in found:
                # a figure is no name: '13個MOU單位、蘭陽博物館、…' names three; '每日 41萬噸、備援調度供水每日 776 萬噸' none
                names = [_without_excluded(parsed, name) for name in listed if not compact(name).startswith(tuple(figure_texts)) and not _a_unit_left(name)]
                numbered = sentence[start:start + 1] in "（("  # '（1）以軍逼統、…': each name begins after its number
                names = with_shared_kind([names[0] if numbered else _lead_trimmed(names[0]), *names[1:-1], _trimmed(names[-1])]) if len(names) > 1 else names
                if len(names) < 2 or (parsed.count is not None and len(names) != parsed.count) or names[0].startswith("等"):
                    continue  # '…桃園市政府等單位合作地方地質教材、展示': 等 closes the list before, it starts none
                if parsed.wants_places and sum(map(names_a_place, names)) * 2 < len(names):
                    continue  # asked for countries, a list of anything else is no answer
                if _SITES_ASKED.search(parsed.text) and sum(map(_names_a_site, names)) * 2 < len(names):
                    continue  # asked 哪些地點, a list of minerals (銻銀鉛礦、輝銻鉛銀礦…) is no answer
                if all(compact(fold(name))[:_STATED_PREFIX] in parsed.compacted for name in names):
                    continue  # '哪些地點具有金、銀等貴金屬': the names the question states are not what it asks
                candidates.append((start, end, weight, names, coverage, _list_clause_coverage(parsed, around, sentence, folded, (start, end), spans, rarity)))
            best_own = max((own for *_, own in candidates), default=0.0)
            # '岱宇國際、好食樂、好會飛等 12 家電商業者', asked of the 12 家電商業者: the list its stated count closes
            closed = [_closed_by_count(parsed, sentence, end) for _, end, *_ in candidates]
            of_kind = [_of_kind(kind, names) or _closed_by_kind(kind, sentence, end) or _led_as_kind(kind, sentence, start)
                       for start, end, _, names, _, _ in candidates]
            for (start, end, weight, names, coverage, own), fits, counted in zip(candidates, of_kind, closed, strict=True):
                # of two lists in one sentence, the one whose own clause the question describes, or
                # whose names are of the kind asked ('哪些節日前夕': 春節、端午節、中秋節, not the places after)
                nearer = 1.0 if (fits if any(of_kind) else own >= best_own) else 0.85
                nearer *= 0.85 if any(closed) and not counted else 1.0
                size = min(1.0, 0.85 + 0.05 * len(names))
                if slotted:  # the names standing where the question's 哪些 stands ('偕同國防部及漢翔公司籌組') are the ones asked
                    nearer, size = (1.0, 1.0) if any((start, end) == (other.start, other.end) for other in slotted) else (0.85, size)
                score = coverage * weight * size * nearer
                if best is None or score > best[0]:
                    best = (score, item, match.start() + start, match.start() + end, names)
    if best is None:
        return None
    score, item, start, end, names = best
    answer = {"text": "、".join(names), "value": names, "base_value": None, "base_unit": None, "period_start": None, "period_end": None}
    return {"answer": answer, "citation": citation(item, start, end), "confidence": score}


def _closed_by_count(parsed: Question, sentence: str, end: int) -> bool:
    """Whether the list ending at `end` is closed by a count the question states ('…等 12 家', asked '12 家電商業者')."""
    after = compact(fold(sentence[end:end + 16]))
    return after.startswith("等") and any(anchor[0].isdigit() and after[1:].startswith(anchor) for anchor in parsed.anchors)


_LEAD_OF_A_LAW = re.compile(fold(r"^(?:依據|依照|根據|依)"))  # '除了依據石油管理法': the law set aside is 石油管理法
_SHORT_COUNTRY = re.compile(r"[\u4e00-\u9fff]{1,2}國")  # 沙國, 馬國: short forms no list of countries holds
_COUNTRY_ASKED = re.compile(r"哪(?:一|個|一個)?\s*(?:國家|國|縣市)(?![\u4e00-\u9fff]{0,2}(?:組織|機構|公司|廠商|企業|業者|大學))")


# How much of a listed name the question must state for the list to be what it says, not what it asks
# ('已將 OT 資安硬體加速偵防技術、端點 AI 異常分析等技術，順利導入三聯、功得…': asked 導入哪些廠商).
_STATED_PREFIX = 5


# Where the last name of a pair runs into what the sentence says of both ('樂天國際商業銀行及將來商業銀行已分別於
# 110 年 1 月及 3 月開業', '…伏流水都將陸續完工'): an adverb of time or manner no name holds.
_SAID_OF_THEM = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:已|均|皆|分別|亦|並將|將於|都(?=[將已會可])|為(?=[\u4e00-\u9fff]{2,}$))")  # '…烏坵鄉為建議候選場址'


# '經濟部偕同哪些單位籌組的': the word before the 哪些 phrase and the word after it, between which the
# report writes the names ('本部已偕同國防部及漢翔公司籌組「…團隊」').
# A word closing the question ('包括哪些項目？') is the kind asked, no word the report writes after the names.
_LIST_SLOT = re.compile(
    rf"([\u4e00-\u9fff]{{2}})\s*(?:的|之)?\s*(?:哪些|哪幾[個家位所]?)\s*(?:{BODY_KINDS}|國家|地區|縣市|城市|地方|地點)?\s*(?:的\s*)?([\u4e00-\u9fff]{{2}})(?!\s*[？?]?\s*$)"
)
_LIST_IN_SLOT = r"([^，,。；;：:「」\n]{4,60}?)"


def _list_slot(parsed: Question) -> tuple[str, str] | None:
    """The (folded) words around the question's 哪些 phrase, if it has one: ('偕同', '籌組')."""
    slot = _LIST_SLOT.search(parsed.text)
    return (fold(slot.group(1)), fold(slot.group(2))) if slot else None


def _slot_lists(parsed: Question, slot: tuple[str, str] | None, sentence: str) -> list[tuple[int, int, list[str]]]:
    """The names of `sentence` standing in the question's 哪些 slot, where there are two or more."""
    if slot is None:
        return []
    before, after = slot
    found = []
    for listed in re.finditer(rf"{_spaced(before)}\s*(?:的|之)?\s*{_LIST_IN_SLOT}\s*{_spaced(after)}", fold(sentence)):
        lead, listed_end = sentence[listed.start():listed.start(1)], listed.end(1)
        listed_end -= sentence[listed.start(1):listed_end].endswith(("之", "的"))  # '越南、印尼之冷鏈市場'
        names = names_of(lead + sentence[listed.start(1):listed_end])  # with its lead, which names_of knows to cut ('已與有量')
        if names and names[0].startswith(lead.strip()):  # or not ('偕同國防部')
            names[0] = names[0][len(lead.strip()):].strip()
        if len(names) >= 2 and (parsed.count is None or len(names) == parsed.count):
            found.append((listed.start(1), listed_end, names))
    return found


def _lead_trimmed(name: str) -> str:
    """A list's first name without the verb before it: '鎖定馬來西亞' → 馬來西亞, '公告台東縣達仁鄉' → 台東縣達仁鄉."""
    lead = _LEAD_VERB.match(name)
    return name[lead.end():] if lead else name


# The verb (or 以) a list of names follows; '10 日認定': a date's day before the verb.
_LEAD_VERB = re.compile(r"(?:日)?(?:鎖定|認定|公告|選定|指定|以|移撥至|移至|撥至|轉至|輔導|徵選|促成)(?=[\u4e00-\u9fff]{2})|^.{2,12}?所屬(?=[\u4e00-\u9fff]{2})")


def _trimmed(name: str) -> str:
    said = _SAID_OF_THEM.search(name)
    return name[:said.start()] if said else name


def _a_unit_left(name: str) -> bool:
    """What a list of figures leaves of its members ('146 場、參與 3,870 人次' → 場; '632 億元、放款總額' → 億元):
    one Chinese character, or a unit and nothing else, names nothing."""
    compacted = compact(name)
    if len(compacted) == 1 and not compacted.isascii():
        return True
    unit = match_unit(compacted, 0)
    return unit is not None and unit.end == len(compacted)


def _without_excluded(parsed: Question, name: str) -> str:
    """'除紙本外…哪 3 種數位方式': the member set aside, joined to the first name asked ('紙本及行動支付'), goes."""
    for word in parsed.excluded:
        joined = re.match(rf"\s*{_spaced(word)}\s*(?:及|與|和)\s*(?=\S)", fold(name))
        if joined:
            return name[joined.end():]
    return name


def _single_names(parsed: Question, item: Item, sentence: str, rarity: dict[str, float]) -> list[tuple[float, int, int, list[str]]]:
    """The one-name candidates of a sentence, as (score, start, end, [name]): a 「title」, a body's
    name by its kind, a name in the question's slot or a member a list's bracket or word picks."""
    found = []
    if parsed.count == 1:  # first: of a list's 「titles」 scored alike, the one a word of the question picks
        found += [(score, start, end, [sentence[start:end].strip()]) for start, end, score in _members_picked(parsed, item, sentence, rarity)]
    if parsed.wants_title:
        found += [(score, title.start(), title.end(), [title.group(1)]) for title, score in _titles(parsed, item, sentence, rarity)]
    if parsed.wants_url:
        folded = fold(sentence)
        found += [(_name_score(parsed, item, sentence, folded, url.start(), url.end(), rarity), url.start(), url.end(), [url.group(0)])
                  for url in _URL.finditer(sentence)]
    if parsed.body_asked:
        found += [(score, start, end, [sentence[start:end]]) for start, end, score in _bodies(parsed, item, sentence, rarity)]
    if parsed.kind_ended:
        found += [(score, start, end, [" ".join(sentence[start:end].split())]) for start, end, score in _kind_ended(parsed, item, sentence, rarity)]
    if parsed.count == 1:
        picked = [*_slot_names(parsed, item, sentence, rarity), *_named_after_kind(parsed, item, sentence, rarity),
                  *_place_before_subject(parsed, item, sentence, rarity), *_plan_named(parsed, item, sentence, rarity),
                  *_one_place(parsed, item, sentence, rarity), *_site_of_kind(parsed, item, sentence, rarity),
                  *_law_named(parsed, item, sentence, rarity), *_partner_named(parsed, item, sentence, rarity)]
        found += [(score, start, end, [sentence[start:end].strip()]) for start, end, score in picked]
    return found


_URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+?(?=[）)」，。；\s]|$)")
_SITES_ASKED = re.compile(r"(?:地點|場址)\s*(?:有|是|為)?\s*哪|哪(?:些|幾個?)\s*(?:地點|場址)")
# How the name of a site ends: a reservoir, a weir, a port, a park, a plant, a town, a volcano…
_SITE_ENDING = re.compile(r"(?:水庫|攔河堰|堰|港|園區|工業區|廠|站|場|縣|市|鄉|鎮|區|島|嶼|山|火山|海域|海槽|隆堆|溪|湖|潭|灣|村|里)$")


def _names_a_site(name: str) -> bool:
    return names_a_place(name) or _SITE_ENDING.search(name.strip()) is not None


class _Found(NamedTuple):
    """A list found in a sentence: where it stands, how surely it is one, its names, and how well
    its sentence covers the question."""

    start: int
    end: int
    weight: float
    names: list[str]
    coverage: float


_KIND_ASKED = re.compile(r"哪(?:些|幾\s*[種個項類家所位座間部條]?)\s*([\u4e00-\u9fff]{2})")


def _kind_asked(parsed: Question) -> str | None:
    """The kind of thing asked for ('哪些節日' → 節日, '哪幾個計畫' → 計畫), if the question names one."""
    kind = _KIND_ASKED.search(parsed.text) or _KIND_OF_WHOLE.search(parsed.text)
    return kind.group(1) if kind else None


# '…所公告的國家標準中，報告具名舉出哪幾項': the kind named as the whole the names are picked from
_KIND_OF_WHOLE = re.compile(r"([\u4e00-\u9fff]{2,4})\s*(?:當中|之中|中)\s*[，,][^，,？?]*哪(?:些|幾)")


def _of_kind(kind: str | None, names: list[str]) -> bool:
    """Whether most names end as the kind of thing asked for does: with the word or its first
    character ('哪些節日': 春節、端午節; '哪些計畫': 「…推動計畫」)."""
    return kind is not None and sum(name.endswith((kind, kind[0])) for name in names) * 2 > len(names)


def _closed_by_kind(kind: str | None, sentence: str, end: int) -> bool:
    """Whether the list is closed by the kind asked for ('哪些作法': 「業師輔導」…等作法; '哪些地區':
    南投及彰化地區)."""
    if kind is None:
        return False
    return re.match(rf"\s*(?:等\s*(?:{_COUNTED}\s*)?{re.escape(kind[0])}|{_spaced(kind)})", sentence[end:end + 12]) is not None


# What leads into names of a kind that no name ends with: '適用於哪些對象' — '針對口罩廠商及…'.
# The lead may open the list's match itself ('台電公司針對口罩廠商及…': its first name's lead words).
_KIND_LEADS = {"對象": re.compile(r"針對|對象(?:為|是|包括|包含)|適用(?:於|對象為)?")}


def _led_as_kind(kind: str | None, sentence: str, start: int) -> bool:
    lead = _KIND_LEADS.get(kind or "")
    return lead is not None and lead.search(sentence, max(0, start - 12), start + 8) is not None


_COUNTED = r"[\d一二兩三四五六七八九十]+\s*[家個位所項種類座間部條]"  # '…等 6 家廠商': the list's count before its kind


def _fragment(entry: _Found, found: list[_Found]) -> bool:
    """Whether a list found lies inside another with more names ('3項、智慧巴士' inside the ranking
    '影像監控 3 項、智慧巴士 2 項、…'): a piece of that list, not a list of its own."""
    return any(other is not entry and other.start <= entry.start and entry.end <= other.end and len(other.names) > len(entry.names)
               for other in found)


# A ranking's names are read off the figures between them, a little less surely than a list's.
RANKING_WEIGHT = 0.95


def _ranking_coverage(parsed: Question, item: Item, folded: str, size: int, rarity: dict[str, float], dated: bool) -> float:
    """How well a sentence holding a ranking of `size` names covers the question, the ranking
    being what a reader calls 排名前 5 名 or 前五大 however the report puts it (分居前 5 名), and
    its figures' period, when it is the one asked, being what the question's date says."""
    said = fold("".join(f"排名前{n}名前{n}大排前{n}名" for n in (str(size), "零一二三四五六七八九十"[size] if size <= 10 else "")))
    return parsed.coverage([(folded + said, 1.0), (item.context, 0.85), (item.folded, 0.35)], rarity, period_matched=dated)


def _dated_as_asked(parsed: Question, figures: list[Claim], start: int, end: int) -> bool:
    """Whether the figures between `start` and `end` have the period the question asks about
    ('截至 109 年底' opening their item dates them all)."""
    if parsed.period is None:
        return False
    ends = {claim.period_end for claim in figures if start <= claim.start < end}
    return ends == {parsed.period[1]}


def _list_clause_coverage(parsed: Question, around: list[tuple[str, float]], sentence: str, folded: str, span: tuple[int, int],
                          others: list[tuple[int, int]], rarity: dict[str, float]) -> float:
    """How well the clause a list stands in (sentence[start:end], with the words leading into it)
    covers the question (`folded` is the sentence folded). Where the clause holds other lists, a
    list's own words run from the list before it, and only the last list's on to the clause's end:
    '提供數位行銷諮詢服務、…宅經濟專區(…)、與國際知名電商平台(如日本樂天、eBay…等)合作爭取上架優惠'."""
    start, end = span
    clause_start, clause_end = clause_span(sentence, start, end)
    before = [other_end for other_start, other_end in others if clause_start < other_end <= start]
    after = [other_start for other_start, _ in others if end <= other_start < clause_end]
    own_start, own_end = max([clause_start, *before]), (end if after else clause_end)
    return parsed.coverage([(folded[own_start:own_end], 1.0), (folded, 0.8), *around], rarity)


def _around(item: Item, sentence_start: int) -> list[tuple[str, float]]:
    """What a sentence's names are read with besides the sentence: the item's headings, its opening
    sentence (what a later sentence goes on about: '與國家兩廳院合作 5G VR 展演劇「萬花鏡」…。法人
    提供 5G 技術結合國內廠商明泰、仁寶、廣達…'), and the rest of the item."""
    opening = OPENING_SENTENCE.match(item.node.text)
    lead = [(fold(opening.group(0)), 0.65)] if opening is not None and sentence_start >= opening.end() else []
    return [(item.context, 0.85), *lead, (item.folded, 0.35)]


_TITLE = re.compile(r"「([^」]{2,40})」")
TITLE_WEIGHT = 0.95  # one name found (in 「」, by its kind, in the question's slot) is a little less sure than a list


def _name_score(parsed: Question, item: Item, sentence: str, folded: str, start: int, end: int, rarity: dict[str, float]) -> float:
    """How well one name's own clause, then its item's headings, sentence and text cover the question."""
    clause_start, clause_end = clause_span(sentence, start, end)
    windows = [(folded[clause_start:clause_end], 1.0), (item.context, 0.85), (folded, 0.65), (item.folded, 0.35)]
    return parsed.coverage(windows, rarity) * TITLE_WEIGHT


def _titles(parsed: Question, item: Item, sentence: str, rarity: dict[str, float]) -> list[tuple[re.Match[str], float]]:
    """Each 「name」 of a sentence, scored by the words of its own clause first: '109 年完成與巴拉圭
    簽署「促進技術合作意向書」，及與以色列重新簽署「一般性合作協定」' — asked about 巴拉圭, the first."""
    folded = fold(sentence)
    scored = []
    for title in _TITLE.finditer(sentence):
        scored.append((title, _name_score(parsed, item, sentence, folded, title.start(), title.end(), rarity)))
    return scored


# A body's name in Latin letters right after its kind: '與國際驗證機構 DNVGL 共同成立'.
_LATIN_NAME = rf"\s*({LATIN_WORD}(?:\s{LATIN_CHAR}+)*)"


def _bodies(parsed: Question, item: Item, sentence: str, rarity: dict[str, float]) -> list[tuple[int, int, float]]:
    """The span of each name in Latin letters that follows the kind of body asked for (機構 DNVGL)
    or comes before it (WinBus 自動駕駛系統), scored as a 「name」 is (fold keeps every character's
    place, so the span is the sentence's as written)."""
    folded = fold(sentence)
    scored = []
    kind = re.escape(parsed.body_asked or "")
    patterns = [kind + _LATIN_NAME, _LATIN_NAME + rf"\s*[\u4e00-\u9fff]{{0,6}}?{kind}"]
    lead = _WORD_BEFORE_WHICH.search(parsed.text)
    if lead:  # '來自矽谷哪一個機構' — '來自矽谷 10 X Innvation Lab 的…': the name right after the question's word
        patterns.append(_spaced(fold(lead.group(1))) + rf"\s*((?:\d+\s)?{LATIN_WORD}(?:\s{LATIN_CHAR}+)*)")
    for name in (found for pattern in patterns for found in re.finditer(pattern, folded)):
        scored.append((name.start(1), name.end(1), _name_score(parsed, item, sentence, folded, name.start(), name.end(), rarity)))
    return scored


_WORD_BEFORE_WHICH = re.compile(r"([\u4e00-\u9fff]{2})\s*哪一?[家間個所]")


def _kind_ended(parsed: Question, item: Item, sentence: str, rarity: dict[str, float]) -> list[tuple[int, int, float]]:
    """The name after the question's verb that ends in the kind asked: '建置了什麼中心' →
    '建置水下基礎產業人才技術訓練中心' (the sentence's line breaks and spaces folded as they are)."""
    assert parsed.kind_ended is not None
    verb, kind = parsed.kind_ended
    return _names_found(parsed, item, sentence, rarity, rf"{re.escape(verb)}\s*(?:了|一座|一個|一處)?\s*([^，,。；;、「」()（）]{{2,30}}?{re.escape(kind)})",
                        keep=lambda name: len(compact(name)) > len(kind))


# '是與哪個單位合辦的' — the report's '與歐洲經貿辦事處(EETO)合辦': one name asked stands where the
# question's 哪 phrase does, between the words the question puts around it (the word before 哪, or
# the kind named after it: '由哪一家國際會展專業媒體辦理' → '國際會展專業媒體 M&C Asia 辦理').
_SLOT = re.compile(
    r"([\u4e00-\u9fff]{1,2})?\s*了?\s*(?:哪一?[家個間所位座]|(?<=在)哪裡|(?<=在)何處)\s*"
    rf"([\u4e00-\u9fff]{{0,10}}?(?:{BODY_KINDS}|媒體|團體|協會|學會|國家|城市|電廠|水庫|醫院|學校|工廠|園區|港口))?\s*(?:的\s*)?([\u4e00-\u9fff]{{2}}|[A-Za-z0-9]{{2,}})"
)
# or a body asked last, nothing after it: '最後技轉給哪一家廠商？'
_SLOT_OF_A_BODY_LAST = re.compile(rf"([\u4e00-\u9fff]{{1,2}})?\s*了?\s*哪一?[家個間所位]\s*((?:(?!的)[\u4e00-\u9fff]){{0,6}}?(?:{BODY_KINDS}))()\s*[？?]?\s*$")
_PREPOSITIONS = "與和跟由向對從在以為給讓被及"
_OFFICES = "議長|部長|次長|總統|副總統|大使|執行長|董事長|總經理|主席|首相|總理|市長|署長|局長|院長|處長|會長|理事長|總裁|創辦人|司長|代表"
_NAME_IN_SLOT = r"([^，,。；;：:、「」()（）\n]{2,24}?(?:[(（][^()（）]{1,12}[)）])?)"  # folded text has ASCII , ; :


# '捷克議長是誰' — '捷克議長韋德齊率團訪臺': a person is named right after the office the question gives.
_PERSON_ASKED = re.compile(rf"({_OFFICES})\s*(?:是|為)\s*誰")
_AFTER_A_PERSON = ("率", "表示", "出席", "與", "及", "、", "，", "訪", "於", "在", "來", "親", "主持", "致", "特", "等", "代表", "共同", "一行", "先生", "女士")
# a name of two or three characters, then what a person does (matched in folded text, as the sentence is)
_PERSON_NAME = rf"([\u4e00-\u9fff]{{2,3}}?)(?={'|'.join(re.escape(fold(word)) for word in _AFTER_A_PERSON)})"


def _person_anchors(parsed: Question) -> tuple[list[str], str] | None:
    person = _PERSON_ASKED.search(parsed.text)
    return ([fold(person.group(1))], "") if person else None


def _slot_anchors(parsed: Question) -> tuple[list[str], str] | None:
    """The words around the 哪 phrase of a one-name question: what may stand before the name, and after."""
    slot = _SLOT_OF_A_BODY_LAST.search(parsed.text) or _SLOT.search(parsed.text)
    if slot is None:
        return _person_anchors(parsed)
    before, kind, after = slot.groups()
    before = (before or "").lstrip("是的有").rstrip("的之")
    # '碼頭由哪一家': 由 — one character leads in only if it is a preposition, not '經濟部的哪個'
    befores = [word for word in ((before, before[-1:]) if len(before) == 2 else (before,)) if len(word) == 2 or word in _PREPOSITIONS]
    # a kind with words of its own (國際會展專業媒體) is the nearer anchor; a bare 公司 says little
    ordered = (kind, *befores) if kind and len(kind) > 3 else (*befores, kind)
    leads = [word for word in ordered if word]
    if "在" in leads:  # '在哪裡展出': the report writes '於臺北世貿一館展出'
        leads.append("於")
        if len(before) == 2:  # '協助印方在哪個廠區建立產線': or nothing at all, '協助印方邦加羅爾廠區建立產線'
            leads.append(before[0])
    return ([fold(word) for word in leads], fold(after)) if leads else None


# '長興公司連結的自行車品牌組件廠是哪一家': the kind stands before the 哪 phrase, and in the report
# the name right after the kind ('連結自行車品牌組件廠天心工業，').
_KIND_BEFORE_WHICH = re.compile(rf"([\u4e00-\u9fff]{{0,4}}?(?:{BODY_KINDS}|廠))\s*(?:是|為)\s*哪一?[家個間所位]")


def _named_after_kind(parsed: Question, item: Item, sentence: str, rarity: dict[str, float]) -> list[tuple[int, int, float]]:
    asked = _KIND_BEFORE_WHICH.search(parsed.text)
    if asked is None:
        return []
    kind = fold(asked.group(1))[-3:]
    return _names_found(parsed, item, sentence, rarity, rf"{_spaced(kind)}\s*([^，,。；;、：:（(「」\s]{{2,12}}?)(?=[，,。；;、]|$)")


def _names_found(parsed: Question, item: Item, sentence: str, rarity: dict[str, float], pattern: str,
                 keep: Callable[[str], bool] | None = None) -> list[tuple[int, int, float]]:
    """Each name `pattern` finds in the folded sentence (its group 1), scored as a 「name」 is; fold
    keeps every character's place, so the span is the sentence's as written."""
    folded = fold(sentence)
    return [(name.start(1), name.end(1), _name_score(parsed, item, sentence, folded, name.start(), name.end(), rarity))
            for name in re.finditer(pattern, folded) if keep is None or keep(name.group(1))]


# '試辦計畫在哪個地方' — '目前已提出雲林地區有才村試辦計畫': where a thing is, written before it.
_WHERE_IS = re.compile(r"([\u4e00-\u9fff]{2,4})\s*(?:是)?\s*(?:在|位於)\s*(?:哪裡|何處|哪一?個地方|哪一?個地區)")
_PLACE_LEAD = "提出|選定|設於|位於|於|在"


def _one_place(parsed: Question, item: Item, sentence: str, rarity: dict[str, float]) -> list[tuple[int, int, float]]:
    """Asked for one country or county, each the sentence names, by its own clause: '109 年完成與巴拉圭簽署
    「促進技術合作意向書」，及與以色列重新簽署「一般性合作協定」' — asked about the 意向書, 巴拉圭."""
    if not (parsed.wants_places and parsed.count == 1):
        return []
    folded = fold(sentence)
    return [(start, end, _name_score(parsed, item, sentence, folded, start, end, rarity))
            for start, end in place_spans(folded) if folded[start:end] not in parsed.places_named]


# '哪一座國家公園在監測珊瑚覆蓋率' — '墾丁國家公園珊瑚礁監測樣區': a site (or a company) asked by its kind, named as that kind ends it.
# (not `_SITE_KINDS` below: those a slot's name is written with, '蒞臨清泉崗基地')
_KINDS_ENDING_A_NAME = ("國家公園|國家自然公園|公園|水庫|發電廠|電廠|機場|醫院|大學|科學園區|工業區|園區|博物館|車站|淨水場|淨水廠|焚化廠|公司"
                        "|小組|委員會|辦公室|中心|基金會|實驗室|協會|學會|公會")  # 光碟聯合查核小組, 台灣資通產業標準協會
_LONG_NAMED_KINDS = ("協會", "學會", "公會")
_SITE_KIND_ASKED = re.compile(rf"哪一?[座個家所間處]\s*({_KINDS_ENDING_A_NAME})")
_SITE_LEAD = fold("設置於|設置|設於|位於|選定|成立|建置|興建|於|在")  # '於楠梓園區設置示範幼兒園': the verb before the name
_NAME_CHARACTER = r"(?:(?![之的於在與及和並將為以由等])[\u4e00-\u9fff])"  # '北側之台糖公司': the name starts after 之


def _site_of_kind(parsed: Question, item: Item, sentence: str, rarity: dict[str, float]) -> list[tuple[int, int, float]]:
    asked = _SITE_KIND_ASKED.search(parsed.text)
    if asked is None:
        return []
    kind = re.escape(fold(asked.group(1)))
    kind = rf"(?:股份有限|有限)?{kind}" if kind == "公司" else kind  # '長聯開發股份有限公司': the name before the company's form
    # a proper name before the kind: not a count (9 座國家公園) nor 全國/各/該
    longest = 8 if asked.group(1) in _LONG_NAMED_KINDS else 6  # '台灣資通產業標準協會': an association's name runs long
    return _names_found(parsed, item, sentence, rarity, rf"(?<![\d座個家所處全各該本及與、])(?:{_SITE_LEAD})?({_NAME_CHARACTER}{{2,{longest}}}?{kind})",
                        keep=lambda name: not name.startswith(("全國", "各", "該", "本", "國內", "我國")))


# '是依據哪一部法律（的哪一條）' — '依住宅法第 15 條，…': the law a sentence names, with its article if that is asked.
_LAW_ASKED = re.compile(r"哪一?[部個項條]\s*(?:法律|法規|法令|法)")
_ARTICLE_ASKED = re.compile(r"哪一?條|第幾條")


def _law_named(parsed: Question, item: Item, sentence: str, rarity: dict[str, float]) -> list[tuple[int, int, float]]:
    if _LAW_ASKED.search(parsed.text) is None:
        return []
    laws = laws_in(sentence)
    if not laws:
        return []
    with_article = _ARTICLE_ASKED.search(parsed.text) is not None
    # '依住宅法第 15 條，房東…免稅': a law leads its sentence in; the whole sentence is what it governs
    score = parsed.coverage([(fold(sentence), 1.0), (item.context, 0.85), (item.folded, 0.35)], rarity) * TITLE_WEIGHT
    return [(start, end if with_article else start + len(law), score) for _, start, end, law, _ in laws]


def _place_before_subject(parsed: Question, item: Item, sentence: str, rarity: dict[str, float]) -> list[tuple[int, int, float]]:
    asked = _WHERE_IS.search(parsed.text)
    if asked is None:
        return []
    return _names_found(parsed, item, sentence, rarity, rf"(?:{fold(_PLACE_LEAD)})\s*([^，,。；;、：:（(「」\s]{{2,10}}?)\s*{_spaced(fold(asked.group(1)))}")


# '…通過環評審查的是哪一項工程計畫' — '中臺灣推動大安大甲溪聯通管工程計畫，已於…通過環評審查': a plan
# unquoted, named by the kind asked after the verb that leads to it.
_PLAN_KIND_ASKED = re.compile(r"哪一?[項個]\s*([\u4e00-\u9fff]{0,2}(?:計畫|方案|專案|工程|條例))")
_PLAN_LEAD = "推動|辦理|完成|執行|啟動|進行|實施|訂定|制定|擬定|依據|依"


def _plan_named(parsed: Question, item: Item, sentence: str, rarity: dict[str, float]) -> list[tuple[int, int, float]]:
    asked = _PLAN_KIND_ASKED.search(parsed.text)
    if asked is None:
        return []
    kind = fold(asked.group(1))
    return _names_found(parsed, item, sentence, rarity, rf"(?:{fold(_PLAN_LEAD)})\s*([^，,。；;、「」()（）\s]{{2,24}}?{_spaced(kind)})",
                        keep=lambda name: len(compact(name)) > len(kind))


def _kind_closing(parsed: Question, after: str) -> str | None:
    """The kind the question closes with when the word after its 哪 phrase begins it ('哪一個科技園區？'
    → 科技園區): part of the name asked for, not a word after it."""
    slot = _SLOT.search(parsed.text)
    if slot is None or not after:
        return None
    closing = re.match(r"([\u4e00-\u9fff]{0,3})\s*[？?]?\s*$", parsed.text[slot.end():])
    kind = slot.group(3) + closing.group(1) if closing else ""
    return fold(kind) if _KIND_IN_THE_NAME.search(kind) else None


# Kinds a name is written with ('臺中港科技園區', '旱災災害防救業務計畫'), not words after it.
_KIND_IN_THE_NAME = re.compile(r"(?:園區|工業區|公司|中心|機構|大學|醫院|學校|幼兒園|銀行|縣市|城市|國家|港|館|廠|計畫|方案|專案|條例)$")


def _spaced(word: str) -> str:
    return r"\s*".join(map(re.escape, word))


# An adverb between the name and the question's verb ('於花蓮溪與木瓜溪滙流口處更採用…') is no part of the name.
_ADVERBS = "更|亦|也|再|並|則|均|皆|將|另"
# '在哪個地區舉行' — '於雲嘉南地區舉辦', '前往哪一個產業' — '前往電動機車產業': a region or an industry too
_SITE_KINDS = frozenset(fold(kind) for kind in ("基地", "廠區", "營區", "機場", "港口", "會場", "場館", "展館", "地區", "區域", "產業", "領域"))
# What stands between a slot's lead and a name, and is not the name: '於 109 年 8 月 28 日親自蒞臨清泉崗基地'
_NAME_OPENING = re.compile(fold(r"\s*(?:\d+\s*年\s*)?(?:\d+\s*月\s*)?(?:\d+\s*日\s*)?(?:親自|親)?\s*(?:蒞臨|前往|抵達|出席|赴)?\s*"))


# '和印尼商簽署合作備忘錄…的是哪一家我國公司': who did a thing with a partner the question names, and the
# report's '我國綺發機械與印尼商簽署合作備忘錄': the name right before 與 and the partner.
_PARTNER_ASKED = re.compile(r"(?:^|[，,])\s*(?:是)?\s*(?:和|與|跟)\s*([\u4e00-\u9fff]{2,8}?)\s*(?:共同|一起|合作)?\s*"
                            r"(?:簽署|簽訂|締結|合資|合辦|組成|成立|建立|開發|研發)[^哪]*?(?:的)?是\s*哪")
_PARTNER_LEAD = fold("另|並|亦|也|已|我國|國內|本部")
_WITH = fold("與|和|及")


def _partner_named(parsed: Question, item: Item, sentence: str, rarity: dict[str, float]) -> list[tuple[int, int, float]]:
    asked = _PARTNER_ASKED.search(parsed.text)
    if asked is None:
        return []
    partner = _spaced(fold(asked.group(1)))
    return _names_found(parsed, item, sentence, rarity,
                        rf"(?:^|[，,。；;：:、\s])(?:(?:{_PARTNER_LEAD})\s*)*([^，,。；;：:、「」()（）\s\d]{{2,12}}?)\s*(?:{_WITH})\s*{partner}")


def _slot_names(parsed: Question, item: Item, sentence: str, rarity: dict[str, float]) -> list[tuple[int, int, float]]:
    """The span of each name standing in the question's slot in a sentence, scored as a 「name」 is."""
    anchors = _slot_anchors(parsed)
    if anchors is None:
        return []
    leads, after = anchors
    folded = fold(sentence)
    scored = []
    # '由「投資臺灣事務所」擔任單一窗口': the name in the slot may be quoted
    name_pattern = rf"\s*「?{_NAME_IN_SLOT}」?\s*(?:{_ADVERBS})?\s*{_spaced(after)}" if after else _PERSON_NAME
    slot = _SLOT_OF_A_BODY_LAST.search(parsed.text) if not after else None
    closing_kind = fold(slot.group(2)) if slot else None
    if closing_kind:  # '最後技轉給哪一家廠商？': a body asked last, its name after the verb, up to the clause's next word
        name_pattern = rf"\s*「?{_NAME_IN_SLOT}」?(?=\s*(?:{fold('並|及|與|和|後')}|[，,。；;、]))"
        leads = [lead for lead in leads if lead != closing_kind]  # the verb leads, not the kind
    kind = _kind_closing(parsed, after)
    for lead in leads:
        for name in re.finditer(rf"{_spaced(lead)}{name_pattern}", folded):
            if not re.search(r"[\u4e00-\u9fffA-Za-z]", name.group(1)) or _AN_AMOUNT.fullmatch(name.group(1).strip()):
                continue  # '之台糖公司約 27 公頃土地': a figure stands between the kind and the word after, no name
            if closing_kind and re.search(r"\d", name.group(1)):
                continue  # '獲北美大廠 ODM 訂單 510 套…': a clause with figures, no name of a body
            named = re.match(rf"\s*{_spaced(kind)}", folded[name.end(1):]) if kind else None
            end = name.end(1) + (named.end() if named else 0)  # '位在哪一個科技園區': 臺中港科技園區, kind and all
            if after in _SITE_KINDS:
                end = name.end()  # '在哪一個基地舉行' — '蒞臨清泉崗基地': the site's name is written with its kind
            opening = _NAME_OPENING.match(folded, name.start(1), end)
            start = opening.end() if opening and end - opening.end() >= 2 else name.start(1)  # a name opens with no date or verb
            scored.append((start, end, _name_score(parsed, item, sentence, folded, name.start(), name.end(), rarity)))
        if scored:
            break  # the kind named is the nearer anchor: '國際會展專業媒體 M&C Asia 辦理', not all of '由…辦理'
    return scored


_AN_AMOUNT = re.compile(fold(r"(?:約|逾|近|達|共|計)?\s*[\d,.]+\s*(?:萬|億|千)?\s*[\u4e00-\u9fff]{0,3}"))  # in folded text, as the slot is read


def _words_of(name: str) -> str:
    """A name as a question's segments are written: folded, spaces out, words used alike as one (風力發電 → 風電)."""
    return same_words(compact(fold(name)))


def _members_picked(parsed: Question, item: Item, sentence: str, rarity: dict[str, float]) -> list[tuple[int, int, float]]:
    """The one member of a list the question picks out: by the day in its bracket ('以 8 月 5 日的研討會
    為對象的國家' — 越南(6 月 8 日)、…緬甸(8 月 5 日)), or by a word of the question no other member holds
    ('與口罩有關的標準' — 防霾(PM2.5)口罩性能指標及試驗方法、數位電視可及性…)."""
    folded = fold(sentence)
    picked = []
    day = _day_asked(parsed)
    if day is not None:
        month, mday = day
        for member in re.finditer(rf"([\u4e00-\u9fff]{{2,8}})[(（]\s*{month}\s*月\s*{mday}\s*日\s*[)）]", sentence):
            picked.append((member.start(1), member.end(1)))
    for enum, _ in lists_in(sentence):
        names = names_of(enum.group(0))
        if len(names) < 3:
            continue  # a pair ('業者與消費者') is too weak a list to pick from
        for name in names:
            holds = [segment for segment in parsed.segments if len(segment) >= 2 and segment in _words_of(name)]
            if holds and not any(segment in _words_of(other) for other in names if other != name for segment in holds):
                at = sentence.find(name, enum.start())
                if at >= 0:
                    picked.append((_name_start(sentence, at), at + len(name)))
    return [(start, end, _name_score(parsed, item, sentence, folded, start, end, rarity)) for start, end in picked]


_BEFORE_A_NAME = re.compile(r"[^、，,。；;：:\s「」]{1,12}$")


def _name_start(sentence: str, at: int) -> int:
    """Where a list's first name starts when a list read it shorter: '防霾(PM2.5)口罩性能指標…' (its
    bracket sits inside the name, where a list looks for none)."""
    before = _BEFORE_A_NAME.search(sentence, max(0, at - 12), at)
    return before.start() if before else at


def _day_asked(parsed: Question) -> tuple[int, int] | None:
    """The month and day of a single day the question names (109 年 8 月 5 日)."""
    if parsed.period is None or not any("日" in anchor for anchor in parsed.date_anchors):
        return None
    day = parsed.period[0] or parsed.period[1]
    if day is None or (parsed.period[0] is not None and parsed.period[0] != parsed.period[1]):
        return None
    return day.month, day.day
