"""Tables that a PDF's text layer flattens into lines: a header of periods, then rows of a label
and one number a column.

    項目 111年 112年 113年上半年
    一般廢棄物產生量(萬公噸) 1,012.4 1,026.8 508.3
    資源回收率 57.7% 58.6% 59.4%

Each number is a figure of its row's label, in the unit its own sign (57.7%), its label's
bracket (萬公噸) or the table's 單位：… names, for the period its column's header names. A column
after the periods (成長率) holds changes, dated to the latest of them. A row may follow the header on
its line or on the next: some extractions put a whole table on one line.

A table may head its columns with categories instead, under a caption that dates it and names its unit:

    表 1 113 年對外援助支出按地區別統計 單位：萬美元
    地區 雙邊合作 人道援助 合計 占比
    亞太地區 9,850 1,230 11,080 32.7%

Each number is then of its row and its column (亞太地區 雙邊合作), for the caption's period; a column of
shares (占比) holds shares. Instead of the caption, each column's heading may name its own unit:

    表 1  三大科學園區營運概況（114 年 1 至 8 月）
    園區              營業額（億元）      從業員工（人）      面積（公頃）
    竹科                     8,946.3             168,215             1,470

Some extractions print a ruled table one cell a line, row by row: the first word, each column's
heading, then each row's label and its numbers, one to a line. A heading there is a period, a
category, a share or the total (合計), which covers the caption's period.

    表 1 113 年 9 月至 114 年 2 月查緝走私案件統計（單位：件）
    類別
    113 年 9~12 月
    合計
    毒品
    39
    58
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from policyledger.quantity.figures import Figure, find_figures
from policyledger.quantity.numbers import value_of_arabic
from policyledger.quantity.periods import TimeExpr, find_time_expressions
from policyledger.quantity.units import COUNTERS, UnitMatch, match_unit
from policyledger.textnorm import to_halfwidth_digits


@dataclass(frozen=True)
class Cell:
    """One number of a table, read as the figure its row and column make it."""

    figure: Figure
    label: str  # the row's label without its unit: 一般廢棄物產生量
    period: TimeExpr | None  # the column's; None where a table of targets and results dates neither (its sentences do)
    kind: str  # "actual", "target" or "forecast" as its column heading says (116 年目標), or "change" in a column of changes
    caption: str  # what the text says of the table before it: '中央政府交通建設經費編列情形如下表，…'
    qualifier: str = "exact"  # up_to or more_than where the cell says so: '3.5% 以下'


# The header's first word (項目, 品項, 年度別 …): short, no figure, no punctuation of a sentence.
_HEADER_LABEL = re.compile(r"[ \t　]*[^\d\s，。；：:、]{1,8}[ \t　]+")
# Words that name a rate of change, heading a column (成長率) or labelling a row (出口成長率(%)).
_RATES_OF_CHANGE = "成長率|增減率|年增率|變動率"
_CHANGE_COLUMN = re.compile(rf"[ \t　]*(?:{_RATES_OF_CHANGE}|增減幅度|增減)(?:[(（][^()（）\s]{{1,6}}[)）])?(?=\s|$)")  # 增減率(%)
_NUMBER = r"[-−+＋]?\d[\d,]*(?:\.\d+)?(?:[ \t]*[%％])?"
# A cell may hold more than a number: '3 萬 3,437 美元' (a mixed numeral and its unit), '3.5% 以下' (a bound).
_CELL_TEXT = rf"{_NUMBER}(?:[ \t]*[萬億兆][ \t]*\d[\d,]*(?:\.\d+)?)?(?:[ \t]*(?:美元|萬元|億元|元))?(?:[ \t]*(?:以下|以上))?"
# In a row of columns set apart, a cell may also count in its own scaled noun: '1,402.6 萬人次    1,563.8 萬人次    11.5%'.
_ROW_CELL_TEXT = rf"(?:{_NUMBER}[ \t]*[萬億千]?[ \t]*(?:{'|'.join(sorted(COUNTERS, key=len, reverse=True))})(?![\u4e00-\u9fff])|{_CELL_TEXT})"
# A row's label: no digit or sentence's punctuation; a space only beside a Latin word (平均每人 GDP, ADSL 及其他)
_LABEL = r"[^\d\s，。；：:、](?:[^\d\s，。；：:]| (?=[A-Za-z])|(?<=[A-Za-z]) (?=[^\d\s])){0,23}"  # ADSL 及其他
# A row named by its year or edition: '2025 年世界運動會', '第 5 屆亞洲青年運動會'.
_EDITION = r"(?:\d{4}\s*年\s*|第\s*\d{1,3}\s*屆\s*)"
_BRACKETED_UNIT = re.compile(r"[(（]\s*([^()（）]{1,6}?)\s*[)）]$")
_TABLE_UNIT = re.compile(r"單位\s*[：:]\s*(?:新[臺台]幣\s*)?([^()（）\s，。：:]{1,6}(?: [A-Za-z]{1,6})?)")  # 單位：新臺幣千元: 千元; 單位：萬 TEU
_CELL = re.compile(r"(?P<sign>[-−+＋])?(?P<num>\d[\d,]*(?:\.\d+)?)")


@lru_cache(maxsize=512)
def cells_in(text: str) -> dict[int, Cell]:
    """The cells of an item's text by where each starts: for a reader of a stored item."""
    if not _TWO_YEARS.search(text) and not _names_units(text) and not _TWO_CELL_LINES.search(text) and "\t" not in text:
        return {}
    halfwidth = to_halfwidth_digits(text)  # the same offsets
    return {cell.figure.start: cell for cell in table_cells(halfwidth, find_time_expressions(halfwidth))}


_TWO_YEARS = re.compile(r"[\d０-９]{2,3}\s*年\S*[ \t　]+[\d０-９]{2,3}\s*年")


def table_cells(text: str, exprs: list[TimeExpr]) -> list[Cell]:
    """Every cell of every table in an item's text (offsets into `text`)."""
    cells: list[Cell] = []
    for periods, kinds, changes, end in _headers(text, exprs):
        latest = max(periods, key=lambda expr: expr.period_end or expr.period_start or date.min)
        columns = [_Column(period, kind, "") for period, kind in zip(periods, kinds, strict=True)]
        columns += [_Column(latest, "change", "", _change_unit(changes))] if changes else []
        cells.extend(_rows(text, columns, periods[0].start, end))
    headers = _headers_of_categories(text)
    for header_start, columns, end in _category_headers(text, exprs, headers):
        cells.extend(_rows(text, columns, header_start, end))
    cells.extend(_period_rows(text, exprs, headers))
    if _TWO_CELL_LINES.search(text):
        cells.extend(_cells_one_a_line(text, exprs))
    if "\t" in text:  # where no header above read the table
        read = {cell.figure.start for cell in cells}
        cells.extend(cell for cell in _cells_of_tab_tables(text, exprs) if cell.figure.start not in read)
    return cells


@dataclass(frozen=True)
class _Column:
    period: TimeExpr | None
    kind: str  # actual, change (a column after the periods) or share
    name: str  # a category's ('雙邊合作'), which names its cells with their row's label; '' for a period's
    unit: UnitMatch | None = None  # the unit its heading names in brackets: 營業額（億元）


# A header of categories: a first word, then two to eight column names, each perhaps with its unit in
# brackets (營業額（億元）); no digit, no sentence's punctuation.
# One column's heading may open with the year it is of: '工作計畫  114 年度預算數  執行數  執行率(％)'.
_COLUMN_NAME = r"(?:[\d０-９]{2,3} ?年度? ?)?[^\d\s，。；：:、%％()（）]{1,8}(?:[(（][^()（）\s]{1,6}[)）])?"
_COLUMN_NAME_RE = re.compile(_COLUMN_NAME)
_YEAR_OPENING = re.compile(r"^[\d０-９]{2,3} ?年度? ?")
# The first word may be the year the whole table is of, in its corner: '113 年度  預算數  實徵數  達成率'.
_CATEGORY_HEADER = re.compile(
    rf"^[ \t　]*(?:[^\d\s，。；：:、%％()（）]{{1,8}}|[\d０-９]{{2,3}}\s?年度?)((?:[ \t　]+{_COLUMN_NAME}){{2,8}})[ \t　]*$", re.MULTILINE,
)
_SHARE_COLUMN = re.compile(r"占比|佔比|比重|比率|百分比|占率")
def _names_units(text: str) -> bool:
    """Whether the text names units a table of categories could be read in (a cheap test before the header's pattern)."""
    return ("單位" in text or _UNITS_HEADING_COLUMNS.search(text) is not None or _COUNTING_HEADING.search(text) is not None
            or _UNITS_LINE.search(text) is not None)


# A column heading counting in a measure word, another beside it: '檢查類別 檢查場次 違法件數'
_COUNTING_HEADING = re.compile(r"(?:場次|人次|件數|家數|人數|戶數|案數)(?<=[\u4e00-\u9fff]..)[ \t　]")  # the word first: a fast scan
# Two column headings side by side, each naming its unit: '營業額（億元）      從業員工（人）'
_UNITS_HEADING_COLUMNS = re.compile(r"[)）][ \t　]+[^\d\s，。；：:、()（）]{1,8}[(（][^()（）\s]{1,6}[)）]")


_Header = tuple[re.Match[str], list[_Column], int]  # the header's first line, its columns, where it ends


def _headers_of_categories(text: str) -> list[_Header]:
    """Each header of categories whose unit is named — by the caption (單位：萬美元), by every column's
    heading (營業額（億元）, 檢查場次) or on a line of its own under them — with its columns."""
    if not _names_units(text):
        return []  # no unit named, no such table: the header's pattern is not worth running
    found = []
    for header in _CATEGORY_HEADER.finditer(text):
        headings = _COLUMN_NAME_RE.findall(header.group(1))
        if sum(1 for heading in headings if _YEAR_OPENING.match(heading)) > 1:
            continue  # '項目  113 年實績  116 年目標': a header of periods, read as one
        columns = [_category_column(name) for name in headings]
        end = header.end()
        units_line = _UNITS_LINE.match(text, end)
        if units_line is not None:
            columns, end = _in_units_below(header, columns, units_line), units_line.end()
        if _table_unit(text, header.start()) is None:
            columns = _in_units_named(columns, _table_units(text, header.start()))
        columns = [_rate_in_percent(column) for column in columns]
        if _table_unit(text, header.start()) is not None or all(column.unit for column in columns):
            found.append((header, columns, end))
    return found


# A header's second line, only its columns' units in brackets, under their names (pdftotext -layout):
#     類別      件數      決標金額
#                         （億元）
_UNITS_LINE = re.compile(r"\n[ \t　]*[(（][^()（）\s]{1,6}[)）](?:[ \t　]+[(（][^()（）\s]{1,6}[)）])*[ \t　]*(?=\n|$)")
_BRACKETED_WORD = re.compile(r"[(（]([^()（）\s]{1,6})[)）]")


def _in_units_below(header: re.Match[str], columns: list[_Column], units_line: re.Match[str]) -> list[_Column]:
    """The units of the line under a header given to the columns naming none, in order; or, where
    their numbers differ, each to the column it stands under (the last to start at or before it, as
    pdftotext -layout aligns them)."""
    found = [(unit, bracket.start()) for bracket in _BRACKETED_WORD.finditer(units_line.group(0).lstrip("\n"))
             if (unit := _unit_named(bracket.group(1))) is not None]
    without = [index for index, column in enumerate(columns) if column.unit is None]
    if len(found) == len(without):
        places = without
    else:
        starts = [header.start(1) - header.start() + name.start() for name in re.finditer(r"\S+", header.group(1))]
        places = [max((index for index, start in enumerate(starts) if start <= at + 2), default=-1) for _, at in found]
    columns = list(columns)
    for (unit, _), index in zip(found, places, strict=True):
        if index >= 0:
            columns[index] = replace(columns[index], unit=unit)
    return columns


def _table_units(text: str, header_start: int) -> list[UnitMatch]:
    """The units a 單位 line names one after another, for columns of different kinds: '單位：人、%', '單位：億美元；%'."""
    named = list(_TABLE_UNITS.finditer(text, max(0, header_start - 80), header_start))
    units = [_unit_named(word) for word in re.split(r"[、，,/；;]", named[-1].group(1))] if named else []
    return [unit for unit in units if unit is not None] if all(units) else []


_TABLE_UNITS = re.compile(r"單位\s*[：:]\s*([^()（）\s。：:]{1,12})")


def _in_units_named(columns: list[_Column], units: list[UnitMatch]) -> list[_Column]:
    """Columns with no unit of their own given the table's: a share column its percent, the others
    the one other unit (僑胞人數, 有效持卡人數 in 人 and 占比 in % of '單位：人、%')."""
    percent = [unit for unit in units if unit.spec.dimension == "percent"]
    others = [unit for unit in units if unit.spec.dimension != "percent"]
    if len(others) >= 2 and percent:
        return _in_units_in_order(columns, units)
    if len(units) < 2 or len(others) != 1:
        return columns
    return [column if column.unit else replace(column, unit=(percent[0] if column.kind == "share" and percent else others[0])) for column in columns]


def _in_units_in_order(columns: list[_Column], units: list[UnitMatch]) -> list[_Column]:
    """'單位：件；%；人' over '發生數 破獲數 破獲率 嫌疑犯': the units in the columns' order, a rate (破獲率)
    taking the next %, the columns after it the unit after that. Unread where rates and %s do not pair."""
    rates = [column for column in columns if not column.unit and _RATE_COLUMN.search(column.name)]
    if len(rates) != sum(1 for unit in units if unit.spec.dimension == "percent"):
        return columns
    at, read = 0, []
    for column in columns:
        if column.unit is not None:
            read.append(column)
            continue
        rate = _RATE_COLUMN.search(column.name) is not None
        while at < len(units) and (units[at].spec.dimension == "percent") != rate:
            at += 1
        if at == len(units):
            return columns
        read.append(replace(column, unit=units[at]))
        at += 1 if rate else 0
    return read


_RATE_COLUMN = re.compile(r"率$|占比|佔比|比重")


def _period_rows(text: str, exprs: list[TimeExpr], headers: list[_Header]) -> Iterator[Cell]:
    """The cells of each table whose rows are periods, under a header of categories and a named unit:

        表 1　外匯存底變動（單位：億美元）
        月底            外匯存底    較上月增減
        113 年 9 月底   5,768.9     +48.5

    Each number is of its column (外匯存底) for its row's period; a column of changes holds changes."""
    starts = {expr.start: expr for expr in exprs if expr.role in ("period", "as_of")}
    for header, columns, end in headers:
        unit, caption = _table_unit(text, header.start()), _caption(text, header.start())
        position, periods = end + 1, []
        while (row := _period_row(text, position, starts, len(columns))) is not None:
            period, numbers = row
            periods.append(period)
            for found, column in zip(numbers, columns, strict=True):
                cell = _cell(text, found.start(), found.end(), column.unit or unit)
                if cell is not None:
                    if _CHANGE_HEADING.fullmatch(column.name):
                        yield Cell(cell, column.name, _month_to(period), "change", caption)
                    else:
                        yield Cell(cell, column.name, period, column.kind, caption)
            position = text.find("\n", numbers[-1].end()) + 1 or len(text)
        total = _TOTAL_ROW.match(text, position)
        if periods and total is not None and periods[0].period_start and periods[-1].period_end:
            # '合計 408,463 2,760,046' under the quarters: the whole span the rows make up
            whole = replace(periods[0], text=f"{periods[0].text.strip()}至{periods[-1].text.strip()}", period_end=periods[-1].period_end)
            numbers = list(_CELL_IN_ROW.finditer(text, total.end(1), total.end()))
            if len(numbers) == len(columns):
                for found, column in zip(numbers, columns, strict=True):
                    cell = _cell(text, found.start(), found.end(), column.unit or unit)
                    if cell is not None and not _CHANGE_HEADING.fullmatch(column.name):
                        yield Cell(cell, f"{total.group(1)} {column.name}", whole, column.kind, caption)


_TOTAL_ROW = re.compile(rf"[ \t　]*(合計|總計)((?:[ \t　]+{_CELL_TEXT})+)[ \t　]*(?=\n|$)")


_CHANGE_HEADING = re.compile(rf"(?:較\S{{0,4}})?(?:{_RATES_OF_CHANGE}|增減幅度|增減|變動)")


def _period_row(text: str, position: int, starts: dict[int, TimeExpr], width: int) -> tuple[TimeExpr, list[re.Match[str]]] | None:
    """A row that opens with a period and holds `width` numbers, the rest of its line, if one starts at `position`."""
    line_end = text.find("\n", position)
    line_end = len(text) if line_end < 0 else line_end
    opening = _ROW_OPENING.match(text, position, line_end)
    period = starts.get(opening.end()) if opening else None
    if period is None:
        return None
    numbers = list(_CELL_IN_ROW.finditer(text, period.end, line_end))
    if len(numbers) != width or text[period.end:line_end].translate(_NO_SPACE).strip() != "".join(n.group(0).strip() for n in numbers):
        return None
    return period, numbers


def _month_to(period: TimeExpr) -> TimeExpr:
    """A change to a month's end ('113 年 9 月底' in a column 較上月增減) is the change over that month."""
    if period.role != "as_of" or period.period_end is None:
        return period
    return replace(period, period_start=period.period_end.replace(day=1), role="period")


_ROW_OPENING = re.compile(r"[ \t　]*")
_CELL_IN_ROW = re.compile(rf"[+＋]?{_CELL_TEXT}")
_NO_SPACE = str.maketrans("", "", " \t　")


def _category_headers(text: str, exprs: list[TimeExpr], headers: list[_Header]) -> Iterator[tuple[int, list[_Column], int]]:
    """(where the header starts, its columns, where it ends) of each table headed by categories, its unit
    named, under a caption that dates it (113 年)."""
    for header, columns, end in headers:
        corner = [expr for expr in exprs if header.start() <= expr.start < header.start(1) and expr.role in ("period", "as_of")]
        dated = corner or _caption_dates(text, header.start(), exprs, ("period", "as_of"))
        if not dated:
            continue
        own = [next((expr for expr in exprs if heading.start() <= expr.start < heading.end()), None)
               for heading in _COLUMN_NAME_RE.finditer(text, header.start(1), header.end(1))]
        yield header.start(), [replace(column, period=year or dated[-1]) for column, year in zip(columns, own, strict=True)], end


def _caption_dates(text: str, header_start: int, exprs: list[TimeExpr], roles: tuple[str, ...]) -> list[TimeExpr]:
    """The dates of the given roles on the line before a table's header (its caption: '表 1 113 年…統計')."""
    caption_start = text.rfind("\n", 0, max(0, header_start - 1)) + 1
    if text[caption_start:header_start].lstrip().startswith("單位"):  # '表 1　113 年底…' / '單位：人、%' / the header
        caption_start = text.rfind("\n", 0, max(0, caption_start - 1)) + 1
    return [expr for expr in exprs if caption_start <= expr.start < header_start and expr.role in roles]


_NO_PERIOD = TimeExpr(0, 0, "", None, None, "period")


def _category_column(heading: str) -> _Column:
    """A category's column, its unit read off its heading's brackets (面積（公頃） → 面積, 公頃) or the
    measure word its name counts in (檢查場次 → 場次, 違法件數 → 件)."""
    heading = _YEAR_OPENING.sub("", heading, count=1)  # its year dates it
    bracketed = _BRACKETED_UNIT.search(heading)
    unit = _unit_named(bracketed.group(1)) if bracketed else None
    name = heading[: bracketed.start()] if bracketed and unit else heading
    if unit is None and not bracketed:
        unit = _counted_in(name)
    return _Column(_NO_PERIOD, "share" if _SHARE_COLUMN.search(name) else "actual", name, unit)


def _rate_in_percent(column: _Column) -> _Column:
    """A rate's column the table gives no unit, in percent: '規模(億元)  收益數(億元)  收益率'."""
    return replace(column, unit=_unit_named("%")) if column.unit is None and _A_RATE.search(column.name) else column


_A_RATE = re.compile(r"(?<=[\u4e00-\u9fff])率$")


def _counted_in(name: str) -> UnitMatch | None:
    """The measure word a column's name ends in, or counts by: 檢查場次 → 場次, 違法件數 → 件."""
    counted = _COUNTED_BY.search(name)
    return _unit_named(counted.group(1) or counted.group(2)) if counted else None


_COUNTERS_NAMED = "|".join(sorted((c for c in COUNTERS if len(c) > 1 or c in "件家人戶案"), key=len, reverse=True))
_COUNTED_BY = re.compile(rf"(?<=[\u4e00-\u9fff])({_COUNTERS_NAMED})數?$|^({_COUNTERS_NAMED})數$")  # 檢查場次, 違法件數; 件數


def _change_unit(heading: str) -> UnitMatch | None:
    """The unit of a column of changes: the one its heading brackets (增減率(%)), a rate's percent (成長率)."""
    bracketed = _BRACKETED_UNIT.search(heading.strip())
    if bracketed:
        return _unit_named(bracketed.group(1))
    return _unit_named("%") if heading.strip().endswith("率") else None


def _headers(text: str, exprs: list[TimeExpr]) -> Iterator[tuple[list[TimeExpr], list[str], str, int]]:
    """(the period columns, each one's kind, the heading of a column of changes after them or '', where the header ends)."""
    index = 0
    while index < len(exprs):
        run = [exprs[index]]
        while index + len(run) < len(exprs) and _between_columns(text, run[-1].end, exprs[index + len(run)].start):
            run.append(exprs[index + len(run)])
        index += len(run)
        if len(run) < 2 or any(expr.role not in ("period", "as_of") for expr in run):  # '113 年 8 月底 114 年 1 月底': stocks at two dates
            continue
        line_start = text.rfind("\n", 0, run[0].start) + 1
        if _HEADER_LABEL.fullmatch(text, line_start, run[0].start) is None:
            continue
        columns = [_same_span(text, expr, run[0]) for expr in run]
        kinds = [_column_kind(text, column.end) for column in columns]
        last = _COLUMN_KIND.match(text, columns[-1].end)
        changes = _CHANGE_COLUMN.match(text, last.end() if last else columns[-1].end)
        yield columns, kinds, changes.group(0) if changes else "", changes.end() if changes else (last.end() if last else columns[-1].end)


_SAME_SPAN = re.compile(r"[ \t　]*同期")  # '113 年 1-6 月 112 年同期': the same months a year before


# What a period's heading may say after it: '113 年實績', '116 年目標', '114 年（預測）'.
_COLUMN_KIND = re.compile(r"[ \t　]*[(（]?(實績|實際|目標|預估|估計|預計|預測)[)）]?")
_KIND_OF_COLUMN = {"實績": "actual", "實際": "actual", "目標": "target", "預估": "forecast", "估計": "forecast", "預計": "target", "預測": "forecast"}


def _column_kind(text: str, end: int) -> str:
    said = _COLUMN_KIND.match(text, end)
    return _KIND_OF_COLUMN[said.group(1)] if said else "actual"


def _between_columns(text: str, end: int, next_start: int) -> bool:
    same = _SAME_SPAN.match(text, end, next_start) or _COLUMN_KIND.match(text, end, next_start)
    return not text[same.end() if same else end:next_start].strip() and end <= next_start


def _same_span(text: str, column: TimeExpr, first: TimeExpr) -> TimeExpr:
    """A column headed '112 年同期' covers the first column's months in its own year."""
    same = _SAME_SPAN.match(text, column.end)
    if same is None or column.period_start is None or first.period_start is None or first.period_end is None:
        return column
    year = column.period_start.year
    try:
        start, end = first.period_start.replace(year=year), first.period_end.replace(year=year)
    except ValueError:  # 2 月 29 日 in a year without one
        return column
    return replace(column, end=same.end(), text=text[column.start:same.end()], period_start=start, period_end=end)


def _rows(text: str, columns: list[_Column], header_start: int, position: int) -> Iterator[Cell]:
    # a row may run on from the last without a break: '508.3資源回收率 57.7%'
    row = re.compile(rf"\s*(?P<label>{_EDITION}?{_LABEL})" + rf"[ \t　]+({_ROW_CELL_TEXT})" * len(columns) + r"(?![\d.,])")
    table_unit = _table_unit(text, header_start)
    caption = _caption(text, header_start)
    while (found := row.match(text, position)) is not None:
        spans = [found.span(index + 2) for index in range(len(columns))]
        yield from _row_cells(text, found.group("label"), spans, columns, table_unit, caption)
        position = found.end()


def _row_cells(text: str, label: str, spans: list[tuple[int, int]], columns: list[_Column], table_unit: UnitMatch | None,
               caption: str) -> Iterator[Cell]:
    """A row's cells: each number (at `spans`) in its label's unit, its column's or its table's."""
    bracketed = _BRACKETED_UNIT.search(label)
    label_unit = _unit_named(bracketed.group(1)) if bracketed else None
    name = label[: bracketed.start()] if bracketed else label
    for (start, end), column in zip(spans, columns, strict=True):
        cell = _cell(text, start, end, label_unit or column.unit or table_unit)
        if cell is not None:
            bound = _BOUND.search(text, start, end)
            kind = "change" if column.kind == "actual" and _CHANGE_ROW.search(name) else column.kind  # '出口成長率(%) 2.1 -3.6'
            yield Cell(cell, f"{name} {column.name}".strip() if column.name else name, column.period, kind, caption,
                       _BOUNDS[bound.group(0)] if bound else "exact")


_BOUND = re.compile(r"(?:以下|以上)$")
_CHANGE_ROW = re.compile(rf"{_RATES_OF_CHANGE}|增加率|減少率|上漲率")
_BOUNDS = {"以下": "up_to", "以上": "more_than"}


def _cell(text: str, start: int, end: int, named: UnitMatch | None) -> Figure | None:
    """A cell's number with its own unit (57.7%, 3 萬 3,437 美元) or the one its row or table names."""
    own = next(find_figures(text[start:end], []), None)
    if own is not None and own.start == 0:
        return replace(own, start=start + own.start, end=start + own.end, unit=replace(own.unit, end=start + own.unit.end))
    number = _CELL.match(text, start)
    if number is None:
        return None
    value = value_of_arabic(number.group("num"))
    own = match_unit(text, number.end())
    unit = own if own is not None and own.end <= end else named
    if value is None or unit is None:
        return None
    if number.group("sign") in ("-", "−"):
        value = -value
    figure_end = unit.end if unit is own else number.end()
    return Figure(start, figure_end, value, None, unit, unit.text, False)


def _caption(text: str, header_start: int) -> str:
    """The sentence before the header that introduces the table, its unit's line and all, after the
    clause of the text that points to it by number: '各類走私案件查獲情形如表 1' + '表 1 …統計（單位：件）'."""
    line_start = text.rfind("\n", 0, header_start) + 1
    sentence_start = max(text.rfind("。", 0, max(0, line_start - 1)) + 1, 0)
    caption = text[sentence_start:line_start]
    numbered = _TABLE_NUMBER.search(caption)
    pointer = re.search(rf"[^，。；\n]*[如見詳]\s*表\s*{numbered.group(1)}(?!\d)", text[:sentence_start]) if numbered else None
    return f"{pointer.group(0)}，{caption}" if pointer else caption


_TABLE_NUMBER = re.compile(r"表\s*(\d{1,2})(?!\d)")


def _unit_named(words: str) -> UnitMatch | None:
    """The unit a bracket or a 單位 names, whole: (萬公噸), （%）, （人）."""
    unit = match_unit(words, 0)
    return unit if unit is not None and unit.end == len(words) else None


def _table_unit(text: str, header_start: int) -> UnitMatch | None:
    """'…出口值如下（單位：百萬美元）：' just before the header."""
    named = None
    for found in _TABLE_UNIT.finditer(text, max(0, header_start - 80), header_start):
        named = _unit_named(found.group(1))
    return named


# Two lines in a row holding a number and nothing else: the mark of a table printed one cell a line.
# Numbers alone on their lines, one after another or each after its row's label (a table of one column).
_TWO_CELL_LINES = re.compile(rf"^[ \t　]*{_NUMBER}[ \t　]*\n(?:[^\d\n]{{1,24}}\n)?[ \t　]*{_NUMBER}[ \t　]*$", re.MULTILINE)
_CELL_LINE = re.compile(rf"[ \t　]*({_CELL_TEXT})[ \t　]*")
_LABEL_LINE = re.compile(rf"[ \t　]*({_LABEL})[ \t　]*")
_HEADING_LINE = re.compile(r"[ \t　]*[^，。；：:、\s](?:[^，。；：:、]{0,15}[^，。；：:、\s])?[ \t　]*")
_TOTAL_COLUMN = re.compile(r"合計|總計|小計|總數|全年|累計")


def cell_a_line_tables(lines: list[str]) -> Iterator[tuple[int, int, int]]:
    """(first line, columns, rows) of each table printed one cell a line among `lines`: a first word,
    one to eight headings, then at least two rows (three for one column) of a label and as many numbers, each alone on its line."""
    index = 0
    while index < len(lines):
        found = _cell_a_line_table(lines, index)
        if found is None:
            index += 1
            continue
        yield index, *found
        index += (1 + found[0]) * (1 + found[1])


def _cell_a_line_table(lines: list[str], first: int) -> tuple[int, int] | None:
    """(columns, rows) of the table whose first word stands on line `first`, if one does."""
    if not _is_label(lines[first]):
        return None
    for width in range(1, 9):
        headings = lines[first + 1:first + 1 + width]
        if len(headings) < width or not all(_is_heading(heading) for heading in headings):
            return None
        rows = 0
        row = first + 1 + width
        while row + width < len(lines) and _is_label(lines[row]) and all(_is_cell(cell) for cell in lines[row + 1:row + 1 + width]):
            rows += 1
            row += 1 + width
        if rows >= (3 if width == 1 else 2):  # one column ('職務' '人數' then label, number…): a third row to be sure
            return width, rows
    return None


def _is_label(line: str) -> bool:
    return (_LABEL_LINE.fullmatch(line) is not None or _PERIOD_LINE.fullmatch(line) is not None) and _CELL_LINE.fullmatch(line) is None


# A row named by its period: '111 年', '114 年 1-8 月', '113 年上半年'.
_PERIOD_LINE = re.compile(r"[ \t　]*\d{2,3}\s*年(?:度)?\s*(?:\d{1,2}\s*(?:[-~～至]\s*\d{1,2}\s*)?月(?:底)?|[上下]半年|第\s*[1-4一二三四]\s*季)?[ \t　]*")


def _is_heading(line: str) -> bool:
    return _HEADING_LINE.fullmatch(line) is not None and not _is_cell(line)


def _is_cell(line: str) -> bool:
    return _CELL_LINE.fullmatch(line) is not None


def _cells_one_a_line(text: str, exprs: list[TimeExpr]) -> Iterator[Cell]:
    """The cells of each table printed one cell a line, read by their row's label and their column's heading."""
    spans = _lines(text)
    for first, width, rows in cell_a_line_tables([text[start:end] for start, end in spans]):
        header_start = spans[first][0]
        labels = [first + (1 + width) * (row + 1) for row in range(rows)]
        columns = _one_a_line_columns(text, header_start, spans[first + 1:first + 1 + width], exprs)
        # rows named by their periods ('111 年', '114 年 1-8 月') under headings of categories: each row dates its cells
        row_periods = [] if columns else [_period_of_line(text, spans[label], exprs) for label in labels]
        if row_periods and all(row_periods):
            columns = [_category_column(text[slice(*heading)].strip()) for heading in spans[first + 1:first + 1 + width]]
        if not columns:
            continue
        columns = _in_units_named(columns, _table_units(text, header_start))
        unit, caption = _table_unit(text, header_start), _caption(text, header_start)
        for row, label in enumerate(labels):
            cells = [_CELL_LINE.fullmatch(text, *spans[line]) for line in range(label + 1, label + 1 + width)]
            if all(cells):  # each was read as a cell to find the table
                label_text = "" if row_periods else text[slice(*spans[label])].strip()
                dated = [replace(column, period=row_periods[row]) for column in columns] if row_periods else columns
                yield from _row_cells(text, label_text, [cell.span(1) for cell in cells if cell], dated, unit, caption)


def _periods_within(exprs: list[TimeExpr], start: int, end: int) -> list[TimeExpr]:
    """The periods and as-of dates that start between `start` and `end`."""
    return [expr for expr in exprs if start <= expr.start < end and expr.role in ("period", "as_of")]


def _period_of_line(text: str, span: tuple[int, int], exprs: list[TimeExpr]) -> TimeExpr | None:
    """The period a row's label is, where the label is one ('113 年', '114 年 1-8 月')."""
    start, end = span
    own = _periods_within(exprs, start, end)
    return own[0] if own and not text[start:own[0].start].strip() and _PERIOD_LINE.fullmatch(text, start, end) else None


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, its break left out."""
    spans, start = [], 0
    for found in re.finditer(r"\n", text):
        spans.append((start, found.start()))
        start = found.end()
    spans.append((start, len(text)))
    return spans


def _one_a_line_columns(text: str, header_start: int, headings: list[tuple[int, int]], exprs: list[TimeExpr]) -> list[_Column]:
    """Each heading's column: a period of its own, or the caption's period for a total, a share or a
    category. No columns where a heading needs the caption's period and the caption names none."""
    dated = _caption_dates(text, header_start, exprs, ("period", "as_of"))
    columns = []
    for start, end in headings:
        heading = text[start:end].strip()
        own = _periods_within(exprs, start, end)  # '113 年' (its expression may take the break after it)
        if own and not text[start:own[0].start].strip():
            columns.append(_Column(own[0], _column_kind(text, own[-1].end), ""))
        elif columns and not columns[-1].name and _CHANGE_COLUMN.fullmatch(heading):
            columns.append(_Column(columns[-1].period, "change", ""))  # '113 年底' '114 年 8 月底' '增減': to the latest period
        elif not dated:
            return []
        elif _TOTAL_COLUMN.fullmatch(heading):
            columns.append(_Column(dated[-1], "actual", ""))
        else:
            columns.append(replace(_category_column(heading), period=dated[-1]))
    return columns


# A table saved from Word with tabs between its cells, one row a line, where a column's heading is a period
# and what its cells hold (a plan's key performance indicators, its programmes' budgets):
#
#     關鍵策略目標	關鍵績效指標	衡量標準	115 年度目標值
#     推動淨零轉型及碳定價	碳費申報完成率	完成申報家數÷應申報家數×100%	98%
#
#     計畫名稱	實施期間	115 年度預算（千元）	計畫概要
#     空氣品質改善計畫	113 年至 116 年	2,318,760	汰換老舊機車…
#
# Each number of such a column is a figure of its row, named by the row's indicator or name (the first
# column headed so, else the first cell that says anything), for that period, in its own unit or the heading's.
_TAB_HEADER = re.compile(r"^[^\t\n]+(?:\t[^\t\n]+){2,7}$", re.MULTILINE)
_NAMING_HEADING = re.compile(r"指標|名稱|項目")
_MEASURED_HEADING = re.compile(r"\s*(?P<name>(?:年度)?(?:目標值|實際值|實績值|達成度|達成率))\s*(?:[(（](?P<unit>[^()（）]{1,4})[)）])?\s*")
_A_DIGIT = re.compile(r"\d")
_WORDS = re.compile(r"[\u4e00-\u9fff]")


def _cells_of_tab_tables(text: str, exprs: list[TimeExpr]) -> Iterator[Cell]:
    for header in _TAB_HEADER.finditer(text):
        headings = _tab_cells(text, header.start(), header.end())
        dated = [(index, column) for index, (start, end) in enumerate(headings) if (column := _column_of_heading(text, start, end, exprs))]
        if not dated or any(_A_DIGIT.search(text, start, end) for index, (start, end) in enumerate(headings) if index not in dict(dated)):
            continue  # a header names its columns; a row of figures is none
        naming = next((index for index, (start, end) in enumerate(headings) if _NAMING_HEADING.search(text, start, end)), None)
        caption, position = _caption(text, header.start()), header.end() + 1
        while position < len(text) and 2 <= len(row := _tab_cells(text, position, _line_end(text, position))) <= len(headings):
            row = [(position, position)] * (len(headings) - len(row)) + row  # cells merged with the row above lost their tabs
            label = _row_label(text, row, naming)
            for index, column in dated:
                cell = _cell(text, *_stripped(text, *row[index]), column.unit)
                if cell is not None:
                    yield Cell(cell, f"{label} {column.name}".strip(), column.period, column.kind, caption)
            position = row[-1][1] + 1


def _column_of_heading(text: str, start: int, end: int, exprs: list[TimeExpr]) -> _Column | None:
    """'115 年度目標值', '115 年度預算（千元）': the column of a period, its kind and unit as its heading says;
    '年度目標值', '實際值', '達成度(%)': a performance report's columns of what was aimed at and what was done."""
    own = _periods_within(exprs, start, end)
    if not own:
        measured = _MEASURED_HEADING.fullmatch(text, start, end)
        if measured is None:
            return None
        unit = _unit_named(measured.group("unit")) if measured.group("unit") else None
        return _Column(None, "target" if "目標" in measured.group("name") else "actual", measured.group("name"), unit)
    if text[start:own[0].start].strip() or not _WORDS.search(text, own[-1].end, end):
        return None  # '115 年度目標值' heads a column; '114 年至 117 年' is a row's span
    bracketed = _BRACKETED_UNIT.search(text, own[-1].end, end)
    name = text[own[-1].end:bracketed.start() if bracketed else end].strip()  # 預算, 目標值: what the column holds
    return _Column(own[0], _column_kind(text, own[-1].end), name, _unit_named(bracketed.group(1)) if bracketed else None)


def _tab_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each tab-parted cell of text[start:end]."""
    spans, cell_start = [], start
    for tab in re.finditer("\t", text[start:end]):
        spans.append((cell_start, start + tab.start()))
        cell_start = start + tab.end()
    spans.append((cell_start, end))
    return spans


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " 　":
        start += 1
    while end > start and text[end - 1] in " 　":
        end -= 1
    return start, end


def _row_label(text: str, row: list[tuple[int, int]], naming: int | None) -> str:
    if naming is not None and text[slice(*row[naming])].strip():
        return text[slice(*row[naming])].strip()
    return next((text[start:end].strip() for start, end in row if text[start:end].strip()), "")
