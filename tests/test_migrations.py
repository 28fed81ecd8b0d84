"""Migrations: an empty database is made at the newest schema, an old one is upgraded by
`policyledger db upgrade` with every row kept, and schema.py agrees with the scripts.
Each test runs on a SQLite file and on a fresh PostgreSQL database."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Column, Engine, Integer, Table, Text, inspect, text
from tests.conftest import fresh_pg_database, run_cli
from tests.ledger_rows import counts, parsed, with_figures
from typer.testing import CliRunner

from policyledger.cli import app
from policyledger.store import migrate
from policyledger.store.db import connect
from policyledger.store.migrate import BASELINE, SchemaError, head_revision, schema_state, upgrade
from policyledger.store.repository import save_document
from policyledger.store.schema import metadata


def schema_differences(engine: Engine) -> list:
    with engine.connect() as connection:
        return compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True, "include_object": migrate.ours}), metadata)


def structure(engine: Engine) -> dict:
    """Everything about a database's schema that a difference between two ways of making it
    could show in: tables, columns with their types, keys, indexes (with their dialect options),
    the stored revision, and on SQLite the exact SQL of the FTS5 table."""
    found = inspect(engine)
    tables = {}
    for name in sorted(found.get_table_names()):
        tables[name] = {
            "columns": [(c["name"], str(c["type"]), c["nullable"], c.get("autoincrement")) for c in found.get_columns(name)],
            "primary_key": found.get_pk_constraint(name)["constrained_columns"],
            "foreign_keys": sorted(
                (tuple(f["constrained_columns"]), f["referred_table"], tuple(f["referred_columns"]), str(f.get("options"))) for f in found.get_foreign_keys(name)
            ),
            "indexes": sorted((i["name"], tuple(i["column_names"]), bool(i["unique"]), _options(i)) for i in found.get_indexes(name)),
            "unique": sorted(tuple(u["column_names"]) for u in found.get_unique_constraints(name)),
        }
    with engine.connect() as connection:
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        fts = connection.execute(text("SELECT sql FROM sqlite_master WHERE name = 'search_fts'")).scalar() if engine.dialect.name == "sqlite" else None
    return {"tables": tables, "revision": revision, "fts": fts}


def _options(index: dict) -> list[tuple[str, str]]:
    """An index's dialect options as text (a partial index's WHERE is a clause object)."""
    return sorted((key, str(value)) for key, value in index.get("dialect_options", {}).items())


def test_empty_database_is_made_at_the_newest_schema(db_url: str):
    engine = connect(db_url)
    state = schema_state(engine)
    assert state.up_to_date and state.current == head_revision()
    assert schema_differences(engine) == []


def test_migrations_make_what_schema_py_makes(db_url: str, tmp_path: Path, request: pytest.FixtureRequest):
    """`connect` makes an empty database from schema.py without running the scripts; running
    them from nothing must give the very same schema (else add a migration: docs/migrations.md)."""
    by_scripts = connect(db_url, create=False)
    assert upgrade(by_scripts).after == head_revision()
    assert schema_differences(by_scripts) == [], "schema.py and the migration scripts disagree: add a migration (docs/migrations.md)"
    if by_scripts.dialect.name == "sqlite":
        by_schema = connect(f"sqlite:///{tmp_path / 'by-schema.db'}")
        assert structure(by_schema) == structure(by_scripts)
    else:
        with fresh_pg_database(request.getfixturevalue("pg_server")) as url:
            by_schema = connect(url)
            try:
                assert structure(by_schema) == structure(by_scripts)
            finally:
                by_schema.dispose()


def test_upgrade_from_the_first_revision_keeps_every_row(db_url: str):
    old = connect(db_url, create=False)
    upgrade(old, BASELINE)
    document, source = parsed()
    save_document(old, with_figures(document), source)
    before = counts(old)
    assert before["claims"] == len(document.claims) >= 2 and before["entities"] == len(document.entities) >= 2

    with pytest.raises(SchemaError, match="policyledger db upgrade"):
        connect(db_url)
    result = run_cli("db", "upgrade", db=db_url)
    assert result.returncode == 0, result.stderr
    assert f"{BASELINE} → {head_revision()}" in result.stdout

    engine = connect(db_url)
    assert {table: n for table, n in counts(engine).items() if table in before} == before
    index_names = {index["name"] for index in inspect(engine).get_indexes("nodes")}
    assert "ix_nodes_doc_parent" in index_names
    listed = run_cli("docs", "--format", "json", db=db_url)
    assert listed.returncode == 0 and document.id in listed.stdout


def test_database_from_before_migrations_is_stamped_then_upgraded(db_url: str):
    """The first schema, made by create_all, had no alembic_version table."""
    old = connect(db_url, create=False)
    upgrade(old, BASELINE)
    with old.begin() as connection:
        connection.execute(text("DROP TABLE alembic_version"))
    document, source = parsed()
    save_document(old, document, source)
    before = counts(old)

    current = CliRunner().invoke(app, ["--db", db_url, "db", "current"])
    assert "from before migrations" in current.stdout
    refused = run_cli("docs", db=db_url)
    assert refused.returncode == 1 and "policyledger db upgrade" in refused.stderr and "Traceback" not in refused.stderr
    result = run_cli("db", "upgrade", db=db_url)
    assert result.returncode == 0, result.stderr
    assert "from before migrations" in result.stdout
    assert {table: n for table, n in counts(connect(db_url)).items() if table in before} == before
    again = CliRunner().invoke(app, ["--db", db_url, "db", "upgrade"])
    assert again.exit_code == 0 and "already at schema revision" in again.stdout


def test_database_from_a_newer_version_is_refused(db_url: str):
    engine = connect(db_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(SchemaError, match="newer version"):
        connect(db_url)


def test_revisions_read_from_source_match_alembic():
    """The fast check in `connect` reads the scripts without Alembic; it must see what Alembic sees."""
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    scripts = ScriptDirectory.from_config(config)
    assert scripts.get_heads() == [head_revision()]
    assert set(migrate.revisions()) == {script.revision for script in scripts.walk_revisions()}


def test_new_revision_drafts_the_missing_migration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """`policyledger db revision` as docs/migrations.md describes it, on a copy of the scripts."""
    copy = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(migrate, "MIGRATIONS", copy)
    monkeypatch.setattr(migrate, "VERSIONS", copy / "versions")
    migrate.revisions.cache_clear()
    probe = Table("probe_notes", metadata, Column("id", Integer, primary_key=True), Column("note", Text, nullable=False))
    previous = head_revision()
    following = f"{int(previous) + 1:04d}"
    try:
        path = migrate.new_revision("add probe notes")
        script = path.read_text(encoding="utf-8")
        assert path.name == f"{following}_add_probe_notes.py"
        assert "probe_notes" in script and f"down_revision = {previous!r}" in script
        engine = connect(f"sqlite:///{tmp_path / 'new.db'}")
        assert schema_state(engine).current == following
        assert inspect(engine).has_table("probe_notes")
    finally:
        metadata.remove(probe)
        migrate.revisions.cache_clear()
