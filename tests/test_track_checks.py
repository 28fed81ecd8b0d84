"""Consistency checks on the sample report (real SQLite file, the real ingest) and on small
reports written for one rule each; the impossible-value rules on values built by hand."""

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
from policyledger.model import Claim, Node
from policyledger.store.db import connect
from policyledger.track.checks import RULES, SEVERITIES, run_checks
from policyledger.track.report import build_report

CHECK_FIELDS = {"doc", "rule", "severity", "message", "evidence"}


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    url = f"sqlite:///{tmp_path_factory.mktemp('checks') / 'ledger.db'}"
    engine = connect(url)
    doc = ingest_path(engine, DEMO_REPORT).doc_id
    findings = track.check(engine, doc)
    engine.dispose()
    return {"url": url, "doc": doc, "findings": findings}


def lines(finding: dict[str, Any]) -> list[int]:
    return [claim["line"] for claim in finding["claims"]]


def test_renewables_total_is_consistent_with_its_parts_within_rounding(sample):
    found = [f for f in sample["findings"] if f["rule"] == "total_parts" and 3868 in lines(f)]
    assert len(found) == 1
    finding = found[0]
    assert finding["severity"] == "ok" and "within rounding" in finding["message"]
    assert "9,474.4 MW" in finding["message"] and "= 9,474.5 MW" in finding["message"]
    assert [c["text"] for c in finding["claims"]] == ["9,474.4 MW", "5,817.2 MW", "853.7 MW", "2,093.4 MW", "0.3 MW", "709.9 MW"]
    assert finding["evidence"][0]["line_start"] == 3868 and "其中太陽光電" in finding["evidence"][0]["quote"]


def test_a_target_against_the_targets_of_the_items_under_it(sample):
    solar = [f for f in sample["findings"] if f["rule"] == "total_parts" and lines(f)[:1] == [3876]]
    assert len(solar) == 1 and solar[0]["severity"] == "ok"
    assert [c["text"] for c in solar[0]["claims"]] == ["20GW", "8GW", "12GW"]
    assert {e["path"] for e in solar[0]["evidence"]} == {"拾/一/(二)/2", "拾/一/(二)/2/(1)", "拾/一/(二)/2/(2)"}


def test_linkou_startup_terrace_stated_twice(sample):
    found = [f for f in sample["findings"] if f["rule"] == "restated" and sorted(lines(f)) == [471, 1299]]
    assert len(found) == 1
    finding = found[0]
    assert "林口新創園" in finding["message"] and "150 家" in finding["message"] and "168家" in finding["message"]
    assert finding["severity"] == "notice" and "dates may differ: 迄 109 年底 vs no date" in finding["message"]
    assert [e["line_start"] for e in finding["evidence"]] == [469, 1297]  # each quote from its sentence's first line


def test_leak_rate_stated_twice_with_dates_and_scope_explained(sample):
    found = [f for f in sample["findings"] if f["rule"] == "restated" and sorted(lines(f)) == [1899, 4645]]
    assert len(found) == 1
    message = found[0]["message"]
    assert "漏水率" in message and "13.9%" in message and "13.5%" in message
    assert "dates differ" in message and "目前" in message  # 13.5 % is stated as current
    assert "scope differs" in message and "全臺" in message
    # 14.5 % and 16 % are the starting points of 降至 / 降到, not competing statements
    assert not [f for f in sample["findings"] if f["rule"] == "restated" and {1897, 4645} & set(lines(f)) and 1897 in lines(f)]


def test_parts_of_two_names_are_not_one_indicator(sample):
    # 屋頂型太陽光電 4.08GW and 地面型太陽光電 1.74GW share 型太陽光電, the tail of two names
    assert not [f for f in sample["findings"] if f["rule"] == "restated" and sorted(lines(f)) == [3882, 3892]]


def test_findings_follow_the_contract(sample):
    assert sample["findings"]
    for finding in sample["findings"]:
        assert set(finding) >= CHECK_FIELDS and finding["rule"] in RULES and finding["severity"] in SEVERITIES
        for quote in finding["evidence"]:
            assert set(quote) == {"path", "line_start", "line_end", "quote"} and quote["line_start"] <= quote["line_end"] and quote["quote"]


def test_no_impossible_values_in_the_sample(sample):
    assert not [f for f in sample["findings"] if f["severity"] == "error"]


MISMATCH_REPORT = """測試部業務報告
壹、能源
一、再生能源
(一) 截至 109 年底，再生能源累計裝置容量達 100 MW，其中太陽光電 60 MW、風力發電 50 MW。
(二) 截至 109 年底，共計核准 30 家，其中製造業 10 家、服務業 5 家。
(三) 截至 109 年底，總計輔導 12 案(新設 7 案、擴建 5 案)。
"""


def test_a_real_mismatch_is_flagged(tmp_path: Path):
    source = tmp_path / "mismatch-report.txt"
    source.write_text(MISMATCH_REPORT, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    engine = connect(url)
    doc = ingest_path(engine, source).doc_id
    totals = {f["claims"][0]["text"]: f for f in track.check(engine, doc) if f["rule"] == "total_parts"}
    engine.dispose()
    assert totals["100 MW"]["severity"] == "error" and "exceed the total by 10 MW" in totals["100 MW"]["message"]
    assert totals["30 家"]["severity"] == "warning" and "fall short of the total by 15 家" in totals["30 家"]["message"]
    assert totals["12 案"]["severity"] == "ok" and "exactly" in totals["12 案"]["message"]
    listed = run_cli("check", doc, "--format", "json", db=url)
    assert listed.returncode == 0, listed.stderr
    assert {f["severity"] for f in json.loads(listed.stdout)} == {"ok", "warning", "error"}
    table = run_cli("check", doc, db=url)
    assert "exceed the total" in table.stdout and "exactly" not in table.stdout  # ok rows only with --all
    assert "exactly" in run_cli("check", doc, "--all", db=url).stdout


def node(path: str, text: str, line: int) -> Node:
    return Node(path, 1, 1, path, text[:10], text, line, line, line_anchors=[(0, line)], subtree_line_end=line)


def claim(text: str, value: float, unit: str, kind: str, start: date | None, end: date | None, line: int, high: float | None = None) -> Claim:
    base_unit, dimension = ("percent", "percent") if unit == "%" else ("座", "count")
    return Claim("壹", text, value, high, unit, dimension, value, base_unit, "exact", kind, start, end, None, "測試", text, line)


def test_impossible_values_are_errors():
    text = "占全國 120%；截至 112 年 5 月底完成 3 座；110 年 5 座；規劃 9~4 座。"
    claims = [
        claim("120%", 120, "%", "share", None, None, 1),
        claim("3 座", 3, "座", "actual", None, date(2023, 5, 31), 1),  # after the report's date
        claim("5 座", 5, "座", "actual", date(2021, 12, 31), date(2021, 1, 1), 1),  # ends before it starts
        claim("9~4 座", 9, "座", "target", None, None, 1, high=4),  # a range running backwards
    ]
    report = build_report("doc", "測試報告", "test.txt", [node("壹", text, 1)], claims, report_date=date(2021, 3, 11))
    fired = {f.rule: f for f in run_checks(report).findings if f.severity == "error"}
    assert set(fired) == {"share_over_100", "as_of_after_report", "period_reversed", "range_reversed"}
    assert "after the report's own date (2021-03-11)" in fired["as_of_after_report"].message
    assert fired["share_over_100"].record()["evidence"][0]["quote"] == "占全國 120%；"  # its sentence


def test_the_report_date_is_the_latest_date_it_states_as_reached():
    claims = [
        claim("3 座", 3, "座", "actual", None, date(2020, 12, 31), 1),
        claim("4 座", 4, "座", "actual", None, date(2021, 2, 28), 1),
    ]
    claims[1].period_text = "截至 110 年 2 月底"
    report = build_report("doc", "測試報告", "test.txt", [node("壹", "截至 110 年 2 月底 4 座", 1)], claims)
    assert report.report_date == date(2021, 2, 28)
