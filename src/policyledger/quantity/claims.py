"""Claims: each figure of an item with what it means — qualifier, kind, period, subject.

The readings follow `shared/dev-gold/claims-conventions.md`:
- the qualifier is the word that directly governs the figure (約 逾 近 至少 上限 以上 …);
- the kind is decided by cues in the figure's own clause, rule > target > forecast > change >
  share > actual;
- the period is the nearest time expression before the figure in its sentence (自 A … 截至 B
  makes [A, B]); failing that, a heading that is itself a date (A. 109 年第 2 季：…) or a date in
  an enclosing heading ((統計至 109 年 12 月底)). A date in an earlier sentence is not carried
  over. Rules (caps, rates, specs) have no period.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from policyledger.model import Claim, Node
from policyledger.quantity.changes import CHANGE_VERB, FROM, TO
from policyledger.quantity.figures import Figure, find_figures, masked_spans
from policyledger.quantity.periods import REPORT_YEAR_WORDS, TimeExpr, find_time_expressions
from policyledger.quantity.units import normalize, reads_water
from policyledger.textnorm import to_halfwidth_digits

_CLAUSE_BREAK = re.compile(r"[，。；：;:！？!?\n]|,(?!\d)")
_SENTENCE_BREAK = re.compile(r"[。！？!?\n]")

_YUE = r"(?<![合契條預節公規簽履解違制邀特誓])約"
_QUALIFIER_BEFORE = (
    # 約, not the 約 of a word (委製合約 686 億元, 契約, 條約, 節約)
    (re.compile(rf"(?:大約|約達|達約|共約|計約|約為|{_YUE})(?:占|佔|為|達)?$|{_YUE}(?:占|佔)[^\d，。；]{{0,14}}的?$|{_YUE}可[\u4e00-\u9fff]{{0,3}}$"), "approx"),
    (re.compile(r"(?:超過|逾|高於|大於|多於)$"), "more_than"),
    (re.compile(r"(?:將近|接近|近)$"), "nearly"),
    (re.compile(r"(?:至少|最少|最低|不少於|不低於)$"), "at_least"),
    (re.compile(r"(?:上限為?|最高為?|最多為?|最長為?|至多|不超過|低於|少於|未滿|未達|不到|不足)$"), "up_to"),
)
# Any of them: most figures have none, and one search says so for all five.
_ANY_QUALIFIER_BEFORE = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _QUALIFIER_BEFORE))
_QUALIFIER_AFTER = (
    (re.compile(r"^(?:以上|之上)"), "more_than"),
    (re.compile(r"^(?:以下|以內|之內|內)"), "up_to"),
)

_RULE = re.compile(
    r"上限|費率|利率|保證成數|成數|門檻|年限|期限|限期|補貼期間|補助期間|不得|明定|得申請|為限|申請資格|符合資格者|定義|持股|最高補助|補助比例|"
    r"補貼.{0,12}\d+\s*成|以上者|之艱困|針對|一次性|計算方式|認定標準|補貼措施|應達|依法規定|條規定|"
    r"規定(?=[^，。；、]{0,24}(?:應|至少|不得|不少於|以上))"
)
# A threshold naming a class of things: 設置未達 2MW 再生能源發電設備 (not 出口未達 100 億元。).
_BELOW_CLASS = re.compile(r"未達\s*$")
_NOUN_AFTER = re.compile(r"\s*[\u4e00-\u9fff]")
# Relief, bonus and cost-share words set a rate (減免 80%, 電價可加成 6％, 由政府負擔…之 80%); the amount relieved
# (截至 110 年 2 月底，水費減免 7.1 億元) is what was given, an actual figure.
_RATE_RULE = re.compile(r"減免|免收|全免|減碼|加成|負擔[^，。；]{0,24}之\s*$")
# Right after the figure: a loan or guarantee it parameterises, or a threshold used as an attribute
# ("50 萬元小額貸款", "十成保證", "20 萬元以下）之營利事業", "5 千萬元以上列管", "330 度以下不調漲").
_RULE_AFTER = re.compile(
    r"^\s*(?:[)）]\s*)?(?:小額貸款|貸款|保證|以[上下]\s*[)）]?\s*之|以下(?:不|免))"
    r"|^\s*[、及至~-]\s*(?:最高|最多|至多)?\s*[\d.]+\s*成\s*保證"  # 最低 8 成、最高 9 成保證
    r"|^\s*之\s*(?:全額)?利息"  # 政府補助 6 個月之全額利息
)
# What a rule requires, named after the figures: "符合…業者 60 天及政府 30 天之安全存量規定".
_REQUIRED_BY = re.compile(r"^[^，。；]{0,16}?之[^，。；\d]{0,8}規定")
# A bracket defining the class named before it: "能源大用戶（用電契約容量超過 800 kW）".
_DEFINING_BRACKET = re.compile(r"[\u4e00-\u9fff][(（][^()（）\d，。；]{1,12}(?:超過|大於|逾|未達|低於|未滿)\s*$")
_BRACKET_CLOSE = re.compile(r"\s*(?:以上|以下)?\s*[)）]")
# A sentence stating a regulation (依法規定…108 年至少 7 天，116 年至少 14 天): its floors and caps are its parameters.
_REGULATION = re.compile(r"規定|依法|明定")
# An amount or measure with 以上 before a noun names a class ("5 千萬元以上列管", "5MW 以上電力用戶");
# a count with it just says "more than" ("超過 20 個以上政府相關單位"), and so does a level kept
# ("備轉容量率維持在 10%以上水準").
_CLASS_ABOVE = re.compile(r"^\s*以上(?!之?水準)(?=[\u4e00-\u9fff、])")
# A spec or a set price: "500cc95%酒精", "350 毫升塑膠瓶裝(45 元/瓶)".
_PRODUCT_AFTER = re.compile(r"^\s*(?:[\d.]+\s*%\s*)?(?:酒精|瓶裝|塑膠瓶|玻璃瓶|包裝|罐裝)")
# An item that describes a plan (計畫期程為 106 年 1 月至 115 年 12 月): its parameters are targets.
_PLAN_SCHEDULE = re.compile(r"計畫期程|期程為|計畫期間")
_TARGET = re.compile(
    r"目標|預計|預期|預定|可望|規劃|擬於|力拼|期能|期望|未來(?!\s*(?:[\d一二三四五六七八九十]|$))|爭取(?!到)|計畫期程|期程|總經費|"
    r"將(?:於|可|達|有|提供|再|持續|新增|增加|完成|擴大|推動|辦理|建置|投入|協助|創造|帶動|提升|開發|設置|興建|增建|擴建|改建|新建|啟用|逐步|陸續|成立)"
)
_PLAN_DONE = re.compile(r"完成[^，。；]*$")  # before a 規劃 that is a noun: 完成…納檢規劃
_FORECAST = re.compile(r"預估|估計|推估|預測")
_TARGET_AFTER = re.compile(r"^\s*(?:為|之|的)?[^，。；\d]{0,4}目標")  # "以 114 年 20GW 為設置目標"
# A change verb governs a figure a few words after it ("提升餐飲業營業額 1.6 億元"), not a noun
# phrase that merely contains it ("自我成長等多元化學習課程 155 班次").
_CHANGE = re.compile(
    r"(?<!新)(?:成長|增加|減少|提升|提高|節省|節電|節能|省能|省電|節水|下降|降低|衰退|增長|增幅|減幅|年增|年減|上升|縮減|減碳|下滑|縮短|調降|調升|調高|調漲)"
    r"(?!至|到|為)[^，。；、等之的]{0,8}$"
)
# Nouns that name a change measure apply to every figure after them in the clause (增幅優於韓國(-5.4%)、日本(-9.3%)).
_CHANGE_MEASURE = re.compile(r"成長率|增幅|減幅|增加率|年增率|減少率|成長幅度|衰退幅度")
_SHARE = re.compile(r"占|佔|比重")
_ACTUAL_CUE = re.compile(r"已|完成|累計|新增|達成|實際|共獲|獲得")
_ACHIEVED = re.compile(r"已|完成|累計|達成|實際|共獲|獲得")
# A clause that opens a new action: "，並依據…", "，另…" (a target cue before it does not carry over).
_NEW_ACTION = re.compile(r"^\s*(?:並|另|同時|且|此外|其中)")

_LEAD_WORDS = re.compile(r"^(?:[、及與和並且另已均皆亦，]|總計|合計|累計|共計|其中|另有|以及|分別|包括|包含|共有|計有)+")


@dataclass(frozen=True)
class _Context:
    """What an item's figures inherit from around them."""

    heading_period: TimeExpr | None  # the item's heading is itself a period (A. 109 年第 2 季：…)
    inherited: TimeExpr | None  # a date in an enclosing heading ((統計至 109 年 12 月底))
    now: date | None  # the report's own date: the latest as-of date it states
    plan: TimeExpr | None  # the schedule of a plan item (計畫期程為 …), whose figures are targets
    is_plan: bool = False
    heading_end: int = 0  # end of the item's heading clause in its text
    water_topic: bool = False  # the item or a heading above it is about water (推動再生水開發)


def extract_claims(nodes: list[Node]) -> list[Claim]:
    """Every figure in every item, in document order."""
    return extract(nodes)[0]


def extract(nodes: list[Node]) -> tuple[list[Claim], date | None]:
    """Every figure in every item, and the report's own date (the latest as-of date it states)."""
    texts = [to_halfwidth_digits(node.text) for node in nodes]
    year = _reference_year(nodes)
    read: _ReadItems = {}
    now = report_date(_time_expressions(texts, year, None, read))
    all_exprs = _time_expressions(texts, year, now.year if now else None, read)
    claims: list[Claim] = []
    scopes: dict[str, TimeExpr | None] = {}
    water_topics: dict[str, bool] = {}
    for node, text, exprs in zip(nodes, texts, all_exprs, strict=True):
        water_topics[node.path] = bool(_WATER.search(node.title)) or water_topics.get(node.parent_path, False)
        context = _context(node, exprs, scopes, now, water_topics[node.path])
        scopes[node.path] = context.inherited or _heading_scope(node, text, exprs)
        claims.extend(_node_claims(node, text, exprs, context))
    return claims, now


_REPORT_YEAR_WORD = re.compile("|".join(REPORT_YEAR_WORDS))
# An item's time expressions and the last year it writes out, by (text, context year, report year).
_ReadItems = dict[tuple[str, int | None, int | None], tuple[list[TimeExpr], int | None]]


def _time_expressions(texts: list[str], year: int | None, report_year: int | None, read: _ReadItems) -> list[list[TimeExpr]]:
    """Each item's time expressions, the year of one carried into the next for dates without one.

    `read` keeps what was found before: an item without 去年/今年/本年 reads the same whatever the
    report's year, so the pass that knows that year does not read it again."""
    all_exprs = []
    for text in texts:
        key = (text, year, report_year if report_year is not None and _REPORT_YEAR_WORD.search(text) else None)
        if key not in read:
            exprs = find_time_expressions(text, year, key[2])
            read[key] = exprs, _last_explicit_year(exprs)
        exprs, last_year = read[key]
        all_exprs.append(exprs)
        year = last_year or year
    return all_exprs


# The check that no digit comes before the year stands after it, so the scan can jump from one 1 to the next.
_ROC_YEAR = re.compile(r"(1[01]\d)(?<!\d1[01]\d)\s*年")


def _reference_year(nodes: list[Node]) -> int | None:
    """The year the report mostly speaks of (the most frequent ROC year), for implied years."""
    counts: dict[int, int] = {}
    for node in nodes:
        for match in _ROC_YEAR.finditer(node.text):
            year = int(match.group(1)) + 1911
            counts[year] = counts.get(year, 0) + 1
    return max(counts, key=lambda y: counts[y]) if counts else None


_DIGIT = re.compile(r"\d|[一二三四五六七八九〇○]")


def _last_explicit_year(exprs: list[TimeExpr]) -> int | None:
    years = [e.year for e in exprs if e.year and "年" in e.text and _DIGIT.search(e.text.split("年")[0])]
    return years[-1] if years else None


def report_date(all_exprs: list[list[TimeExpr]]) -> date | None:
    """The latest date the report states as reached (截至/統計至 …), ignoring stray future ones:
    only dates in a year no later than the year after the one it mentions most."""
    years: dict[int, int] = {}
    for exprs in all_exprs:
        for expr in exprs:
            if expr.year:
                years[expr.year] = years.get(expr.year, 0) + 1
    if not years:
        return None
    cap = max(years, key=lambda y: years[y]) + 1
    dates = [e.period_end for exprs in all_exprs for e in exprs if e.role == "as_of" and "截至" in e.text and e.period_end and e.period_end.year <= cap]
    return max(dates) if dates else date(cap - 1, 12, 31)


_BRACKETED = re.compile(r"[（(][^）)]*[）)]")
_LABEL_FILLER = re.compile(r"[\s:：()（）]")


def _context(node: Node, exprs: list[TimeExpr], scopes: dict[str, TimeExpr | None], now: date | None, water_topic: bool) -> _Context:
    title_end = len(node.marker) + len(node.title) + 4
    heading_exprs = [e for e in exprs if e.start < title_end and e.role != "base"]
    heading_period = None
    if heading_exprs and node.title:
        label = _BRACKETED.sub("", node.title)  # 109 年第 2 季(僅補貼會展業)
        for expr in heading_exprs:
            label = label.replace(expr.text.strip(), "")
        if len(_LABEL_FILLER.sub("", label)) <= 2 and _stands_as_heading(node):
            heading_period = heading_exprs[0]
    inherited = None
    parent = node.parent_path
    while parent:
        if scopes.get(parent) is not None:
            inherited = scopes[parent]
            break
        parent = parent.rpartition("/")[0]
    schedule = _PLAN_SCHEDULE.search(node.text)
    plan = next((e for e in exprs if schedule and e.start >= schedule.end()), None) if schedule else None
    heading_end = len(node.marker) + len(node.title) + 3
    return _Context(heading_period, inherited, now, plan, schedule is not None, heading_end, water_topic)


_HEADING_END = re.compile(r"\s*(?:[：:]|\n|$)")


def _stands_as_heading(node: Node) -> bool:
    """'A. 109 年第 2 季：…' is a heading; '(2) 截至 110 年 1 月 31 日，除有 11 案撤案…' only opens a
    sentence, and dates that sentence alone."""
    title_at = node.text.find(node.title)
    return title_at >= 0 and _HEADING_END.match(node.text, title_at + len(node.title)) is not None


def _heading_scope(node: Node, text: str, exprs: list[TimeExpr]) -> TimeExpr | None:
    """A date in a heading that scopes the items under it: a statistics date written in the
    heading line ((統計至 110 年 1 月 31 日)), or, for a top-level section (depth ≤ 2), the
    as-of date of its opening sentence (二、 投資臺灣三大方案：…截至 110 年 3 月 11 日，…)."""
    line_end = text.find("\n")
    heading_line = text[: line_end if line_end >= 0 else len(text)]
    in_heading = [e for e in exprs if e.end <= len(heading_line) and e.role in ("as_of", "period")]
    if in_heading and "統計" in heading_line:
        return in_heading[-1]
    if node.depth > 2:
        return None
    first_sentence = _SENTENCE_BREAK.search(text)
    limit = first_sentence.start() if first_sentence else len(text)
    as_of = [e for e in exprs if e.start < limit and e.role == "as_of" and "截至" in e.text]
    return as_of[-1] if as_of else None


def _node_claims(node: Node, text: str, exprs: list[TimeExpr], context: _Context) -> list[Claim]:
    blocked = masked_spans(text) + [(e.start, e.end) for e in exprs]
    claims: list[Claim] = []
    previous = None  # figures come in order and never overlap: a figure looks back to the one just before it
    for figure in find_figures(text, blocked):
        claims.append(_claim(node, text, figure, previous, exprs, context))
        previous = figure
    return claims



_LINE_BREAK = re.compile(r"\s*\n\s*")


def _without_spaces(text: str) -> str:
    return "".join(text.split())  # what re.sub(r"\s+", "", text) gives (the same whitespace), 3x faster


def _joined_lines(text: str) -> str:
    return _LINE_BREAK.sub("", text) if "\n" in text else text


def _claim(node: Node, text: str, figure: Figure, previous: Figure | None, exprs: list[TimeExpr], context: _Context) -> Claim:
    clause_start, clause_end = _clause_span(text, figure)
    before = text[clause_start:figure.start]
    kind = _kind(text, figure, clause_start, clause_end, previous, context.is_plan, context.now)
    if kind in ("actual", "change", "share") and _dated_in_future(text, figure, clause_start, clause_end, exprs, context) and not _ACTUAL_CUE.search(before):
        kind = "target"  # a figure for a year still to come, with no cue (target outranks change and share): 114 年天然氣占比 50%
    period = None if kind == "rule" else _period(text, figure, clause_start, clause_end, exprs, context, kind)
    if period is not None and _whole_years(period):
        period = _end_of_span(period, _from_or_to(text, figure, previous, clause_start))
    # Water is looked for only where it changes the reading: tonnes and cubic metres.
    water = reads_water(figure.unit) and _about_water(text, figure, context)
    per_day = water and _daily(text, figure, previous, clause_start)
    dimension, base_value, base_unit = normalize(figure.value, figure.unit, water=water, per_day=per_day)
    high = figure.value_high
    return Claim(
        path=node.path,
        text=node.text[figure.start:figure.end],
        value=figure.value,
        value_high=high,
        unit=figure.written_unit,
        dimension=dimension,
        base_value=base_value,
        base_unit=base_unit,
        qualifier="range" if high is not None else _qualifier(text, figure, previous),
        kind=kind,
        period_start=period.period_start if period else None,
        period_end=period.period_end if period else None,
        period_text=period.text.strip() if period else None,
        subject=_subject(_own_before(text, figure, previous, clause_start), before, exprs),
        clause=_joined_lines(node.text[clause_start:clause_end]).strip(),
        line=node.line_at(figure.start),
        start=figure.start,
        end=figure.end,
    )


_WATER = re.compile(r"水|淤")
_SAND = re.compile(r"砂石|土石|土方|疏濬")
_DAILY = re.compile(r"每(?:日|天)")
_SAME_AMOUNT_LINK = re.compile(rf"^\s*{CHANGE_VERB}?\s*(?:{TO}|及|、|和)\s*$")


def _about_water(text: str, figure: Figure, context: _Context) -> bool:
    """噸 of water is a cubic metre: water is named near the figure or in its item's headings, and
    the sentence is not about sand and gravel dredged from rivers (6,200 萬公噸 疏濬)."""
    if not (_WATER.search(text, max(0, figure.start - 30), figure.end + 10) or context.water_topic):
        return False
    return not _SAND.search(text, _sentence_start(text, figure.start), _sentence_end(text, figure.end))


def _daily(text: str, figure: Figure, previous: Figure | None, clause_start: int) -> bool:
    """每日 4 萬噸, and the 20 萬噸 of '由每日 7 萬噸提升至 20 萬噸' (the rate carries to the amount it rises to)."""
    if _DAILY.search(text, max(clause_start, figure.start - 8), figure.start):
        return True
    if previous is None or previous.start < clause_start or previous.unit.core != figure.unit.core:
        return False
    linked = _SAME_AMOUNT_LINK.match(text[previous.end:figure.start])
    return bool(linked) and bool(_DAILY.search(text, max(clause_start, previous.start - 8), previous.start))


_FROM = re.compile(rf"{FROM}\s*(?:每日|每天|每年)?\s*$")
_RISES_TO_NUMBER = re.compile(rf"\s*{CHANGE_VERB}?\s*{TO}\s*\d")


def _from_or_to(text: str, figure: Figure, previous: Figure | None, clause_start: int) -> str | None:
    """'由 1,162 公頃降為 190 公頃': the first figure is where a span starts, the second where it ends."""
    if _FROM.search(text, max(clause_start, figure.start - 6), figure.start):
        after = text[figure.end:figure.end + 12]
        return "from" if _RISES_TO_NUMBER.match(after) else None
    linked = previous is not None and previous.start >= clause_start and _SAME_AMOUNT_LINK.match(text[previous.end:figure.start])
    if linked and _FROM.search(text, max(clause_start, previous.start - 6), previous.start):
        return "to"
    return None


def _whole_years(period: TimeExpr) -> bool:
    """A span of more than one whole year (107 至 109 年), the only kind `_end_of_span` cuts."""
    start, stop = period.period_start, period.period_end
    return start is not None and stop is not None and start.year != stop.year and (start.month, start.day, stop.month, stop.day) == (1, 1, 12, 31)


def _end_of_span(period: TimeExpr, end: str | None) -> TimeExpr:
    """The year a span of years starts (for 'from') or ends (for 'to'): 107 至 109 年 → 107 年, 109 年."""
    start, stop = period.period_start, period.period_end
    if end is None or start is None or stop is None or start.year == stop.year or (start.month, start.day, stop.month, stop.day) != (1, 1, 12, 31):
        return period
    if end == "from":
        return replace(period, period_end=date(start.year, 12, 31))
    return replace(period, period_start=date(stop.year, 1, 1))


def _clause_span(text: str, figure: Figure) -> tuple[int, int]:
    breaks = _clause_breaks(text)
    before = bisect_left(breaks, figure.start)
    start = breaks[before - 1] + 1 if before else 0
    if text[figure.start - 1:figure.start] == ",":
        start = figure.start  # a comma right before the figure ends a clause even before a digit (1,23 家)
    after = bisect_left(breaks, figure.end)
    return start, breaks[after] if after < len(breaks) else len(text)


# Where clauses and sentences of an item's text break (each break one character): found once per
# item and looked up by bisection for each of its figures, instead of scanning the text for each.
@lru_cache(maxsize=4)
def _clause_breaks(text: str) -> list[int]:
    return [match.start() for match in _CLAUSE_BREAK.finditer(text)]


@lru_cache(maxsize=4)
def _sentence_breaks(text: str) -> list[int]:
    return [match.start() for match in _SENTENCE_BREAK.finditer(text)]


_CAP_BEFORE = re.compile(r"(最高|最多|最大|至多|上限|至少|最低)[^\d，。；、]{0,8}$")
# '每季至多補貼該企業正職員工 3 個月經常性薪資費用 4 成': the cap is on the rate; the months
# only say what the rate is of (claims-conventions.md, case 5).
_CAP_OVER_A_PERIOD = re.compile(r"(?:最高|最多|至多|上限)[^\d，。；、]{0,12}$")


def _capped_rate_of_a_period(text: str, figure: Figure, previous: Figure | None) -> bool:
    if previous is None or figure.unit.spec.dimension != "percent" or previous.unit.spec.dimension != "duration":
        return False
    if _CLAUSE_BREAK.search(text, previous.end, figure.start):
        return False
    return bool(_CAP_OVER_A_PERIOD.search(_without_spaces(text[max(0, previous.start - 16):previous.start])))


_CAPPED_RATE = re.compile(r"(?:最高|最多|至多|上限)[^，。；]{0,30}利率\s*(?:加)?$")


def _capped_rate(text: str, figure: Figure, previous: Figure | None) -> bool:
    """'最高按中華郵政 1 年期定期儲金機動利率 0.81%': the cap reaches over the rate's name."""
    if figure.unit.spec.dimension != "percent":
        return False
    start = max(previous.end if previous else 0, figure.start - 40)
    window = text[start:figure.start]
    return "利率" in window and _CAPPED_RATE.search(_without_spaces(window)) is not None


_ODD_FIGURE = re.compile(r"[\d萬億千百]\s*(?:餘|多)\s*\S+$")  # 20 餘家, 3 多萬人


def _qualifier(text: str, figure: Figure, previous: Figure | None) -> str:
    """The word that directly governs the figure: just before it (約, 逾, 約占), or a cap word
    (最高, 上限, 至少) a few words before with no other figure between; or after it (以上, 內)."""
    wide = text[max(0, figure.start - 24):figure.start]  # 約占本期核准對中國大陸投資總額的 86.6％
    before = _without_spaces(wide if "占" in wide or "佔" in wide else wide[-12:])
    if _ANY_QUALIFIER_BEFORE.search(before):
        for pattern, name in _QUALIFIER_BEFORE:
            if pattern.search(before):
                return name
    previous_end = previous.end if previous else 0
    window = _without_spaces(text[max(previous_end, figure.start - 12):figure.start])
    cap = _CAP_BEFORE.search(window)
    if cap:
        return "up_to" if cap.group(1) in ("最高", "最多", "最大", "至多", "上限") else "at_least"
    if _capped_rate_of_a_period(text, figure, previous) or _capped_rate(text, figure, previous):
        return "up_to"
    after = text[figure.end:figure.end + 4].lstrip()
    for pattern, name in _QUALIFIER_AFTER:
        if pattern.match(after):
            if name == "up_to" and after.startswith("內") and figure.unit.spec.dimension != "duration":
                continue
            return name
    if _ODD_FIGURE.search(text, figure.start, figure.end):
        return "more_than"
    if figure.unit.spec.dimension == "duration" and after[:1] in ("多", "餘"):
        return "more_than"  # 歷經 2 年多時間
    return "exact"


_A_YEAR = re.compile(r"\d\s*年")


def _kind(text: str, figure: Figure, clause_start: int, clause_end: int, previous: Figure | None, plan: bool, now: date | None) -> str:
    """The kind from cues in the figure's own clause (rule > target > forecast > change > share > actual);
    a target cue carries over to later clauses of its sentence that add no cue of their own."""
    before = text[clause_start:figure.start]
    after = text[figure.end:clause_end]
    # A verb governs the figure right after it, not the next ones of a list (提升 A、B), except
    # numbers written with one unit (增加 120 萬及 155 萬立方公尺).
    shares_unit = previous is not None and previous.unit.core not in text[previous.start:previous.end]
    governed = text[clause_start if shares_unit else max(clause_start, previous.end if previous else 0):figure.start]
    if _sets_a_rule(text, figure, before, after) or _floor_or_cap_of_a_regulation(text, figure, clause_start, before, after):
        return "rule"
    if _target_cue_last(before) or _TARGET_AFTER.match(after):
        return "target"
    if _FORECAST.search(before):
        return "forecast"
    if _target_carries(text, clause_start, before, now) or (plan and not _ACTUAL_CUE.search(before) and not _A_YEAR.search(before)):
        return "target"
    if _CHANGE.search(_without_spaces(governed)) or _CHANGE_MEASURE.search(before) or _improved_by(figure, governed):
        return "change"
    if figure.unit.spec.dimension == "percent" and (_SHARE.search(before) or _parenthesised_after_figure(text, figure, previous)):
        return "share"
    return "actual"


def _sets_a_rule(text: str, figure: Figure, before: str, after: str) -> bool:
    """A parameter rather than an outcome: a cap, rate, threshold, term, price or spec."""
    dimension = figure.unit.spec.dimension
    return bool(
        _RULE.search(before + " " + after)
        or _RULE_AFTER.match(after)
        or (dimension != "count" and _CLASS_ABOVE.match(after))
        or dimension == "price"
        or _product_spec(text, figure)
        or (dimension == "percent" and _RATE_RULE.search(before))
        or (_BELOW_CLASS.search(before) and _NOUN_AFTER.match(text, figure.end))
        or ("規定" in after and _REQUIRED_BY.match(after) is not None)
        or (_BRACKET_CLOSE.match(text, figure.end) is not None and _DEFINING_BRACKET.search(text, max(0, figure.start - 20), figure.start) is not None)
    )


def _floor_or_cap_of_a_regulation(text: str, figure: Figure, clause_start: int, before: str, after: str) -> bool:
    """'依法規定安全存量天數 108 年至少 7 天，116 年至少 14 天', '明定 2 年內需取得使用執照…，若 2 年內
    未完成使用，得強制…買回': every floor, cap and time limit of the sentence."""
    time_limit = figure.unit.spec.dimension == "duration" and after.lstrip().startswith(("內", "以內"))
    if not (time_limit or (_MAY_CAP.search(before) and _CAP_BEFORE.search(_without_spaces(before)))):
        return False
    return bool(_REGULATION.search(text, _sentence_start(text, clause_start), clause_start))


_MAY_CAP = re.compile("最|至多|上限|至少")  # a cheap test before _CAP_BEFORE's


_IMPROVED = re.compile(r"改善[^，。；、等之的\d]{0,4}$")


def _improved_by(figure: Figure, governed: str) -> bool:
    """'相較 108 年改善約 2.5%': a percentage improved by is a change (改善 N 處 counts what was mended)."""
    return figure.unit.spec.dimension == "percent" and bool(_IMPROVED.search(_without_spaces(governed)))


_DONE = re.compile(r"已|實際|實績")


def _target_cue_last(before: str) -> bool:
    """A target cue not overridden by a later 已 ('預計 110 年累計完成 150 萬戶' is a target;
    '原預計…，已完成' is not)."""
    # '完成…納檢規劃': a plan that has been made is no target.
    targets = [m.start() for m in _TARGET.finditer(before) if not (m.group(0) == "規劃" and _PLAN_DONE.search(before, max(0, m.start() - 14), m.start()))]
    if not targets:
        return False
    done = [m.start() for m in _DONE.finditer(before)]
    return not done or max(done) < max(targets)


def _product_spec(text: str, figure: Figure) -> bool:
    return figure.unit.spec.dimension in ("volume", "percent") and bool(_PRODUCT_AFTER.match(text[figure.end:figure.end + 10]))


def _target_carries(text: str, clause_start: int, before: str, now: date | None) -> bool:
    """'預計可促成…14.47 億元，帶動…62 億元、創造…100 億元': later clauses of the sentence share the
    cue, and so do clauses dated in the future ('預計 110 年 8 月…，112 年底完成全期工程，可供水
    每日 1.55 萬噸'), until a clause opens a new action (並…, 另…), states an achievement or a past date."""
    if _ACHIEVED.search(before) or _years_in(before, now) == "past" or _NEW_ACTION.match(before):
        return False
    sentence_start = max(_sentence_start(text, clause_start), text.rfind("；", 0, clause_start) + 1)
    return _carried_over(text[sentence_start:clause_start], now)


@lru_cache(maxsize=1024)
def _carried_over(earlier: str, now: date | None) -> bool:
    """Whether the clauses before a figure's own in its sentence pass a target on to it: the
    nearest clause that says anything decides. Cached: the figures of a clause share them."""
    for clause in reversed(_CLAUSE_BREAK.split(earlier)):
        carried = _carried(clause, now) if clause.strip() else None
        if carried is not None:
            return carried
    return False


@lru_cache(maxsize=1024)
def _carried(clause: str, now: date | None) -> bool | None:
    """What an earlier clause of a sentence passes on to the figures after it: a target (True),
    the end of one (False: a new action, an achievement, a past year) or nothing (None).
    Cached, since every figure of a sentence asks about the clauses before it."""
    when = _years_in(clause, now)
    if _TARGET_REACHED.search(clause):
        return False  # '已於 110 年 1 月達到出水功能目標，可…增加備援水量每日 15 萬噸': what it now gives
    if _target_cue_last(clause) or when == "future":
        return True
    if _NEW_ACTION.match(clause) or _ACHIEVED.search(clause) or when == "past":
        return False
    return None


_TARGET_REACHED = re.compile(r"(?:達到|達成|超越|完成)[^，。；]{0,10}目標")
_CLAUSE_YEAR = re.compile(r"(?<!\d)(\d{2,3})\s*年")


def _years_in(text: str, now: date | None) -> str | None:
    """'future' or 'past' for the ROC years a clause names (relative to the report's date)."""
    if "年" not in text:
        return None
    years = [int(m.group(1)) + 1911 for m in _CLAUSE_YEAR.finditer(text) if int(m.group(1)) >= 50]
    if not years:
        return None
    if now is not None and max(years) > now.year:
        return "future"
    return "past"


def _parenthesised_after_figure(text: str, figure: Figure, previous: Figure | None) -> bool:
    """'16 億美元（27.1％）': a percentage in brackets right after an amount is its share."""
    opening = text[max(0, figure.start - 2):figure.start].strip()
    if not opening.endswith(("(", "（")):
        return False
    return previous is not None and figure.start - previous.end <= 3


def _sentence_start(text: str, position: int) -> int:
    breaks = _sentence_breaks(text)
    before = bisect_left(breaks, position)
    return breaks[before - 1] + 1 if before else 0


def _sentence_end(text: str, position: int) -> int:
    breaks = _sentence_breaks(text)
    after = bisect_left(breaks, position)
    return breaks[after] if after < len(breaks) else len(text)


_LIST_ENTRY = re.compile(r"[\d、]")


def _period(text: str, figure: Figure, clause_start: int, clause_end: int, exprs: list[TimeExpr], context: _Context, kind: str) -> TimeExpr | None:
    if context.heading_period is not None:
        return context.heading_period
    sentence_start = _sentence_start(text, figure.start)
    sentence_end = _sentence_end(text, figure.end)
    in_sentence = [e for e in exprs if sentence_start <= e.start and e.end <= sentence_end]
    if kind in ("actual", "change", "share"):
        # What has happened cannot be dated in the future: skip a target's 110 年底 before it.
        in_sentence = [e for e in in_sentence if not _is_future(e, context.now)]
    preceding = [
        e for e in in_sentence
        if e.end <= figure.start and (e.role != "base" or _dates_figure(text, e, figure, kind)) and not _bracketed_alone(text, e, figure.start)
    ]
    relative = _relative_to_report(text, figure, clause_start, sentence_start, preceding, context)
    if relative is not None:
        return relative
    if kind == "target" and not any(e.start >= clause_start for e in preceding):
        # '共核配 5.5 GW 於 114 年前陸續完成商轉': a future date in the target's own clause is its due date.
        due = [
            e for e in in_sentence
            if figure.end <= e.start and e.end <= clause_end and e.role != "base" and _is_future(e, context.now)
            and not _LIST_ENTRY.search(text, figure.end, e.start)  # not the date of the next figure in a list
        ]
        if due:
            return due[0]
    if preceding:
        return _accumulate(text, figure, clause_start, _span_from_opening(text, preceding), figure.unit.spec.dimension)
    following_expr = _following(text, figure, in_sentence, context, kind)
    if following_expr is not None:
        return following_expr
    if kind == "target" and context.plan is not None:
        return context.plan
    return context.inherited


def _bracketed_alone(text: str, expr: TimeExpr, figure_start: int) -> bool:
    """A date that is all a closed bracket holds, the bracket ending an entry of a list, dates
    that entry ('越南(6 月 8 日)、…及泰國(10 月 16 日)等 5 場'), not the figure after the list.
    ('執行期間(108 年 11 月至 109 年 11 月)，共計 149 家' is no list: that date stands.)"""
    opening = max(text.rfind("(", 0, expr.start), text.rfind("（", 0, expr.start))
    if opening < 0 or _without_spaces(text[opening + 1:expr.start]):
        return False
    closing = _LIST_ENTRY_CLOSE.match(text, expr.end)
    return closing is not None and closing.end() <= figure_start


_LIST_ENTRY_CLOSE = re.compile(r"\s*[)）]\s*[、及與和等]")


def _following(text: str, figure: Figure, in_sentence: list[TimeExpr], context: _Context, kind: str) -> TimeExpr | None:
    """A date after the figure: in its own clause ('2 部機原規劃於 114 年 6 月 30 日…商轉'); in the
    next clause for a target ('…251 億元，預定於 110 年底完成') or for a figure in the item's
    heading ('5、 輔導 41 家餐飲業…，109 年至少提升…')."""
    after = [e for e in in_sentence if e.start >= figure.end and e.role != "base"]
    if not after:
        return None
    first = after[0]
    breaks = list(_CLAUSE_BREAK.finditer(text, figure.end, first.start))
    if not breaks:
        return first
    if len(breaks) > 1 or breaks[0].group(0) in "；;":
        return None
    if kind == "target":
        return first if _is_future(first, context.now) else None
    in_heading = figure.start <= context.heading_end
    return first if in_heading else None


_NOW_WORDS = re.compile(r"目前|現在|現階段|迄今")
_SO_FAR = re.compile(r"迄今|至今")
_WHOLE_YEAR = re.compile(r"全年度?|整年")


def _relative_to_report(text: str, figure: Figure, clause_start: int, sentence_start: int, preceding: list[TimeExpr], context: _Context) -> TimeExpr | None:
    """'降到目前 13.5%' is as of the report's date; '全年…備用容量率達 16.4%' is the whole year of
    the date before it (109 年 5 月 26 日 … 全年 → 109 年)."""
    nearest_end = preceding[-1].end if preceding else 0
    if context.now is not None:
        # 迄今 after the last date of the sentence dates what follows it too: '以上迄今總共召開 32 次會議；其中…已調度節水達 8 億噸'
        # ('自 106 年 12 月 5 日起至今' stays the open span it is).
        since = max(sentence_start, nearest_end)
        opened = bool(preceding) and preceding[-1].role in ("open", "since")
        so_far = [] if opened else list(_SO_FAR.finditer(text, since, clause_start))
        now_word = ([None, *so_far, *_NOW_WORDS.finditer(text, clause_start, figure.start)])[-1]
        if now_word and now_word.start() >= nearest_end:
            return TimeExpr(now_word.start(), now_word.end(), now_word.group(0), None, context.now, "as_of")
    whole = _WHOLE_YEAR.search(text, max(sentence_start, nearest_end), figure.start)
    if whole and preceding and preceding[-1].year:
        year = preceding[-1].year
        return TimeExpr(whole.start(), whole.end(), f"{preceding[-1].text.strip()}…{whole.group(0)}", date(year, 1, 1), date(year, 12, 31), "period", year)
    return None


_UNTIL = re.compile(r"(?:截至|截止|統計至|累計至|至|迄)")


def _span_from_opening(text: str, preceding: list[TimeExpr]) -> TimeExpr:
    """'自 A … 截至 B' → [A, B]; the nearest expression otherwise."""
    chosen = preceding[-1]
    if chosen.role == "as_of" and _UNTIL.match(chosen.text):
        opener = [e for e in preceding[:-1] if e.role == "open"]
        if opener:
            first = opener[-1]
            return TimeExpr(first.start, chosen.end, text[first.start:chosen.end], first.period_start, chosen.period_end, "period")
    return chosen


_SINGLE_YEAR = re.compile(r"\d+\s*年")
_UNTIL_YEAR = re.compile(r"(?:累計至|累計到)\s*\d+\s*年")
# Amounts a year has, not a sum since the start (累計至 109 年…誘發民間投增資 1,716 億元).
_ANNUAL_FLOW = re.compile(r"產值|營收|營業額|出口|進口|銷售額|交易額")


def _accumulate(text: str, figure: Figure, clause_start: int, period: TimeExpr, dimension: str) -> TimeExpr:
    """累計 turns a year given earlier into an as-of date (109 年…累計減少 179 座: as of 109 年底),
    but not a year that governs 累計 in the same clause (109 年累計推動 72 萬人次: the year's).
    A flow under 累計至 109 年 (產值 552 億元, 成長率 11.9%) stays the year's; a sum does not
    (累計至 109 年共培育約 1.8 萬家…，誘發民間投增資 1,716 億元: as of 109 年底)."""
    single_year = _SINGLE_YEAR.fullmatch(period.text.strip())
    if single_year and period.start < clause_start and "累計" in text[clause_start:figure.start]:
        return replace(period, period_start=None, role="as_of")
    year_only = _UNTIL_YEAR.fullmatch(period.text.strip())
    flow = dimension == "percent" or _ANNUAL_FLOW.search(text, clause_start, figure.start)
    if year_only and flow and period.period_end:
        return replace(period, period_start=date(period.period_end.year, 1, 1), role="period")
    return period


def _dates_figure(text: str, expr: TimeExpr, figure: Figure, kind: str) -> bool:
    """A comparison's base year still dates the figure right after it: '高於上年同期 95.5%',
    '較 108 年發生 29 次' — but not the change it is the base of: '較 108 年成長 2.6%'."""
    between = text[expr.end:figure.start]
    if not between.strip():
        return True
    return kind != "change" and len(between.strip()) <= 4 and not _CLAUSE_BREAK.search(between)


def _dated_in_future(text: str, figure: Figure, clause_start: int, clause_end: int, exprs: list[TimeExpr], context: _Context) -> bool:
    """The nearest date before the figure in its clause lies after the report's own date, or
    the clause dates it in the future after it ('核配 5.5 GW 於 114 年前陸續完成商轉')."""
    before = [e for e in exprs if clause_start <= e.start and e.end <= figure.start and e.role != "base"]
    if before:
        return _is_future(before[-1], context.now)
    after = [e for e in exprs if figure.end <= e.start and e.end <= clause_end and e.role != "base"]
    return bool(after) and _is_future(after[0], context.now)


def _is_future(period: TimeExpr | None, now: date | None) -> bool:
    if period is None or now is None:
        return False
    last = period.period_end or period.period_start
    return last is not None and last > now


def _own_before(text: str, figure: Figure, previous: Figure | None, clause_start: int) -> str:
    """The words of the figure's own list entry: back to the previous figure, 、 or bracket."""
    start = max(clause_start, previous.end if previous else 0)
    cut = max(text.rfind("、", start, figure.start), text.rfind("(", start, figure.start), text.rfind("（", start, figure.start))
    return text[(cut + 1 if cut >= 0 else start):figure.start]


_FIRST_NUMBER = re.compile(r"[+-]?\d")
_NUMBER_CHARS_AND_SPACES = re.compile(r"[\d,.%％~\s]+")
_TRAILING_QUALIFIER = re.compile(r"(?:大約|約達|達約|約|逾|超過|近|將近|至少|最高|最多|上限為?|高於|低於|達|為|計有|共有|共|計|約為)$")


def _subject(own: str, before: str, exprs: list[TimeExpr]) -> str:
    """What the figure counts: its own words before it, without dates, figures and fillers;
    the clause's opening words where it has none ('17,797 家、261.61 億元' share 總計核准)."""
    words = _clean_subject(own, exprs)
    if len(words) < 2:
        words = _clean_subject(_FIRST_NUMBER.split(before, maxsplit=1)[0], exprs) or words
    return words[-24:]


def _clean_subject(words: str, exprs: list[TimeExpr]) -> str:
    for expr in exprs:
        words = words.replace(expr.text, "")
    words = _NUMBER_CHARS_AND_SPACES.sub("", words)
    words = _TRAILING_QUALIFIER.sub("", words)
    words = _LEAD_WORDS.sub("", words)
    return words.strip("()（）「」、")
