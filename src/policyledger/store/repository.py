"""Reading and writing documents. The only module (with `db` and `schema`) that runs SQL
for documents, nodes, claims and entities."""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select
from sqlalchemy.exc import IntegrityError

from policyledger.errors import NotFoundError
from policyledger.markers import canonical_path
from policyledger.model import Claim, Document, Entity, Node
from policyledger.search.index import delete_document_index, write_index
from policyledger.store.db import insert_many
from policyledger.store.rows import CLAIM_COLUMNS, ENTITY_COLUMNS, NODE_COLUMNS, DocumentRows, document_rows
from policyledger.store.schema import claims, documents, entities, nodes


@dataclass(frozen=True)
class DocumentSummary:
    id: str
    source_name: str
    kind: str
    title: str
    line_count: int
    page_count: int | None
    node_count: int
    claim_count: int
    ingested_at: datetime
    sha256: str
    report_date: date | None


# --- writing -----------------------------------------------------------------------------------


def document_exists(engine: Engine, doc_id: str) -> bool:
    with engine.connect() as connection:
        return connection.execute(select(documents.c.id).where(documents.c.id == doc_id)).first() is not None


def save_document(engine: Engine, document: Document, source_text: str, *, ingested_at: datetime | None = None) -> bool:
    """Write a whole document in one transaction. False if it was already there (another
    process may have saved the same content a moment ago: its id is taken from the content).
    `ingested_at` is kept when a document moves between databases (import); else it is now."""
    return save_rows(engine, document_rows(document, source_text), ingested_at=ingested_at)


def save_rows(engine: Engine, rows: DocumentRows, *, ingested_at: datetime | None = None) -> bool:
    """`save_document` for a document already made into rows (store.rows): one transaction."""
    try:
        with engine.begin() as connection:
            connection.execute(insert(documents), [{**rows.document, "ingested_at": ingested_at or datetime.now(UTC)}])
            _insert_children(connection, rows)
            write_index(connection, rows.doc_id, rows.search)  # searchable exactly when stored
            _test_pause_before_commit()
    except IntegrityError:
        if document_exists(engine, rows.doc_id):
            return False
        raise
    return True


def _insert_children(connection: Connection, rows: DocumentRows) -> None:
    insert_many(connection, nodes.name, NODE_COLUMNS, rows.nodes)
    insert_many(connection, claims.name, CLAIM_COLUMNS, rows.claims)
    insert_many(connection, entities.name, ENTITY_COLUMNS, rows.entities)


def _test_pause_before_commit() -> None:
    """For the durability test only: with POLICYLEDGER_TEST_PAUSE_BEFORE_COMMIT=FILE set, create
    FILE and wait inside the open transaction, so the test can SIGKILL the process mid-write."""
    marker = os.environ.get("POLICYLEDGER_TEST_PAUSE_BEFORE_COMMIT")
    if marker:
        Path(marker).write_text(str(os.getpid()), encoding="utf-8")
        time.sleep(600)


def delete_document(engine: Engine, doc_id: str) -> None:
    with engine.begin() as connection:
        delete_document_index(connection, doc_id)
        for table in (claims, entities, nodes):
            connection.execute(delete(table).where(table.c.doc_id == doc_id))
        connection.execute(delete(documents).where(documents.c.id == doc_id))


# --- reading -----------------------------------------------------------------------------------


def list_documents(engine: Engine) -> list[DocumentSummary]:
    node_counts = select(nodes.c.doc_id, func.count().label("n")).group_by(nodes.c.doc_id).subquery()
    claim_counts = select(claims.c.doc_id, func.count().label("n")).group_by(claims.c.doc_id).subquery()
    query = (
        select(
            documents,
            func.coalesce(node_counts.c.n, 0).label("node_count"),
            func.coalesce(claim_counts.c.n, 0).label("claim_count"),
        )
        .outerjoin(node_counts, node_counts.c.doc_id == documents.c.id)
        .outerjoin(claim_counts, claim_counts.c.doc_id == documents.c.id)
        .order_by(documents.c.ingested_at, documents.c.id)
    )
    with engine.connect() as connection:
        return [
            DocumentSummary(
                id=row.id,
                source_name=row.source_name,
                kind=row.kind,
                title=row.title,
                line_count=row.line_count,
                page_count=row.page_count,
                node_count=row.node_count,
                claim_count=row.claim_count,
                ingested_at=row.ingested_at,
                sha256=row.sha256,
                report_date=row.report_date,
            )
            for row in connection.execute(query)
        ]


def resolve_document(engine: Engine, reference: str) -> str:
    """A document id from an id, a unique prefix of one, or the stem of its source file."""
    reference = reference.strip()
    with engine.connect() as connection:
        rows = connection.execute(select(documents.c.id, documents.c.source_name)).all()
    if not reference:
        raise NotFoundError("no document named: give an id, a unique id prefix or a file stem")
    exact = [row.id for row in rows if row.id == reference]
    if exact:
        return exact[0]
    by_prefix = [row.id for row in rows if row.id.startswith(reference)]
    by_stem = [row.id for row in rows if _stem(row.source_name) == reference or row.source_name == reference]
    candidates = sorted(set(by_prefix) | set(by_stem))
    if not candidates:
        candidates = sorted({row.id for row in rows if _stem(row.source_name).startswith(reference)})
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise NotFoundError(f"no document matches {reference!r} (see `policyledger docs`)")
    raise NotFoundError(f"{reference!r} matches {len(candidates)} documents ({', '.join(candidates)}); give more of the id")


def _stem(name: str) -> str:
    return name.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def load_document_row(engine: Engine, doc_id: str) -> Any:
    with engine.connect() as connection:
        row = connection.execute(select(documents).where(documents.c.id == doc_id)).first()
    if row is None:
        raise NotFoundError(f"no document with id {doc_id}")
    return row


def load_nodes(engine: Engine, doc_id: str) -> list[Node]:
    query = select(nodes).where(nodes.c.doc_id == doc_id).order_by(nodes.c.ordinal)
    with engine.connect() as connection:
        return [row_to_node(row) for row in connection.execute(query)]


def row_to_node(row: Any) -> Node:
    return Node(
        path=row.path,
        level=row.level,
        depth=row.depth,
        marker=row.marker,
        title=row.title,
        text=row.text,
        line_start=row.line_start,
        line_end=row.line_end,
        page_start=row.page_start,
        page_end=row.page_end,
        line_anchors=[tuple(anchor) for anchor in json.loads(row.line_anchors)],
        ordinal=row.ordinal,
        subtree_line_end=row.subtree_line_end,
    )


def row_to_claim(row: Any) -> Claim:
    return Claim(
        path=row.path,
        text=row.text,
        value=row.value,
        value_high=row.value_high,
        unit=row.unit,
        dimension=row.dimension,
        base_value=row.base_value,
        base_unit=row.base_unit,
        qualifier=row.qualifier,
        kind=row.kind,
        period_start=row.period_start,
        period_end=row.period_end,
        period_text=row.period_text,
        subject=row.subject,
        clause=row.clause,
        line=row.line,
        start=row.start,
        end=row.end,
        entities=json.loads(row.entities),
    )


def load_claims(
    engine: Engine,
    doc_id: str | None = None,
    *,
    kind: str | None = None,
    unit: str | None = None,
    since: date | None = None,
    until: date | None = None,
    query: str | None = None,
    section: str | None = None,
) -> list[tuple[str, Claim]]:
    """Claims as (doc_id, claim), in document order, filtered as the CLI and API allow.

    `section` keeps an outline item's claims and those of the items below it (壹/二 covers
    壹/二/(一) …, not 壹/二十), typed as a reader may (壹／二／（一）, 参).
    `unit` matches the base unit, the written unit or the dimension (TWD, 億元, money).
    `since`/`until` keep claims whose period overlaps [since, until].
    `query` matches the clause, subject or path text (folded 臺/台)."""
    statement = select(claims).order_by(claims.c.doc_id, claims.c.ordinal)
    if doc_id:
        statement = statement.where(claims.c.doc_id == doc_id)
    item = canonical_path(section) if section else ""
    if item:
        statement = statement.where((claims.c.path == item) | (func.substr(claims.c.path, 1, len(item) + 1) == item + "/"))
    if kind:
        statement = statement.where(claims.c.kind == kind)
    if unit:
        statement = statement.where((claims.c.base_unit == unit) | (claims.c.unit == unit) | (claims.c.dimension == unit))
    if since:
        statement = statement.where(func.coalesce(claims.c.period_end, claims.c.period_start) >= since)
    if until:
        statement = statement.where(func.coalesce(claims.c.period_start, claims.c.period_end) <= until)
    with engine.connect() as connection:
        rows = connection.execute(statement).all()
    result = [(row.doc_id, row_to_claim(row)) for row in rows]
    if query:
        from policyledger.textnorm import fold

        needle = fold(query)
        result = [(d, c) for d, c in result if needle in fold(c.clause + c.subject + c.path + c.text)]
    return result


def load_entities(engine: Engine, doc_id: str) -> list[Entity]:
    query = select(entities).where(entities.c.doc_id == doc_id).order_by(entities.c.id)
    with engine.connect() as connection:
        return [Entity(row.name, row.type, row.path, row.line) for row in connection.execute(query)]
