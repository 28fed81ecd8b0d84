"""Every data file of the package is declared as package data, so a wheel carries it (an editable
install finds files a built wheel would lack: units.txt went missing that way)."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).parent.parent
PACKAGE = ROOT / "src" / "policyledger"


def test_every_data_file_is_package_data():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]["policyledger"]
    data = [
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    ]
    assert data, "no data files found"
    missing = [name for name in data if not any(fnmatch.fnmatch(name, pattern) for pattern in declared)]
    assert missing == []
