"""The first schema: documents, their outline nodes, claims and entities.

This is the schema policyledger created before it had migrations; a database made then (tables
but no alembic_version) is stamped with this revision by `policyledger db upgrade`. Frozen: it
spells the tables out instead of reading schema.py, so later edits there cannot change history.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("source_name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("line_count", sa.Integer, nullable=False),
        sa.Column("page_count", sa.Integer),
        sa.Column("encoding", sa.String(32)),
        sa.Column("report_date", sa.Date),
        sa.Column("size_bytes", sa.Integer, nullable=False),
        sa.Column("warnings", sa.Text, nullable=False),
        sa.Column("source_text", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "nodes",
        sa.Column("doc_id", sa.String(16), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("ordinal", sa.Integer, primary_key=True),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("parent_path", sa.Text),
        sa.Column("level", sa.Integer, nullable=False),
        sa.Column("depth", sa.Integer, nullable=False),
        sa.Column("marker", sa.Text, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("line_start", sa.Integer, nullable=False),
        sa.Column("line_end", sa.Integer, nullable=False),
        sa.Column("subtree_line_end", sa.Integer, nullable=False),
        sa.Column("page_start", sa.Integer),
        sa.Column("page_end", sa.Integer),
        sa.Column("line_anchors", sa.Text, nullable=False),
    )
    op.create_index("ix_nodes_doc_path", "nodes", ["doc_id", "path"], unique=True)
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("doc_id", sa.String(16), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("value", sa.Float, nullable=False),
        sa.Column("value_high", sa.Float),
        sa.Column("unit", sa.Text, nullable=False),
        sa.Column("dimension", sa.String(32), nullable=False),
        sa.Column("base_value", sa.Float, nullable=False),
        sa.Column("base_unit", sa.String(32), nullable=False),
        sa.Column("qualifier", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("period_start", sa.Date),
        sa.Column("period_end", sa.Date),
        sa.Column("period_text", sa.Text),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("clause", sa.Text, nullable=False),
        sa.Column("line", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("entities", sa.Text, nullable=False),
    )
    op.create_index("ix_claims_doc", "claims", ["doc_id", "ordinal"])
    op.create_index("ix_claims_base_unit", "claims", ["base_unit"])
    op.create_table(
        "entities",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("doc_id", sa.String(16), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("line", sa.Integer, nullable=False),
    )
    op.create_index("ix_entities_doc", "entities", ["doc_id", "type"])


def downgrade() -> None:
    for table in ("entities", "claims", "nodes", "documents"):
        op.drop_table(table)
