"""Questions answered with a cited figure, against a real SQLite file with the sample ingested."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, event
from tests.conftest import run_cli

from policyledger.ask import ask
from policyledger.evaluate import answer_is_right, read_jsonl, score_answers
from policyledger.ingest import ingest_path
from policyledger.model import Document
from policyledger.pipeline import parse_source, source_text
from policyledger.question import parse_question
from policyledger.read import read_bytes
from policyledger.store.db import connect
from policyledger.store.repository import save_document

ASK_KEYS = {"question", "answer", "citations", "confidence"}
ANSWER_KEYS = {"text", "value", "base_value", "base_unit", "period_start", "period_end"}
CITATION_KEYS = {"doc", "path", "line_start", "line_end", "quote"}


@pytest.fixture(scope="module")
def ledger(tmp_path_factory, sample_path: Path):
    url = f"sqlite:///{tmp_path_factory.mktemp('ask') / 'ledger.db'}"
    engine = connect(url)
    doc_id = ingest_path(engine, sample_path).doc_id
    yield engine, doc_id, url
    engine.dispose()


def test_dev_questions(ledger, gold_dir: Path):
    engine, doc_id, _ = ledger
    questions = read_jsonl(gold_dir / "qa.jsonl")
    score = score_answers([(q, ask(engine, q["q"], doc_id=doc_id)) for q in questions])
    assert score.accuracy >= 0.90
    assert score.citation_accuracy >= 0.90
    assert score.confident_wrong <= max(1, score.not_in_report // 10)


def test_answer_with_citation(ledger):
    engine, doc_id, _ = ledger
    result = ask(engine, "109 年第 4 季製造業薪資補貼核准幾家？")
    assert set(result) >= ASK_KEYS
    assert set(result["answer"]) >= ANSWER_KEYS
    assert (result["answer"]["text"], result["answer"]["base_value"], result["answer"]["base_unit"]) == ("4,561 家", 4561, "家")
    citation = result["citations"][0]
    assert set(citation) >= CITATION_KEYS
    assert (citation["doc"], citation["path"], citation["line_start"], citation["line_end"]) == (doc_id, "壹/六/(一)/1/(2)/C", 850, 852)
    assert "總計核准 4,561 家" in citation["quote"]


def test_not_in_report_offers_nearest_passages(ledger):
    engine, _, _ = ledger
    result = ask(engine, "台積電 109 年在臺投資多少？")
    assert result["answer"] is None and result["citations"] == []
    assert result["nearest"], "the closest passages are offered"


def test_variant_characters_in_the_question(ledger):
    engine, _, _ = ledger
    traditional = ask(engine, "截至 109 年底，水域型太陽能發電已併聯的裝置容量約為多少？")
    simplified = ask(engine, "截至 109 年底，水域型太阳能发电已并联的装置容量约为多少？")
    assert traditional["answer"]["base_value"] == simplified["answer"]["base_value"] == 113_400


def test_question_reading():
    question = parse_question("截至 110 年 1 月底，經濟部已核定補助多少家零售業者上架電商服務？")
    assert question.wants == "number" and "家" in question.units
    assert question.as_of and str(question.period[1]) == "2021-01-31"
    assert parse_question("臺菲智慧財產合作備忘錄是在哪一天簽署的？").wants == "date"
    names = parse_question("菲律賓蘇比克灣 TIPO 智慧生態園區在 108 年促成哪 5 家臺商進駐？")
    assert (names.wants, names.count) == ("names", 5)
    assert parse_question("109 年我國出口金額較 108 年成長多少百分比？").dimensions == {"percent"}


def test_ask_command(ledger):
    _, _, url = ledger
    text = run_cli("ask", "109 年第 4 季製造業薪資補貼核准幾家？", db=url)
    assert text.returncode == 0
    assert "4,561 家 — 壹/六/(一)/1/(2)/C, lines 850–852" in text.stdout
    silent = run_cli("ask", "台積電 109 年在臺投資多少？", db=url)
    assert "報告中沒有提到" in silent.stdout
    as_json = json.loads(run_cli("ask", "臺菲智慧財產合作備忘錄是在哪一天簽署的？", "--format", "json", db=url).stdout)
    assert as_json["answer"]["value"] == "2020-10-19"
    twice = run_cli("ask", "109 年推動多少人次的中小企業員工運用數位學習？", db=url)
    assert "報告另一處寫" in twice.stdout and "參/三/(二)" in twice.stdout


def test_a_figure_the_report_states_twice_differently_is_told_with_the_other(ledger):
    # '109 年累計推動 72 萬3,097 人次運用數位學習' (參/一/(一)/2) and '109 年計推動超過 70 萬人次運用
    # 數位學習' (參/三/(二)): a reader sees both, not one of them at random.
    engine, _, _ = ledger
    result = ask(engine, "109 年推動多少人次的中小企業員工運用數位學習？")
    (other,) = result["also"]
    assert {result["answer"]["base_value"], other["answer"]["base_value"]} == {723097, 700000}
    assert other["citation"]["path"] != result["citations"][0]["path"]
    assert "also" not in ask(engine, "109 年第 4 季製造業薪資補貼核准幾家？")


# --- at more than one report: ties, backends, cost ----------------------------------------------------

TIE_QUESTIONS = [
    "109 年第 4 季製造業薪資補貼核准幾家？",
    "臺菲智慧財產合作備忘錄是在哪一天簽署的？",
    "109 年底有哪些水庫達成淤積零成長？",
    "截至 109 年底，水域型太陽能發電已併聯的裝置容量約為多少？",
    "台積電 109 年在臺投資多少？",
]
COPY_ID = "000copy"  # sorts before the sample's id, and is stored after it


@pytest.fixture(scope="module")
def sample_and_copy(sample_path: Path) -> tuple[Document, str]:
    data = sample_path.read_bytes()
    source = read_bytes(data, sample_path.name)
    return parse_source(source, data), source_text(source)


def store_twice(url: str, sample_and_copy: tuple[Document, str]) -> Engine:
    """The sample, then the same report again under COPY_ID: every item of one ties with its copy."""
    document, text = sample_and_copy
    engine = connect(url)
    save_document(engine, document, text)
    save_document(engine, dataclasses.replace(document, id=COPY_ID, sha256="0" * 64, source_name="copy.txt"), text)
    return engine


@pytest.mark.postgres
def test_ties_between_reports_break_alike_on_both_backends(tmp_path: Path, pg_url: str, sample_and_copy):
    """Identical items score alike: the first in ranking order (document id) wins, whatever
    order the rows are stored or read in, so SQLite and PostgreSQL give one answer."""
    on_sqlite = store_twice(f"sqlite:///{tmp_path / 'two.db'}", sample_and_copy)
    on_postgresql = store_twice(pg_url, sample_and_copy)
    for question in TIE_QUESTIONS:
        first = ask(on_sqlite, question)
        assert first == ask(on_postgresql, question), question
        assert all(citation["doc"] == COPY_ID for citation in first["citations"]), question
    on_postgresql.dispose()


def test_ask_costs_a_fixed_few_queries(ledger):
    """All the search terms' candidates in one statement, then one each for the children, the
    items, their headings and their claims (and the nearest passages' nodes): never a query
    per term or per hit."""
    engine, _, _ = ledger
    statements: list[str] = []

    def record(_connection, _cursor, statement, *_rest) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        for question in TIE_QUESTIONS:
            statements.clear()
            ask(engine, question)
            assert len(statements) <= 10, (question, statements)
    finally:
        event.remove(engine, "before_cursor_execute", record)


QUESTION_PIECES = ["多少", "幾", "哪些", "哪一天", "什麼時候", "百分之", "109 年", "第 3 季", "截至", "跟前一年同期比", "掉了", "順差",
                   "臺灣跟菲律賓", "「", "」", "（", "）", "中", "國家", "有哪些", "一天可以", "億元", "家", "？", "%", " "]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(QUESTION_PIECES), st.text(max_size=6)), max_size=12).map("".join))
def test_any_question_gets_an_answer_object(ledger, question: str):
    """Whatever is typed, ask answers with the contract's object, never an exception."""
    engine, doc_id, _ = ledger
    result = ask(engine, question, doc_id=doc_id)
    assert set(result) >= ASK_KEYS
    assert result["answer"] is None or set(result["answer"]) == ANSWER_KEYS


def small_ledger(tmp_path: Path, text: str) -> Engine:
    """A real SQLite file holding one small report written by the test."""
    report = tmp_path / "report.txt"
    report.write_text(text, encoding="utf-8")
    engine = connect(f"sqlite:///{tmp_path / 'ledger.db'}")
    ingest_path(engine, report)
    return engine


def test_the_reports_author_named_in_a_question_is_the_report_itself(tmp_path: Path):
    # Reports call themselves 本部; the reader names the ministry, as the report's title does.
    engine = small_ledger(
        tmp_path,
        "勞動部業務報告\n\n壹、 穩定就業\n\n一、 移工管理\n\n"
        "1. 自 109 年 12 月 4 日起暫停引進印尼移工；其他國籍移工入境後須完成 14 天居家檢疫。\n\n"
        "2. 本部補助雇主集中檢疫費用每人 7,000 元。\n",
    )
    result = ask(engine, "勞動部從哪一天起暫停引進印尼移工？")
    assert result["answer"] is not None and result["answer"]["text"].replace(" ", "") == "109年12月4日"
    engine.dispose()


def test_authors_are_read_off_report_titles():
    from policyledger.question import authors_of

    assert authors_of(["勞動部業務報告", "行政院農業委員會業務報告", "行政院施政報告", "會議紀錄"]) == ("行政院農業委員會", "農業委員會", "勞動部", "行政院", "農委會")
    assert "勞動部" not in parse_question("勞動部從哪一天起暫停引進印尼移工？", authors=("勞動部",)).segments[0]
    assert {"核安會", "央行"} <= set(authors_of(["核能安全委員會業務報告", "中央銀行業務報告"]))  # as readers call them


def test_a_rate_set_is_answered_and_a_floor_is_no_actual_average(tmp_path: Path):
    engine = small_ledger(
        tmp_path,
        "衛生福利部業務報告\n\n壹、 健康保險\n\n一、 財務\n\n（一） 保險費率：為維持財務平衡，自 110 年 1 月 1 日起，一般保險費率由 4.69% 調整為 5.17%。\n\n"
        "（二） 照顧服務員：截至 109 年底，照顧服務員計 7 萬 3,168 人；推動按服務計酬，保障全職照顧服務員月薪至少 3 萬 2,000 元。\n",
    )
    assert ask(engine, "健保一般保險費率從 110 年起調成多少？")["answer"]["text"] == "5.17%"
    assert ask(engine, "109 年照顧服務員的平均月薪實際是多少？")["answer"] is None
    engine.dispose()


def test_a_part_named_only_in_an_includes_note_and_a_share_beside_a_growth(tmp_path: Path):
    engine = small_ledger(
        tmp_path,
        "行政院施政報告\n\n壹、 國防\n\n一、 國防預算\n\n"
        "（一） 經大院審議通過之 110 年度國防預算（含特別預算及非營業特種基金）共 4,533 億元，較 109 年度增加 421 億元，"
        "成長 10.2%，占 GDP 2.36%。\n\n（二） 用電大戶條款：自 110 年 1 月 1 日起，契約容量 5,000 瓩以上之用電大戶應設置再生能源。\n",
    )
    assert ask(engine, "立法院通過的 110 年度國防預算總共多少錢？")["answer"]["text"] == "4,533 億元"
    assert ask(engine, "110 年度國防預算相當於 GDP 的百分之多少？")["answer"]["text"] == "2.36%"
    assert ask(engine, "110 年度國防預算當中，特別預算編列了多少錢？")["answer"] is None
    assert ask(engine, "用電大戶條款從哪一天開始施行？")["answer"]["text"].replace(" ", "") == "110年1月1日"
    engine.dispose()


def test_an_amount_asked_by_a_rates_name_and_a_bracket_that_widens_the_question(tmp_path: Path):
    engine = small_ledger(
        tmp_path,
        "勞動部業務報告\n\n壹、 勞動基金\n\n一、 勞退新制基金：109 年底規模 2 兆 8,745 億元，109 年收益率 10.36%。\n\n"
        "二、 火災：109 年全國火災 2 萬 1,376 件，其中建築物火災 1,542 件。\n",
    )
    assert ask(engine, "勞退新制基金 109 年的收益金額是多少元？")["answer"] is None  # the report gives a rate, no money
    assert ask(engine, "109 年全國一共發生了幾件火災（不限建築物火災）？")["answer"]["text"] == "2 萬 1,376 件"
    engine.dispose()


def test_a_ranking_of_names_each_with_its_figure_is_a_list(tmp_path: Path):
    # The figures mark where each name ends, so a name may hold 、 or 及 itself.
    engine = small_ledger(
        tmp_path,
        "經濟部業務報告\n\n壹、 投資\n\n一、 對外投資：109 年核准對外投資 59.1 億美元。\n\n"
        "1、 就業別觀之，金融及保險業 16 億美元（27.1％）、批發及零售業 14.1 億美元（23.8％）、"
        "機械設備製造業 5.2 億美元（8.8％）及電腦、電子產品及光學製品製造業 3.6 億美元（6％）分居前 4 名，"
        "合計約占 109 年核准對外投資總額的 65.7％。\n",
    )
    names = ask(engine, "109 年核准對外投資，按業別排名前 4 名的是哪些行業？")["answer"]["value"]
    assert names == ["金融及保險業", "批發及零售業", "機械設備製造業", "電腦、電子產品及光學製品製造業"]
    engine.dispose()


def test_a_company_asked_is_not_another_company_by_the_figure(tmp_path: Path):
    # 台電公司 and 中油公司 share 公司: the short name tells them apart.
    engine = small_ledger(
        tmp_path,
        "經濟部業務報告\n\n壹、 能源\n\n一、 天然氣安全存量\n\n"
        "1、 中油公司 109 年實際可用存量天數為 7.2 至 14.2 天，均符合規定。\n",
    )
    assert ask(engine, "中油公司 109 年的天然氣實際可用存量天數是多少天？")["answer"]["text"] == "7.2 至 14.2 天"
    assert ask(engine, "台電公司 109 年的天然氣實際可用存量天數是多少天？")["answer"] is None
    engine.dispose()


def test_a_question_from_one_year_to_another_asks_one_span():
    parsed = parse_question("自 98 年開放陸資來臺投資至 109 年底的累計核准投資金額是多少？")
    assert parsed.period == (date(2009, 1, 1), date(2020, 12, 31))
    assert not parsed.as_of


def test_a_gold_duration_written_as_in_the_report_is_the_same_duration():
    from policyledger.evaluate import answer_is_right

    gold = {"kind": "time_qualifier", "answer_value": 14, "unit": "天"}
    assert answer_is_right(gold, {"answer": {"base_value": 14, "base_unit": "day"}})
    assert not answer_is_right(gold, {"answer": {"base_value": 14, "base_unit": "month"}})
    metres = {"kind": "lookup", "answer_value": 1730000, "unit": "m"}
    assert answer_is_right(metres, {"answer": {"base_value": 1730, "base_unit": "km"}})
    area = {"kind": "lookup", "answer_value": 5432000000, "unit": "m2"}  # 5,432 平方公里, written in m2
    assert answer_is_right(area, {"answer": {"base_value": 543200, "base_unit": "ha"}})
    assert not answer_is_right(area, {"answer": {"base_value": 5432, "base_unit": "ha"}})


def test_a_date_at_a_periods_edge_is_right_at_the_golds_precision():
    from policyledger.evaluate import answer_is_right

    month = {"kind": "date", "answer_value": "2020-12"}
    assert answer_is_right(month, {"answer": {"text": "109 年 12 月底", "value": "2020-12-31"}})
    assert not answer_is_right(month, {"answer": {"text": "109 年 12 月 5 日", "value": "2020-12-05"}})  # a day in it is not its end
    assert answer_is_right({"kind": "date", "answer_value": "2025"}, {"answer": {"text": "114 年初", "value": "2025-01"}})
    assert not answer_is_right({"kind": "date", "answer_value": "2020-11"}, {"answer": {"text": "109 年 12 月底", "value": "2020-12-31"}})
    # '延長至 110 年 6 月' answered as written, the gold's writer giving the month by its last day
    june = {"text": "110 年 6 月", "value": "2021-06", "period_start": "2021-06-01", "period_end": "2021-06-30"}
    assert answer_is_right({"kind": "date", "answer_text": "110 年 6 月", "answer_value": "2021-06-30"}, {"answer": june})
    assert not answer_is_right({"kind": "date", "answer_text": "110 年 6 月", "answer_value": "2021-06-15"}, {"answer": june})
    assert not answer_is_right({"kind": "date", "answer_text": "110 年 7 月", "answer_value": "2021-06-30"}, {"answer": june})  # other words


def test_a_list_its_count_closes_may_hold_long_names_and_brackets(tmp_path: Path):
    engine = small_ledger(
        tmp_path,
        "經濟部業務報告\n\n壹、 貿易\n\n一、 推動貿易便捷化及電子化：110 年將推動協助廠商登記出進口資格全部線上辦理、"
        "廠商資料變更(如地址、負責人)免申請及申請英文名稱規定放寬等 3 項措施。\n",
    )
    names = ask(engine, "為推動貿易便捷化及電子化，經濟部 110 年將推動哪 3 項措施？")["answer"]["value"]
    assert names == ["協助廠商登記出進口資格全部線上辦理", "廠商資料變更(如地址、負責人)免申請", "申請英文名稱規定放寬"]
    engine.dispose()


def test_a_date_is_answered_as_exactly_as_the_report_gives_it(tmp_path: Path):
    engine = small_ledger(
        tmp_path,
        "經濟部業務報告\n\n壹、 能源\n\n一、 天然氣\n\n"
        "1、 中油公司於 106 年 4 月向環保署提送第三座液化天然氣接收站環差報告書。\n\n"
        "2、 第三座液化天然氣接收站預定 113 年完工供氣。\n",
    )
    month = ask(engine, "中油公司是何時向環保署提送第三座液化天然氣接收站的環差報告書？")["answer"]
    assert (month["value"], month["period_start"], month["period_end"]) == ("2017-04", "2017-04-01", "2017-04-30")
    year = ask(engine, "第三座液化天然氣接收站預定在哪一年完工供氣？")["answer"]
    assert (year["value"], year["period_start"], year["period_end"]) == ("2024", "2024-01-01", "2024-12-31")
    engine.dispose()


def test_a_figure_the_question_states_picks_the_date_beside_it(tmp_path: Path):
    engine = small_ledger(
        tmp_path,
        "經濟部業務報告\n\n壹、 投資\n\n一、 審查\n\n1、 投資審議委員會 108 年核准僑外投資 4,231 件，109 年核准 2,718 件。\n",
    )
    assert ask(engine, "投資審議委員會核准僑外投資 2,718 件是在哪一年？")["answer"]["value"] == "2020"
    engine.dispose()


def test_what_the_last_of_a_respective_list_goes_on_to_say_is_said_of_all(tmp_path: Path):
    engine = small_ledger(
        tmp_path,
        "經濟部業務報告\n\n壹、 水資源\n\n一、 強化水資源管理：石門及曾文水庫去年度清淤量分別達到 334 萬及 382 萬立方公尺，使水庫庫容增加。\n",
    )
    assert ask(engine, "石門水庫去年度的清淤量是多少？")["answer"]["text"] == "334 萬"
    assert ask(engine, "曾文水庫去年度的清淤量是多少？")["answer"]["text"] == "382 萬立方公尺"
    engine.dispose()


def test_one_name_asked_is_never_answered_with_a_list_or_a_count(tmp_path: Path):
    assert parse_question("科技產業園區在托育服務方面設置了哪一所示範幼兒園？").count == 1
    engine = small_ledger(
        tmp_path,
        "經濟部業務報告\n\n壹、 園區\n\n一、 托育服務：設置楠梓園區示範幼兒園，並協助 100 人以下之事業與合格幼兒園簽約。\n",
    )
    assert ask(engine, "科技產業園區在托育服務方面設置了哪一所示範幼兒園？")["answer"] is None
    engine.dispose()


def test_an_amount_after_a_count_is_the_amount_of_what_was_counted(tmp_path: Path):
    engine = small_ledger(
        tmp_path,
        "經濟部業務報告\n\n壹、 投資服務\n\n一、 專案列管：截至 109 年底，累計服務 566 件，已完成協處 126 件，"
        "投資金額約 8,110.04 億元，持續服務案件計 435 件，投資金額約為 1.76 兆元。\n",
    )
    assert ask(engine, "截至 109 年底，仍在持續服務的案件投資金額約為多少？")["answer"]["text"] == "1.76 兆元"
    assert ask(engine, "截至 109 年底，已完成協處的案件投資金額約為多少？")["answer"]["text"] == "8,110.04 億元"
    engine.dispose()


def test_the_pandemic_a_report_is_written_in_is_mostly_left_unsaid(tmp_path: Path):
    engine = small_ledger(
        tmp_path,
        "交通部業務報告\n\n壹、 航空\n\n一、 客機載貨：國籍航空公司中華航空、長榮航空及星宇航空以客機載運貨物，109 年共執行客機載貨 1 萬 1,286 架次。\n",
    )
    names = ask(engine, "疫情期間以客機載運貨物的國籍航空公司有哪幾家？")["answer"]["value"]
    assert len(names) == 3 and all(name in listed for name, listed in zip(["中華航空", "長榮航空", "星宇航空"], names, strict=True))
    engine.dispose()


def test_a_date_under_a_heading_of_another_period_is_no_answer_for_this_one(tmp_path: Path):
    engine = small_ledger(
        tmp_path,
        "經濟部業務報告\n\n壹、 紓困\n\n一、 薪資補貼\n\n(1) 執行成果：\n\n"
        "A. 109 年第 3 季：109 年 10 月 31 日截止受理申請，總計核准 7,260 家。\n\n"
        "B. 109 年第 4 季：總計核准 4,561 家。\n",
    )
    assert ask(engine, "薪資補貼 109 年第 4 季的申請是哪一天截止受理的？")["answer"] is None
    assert ask(engine, "薪資補貼 109 年第 3 季的申請是哪一天截止受理的？")["answer"]["value"] == "2020-10-31"
    engine.dispose()


def test_which_n_of_any_measure_word_asks_for_names():
    for question, count in (("振興三倍券除了紙本之外，可以用哪 3 種數位方式領取？", 3), ("經濟部補助了哪兩所大學？", 2), ("修正了哪 4 條條文？", 4),
                            ("在地青年創育坊為返鄉青年提供哪四大面向的服務？", 4)):
        parsed = parse_question(question)
        assert (parsed.wants, parsed.count) == ("names", count), question


def test_cases_asked_for_by_their_generic_noun_are_the_count_not_a_word_to_find():
    assert parse_question("截至 109 年底，水域型太陽能發電已併聯完成的案件累計有多少案？").segments == ["水域型太阳能发电", "并联完成", "截至109年底"]
    assert "专利侵权诉讼" in parse_question("專利侵權訴訟案件有多少件？").segments


def test_the_last_name_of_a_list_closed_by_deng_may_be_long():
    from policyledger.passages import ENUMERATION, names_of

    sentence = "推動包括二次變電所設備汰換、老舊配電線路設備汰換、饋線自動化設備擴建及數位電驛設備汰換等各項強韌工程"
    names = names_of(ENUMERATION.search(sentence).group(0))
    assert names == ["二次變電所設備汰換", "老舊配電線路設備汰換", "饋線自動化設備擴建", "數位電驛設備汰換"]


def test_one_place_of_a_list_is_not_asked_by_the_whole_figure(tmp_path: Path):
    engine = small_ledger(
        tmp_path,
        "經濟部業務報告\n\n壹、 產業用地\n\n一、 台糖合作\n\n"
        "3、 與台糖公司於雲林、嘉義、臺南及高雄等 4 縣市 5 處農場土地合作開發產業園區，預計 110 年底前開發面積 423 公頃。\n",
    )
    assert ask(engine, "與台糖公司合作開發的產業園區，預計開發面積是多少公頃？")["answer"]["text"] == "423 公頃"
    assert ask(engine, "與台糖公司合作開發的產業園區中，雲林縣的農場預計開發多少公頃？")["answer"] is None
    engine.dispose()


def test_a_cap_or_margin_of_a_rate_asks_a_percentage():
    for question in ("營運資金優惠融資目前的計息利率最高是多少？", "計息利率最高是按中華郵政 2 年期定期儲金機動利率再加多少？"):
        assert parse_question(question).dimensions == {"percent"}, question


def test_the_date_of_a_figure_the_question_states(ledger):
    parsed = parse_question("防災及備援水井建置計畫累計增供每日 21.1 萬噸備援水量，是截至何時的成果？")
    assert parsed.wants == "date" and "21.1万吨" in parsed.anchors and "成果" not in parsed.segments
    assert parse_question("安全存量合計 148 天，是哪個時間點的數字？").wants == "date"
    engine, doc_id, _ = ledger
    answer = ask(engine, "防災及備援水井建置計畫累計增供每日 21.1 萬噸備援水量，是截至何時的成果？", doc_id=doc_id)["answer"]
    assert answer["value"] == "2020-12-31"  # 截至 109 年底


def test_a_list_may_close_with_huo_zhe():
    from policyledger.passages import ENUMERATION, names_of

    names = names_of(ENUMERATION.search("透過鄰近聚落的農地、魚塭或者閒置公有地，由政府給予地主適當的淹水補貼").group(0))
    assert names[1:] == ["魚塭", "閒置公有地"]


def test_places_listed_bare_share_the_body_the_last_one_names():
    from policyledger.passages import names_of

    assert names_of("臺中市及高雄市政府消防局") == ["臺中市政府消防局", "高雄市政府消防局"]
    assert names_of("馬來西亞及越南胡志明市") == ["馬來西亞", "越南胡志明市"]  # a place in a place is its own
    assert names_of("印尼、越南及泰國召開雙邊勞工會議")[:2] == ["印尼", "越南"]  # what was done there is shared by none


def test_a_conjunction_inside_the_last_parts_fourteen_characters_splits_it():
    from policyledger.passages import ENUMERATION, names_of

    sentence = "積極響應臺商回臺投資、根留臺灣企業加速投資及中小企業加速投資三大方案，108 年至 109 年"
    assert names_of(ENUMERATION.search(sentence).group(0))[1:] == ["根留臺灣企業加速投資", "中小企業加速投資三大方案"]
    parsed = parse_question("科技產業園區積極響應的投資三大方案是哪三個？")
    assert (parsed.count, "三个" in parsed.segments) == (3, False)


def test_a_market_or_business_opportunity_asked_is_money():
    for question in ("推動智慧醫療照護，創造了多少市場？", "臺美合作促成多少商機？", "新南向市場規模有多少？"):
        assert parse_question(question).dimensions == {"money"}, question


def test_the_verb_leading_into_a_list_asked_may_be_left_out(ledger):
    engine, doc_id, _ = ledger
    names = ask(engine, "109 年監督稽核委託檢定機構時，涵蓋哪 10 種器具？", doc_id=doc_id)["answer"]["value"]
    assert len(names) == 10 and names[-1] == "照度計"


def test_a_count_stated_before_which_ones_is_the_number_of_names():
    assert parse_question("109 年標準檢驗局監督稽核委託檢定機構的 10 種器具是哪些？").count == 10
    assert parse_question("參與計畫的三家公司分別是哪些？").count == 3


def test_where_asks_for_a_name_and_a_rate_lowered_to_asks_a_percentage():
    where = parse_question("109 年的「台灣創新技術博覽會」在哪裡展出？")
    assert (where.wants, where.wants_places) == ("names", True)  # a list of anything else is no answer
    assert parse_question("109 年底的漏水率降到多少？").dimensions == {"percent"}


def test_a_thing_named_in_latin_letters_before_its_kind(ledger):
    engine, doc_id, _ = ledger
    question = "經濟部運用科專開發、用於打造國產自駕巴士的自動駕駛系統叫什麼名稱？"
    assert parse_question(question).count == 1  # one name: a list is no answer
    assert ask(engine, question, doc_id=doc_id)["answer"]["value"] == ["WinBus"]


def test_a_figure_counting_what_the_question_leaves_out_is_no_answer(ledger):
    engine, doc_id, _ = ledger
    assert parse_question("電話服務（不含文字）有多少通次？").excluded == ["文字"]
    asked = "截至 110 年 2 月 23 日，1988 紓困振興專線的服務量中，電話服務（不含文字）有多少通次？"
    assert ask(engine, asked, doc_id=doc_id)["answer"] is None  # 電話與文字合計服務 44 萬 52 通次
    kept = "109 年 9 月的台灣創新技術博覽會有多少家企業參展（不含國際機構）？"
    assert ask(engine, kept, doc_id=doc_id)["answer"]["text"] == "459 家"  # 53 家國際機構與 459 家企業


def test_a_share_asked_by_its_ratio_word_last_is_a_percentage():
    for question in ("振興三倍券統計至 109 年 12 月 31 日，以紙本方式領取的民眾占領取人數的比例是多少？",
                     "振興三倍券統計至 109 年 12 月 31 日，領取人數約占符合領取資格民眾的多少比例？"):
        parsed = parse_question(question)
        assert (parsed.units, parsed.dimensions) == (set(), {"percent"}), question


def test_a_breakdown_in_brackets_is_a_ranking_and_its_pieces_no_list_of_their_own(ledger):
    engine, doc_id, _ = ledger
    names = ask(engine, "109 年 12 月制訂完成的 9 項物聯網資安產業標準涵蓋哪些產品類別？", doc_id=doc_id)["answer"]["value"]
    assert names == ["影像監控", "智慧巴士", "智慧路燈", "空氣品質微型感測裝置", "消費型網路攝影機(IP CAM)"]


def test_a_ranking_dated_by_its_items_opening_answers_a_question_of_that_date(ledger):
    engine, doc_id, _ = ledger
    names = ask(engine, "截至 109 年底，陸資來臺累計投資金額排名前 3 名的是哪些產業？", doc_id=doc_id)["answer"]["value"]
    assert names == ["批發及零售業", "電子零組件製造業", "銀行業"]


def test_an_ordinal_in_a_question_is_no_count_to_find():
    parsed = parse_question("協和電廠更新改建計畫的第 1 部燃氣複循環機組原本規劃在哪一天商轉？")
    assert "1部" not in parsed.anchors and "1部" not in parsed.segments
    assert "52家" in parse_question("協助 52 家業者提升冷鏈效率帶動多少營收？").anchors


def test_a_share_clause_is_a_share_of_what_the_clause_before_names(ledger):
    engine, doc_id, _ = ledger
    asked = "招商投資服務中心的服務類別中，申請專案貸款等資金需求約占多少比例？"
    assert ask(engine, asked, doc_id=doc_id)["answer"]["text"] == "35％"  # not the 52％ of 協助行政流程 before it


def test_asked_for_the_new_date_the_original_plans_is_no_answer(ledger):
    engine, doc_id, _ = ledger
    new = "台中電廠新建燃氣機組計畫因環評進度落後而滾動檢討後，新的商轉日期是哪一天？"
    assert ask(engine, new, doc_id=doc_id)["answer"] is None  # 原規劃於 114 年 1 月 1 日、114 年 7 月 1 日商轉
    assert any("原规划" in segment for segment in parse_question("第 1 部機原本規劃在哪一天商轉？").segments)


def test_the_last_of_the_units_asked_takes_the_last_date(ledger):
    engine, doc_id, _ = ledger
    asked = "興達電廠燃氣機組改建計畫 3 部機組中最後一部原規劃的商轉日期是哪一天？"
    assert ask(engine, asked, doc_id=doc_id)["answer"]["value"] == "2026-01-01"  # 115 年 1 月 1 日


def test_of_two_lists_the_one_whose_names_are_of_the_kind_asked(ledger):
    engine, doc_id, _ = ledger
    names = ask(engine, "109 年經濟部在哪些節日前夕加強辦理使用中磅秤的檢查？", doc_id=doc_id)["answer"]["value"]
    assert names[:2] == ["春節", "端午節"] and names[2].startswith("中秋節")


def test_an_amount_named_by_another_measure_of_money_is_the_others(ledger):
    engine, doc_id, _ = ledger
    asked = "全球半導體封測龍頭廠商在楠梓科技園區興建的高階封測智造基地，預計創造多少年產值？"
    assert ask(engine, asked, doc_id=doc_id)["answer"]["text"] == "252 億元"  # not the 投資 382 億元


def test_one_place_alone_asked_is_a_place_the_figure_must_stand_by(ledger):
    engine, doc_id, _ = ledger
    parsed = parse_question("臺灣投資窗口 109 年在越南一地提供的諮詢服務有多少件？")
    assert "越南" in parsed.segments
    assert ask(engine, parsed.text, doc_id=doc_id)["answer"] is None  # 1,572 件 is the six countries'


def test_zai_inside_a_word_leads_into_no_list():
    from policyledger.passages import names_of

    assert names_of("透過駐外據點向駐在國政府、工商會、廠商")[0] == "駐在國政府"


def test_of_lists_sharing_a_clause_each_has_the_words_leading_into_it(ledger):
    engine, doc_id, _ = ledger
    asked = "經濟部在多元數位行銷推廣上，與哪些國際知名電商平台合作爭取上架優惠？"
    assert ask(engine, asked, doc_id=doc_id)["answer"]["value"] == ["日本樂天", "eBay", "Amazon", "Pchome Thai"]


def test_deng_closes_the_list_before_and_starts_none(ledger):
    engine, doc_id, _ = ledger
    asked = "中央地質調查所推廣地質服務時，除了 13 個 MOU 單位，還與哪些單位合作地方地質教材、展示與課程？"
    names = ask(engine, asked, doc_id=doc_id)["answer"]["value"]
    assert names[-3:] == ["蘭陽博物館", "雲林童軍會", "桃園市政府"]


def answer_texts(tmp_path: Path, report: str, questions: list[str]) -> dict[str, str | None]:
    """Each question asked of a small report written by the test: its answer's text, None where declined."""
    engine = small_ledger(tmp_path, report)
    try:
        return {question: (ask(engine, question)["answer"] or {}).get("text") for question in questions}
    finally:
        engine.dispose()


def test_one_of_a_thing_asked_of_and_a_share_asked_as_its_weight(tmp_path: Path):
    # '一份…的面額' is what the report writes 每份面額; '比重' asks a share the report writes with 占
    expected = {"一份藝 FUN 券的面額是多少錢？": "600 元", "109 年國片票房占全國電影票房的比重是多少？": "22.9%"}
    report = (
        "文化部業務報告\n\n壹、 振興藝文\n\n一、 藝 FUN 券\n\n（一） 發放規模：109 年 7 月推出藝 FUN券，發放 200 萬份，每份面額 600 元，總經費 12 億元。\n\n"
        "二、 電影\n\n（一） 票房：109 年全國電影票房 48.2 億元，其中國片票房 11.06 億元，占 22.9%，創 101 年以來新高。\n"
    )
    assert answer_texts(tmp_path, report, list(expected)) == expected


def test_one_name_asked_is_read_where_the_question_puts_it(tmp_path: Path):
    # the name stands in the question's 哪 slot: after 與/搭配, or after the kind the question names
    report = (
        "經濟部業務報告\n\n壹、 產業\n\n一、 智財\n\n（一） 109 年 12 月 2 日與歐洲經貿辦事處(EETO)合辦臺歐盟網路著作權保護研討會。\n\n"
        "（二） 中油公司成功完成鈦酸鋰負極材料試量產，未來規劃搭配有量科技投入電池芯發展。\n\n"
        "（三） 109 年我國獲頒國際會展專業媒體 M&C Asia 辦理之「Stella Awards」2 項大獎。\n\n"
        "（四） 第三天然氣接收站規劃供應台電大潭電廠新增燃氣機組之用氣需求；第 7 貨櫃中心由陽明海運公司投資興建 5 座貨櫃碼頭，總投資約 300 億元。\n\n"
        "二、 園區\n\n（一） 數位人才：109 年透過「業師輔導」、「競賽拔尖」及「就業媒合」等作法，計培育 351 位跨域高創價及體感人才。\n"
    )
    expected = {
        "臺歐盟網路著作權保護研討會是與哪個單位合辦的？": "歐洲經貿辦事處(EETO)",
        "中油公司的快充負極材料，未來規劃搭配哪一家公司投入電池芯發展？": "有量科技",
        "Stella Awards 是由哪一家國際會展專業媒體辦理？": "M&C Asia",
        "園區培育數位人才是透過哪些作法？": "業師輔導、競賽拔尖、就業媒合",
        "第三天然氣接收站規劃供應哪一座電廠新增燃氣機組的用氣需求？": "台電大潭電廠",
        "第 7 貨櫃中心的碼頭由哪一家公司投資興建？": "陽明海運公司",
    }
    assert answer_texts(tmp_path, report, list(expected)) == expected


def test_a_person_a_date_early_in_a_year_a_daily_amount_and_a_kind_of_patent(tmp_path: Path):
    engine = small_ledger(
        tmp_path,
        "經濟部業務報告\n\n壹、 經貿\n\n一、 歐洲\n\n（一） 109 年 8 月 31 日捷克議長韋德齊率團訪臺參與本部舉辦之經貿論壇。\n\n"
        "貳、 水利\n\n一、 再生水\n\n（一） 臺中水湳廠：預計 112 年底完工，113 年初可供水每日 1 萬噸。\n\n"
        "（二） 抗旱：設置 6 處移動式淨水設備，可提供產業載水每日 9,000 噸。\n\n"
        "參、 智財\n\n一、 專利\n\n（一） 109 年發明專利案件平均審結期間已降至 13.9 個月，平均首次通知期間為 8.7 個月。\n",
    )
    assert ask(engine, "率團訪臺的捷克議長是誰？")["answer"]["text"] == "韋德齊"
    assert ask(engine, "臺中水湳廠預計何時開始供水？")["answer"]["value"] == "2024-01"  # 年初: early in the year, no day
    assert ask(engine, "移動式淨水設備每日可提供產業載水多少？")["answer"]["text"] == "9,000 噸"
    assert ask(engine, "109 年新型專利案件的平均審結期間是多少個月？")["answer"] is None  # 發明專利 is another kind
    engine.dispose()


def test_outward_investment_keeps_its_dui():
    assert "对外投资" in parse_question("109 年核准的對外投資件數較上年減少了多少？").segments


def test_a_year_still_to_come_in_a_question_asks_a_plans_figure(tmp_path: Path):
    engine = small_ledger(
        tmp_path,
        "經濟部業務報告\n\n壹、 水利\n\n一、 再生水\n\n（一） 截至 110 年 2 月底，已完成 3 座再生水廠。\n\n"
        "（二） 桃園北區廠：用水契約簽訂中，預計 113 年完工，114 年初可供水每日 4 萬噸。\n",
    )
    result = ask(engine, "桃園北區再生水廠在 114 年初開始供水後，每日可供水多少？")
    assert result["answer"]["text"] == "4 萬噸" and result["confidence"] > 0.7
    engine.dispose()


def test_one_member_of_a_list_picked_by_its_day_or_its_word_and_a_website_in_quotes(tmp_path: Path):
    report = (
        "經濟部業務報告\n\n壹、 投資\n\n一、 新南向\n\n（一） 線上研討會：109 年先後辦理越南(6 月 8 日)、印尼(6 月 18 日)、緬甸(8 月 5 日)、"
        "柬埔寨(9 月 15 日)及泰國(10 月 16 日)等 5 場線上研討會，協助臺商瞭解緬甸等地投資環境。\n\n"
        "貳、 標準\n\n一、 國家標準\n\n（一） 制修訂民生消費國家標準：防霾(PM2.5)口罩性能指標及試驗方法、數位電視可及性－功能性規格、"
        "電子式開關之個別要求、燈具－一般要求及試驗等 4 種。\n\n"
        "（二） 商品安全：運用「商品安全資訊網」，提供業者與消費者於商品事故發生時通報。\n"
    )
    expected = {
        "109 年 8 月 5 日的投資線上研討會是以哪個國家為對象？": "緬甸",
        "民生消費國家標準中，與口罩有關的是哪一項標準？": "防霾(PM2.5)口罩性能指標及試驗方法",
        "業者與消費者發生商品事故時，可以透過哪個網站通報？": "商品安全資訊網",
    }
    assert answer_texts(tmp_path, report, list(expected)) == expected


def test_the_scorer_reads_a_name_whatever_kind_its_writer_gave_it():
    from policyledger.evaluate import answer_is_right

    gold = {"kind": "time_qualifier", "answer_value": "緬甸", "unit": None}
    assert answer_is_right(gold, {"answer": {"text": "緬甸", "value": ["緬甸"], "base_value": None, "base_unit": None}})
    assert not answer_is_right(gold, {"answer": {"text": "泰國", "value": ["泰國"], "base_value": None, "base_unit": None}})


def test_what_a_question_sets_aside_in_brackets_is_not_asked():
    parsed = parse_question("儲槽容積天數，現行規定至少要幾天（不是 116 年的目標）？", 2021)
    assert parsed.period is None and not parsed.wants_target


def test_a_readers_everyday_words_find_the_reports(tmp_path: Path):
    # 獲准/少收/延後繳/兌換/新蓋 are a reader's words for 核准/減收/緩繳/兌領/新建; '經濟部說' says who
    # speaks, '超過多少家' the answer's qualifier, '服務過的' a verb's aspect: none is a word to look for
    expected = {
        "經濟部說 50 萬元小額貸款獲准的貸款總額有多少？": "578.4 億元",
        "小額貸款總共有幾件通過？": "12 萬 2,786 件",
        "國營事業土地房舍減租，大約少收了多少租金？": "6.8 億元",
        "紙本三倍券店家已經兌換了多少錢？": "640 億元",
        "信保基金從成立到 109 年底，服務過的企業超過多少家？": "57.3 萬家",
    }
    report = (
        "經濟部業務報告\n\n壹、 紓困\n\n一、 小規模營業人 50 萬元小額貸款：計核准 12 萬 2,786 件，核准金額 578.4 億元。\n\n"
        "二、 土地房舍租金減收：國營事業土地房舍已同意 433 戶申請緩繳租金，17,198 件減租案，減收約 6.8 億元。\n\n"
        "三、 紙本三倍券兌領：紙本三倍券自 109 年 7 月 23 日開始兌領，至 110 年 2 月 23 日，已兌領金額約 640 億元，店家兌領作業將持續至 110 年 3 月。\n\n"
        "四、 自信保基金設立累計至 109 年底，由信保基金提供服務之企業逾 57.3 萬家。\n"
    )
    assert answer_texts(tmp_path, report, list(expected)) == expected


def test_figures_after_respectively_keep_their_order_in_the_next_clause(tmp_path: Path):
    # '石門及曾文水庫…分別達到 334 萬及 382 萬立方公尺，使水庫庫容增加 120 萬及 155 萬立方公尺': 155 萬 is 曾文's;
    # a reservoir's 容量 that grew is asked in water, not in percent
    report = (
        "經濟部業務報告\n\n壹、 水利\n\n一、 清淤：石門及曾文水庫去年度清淤量分別達到 334 萬及 382 萬立方公尺，"
        "使水庫庫容增加 120 萬及 155 萬立方公尺。\n"
    )
    question = "曾文水庫清淤後，水庫容量多出了多少？"
    assert answer_texts(tmp_path, report, [question]) == {question: "155 萬立方公尺"}


def test_an_amount_asked_in_a_currency_is_given_in_that_currency_or_not_at_all(tmp_path: Path):
    report = "經濟部業務報告\n\n壹、 投資\n\n一、 僑外投資：109 年新南向國家來臺投資金額 3.8 億美元。\n"
    asked = ["109 年新南向國家來臺投資的金額是多少歐元？", "109 年新南向國家來臺投資的金額是多少美元？"]
    assert answer_texts(tmp_path, report, asked) == {asked[0]: None, asked[1]: "3.8 億美元"}


def test_the_country_left_unsaid_and_the_base_of_a_comparison_are_no_words_to_look_for(tmp_path: Path):
    # '全台灣的…' is the report's '全國…'; '我國企業投資…' splits off 我國; '和前一年相比' names the base, not the thing
    report = (
        "經濟部業務報告\n\n壹、 工廠\n\n一、 未登記工廠：全國未登記工廠 45,341 家。\n\n"
        "二、 新南向：109 年核准（備）對新南向國家投資件數為 175 件，較上年減少 34.5％，投(增)資金額 28.3 億美元，增加 1.4％。\n"
    )
    expected = {"全台灣的未登記工廠總共有多少家？": "45,341 家", "109 年我國對新南向國家的投資金額，和前一年相比成長了幾%？": "1.4％"}
    assert answer_texts(tmp_path, report, list(expected)) == expected
    assert parse_question("109 年我國企業投資新南向國家的金額是多少？").segments[:2] == ["我国", "企业投资新南向国家"]


def test_outward_investment_asked_as_overseas_is_not_inward(tmp_path: Path):
    # '海外投資' is the report's 對外投資, not the 僑外投資 that comes in
    report = (
        "經濟部業務報告\n\n壹、 投資\n\n一、 僑外投資：109 年核准僑外投資 3,418 件，較上年減少 17％。\n\n"
        "二、 對外投資：109 年核准(備)對外投資件數為 516 件，較上年減少 23％。\n"
    )
    question = "去年（109 年）政府核准的海外投資案（不含對中國大陸投資）共有幾件？"
    assert answer_texts(tmp_path, report, [question]) == {question: "516 件"}


def test_pointing_words_and_a_comparisons_base_leave_no_segment():
    # '這部分', '那一季', '自己' point; '跟 108 年比' is the base once its year is out; 在職 is one word
    assert parse_question("商圈環境優化這部分一共核准了幾案？").segments == ["商圈环境优化", "核准"]
    assert "比提高" not in "".join(parse_question("產值占比，109 年跟 108 年比提高了多少？").segments)
    assert parse_question("在職充電免費培訓開了幾班？").segments[0] == "在职充电免费培训开"
    assert parse_question("產值占比，109 年跟 108 年比提高了多少？").wants_change


def test_what_a_count_counts_and_the_answers_bound_are_no_words_to_look_for():
    # '幾家企業獲准': the report writes 核准 N 家; '低於多少' is the answer's bound (未達 2MW); '一整年' is 全年
    assert parse_question("109 年第 2 季那一輪有幾家企業獲准？").segments == ["核准", "109年第2季"]
    assert not any("低于" in segment for segment in parse_question("設備容量低於多少，就可以直接申請認定？").segments)
    assert "全年" in parse_question("109 年一整年總共提供了多少人次的諮詢？").segments



def test_investment_asked_going_out_is_not_the_investment_coming_in(tmp_path: Path):
    report = (
        "經濟部業務報告\n\n壹、 投資\n\n一、 新南向：109 年核准新南向國家來臺投資件數為 515 件，投(增)資金額 3.8 億美元。\n\n"
        "二、 對外：109 年核准（備）對新南向國家投資件數為 175 件，較上年減少 34.5％，投(增)資金額 28.3 億美元。\n"
    )
    asked = ["109 年核准（備）對新南向國家的投(增)資金額是多少？", "109 年核准新南向國家來臺投資的投(增)資金額是多少？"]
    assert answer_texts(tmp_path, report, asked) == {asked[0]: "28.3 億美元", asked[1]: "3.8 億美元"}


def test_a_list_names_no_figure_and_its_kind_is_read_whole(tmp_path: Path):
    # '每日 41萬噸、備援調度供水每日 776 萬噸' lists figures, not names; '哪些計畫' finds the names ending 計畫
    report = (
        "經濟部業務報告\n\n壹、 水利\n\n一、 為強化水環境更具防護力、抵抗力及恢復力，規劃「水環境建設 2.0」，增列「建置水資源智慧管理計畫」、"
        "「加強平地人工湖及伏流水推動計畫」及「備援調度幹管工程計畫」，預期整體完成後可增供常態供水每日 41萬噸、備援調度供水每日 776 萬噸。\n\n"
        "二、 推廣：除 13 個 MOU 單位外，另與蘭陽博物館、雲林童軍會、桃園市政府等單位合作地方地質教材。\n"
    )
    asked = ["「水環境建設 2.0」新加進來的是哪幾個計畫？", "除了 13 個 MOU 單位，還與哪些單位合作地方地質教材？"]
    answers = answer_texts(tmp_path, report, asked)
    assert answers[asked[0]] == "建置水資源智慧管理計畫、加強平地人工湖及伏流水推動計畫、備援調度幹管工程計畫"
    assert answers[asked[1]] == "蘭陽博物館、雲林童軍會、桃園市政府"


def test_a_list_numbered_inline_names_each_item_after_its_number(tmp_path: Path):
    # '（1）…、（2）…及（3）…' is a list; a name may hold a space beside Latin letters or digits
    report = (
        "經濟部業務報告\n\n壹、 產業\n\n一、 轉型：推動產業轉型策略包括（1）強化供應鏈韌性、（2）擴大 AI 應用及（3）拓展新興市場，"
        "109 年協助 120 家廠商。\n\n二、 建設：數位建設分為（1）偏鄉寬頻及 5G 建設、（2）資安產業，合計 30 億元。\n"
    )
    asked = ["推動產業轉型的策略包括哪幾項？", "數位建設分為哪些部分？"]
    assert answer_texts(tmp_path, report, asked) == {asked[0]: "強化供應鏈韌性、擴大 AI 應用、拓展新興市場", asked[1]: "偏鄉寬頻及 5G 建設、資安產業"}


def test_a_region_or_industry_asked_is_named_with_its_kind_and_where_the_report_says_it_is_no_word(tmp_path: Path):
    # '在哪個地區舉行' — '於雲嘉南地區舉辦': the region's name is written with 地區; '報告中', '所報告的' and
    # '…的成果，' say where a figure is read and what it is, not what it is about
    report = (
        "經濟部業務報告\n\n壹、 地質\n\n一、 推廣：109 年聯合近百個單位於雲嘉南地區舉辦地質嘉年華系列活動。\n\n"
        "二、 專利：109 年派遣審查人員前往電動機車產業供應鏈廠商訪視。\n\n"
        "三、 用地：引進專業仲介業者協助用地媒合，累計至 109 年底，已媒合成交 58 件，面積計 26.2 公頃。\n\n"
        "四、 水井：推動備援水井建置計畫，截至 109 年底累計增供備援水量每日 21.1 萬噸。\n"
    )
    asked = ["地質嘉年華系列是在哪個地區舉辦的？", "109 年派審查人員前往哪一個產業的供應鏈廠商？",
             "報告中專業仲介媒合用地成交 58 件的成果，是累計到什麼時候？", "備援水井建置計畫所報告的累計增供備援水量，是統計到什麼時候為止？"]
    answers = answer_texts(tmp_path, report, asked)
    assert answers[asked[0]] == "雲嘉南地區" and answers[asked[1]] == "電動機車產業"
    assert "109 年底" in (answers[asked[2]] or "") and "109 年底" in (answers[asked[3]] or "")


def test_a_ministry_asked_as_bu_hui_and_a_readers_words_for_filing_and_meeting_with(tmp_path: Path):
    # 哪個部會 asks a body as 哪個單位 does; 遇到 is how a reader joins words; 電子送件 is the report's 電子申請
    report = (
        "經濟部業務報告\n\n壹、 水資源\n\n一、 增雨：視天候執行人工增雨作業，包括地面燃放焰劑及與國防部合作由空軍進行空中增雨等合計 33 次。\n\n"
        "二、 商品安全：運用「商品安全資訊網」，提供業者與消費者於商品事故發生之通報管道，109 年接獲通報 163 件。\n\n"
        "三、 智財：109 年專利、商標新申請案電子申請比率分別攀升至 85.8％、84％。\n"
    )
    asked = ["由空軍進行的空中增雨，是與哪個部會合作執行的？", "消費者遇到商品事故時，可以透過哪一個網站通報？",
             "109 年專利新申請案採電子方式送件的比率是多少？"]
    assert answer_texts(tmp_path, report, asked) == {asked[0]: "國防部", asked[1]: "商品安全資訊網", asked[2]: "85.8％"}


def test_a_rule_revised_on_one_date_is_not_dated_by_the_as_of_date_after_it(tmp_path: Path):
    # '於 109 年 11 月修訂「…要點」，至 109 年底已受理…': 修訂 is the event asked, its clause the date's
    report = (
        "經濟部業務報告\n\n壹、 能源\n\n一、 驗證：將颱風地震等因素納入風力機國家標準，並於 109 年 11 月修訂「風力發電案場專案驗證審查"
        "示範輔導作業要點」，至 109 年底已受理專案驗證審查 7 案(含已完成審查作業 1 案)。\n"
    )
    asked = "「風力發電案場專案驗證審查示範輔導作業要點」是在什麼時候修訂的？"
    assert answer_texts(tmp_path, report, [asked]) == {asked: "109 年 11 月"}


def test_which_two_years_asks_a_date_and_is_answered_with_each_year_listed(tmp_path: Path):
    report = (
        "經濟部業務報告\n\n壹、 電力\n\n一、 108、109 年連續兩年供電情勢穩定\n\n"
        "（一） 108 年備用容量率 12.8%，109 年 16.4%。\n"
    )
    engine = small_ledger(tmp_path, report)
    try:
        answer = ask(engine, "供電情勢連續兩年穩定，指的是哪兩個年度？")["answer"]
    finally:
        engine.dispose()
    assert (answer["text"], answer["value"]) == ("108、109 年", ["2019", "2020"])
    assert parse_question("推動期間是哪三年？").wants == "date"


def test_a_group_asked_by_its_kind_and_energy_saved_asked_as_a_quantity(tmp_path: Path):
    # '哪個小組' — '本部光碟聯合查核小組查核輔導計 102 家次': the name ends in the kind asked, without 本部;
    # '節省了多少電量' is the report's 節電; '以電子方式提出' its 電子申請
    report = (
        "經濟部業務報告\n\n壹、 智財\n\n一、 查核：109 年本部光碟聯合查核小組查核輔導計 102 家次，未發現重大違法情事。\n\n"
        "二、 電子化：109 年專利、商標新申請案電子申請比率分別攀升至 85.8％、84％。\n\n"
        "貳、 能源\n\n一、 推動「新節電運動方案」：106 至 109 年累計節電 45.8 億度。\n"
    )
    asked = ["109 年查核輔導 102 家次的，是經濟部的哪個小組？", "「新節電運動方案」在 106 至 109 年間累計節省了多少電量？",
             "109 年商標新申請案以電子方式提出的比率是多少？"]
    assert answer_texts(tmp_path, report, asked) == {asked[0]: "光碟聯合查核小組", asked[1]: "45.8 億度", asked[2]: "84％"}


def test_a_plant_being_built_asks_what_it_will_make():
    assert parse_question("中油公司建置中的鈦酸鋰材料生產線年產量是多少？").wants_target


def test_a_listed_name_may_hold_two_latin_words():
    from policyledger.passages import lists_in, names_of

    sentence = "協助廠商於澳洲 eBay、印尼 blibli、越南 TIKI、泰國 PChome Thai 等新南向電商平臺設立臺灣館"
    (found, _), *_ = lists_in(sentence)
    assert names_of(found.group(0)) == ["澳洲 eBay", "印尼 blibli", "越南 TIKI", "泰國 PChome Thai"]


def test_working_in_taiwan_is_the_reports_in_taiwan_and_a_total_size_is_asked_not_said():
    assert parse_question("110 年 1 月底時，在臺灣工作的移工總共有多少人？").segments[0] == "台移工"  # 在 is a particle; 台移工 stands in 在臺移工
    assert all("总" not in segment for segment in parse_question("109 年底勞動基金總規模有多大？").segments)
    assert parse_question("按時計酬勞工的每小時基本工資是多少？").segments[0] == "按时计酬劳工"


def test_as_of_asked_prefers_the_stock_and_a_member_named_again_governs_the_figure_after(tmp_path: Path):
    report = (
        "經濟部業務報告\n\n壹、 水利\n\n一、 降低漏水率：109 年汰換管線 678公里；截至 109 年底，累計完成汰換 818 公里。\n\n"
        "二、 「再生能源發展條例」修正公布，須訂定子法共計 25 項(法規命令 22 項、行政規則 2 項、訂定條文施行日期 1 項)，"
        "其中法規命令截至 109 年底，已完成發布 21 項、待廢止 1 項。\n"
    )
    expected = {"截至 109 年底完成汰換的老舊管線有多少公里？": "818 公里", "再生能源發展條例的法規命令，到 109 年底已經發布了幾項？": "21 項"}
    assert answer_texts(tmp_path, report, list(expected)) == expected


def test_a_particle_after_the_country_leaves_no_word():
    assert parse_question("109 年我國已向多少個國家採購天然氣？").segments[0] == "我国"


def test_a_gold_interval_is_right_for_an_answer_of_exactly_those_days():
    from policyledger.evaluate import answer_is_right

    span = {"kind": "date", "answer_value": "2020-09-24/2020-09-25"}  # '109年 9月 24日至 25日'
    assert answer_is_right(span, {"answer": {"value": "2020-09-24", "period_start": "2020-09-24", "period_end": "2020-09-25"}})
    assert not answer_is_right(span, {"answer": {"value": "2020-09-24", "period_start": "2020-09-24", "period_end": "2020-09-24"}})
    late = {"text": "109 年 1 月下旬", "value": "2020-01-21/2020-01-31", "period_start": "2020-01-21", "period_end": "2020-01-31"}
    assert answer_is_right({"kind": "date", "answer_value": "2020-01"}, {"answer": late})  # its writer read it to the month
    assert answer_is_right({"kind": "date", "answer_value": "2020-01-21/2020-01-31"}, {"answer": late})
    assert not answer_is_right({"kind": "date", "answer_value": "2020-02"}, {"answer": late})


def test_ten_days_of_a_month_and_a_span_of_days_answer_with_their_days(ledger):
    from policyledger.quantity.periods import find_time_expressions

    (late,) = find_time_expressions("109 年 1 月下旬")
    assert (str(late.period_start), str(late.period_end)) == ("2020-01-21", "2020-01-31")
    engine, doc_id, _ = ledger
    # '…自 109 年 1 月下旬起…': the days it names, as an ISO interval
    answer = ask(engine, "台電對防疫物資廠商超約用電不加倍收費的措施，實施期間從什麼時候起算？", doc_id=doc_id)["answer"]
    assert answer["value"] == "2020-01-21/2020-01-31"
    # '第 9 屆臺日商標審查官視訊會議…於 109年 9月 24日至 25日': both days, valued by the first
    answer = ask(engine, "第 9 屆臺日商標審查官視訊會議是在哪幾天舉行的？", doc_id=doc_id)["answer"]
    assert (answer["value"], answer["period_start"], answer["period_end"]) == ("2020-09-24", "2020-09-24", "2020-09-25")


def test_a_share_opening_its_clause_with_zhan_is_the_amounts_and_a_total_sums_its_sentence(tmp_path: Path):
    engine = small_ledger(
        tmp_path,
        "農業部業務報告\n\n壹、 農產貿易\n\n一、 主要出口市場：112 年對美國出口 8.96 億美元，占 16.8%，對日本出口 8.12 億美元，占 15.2%。\n\n"
        "二、 颱風災損：凱米颱風造成農產品損失 27.4 億元、農田及農業設施損失 8.4 億元，合計 35.8 億元。\n\n"
        "三、 救助基準：水稻救助額度為 20,000 元/公頃、香蕉 48,000 元/公頃。\n",
    )
    # '占 16.8%' says nothing of its own: the amount before it names what it is the share of
    assert ask(engine, "112 年對美國的出口占了多少比例？")["answer"]["value"] == 16.8
    assert ask(engine, "112 年對日本的出口占了多少比例？")["answer"]["value"] == 15.2
    # asked for the 合計, the total is of what its sentence lists
    assert ask(engine, "凱米颱風造成的農業損失合計是多少？")["answer"]["base_value"] == 3_580_000_000
    # so much money each hectare: a rate in 元/公頃, not an area
    answer = ask(engine, "水稻的現金救助額度每公頃是多少？")["answer"]
    assert (answer["base_value"], answer["base_unit"]) == (20_000, "TWD/ha")


def test_parts_of_a_total_and_their_opposites(tmp_path: Path):
    engine = small_ledger(
        tmp_path,
        "衛生福利部業務報告\n\n壹、 醫療\n\n一、 醫療院所：截至 113 年底，全國醫療院所 2 萬 3,518 家，其中醫院 477 家、診所 2 萬 3,041 家。\n\n"
        "二、 保費收入：113 年上半年保險業保費收入 1 兆 1,283 億元，較上年同期成長 5.62%，其中壽險業 9,856 億元、產險業 1,427 億元。\n\n"
        "三、 HPV 疫苗：113 學年度國中女生 HPV 疫苗第 1 劑接種率 93.6%。\n\n"
        "四、 資產品質：113 年 6 月底本國銀行逾期放款比率為 0.15%。\n\n"
        "五、 董事會：上市櫃公司獨立董事連續任期不得超過 3 屆。\n",
    )
    value = lambda question: (ask(engine, question)["answer"] or {}).get("value")  # noqa: E731
    assert value("截至 113 年底，全國共有幾家醫院？") == 477  # '其中醫院 477 家': the part the question names
    assert value("113 年上半年產險業的保費收入有多少？") == 1427  # parts after the total's change
    assert value("截至 113 年底，全國醫療院所（不限醫院）共有幾家？") == 23518  # a part set aside asks the total
    assert value("113 學年度國中男生 HPV 疫苗的接種率是多少？") is None  # 女生's is no answer
    assert value("113 年 6 月底本國銀行的逾放比是多少？") == 0.15  # 逾放 = 逾期放款
    assert ask(engine, "獨立董事連續任期最多幾屆？")["answer"]["base_unit"] == "屆"  # 屆 counts, 第 3 屆 does not


def test_a_sentence_that_goes_on_about_what_came_before_and_a_programme_that_did_it(tmp_path: Path):
    report = (
        "交通部業務報告\n\n壹、 公路\n\n一、 車輛檢驗\n\n"
        "（一） 113 年辦理機車排氣定檢 15 萬 2,300 件、大型車安全檢驗 8,410 件。不合格者，均依法通知複驗，計處罰鍰 316 件。\n\n"
        "（二） 本部已對長期停用之客運路線進行檢討並加強管理，並就不適續營之路線予以停駛；執行至 113 年 12 月底，路線已減少 18 條，現存路線計 402 條。\n\n"
        "二、 推動智慧運輸\n\n"
        "（一） 112 年 5 月成立智慧號誌創新中心，提供路口實測場域。112 年 9 月設立區域交控資料中心與擴編雲端團隊。\n\n"
        "（二） 為推廣臺灣觀光，與日本合作籌辦 113 年 3 月 8 日至 3 月 12 日「2024 臺日鐵道旅遊節」，並於 113 年 1 月 5 日辦理說明會。\n"
    )
    expected = {
        # the only figure of a sentence opening with 不合格者 is what those that failed come to
        "113 年機車排氣定檢及大型車安全檢驗，有多少件因不合格而處以罰鍰？": "316 件",
        # '執行至…' after ； goes on about what the clause before it did
        "本部檢討並停駛不適續營的客運路線，至 113 年 12 月底路線已減少多少條？": "18 條",
        # '計畫所成立的': who set it up, then the verb; '計畫下的': under the programme
        "推動智慧運輸計畫所成立的智慧號誌創新中心是何時成立的？": "112 年 5 月",
        "智慧運輸計畫下的區域交控資料中心是何時設立的？": "112 年 9 月",
        # 合辦 is how a reader says 合作籌辦
        "與日本合辦的「2024 臺日鐵道旅遊節」從哪一天開始？": "113 年 3 月 8 日至 3 月 12 日",
    }
    assert answer_texts(tmp_path, report, list(expected)) == expected


def test_names_standing_where_the_question_asks_them(tmp_path: Path):
    report = (
        "國防部業務報告\n\n壹、 國防產業\n\n一、 合作\n\n"
        "（一） 艦艇維修：本部已會同海巡署及台船公司組成「艦艇維修技術小組」，並邀集洛馬、雷神、BAE 等原廠代表商議合作重點，"
        "包括引進關鍵技術、授權與認證、建立軍民通用之維修技術。\n\n"
        "（二） 防疫優惠：國營事業針對醫療器材廠商及防護衣供應廠商及集中檢疫旅館，因配合防疫增產造成超量用水，已提供水費減免措施。\n\n"
        "（三） 冷鏈外銷：協助業者開拓菲律賓、泰國之冷鏈市場。\n\n"
        "（四） 災害應變：已訂定風災災害防救業務計畫，並辦理演練 3 場。\n"
    )
    expected = {
        # the names between the words around the question's 哪些, not the sentence's longer list
        "「艦艇維修技術小組」是本部會同哪些單位組成的？": "海巡署、台船公司",
        # 對象 is led into by 針對; 及 joins each of three names
        "國營事業因防疫增產造成超量用水而提供的水費減免措施，適用於哪些對象？": "醫療器材廠商、防護衣供應廠商、集中檢疫旅館",
        "協助業者開拓哪些國家的冷鏈市場？": "菲律賓、泰國",
        # a plan's kind is part of its name
        "為風災應變已訂定了哪一個計畫？": "風災災害防救業務計畫",
    }
    assert answer_texts(tmp_path, report, list(expected)) == expected


def test_a_science_park_by_its_short_name_the_first_months_of_a_year_and_a_whole_not_each_ones_share(tmp_path: Path):
    report = (
        "國科會業務報告\n\n壹、 園區\n\n一、 營運：三園區營運情形如表 1。\n"
        "表 1  三大科學園區營運概況（114 年 1 至 8 月）\n"
        "園區              營業額（億元）      從業員工（人）\n"
        "竹科                     8,946.3             168,215\n"
        "中科                     5,812.7              52,360\n\n"
        "二、 用電：114 年 1 至 8 月三園區用電量合計 386.4 億度。\n\n"
        "三、 國際合作：114 年 1 至 8 月參與歐盟「展望歐洲」計畫，研究團隊共獲補助 1,480 萬歐元。\n\n"
        "四、 工作站：114 年補助設置 82 處創新工作站，補助經費 1 億 2,300 萬元；每站每年補助上限 200 萬元。\n"
    )
    expected = {
        "114 年 1 至 8 月中部科學園區有多少從業員工？": "52,360",  # 中科 is how the table writes 中部科學園區
        "竹科 114 年 1 至 8 月的用電量是多少？": None,  # the three parks' total is not 竹科's
        "研究團隊今年前 8 個月參與展望歐洲計畫共獲得多少補助？": "1,480 萬歐元",  # 前 8 個月 is January to August
        "三園區今年 1 至 8 月的用電量合計是多少？": "386.4 億度",  # 今年 1 至 8 月 is 114 年 1 至 8 月
        "114 年補助設置創新工作站的補助經費總額是多少？": "1 億 2,300 萬元",  # a whole, not what each station may get
    }
    assert answer_texts(tmp_path, report, list(expected)) == expected


def test_this_years_months_are_the_reports_year_as_it_writes_them():
    question = parse_question("三大科學園區今年 1 至 8 月一共用了多少電？", 2025)
    assert question.period == (date(2025, 1, 1), date(2025, 8, 31)) and "114年1至8月" in question.segments
    assert parse_question("今年的出口", 2025).period == (date(2025, 1, 1), date(2025, 12, 31))


def test_a_country_asked_is_answered_by_a_country_or_not_at_all(tmp_path: Path):
    report = (
        "經濟部業務報告\n\n壹、 多邊經貿\n\n一、 WTO：110 年預定舉行第 12 屆部長會議(MC12)，我國將持續推動漁業補貼、電子商務及 WTO 改革等多項議題的討論。\n\n"
        "二、 中東：109 年與沙國辦理企業領袖對談，促成雙方企業合作。\n"
    )
    expected = {"WTO 第 12 屆部長會議預定在哪個國家舉行？": None, "我國與哪一個國家辦理了企業領袖對談？": "沙國"}
    assert answer_texts(tmp_path, report, list(expected)) == expected


def test_a_readers_pointing_back_a_plan_by_its_kind_and_a_programmes_version(tmp_path: Path):
    report = (
        "經濟部業務報告\n\n壹、 商業\n\n一、 餐飲\n\n（一） 輔導 35 家烘焙業導入數位點餐及品牌優化，113 年至少提升營業額 1.2 億元、新增展店 42 家。\n\n"
        "貳、 地方\n\n一、 地方創生 2.0\n\n（一） 行政院核定「地方創生 2.0 計畫」，計畫期程為 114 年至 118 年，總經費 500 億元。\n\n"
        "（二） 108 年起推動地方創生，累計核定 1,283 案，投入經費 148 億元。\n"
    )
    expected = {
        "經濟部輔導 35 家烘焙業導入數位點餐及品牌優化，113 年帶動這些業者新增展店多少家？": "42 家",  # 這些業者: the firms named before
        "輔導烘焙業導入數位點餐及品牌優化的計畫，113 年至少提升營業額多少元？": "1.2 億元",  # 計畫: the reader's word for the work
        "「地方創生 2.0 計畫」的總經費是多少？": "500 億元",
        "地方創生 2.0 已投入多少經費？": None,  # '推動地方創生…投入經費 148 億元' is the first programme's
    }
    assert answer_texts(tmp_path, report, list(expected)) == expected


def test_which_years_asks_a_span_of_years(tmp_path: Path):
    report = "經濟部業務報告\n\n壹、 能源\n\n一、 節電\n\n（一） 推動「新節電運動方案」：106 年至 109 年促進地方政府建置能源治理能力，累計節電 45.8 億度。\n"
    engine = small_ledger(tmp_path, report)
    result = ask(engine, "「新節電運動方案」的推動期間是哪幾年？")
    engine.dispose()
    assert (result["answer"]["value"], result["answer"]["period_start"], result["answer"]["period_end"]) == ("2017/2020", "2017-01-01", "2020-12-31")
    # a gold's writer may give the years, or their first and last days joined by '..'
    for gold_value in ("2017/2020", "2017-01-01..2020-12-31"):
        assert answer_is_right({"kind": "date", "answer_value": gold_value}, result)


def test_a_gold_figure_in_another_unit_of_its_dimension_is_the_answers():
    def right(gold_value: float, gold_unit: str, base_value: float, base_unit: str) -> bool:
        gold = {"kind": "lookup", "answer_value": gold_value, "unit": gold_unit}
        return answer_is_right(gold, {"answer": {"text": "", "base_value": base_value, "base_unit": base_unit}})

    assert right(486.3, "Mbps", 486_300_000, "bit/s") and right(1_730_000, "m", 1730, "km") and right(54_320_000, "m2", 5432, "ha")
    assert not right(486.3, "Mbps", 486.3, "bit/s") and not right(30, "件", 30, "人")


def test_shi_neng_is_a_word_not_a_modal():
    # 失能 (disabled) is a word; 能 after it is no reader's modal that splits the question
    assert "荣家失能养护床位" in parse_question("榮家失能養護床位的進住率是多少？").segments
    assert "利息补贴" in parse_question("營業額下滑多少以上才能享有利息補貼？").segments  # 才能 here is "only then can"


def test_a_unit_under_a_body_is_an_author_a_reader_names():
    from policyledger.question import authors_of

    assert authors_of(["海洋委員會海巡署業務報告"]) == ("海洋委員會海巡署", "海巡署")
    assert authors_of(["經濟部能源署業務報告"]) == ("經濟部能源署", "能源署")
    assert authors_of(["經濟部業務報告"]) == ("經濟部",)


def test_a_whole_asked_by_weight_is_not_the_part_its_sentence_singles_out(tmp_path: Path):
    # '這半年' names the span the report covers; '總重量' the whole, which the unit (公斤) says is a weight;
    # the 612 公斤 after 其中 is one seizure of the whole
    report = ("海洋委員會海巡署業務報告\n\n壹、 查緝走私\n\n一、 查緝毒品走私：113 年 9 月至 114 年 2 月共查獲毒品走私案件 58 件，"
              "查扣海洛因、安非他命及愷他命等各級毒品 1,245.6 公斤，市價約 32 億元。其中 114 年 1 月 15 日於高雄港外海攔檢漁船，"
              "查獲第三級毒品愷他命 612 公斤，為本署成立以來單一案件最大量。\n\n二、 私菸：查獲私菸 27 件。\n")
    question = "這半年海巡署查到的毒品總重量有多少？"
    assert answer_texts(tmp_path, report, [question]) == {question: "1,245.6 公斤"}


def test_a_date_written_with_dots_answers_to_the_day(tmp_path: Path):
    engine = small_ledger(
        tmp_path,
        "海洋委員會海巡署業務報告\n\n壹、 海域執法\n\n一、 巡護：另於 114 年春節期間（114.1.25 至 114.2.2）加強重點海域威力掃蕩，"
        "出勤 1,214 艘次。\n\n二、 救援：113.10.31 於花蓮外海救起翻覆漁船船員 5 人。\n",
    )
    started = ask(engine, "114 年春節期間的威力掃蕩是從哪一天開始的？")["answer"]
    assert started is not None and started["value"] == "2025-01-25"
    rescue = ask(engine, "海巡署是在哪一天於花蓮外海救起翻覆漁船船員？")["answer"]
    assert rescue is not None and rescue["value"] == "2024-10-31"
    engine.dispose()


def test_a_date_a_plan_gave_does_not_answer_when_a_thing_was_done(tmp_path: Path):
    report = ("經濟部業務報告\n\n壹、 能源\n\n一、 電源開發\n\n（一） 興達電廠燃氣機組改建計畫：裝置 3 部燃氣複循環機組，總裝置容量 390 萬瓩，"
              "計畫期程為 107 年 2 月至 117 年 12 月，投資總額 1,168.7 億元；3 部機原規劃於 112 年 6 月 30 日、113 年 6 月 30 日、"
              "115 年 1 月 1 日商轉，因環評延後 9 個月取得許可，將滾動檢討。\n")
    question = "興達電廠燃氣機組改建計畫是在哪一天通過環評審查的？"
    assert answer_texts(tmp_path, report, [question]) == {question: None}


def test_a_nuclear_regulators_doses_drums_bundles_and_units(tmp_path: Path):
    engine = small_ledger(
        tmp_path,
        "核能安全委員會業務報告\n\n壹、 核設施\n\n一、 燃料貯存：截至 114 年 1 月底，核一廠爐心及用過燃料池合計貯存用過核子燃料 6,224 束，"
        "其中 1 號機爐心 408 束，占 6.6%。\n\n二、 減容：另以超高壓縮處理既有廢棄物 1,306 桶，減容後為 387 桶，減容比約 3.4 倍。\n\n"
        "三、 劑量：113 年輻射工作人員 5 萬 6,310 人，平均個人年有效劑量 0.21 毫西弗，較 112 年減少 0.02 毫西弗；"
        "環境輻射劑量率介於 0.033~0.217 微西弗/小時。\n",
    )
    dose = ask(engine, "113 年輻射工作人員的平均個人年有效劑量是多少？")["answer"]
    assert dose is not None and (dose["text"], dose["base_unit"]) == ("0.21 毫西弗", "mSv")
    ratio = ask(engine, "以超高壓縮處理既有廢棄物，減容比大約是多少？")["answer"]
    assert ratio is not None and ratio["text"] == "3.4 倍"  # a ratio asked by its noun, not the drums
    assert ask(engine, "截至 114 年 1 月底，核一廠 2 號機爐心還存放多少束燃料？")["answer"] is None  # only 1 號機's is given
    with engine.connect() as connection:
        units = dict(connection.exec_driver_sql("SELECT text, base_unit FROM claims").all())
    assert units["6,224 束"] == "束" and units["1,306 桶"] == "桶" and units["0.033~0.217 微西弗/小時"] == "微西弗/小時"
    engine.dispose()


def test_a_count_inside_an_ordinal_is_no_count_the_question_states():
    from policyledger.question import parse_question

    assert parse_question("核三廠 2 號機第 27 次大修換了多少束新燃料？").anchors == []  # not '7 次'


def test_a_reports_title_repeated_as_its_running_header_still_names_its_author(tmp_path: Path):
    # PDFium: the title opens the text and heads every page, so the layout takes it out as furniture;
    # the report is still 公平交易委員會's, which a reader calls 公平會
    header = "公平交易委員會業務報告\r\n"
    body = "本會持續推動公平交易法之執行並強化事業之法令遵循與市場監督。\r\n" * 3
    text = (f"{header}立法院第 11 屆第 3 會期\r\n公平交易委員會\r\n中華民國 114 年 3 月\r\n{header}主席、各位委員女士、先生： \r\n"
            f"今天應邀列席大院報告業務，至感榮幸。本會於上會期報告後，持續依公平交易法執行各項業務，\r\n擇要報告如下。 \r\n"
            f"壹、 結合管制\r\n{body}1\r\n"
            f"{header}一、 申報審查：113 年 9 月至 114 年 2 月受理結合申報 74 件，涉及 186 家事業；結案 71 件。\r\n{body}2\r\n"
            f"{header}二、 其他：{body}3\r\n{header}三、 宣導：{body}4\r\n")
    engine = small_ledger(tmp_path, text)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT title FROM documents").scalar_one() == "公平交易委員會業務報告"
    answer = ask(engine, "113 年 9 月到 114 年 2 月之間，公平會一共受理了幾件結合申報？")["answer"]
    assert answer is not None and answer["text"] == "74 件"
    engine.dispose()


def test_a_stock_asked_at_one_date_is_not_the_stock_at_a_later_one(tmp_path: Path):
    report = ("中央銀行業務報告\n中華民國 114 年 3 月\n\n壹、 貨幣政策\n\n一、 定期存單：截至 114 年 2 月底，定期存單未到期餘額為 8 兆 1,234 億元，"
              "較 113 年 8 月底增加 2,986 億元。\n\n二、 基本工資：114 年每月基本工資由 27,470 元調升為 28,590 元，調幅 4.08%。\n")
    expected = {
        "113 年 12 月底央行定期存單的未到期餘額是多少？": None,  # two months before the report's date
        "114 年每月基本工資調整的幅度是多少？": "4.08%",  # 幅度 asks a percentage
    }
    assert answer_texts(tmp_path, report, list(expected)) == expected


def test_a_group_named_by_its_size_and_asked_whole_is_not_one_of_its_items(tmp_path: Path):
    report = ("經濟部業務報告 \n伍、 投資 \n一、 僑外投資：109 年核准僑外投資 1,209 件。 \n"
              "二、 投資臺灣三大方案：因應美中貿易摩擦，108 年推動投資臺灣三大方案，截至 110 年 3 月 11 日，"
              "已通過資格審查總計 829 家廠商，總投資金額達 1.2 兆元，預估可創造本國就業人數 100,108 人。 \n"
              "（一） 臺商回臺方案：已召開 82 次聯審會議，共 209 家廠商通過資格審查，總投資金額約 7,925 億元。 \n"
              "（二） 根留臺灣方案：已召開 58 次聯審會議，共 99 家廠商通過資格審查，總投資金額約 1,824 億元。 \n"
              "（三） 中小企業方案：已召開 79 次聯審會議，共 521 家廠商通過資格審查，總投資金額約 2,233 億元。 \n")
    question = "截至 110 年 3 月 11 日，投資臺灣三大方案累計有多少家廠商通過資格審查？"
    assert answer_texts(tmp_path, report, [question]) == {question: "829 家"}


def test_which_two_sites_a_list_answers_without_the_verb_before_it_and_what_is_said_of_it(tmp_path: Path):
    engine = small_ledger(
        tmp_path,
        "核能安全委員會業務報告\n\n參、 放射性物料\n\n二、 低放射性廢棄物最終處置：經濟部依「低放射性廢棄物最終處置設施場址設置條例」第 9 條"
        "公告台東縣達仁鄉及金門縣烏坵鄉為建議候選場址，惟地方性公民投票迄未辦理。\n",
    )
    answer = ask(engine, "經濟部公告的低放射性廢棄物最終處置設施建議候選場址是哪兩處？")["answer"]
    assert answer is not None and answer["value"] == ["台東縣達仁鄉", "金門縣烏坵鄉"]
    engine.dispose()


def test_last_year_end_a_terse_case_noun_and_a_framing_field(tmp_path: Path):
    report = ("財政部業務報告\n中華民國 114 年 9 月\n\n壹、 賦稅\n\n一、 稽徵：113 年全國徵起欠稅 598.7 億元；對欠稅達 100 萬元之個人限制出境，"
              "截至 113 年底限制出境 1,254 人。\n\n二、 關務\n\n（一） 毒品查緝：114 年 1 至 6 月各關查獲毒品 186 件，總重 2,415.6 公斤。\n\n"
              "（二） 預先審核：截至 114 年 6 月底受理 806 件，較去年同期增加 9.7%。\n\n"
              "三、 地質調查：完成約 5,432 平方公里之判釋、現場調查 487 處聚落。\n\n"
              "四、 智慧財產：109 年培育智財人才計 643 人次。\n")
    expected = {
        "去年底因為欠稅被限制出境的人有多少？": "1,254 人",  # 去年底: the end of the report's year before
        "經濟部在智財業務上，109 年培育的智財人才總共多少人次？": "643 人次",  # 業務上: the field, not a word to find
        "共判釋出多少處潛在大規模崩塌區？": None,  # 487 處 are settlements surveyed, not the areas asked
    }
    assert answer_texts(tmp_path, report, list(expected)) == expected
    assert parse_question("去年底限制出境幾人", 2025).period == (None, date(2024, 12, 31))
    drugs = parse_question("今年上半年各地海關一共查到幾件毒品案？", 2025)  # 毒品案 of '毒品 186 件'; 各地 is no word of it
    assert "毒品" in drugs.segments and "海关" in drugs.segments and "毒品" in drugs.search_terms


def test_dates_listed_each_before_the_name_it_dates_close_at_the_lists_bracket(tmp_path: Path):
    report = ("經濟部業務報告 \n陸、 拓銷 \n一、 線上展覽：109 年完成臺灣智慧機械產業線上形象館(如 6 月俄羅斯館、7 月波蘭館及 8 月越南館)"
              "及線上專業展(如線上 9 月 InnoVEX、10 月線上台灣國際醫療暨健康照護展)等。 \n")
    question = "109 年的線上專業展中，線上 InnoVEX 是在哪個月辦理？"
    assert answer_texts(tmp_path, report, [question]) == {question: "9 月"}


def test_a_rate_asked_with_its_base_in_brackets_a_plans_year_and_the_first_quarters():
    rate = parse_question("水利署預算到 8 月底的整體執行率（以預算數計）是多少？", 2025)
    assert rate.dimensions == {"percent"}  # the bracket's 預算數 is what the rate is of, not what is asked
    plan = parse_question("政府規劃到 120 年全國再生水每天要供應多少水量？", 2025)
    assert plan.wants_target and "规划" not in plan.segments  # 規劃 before a year marks a plan, no word to find
    quarters = parse_question("今年前三季水利署總共開設了幾次水災應變？", 2025)
    assert quarters.period == (date(2025, 1, 1), date(2025, 9, 30))


def test_applications_counted_a_running_total_and_a_place_among_a_lists_total(tmp_path: Path):
    report = ("經濟部業務報告 \n玖、 智慧財產 \n一、 專利：與日本、美國合作執行「專利審查高速公路（PPH）計畫」，至 109 年累計共受理 7,740 件。 \n"
              "二、 公司登記：公司登記電子文件驗證平台截至 109 年底，已有 1,259 家金融機構申請使用，註冊使用者 2,480 人。 \n"
              "三、 電商：輔導 12 家電商業者分別於美國、中國大陸、馬來西亞等市場導入新服務，帶動跨境交易額達 43 億元。 \n")
    expected = {
        "專利審查高速公路（PPH）計畫到 109 年累計受理了多少件申請？": "7,740 件",  # 多少件申請: the applications counted
        "公司登記電子文件驗證平台到 109 年底累積了多少名註冊使用者？": "2,480 人",  # 累積: a running total, not a word to find
        "經濟部輔導的 12 家電商業者在馬來西亞市場帶動的跨境交易額是多少？": None,  # 43 億元 is all the markets'
    }
    assert answer_texts(tmp_path, report, list(expected)) == expected


def test_those_a_count_counts_named_before_it_are_no_others(tmp_path: Path):
    report = ("經濟部業務報告 \n伍、 兩岸 \n一、 兩岸投保協議：已受理並提供諮詢服務共 318 件，109 年有重大進展者共 20 件(含結案 8 件)。 \n")
    question = "兩岸投保協議光是 109 年一年新受理了多少件臺商投資糾紛案件？"
    assert answer_texts(tmp_path, report, [question]) == {question: None}  # 20 件 are those with progress


def test_a_count_of_another_step_than_asked_and_a_quarter_of_the_year_named():
    from policyledger.figure_score import _step_factor

    asked = parse_question("109 年創業型 SBIR 獎補助機制共受理了多少件申請案？")
    assert _step_factor(asked, "推動創業型sbir奖补助机制，共计奖补助") == 0.6  # granted, not received
    assert _step_factor(parse_question("112 年第 2 季核定補助多少家中小企業？"), "核定") == 1.0  # one of the steps asked
    assert parse_question("114 年光是第 2 季就發生幾件重大職災？").period == (date(2025, 4, 1), date(2025, 6, 30))


def test_a_rates_change_asked_and_a_whole_asked_of_a_part_singled_out(tmp_path: Path):
    from policyledger.figure_score import _whole_asked_factor

    report = ("勞動部職業安全衛生署業務報告\n中華民國 114 年 10 月\n壹、 勞動檢查 \n一、 違規處分：114 年上半年檢查結果違規 1 萬 1,678 場次，違規率 22.8%，"
              "較去年同期之 24.2%下降 1.4 個百分點。 \n")
    question = "今年上半年勞檢違規率比去年同期降了多少？"  # 降了: a change, its subset word (違規) a clause before
    assert answer_texts(tmp_path, report, [question]) == {question: "1.4 個百分點"}
    whole = parse_question("114 年上半年勞動檢查開出的罰鍰總共多少錢？")
    from policyledger.textnorm import fold

    assert _whole_asked_factor(whole, fold("罰鍰金額達"), fold("上半年罰鍰處分中，營造業 2,011 家次，罰鍰金額達")) == 0.8  # a part singled out


def test_what_a_thing_is_called_asks_one_name():
    asked = parse_question("除了免付費創業諮詢專線與新創基地之外，提供網實整合創業服務的網站叫什麼？")
    assert (asked.wants, asked.count, "网站" in asked.segments) == ("names", 1, True)  # not '网站叫', nor a figure


def test_a_plans_change_asked_against_a_base_and_weight_asked_as_a_mass(tmp_path: Path):
    report = ("衛生福利部國民健康署業務報告\n壹、 預算 \n一、 預算規劃：115 年度概算 74.6 億元，較本年增加約 3.5 億元。 \n"
              "二、 健康體重管理：114 年上半年健康體重管理計畫參與 12 萬 4,350 人，合計減重 36 萬 8,120 公斤。 \n")
    expected = {
        "115 年度概算比 114 年增加大約多少？": "3.5 億元",  # typed target, its words a change from a base
        "114 年上半年健康體重管理計畫的參加者合計減了多少體重？": "36 萬 8,120 公斤",  # 體重: a mass, not the people
    }
    assert answer_texts(tmp_path, report, list(expected)) == expected


def test_a_month_counted_up_to_without_its_year_is_the_reports_last_such_month(tmp_path: Path):
    report = ("經濟部能源署業務報告\n中華民國 114 年 10 月 15 日\n壹、 節能 \n一、 節能家電汰換補助：截至 114 年 8 月底，受理補助 98 萬 6,420 臺；"
              "截至 113 年 11 月底，受理補助 71 萬 2,004 臺。 \n")
    questions = ["節能家電汰舊換新補助到8月底總共受理了多少臺？", "節能家電汰舊換新補助到 11 月底受理了多少臺？"]
    assert answer_texts(tmp_path, report, questions) == {questions[0]: "98 萬 6,420 臺", questions[1]: "71 萬 2,004 臺"}
    # no month after the report's is this year's; a month naming when something happened is left to the words
    assert parse_question("到 11 月底受理了多少臺？", 2025, (), 10).period == (None, date(2024, 11, 30))
    assert parse_question("7 月底颱風豪雨中斷多久？", 2025, (), 10).period is None
    # a month the question dates by a year it names: 今年, or a bracket after it
    assert parse_question("今年減船計畫到 8 月底收購了幾艘？", 2025).period == (None, date(2025, 8, 31))
    assert parse_question("第 4 季（109 年第 4 季）的申請是哪一天截止？", 2021).period == (date(2020, 10, 1), date(2020, 12, 31))


def test_words_that_look_like_units_or_framing_but_are_not():
    assert parse_question("兩座液化天然氣廠每年合計能供應多少天然氣？").dimensions == set()  # 天然氣, no 天
    assert parse_question("健保署 115 年度的單位預算案編列了多少歲出？").dimensions == {"money"}  # 歲出, no age
    assert parse_question("白蝦國產種蝦的自給率到今年上半年達到多少？", 2025).dimensions == {"percent"}  # 自給率, not 自|率
    assert parse_question("114 年 1 至 8 月農產品進口值是多少？").dimensions == {"money"}
    danish = parse_question("109 年僑外投資依來源地區排名居首的丹麥，投資金額是多少？")
    assert "丹麦" in danish.segments and not any("排名" in segment for segment in danish.segments)
    assert parse_question("天然氣進口事業從116年開始，安全存量天數最少要維持幾天？").segments[:2] == ["天然气进口事业", "安全存量天数"]


def test_the_change_of_a_count_quoted_and_a_sum_of_two_asked(tmp_path: Path):
    report = ("經濟部業務報告\n中華民國 110 年 3 月\n壹、 投資 \n"
              "一、 僑外投資：109 年核准僑外投資 3,418 件，較上年減少 17％，投（增）資金額 91.4 億美元，減少 18.3％。 \n"
              "二、 安全存量：截至 109 年 12 月底，業者安全存量 98 天、政府儲油 43 天，合計 141 天。 \n")
    expected = {"109 年經濟部核准的僑外投資「件數」比前一年少了百分之多少？": "17％",
                "109 年底時，民間業者加上政府的石油安全存量一共可以撐幾天？": "141 天"}
    assert answer_texts(tmp_path, report, list(expected)) == expected


def test_a_gold_price_per_unit_named_in_the_reports_words_and_titles_whatever_their_spaces():
    from policyledger.evaluate import answer_is_right, score_outline
    from policyledger.model import Node

    gold = {"q": "虱目魚產地價格平均一公斤多少錢？", "answer_text": "62 元/公斤", "answer_value": 62, "unit": "TWD/公斤", "kind": "lookup"}
    assert answer_is_right(gold, {"answer": {"text": "62 元/公斤", "base_value": 62, "base_unit": "TWD/kg"}})
    assert not answer_is_right(gold, {"answer": {"text": "62 元/公噸", "base_value": 62, "base_unit": "TWD/t"}})
    node = Node(path="壹", level=1, depth=1, marker="壹、", title="國土計畫", text="壹、國土計畫", line_start=13, line_end=13, line_anchors=[(0, 13)])
    assert score_outline([node], [{"path": "壹", "line": 13, "title": "國 土 計 畫"}]).f1 == 1.0  # an OCR'd report's title


def test_an_author_called_by_its_short_name_and_a_plants_units_by_their_numbers(tmp_path: Path):
    from policyledger.question import authors_of

    authors = authors_of(["交通部民用航空局"])  # a cover that names its body alone
    assert "民用航空局" in authors
    asked = parse_question("截至 8 月底，民航局的飛航管制員實際有多少人？", 2025, authors, 10)
    assert asked.segments == ["飞航管制员", "截至114年8月底"]  # 民航局 is the report itself, as 本局 is
    assert "健保署" not in parse_question("健保署今年收載幾項新藥？", 2025, authors_of(["衛生福利部中央健康保險署業務報告"])).segments
    assert "3号机" in parse_question("通霄燃氣複循環新 3 號機的機組容量是多少？").segments  # which unit, not a number
    assert parse_question("規模 5 千萬元以上的計畫有幾項？").segments == ["规模", "计画"]  # 5 千萬元 is a figure, no word
    report = ("經濟部業務報告\n中華民國 110 年 3 月\n壹、 電力 \n一、 供電：108 年在林口新 3 號機、大林新 2 號機及通霄新 2 號機陸續併聯完工商轉下，"
              "備用容量率達 16.8%。 \n")
    question = "108 年陸續併聯完工商轉的是哪三部機組？"
    assert answer_texts(tmp_path, report, [question]) == {question: "林口新 3 號機、大林新 2 號機、通霄新 2 號機"}
