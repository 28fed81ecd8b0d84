"""An index for the claims of given outline items, in any number of documents.

`ask` reads the claims of its best items, which at scale lie in many documents: looked up by
doc_id alone, every claim of each such document was read and filtered (75 ms of a question's
time at 1,000 reports on PostgreSQL); by (doc_id, path) only the items' own.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_claims_doc_path", "claims", ["doc_id", "path"])


def downgrade() -> None:
    op.drop_index("ix_claims_doc_path", table_name="claims")
