"""Opening a database: a URL in, a ready SQLAlchemy engine out (SQLite or PostgreSQL)."""

from __future__ import annotations

import os

from sqlalchemy import Engine, create_engine, event

from policyledger.store.schema import metadata

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
    """An engine for `url`; with `create`, the schema is brought up to date first."""
    engine = create_engine(sqlalchemy_url(database_url(url)), future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    if create:
        ensure_schema(engine)
    return engine


def ensure_schema(engine: Engine) -> None:
    metadata.create_all(engine, checkfirst=True)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets readers work while one process writes; the busy timeout makes concurrent
    # writers wait for each other instead of failing with "database is locked".
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
