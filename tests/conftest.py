"""Shared fixtures: the bundled sample, the gold, real database files, and running the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from policyledger.evaluate import DEMO_REPORT, find_gold_dir
from policyledger.layout import analyse
from policyledger.model import Node
from policyledger.outline import build_outline
from policyledger.read import read_path

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return DEMO_REPORT


@pytest.fixture(scope="session")
def sample_bytes(sample_path: Path) -> bytes:
    return sample_path.read_bytes()


@pytest.fixture(scope="session")
def sample_nodes(sample_path: Path) -> list[Node]:
    return build_outline(analyse(read_path(sample_path)))


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    found = find_gold_dir()
    if found is None:
        pytest.skip("dev gold not found (../shared/dev-gold); set POLICYLEDGER_GOLD to run this test")
    return found


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'ledger.db'}"


def run_cli(*args: str, db: str | None = None, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the real `policyledger` command in a subprocess, as a user would."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"}
    if db:
        env["POLICYLEDGER_DB"] = db
    return subprocess.run(
        [sys.executable, "-m", "policyledger", *args],
        capture_output=True, text=True, env=env, cwd=cwd, timeout=timeout, check=False,
    )
