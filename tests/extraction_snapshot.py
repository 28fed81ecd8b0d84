"""Dump everything claim and entity extraction produce, to compare two versions byte for byte.

A speed change to `quantity/` or `entities.py` must not change a single output. Run this before
and after the change and diff the two folders:

    .venv/bin/python tests/extraction_snapshot.py tmp/snap-before [--corpus tmp/bench] [--spec-dir DIR]
    … change the code …
    .venv/bin/python tests/extraction_snapshot.py tmp/snap-after  [same options]
    diff -r tmp/snap-before tmp/snap-after

What is dumped (every field, floats by repr, one JSON object a line):
- the bundled sample and each report of `--corpus` (e.g. made by benchmarks/make_corpus.py),
  through the whole parse: claims with their linked entities, entities, the report's date;
- each input of the Recognizers-Text Chinese specs, as written and in Traditional characters,
  as a one-item report, and through `recognize.find_numbers` / `find_percentages` with the
  unit after each number (`match_unit`, `normalize`);
- spliced items: pieces of the sample's items cut at random places and joined in a fixed random
  order (seeded), so that figures, dates and cues meet at boundaries no report has.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import asdict, fields
from datetime import date
from pathlib import Path
from typing import Any

from policyledger.entities import extract_entities, link_claims
from policyledger.evaluate import DEMO_REPORT
from policyledger.model import Node
from policyledger.pipeline import parse_source
from policyledger.quantity.claims import extract
from policyledger.quantity.recognize import find_numbers, find_percentages
from policyledger.quantity.units import match_unit, normalize
from policyledger.read import read_bytes

SPEC_FILES = ("Number-NumberModel.json", "Number-PercentModel.json", "NumberWithUnit-CurrencyModel.json", "NumberWithUnit-DimensionModel.json")
_PATHS = ("壹", "壹/一", "壹/一/(一)", "壹/一/(一)/1", "壹/一/(一)/2", "壹/一/(二)", "壹/二", "貳", "貳/一", "貳/一/(一)")


def plain(value: Any) -> Any:
    """A JSON-able form that keeps every bit: floats by repr, dates ISO."""
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value


def claim_dump(claim: Any) -> dict[str, Any]:
    return {field.name: plain(getattr(claim, field.name)) for field in fields(claim)}


def document_lines(data: bytes, name: str) -> list[str]:
    document = parse_source(read_bytes(data, name), data)
    lines = [json.dumps({"report_date": plain(document.report_date), "nodes": len(document.nodes)}, ensure_ascii=False)]
    lines += [json.dumps({"claim": claim_dump(claim)}, ensure_ascii=False) for claim in document.claims]
    lines += [json.dumps({"entity": plain(asdict(entity))}, ensure_ascii=False) for entity in document.entities]
    return lines


def nodes_lines(nodes: list[Node]) -> list[str]:
    """Claims and entities of hand-made items (no layout or outline stage in between)."""
    claims, now = extract(nodes)
    entities = extract_entities(nodes)
    link_claims(claims, entities, nodes)
    lines = [json.dumps({"report_date": plain(now)}, ensure_ascii=False)]
    lines += [json.dumps({"claim": claim_dump(claim)}, ensure_ascii=False) for claim in claims]
    lines += [json.dumps({"entity": plain(asdict(entity))}, ensure_ascii=False) for entity in entities]
    return lines


def make_node(text: str, path: str, ordinal: int, line: int) -> Node:
    first = text.split("\n", 1)[0]
    marker = path.rpartition("/")[2] + "、" if path else ""
    title = first.split("：", 1)[0][:30] if "：" in first[:30] else ""
    anchors = [(0, line)]
    for offset, char in enumerate(text):
        if char == "\n":
            anchors.append((offset + 1, line + len(anchors)))
    return Node(path, path.count("/") + 1 if path else 0, path.count("/") + 1 if path else 0, marker, title, text,
                line, line + len(anchors) - 1, line_anchors=anchors, ordinal=ordinal)


def recognizer_lines(text: str) -> list[str]:
    lines = []
    for number in find_numbers(text):
        position = number.end
        while position < len(text) and text[position] in " \t":
            position += 1
        unit = match_unit(text, position)
        normalized = normalize(number.value, unit) if unit is not None else None
        lines.append(json.dumps({"number": plain(asdict(number)), "unit": plain(asdict(unit)) if unit else None,
                                 "normalized": plain(normalized)}, ensure_ascii=False))
    lines += [json.dumps({"percent": plain(asdict(p))}, ensure_ascii=False) for p in find_percentages(text)]
    return lines


def spec_lines(spec_dir: Path) -> list[str]:
    import opencc

    to_traditional = opencc.OpenCC("s2t")
    lines = []
    for name in SPEC_FILES:
        for case in json.loads((spec_dir / name).read_text(encoding="utf-8-sig")):
            for text in dict.fromkeys((case["Input"], to_traditional.convert(case["Input"]))):
                lines.append(json.dumps({"input": text}, ensure_ascii=False))
                lines += recognizer_lines(text)
                lines += nodes_lines([make_node(text, "壹", 0, 1)])
    return lines


def spliced_lines(seed: int, reports: int, items: int) -> list[str]:
    """Pieces of the sample's items cut at random offsets and joined in a random order."""
    document = parse_source(read_bytes(DEMO_REPORT.read_bytes(), DEMO_REPORT.name), DEMO_REPORT.read_bytes())
    texts = [node.text for node in document.nodes if node.text]
    rng = random.Random(seed)
    lines = []
    for report in range(reports):
        nodes = []
        for ordinal in range(items):
            pieces = []
            for _ in range(rng.randint(1, 4)):
                text = rng.choice(texts)
                start = rng.randrange(len(text))
                pieces.append(text[start:start + rng.randint(1, 160)])
            nodes.append(make_node("".join(pieces), _PATHS[ordinal % len(_PATHS)], ordinal, 1 + 10 * ordinal))
        lines.append(json.dumps({"spliced report": report}, ensure_ascii=False))
        lines += nodes_lines(nodes)
    return lines


def write(out: Path, name: str, lines: list[str]) -> None:
    (out / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{name}: {len(lines)} lines")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--corpus", type=Path, help="a folder of .txt reports to dump as well")
    parser.add_argument("--spec-dir", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "external" / "recognizers-text-zh")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--spliced", type=int, default=200, help="spliced reports (of 60 items each)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    write(args.out, "sample", document_lines(DEMO_REPORT.read_bytes(), DEMO_REPORT.name))
    for path in sorted(args.corpus.glob("*.txt")) if args.corpus else []:
        write(args.out, f"corpus-{path.stem}", document_lines(path.read_bytes(), path.name))
    if args.spec_dir.is_dir():
        write(args.out, "recognizers-text-specs", spec_lines(args.spec_dir))
    else:
        print(f"no spec folder at {args.spec_dir}: skipped", file=sys.stderr)
    write(args.out, "spliced", spliced_lines(args.seed, args.spliced, 60))
    return 0


if __name__ == "__main__":
    sys.exit(main())
