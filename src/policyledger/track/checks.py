"""Internal consistency: does the report agree with itself?

Rules, each reported with the sentences it rests on:

- `total_parts`: a total against the parts listed with it — in its sentence (再生能源 9,474.4 MW，
  其中太陽光電 5,817.2 MW、…) or as the items under it (太陽光電 20GW: 屋頂型 8GW, 地面型 12GW).
  Within rounding (each figure's last written digit) it is consistent (`ok`); parts that exceed
  the total are an `error`; parts that fall short a `warning` (a part may be missing).
- `restated`: the same indicator stated twice, in different places, with different figures
  (林口新創園 150 家 / 168 家). The message says whether the dates or the scope differ (a
  `notice`); when neither does, the figures contradict each other (a `warning`).
- `share_over_100`, `as_of_after_report`, `period_reversed`, `range_reversed`: values that
  cannot be (an `error`).

Severities: ok (checked, consistent), notice, warning, error. A check *fires* unless it is ok.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from typing import Any

from policyledger.records import claim_record
from policyledger.textnorm import fold, to_halfwidth_digits
from policyledger.track.indicator import Indicators, bigrams, cosine, is_flow, label, measures, specific_name
from policyledger.track.naming import naming_text, whole_name
from policyledger.track.report import Figure, Report

SEVERITIES = ("ok", "notice", "warning", "error")
RULES = ("total_parts", "restated", "share_over_100", "as_of_after_report", "period_reversed", "range_reversed")
# A list of parts right after a total: 「，其中」「(」「包括」…
_PARTS_OPEN = re.compile(r"^\s*[，,、：:]?\s*(?:其中|包括|包含|分別為|分為|計有|含|[（(])")
_BRACKET_OPEN = re.compile(r"[（(]\s*$")
_DECIMALS = re.compile(r"[0-9][0-9,]*(?:\.([0-9]+))?")
# A figure that a later one in its sentence moves away from (從 14.5% 降至 13.9%) is a baseline.
_CHANGE_BETWEEN = re.compile(r"降|升|增|減|到|至|成長|下滑")
# Words that set a figure's scope: whose, where, which part of the time.
SCOPE_WORDS = (
    "全臺", "全國", "全年", "年度", "累計", "當年", "國內", "國外", "海外", "國際", "本部", "台電", "中油", "自來水公司",
    "臺北自來水", "各縣市", "直轄市", "中央", "地方", "公營", "民營", "新增", "既有", "低壓", "高壓", "僑外", "對外", "陸資",
    "中國大陸", "申報", "核准",
)
RARE_NAME_SENTENCES = 4  # a shared name found in at most this many sentences identifies an indicator
MAX_RATIO = 3.0  # two statements of one indicator are of the same order of magnitude
MIN_OWN_SIMILARITY = 0.1  # the words right at the two figures must overlap (丹麥 23.2 億美元 is not 美國 41.9 億美元)



@dataclass(frozen=True)
class Finding:
    doc: str
    rule: str
    severity: str
    message: str
    figures: tuple[Figure, ...]

    def record(self) -> dict[str, Any]:
        """DESIGN.md's check object, with the claims it compares added."""
        return {
            "doc": self.doc,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "evidence": _evidence(self.figures),
            "claims": [claim_record(self.doc, figure.claim) for figure in self.figures],
        }


def _evidence(figures: tuple[Figure, ...]) -> list[dict[str, object]]:
    """One quote per sentence (a total and its parts share theirs)."""
    quotes: list[dict[str, object]] = []
    seen: set[tuple[str, int]] = set()
    for figure in figures:
        key = (figure.path, figure.sentence_start)
        if key not in seen:
            seen.add(key)
            quotes.append(figure.quote())
    return quotes


@dataclass
class CheckRun:
    """What the checks found, and how many comparisons each rule made."""

    findings: list[Finding] = field(default_factory=list)
    ran: Counter[str] = field(default_factory=Counter)

    def fired(self) -> Counter[str]:
        return Counter(f.rule for f in self.findings if f.severity != "ok")

    def records(self) -> list[dict[str, Any]]:
        return [finding.record() for finding in self.findings]


def run_checks(report: Report, indicators: Indicators | None = None) -> CheckRun:
    indicators = indicators or Indicators(report)
    run = CheckRun()
    run.ran.update({rule: 0 for rule in RULES})
    _totals_in_sentences(report, run)
    _totals_over_items(report, indicators, run)
    _restated(report, indicators, run)
    _impossible(report, run)
    return run


# --- totals and parts ----------------------------------------------------------------------------


def _totals_in_sentences(report: Report, run: CheckRun) -> None:
    """A figure followed by 其中 / ( and at least two figures of its unit in the same sentence."""
    for total in report.figures:
        parts = _listed_parts(total, report)
        if parts is None:
            continue
        run.ran["total_parts"] += 1
        run.findings.append(_compare(report.doc_id, total, parts, "listed with it"))


def _listed_parts(total: Figure, report: Report) -> list[Figure] | None:
    claim = total.claim
    node = report.nodes.get(claim.path)
    if node is None or claim.value_high is not None or claim.kind in ("change", "share", "rule"):
        return None
    end = total.start + len(claim.text)
    opening = _PARTS_OPEN.match(node.text[end : end + 8])
    if not opening:
        return None
    bracketed = bool(_BRACKET_OPEN.search(opening.group(0)))
    close = node.text.find("）" if "（" in opening.group(0) else ")", end) if bracketed else -1
    limit = close if close >= 0 else total.sentence_start + len(total.sentence)
    parts = [
        f for f in report.figures
        if f.path == claim.path and f.sentence_start == total.sentence_start and end <= f.start < limit
        and f.claim.base_unit == claim.base_unit and f.claim.kind == claim.kind and f.claim.value_high is None
    ]
    return parts if len(parts) >= 2 else None


def _totals_over_items(report: Report, indicators: Indicators, run: CheckRun) -> None:
    """A figure with a specific name (太陽光電 20GW) against the first figure of the same unit,
    kind and date in each item under it that carries that name (屋頂型太陽光電 8GW, …)."""
    for total in report.figures:
        name = specific_name(total.claim.subject)
        if not name or total.claim.value_high is not None or total.claim.kind in ("change", "rule"):
            continue
        parts = [part for child in report.children(total.path) if (part := _part_in(child.path, total, name, report)) is not None]
        if len(parts) >= 2:
            run.ran["total_parts"] += 1
            run.findings.append(_compare(report.doc_id, total, parts, "in the items under it"))


def _part_in(path: str, total: Figure, name: str, report: Report) -> Figure | None:
    node = report.nodes[path]
    for figure in report.figures:
        claim = figure.claim
        if figure.path == path and claim.base_unit == total.claim.base_unit and claim.kind == total.claim.kind:
            same_date = claim.period_end == total.claim.period_end
            named = fold(name) in fold(node.title + figure.own)
            return figure if same_date and named and claim.value_high is None else None
    return None


def _compare(doc: str, total: Figure, parts: list[Figure], where: str) -> Finding:
    unit = total.claim.unit
    scale = total.claim.base_value / total.claim.value if total.claim.value else 1.0
    parts_sum = sum(part.claim.base_value for part in parts)
    tolerance = sum(_rounding(figure) for figure in [total, *parts])
    gap = parts_sum - total.claim.base_value
    shown = f"{_show(parts_sum / scale)} {unit}"
    listing = " + ".join(part.claim.text for part in parts)
    head = f"{label(total.claim.subject) or 'total'} {total.claim.text} against the {len(parts)} parts {where} ({listing} = {shown})"
    if abs(gap) <= tolerance + 1e-9 * max(1.0, abs(total.claim.base_value)):
        note = "exactly" if abs(gap) < 1e-9 * max(1.0, abs(total.claim.base_value)) else f"within rounding (±{_show(tolerance / scale)} {unit})"
        return Finding(doc, "total_parts", "ok", f"{head}: consistent, {note}", (total, *parts))
    if gap > 0:
        return Finding(doc, "total_parts", "error", f"{head}: the parts exceed the total by {_show(gap / scale)} {unit}", (total, *parts))
    short = f"{head}: the parts fall short of the total by {_show(-gap / scale)} {unit}; a part may be missing, or a figure wrong"
    return Finding(doc, "total_parts", "warning", short, (total, *parts))


def _rounding(figure: Figure) -> float:
    """Half a unit of the last digit the figure is written with, in its normalized unit."""
    claim = figure.claim
    found = _DECIMALS.search(to_halfwidth_digits(claim.text))
    scale = claim.base_value / claim.value if claim.value else 1.0
    if found and found.group(1):
        return 0.5 * 10 ** -len(found.group(1)) * abs(scale)
    if claim.qualifier == "approx" and claim.value:
        digits = str(int(abs(claim.value)))
        zeros = len(digits) - len(digits.rstrip("0"))
        return 0.5 * 10**zeros * abs(scale)
    return 0.0


def _show(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".") if value % 1 else f"{value:,.0f}"


# --- the same indicator stated twice -------------------------------------------------------------


def _restated(report: Report, indicators: Indicators, run: CheckRun) -> None:
    """Pairs of achieved figures in different items that name the same rare thing in the words
    leading to them (or their item's title), with compatible measures, of the same order of
    magnitude, yet different values."""
    stated = [f for f in report.figures if f.claim.kind in ("actual", "share") and f.claim.value_high is None and not _is_baseline(f, report)]
    texts = {f.index: naming_text(f, report) for f in stated}
    owns = {f.index: indicators.profile([(texts[f.index].rsplit("\n", 1)[-1], 1.0)]) for f in stated}
    rare = {f.index: {g for g in bigrams(texts[f.index]) if indicators.frequency.get(g, 0) <= RARE_NAME_SENTENCES} for f in stated}
    by_unit: dict[str, list[Figure]] = {}
    for figure in stated:
        by_unit.setdefault(figure.claim.base_unit, []).append(figure)
    found: list[Finding] = []
    for first, second in (pair for same_unit in by_unit.values() for pair in combinations(same_unit, 2)):
        if not _same_kind_of_figure(first, second):
            continue
        run.ran["restated"] += 1
        if not rare[first.index] & rare[second.index] or _agree(first, second) or not _same_order(first, second):
            continue
        if cosine(owns[first.index], owns[second.index]) < MIN_OWN_SIMILARITY:
            continue
        name = indicators.shared_name(texts[first.index], texts[second.index], min_length=3, max_sentences=RARE_NAME_SENTENCES)
        if name and whole_name(name, texts[first.index]) and whole_name(name, texts[second.index]) and _names_a_figure(name, (first, second), texts):
            found.append(_restatement(report, first, second, name))
    run.findings.extend(sorted(found, key=lambda finding: [figure.index for figure in finding.figures]))


def _names_a_figure(name: str, figures: tuple[Figure, Figure], texts: dict[int, str]) -> bool:
    """The name is an item's title or a figure's own words, for one of the two at least — not
    only the opening words of their sentences (就地區觀察，…) that many figures share."""
    for figure in figures:
        title, _, own = texts[figure.index].partition("\n")
        own = own.rpartition("\n")[2]
        if name in fold(title) or name in fold(own):
            return True
    return False


def _same_kind_of_figure(a: Figure, b: Figure) -> bool:
    """Same unit, in different items that are not siblings (parallel items — 臺商回臺方案 /
    根留臺灣方案 — state the same measure of different things), both levels or both amounts,
    no conflicting measure."""
    if a.claim.base_unit != b.claim.base_unit or a.path == b.path or a.path.rpartition("/")[0] == b.path.rpartition("/")[0]:
        return False
    if is_flow(a.own) != is_flow(b.own):
        return False
    first, second = measures(a.own), measures(b.own)
    return not (first and second and not first & second)


def _same_order(a: Figure, b: Figure) -> bool:
    """Within a factor of MAX_RATIO: a restated figure, not a part against a whole."""
    low, high = sorted((abs(a.claim.base_value), abs(b.claim.base_value)))
    return low > 0 and high / low <= MAX_RATIO


def _agree(a: Figure, b: Figure) -> bool:
    """Equal within the rounding of either figure."""
    return abs(a.claim.base_value - b.claim.base_value) <= _rounding(a) + _rounding(b) + 1e-9 * max(1.0, abs(a.claim.base_value))


def _is_baseline(figure: Figure, report: Report) -> bool:
    """A figure its sentence moves away from to a later achieved one (漏水率從 14.5% 降至 13.9%):
    a past value given for comparison, not a claim of the current level."""
    node = report.nodes.get(figure.path)
    if node is None:
        return False
    end = figure.start + len(figure.claim.text)
    for other in report.in_sentence(figure):
        if other.start > figure.start and other.claim.base_unit == figure.claim.base_unit and other.claim.kind in ("actual", "share"):
            return bool(_CHANGE_BETWEEN.search(node.text[end : other.start]))
    return False


def _restatement(report: Report, a: Figure, b: Figure, name: str) -> Finding:
    shown = _original(naming_text(a, report), name)
    dates = _date_difference(a, b, report.report_date)
    scope = _scope_difference(a, b, name, report)
    head = f"「{shown}」 is stated as {a.claim.text} (line {a.claim.line}) and as {b.claim.text} (line {b.claim.line})"
    reasons = [part for part in (dates, scope) if part]
    if reasons:
        return Finding(report.doc_id, "restated", "notice", f"{head}: {'; '.join(reasons)}", (a, b))
    return Finding(report.doc_id, "restated", "warning", f"{head}, for the same date and scope: the figures contradict each other", (a, b))


def _when(figure: Figure, report_date: date | None) -> tuple[date | None, date | None, str]:
    """A figure's dates, reading 目前 (now) as the report's own date."""
    claim = figure.claim
    if figure.said_now and report_date:
        return None, report_date, f"目前 (the report's date, {report_date.isoformat()})"
    if claim.period_end is None and claim.period_start is None:
        return None, None, "no date"
    return claim.period_start, claim.period_end, claim.period_text or _span(claim.period_start, claim.period_end)


def _span(start: date | None, end: date | None) -> str:
    return f"{start.isoformat()}–{end.isoformat()}" if start and end else f"as of {end.isoformat()}" if end else ""


def _date_difference(a: Figure, b: Figure, report_date: date | None) -> str | None:
    first, second = _when(a, report_date), _when(b, report_date)
    if first[:2] == second[:2]:
        return None
    if first[1] is None or second[1] is None:
        return f"dates may differ: {first[2]} vs {second[2]}"
    return f"dates differ: {first[2]} vs {second[2]}"


def _scope_difference(a: Figure, b: Figure, name: str, report: Report) -> str | None:
    """Scope words or names that one figure's sentence and heading hold and the other's do not."""
    first, second = fold(naming_text(a, report)), fold(naming_text(b, report))
    only = [word for word in SCOPE_WORDS if (fold(word) in first) != (fold(word) in second)]
    names = set(a.claim.entities) ^ set(b.claim.entities)
    only += sorted(name for name in names if (fold(name) in first) != (fold(name) in second))
    headings = _headings_apart(a, b, name, report)
    if headings:
        only.append(headings)
    if not only:
        return None
    return f"scope differs ({'、'.join(only)}): 「{a.claim.clause.strip()}」 vs 「{b.claim.clause.strip()}」"


def _headings_apart(a: Figure, b: Figure, name: str, report: Report) -> str | None:
    """Items under different headings (僑外投資 / 對外投資) may count different things — unless
    one of the items is itself about the shared name (林口新創園…)."""
    first, second = report.nodes.get(a.path), report.nodes.get(b.path)
    if first is None or second is None or name in fold(first.title) or name in fold(second.title):
        return None
    above_a, above_b = a.path.rsplit("/", 1)[0], b.path.rsplit("/", 1)[0]
    if above_a == above_b:
        return None
    return f"under 「{label(first.title)}」 vs 「{label(second.title)}」"


def _original(text: str, folded_run: str) -> str:
    where = fold(text).find(folded_run)
    return text[where : where + len(folded_run)] if where >= 0 else folded_run


# --- impossible values ---------------------------------------------------------------------------


def _impossible(report: Report, run: CheckRun) -> None:
    for figure in report.figures:
        claim = figure.claim
        run.ran["share_over_100"] += claim.kind == "share"
        if claim.kind == "share" and claim.base_unit == "percent" and claim.base_value > 100:
            run.findings.append(Finding(report.doc_id, "share_over_100", "error", f"a share of {claim.text} is more than the whole (over 100 %)", (figure,)))
        if claim.kind == "actual" and report.report_date and claim.period_end:
            run.ran["as_of_after_report"] += 1
            stated_for = claim.period_start or claim.period_end
            if stated_for > report.report_date:
                run.findings.append(Finding(
                    report.doc_id, "as_of_after_report", "error",
                    f"{claim.text} is stated as achieved for {claim.period_text or _span(claim.period_start, claim.period_end)}, "
                    f"after the report's own date ({report.report_date.isoformat()})", (figure,)))
        if claim.period_start and claim.period_end:
            run.ran["period_reversed"] += 1
            if claim.period_end < claim.period_start:
                run.findings.append(Finding(report.doc_id, "period_reversed", "error",
                                            f"the period of {claim.text} ends ({claim.period_end}) before it starts ({claim.period_start})", (figure,)))
        if claim.value_high is not None:
            run.ran["range_reversed"] += 1
            if claim.value_high < claim.value:
                run.findings.append(Finding(report.doc_id, "range_reversed", "error", f"the range {claim.text} runs from high to low", (figure,)))
