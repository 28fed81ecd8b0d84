"""What every command shares: the database option, consoles, output helpers."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

if TYPE_CHECKING:
    from sqlalchemy import Engine

console = Console()
err_console = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", envvar="POLICYLEDGER_DB", help="Database URL: sqlite:///file.db (default sqlite:///policyledger.db) or postgresql://…", show_default=False),
]


class TableOrJson(StrEnum):
    table = "table"
    json = "json"


class global_state:  # noqa: N801 - a namespace, set by the app callback
    db: str | None = None


def engine(db: str | None) -> Engine:
    from policyledger.store.db import connect

    return connect(db or global_state.db)


def print_json(payload: Any) -> None:
    """UTF-8 JSON on stdout, Chinese unescaped, dates ISO."""
    text = json.dumps(payload, ensure_ascii=False, indent=2, default=_default)
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _default(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def write_output(data: str | bytes, out: str | None) -> None:
    if out:
        mode = "wb" if isinstance(data, bytes) else "w"
        with open(out, mode, **({} if isinstance(data, bytes) else {"encoding": "utf-8"})) as handle:
            handle.write(data)
        err_console.print(f"wrote {out}")
    elif isinstance(data, bytes):
        sys.stdout.buffer.write(data)
    else:
        sys.stdout.write(data)
