"""The outline grammar and the text repair, on the sample and on small made-up reports."""

from __future__ import annotations

import re
from pathlib import Path

from policyledger.evaluate import read_jsonl, score_outline
from policyledger.layout import analyse
from policyledger.markers import parse_marker
from policyledger.model import SourceLine, SourceText
from policyledger.outline import build_outline
from policyledger.read import read_bytes, read_path


def outline_of(text: str):
    return build_outline(analyse(read_bytes(text.encode("utf-8"), "t.txt")))


def test_dev_gold_headings_all_found(sample_nodes, gold_dir: Path):
    score = score_outline(sample_nodes, read_jsonl(gold_dir / "outline.jsonl"))
    assert (score.misses, score.extras) == ([], [])
    assert score.expected == 455


def test_every_body_character_survives(sample_path: Path, sample_nodes):
    source = read_path(sample_path)
    layout = analyse(source)
    removed = set(layout.noise)
    kept = "".join(line.text for line in source.lines if line.number not in removed)
    assert re.sub(r"\s", "", kept) == re.sub(r"\s", "", "".join(node.text for node in sample_nodes))


def test_running_headers_and_page_numbers_removed(sample_path: Path, sample_nodes):
    layout = analyse(read_path(sample_path))
    assert {343, 347, 646, 650, 1486, 1488} <= set(layout.noise)
    node = next(n for n in sample_nodes if n.path == "壹/二/(一)/6")
    # The sentence interrupted by the page break is joined whole.
    assert "帶動無人載具科技應用發展：運用科專開發" in node.text
    assert "工    業" not in node.text and "工業" not in node.text.replace("工業控制", "")


def test_numbers_broken_across_lines_are_joined(sample_nodes):
    node = next(n for n in sample_nodes if n.path == "壹/一/(二)/5")
    assert "78項次" in node.text.replace(" ", "")
    assert "beyond 1 奈米" in next(n for n in sample_nodes if n.path == "壹/一/(一)/2/(1)").text


def test_inline_enumeration_is_not_an_item(sample_nodes):
    assert not any(node.line_start == 1914 for node in sample_nodes)


def test_item_spans_cite_source_lines(sample_nodes):
    node = next(n for n in sample_nodes if n.path == "壹/六/(一)/1/(2)/C")
    assert (node.line_start, node.line_end) == (850, 854)
    assert node.line_at(node.text.index("4,561")) == 852


def test_skipped_level_goes_straight_to_arabic(sample_nodes):
    node = next(n for n in sample_nodes if n.path == "壹/五/1")
    assert node.level == 4 and node.depth == 3


def test_variant_markers_are_canonical(sample_nodes):
    paths = {n.path for n in sample_nodes}
    assert "參" in paths and "參/七/(一)/2" in paths  # 参、 and "2." in the source


def test_marker_families():
    assert parse_marker("（十二） 標題").canonical == "(十二)"
    assert parse_marker("拾貳、礦業").canonical == "拾貳"
    assert parse_marker("1.5 億元") is None
    assert parse_marker("A. 項目").canonical == "A"
    assert parse_marker("１、 全形").canonical == "1"
    assert parse_marker("十、 十").value == 10
    assert (parse_marker("A、 高接梨").canonical, parse_marker("B、芒果").value) == ("A", 2)
    assert parse_marker("A、B 兩類") is None or parse_marker("A、B 兩類").family != "upper"
    assert (parse_marker("乙、 澳門").family, parse_marker("乙、 澳門").value) == ("stem", 2)
    assert parse_marker("甲、乙兩案均通過") is None
    assert (parse_marker("Ａ.青年創業貸款").canonical, parse_marker("ｂ. 細目").value) == ("A", 2)  # full-width letters


def test_document_without_outline_is_one_item():
    nodes = outline_of("這是一段沒有任何編號的文字。\n第二行。\n")
    assert [n.path for n in nodes] == [""]
    assert "第二行" in nodes[0].text


def test_deeper_family_nests_where_it_appears():
    text = "一、 總說 \n1、 甲項 \n(1) 細項 \n2、 乙項 \n二、 再說 \n（一） 子項 \n"
    paths = [n.path for n in outline_of(text)]
    assert paths == ["一", "一/1", "一/1/(1)", "一/2", "二", "二/(一)"]


def test_heading_broken_over_two_lines_is_one_heading():
    text = "壹、 標題 \n一、 推動無人載具科技發展，帶動無人載具科\n技應用發展：運用科專開發。 \n"
    node = outline_of(text)[-1]
    assert node.title == "推動無人載具科技發展，帶動無人載具科技應用發展"


def test_hard_break_sources_need_no_heuristics():
    lines = [SourceLine(1, "壹、總則"), SourceLine(2, "一、目的"), SourceLine(3, "本文（1）甲（2）乙")]
    nodes = build_outline(analyse(SourceText("d.docx", "docx", lines, hard_breaks=True)))
    assert [n.path for n in nodes] == ["壹", "壹/一"]


def test_trailing_space_inside_an_open_quotation_does_not_end_the_paragraph():
    # Some extractions leave a space on every wrapped line of a passage; the sample does so at 玖/四/(一).
    filler = "本部持續推動各項產業發展措施並協助企業轉型升級與拓展國際市場"  # a full-width wrapped line
    text = (
        "壹、 智慧財產 \n"
        "一、 協助企業 \n"
        "（一） 109 年 10 月完成製作「懂這些技術創業更輕鬆－IP 創業導航 \n"
        f"手冊」並於新創園區發送，{filler} \n"
        f"{filler}，{filler} \n"
        "品上市所遇到的問題。 \n"
        "（二） 辦理研討會 3 場次。 \n"
    )
    nodes = outline_of(text)
    assert [n.path for n in nodes][-2:] == ["壹/一/(一)", "壹/一/(二)"]
    item = nodes[-2]
    assert item.title == "109 年 10 月完成製作「懂這些技術創業更輕鬆－IP 創業導航手冊」並於新創園區發送"
    assert "\n" not in item.text and item.text.endswith("品上市所遇到的問題。")


def test_a_short_heading_with_a_trailing_space_still_ends():
    text = "壹、 工業 \n一、 推動 \n本部辦理說明會 3 場。 \n"
    assert [n.title for n in outline_of(text) if n.path] == ["工業", "推動"]


def test_a_full_line_with_a_trailing_space_before_a_number_runs_on():
    # PDFium leaves a space where a line wraps before a figure ('…保護基金規模達 ' + '4.82 億元'), and after
    # a sentence's end: the first runs on, though it is its paragraph's first line; a short heading still ends.
    filler = "本會持續推動公平交易法之執行並強化事業之法令遵循與市場監督，"
    text = (
        "壹、 多層次傳銷 \r\n一、 保護機構 \r\n"
        "（一） 保護機構：截至 114 年 1 月底，多層次傳銷保護機構之保護基金規模達 \r\n"
        "4.82 億元；113 年 9 月至 114 年 1 月受理調處申請 126 件。 \r\n"
        f"（二） 宣導：{filler}{filler[:12]} \r\n{filler}辦理說明會 12 場。 \r\n"
        "二、 案件統計 \r\n113 年 9 月至 114 年 2 月受理檢舉案 812 件。 \r\n"
    )
    nodes = outline_of(text)
    first = next(n for n in nodes if n.path == "壹/一/(一)")
    assert "\n" not in first.text and "規模達 4.82 億元" in first.text
    assert next(n for n in nodes if n.path == "壹/二").title == "案件統計"


def test_a_footer_page_number_of_a_total_and_the_next_pages_header_are_removed():
    # pdftotext of reports paged '第 N 頁，共 M 頁' at the foot and the report's name at the head:
    # the item after the break still starts, and neither line enters an item's text.
    page = "勞動部業務報告\n"
    text = (
        "勞動部業務報告\n\n壹、穩定就業\n\n一、安心就業計畫\n\n"
        "1. 補助內容：每人每月發給就業獎勵 1 萬元，最長 6 個月；雇主則按僱用人\n"
        "數每人每月發給僱用獎助 1 萬 3,000 元。\n\n"
        f"第 1 頁，共 3 頁\n{page}"
        "2. 執行成果：截至 110 年 2 月底，已核發就業獎勵 1 萬 7,254 人、僱用\n"
        "獎助 3,126 家，合計 4.28 億元，受惠勞工遍及全國各縣市，其中以製造\n"
        "業最多。\n\n"
        "二、臨時工作津貼\n\n(一) 針對因疫情失業或減班之勞工，提供臨時性工作機會，津\n"
        "貼按基本工資時薪計給，每月最高 80 小時，109 年計協助 2 萬\n"
        f"Page 2 of 3\n{page}"
        "8,417 人。\n\n"
        f"- 3 -\n{page}"
        "(二) 核發津貼 9.86 億元。\n"
    )
    nodes = outline_of(text)
    assert [n.path for n in nodes if n.path] == ["壹", "壹/一", "壹/一/1", "壹/一/2", "壹/二", "壹/二/(一)", "壹/二/(二)"]
    assert not any("頁" in n.text or "Page" in n.text or n.text.count("業務報告") for n in nodes if n.path)
    assert "2 萬8,417 人" in nodes[-2].text


def test_stems_and_letters_with_a_comma_nest_under_the_items_they_follow():
    text = (
        "壹、 農業 \n一、 外銷 \n(1) 已輸出市場 \n甲、 新加坡：冷凍豬肉 1.5 公噸。 \n乙、 澳門：生鮮豬肉 42 公噸。 \n"
        "(2) 果品保險 \nA、 高接梨：理賠 1,047 件。 \nB、 芒果：理賠 2,388 件。 \n"
    )
    paths = [n.path for n in outline_of(text) if n.path]
    assert paths == ["壹", "壹/一", "壹/一/(1)", "壹/一/(1)/甲", "壹/一/(1)/乙", "壹/一/(2)", "壹/一/(2)/A", "壹/一/(2)/B"]


def test_a_table_row_ending_in_a_percent_ends_its_line():
    # pdftotext keeps a trailing space after each row; after '%' it ends the row as after a CJK character,
    # so the heading after the table starts its item.
    text = (
        "壹、 農業 \n一、 出口 \n109 年重點品項出口值如下（單位：百萬美元）： \n品項 108 年 109 年 成長率 \n"
        "稻米 12.3 15.6 26.8% \n鳳梨 55.1 61.4 11.4% \n二、 拓展市場 \n"
    )
    nodes = outline_of(text)
    assert [n.path for n in nodes if n.path] == ["壹", "壹/一", "壹/二"]
    assert "稻米 12.3 15.6 26.8%\n鳳梨" in nodes[-2].text


def test_a_flush_left_page_number_beside_a_running_header_is_furniture():
    # PDFium's text layer: no blank lines, the footer's number flush left, the next page's header after it.
    text = (
        "內政部業務報告\n壹、 戶政\n一、 簡化出生登記\n(1) 推動「出生登記線上預約」，109 年全年受理案件計 3 萬\n1\n內政部業務報告\n"
        "2,418 件，約占出生登記總件數 19.6%。\n(2) 辦理時間由 3 天縮短為 1 天。\n2\n內政部業務報告\n二、 戶籍謄本\n"
    )
    nodes = outline_of(text)
    item = next(n for n in nodes if n.path == "壹/一/(1)")
    assert item.title == "推動「出生登記線上預約」" and "3 萬2,418 件" in item.text and "業務報告" not in item.text


def test_a_heading_line_ending_in_a_number_cut_short_goes_on():
    # pdftotext lines without blank lines: '1,2' + '68 篇' is one number, so the heading runs on
    body = "本部持續推動前瞻研究計畫，鼓勵國內學研機構投入半導體與人工智慧等關鍵技術研發，\n" * 6
    text = f"壹、研發\n{body}一、成果\n{body}1. 研發產出\n(1) 學術論文\nA. 累計發表期刊及會議論文 1,2\n68 篇，其中國際頂尖會議論文 96 篇，占 7.6%。\n{body}"
    assert outline_of(text)[-1].title == "累計發表期刊及會議論文 1,268 篇"


def test_a_latin_word_at_a_line_end_is_apart_from_the_figure_that_starts_the_next():
    body = "本會持續督導金融機構提供友善服務，協助身心障礙者及高齡者便利使用金融服務。\n" * 6
    text = f"壹、金融友善\n{body}一、 金融友善服務：截至 110 年 6 月底，全國設置無障礙 ATM\n5,864 台，占全體 ATM 3 萬 1,527 台之 18.6％。\n{body}"
    node = next(n for n in outline_of(text) if n.path == "壹/一")
    assert "無障礙 ATM 5,864 台" in node.text


def test_pdftotext_layout_with_blank_lines_only_between_sections():
    # a few blank lines between sections say nothing of paragraphs; a marker set out to the left of the
    # line before begins an item even after a comma (國發會's 112 年 10 月 report, pdftotext -layout)
    body = "            本會持續推動人口政策，協助各部會掌握人口結構變化並研提因應對策。\n" * 8
    text = (
        "    壹、人口推估\n\n"
        "      一、 人口結構\n"
        "        （一） 人口推估結果：依本會 111 年 8 月發布之「中華民國人口推估\n"
        "               （2022 年至 2070 年）」，\n"
        "            1. 高齡化：推估 2025 年老年人口占比超過 20%，我國將邁入超高\n"
        "               齡社會；推估 2070 年老年人口占比達 43.6%。\n"
        "            2. 總人口：推估 2070 年總人口介於 1,377 萬人至 1,651 萬人之\n"
        "               間，中推估為 1,502 萬人。\n"
        f"{body}\n"
        "    貳、國土規劃\n"
        f"{body}"
    )
    paths = [n.path for n in outline_of(text)]
    assert [path for path in paths if path] == ["壹", "壹/一", "壹/一/(一)", "壹/一/(一)/1", "壹/一/(一)/2", "貳"]


def test_a_short_note_with_one_blank_line_after_its_title_has_its_items():
    # one blank line, after the title, is no convention of blank lines between paragraphs
    text = "海洋委員會業務報告\n\n壹、人事\n一、加給：危險職務加給每人每月 8,000 元。\n二、待遇：海巡人員每人每月 9,000 元。\n"
    assert [n.path for n in outline_of(text)] == ["", "壹", "壹/一", "壹/二"]


def test_a_short_line_ending_in_a_number_goes_on_to_its_unit():
    body = "　　本會持續推動客家文化保存與推廣，並結合地方政府及民間團體擴大參與各項活動。\n" * 6
    text = f"壹、文化\n{body}　　一、 文化館\n　　　1、 112 年參觀 82 萬 4,615 人次，較 111 年增加 21.3%，其\n　　　　中團體參觀 4,328 \n　　　　團。\n{body}"
    node = next(n for n in outline_of(text) if n.path == "壹/一/1")
    assert node.title == "112 年參觀 82 萬 4,615 人次"


def test_a_table_row_ending_in_a_number_stays_apart_from_a_paragraph_opening_with_one():
    body = "本部持續督導地方政府提升清運及處理效率，推動源頭減量與妥善處理一般廢棄物。\n" * 6
    text = f"壹、廢棄物\n{body}一、 概況：近年回收量如下：\n項目 111年 112年\n廚餘回收量(萬公噸) 52.3 50.8 24.9\n113 年上半年平均每人每日清運量為 0.372 公斤。\n{body}"
    node = next(n for n in outline_of(text) if n.path == "壹/一")
    assert "24.9\n113 年上半年" in node.text


def test_pdfium_spaces_where_words_wrap_are_no_paragraph_convention_and_footnotes_are_furniture():
    # PDFium leaves a space where a line wraps between words ('較 ' + '112 年'), never after '。':
    # those spaces say nothing of paragraphs; '註 1：…' at a page's foot belongs to no item
    body = "本部持續推動就業服務，結合地方政府及民間團體辦理徵才活動，協助求職者就業。\r\n" * 5
    text = (
        "勞動部業務報告\r\n壹、就業服務\r\n一、 就業市場概況\r\n"
        "（一） 勞動力情勢：113 年上半年平均失業率 3.36%註1，較 \r\n112 年同期下降 0.09 個百分點；勞動力參與率 59.31%，較 \r\n"
        "111 年提升。直聘中心受理申請 1 萬 8,\r\n註 1：統計資料來源為勞動部勞動統計查詢網。\r\n1\r\n勞動部業務報告\r\n734 件。\r\n"
        f"{body}（二） 就業者：113 年 8 月就業者 1,168 萬 2 千人。\r\n{body}"
        "貳、職業訓練\r\n一、 訓練成果\r\n（一） 失業者職前訓練：參訓 2 萬 1,560 人。\r\n註 2：含委託訓練。\r\n2\r\n"
    )
    nodes = outline_of(text)
    assert [n.path for n in nodes if n.path] == ["壹", "壹/一", "壹/一/(一)", "壹/一/(二)", "貳", "貳/一", "貳/一/(一)"]
    first = next(n for n in nodes if n.path == "壹/一/(一)")
    assert "1 萬 8,734 件" in first.text and "註 1" not in first.text
    assert "註 2" not in next(n for n in nodes if n.path == "貳/一/(一)").text


def test_words_one_character_brackets_are_markers_of_their_families():
    body = "本部持續推動就業服務，結合地方政府及民間團體辦理徵才活動，協助求職者就業。\n" * 3
    text = f"壹、就業服務\n一、 就業市場\n㈠ 勞動力情勢：\n{body}⑴ 失業率：113 年上半年 3.36%。\n⑵ 參與率：59.31%。\n㈡ 就業者：\n{body}"
    assert [n.path for n in outline_of(text) if n.path] == ["壹", "壹/一", "壹/一/(一)", "壹/一/(一)/(1)", "壹/一/(一)/(2)", "壹/一/(二)"]


def test_a_conjunction_opening_a_list_is_no_part_of_its_first_name():
    from policyledger.passages import names_of

    assert names_of("以及 AI、IoT、5G")[:2] == ["AI", "IoT"]


def test_a_short_line_before_a_url_too_long_for_its_end_goes_on():
    body = "               本部持續推動坡地保育與土石流防災工作，並結合地方政\n" * 6
    text = (f"壹、 水土保持\n{body}        一、 土石流防災\n"
            "            1. 全國公告土石流潛勢溪流 1,736 條，累計培訓土石流防災專員\n"
            "               3,148 人；民眾可至土石流防災資訊網\n"
            "               (https://246.ardswc.gov.tw)查詢即時警戒資訊，或撥打專線通報。\n"
            f"{body}")
    node = next(n for n in outline_of(text) if n.path == "壹/一/1")
    assert node.title == "全國公告土石流潛勢溪流 1,736 條"


def test_a_soft_break_inside_a_clause_of_a_word_export_goes_on():
    # one paragraph a line, long lines: a line stopping on a word whose next line finishes the clause is cut mid-sentence
    body = "本部持續推動戶政便民服務，結合地方政府及民間團體辦理各項業務，提升服務品質與行政效率，並檢討相關法規以利民眾申辦。\n" * 4
    text = (f"壹、人口\n一、 人口概況\n{body}（一） 人口結構：截至 114 年 8 月底，老年人口 463 萬 2,050 人，占總人口\n"
            f"19.83%，較 113 年底增加 0.62 個百分點。\n（二） 戶籍統計\n項目 113年 114年\n戶數(萬戶) 926.1 935.3\n{body}")
    nodes = outline_of(text)
    structure = next(n for n in nodes if n.path == "壹/一/(一)")
    assert "占總人口19.83%" in structure.text
    assert "項目 113年 114年\n戶數" in next(n for n in nodes if n.path == "壹/一/(二)").text  # a table's rows stay lines


def test_an_item_whose_first_line_ends_a_sentence_is_titled_by_its_first_clause():
    text = ("外交部業務報告\n壹、領事事務\n一、 護照業務\n1、 核發普通護照 68 萬 4,213 本，較 112 年同期減少 6.8%；\n"
            "其中首次申請 19 萬 5,120 本，占 28.5%。\n2、 護照一般件處理時間為 4 個工作天。\n")
    assert next(n for n in outline_of(text) if n.path == "壹/一/1").title == "核發普通護照 68 萬 4,213 本"


def test_pdftotext_layout_whose_blanks_part_sections_but_not_items():
    # blank lines before a fifth of the lines, all between sections: the items under each come line after
    # line, each set in further than the heading above it (國科會, pdftotext -layout)
    section = (
        "    一、 專題研究計畫補助\n"
        "      （一） 一般專題研究計畫：114 年 1 至 8 月共受理申請 1 萬 8,436 件，經審查核定\n"
        "             7,952 件，核定率 43.1%。\n"
        "      （二） 多年期計畫：計畫執行期間以 3~5 年為原則。\n"
        "\n"
    )
    text = "  壹、厚植學術研究能量\n\n" + section + section.replace("一、 專題", "二、 前瞻")
    titles = [(node.path, node.title) for node in outline_of(text) if node.path]
    assert titles == [
        ("壹", "厚植學術研究能量"), ("壹/一", "專題研究計畫補助"), ("壹/一/(一)", "一般專題研究計畫"), ("壹/一/(二)", "多年期計畫"),
        ("壹/二", "前瞻研究計畫補助"), ("壹/二/(一)", "一般專題研究計畫"), ("壹/二/(二)", "多年期計畫"),
    ]


def test_a_long_running_header_after_page_number_after_page_number_is_furniture():
    # pdftotext -layout: a centred page number, a form feed, then the report's long running title on every page
    page = "    一、 園區營運：各園區營運情形良好，廠商持續擴大投資並增聘人才。\n" * 3
    header = "                             國家科學及技術委員會業務報告（立法院第 11 屆第 4 會期）\n"
    text = "  壹、 園區\n" + "".join(f"{page}\n                                          {n}\n\f{header}\n" for n in range(1, 5)) + page
    layout = analyse(read_bytes(text.encode("utf-8"), "t.txt"))
    assert not any("委員會業務報告" in line.text for line in layout.lines)


def test_a_flattened_tables_last_row_ends_before_the_next_item():
    # PDFium text with a space left at every line's end: a row ends with numbers, the next item is an item
    body = "本會持續推動寬頻建設，提升偏鄉網路品質並保障民眾通訊權益，辦理情形如下。 \n" * 6
    text = (f"壹、 寬頻 \n{body}（一） 用戶數：各技術別用戶數如表 1： \n表 1 固定寬頻用戶數 單位：萬戶 \n"
            "技術別 113 年 8 月底 114 年 1 月底 \n光纖 431.5 447.9 \n合計 603.4 614.2 \n（二） 寬頻速率：5G 平均下載速率為 \n486.3Mbps。 \n")
    assert [node.path for node in outline_of(text) if node.path] == ["壹", "壹/(一)", "壹/(二)"]


def test_a_footer_of_the_reports_title_and_its_page_is_furniture():
    # plain pdftotext: '海巡署業務報告 第 N 頁' at each page's foot, the next page's first line an item
    page = "本署持續強化海域執法，維護海洋秩序與國人生命財產安全，成果如下。\n" * 3
    text = "壹、 海域執法\n" + "".join(f"{page}\n海巡署業務報告 第 {n} 頁\n\f（{'一二三'[n - 1]}） 巡護：完成巡護任務。\n" for n in (1, 2, 3))
    layout = analyse(read_bytes(text.encode("utf-8"), "t.txt"))
    assert not any("業務報告" in line.text for line in layout.lines)
    assert [node.path for node in outline_of(text) if node.path] == ["壹", "壹/(一)", "壹/(二)", "壹/(三)"]


# pdftotext -layout: a table printed one cell a line runs over a page break; its signed cells ('-205', '+186')
# are no page numbers, nor are the cells beside the footer a running header; a sentence cut by the break runs on.
_LAYOUT_PAGES = (
    "   （一） 員額配置：各類員額增減情形如表 1：\n\n"
    "      表 1　預算員額配置\n      單位：人\n      類別\n      113 年底\n      114 年 8 月底\n      增減\n"
    "      職員\n      103,047\n      102,842\n      -205\n"
    "      警察\n      31,054\n      31,240\n      +186\n"
    "      工友\n      8,178\n\n                                  - 1 -\n"
    "\f                        人事總處業務報告\n\n      7,806\n      -372\n"
    "      合計\n      142,279\n      141,888\n      -391\n\n"
    "   （二） 錄取情形：114 年高普考到考 6 萬\n\n                                  - 2 -\n"
    "\f                        人事總處業務報告\n\n"
    "     7,078 人，錄取 6,842 人。\n\n                                  - 3 -\n"
    "\f                        人事總處業務報告\n\n   （三） 其他：無。\n\n                                  - 4 -\n"
)


def test_signed_cells_and_cells_beside_a_footer_are_no_page_furniture():
    layout = analyse(read_bytes(_LAYOUT_PAGES.encode("utf-8"), "t.txt"))
    kept = [line.text for line in layout.lines]
    assert [text for text in kept if text in ("-205", "+186", "8,178", "7,806", "-372", "-391")] == ["-205", "+186", "8,178", "7,806", "-372", "-391"]
    assert not any(text in ("- 1 -", "- 2 -", "人事總處業務報告") for text in kept)


def test_a_sentence_cut_by_a_page_break_runs_on_over_the_blanks_around_the_footer():
    node = next(n for n in outline_of(_LAYOUT_PAGES) if n.path == "(二)")
    assert "到考 6 萬7,078 人，錄取 6,842 人。" in node.text


def test_a_page_number_inside_a_table_is_the_one_its_pages_count_to():
    # the sample's layout: a blank after every line; page 9's number falls between a row's cells
    lines = ["一、 預算執行：如表 2。", " 8 ", "表 2　114 年度預算執行情形（截至 8 月底）", "單位：新臺幣千元", "項目", "預算數", "執行數",
             "執行率(%)", "經常門", "1,986,420", "1,298,530", "65.4", "資本門", "547,766", " 9 ", "218,920", "40.0",
             "合計", "2,534,186", "1,517,450", "59.8", "二、 其他", "無。", " 10 "]
    layout = analyse(read_bytes("\n\n".join(lines).encode("utf-8"), "t.txt"))
    kept = [line.text for line in layout.lines]
    assert "9" not in kept and "8" not in kept and "10" not in kept
    assert [text for text in kept if text in ("547,766", "218,920")] == ["547,766", "218,920"]


def test_page_of_pages_footers_in_plain_text_are_furniture_even_inside_a_table():
    # plain pdftotext: '4/9' alone ends a page, '\f農業部業務報告' opens the next; neither joins a title or a table
    text = ("農業部業務報告\n壹、 外銷\n一、 主要市場：113 年主要出口市場如表 2。\n表 2 113 年農產品主要出口市場\n單位：億美元；%\n"
            "市場\n出口值\n占比\n美國\n11.34\n19.7\n4/9\n\f農業部業務報告\n中國大陸\n9.58\n16.7\n日本\n9.12\n15.9\n"
            "貳、 農地\n一、 截至 113 年底，全國農業用地 79.8 萬公頃；依農業發展條例第 18 條\n5/9\n\f農業部業務報告\n辦理農舍興建。\n6/9\n")
    layout = analyse(read_bytes(text.encode("utf-8"), "t.txt"))
    kept = [line.text for line in layout.lines]
    assert not any(text in ("4/9", "5/9", "6/9") for text in kept)
    node = next(n for n in outline_of(text) if n.path == "貳/一")
    assert "第 18 條辦理農舍興建" in node.text


def test_bare_flush_left_numbers_that_count_pages_are_furniture():
    # an OCR'd PDF: each page ends with its number alone, no header; one falls mid-sentence before '4.3%'
    page_one = ["壹、 賦稅", "一、 稽徵", *["本項持續辦理，成效良好。"] * 10, "1、 113 年全國徵起欠稅 598.7 億元，較 112 年減少 "]
    text = "\n".join([*page_one, "1", "4.3%；對欠稅達 100 萬元之個人限制出境。", *["本項持續辦理。"] * 13, "2", *["本項持續辦理。"] * 14, "3", "貳、 結語"])
    kept = [line.text for line in analyse(read_bytes(text.encode("utf-8"), "t.txt")).lines]
    assert not any(text in ("1", "2", "3") for text in kept)
    node = next(n for n in outline_of(text) if n.path == "壹/一/1")
    assert node.title == "113 年全國徵起欠稅 598.7 億元"


def test_a_space_before_a_number_where_a_line_wraps_mid_clause_is_kept_and_runs_on():
    # trailing spaces mark the wraps before numbers ('…處罰鍰 ' + '2 億 6,115 萬元。'), and a sentence's end
    text = ("壹、 菸酒管理 \n一、 查緝私劣菸酒 \n（一） 114 年 1~6 月查獲私劣菸酒 1,364 件，其中私菸 \n1,028 萬包、私劣酒 41.7 萬公升，處罰鍰 \n"
            "2 億 6,115 萬元。 \n（二） 類菸品管理：查獲加熱菸 82 件。 \n二、 其他 \n本年持續辦理。 \n")
    node = next(n for n in outline_of(text) if n.path == "壹/一/(一)")
    assert node.title == "114 年 1~6 月查獲私劣菸酒 1,364 件"
    assert "處罰鍰 2 億 6,115 萬元。" in node.text


def test_one_dot_under_one_comma_nests_and_a_level_written_both_ways_stays_one_level():
    text = ("壹、 居留\n一、 人數\n（一） 居留總數：計 101 萬人。\n1、 依事由區分：\n1. 移工：76 萬人。\n（1） 產業移工：53 萬人。\n"
            "2. 外籍配偶：6 萬人。\n2、 依國籍區分：越南最多。\n（二） 永久居留：2 萬人。\n1、 核准：2,174 件。\n2. 專業人才：893 件。\n")
    paths = [node.path for node in outline_of(text) if node.path]
    assert "壹/一/(一)/1/1/(1)" in paths and "壹/一/(一)/1/2" in paths and "壹/一/(一)/2" in paths
    assert "壹/一/(二)/2" in paths  # '1、' then '2.': the same level, typed two ways


def test_a_short_heading_leading_into_a_list_has_no_colon_and_a_dashed_page_footer_is_furniture():
    lines = ["壹、 預算", "一、 執行", "1、 依工作計畫別執行數如下：", "（1） 一般行政：執行 3 億元。",
             "2、 經輔導之事業單位，本年上半年職災件數較輔導前同期下降", "- 第 4 頁 -", "23.5%，平均每家投入改善經費約 38 萬元。"]
    nodes = {node.path: node for node in outline_of("\n".join(lines) + "\n")}
    assert nodes["壹/一/1"].title == "依工作計畫別執行數如下"
    assert "第 4 頁" not in nodes["壹/一/2"].text and "下降23.5%" in nodes["壹/一/2"].text.replace("\n", "")


def test_markdown_headings_bold_lines_and_page_rules_read_as_the_report():
    """A PDF-to-Markdown converter's text: '## 一、' headings, '**（三） …**' lines, '-----' where a page ended."""
    text = ("# 壹、健保財務\n\n## 一、 保險收入\n\n（一） 保險收入概況：113 年保險收入計 8,262 億元。\n\n"
            "**（二） 補充保險費**\n\n1、 收入結構：補充保險費費率為 2.11%，以股利所得 312 億元最高，\n\n-----\n\n"
            "占 40.6%。\n\n## 二、 保險成本\n\n本年保險成本 9,012 億元。\n")
    nodes = outline_of(text)
    assert [(n.path, n.title) for n in nodes if n.path] == [
        ("壹", "健保財務"), ("壹/一", "保險收入"), ("壹/一/(一)", "保險收入概況"), ("壹/一/(二)", "補充保險費"),
        ("壹/一/(二)/1", "收入結構"), ("壹/二", "保險成本"),
    ]
    assert "312 億元最高，占 40.6%" in next(n for n in nodes if n.path == "壹/一/(二)/1").text  # the page's rule is no text
    assert not any("#" in n.text or "*" in n.text for n in nodes)


def test_grid_and_pipe_tables_read_as_rows_set_in_columns():
    grid = ("一、 生產：各漁業別生產如表 1。\n\n表 1：114 年上半年各漁業別生產統計\n\n+--------+-----------+\n| 漁業別 | 產量(公噸) |\n"
            "+========+===========+\n| 遠洋   | 212,460   |\n+--------+-----------+\n| 近海   | 58,730    |\n+--------+-----------+\n")
    pipe = "一、 收支：\n\n單位：億元\n\n| 項目 | 113 年 | 114 年 |\n|---|---:|---:|\n| 保險收入 | 8,262 | 8,693 |\n"
    for text in (grid, pipe):
        layout = analyse(read_bytes(text.encode("utf-8"), "t.txt"))
        assert not any(set(line.text) & set("|+=") or set(line.text) == {"-"} for line in layout.lines)
    grid_row = next(line for line in analyse(read_bytes(grid.encode("utf-8"), "t.txt")).lines if "212,460" in line.text)
    assert grid_row.number == 8 and grid_row.text.split() == ["遠洋", "212,460"]  # cited on its own line, its bars blanked


def test_a_marker_on_a_line_of_its_own_heads_the_title_on_the_next():
    text = ("壹、\n航空運量\n一、\n整體運量概況\n（一）\n旅客運量穩定成長\n"
            "114 年上半年我國各機場國際及兩岸航線旅客計 2,386 萬人次，較 113 \n年同期增加 11.6%，已恢復至 108 年同期之 98.3%；國內航線旅客計 \n"
            "536 萬 4,812 人次，較去年同期減少 2.1%。\n(1)\n機電及系統工程\nA.\n機電工程：截至 114 年 8 月底累計進度 61.4%，已完成變電站 3 座，\n"
            "安裝空調冰水主機 8 臺。\nB.\n行李處理系統：設計處理能量每小時 7,200 件。\n")
    assert [(n.path, n.line_start, n.title) for n in outline_of(text) if n.path] == [
        ("壹", 1, "航空運量"), ("壹/一", 3, "整體運量概況"), ("壹/一/(一)", 5, "旅客運量穩定成長"),
        ("壹/一/(一)/(1)", 10, "機電及系統工程"), ("壹/一/(一)/(1)/A", 12, "機電工程"), ("壹/一/(一)/(1)/B", 15, "行李處理系統"),
    ]


def test_a_text_browsers_list_of_link_addresses_is_no_content():
    text = ("   交通部鐵道局業務報告\n\n   壹、鐵路建設\n\n     一、高鐵延伸：[4]計畫進度 12.5%。\n\n   [23]回上一頁\n\n"
            "References\n\n   1. https://www.rb.gov.tw/#C\n   2. https://www.rb.gov.tw/Default.aspx\n  17. javascript:window.print()\n")
    nodes = outline_of(text)
    assert [n.path for n in nodes if n.path] == ["壹", "壹/一"]
    assert not any("http" in n.text or "References" in n.text for n in nodes)


def test_ocr_text_with_a_space_between_every_two_characters_reads_as_typed():
    text = ("內 政 部 國 土 管 理 署 業 務 報 告\n壹 、 國 土 計 畫\n一 、 國 土 功 能 分 區\n（ 一 ） 全 國 國 土 計 畫 之 檢 討\n"
            "全 國 應 維 護 農 地 總 量 以 74 至 81 萬 公 頃 為 原 則 ， 修 正 草 案 擬 將 農 地 面 積 調 整 為 合 計 76.2 萬 公 頃 。\n"
            "本 署 已 於 114 年 3 月 召 開 第 5 次 審 議 會 ， 檢 討 內 容 包 括 城 鄉 發 展 總 量 、 農 地 總 量 等 議 題 。\n")
    nodes = outline_of(text)
    assert [(n.path, n.title) for n in nodes if n.path] == [("壹", "國土計畫"), ("壹/一", "國土功能分區"), ("壹/一/(一)", "全國國土計畫之檢討")]
    item = nodes[-1].text
    assert "以 74 至 81 萬公頃為原則，" in item and "於 114 年 3 月召開第 5 次" in item  # spaces beside numbers stay
    typed = outline_of("壹、 國土計畫\n一、 農地：全國應維護農地總量以 74 至 81 萬公頃為原則 。\n")
    assert "為原則 。" in typed[-1].text  # a typed report keeps its own spaces


def test_a_briefing_decks_bullets_contents_and_continued_slides():
    deck = ("第 1 頁\n交通部公路局業務報告\n第 2 頁\n報告大綱\n■ 壹、公路養護與橋梁\n■ 貳、生活圈道路\n■ 參、公路公共運輸\n交通部公路局\n"
            "第 3 頁\n壹、公路養護與橋梁\n■ 一、省道路網概況\n◆ （一）轄管路網：截至 113 年底轄管省道 101 條\n◆ （二）養護單位：設 5 個養護工程分局\n"
            "交通部公路局\n第 4 頁\n一、省道路網概況（續）\n◆ （三）重要路廊：合計 423.6 公里\n交通部公路局\n"
            "第 5 頁\n貳、生活圈道路\n■ 一、核定計畫：核定 86 件\n交通部公路局\n第 6 頁\n參、公路公共運輸\n■ 一、客運路線：計 1,012 條\n交通部公路局\n")
    paths = [node.path for node in outline_of(deck) if node.path]
    assert paths == ["壹", "壹/一", "壹/一/(一)", "壹/一/(二)", "壹/一/(三)", "貳", "貳/一", "參", "參/一"]


def test_a_bilingual_reports_heading_is_titled_in_chinese():
    report = ("壹、水土保持 Soil and Water Conservation\n一、山坡地保育治理 Slopeland Conservation\n（一）治理：114 年完成治理 1,234 公頃。\n"
              "貳、預算 Budget\n一、114 年度預算執行 Execution of the 2025 Budget\n（一）執行率：執行率 95.6%。\n參、運動i台灣 App\n一、下載：下載 12 萬次。\n")
    titles = [node.title for node in outline_of(report) if node.path]
    assert titles == ["水土保持", "山坡地保育治理", "治理", "預算", "114 年度預算執行", "執行率", "運動i台灣 App", "下載"]


def test_a_short_heading_line_with_a_comma_keeps_its_whole_title_in_a_word_export():
    text = ("壹、施政重點\r\n一、\t推動淨零轉型，健全碳定價機制\r\n"
            "我國已於氣候變遷因應法明定 2050 年淨零排放目標，本部將以碳定價為核心，結合部門減量、碳權交易及公正轉型，建構完整之減碳體系並持續推動。\r\n"
            "（一）\t落實碳費徵收制度\r\n碳費為我國碳定價之首要工具，115 年為首次收費年度，碳費收費辦法及相關子法已發布，本部將完成收費系統建置並持續精進查核機制。\r\n")
    assert [(n.path, n.title) for n in outline_of(text) if n.path] == [
        ("壹", "施政重點"), ("壹/一", "推動淨零轉型，健全碳定價機制"), ("壹/一/(一)", "落實碳費徵收制度")]
