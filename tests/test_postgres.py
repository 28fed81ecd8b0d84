"""The whole command-line flow (ingest, docs, outline, export) on PostgreSQL as on SQLite,
with the same answers: the same JSON, Markdown and CSV, byte for byte.

The flow runs once per backend (a module-wide cache), against the real sample report, a real
SQLite file and a fresh database on the real PostgreSQL server. Ingest and the error case run
the installed command in a subprocess, as a user would; the read-only commands run the same
Typer app in this process, which is several times faster on a busy two-core machine."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import ROOT, fresh_pg_database, run_cli
from typer.testing import CliRunner

from policyledger.cli import app

KINDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
OUTLINE_KEYS = {"path", "level", "marker", "title", "text", "line_start", "line_end", "page_start", "page_end"}


@dataclass(frozen=True)
class Flow:
    """What a user sees from each command, on one backend."""

    ingest: subprocess.CompletedProcess[str]
    again: str
    docs: list[dict[str, Any]]
    outline: list[dict[str, Any]]
    tree: str
    export: dict[str, Any]
    markdown: str
    csv: str
    missing: subprocess.CompletedProcess[str]


def run_flow(url: str, report: Path) -> Flow:
    ingest = run_cli("ingest", str(report), db=url)
    assert ingest.returncode == 0, ingest.stderr
    doc = report.stem
    return Flow(
        ingest=ingest,
        again=invoke(url, "ingest", str(report)),
        docs=json.loads(invoke(url, "docs", "--format", "json")),
        outline=json.loads(invoke(url, "outline", doc, "--format", "json")),
        tree=invoke(url, "outline", doc),
        export=json.loads(invoke(url, "export", doc, "--format", "json")),
        markdown=invoke(url, "export", doc, "--format", "md"),
        csv=invoke(url, "export", doc, "--format", "csv"),
        missing=run_cli("outline", "no-such-report", db=url),
    )


def invoke(url: str, *args: str) -> str:
    result = CliRunner().invoke(app, ["--db", url, *args], env={"COLUMNS": "200"})
    assert result.exit_code == 0, (args, result.output, result.exception)
    return result.stdout


@pytest.fixture(scope="module")
def flows(tmp_path_factory: pytest.TempPathFactory, sample_path: Path) -> Callable[[str, pytest.FixtureRequest], Flow]:
    """flows(kind, request): the flow on that backend, run the first time it is asked for."""
    done: dict[str, Flow] = {}

    def flow(kind: str, request: pytest.FixtureRequest) -> Flow:
        if kind not in done:
            if kind == "sqlite":
                done[kind] = run_flow(f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'ledger.db'}", sample_path)
            else:
                with fresh_pg_database(request.getfixturevalue("pg_server")) as url:
                    done[kind] = run_flow(url, sample_path)
        return done[kind]

    return flow


@pytest.mark.parametrize("kind", KINDS)
def test_ingest_and_read_back(kind: str, flows, request: pytest.FixtureRequest, sample_nodes):
    flow = flows(kind, request)
    assert "new" in flow.ingest.stdout
    assert "unchanged" in flow.again
    assert [doc["title"] for doc in flow.docs] == ["經濟部業務報告"]
    assert flow.docs[0]["items"] == len(sample_nodes) == len(flow.outline)
    assert all(set(record) >= OUTLINE_KEYS for record in flow.outline)
    assert flow.docs[0]["ingested_at"].endswith("+00:00")
    assert "壹、 工業" in flow.tree and "109 年第 4 季" in flow.tree
    assert flow.export["format"] == "policyledger-export/1"
    assert len(flow.export["outline"]) == len(flow.outline)
    assert "## 參、 中小企業" in flow.markdown
    assert flow.csv.startswith("doc,path,text,value")
    assert flow.missing.returncode == 1
    assert "no document matches 'no-such-report'" in flow.missing.stderr and "Traceback" not in flow.missing.stderr


@pytest.mark.postgres
def test_both_backends_give_identical_output(flows, request: pytest.FixtureRequest):
    sqlite, postgres = flows("sqlite", request), flows("postgresql", request)
    assert postgres.outline == sqlite.outline
    assert postgres.tree == sqlite.tree
    assert postgres.markdown == sqlite.markdown
    assert postgres.csv == sqlite.csv
    assert postgres.missing.stderr == sqlite.missing.stderr
    # Ingested at two different moments; every other field must match exactly.
    assert _without_time(postgres.docs) == _without_time(sqlite.docs)
    assert _without_time([postgres.export["document"]]) == _without_time([sqlite.export["document"]])
    assert {**postgres.export, "document": None} == {**sqlite.export, "document": None}


def _without_time(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{key: value for key, value in record.items() if key != "ingested_at"} for record in records]


@pytest.mark.parametrize(("ci", "outcome"), [("", "1 skipped"), ("true", "1 error")])
def test_unreachable_server_skips_for_a_newcomer_and_fails_in_ci(ci: str, outcome: str):
    """Nothing listens on port 9 of loopback: a newcomer sees how to enable the tests, CI fails."""
    one_test = "tests/test_migrations.py::test_database_from_a_newer_version_is_refused[postgresql]"
    env = {**os.environ, "CI": ci, "POLICYLEDGER_TEST_PG": "postgresql://postgres@127.0.0.1:9/test"}
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", one_test], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert outcome in result.stdout, result.stdout
    assert "PostgreSQL not reachable at postgresql://postgres@127.0.0.1:9/test; set POLICYLEDGER_TEST_PG=postgresql://" in result.stdout
    assert (result.returncode == 0) == (ci == "")


def test_an_items_claims_are_its_own_and_those_below_it(db_url: str, tmp_path: Path):
    from policyledger.ingest import ingest_path
    from policyledger.store.db import connect
    from policyledger.store.repository import load_claims

    report = tmp_path / "report.txt"
    report.write_text(
        "壹、工業\n一、產業\n（一）核准 17 家。\n（二）補助 2 億元。\n二、能源\n完成 3 座。\n"
        + "".join(f"{n}、項目\n" for n in [*"三四五六七八九十", *(f"十{d}" for d in "一二三四五六七八九")]) + "二十、其他\n共 5 件。\n",
        encoding="utf-8",
    )
    engine = connect(db_url)
    doc = ingest_path(engine, report).doc_id
    texts = lambda section: [claim.text for _, claim in load_claims(engine, doc, section=section)]  # noqa: E731
    assert texts("壹/一") == ["17 家", "2 億元"]
    assert texts("壹/一/(二)") == ["2 億元"]
    assert texts("壹/二") == ["3 座"]  # not 壹/二十's 5 件
    assert texts("壹/二十") == ["5 件"]
    engine.dispose()
