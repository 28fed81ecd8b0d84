"""Editions compared. The second edition is made here from the sample, for this test only:
a figure changed, a target's year moved, an item removed (so the items after it are
renumbered) and an item added. Both editions go through the real ingest into a SQLite file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import run_cli

from policyledger import track
from policyledger.evaluate import DEMO_REPORT
from policyledger.ingest import ingest_path
from policyledger.store.db import connect

# (1-based line, text in it, replacement): a figure changed, a target moved, items renumbered
EDITS = [
    (3880, "114 年目標 8GW", "115 年目標 8GW"),
    (3882, "4.08GW", "5.12GW"),
    (4029, "五、 推動節約能源", "四、 推動節約能源"),
    (4071, "六、 確保天然氣穩定供應", "五、 確保天然氣穩定供應"),
    (4112, "七、 油氣市場管理", "六、 油氣市場管理"),
]
DROPPED = range(4015, 4029)  # 四、 推動智慧電表設置, the whole item
ADDED_BEFORE = 4151  # 拾壹、水利
ADDED = ["七、 推動氫能發展：110 年完成氫能示範場域 2 處。 ", ""]


def second_edition(text: str) -> str:
    lines = text.split("\n")
    for number, old, new in EDITS:
        assert old in lines[number - 1], f"line {number} no longer holds {old!r}"
        lines[number - 1] = lines[number - 1].replace(old, new)
    assert lines[DROPPED.start - 1].startswith("四、 推動智慧電表設置") and "拾壹、水利" in lines[ADDED_BEFORE - 1]
    kept = lines[: DROPPED.start - 1] + lines[DROPPED.stop - 1 : ADDED_BEFORE - 1] + ADDED + lines[ADDED_BEFORE - 1 :]
    return "\n".join(kept)


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("diff")
    later = folder / "moea-second-edition.txt"
    later.write_text(second_edition(DEMO_REPORT.read_text(encoding="utf-8")), encoding="utf-8")
    url = f"sqlite:///{folder / 'ledger.db'}"
    engine = connect(url)
    first, second = ingest_path(engine, DEMO_REPORT).doc_id, ingest_path(engine, later).doc_id
    changes = track.diff(engine, first, second)
    engine.dispose()
    return {"url": url, "a": first, "b": second, "changes": changes}


def of(changes: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [c for c in changes if c["change"] == kind]


def test_the_dropped_item_is_reported_once(editions):
    dropped = of(editions["changes"], "item_dropped")
    assert [(c["path_a"], c["title"]) for c in dropped] == [("拾/四", "推動智慧電表設置")]  # not again for its figures


def test_the_added_item_is_found_where_it_stands(editions):
    added = of(editions["changes"], "item_added")
    assert [(c["path_b"], c["title"]) for c in added] == [("拾/七", "推動氫能發展")]


def test_renumbered_sections_are_aligned_by_title(editions):
    renumbered = {(c["path_a"], c["path_b"]): c["title"] for c in of(editions["changes"], "item_renumbered")}
    assert renumbered == {("拾/五", "拾/四"): "推動節約能源", ("拾/六", "拾/五"): "確保天然氣穩定供應", ("拾/七", "拾/六"): "油氣市場管理"}


def test_changed_figure_and_moved_target(editions):
    changed = of(editions["changes"], "figure_changed")
    assert [(c["path_b"], c["before"]["text"], c["after"]["text"]) for c in changed] == [("拾/一/(二)/2/(1)", "4.08GW", "5.12GW")]
    moved = of(editions["changes"], "target_moved")
    assert len(moved) == 1
    assert (moved[0]["before"]["text"], moved[0]["before"]["period_end"], moved[0]["after"]["period_end"]) == ("8GW", "2025-12-31", "2026-12-31")
    assert "2025-12-31" in moved[0]["message"] and "2026-12-31" in moved[0]["message"]


def test_nothing_else_changed(editions):
    kinds = sorted(c["change"] for c in editions["changes"])
    assert kinds == ["figure_changed", "item_added", "item_dropped", "item_renumbered", "item_renumbered", "item_renumbered", "target_moved"]


def test_an_edition_against_itself_has_no_changes(editions):
    engine = connect(editions["url"])
    assert track.diff(engine, editions["a"], editions["a"]) == []
    engine.dispose()


def test_diff_command(editions):
    listed = run_cli("diff", editions["a"], "moea-second-edition", "--format", "json", db=editions["url"])
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout) == editions["changes"]
    table = run_cli("diff", editions["a"], editions["b"], db=editions["url"])
    assert "item_dropped" in table.stdout and "推動智慧電表設置" in table.stdout


def test_the_fixture_is_not_shipped():
    package = Path(track.__file__).resolve().parents[1]
    assert not list(package.rglob("*second-edition*"))
