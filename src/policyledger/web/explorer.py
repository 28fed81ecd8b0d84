"""The claims explorer's selection: filters from a query string, applied to stored claims.

The API and the 數據 page share this, so a download always holds exactly what the table shows.
The repository does the filters the CLI has (doc, kind, unit, period, text) and the section;
dimension and qualifier are narrowed here.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine

from policyledger.errors import PolicyLedgerError
from policyledger.model import Claim
from policyledger.records import claim_record
from policyledger.store.repository import load_claims, resolve_document

SORTABLE = ("path", "text", "base_value", "unit", "dimension", "kind", "qualifier", "period_end", "line")


class FilterError(PolicyLedgerError):
    """A filter value the explorer cannot use (a malformed date, an unknown sort column)."""


@dataclass(frozen=True)
class ClaimFilter:
    doc: str | None = None
    section: str | None = None
    dimension: str | None = None
    kind: str | None = None
    qualifier: str | None = None
    unit: str | None = None
    since: str | None = None
    until: str | None = None
    q: str | None = None
    sort: str | None = None
    order: str = "asc"

    def params(self, **changes: Any) -> dict[str, Any]:
        """The filter as query parameters (empty ones dropped), with `changes` applied."""
        merged = {**asdict(self), **changes}
        return {key: value for key, value in merged.items() if value not in (None, "") and not (key == "order" and value == "asc")}


def parse_date(value: str | None, name: str) -> date | None:
    """ISO dates (2020-12-31), or a bare Gregorian year (2020) meaning its first or last day."""
    if not value:
        return None
    value = value.strip()
    try:
        if value.isdigit() and len(value) == 4:
            return date(int(value), 1, 1) if name == "since" else date(int(value), 12, 31)
        return date.fromisoformat(value)
    except ValueError:
        raise FilterError(f"{name}: {value!r} is not a date (use YYYY-MM-DD or YYYY)") from None


def select_claims(engine: Engine, selection: ClaimFilter) -> list[tuple[str, Claim]]:
    doc_id = resolve_document(engine, selection.doc) if selection.doc else None
    rows = load_claims(
        engine, doc_id, kind=selection.kind or None, unit=selection.unit or None,
        since=parse_date(selection.since, "since"), until=parse_date(selection.until, "until"), query=selection.q or None,
        section=selection.section or None,
    )
    rows = [(doc, claim) for doc, claim in rows if _keeps(selection, claim)]
    return sort_claims(rows, selection.sort, selection.order)


def _keeps(selection: ClaimFilter, claim: Claim) -> bool:
    if selection.dimension and claim.dimension != selection.dimension:
        return False
    return not (selection.qualifier and claim.qualifier != selection.qualifier)


def sort_claims(rows: list[tuple[str, Claim]], column: str | None, order: str) -> list[tuple[str, Claim]]:
    if not column:
        return rows
    if column not in SORTABLE:
        raise FilterError(f"sort: {column!r} is not a column (one of {', '.join(SORTABLE)})")

    descending = order == "desc"
    if column == "path":  # outline order, not string order: 壹/二 comes before 壹/十
        return rows[::-1] if descending else rows
    present = sorted((row for row in rows if getattr(row[1], column) is not None), key=lambda row: getattr(row[1], column), reverse=descending)
    return present + [row for row in rows if getattr(row[1], column) is None]


def records(rows: list[tuple[str, Claim]]) -> list[dict[str, Any]]:
    return [claim_record(doc, claim) for doc, claim in rows]


def choices(rows: list[tuple[str, Claim]]) -> dict[str, list[str]]:
    """The values each select box can offer, from the claims at hand."""
    return {
        "kind": sorted({claim.kind for _, claim in rows}),
        "dimension": sorted({claim.dimension for _, claim in rows}),
        "qualifier": sorted({claim.qualifier for _, claim in rows}),
    }
