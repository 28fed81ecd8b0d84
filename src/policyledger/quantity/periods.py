"""Time expressions of Taiwanese reports, as ISO periods.

ROC years (109 年 = 2020; 一一○年 = 2021), Gregorian years (2020 年), quarters (第 2 季),
halves (下半年), 年底/年初/期初, months (2 月底), days (1 月 3 日), implied years (10 月 22 日
inside a 109 paragraph), ranges (107 年至 109 年, 115 至 124 年, 109 年 7 月至 110 年 2 月底),
lists (108、109 年), and the words around them: 截至/累計至/統計至 make an as-of date
(start None), 自…起 / …以來 an open start, 較/比 a base period of a comparison.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date

from policyledger.quantity.numbers import value_of_chinese

# a year in digits, or in Chinese numerals as official documents write it: 一百十四年, 一〇九年, 九十九年
_NUM = r"(?:\d{1,4}|一百[〇○零一二三四五六七八九十]{0,3}|[〇○零一二三四五六七八九十]{1,4})"
_S = r"\s*"
# A quarter or a half of a year as written without the year (其中第 4 季, 其中上半年).
QUARTER = rf"第{_S}[1-4一二三四]{_S}季"
HALF = r"上半年|下半年"
# The characters a time expression can start with, ahead of it: the regex engine then skips the
# other positions quickly (three times faster on a report than trying every alternative at each).
_FIRST = r"(?=[\d〇○零一二三四五六七八九十上下第去同今本年期])"
_FIRST_MONTHS = rf"前{_S}(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}}){_S}個{_S}?月|前{_S}[1-3一二三]{_S}季"  # 前 8 個月, 前三季
_ATOM = re.compile(
    rf"{_FIRST}(?:(?P<syear>{_NUM}){_S}學年度?(?:{_S}(?P<term>第{_S}[12一二]{_S}學期|上學期|下學期))?"  # 109 學年度第 1 學期
    rf"|(?P<year>{_NUM}){_S}年(?!度?{_S}(?:內|以內))(?!{_S}(?:來(?![臺台華訪自往])|次))"  # not 56 年來 (a duration), 83 年次 (a birth cohort)
    rf"(?:{_S}(?:(?P<quarter>第{_S}[1-4一二三四]{_S}季)|(?P<half>上半年|下半年|前半年|後半年|上半|下半)"
    rf"|(?P<mmdd>0[1-9][0-3]\d)(?!\d)"  # 108 年 0719 丹娜絲颱風: a date code (a quantity has no leading 0)
    rf"|(?P<month>\d{{1,2}}|[一二三四五六七八九十]{{1,3}}){_S}月(?:份)?(?:{_S}(?P<day>\d{{1,2}}|[一二三四五六七八九十]{{1,3}}){_S}日|{_S}(?P<mpart>底|初|中(?![小型華央南部東西北])|上旬|中旬|下旬))?"
    rf"|(?P<firstmonths>{_FIRST_MONTHS})"  # 114 年前 8 個月: January to August
    rf"|(?P<ypart>年底|年初|底|初|期初|期末|(?:年)?中(?![小型華央南])|[以之]前|前(?![半瞻期述揭列言]))|(?P<fiscal>度))?)?"  # not 109 年中小企業
    rf"|(?<![\d.])(?P<dyear>9\d|1[0-4]\d|(?:19|20)\d\d)(?P<dsep>[./])(?P<dmonth>\d{{1,2}})(?P=dsep)(?P<dday>\d{{1,2}})(?![\d.])"  # 113.10.31, 113/10/31, 2025/3/15
    rf"|(?P<omonth>\d{{1,2}}){_S}月(?:份)?(?:{_S}(?P<oday>\d{{1,2}}){_S}日|{_S}(?P<ompart>底|初|中(?![小型華央南部東西北])))?"
    rf"|(?P<oquarter>{QUARTER})|(?P<ohalf>{HALF})"  # 其中第 4 季, 其中上半年: the year before
    rf"|(?P<thisyear>今年|本年){_S}(?P<thisfirst>{_FIRST_MONTHS})"  # 今年前 8 個月
    rf"|(?P<relative>上年同期|去年同期|同期|去年度|去年|今年|本年度|本年|年底|年初|期初))"
)
# A bare 至/到 after a verb of change is where a value went, not an as-of date: '由 104 年之 18.2％降至 109
# 年之 7.6％' gives 7.6％ the year 109.
_AS_OF_BEFORE = re.compile(r"(?:截至|截止|迄今|迄|統計至|累計至|累計到|直到|(?<![增減降升高低])(?:至|到))\s*$")
# 從/由 are left out: "漏水率從 109 年期初 14.5% 降至…" dates a value, it does not open a span.
_OPEN_BEFORE = re.compile(r"(?:自從|自|於)\s*$")
_BASE_BEFORE = re.compile(r"(?:較|比|相較於?|相比|與|高於|低於|優於)\s*(?:基準年|基期年?)?\s*$")
# '約為 105 年之 10 倍': the year a multiple is of is a base too
_BASE_AFTER = re.compile(r"\s*之\s*[\d.,]+\s*倍")
_TO = r"(?:至|到|~|～|－|-|—|–)"  # what joins the two ends of a range
_RANGE_JOIN = re.compile(rf"^\s*(?:起\s*)?{_TO}\s*(?:今)?\s*$")
_LIST_SEPARATOR = r"[、及與和]"  # what joins the items of a list of dates, days or months
_LIST_JOIN = re.compile(rf"^\s*{_LIST_SEPARATOR}\s*$")
LIST_SPLIT = re.compile(rf"\s*{_LIST_SEPARATOR}\s*")  # a list of dates cut into its items ('114 學年度及 115 學年度')
SINCE_AFTER = re.compile(r"\s*(?:起|以來|迄今)")
# '創 101 年以來新高': the years a record is set against, a base and no period of the figure
_RECORD_SINCE = re.compile(r"\s*以來\s*(?:新高|新低|最高|最低|最佳|最多|最少)")
_UNTIL_NOW_AFTER = re.compile(r"\s*起?\s*(?:至今|迄今)")


@dataclass(frozen=True)
class TimeExpr:
    """One time expression found in a text."""

    start: int  # offsets in the text
    end: int
    text: str
    period_start: date | None
    period_end: date | None
    role: str = "period"  # "period", "as_of", "open" (自 … 起), "since" (自 … 起至今), "base" (較 …: a comparison's base)
    year: int | None = None  # the Gregorian year it names, for implied years after it


def roc_to_gregorian(year: int) -> int | None:
    """ROC year (2–3 digits) → Gregorian; four-digit years ≥ 1912 are Gregorian already."""
    if 1912 <= year <= 2200:
        return year
    if 1 <= year <= 200:
        return year + 1911
    return None


def _number(token: str | None) -> int | None:
    if token is None:
        return None
    token = token.replace(" ", "")
    if token.isdigit():
        return int(token)
    value = value_of_chinese(token)
    return int(value) if value is not None else None


def last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _atom_period(match: re.Match[str], context_year: int | None, report_year: int | None = None) -> tuple[date | None, date | None, int | None, bool] | None:
    """(start, end, gregorian year, is_point) of one atom, or None when it is not a valid date."""
    groups = match.groupdict()
    if groups["syear"]:
        return _school_year(groups["syear"], groups["term"])
    if groups["relative"]:
        return _relative(groups["relative"], context_year, report_year)
    if groups["thisyear"]:
        this_year = _relative(groups["thisyear"], context_year, report_year)
        return _dated(this_year[2], {**dict.fromkeys(groups), "firstmonths": groups["thisfirst"]}) if this_year and this_year[2] else None
    if groups["dyear"] is not None:
        year = roc_to_gregorian(int(groups["dyear"]))
        return _month_day(year, int(groups["dmonth"]), int(groups["dday"]), None) if year is not None else None
    if groups["year"] is not None:
        raw_year = _number(groups["year"])
        year = roc_to_gregorian(raw_year) if raw_year is not None else None
        if year is None:
            return None
        only_year = not any(groups[k] for k in ("quarter", "half", "mmdd", "month", "ypart", "firstmonths")) or groups["ypart"] in _BY_THE_END
        if only_year and raw_year is not None and raw_year < 50:
            return None  # "3 年", "10 年", "14 年前", "前 3 年度": a duration, not the year 1914
        return _dated(year, groups)
    if context_year is None:
        return None
    if groups["oquarter"] or groups["ohalf"]:
        return _dated(context_year, {**groups, "quarter": groups["oquarter"], "half": groups["ohalf"]})
    month = _number(groups["omonth"])
    return _month_day(context_year, month, _number(groups["oday"]), groups["ompart"])


def _school_year(written: str, term: str | None) -> tuple[date | None, date | None, int, bool] | None:
    """109 學年度 runs from August 2020 to July 2021; its first term to January, its second from February."""
    raw = _number(written)
    year = roc_to_gregorian(raw) if raw is not None else None
    if year is None or year > 2199:
        return None
    if term is None:
        return date(year, 8, 1), date(year + 1, 7, 31), year, False
    if re.search("[1一上]", term):
        return date(year, 8, 1), date(year + 1, 1, 31), year, False
    return date(year + 1, 2, 1), date(year + 1, 7, 31), year, False


# 於 114 年前完成, 120 年以前: by the end of that year (and '14 年前', fourteen years ago, no year at all)
_BY_THE_END = ("前", "以前", "之前")


def _dated(year: int, groups: dict[str, str | None]) -> tuple[date | None, date | None, int, bool] | None:
    if groups["quarter"]:
        quarter = _number(re.sub(r"[第季\s]", "", groups["quarter"]))
        if quarter is None or not 1 <= quarter <= 4:
            return None
        return date(year, 3 * quarter - 2, 1), last_day(year, 3 * quarter), year, False
    if groups["half"]:
        first = groups["half"].startswith(("上", "前"))
        return (date(year, 1, 1), date(year, 6, 30), year, False) if first else (date(year, 7, 1), date(year, 12, 31), year, False)
    if groups["mmdd"]:
        return _month_day(year, int(groups["mmdd"][:2]), int(groups["mmdd"][2:]), None)
    if groups.get("firstmonths"):
        written = groups["firstmonths"] or ""
        count = _number(re.sub(r"[前個月季\s]", "", written))
        months = count * 3 if count and written.endswith("季") else count
        return (date(year, 1, 1), last_day(year, months), year, False) if months and 1 <= months <= 12 else None
    if groups["month"]:
        return _month_day(year, _number(groups["month"]), _number(groups["day"]), groups["mpart"])
    part = groups["ypart"]
    if part in ("年底", "底", "期末", *_BY_THE_END):
        return None, date(year, 12, 31), year, True
    if part in ("年初", "初", "期初"):
        return None, date(year, 1, 1), year, True
    return date(year, 1, 1), date(year, 12, 31), year, False


def _month_day(year: int, month: int | None, day: int | None, part: str | None) -> tuple[date | None, date | None, int, bool] | None:
    if month is None or not 1 <= month <= 12:
        return None
    if day is not None:
        try:
            return None, date(year, month, day), year, True
        except ValueError:
            return None
    if part == "底":
        return None, last_day(year, month), year, True
    if part == "初":
        return None, date(year, month, 1), year, True
    if part in _TEN_DAYS:  # 下旬: the 21st to the month's end
        first, last = _TEN_DAYS[part]
        return date(year, month, first), date(year, month, last) if last else last_day(year, month), year, False
    return date(year, month, 1), last_day(year, month), year, False


_TEN_DAYS = {"上旬": (1, 10), "中旬": (11, 20), "下旬": (21, None)}


# The only words the report's own year changes (see `_relative`).
REPORT_YEAR_WORDS = ("去年度", "去年", "今年", "本年度", "本年")


def _relative(word: str, context_year: int | None, report_year: int | None = None) -> tuple[date | None, date | None, int | None, bool] | None:
    if word in REPORT_YEAR_WORDS and report_year is not None:
        # 去年度 in a report written in 110 年 is 109 年, whatever year the paragraph speaks of.
        year = report_year - 1 if word.startswith("去") else report_year
        return date(year, 1, 1), date(year, 12, 31), year, False
    if context_year is None:
        return None
    if word in ("上年同期", "去年同期", "去年度", "去年"):
        year = context_year - 1
        return date(year, 1, 1), date(year, 12, 31), year, False
    if word == "年底":
        return None, date(context_year, 12, 31), context_year, True
    if word in ("年初", "期初"):
        return None, date(context_year, 1, 1), context_year, True
    if word == "同期":
        return None
    return date(context_year, 1, 1), date(context_year, 12, 31), context_year, False


_YEAR_WORDS = ("今年", "本年", "本年度", "去年", "去年度")  # '今年 1 至 8 月': the months of the year the word names


def find_time_expressions(text: str, context_year: int | None = None, report_year: int | None = None) -> list[TimeExpr]:
    """All time expressions in `text`, ranges and lists merged, each with its role.

    `context_year` completes dates written without a year (10 月 22 日); `report_year`, the year
    the report was written, resolves 去年/今年."""
    written = text
    text = _YEAR_IN_BRACKETS.sub(_year_first, text)
    text = _YEAR_WORD_BRACKETED.sub(_year_first, text).replace("\n", _PARAGRAPH_BREAK)  # no date runs across paragraphs (table cells)
    atoms: list[TimeExpr] = []
    year = context_year
    for match in _ATOM.finditer(text):
        parsed = _atom_period(match, year, report_year)
        if parsed is None or _years_of_a_term(text, match):
            continue
        start, end, atom_year, point = parsed
        named = match.group("year") is not None or match.group("syear") is not None or match.group("relative") in _YEAR_WORDS
        if atom_year is not None and named and not _compared_to(text, match.start()):
            year = atom_year  # the year a later 10 月 22 日 or 第 4 季 falls in (not the base of 較 108 年同期)
        atom = TimeExpr(match.start(), match.end(), match.group(0), start, end, "as_of" if point else "period", atom_year)
        atoms.append(_day_list(text, _through_day(text, atom, match), match))
    found = [_with_role(text, expr) for expr in _same_months_before(text, _merge(text, atoms))]
    # each as the report writes it ('本年（114 年）上半年'), where a bracketed year was read as if written alone
    return [replace(expr, text=written[expr.start:expr.end]) if _BRACKETED_YEAR.match(written, expr.start) else expr for expr in found]


def _same_months_before(text: str, exprs: list[TimeExpr]) -> list[TimeExpr]:
    """'114 年上半年…6.8 分鐘，較去年同期之 7.1 分鐘', '較 113 年同期': the same months of the year
    before as the span named last, not the whole of that year."""
    found: list[TimeExpr] = []
    for expr in exprs:
        same_span = _SAME_SPAN_BEFORE.fullmatch(expr.text) or (_A_YEAR.fullmatch(expr.text.strip()) and SAME_SPAN_AFTER.match(text, expr.end))
        months = _months_a_year_before(found, expr) if same_span else None
        found.append(replace(expr, period_start=months[0], period_end=months[1]) if months else expr)
    return found


def _months_a_year_before(earlier: list[TimeExpr], year_before: TimeExpr) -> tuple[date, date] | None:
    """The months of the last span in `earlier`, a year before, where that span is part of the year
    after `year_before`'s (not the whole of it)."""
    spans = [(expr.period_start, expr.period_end) for expr in earlier if expr.period_start and expr.period_end]
    if not spans or year_before.period_start is None:
        return None
    start, end = spans[-1]
    whole_year = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    if whole_year or not start.year == end.year == year_before.period_start.year + 1:
        return None
    return start.replace(year=start.year - 1), last_day(end.year - 1, end.month) if end == last_day(end.year, end.month) else end.replace(year=end.year - 1)


_SAME_SPAN_BEFORE = re.compile(r"(?:去年|上年)同期")
_A_YEAR = re.compile(r"去年|\d{2,3}\s*年")  # '113 年' (a bracketed year is read alone by then: '去年(113 年)' → '113 年')
SAME_SPAN_AFTER = re.compile(r"\s*同期")


def _years_of_a_term(text: str, match: re.Match[str]) -> bool:
    """'特許期間 50 年', '租期 50~70 年': a bare number of years after a term's name is how long, not when —
    unless it is a year of this century ('編列期間為 113 至 116 年')."""
    parts = ("quarter", "half", "mmdd", "month", "firstmonths", "ypart", "fiscal")
    bare = match.group("year") is not None and not any(match.group(part) for part in parts)
    return bare and (_number(match.group("year")) or 0) < _FIRST_YEAR_OF_THE_CENTURY and _TERM_BEFORE.search(text, max(0, match.start() - 12), match.start()) is not None


_FIRST_YEAR_OF_THE_CENTURY = 90  # ROC 90 = 2001
# and after an age ('船齡超過 20 年') or a bound no date takes ('逾 20 年', '未滿 10 年')
_TERM_BEFORE = re.compile(
    r"(?:(?:期間|期限|租期|年限|為期|長達|[船屋樓車機]齡|年資)\s*(?:為|約|達|訂為|定為|已|超過|逾|未滿|滿)?|超過|逾|未滿)\s*(?:\d{1,3}\s*[~～至到-]\s*)?$"
)


# A paragraph break stands as a character no pattern spans ('第 2 季' and '7 至 8 月', two column headings), offsets kept.
_PARAGRAPH_BREAK = "｜"

# '今（114）年 1 月 15 日': the year the bracket names, read as if written alone (offsets kept).
_YEAR_IN_BRACKETS = re.compile(r"([今去本明][（(])(\d{2,3})([）)])(?=\s*年)")
# '本年（114 年）上半年', '去年(113 年)1 至 6 月': likewise, with what follows it (offsets kept).
_YEAR_WORD_BRACKETED = re.compile(r"((?:今|本|去|明)年度?\s*[（(]\s*)(\d{2,3}\s*年度?)(\s*[）)])")
_BRACKETED_YEAR = re.compile(rf"{_YEAR_IN_BRACKETS.pattern}|{_YEAR_WORD_BRACKETED.pattern}")  # where a date was read as if written alone


def _year_first(match: re.Match[str]) -> str:
    return match.group(2) + " " * (len(match.group(1)) + len(match.group(3)))


def year_written_alone(text: str) -> str:
    """'今（114）年 1 月 15 日', '本年（114 年）上半年' as '114 年 1 月 15 日', '114 年上半年': the year a
    bracket names, without the word it brackets."""
    text = _YEAR_IN_BRACKETS.sub(lambda found: found.group(2) + " ", text)
    return _YEAR_WORD_BRACKETED.sub(lambda found: found.group(2), text)


def _compared_to(text: str, start: int) -> bool:
    return _BASE_BEFORE.search(text, max(0, start - 6), start) is not None


_THROUGH_DAY = re.compile(rf"\s*{_TO}\s*(\d{{1,2}})\s*日")


def _through_day(text: str, atom: TimeExpr, match: re.Match[str]) -> TimeExpr:
    """'9 月 24 日至 26 日': a day range within one month, the second day written alone."""
    if not (match.group("day") or match.group("oday")) or atom.period_end is None:
        return atom
    through = _THROUGH_DAY.match(text, atom.end)
    if through is None:
        return atom
    first = atom.period_end
    try:
        last = first.replace(day=int(through.group(1)))
    except ValueError:
        return atom
    if last <= first:
        return atom
    return TimeExpr(atom.start, through.end(), text[atom.start:through.end()], first, last, "range", atom.year)


_DAY_LIST = re.compile(rf"\s*(\d{{1,2}})(?:\s*{_LIST_SEPARATOR}\s*\d{{1,2}})*\s*{_LIST_SEPARATOR}\s*(\d{{1,2}})\s*日")


def _day_list(text: str, atom: TimeExpr, match: re.Match[str]) -> TimeExpr:
    """'12 月 17、23 日': days of one month written as a list, the month once; spans the first to the last."""
    has_month = match.group("month") or match.group("omonth")
    if not has_month or match.group("day") or match.group("oday") or atom.period_start is None or atom.end != match.end():
        return atom
    days = _DAY_LIST.match(text, atom.end)
    if days is None:
        return atom
    try:
        first, last = atom.period_start.replace(day=int(days.group(1))), atom.period_start.replace(day=int(days.group(2)))
    except ValueError:
        return atom
    if last <= first:
        return atom
    return TimeExpr(atom.start, days.end(), text[atom.start:days.end()], first, last, "period", atom.year)


def _merge(text: str, atoms: list[TimeExpr]) -> list[TimeExpr]:
    """Join 'A 至 B' into one range and 'A、B' into one span covering both."""
    merged: list[TimeExpr] = []
    for atom in atoms:
        if merged:
            previous = merged[-1]
            between = text[previous.end:atom.start]
            joined = _RANGE_JOIN.match(between) or _LIST_JOIN.match(between)
            if joined:
                start = previous.period_start or previous.period_end
                merged[-1] = TimeExpr(previous.start, atom.end, text[previous.start:atom.end], start, atom.period_end, "range", atom.year)
                continue
        merged.append(atom)
    return _merge_bare_month_ranges(text, _merge_bare_year_ranges(text, merged))


_BARE_RANGE = re.compile(r"(?<!\d)(\d{2,3}|(?:19|20)\d\d)\s*(?:至|到|~|～|－|-|—|–)\s*$")
_LEADING_TO = re.compile(r"(?:至|到)\s*")
_BARE_LIST = re.compile(r"(\d{2,3})\s*、\s*$")


def _merge_bare_year_ranges(text: str, exprs: list[TimeExpr]) -> list[TimeExpr]:
    """'115 至 124 年' and '108、109 年': the first year is written without 年."""
    result = []
    for expr in exprs:
        before = text[max(0, expr.start - 8):expr.start]
        lead = _LEADING_TO.match(expr.text)  # '106 到 109 年': '到 109 年' was read as a date counted to
        head = before + (lead.group(0) if lead else "")
        match = _BARE_RANGE.search(head) or _BARE_LIST.search(head)
        if match and expr.year is not None and expr.period_end is not None:
            first = roc_to_gregorian(int(match.group(1)))
            if first is not None and first <= expr.year and expr.year - first < 60:
                begin = expr.start - (len(before) - match.start())
                expr = replace(expr, start=begin, text=text[begin:expr.end], period_start=date(first, 1, 1), role="range")
        result.append(expr)
    return result


_BARE_MONTH_RANGE = re.compile(rf"(\d{{1,2}})(?:\s*{_LIST_SEPARATOR}\s*\d{{1,2}})*\s*(?:{_TO}|{_LIST_SEPARATOR})\s*$")


def _merge_bare_month_ranges(text: str, exprs: list[TimeExpr]) -> list[TimeExpr]:
    """'109 年 4 至 6 月', '10 至 12 月間', '109 年 5、7 及 12 月': the first month is written without
    月 (and the year before it is the range's own); a list of months spans its first to its last."""
    result: list[TimeExpr] = []
    for expr in exprs:
        bare = _bare_first_month(text, expr)
        if bare is not None and expr.year is not None:
            first, begin = bare
            year_before = result[-1] if result else None
            if year_before is not None and year_before.year == expr.year and "月" not in year_before.text and not text[year_before.end:begin].strip():
                begin = result.pop().start
            expr = TimeExpr(begin, expr.end, text[begin:expr.end], date(expr.year, first, 1), expr.period_end, "range", expr.year)
        result.append(expr)
    return result


def _bare_first_month(text: str, expr: TimeExpr) -> tuple[int, int] | None:
    """The month written bare before a month expression, and where it starts ('4 至 6 月' → 4)."""
    start, end = expr.period_start, expr.period_end
    if start is None or end is None or (start.year, start.month, start.day) != (end.year, end.month, 1) or "年" in expr.text:
        return None
    match = _BARE_MONTH_RANGE.search(text, max(0, expr.start - 16), expr.start)
    if match is None or match.end() != expr.start:
        return None
    first = int(match.group(1))
    return (first, match.start()) if 1 <= first < start.month else None


def _with_role(text: str, expr: TimeExpr) -> TimeExpr:
    before = text[max(0, expr.start - 9):expr.start]
    after = text[expr.end:expr.end + 4]
    if _BASE_BEFORE.search(before) or _BASE_AFTER.match(text, expr.end) or _RECORD_SINCE.match(text, expr.end):
        return replace(expr, role="base")
    if expr.role == "range":
        opener = _OPEN_BEFORE.search(before)
        begin = expr.start - len(opener.group(0)) if opener and not opener.group(0).startswith("於") else expr.start
        return replace(expr, role="period", start=begin, text=text[begin:expr.end])
    as_of = _AS_OF_BEFORE.search(before)
    if as_of:
        begin = expr.start - len(as_of.group(0))
        return replace(expr, role="as_of", start=begin, text=text[begin:expr.end], period_start=None)
    opener = _OPEN_BEFORE.search(before)
    from_word = opener is not None and not opener.group(0).startswith("於")
    if from_word or SINCE_AFTER.match(after):
        begin = expr.start - len(opener.group(0)) if from_word and opener else expr.start
        start = expr.period_start or expr.period_end
        # "自 A 起至今" is complete in itself: a later 截至 B does not close it.
        role = "since" if _UNTIL_NOW_AFTER.match(after) else "open"
        return replace(expr, role=role, start=begin, text=text[begin:expr.end], period_start=start, period_end=None)
    return expr
