"""Opening a database: a URL in, a ready SQLAlchemy engine out (SQLite or PostgreSQL)."""

from __future__ import annotations

import os

from sqlalchemy import Engine, create_engine, event

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
