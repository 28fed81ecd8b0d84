"""The database schema, one for SQLite and PostgreSQL (SQLAlchemy Core).

A document's rows are written in one transaction: the document row, its outline nodes, its
claims and entities. `documents.id` is derived from the content, so the same file ingested
twice (or by two processes at once) lands once.

Changing a table here needs a migration too (docs/migrations.md); a test checks they agree.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    DDL,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    event,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeEngine

metadata = MetaData()


class UtcDateTime(TypeDecorator[datetime]):
    """A moment, stored and read back in UTC on both backends. SQLite keeps no zone and
    PostgreSQL answers in the session's zone: without this one row would print two ways."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        return _utc(value)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        return _utc(value)


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class SearchTerms(TypeDecorator[str]):
    """PostgreSQL's TSVECTOR there, TEXT elsewhere. The PostgreSQL dialect is imported only
    when a PostgreSQL database asks for it: importing it costs SQLite users' every command."""

    impl = Text
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import TSVECTOR

            return dialect.type_descriptor(TSVECTOR())
        return dialect.type_descriptor(Text())


documents = Table(
    "documents",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("source_name", Text, nullable=False),
    Column("kind", String(8), nullable=False),
    Column("title", Text, nullable=False),
    Column("line_count", Integer, nullable=False),
    Column("page_count", Integer),
    Column("encoding", String(32)),
    Column("report_date", Date),
    Column("size_bytes", Integer, nullable=False),
    Column("warnings", Text, nullable=False, default="[]"),  # JSON list of strings
    Column("source_text", Text, nullable=False),  # the lines the citations refer to
    Column("ingested_at", UtcDateTime(), nullable=False),
)

nodes = Table(
    "nodes",
    metadata,
    Column("doc_id", String(16), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("ordinal", Integer, primary_key=True),
    Column("path", Text, nullable=False),
    Column("parent_path", Text),
    Column("level", Integer, nullable=False),
    Column("depth", Integer, nullable=False),
    Column("marker", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("line_start", Integer, nullable=False),
    Column("line_end", Integer, nullable=False),
    Column("subtree_line_end", Integer, nullable=False),
    Column("page_start", Integer),
    Column("page_end", Integer),
    Column("line_anchors", Text, nullable=False),  # JSON [[offset, line], ...]
    Index("ix_nodes_doc_path", "doc_id", "path", unique=True),
    Index("ix_nodes_doc_parent", "doc_id", "parent_path"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(16), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("ordinal", Integer, nullable=False),  # order within the document
    Column("path", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", Float, nullable=False),
    Column("value_high", Float),
    Column("unit", Text, nullable=False),
    Column("dimension", String(32), nullable=False),
    Column("base_value", Float, nullable=False),
    Column("base_unit", String(32), nullable=False),
    Column("qualifier", String(16), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("period_start", Date),
    Column("period_end", Date),
    Column("period_text", Text),
    Column("subject", Text, nullable=False),
    Column("clause", Text, nullable=False),
    Column("line", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("entities", Text, nullable=False, default="[]"),  # JSON list of entity names in the clause
    Index("ix_claims_doc", "doc_id", "ordinal"),
    Index("ix_claims_doc_path", "doc_id", "path"),  # the claims of given items (ask)
    Index("ix_claims_base_unit", "base_unit"),
    Index("ix_claims_kind", "kind"),
)

entities = Table(
    "entities",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(16), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("path", Text, nullable=False),
    Column("line", Integer, nullable=False),
    Index("ix_entities_doc", "doc_id", "type"),
)

# --- the search index (policyledger.search) ------------------------------------------------------
# One row per outline item (per chunk of a very long one): its folded units, which the search
# checks candidates against and scores. The inverted index over them is the FTS5 table
# `search_fts` on SQLite (rowid = key; made below and by the migration) and the `terms` column
# with its GIN index on PostgreSQL (NULL on SQLite). policyledger.search.terms says what is in it.

search_items = Table(
    "search_items",
    metadata,
    Column("key", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(16), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("ordinal", Integer, nullable=False),  # the node's ordinal
    Column("part", Integer, nullable=False),  # chunk number within the node (0 for most)
    Column("path", Text, nullable=False),
    Column("head", Integer, nullable=False),  # how many leading units are the heading
    Column("units", Text, nullable=False),
    Column("terms", SearchTerms()),
    Index("ix_search_items_doc", "doc_id", "ordinal"),
    sqlite_autoincrement=True,
)

# The GIN index over `terms`, made by DDL like the FTS5 table below rather than as an Index with
# dialect options: SQLAlchemy imports every dialect such options name, and the PostgreSQL one
# would cost each SQLite command 35 ms. On SQLite the column is always NULL and the (partial)
# index empty; it exists so both backends have one schema. migrate.ours leaves it out of
# Alembic's comparison; tests/test_migrations.py checks it equals what the migration makes.
SEARCH_TERMS_INDEX = "ix_search_items_terms"
event.listen(search_items, "after_create", DDL(f"CREATE INDEX {SEARCH_TERMS_INDEX} ON search_items USING gin (terms)").execute_if(dialect="postgresql"))
event.listen(search_items, "after_create", DDL(f"CREATE INDEX {SEARCH_TERMS_INDEX} ON search_items (terms) WHERE terms IS NOT NULL").execute_if(dialect="sqlite"))

# Per document: how many index rows and units, for BM25's collection statistics.
search_documents = Table(
    "search_documents",
    metadata,
    Column("doc_id", String(16), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("item_count", Integer, nullable=False),
    Column("unit_count", Integer, nullable=False),
)

SEARCH_FTS = "search_fts"
# Contentless (the units live in search_items), no positions (the search asks "does it contain
# these tokens", never "where"): the smallest FTS5 index. The ascii tokenizer splits on spaces
# and ASCII punctuation only, so every token search.terms writes is kept whole.
SEARCH_FTS_DDL = f"CREATE VIRTUAL TABLE IF NOT EXISTS {SEARCH_FTS} USING fts5(terms, content='', detail=none, tokenize='ascii')"
event.listen(search_items, "after_create", DDL(SEARCH_FTS_DDL).execute_if(dialect="sqlite"))
event.listen(search_items, "before_drop", DDL(f"DROP TABLE IF EXISTS {SEARCH_FTS}").execute_if(dialect="sqlite"))
