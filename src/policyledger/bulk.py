"""Ingesting many reports at once: every core parses, one writer stores.

Parsing a report (read, layout, outline, claims, entities) and making it into rows (the JSON
columns, the search index's folded units and tokens: store.rows) is pure CPU work on its own
bytes, so worker processes do it side by side. Inserting is not: SQLite takes one writer at a
time and PostgreSQL gains little from racing writers, so the calling process alone inserts, one
transaction per document, while the workers keep parsing. What crosses between them is the
rows, flat tuples that pickle far faster than the parsed Document's objects. A file that cannot
be read or parsed is recorded with the reason and the run goes on; its rows never reach the
database.

No user interface here: callers pass `on_outcome` to follow progress (the CLI draws a bar).
"""

from __future__ import annotations

import os
import pickle
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from multiprocessing.context import BaseContext
from pathlib import Path

from sqlalchemy import Engine, select

from policyledger.errors import InputError
from policyledger.pipeline import document_id, parse_source, source_text
from policyledger.read import load, read_bytes
from policyledger.store.db import refresh_statistics
from policyledger.store.repository import save_rows
from policyledger.store.rows import DocumentRows, document_rows
from policyledger.store.schema import documents

# --- what a worker hands back ------------------------------------------------------------------


@dataclass
class Parsed:
    """A report parsed in a worker and made into rows, ready for the writer to insert."""

    path: str
    rows: DocumentRows
    warnings: list[str]
    parse_seconds: float


@dataclass
class Known:
    """A file whose content is already in the database: nothing to parse or store."""

    path: str
    doc_id: str
    size_bytes: int


@dataclass
class Failed:
    path: str
    problem: str


# --- what the caller gets ----------------------------------------------------------------------


@dataclass
class Outcome:
    """What became of one file: status is "new", "unchanged" or "failed"."""

    path: str
    status: str
    doc_id: str | None = None
    problem: str | None = None
    size_bytes: int = 0
    node_count: int = 0
    claim_count: int = 0
    entity_count: int = 0
    warnings: list[str] = field(default_factory=list)


@dataclass
class BulkReport:
    outcomes: list[Outcome]
    seconds: float
    workers: int

    def with_status(self, status: str) -> list[Outcome]:
        return [outcome for outcome in self.outcomes if outcome.status == status]

    @property
    def failures(self) -> list[Outcome]:
        return self.with_status("failed")

    @property
    def new_bytes(self) -> int:
        return sum(outcome.size_bytes for outcome in self.with_status("new"))


OnOutcome = Callable[[Outcome], None]


# --- the worker side (runs in child processes; must stay importable and picklable) ---------------


def parse_file(path: str, known_ids: frozenset[str] = frozenset()) -> Parsed | Known | Failed:
    """Read and parse one file. Never raises: every problem comes back as a Failed."""
    started = time.perf_counter()
    try:
        data = load(path)
        doc_id, _ = document_id(data)
        if doc_id in known_ids:
            return Known(path, doc_id, len(data))
        source = read_bytes(data, Path(path).name)
        document = parse_source(source, data)
        rows = document_rows(document, source_text(source))
        return Parsed(path, rows, list(document.warnings), time.perf_counter() - started)
    except InputError as exc:
        return Failed(path, exc.problem)
    except Exception as exc:  # a parser bug must cost one file, not the whole run
        return Failed(path, f"could not be parsed ({type(exc).__name__}: {exc})")


def parse_file_spooled(path: str, known_ids: frozenset[str], spool: str) -> str:
    """parse_file, its result pickled to a file in `spool`; returns that file's name.

    The result pipe then carries only a short name, written atomically: a worker killed while
    sending a whole parsed report (about 1 MB) would leave half a message in the pipe that every
    worker shares, and the pool would wait for the rest for ever."""
    result = parse_file(path, known_ids)
    handle, name = tempfile.mkstemp(dir=spool, suffix=".pickle")
    with os.fdopen(handle, "wb") as spooled:
        pickle.dump(result, spooled, protocol=pickle.HIGHEST_PROTOCOL)
    return name


def _unspool(name: str) -> Parsed | Known | Failed:
    try:
        with open(name, "rb") as spooled:
            return pickle.load(spooled)  # our own worker wrote it, a moment ago
    finally:
        os.unlink(name)


# --- the writer side ---------------------------------------------------------------------------


# A load this large changes what the query planner should expect: right after 1,000 reports,
# before autovacuum caught up, PostgreSQL's search p95 was 388 ms; analysed, 25 ms (benchmarks/scale.py).
REFRESH_STATISTICS_AFTER = 20


def ingest_files(
    engine: Engine,
    paths: Iterable[str | Path],
    *,
    workers: int | None = None,
    on_outcome: OnOutcome | None = None,
    refresh_after: int = REFRESH_STATISTICS_AFTER,
) -> BulkReport:
    """Parse `paths` in `workers` processes (default: one per core, or this process alone for a
    small batch) and store each report; after `refresh_after` new reports or more, refresh the
    query planner's statistics.

    Files already in the database are recognised by their content id and skipped without
    parsing. Outcomes arrive in completion order, not in the order of `paths`."""
    started = time.perf_counter()
    files = [str(path) for path in paths]
    workers = max(1, min(workers or _auto_workers(files), len(files) or 1))
    known = _stored_ids(engine)
    report = BulkReport([], 0.0, workers)
    for result in _parse_all(files, known, workers):
        outcome = _store(engine, result)
        report.outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)
    if len(report.with_status("new")) >= refresh_after:
        refresh_statistics(engine)
    report.seconds = time.perf_counter() - started
    return report


SMALL_BATCH_BYTES = 512_000  # about three reports: less work than starting worker processes


def _auto_workers(files: list[str]) -> int:
    """One per core, except for a small batch: a spawned worker spends about a second
    importing the parser, longer than parsing a few hundred kB in this process."""
    total = 0
    for path in files:
        try:
            total += os.stat(path).st_size
        except OSError:
            continue  # the worker will report it
        if total > SMALL_BATCH_BYTES:
            return os.cpu_count() or 1
    return 1


def _stored_ids(engine: Engine) -> frozenset[str]:
    with engine.connect() as connection:
        return frozenset(connection.execute(select(documents.c.id)).scalars())


def _store(engine: Engine, result: Parsed | Known | Failed) -> Outcome:
    if isinstance(result, Failed):
        return Outcome(result.path, "failed", problem=result.problem)
    if isinstance(result, Known):
        return Outcome(result.path, "unchanged", doc_id=result.doc_id, size_bytes=result.size_bytes)
    rows = result.rows
    size_bytes = rows.document["size_bytes"]
    try:
        created = save_rows(engine, rows)
    except Exception as exc:  # the transaction rolled back: nothing of this file is stored
        return Outcome(result.path, "failed", doc_id=rows.doc_id, problem=f"could not be stored ({type(exc).__name__}: {exc})")
    if not created:  # the same content appeared twice in this run
        return Outcome(result.path, "unchanged", doc_id=rows.doc_id, size_bytes=size_bytes)
    return Outcome(
        result.path,
        "new",
        doc_id=rows.doc_id,
        size_bytes=size_bytes,
        node_count=len(rows.nodes),
        claim_count=len(rows.claims),
        entity_count=len(rows.entities),
        warnings=result.warnings,
    )


def _parse_all(files: list[str], known: frozenset[str], workers: int) -> Iterator[Parsed | Known | Failed]:
    """Results as the workers finish them, at most two per worker waiting in memory.

    The window keeps memory flat when parsing outruns the writer. If a worker process dies
    (a crash in a native PDF library, the OOM killer), the files it may have held are tried
    once more in a fresh pool, each alone, so one poisonous file cannot fail its neighbours."""
    if workers == 1:
        yield from (parse_file(path, known) for path in files)
        return
    queue = list(reversed(files))
    retry: list[str] = []
    window = 2 * workers
    context = get_context("spawn")  # no fork: the parent may hold threads (progress bar) and connections
    pool = _pool(workers, context)
    pending: dict[Future[str], str] = {}
    with tempfile.TemporaryDirectory(prefix="policyledger-spool-") as spool:
        try:
            while queue or pending:
                broken = False
                while queue and len(pending) < window and not retry and not broken:
                    path = queue.pop()
                    try:
                        pending[pool.submit(parse_file_spooled, path, known, spool)] = path
                    except BrokenProcessPool:  # a worker died before any of its futures said so
                        queue.append(path)  # never started: it goes back in line
                        broken = True
                done, _ = wait(pending, return_when=FIRST_COMPLETED) if pending else (set(), set())
                for future in done:
                    path = pending.pop(future)
                    try:
                        yield _unspool(future.result())
                    except BrokenProcessPool:
                        retry.append(path)
                if (retry or broken) and not pending:
                    pool.shutdown(wait=True, cancel_futures=True)
                    yield from _parse_alone(retry, known, context, spool)
                    retry = []
                    pool = _pool(workers, context)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def _pool(workers: int, context: BaseContext) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_die_with_parent)


def _die_with_parent() -> None:
    """In a worker: ask Linux to end this process when its parent ends. Without it, workers of
    a killed `policyledger ingest` would wait forever for work that never comes."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: an orphaned worker lingers until it next reads its queue


def _parse_alone(files: list[str], known: frozenset[str], context: BaseContext, spool: str) -> Iterator[Parsed | Known | Failed]:
    for path in files:
        with _pool(1, context) as pool:
            try:
                yield _unspool(pool.submit(parse_file_spooled, path, known, spool).result())
            except BrokenProcessPool:
                yield Failed(path, "the parser process died while reading this file (a crash in a native library, or out of memory)")


def summary_lines(report: BulkReport) -> list[str]:
    """The end-of-run summary in plain words: counts, then throughput of what was new."""
    new, unchanged, failed = (report.with_status(status) for status in ("new", "unchanged", "failed"))
    seconds = max(report.seconds, 1e-9)
    where = f"{report.workers} worker processes" if report.workers > 1 else "one process"
    lines = [
        f"{len(report.outcomes)} files in {report.seconds:.1f} s with {where}: "
        f"{len(new)} new, {len(unchanged)} unchanged (already ingested), {len(failed)} failed"
    ]
    if new:
        megabytes = report.new_bytes / 1e6
        items = sum(o.node_count for o in new)
        claims = sum(o.claim_count for o in new)
        entities = sum(o.entity_count for o in new)
        size = f"{megabytes:.1f} MB" if megabytes >= 1 else f"{report.new_bytes / 1e3:.0f} kB"
        lines.append(
            f"stored {size}: {len(new) / seconds:.1f} reports/s, {megabytes / seconds:.2f} MB/s; "
            f"{items:,} outline items, {claims:,} claims, {entities:,} entities"
        )
    return lines
