"""Targets set against what has been achieved: is the ministry on track?

Every target figure is paired with the latest achieved figure of the same indicator — same
normalized unit, and words that say the same thing — looked for nearest first:

1. the same sentence (屋頂型太陽光電 114 年目標 8GW，…設置量已於 109 年底達 4.08GW): the text
   makes the pair itself;
2. the same item, then the same section (the item's parent and everything under it), where the
   indicator's words must match more closely the further away the figure stands;
3. anywhere in the report, only for a close match that shares a rare name (備用容量率).

Among the figures of the nearest place that qualify, the latest (by the date it is stated for)
wins; `reason` says where it was found and why, and both sentences are kept as evidence.

An achieved figure must read as one: `actual` or `share`, dated no later than the report, and
not a plan in disguise (共核配 5.5 GW 於 114 年前陸續完成商轉 names a future year).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from policyledger.records import claim_record, number
from policyledger.textnorm import fold
from policyledger.track.indicator import Indicators, is_flow, label, measures, specific_name
from policyledger.track.report import Figure, Report
from policyledger.track.series import Series

ACHIEVED_KINDS = ("actual", "share")
SKIPPED_DIMENSIONS = ("duration",)  # 3 年內、10 年: a time frame, not an indicator
# Least word similarity for a pair found in the same item, the same section, anywhere in the
# report (away from its own item a target's specific name must be found at the figure as well).
THRESHOLDS = {"item": 0.12, "section": 0.12, "report": 0.25}
NEAR_BEST = 0.75  # figures this close to the best match count as the same indicator; the latest wins
_ACHIEVED_CUE = re.compile(r"已|達|完成|累計|截至|截止|迄|實際|共計|計有|總計|合計|核准")
_PLAN_CUE = re.compile(r"規劃|預計|預期|將|可望|目標|計畫於|擬")
_DECREASE = re.compile(r"降[至到低]|減[至到少]|低於|以下|不超過|控制在|下降")
_ROC_YEAR = re.compile(r"(?<![0-9.])(1[0-4][0-9])\s*(?:年|至|~|－|-)")
DAYS_PER_YEAR = 365.25


@dataclass(frozen=True)
class TargetPair:
    """A target, the achieved figure it was paired with (or None), and how far it has come."""

    doc: str
    target: Figure
    actual: Figure | None
    indicator: str
    basis: str  # sentence, item, section, report or none
    reason: str
    similarity: float | None
    report_date: date | None
    history: tuple[Figure, ...] = ()  # earlier figures of the achieved figure's series, oldest first

    @property
    def comparable(self) -> bool:
        return self.actual is not None and self.actual.claim.base_unit == self.target.claim.base_unit and self.target.claim.base_value != 0

    @property
    def progress(self) -> float | None:
        """actual ÷ target, when both are in the same unit."""
        if not self.comparable or self.actual is None:
            return None
        return self.actual.claim.base_value / self.target.claim.base_value

    @property
    def direction(self) -> str:
        """`decrease` for targets to bring a figure down (漏水率…降到 10%), else `increase`."""
        return "decrease" if _DECREASE.search(self.target.before[-20:] + self.target.own) else "increase"

    @property
    def due(self) -> date | None:
        return self.target.claim.period_end

    @property
    def as_of(self) -> date | None:
        """When the progress is measured: the report's date, else the achieved figure's date."""
        return self.report_date or (self.actual.claim.period_end if self.actual else None)

    @property
    def years_left(self) -> float | None:
        if self.due is None or self.as_of is None:
            return None
        return (self.due - self.as_of).days / DAYS_PER_YEAR

    @property
    def remaining(self) -> float | None:
        """How much is still to be achieved, in the normalized unit (0 once met)."""
        if not self.comparable or self.actual is None:
            return None
        gap = self.target.claim.base_value - self.actual.claim.base_value
        return max(0.0, -gap if self.direction == "decrease" else gap)

    @property
    def pace_needed(self) -> float | None:
        """The change per year still needed to reach the target by its date."""
        remaining, years = self.remaining, self.years_left
        if not remaining or years is None or years <= 0:
            return None  # unknown, met, or the date has passed
        return remaining / years

    @property
    def pace_as_written(self) -> float | None:
        """The pace in the target's own unit (0.82 GW, 61.9 萬戶), as a reader would say it."""
        pace, claim = self.pace_needed, self.target.claim
        if pace is None or not claim.base_value:
            return None
        return pace * claim.value / claim.base_value

    @property
    def status(self) -> str:
        """met, in_progress, overdue (date passed, not met) or unpaired."""
        if self.actual is None or not self.comparable:
            return "unpaired"
        if self.remaining == 0:
            return "met"
        if self.years_left is not None and self.years_left < 0:
            return "overdue"
        return "in_progress"

    def record(self) -> dict[str, Any]:
        """DESIGN.md's targets object, with the pace fields and both quotes added."""
        evidence = [self.target.quote()] + ([self.actual.quote()] if self.actual else [])
        return {
            "doc": self.doc,
            "path": self.target.path,
            "indicator": self.indicator,
            "target": claim_record(self.doc, self.target.claim),
            "actual": claim_record(self.doc, self.actual.claim) if self.actual else None,
            "progress": _rounded(self.progress),
            "due": self.due.isoformat() if self.due else None,
            "reason": self.reason,
            "basis": self.basis,
            "similarity": _rounded(self.similarity),
            "direction": self.direction,
            "status": self.status,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "years_left": _rounded(self.years_left, 2),
            "remaining": number(self.remaining),
            "pace_needed_per_year": _rounded(self.pace_needed, 6),
            "unit": self.target.claim.base_unit,
            "pace_needed_per_year_as_written": _rounded(self.pace_as_written, 6),
            "written_unit": self.target.claim.unit,
            "evidence": evidence,
            "history": [_history_point(figure, self.report_date) for figure in self.history],
        }


def _history_point(figure: Figure, report_date: date | None) -> dict[str, Any]:
    start, end = figure.stated_for(report_date)
    when = end or start
    return {"when": when.isoformat() if when else None, "text": figure.claim.text, "base_value": number(figure.claim.base_value),
            "path": figure.path, "line": figure.claim.line}


def _rounded(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def pair_targets(report: Report, indicators: Indicators | None = None, series: list[Series] | None = None) -> list[TargetPair]:
    """Every target of the report (time frames excepted) with its achieved figure, in report order;
    with `series`, each pair also carries the series its achieved figure ends (its history)."""
    indicators = indicators or Indicators(report)
    achieved = [figure for figure in report.figures if is_achievement(figure, report.report_date)]
    pairs = [_pair(target, achieved, report, indicators) for target in report.figures if is_target(target)]
    return [_with_history(pair, series) for pair in pairs] if series else pairs


def _with_history(pair: TargetPair, series: list[Series]) -> TargetPair:
    """The points of the series holding the achieved figure, up to and including it."""
    if pair.actual is None:
        return pair
    for found in series:
        indexes = [point.index for point in found.points]
        if pair.actual.index in indexes:
            return replace(pair, history=found.points[: indexes.index(pair.actual.index) + 1])
    return pair


def is_target(figure: Figure) -> bool:
    return figure.claim.kind == "target" and figure.claim.dimension not in SKIPPED_DIMENSIONS


def is_achievement(figure: Figure, report_date: date | None) -> bool:
    """An achieved figure: actual or share, not dated after the report, not a plan in disguise."""
    claim = figure.claim
    if claim.kind not in ACHIEVED_KINDS or claim.dimension in SKIPPED_DIMENSIONS:
        return False
    if report_date and (claim.period_start or claim.period_end or report_date) > report_date:
        return False
    if report_date and _names_future_year(claim.clause, report_date):
        return False
    own_clause = claim.clause
    return not (_PLAN_CUE.search(figure.before) and not _ACHIEVED_CUE.search(own_clause))


def _names_future_year(text: str, report_date: date) -> bool:
    return any(int(year) + 1911 > report_date.year for year in _ROC_YEAR.findall(text))


def _pair(target: Figure, achieved: list[Figure], report: Report, indicators: Indicators) -> TargetPair:
    same_unit = [a for a in achieved if a.claim.base_unit == target.claim.base_unit and a.claim.dimension == target.claim.dimension]
    name = specific_name(target.claim.subject)
    for basis, found in _places(target, same_unit, report):
        scored = [(indicators.similarity(target, a), a) for a in found if _compatible(target, a, basis, name, report)]
        if basis != "sentence":
            scored = [(score, a) for score, a in scored if score >= THRESHOLDS[basis]]
        if scored:
            score, actual = _latest_of_best(target, scored)
            return TargetPair(report.doc_id, target, actual, _indicator(target, actual, indicators, report), basis,
                              _reason(basis, target, actual, score, name, indicators), score, report.report_date)
    return TargetPair(report.doc_id, target, None, _indicator(target, None, indicators, report), "none",
                      f"no achieved figure in {target.claim.base_unit} found for this indicator", None, report.report_date)


def _compatible(target: Figure, actual: Figure, basis: str, name: str | None, report: Report) -> bool:
    """Could the two measure the same thing? Both levels or both amounts added, no two different
    measure words (年產值 is not 投資); away from the target's own item, the target's specific
    name must be found at the other figure (its words, its sentence or its item's title)."""
    if is_flow(target.own) != is_flow(actual.own):
        return False
    target_measures, actual_measures = measures(target.own), measures(actual.own)
    if target_measures and actual_measures and not target_measures & actual_measures:
        return False
    if basis == "sentence" or (basis == "item" and name is None):
        return True
    if name is None:
        return False
    node = report.nodes.get(actual.path)
    return fold(name) in fold(actual.own + actual.before + (node.title if node else ""))


def _places(target: Figure, achieved: list[Figure], report: Report) -> list[tuple[str, list[Figure]]]:
    """The candidates in the same sentence, item, section and report, nearest first."""
    path = target.path
    parent = report.parent(path) or path
    sentence = [a for a in achieved if a.path == path and a.sentence_start == target.sentence_start]
    item = [a for a in achieved if a.path == path and a not in sentence]
    section = [a for a in achieved if a.path != path and _within(a.path, parent)]
    elsewhere = [a for a in achieved if a.path != path and not _within(a.path, parent)]
    return [("sentence", sentence), ("item", item), ("section", section), ("report", elsewhere)]


def _within(path: str, section: str) -> bool:
    return not section or path == section or path.startswith(section + "/")


def _latest_of_best(target: Figure, scored: list[tuple[float, Figure]]) -> tuple[float, Figure]:
    """Among the figures nearly as similar as the best, the latest; ties go to the more similar,
    then to the one standing nearest the target in the text."""
    best = max(score for score, _ in scored)
    close = [(score, a) for score, a in scored if score >= best * NEAR_BEST]

    def key(item: tuple[float, Figure]) -> tuple[date, float, int]:
        score, a = item
        when = a.claim.period_end or a.claim.period_start or date.min
        return (when, score, -abs(a.index - target.index))

    return max(close, key=key)


def _indicator(target: Figure, actual: Figure | None, indicators: Indicators, report: Report) -> str:
    """A short name: the target's specific name, else a name it shares with its achieved figure,
    else its item's title (with the measure, 裝置容量, when its own words name one)."""
    name = specific_name(target.claim.subject)
    fuller = label(actual.claim.subject) if actual is not None else ""
    if name and fold(name) in fold(fuller) and len(fuller) <= len(name) + 4:
        return fuller  # 備用 → 備用容量率, as the achieved figure names it
    if name:
        return name
    if actual is not None:
        shared = indicators.shared_name(target.before + target.own, actual.claim.clause, min_length=3, max_sentences=10**6)
        if shared:
            return label(_original(actual.claim.clause, shared))
    node = report.nodes.get(target.path)
    title = label(node.title) if node else ""
    measure = label(target.claim.subject) if measures(target.claim.subject) else ""
    if title and measure and fold(measure) not in fold(title):
        return f"{title}（{measure}）"
    return title or measure or label(target.claim.subject) or target.claim.text


def _original(text: str, folded_run: str) -> str:
    """The run as written in `text` (folding keeps lengths, so positions carry over)."""
    where = fold(text).find(folded_run)
    return text[where : where + len(folded_run)] if where >= 0 else folded_run


def _reason(basis: str, target: Figure, actual: Figure, score: float, name: str | None, indicators: Indicators) -> str:
    lines = f"lines {target.claim.line} and {actual.claim.line}"
    if basis == "sentence":
        return f"the same sentence states the target and what has been achieved ({lines})"
    if name:
        words = f"the target's name 「{name}」 is found there"
    else:
        shared = indicators.shared_name(target.own + target.before, actual.own + actual.before, min_length=2, max_sentences=10**6)
        words = f"shared words 「{_original(actual.own + actual.before, shared)}」" if shared else "similar words"
    where = {"item": "in the same item", "section": f"in the same section, at {actual.path}", "report": f"elsewhere in the report, at {actual.path}"}[basis]
    when = f", the latest such figure ({actual.claim.period_text})" if actual.claim.period_text else ""
    return f"same unit ({actual.claim.base_unit}) {where}; {words} (word similarity {score:.2f}){when}; {lines}"
