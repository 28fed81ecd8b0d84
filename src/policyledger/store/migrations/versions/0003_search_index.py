"""The search index: search_items and search_documents, and the inverted index over them —
an FTS5 table on SQLite, a GIN index on a tsvector column on PostgreSQL.

The tables are spelled out here (frozen); the documents already stored are then indexed with
the current policyledger.search code, so they are searchable as soon as the upgrade ends.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

FTS5 = "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(terms, content='', detail=none, tokenize='ascii')"


def upgrade() -> None:
    op.create_table(
        "search_items",
        sa.Column("key", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("doc_id", sa.String(16), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("part", sa.Integer, nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("head", sa.Integer, nullable=False),
        sa.Column("units", sa.Text, nullable=False),
        sa.Column("terms", sa.Text().with_variant(postgresql.TSVECTOR(), "postgresql")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_search_items_doc", "search_items", ["doc_id", "ordinal"])
    op.create_index("ix_search_items_terms", "search_items", ["terms"], postgresql_using="gin", sqlite_where=sa.text("terms IS NOT NULL"))
    op.create_table(
        "search_documents",
        sa.Column("doc_id", sa.String(16), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("item_count", sa.Integer, nullable=False),
        sa.Column("unit_count", sa.Integer, nullable=False),
    )
    if op.get_bind().dialect.name == "sqlite":
        op.execute(FTS5)

    from policyledger.search.index import reindex_all

    reindex_all(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS search_fts")
    op.drop_table("search_documents")
    op.drop_index("ix_search_items_terms", table_name="search_items")
    op.drop_index("ix_search_items_doc", table_name="search_items")
    op.drop_table("search_items")
