"""The JSON shapes of DESIGN.md ("Interfaces"), shared by the CLI, the HTTP API and exports.

Outside tools rely on these field names: add fields, never rename or remove them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from policyledger.model import Claim, Node

OUTLINE_FIELDS = ("path", "level", "marker", "title", "text", "line_start", "line_end", "page_start", "page_end")
CLAIM_FIELDS = (
    "doc", "path", "text", "value", "value_high", "unit", "dimension", "base_value", "base_unit",
    "qualifier", "kind", "period_start", "period_end", "period_text", "subject", "clause", "line",
)


def outline_record(node: Node) -> dict[str, Any]:
    return {
        "path": node.path,
        "level": node.level,
        "marker": node.marker,
        "title": node.title,
        "text": node.text,
        "line_start": node.line_start,
        "line_end": node.line_end,
        "page_start": node.page_start,
        "page_end": node.page_end,
        "depth": node.depth,
        "subtree_line_end": node.subtree_line_end,
    }


def claim_record(doc_id: str, claim: Claim) -> dict[str, Any]:
    return {
        "doc": doc_id,
        "path": claim.path,
        "text": claim.text,
        "value": number(claim.value),
        "value_high": number(claim.value_high),
        "unit": claim.unit,
        "dimension": claim.dimension,
        "base_value": number(claim.base_value),
        "base_unit": claim.base_unit,
        "qualifier": claim.qualifier,
        "kind": claim.kind,
        "period_start": iso(claim.period_start),
        "period_end": iso(claim.period_end),
        "period_text": claim.period_text,
        "subject": claim.subject,
        "clause": claim.clause,
        "line": claim.line,
        "entities": list(claim.entities),
    }


def number(value: float | None) -> int | float | None:
    """Integral floats as ints (17797, not 17797.0); others rounded off float noise."""
    if value is None:
        return None
    if float(value).is_integer() and abs(value) < 2**53:
        return int(value)
    return float(f"{value:.12g}")


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
