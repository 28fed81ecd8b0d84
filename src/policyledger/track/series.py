"""The same indicator over periods, within one report: 109 年第 2/3/4 季 subsidies approved,
備用容量率 in 108 and 109.

Two achieved figures belong to one series when they are in the same unit, are stated for
different times, and measure the same thing:

- in the same item or in sibling items (A. 109 年第 2 季 / B. 第 3 季 / C. 第 4 季), when the
  words right at them say the same (核准 … 家, 備用容量率); a report often repeats a block for
  another programme elsewhere, and such blocks are never joined across sections this way;
- anywhere in the report, when both name the same rare thing as a whole word (漏水率).

Figures are joined transitively; a series keeps one figure per period (the first stated) and
needs at least two periods.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from policyledger.records import claim_record, number
from policyledger.track.indicator import Indicators, cosine, label, measures
from policyledger.track.naming import naming_text, whole_name
from policyledger.track.report import Figure, Report

NEAR_SIMILARITY = 0.6  # own words of figures in one item or sibling items
FAR_SIMILARITY = 0.3  # own words of figures elsewhere that share a rare name
MAX_RATIO = 10.0  # consecutive statements of one indicator rarely differ tenfold
RARE_NAME_SENTENCES = 4


@dataclass(frozen=True)
class Series:
    doc: str
    indicator: str
    points: tuple[Figure, ...]  # in time order, one per period
    report_date: date | None = None

    @property
    def unit(self) -> str:
        return self.points[0].claim.base_unit

    @property
    def path(self) -> str:
        """The deepest section holding every point."""
        parts = [point.path.split("/") for point in self.points]
        common: list[str] = []
        for pieces in zip(*parts, strict=False):
            if len(set(pieces)) != 1:
                break
            common.append(pieces[0])
        return "/".join(common)

    def record(self) -> dict[str, Any]:
        first, last = self.points[0].claim, self.points[-1].claim
        return {
            "doc": self.doc,
            "path": self.path,
            "indicator": self.indicator,
            "unit": self.unit,
            "dimension": first.dimension,
            "points": [_point(self.doc, point, self.report_date) for point in self.points],
            "change": number(last.base_value - first.base_value),
            "change_ratio": round(last.base_value / first.base_value - 1, 4) if first.base_value else None,
        }


def _point(doc: str, figure: Figure, report_date: date | None) -> dict[str, Any]:
    at = _at(figure.stated_for(report_date))
    return {**claim_record(doc, figure.claim), "when": at.isoformat(), "evidence": figure.quote()}


def _at(period: Period) -> date:
    """The date a point is drawn at: the end of its period (or its as-of date)."""
    return period[1] or period[0] or date.min


def find_series(report: Report, indicators: Indicators | None = None) -> list[Series]:
    indicators = indicators or Indicators(report)
    dated = [f for f in report.figures if f.claim.kind in ("actual", "share") and f.claim.value_high is None and (f.claim.period_end or f.claim.period_start)]
    names = {f.index: naming_text(f, report) for f in dated}
    owns = {f.index: indicators.profile([(names[f.index].rsplit("\n", 1)[-1], 1.0)]) for f in dated}
    periods = {f.index: f.stated_for(report.report_date) for f in dated}
    links = _UnionFind()
    for position, first in enumerate(dated):
        for second in dated[position + 1 :]:
            if _linked(first, second, periods, names, owns, indicators):
                links.join(first.index, second.index)
    by_index = {f.index: f for f in dated}
    found = [_series(report, [by_index[i] for i in group], periods) for group in links.groups()]
    return sorted((s for s in found if s is not None), key=lambda s: s.points[0].index)


Period = tuple[date | None, date | None]


def _linked(a: Figure, b: Figure, periods: dict[int, Period], names: dict[int, str], owns: dict[int, Any], indicators: Indicators) -> bool:
    first_period, second_period = periods[a.index], periods[b.index]
    if a.claim.base_unit != b.claim.base_unit or first_period == second_period or _overlap(first_period, second_period):
        return False
    low, high = sorted((abs(a.claim.base_value), abs(b.claim.base_value)))
    if low == 0 or high / low > MAX_RATIO:
        return False
    first, second = measures(a.own), measures(b.own)
    if first and second and not first & second:
        return False
    similarity = cosine(owns[a.index], owns[b.index])
    if _near(a.path, b.path) and similarity >= NEAR_SIMILARITY:
        return True
    if similarity < FAR_SIMILARITY:
        return False
    name = indicators.shared_name(names[a.index], names[b.index], min_length=3, max_sentences=RARE_NAME_SENTENCES)
    return bool(name) and whole_name(name, names[a.index]) and whole_name(name, names[b.index])


def _overlap(first: Period, second: Period) -> bool:
    """Both are periods (not as-of dates) and the periods overlap: not two points in time."""
    (a_start, a_end), (b_start, b_end) = first, second
    if not (a_start and a_end and b_start and b_end):
        return False
    return a_start <= b_end and b_start <= a_end


def _near(first: str, second: str) -> bool:
    """The same item, or items with the same parent."""
    return first == second or first.rpartition("/")[0] == second.rpartition("/")[0]


def _series(report: Report, figures: list[Figure], periods: dict[int, Period]) -> Series | None:
    points: dict[Period, Figure] = {}
    for figure in sorted(figures, key=lambda f: f.index):
        points.setdefault(periods[figure.index], figure)
    if len(points) < 2:
        return None
    ordered = tuple(sorted(points.values(), key=lambda f: (_at(periods[f.index]), f.index)))
    return Series(report.doc_id, _indicator(ordered), ordered, report.report_date)


def _indicator(points: tuple[Figure, ...]) -> str:
    """The name the points share in their own words, else the first point's own words."""
    names = [label(point.claim.subject) for point in points]
    common = names[0]
    for name in names[1:]:
        while common and common not in name:
            common = common[:-1]
    return common if len(common) >= 2 else names[0] or points[0].claim.text


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, item: int) -> int:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)

    def groups(self) -> list[list[int]]:
        grouped: dict[int, list[int]] = {}
        for item in self.parent:
            grouped.setdefault(self.find(item), []).append(item)
        return list(grouped.values())
