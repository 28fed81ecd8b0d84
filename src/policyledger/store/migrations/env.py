"""Alembic's entry point, run by `policyledger.store.migrate` (there is no alembic.ini).

The caller hands over an open connection, already inside the transaction that holds the
migration lock, so every step of an upgrade commits or rolls back together with that lock.
"""

from __future__ import annotations

from alembic import context

from policyledger.store.migrate import ours
from policyledger.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through `policyledger db upgrade` (policyledger.store.migrate), not the alembic command")

# Batch mode lets generated ALTERs work on SQLite (which rebuilds the table) as well as PostgreSQL.
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True, compare_type=True, include_object=ours)
with context.begin_transaction():
    context.run_migrations()
