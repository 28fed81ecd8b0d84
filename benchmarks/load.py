"""A bounded load test of `policyledger serve` on loopback: many users reading at once.

It makes a database (a SQLite file, or a fresh database on the PostgreSQL server), ingests the
bundled sample, starts the real server on a free port of 127.0.0.1 in a subprocess, and sends a
fixed number of mixed requests — search, ask, claims, outline and the HTML pages — over a fixed
number of keep-alive connections. Then it prints p50/p99 per kind and overall, and the errors
(any status other than 200, or no answer), stops the server and removes the database.

Bounded twice: a fixed request count, and a wall-clock deadline after which it stops sending.
Traffic goes only to 127.0.0.1. Exit status 1 if any request failed.

    python benchmarks/load.py                              # SQLite, 2,000 requests over 8 connections
    python benchmarks/load.py --backend postgresql         # on $POLICYLEDGER_TEST_PG (default local server)
    python benchmarks/load.py --requests 500 --connections 4
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from bench_util import SAMPLE, context_line, percentile, table

HERE = Path(__file__).resolve().parent
PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/test"
HOST = "127.0.0.1"
# Questions a reader would ask of the sample; written for this benchmark (not the gold set).
QUESTIONS = [
    "太陽光電的設置目標是多少？",
    "離岸風電累計完成多少？",
    "核准多少家廠商投資？",
    "智慧機械推動成果如何？",
    "中小企業融資保證金額？",
    "水庫清淤量是多少？",
]


@dataclass(frozen=True)
class Outcome:
    kind: str
    seconds: float
    status: int  # 0: no answer (connection error or timeout)
    detail: str = ""


def main() -> int:
    options = _arguments()
    print(context_line())
    with _database(options.backend) as url:
        _ingest(url)
        port = _free_port()
        with _server(url, port, options.workers):
            plan = _requests(port, options.requests)
            started = time.monotonic()
            outcomes = _run(port, plan, options.connections, options.deadline)
            wall = time.monotonic() - started
    _report(options, outcomes, wall)
    return 1 if any(outcome.status != 200 for outcome in outcomes) or len(outcomes) < len(plan) else 0


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--deadline", type=float, default=600, help="Stop sending after this many seconds.")
    parser.add_argument("--workers", type=int, default=1, help="server processes (policyledger serve --workers)")
    return parser.parse_args()


# --- the database and the server ----------------------------------------------------------------


@contextmanager
def _database(backend: str) -> Iterator[str]:
    """A new database with nothing in it, removed afterwards."""
    if backend == "sqlite":
        folder = Path(tempfile.mkdtemp(prefix="policyledger-load-"))
        try:
            yield f"sqlite:///{folder / 'ledger.db'}"
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return
    import psycopg
    from sqlalchemy.engine import make_url

    server = os.environ.get("POLICYLEDGER_TEST_PG") or PG_DEFAULT
    name = f"pl_load_{secrets.token_hex(4)}"
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _ingest(url: str) -> None:
    subprocess.run([sys.executable, "-m", "policyledger", "--db", url, "ingest", str(SAMPLE)], check=True, capture_output=True)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


@contextmanager
def _server(url: str, port: int, workers: int = 1) -> Iterator[None]:
    command = [sys.executable, "-m", "policyledger", "serve", "--db", url, "--host", HOST, "--port", str(port), "--read-only", "--workers", str(workers)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        _wait_until_up(port, server)
        yield
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _wait_until_up(port: int, server: subprocess.Popen[str], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped before answering: {server.stderr.read() if server.stderr else ''}")
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            connection.request("GET", "/api/docs")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server did not answer on port {port} within {timeout:.0f} s")


# --- what is asked ------------------------------------------------------------------------------


def _requests(port: int, count: int) -> list[tuple[str, str]]:
    """(kind, path) in a fixed shuffled order: a reader's mix of searching, asking and reading."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    doc = _get_json(connection, "/api/docs")[0]["id"]
    paths = [record["path"] for record in _get_json(connection, f"/api/docs/{doc}/outline") if record["path"]]
    queries = [entry["query"] for entry in json.loads((HERE / "queries.json").read_text(encoding="utf-8"))["queries"]]
    chooser = random.Random(7)
    makers = [
        (30, "search", lambda: f"/api/search?q={quote(chooser.choice(queries))}"),
        (15, "ask", lambda: f"/api/ask?q={quote(chooser.choice(QUESTIONS))}"),
        (15, "claims", lambda: f"/api/claims?doc={doc}&kind={chooser.choice(['actual', 'target'])}"),
        (10, "outline", lambda: f"/api/docs/{doc}/outline"),
        (15, "node page", lambda: f"/doc/{doc}/node/{quote(chooser.choice(paths))}"),
        (5, "report page", lambda: f"/doc/{doc}"),
        (5, "search page", lambda: f"/search?q={quote(chooser.choice(queries))}"),
        (5, "home", lambda: "/"),
    ]
    weights = [weight for weight, _, _ in makers]
    plan = []
    for _ in range(count):
        _, kind, make = chooser.choices(makers, weights)[0]
        plan.append((kind, make()))
    return plan


def _get_json(connection: http.client.HTTPConnection, path: str) -> list[dict[str, object]]:
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    if response.status != 200:
        raise SystemExit(f"GET {path}: {response.status} {body[:200]!r}")
    return json.loads(body)


# --- sending ------------------------------------------------------------------------------------


def _run(port: int, plan: list[tuple[str, str]], connections: int, deadline_s: float) -> list[Outcome]:
    """Each worker thread keeps one connection and takes the next request from the shared plan."""
    outcomes: list[Outcome] = []
    lock = threading.Lock()
    pending = iter(plan)
    deadline = time.monotonic() + deadline_s

    def worker() -> None:
        connection = http.client.HTTPConnection(HOST, port, timeout=60)
        while time.monotonic() < deadline:
            with lock:
                item = next(pending, None)
            if item is None:
                break
            outcome = _send(connection, *item)
            if outcome.status == 0:
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=60)
            with lock:
                outcomes.append(outcome)
        connection.close()

    workers = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    return outcomes


def _send(connection: http.client.HTTPConnection, kind: str, path: str) -> Outcome:
    started = time.perf_counter()
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
    except (OSError, http.client.HTTPException) as exc:
        return Outcome(kind, time.perf_counter() - started, 0, f"{path}: {exc!r}")
    detail = "" if response.status == 200 else f"{path}: {body[:160]!r}"
    return Outcome(kind, time.perf_counter() - started, response.status, detail)


# --- what it measured ---------------------------------------------------------------------------


def _report(options: argparse.Namespace, outcomes: list[Outcome], wall: float) -> None:
    errors = [outcome for outcome in outcomes if outcome.status != 200]
    print(f"backend {options.backend}, {options.workers} server process(es): {len(outcomes)} of {options.requests} requests over {options.connections} connections "
          f"in {wall:.1f} s ({len(outcomes) / wall:.0f} req/s), {len(errors)} errors")
    rows = []
    for kind in sorted({outcome.kind for outcome in outcomes}):
        rows.append(_row(kind, [outcome for outcome in outcomes if outcome.kind == kind]))
    rows.append(_row("all", outcomes))
    print(table(["kind", "requests", "p50 ms", "p99 ms", "max ms", "errors"], rows))
    for error in errors[:10]:
        print(f"error {error.status}: {error.kind} {error.detail}")


def _row(kind: str, outcomes: list[Outcome]) -> list[object]:
    seconds = [outcome.seconds for outcome in outcomes]
    failed = sum(1 for outcome in outcomes if outcome.status != 200)
    return [kind, len(outcomes), f"{percentile(seconds, 0.50) * 1000:.1f}", f"{percentile(seconds, 0.99) * 1000:.1f}", f"{max(seconds) * 1000:.1f}", failed]


if __name__ == "__main__":
    sys.exit(main())
