"""Tables flattened into lines by a PDF's text layer: each number read by its row and its column."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.test_ask import small_ledger

from policyledger.ask import ask
from policyledger.model import Node
from policyledger.quantity.claims import extract_claims


def claims_of(text: str):
    node = Node(path="壹/一", level=2, depth=2, marker="一、", title="t", text=text, line_start=1, line_end=1, line_anchors=[(0, 1)])
    return extract_claims([node])


def test_rows_under_a_header_of_periods_take_their_labels_unit_and_their_columns_period():
    claims = claims_of("一、 概況：近年回收情形如下：\n項目 111年 112年 113年上半年\n一般廢棄物產生量(萬公噸) 1,012.4 1,026.8 508.3\n"
                       "資源回收率 57.7% 58.6% 59.4%\n113 年上半年平均每人每日清運量為 0.372 公斤。")
    cells = [(c.text, c.base_value, c.base_unit, c.period_start, c.period_end, c.subject) for c in claims[:6]]
    assert cells == [
        ("1,012.4", 10124000, "t", date(2022, 1, 1), date(2022, 12, 31), "一般廢棄物產生量"),
        ("1,026.8", 10268000, "t", date(2023, 1, 1), date(2023, 12, 31), "一般廢棄物產生量"),
        ("508.3", 5083000, "t", date(2024, 1, 1), date(2024, 6, 30), "一般廢棄物產生量"),
        ("57.7%", 57.7, "percent", date(2022, 1, 1), date(2022, 12, 31), "資源回收率"),
        ("58.6%", 58.6, "percent", date(2023, 1, 1), date(2023, 12, 31), "資源回收率"),
        ("59.4%", 59.4, "percent", date(2024, 1, 1), date(2024, 6, 30), "資源回收率"),
    ]
    assert claims[-1].text == "0.372 公斤"  # the sentence after the table is read as a sentence
    assert not any(c.text == "萬公噸" for c in claims)  # the bracket is the row's unit, no figure


def test_a_tables_unit_a_column_of_changes_and_negative_numbers():
    claims = claims_of("109 年重點品項出口值如下（單位：百萬美元）：\n品項 108 年 109 年 成長率\n稻米 12.3 15.6 26.8%\n毛豆 93.0 89.1 -4.2%")
    read = [(c.text, c.base_value, c.base_unit, c.kind, c.period_end) for c in claims]
    assert read == [
        ("12.3", 12300000, "USD", "actual", date(2019, 12, 31)), ("15.6", 15600000, "USD", "actual", date(2020, 12, 31)),
        ("26.8%", 26.8, "percent", "change", date(2020, 12, 31)),
        ("93.0", 93000000, "USD", "actual", date(2019, 12, 31)), ("89.1", 89100000, "USD", "actual", date(2020, 12, 31)),
        ("-4.2%", -4.2, "percent", "change", date(2020, 12, 31)),
    ]


def test_a_whole_table_on_one_line():
    claims = claims_of("項目 110 年 111 年 1–8 月 勞動力參與率（%） 60.12 60.54 就業人數（人） 264,318 268,105")
    assert [(c.text, c.base_unit, c.period_end) for c in claims] == [
        ("60.12", "percent", date(2021, 12, 31)), ("60.54", "percent", date(2022, 8, 31)),
        ("264,318", "人", date(2021, 12, 31)), ("268,105", "人", date(2022, 8, 31)),
    ]


def test_years_in_a_sentence_make_no_table():
    # a number with no unit of its own, its row's or its table's is no figure; a sentence is read as one
    assert [c.text for c in claims_of("比較 108 年 109 年 出口值 12.3 15.6 億元，成長 26.8%。")] == ["15.6 億元", "26.8%"]
    assert [c.subject for c in claims_of("109 年 110 年 111 年 分別核准 12 家、15 家及 20 家。")][:1] == ["核准"]


def test_a_question_on_a_tables_cell_gets_its_columns_figure(tmp_path: Path):
    engine = small_ledger(tmp_path, "環境部業務報告\n\n壹、廢棄物\n一、 回收概況：近年回收情形如下：\n項目 111年 112年 113年上半年\n"
                                    "一般廢棄物產生量(萬公噸) 1,012.4 1,026.8 508.3\n資源回收率 57.7% 58.6% 59.4%\n"
                                    "113 年上半年平均每人每日清運量為 0.372 公斤。\n")
    assert ask(engine, "112 年全國一般廢棄物的資源回收率是多少？")["answer"]["value"] == 58.6
    assert ask(engine, "113 年上半年一般廢棄物產生量是多少萬公噸？")["answer"]["base_value"] == 5083000


def test_a_budget_tables_row_and_column_answer_a_question_in_its_unit(tmp_path: Path):
    engine = small_ledger(tmp_path, "國防部業務報告\n\n壹、預算\n一、 經費分類：113 年度預算按用途分類如表 1。\n表 1 國防預算用途別比較\n（單位：千元）\n"
                                    "項目 112年度 113年度\n人員維持 126,438,512 128,917,306\n作業維持 98,215,037 104,382,951\n"
                                    "113 年度人員維持、作業維持分占總額 39.1%、31.6%。\n")
    assert ask(engine, "113 年度國防預算中，作業維持編列多少千元？")["answer"]["value"] == 104382951
    assert ask(engine, "112 年度國防預算的人員維持是多少千元？")["answer"]["value"] == 126438512


def test_the_sentence_that_introduces_a_table_names_its_numbers_and_a_column_to_come_is_planned(tmp_path: Path):
    engine = small_ledger(tmp_path, "行政院施政報告\n\n壹、交通\n一、交通建設經費\n中央政府交通建設經費編列情形如下表，113 年度為法定預算數，"
                                    "115 年度為概估數：\n（單位：億元）\n項目\t113 年度\t114 年度\t115 年度\n軌道建設\t352.4\t378.9\t401.2\n"
                                    "公路建設\t268.7\t255.3\t240.0\n截至 113 年 12 月底，軌道建設完成 12 項。\n")
    assert ask(engine, "中央政府交通建設經費中，軌道建設 115 年度的概估數是多少？")["answer"]["base_value"] == 401.2e8
    claims = claims_of("截至 113 年 12 月底已完成。\n項目 113 年度 115 年度\n軌道建設(億元) 352.4 401.2")
    assert [c.kind for c in claims] == ["actual", "target"]


def test_a_column_of_the_same_months_a_year_before():
    claims = claims_of("（單位：萬人次）\n項目 113 年 1-6 月 112 年同期 增減率\n臺鐵 10,234 9,876 3.6%\n臺中捷運 1,062 1,108 -4.2%")
    read = [(c.text, c.base_value, c.period_start, c.period_end, c.kind) for c in claims[:3]]
    assert read == [
        ("10,234", 102340000, date(2024, 1, 1), date(2024, 6, 30), "actual"),
        ("9,876", 98760000, date(2023, 1, 1), date(2023, 6, 30), "actual"),  # 112 年同期: 112 年 1-6 月
        ("3.6%", 3.6, date(2024, 1, 1), date(2024, 6, 30), "change"),
    ]
    assert claims[-1].text == "-4.2%"


def test_a_table_headed_by_categories_under_a_caption_that_dates_it_and_names_its_unit():
    claims = claims_of("（二） 援外支出地區分布：按地區別分布如下表：\n表 1 113 年對外援助支出按地區別統計 單位：萬美元\n"
                       "地區 雙邊合作 人道援助 合計 占比\n亞太地區 9,850 1,230 11,080 32.7%\n非洲地區 3,270 410 3,680 10.9%\n"
                       "113 年雙邊合作支出占援外支出總額 80.7%。")
    read = [(c.text, c.base_value, c.base_unit, c.kind, c.period_start, c.subject) for c in claims[:4]]
    assert read == [
        ("9,850", 98500000, "USD", "actual", date(2024, 1, 1), "亞太地區 雙邊合作"),
        ("1,230", 12300000, "USD", "actual", date(2024, 1, 1), "亞太地區 人道援助"),
        ("11,080", 110800000, "USD", "actual", date(2024, 1, 1), "亞太地區 合計"),
        ("32.7%", 32.7, "percent", "share", date(2024, 1, 1), "亞太地區 占比"),
    ]
    assert claims[-1].text == "80.7%" and len(claims) == 9  # the sentence after the table is read as a sentence


def test_a_table_dated_by_the_year_in_its_header_corner():
    claims = claims_of("主要稅目執行情形如下表：\n單位：億元\n113 年度        預算數      實徵數      達成率\n"
                       "綜合所得稅      6,120.0    6,642.3    108.53%\n營業稅          6,310.0    6,402.5    101.47%")
    read = [(c.text, c.base_value, c.period_start, c.period_end, c.subject) for c in claims[:3]]
    assert read == [
        ("6,120.0", 612_000_000_000, date(2024, 1, 1), date(2024, 12, 31), "綜合所得稅 預算數"),
        ("6,642.3", 664_230_000_000, date(2024, 1, 1), date(2024, 12, 31), "綜合所得稅 實徵數"),
        ("108.53%", 108.53, date(2024, 1, 1), date(2024, 12, 31), "綜合所得稅 達成率"),
    ]
    assert len(claims) == 6


def test_units_named_in_the_columns_order_a_rate_taking_the_percent():
    claims = claims_of("表 1 114 年 1 至 8 月主要刑案類別統計\n單位：件；%；人\n類別 發生數 破獲數 破獲率 嫌疑犯\n竊盜 28,410 26,950 94.9 19,876")
    read = [(c.text, c.base_unit, c.subject) for c in claims]
    assert read == [("28,410", "件", "竊盜 發生數"), ("26,950", "件", "竊盜 破獲數"), ("94.9", "percent", "竊盜 破獲率"), ("19,876", "人", "竊盜 嫌疑犯")]


def test_a_header_of_words_without_a_unit_named_makes_no_table():
    # no 單位： above it: words in a row are no header, and a number with no unit is no figure
    assert [c.text for c in claims_of("表 1 113 年概況\n地區 雙邊合作 人道援助\n亞太地區 9,850 1,230")] == []


def test_a_caption_naming_its_unit_ends_its_line(tmp_path: Path):
    # a pdfplumber-like page: the caption is as wide as a wrapped line, yet the table's header does not go on from it
    body = "本部持續推動對外援助，結合友邦需求辦理各項合作計畫，提升援助效益。\n" * 6
    text = (f"外交部業務報告\n壹、 援外\n{body}一、 援外支出：113 年對外援助支出按地區別分布如下表：\n"
            "表 1 113 年對外援助支出按地區別統計 單位：萬美元\n地區 雙邊合作 人道援助 合計 占比\n"
            f"亞太地區 9,850 1,230 11,080 32.7%\n{body}")
    engine = small_ledger(tmp_path, text)
    result = ask(engine, "113 年對亞太地區的人道援助支出是多少？")
    assert result["answer"]["text"] == "1,230" and result["answer"]["base_value"] == 12300000
    engine.dispose()


def test_columns_headed_each_with_its_unit():
    # no 單位： above it: each column's heading names its unit in brackets (pdftotext -layout keeps the columns apart)
    claims = claims_of("表 1  三大科學園區營運概況（114 年 1 至 8 月）\n"
                       "園區              營業額（億元）      從業員工（人）      面積（公頃）\n"
                       "竹科                     8,946.3             168,215             1,470\n"
                       "合計                    21,694.0             306,479             5,769")
    read = [(c.text, c.base_value, c.base_unit, c.subject) for c in claims[:3]]
    assert read == [("8,946.3", 894630000000, "TWD", "竹科 營業額"), ("168,215", 168215, "人", "竹科 從業員工"), ("1,470", 1470, "ha", "竹科 面積")]
    assert len(claims) == 6 and claims[0].period_start == date(2025, 1, 1)


def test_a_pdftotext_layout_tables_rows_end_their_lines(tmp_path: Path):
    body = "本會持續推動科學園區發展，協助廠商進駐並強化園區公共設施與服務品質。\n" * 6
    text = (f"國科會業務報告\n\n  壹、 園區\n{body}    一、 園區營運：各園區營運情形如表 1。\n"
            "        表 1  三大科學園區營運概況（114 年 1 至 8 月）\n"
            "        園區              營業額（億元）      從業員工（人）      面積（公頃）\n"
            "        竹科                     8,946.3             168,215             1,470\n"
            "        中科                     5,812.7              52,360             1,713\n"
            f"{body}")
    engine = small_ledger(tmp_path, text)
    answer = ask(engine, "114 年 1 至 8 月中科的營業額是多少？")["answer"]
    assert (answer["text"], answer["base_value"]) == ("5,812.7", 581270000000)
    engine.dispose()


def test_a_header_of_periods_says_which_columns_are_targets_and_cells_hold_mixed_numerals_and_bounds():
    claims = claims_of("表 1　國家發展主要總體目標\n項目\t113 年實績\t116 年目標\t120 年目標\n"
                       "平均每人 GDP\t3 萬 3,437 美元\t3 萬 8,000 美元\t4 萬 5,000 美元\n失業率\t3.38%\t3.5% 以下\t3.5% 以下")
    read = [(c.text, c.base_value, c.kind, c.qualifier, c.period_start.year, c.subject) for c in claims]
    assert read == [
        ("3 萬 3,437 美元", 33437, "actual", "exact", 2024, "平均每人 GDP"),
        ("3 萬 8,000 美元", 38000, "target", "exact", 2027, "平均每人 GDP"),
        ("4 萬 5,000 美元", 45000, "target", "exact", 2031, "平均每人 GDP"),
        ("3.38%", 3.38, "actual", "exact", 2024, "失業率"),
        ("3.5%", 3.5, "target", "up_to", 2027, "失業率"),
        ("3.5%", 3.5, "target", "up_to", 2031, "失業率"),
    ]


def test_a_table_of_stocks_at_two_dates_with_its_change_and_a_latin_label():
    claims = claims_of("表 1 固定寬頻用戶數按技術別分布 單位：萬戶\n技術別 113 年 8 月底 114 年 1 月底 增減\n"
                       "光纖 431.5 447.9 16.4\nADSL 及其他 43.2 35.7 -7.5")
    read = [(c.text, c.base_value, c.period_end, c.subject) for c in claims]
    assert read == [
        ("431.5", 4315000, date(2024, 8, 31), "光纖"), ("447.9", 4479000, date(2025, 1, 31), "光纖"), ("16.4", 164000, date(2025, 1, 31), "光纖"),
        ("43.2", 432000, date(2024, 8, 31), "ADSL 及其他"), ("35.7", 357000, date(2025, 1, 31), "ADSL 及其他"),
        ("-7.5", -75000, date(2025, 1, 31), "ADSL 及其他"),
    ]
    assert [c.kind for c in claims][2::3] == ["change", "change"]  # the column after the dates holds changes


def test_a_row_of_growth_rates_holds_changes():
    claims = claims_of("項目 111 年 112 年\n出口總值(億美元) 55.3 53.3\n出口成長率(%) 2.1 -3.6")
    assert [(c.text, c.kind) for c in claims][::2] == [("55.3", "actual"), ("2.1", "change")]
    assert claims[3].kind == "change"


def test_a_ruled_table_printed_one_cell_a_line(tmp_path: Path):
    # PDFium's text of a ruled table: the first word, each column's heading, then each row's label and its
    # numbers, one to a line — bare numbers no page number is, beside labels no running header is
    body = "本署持續查緝走私，強化海上巡邏與情資整合，維護國境安全。\n" * 4
    cells = ["毒品", "39", "19", "58", "菸品", "18", "9", "27", "合計", "97", "47", "144"]
    text = (f"海巡署業務報告\n壹、 查緝走私\n{body}一、 案件統計：各類走私案件查獲情形如表 1，合計 171 件，以毒品案件占 45.6%最多。\n"
            "表 1 113 年 9 月至 114 年 2 月查緝走私案件統計（單位：件）\n類別\n113 年 9~12 月\n114 年 1~2 月\n合計\n"
            + "".join(f"{cell}\n" for cell in cells) + f"二、 其他：{body}")
    engine = small_ledger(tmp_path, text)
    with engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT text, base_value, line, period_start, period_end, subject FROM claims ORDER BY line").all()
    first_cell = text.split("\n").index("39") + 1
    assert [tuple(row) for row in rows[2:5]] == [
        ("39", 39, first_cell, "2024-09-01", "2024-12-31", "毒品"),
        ("19", 19, first_cell + 1, "2025-01-01", "2025-02-28", "毒品"),
        ("58", 58, first_cell + 2, "2024-09-01", "2025-02-28", "毒品"),  # 合計: the caption's period
    ]
    assert len(rows) == 11 and rows[-1][:2] == ("144", 144)
    # the reader points to the table; the text's clause pointing to it says what its cells count (查獲)
    answer = ask(engine, "依表 1，114 年 1~2 月查獲的菸品走私案件有幾件？")["answer"]
    assert answer is not None and answer["text"] == "9"
    engine.dispose()


def test_lines_that_only_look_like_a_table_are_left_as_prose():
    from policyledger.quantity.tables import cell_a_line_tables

    assert list(cell_a_line_tables(["類別", "甲", "乙", "毒品", "39", "19", "菸品", "18"])) == []  # one whole row only
    assert list(cell_a_line_tables(["類別", "甲", "乙", "毒品", "39", "19", "菸品", "18", "9"])) == [(0, 2, 2)]
    assert list(cell_a_line_tables(["本署查獲：", "39", "19", "菸品", "18", "9"])) == []


def test_a_tables_caption_takes_the_clause_of_the_text_pointing_to_it():
    from policyledger.quantity.periods import find_time_expressions
    from policyledger.quantity.tables import table_cells
    from policyledger.question import parse_question

    text = ("各類走私案件查獲情形如表 1，合計 171 件。\n表 1 113 年 9 月至 114 年 2 月查緝走私案件統計（單位：件）\n"
            "類別\n113 年 9~12 月\n114 年 1~2 月\n毒品\n39\n19\n菸品\n18\n9")
    cells = table_cells(text, find_time_expressions(text))
    assert cells[0].caption.startswith("各類走私案件查獲情形如表 1，") and "查緝走私案件統計" in cells[0].caption  # what its cells count: 查獲
    assert all("依表" not in term for term in parse_question("依表 1，114 年 1~2 月查獲的菸品走私案件有幾件？").search_terms)


def test_rows_headed_by_periods_under_a_header_of_categories():
    # a Word table pasted as tab-separated rows: each row a month's end, a column of changes after the stock
    claims = claims_of("表 1　外匯存底變動（單位：億美元）\n月底\t外匯存底\t較上月增減\n"
                       "113 年 9 月底\t5,768.9\t+48.5\n113 年 10 月底\t5,741.2\t-27.7\n另本行持有黃金約 422.8 公噸。")
    read = [(c.text, c.base_value, c.kind, c.period_start, c.period_end, c.subject) for c in claims[:4]]
    assert read == [
        ("5,768.9", 576890000000, "actual", None, date(2024, 9, 30), "外匯存底"),
        ("+48.5", 4850000000, "change", date(2024, 9, 1), date(2024, 9, 30), "較上月增減"),  # the change over the month
        ("5,741.2", 574120000000, "actual", None, date(2024, 10, 31), "外匯存底"),
        ("-27.7", -2770000000, "change", date(2024, 10, 1), date(2024, 10, 31), "較上月增減"),
    ]
    assert claims[-1].text == "422.8 公噸"


def test_columns_that_count_in_the_measure_word_their_name_ends_in():
    # no 單位：, one bracket: 檢查場次 counts in 場次, 違法件數 in 件
    claims = claims_of("表 1　113 年 9 月至 114 年 2 月勞動檢查辦理情形\n檢查類別 檢查場次 違法件數 罰鍰金額(萬元)\n"
                       "勞動條件 12,480 3,126 9,874\n合計 57,305 9,916 19,925")
    read = [(c.text, c.base_value, c.base_unit, c.subject) for c in claims[:3]]
    assert read == [("12,480", 12480, "場次", "勞動條件 檢查場次"), ("3,126", 3126, "件", "勞動條件 違法件數"),
                    ("9,874", 98740000, "TWD", "勞動條件 罰鍰金額")]
    assert len(claims) == 6 and claims[0].period_end == date(2025, 2, 28)


def test_a_minimum_wage_is_no_floor_of_the_figures_after_it():
    claims = claims_of("114 年每月最低工資由 27,470 元調整為 28,590 元。")
    assert [c.qualifier for c in claims] == ["exact", "exact"]


def test_a_unit_line_naming_a_unit_for_counts_and_one_for_shares_under_a_caption_of_a_years_end():
    # '單位：人、%' between the caption and the header: the counts in 人, the share column (占比) in %,
    # all as of the caption's 113 年底
    claims = claims_of("表 1　113 年底全球僑胞人數及僑胞卡有效持卡人數（按洲別）\n單位：人、%\n洲別 僑胞人數 有效持卡人數 占比\n"
                       "亞洲 1,806,320 139,622 36.6\n美洲 2,462,130 98,417 49.9")
    read = [(c.text, c.base_unit, c.kind, c.subject) for c in claims[:3]]
    assert read == [("1,806,320", "人", "actual", "亞洲 僑胞人數"), ("139,622", "人", "actual", "亞洲 有效持卡人數"),
                    ("36.6", "percent", "share", "亞洲 占比")]
    assert len(claims) == 6 and {(c.period_start, c.period_end) for c in claims} == {(None, date(2024, 12, 31))}


def test_a_header_on_two_lines_its_units_under_the_column_names():
    # pdftotext -layout: '決標金額' on the header's line, its unit '（億元）' alone on the next; 件數 counts in 件
    claims = claims_of("表 1　113 年 9 月至 114 年 2 月各類採購決標統計\n類別        件數        決標金額\n"
                       "                        （億元）\n工程       9,874        4,602.35\n財物       8,321        1,187.62")
    read = [(c.text, c.base_value, c.base_unit, c.subject) for c in claims[:2]]
    assert read == [("9,874", 9874, "件", "工程 件數"), ("4,602.35", 460235000000, "TWD", "工程 決標金額")]
    assert len(claims) == 4 and claims[0].period_start == date(2024, 9, 1)


def test_one_cell_a_line_under_year_headings_one_a_forecast():
    # PDFium: '113 年' alone on its line (its expression takes the break after it), '114 年（預測）' a forecast's column
    claims = claims_of("表 1　經濟成長率及物價預測\n單位：%\n項目\n113 年\n114 年（預測）\n經濟成長率\n4.59\n3.14\n"
                       "CPI 上漲率\n2.18\n1.89")
    read = [(c.text, c.kind, c.period_start, c.subject) for c in claims]
    assert read == [("4.59", "change", date(2024, 1, 1), "經濟成長率"), ("3.14", "forecast", date(2025, 1, 1), "經濟成長率"),
                    ("2.18", "change", date(2024, 1, 1), "CPI 上漲率"), ("1.89", "forecast", date(2025, 1, 1), "CPI 上漲率")]


def test_a_total_row_under_rows_of_periods_is_the_whole_span_they_make_up():
    claims = claims_of("表 1 113 年兩岸人員往來統計\n單位：人次\n季別\t大陸地區人民來臺\t國人赴陸\n第 1 季\t82,316\t612,584\n"
                       "第 2 季\t95,472\t689,217\n合計\t177,788\t1,301,801")
    total = [(c.text, c.period_start, c.period_end, c.subject) for c in claims[4:]]
    assert total == [("177,788", date(2024, 1, 1), date(2024, 6, 30), "合計 大陸地區人民來臺"),
                     ("1,301,801", date(2024, 1, 1), date(2024, 6, 30), "合計 國人赴陸")]


def test_one_cell_a_line_signed_changes_in_a_column_after_the_periods():
    claims = claims_of("截至 114 年 8 月底，各類員額增減情形如表 1：\n表 1　預算員額配置單位：人\n類別\n113 年底\n114 年 8 月底\n增減\n"
                       "職員\n103,047\n102,842\n-205\n警察\n31,054\n31,240\n+186")
    read = [(c.text, c.base_value, c.kind, c.period_end, c.subject) for c in claims]
    assert read == [
        ("103,047", 103047, "actual", date(2024, 12, 31), "職員"), ("102,842", 102842, "actual", date(2025, 8, 31), "職員"),
        ("-205", -205, "change", date(2025, 8, 31), "職員"),
        ("31,054", 31054, "actual", date(2024, 12, 31), "警察"), ("31,240", 31240, "actual", date(2025, 8, 31), "警察"),
        ("+186", 186, "change", date(2025, 8, 31), "警察"),
    ]


def test_column_headings_of_periods_one_a_line_are_each_its_own_period():
    # '第 2 季' and '7 至 8 月' stand on lines of their own: two columns, no one span across the break
    claims = claims_of("表 1　114 年 1 至 8 月各院區參觀人次\n單位：人次\n院區\n第 1 季\n第 2 季\n7 至 8 月\n"
                       "北部院區\n612,480\n598,150\n432,100\n南部院區\n248,300\n231,540\n194,320")
    assert [(c.text, c.period_start, c.period_end) for c in claims[:3]] == [
        ("612,480", date(2025, 1, 1), date(2025, 3, 31)), ("598,150", date(2025, 4, 1), date(2025, 6, 30)),
        ("432,100", date(2025, 7, 1), date(2025, 8, 31)),
    ]


def test_a_unit_line_in_new_taiwan_dollars_scales_the_cells_and_is_no_figure():
    claims = claims_of("表 2　114 年度預算執行情形（截至 8 月底）\n單位：新臺幣千元\n項目\n預算數\n執行數\n"
                       "經常門\n1,986,420\n1,298,530\n資本門\n547,766\n218,920")
    assert [(c.text, c.base_value, c.base_unit) for c in claims] == [
        ("1,986,420", 1986420000, "TWD"), ("1,298,530", 1298530000, "TWD"), ("547,766", 547766000, "TWD"), ("218,920", 218920000, "TWD"),
    ]


def test_a_table_of_one_column_one_cell_a_line():
    claims = claims_of("動員工作人員如表 1。\n表 1　114 年罷免投票投開票所工作人員配置\n單位：人\n職務\n人數\n"
                       "主任管理員\n5,124\n管理員\n59,312\n監察員\n22,920\n合計\n92,480")
    assert [(c.text, c.base_unit, c.period_end, c.subject) for c in claims] == [
        ("5,124", "人", date(2025, 12, 31), "主任管理員 人數"), ("59,312", "人", date(2025, 12, 31), "管理員 人數"),
        ("22,920", "人", date(2025, 12, 31), "監察員 人數"), ("92,480", "人", date(2025, 12, 31), "合計 人數"),
    ]
    # two rows are no table of one column: a number and a word in turn are read as a sentence would be
    assert claims_of("合計\n92,480\n管理員\n59,312") == []


def test_rows_named_by_their_year_or_edition_under_a_header_of_categories():
    claims = claims_of("表 2　114 年國際綜合性賽事獎牌統計\n單位：面\n賽事名稱                      金牌    銀牌    合計\n"
                       "2025 年世界運動會                3       4      7\n第 5 屆亞洲青年運動會           11      14      25")
    assert [(c.text, c.base_unit, c.subject) for c in claims] == [
        ("3", "面", "2025 年世界運動會 金牌"), ("4", "面", "2025 年世界運動會 銀牌"), ("7", "面", "2025 年世界運動會 合計"),
        ("11", "面", "第 5 屆亞洲青年運動會 金牌"), ("14", "面", "第 5 屆亞洲青年運動會 銀牌"), ("25", "面", "第 5 屆亞洲青年運動會 合計"),
    ]


def test_one_cell_a_line_under_a_unit_line_naming_a_unit_for_amounts_and_one_for_shares():
    claims = claims_of("表 2 113 年農產品主要出口市場\n單位：億美元；%\n市場\n出口值\n占比\n美國\n11.34\n19.7\n中國大陸\n9.58\n16.7\n日本\n9.12\n15.9")
    assert [(c.text, c.base_value, c.base_unit, c.kind) for c in claims[:2]] == [("11.34", 1_134_000_000, "USD", "actual"), ("19.7", 19.7, "percent", "share")]


def test_grid_table_rows_are_read_by_their_column_headings_units():
    from policyledger.layout import analyse
    from policyledger.outline import build_outline
    from policyledger.read import read_bytes

    text = ("壹、生產\n\n一、 生產：各漁業別生產如表 1。\n\n表 1：114 年上半年各漁業別生產統計\n\n+--------+------------+------------+\n"
            "| 漁業別 | 產量(公噸) | 產值(億元) |\n+========+============+============+\n| 遠洋   | 212,460    | 158.32     |\n"
            "+--------+------------+------------+\n| 近海   | 58,730     | 62.15      |\n+--------+------------+------------+\n")
    claims = extract_claims(build_outline(analyse(read_bytes(text.encode("utf-8"), "t.txt"))))
    assert [(c.text, c.base_value, c.base_unit, c.line, c.period_end) for c in claims] == [
        ("212,460", 212460, "t", 10, date(2025, 6, 30)), ("158.32", 15832000000, "TWD", 10, date(2025, 6, 30)),
        ("58,730", 58730, "t", 12, date(2025, 6, 30)), ("62.15", 6215000000, "TWD", 12, date(2025, 6, 30)),
    ]


def test_a_column_heading_may_name_its_own_year():
    claims = claims_of("表 2：114 年度公務預算執行情形（截至 114 年 6 月底）\n單位：千元\n工作計畫  114 年度預算數  執行數  執行率(％)\n"
                       "一般行政  412,350  201,684  48.91")
    assert [(c.text, c.base_unit, c.period_start, c.period_end, c.subject) for c in claims] == [
        ("412,350", "TWD", date(2025, 1, 1), date(2025, 12, 31), "一般行政 預算數"),
        ("201,684", "TWD", None, date(2025, 6, 30), "一般行政 執行數"),
        ("48.91", "percent", None, date(2025, 6, 30), "一般行政 執行率"),
    ]


def test_a_column_of_changes_in_the_unit_its_heading_brackets():
    claims = claims_of("表 1　規費收入比較\n單位：新臺幣千元\n項目\t110 年上半年\t111 年上半年\t增減率(%)\n其他規費\t7,426\t6,038\t-18.7")
    assert [(c.text, c.base_value, c.base_unit) for c in claims] == [("7,426", 7426000, "TWD"), ("6,038", 6038000, "TWD"), ("-18.7", -18.7, "percent")]
    assert claims[-1].kind == "change"


def test_a_rate_column_given_no_unit_is_in_percent_beside_columns_that_name_theirs():
    claims = claims_of("各基金 113 年底之規模及 113 年度收益情形如下表：\n基金別   規模(億元)   收益數(億元)   收益率\n新制勞工退休基金   48,652.37   4,618.25   10.31%")
    assert [(c.text, c.base_value, c.base_unit) for c in claims] == [
        ("48,652.37", 4_865_237_000_000, "TWD"), ("4,618.25", 461_825_000_000, "TWD"), ("10.31%", 10.31, "percent")]


def test_a_table_one_cell_a_line_in_a_unit_written_with_a_space():
    claims = claims_of("各港 113 年裝卸量如下表：\n單位：萬 TEU\n港口\n113 年\n112 年\n增減率\n基隆港\n141.3\n145.8\n-3.1%\n臺北港\n162.7\n151.2\n7.6%")
    assert [(c.text, c.base_value, c.base_unit) for c in claims][:2] == [("141.3", 1_413_000, "TEU"), ("145.8", 1_458_000, "TEU")]


def test_a_table_one_cell_a_line_whose_rows_are_periods():
    claims = claims_of("表 1 長照服務使用人數（單位：人）\n年度\n居家服務\n日間照顧\n合計\n111 年\n268,415\n19,736\n289,633\n"
                       "112 年\n301,562\n22,418\n325,543\n114 年 1-8 月\n318,226\n24,305\n344,119")
    read = [(c.text, c.base_unit, c.period_start, c.period_end, c.subject) for c in claims]
    assert read[:3] == [("268,415", "人", date(2022, 1, 1), date(2022, 12, 31), "居家服務"),
                        ("19,736", "人", date(2022, 1, 1), date(2022, 12, 31), "日間照顧"),
                        ("289,633", "人", date(2022, 1, 1), date(2022, 12, 31), "合計")]
    assert read[-1] == ("344,119", "人", date(2025, 1, 1), date(2025, 8, 31), "合計")
    assert len(claims) == 9


def test_a_tab_table_of_indicators_and_of_programmes_budgets_for_a_year_to_come():
    text = ("關鍵策略目標\t關鍵績效指標\t衡量標準\t115 年度目標值\n"
            "推動淨零轉型\t碳費申報完成率\t完成申報家數÷應申報家數×100%\t98%\n"
            "\t核定自主減量計畫案數\t當年度核定案數\t60 案\n"  # a merged first cell: its tab lost with the line's indent
            "參、年度重要計畫\n計畫名稱\t實施期間\t115 年度預算（千元）\t計畫概要\n"
            "焚化廠升級整備計畫\t112 年至 118 年\t3,264,800\t補助地方完成焚化廠升級整備 15 座，計畫總經費 301.5 億元。")
    node = Node(path="貳", level=1, depth=1, marker="貳、", title="t", text=text, line_start=1, line_end=1, line_anchors=[(0, 1)])
    claims = extract_claims([node])
    read = {c.text: (c.base_value, c.base_unit, c.kind, c.period_start, c.subject) for c in claims}
    assert read["98%"] == (98, "percent", "target", date(2026, 1, 1), "碳費申報完成率 目標值")
    assert read["60 案"] == (60, "案", "target", date(2026, 1, 1), "核定自主減量計畫案數 目標值")
    assert read["3,264,800"][:2] == (3_264_800_000, "TWD") and read["3,264,800"][3] == date(2026, 1, 1)
    assert "301.5 億元" in read and "100%" not in read  # the programme's own words still read; a formula's ×100% is none
    assert not any(c.text.startswith("112 年") for c in claims)  # a row's span is no column


def test_a_performance_reports_table_of_targets_results_and_achievement():
    text = ("關鍵績效指標\t年度目標值\t實際值\t達成度(%)\n公立就業服務機構推介就業人數\t52 萬人\t54.3 萬人\t100\n"
            "青年就業旗艦計畫協助就業人數\t3 萬人\t2.87 萬人\t95.67")
    node = Node(path="參/一", level=2, depth=2, marker="一、", title="t", text=text, line_start=1, line_end=1, line_anchors=[(0, 1)])
    read = [(c.text, c.base_value, c.base_unit, c.kind, c.subject) for c in extract_claims([node])]
    assert read[:3] == [("52 萬人", 520_000, "人", "target", "公立就業服務機構推介就業人數 年度目標值"),
                        ("54.3 萬人", 543_000, "人", "actual", "公立就業服務機構推介就業人數 實際值"),
                        ("100", 100, "percent", "actual", "公立就業服務機構推介就業人數 達成度")]
    assert read[-1][:3] == ("95.67", 95.67, "percent")


def test_cells_set_apart_by_spaces_may_count_in_a_scaled_noun():
    claims = claims_of("截至 114 年 9 月底，本市公共運輸運量如表 1。\n表 1 本市公共運輸運量\n項目            113 年 1-8 月     114 年 1-8 月     增減率\n"
                       "捷運綠線        1,402.6 萬人次    1,563.8 萬人次    11.5%\n市區公車        7,845.2 萬人次    8,216.9 萬人次    4.7%")
    read = [(c.text, c.base_value, c.kind, c.period_end, c.subject) for c in claims]
    assert read[:3] == [("1,402.6 萬人次", 14_026_000, "actual", date(2024, 8, 31), "捷運綠線"),
                        ("1,563.8 萬人次", 15_638_000, "actual", date(2025, 8, 31), "捷運綠線"),
                        ("11.5%", 11.5, "change", date(2025, 8, 31), "捷運綠線")]
