"""Every question's outcome, to see what a change to `ask` wins and loses, question by question.

    .venv/bin/python benchmarks/ask_outcomes.py tmp/before.tsv          # dump, with the code as it is
    … change the code …
    .venv/bin/python benchmarks/ask_outcomes.py tmp/after.tsv
    .venv/bin/python benchmarks/ask_outcomes.py --compare tmp/before.tsv tmp/after.tsv

A dump asks every question of the dev gold and of benchmarks/own-gold* on the sample, and each
other report's questions on that report (benchmarks/other-reports/), each report in a SQLite file
of its own, at ask's threshold; one line a question: set, question, answered, right, confidence,
answer text. --compare prints the totals of both (answerable right, wrong figures given,
not-in-report questions answered — on the sample's sets and on the other reports) and every
question whose outcome or answer changed. Questions only one dump has are counted, not compared.
"""

from __future__ import annotations

import argparse
import csv
import tempfile
from pathlib import Path

from bench_util import GOLD, ROOT, SAMPLE
from policyledger.ask import ask
from policyledger.evaluate import answer_is_right, read_jsonl
from policyledger.ingest import ingest_path
from policyledger.store.db import connect

OTHER_REPORTS = ROOT / "benchmarks" / "other-reports"
FIELDS = ("set", "question", "answered", "right", "confidence", "answer")


def sample_sets() -> list[Path]:
    dev = [GOLD / "qa.jsonl"] if (GOLD / "qa.jsonl").exists() else []
    return [*dev, *sorted((ROOT / "benchmarks").glob("own-gold*/qa.jsonl"))]


def outcomes(report: Path, question_files: list[Path]) -> list[dict[str, str]]:
    """Each question of `question_files` asked of `report`, ingested into a fresh SQLite file."""
    with tempfile.TemporaryDirectory() as scratch:
        engine = connect(f"sqlite:///{Path(scratch) / 'ledger.db'}")
        ingest_path(engine, report)
        rows = []
        for path in question_files:
            for gold in read_jsonl(path):
                result = ask(engine, gold["q"])
                answer = result["answer"]
                asked_nothing = gold["kind"] == "not_in_report"
                right = answer is None if asked_nothing else answer is not None and answer_is_right(gold, result)
                rows.append({
                    "set": path.parent.name, "question": gold["q"], "answered": str(int(answer is not None)),
                    "right": str(int(right)), "confidence": f"{result['confidence']:.3f}", "answer": answer["text"] if answer else "",
                    "not_in_report": str(int(asked_nothing)),
                })
        engine.dispose()
    return rows


def dump(target: Path) -> None:
    rows = outcomes(SAMPLE, sample_sets())
    for folder in sorted(p for p in OTHER_REPORTS.iterdir() if (p / "qa.jsonl").exists()):
        rows += outcomes(folder / "report.txt", [folder / "qa.jsonl"])
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=[*FIELDS, "not_in_report"], delimiter="\t")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} questions → {target}")


def read_dump(path: Path) -> dict[tuple[str, str], dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return {(row["set"], row["question"]): row for row in csv.DictReader(handle, delimiter="\t")}


def totals(rows: list[dict[str, str]]) -> str:
    answerable = [row for row in rows if row["not_in_report"] == "0"]
    absent = [row for row in rows if row["not_in_report"] == "1"]
    right = sum(row["right"] == "1" for row in answerable)
    wrong = sum(row["answered"] == "1" and row["right"] == "0" for row in answerable)
    answered_anyway = sum(row["answered"] == "1" for row in absent)
    return f"answerable right {right}/{len(answerable)}, wrong figures {wrong}, not in report answered {answered_anyway}/{len(absent)}"


def compare(before_path: Path, after_path: Path) -> None:
    before, after = read_dump(before_path), read_dump(after_path)
    other_reports = {folder.name for folder in OTHER_REPORTS.iterdir() if folder.is_dir()}
    for name, rows in (("before", before), ("after", after)):
        for group, other in (("sample", False), ("other reports", True)):
            chosen = [row for (folder, _), row in rows.items() if (folder in other_reports) == other]
            print(f"{name:6} {group:13} {totals(chosen)}")
    for key, old in before.items():
        new = after.get(key)
        if new is not None and (old["right"], old["answered"], old["answer"]) != (new["right"], new["answered"], new["answer"]):
            mark = "+" if new["right"] > old["right"] else "-" if new["right"] < old["right"] else "~"
            print(f"{mark} {key[0]}  {key[1]}  {old['answer'] or '—'} ({old['confidence']}) → {new['answer'] or '—'} ({new['confidence']})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", nargs="?", type=Path, help="Where to write the dump (TSV).")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args()
    if args.compare:
        compare(*args.compare)
    elif args.target:
        dump(args.target)
    else:
        parser.error("give a file to dump to, or --compare BEFORE AFTER")


if __name__ == "__main__":
    main()
