"""The features other modules provide (search, ask, targets), reached through one door.

They are built alongside the web app and may be missing from an installation; the app then
says so (HTTP 503 and a sentence on the page) instead of failing, and hides their pages.
"""

from __future__ import annotations

import re
from importlib import import_module
from importlib.util import find_spec
from typing import Any

from sqlalchemy import Engine

from policyledger.errors import PolicyLedgerError

QUESTION = re.compile(r"[？?]\s*$|多少|幾|何時|哪")


class FeatureUnavailable(PolicyLedgerError):
    """A feature whose module is not installed (yet)."""


# module -> the names the web app calls in it
ENTRY_POINTS = {"search": ("search",), "ask": ("ask",), "track": ("targets", "check", "series", "diff")}


def available(module: str) -> bool:
    """The module is installed, imports cleanly and has its entry points."""
    try:
        if find_spec(f"policyledger.{module}") is None:
            return False
        loaded = import_module(f"policyledger.{module}")
        return all(callable(getattr(loaded, name, None)) for name in ENTRY_POINTS[module])
    except Exception:  # a broken optional module must not take the app down with it
        return False


def features() -> dict[str, bool]:
    return {"search": available("search"), "ask": available("ask"), "targets": available("track")}


def is_question(text: str) -> bool:
    """A question gets an answer, anything else a list of passages: ends in ？/? or asks 多少/幾/何時/哪."""
    return bool(QUESTION.search(text.strip()))


def _module(name: str) -> Any:
    if not available(name):
        raise FeatureUnavailable(f"policyledger.{name} is not installed")
    return import_module(f"policyledger.{name}")


def search(engine: Engine, query: str, *, doc_id: str | None = None, section: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
    """Search hits as DESIGN.md records, each with `highlights` ([start, end] into the snippet)."""
    hits = _module("search").search(engine, query, doc_id=doc_id, section=section, limit=limit)
    return [{**hit.record(), "line_end": hit.line_end, "highlights": [list(pair) for pair in hit.highlights]} for hit in hits]


def ask(engine: Engine, question: str, *, doc_id: str | None = None) -> dict[str, Any]:
    """DESIGN.md's ask object; `answer` is None when the report does not say."""
    return _module("ask").ask(engine, question, doc_id=doc_id)


def targets(engine: Engine, doc_id: str | None = None) -> list[dict[str, Any]]:
    """DESIGN.md's targets objects (with pace, status and both quotes); every report when doc_id is None."""
    return _module("track").targets(engine, doc_id)


def check(engine: Engine, doc_id: str | None = None) -> list[dict[str, Any]]:
    """DESIGN.md's check objects: consistency findings with both quotes (severity ok included)."""
    return _module("track").check(engine, doc_id)


def series(engine: Engine, doc_id: str | None = None) -> list[dict[str, Any]]:
    """The same indicator over periods within one report."""
    return _module("track").series(engine, doc_id)


def diff(engine: Engine, doc_a: str, doc_b: str) -> list[dict[str, Any]]:
    """What changed from edition doc_a to edition doc_b."""
    return _module("track").diff(engine, doc_a, doc_b)
