"""How long the sample report takes to ingest, stage by stage (issue 2: parse + store < 0.5 s;
issue 8: end to end through the command < 1 s).

In process: read → layout → outline → claims → entities (timed at the stage marks that
`pipeline.parse_source` reports) → store into a fresh SQLite file, repeated; the median of
each stage is printed. The store is shown in its two parts: making the rows (store.rows: JSON
columns, the search index's folded units and tokens — done by the workers in a bulk ingest)
and inserting them (what the single writer of a bulk ingest does). End to end: `policyledger
ingest SAMPLE` as a user runs it, a new Python process each time (start-up and imports
included), into a fresh database; and `policyledger --help`, the start-up alone.

    .venv/bin/python benchmarks/ingest_speed.py [--runs 7] [--e2e-runs 3] [--db postgresql://…]
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from bench_util import SAMPLE, context_line, median, ms, table
from policyledger.pipeline import parse_source, source_text
from policyledger.read import load, read_bytes
from policyledger.store.db import connect
from policyledger.store.repository import delete_document, save_rows
from policyledger.store.rows import document_rows

STAGES = ("read", "layout", "outline", "claims", "entities", "store: rows", "store: insert")


def one_run(engine_url: str) -> dict[str, tuple[float, float]]:
    """(wall, CPU) seconds per stage for one parse + store of the sample.

    CPU time is shown beside wall time because the machine is shared: when other work
    competes for the two cores, wall time stretches and CPU time stays close to the truth."""
    times: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    engine = connect(engine_url)
    clock = lambda: (time.perf_counter(), time.process_time())  # noqa: E731
    started = clock()
    data = load(SAMPLE)
    source = read_bytes(data, SAMPLE.name)
    marks = [("read", started), ("layout", clock())]

    def mark(stage: str) -> None:
        marks.append((stage, clock()))

    document = parse_source(source, data, mark)
    mark("store: rows")
    rows = document_rows(document, source_text(source))
    mark("store: insert")
    save_rows(engine, rows)
    mark("end")
    for (stage, at), (_, until) in itertools.pairwise(marks):
        times[stage][0] += until[0] - at[0]
        times[stage][1] += until[1] - at[1]
    times["total"] = [marks[-1][1][0] - started[0], marks[-1][1][1] - started[1]]
    delete_document(engine, document.id)
    engine.dispose()
    return {stage: (wall, cpu) for stage, (wall, cpu) in times.items()}


def in_process(runs: int, db: str | None) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) seconds per stage over `runs` runs (one warm-up run first, not counted)."""
    with tempfile.TemporaryDirectory() as scratch:
        url = db or f"sqlite:///{Path(scratch) / 'bench.db'}"
        one_run(url)
        samples = [one_run(url) for _ in range(runs)]
    order = (*STAGES, "total")
    keys = sorted({key for sample in samples for key in sample}, key=lambda k: order.index(k) if k in order else len(order))
    return {key: (median([s.get(key, (0.0, 0.0))[0] for s in samples]), median([s.get(key, (0.0, 0.0))[1] for s in samples])) for key in keys}


def end_to_end(runs: int, *args: str) -> tuple[float, float]:
    """Median wall time and CPU time (user + system of the child) of `policyledger ARGS`
    (default: ingest SAMPLE), each in a fresh process and database."""
    walls, cpus = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as scratch:
            env = {**os.environ, "POLICYLEDGER_DB": f"sqlite:///{Path(scratch) / 'e2e.db'}"}
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "policyledger", *(args or ("ingest", str(SAMPLE)))], env=env, check=True, capture_output=True)
            walls.append(time.perf_counter() - started)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return median(walls), median(cpus)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Ingest speed of the sample report, stage by stage.")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--e2e-runs", type=int, default=3, help="runs of the real command (0 to skip)")
    parser.add_argument("--db", help="database URL for the store stage (default: a fresh SQLite file)")
    args = parser.parse_args(argv)
    print(context_line())
    stages = in_process(args.runs, args.db)
    parse = sum(cpu for k, (_, cpu) in stages.items() if not k.startswith("store") and k != "total")
    rows = [[stage, ms(wall), ms(cpu)] for stage, (wall, cpu) in stages.items()]
    print(f"\nSample: {SAMPLE.name} ({SAMPLE.stat().st_size / 1e3:.0f} kB), median of {args.runs} runs, store: {args.db or 'SQLite file'}")
    print(table(["stage", "wall (median)", "CPU (median)"], rows))
    total_wall, total_cpu = stages["total"]
    verdict = "met" if total_cpu < 0.5 else "NOT met"
    print(f"CPU: parse (read..entities) {ms(parse)}; parse + store {ms(total_cpu)} (wall {ms(total_wall)}) — target < 500 ms: {verdict}")
    if args.e2e_runs:
        wall, cpu = end_to_end(args.e2e_runs)
        verdict = "met" if cpu < 1 else "NOT met"
        print(f"`policyledger ingest SAMPLE` end to end (new process, fresh SQLite), median of {args.e2e_runs}: CPU {ms(cpu)}, wall {ms(wall)} — target < 1 s: {verdict}")
        wall, cpu = end_to_end(args.e2e_runs, "--help")
        print(f"`policyledger --help` (start-up alone: Python, the command line's imports), median of {args.e2e_runs}: CPU {ms(cpu)}, wall {ms(wall)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
