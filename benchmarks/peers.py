"""policyledger beside the tools a user might pick instead — same text, same machine, one run.

Claims: ours (`extract_claims`) vs Microsoft Recognizers-Text for Python (Chinese culture) and
JioNLP, over the text of every outline item of the sample (the joined paragraphs our extractor
reads too, so a number broken across a line is whole for everyone). Time: the extraction over
the whole sample (ours: median of --runs; peers: one run, models built once beforehand and
timed apart). F1: against ../shared/dev-gold/claims.jsonl inside the items of
claims-items.txt, by `policyledger.evaluate.score_claims` (same line ±1, same base value and
base unit) — the measure `policyledger eval claims` uses.

How peer output becomes (line, base value, base unit) — see PEER_MAPPING_NOTE below and
docs/benchmarks.md: a span's line is the source line of its first character; Recognizers-Text
currency → TWD/USD/EUR/JPY/CNY (its "Chinese yuan" is read as TWD unless the span says 人民幣,
as a reader of a Taiwanese report would), percentage → percent, dimension → our base units by a
fixed table; bare numbers are not figures. "Assisted" rows also turn a bare number followed by
a common Chinese measure word (a fixed list of classifiers, not taken from the gold) into a count
— help the peers do not give themselves, to show the best they could do with a little glue.

Outline: ours (read + layout + outline) vs unstructured's partition_text on the same text,
against ../shared/dev-gold/outline.jsonl — see OUTLINE_NOTE.

    benchmarks/setup_peers.sh            # once: the peers' venvs under benchmarks/.venv-peers/
    .venv/bin/python benchmarks/peers.py [--runs 5] [--skip unstructured]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench_util import GOLD, ROOT, SAMPLE, context_line, median, table
from policyledger.evaluate import read_claim_items, read_jsonl, score_claims
from policyledger.layout import analyse
from policyledger.model import Node
from policyledger.outline import build_outline
from policyledger.read import read_path

PEERS_DIR = ROOT / "benchmarks" / ".venv-peers"
RUNNER = ROOT / "benchmarks" / "peer_runner.py"

PEER_MAPPING_NOTE = """\
Recognizers-Text: currency spans → base value as resolved (its scale words applied), unit by
ISO code, except CNY → TWD unless the span names 人民幣 (its Chinese culture reads 元 as yuan);
percentage → value in percent; dimension → our base units by a fixed table (km, t, m3, ha, m2,
kW, kWh); a bare number (NumberModel) only in the assisted row, when a measure word follows.
JioNLP: money only (it has no general quantity extractor); text first through its tra2sim
(char mode, offsets kept); case 元/新台币/台币 → TWD, 美元/美金 → USD, 欧元 → EUR, 日元/日圆 → JPY,
人民币 → CNY; num as parsed."""

OUTLINE_NOTE = """\
A gold heading is found when a tool starts an item on its line: ours, a node with that
line_start; unstructured, an element (Title; in the second row Title or ListItem) whose text
begins on that line (elements are located in the source in order). At the right level: ours,
node.level equals the gold level; unstructured gives no level (category_depth is None for text),
so it has no level-correct count. Precision: of the items each tool starts inside sections 壹–陸
(the gold's span), the share that are gold headings."""

# Common Chinese classifiers, longest first: a generic list, not read off the gold.
_CLASSIFIERS = "人次 家次 場次 項次 班次 通次 架次 個月 小時 縣市 家 人 案 件 項 座 臺 台 戶 場 班 處 套 筆 次 個 位 名 間 部 份 式 張 國 棟 輛 艘 條 所"
MEASURE_WORDS = sorted([*_CLASSIFIERS.split(), *["校", "種", "類", "批", "組", "篇", "本", "支", "株", "隻", "頭", "天", "週"]], key=len, reverse=True)
DURATIONS = {"天": "day", "個月": "month", "小時": "hour", "週": "week"}
CURRENCIES = {"USD": "USD", "EUR": "EUR", "JPY": "JPY", "CNY": "TWD", "TWD": "TWD"}
DIMENSIONS = {  # Recognizers-Text unit name → (our base unit, factor)
    "Kilometer": ("km", 1.0), "Meter": ("km", 1e-3), "Centimeter": ("km", 1e-5),
    "Kilogram": ("t", 1e-3), "Ton": ("t", 1.0), "Metric ton": ("t", 1.0), "Gram": ("t", 1e-6),
    "Milliliter": ("m3", 1e-6), "Liter": ("m3", 1e-3), "Cubic meter": ("m3", 1.0),
    "Hectare": ("ha", 1.0), "Square kilometer": ("ha", 100.0), "Square meter": ("m2", 1.0),
    "Kilowatt": ("kW", 1.0), "Megawatt": ("kW", 1e3), "Gigawatt": ("kW", 1e6), "Watt": ("kW", 1e-3),
    "Kilowatt hour": ("kWh", 1.0),
}
JIONLP_CASES = {"元": "TWD", "新台币": "TWD", "台币": "TWD", "美元": "USD", "美金": "USD", "欧元": "EUR", "日元": "JPY", "日圆": "JPY", "人民币": "CNY"}


@dataclass
class Row:
    tool: str
    seconds: float | None  # CPU seconds of the work itself (the machine is shared: wall time wanders)
    setup: float | None = None
    wall: float | None = None
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None
    predicted: int = 0
    note: str = ""


# --- our side ----------------------------------------------------------------------------------


def our_outline(runs: int, source: Path = SAMPLE) -> tuple[list[Node], float]:
    """The outline of a report (the sample), and the median CPU seconds of read + layout + outline."""
    times, nodes = [], []
    for _ in range(runs):
        started = time.process_time()
        nodes = build_outline(analyse(read_path(source)))
        times.append(time.process_time() - started)
    return nodes, median(times)


def our_claims(nodes: list[Node], runs: int) -> tuple[list[dict[str, Any]], float, float]:
    from policyledger.quantity.claims import extract_claims

    extract_claims(nodes[:5])  # first-call set-up (unit registry) is not extraction
    walls, cpus, claims = [], [], []
    for _ in range(runs):
        started, cpu = time.perf_counter(), time.process_time()
        claims = extract_claims(nodes)
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
    return [{"line": c.line, "base_value": c.base_value, "base_unit": c.base_unit} for c in claims], median(cpus), median(walls)


# --- peers -------------------------------------------------------------------------------------


class PeerUnavailable(Exception):
    """A peer that cannot run here; the message says exactly why."""


def run_peer(peer: str, payload: dict[str, Any], timeout: float = 1800) -> dict[str, Any]:
    python = PEERS_DIR / peer / "bin" / "python"
    if not python.exists():
        raise PeerUnavailable(f"no venv at {python.parent.parent} — run benchmarks/setup_peers.sh {peer}")
    with tempfile.TemporaryDirectory() as scratch:
        source, target = Path(scratch) / "in.json", Path(scratch) / "out.json"
        source.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        done = subprocess.run([str(python), str(RUNNER), peer, str(source), str(target)], capture_output=True, text=True, timeout=timeout, check=False)
        if done.returncode != 0:
            raise PeerUnavailable(f"{peer} failed: {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode}")
        return json.loads(target.read_text(encoding="utf-8"))


def map_recognizers(spans: list[dict[str, Any]], text: str, assisted: bool) -> list[tuple[int, float, str]]:
    """(offset, base value, base unit) for the spans that are figures."""
    out: list[tuple[int, float, str]] = []
    covered: list[tuple[int, int]] = []
    for span in spans:
        resolution = span["resolution"] or {}
        value = _float(resolution.get("value"))
        if value is None or span["model"] == "number":
            continue
        if span["model"] == "percentage":
            out.append((span["start"], value, "percent"))
        elif span["model"] == "currency":
            code = resolution.get("isoCurrency") or ""
            unit = "CNY" if code == "CNY" and "人民幣" in span["text"] else CURRENCIES.get(code)
            if unit:
                out.append((span["start"], value, unit))
        elif span["model"] == "dimension" and resolution.get("unit") in DIMENSIONS:
            unit, factor = DIMENSIONS[resolution["unit"]]
            out.append((span["start"], value * factor, unit))
        covered.append((span["start"], span["end"]))
    if assisted:
        for span in spans:
            if span["model"] == "number" and not any(a <= span["start"] < b for a, b in covered):
                value, word = _float((span["resolution"] or {}).get("value")), _measure_word(text, span["end"])
                if value is not None and word:
                    out.append((span["start"], value, DURATIONS.get(word, word.replace("台", "臺"))))
    return out


def map_jionlp(spans: list[dict[str, Any]]) -> list[tuple[int, float, str]]:
    out = []
    for span in spans:
        detail = span["resolution"] or {}
        value, unit = _float(detail.get("num")), JIONLP_CASES.get(detail.get("case", ""))
        if value is not None and unit:
            out.append((span["start"], value, unit))
    return out


def _measure_word(text: str, end: int) -> str | None:
    rest = text[end:end + 4].lstrip(" ")
    return next((word for word in MEASURE_WORDS if rest.startswith(word)), None)


def _float(value: Any) -> float | None:
    try:
        return float(str(value).rstrip("%")) if value is not None else None
    except ValueError:
        return None


def as_predictions(nodes: list[Node], mapped: list[list[tuple[int, float, str]]]) -> list[dict[str, Any]]:
    return [{"line": node.line_at(offset), "base_value": value, "base_unit": unit} for node, found in zip(nodes, mapped, strict=True) for offset, value, unit in found]


# --- outline scoring ---------------------------------------------------------------------------


def outline_scores(starts: list[tuple[int, int | None]], gold: list[dict[str, Any]], span: tuple[int, int]) -> tuple[int, int | None, int]:
    """(found, found at the right level or None, predicted inside the span) for (line, level) starts."""
    first, last = span
    inside = [(line, level) for line, level in starts if first <= line <= last]
    lines = {line for line, _ in inside}
    found = sum(1 for row in gold if row["line"] in lines)
    if all(level is None for _, level in inside):
        return found, None, len(inside)
    at_level = sum(1 for row in gold if (row["line"], row["level"]) in set(inside))
    return found, at_level, len(inside)


def locate(elements: list[dict[str, Any]], source_lines: list[str]) -> list[tuple[int, str]]:
    """(source line, type) of each element, found in order in the source with spaces ignored."""
    compact, line_of = [], []
    for number, line in enumerate(source_lines, start=1):
        for char in line:
            if not char.isspace():
                compact.append(char)
                line_of.append(number)
    haystack, cursor, located = "".join(compact), 0, []
    for element in elements:
        needle = re.sub(r"\s+", "", element["text"])[:12]
        at = haystack.find(needle, cursor) if needle else -1
        if at >= 0:
            located.append((line_of[at], element["type"]))
            cursor = at + len(needle)
    return located


# --- the run -----------------------------------------------------------------------------------


def claims_rows(nodes: list[Node], runs: int, skip: set[str], gold_dir: Path = GOLD) -> tuple[list[Row], list[str]]:
    gold = read_jsonl(gold_dir / "claims.jsonl")
    items = read_claim_items(gold_dir / "claims-items.txt")
    texts = [node.text for node in nodes]
    rows, notes = [], []

    def scored(tool: str, predictions: list[dict[str, Any]], timing: dict[str, float], note: str = "") -> Row:
        score = score_claims(predictions, gold, items).score
        return Row(tool, timing["cpu_seconds"], timing.get("setup_seconds"), timing["seconds"], score.precision, score.recall, score.f1, score.predicted, note)

    try:
        ours, cpu, wall = our_claims(nodes, runs)
        rows.append(scored("policyledger extract_claims", ours, {"cpu_seconds": cpu, "seconds": wall}, note=f"median of {runs}"))
    except ImportError as exc:
        notes.append(f"ours: not measured — {exc}")
    if "recognizers" not in skip:
        try:
            result = run_peer("recognizers", {"texts": texts})
            for assisted in (False, True):
                mapped = [map_recognizers(spans, text, assisted) for spans, text in zip(result["spans"], texts, strict=True)]
                name = "Recognizers-Text" + (" + measure-word glue" if assisted else "")
                rows.append(scored(name, as_predictions(nodes, mapped), result, "one run; models built once"))
        except PeerUnavailable as exc:
            notes.append(f"Recognizers-Text: not measured — {exc}")
    if "jionlp" not in skip:
        try:
            result = run_peer("jionlp", {"texts": texts})
            mapped = [map_jionlp(spans) for spans in result["spans"]]
            rows.append(scored("JioNLP extract_money (after tra2sim)", as_predictions(nodes, mapped), result, "money only"))
        except PeerUnavailable as exc:
            notes.append(f"JioNLP: not measured — {exc}")
    return rows, notes


def outline_rows(nodes: list[Node], seconds: float, runs: int, skip: set[str]) -> tuple[list[list[object]], list[str]]:
    gold = read_jsonl(GOLD / "outline.jsonl")
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    end_of_gold = next(i for i, line in enumerate(lines, start=1) if line.strip().startswith("柒、")) - 1
    span = (min(row["line"] for row in gold), end_of_gold)
    total = len(gold)
    found, at_level, predicted = outline_scores([(n.line_start, n.level) for n in nodes if n.path], gold, span)
    ours = ["policyledger (read+layout+outline)", f"{seconds * 1000:.0f} ms", "1×", f"{found}/{total}", f"{at_level}/{total}", _share(found, predicted)]
    rows: list[list[object]] = [[*ours, f"median of {runs}"]]
    notes: list[str] = []
    if "unstructured" in skip:
        return rows, notes
    try:
        result = run_peer("unstructured", {"text": "\n".join(lines)})
    except PeerUnavailable as exc:
        return rows, [f"unstructured: not measured — {exc}"]
    located = locate(result["elements"], lines)
    for kinds in (("Title",), ("Title", "ListItem")):
        found_u, _, predicted_u = outline_scores([(line, None) for line, kind in located if kind in kinds], gold, span)
        name, cpu = f"unstructured partition_text ({' or '.join(kinds)})", result["cpu_seconds"]
        timing = [f"{cpu * 1000:.0f} ms", f"{cpu / seconds:.0f}×"]
        rows.append([name, *timing, f"{found_u}/{total}", "no levels", _share(found_u, predicted_u), f"one run; wall {result['seconds']:.1f} s"])
    if result.get("shipped_error"):
        notes.append(
            "unstructured as shipped cannot run here: its first sentence count downloads the spaCy model en_core_web_sm "
            f"from GitHub (not on PyPI) — {result['shipped_error'][:160]}. Measured with spaCy's rule-based "
            "sentencizer in the model's place (used only for sentence counts and POS tags in its heuristics)."
        )
    notes.append(f"unstructured: {len(result['elements'])} elements, {sum(1 for e in result['elements'] if e['type'] == 'Title')} of them Title; located {len(located)}.")
    return rows, notes


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.3f} ({part}/{whole})" if whole else "—"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="policyledger vs peer tools on the sample report.")
    parser.add_argument("--runs", type=int, default=5, help="runs of our own steps (median)")
    parser.add_argument("--skip", action="append", default=[], choices=["recognizers", "jionlp", "unstructured"])
    parser.add_argument("--report", type=Path, help="a folder of benchmarks/other-reports/ (report.txt and its gold) instead of the sample; claims only")
    args = parser.parse_args(argv)
    skip = set(args.skip)
    print(context_line())
    source, gold_dir = (args.report / "report.txt", args.report) if args.report else (SAMPLE, GOLD)
    nodes, outline_seconds = our_outline(args.runs, source)
    print(f"\n## Claims — {len(nodes)} outline items of {source.parent.name if args.report else source.name}; F1 on its gold's items\n")
    rows, notes = claims_rows(nodes, args.runs, skip, gold_dir)
    ours = next((row for row in rows if row.tool.startswith("policyledger")), None)
    print(table(
        ["tool", "CPU time", "× ours", "wall", "set-up", "precision", "recall", "F1", "figures", "note"],
        [[r.tool, _ms(r.seconds), _ratio(r, ours), _ms(r.wall), f"{r.setup:.1f} s" if r.setup is not None else "—",
          _f(r.precision), _f(r.recall), _f(r.f1), r.predicted, r.note] for r in rows],
    ))
    for note in [*notes, PEER_MAPPING_NOTE]:
        print(f"\n{note}")
    if args.report:
        return 0
    print("\n## Outline — dev-gold headings (sections 壹–陸) found by each tool\n")
    outline_table, outline_notes = outline_rows(nodes, outline_seconds, args.runs, skip)
    print(table(["tool", "CPU time", "× ours", "headings found", "at the right level", "precision of items started", "note"], outline_table))
    for note in [*outline_notes, OUTLINE_NOTE]:
        print(f"\n{note}")
    return 0


def _ratio(row: Row, ours: Row | None) -> str:
    if ours is None or row is ours or not row.seconds or not ours.seconds:
        return "1×" if row is ours else "—"
    return f"{row.seconds / ours.seconds:.1f}×"


def _ms(seconds: float | None) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds is not None else "—"


def _f(value: float | None) -> str:
    return f"{value:.3f}" if value is not None else "—"


if __name__ == "__main__":
    sys.exit(main())
