"""Ingest, list, outline and export through the real command, against a real SQLite file."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import run_cli

OUTLINE_KEYS = {"path", "level", "marker", "title", "text", "line_start", "line_end", "page_start", "page_end"}


def table_counts(db_file: Path) -> dict[str, int]:
    if not db_file.exists():
        return {}
    with sqlite3.connect(db_file) as connection:
        tables = [row[0] for row in connection.execute("select name from sqlite_master where type='table'")]
        return {table: connection.execute(f'select count(*) from "{table}"').fetchone()[0] for table in tables}


@pytest.fixture
def ingested(tmp_path: Path, sample_path: Path) -> tuple[str, Path]:
    db_file = tmp_path / "ledger.db"
    url = f"sqlite:///{db_file}"
    result = run_cli("ingest", str(sample_path), db=url)
    assert result.returncode == 0, result.stderr
    return url, db_file


def test_ingest_is_idempotent(ingested, sample_path: Path):
    url, db_file = ingested
    before = table_counts(db_file)
    again = run_cli("ingest", str(sample_path), db=url)
    assert again.returncode == 0
    assert "unchanged" in again.stdout
    assert table_counts(db_file) == before
    assert before["documents"] == 1 and before["nodes"] > 700


def test_changed_file_is_a_new_document(ingested, sample_path: Path, tmp_path: Path):
    url, db_file = ingested
    edited = tmp_path / "edited.txt"
    edited.write_bytes(sample_path.read_bytes() + "\n補充說明。\n".encode())
    assert run_cli("ingest", str(edited), db=url).returncode == 0
    assert table_counts(db_file)["documents"] == 2


def test_outline_json_contract(ingested):
    url, _ = ingested
    result = run_cli("outline", "moea-business-report-ly10-3", "--format", "json", db=url)
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert all(set(record) >= OUTLINE_KEYS for record in records)
    c = next(r for r in records if r["path"] == "壹/六/(一)/1/(2)/C")
    assert (c["level"], c["marker"], c["title"], c["line_start"], c["line_end"]) == (6, "C.", "109 年第 4 季", 850, 854)


def test_outline_tree_and_docs(ingested):
    url, _ = ingested
    docs = run_cli("docs", "--format", "json", db=url)
    doc_id = json.loads(docs.stdout)[0]["id"]
    assert json.loads(docs.stdout)[0]["title"] == "經濟部業務報告"
    tree = run_cli("outline", doc_id[:6], db=url)
    assert tree.returncode == 0
    assert "壹、 工業" in tree.stdout and "109 年第 4 季" in tree.stdout


def test_export_markdown_has_canonical_markers(ingested, tmp_path: Path):
    url, _ = ingested
    out = tmp_path / "outline.md"
    assert run_cli("export", "moea-business-report-ly10-3", "--format", "md", "--out", str(out), db=url).returncode == 0
    markdown = out.read_text(encoding="utf-8")
    assert "## 參、 中小企業" in markdown  # the source writes 参
    assert "##### 1、 將利用半導體和資通訊產業的優勢" in markdown
    assert "工    業" not in markdown


def test_export_json_has_everything(ingested):
    url, _ = ingested
    result = run_cli("export", "moea-business-report-ly10-3", "--format", "json", db=url)
    payload = json.loads(result.stdout)
    assert payload["format"] == "policyledger-export/1"
    assert payload["document"]["title"] == "經濟部業務報告"
    assert len(payload["outline"]) > 700


def test_unknown_document_is_one_clear_line(ingested):
    url, _ = ingested
    result = run_cli("outline", "no-such-report", db=url)
    assert result.returncode != 0
    assert "no document matches 'no-such-report'" in result.stderr
    assert "Traceback" not in result.stderr


def _bad_files(tmp_path: Path) -> dict[str, Path]:
    files = {
        "empty.txt": b"",
        "random.bin": os.urandom(4096),
        "report.docx": b"this is not a zip archive at all",
        "truncated.pdf": b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pa",
    }
    paths = {}
    for name, data in files.items():
        paths[name] = tmp_path / name
        paths[name].write_bytes(data)
    big = tmp_path / "huge.txt"
    with open(big, "wb") as handle:
        line = "一、 測試文字很長的一行文字，" * 20 + "\n"
        chunk = (line * 1000).encode()
        while handle.tell() < 50_000_000:
            handle.write(chunk)
    paths["huge.txt"] = big
    paths["missing.txt"] = tmp_path / "missing.txt"
    return paths


def test_bad_inputs_get_one_line_and_leave_the_database_unchanged(ingested, tmp_path: Path):
    url, db_file = ingested
    before = table_counts(db_file)
    digest = hashlib.sha256(db_file.read_bytes()).hexdigest()
    for name, path in _bad_files(tmp_path).items():
        result = run_cli("ingest", str(path), db=url)
        assert result.returncode != 0, name
        errors = [line for line in result.stderr.splitlines() if line.startswith("error")]
        assert len(errors) == 1 and name in errors[0], (name, result.stderr)
        assert "Traceback" not in result.stderr
    assert table_counts(db_file) == before
    # WAL keeps the main file byte-identical when nothing was committed.
    assert hashlib.sha256(db_file.read_bytes()).hexdigest() == digest


# What each command start-up may not import: a new process per command pays for every import.
NOT_ON_THE_INGEST_PATH = (
    "pydantic", "alembic", "sqlalchemy.dialects.postgresql", "fastapi", "pyarrow",
    "policyledger.web", "policyledger.track", "policyledger.bulk", "policyledger.evaluate", "policyledger.cli.track",
)  # fmt: skip


def test_ingest_imports_only_what_it_needs(tmp_path: Path, sample_path: Path):
    """`policyledger ingest FILE` into a new SQLite database: no web app, no Alembic (the schema is
    made from schema.py), no PostgreSQL dialect, no pydantic (cli.coercion), no bulk machinery,
    no other command's module."""
    listing = tmp_path / "modules.txt"
    code = (
        "import atexit, sys\n"
        f"atexit.register(lambda: open({str(listing)!r}, 'w').write('\\n'.join(sys.modules)))\n"
        "from policyledger.cli import main\n"
        "main()\n"
    )
    env = {**os.environ, "POLICYLEDGER_DB": f"sqlite:///{tmp_path / 'fresh.db'}", "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run([sys.executable, "-c", code, "ingest", str(sample_path)], capture_output=True, text=True, env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "new" in result.stdout
    loaded = set(listing.read_text(encoding="utf-8").split())
    assert "policyledger.pipeline" in loaded  # the listing is real
    assert [name for name in NOT_ON_THE_INGEST_PATH if name in loaded] == []


def test_option_values_are_checked_without_pydantic(tmp_path: Path):
    """cli.coercion converts plain values itself; bad ones are still usage errors naming the option."""
    from typer.testing import CliRunner

    from policyledger.cli import app

    url = f"sqlite:///{tmp_path / 'empty.db'}"
    runner = CliRunner()
    bad_choice = runner.invoke(app, ["--db", url, "outline", "x", "--format", "yaml"])
    assert bad_choice.exit_code == 2 and "'yaml' is not one of 'tree', 'json'" in bad_choice.output
    out_of_range = runner.invoke(app, ["--db", url, "search", "風電", "--limit", "0"])
    assert out_of_range.exit_code == 2 and "--limit" in out_of_range.output and "not in the range 1<=x<=1000" in out_of_range.output
    not_a_number = runner.invoke(app, ["--db", url, "search", "風電", "--limit", "many"])
    assert not_a_number.exit_code == 2 and "'many' is not a valid integer" in not_a_number.output
    listed = runner.invoke(app, ["--db", url, "docs", "--format", "json"])
    assert listed.exit_code == 0 and listed.output.strip() == "[]"
