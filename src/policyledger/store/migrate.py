"""Schema migrations: where a database's schema stands, and bringing it to the newest one.

The migration scripts (Alembic) ship inside the package, in `store/migrations/versions/`, and
run from code, with no alembic.ini. Two rules keep many users safe:

- One migrator at a time. An upgrade runs in one transaction that first takes a lock (an
  advisory lock on PostgreSQL, `BEGIN IMMEDIATE` on SQLite), then looks again at where the
  schema stands. Four processes opening the same empty database at once make the tables once.
- Nothing is migrated behind a user's back. An empty database is made at the newest schema
  when first opened; one made by an older policyledger is left alone until someone runs
  `policyledger db upgrade` (on a shared server, that is the administrator's call).

Alembic takes a third of a second to import, and every command opens the database, so the
everyday question "is this database at the newest revision?" is answered without it: one query
for the stored revision, and the revision ids read from the scripts' source. An empty database
is made without it too: the tables straight from schema.py, stamped with the newest revision
(tests/test_migrations.py checks that this is exactly what running the scripts makes).
"""

from __future__ import annotations

import ast
import re
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Connection, Engine, MetaData, PrimaryKeyConstraint, String, Table, create_engine, insert, inspect, text

from policyledger.errors import PolicyLedgerError
from policyledger.store.schema import SEARCH_TERMS_INDEX, metadata

MIGRATIONS = Path(__file__).with_name("migrations")
VERSIONS = MIGRATIONS / "versions"
VERSION_TABLE = "alembic_version"
# The schema policyledger made before it had migrations; such databases are stamped with it.
BASELINE = "0001"
# Any fixed 64-bit number: PostgreSQL's advisory lock that serialises migrators.
_PG_LOCK_KEY = 0x706C_6564_6765_72  # "pledger"
# Alembic's own table, as Alembic makes it, for stamping a database made without Alembic.
_VERSION = Table(VERSION_TABLE, MetaData(), Column("version_num", String(32), nullable=False), PrimaryKeyConstraint("version_num", name="alembic_version_pkc"))


class SchemaError(PolicyLedgerError):
    """The database's schema is not the one this policyledger needs."""


@dataclass(frozen=True)
class SchemaState:
    current: str | None  # the stored revision; None when there is none
    head: str  # the newest revision the scripts know
    has_tables: bool  # policyledger's tables exist (with or without a stored revision)

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head

    @property
    def empty(self) -> bool:
        return self.current is None and not self.has_tables


@dataclass(frozen=True)
class Upgrade:
    before: str | None  # None: the database was empty, or made before migrations (then `stamped`)
    after: str
    stamped: bool = False  # made before migrations, so first marked as BASELINE


# --- where a database stands ---------------------------------------------------------------------


def schema_state(engine: Engine) -> SchemaState:
    with engine.connect() as connection:
        return _state(connection)


def _state(connection: Connection) -> SchemaState:
    return SchemaState(stored_revision(connection), head_revision(), _has_tables(connection))


def stored_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def _has_tables(connection: Connection) -> bool:
    return inspect(connection).has_table("documents")


def require_current(engine: Engine) -> None:
    """Make an empty database at the newest schema; refuse one at another revision, saying what to do."""
    state = schema_state(engine)
    if state.up_to_date:
        return
    # Look again holding the migrators' lock: the look above, two reads, can fall in the middle of
    # another process making this database and see its tables without their revision stamp.
    state = create_newest(engine)
    if state.up_to_date:
        return
    if state.current is not None and state.current not in revisions():
        raise SchemaError(f"the database is at schema revision {state.current}, which this policyledger does not know: was it made by a newer version?")
    found = f"schema revision {state.current}" if state.current else "a schema from before migrations"
    raise SchemaError(f"the database has {found}; this policyledger needs {state.head}. Run `policyledger db upgrade` (back it up first) to bring it up to date")


# --- the scripts, read without Alembic -----------------------------------------------------------


@cache
def revisions() -> dict[str, tuple[str, ...]]:
    """Each revision id with the ids it follows (its down_revision), from the scripts' source."""
    found: dict[str, tuple[str, ...]] = {}
    for script in sorted(VERSIONS.glob("*.py")):
        values = _module_constants(script)
        down = values.get("down_revision")
        found[values["revision"]] = () if down is None else (down,) if isinstance(down, str) else tuple(down)
    return found


def head_revision() -> str:
    known = revisions()
    heads = set(known) - {parent for parents in known.values() for parent in parents}
    if len(heads) != 1:
        raise SchemaError(f"the migration scripts have {len(heads)} newest revisions ({', '.join(sorted(heads))}); they must form one line")
    return heads.pop()


def _module_constants(script: Path) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for statement in ast.parse(script.read_text(encoding="utf-8")).body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Name):
            values[statement.targets[0].id] = _literal(statement.value)
        elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name) and statement.value is not None:
            values[statement.target.id] = _literal(statement.value)
    return values


def _literal(node: ast.expr) -> Any:
    try:
        return ast.literal_eval(node)
    except ValueError:
        return None


def ours(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Alembic's include_object: compare only tables schema.py names. Others in the database
    (FTS5's shadow tables, another application's tables on a shared server) are never dropped,
    nor the search index's GIN index, which schema.py makes by DDL (see SEARCH_TERMS_INDEX)."""
    if type_ == "index" and name == SEARCH_TERMS_INDEX:
        return False
    return not (type_ == "table" and reflected and compare_to is None)


# --- changing the schema -------------------------------------------------------------------------


def create_newest(engine: Engine) -> SchemaState:
    """Make an empty database at the newest schema from schema.py, in one locked transaction,
    and stamp it with the newest revision. A database that is no longer empty once the lock is
    held (another process made it a moment ago) is left as it is. Returns where the schema
    stands, as seen under the lock."""
    with engine.connect() as connection:
        _lock(connection)
        if stored_revision(connection) is None and not _has_tables(connection):
            metadata.create_all(connection)
            _VERSION.create(connection)
            connection.execute(insert(_VERSION), {"version_num": head_revision()})
        state = _state(connection)
        connection.commit()
    return state


def upgrade(engine: Engine, target: str = "head") -> Upgrade:
    """Bring the schema to `target`, in one locked transaction; rows are kept.

    A database made before migrations (tables, no stored revision) is first stamped BASELINE."""
    from alembic import command

    config = _alembic_config()
    with engine.connect() as connection:
        _lock(connection)
        config.attributes["connection"] = connection
        before = stored_revision(connection)
        stamped = before is None and _has_tables(connection)
        if stamped:
            command.stamp(config, BASELINE)
        command.upgrade(config, target)
        after = stored_revision(connection)
        connection.commit()
    assert after is not None
    return Upgrade(before, after, stamped)


def _lock(connection: Connection) -> None:
    """Start the migration's transaction holding the one lock all migrators take."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
    elif connection.dialect.name == "sqlite":
        # pysqlite would begin only at the first INSERT; take the write lock now (waits per busy_timeout).
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def new_revision(message: str) -> Path:
    """Write the next migration script, its operations generated from the difference between
    schema.py and the newest revision (review it: generated code is a draft)."""
    from alembic import command

    config = _alembic_config()
    config.set_main_option("file_template", "%%(rev)s_%%(slug)s")
    with tempfile.TemporaryDirectory() as folder:
        engine = create_engine(f"sqlite:///{Path(folder) / 'head.db'}")
        upgrade(engine)
        with engine.connect() as connection:
            config.attributes["connection"] = connection
            script = command.revision(config, message=message, autogenerate=True, rev_id=_next_id())
        engine.dispose()
    revisions.cache_clear()
    assert script is not None and not isinstance(script, list)
    return Path(script.path)


def _next_id() -> str:
    numbers = [int(rev) for rev in revisions() if re.fullmatch(r"\d+", rev)]
    return f"{max(numbers, default=0) + 1:04d}"


def _alembic_config() -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config
