"""`policyledger import`: a damaged or foreign file is refused with the file and the place of the
problem named, before anything is written; a good one is written whole, once."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import run_cli
from tests.ledger_rows import counts, parsed, with_figures
from typer.testing import CliRunner

from policyledger.cli import app
from policyledger.errors import InputError
from policyledger.store.db import connect
from policyledger.store.importer import read_export
from policyledger.store.repository import save_document


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A good export of a small report, with claims and entities, as the real command writes it."""
    url = f"sqlite:///{tmp_path_factory.mktemp('export') / 'ledger.db'}"
    document, source = parsed()
    save_document(connect(url), with_figures(document), source)
    result = CliRunner().invoke(app, ["--db", url, "export", document.id, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """A change to one place in the export: "claims.0.kind" = value; a missing value deletes."""
    *parents, last = [int(part) if part.isdigit() else part for part in path.split(".")]

    def change(payload: dict[str, Any]) -> None:
        target: Any = payload
        for part in parents:
            target = target[part]
        if value is _DELETE:
            del target[last]
        else:
            target[last] = value

    return change


_DELETE = object()

DAMAGE = {
    "wrong format tag": (_set("format", "something-else/2"), '"format" is'),
    "no document": (_set("document", _DELETE), "document: missing"),
    "outline item not an object": (_set("outline.0", "壹"), "outline[0]: expected an object"),
    "claim without value": (_set("claims.0.value", _DELETE), "claims[0].value: missing"),
    "line as text": (_set("outline.1.line_start", "12"), "outline[1].line_start: expected an integer"),
    "kind too long for its column": (_set("claims.0.kind", "x" * 40), "claims[0].kind: longer than 16"),
    "integer past 32 bits": (_set("entities.0.line", 2**40), "entities[0].line: 1099511627776 is out of range"),
    "NUL in text": (_set("outline.1.text", "a\x00b"), "outline[1].text: contains a NUL character"),
    "id not cut from the hash": (_set("document.id", "ffffffffffff"), "is not the start of document.sha256"),
    "claim of another document": (_set("claims.0.doc", "000000000000"), "claims[0].doc is '000000000000'"),
    "date not ISO": (_set("claims.0.period_end", "109年底"), "claims[0].period_end: '109年底' is not an ISO date"),
    "anchors not pairs": (_set("outline.1.line_anchors", [[0]]), "outline[1].line_anchors: expected a list of [offset, line] pairs"),
    "warnings not strings": (_set("document.warnings", [1]), "document.warnings: expected a list of strings"),
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_damaged_export_is_refused_with_the_place(damage, export: dict[str, Any], tmp_path: Path):
    change, message = damage
    payload = copy.deepcopy(export)
    change(payload)
    path = tmp_path / "damaged.json"
    path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_export(path)
    assert str(path) in str(caught.value) and message in str(caught.value)


def test_repeated_outline_path_is_refused(export: dict[str, Any], tmp_path: Path):
    payload = copy.deepcopy(export)
    payload["outline"].append({**payload["outline"][1], "ordinal": 999})
    path = tmp_path / "repeated.json"
    path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError, match=r"outline\[\d+\]\.path: .* appears twice"):
        read_export(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not JSON"),
        (b'{"format": "policyledger-export/1",', "not JSON: Expecting"),
        (b"\xff\xfe{\x00}\x00", "not UTF-8 text"),
        (b"[1, 2]", "expected a JSON object"),
        (b'{"format": "policyledger-export/1", "document": {"line_count": NaN}}', "NaN is not a number"),
    ],
    ids=["empty", "truncated", "utf-16", "array", "nan"],
)
def test_files_that_are_not_exports(content: bytes, message: str, tmp_path: Path):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_export(path)


def test_missing_file(tmp_path: Path):
    with pytest.raises(InputError, match="cannot read the file"):
        read_export(tmp_path / "nowhere.json")


def test_import_writes_good_files_once_and_refuses_bad_ones(db_url: str, export: dict[str, Any], tmp_path: Path):
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    damaged = copy.deepcopy(export)
    damaged["document"]["id"], damaged["document"]["sha256"] = "0" * 12, "0" * 64  # another document…
    damaged["claims"][-1]["value"] = "lots"  # …whose last row is bad: nothing of it may land
    for claim in damaged["claims"]:
        claim["doc"] = "0" * 12
    bad.write_text(json.dumps(damaged, ensure_ascii=False), encoding="utf-8")

    result = run_cli("import", str(bad), str(good), db=db_url)
    assert result.returncode == 1
    assert f"{bad}: not a valid policyledger export: claims[{len(export['claims']) - 1}].value: expected a number" in result.stderr.replace("\n", "")
    assert "Traceback" not in result.stderr and "new" in result.stdout
    engine = connect(db_url)
    assert counts(engine, "0" * 12)["documents"] == 0 and not any(counts(engine, "0" * 12).values())
    stored = counts(engine, export["document"]["id"])
    assert stored["documents"] == 1 and stored["claims"] == len(export["claims"]) and stored["entities"] == len(export["entities"])

    again = CliRunner().invoke(app, ["--db", db_url, "import", str(good)])
    assert again.exit_code == 0 and "unchanged" in again.stdout
    assert counts(engine, export["document"]["id"]) == stored
