"""Claims: each figure of an item with what it means — qualifier, kind, period, subject.

The readings follow `shared/dev-gold/claims-conventions.md`:
- the qualifier is the word that directly governs the figure (約 逾 近 至少 上限 以上 …:
  `quantity/qualifiers.py`);
- the kind is decided by cues in the figure's own clause, rule > target > forecast > change >
  share > actual (`quantity/kinds.py`);
- the period is the nearest time expression before the figure in its sentence (自 A … 截至 B
  makes [A, B]); failing that, a heading that is itself a date (A. 109 年第 2 季：…) or a date in
  an enclosing heading ((統計至 109 年 12 月底)). A date in an earlier sentence is not carried
  over. Rules (caps, rates, specs) have no period.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from policyledger.model import Claim, Node
from policyledger.quantity.changes import CHANGE_VERB, FROM, FROM_LEAD, FROM_REACH, TO
from policyledger.quantity.clauses import CLAUSE_BREAK, SENTENCE_BREAK, clause_span, end_of_sentence, joined_lines, start_of_sentence
from policyledger.quantity.figures import Figure, find_figures, masked_spans
from policyledger.quantity.kinds import ACTUAL_CUE, DONE_CUE, MEASURED_AGE, kind_of
from policyledger.quantity.periods import HALF, LIST_SPLIT, QUARTER, REPORT_YEAR_WORDS, SAME_SPAN_AFTER, TimeExpr, find_time_expressions, last_day
from policyledger.quantity.qualifiers import qualifier_of
from policyledger.quantity.tables import Cell, table_cells
from policyledger.quantity.units import CURRENCIES, CURRENCIES_BEFORE, CURRENCY_BEFORE, normalize, reads_water
from policyledger.textnorm import compact, to_halfwidth_digits

# An item that describes a plan (計畫期程為 106 年 1 月至 115 年 12 月): its parameters are targets.
_PLAN_SCHEDULE = re.compile(r"計畫期程|期程為|計畫期間")
# Words that lead a subject in, and the rest of an item's marker ('一）' of '（一）') before it
_LEAD_WORDS = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[）)]|[、及與和並且另已均皆亦，]|總計|合計|累計|共計|其中|另有|以及|分別|包括|包含|共有|計有)+")


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
    schedule_topic: bool = False  # the item or a heading above it sets a scheme's terms (補助標準, 給付額度)
    heading_labelled: bool = False  # the dated heading says of what, too (113 年目標：…), not only when
    span: TimeExpr | None = None  # the span the report covers, as its opening says (113 年 9 月至 114 年 2 月)


def extract_claims(nodes: list[Node]) -> list[Claim]:
    """Every figure in every item, in document order."""
    return extract(nodes)[0]


def extract(nodes: list[Node]) -> tuple[list[Claim], date | None]:
    """Every figure in every item, and the report's own date (the latest as-of date it states)."""
    texts = [to_halfwidth_digits(node.text) for node in nodes]
    year = _reference_year(nodes)
    read: _ReadItems = {}
    written = _date_written(nodes)
    stated = report_date(_time_expressions(texts, year, None, read, written and written.year), written)
    # what happened after its last 截至 but before it was written (a September event in an October report) is past
    now = max(stated, written) if stated and written else stated or written
    all_exprs = _time_expressions(texts, year, now.year if now else None, read, written and written.year)
    claims: list[Claim] = []
    scopes: dict[str, TimeExpr | None] = {}
    water_topics: dict[str, bool] = {}
    schedule_topics: dict[str, bool] = {}
    span = _span_covered(nodes, all_exprs)
    for node, text, exprs in zip(nodes, texts, all_exprs, strict=True):
        water_topics[node.path] = bool(_WATER.search(node.title)) or water_topics.get(node.parent_path, False)
        schedule_topics[node.path] = bool(_SCHEDULE_TITLE.search(node.title)) or schedule_topics.get(node.parent_path, False)
        context = replace(_context(node, exprs, scopes, now, water_topics[node.path], schedule_topics[node.path]), span=span)
        scopes[node.path] = context.inherited or _heading_scope(node, text, exprs)
        claims.extend(_node_claims(node, text, exprs, context))
    return claims, stated


def _span_covered(nodes: list[Node], all_exprs: list[list[TimeExpr]]) -> TimeExpr | None:
    """The span the report covers, as its opening text (before the first heading) says: the latest
    span of more than a month it names ('就本會 113 年 9 月至 114 年 2 月之重要業務…提出報告'; not the
    report's own month, 中華民國 114 年 3 月)."""
    if not nodes or nodes[0].level != 0:
        return None
    spans = [e for e in all_exprs[0] if e.role in ("period", "range") and e.period_start and e.period_end and (e.period_end - e.period_start).days > 31]
    return max(spans, key=lambda e: e.period_end, default=None)


# A heading naming the terms a scheme sets: its items' figures are rules unless said done
# ('（一）部分負擔規定', '(1) 給付額度：', '1、 補助標準：'; not '捌、 檢驗及標準', a field of work).
_SCHEDULE_TITLE = re.compile(r"(?:補助|收費|給付|津貼|獎勵|補貼|負擔|費用|申請)(?:標準|額度|比率|規定|資格|條件)$")
_REPORT_YEAR_WORD = re.compile("|".join(REPORT_YEAR_WORDS))
# An item's time expressions and the last year it writes out, by (text, context year, report year).
_ReadItems = dict[tuple[str, int | None, int | None], tuple[list[TimeExpr], int | None]]


def _time_expressions(texts: list[str], year: int | None, report_year: int | None, read: _ReadItems,
                      written_year: int | None = None) -> list[list[TimeExpr]]:
    """Each item's time expressions, the year of one carried into the next for dates without one — never a
    year after the one the report is written in ('115 年經濟成長率預測…' does not date the next item's '9 月出口').

    `read` keeps what was found before: an item without 去年/今年/本年 reads the same whatever the
    report's year, so the pass that knows that year does not read it again."""
    if year is not None and written_year is not None:
        year = min(year, written_year)
    all_exprs = []
    for text in texts:
        key = (text, year, report_year if report_year is not None and _REPORT_YEAR_WORD.search(text) else None)
        if key not in read:
            exprs = find_time_expressions(text, year, key[2])
            read[key] = exprs, _last_explicit_year(exprs)
        exprs, last_year = read[key]
        all_exprs.append(exprs)
        if last_year is not None and (written_year is None or last_year <= written_year):
            year = last_year
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
    """The last year an item writes out, which dates the next items' 第 1 季 or 10 月; not a comparison's
    base ('…3 萬 5,412 美元，較 113 年增加 1,907 美元': the next item's quarters are 114's)."""
    years = [e.year for e in exprs if e.year and e.role != "base" and "年" in e.text and _DIGIT.search(e.text.split("年")[0])]
    return years[-1] if years else None


def _date_written(nodes: list[Node]) -> date | None:
    """The date the report is written on, a line of its own among its opening lines ('中華民國 114 年 10 月 1 日')."""
    if not nodes or nodes[0].path:
        return None
    for line in to_halfwidth_digits(nodes[0].text).splitlines():
        written = _DATE_LINE.fullmatch(line.strip())
        if written is not None and 1 <= int(written.group(2)) <= 12:
            year, month = int(written.group(1)) + 1911, int(written.group(2))
            return last_day(year, month)  # its month's end, whatever day it names
    return None


# '中華民國 114 年 10 月', '114 年 10 月 1 日', '（114 年 10 月）'
_DATE_LINE = re.compile(r"[（(]?\s*(?:中華民國)?\s*(\d{2,3})\s*年\s*(\d{1,2})\s*月(?:\s*\d{1,2}\s*日)?\s*[）)]?")


def report_date(all_exprs: list[list[TimeExpr]], written: date | None = None) -> date | None:
    """The latest date the report states as reached (截至/統計至 …), ignoring stray future ones:
    only dates in a year no later than the year after the one it mentions most, and none after the
    date it is `written` on."""
    years: dict[int, int] = {}
    for exprs in all_exprs:
        for expr in exprs:
            if expr.year:
                years[expr.year] = years.get(expr.year, 0) + 1
    if not years:
        return None
    cap = max(years, key=lambda y: years[y]) + 1
    dates = [e.period_end for exprs in all_exprs for e in exprs if e.role == "as_of" and "截至" in e.text and e.period_end and e.period_end.year <= cap
             and (written is None or e.period_end <= written)]
    return max(dates) if dates else date(cap - 1, 12, 31)


_BRACKETED = re.compile(r"[（(][^）)]*[）)]")
_LABEL_FILLER = re.compile(r"[\s:：()（）]")


def _context(node: Node, exprs: list[TimeExpr], scopes: dict[str, TimeExpr | None], now: date | None, water_topic: bool, schedule_topic: bool) -> _Context:
    title_end = len(node.marker) + len(node.title) + 4
    # only a date the title itself holds: '(1) 產值：109 年…' has a title of its own and a dated sentence
    heading_exprs = [e for e in exprs if e.start < title_end and e.role != "base" and e.text.strip() in node.title]
    heading_period, labelled = None, False
    if heading_exprs and node.title:
        label = _BRACKETED.sub("", node.title)  # 109 年第 2 季(僅補貼會展業)
        for expr in heading_exprs:
            label = label.replace(expr.text.strip(), "")
        label = _LABEL_FILLER.sub("", label)
        if (len(label) <= 2 or _RESULTS_LABEL.fullmatch(label)) and _stands_as_heading(node):
            heading_period, labelled = heading_exprs[0], bool(label)
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
    return _Context(heading_period, inherited, now, plan, schedule is not None, heading_end, water_topic, schedule_topic, labelled)


# A heading that dates a report on the work ('（二） 113 年上半年執行成果'), not an event ('109 年 8 月成立…').
_RESULTS_LABEL = re.compile(r"(?:執行|辦理|推動|工作|實施|營運|業務|整體)?(?:成果|情形|概況|現況|績效|成效|進度|統計)")
_HEADING_END = re.compile(r"\s*(?:[：:]|\n|$)")


def _opens(before: str, marker: str) -> bool:
    """Whether a date opens its sentence: nothing before it but the item's marker and a heading
    ended by ：('(1) 艱困事業補貼：截至 110 年 1 月底，…'; not '其中法規命令截至 109 年底，…')."""
    rest = before.strip().removeprefix(marker).rpartition("：")[2]
    return len(rest.strip()) <= 2


def _stands_as_heading(node: Node) -> bool:
    """'A. 109 年第 2 季：…' is a heading; '(2) 截至 110 年 1 月 31 日，除有 11 案撤案…' only opens a
    sentence, and dates that sentence alone."""
    title_at = node.text.find(node.title)
    return title_at >= 0 and _HEADING_END.match(node.text, title_at + len(node.title)) is not None


_AS_FOLLOWS = re.compile(r"(?:如下\s*[：:]?|[：:])\s*$")  # 如下：, 其中： or any colon leading into the parts


def _heading_scope(node: Node, text: str, exprs: list[TimeExpr]) -> TimeExpr | None:
    """A date in a heading that scopes the items under it: a statistics date written in the
    heading line ((統計至 110 年 1 月 31 日)), the as-of date of a sentence that ends leading into
    the items ('截至 110 年 1 月底，各部會核定情形如下：'), a heading with no text of its own naming a
    period ('2、 109 學年度國民中小學概況'), or, for a top-level section (depth ≤ 2), the
    as-of date of its opening sentence (二、 投資臺灣三大方案：…截至 110 年 3 月 11 日，…)."""
    line_end = text.find("\n")
    heading_line = text[: line_end if line_end >= 0 else len(text)]
    in_heading = [e for e in exprs if e.end <= len(heading_line) and e.role in ("as_of", "period")]
    if in_heading and "統計" in heading_line:
        return in_heading[-1]
    bracketed = [e for e in in_heading if e.role == "as_of" and heading_line[:e.start].rstrip().endswith(("（", "("))]
    if bracketed:  # '2、 審查結果（截至 114 年 8 月底）': an as-of date the heading carries, as 統計至 is
        return bracketed[-1]
    if in_heading and "\n" not in text and len(text) <= 30 and not SENTENCE_BREAK.search(text):
        return in_heading[-1]  # a heading and nothing else, naming a period: '2、 109 學年度國民中小學概況'
    as_follows = _AS_FOLLOWS.search(text)
    if as_follows:  # '截至 110 年 2 月 18 日，…各方案成果如下：' dates what its items then give
        # or, where that sentence names no date, the text's first: '113 學年度在臺僑生…。新生來源如下：'
        # ('…應報請上級機關派員監辦；本部 114 年上半年查核…分述如下：': the clause after a semicolon opens with it)
        semicolon = max(text.rfind("；", 0, as_follows.start()), text.rfind(";", 0, as_follows.start()))
        for opening in (start_of_sentence(text, as_follows.start()), *([semicolon + 1] if semicolon >= 0 else []), 0):
            leading = [e for e in exprs if opening <= e.start and e.role in ("as_of", "period") and _opens(text[opening:e.start], node.marker)]
            if leading:
                return leading[0]
    if node.depth > 2:
        return None
    first_sentence = SENTENCE_BREAK.search(text)
    limit = first_sentence.start() if first_sentence else len(text)
    as_of = [e for e in exprs if e.start < limit and e.role == "as_of" and "截至" in e.text]
    return as_of[-1] if as_of else None


def _node_claims(node: Node, text: str, exprs: list[TimeExpr], context: _Context) -> list[Claim]:
    blocked = masked_spans(text) + [(e.start, e.end) for e in exprs]
    claims: list[Claim] = []
    previous = None  # figures come in order and never overlap: a figure looks back to the one just before it
    previous_claim = None  # the previous figure's claim, where it was kept
    cells = {cell.figure.start: cell for cell in table_cells(text, exprs)}
    for figure in _with_cells(list(find_figures(text, blocked)), cells):
        claim = _claim(node, text, figure, previous, exprs, context)
        if figure.start in cells:
            claim = _as_cell(claim, cells[figure.start], context.now)
        if previous_claim is not None and previous_claim.kind == "rule" and claim.kind == "actual" and _NEXT_IN_A_LIST.match(text, previous_claim.end, figure.start):
            claim = replace(claim, kind="rule", period_start=None, period_end=None, period_text=None)
        kept = claim.dimension != "age" or claim.qualifier in ("more_than", "at_least", "up_to", "range") or not claim.value.is_integer()
        kept = kept or MEASURED_AGE.search(text, max(0, figure.start - 12), figure.start) is not None
        # 年滿 65 歲 is a threshold and '15 至 24 歲青年' the band a group is defined by (rules, as ten of eleven writers
        # of other reports read them); '平均餘命 80.86 歲' and '（平均壽命）目標 120 年延長至 82 歲' are measured; a bare
        # age ('2 歲兒童') is neither
        if kept:
            claims.append(claim)
        previous, previous_claim = figure, claim if kept else None
    return claims


def _with_cells(figures: list[Figure], cells: dict[int, Cell]) -> list[Figure]:
    """The figures found in running text, a table's cells in place of any that overlap them."""
    kept = [figure for figure in figures if not any(cell.figure.start < figure.end and figure.start < cell.figure.end for cell in cells.values())]
    return sorted([*kept, *(cell.figure for cell in cells.values())], key=lambda figure: figure.start)


def _as_cell(claim: Claim, cell: Cell, now: date | None) -> Claim:
    """A table's number, read by its row and column rather than by the sentence around it; a
    column for a year to come holds what is planned."""
    period = cell.period
    if period is None:  # '年度目標值', '實際值': the column says what it holds, its sentences when
        return replace(claim, kind=cell.kind, qualifier=cell.qualifier, subject=cell.label)
    kind = "target" if cell.kind == "actual" and _is_future(period, now) else cell.kind
    return replace(claim, kind=kind, qualifier=cell.qualifier, period_start=period.period_start, period_end=period.period_end,
                   period_text=period.text.strip(), subject=cell.label)


# The next entry of a list, named by a short label: '一般家庭每月補助 6,000 元、中低收入戶 8,000 元'
# (a rule's terms for each class, as the first entry's).
_NEXT_IN_A_LIST = re.compile(r"\s*[、及]\s*[^\d，。；、,]{1,10}$")


_EXCHANGE_RATE = re.compile(rf"對\s*({'|'.join(name for name, code in CURRENCIES.items() if code != 'TWD')})\s*(?:之)?(?:匯率|匯價)")


def _exchange_rate_quoted(text: str, figure: Figure) -> str | None:
    """The currency an exchange rate named earlier in the figure's sentence quotes the TWD against."""
    named = list(_EXCHANGE_RATE.finditer(text, start_of_sentence(text, figure.start), figure.start))
    return CURRENCIES[named[-1].group(1)] if named else None


def _claim(node: Node, text: str, figure: Figure, previous: Figure | None, exprs: list[TimeExpr], context: _Context) -> Claim:
    clause_start, clause_end = clause_span(text, figure)
    before = text[clause_start:figure.start]
    kind = kind_of(text, figure, clause_start, clause_end, previous, context.is_plan, context.now)
    if kind in ("actual", "change", "share") and _dated_in_future(text, figure, clause_start, clause_end, exprs, context) and not DONE_CUE.search(before):
        kind = "target"  # a figure for a year still to come, with no cue (target outranks change and share): 114 年天然氣占比 50%
    if kind == "actual" and context.schedule_topic and not _DONE_IN_CLAUSE.search(before):
        kind = "rule"
    direction = _from_or_to(text, figure, previous, clause_start)
    if direction == "to" and previous is not None:
        exprs = _without_dates_of_start(text, exprs, previous, clause_start)
    period = None if kind == "rule" else _period(text, figure, clause_start, clause_end, exprs, context, kind)
    if period is not None and _whole_years(period):
        period = _end_of_span(period, direction)
    if period is not None and _on_the_day_of_an_event(text, figure, period):
        period = replace(period, period_start=period.period_end, role="period")
    # Water is looked for only where it changes the reading: tonnes and cubic metres.
    water = reads_water(figure.unit) and _about_water(text, figure, context)
    per_day = water and _daily(text, figure, previous, clause_start)
    dimension, base_value, base_unit = normalize(figure.value, figure.unit, water=water, per_day=per_day)
    if base_unit == "TWD" and figure.unit.core == "元" and not figure.unit.scale:
        quoted = _exchange_rate_quoted(text, figure)
        if quoted is not None:  # '新臺幣對美元匯率為 32.818 元': so many TWD a US dollar
            dimension, base_unit = "price", f"TWD/{quoted}"
    if base_unit == "TWD" and figure.unit.core == "元":
        named = CURRENCY_BEFORE.search(text, max(clause_start, figure.start - 8), figure.start)
        base_unit = CURRENCIES_BEFORE[named.group(0).strip()] if named else base_unit  # '港幣 872 億元'
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
        qualifier="range" if high is not None else qualifier_of(text, figure, previous),
        kind=kind,
        period_start=period.period_start if period else None,
        period_end=period.period_end if period else None,
        period_text=period.text.strip() if period else None,
        subject=_subject(_own_before(text, figure, previous, clause_start, exprs), before, exprs),
        clause=joined_lines(node.text[clause_start:clause_end]).strip(),
        line=node.line_at(figure.start),
        start=figure.start,
        end=figure.end,
    )


# What an event drew or produced on its day: '109 年 12 月 2 日…研討會…共逾 120 人參加', '於論壇會場上共洽簽
# 3 份合作備忘錄', '108 年 0719 丹娜絲颱風淹水面積僅為 422 公頃' — the day's, not a stock as of it.
_EVENT = re.compile(r"與會|參加|出席|參與|洽簽|簽署|簽訂|共同辦理|會場|展攤|洽談|媒合會|颱風|豪雨|地震")
_ON_A_DAY = re.compile(r"\d\s*日$|\d{4}$")  # 10 月 7 日, 108 年 0719 (not 截至…, 年底, 月底)


def _on_the_day_of_an_event(text: str, figure: Figure, period: TimeExpr) -> bool:
    """A figure dated by a bare day (no 截至) in its own sentence, where the sentence tells an event
    on that day: its period is that day."""
    if period.role != "as_of" or period.period_end is None or _UNTIL.match(period.text) or not _ON_A_DAY.search(period.text.strip()):
        return False
    sentence_start, sentence_end = start_of_sentence(text, figure.start), end_of_sentence(text, figure.end)
    return sentence_start <= period.start and bool(_EVENT.search(text, sentence_start, sentence_end))


_DONE_IN_CLAUSE = re.compile(ACTUAL_CUE.pattern + r"|核發|核定|受益|受惠|計\s*$|共\s*$")
_WATER = re.compile(r"水|淤")
_SAND = re.compile(r"砂石|土石|土方|疏濬")
_DAILY = re.compile(r"每(?:日|天)")
_SAME_AMOUNT_LINK = re.compile(rf"^\s*{CHANGE_VERB}?\s*(?:{TO}|及|、|和)\s*$")


def _about_water(text: str, figure: Figure, context: _Context) -> bool:
    """噸 of water is a cubic metre: water is named near the figure or in its item's headings, and
    the sentence is not about sand and gravel dredged from rivers (6,200 萬公噸 疏濬)."""
    if not (_WATER.search(text, max(0, figure.start - 30), figure.end + 10) or context.water_topic):
        return False
    return not _SAND.search(text, start_of_sentence(text, figure.start), end_of_sentence(text, figure.end))


def _daily(text: str, figure: Figure, previous: Figure | None, clause_start: int) -> bool:
    """每日 4 萬噸, and the 20 萬噸 of '由每日 7 萬噸提升至 20 萬噸' (the rate carries to the amount it rises to)."""
    if _DAILY.search(text, max(clause_start, figure.start - 8), figure.start) or _part_of_a_daily_amount(text, figure, clause_start):
        return True
    if previous is None or previous.start < clause_start or previous.unit.core != figure.unit.core:
        return False
    linked = _SAME_AMOUNT_LINK.match(text[previous.end:figure.start])
    return bool(linked) and bool(_DAILY.search(text, max(clause_start, previous.start - 8), previous.start))


def _part_of_a_daily_amount(text: str, figure: Figure, clause_start: int) -> bool:
    """'每日用水量約 41.3 萬噸（竹科 16.2 萬噸、中科 10.9 萬噸…）': the parts in a daily amount's bracket are daily."""
    opening = max(text.rfind("（", clause_start, figure.start), text.rfind("(", clause_start, figure.start))
    if opening < 0 or max(text.rfind("）", opening, figure.start), text.rfind(")", opening, figure.start)) >= 0:
        return False
    before = text[max(clause_start, opening - 16):opening].rstrip()
    return before.endswith(figure.unit.core) and _DAILY.search(before) is not None


_FROM = re.compile(rf"{FROM}\s*{FROM_LEAD}\s*$")
_RISES_TO_NUMBER = re.compile(rf"\s*{CHANGE_VERB}?\s*{TO}\s*\d")


def _from_or_to(text: str, figure: Figure, previous: Figure | None, clause_start: int) -> str | None:
    """'由 1,162 公頃降為 190 公頃': the first figure is where a span starts, the second where it ends."""
    if _FROM.search(text, max(clause_start, figure.start - FROM_REACH), figure.start):
        after = text[figure.end:figure.end + 12]
        return "from" if _RISES_TO_NUMBER.match(after) else None
    linked = previous is not None and previous.start >= clause_start and _SAME_AMOUNT_LINK.match(text[previous.end:figure.start])
    if linked and _FROM.search(text, max(clause_start, previous.start - FROM_REACH), previous.start):
        return "to"
    return None


def _without_dates_of_start(text: str, exprs: list[TimeExpr], start: Figure, clause_start: int) -> list[TimeExpr]:
    """'由 104 年底之 227 萬輛減至 41.5 萬輛': the date of where a change started is not where it ended."""
    lead = _FROM.search(text, max(clause_start, start.start - FROM_REACH), start.start)
    if lead is None:
        return exprs
    return [e for e in exprs if not lead.start() <= e.start < start.start]


def _whole_years(period: TimeExpr) -> bool:
    """A span of more than one whole year (107 至 109 年), the only kind `_end_of_span` cuts."""
    start, stop = period.period_start, period.period_end
    return start is not None and stop is not None and start.year != stop.year and (start.month, start.day, stop.month, stop.day) == (1, 1, 12, 31)


def _end_of_span(period: TimeExpr, end: str | None) -> TimeExpr:
    """Where a span of years starts (for 'from') or ends (for 'to'), as an as-of date: 107 至 109 年 →
    as of 2018-01-01 and as of 2020-12-31 — the areas of '由 1,162 公頃降為 190 公頃' are stocks at two points."""
    start, stop = period.period_start, period.period_end
    if end is None or start is None or stop is None:
        return period
    return replace(period, period_start=None, period_end=start if end == "from" else stop)


_LIST_ENTRY = re.compile(r"[\d、]")


def _dated_in_own_clause(exprs: list[TimeExpr], clause_start: int, figure: Figure) -> bool:
    """'113 年目標：…，截至 113 年 2 月底已招募 2,218 人': the figure's own clause dates it, not its heading."""
    return any(clause_start <= e.start and e.end <= figure.start and e.role != "base" for e in exprs)


def _period(text: str, figure: Figure, clause_start: int, clause_end: int, exprs: list[TimeExpr], context: _Context, kind: str) -> TimeExpr | None:
    if context.heading_period is not None and not (context.heading_labelled and _dated_in_own_clause(exprs, clause_start, figure)):
        return context.heading_period  # 'C. 109 年第 4 季：截至 109 年 12 月 31 日止，總計核准 17,797 家': the quarter
    sentence_start = start_of_sentence(text, figure.start)
    sentence_end = end_of_sentence(text, figure.end)
    in_sentence = [e for e in exprs if sentence_start <= e.start and e.end <= sentence_end]
    if kind in ("actual", "change", "share"):
        # What has happened cannot be dated in the future: skip a target's 110 年底 before it.
        in_sentence = [e for e in in_sentence if not _is_future(e, context.now)]
    topic_start = _new_topic_start(text, sentence_start, figure.start)
    preceding = [
        e for e in in_sentence
        if topic_start <= e.start and e.end <= figure.start and (e.role != "base" or _dates_figure(text, e, figure, kind))
        and not _bracketed_alone(text, e, figure.start) and not (e.start < clause_start and _a_later_part_of_a_year(text, e, sentence_start))
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
    if kind == "target" and preceding and preceding[-1].end <= clause_start and _TO_COME.search(text, clause_start, figure.start):
        return None  # '109 年選擇在印尼增設新廠，未來新增 80 條產線': the year is the choice's, not the lines'
    if kind == "target" and preceding and preceding[-1].end <= clause_start and _dates_a_step(text, preceding[-1], clause_start):
        return None  # '訂於 110 年 7 月公告招商、12 月開發工程動土，預計增加投資 100 億元': the months are the steps'
    if preceding:
        period = _respective_period(text, figure, _span_from_opening(text, preceding))
        return _accumulate(text, figure, clause_start, period, figure.unit.spec.dimension, kind)
    following_expr = _following(text, figure, in_sentence, context, kind)
    if following_expr is not None:
        return following_expr
    lead_in = _lead_in_period(text, sentence_start, exprs)
    if lead_in is not None:
        return lead_in
    same = _SAME_PERIOD.search(text, sentence_start, figure.start)
    # (not a comparison's '（113 年同期為 251 件）': the same span a year before is no span the report is about)
    named_before = [e for e in exprs if e.end <= sentence_start and e.role in ("period", "range") and not SAME_SPAN_AFTER.match(text, e.end)
                    and "同期" not in e.text] if same else []
    if named_before:
        return named_before[-1]  # '113 年 9 月至 114 年 2 月，…決標計 2 萬 8,416 件…。同期間工程類決標金額 4,602.35 億元'
    if same and context.span is not None:
        return context.span  # or, where the item names none, the span the report covers
    if kind == "target" and context.plan is not None:
        return context.plan
    return context.inherited


# A sentence that dates itself by the span named before it: 同期間, 同一期間, 此期間, 本期.
_SAME_PERIOD = re.compile(r"同一?期間|此期間|該期間|本期(?![間末初])")

_RESPECTIVELY = re.compile(r"分別")


def _respective_period(text: str, figure: Figure, period: TimeExpr) -> TimeExpr:
    """The one period of a list that a figure after 分別 takes in turn: '預估 114 學年度及 115 學年度國小新生
    分別約 15 萬 6,000 人及約 14 萬 9,000 人' — the second figure is 115 學年度's."""
    respectively = _RESPECTIVELY.search(text, period.end, figure.start)
    pieces = LIST_SPLIT.split(period.text.strip())
    if respectively is None or len(pieces) < 2:
        return period
    position = len(LIST_SPLIT.findall(text, respectively.end(), figure.start))
    if position >= len(pieces):
        return period
    parts = [find_time_expressions(piece, period.year) for piece in pieces]
    if any(len(found) != 1 or found[0].period_end is None for found in parts):
        return period
    own = parts[position][0]
    return replace(period, text=pieces[position], period_start=own.period_start, period_end=own.period_end)


_BULLET = re.compile(r"\s*[●◎○•・■□◆◇▪➢]")
_LEAD_IN_END = re.compile(r"[：:]\s*$")


def _lead_in_period(text: str, sentence_start: int, exprs: list[TimeExpr]) -> TimeExpr | None:
    """A bulleted line's period, where it gives none, from the sentence leading into the list with a colon:
    '113 學年度第 1 學期申貸者之學制結構如下：\n● 大學部 12 萬 6,410 人次，占 67.5％；'."""
    line_start = text.rfind("\n", 0, sentence_start + 1) + 1
    if not _BULLET.match(text, line_start):
        return None
    while line_start > 0:
        previous_start = text.rfind("\n", 0, line_start - 1) + 1
        if not _BULLET.match(text, previous_start):
            break
        line_start = previous_start
    if line_start == 0 or not _LEAD_IN_END.search(text, 0, line_start - 1):
        return None
    lead_in_start = start_of_sentence(text, line_start - 2)
    dated = [e for e in exprs if lead_in_start <= e.start and e.end < line_start and e.role != "base"]
    return dated[-1] if dated else None


# A quarter or half written without its year narrows the year before it for its own clause only:
# '109 年經濟成長率達 3.11%，其中第 4 季成長 5.09%…；平均每人 GDP 達 2 萬 8,305 美元' (109 年).
_PART_OF_A_YEAR = re.compile(rf"{QUARTER}|{HALF}")


def _a_later_part_of_a_year(text: str, expr: TimeExpr, sentence_start: int) -> bool:
    """A quarter or half written alone in a clause after the sentence's first ('…，其中第 4 季 …'):
    it dates its own clause only. Opening the sentence ('上半年合計受理 811 件，核定 591 件'), all of it."""
    return _PART_OF_A_YEAR.fullmatch(expr.text) is not None and _LIST_OR_CLAUSE_BREAK.search(text, sentence_start, expr.start) is not None


_LIST_OR_CLAUSE_BREAK = re.compile(r"[，,；;]")


# '第 1 階段…已於 108 年 12 月 27 日取得…；第 2 階段…計有 7 家開發商': a `；` clause about another
# stage is a topic of its own; the dates before it are the other stage's. (A clause opened by 另
# adds to the same time: '109 年…；另債權債務協處 270 件' is still 109 年.)
_NEW_TOPIC = re.compile(r"[；;]\s*第\s*[\d一二三四五六七八九十]{1,2}\s*(?:階段|期)")


def _new_topic_start(text: str, sentence_start: int, figure_start: int) -> int:
    topics = list(_NEW_TOPIC.finditer(text, sentence_start, figure_start))
    return topics[-1].start() if topics else sentence_start


def _bracketed_alone(text: str, expr: TimeExpr, figure_start: int) -> bool:
    """A date that is all a closed bracket holds, the bracket ending an entry of a list, dates
    that entry ('越南(6 月 8 日)、…及泰國(10 月 16 日)等 5 場'), not the figure after the list.
    ('執行期間(108 年 11 月至 109 年 11 月)，共計 149 家' is no list: that date stands.)"""
    opening = max(text.rfind("(", 0, expr.start), text.rfind("（", 0, expr.start))
    if opening < 0 or compact(text[opening + 1:expr.start]):
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
    if _closes_its_sentence(text, after[-1]):
        return after[-1]  # '…核定二級海岸防護計畫 19 處（截至 114 年 8 月底）。': the bracket dates all its sentence says
    first = after[0]
    breaks = list(CLAUSE_BREAK.finditer(text, figure.end, first.start))
    if not breaks:
        return first
    if len(breaks) > 1 or breaks[0].group(0) in "；;":
        return None
    if kind == "target":
        return first if _is_future(first, context.now) else None
    in_heading = figure.start <= context.heading_end
    return first if in_heading else None


_OPENS_A_DATES_BRACKET = re.compile(r"[（(]\s*(?:統計)?\s*(?:截至|截止|至|迄)?\s*$")
_CLOSES_THE_SENTENCE = re.compile(r"\s*(?:止|為止)?\s*[）)]\s*(?:[。；;]|$)")


def _closes_its_sentence(text: str, expr: TimeExpr) -> bool:
    """A date alone in a bracket that ends its sentence: '（截至 114 年 8 月底）。', '（114 年 1 至 8 月）'."""
    return _OPENS_A_DATES_BRACKET.search(text, max(0, expr.start - 8), expr.start) is not None and _CLOSES_THE_SENTENCE.match(text, expr.end) is not None


_TO_COME = re.compile(r"未來|日後|將來")
# A step of a schedule a month or a day dates in a clause of its own (公告招商, 動土): not what the plan is to yield.
_STEP = re.compile(r"公告|招商|動土|動工|開工|發包|簽約|決標|啟用|開幕")
_MONTH_OR_DAY = re.compile(r"月\s*$|日\s*$")


def _dates_a_step(text: str, date_expr: TimeExpr, clause_start: int) -> bool:
    return bool(_MONTH_OR_DAY.search(date_expr.text)) and bool(_STEP.search(text, date_expr.end, clause_start))


_NOW_WORDS = re.compile(r"目前|現在|現階段|迄今")
_SO_FAR = re.compile(r"迄今|至今")
_WHOLE_YEAR = re.compile(r"全年度?|整年")
_ALL_ABOVE = re.compile(r"以上\s*$")


def _since_date(text: str, so_far: re.Match[str], sentence_start: int, preceding: list[TimeExpr]) -> TimeExpr | None:
    """迄今 after dates of its sentence: since the nearest of them, or since the first when 以上
    (all the above) leads into it. None for 目前, 現在 or a sentence without a date."""
    dated = [e for e in preceding if e.start >= sentence_start and e.role != "base"]
    if not dated or not _SO_FAR.fullmatch(so_far.group(0)):
        return None
    anchor = dated[0] if _ALL_ABOVE.search(text, sentence_start, so_far.start()) else dated[-1]
    start = anchor.period_start or anchor.period_end
    return TimeExpr(anchor.start, so_far.end(), f"{anchor.text.strip()}…{so_far.group(0)}", start, None, "since", anchor.year)


def _relative_to_report(text: str, figure: Figure, clause_start: int, sentence_start: int, preceding: list[TimeExpr], context: _Context) -> TimeExpr | None:
    """'降到目前 13.5%' is as of the report's date; '全年…備用容量率達 16.4%' is the whole year of
    the date before it (109 年 5 月 26 日 … 全年 → 109 年)."""
    nearest_end = preceding[-1].end if preceding else 0
    if context.now is not None:
        # 迄今 after the last date of the sentence dates what follows it too: '109 年 7 月 13 日即…召開會議…，以上迄今總共
        # 召開 32 次會議；其中…已調度節水達 8 億噸' — since that date, as 自 A 起至今 is [A, open].
        since = max(sentence_start, nearest_end)
        opened = bool(preceding) and preceding[-1].role in ("open", "since")
        so_far = [] if opened else list(_SO_FAR.finditer(text, since, clause_start))
        now_word = ([None, *so_far, *_NOW_WORDS.finditer(text, clause_start, figure.start)])[-1]
        if now_word and now_word.start() >= nearest_end:
            since_date = _since_date(text, now_word, sentence_start, preceding)
            if since_date is not None:
                return since_date
            return TimeExpr(now_word.start(), now_word.end(), now_word.group(0), None, context.now, "as_of")
    whole = _WHOLE_YEAR.search(text, max(sentence_start, nearest_end), figure.start)
    if whole and preceding and preceding[-1].year:
        year = preceding[-1].year
        return TimeExpr(whole.start(), whole.end(), f"{preceding[-1].text.strip()}…{whole.group(0)}", date(year, 1, 1), date(year, 12, 31), "period", year)
    return None


_UNTIL = re.compile(r"(?:截至|截止|統計至|累計至|至|迄)")


def _span_from_opening(text: str, preceding: list[TimeExpr]) -> TimeExpr:
    """'自 A … 截至 B' → [A, B]; '截至 114 年 8 月底，114 年度累計申請…' → as of B, a day inside the year
    summed up after it; the nearest expression otherwise."""
    chosen = preceding[-1]
    counted_to = next((e for e in reversed(preceding[:-1]) if e.role == "as_of" and _UNTIL.match(e.text)), None)
    if _dated_by_the_count(text, chosen, counted_to):
        return counted_to
    if chosen.role == "as_of" and _UNTIL.match(chosen.text):
        opener = [e for e in preceding[:-1] if e.role == "open"]
        if opener:
            first = opener[-1]
            return TimeExpr(first.start, chosen.end, text[first.start:chosen.end], first.period_start, chosen.period_end, "period")
    return chosen


def _dated_by_the_count(text: str, chosen: TimeExpr, counted_to: TimeExpr | None) -> bool:
    """Whether a year named after '截至 B' is dated by B, in the same clause of thought: a year summed up to a
    day inside it ('截至 114 年 8 月底，114 年度累計申請…'), or a fiscal year's budget counted at a later day
    ('截至 114 年 6 月底，113 年度保留數已執行 418.76 億元': the year names the budget, the date counts it)."""
    if chosen.role != "period" or counted_to is None or chosen.period_end is None or counted_to.period_end is None:
        return False
    if _SUB_SENTENCE_BREAK.search(text, counted_to.end, chosen.start):
        return False
    summed = (chosen.period_start is not None and chosen.period_start <= counted_to.period_end < chosen.period_end
              and _SUMMED_AFTER.match(text, chosen.end) is not None)
    budget = chosen.text.rstrip().endswith("年度") and chosen.period_end < counted_to.period_end and _BUDGET_OF_A_YEAR.match(text, chosen.end) is not None
    return summed or budget


_SUMMED_AFTER = re.compile(r"\s*累計(?!新增)")
_BUDGET_OF_A_YEAR = re.compile(r"\s*(?:之)?\s*(?:保留數|預算|經費|歲出|歲入|補助款)")
_SUB_SENTENCE_BREAK = re.compile(r"[；;。]")  # '截至 8 月底，…1,276 人；114 年預計新增 8 處': the year starts another thought
_SINGLE_YEAR = re.compile(r"\d+\s*年")
_UNTIL_YEAR = re.compile(r"(?:累計至|累計到)\s*\d+\s*年")
# 114 年累計設置 5.7 GW, 113 年累計完成 300 萬戶: summed up to a year (not 累計新增, what the year added).
_STOCK_SUM = re.compile(r"累計(?!新增)")
# Amounts a year has, not a sum since the start (累計至 109 年…誘發民間投增資 1,716 億元).
_ANNUAL_FLOW = re.compile(r"產值|營收|營業額|出口|進口|銷售額|交易額")


def _accumulate(text: str, figure: Figure, clause_start: int, period: TimeExpr, dimension: str, kind: str) -> TimeExpr:
    """累計 turns a year given earlier into an as-of date (109 年…累計減少 179 座: as of 109 年底),
    but not a year that governs 累計 in the same clause (109 年累計推動 72 萬人次: the year's).
    A flow under 累計至 109 年 (產值 552 億元, 成長率 11.9%) stays the year's; a sum does not
    (累計至 109 年共培育約 1.8 萬家…，誘發民間投增資 1,716 億元: as of 109 年底)."""
    single_year = _SINGLE_YEAR.fullmatch(period.text.strip())
    if single_year and period.start < clause_start and "累計" in text[clause_start:figure.start]:
        return replace(period, period_start=None, role="as_of")
    if single_year and (dimension == "power" or kind == "target") and _STOCK_SUM.search(text, period.end, figure.start):
        # capacity is a stock, and a target summed to a year (預計 113 年累計完成 300 萬戶) is what stands at its end
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
    if text[figure.start:figure.end].endswith("倍"):
        return False  # '約為 105 年之 10 倍': a multiple of the base year's figure
    if not between.strip():
        return True
    # nor a target set against it: '114 年排放量較 94 年減少 10％' is 114 年's; '較 110 年同等級豪雨之 2,430 公頃': the base's own
    near = len(between.strip()) <= 4 or (between.strip().endswith("之") and len(between.strip()) <= 10)
    return kind != "change" and near and not CLAUSE_BREAK.search(between) and not _CHANGED.search(between)


_CHANGED = re.compile(rf"{CHANGE_VERB}|改善")


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
    start, end = period.period_start, period.period_end
    if start is not None and end is not None and (end - start).days <= 366:
        # the report's own year (110 年 in a report of 110 年 3 月) or school year (109 學年度) is under way, not to come
        return start > now
    return end is not None and end > now


def _own_before(text: str, figure: Figure, previous: Figure | None, clause_start: int, exprs: list[TimeExpr]) -> str:
    """The words of the figure's own list entry: back to the previous figure, 、 or bracket (not a
    date's own: '本年（114 年）上半年全國共發生火災')."""
    start = max(clause_start, previous.end if previous else 0)
    cuts = [at for at, char in enumerate(text[start:figure.start], start) if char in "、(（"]
    cut = max((at for at in cuts if not any(e.start <= at < e.end for e in exprs)), default=-1)
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
