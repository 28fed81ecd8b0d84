"""Shared fixtures: the bundled sample, the gold, real database files, and running the CLI."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from policyledger.evaluate import DEMO_REPORT, find_gold_dir
from policyledger.layout import analyse
from policyledger.model import Node
from policyledger.outline import build_outline
from policyledger.read import read_path

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return DEMO_REPORT


@pytest.fixture(scope="session")
def sample_bytes(sample_path: Path) -> bytes:
    return sample_path.read_bytes()


@pytest.fixture(scope="session")
def sample_nodes(sample_path: Path) -> list[Node]:
    return build_outline(analyse(read_path(sample_path)))


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    found = find_gold_dir()
    if found is None:
        pytest.skip("dev gold not found (../shared/dev-gold); set POLICYLEDGER_GOLD to run this test")
    return found


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'ledger.db'}"


# --- PostgreSQL: the real server, a fresh database for each test ----------------------------------

PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/test"
PG_TEST_PREFIX = "pl_test_"
PG_STALE_AFTER = 6 * 3600  # seconds; databases left by a crashed run are dropped after this


@pytest.fixture(scope="session")
def pg_server() -> str:
    """The server's URL ($POLICYLEDGER_TEST_PG, else the local default). Unreachable: the tests
    are skipped with a message saying how to run them, except in CI, where they fail."""
    url = os.environ.get("POLICYLEDGER_TEST_PG") or PG_DEFAULT
    try:
        with psycopg.connect(url, connect_timeout=5, autocommit=True) as connection:
            _drop_stale_databases(connection)
    except psycopg.OperationalError as exc:
        message = f"PostgreSQL not reachable at {url}; set POLICYLEDGER_TEST_PG=postgresql://… to run these ({str(exc).strip().splitlines()[0]})"
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return url


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A new, empty database on the server for this test alone, dropped afterwards: parallel
    test runs (several engineers, CI) never see each other's rows."""
    with fresh_pg_database(pg_server) as url:
        yield url


@contextmanager
def fresh_pg_database(server: str) -> Iterator[str]:
    name = f"{PG_TEST_PREFIX}{int(time.time())}_{secrets.token_hex(4)}"
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database of each kind in turn: a SQLite file, then a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ledger.db'}"
    return request.getfixturevalue("pg_url")


def _drop_stale_databases(connection: psycopg.Connection) -> None:
    """Drop test databases that a killed run left behind, hours old (the name holds its birth)."""
    rows = connection.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", (PG_TEST_PREFIX + "%",)).fetchall()
    for (name,) in rows:
        born = name.removeprefix(PG_TEST_PREFIX).split("_", 1)[0]
        if born.isdigit() and time.time() - int(born) > PG_STALE_AFTER:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_cli(*args: str, db: str | None = None, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the real `policyledger` command in a subprocess, as a user would."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"}
    if db:
        env["POLICYLEDGER_DB"] = db
    return subprocess.run(
        [sys.executable, "-m", "policyledger", *args],
        capture_output=True, text=True, env=env, cwd=cwd, timeout=timeout, check=False,
    )
