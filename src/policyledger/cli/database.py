"""Commands about the database itself: `db upgrade`, `db current`, `db revision`, and `import`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from policyledger.cli.common import DbOption, console, engine, err_console, global_state
from policyledger.errors import InputError

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from policyledger.store.importer import ImportResult

db_app = typer.Typer(help="The database's schema: see where it stands, upgrade it (migrations).", no_args_is_help=True)


def _unchecked(db: str | None) -> Engine:
    """The database as it is: these commands are the ones that deal with an old schema."""
    from policyledger.store.db import connect

    return connect(db or global_state.db, create=False)


def _name(database: Engine) -> str:
    return database.url.render_as_string(hide_password=True)


@db_app.command("upgrade")
def db_upgrade(db: DbOption = None) -> None:
    """Apply the migrations this policyledger has to a database (SQLite or PostgreSQL); rows are kept."""
    from policyledger.store.migrate import BASELINE, upgrade

    database = _unchecked(db)
    result = upgrade(database)
    if result.before == result.after:
        console.print(f"{_name(database)}: already at schema revision {result.after}")
    elif result.stamped:
        console.print(f"{_name(database)}: upgraded schema from before migrations (taken as {BASELINE}) → {result.after}")
    elif result.before is None:
        console.print(f"{_name(database)}: was empty; made schema revision {result.after}")
    else:
        console.print(f"{_name(database)}: upgraded schema {result.before} → {result.after}")


@db_app.command("current")
def db_current(db: DbOption = None) -> None:
    """Say which schema revision a database is at, and whether it needs `db upgrade`."""
    from policyledger.store.migrate import schema_state

    database = _unchecked(db)
    state = schema_state(database)
    if state.up_to_date:
        console.print(f"{_name(database)}: schema revision {state.current} (up to date)")
    elif state.empty:
        console.print(f"{_name(database)}: empty; the first command that uses it makes schema revision {state.head}")
    else:
        found = f"schema revision {state.current}" if state.current else "a schema from before migrations"
        console.print(f"{_name(database)}: {found}; the newest is {state.head}: run `policyledger db upgrade`")


@db_app.command("revision")
def db_revision(message: Annotated[str, typer.Argument(help="What the migration does, e.g. \"add search index\".")]) -> None:
    """For developers: write the next migration script from the difference between schema.py and
    the newest revision. Review the draft; see docs/migrations.md."""
    from policyledger.store.migrate import new_revision

    path = new_revision(message)
    console.print(f"wrote {path}")


def import_documents(
    files: Annotated[list[Path], typer.Argument(help="Files written by `policyledger export DOC --format json`.", show_default=False)],
    db: DbOption = None,
) -> None:
    """Read exported documents into the database, each whole or not at all; already present ones are left as they are."""
    from policyledger.store.importer import import_file

    database = engine(db)
    results: list[ImportResult] = []
    failures: list[InputError] = []
    for path in files:
        try:
            results.append(import_file(database, path))
        except InputError as exc:
            failures.append(exc)
    _report(results)
    for failure in failures:
        err_console.print(f"[red]error[/]: {failure}", highlight=False)
    if failures:
        raise typer.Exit(1)


def _report(results: list[ImportResult]) -> None:
    if not results:
        return
    from rich.table import Table

    table = Table(title="已匯入 imported")
    for column in ("id", "file", "status", "items", "claims", "entities"):
        table.add_column(column)
    for result in results:
        status = "new" if result.created else "unchanged (already in the database)"
        table.add_row(result.doc_id, result.source_name, status, str(result.node_count), str(result.claim_count), str(result.entity_count))
    console.print(table)
