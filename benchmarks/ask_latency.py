"""Ask latency, and a snapshot of every answer to check a speed-up changes none of them.

Latency: `policyledger.ask.ask` (no --doc, as the command and /api/ask call it) over the dev
questions (../shared/dev-gold/qa.jsonl), our own (benchmarks/own-gold*/qa.jsonl) and the extra
questions of benchmarks/ask_extra.txt (other units, periods, dates, lists, Simplified and
full-width input, questions the report does not answer), in process, warm: one pass first,
then --runs passes; p50/p95 of wall time and of this process's CPU time. Also `search` over
benchmarks/queries.json (limit 20). Targets: ask p95 < 150 ms on the sample (issue 4),
< 200 ms at 1,000 documents (issue 8); search p95 < 50 ms.

Snapshot: the full JSON of every ask and of every search (limit 20, the command's default)
written with --snapshot FILE, compared with --compare FILE (exit 1 on any difference).

    .venv/bin/python benchmarks/ask_latency.py --db sqlite:///tmp/bench/ask-sample.db --runs 3
    .venv/bin/python benchmarks/ask_latency.py --db URL --snapshot tmp/ask-before.jsonl
    .venv/bin/python benchmarks/ask_latency.py --db URL --compare tmp/ask-before.jsonl --runs 0
    .venv/bin/python benchmarks/ask_latency.py --db URL --profile 1 --runs 0    # cProfile, top 30

Without --db the sample is ingested into tmp/bench/ask-sample.db (once).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.engine import make_url

from bench_util import GOLD, ROOT, SAMPLE, SCRATCH, context_line, percentile, table
from policyledger.ask import ask
from policyledger.ingest import ingest_path
from policyledger.search import search
from policyledger.store.db import connect
from policyledger.store.schema import documents

QUESTION_FILES = [GOLD / "qa.jsonl", *sorted((ROOT / "benchmarks").glob("own-gold*/qa.jsonl")), ROOT / "benchmarks" / "ask_extra.txt"]
QUERIES = ROOT / "benchmarks" / "queries.json"
TARGETS = {"ask": (0.150, 0.200), "search": (0.050, 0.050)}  # p95 at 1 document, at 1,000


def questions() -> list[str]:
    found: list[str] = []
    for path in QUESTION_FILES:
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line:
                found.append(json.loads(line)["q"] if line.startswith("{") else line)
    return found


def queries() -> list[str]:
    return [entry["query"] for entry in json.loads(QUERIES.read_text(encoding="utf-8"))["queries"]]


def outputs(engine: Engine) -> list[dict[str, Any]]:
    """Every answer and every hit list, as JSON values."""
    rows = [{"ask": q, "output": ask(engine, q)} for q in questions()]
    rows += [{"search": q, "output": [hit.record() for hit in search(engine, q)]} for q in queries()]
    return json.loads(json.dumps(rows, ensure_ascii=False, default=str))


def compare(engine: Engine, path: Path) -> int:
    before = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    after = outputs(engine)
    differing = [(old, new) for old, new in zip(before, after, strict=False) if old != new]
    if len(before) != len(after):
        print(f"different number of entries: {len(before)} before, {len(after)} now")
    for old, new in differing:
        print("DIFFERS:", json.dumps(old, ensure_ascii=False)[:600])
        print("    now:", json.dumps(new, ensure_ascii=False)[:600])
    print(f"{len(after) - len(differing)}/{len(after)} outputs identical to {path}")
    return 1 if differing or len(before) != len(after) else 0


def measure(call: Callable[[str], Any], inputs: list[str], runs: int) -> tuple[list[float], list[float]]:
    for item in inputs:  # warm-up: caches, statement compilation
        call(item)
    walls, cpus = [], []
    for _ in range(runs):
        for item in inputs:
            started, cpu = time.perf_counter(), time.process_time()
            call(item)
            walls.append(time.perf_counter() - started)
            cpus.append(time.process_time() - cpu)
    return walls, cpus


def document_count(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(documents)).scalar_one())


def latency_rows(engine: Engine, runs: int) -> list[list[object]]:
    docs = document_count(engine)
    rows: list[list[object]] = []
    for name, call, inputs in (("ask", lambda q: ask(engine, q), questions()), ("search", lambda q: search(engine, q), queries())):
        walls, cpus = measure(call, inputs, runs)
        target = TARGETS[name][0 if docs == 1 else 1]
        wall95, cpu95 = percentile(walls, 0.95), percentile(cpus, 0.95)
        rows.append([
            engine.dialect.name, name, f"{docs:,}", len(walls), f"{percentile(walls, 0.5) * 1000:.1f}", f"{wall95 * 1000:.1f}",
            f"{percentile(cpus, 0.5) * 1000:.1f}", f"{cpu95 * 1000:.1f}", f"{max(walls) * 1000:.0f}",
            f"< {target * 1000:.0f} ms: wall {'met' if wall95 < target else 'NOT met'}, CPU {'met' if cpu95 < target else 'NOT met'}",
        ])
    return rows


def profile(engine: Engine, passes: int, top: int) -> None:
    asked = questions()
    for q in asked:
        ask(engine, q)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(passes):
        for q in asked:
            ask(engine, q)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(top)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(top)


def sample_url() -> str:
    SCRATCH.mkdir(parents=True, exist_ok=True)
    path = SCRATCH / "ask-sample.db"
    url = f"sqlite:///{path}"
    if not path.exists():
        ingest_path(connect(url), SAMPLE)
    return url


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="an existing database (default: the sample alone in tmp/bench/ask-sample.db)")
    parser.add_argument("--runs", type=int, default=3, help="timed passes over the questions and queries (0: none)")
    parser.add_argument("--snapshot", type=Path, help="write every ask and search output here (JSON lines)")
    parser.add_argument("--compare", type=Path, help="compare every output with this snapshot")
    parser.add_argument("--profile", type=int, default=0, metavar="PASSES", help="cProfile this many passes of ask")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args(argv)
    url = args.db or sample_url()
    engine = connect(url, create=False)
    status = 0
    if args.snapshot:
        args.snapshot.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in outputs(engine)), encoding="utf-8")
        print(f"wrote {args.snapshot}")
    if args.compare:
        status = compare(engine, args.compare)
    if args.profile:
        profile(engine, args.profile, args.top)
    if args.runs:
        print(context_line())
        print(f"{make_url(url).render_as_string(hide_password=True)}: {len(questions())} questions, {len(queries())} queries, {args.runs} runs")
        headers = ["backend", "call", "documents", "calls", "wall p50 ms", "wall p95 ms", "CPU p50 ms", "CPU p95 ms", "wall max ms", "p95 target"]
        print(table(headers, latency_rows(engine, args.runs)))
    engine.dispose()
    return status


if __name__ == "__main__":
    sys.exit(main())
