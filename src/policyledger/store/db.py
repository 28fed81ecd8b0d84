"""Opening a database: a URL in, a ready SQLAlchemy engine out (SQLite or PostgreSQL)."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event

from policyledger.store.migrate import require_current

DEFAULT_URL = "sqlite:///policyledger.db"
BUSY_TIMEOUT_MS = 30_000


def database_url(url: str | None = None) -> str:
    """The URL to use: the argument, else $POLICYLEDGER_DB, else a SQLite file here."""
    return url or os.environ.get("POLICYLEDGER_DB") or DEFAULT_URL


def sqlalchemy_url(url: str) -> str:
    """Accept the URLs people write (postgresql://, a bare path) and name the driver we ship."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" not in url:
        return f"sqlite:///{url}"
    return url


def connect(url: str | None = None, *, create: bool = True) -> Engine:
    """An engine for `url`. With `create`, an empty database gets the newest schema, and one
    at an older schema is refused with the advice to run `policyledger db upgrade`."""
    engine = create_engine(sqlalchemy_url(database_url(url)), future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    if create:
        require_current(engine)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # The busy timeout comes first: switching to WAL needs a lock, and a process opening the file
    # while another holds it must wait, not fail. WAL lets readers work while one process writes;
    # the timeout makes concurrent writers queue instead of failing with "database is locked".
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    _use_wal(cursor)
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _use_wal(cursor: sqlite3.Cursor) -> None:
    """Switch the file to WAL (a lasting property of the file, so usually already done). The
    switch needs the file to itself and SQLite does not wait for that: the busy timeout does not
    apply, and processes opening a new file at once got "database is locked". So: look first,
    and retry the switch for as long as the busy timeout would have waited."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    pause = 0.001
    while cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.05)


def refresh_statistics(engine: Engine) -> None:
    """Bring the query planner's picture of the tables up to date after a large load. PostgreSQL
    plans from sampled statistics that autovacuum refreshes only later; until then it plans for
    the tables as they were. SQLite's `PRAGMA optimize` analyses what its own heuristics say
    needs it, within a bounded effort."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"ANALYZE {', '.join(_PLANNED_TABLES)}")
        elif connection.dialect.name == "sqlite":
            connection.exec_driver_sql("PRAGMA analysis_limit=1000")
            connection.exec_driver_sql("PRAGMA optimize")


_PLANNED_TABLES = ("documents", "nodes", "claims", "entities", "search_items", "search_documents")


def insert_many(connection: Connection, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Insert `rows` (values in `columns` order) in the open transaction: on PostgreSQL with
    COPY, elsewhere with the driver's executemany. A report is thousands of rows: SQLAlchemy's
    per-row work (parameter dicts, type processing) cost more than SQLite's own inserts, and on
    PostgreSQL even the driver's pipelined executemany pays a statement execution per row
    (282 ms a report in a bulk load, where COPY takes a fraction). Values must be what the
    driver takes as they are on every backend: str, int, float, None (dates as ISO text:
    store.rows)."""
    if not rows:
        return
    quote = connection.dialect.identifier_preparer.quote
    names = ", ".join(quote(column) for column in columns)
    if connection.dialect.name == "postgresql":
        with connection.connection.cursor() as cursor, cursor.copy(f"COPY {quote(table)} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    connection.exec_driver_sql(f"INSERT INTO {quote(table)} ({names}) VALUES ({', '.join([mark] * len(columns))})", list(rows))
