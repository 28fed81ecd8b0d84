"""Measuring against hand-checked answers (`../shared/dev-gold/`): outline headings now;
claims and questions add their own comparisons. Pure functions over records."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policyledger.model import Node
from policyledger.quantity.units import conversion_factor, match_unit

DEMO_REPORT = Path(__file__).parent / "demo" / "moea-business-report-ly10-3.txt"


def find_gold_dir(explicit: str | None = None) -> Path | None:
    """The gold folder: the argument (any folder: it may hold only qa.jsonl), $POLICYLEDGER_GOLD,
    or a `shared/dev-gold` next to a parent."""
    if explicit:
        return Path(explicit).resolve() if Path(explicit).is_dir() else None
    candidates = [os.environ.get("POLICYLEDGER_GOLD")]
    for base in (Path.cwd(), Path(__file__).resolve()):
        for parent in [base, *base.parents]:
            candidates.append(str(parent / "shared" / "dev-gold"))
            candidates.append(str(parent / ".." / "shared" / "dev-gold"))
    for candidate in candidates:
        if candidate and (Path(candidate) / "outline.jsonl").is_file():
            return Path(candidate).resolve()
    return None


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@dataclass
class Score:
    true_positives: int
    predicted: int
    expected: int
    misses: list[Any] = field(default_factory=list)  # expected but not found
    extras: list[Any] = field(default_factory=list)  # found but not expected

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_outline(nodes: list[Node], gold: list[dict[str, Any]]) -> Score:
    """Headings match on (path, line, title); only the top-level sections the gold covers count. Titles
    match whatever their spaces: an OCR'd report's '國 土 計 畫' is the title '國土計畫'."""
    sections = {row["path"].split("/")[0] for row in gold}
    predicted = {(n.path, n.line_start, _unspaced(n.title)) for n in nodes if n.path and n.path.split("/")[0] in sections}
    expected = {(row["path"], row["line"], _unspaced(row["title"])) for row in gold}
    hits = predicted & expected
    return Score(
        len(hits), len(predicted), len(expected),
        misses=sorted(expected - predicted, key=lambda t: t[1]),
        extras=sorted(predicted - expected, key=lambda t: t[1]),
    )


def _unspaced(title: str) -> str:
    return "".join(title.split())


# --- claims ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldItem:
    line_start: int
    line_end: int
    path: str


def read_claim_items(path: Path) -> list[GoldItem]:
    """claims-items.txt: 'START-END<TAB>PATH<TAB>heading' per line."""
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and "-" in parts[0]:
            start, end = parts[0].split("-")
            items.append(GoldItem(int(start), int(end), parts[1]))
    return items


@dataclass
class ClaimScore:
    score: Score
    pairs: list[tuple[dict[str, Any], dict[str, Any]]]  # (gold, predicted)

    def accuracy(self, field_name: str) -> float:
        if not self.pairs:
            return 0.0
        return sum(1 for gold, ours in self.pairs if _same(field_name, gold, ours)) / len(self.pairs)


def _same(field_name: str, gold: dict[str, Any], ours: dict[str, Any]) -> bool:
    if field_name == "period":
        return (gold["period_start"], gold["period_end"]) == (ours["period_start"], ours["period_end"])
    return gold[field_name] == ours[field_name]


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _in_our_units(unit: str) -> str:
    """A price's unit as a gold writer may give it, per a unit in the report's words (TWD/公斤), in ours (TWD/kg)."""
    currency, slash, measure = unit.partition("/")
    read = match_unit(f"元/{measure}", 0) if slash else None
    return read.spec.base_unit.replace("TWD", currency, 1) if read is not None and read.end == len(measure) + 2 else unit


def _same_quantity(value: float | None, unit: str | None, gold_value: float | None, gold_unit: str | None) -> bool:
    """The same value in the same base unit — or in another unit of its dimension the gold's writer
    chose (4,215 m for our 4.215 km, 12 minute for 0.2 hour), converted by the units registry."""
    gold_unit = _in_our_units(gold_unit) if gold_unit else gold_unit
    if unit == gold_unit:
        return _close(value, gold_value)
    if value is None or gold_value is None or not unit or not gold_unit:
        return False
    try:
        factor = conversion_factor(gold_unit, unit)
    except Exception:  # pint names no common error for an unknown unit and an incompatible one
        return False
    return _close(value, gold_value * factor)


def score_claims(predicted: list[dict[str, Any]], gold: list[dict[str, Any]], items: list[GoldItem]) -> ClaimScore:
    """Match = same line ±1, same base value and base unit; only inside the gold's items."""
    inside = [p for p in predicted if any(item.line_start <= p["line"] <= item.line_end for item in items)]
    unmatched = list(inside)
    pairs = []
    misses = []
    for row in gold:
        match = next(
            (p for p in unmatched if abs(p["line"] - row["line"]) <= 1 and _same_quantity(p["base_value"], p["base_unit"], row["base_value"], row["base_unit"])),
            None,
        )
        if match is None:
            misses.append(row)
            continue
        unmatched.remove(match)
        pairs.append((row, match))
    score = Score(len(pairs), len(inside), len(gold), misses=misses, extras=unmatched)
    return ClaimScore(score, pairs)


# --- questions ---------------------------------------------------------------------------------

# A gold unit and the base units that answer it: water in 噸 is m3, and a duration a writer gave
# as written (14 天, 6 個月) is the same duration in base units.
UNIT_EQUIVALENTS = {
    "t": {"t", "m3", "m3/day", "t/day"},
    "m3": {"m3", "t", "m3/day"},
    "天": {"day"},
    "日": {"day"},
    "個月": {"month"},
    "年": {"year"},
}


@dataclass
class AnswerScore:
    total: int = 0
    right: int = 0
    cited: int = 0  # answered questions whose citation overlaps the evidence lines
    citable: int = 0  # questions with evidence lines that were answered
    not_in_report: int = 0
    confident_wrong: int = 0  # not-in-report questions that got a figure anyway
    rows: list[tuple[dict[str, Any], dict[str, Any], bool]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    @property
    def citation_accuracy(self) -> float:
        return self.cited / self.citable if self.citable else 0.0


def _numeric(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def answer_is_right(gold: dict[str, Any], result: dict[str, Any]) -> bool:
    answer = result.get("answer")
    kind = gold["kind"]
    if kind == "not_in_report":
        return answer is None
    if answer is None:
        return False
    if kind == "date":
        return (answer.get("value") == gold["answer_value"] or _same_edge_of_period(gold, answer) or _same_interval(gold, answer)
                or _month_given_as_a_day(gold, answer))
    value = gold["answer_value"]
    if kind == "name" or isinstance(value, list) or (isinstance(value, str) and not _numeric(value)):
        # a name, whatever kind the writer gave it ('8 月 5 日的研討會以哪國為對象' as a time qualifier)
        names = value if isinstance(value, list) else [value]
        text = answer.get("text") or ""
        return all(str(name) in text for name in names)  # a range given as a list of numbers: each written
    unit = gold["unit"]
    units = UNIT_EQUIVALENTS.get(unit, {unit}) | _per_unit_written(gold, unit)
    answered = float(answer.get("base_value") or 0)
    if answer.get("base_unit") in units and _same_range_written(gold, answer):
        return True  # '10~30%' asked 最高: the answer's value is its top, the gold's its bottom, the figure the same
    if answer.get("base_unit") in units and _close(answered, float(gold["answer_value"])):
        return True
    # 173 萬公尺 given in m (1,730 km), 5,432 平方公里 in m2 (ha), 486.3 Mbps (bit/s): converted by the units registry
    return _same_quantity(answered, answer.get("base_unit"), float(gold["answer_value"]), unit)


def _same_range_written(gold: dict[str, Any], answer: dict[str, Any]) -> bool:
    """A range answered as the gold writes it, whichever end either takes for its value."""
    written = "".join(str(answer.get("text") or "").split())
    return bool(_RANGE_JOINER.search(written)) and written == "".join(str(gold.get("answer_text") or "").split())


_RANGE_JOINER = re.compile(r"\d\s*[~～至到－-]\s*\d|[%％元噸瓩]\s*[~～至到－-]")


def _same_interval(gold: dict[str, Any], answer: dict[str, Any]) -> bool:
    """A gold written as an ISO 8601 interval ('2020-09-24/2020-09-25' for 9 月 24 日至 25 日, 2020-01-21/2020-01-31
    for 1 月下旬, 2026/2035 for 115~124 年; some writers join with '..'): right when the answer's period is exactly that."""
    wanted = gold.get("answer_value")
    if not isinstance(wanted, str) or (wanted.count("/") != 1 and wanted.count("..") != 1):
        return False
    first, last = re.split(r"/|\.\.", wanted)
    start, end = str(answer.get("period_start") or ""), str(answer.get("period_end") or "")
    # years ('2026/2035' for 115~124 年) are the first day of the first and the last of the last
    return (first, last) == (start, end) or (len(first) == len(last) == 4 and start == f"{first}-01-01" and end == f"{last}-12-31")


def _month_given_as_a_day(gold: dict[str, Any], answer: dict[str, Any]) -> bool:
    """'延長至 110 年 6 月' answered as written (2021-06) where the gold's writer gave the month by its
    last or first day (2021-06-30): the same words, the month's edge the writer's reading."""
    wanted, value = str(gold.get("answer_value") or ""), str(answer.get("value") or "")
    same_words = "".join(str(gold.get("answer_text") or "").split()) == "".join(str(answer.get("text") or "").split())
    return same_words and len(value) == 7 and len(wanted) == 10 and wanted in (answer.get("period_start"), answer.get("period_end"))


def _same_edge_of_period(gold: dict[str, Any], answer: dict[str, Any]) -> bool:
    """'109 年 12 月底' read to the month (2020-12) or to its last day (2020-12-31), '114 年初' to the
    year or its first month: the same words, whichever precision the gold's writer chose."""
    value, wanted = str(answer.get("value") or ""), str(gold.get("answer_value") or "")
    if "旬" in str(answer.get("text") or "") and len(wanted) == 7:  # '109 年 1 月下旬' read to the month (2020-01) or to its days
        return str(answer.get("period_start") or "").startswith(wanted + "-") and str(answer.get("period_end") or "").startswith(wanted + "-")
    edge = re.search(r"[底初]", str(answer.get("text") or ""))
    return edge is not None and len(wanted) in (4, 7) and len(value) > len(wanted) and value.startswith(wanted + "-")


def _per_unit_written(gold: dict[str, Any], unit: str) -> set[str]:
    """A price whose gold unit leaves out what it is per, though its text says it: 45 元/瓶 as TWD; or
    names it in the report's words: TWD/公斤 is TWD/kg."""
    per = re.search(r"/\s*(\S+)\s*$", str(gold.get("answer_text") or ""))
    return ({f"{unit}/{per.group(1)}"} if per else set()) | {_in_our_units(unit)}


def score_answers(pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> AnswerScore:
    score = AnswerScore()
    for gold, result in pairs:
        right = answer_is_right(gold, result)
        score.total += 1
        score.right += right
        score.rows.append((gold, result, right))
        if gold["kind"] == "not_in_report":
            score.not_in_report += 1
            score.confident_wrong += result.get("answer") is not None
            continue
        if result.get("answer") is not None and gold["evidence_lines"]:
            score.citable += 1
            lines = set(gold["evidence_lines"])
            score.cited += any(c["line_start"] - 1 <= line <= c["line_end"] + 1 for c in result["citations"] for line in lines)
    return score
