"""Folder ingest: worker processes parse, one writer stores, bad files are listed and skipped.

Real files (the sample, an edited copy, a PDF made here) beside broken ones, into a real
SQLite file, through the real command and through `policyledger.bulk` itself."""

from __future__ import annotations

import faulthandler
import os
import signal
import sqlite3
from pathlib import Path

import pytest
from tests.conftest import run_cli

from policyledger.bulk import ingest_files, parse_file, summary_lines
from policyledger.store.db import connect

BAD = {
    "empty.txt": "the file is empty",
    "fake.pdf": "not a PDF",
    "noise.txt": "binary",
    "broken.pdf": "",  # a PDF header and nothing readable after it: any reason, but named
}


def make_pdf(path: Path) -> None:
    """A small report as a real PDF, with Chinese text set in a built-in CID font."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    page = canvas.Canvas(str(path))
    page.setFont("STSong-Light", 12)
    lines = ["壹、工業", "一、推動產業創新", "（一）截至 109 年底累計核准 17,797 家。", "貳、商業", "一、協助商業服務業數位轉型。"]
    for index, line in enumerate(lines):
        page.drawString(72, 760 - 20 * index, line)
    page.save()


@pytest.fixture(scope="session")
def report_bytes(sample_bytes: bytes) -> bytes:
    """The sample's first 300 lines (preamble and part of 壹、工業): a real report, small enough
    that each CLI run costs start-up time rather than parsing time."""
    return b"\n".join(sample_bytes.split(b"\n")[:300]) + b"\n"


@pytest.fixture
def folder(tmp_path: Path, report_bytes: bytes) -> Path:
    root = tmp_path / "reports"
    (root / "nested").mkdir(parents=True)
    (root / "sample.txt").write_bytes(report_bytes)
    (root / "nested" / "edited.txt").write_bytes(report_bytes + "\n補充說明。\n".encode())
    make_pdf(root / "small.pdf")
    (root / "empty.txt").write_bytes(b"")
    (root / "fake.pdf").write_text("hello, not a pdf", encoding="utf-8")
    (root / "noise.txt").write_bytes(bytes(range(256)) * 20)
    (root / "broken.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 100)
    (root / "notes.md").write_text("not a report format; ignored", encoding="utf-8")
    return root


def stored(db_file: Path) -> dict[str, int]:
    """source_name -> number of document rows, and the row count of every table."""
    with sqlite3.connect(db_file) as connection:
        names = dict(connection.execute("select source_name, count(*) from documents group by source_name").fetchall())
        tables = [row[0] for row in connection.execute("select name from sqlite_master where type='table'")]
        counts = {f"#{table}": connection.execute(f'select count(*) from "{table}"').fetchone()[0] for table in tables}
    return names | counts


def test_folder_ingest_lists_failures_and_stores_good_files_once(folder: Path, tmp_path: Path):
    db_file = tmp_path / "ledger.db"
    result = run_cli("ingest", str(folder), db=f"sqlite:///{db_file}")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "7 files" in result.stdout and "3 new" in result.stdout and "4 failed" in result.stdout
    failed_lines = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert len(failed_lines) == len(BAD)
    for name, reason in BAD.items():
        line = next(line for line in failed_lines if line.split(":")[1].strip().endswith(name))
        assert reason in line, line
    rows = stored(db_file)
    assert {name: rows.get(name) for name in ("sample.txt", "edited.txt", "small.pdf")} == {"sample.txt": 1, "edited.txt": 1, "small.pdf": 1}
    assert rows["#documents"] == 3 and not any(name in rows for name in BAD)
    assert rows["#nodes"] > 2 * 30  # two copies of the excerpt's 36 items, plus the PDF's

    again = run_cli("ingest", str(folder), db=f"sqlite:///{db_file}")
    assert again.returncode == 1
    assert "0 new, 3 unchanged" in again.stdout
    assert stored(db_file) == rows


def test_same_content_twice_in_one_run_lands_once(tmp_path: Path, report_bytes: bytes):
    files = []
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_bytes(report_bytes)
        files.append(tmp_path / name)
    engine = connect(f"sqlite:///{tmp_path / 'ledger.db'}")
    report = ingest_files(engine, files, workers=2)
    assert sorted(o.status for o in report.outcomes) == ["new", "unchanged", "unchanged"]
    assert len({o.doc_id for o in report.outcomes}) == 1
    assert report.workers == 2 and report.seconds > 0
    assert "1 new, 2 unchanged" in summary_lines(report)[0]


def test_many_files_on_the_command_line_go_through_bulk(tmp_path: Path, report_bytes: bytes):
    good, missing = tmp_path / "good.txt", tmp_path / "missing.txt"
    good.write_bytes(report_bytes)
    result = run_cli("ingest", str(good), str(missing), db=f"sqlite:///{tmp_path / 'ledger.db'}")
    assert result.returncode == 1
    assert "1 new" in result.stdout and "failed" in result.stderr and "no such file" in result.stderr


def test_an_empty_folder_is_a_clear_error(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    result = run_cli("ingest", str(tmp_path / "empty"), db=f"sqlite:///{tmp_path / 'ledger.db'}")
    assert result.returncode == 1
    assert "no reports" in result.stderr and "Traceback" not in result.stderr


def test_worker_never_raises(tmp_path: Path):
    """The worker turns every problem into a reason, so one file cannot stop the run."""
    outcome = parse_file(str(tmp_path / "nowhere.txt"))
    assert outcome.problem == "no such file"
    (tmp_path / "dir.txt").mkdir()
    assert "directory" in parse_file(str(tmp_path / "dir.txt")).problem


def _worker_pids() -> list[int]:
    """This process's children that are pool workers (spawned `spawn_main`), not helpers."""
    pids = []
    for task in Path("/proc/self/task").iterdir():
        for pid in (task / "children").read_text().split():
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            if b"spawn_main" in cmdline and b"resource_tracker" not in cmdline:
                pids.append(int(pid))
    return pids


@pytest.mark.slow  # each retried file gets a fresh process: several seconds of imports
def test_a_killed_worker_costs_no_file(tmp_path: Path, report_bytes: bytes):
    """A worker that dies (the OOM killer, a native crash) takes nothing down with it: the
    files it may have held are parsed again, each alone, and every file is stored once."""
    files = []
    for index in range(6):
        path = tmp_path / f"r{index}.txt"
        path.write_bytes(report_bytes + f"\n附記 {index}。\n".encode())
        files.append(path)
    engine = connect(f"sqlite:///{tmp_path / 'ledger.db'}")
    killed: list[int] = []

    def kill_one_worker(_outcome) -> None:
        if not killed and (workers := _worker_pids()):
            os.kill(workers[0], signal.SIGKILL)
            killed.append(workers[0])

    # Were the pool ever to wait for a dead worker, end the run with every thread's stack
    # rather than let it hang until CI's own limit.
    faulthandler.dump_traceback_later(300, exit=True)
    try:
        report = ingest_files(engine, files, workers=2, on_outcome=kill_one_worker)
    finally:
        faulthandler.cancel_dump_traceback_later()
    assert killed, "no worker process was found to kill"
    assert sorted(o.status for o in report.outcomes) == ["new"] * 6, [(o.path, o.problem) for o in report.outcomes]
    with sqlite3.connect(tmp_path / "ledger.db") as connection:
        assert connection.execute("select count(*) from documents").fetchone()[0] == 6


@pytest.mark.postgres
def test_a_large_load_leaves_the_planner_statistics_fresh(pg_url: str, tmp_path: Path, report_bytes: bytes):
    # Right after 1,000 reports PostgreSQL planned searches for the empty tables it had last
    # sampled; a bulk ingest of `refresh_after` new reports or more analyses the tables itself.
    files = []
    for index in range(3):
        files.append(tmp_path / f"report-{index}.txt")
        files[-1].write_bytes(report_bytes + f"\n補充說明第{index}項。\n".encode())
    engine = connect(pg_url)
    report = ingest_files(engine, files, workers=1, refresh_after=3)
    assert len(report.with_status("new")) == 3
    with engine.connect() as connection:
        analysed = dict(connection.exec_driver_sql("SELECT relname, last_analyze IS NOT NULL FROM pg_stat_user_tables").all())
        estimated = connection.exec_driver_sql("SELECT reltuples FROM pg_class WHERE relname = 'search_items'").scalar_one()
        stored = connection.exec_driver_sql("SELECT count(*) FROM search_items").scalar_one()
    assert analysed["search_items"] and analysed["nodes"] and analysed["claims"]
    assert estimated == stored  # a table this small is read whole: the estimate is the count
    engine.dispose()
