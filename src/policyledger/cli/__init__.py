"""`policyledger`: the command line. Each module here adds the commands of one concern.

Every command starts a new Python process, so what a command needs is imported inside it:
running one builds an app of that command alone, from its module, and the command modules
import nothing heavy at module level (no SQLAlchemy, parser, web app or Alembic); plain values
are converted without pydantic (`coercion`). `benchmarks/ingest_speed.py` measures the start-up
this keeps short; tests/test_cli_ingest.py lists what an ingest may not import.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterable
from functools import cache
from typing import Annotated

import typer

from policyledger.cli import coercion
from policyledger.cli.common import err_console, global_state
from policyledger.errors import PolicyLedgerError

coercion.install()


def _options(
    db: Annotated[str | None, typer.Option("--db", envvar="POLICYLEDGER_DB", help="Database URL (default sqlite:///policyledger.db).")] = None,
) -> None:
    global_state.db = db


# Every command, by the name a user types: the module of this package that has it, and its
# function (or its Typer, for a group of commands). A module is imported when its command joins an app.
COMMANDS: dict[str, tuple[str, str]] = {
    "ingest": ("documents", "ingest"),
    "docs": ("documents", "docs"),
    "outline": ("documents", "outline"),
    "export": ("documents", "export"),
    "demo": ("documents", "demo"),
    "claims": ("claims", "claims"),
    "entities": ("claims", "entities"),
    "serve": ("serving", "serve"),
    "search": ("query", "search_command"),
    "ask": ("asking", "ask_command"),
    "eval": ("evaluate", "eval_app"),
    "import": ("database", "import_documents"),
    "db": ("database", "db_app"),
    "targets": ("track", "targets_command"),
    "check": ("track", "check_command"),
    "series": ("track", "series_command"),
    "diff": ("track", "diff_command"),
    "track-stats": ("track", "stats_command"),
}


def build_app(names: Iterable[str] | None = None) -> typer.Typer:
    """The command line with every command, or only the ones named."""
    built = typer.Typer(
        name="policyledger",
        help="Turn Taiwanese government reports (業務報告、施政報告) into a ledger of cited figures.",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        rich_markup_mode="rich",
    )
    built.callback()(_options)
    wanted = set(COMMANDS if names is None else names)
    for name, (module, attribute) in COMMANDS.items():
        if name in wanted:
            command = getattr(importlib.import_module(f"policyledger.cli.{module}"), attribute)
            if isinstance(command, typer.Typer):
                built.add_typer(command, name=name)
            else:
                built.command(name)(command)
    return built


@cache
def full_app() -> typer.Typer:
    return build_app()


def __getattr__(name: str) -> typer.Typer:
    """`policyledger.cli.app`, the command line with every command, made when first asked for."""
    if name == "app":
        return full_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _named_command(args: list[str]) -> str | None:
    """The command a command line runs, when it can be told without parsing: the first word
    after the global --db option. Typer turns every command of an app into a click command
    (their parameters, types, help) before running one: 30 ms for all of them, 2 ms for one;
    and only that command's module is imported."""
    index = 0
    while index < len(args):
        word = args[index]
        if word == "--db":
            index += 2
        elif word.startswith("--db="):
            index += 1
        else:
            return word if word in COMMANDS else None
    return None


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
    named = _named_command(sys.argv[1:])
    runnable = build_app([named]) if named else full_app()  # help and mistakes: every command
    try:
        result = runnable(standalone_mode=False)
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
