"""Targets against achievements on the sample report (a real SQLite file, the real ingest):
the pairs issue 6 names, the pace arithmetic, the JSON contract and the commands."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import run_cli

from policyledger import track
from policyledger.evaluate import DEMO_REPORT
from policyledger.ingest import ingest_path
from policyledger.records import CLAIM_FIELDS
from policyledger.store.db import connect

TARGET_FIELDS = {"doc", "path", "indicator", "target", "actual", "progress", "due", "reason"}


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    url = f"sqlite:///{tmp_path_factory.mktemp('track') / 'ledger.db'}"
    engine = connect(url)
    doc = ingest_path(engine, DEMO_REPORT).doc_id
    records = track.targets(engine, doc)
    engine.dispose()
    return {"url": url, "doc": doc, "targets": records}


def target(records: list[dict[str, Any]], line: int, text: str) -> dict[str, Any]:
    found = [r for r in records if r["target"]["line"] == line and r["target"]["text"] == text]
    assert len(found) == 1, f"target {text} at line {line}: {len(found)} found"
    return found[0]


def test_solar_20gw_is_set_against_the_solar_installed_so_far(ledger):
    pair = target(ledger["targets"], 3876, "20GW")
    assert pair["path"] == "拾/一/(二)/2" and pair["indicator"] == "太陽光電"
    assert pair["actual"]["text"] == "5,817.2 MW" and pair["actual"]["period_end"] == "2020-12-31"
    assert pair["due"] == "2025-12-31" and pair["progress"] == pytest.approx(5817.2 / 20000, abs=1e-3)
    assert pair["basis"] == "section" and "太陽光電" in pair["reason"]


def test_rooftop_and_ground_targets_are_paired_within_their_sentence(ledger):
    rooftop = target(ledger["targets"], 3880, "8GW")
    assert (rooftop["indicator"], rooftop["actual"]["text"], rooftop["basis"]) == ("屋頂型太陽光電", "4.08GW", "sentence")
    assert rooftop["progress"] == pytest.approx(0.51)
    ground = target(ledger["targets"], 3884, "12GW")
    assert (ground["indicator"], ground["actual"]["text"], ground["basis"]) == ("地面型太陽光電", "1.74GW", "sentence")
    assert ground["progress"] == pytest.approx(1.74 / 12, abs=1e-3)
    assert "same sentence" in rooftop["reason"]


def test_pace_needed_is_what_is_left_over_the_years_left(ledger):
    rooftop = target(ledger["targets"], 3880, "8GW")
    years = (date(2025, 12, 31) - date(2021, 3, 11)).days / 365.25  # from the report's own date
    assert rooftop["as_of"] == "2021-03-11" and rooftop["years_left"] == pytest.approx(years, abs=0.01)
    assert rooftop["remaining"] == 3_920_000  # kW
    assert rooftop["pace_needed_per_year"] == pytest.approx(3_920_000 / years, rel=1e-3)
    assert (rooftop["pace_needed_per_year_as_written"], rooftop["written_unit"]) == (pytest.approx(3.92 / years, rel=1e-3), "GW")
    assert rooftop["status"] == "in_progress" and rooftop["direction"] == "increase"


def test_offshore_wind_target_is_listed_with_its_date(ledger):
    offshore = [r for r in ledger["targets"] if r["target"]["text"] == "5.7 GW"]
    assert {r["path"] for r in offshore} == {"拾/一/(二)/2", "拾/一/(二)/2/(3)"}
    for pair in offshore:
        assert pair["due"] == "2025-12-31" and "離岸風電" in pair["indicator"]
        # never the solar figure beside it, nor the 5.5 GW allocated to be built by 114 年
        assert pair["actual"] is None or pair["actual"]["text"] == "128 MW"


def test_smart_meters_against_the_low_voltage_meters_done(ledger):
    first = target(ledger["targets"], 4025, "150 萬戶")
    later = target(ledger["targets"], 4027, "300 萬戶")
    for pair, due in ((first, "2021-12-31"), (later, "2024-12-31")):
        assert pair["actual"]["text"] == "100 萬戶"  # 低壓, not the 2.8 萬戶 高壓 of the same sentence
        assert pair["due"] == due and pair["basis"] == "item" and pair["indicator"] == "智慧電表"
    assert first["progress"] == pytest.approx(2 / 3, abs=1e-3) and later["progress"] == pytest.approx(1 / 3, abs=1e-3)


def test_reserve_margin_target_is_met(ledger):
    for line in (3966, 3976):
        pair = target(ledger["targets"], line, "15%")
        assert pair["indicator"] == "備用容量率" and pair["actual"]["text"] == "16.4%"
        assert pair["status"] == "met" and pair["progress"] == pytest.approx(16.4 / 15, abs=1e-3)
        assert pair["remaining"] == 0 and pair["pace_needed_per_year"] is None


def test_a_reduction_target_reads_the_other_way(ledger):
    leaks = target(ledger["targets"], 4647, "10%")
    assert leaks["actual"]["text"] == "13.5%" and leaks["direction"] == "decrease"
    assert leaks["status"] == "in_progress" and leaks["remaining"] == pytest.approx(3.5)


def test_a_pair_the_text_does_not_make_says_why_and_quotes_both(ledger):
    pair = target(ledger["targets"], 3876, "20GW")
    quotes = [e["quote"] for e in pair["evidence"]]
    assert len(quotes) == 2 and "20GW" in quotes[0] and "5,817.2" in quotes[1]
    assert pair["evidence"][1]["line_start"] == 3868 and pair["evidence"][1]["path"] == "拾/一/(二)/1"  # its sentence starts a line above


def test_unpaired_targets_have_no_progress(ledger):
    unpaired = [r for r in ledger["targets"] if r["actual"] is None]
    assert unpaired and all(r["progress"] is None and r["status"] == "unpaired" for r in unpaired)
    # a generic measure word alone (裝置容量 of one plant) never pairs across items
    plant = target(ledger["targets"], 1669, "316 萬瓩")
    assert plant["actual"] is None


def test_records_follow_the_contract(ledger):
    assert len(ledger["targets"]) > 100
    for record in ledger["targets"]:
        assert set(record) >= TARGET_FIELDS
        assert set(CLAIM_FIELDS) <= set(record["target"]) and record["target"]["kind"] == "target"
        assert record["actual"] is None or record["actual"]["kind"] in ("actual", "share")
        assert record["target"]["dimension"] != "duration"  # 3 年內 is a time frame, not a target
        if record["actual"]:
            assert record["actual"]["base_unit"] == record["target"]["base_unit"] and record["reason"]


def test_targets_and_stats_commands(ledger):
    listed = run_cli("targets", "moea-business-report-ly10-3", "--format", "json", db=ledger["url"])
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout) == ledger["targets"]
    table = run_cli("targets", ledger["doc"], db=ledger["url"])
    assert table.returncode == 0 and "屋頂型太陽光電" in table.stdout
    stats = run_cli("track-stats", ledger["doc"], "--format", "json", db=ledger["url"])
    counted = json.loads(stats.stdout)
    paired = sum(1 for r in ledger["targets"] if r["actual"])
    assert counted["targets"] == len(ledger["targets"]) and counted["paired"] == paired
    assert sum(counted["paired_by"].values()) == paired
    assert counted["checks"]["total_parts"]["ran"] >= 3 and counted["checks"]["restated"]["fired"] >= 2
    summary = run_cli("track-stats", ledger["doc"], db=ledger["url"])
    assert f"paired {paired}" in summary.stdout and "restated" in summary.stdout


def test_unknown_document_is_one_clear_line(tmp_path: Path):
    result = run_cli("targets", "no-such-report", db=f"sqlite:///{tmp_path / 'empty.db'}")
    assert result.returncode == 1 and "no document matches 'no-such-report'" in result.stderr and "Traceback" not in result.stderr
