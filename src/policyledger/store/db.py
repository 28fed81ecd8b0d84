"""Opening a database: a URL in, a ready SQLAlchemy engine out (SQLite or PostgreSQL)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event

from policyledger.store.migrate import require_current

DEFAULT_URL = "sqlite:///policyledger.db"


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
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def insert_many(connection: Connection, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Insert `rows` (values in `columns` order) with the driver's executemany, in the open
    transaction. A report is thousands of rows: SQLAlchemy's per-row work (parameter dicts,
    type processing) cost more than SQLite's own inserts. Values must be what the driver takes
    as they are on every backend: str, int, float, None (dates as ISO text: store.rows)."""
    if not rows:
        return
    quote = connection.dialect.identifier_preparer.quote
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    names = ", ".join(quote(column) for column in columns)
    connection.exec_driver_sql(f"INSERT INTO {quote(table)} ({names}) VALUES ({', '.join([mark] * len(columns))})", list(rows))
