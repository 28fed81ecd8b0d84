"""Nothing lost, nothing half-written.

- A process killed with SIGKILL inside an ingest's transaction leaves no trace of the document
  in any table, and the next ingest of it succeeds (SQLite and PostgreSQL).
- `policyledger export --format json`, then `policyledger import` into an empty database of the
  other backend, gives back the same document: the second export equals the first, byte for byte.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url
from tests.conftest import run_cli
from tests.ledger_rows import counts, with_figures

from policyledger.pipeline import parse_source, source_text
from policyledger.read import read_bytes
from policyledger.store.db import connect
from policyledger.store.repository import load_claims, load_document_row, load_entities, load_nodes, save_document


def test_sigkill_mid_ingest_leaves_no_partial_document(db_url: str, tmp_path: Path, sample_path: Path, sample_nodes):
    engine = connect(db_url)  # the schema first, so the kill lands in the document's own transaction
    marker = tmp_path / "inside-the-transaction"
    env = {**os.environ, "POLICYLEDGER_TEST_PAUSE_BEFORE_COMMIT": str(marker)}
    command = [sys.executable, "-m", "policyledger", "--db", db_url, "ingest", str(sample_path)]
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_for(marker, child)
        assert not any(counts(engine).values()), "rows visible before the commit"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    assert counts(engine) and not any(counts(engine).values())
    if engine.dialect.name == "sqlite":
        with sqlite3.connect(make_url(db_url).database) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    again = run_cli("ingest", str(sample_path), db=db_url)
    assert again.returncode == 0, again.stderr
    assert "new" in again.stdout
    stored = counts(engine)
    assert stored["documents"] == 1 and stored["nodes"] == len(sample_nodes)


def _wait_for(marker: Path, child: subprocess.Popen[bytes], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not marker.exists():
        if child.poll() is not None:
            pytest.fail(f"the ingest ended before pausing: {child.stderr.read().decode() if child.stderr else ''}")
        assert time.monotonic() < deadline, "the ingest never reached its commit"
        time.sleep(0.02)


@pytest.mark.postgres
@pytest.mark.parametrize("direction", ["sqlite-to-postgresql", "postgresql-to-sqlite"])
def test_export_import_into_the_other_backend_gives_the_same_document(direction: str, sqlite_url: str, pg_url: str, tmp_path: Path, sample_path: Path):
    source, target = (sqlite_url, pg_url) if direction == "sqlite-to-postgresql" else (pg_url, sqlite_url)
    data = sample_path.read_bytes()
    read = read_bytes(data, sample_path.name)
    document = with_figures(parse_source(read, data))  # hand-written figures fill the awkward columns too
    save_document(connect(source), document, source_text(read))

    first, second = tmp_path / "first.json", tmp_path / "second.json"
    assert run_cli("export", document.id, "--format", "json", "--out", str(first), db=source).returncode == 0
    imported = run_cli("import", str(first), db=target)
    assert imported.returncode == 0, imported.stderr
    assert "new" in imported.stdout
    assert run_cli("export", document.id, "--format", "json", "--out", str(second), db=target).returncode == 0
    assert second.read_bytes() == first.read_bytes()

    before, after = connect(source), connect(target)
    assert load_nodes(after, document.id) == load_nodes(before, document.id)
    assert load_claims(after, document.id) == load_claims(before, document.id)
    assert load_entities(after, document.id) == load_entities(before, document.id)
    assert load_document_row(after, document.id)._asdict() == load_document_row(before, document.id)._asdict()
    assert counts(after, document.id) == counts(before, document.id)  # the search index too
    assert len(load_claims(after, document.id)) >= 2 and len(load_entities(after, document.id)) >= 2
