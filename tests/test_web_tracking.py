"""目標追蹤 and 版本比較 in the web app: the tracking API (FastAPI's TestClient) and the pages,
against a real SQLite file holding the sample and a second edition made from it by
tests.test_track_diff; and the dashboard's per-target charts in real headless Chromium."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.test_track_diff import second_edition
from tests.test_web_browser import Visit, browser  # noqa: F401 - the browser fixture, shared
from tests.web_fixtures import running

from policyledger import track
from policyledger.evaluate import DEMO_REPORT
from policyledger.ingest import ingest_path
from policyledger.store.db import connect
from policyledger.web.app import create_app


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("web-tracking")
    later = folder / "moea-second-edition.txt"
    later.write_text(second_edition(DEMO_REPORT.read_text(encoding="utf-8")), encoding="utf-8")
    url = f"sqlite:///{folder / 'ledger.db'}"
    engine = connect(url)
    first, second = ingest_path(engine, DEMO_REPORT).doc_id, ingest_path(engine, later).doc_id
    expected = {"targets": track.targets(engine, first), "diff": track.diff(engine, first, second)}
    engine.dispose()
    return {"url": url, "a": first, "b": second, "expected": expected, "api": TestClient(create_app(url))}


def test_targets_api_is_the_command_s_records(site):
    response = site["api"].get("/api/targets", params={"doc": "moea-business-report-ly10-3"})
    assert response.status_code == 200
    records = response.json()
    assert records == site["expected"]["targets"]
    rooftop = next(r for r in records if r["target"]["text"] == "8GW")
    assert rooftop["actual"]["text"] == "4.08GW" and rooftop["progress"] == pytest.approx(0.51)


def test_check_series_and_diff_apis(site):
    api = site["api"]
    findings = api.get("/api/check", params={"doc": site["a"]}).json()
    assert any(f["rule"] == "restated" and "林口新創園" in f["message"] for f in findings)
    assert any(f["rule"] == "total_parts" and f["severity"] == "ok" and "9,474.4 MW" in f["message"] for f in findings)
    series = api.get("/api/series", params={"doc": site["a"]}).json()
    assert any(s["indicator"] == "備用容量率" for s in series)
    changes = api.get("/api/diff", params={"a": site["a"], "b": site["b"]}).json()
    assert changes == site["expected"]["diff"]


def test_unknown_documents_are_404s(site):
    for path, params in (("/api/targets", {"doc": "nope"}), ("/api/check", {"doc": "nope"}), ("/api/diff", {"a": site["a"], "b": "nope"})):
        response = site["api"].get(path, params=params)
        assert response.status_code == 404 and "no document matches 'nope'" in response.json()["detail"]


def test_each_paired_target_gets_its_chart(site):
    page = site["api"].get("/targets", params={"doc": site["a"]}).text
    cards = re.findall(r'<li class="target status-[^"]+">(.*?)</li>', page, flags=re.S)
    dated_pairs = [r for r in site["expected"]["targets"] if r["actual"] and r["due"]]
    charts = [card for card in cards if 'class="target-chart"' in card]
    assert len(cards) == len(site["expected"]["targets"]) and len(charts) == len(dated_pairs)
    rooftop = next(card for card in charts if "屋頂型太陽光電" in card)
    assert "4.08GW (2020-12-31)" in rooftop and "8GW (2025-12-31)" in rooftop and "報告日" in rooftop
    reserve = next(card for card in charts if ">備用容量率</a>" in card and "2025-12-31" in card)
    assert "16.8% (2019-12-31)" in reserve and "<polyline" in reserve  # 108 and 109, the achieved figure's history


def test_the_compare_page_lists_the_changes(site):
    page = site["api"].get("/diff", params={"a": site["a"], "b": site["b"]})
    assert page.status_code == 200
    for text in ("推動智慧電表設置", "推動氫能發展", "4.08GW", "5.12GW", "推動節約能源"):
        assert text in page.text


@pytest.fixture(scope="module")
def served(site: dict[str, Any]) -> Iterator[str]:
    with running(create_app(site["url"])) as base:
        yield base


@pytest.mark.browser
def test_dashboard_charts_in_a_browser(browser: Any, served: str, site: dict[str, Any], tmp_path: Path):  # noqa: F811
    from playwright.sync_api import expect

    visit = Visit(browser, served)
    try:
        page = visit.go(f"/targets?doc={site['a']}")
        card = page.locator("li.target", has_text="屋頂型太陽光電")
        expect(card.locator("svg.target-chart")).to_be_visible()
        box = card.locator("svg.target-chart").bounding_box()
        assert box is not None and box["width"] > 200 and box["height"] > 50
        expect(card.locator("svg.target-chart circle")).to_have_count(1)
        visit.shot("targets-charts")
        page = visit.go(f"/diff?a={site['a']}&b={site['b']}")
        expect(page.locator("main")).to_contain_text("推動智慧電表設置")
    finally:
        visit.close()
