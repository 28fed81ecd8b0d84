"""Claims on the sample: the dev gold's scores, the contract, the commands, and odd input."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import run_cli

from policyledger.evaluate import GoldItem, read_claim_items, read_jsonl, score_claims
from policyledger.markers import canonical_path
from policyledger.model import Node
from policyledger.quantity.claims import extract_claims
from policyledger.records import CLAIM_FIELDS, claim_record


@pytest.fixture(scope="module")
def sample_claims(sample_nodes):
    return extract_claims(sample_nodes)


def test_dev_gold_scores(sample_claims, gold_dir: Path):
    predicted = [claim_record("sample", claim) for claim in sample_claims]
    result = score_claims(predicted, read_jsonl(gold_dir / "claims.jsonl"), read_claim_items(gold_dir / "claims-items.txt"))
    assert result.score.f1 >= 0.97
    for field in ("qualifier", "kind", "period"):
        assert result.accuracy(field) >= 0.90, field


# own-claims-15 keeps no count closing its list (等 4 縣市) and counts 5大…聯盟, own-claims-17 and -21 keep no 等 3 項措施, 等 22 種:
# readings against the dev gold's 等 6 個新南向國家, see their READMEs
F1_FLOORS = {"own-claims-15": 0.97, "own-claims-17": 0.98, "own-claims-21": 0.97}


# Claims read by hand, independently of the code, in items the dev gold does not hold (see each
# folder's README): at least as good as measured when they were written.
@pytest.mark.parametrize(("folder", "least_period"), [
    ("own-claims-1", 0.95), ("own-claims-2", 0.90), ("own-claims-3", 0.95), ("own-claims-4", 0.80), ("own-claims-5", 0.80),
    ("own-claims-6", 0.95), ("own-claims-7", 0.90), ("own-claims-8", 0.95), ("own-claims-9", 0.95),
    ("own-claims-10", 0.85), ("own-claims-11", 0.90), ("own-claims-12", 0.90), ("own-claims-13", 0.95), ("own-claims-14", 0.95),
    ("own-claims-15", 0.90), ("own-claims-16", 0.95), ("own-claims-17", 0.95), ("own-claims-18", 0.80),
    ("own-claims-19", 0.90), ("own-claims-20", 0.90), ("own-claims-21", 0.95), ("own-claims-22", 0.80),
    ("own-claims-23", 0.90), ("own-claims-24", 0.95), ("own-claims-25", 0.85), ("own-claims-26", 0.90),
])
def test_own_claims_scores(sample_claims, folder: str, least_period: float):
    gold = Path(__file__).parent.parent / "benchmarks" / folder
    predicted = [claim_record("sample", claim) for claim in sample_claims]
    result = score_claims(predicted, read_jsonl(gold / "claims.jsonl"), read_claim_items(gold / "claims-items.txt"))
    assert result.score.f1 >= F1_FLOORS.get(folder, 0.98)
    for field in ("qualifier", "kind"):
        assert result.accuracy(field) >= 0.90, field
    assert result.accuracy("period") >= least_period  # the readings left are named in each README


# Two sets of items whose every number is a date, an ordinal, a name, a URL or a list marker (each
# listed in its README): a figure found there is a false positive.
@pytest.mark.parametrize("folder", ["own-claims-27", "own-claims-28"])
def test_items_without_figures_give_none(sample_claims, folder: str):
    gold = Path(__file__).parent.parent / "benchmarks" / folder
    predicted = [claim_record("sample", claim) for claim in sample_claims]
    result = score_claims(predicted, read_jsonl(gold / "claims.jsonl"), read_claim_items(gold / "claims-items.txt"))
    assert (result.score.expected, result.score.predicted) == (0, 0)


def claim_at(claims, line: int, text: str):
    return next(c for c in claims if c.line == line and c.text == text)


def test_heading_period_scopes_its_item(sample_claims):
    claim = claim_at(sample_claims, 852, "4,561 家")
    assert (claim.path, claim.kind, str(claim.period_start), str(claim.period_end)) == ("壹/六/(一)/1/(2)/C", "actual", "2020-10-01", "2020-12-31")


def test_target_and_actual_in_one_sentence(sample_claims):
    target = claim_at(sample_claims, 3880, "8GW")
    actual = claim_at(sample_claims, 3882, "4.08GW")
    assert (target.kind, target.base_value, target.base_unit, str(target.period_end)) == ("target", 8_000_000, "kW", "2025-12-31")
    assert (actual.kind, actual.period_start, str(actual.period_end)) == ("actual", None, "2020-12-31")


def test_mixed_numerals_and_scales(sample_claims):
    mixed = next(c for c in sample_claims if c.line == 1229 and c.text.startswith("72 萬"))  # written across two lines
    assert (mixed.value, mixed.unit, mixed.base_value) == (723_097, "人次", 723_097)
    money = claim_at(sample_claims, 1333, "20.22 兆元")
    assert (money.unit, money.base_value, money.base_unit) == ("兆元", 20.22e12, "TWD")


def test_every_claim_cites_a_line_of_its_item(sample_claims, sample_nodes: list[Node]):
    spans = {node.path: (node.line_start, node.line_end) for node in sample_nodes}
    for claim in sample_claims:
        start, end = spans[claim.path]
        assert start <= claim.line <= end, claim


def test_names_and_dates_are_not_figures(sample_claims):
    written = {c.text for c in sample_claims}
    assert not written & {"2020 臺", "100", "5G", "16 型", "1988"}
    assert not any(c.clause.startswith("第") and "條" in c.text for c in sample_claims)


def test_a_cap_or_floor_a_rule_sets_by_not_exceeding_or_not_falling_below():
    text = "延長工作時間每月不得超過46 小時，雇主提繳率不得低於 6%，每班不得少於 30 人，吸引超過 6,800 家買主。"
    node = Node(path="壹", level=1, depth=1, marker="壹、", title="t", text=text, line_start=1, line_end=1, line_anchors=[(0, 1)])
    assert [(c.text, c.qualifier) for c in extract_claims([node])] == [
        ("46 小時", "up_to"), ("6%", "at_least"), ("30 人", "at_least"), ("6,800 家", "more_than")]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789,.~-%％ 年月日萬億兆元家人成約逾近至第季底截自一二三十百千兩〇臺台GWkMh/()（）、，。：")), max_size=80))
def test_extraction_never_crashes_on_near_numbers(text: str):
    node = Node(path="壹", level=1, depth=1, marker="壹、", title="t", text=text, line_start=1, line_end=1, line_anchors=[(0, 1)])
    for claim in extract_claims([node]):
        assert claim.text and claim.line == 1


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_extraction_never_crashes_on_any_text(text: str):
    node = Node(path="", level=0, depth=0, marker="", title="", text=text, line_start=1, line_end=1, line_anchors=[(0, 1)])
    extract_claims([node])


@pytest.fixture(scope="module")
def ingested_db(tmp_path_factory, sample_path: Path) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('claims') / 'ledger.db'}"
    assert run_cli("ingest", str(sample_path), db=url).returncode == 0
    return url


def test_claims_json_contract(ingested_db: str):
    result = run_cli("claims", "moea-business-report-ly10-3", "--kind", "target", "--format", "json", db=ingested_db)
    records = json.loads(result.stdout)
    assert records and all(set(CLAIM_FIELDS) <= set(r) for r in records)
    assert {r["kind"] for r in records} == {"target"}
    assert any(r["text"] == "20GW" and r["base_value"] == 20_000_000 for r in records)


def test_claims_csv_filtered_by_unit_and_date(ingested_db: str):
    result = run_cli("claims", "--unit", "TWD", "--since", "2020-07-01", "--format", "csv", db=ingested_db)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {row["base_unit"] for row in rows} == {"TWD"}
    assert all((row["period_end"] or row["period_start"]) >= "2020-07-01" for row in rows)


def test_claims_of_a_section_typed_as_the_report_writes_it(ingested_db: str):
    stored = json.loads(run_cli("claims", "moea", "--section", "壹/二/(一)", "--format", "json", db=ingested_db).stdout)
    typed = json.loads(run_cli("claims", "moea", "--section", "壹／二／（一）", "--format", "json", db=ingested_db).stdout)
    assert stored and typed == stored
    assert all(row["path"] == "壹/二/(一)" or row["path"].startswith("壹/二/(一)/") for row in stored)
    formal = json.loads(run_cli("claims", "moea", "--section", "参", "--format", "json", db=ingested_db).stdout)
    assert formal and {row["path"].split("/")[0] for row in formal} == {"參"}


def test_canonical_path_reads_what_a_user_types():
    assert canonical_path("壹／二／（一）") == "壹/二/(一)"
    assert canonical_path(" 参 / 十二 / (３) / A ") == "參/十二/(3)/A"
    assert canonical_path("拾壹/二/(二)/5/(10)") == "拾壹/二/(二)/5/(10)"
    assert canonical_path("/") == ""


def test_claims_query_and_table(ingested_db: str):
    result = run_cli("claims", "moea", "--query", "離岸風電", db=ingested_db)
    assert result.returncode == 0 and "5.7 GW" in result.stdout


def test_entities_listing(ingested_db: str):
    result = run_cli("entities", "moea", "--format", "json", db=ingested_db)
    names = {(e["type"], e["name"]) for e in json.loads(result.stdout)}
    assert {("organisation", "台電公司"), ("organisation", "中科院"), ("law", "產業創新條例第 46-1 條"), ("place", "彰化")} <= names
    claims = json.loads(run_cli("claims", "moea", "--format", "json", db=ingested_db).stdout)
    assert any("台電公司" in c["entities"] for c in claims)


def test_a_dated_heading_that_names_a_topic_yields_to_the_figures_own_clause():
    text = "2、 113 年目標：113 年招募目標 1 萬 3,000 人，截至 113 年 2 月底已招募 2,218 人，達成率 17.1%。"
    node = Node(path="壹/一/2", level=4, depth=3, marker="2、", title="113 年目標", text=text, line_start=1, line_end=1, line_anchors=[(0, 1)])
    periods = {c.text: (c.period_start, c.period_end) for c in extract_claims([node])}
    assert periods["1 萬 3,000 人"] == (date(2024, 1, 1), date(2024, 12, 31))
    assert periods["2,218 人"] == (None, date(2024, 2, 29))  # 截至 in its own clause, not the heading's year


def test_a_heading_that_dates_a_report_on_the_work_dates_its_items_figures():
    text = "（二） 113 年上半年執行成果\n全國查獲各級毒品 2,846.3 公斤，較 112 年同期減少 18.2%。"
    node = Node(path="壹/一/(二)", level=3, depth=3, marker="（二）", title="113 年上半年執行成果", text=text, line_start=1, line_end=2,
                line_anchors=[(0, 1), (17, 2)])
    periods = {c.text: (c.period_start, c.period_end) for c in extract_claims([node])}
    assert periods["2,846.3 公斤"] == (date(2024, 1, 1), date(2024, 6, 30))


def test_a_gold_figure_in_another_unit_of_its_dimension_is_the_same_figure():
    # the gold's writer chose metres and minutes; we give km and hours: the same quantities, converted by the registry
    items = [GoldItem(1, 9, "壹")]
    gold = [{"line": 2, "base_value": 4215, "base_unit": "m"}, {"line": 3, "base_value": 12, "base_unit": "minute"},
            {"line": 4, "base_value": 30, "base_unit": "件"}]
    ours = [{"line": 2, "base_value": 4.215, "base_unit": "km"}, {"line": 3, "base_value": 0.2, "base_unit": "hour"},
            {"line": 4, "base_value": 30, "base_unit": "人"}]
    result = score_claims(ours, gold, items)
    assert (result.score.true_positives, [row["line"] for row in result.score.misses]) == (2, [4])  # a count's noun is no unit to convert


def test_the_parts_in_a_daily_amounts_bracket_are_daily():
    node = Node(path="壹", level=1, depth=1, marker="壹、", title="t", line_start=1, line_end=1, line_anchors=[(0, 1)],
                text="（一） 用水：114 年三園區平均每日用水量約 41.3 萬噸（竹科 16.2 萬噸、中科 10.9 萬噸），累計用水約 1 億 36 萬噸。")
    units = [(claim.text, claim.base_unit) for claim in extract_claims([node])]
    assert units == [("41.3 萬噸", "m3/day"), ("16.2 萬噸", "m3/day"), ("10.9 萬噸", "m3/day"), ("1 億 36 萬噸", "m3")]


def test_figures_a_planning_report_writes_its_own_way():
    def read(text: str):
        node = Node(path="壹", level=1, depth=1, marker="壹、", title="t", text=text, line_start=1, line_end=1, line_anchors=[(0, 1)])
        return [(claim.text, claim.base_value, claim.base_unit, claim.kind) for claim in extract_claims([node])]

    # the scale said at both ends of a range, the unit once
    assert read("推估未來每年新增人才需求約 3.6 萬至 4.2 萬人。")[0][:3] == ("3.6 萬至 4.2 萬人", 36000, "人")
    assert read("社交工程演練寄送郵件 48 萬封。") == [("48 萬封", 480000, "封", "actual")]  # 封 counts letters, not 封閉
    assert read("該路段於 113 年封閉 3 處。") == [("3 處", 3, "處", "actual")]
    # an age measured is a figure, an age that is a threshold is a rule
    assert read("112 年國人平均壽命 80.23 歲，目標 120 年延長至 82 歲。")[1] == ("82 歲", 82, "year", "target")
    assert read("年滿 65 歲之長者")[0][3] == "rule"
    # a term of days before its change is no date; a day after its month is
    assert [text for text, *_ in read("平均審核時間由 14 日縮短為 9 日。")] == ["14 日", "9 日"]
    assert read("於 10 月 14 日縮短營業時間") == []
    # numbers inside a short name in 「」 are part of the name; a quote ending on its figure is a figure
    assert read("推動淨零「十二項關鍵戰略」，並推出「二二八事件 78 週年檔案展」。") == []
    assert [text for text, *_ in read("發布「百分之三十」計算方式，發放「每人 1 萬元」")] == ["百分之三十", "1 萬元"]


def test_a_text_in_full_width_digits_its_commas_meals_and_money_a_month():
    node = Node(path="壹", level=1, depth=1, marker="壹、", title="t", line_start=1, line_end=1, line_anchors=[(0, 1)],
                text="截至 １１４ 年 ８ 月底，服務榮民計 ３６ 萬 ８，４５２ 人，供應 ２１ 萬 ４，５６０ 餐，主副食費按 ６，４８０ 元/月 核給，"
                     "完成 １２６ 村里光纖建設；配合「榮耀 ７０ 週年」系列活動辦理 １８ 場。")
    read = [(claim.text, claim.base_value, claim.base_unit) for claim in extract_claims([node])]
    assert read == [("３６ 萬 ８，４５２ 人", 368452, "人"), ("２１ 萬 ４，５６０ 餐", 214560, "餐"), ("６，４８０ 元/月", 6480, "TWD/月"),
                    ("１２６ 村里", 126, "村里"), ("１８ 場", 18, "場")]


def test_a_fine_stated_is_a_rule_and_a_fine_imposed_is_not():
    def kinds(text: str):
        node = Node(path="壹", level=1, depth=1, marker="壹、", title="t", text=text, line_start=1, line_end=1, line_anchors=[(0, 1)])
        return [(claim.text, claim.kind) for claim in extract_claims([node])]

    assert kinds("依水土保持法第 33 條，罰鍰為 6 萬至 30 萬元。") == [("6 萬至 30 萬元", "rule")]
    assert kinds("113 年查報違規使用 1,072 件，處罰鍰 6,318 萬元。") == [("1,072 件", "actual"), ("6,318 萬元", "actual")]


def test_nautical_miles_are_a_length():
    node = Node(path="壹", level=1, depth=1, marker="壹、", title="t", line_start=1, line_end=1, line_anchors=[(0, 1)],
                text="巡護航程累計 31.6 萬浬，離岸最遠可達 24 浬。")
    assert [(claim.text, round(claim.base_value, 3), claim.base_unit) for claim in extract_claims([node])] == [
        ("31.6 萬浬", 585232.0, "km"), ("24 浬", 44.448, "km")]
