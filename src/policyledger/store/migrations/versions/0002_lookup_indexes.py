"""Indexes for the lookups the web pages and `claims --kind` make across documents.

An outline item's page lists its children (nodes by doc_id and parent_path), and the targets and
claims views filter every document's claims by kind; without these both scan whole tables.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_nodes_doc_parent", "nodes", ["doc_id", "parent_path"])
    op.create_index("ix_claims_kind", "claims", ["kind"])


def downgrade() -> None:
    op.drop_index("ix_claims_kind", table_name="claims")
    op.drop_index("ix_nodes_doc_parent", table_name="nodes")
