"""A document as the rows the database stores: pure, no connection, the same on every backend.

Storing a report is making its rows (JSON of line anchors and warnings, figures rounded as
shown, the search index's folded units and tokens) and then inserting them. The first part is
CPU work on the document alone, so a bulk ingest does it in the worker processes, next to the
parse, and the single writer only inserts. Flat tuples of str, int and float are also what
crosses between the processes: they pickle several times faster than the Document's objects.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from policyledger.model import Claim, Document, Entity, Node
from policyledger.records import number
from policyledger.search.index import IndexRow, index_rows

# Column order of the tuples below (the insert names them in this order).
NODE_COLUMNS = (
    "doc_id", "ordinal", "path", "parent_path", "level", "depth", "marker", "title", "text",
    "line_start", "line_end", "subtree_line_end", "page_start", "page_end", "line_anchors",
)  # fmt: skip
CLAIM_COLUMNS = (
    "doc_id", "ordinal", "path", "text", "value", "value_high", "unit", "dimension", "base_value", "base_unit",
    "qualifier", "kind", "period_start", "period_end", "period_text", "subject", "clause", "line", "start", "end", "entities",
)  # fmt: skip
ENTITY_COLUMNS = ("doc_id", "name", "type", "path", "line")


@dataclass(frozen=True)
class DocumentRows:
    """Everything one document writes, ready to insert."""

    doc_id: str
    document: dict[str, Any]  # the documents row, without ingested_at (set when it is written)
    nodes: list[tuple[Any, ...]]
    claims: list[tuple[Any, ...]]
    entities: list[tuple[Any, ...]]
    search: list[IndexRow]


def document_rows(document: Document, source_text: str) -> DocumentRows:
    doc_id = document.id
    return DocumentRows(
        doc_id=doc_id,
        document=_document_row(document, source_text),
        nodes=[_node_row(doc_id, node) for node in document.nodes],
        claims=[_claim_row(doc_id, ordinal, claim) for ordinal, claim in enumerate(document.claims)],
        entities=[_entity_row(doc_id, entity) for entity in document.entities],
        search=list(index_rows(doc_id, document.nodes)),
    )


def _document_row(document: Document, source_text: str) -> dict[str, Any]:
    return {
        "id": document.id,
        "sha256": document.sha256,
        "source_name": document.source_name,
        "kind": document.kind,
        "title": document.title,
        "line_count": document.line_count,
        "page_count": document.page_count,
        "encoding": document.encoding,
        "report_date": document.report_date,
        "size_bytes": document.size_bytes,
        "warnings": json.dumps(document.warnings, ensure_ascii=False),
        "source_text": source_text,
    }


def _node_row(doc_id: str, node: Node) -> tuple[Any, ...]:
    return (
        doc_id, node.ordinal, node.path, node.parent_path, node.level, node.depth, node.marker, node.title, node.text,
        node.line_start, node.line_end, node.subtree_line_end, node.page_start, node.page_end, json.dumps(node.line_anchors),
    )  # fmt: skip


def _claim_row(doc_id: str, ordinal: int, claim: Claim) -> tuple[Any, ...]:
    return (
        doc_id, ordinal, claim.path, claim.text, _as_shown(claim.value), _as_shown(claim.value_high), claim.unit, claim.dimension,
        _as_shown(claim.base_value), claim.base_unit, claim.qualifier, claim.kind, _iso(claim.period_start), _iso(claim.period_end),
        claim.period_text, claim.subject, claim.clause, claim.line, claim.start, claim.end, json.dumps(claim.entities, ensure_ascii=False),
    )  # fmt: skip


def _as_shown(value: float | None) -> float | None:
    """A figure as every output shows it (records.number: float noise rounded off). Scaling
    leaves noise (149.2 × 1e8 = 14920000000.000002) that exports drop; storing it would make
    a document exported and imported again differ from the one it came from."""
    shown = number(value)
    return None if shown is None else float(shown)


def _iso(day: date | None) -> str | None:
    """A DATE as the rows carry it: ISO text, which is how SQLite stores one (SQLAlchemy's
    format) and what PostgreSQL reads into a date column, so the writer passes it on as it is."""
    return None if day is None else day.isoformat()


def _entity_row(doc_id: str, entity: Entity) -> tuple[Any, ...]:
    return (doc_id, entity.name, entity.type, entity.path, entity.line)

