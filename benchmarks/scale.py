"""A thousand reports on one machine: bulk ingest throughput, memory, database size, and search
and ask latency at 1 document and after the corpus, on SQLite and PostgreSQL (issue 8).

For each backend, in a fresh database (SQLite: tmp/bench/scale-N.db; PostgreSQL: a database
pl_bench_<random> on 127.0.0.1:5432, dropped afterwards):
1. the sample alone is ingested; search and ask latency are measured (p50/p95, in process,
   warm: the queries of benchmarks/queries.json and the questions of the dev gold's qa.jsonl);
2. N generated reports (benchmarks/make_corpus.py: shuffled sections, perturbed figures) are
   ingested by the real command, `policyledger ingest DIR/` — worker processes parse, one
   writer stores — timed, with the peak memory of the whole process tree sampled from /proc
   (the sum over all its processes at the worst moment) and ru_maxrss of the largest process;
3. the database size is read, and the latencies are measured again at N + 1 documents.

Targets (2-core machine): N = 1,000 ingested in < 5 min with peak memory < 2 GB; search p95
< 50 ms and ask p95 < 200 ms at 1,000 documents.

    .venv/bin/python benchmarks/scale.py --docs 50                  # a quick check
    .venv/bin/python benchmarks/scale.py --docs 1000 --backend sqlite --backend postgresql
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import secrets
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select, text
from sqlalchemy.engine import make_url

from bench_util import GOLD, ROOT, SAMPLE, SCRATCH, context_line, percentile, table
from make_corpus import generate
from policyledger.ingest import ingest_path
from policyledger.store.db import connect
from policyledger.store.schema import documents

PG_SERVER = os.environ.get("POLICYLEDGER_TEST_PG") or "postgresql://postgres@127.0.0.1:5432/test"
QUERIES = ROOT / "benchmarks" / "queries.json"
TARGETS = {"ingest_seconds": 300.0, "peak_mb": 2000.0, "search_p95": 0.050, "ask_p95": 0.200}


@dataclass
class Latency:
    p50: float
    p95: float
    calls: int
    cpu_p50: float = 0.0  # CPU of this process per call: robust to other work on the machine
    cpu_p95: float = 0.0  # (for PostgreSQL it leaves out the server's share)


@dataclass
class BackendResult:
    backend: str
    docs: int = 0
    ingest_seconds: float = 0.0
    megabytes: float = 0.0
    failed: int = 0
    cpu_seconds: float = 0.0  # user + system of the command and all its workers
    peak_tree_mb: float = 0.0
    peak_process_mb: float = 0.0
    db_mb: float = 0.0
    latency: dict[str, Latency] = field(default_factory=dict)  # "search@1", "ask@1001", ...
    notes: list[str] = field(default_factory=list)


# --- memory of a process tree ------------------------------------------------------------------


class TreeMemory:
    """Samples the resident memory of a process and all its descendants from /proc, keeping
    the largest sum seen. RUSAGE_CHILDREN alone gives the largest single process, not the sum.
    Also keeps each process's time spent runnable but waiting for a core (schedstat): on a
    shared machine, that is how much of the wall time other work took from the ingest."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        self.pid, self.interval, self.peak_mb = pid, interval, 0.0
        self.waits: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def waited_seconds(self) -> float:
        return sum(self.waits.values())

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            pids = _tree(self.pid)
            self.peak_mb = max(self.peak_mb, sum(_rss_mb(pid) for pid in pids))
            for pid in pids:
                self.waits[pid] = max(self.waits.get(pid, 0.0), _runqueue_seconds(pid))


def _tree(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                    parents[int(entry)] = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    found, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        found += frontier
    return found


def _runqueue_seconds(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/schedstat", encoding="ascii") as handle:
            return int(handle.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


# --- databases ---------------------------------------------------------------------------------


def fresh_database(backend: str, docs: int) -> tuple[str, Callable[[], None]]:
    """A URL for an empty database, and how to remove it afterwards."""
    if backend == "sqlite":
        SCRATCH.mkdir(parents=True, exist_ok=True)
        path = SCRATCH / f"scale-{docs}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}", lambda: None
    import psycopg

    name = f"pl_bench_{secrets.token_hex(4)}"
    with psycopg.connect(PG_SERVER, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(PG_SERVER, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return make_url(PG_SERVER).set(database=name).render_as_string(hide_password=False), drop


def database_mb(engine: Engine, url: str) -> float:
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        path = Path(make_url(url).database or "")
        return sum(Path(f"{path}{s}").stat().st_size for s in ("", "-wal") if Path(f"{path}{s}").exists()) / 1e6
    with engine.connect() as connection:
        return connection.execute(text("SELECT pg_database_size(current_database())")).scalar_one() / 1e6


def document_count(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(documents)).scalar_one())


# --- latency -----------------------------------------------------------------------------------


def questions(limit: int | None) -> tuple[list[str], list[str]]:
    """Search queries and ask questions; `limit` keeps every k-th, so each kind stays represented."""
    queries = [q["query"] for q in json.loads(QUERIES.read_text(encoding="utf-8"))["queries"]] if QUERIES.exists() else []
    asks = [json.loads(line)["q"] for line in (GOLD / "qa.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    if limit:
        queries, asks = (items[:: max(1, len(items) // limit)][:limit] for items in (queries, asks))
    return queries, asks


def measure(call: Callable[[str], Any], inputs: list[str], runs: int) -> Latency:
    for item in inputs:  # warm-up: caches, statement compilation
        call(item)
    times, cpus = [], []
    for _ in range(runs):
        for item in inputs:
            started, cpu = time.perf_counter(), time.process_time()
            call(item)
            times.append(time.perf_counter() - started)
            cpus.append(time.process_time() - cpu)
    return Latency(percentile(times, 0.5), percentile(times, 0.95), len(times), percentile(cpus, 0.5), percentile(cpus, 0.95))


def latencies(engine: Engine, at: int, runs: int, result: BackendResult, limit: int | None) -> None:
    queries, asks = questions(limit)
    try:
        from policyledger.search import search

        result.latency[f"search@{at}"] = measure(lambda q: search(engine, q), queries, runs)
    except ImportError as exc:
        result.notes.append(f"search not measured: policyledger.search is not there yet ({exc})")
    try:
        from policyledger.ask import ask

        result.latency[f"ask@{at}"] = measure(lambda q: ask(engine, q), asks, runs)
    except ImportError as exc:
        result.notes.append(f"ask not measured: policyledger.ask is not there yet ({exc})")


# --- the run -----------------------------------------------------------------------------------


def bulk_ingest(url: str, folder: Path) -> tuple[float, float, float, float, str, float]:
    """Run `policyledger ingest FOLDER` as a user would: seconds, CPU seconds (the command and
    its workers), peak tree MB, largest process MB, output, seconds its processes waited for a core."""
    env = {**os.environ, "POLICYLEDGER_DB": url, "COLUMNS": "200"}
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "policyledger", "ingest", str(folder)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    with TreeMemory(process.pid) as memory:
        output, _ = process.communicate()
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    largest = max(before, usage.ru_maxrss) / 1024
    return seconds, usage.ru_utime + usage.ru_stime - cpu, memory.peak_mb, largest, output, memory.waited_seconds


def run_backend(backend: str, paths: list[Path], runs: int, limit: int | None) -> BackendResult:
    result = BackendResult(backend)
    url, drop = fresh_database(backend, len(paths))
    try:
        engine = connect(url)
        ingest_path(engine, SAMPLE)
        latencies(engine, 1, runs, result, limit)
        seconds, cpu, tree_mb, process_mb, output, waited = bulk_ingest(url, paths[0].parent)
        result.docs = document_count(engine)
        result.ingest_seconds, result.cpu_seconds, result.peak_tree_mb, result.peak_process_mb = seconds, cpu, tree_mb, process_mb
        result.megabytes = sum(path.stat().st_size for path in paths) / 1e6
        result.failed = sum(1 for line in output.splitlines() if line.startswith("failed:"))
        result.notes.append("ingest: " + " / ".join(line.strip() for line in output.splitlines() if " in " in line or "stored" in line)[:300])
        share = cpu / max(seconds, 1e-9) / (os.cpu_count() or 1)
        result.notes.append(
            f"ingest: CPU use {share:.0%} of the cores; its processes waited {waited:.0f} s in all for a core"
            f" (others' work on the machine); load average at its end {os.getloadavg()[0]:.1f}"
        )
        result.db_mb = database_mb(engine, url)
        latencies(engine, result.docs, runs, result, limit)
        engine.dispose()
    finally:
        drop()
    return result


def report(results: list[BackendResult], count: int) -> str:
    lines = [ingest_table(results, count), "", latency_table(results)]
    for r in results:
        per_thousand = r.ingest_seconds * 1000 / count
        verdicts = [
            f"{count:,} docs in {r.ingest_seconds:.0f} s, i.e. {per_thousand:.0f} s per 1,000 "
            f"({'met' if per_thousand < TARGETS['ingest_seconds'] else 'NOT met'}: < 300 s{'' if count >= 1000 else ', extrapolated'})",
            f"peak {r.peak_tree_mb:,.0f} MB ({'met' if r.peak_tree_mb < TARGETS['peak_mb'] else 'NOT met'}: < 2 GB)",
        ]
        lines.append(f"\n{r.backend}: " + "; ".join(verdicts))
        lines += [f"  {note}" for note in r.notes]
    return "\n".join(lines)


def ingest_table(results: list[BackendResult], count: int) -> str:
    rows = []
    for r in results:
        rows.append([
            r.backend, f"{r.docs:,}", f"{r.ingest_seconds:.0f} s", f"{r.cpu_seconds:.0f} s", f"{count / r.ingest_seconds:.2f}", f"{r.megabytes / r.ingest_seconds:.2f}",
            f"{r.peak_tree_mb:,.0f} MB", f"{r.peak_process_mb:,.0f} MB", f"{r.db_mb:,.0f} MB", r.failed,
        ])
    headers = ["backend", "docs in db", f"ingest {count:,}", "CPU, all processes", "docs/s", "MB/s", "peak RSS, all processes", "largest process", "db size", "failed"]
    return table(headers, rows)


def latency_table(results: list[BackendResult]) -> str:
    rows = []
    for r in results:
        for key, latency in r.latency.items():
            what, at = key.split("@")
            target = TARGETS[f"{what}_p95"]
            verdict = f"< {target * 1000:.0f} ms: {'met' if latency.p95 < target else 'NOT met'}"
            cpu = f"{latency.cpu_p50 * 1000:.1f} / {latency.cpu_p95 * 1000:.1f} ms"
            rows.append([r.backend, what, f"{int(at):,}", f"{latency.p50 * 1000:.1f} ms", f"{latency.p95 * 1000:.1f} ms", cpu, latency.calls, verdict])
    return table(["backend", "call", "documents", "p50", "p95", "CPU p50 / p95", "calls", "p95 target"], rows)


def latency_only(url: str, runs: int, limit: int | None) -> int:
    engine = connect(url, create=False)
    result = BackendResult(engine.dialect.name)
    latencies(engine, document_count(engine), runs, result, limit)
    print(latency_table([result]))
    for note in result.notes:
        print(note)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Bulk ingest and query latency at scale.")
    parser.add_argument("--docs", type=int, default=1000, help="generated documents to ingest (default 1000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--backend", action="append", choices=["sqlite", "postgresql"], help="default: both")
    parser.add_argument("--runs", type=int, default=3, help="rounds over the query lists for latency")
    parser.add_argument("--questions", type=int, help="use at most this many search queries and ask questions (spread over the lists)")
    parser.add_argument("--latency-only", metavar="URL", help="only measure search and ask latency on this existing database")
    args = parser.parse_args(argv)
    print(context_line())
    if args.latency_only:
        return latency_only(args.latency_only, args.runs, args.questions)
    paths = generate(args.docs, args.seed, SCRATCH)
    size = sum(path.stat().st_size for path in paths) / 1e6
    print(f"corpus: {len(paths)} generated documents, {size:.1f} MB, in {paths[0].parent} (seed {args.seed})", flush=True)
    results = []
    for backend in args.backend or ["sqlite", "postgresql"]:
        print(f"{backend}: sample, latency at 1 document, then the corpus…", flush=True)
        results.append(run_backend(backend, paths, args.runs, args.questions))
    print()
    print(report(results, len(paths)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
