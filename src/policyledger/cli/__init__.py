"""`policyledger`: the command line. Each module here adds the commands of one concern.

Every command starts a new Python process, so what a command needs is imported inside it:
building the app imports only Typer and the command modules, which import nothing heavy at
module level (no SQLAlchemy, parser, web app or Alembic), and plain values are converted
without pydantic (`coercion`). `benchmarks/ingest_speed.py` measures the start-up this keeps short.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from policyledger.cli import asking, claims, coercion, database, documents, query, serving, track
from policyledger.cli.common import err_console, global_state
from policyledger.cli.evaluate import eval_app
from policyledger.errors import PolicyLedgerError

coercion.install()

app = typer.Typer(
    name="policyledger",
    help="Turn Taiwanese government reports (業務報告、施政報告) into a ledger of cited figures.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


@app.callback()
def _options(
    db: Annotated[str | None, typer.Option("--db", envvar="POLICYLEDGER_DB", help="Database URL (default sqlite:///policyledger.db).")] = None,
) -> None:
    global_state.db = db


app.command()(documents.ingest)
app.command()(documents.docs)
app.command()(documents.outline)
app.command()(documents.export)
app.command()(documents.demo)
app.command()(claims.claims)
app.command()(claims.entities)
app.command()(serving.serve)
app.command("search")(query.search_command)
app.command("ask")(asking.ask_command)
app.add_typer(eval_app, name="eval")
app.command("import")(database.import_documents)
app.add_typer(database.db_app, name="db")
app.command("targets")(track.targets_command)
app.command("check")(track.check_command)
app.command("series")(track.series_command)
app.command("diff")(track.diff_command)
app.command("track-stats")(track.stats_command)


def _click_exception() -> type[Exception]:
    # Typer ≥ 0.2x carries its own copy of click: its usage errors (a missing argument, a bad
    # option value) are not click's classes; older Typer raises click's. Either way, this is the
    # class to catch so that they reach the user as one line, never as a traceback.
    vendored = getattr(typer, "_click", None)
    if vendored is not None:
        return vendored.exceptions.ClickException
    import click

    return click.ClickException


def _database_error(exc: BaseException) -> bool:
    """SQLAlchemy's OperationalError, without importing SQLAlchemy for commands that never did."""
    errors = sys.modules.get("sqlalchemy.exc")
    return errors is not None and isinstance(exc, errors.OperationalError)


def main() -> None:
    """Entry point: user errors become one line on stderr and a non-zero exit, never a traceback."""
    usage_error = _click_exception()
    try:
        result = app(standalone_mode=False)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        err_console.print("aborted")
        sys.exit(130)
    except usage_error as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except PolicyLedgerError as exc:
        err_console.print(f"[red]error[/]: {exc}", highlight=False)
        sys.exit(1)
    except Exception as exc:
        if not _database_error(exc):
            raise
        err_console.print(f"[red]error[/]: cannot use the database: {exc.orig}", highlight=False)  # type: ignore[attr-defined]
        sys.exit(2)
    sys.exit(result if isinstance(result, int) else 0)
