"""Questions asking when: the date of a sentence that best answers, as exactly as the report gives it.

    best_date(parsed, items)   # 哪一天 → 2020-09-06; 何時 (106 年 4 月) → 2017-04; 哪一年 → 2023

A candidate is every dated expression of the candidate items' sentences, scored by how much of the
question its own clause (or the clause it goes on from) covers, then by what the question pins
down: a figure it states, the period it asks about, a new date rather than an original plan's, the
one member of a list it names (第 2 部, 最後一部).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from policyledger.passages import QUOTED, SENTENCE, Item, citation, clause_span, topic_of_subjectless
from policyledger.quantity.numbers import count_of
from policyledger.quantity.periods import LIST_SPLIT, find_time_expressions, roc_to_gregorian, year_written_alone
from policyledger.question import QUARTER_ALONE, SESSION_ASKED, STAGES, YEARS_ASKED, Question, another_ordinal
from policyledger.records import iso
from policyledger.textnorm import compact, fold

# A clause that is a date and little else ('從 109 年 9 月 16 日起'): what happened then follows.
_DATE_ALONE = re.compile(r"\s*(?:從|自|於|至|截至)?\s*[\d\s年月日、及至]+(?:起|開始|止)?\s*")


# A date's clause that opens with 已/並 and the date goes on from the clause before: '增訂…第 46-1 條
# 閒置土地「罰款、拍賣」規定，已於 106 年 11 月 22 日公告'.
_GOES_ON_DATE = re.compile(r"\s*(?:已|並|且|亦|另|則)\s*(?:於|在|自)?\s*$")


def _subject_clause_start(sentence: str, expressions: list, index: int, clause_start: int) -> int:
    """Where a date's clause starts, or the clause before it when the date's clause goes on from it
    (and that clause holds no date of its own)."""
    expr = expressions[index]
    if clause_start == 0 or not _GOES_ON_DATE.fullmatch(sentence, clause_start, expr.start):
        return clause_start
    previous_start, _ = clause_span(sentence, clause_start - 1, clause_start - 1)
    if index > 0 and expressions[index - 1].end > previous_start:
        return clause_start
    return previous_start


# A date to the day: '114 年 1 月 25 日', or with dots or slashes, '114.1.25'; to the month at least, '114 年 1 月', '1 月底'.
_DOTTED_DATE = r"\d[./]\d{1,2}[./]\d"
_DAY = re.compile(rf"日|{_DOTTED_DATE}")
_MONTH_OR_DAY = re.compile(rf"日|月|底|初|{_DOTTED_DATE}")
_AS_OF = re.compile(r"\s*(?:截至|截止|迄)")
_AS_OF_ASKED = re.compile(r"截至|截止|迄|統計到|算到")
# Asked for a day, a date to the day answers better than a month; asked 何時, a little better.
_DAY_ASKED = re.compile(r"哪一?天|何日|哪一?日|幾月幾[日號]")


def _not_to_the_day(parsed: Question) -> float:
    return 0.9 if _DAY_ASKED.search(parsed.text) else 0.95


def best_date(parsed: Question, items: list[Item]) -> dict[str, Any] | None:
    rarity = parsed.rarity([item.folded for item in items])
    best = None
    for item in items:
        year = None  # '109 年 10 月完成…；12 月訂定…': a month without its year is in the item's last year
        for match in SENTENCE.finditer(item.node.text):
            sentence = match.group(0)
            folded = fold(sentence)
            expressions = find_time_expressions(sentence, year)
            year = next((expr.year for expr in reversed(expressions) if expr.year), year)
            # what each date names, read once per sentence: what happened then, the member it is bracketed after
            happened = [_what_happened(sentence, folded, expressions, at) for at in range(len(expressions))]
            members = [_member_of(folded, expr) for expr in expressions]
            topic = topic_of_subjectless(item.folded, match.start())
            elsewhere = 0.6 if another_ordinal(parsed.text, sentence) else 1.0  # asked 第二屆, '首屆…於 109 年 11 月 20 日召開'
            for index, expr in enumerate(expressions):
                if (expr.period_start is None and expr.period_end is None) or not (parsed.wants_year or _MONTH_OR_DAY.search(expr.text)):
                    continue
                exact = bool(_DAY.search(expr.text)) or parsed.wants_year
                windows = _date_windows(item, topic, sentence, folded, expressions, index)
                own = _own_words(windows)
                # a date alone in its clause ('截至 109 年底，已舉辦 104 場…') dates the clause after it, up to the next date
                alone = len(own.replace(compact(fold(expr.text)), "")) <= 2
                after = compact(folded[expr.end:expressions[index + 1].start if index + 1 < len(expressions) else len(folded)]) if alone else ""
                score = parsed.coverage(windows, rarity) * (1.0 if exact else _not_to_the_day(parsed)) * _stated_figure_factor(parsed, own + after)
                score *= _heading_period_factor(parsed, item) * _superseded_factor(parsed, own) * _stage_factor(parsed, own)
                score *= _bracketed_member_factor(parsed, members, index) * _event_factor(parsed, happened, index, folded)
                score *= _named_after_date_factor(parsed, sentence, folded, expr, happened, members, index) * elsewhere
                if expr.role == "open" and _END_ASKED.search(parsed.text):
                    score *= 0.85  # '作業將持續到哪一天': not the day it began ('自 109 年 7 月 23 日開始兌領')
                if _AS_OF.match(expr.text) and not _AS_OF_ASKED.search(parsed.text):
                    score *= 0.9  # '截至 110 年 2 月 23 日，提供…': the day counted to, not the day it happened
                if _PLANNED_BEFORE.search(sentence, max(0, expr.start - 8), expr.start) and not parsed.wants_target:
                    score *= 0.8  # asked when it was done ('哪一天審查通過'), '預定於 110 年 7 月完成…提送審查': a plan's date
                if best is None or score > best[0]:
                    when = expr.period_end if expr.period_start is None else expr.period_start
                    text, precision = year_written_alone(expr.text.strip()), "year" if parsed.wants_year else _precision(expr.text)
                    span_end = _end_of_span(parsed, expr)
                    if span_end is not None:  # '計畫期程到何時結束': '107 年 3 月至 116 年 12 月' ends 116 年 12 月
                        text, when = span_end, expr.period_end
                        precision = "year" if parsed.wants_year else _precision(span_end)
                    respective = _respective_date(parsed, sentence, expr)
                    if respective is not None:
                        (text, when), precision = respective, _precision(respective[0])
                    span = (expr.period_start, expr.period_end) if text == expr.text.strip() and (_days_span(expr) or _years_span(parsed, expr)) else None
                    best = (score, item, match.start() + expr.start, match.start() + expr.end, text, when, precision, span)
    if best is None:
        return None
    score, item, start, end, text, when, precision, span = best
    first, last = span or _span_of(when, precision)  # '109年 9月 24日至 25日': both days, valued by the first
    days = listed_days(text) if _DAYS_ASKED.search(parsed.text) else []
    value: str | list[str] = [day.isoformat() for day in days] if len(days) > 1 else _as_written(when, precision)
    years_asked = YEARS_ASKED.search(parsed.text) is not None
    if span is not None and years_asked:  # '哪幾年': '106 年至 109 年', an interval of years
        value = f"{span[0].year}/{span[1].year}"
    years = listed_years(text) if years_asked else []
    if len(years) > 1:  # '哪兩個年度': '108、109 年', each year
        value, first, last = [str(year) for year in years], date(years[0], 1, 1), date(years[-1], 12, 31)
    if len(days) > 1:
        first, last = days[0], days[-1]
    ten_days = _ten_days(text)
    if ten_days is not None:  # '109 年 1 月下旬': the days it names, an ISO interval
        first, last = ten_days
        value = f"{first.isoformat()}/{last.isoformat()}"
    answer = {"text": re.sub(r"^(?:截至|自|於|至)\s*", "", text), "value": value, "base_value": None,
              "base_unit": "date", "period_start": iso(first), "period_end": iso(last)}
    return {"answer": answer, "citation": citation(item, start, end), "confidence": score}


# Asked for several days ('在哪兩天辦理'), a date listing days ('109 年 12 月 17、23 日') answers with each.
_DAYS_ASKED = re.compile(r"哪(?:兩|幾|[二三四五])(?:天|日)|哪些(?:日子|日期|天)|分別(?:在|於)?(?:哪一?天|何日)")
_DATE_PART = re.compile(r"(\d+)\s*(年|月)?")


def _years_span(parsed: Question, expr: Any) -> bool:
    """'哪幾年' asked of '106 年至 109 年': a span from one year to another."""
    return bool(YEARS_ASKED.search(parsed.text) and expr.period_start and expr.period_end and expr.period_start.year < expr.period_end.year)


def _days_span(expr: Any) -> bool:
    """'9 月 24 日至 25 日': a span from one day to another."""
    return bool(_SPAN_JOINER.search(expr.text) and _DAY.search(expr.text) and expr.period_start and expr.period_end and expr.period_start < expr.period_end)


def _ten_days(written: str) -> tuple[date, date] | None:
    if "旬" not in written:
        return None
    found = find_time_expressions(re.sub(r"^\s*(?:截至|自|從|於|至)\s*|\s*(?:起|開始)\s*$", "", written))
    if len(found) != 1 or found[0].period_start is None or found[0].period_end is None:
        return None
    return found[0].period_start, found[0].period_end


def listed_days(written: str) -> list[date]:
    """Each day a date lists, in order: '109 年 12 月 17、23 日' → 2020-12-17, 2020-12-23; '9 月 8 日及
    10 月 5 日' keeps its year for the second. A date naming one day, or none, lists nothing."""
    if _SPAN_JOINER.search(written):
        return []  # '24 日至 25 日' is a span, not a list
    year = month = None
    days = []
    for number, unit in _DATE_PART.findall(written):
        if unit == "年":
            year = roc_to_gregorian(int(number))
        elif unit == "月":
            month = int(number)
        elif year and month:
            try:
                days.append(date(year, month, int(number)))
            except ValueError:
                return []
    return days


_LISTED_YEARS = re.compile(r"\s*(\d{2,3}(?:\s*[、及和與]\s*\d{2,3})+)\s*年(?:度)?\s*")


def listed_years(written: str) -> list[int]:
    """Each year a date lists, in order: '108、109 年' → 2019, 2020. A span ('106 年至 109 年'), a
    month or a day lists none."""
    listed = _LISTED_YEARS.fullmatch(written)
    return [roc_to_gregorian(int(year)) for year in re.findall(r"\d+", listed.group(1))] if listed else []


_NEW_ASKED = re.compile(r"新的|調整後|延後後|修正後|最新")
_PLANNED_BEFORE = re.compile(r"(?:預定|預計|規劃)\s*(?:於|在)?\s*$")  # not 將於: '將於 112 年 3 月屆期' is what will be
_ORIGINAL_PLAN = re.compile(fold(r"原(?:規劃|訂|定|預定|計畫|排定)"))


def _own_words(windows: list[tuple[str, float]]) -> str:
    """A date's own words, compacted: its windows of full weight (`_date_windows`)."""
    return "".join(compact(text) for text, weight in windows if weight >= 1.0)


def _stage_factor(parsed: Question, own: str) -> float:
    """Asked when the final report comes out ('最終調查報告預計何時發布'), the day the preliminary one did
    ('於 114 年 6 月 20 日發布初步事實資料') answers something else."""
    asked = parsed.folded
    return 0.6 if any(wanted in asked and other in own and wanted not in own for a, b in STAGES for wanted, other in ((a, b), (b, a))) else 1.0


def _superseded_factor(parsed: Question, own: str) -> float:
    """Asked for the new date ('滾動檢討後，新的商轉日期'), the date an original plan gave ('原規劃於 114
    年 1 月 1 日…商轉，…將滾動檢討') is the one replaced."""
    return 0.7 if _NEW_ASKED.search(parsed.text) and _ORIGINAL_PLAN.search(own) else 1.0


# What happens on a date: asked when a thing was 完工, the date whose own clause says 完工.
_EVENTS = tuple(fold(word) for word in (
    "完工", "竣工", "完成", "決標", "招標", "開標", "招商", "簽約", "簽署", "簽訂", "動工", "動土", "開工", "啟用", "上線", "啟動", "開幕", "揭牌",
    "營運", "商轉", "供水", "通過", "核定", "公告", "公布", "發布", "生效", "施行", "實施", "到期", "屆期", "成立", "舉辦",
    "修訂", "訂定", "制定",  # '於 109 年 11 月修訂「…要點」，至 109 年底已受理…': asked when it was 修訂
))


_NOT_AFTER = fold(r"(?!\s*(?:之後|以後|後))")  # '修正案公布後，從哪一天開始施行': 公布 is when it follows, not what is asked


_PENDING = fold(r"(?:待|俟|等到)[^，。；]{0,12}?")


def _event_factor(parsed: Question, parts: list[str], index: int, folded: str) -> float:
    """'…第二期計畫已於 109 年 6 月 15 日決標，預定於 114 年完工': asked when it is 完工, the date of
    the clause that says 完工, though the other clause names the plan. `parts`: what each date names."""
    asked = [event for event in _EVENTS if re.search(event + _NOT_AFTER, parsed.folded)]
    if not asked:
        return 1.0
    if any(event in parts[index] for event in asked):
        return 1.0
    if any(re.search(_PENDING + event, folded) for event in asked):
        return 0.5  # '於 109 年 9 月 30 日簽署…協定，待協定生效後…': asked when it took effect, the report says it has not yet
    others = (part for at, part in enumerate(parts) if at != index)
    if any(event in part for part in others for event in asked):
        return 0.85
    return 0.8 if _another_event(asked, parts[index]) else 1.0


# Events that may fall on one day, told apart from the rest: a treaty's signing is not its entry into force.
_EVENT_KINDS = tuple(tuple(fold(word) for word in kind) for kind in (
    ("簽署", "簽訂", "簽約"), ("生效", "施行", "實施"), ("完工", "竣工"), ("動工", "動土", "開工"), ("決標", "招標", "開標"),
))


def _another_event(asked: list[str], part: str) -> bool:
    """'109 年 5 月 24 日生效之新版「臺越投資保障協定」', asked when it was 簽署: the date of another event."""
    kinds = [kind for kind in _EVENT_KINDS if any(event in asked for event in kind)]
    return bool(kinds) and not any(event in part for kind in kinds for event in kind) and any(
        event in part for kind in _EVENT_KINDS if kind not in kinds for event in kind)


_END_ASKED = re.compile(r"結束|到期|到何時|到什麼時候|(?:持續|延續|延長|實施)(?:到|至)|到哪一?天|至哪一?天")
_SPAN_JOINER = re.compile(r"\s*(?:至|到|~|～|－|-)\s*")


def _end_of_span(parsed: Question, expr: Any) -> str | None:
    """The end of a span the question asks the end of, as written ('116 年 12 月'), if `expr` is a span."""
    if not _END_ASKED.search(parsed.text) or expr.period_start is None or expr.period_end is None:
        return None
    pieces = _SPAN_JOINER.split(expr.text.strip())
    return pieces[-1] if len(pieces) == 2 and pieces[-1] else None


def _named_after_date_factor(parsed: Question, sentence: str, folded: str, expr: Any, happened: list[str],
                             members: list[str | None], index: int) -> float:
    """Dates sharing a clause, each naming what follows it ('(如線上 9 月 InnoVEX、10 月線上台灣國際醫療…
    展)'): asked about InnoVEX, a date whose own words do not name it, while another's do, is the other's."""
    words = [segment for segment in parsed.segments if len(segment) >= 2 and segment not in parsed.date_anchors]
    if not words or any(member is not None for member in members):
        return 1.0  # a bracketed date names what stands before it ('第一階段(112 年)及第二階段(113~114 年)包括葉片…')
    parts = [compact(part) for part in happened]
    telling = [word for word in words if sum(word in part for part in parts) == 1]  # a word only one date's part holds
    named = [any(word in part for word in telling) for part in parts]
    clause = compact(folded[slice(*clause_span(sentence, expr.start, expr.end))])
    if named[index] or parts[index] == clause or not any(named):
        return 1.0
    return 0.85


def _what_happened(sentence: str, folded: str, expressions: list, index: int) -> str:
    """A date's clause, or where dates share one ('訂於 110 年 7 月公告招商、12 月開發工程動土'),
    what follows the date up to the next."""
    expr = expressions[index]
    clause_start, clause_end = clause_span(sentence, expr.start, expr.end)
    shared = [other for other in expressions if other is not expr and clause_start <= other.start < clause_end]
    if not shared:
        return folded[clause_start:clause_end]
    following = min((other.start for other in shared if other.start >= expr.end), default=clause_end)
    named = folded[expr.end:following]
    closed = _MEMBER_CLOSED.search(named)  # '(如…8 月越南館)及線上專業展(如線上 9 月 InnoVEX': 8 月 is 越南館's
    return named[:closed.start()] if closed else named


_MEMBER_CLOSED = re.compile(r"[、)）；;(（]")  # or a bracket opening: '截至 12 月 31 日止(受理時間至…': the next date's


# A name a bracketed date follows, back to the list's separator: '越南(6 月 8 日)、印尼(6 月 18 日)'.
_MEMBER_BEFORE = re.compile(r"([^、，,；;。及與和与]{2,})\s*[（(]\s*$")


def _bracketed_member_factor(parsed: Question, members: list[str | None], index: int) -> float:
    """Dates in brackets after the members of a list ('辦理越南(6 月 8 日)、印尼(6 月 18 日)、緬甸(8 月 5 日)
    …等 5 場'), each the day of its member: asked about 緬甸, the others' days are not the answer."""
    named = [member is not None and _names_member(parsed.compacted, member) for member in members]
    if members[index] is None or named[index] or not any(named):
        return 1.0
    return 0.8


def _member_of(folded: str, expr: Any) -> str | None:
    """The member a bracketed date follows ('緬甸(8 月 5 日)' → 緬甸), or None for a date not in brackets."""
    if not re.match(r"\s*[）)]", folded[expr.end:]):
        return None
    before = _MEMBER_BEFORE.search(folded, 0, expr.start)
    return compact(before.group(1)) if before else None


def _names_member(asked: str, member: str) -> bool:
    """Whether the question names the member: the end of its words (the list's verb may lead in)."""
    return any(member[-size:] in asked for size in range(2, len(member) + 1))


def _heading_period_factor(parsed: Question, item: Item) -> float:
    """An item headed by another period than the one asked about ('B. 109 年第 3 季：109 年 10 月 31 日
    截止受理申請', asked about 第 4 季) tells the dates of that period, even one that falls in it."""
    if parsed.period is None:
        return 1.0
    headed = find_time_expressions(item.node.title)
    if not headed or headed[0].period_start is None or headed[0].period_end is None:
        return 1.0
    start, end = parsed.period
    overlaps = (start is None or start <= headed[0].period_end) and (end is None or headed[0].period_start <= end)
    return 1.0 if overlaps else 0.7


def _stated_figure_factor(parsed: Question, own: str) -> float:
    """A figure the question states ('提高到至少 14 天是在哪一年') stands by the date asked for, in its own
    words (or, for a date alone in its clause, after it: '截至 109 年底，已舉辦 104 場…'): '108 年至少
    7 天，116 年至少 14 天' — 116 年, though 108 年's clause holds the rest of the question's words."""
    stated = [anchor for anchor in parsed.anchors if anchor not in parsed.date_anchors and not QUARTER_ALONE.fullmatch(anchor)]
    return 0.9 if stated and not any(anchor in own for anchor in stated) else 1.0


def _precision(written: str) -> str:
    """How exactly a report dates a thing: '109 年 12 月底' and '108 年 3 月 4 日' to the day (底 is the
    last day, as DESIGN.md reads 年底), '106 年 4 月' and '113 年初' (early in a year, no day) to the
    month, '112 年' to the year."""
    if _DAY.search(written) or "底" in written:
        return "day"
    return "month" if re.search(r"月|初", written) else "year"


def _as_written(when: date, precision: str) -> str:
    """An ISO 8601 date only as exact as the report: 2020-12-31, 2017-04, 2023."""
    return {"day": when.isoformat(), "month": when.isoformat()[:7], "year": when.isoformat()[:4]}[precision]


def _span_of(when: date, precision: str) -> tuple[date, date]:
    """The days a date as exact as `precision` covers: 2017-04 is 2017-04-01 to 2017-04-30."""
    if precision == "year":
        return date(when.year, 1, 1), date(when.year, 12, 31)
    if precision == "month":
        following = date(when.year + when.month // 12, when.month % 12 + 1, 1)
        return date(when.year, when.month, 1), following - timedelta(days=1)
    return when, when


# '第 8、9 號機組預定於 111 年 6 月 30 日及 112 年 6 月 30 日商轉': members numbered before, their dates in turn.
_NUMBERED_MEMBERS = re.compile(r"(\d+(?:\s*[、及和]\s*\d+)+)\s*號")
_COUNTED_MEMBERS = re.compile(r"(\d+)\s*[部座台臺]機")
_ORDINAL_ASKED = re.compile(r"第\s*(\d+)\s*[部座台臺號]")
_LAST_ASKED = re.compile(r"最後一[部座台臺]")


_RESPECTIVELY_BEFORE = re.compile(r"分別?\s*(?:於|在)?\s*$")


def _members_before_respectively(sentence: str, expr: Any, count: int) -> list[str]:
    """The names a date list's 分(別)於 takes in turn, the last `count` of the list before it."""
    before = sentence[: expr.start]
    lead = _RESPECTIVELY_BEFORE.search(before)
    if lead is None:
        return []
    listed = before[: lead.start()]
    listed = listed[max(listed.rfind(mark) for mark in "，,；;：:") + 1:]
    names = [name.strip() for name in LIST_SPLIT.split(listed) if name.strip()]
    return names[-count:] if len(names) >= count else []


def _members_after(sentence: str, expr: Any, count: int) -> list[str]:
    """'於 9 月 16 日及 10 月 1 日成立水利署及經濟部旱災緊急應變小組': as many names after the dates' verb as there
    are dates, each in turn."""
    after = _VERB_THEN_LIST.match(sentence, expr.end)
    names = [name.strip() for name in LIST_SPLIT.split(after.group(1))] if after else []
    return names if len(names) == count and all(len(name) >= 2 for name in names) else []


_VERB_THEN_LIST = re.compile(r"\s*(?:成立|設立|召開|啟用|完成|開幕|上線|簽署|簽訂|公告|發布)([^，,。；;：:]{4,60})")


def _respective_date(parsed: Question, sentence: str, expr: Any) -> tuple[str, date] | None:
    """The one date of a list that belongs to the member the question names (9 號機組 → the second)."""
    pieces = LIST_SPLIT.split(expr.text.strip())
    if len(pieces) < 2:
        return None
    members = list(_NUMBERED_MEMBERS.finditer(sentence, 0, expr.start))
    named = _members_before_respectively(sentence, expr, len(pieces)) or _members_after(sentence, expr, len(pieces))
    if named:  # '我國與巴拉圭及尼加拉瓜分於 109 年 10 月及 12 月…召開', asked about 尼加拉瓜: the second
        count = len(named)
        asked = [index for index, name in enumerate(named) if fold(name) in parsed.folded]
    elif members:
        numbers = re.findall(r"\d+", members[-1].group(1))
        count = len(numbers)
        asked = [index for index, number in enumerate(numbers) if re.search(rf"(?<!\d){number}\s*號", parsed.text)]
    else:  # '2 部機原規劃於 A、B 商轉', asked about 第 2 部: the second
        counted = _COUNTED_MEMBERS.findall(sentence, 0, expr.start)
        ordinal = _ORDINAL_ASKED.search(parsed.text)
        count = int(counted[-1]) if counted else 0
        asked = [int(ordinal.group(1)) - 1] if ordinal and 0 < int(ordinal.group(1)) <= count else []
        if not asked and count and _LAST_ASKED.search(parsed.text):  # '3 部機組中最後一部': the third
            asked = [count - 1]
        session = SESSION_ASKED.search(parsed.text)
        if not asked and session:  # '研討會的第一場是哪一天' — '109 年 8 月 14 日、8 月 28 日、9 月 11 日…辦理': the first
            count = len(pieces)
            number = count_of(session.group(1)) if session.group(1) else 0
            asked = [count - 1] if session.group(0).startswith("最後") else [number - 1] if 0 < number <= count else []
    if count != len(pieces) or len(asked) != 1:
        return None
    year = expr.year
    for index, piece in enumerate(pieces):
        found = find_time_expressions(piece, year)
        if found and (found[0].period_start or found[0].period_end):
            year = found[0].year or year
            if index == asked[0]:
                day = found[0].period_end if found[0].period_start is None else found[0].period_start
                return piece, day
    return None


def _date_windows(item: Item, topic: str, sentence: str, folded: str, expressions: list, index: int) -> list[tuple[str, float]]:
    """The text around the index-th date of a sentence (`folded` is the sentence folded), each window
    weighted as coverage wants: the date's own clause first — '…發布「方案」，並自 110 年 1 月 5 日起
    試行': asked when it 試行, the date of that clause, not the sentence's first; then `topic`, for a
    sentence without a subject what its item opened with ('提供…數位貿易輔導服務。…將持續辦理至 110 年
    3 月底', `passages.topic_of_subjectless`)."""
    expr = expressions[index]
    clause_start, clause_end = clause_span(sentence, expr.start, expr.end)
    if _DATE_ALONE.fullmatch(sentence, clause_start, clause_end):
        # '從 109 年 9 月 16 日起，進口口罩須向本部貿易局申請…': the date governs the next clause
        clause_end = clause_span(sentence, clause_end + 1, clause_end + 1)[1]
    # A quoted name's words are matched in the sentence; in the clause they would tie the clause of
    # a name that holds the verb (「…試行作業方案」) with the verb's own.
    own_clause = QUOTED.sub(" ", folded[_subject_clause_start(sentence, expressions, index, clause_start):clause_end])
    windows = [(own_clause, 1.0), (folded, 0.9), (item.context, 0.85), (topic, 0.65), (item.folded, 0.35)]
    following = expressions[index + 1].start if index + 1 < len(expressions) else len(sentence)
    preceding = expressions[index - 1].end if index > 0 else -1
    if following < clause_end or preceding > clause_start:
        # Dates listed in one clause: what follows each up to the next is what happened then, names
        # and all ('107 年 3 月 1 日生效之新版「臺菲…協定」、…及 109 年 5 月 24 日生效之新版「臺越…協定」');
        # the clause alone would tie them.
        windows.insert(1, (folded[expr.end:min(following, clause_end)], 1.0))
    return windows
