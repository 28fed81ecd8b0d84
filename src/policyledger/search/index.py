"""Writing and removing a document's search index, inside the caller's transaction.

`store.repository.save_document` calls `index_document` in the transaction that writes the
document, so a document is searchable exactly when it exists: an ingest is all or nothing.
Both backends store the same rows in `search_items`; the inverted index over their tokens is
the FTS5 table `search_fts` on SQLite and the `terms` tsvector column (GIN) on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from sqlalchemy import Connection, delete, func, insert, select

from policyledger.model import Document, Node
from policyledger.search.terms import chunks, folded_units, heading_units, index_tokens
from policyledger.store.db import insert_many
from policyledger.store.schema import SEARCH_FTS, search_documents, search_items
from policyledger.textnorm import fold


class IndexRow(NamedTuple):
    """One row of search_items (its key aside), with the tokens its inverted-index entry holds.
    A plain tuple: a bulk ingest makes these in its workers and sends them to the writer."""

    doc_id: str
    ordinal: int
    part: int
    path: str
    head: int
    units: str
    terms: str  # the tokens, space-separated (none contains a space: see search.terms)


_COLUMNS = IndexRow._fields[:-1]  # search_items' own columns; `terms` goes to the inverted index


def index_rows(doc_id: str, nodes: Iterable[Node]) -> Iterator[IndexRow]:
    """What a document's nodes put in the index: pure, the same on every backend."""
    for node in nodes:
        folded = fold(node.text)
        for chunk in chunks(folded_units(folded), heading_units(node.text, folded, node.title)):
            tokens = index_tokens(chunk.units, doc_id, node.path)
            yield IndexRow(doc_id, node.ordinal, chunk.part, node.path, chunk.head, chunk.units, " ".join(tokens))


def index_document(connection: Connection, document: Document) -> int:
    """Index a document's outline items in the open transaction; the number of rows written."""
    return write_index(connection, document.id, list(index_rows(document.id, document.nodes)))


def write_index(connection: Connection, doc_id: str, rows: Sequence[IndexRow]) -> int:
    """Write a document's index rows (`index_rows`) in the open transaction; how many.

    A database still at a schema from before search (only tests and old tools write to one:
    `connect` refuses it) has nowhere to put them; the upgrade that adds the index indexes
    every document it finds (`reindex_all`)."""
    if not connection.dialect.has_table(connection, search_items.name):
        return 0
    if rows:
        if connection.dialect.name == "postgresql":
            _insert_postgresql(connection, rows)
        else:
            _insert_sqlite(connection, rows)
    connection.execute(insert(search_documents), [{"doc_id": doc_id, "item_count": len(rows), "unit_count": sum(len(row.units) for row in rows)}])
    return len(rows)


def _insert_postgresql(connection: Connection, rows: Sequence[IndexRow]) -> None:
    # Tokens are letters, digits, ideographs and "§": a tsvector literal needs no quoting.
    insert_many(connection, search_items.name, IndexRow._fields, rows)


def _insert_sqlite(connection: Connection, rows: Sequence[IndexRow]) -> None:
    # The keys are the FTS5 rowids, so they are chosen here: after the highest ever used (the
    # transaction already holds SQLite's write lock, taken by the document's own insert).
    last = connection.exec_driver_sql(
        "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'search_items'), 0), coalesce((SELECT max(key) FROM search_items), 0))"
    ).scalar_one()
    keys = range(last + 1, last + 1 + len(rows))
    insert_many(connection, search_items.name, ("key", *_COLUMNS), [(key, *row[:-1]) for key, row in zip(keys, rows, strict=True)])
    connection.exec_driver_sql(f"INSERT INTO {SEARCH_FTS}(rowid, terms) VALUES (?, ?)", [(key, row.terms) for key, row in zip(keys, rows, strict=True)])


def delete_document_index(connection: Connection, doc_id: str) -> None:
    """Remove a document from the index, in the open transaction (before its nodes go)."""
    if not connection.dialect.has_table(connection, search_items.name):
        return
    if connection.dialect.name == "sqlite":
        # A contentless FTS5 table forgets a row only when told its tokens again: they are
        # rebuilt from the stored units, exactly as they were written.
        stored = connection.execute(
            select(search_items.c.key, search_items.c.units, search_items.c.path).where(search_items.c.doc_id == doc_id)
        ).all()
        if stored:
            connection.exec_driver_sql(
                f"INSERT INTO {SEARCH_FTS}({SEARCH_FTS}, rowid, terms) VALUES ('delete', ?, ?)",
                [(row.key, " ".join(index_tokens(row.units, doc_id, row.path))) for row in stored],
            )
    connection.execute(delete(search_items).where(search_items.c.doc_id == doc_id))
    connection.execute(delete(search_documents).where(search_documents.c.doc_id == doc_id))


def reindex_all(connection: Connection) -> int:
    """Index every stored document that has no index yet (a database made before search);
    the number of documents indexed. Used by the migration that adds the index."""
    from policyledger.store.repository import row_to_node
    from policyledger.store.schema import documents, nodes

    indexed = select(search_documents.c.doc_id)
    missing = connection.execute(select(documents.c.id).where(documents.c.id.not_in(indexed)).order_by(documents.c.id)).scalars().all()
    for doc_id in missing:
        node_rows = connection.execute(select(nodes).where(nodes.c.doc_id == doc_id).order_by(nodes.c.ordinal)).all()
        document = Document(id=doc_id, source_name="", kind="", sha256="", title="", nodes=[row_to_node(row) for row in node_rows])
        index_document(connection, document)
    return len(missing)


def index_counts(connection: Connection) -> tuple[int, int]:
    """(rows, units) over the whole index: BM25's collection size and total length."""
    row = connection.execute(select(func.coalesce(func.sum(search_documents.c.item_count), 0), func.coalesce(func.sum(search_documents.c.unit_count), 0))).one()
    return int(row[0]), int(row[1])
