"""Where `ask` should stop answering: every question of the dev gold and of benchmarks/own-gold*
asked once with no threshold, then cut at several thresholds — right answers, wrong figures and
not-in-report questions answered anyway at each. The sample is ingested into tmp/bench/ once.

    .venv/bin/python benchmarks/answer_threshold.py
"""

from __future__ import annotations

from pathlib import Path

from bench_util import GOLD, ROOT, SAMPLE, SCRATCH, context_line, table
from policyledger import ask as asking
from policyledger.evaluate import answer_is_right, read_jsonl
from policyledger.ingest import ingest_path
from policyledger.store.db import connect

THRESHOLDS = (0.40, 0.45, 0.50, 0.55, 0.60, 0.65)
CURRENT = asking.ANSWER_THRESHOLD


def question_files() -> list[Path]:
    return [GOLD / "qa.jsonl", *sorted((ROOT / "benchmarks").glob("own-gold*/qa.jsonl"))]


def main() -> None:
    SCRATCH.mkdir(parents=True, exist_ok=True)
    database = SCRATCH / "answer-threshold.db"
    database.unlink(missing_ok=True)
    engine = connect(f"sqlite:///{database}")
    ingest_path(engine, SAMPLE)
    asking.ANSWER_THRESHOLD = 0.0  # every best figure comes back, with its confidence
    asked = []
    for path in question_files():
        for question in read_jsonl(path):
            result = asking.ask(engine, question["q"])
            answerable = question["kind"] != "not_in_report"
            right = answerable and result["answer"] is not None and answer_is_right(question, result)
            asked.append((answerable, result["confidence"] if result["answer"] is not None else -1.0, right))
    answerable_total = sum(1 for answerable, _, _ in asked if answerable)
    rows = []
    for threshold in THRESHOLDS:
        answered = [(answerable, right) for answerable, confidence, right in asked if confidence >= threshold]
        rows.append([
            f"{threshold:.2f}",
            f"{sum(1 for a, r in answered if a and r)} / {answerable_total}",
            sum(1 for a, r in answered if a and not r),
            f"{sum(1 for a, _ in answered if not a)} / {len(asked) - answerable_total}",
        ])
    print(context_line())
    print(f"{len(asked)} questions from {len(question_files())} files; ask's threshold is {CURRENT}")
    print(table(["threshold", "right", "wrong figure", "not-in-report answered"], rows))


if __name__ == "__main__":
    main()
