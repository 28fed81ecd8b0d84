"""Many users at once: six real processes ingest into one empty database at the same moment
(four different reports, and two processes with the same fifth report). Every document must
land exactly once, whole, and the schema must be made once, on SQLite and on PostgreSQL."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from tests.ledger_rows import counts

from policyledger.store.db import connect
from policyledger.store.schema import documents, nodes

# A barrier made of files: each child imports everything, says it is ready, then waits for the
# start file, so the processes meet in the ingest itself (schema check, parse, write), not in
# Python's start-up.
CHILD = """
import sys, time
from pathlib import Path
from policyledger.cli import main

ready, start, url, report = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4]
ready.touch()
deadline = time.monotonic() + 120
while not start.exists():
    if time.monotonic() > deadline:
        sys.exit("the start signal never came")
    time.sleep(0.001)
sys.argv = ["policyledger", "--db", url, "ingest", report]
main()
"""


def edited_reports(sample: bytes, folder: Path, count: int) -> list[Path]:
    """Distinct reports with the sample's outline: a different closing line each."""
    reports = []
    for index in range(count):
        path = folder / f"report-{index}.txt"
        path.write_bytes(sample + f"\n補充說明第{'甲乙丙丁戊己庚辛'[index]}項。\n".encode())
        reports.append(path)
    return reports


@pytest.mark.slow
def test_six_processes_ingest_at_the_same_moment(db_url: str, tmp_path: Path, sample_bytes: bytes, sample_nodes):
    reports = edited_reports(sample_bytes, tmp_path, 5)
    jobs = [*reports[:4], reports[4], reports[4]]
    start = tmp_path / "start"
    ready = [tmp_path / f"ready-{index}" for index in range(len(jobs))]
    children = [
        subprocess.Popen([sys.executable, "-c", CHILD, str(flag), str(start), db_url, str(report)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())
        for flag, report in zip(ready, jobs, strict=True)
    ]
    _wait_for(ready, children)
    start.touch()
    outputs = [child.communicate(timeout=180) for child in children]

    for child, (_stdout, stderr) in zip(children, outputs, strict=True):
        assert child.returncode == 0, stderr
    same = [outputs[4][0], outputs[5][0]]
    assert sorted("unchanged" in out for out in same) == [False, True], same  # one wrote it, one found it

    engine = connect(db_url)
    expected = {hashlib.sha256(report.read_bytes()).hexdigest()[:12] for report in reports}
    with engine.connect() as connection:
        stored = connection.execute(select(documents.c.id)).scalars().all()
        per_doc = dict(connection.execute(select(nodes.c.doc_id, func.count()).group_by(nodes.c.doc_id)).all())
        versions = connection.execute(text("SELECT count(*) FROM alembic_version")).scalar()
    assert sorted(stored) == sorted(expected)
    assert per_doc == dict.fromkeys(expected, len(sample_nodes))
    assert counts(engine)["nodes"] == 5 * len(sample_nodes)
    assert versions == 1


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"}


def _wait_for(flags: list[Path], children: list[subprocess.Popen[str]], timeout: float = 120, exited_ok: bool = False) -> None:
    """Until every flag file exists; a child that ended early fails the test with its stderr
    (ending with 0 is fine when `exited_ok`: its last flag was its last act)."""
    deadline = time.monotonic() + timeout
    while not all(flag.exists() for flag in flags):
        for child in children:
            assert child.poll() is None or (exited_ok and child.returncode == 0), child.communicate()[1]
        assert time.monotonic() < deadline, "the children did not get ready"
        time.sleep(0.01)


# Each child opens the database of every round at that round's start signal; the first open of an
# empty database makes its schema, so every round is six processes racing to make it at once.
OPENER = """
import sys, time
from pathlib import Path
from policyledger.store.db import connect

folder, name, url, rounds = Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
(folder / f"ready-{name}").touch()
for round_ in range(rounds):
    deadline = time.monotonic() + 120
    while not (folder / f"start-{round_}").exists():
        if time.monotonic() > deadline:
            sys.exit("the start signal never came")
        time.sleep(0.0005)
    connect(url.format(round=round_)).dispose()
    (folder / f"done-{round_}-{name}").touch()
"""


@pytest.mark.slow
def test_processes_opening_an_empty_database_at_once_all_see_it_made(db_url: str, tmp_path: Path):
    # A process that looked while another was making the schema once saw its tables without their
    # revision stamp and refused the database as "from before migrations".
    rounds, processes = 8, 6
    url = db_url.replace("ledger.db", "ledger-{round}.db")
    children = [
        subprocess.Popen(
            [sys.executable, "-c", OPENER, str(tmp_path), str(index), url, str(rounds)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env()
        )
        for index in range(processes)
    ]
    _wait_for([tmp_path / f"ready-{index}" for index in range(processes)], children)
    for round_ in range(rounds):
        if db_url.startswith("postgresql"):
            _empty_postgresql(db_url)
        (tmp_path / f"start-{round_}").touch()
        _wait_for([tmp_path / f"done-{round_}-{index}" for index in range(processes)], children, exited_ok=round_ == rounds - 1)
    for child in children:
        _stdout, stderr = child.communicate(timeout=60)
        assert child.returncode == 0, stderr


def _empty_postgresql(url: str) -> None:
    engine = connect(url, create=False)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP SCHEMA public CASCADE")
        connection.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
