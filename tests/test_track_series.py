"""Series within one report: the same indicator over periods, on the sample (real SQLite file,
the real ingest), and the command that lists them."""

from __future__ import annotations

import json
from typing import Any

import pytest
from tests.conftest import run_cli

from policyledger import track
from policyledger.evaluate import DEMO_REPORT
from policyledger.ingest import ingest_path
from policyledger.store.db import connect


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    url = f"sqlite:///{tmp_path_factory.mktemp('series') / 'ledger.db'}"
    engine = connect(url)
    doc = ingest_path(engine, DEMO_REPORT).doc_id
    found = track.series(engine, doc)
    engine.dispose()
    return {"url": url, "doc": doc, "series": found}


def points(series: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(p["text"], p["period_text"]) for p in series["points"]]


def named(found: list[dict[str, Any]], path: str, unit: str) -> dict[str, Any]:
    matches = [s for s in found if s["path"] == path and s["unit"] == unit]
    assert len(matches) == 1, f"{path} {unit}: {len(matches)}"
    return matches[0]


def test_quarterly_subsidies_form_a_series_per_programme(sample):
    manufacturing = named(sample["series"], "壹/六/(一)/1/(2)", "家")
    assert points(manufacturing) == [("17,797 家", "109 年第 2 季"), ("7,260 家", "109 年第 3 季"), ("4,561 家", "109 年第 4 季")]
    assert [p["when"] for p in manufacturing["points"]] == ["2020-06-30", "2020-09-30", "2020-12-31"]
    assert manufacturing["change"] == 4561 - 17797
    money = named(sample["series"], "壹/六/(一)/1/(2)", "TWD")  # 核准 17,797 家、261.61 億元: the amount shares the count's words
    assert [p["text"] for p in money["points"]] == ["261.61 億元", "79.03 億元", "41.91 億元"]
    trade = named(sample["series"], "陸/七/(二)", "家")  # the same block for 會展業: its own series, never mixed
    assert points(trade) == [("474 家", "109 年第 2 季"), ("804家", "109 年第 3 季"), ("421家", "109 年第 4 季")]


def test_reserve_margins_108_and_109(sample):
    # 備轉容量率維持在 10%以上水準…備用容量率達 16.8% (108 年); 全年備轉容量率皆維持 10%以上，備用容量率達 16.4%
    margins = {s["indicator"]: s for s in sample["series"] if s["path"] == "拾/二/(一)" and s["unit"] == "percent"}
    assert set(margins) == {"備用容量率", "備轉容量率"}
    assert [p["text"] for p in margins["備用容量率"]["points"]] == ["16.8%", "16.4%"]
    assert [(p["text"], p["qualifier"]) for p in margins["備轉容量率"]["points"]] == [("10%", "more_than"), ("10%", "more_than")]


def test_leak_rate_across_sections(sample):
    leaks = [s for s in sample["series"] if "漏水率" in s["indicator"]]
    assert len(leaks) == 1
    assert [p["text"] for p in leaks[0]["points"]] == ["16%", "14.5%", "13.9%", "13.5%"]
    assert leaks[0]["points"][-1]["when"] == "2021-03-11"  # 目前: the report's own date


def test_series_command(sample):
    listed = run_cli("series", sample["doc"], "--format", "json", db=sample["url"])
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout) == sample["series"]
    table = run_cli("series", sample["doc"], db=sample["url"])
    assert "17,797 家" in table.stdout and "備用容量率" in table.stdout
