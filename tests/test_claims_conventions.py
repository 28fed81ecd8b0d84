"""Reading conventions that the development items do not show (claims-conventions.md, "Further
conventions"), checked on small reports written here rather than on the sample's lines."""

from __future__ import annotations

from datetime import date

from policyledger.layout import analyse
from policyledger.outline import build_outline
from policyledger.quantity.claims import extract_claims
from policyledger.read import read_bytes


def claims_of(body: str, heading: str = "一、 水資源 "):
    text = f"壹、 水利 \n{heading}\n{body} \n"
    return extract_claims(build_outline(analyse(read_bytes(text.encode("utf-8"), "t.txt"))))


def by_text(claims):
    return {claim.text: claim for claim in claims}


def report_claims(text: str):
    """The claims of a whole small report (its own outline), by their text."""
    return by_text(extract_claims(build_outline(analyse(read_bytes(text.encode("utf-8"), "t.txt")))))


def test_daily_water_volume_is_a_flow_in_cubic_metres_per_day():
    claims = by_text(claims_of("水庫完工後可供水每日 4 萬噸，備援水量每日約 9,000 噸。"))
    assert (claims["4 萬噸"].base_value, claims["4 萬噸"].base_unit) == (40_000, "m3/day")
    assert (claims["9,000 噸"].base_value, claims["9,000 噸"].base_unit, claims["9,000 噸"].qualifier) == (9_000, "m3/day", "approx")


def test_water_volume_without_a_rate_stays_cubic_metres():
    claim = claims_of("通霄溪伏流水完工後，可增加常態供水 9.3 萬噸。")[0]
    assert (claim.base_value, claim.base_unit) == (93_000, "m3")


def test_a_heading_about_water_makes_its_tonnes_water():
    claim = claims_of("高雄鳳山廠供應臨海工業區：107 年 8 月完工，目前供應每日 4.5 萬噸。", heading="一、 推動再生水開發 ")[0]
    assert (claim.base_value, claim.base_unit) == (45_000, "m3/day")


def test_dredged_sand_and_gravel_stays_tonnes():
    claims = by_text(claims_of("109 年因進口砂石減少，備增疏濬量，將疏濬目標提升至 6,200 萬公噸，可提供約 4,885 萬公噸之砂石成品。"))
    assert {(c.base_value, c.base_unit) for c in claims.values()} == {(62_000_000, "t"), (48_850_000, "t")}


def test_a_rate_carries_to_the_figure_it_rises_to():
    claims = by_text(claims_of("109 年桃園支援新竹水量由每日 7 萬噸提升至 20 萬噸。"))
    assert [(claims[t].base_value, claims[t].base_unit, claims[t].kind) for t in ("7 萬噸", "20 萬噸")] == [
        (70_000, "m3/day", "actual"),
        (200_000, "m3/day", "actual"),
    ]


def test_intensity_unit_is_one_figure():
    claims = claims_of("109 年能源密集度 4.3 公升油當量/千元，相較 108 年改善 2.5%。")
    intensity = claims[0]
    assert (intensity.text, intensity.value, intensity.unit, intensity.base_unit, intensity.dimension) == (
        "4.3 公升油當量/千元", 4.3, "公升油當量/千元", "公升油當量/千元", "intensity",
    )
    assert [c.text for c in claims] == ["4.3 公升油當量/千元", "2.5%"]


def test_yu_after_a_number_means_more_than():
    claim = claims_of("提供東南亞國家等 90 餘國專利資料。")[0]
    assert (claim.value, claim.unit, claim.qualifier) == (90, "國", "more_than")


def test_yu_or_duo_after_a_chinese_numeral_means_more_than():
    claims = claims_of("113 年論壇與會人士兩百餘人，較 112 年之三百多人減少；累計服務十多萬人次。")
    got = [(c.text, c.base_value, c.unit, c.qualifier) for c in claims]
    assert got == [("兩百餘人", 200, "人", "more_than"), ("三百多人", 300, "人", "more_than"), ("十多萬人次", 100_000, "萬人次", "more_than")]
    assert [c.text for c in claims_of("其中萬多項產品已上架。")] == []  # a scale alone, the tail of '2 萬多項', counts nothing


def test_from_x_to_y_gives_two_actual_figures_at_the_ends_of_the_span():
    claims = by_text(claims_of("107 至 109 年裸露地面積由 1,162 公頃降為 190 公頃、綠覆蓋面積由 17 公頃增加為 161 公頃。"))
    got = {text: (c.kind, str(c.period_start), str(c.period_end)) for text, c in claims.items()}
    assert got == {
        "1,162 公頃": ("actual", "None", "2018-01-01"),
        "190 公頃": ("actual", "None", "2020-12-31"),
        "17 公頃": ("actual", "None", "2018-01-01"),
        "161 公頃": ("actual", "None", "2020-12-31"),
    }


def test_a_unit_shared_by_two_numbers_belongs_to_both():
    claims = claims_of("109 年石門及曾文水庫清淤量分別達到 334 萬及 382 萬立方公尺，使水庫庫容增加 120 萬及 155 萬立方公尺。")
    assert [(c.base_value, c.base_unit) for c in claims] == [(3_340_000, "m3"), (3_820_000, "m3"), (1_200_000, "m3"), (1_550_000, "m3")]
    assert "萬及" not in claims[0].subject


def test_names_and_labels_are_not_figures():
    claims = claims_of(
        "提供全年無休 24x7 電子申請服務，推動「水環境建設 2.0」，109 年 5 月通霄 345 kV 輸電線工程完工，"
        "依 PM10 資料，108 年 0719 丹娜絲颱風淹水面積僅為 422 公頃。"
    )
    assert [c.text for c in claims] == ["422 公頃"]


def test_time_frames_are_durations():
    claims = by_text(claims_of("預計 4 年內將改善 40 個社區，並掌握未來 6 個月可增加疏濬量。"))
    assert (claims["4 年"].base_unit, claims["4 年"].qualifier) == ("year", "up_to")
    assert claims["6 個月"].base_unit == "month"


def test_a_relief_rate_is_a_rule_but_the_amount_relieved_is_achieved():
    claims = by_text(claims_of("提供保險費最高減免 80%之優惠。截至 110 年 2 月底，水費減免 7.1 億元，電費減免 277.6 億元。"))
    assert claims["80%"].kind == "rule"
    relieved = claims["7.1 億元"]
    assert (relieved.kind, relieved.period_start, str(relieved.period_end)) == ("actual", None, "2021-02-28")
    assert claims["277.6 億元"].base_value == 27_760_000_000


def test_a_cost_share_rate_is_a_rule():
    claim = claims_of("由政府負擔社區改善所需工程經費與操作維護費之 80%，以保障民眾居住安全。")[0]
    assert (claim.kind, claim.period_start, claim.period_end) == ("rule", None, None)


def test_the_yue_of_a_contract_is_no_approximation():
    claims = by_text(claims_of("取得國防部委製合約 686 億元，已簽訂供應合約 763.48 億元，完成簽約 117 案，帶動投資約 12 億元。"))
    assert [claims[t].qualifier for t in ("686 億元", "763.48 億元", "117 案", "12 億元")] == ["exact", "exact", "exact", "approx"]


def test_a_day_range_within_a_month_is_the_figures_period():
    claims = claims_of("109 年 9 月 24 日至 26 日於臺北世貿一館展出，邀請 53 家國際機構參展。")
    assert [(c.text, str(c.period_start), str(c.period_end)) for c in claims] == [("53 家", "2020-09-24", "2020-09-26")]


def test_below_a_threshold_names_a_class_of_things():
    claims = by_text(claims_of("設置未達 2MW 再生能源發電設備，得向地方政府申請。109 年出口未達 100 億元。"))
    assert (claims["2MW"].qualifier, claims["2MW"].kind) == ("up_to", "rule")
    assert (claims["100 億元"].qualifier, claims["100 億元"].kind) == ("up_to", "actual")


def test_yue_ke_before_a_verb_makes_the_figure_approximate():
    claims = by_text(claims_of("緊急海淡機組每日供水 1.3 萬噸，約可提供 5 萬人使用，預計約可新增 11.4 GW 裝置容量。"))
    assert (claims["5 萬人"].qualifier, claims["11.4 GW"].qualifier, claims["1.3 萬噸"].qualifier) == ("approx", "approx", "exact")


def test_a_threshold_below_which_a_rule_applies_is_a_rule():
    claims = by_text(claims_of("電價公式設有調幅上限，民生用電 330 度以下不調漲，收錄 2 萬多項產品。"))
    assert (claims["330 度"].base_unit, claims["330 度"].qualifier, claims["330 度"].kind) == ("kWh", "up_to", "rule")
    assert (claims["2 萬多項"].base_value, claims["2 萬多項"].qualifier) == (20_000, "more_than")


def test_a_share_for_a_year_still_to_come_is_a_target():
    # The report's date comes from what it states as reached: 截至 110 年 2 月底.
    claims = by_text(claims_of("截至 110 年 2 月底已核准 20 案。114 年天然氣發電占比提升至 50%，中油公司將增建 2 座地下儲槽。"))
    share = claims["50%"]
    assert (share.kind, str(share.period_start), str(share.period_end)) == ("target", "2025-01-01", "2025-12-31")
    assert claims["2 座"].kind == "target"
    assert claims["20 案"].kind == "actual"


def test_dates_of_list_entries_do_not_date_the_total_after_the_list():
    listed = claims_of("109 年先後辦理越南(6 月 8 日)、印尼(6 月 18 日)及泰國(10 月 16 日)等 5 場線上研討會。")[0]
    assert (listed.text, str(listed.period_start), str(listed.period_end)) == ("5 場", "2020-01-01", "2020-12-31")
    spanned = claims_of("補助措施執行期間(108 年 11 月至 109 年 11 月)，共計 149 家廠商公告成為服務提供者。")[0]
    assert (str(spanned.period_start), str(spanned.period_end)) == ("2019-11-01", "2020-11-30")


def test_a_duration_and_more_is_more_than():
    claim = claims_of("整合 28 個跨部會機關意見，歷經 2 年多時間，完成制定行動計畫。")[1]
    assert (claim.text, claim.qualifier) == ("2 年", "more_than")


def test_a_cap_before_a_period_caps_the_rate_after_it():
    # claims-conventions.md, case 5: 至多 caps the rate 4 成; the 3 個月 are exact.
    claims = by_text(claims_of("每季至多補貼該企業正職員工 3 個月經常性薪資費用 4 成，最高按中華郵政 1 年期定期儲金機動利率 0.81% 補貼利息。"))
    assert [(t, claims[t].qualifier) for t in ("3 個月", "4 成", "0.81%")] == [("3 個月", "exact"), ("4 成", "up_to"), ("0.81%", "up_to")]


def test_a_target_reached_is_no_target_cue_and_a_rate_cut_is_a_change():
    claims = by_text(claims_of("大泉伏流水已於 110 年 1 月達到出水功能目標，可於高濁度期間增加備援水量每日 15 萬噸。協助業者爭取到稅率進一步調降(4.1%-7.5%)。"))
    assert claims["15 萬噸"].kind == "change"
    assert claims["4.1%-7.5%"].kind == "change"


def test_more_than_a_count_is_no_class_but_an_amount_above_is():
    claims = by_text(claims_of("結合超過 20個以上政府相關單位及大專院校。初期 5MW 以上電力用戶約 500 戶。"))
    assert (claims["20個"].qualifier, claims["20個"].kind) == ("more_than", "actual")
    assert claims["5MW"].kind == "rule"


def test_a_target_cue_carries_over_a_clause_that_says_what_is_added():
    # 新增 is no achievement here: the whole sentence is what 預計 expects.
    claims = by_text(claims_of("釋出 4,360 平方公尺土地，預計投資 32.5 億元，新增產業空間 2.3 萬平方公尺、就業機會 200 人。"))
    assert [claims[t].kind for t in ("32.5 億元", "2.3 萬平方公尺", "200 人")] == ["target", "target", "target"]
    assert claims["4,360 平方公尺"].kind == "actual"


def test_a_bonus_rate_is_a_rule():
    claim = claims_of("109 年採用高效能模組者躉售電價可加成 6％優惠。")[0]
    assert (claim.kind, claim.period_start, claim.period_end) == ("rule", None, None)


def test_a_level_kept_above_is_no_class():
    claim = claims_of("108 年新機組商轉下，備轉容量率維持在 10%以上水準（綠燈）。")[0]
    assert (claim.qualifier, claim.kind, str(claim.period_start)) == ("more_than", "actual", "2019-01-01")


def test_a_percentage_improved_by_is_a_change_of_its_own_year():
    claims = by_text(claims_of("109 年能源密集度 4.3 公升油當量/千元，相較 108 年改善約 2.5%。另改善老舊管線 12 處。"))
    improved = claims["2.5%"]
    assert (improved.kind, str(improved.period_start), str(improved.period_end)) == ("change", "2020-01-01", "2020-12-31")
    assert claims["12 處"].kind == "actual"  # 改善 N 處 counts what was mended


def test_floors_and_caps_of_a_regulation_are_rules():
    claims = claims_of("依法規定安全存量天數 108 年至少 7 天，116 年至少 14 天；儲槽容積天數現行至少 15 天，116 年至少 24 天。")
    assert [(c.text, c.qualifier, c.kind, c.period_start) for c in claims] == [
        ("7 天", "at_least", "rule", None), ("14 天", "at_least", "rule", None),
        ("15 天", "at_least", "rule", None), ("24 天", "at_least", "rule", None),
    ]


def test_figures_a_regulation_requires_are_rules():
    claims = by_text(claims_of("109 年 12 月底安全存量合計 148 天，符合法定業者 60 天及政府 30 天之安全存量規定。"))
    assert [claims[t].kind for t in ("148 天", "60 天", "30 天")] == ["actual", "rule", "rule"]


def test_a_bracket_defining_a_class_holds_a_rule():
    claims = by_text(claims_of("推動能源大用戶（用電契約容量超過 800 kW）建立能源查核制度，109 年輔導 435 家企業。"))
    assert (claims["800 kW"].qualifier, claims["800 kW"].kind) == ("more_than", "rule")
    assert claims["435 家"].kind == "actual"


def test_a_maximum_is_up_to():
    claim = claims_of("引水隧道已於 109 年 6 月完工，完成後可增加備援輸水能力最大達每日 400 萬噸。")[0]
    assert (claim.base_value, claim.base_unit, claim.qualifier) == (4_000_000, "m3/day", "up_to")


def test_so_far_after_the_sentences_dates_runs_from_them_as_since_a_until_now_does():
    # 自 A 起至今 is [A, open] (the conventions); 迄今 after the dates of a sentence reads the same, from
    # the first of them when 以上 (all the above) leads into it. 目前 is the report's own date.
    claims = by_text(claims_of(
        "截至 110 年 2 月底已核准 20 案。109 年 7 月 13 日即召開會議，並於 10 月 14 日成立應變中心，以上迄今總共召開 32 次會議；"
        "其中採取工業節水等措施，已調度節水達 8 億噸。自 106 年 12 月 5 日起至今，共核定 124 案補助申請。"
        "防災備援水井自 107 年起辦理，迄今已抽取 543 萬噸水量。漏水率降到目前 13.5%。"
    ))
    for text in ("32 次", "8 億噸"):
        assert (str(claims[text].period_start), claims[text].period_end) == ("2020-07-13", None)
    assert (str(claims["124 案"].period_start), claims["124 案"].period_end) == ("2017-12-05", None)
    assert (str(claims["543 萬噸"].period_start), claims["543 萬噸"].period_end) == ("2018-01-01", None)
    assert (claims["13.5%"].period_start, str(claims["13.5%"].period_end)) == (None, "2021-02-28")


def test_a_thousand_people_rally_is_a_name():
    claims = claims_of("舉辦地方特色地質課程 3 場、千人大會師 1 場等。")
    assert [c.text for c in claims] == ["3 場", "1 場"]


def test_savings_are_changes():
    # 節省 and 減少 CO2 排放 are changes in the conventions; 節電, 節水 and 省能 are savings too.
    claims = by_text(claims_of("106 至 109 年累計節電 45.8 億度。109 年節水潛力 55.3 萬噸。水回收系統省能達 20%。"))
    assert [claims[t].kind for t in ("45.8 億度", "55.3 萬噸", "20%")] == ["change", "change", "change"]


def test_time_limits_a_rule_stipulates_are_rules():
    claims = claims_of("工業區土地出售時，明定 2 年內需取得使用執照，若 2 年內未完成使用，得強制以原價買回；申請人於完成使用後 5 年內移轉登記者，得優先買回。")
    assert [(c.text, c.qualifier, c.kind) for c in claims] == [("2 年", "up_to", "rule"), ("2 年", "up_to", "rule"), ("5 年", "up_to", "rule")]


def test_a_date_opening_an_item_dates_its_sentence_not_the_next():
    # Not a heading (no colon): the conventions carry no date into a later sentence.
    claims = by_text(claims_of("截至 110 年 1 月 31 日，除有 11 案撤案，262 案均已完成簽約作業。本計畫預計將可引導留用研發人力 4,100 人。", heading="(2) 研發固本 "))
    assert str(claims["262 案"].period_end) == "2021-01-31"
    assert (claims["4,100 人"].kind, claims["4,100 人"].period_end) == ("target", None)
    headed = by_text(claims_of("A. 109 年第 2 季：截止受理申請，總計核准 17,797 家。另核准補貼 3 家。"))
    assert str(headed["3 家"].period_start) == "2020-04-01"  # a heading that is a period scopes the whole item


def test_sites_are_counted_in_points():
    claims = claims_of("促成廠商獲苗栗縣政府 500 點布建標案及新竹市 300 點布建標案，下午 3 點半召開說明會。")
    assert [(c.text, c.base_unit) for c in claims] == [("500 點", "點"), ("300 點", "點")]


def test_the_terms_of_a_relief_loan_are_rules_and_a_deposits_term_is_its_name():
    claims = claims_of(
        "最高按中華郵政 1 年期定期儲金機動利率 0.81% 補貼利息，補貼期間 1 年，每家上限 22 萬元。"
        "由政府補助 6 個月之全額利息，貸款期間提供最低 8 成、最高 9 成保證。計核准 2 萬 6,135 件。"
    )
    assert [(c.text, c.qualifier, c.kind) for c in claims] == [
        ("0.81%", "up_to", "rule"), ("1 年", "exact", "rule"), ("22 萬元", "up_to", "rule"),
        ("6 個月", "exact", "rule"), ("8 成", "at_least", "rule"), ("9 成", "up_to", "rule"),
        ("2 萬 6,135 件", "exact", "actual"),
    ]


def test_a_sum_up_to_a_year_is_as_of_its_end_and_a_yearly_flow_is_the_years():
    claims = by_text(claims_of("累計至 109 年共培育約 1.8 萬家中小企業，誘發民間投增資 1,716 億元。累計至 109 年資安產業產值達 552 億元。"))
    assert (claims["1,716 億元"].period_start, str(claims["1,716 億元"].period_end)) == (None, "2020-12-31")
    assert (str(claims["552 億元"].period_start), str(claims["552 億元"].period_end)) == ("2020-01-01", "2020-12-31")


def test_about_a_share_of_a_long_named_total_is_approx():
    claims = claims_of("分居前 5 名，合計約占本期核准對中國大陸投資總額的 86.6％。合計約占總額 51.1％。")
    assert [(c.text, c.qualifier, c.kind) for c in claims] == [("86.6％", "approx", "share"), ("51.1％", "approx", "share")]


def test_a_list_of_months_spans_its_first_to_its_last():
    claim = claims_of("109 年 5、7 及 12 月分別於臺北與東京辦理 3 場線上說明會。")[0]
    assert (str(claim.period_start), str(claim.period_end)) == ("2020-05-01", "2020-12-31")


def test_what_is_to_come_is_a_target_but_the_next_months_are_a_time_frame():
    claims = by_text(claims_of("聚陽公司 109 年選擇在印尼增設新廠，未來新增 80 條產線。109 年汛期後加強檢測，掌握未來 6 個月可增加疏濬量。"))
    assert claims["80 條"].kind == "target"
    assert claims["6 個月"].kind == "actual"


def test_days_of_one_month_written_as_a_list_span_the_first_to_the_last():
    claim = claims_of("109 年 12 月 17、23 日辦理 2 場研討會。")[0]
    assert (str(claim.period_start), str(claim.period_end)) == ("2020-12-17", "2020-12-23")


def test_countries_counted_before_a_word_starting_with_guo():
    # '6 國產業地圖報告' is 6 countries' industry maps, not 6 + 國產業; 本國/國內 stay no counter.
    claims = by_text(claims_of("編撰新南向具布局潛力 6 國產業地圖報告，辦理 6 國產業鏈結線上分論壇 23 場次。"))
    assert claims["6 國"].base_unit == "國" and "23 場次" in claims
    assert not any(c.base_unit == "國" for c in claims_of("輔導 5 家國內廠商，協助 3 家國際大廠。"))


# --- from the independent claims sets (benchmarks/own-claims-1 … -3) ---


def test_a_year_followed_by_qian_is_a_deadline_but_years_ago_are_no_date():
    claims = by_text(claims_of("預計核配 3.2 GW 於 115 年前完成併網。該廠 14 年前建成，裝置 2 部機組。"))
    assert (claims["3.2 GW"].period_start, str(claims["3.2 GW"].period_end)) == (None, "2026-12-31")
    assert claims["2 部"].period_end is None  # 14 年前 is fourteen years ago, not the year 1925


def test_capacity_summed_up_to_a_year_is_as_of_its_end():
    claims = by_text(claims_of("俾達成 116 年累計設置 7.5 GW 目標，116 年累計新增 1.2 GW。"))
    assert (claims["7.5 GW"].period_start, str(claims["7.5 GW"].period_end)) == (None, "2027-12-31")
    assert str(claims["1.2 GW"].period_start) == "2027-01-01"  # what the year added is the year's


def test_a_cap_named_after_the_figure_is_up_to():
    claims = by_text(claims_of("水價公式設有平均水價 5%之調幅上限，每戶補助以 2 萬元為上限，另補助 30 家。"))
    assert (claims["5%"].qualifier, claims["2 萬元"].qualifier, claims["30 家"].qualifier) == ("up_to", "up_to", "exact")


def test_what_is_saved_is_a_change():
    claim = claims_of("109 年推動節能輔導，相當於省下 2,000 戶家庭之用電量。")[0]
    assert (claim.text, claim.kind) == ("2,000 戶", "change")


def test_a_date_of_one_stage_does_not_date_the_next_stage():
    claims = by_text(claims_of("第 1 階段示範風場已於 108 年 12 月 27 日取得執照共 128 MW；第 2 階段計有 7 家開發商獲選。另於 108 年 5 月核配 5 案；另完成 3 案。"))
    assert str(claims["128 MW"].period_end) == "2019-12-27"
    assert claims["7 家"].period_end is None
    assert str(claims["3 案"].period_end) == "2019-05-31"  # a clause opened by 另 adds to the same time


def test_a_date_code_after_a_year_is_a_day():
    # claims-conventions.md: '108 年 0719' is 2019-07-19; a quantity never has a leading zero.
    claims = by_text(claims_of("108 年 0719 丹娜絲颱風淹水面積僅為 422 公頃。108 年 1020 家廠商參與。"))
    assert (str(claims["422 公頃"].period_start), str(claims["422 公頃"].period_end)) == ("2019-07-19", "2019-07-19")  # the typhoon's day
    assert claims["1020 家"].base_value == 1020


def test_a_target_summed_to_a_year_is_as_of_its_end_and_before_a_year_is_a_deadline():
    claims = by_text(claims_of("預計 111 年累計完成 150 萬戶、114 年累計完成 300 萬戶，並以 120 年以前降到 10%為目標。"))
    for text, end in (("150 萬戶", "2022-12-31"), ("300 萬戶", "2025-12-31"), ("10%", "2031-12-31")):
        assert (claims[text].period_start, str(claims[text].period_end)) == (None, end), text


def test_what_is_to_come_takes_no_earlier_year():
    claim = by_text(claims_of("聚陽公司 109 年選擇在印尼增設新廠，未來新增 80 條產線。"))["80 條"]
    assert (claim.kind, claim.period_start, claim.period_end) == ("target", None, None)


def test_exhibitions_are_counted_in_zhan():
    claims = claims_of("總計 5 展共協助 763 家廠商，並持續展開合作、展出新品。")
    assert [(c.text, c.base_unit) for c in claims] == [("5 展", "展"), ("763 家", "家")]


def test_the_reports_own_year_is_under_way_not_to_come():
    # A report of 110 年 3 月: what 110 年 holds has begun; a span on to 114 年 is still to come.
    claims = by_text(claims_of(
        "截至 110 年 2 月底已核准 20 案。110 年擇定辦理 7 個社區供水改善作業，並完成其中 1 個社區之供水改善工作。"
        "確保 108 年至 114 年備用容量率皆可達 15%以上。"
    ))
    assert (claims["7 個"].kind, str(claims["7 個"].period_start)) == ("actual", "2021-01-01")
    assert str(claims["1 個"].period_end) == "2021-12-31"
    assert claims["15%"].kind == "target"


def test_an_increase_of_a_measured_thing_is_a_change():
    claim = claims_of("截至 109 年底，已增加各縣市淹水改善保護面積 51.36 平方公里。")[0]
    assert (claim.text, claim.kind) == ("51.36 平方公里", "change")


def test_a_clause_opening_with_its_cue_expects_the_semicolon_clauses_after_it():
    expected = by_text(claims_of("增列「甲計畫」及「乙計畫」，預期整體完成後可增供每日 41 萬噸，提升供水品質；改善淹水面積約 250 平方公里。"))
    assert expected["250 平方公里"].kind == "target"
    # a ；-clause after a figure that was done is a new action: '引進…投資 382 億元，…預計…；引進…45 億元'
    done = by_text(claims_of("引進封測廠投資 382 億元，預計創造年產值 252 億元，增加就業 2,750 人；引進車用電子大廠投資 45 億元。"))
    assert (done["382 億元"].kind, done["45 億元"].kind) == ("actual", "actual")


# --- Benefit schemes (reports of 勞動部 and 交通部 written apart from the code) -------------------


def test_what_a_scheme_grants_each_recipient_is_a_rule():
    claims = by_text(claims_of(
        "補貼對象每人每月最低補貼 3,500 元，上限 11,550 元；綜合旅行業每家補助 30 萬元、甲種旅行業每家 15 萬元，"
        "每團至少 15 人，每月最高 100 小時。截至 110 年 2 月底，平均每人領取約 1 萬 3,143 元。"
    ))
    assert {text: claims[text].kind for text in ("3,500 元", "30 萬元", "15 萬元", "15 人", "100 小時")} == dict.fromkeys(
        ("3,500 元", "30 萬元", "15 萬元", "15 人", "100 小時"), "rule"
    )
    assert claims["3,500 元"].qualifier == "at_least" and claims["3,500 元"].period_end is None
    assert claims["1 萬 3,143 元"].kind == "actual"  # an average of what was paid


def test_the_rate_and_term_a_benefit_is_paid_at_are_rules():
    claims = by_text(claims_of(
        "按基本工資 60% 按月發給，最長 6 個月；身心障礙者最長發給 1 年。補助在職勞工參訓訓練費用 80%。"
        "另可將等候報告時間從最長 2 個月縮短到 7~10 天。"
    ))
    assert [claims[t].kind for t in ("60%", "6 個月", "1 年", "80%")] == ["rule"] * 4
    assert (claims["1 年"].qualifier, claims["6 個月"].qualifier) == ("up_to", "up_to")
    assert claims["2 個月"].kind == "actual"  # a wait that was shortened, not a term


def test_fines_relief_and_interest_set_rules_but_fines_imposed_are_actual():
    claims = by_text(claims_of(
        "酒駕者處 18 萬元罰鍰；國際郵輪碼頭碇泊費減收 5 成，由本部補貼利息 1 個百分點。"
        "109 年勒令停工 2,846 場次，處罰鍰 8,735 萬元。"
    ))
    assert [claims[t].kind for t in ("18 萬元", "5 成", "1 個百分點")] == ["rule"] * 3
    assert claims["8,735 萬元"].kind == "actual"


def test_caps_written_apart_from_their_figure():
    claims = claims_of("雇主提繳率不得低於每月工資 6%，勞工得在每月工資 6% 範圍內自願提繳，每人限用 1 次。")
    assert [(c.text, c.qualifier) for c in claims] == [("6%", "at_least"), ("6%", "up_to"), ("1 次", "up_to")]


# --- Periods (reports of 行政院 and 勞動部 written apart from the code) -------------------------------


def test_a_quarter_or_half_without_its_year_narrows_the_year_before_for_its_clause():
    claims = by_text(claims_of("109 年我國經濟成長率達 3.11%，其中第 4 季成長 5.09%；平均每人 GDP 達 2 萬 8,305 美元，其中上半年核付 38 萬 5,902 人次。"))
    assert (claims["5.09%"].period_start.isoformat(), claims["5.09%"].period_end.isoformat()) == ("2020-10-01", "2020-12-31")
    assert (claims["2 萬 8,305 美元"].period_start.isoformat(), claims["2 萬 8,305 美元"].period_end.isoformat()) == ("2020-01-01", "2020-12-31")
    assert claims["38 萬 5,902 人次"].period_end.isoformat() == "2020-06-30"
    fines = by_text(claims_of("109 年計裁罰 312 件，其中第 3 季 27 件。"))
    assert (fines["312 件"].period_end.isoformat(), fines["27 件"].period_start.isoformat()) == ("2020-12-31", "2020-07-01")


def test_an_as_of_date_leading_into_the_items_dates_them():
    text = (
        "壹、 經濟 \n一、 投資臺灣 \n（一） 截至 110 年 2 月 18 日，三大方案累計吸引 1,029 家企業投資，各方案成果如下： \n"
        "1、 歡迎臺商回臺投資行動方案：核准 233 家，投資金額 8,621 億元。 \n"
        "（二） 其中法規命令截至 109 年底，已完成發布 21 項，推動重點如下： \n1、 用電大戶條款初期約 500 戶。 \n"
    )
    claims = report_claims(text)
    assert [claims[t].period_end.isoformat() for t in ("233 家", "8,621 億元")] == ["2021-02-18", "2021-02-18"]
    assert claims["500 戶"].period_end is None  # the date there counts what the sentence counts, not the points after it
    # '…合計 2 萬 1,260 件，其中：' leads into its parts just as '如下：' does
    parts = report_claims("壹、 稅務 \n一、 紓困 \n（一） 截至 110 年 2 月 28 日，核准延期或分期繳納合計 2 萬 1,260 件，其中： \n"
                          "1、 延期繳納：核准延期繳納 1 萬 2,356 件，稅額 421.6 億元。 \n")
    assert [parts[t].period_end.isoformat() for t in ("1 萬 2,356 件", "421.6 億元")] == ["2021-02-28", "2021-02-28"]


def test_items_a_colon_leads_into_take_the_date_their_text_opens_with():
    # '…新生來源如下：' names no date itself: the text's opening one (113 學年度) dates the items after it;
    # '…平均每班約 40 人次：' leads into its items as 如下： does
    claims = report_claims(
        "壹、 僑教 \n一、 僑生 \n（一） 僑生人數：113 學年度在臺僑生計 3 萬 2,145 人，其中新生 1 萬 1,208 人。新生來源如下： \n"
        "1、 馬來西亞：4,215 人，占 37.6%。 \n"
        "二、 研習 \n（一） 辦理情形：113 年辦理經貿研習 46 班次，平均每班約 40 人次： \n1、 海外巡迴：18 班次、606 人次。 \n"
    )
    assert [claims[t].period_start.isoformat() for t in ("4,215 人", "37.6%")] == ["2024-08-01", "2024-08-01"]
    assert (claims["18 班次"].period_start.isoformat(), claims["606 人次"].period_end.isoformat()) == ("2024-01-01", "2024-12-31")


def test_more_rules_of_schemes_and_obligations():
    claims = by_text(claims_of(
        "發給訓練津貼每小時 160 元；每餐補助 6 元，各場每季至少查核 1 次；入境旅客一律居家檢疫 14 天；融資額度最高 8 成；"
        "投保薪資在 2 萬 4,000 元以下者發給 3 萬元；雇主應使勞工每連續作業 45 分鐘休息 15 分鐘；總重量逾 3.5 公噸之新型式大貨車；"
        "年滿 65 歲者。累計完成 50,352 筆逾 173 萬公尺之工程地質探勘資料。"
    ))
    rules = ("160 元", "6 元", "1 次", "14 天", "8 成", "2 萬 4,000 元", "45 分鐘", "3.5 公噸", "65 歲")
    assert {text: claims[text].kind for text in rules} == dict.fromkeys(rules, "rule")
    assert claims["65 歲"].qualifier == "at_least"
    assert claims["173 萬公尺"].kind == "actual"


def test_changes_named_by_their_measure():
    claims = by_text(claims_of("每月基本工資調整至 24,000 元，調幅 0.84%；死亡人數降幅 1.4%；全年累積雨量較氣候平均值偏少約 3 成。"))
    assert [claims[t].kind for t in ("0.84%", "1.4%", "3 成")] == ["change"] * 3


# --- 衛福部 and 教育部 reports ---------------------------------------------------------------------


def test_school_years_and_their_terms_are_periods_under_way():
    claims = by_text(claims_of("109 學年度國小新生約 19.8 萬人；109 學年度第 1 學期受惠學生 3 萬人。"))
    new_pupils = claims["19.8 萬人"]
    assert (new_pupils.period_start.isoformat(), new_pupils.period_end.isoformat(), new_pupils.kind) == ("2020-08-01", "2021-07-31", "actual")
    assert claims["3 萬人"].period_end.isoformat() == "2021-01-31"


def test_a_heading_naming_a_period_dates_the_items_under_it():
    text = "壹、 教育 \n一、 學校 \n1、 108 學年度學校計 1 萬 1,023 所。 \n2、 109 學年度國民中小學概況 \n(1) 國民小學計 2,631 所。 \n"
    claim = extract_claims(build_outline(analyse(read_bytes(text.encode("utf-8"), "t.txt"))))[-1]
    assert (claim.text, claim.period_start.isoformat()) == ("2,631 所", "2020-08-01")


def test_the_base_of_a_comparison_is_not_the_year_a_later_quarter_falls_in():
    claims = by_text(claims_of("109 年兒少保護通報 7 萬 3,412 件，較 108 年增加 9.8%，其中第 4 季 1 萬 9,204 件。"))
    assert claims["1 萬 9,204 件"].period_start.isoformat() == "2020-10-01"


def test_ranges_across_scales_amounts_in_three_tiers_and_ages_as_thresholds_and_bands():
    claims = by_text(claims_of(
        "罰鍰額度為 6 萬元至 2 億元，每人每年 5,000元至 3 萬 5,000 元；預算為 2,539 億 4,615 萬 7 千元；"
        "未滿 2 歲兒童之育兒津貼，2 歲至 5 歲幼兒入園率 65.2%；家長每月繳費不超過 4,500 元；抽驗 12 例、疫苗 476 萬劑。"
    ))
    fine = claims["6 萬元至 2 億元"]
    assert (fine.value, fine.value_high, fine.unit, fine.base_value, fine.qualifier) == (6, 20_000, "萬元", 60_000, "range")
    assert (claims["5,000元至 3 萬 5,000 元"].value_high, claims["2,539 億 4,615 萬 7 千元"].value) == (35_000, 253_946_157_000)
    assert claims["2 歲"].qualifier == "up_to"
    band = claims["2 歲至 5 歲"]  # the band a group is defined by: a rule, as most writers of other reports read it
    assert (band.value, band.value_high, band.base_unit, band.qualifier, band.kind, band.period_start) == (2, 5, "year", "range", "rule", None)
    assert claims["4,500 元"].qualifier == "up_to"
    assert (claims["12 例"].base_unit, claims["476 萬劑"].base_value) == ("例", 4_760_000)


def test_a_rate_changed_from_one_value_to_another_and_a_guaranteed_floor():
    claims = claims_of("自 110 年 1 月 1 日起，一般保險費率由 4.69% 調整為 5.17%；推動按服務計酬，保障全職照顧服務員月薪至少 3 萬 2,000 元。")
    assert [(c.text, c.kind) for c in claims] == [("4.69%", "rule"), ("5.17%", "rule"), ("3 萬 2,000 元", "rule")]


def test_a_heading_naming_a_schemes_terms_makes_its_figures_rules():
    text = (
        "壹、 健康保險 \n一、 部分負擔 \n（一） 部分負擔規定 \n1. 門診基本部分負擔：西醫診所為 50 元；醫學中心經轉診者 170 元、未經轉診者 420 元。 \n"
        "（二） 托育補助：送托者一般家庭每月補助 6,000 元、中低收入戶 8,000 元、低收入戶 1 萬元。109 年核發 22 萬 7,315 人。 \n"
        "捌、 檢驗及標準 \n一、 商品檢驗 \n（一） 109 年檢驗 1 萬 2,000 批。 \n"
    )
    claims = report_claims(text)
    rules = ("50 元", "170 元", "420 元", "6,000 元", "8,000 元", "1 萬元")
    assert {t: claims[t].kind for t in rules} == dict.fromkeys(rules, "rule")
    assert (claims["22 萬 7,315 人"].kind, claims["1 萬 2,000 批"].kind) == ("actual", "actual")


def test_fees_tax_rates_terms_of_service_and_pay_scales_are_rules():
    claims = by_text(claims_of(
        "電子謄本每張規費 10 元；每屋每月租金收入最高 1 萬 5,000 元免納綜合所得稅；房屋稅按 1.2% 之自用住宅稅率課徵；"
        "修繕費每年最高 1 萬元；酒駕者處 3 萬元以上 12 萬元以下罰鍰；替代役役期為 1 年，二等替代役役男每月薪俸 6,510 元；"
        "110 年公告土地現值平均上漲 1.06%。"
    ))
    rules = ("10 元", "1 萬 5,000 元", "1.2%", "1 萬元", "3 萬元", "12 萬元", "1 年", "6,510 元")
    fees = by_text(claims_of("家長每月繳費不超過 4,500 元，教師每月薪資至少 2 萬 9,000 元。"))
    assert [fees[t].kind for t in ("4,500 元", "2 萬 9,000 元")] == ["rule", "rule"]
    assert {t: claims[t].kind for t in rules} == dict.fromkeys(rules, "rule")
    assert claims["1.06%"].kind == "change"


def test_a_metric_tonne_beside_water_is_a_mass():
    claims = by_text(claims_of("污水下水道每年削減生化需氧量約 1 萬 2,460 公噸，可供水每日 4 萬噸。"))
    assert (claims["1 萬 2,460 公噸"].base_unit, claims["4 萬噸"].base_unit) == ("t", "m3/day")


def test_budgeted_amounts_taxes_per_unit_and_brackets_of_a_schedule():
    claims = claims_of(
        "109 年賦稅收入較預算數 2 兆 3,658 億元超徵 462 億元；平均得標利率 0.52%；依規定按 20%扣繳所得稅；"
        "紙菸每千支課徵菸稅 1,590 元；逾 2 年未逾 5 年者 35%；貨櫃 8 萬 7,530 櫃。"
    )
    found = {c.text: (c.kind, c.qualifier) for c in claims}
    assert found["2 兆 3,658 億元"][0] == "target" and found["462 億元"][0] == "change"
    assert (found["0.52%"][0], found["20%"][0], found["1,590 元"][0]) == ("actual", "rule", "rule")
    assert found["5 年"][1] == "up_to" and "千支" not in found and "8 萬 7,530 櫃" in found


def test_revenue_forgone_is_a_change_as_a_decrease_is():
    # 減收 = 減少收取: read as the dev gold reads 減少 CO2 排放約 5.92 萬公噸 (a change)
    claims = by_text(claims_of("截至 110 年 2 月底，已同意 433 戶申請緩繳租金，17,198 件減租案，減收約 6.8 億元。"))
    assert (claims["433 戶"].kind, claims["6.8 億元"].kind) == ("actual", "change")


def periods_of(body: str) -> dict[str, tuple[str, str]]:
    """Each figure's period, in a report dated 110 年 2 月底 by its first sentence."""
    claims = claims_of(f"截至 110 年 2 月底，累計 5 家。{body}")
    return {c.text: (str(c.period_start), str(c.period_end)) for c in claims[1:]}


def test_a_comparison_base_dates_no_figure_set_against_it():
    assert periods_of("114 年排放量較 94 年減少 10％。")["10％"] == ("2025-01-01", "2025-12-31")
    assert periods_of("109 年產值約為 105 年之 10 倍。")["10 倍"] == ("2020-01-01", "2020-12-31")
    emissions = periods_of("108 年排放量為 287 百萬公噸，較基準年 94 年之 268.78 百萬公噸增加 6.8％。")
    assert emissions["268.78 百萬公噸"] == ("2005-01-01", "2005-12-31")  # the base year's own figure
    assert emissions["6.8％"] == ("2019-01-01", "2019-12-31")


def test_the_date_a_change_started_at_does_not_date_where_it_ended():
    assert periods_of("AQI 不良站日比率由 104 年之 18.2％降至 109 年之 7.6％。") == {
        "18.2％": ("2015-01-01", "2015-12-31"),
        "7.6％": ("2020-01-01", "2020-12-31"),  # 降至 109 年 is where it went, not an as-of date
    }
    assert periods_of("109 年涵蓋率由 108年之 49.8%提升至 55.9%。")["55.9%"] == ("2020-01-01", "2020-12-31")
    assert periods_of("機車數量已由 104 年底之 227 萬輛減至 41.5 萬輛。")["41.5 萬輛"] == ("None", "None")


def test_a_date_after_an_items_title_dates_its_sentence_not_the_item():
    claims = by_text(claims_of("(1) 產值：109 年產業產值達 3 兆 2,222 億元。預估 110 年產值將突破 3.5 兆元。", heading="一、 半導體產業 "))
    assert (str(claims["3.5 兆元"].period_start), claims["3.5 兆元"].kind) == ("2021-01-01", "forecast")


def test_years_that_are_no_period_of_a_figure():
    record = periods_of("109 年國片票房 11.06 億元，創 101 年以來新高，較 108 年提升 4.5 個百分點。")
    assert record["4.5 個百分點"] == ("2020-01-01", "2020-12-31")  # 101 年以來 is what the record is set against
    rain = by_text(claims_of("109 年無颱風登陸臺灣，為 56 年來首見；全年雨量偏少約 3 成。"))
    assert (rain["56 年"].dimension, str(rain["3 成"].period_start)) == ("duration", "2020-01-01")
    assert periods_of("109 年來臺旅客 137.7 萬人次。")["137.7 萬人次"] == ("2020-01-01", "2020-12-31")
    assert periods_of("109 年來自日本的投資 9.6 億美元。")["9.6 億美元"] == ("2020-01-01", "2020-12-31")
    cohort = claims_of("83 年次以後出生之役男，依法服 4 個月軍事訓練役。")
    assert [c.text for c in cohort] == ["4 個月"] and cohort[0].period_start is None


def test_penalties_limits_quarantine_terms_and_benefit_tiers_are_rules():
    claims = by_text(claims_of(
        "違者處 1 年以上 5 年以下有期徒刑，得併科新臺幣 1,500 萬元以下罰金；罰鍰額度為 6 萬元至 2 億元；"
        "豬肉殘留容許量為 0.01 ppm；勞工得在每月工資 6% 範圍內自願提繳；入境後居家檢疫 14 天；"
        "每部最高 3,000 萬元；消費者自備環保杯者每杯至少折價 5 元；第 3 名以後子女 4,500 元；每份面額 600 元；"
        "酒後駕車於 10 年內第 2 次違規者加重處罰；救助款於農民申請後 7~10 天內撥入帳戶。"
    ))
    rules = ("1 年", "5 年", "1,500 萬元", "6 萬元至 2 億元", "0.01 ppm", "6%", "14 天", "3,000 萬元", "5 元", "4,500 元", "600 元", "10 年", "7~10 天")
    assert {t: claims[t].kind for t in rules} == dict.fromkeys(rules, "rule")


def test_a_goal_per_year_and_a_count_of_quarantine_loads_are_no_rules():
    claims = by_text(claims_of("規劃自 115 至 124 年以每年至少 1 GW 規模開發；109 年清運居家檢疫垃圾 3,216 公噸。"))
    assert (claims["1 GW"].kind, claims["3,216 公噸"].kind) == ("target", "actual")


def test_a_verb_before_a_list_after_fenbie_governs_every_figure_of_it():
    claims = claims_of("細懸浮微粒濃度較上年分別改善 14.6％、12.9％及 11.7％，事故件數分別較上年提升 0.6 及 1.2 個百分點。")
    assert [c.kind for c in claims] == ["change"] * 5


def test_a_benefit_raised_to_a_new_monthly_level_is_a_rule():
    claims = by_text(claims_of("育兒津貼預定自 110 年 8 月 1 日起調高為每月 3,500 元，第 3 名以後子女 4,500 元。"))
    assert (claims["3,500 元"].kind, claims["4,500 元"].kind) == ("rule", "rule")


def test_an_agreements_term_is_a_rule():
    claims = claims_of("109 年 11 月 20 日會中簽署一份為期 5 年並得延長 5 年之 MOU；110 年起持續執行為期 24 個月之監測計畫。")
    assert [(c.text, c.kind, c.period_end) for c in claims[:2]] == [("5 年", "rule", None), ("5 年", "rule", None)]
    assert claims[2].kind != "rule"  # a project's length is no term a rule sets


def test_supply_increased_is_a_change_and_a_supply_to_come_a_target():
    claims = claims_of("截至 109 年底累計已達成增供每日 21.1 萬噸備援水量；預期整體完成後可增供每日 41 萬噸。")
    assert [(c.text, c.kind) for c in claims] == [("21.1 萬噸", "change"), ("41 萬噸", "target")]


def test_tax_brackets_revenue_splits_and_prize_schedules_are_rules():
    claims = by_text(claims_of(
        "房地持有逾 2 年未逾 5 年者 35%；普通統籌分配稅款按直轄市 61.76%、縣（市）24%分配；"
        "統一發票每期開出特別獎 1,000 萬元 1 組、特獎 200 萬元 1 組。"
    ))
    assert {t: claims[t].kind for t in ("35%", "61.76%", "1,000 萬元", "200 萬元")} == dict.fromkeys(("35%", "61.76%", "1,000 萬元", "200 萬元"), "rule")


def test_a_part_named_right_before_its_percentage_is_a_share():
    claims = by_text(claims_of("其中 7 成案件於 6 個月內完成審查；境外傳輸減少約占 4 成；其次為電影 24.1%、書店及出版品 21.6%；其中公共污水下水道普及率為 39.4％。"))
    assert [claims[t].kind for t in ("7 成", "4 成", "24.1%", "21.6%", "39.4％")] == ["share"] * 4 + ["actual"]


def test_what_an_event_drew_on_its_day_is_that_days():
    # a bare day and an event in the sentence: the day itself; a day after 截至, or a list made public on a
    # day (公告…名單，面積約 214 公頃), stays a stock as of it
    claims = by_text(claims_of(
        "109 年 12 月 2 日與歐洲經貿辦事處合辦研討會，產官學界共逾 120 人參加。"
        "於 107 年 9 月 26 日公告工業區閒置土地名單，面積約 214 公頃。截至 110 年 2 月 23 日參加者 44 萬人次。"
    ))
    assert (claims["120 人"].period_start, claims["120 人"].period_end) == (date(2020, 12, 2), date(2020, 12, 2))
    assert (claims["214 公頃"].period_start, claims["214 公頃"].period_end) == (None, date(2018, 9, 26))
    assert (claims["44 萬人次"].period_start, claims["44 萬人次"].period_end) == (None, date(2021, 2, 23))


def test_the_months_of_a_schedules_steps_do_not_date_what_the_plan_will_yield():
    claims = by_text(claims_of("訂於 110 年 7 月公告招商、12 月開發工程動土，預計增加投資 100 億元、創造就業機會 1,500 個。"))
    assert [(claims[t].kind, claims[t].period_end) for t in ("100 億元", "1,500 個")] == [("target", None)] * 2


def test_amounts_offered_as_alternatives_are_a_schemes_terms():
    claims = by_text(claims_of("數位行銷輔導：提供 2 萬元或 6 萬元等值之數位貿易輔導服務，109 年已有 4,146 家廠商申請。"))
    assert [claims[t].kind for t in ("2 萬元", "6 萬元", "4,146 家")] == ["rule", "rule", "actual"]


def test_what_a_plant_being_built_will_make_is_a_target_but_what_is_being_built_is_counted_now():
    claims = by_text(claims_of("目前正在建置年產 600 噸的鈦酸鋰材料生產線。社會住宅興建中 97 案 2 萬 3,116 戶。"))
    assert [claims[t].kind for t in ("600 噸", "97 案", "2 萬 3,116 戶")] == ["target", "actual", "actual"]


def test_a_matchmaking_days_meetings_are_that_days():
    claims = by_text(claims_of("109 年 8 月 31 日辦理臺捷企業媒合會，共有 34 家捷商進行近 180 場次一對一商務洽談。"))
    assert (claims["180 場次"].period_start, claims["180 場次"].period_end) == (date(2020, 8, 31), date(2020, 8, 31))


def test_counting_nouns_of_other_reports_and_days_no_date_can_mean():
    claims = by_text(claims_of(
        "全國原住民族計 16 族，族語教材 4,600 課，每週授課 16~20 節，交換節目 120 集。"
        "審查期間以 90 日為原則，必要時得延長 1 次，延長期間最長 60 日。於 10 月 5 日公告。"
    ))
    assert {"16 族", "4,600 課", "16~20 節", "120 集", "90 日", "60 日"} <= set(claims)
    assert not any(text.endswith("5 日") for text in claims)


def test_tenths_in_a_chinese_digit_a_measured_age_and_the_span_of_recent_years():
    claims = by_text(claims_of(
        "111 年吸引遊客約 28 萬 6,000 人次，其中外縣市遊客近三成。110 年原住民族平均餘命為 73.32 歲，年滿 65 歲者 5 萬人。"
        "111 年研發經費 2,145 億元；近 5 年研發經費年均成長 7.2%。"
    ))
    assert (claims["三成"].base_value, claims["三成"].qualifier) == (30, "nearly")
    assert claims["73.32 歲"].kind == "actual"
    assert "5 年" not in claims
    assert list(by_text(claims_of("八點五成、三成半"))) == ["三成半"]  # half a tenth more is read (35%); 八點五成 is not


def test_floors_a_law_sets_a_loans_terms_and_the_basis_of_a_sum_are_rules():
    claims = by_text(claims_of(
        "純網銀最低實收資本額為 100 億元；申請公司市值須達 15 億元以上。青年創業貸款前 2 年免息。"
        "減少碳排放約 10.5 萬公噸（以電力排碳係數每度 0.495 公斤計）。高級中等學校原住民族學生每人每學期住宿費補助最高 1 萬 2,000 元。"
    ))
    assert [claims[t].kind for t in ("100 億元", "15 億元", "2 年", "0.495 公斤", "1 萬 2,000 元")] == ["rule"] * 5
    assert claims["10.5 萬公噸"].kind != "rule"


def test_a_sum_to_a_year_still_to_come_is_a_target():
    # '累計' says what has been summed so far, unless the year it is summed to is still to come
    claims = by_text(claims_of("截至 109 年 8 月底累計 5,817MW；目標 114 年累計達 20GW，2030 年累計達 31GW。"))
    assert (claims["5,817MW"].kind, claims["5,817MW"].period_end) == ("actual", date(2020, 8, 31))
    assert (claims["31GW"].kind, claims["31GW"].period_start, claims["31GW"].period_end) == ("target", None, date(2030, 12, 31))


def test_a_bulleted_list_takes_the_period_of_the_sentence_leading_into_it():
    claims = by_text(claims_of(
        "113 學年度第 1 學期申貸者之學制結構如下：\n● 大學部 12 萬 6,410 人次，占 67.5％；\n● 碩士及博士班 2 萬 8,102 人次。"
    ))
    for text in ("12 萬 6,410 人次", "67.5％", "2 萬 8,102 人次"):
        assert (str(claims[text].period_start), str(claims[text].period_end)) == ("2024-08-01", "2025-01-31"), text
    # a bullet whose lead-in ends in no colon is no list of it
    unled = by_text(claims_of("113 學年度申貸 18 萬人次。\n● 大學部 12 萬 6,410 人次。"))
    assert unled["12 萬 6,410 人次"].period_end is None


def test_figures_after_fen_bie_take_a_lists_periods_in_turn():
    claims = by_text(claims_of("預估 114 學年度及 115 學年度國小新生分別約 15 萬 6,000 人及約 14 萬 9,000 人。"))
    first, second = claims["15 萬 6,000 人"], claims["14 萬 9,000 人"]
    assert (str(first.period_start), str(first.period_end)) == ("2025-08-01", "2026-07-31")
    assert (str(second.period_start), str(second.period_end)) == ("2026-08-01", "2027-07-31")


def test_terms_in_office_are_counted_in_jie_but_an_ordinal_is_none():
    claims = by_text(claims_of("上市櫃公司獨立董事連續任期不得超過 3 屆；第 6 屆產業對話於 109 年召開。"))
    assert list(claims) == ["3 屆"]
    assert (claims["3 屆"].base_unit, claims["3 屆"].qualifier, claims["3 屆"].kind) == ("屆", "up_to", "rule")


def test_a_central_banks_points_rates_and_forecasts():
    claims = report_claims(
        "中央銀行業務報告\n中華民國 114 年 3 月\n壹、 國際經濟 \n一、 展望 \n"
        "國際貨幣基金預測，114 年全球經濟成長率為 3.1%，略低於 113 年之 3.2%。\n"
        "英國央行於 113 年 11 月及 114 年 2 月各降息 1 碼，政策利率降至 4.5%；韓國央行連續降息，累計 2 碼。\n"
        "歐洲央行累計調降存款機制利率 1 個百分點至 2.75%；依條例規定費率每年調高 0.5 百分點。\n"
        "金融業隔夜拆款加權平均利率平均為 0.824%。高雄港 2 碼頭啟用。\n"
        "114 年 2 月底新臺幣對美元匯率為 32.818 元，較 113 年 8 月底之 31.966 元貶值 2.60%。\n"
        "鈔券發行金額中，千元券為 2 兆 9,823 億元，五百元券及百元券合計占 13.30%。\n"
        "導入 AI 需求預測，平均降低庫存 12%。\n"
    )
    assert (claims["1 碼"].base_value, claims["1 碼"].base_unit, claims["1 碼"].kind) == (0.25, "percentage_point", "change")
    assert (claims["2 碼"].base_value, claims["2 碼"].kind) == (0.5, "change")  # the cut said a clause before
    assert claims["1 個百分點"].kind == "change" and claims["0.5 百分點"].kind == "rule"  # a law's yearly step is a rule
    assert claims["0.824%"].kind == "actual"  # a market's average rate is measured, not set
    assert [c.text for c in claims_of("高雄港 2 碼頭啟用。")] == []  # a wharf, no quarter points
    assert (claims["32.818 元"].base_unit, claims["31.966 元"].base_unit) == ("TWD/USD", "TWD/USD")
    assert not any(text in claims for text in ("千元", "五百元", "百元"))  # notes by their face value
    assert [claims[t].kind for t in ("3.1%", "3.2%", "12%")] == ["forecast", "actual", "change"]


def test_aimed_at_names_no_rule_and_a_reward_at_a_rate_of_a_fine_is_one():
    claims = by_text(claims_of("113 年第 4 季針對國內 12 家電子商務平台進行問卷調查，並針對演算法共謀等議題提出 9 項政策建議。"
                               "檢舉獎金按處分確定之罰鍰金額 10% 核計，每案上限 2,000 萬元。"))
    assert [claims[t].kind for t in ("12 家", "9 項", "10%")] == ["actual", "actual", "rule"]


def test_a_currency_named_before_its_amount():
    # 元 is TWD unless another currency is named — after the amount (億美元) or before it (人民幣 … 兆元),
    # and 約 before the currency's name still governs the amount
    claims = by_text(claims_of("國內生產毛額為人民幣 134.9 兆元，財政赤字約港幣 872 億元，博彩毛收入為澳門幣 2,263 億元，"
                               "另引介投資約新臺幣 46 億元。"))
    read = {text: (claim.base_unit, claim.qualifier) for text, claim in claims.items()}
    assert read == {"134.9 兆元": ("CNY", "exact"), "872 億元": ("HKD", "approx"), "2,263 億元": ("MOP", "exact"),
                    "46 億元": ("TWD", "approx")}


def test_the_same_span_dates_a_sentence_by_the_span_named_before_it_or_the_reports():
    # 同期間 names no date of its own: the span the item named before, else the one the report's opening covers
    claims = report_claims(
        "工程會業務報告\n中華民國 114 年 3 月\n就本會 113 年 9 月至 114 年 2 月之重要業務提出報告。\n"
        "壹、 政府採購 \n一、 決標：113 年 7 月至 12 月決標計 2 萬 8,416 件。同期間工程類決標金額 4,602.35 億元。 \n"
        "二、 申訴：同期間受理申訴 418 件，完成審議 392 件。 \n三、 調解：受理調解申請 236 件。 \n"
    )
    spans = {text: (claims[text].period_start.isoformat(), claims[text].period_end.isoformat()) for text in ("4,602.35 億元", "418 件")}
    assert spans == {"4,602.35 億元": ("2024-07-01", "2024-12-31"), "418 件": ("2024-09-01", "2025-02-28")}
    assert claims["236 件"].period_end is None  # no 同期間: no date (the conventions' reading of an undated sentence)


def test_quarters_without_a_year_take_the_last_year_written_not_a_comparisons_base_and_a_forecasts_label():
    claims = report_claims(
        "主計總處業務報告\n中華民國 114 年 3 月\n壹、 國民所得 \n一、 113 年國民所得統計 \n"
        "（一） 經濟成長：113 年經濟成長率 4.59%；平均每人 GDP 3 萬 3,505 美元，較 112 年增加 1,190 美元。 \n"
        "（二） 各季表現：第 1 季 6.64%、第 2 季 5.07%。 \n二、 114 年經濟預測 \n"
        "（一） 預測 114 年經濟成長率為 3.14%，平均每人 GDP 預測為 3 萬 5,412 美元，較 113 年增加 1,907 美元。 \n"
        "（二） 各季預測：第 1 季 3.05%、第 2 季 3.41%。 \n"
    )
    # 較 112 年 is a base, not the year the next item's quarters are of
    assert (claims["6.64%"].period_start.isoformat(), claims["6.64%"].kind) == ("2024-01-01", "actual")
    # a heading's label ending on 預測： makes its figures forecasts
    assert (claims["3.41%"].period_start.isoformat(), claims["3.41%"].kind) == ("2025-04-01", "forecast")


def test_a_minus_after_a_word_is_a_sign_but_not_after_a_year_or_a_code():
    claims = by_text(claims_of("實質經常性薪資年增率為-0.21%，F-16 戰機 12 架，110 年-112 年補助 3 億元。"))
    assert claims["-0.21%"].value == -0.21 and "-16" not in " ".join(claims) and claims["3 億元"].base_value == 300_000_000


def test_revenue_over_its_budget_is_a_change_an_overcrowding_rate_is_not():
    claims = by_text(claims_of("歲入實收 3 兆 120 億元，較預算數 2 兆 7,450 億元超收 2,670 億元；超收比率 5.2%。"))
    assert (claims["2,670 億元"].kind, claims["5.2%"].kind) == ("change", "actual")


def test_counters_of_a_museum_and_an_election_and_light_in_lux():
    claims = by_text(claims_of("典藏文物計 69 萬 8,856 件組；同意票 434 萬 1,432 票；書畫照度以 50 勒克斯以下為原則。"))
    assert (claims["69 萬 8,856 件組"].base_value, claims["69 萬 8,856 件組"].base_unit) == (698_856, "件組")
    assert claims["434 萬 1,432 票"].base_unit == "票"
    lux = claims["50 勒克斯"]
    assert (lux.base_unit, lux.dimension, lux.qualifier, lux.kind) == ("lux", "illuminance", "up_to", "rule")
    assert "61 線" not in by_text(claims_of("台 61 線西濱快速公路改善 3 處。"))  # a road's number, no count of lines


def test_heat_in_celsius_is_a_temperature_and_a_degree_without_power_no_figure():
    claims = by_text(claims_of("氣溫達 38℃ 以上時，戶外作業應停止；7 月均溫 29.8°C；攝氏 38.5 度時加發防暑津貼。"))
    heat = claims["38℃"]
    assert (heat.base_value, heat.base_unit, heat.dimension, heat.qualifier, heat.kind) == (38, "degC", "temperature", "more_than", "rule")
    assert claims["29.8°C"].base_unit == "degC"
    assert not any(claim.base_unit == "kWh" for claim in claims.values())  # 度 without 電 nearby is no kWh


def test_years_after_a_terms_name_are_how_long_unless_years_of_this_century():
    claims = by_text(claims_of("高雄市公有停車場 BOT 案特許期間 50 年，投資約 38 億元；地上權存續期間 50~70 年。"))
    assert (claims["50 年"].base_value, claims["50 年"].base_unit, claims["50 年"].dimension) == (50, "year", "duration")
    assert (claims["50~70 年"].value, claims["50~70 年"].value_high, claims["50~70 年"].qualifier) == (50, 70, "range")
    assert claims["38 億元"].period_start is None  # no year 50 (1961) dates the investment
    assert "113 至 116 年" not in by_text(claims_of("計畫編列期間為 113 至 116 年，總經費 42 億元。"))


def test_the_same_span_a_year_before_is_the_same_months_not_the_whole_year():
    claims = by_text(claims_of("114 年上半年救護車平均反應時間為 6.8 分鐘，較去年同期之 7.1 分鐘縮短 0.3 分鐘；114 年 1 至 8 月受理 5,000 件，較上年同期 4,800 件增加。"))
    assert (claims["7.1 分鐘"].period_start, claims["7.1 分鐘"].period_end) == (date(2024, 1, 1), date(2024, 6, 30))
    assert (claims["4,800 件"].period_start, claims["4,800 件"].period_end) == (date(2024, 1, 1), date(2024, 8, 31))


def test_a_year_word_with_its_year_in_brackets_dates_the_part_after_it():
    claims = by_text(claims_of("本年（114 年）上半年全國共發生火災 1 萬 0,677 件，財物損失 3 億 2,545.6 萬元；114 年前三季開設水災應變 14 次。"))
    fires, loss, alerts = claims["1 萬 0,677 件"], claims["3 億 2,545.6 萬元"], claims["14 次"]
    assert (fires.period_start, fires.period_end, fires.subject) == (date(2025, 1, 1), date(2025, 6, 30), "全國共發生火災")
    assert (loss.period_start, loss.period_end) == (date(2025, 1, 1), date(2025, 6, 30)) and fires.period_text == "本年（114 年）上半年"
    assert by_text(claims_of("本（114）年 1 至 8 月受理 3,854 件。"))["3,854 件"].period_text == "本（114）年 1 至 8 月"  # as written
    assert (alerts.period_start, alerts.period_end) == (date(2025, 1, 1), date(2025, 9, 30))  # 前三季: to September


def test_the_base_of_a_comparison_dates_its_own_figure_after_its_name():
    claims = by_text(claims_of("本年 8 月淹水面積約 386 公頃，較 110 年同等級豪雨之 2,430 公頃減少 84.1%。"))
    assert (claims["2,430 公頃"].period_start, claims["2,430 公頃"].period_end) == (date(2021, 1, 1), date(2021, 12, 31))


def test_a_half_opening_a_sentence_dates_all_of_it_and_a_years_same_span_is_its_months():
    claims = by_text(claims_of("114 年第 1 季受理 426 件。上半年合計受理 811 件，核定 591 件。本年(114 年)上半年來臺旅客 421.7 萬人次，"
                               "較去年(113 年)同期 372.6 萬人次增加 13.2%。"))
    assert (claims["591 件"].period_start, claims["591 件"].period_end) == (date(2025, 1, 1), date(2025, 6, 30))
    assert (claims["372.6 萬人次"].period_start, claims["372.6 萬人次"].period_end) == (date(2024, 1, 1), date(2024, 6, 30))
    later = by_text(claims_of("109 年出口 3,452 億美元，其中第 4 季 1,000 億美元，全年成長 4.9%。"))
    assert later["4.9%"].period_end == date(2020, 12, 31)  # a quarter after the sentence's first clause dates only its own


def test_what_may_come_to_pass_is_a_forecast_over_a_span_of_gregorian_years():
    claims = by_text(claims_of("本世紀末(2081-2100 年)全臺年平均溫度可能上升 1.4~3.4°C。"))
    warming = claims["1.4~3.4°C"]
    assert (warming.kind, warming.period_start, warming.period_end) == ("forecast", date(2081, 1, 1), date(2100, 12, 31))


def test_the_date_a_report_is_written_on_bounds_its_own_date_and_its_past():
    from policyledger.quantity.claims import extract

    text = ("內政部移民署業務報告\n中華民國 114 年 10 月 1 日\n壹、 入出國\n一、 通關：截至 114 年 8 月底 e-Gate 共 100 座。\n"
            "二、 演習：114 年 9 月 19 日辦理演習，參與人數逾 420 萬人次。\n三、 目標：截至 115 年 8 月底累計註冊 1,200 萬人。\n")
    claims, stated = extract(build_outline(analyse(read_bytes(text.encode("utf-8"), "t.txt"))))
    assert stated == date(2025, 8, 31)  # not the plan's 115 年 8 月底: the report was written in 114 年 10 月
    drill = by_text(claims)["420 萬人次"]
    assert (drill.period_start, drill.kind) == (date(2025, 9, 19), "actual")  # after its last 截至, before it was written: past


def test_rain_in_millimetres_bulletins_and_tenths_with_their_hundredth():
    claims = by_text(claims_of("累積雨量 1,862 毫米；發布 96 報颱風警報，細胞廣播逾 2,800 萬則次；預報準確率九成八、滿意度三成半。"))
    rain = claims["1,862 毫米"]
    assert (rain.dimension, rain.base_unit) == ("length", "km") and abs(rain.base_value - 0.001862) < 1e-12
    assert (claims["96 報"].base_unit, claims["2,800 萬則次"].base_unit) == ("報", "則次")
    assert (claims["九成八"].base_value, claims["三成半"].base_value) == (98, 35)
    assert "3 報" not in by_text(claims_of("提出 3 報告。"))


def test_second_to_it_is_no_person_time():
    # '警察 3 萬 1,240 人次之，': 人, then 次之 ('next in rank'); 3 萬人次之旅客 stays a count of visits
    claims = by_text(claims_of("以職員 10 萬 2,842 人最多，警察 3 萬 1,240 人次之，占 18.4%。"))
    assert claims["3 萬 1,240 人"].base_unit == "人"
    assert by_text(claims_of("吸引 3 萬人次之旅客。"))["3 萬人次"].base_unit == "人次"


def test_this_years_months_are_of_the_report_year_whatever_year_came_before():
    claims = report_claims(
        "人事總處業務報告\n中華民國 114 年 10 月\n壹、 福利 \n一、 托育：截至 114 年 8 月底設置 43 處。 \n二、 健康檢查：113 年補助 3 萬 2,150 人。 \n"
        "三、 員工協助：今年 1 至 8 月提供心理諮商 8,942 人次，較去年同期增加 12.4%。 \n"
    )
    assert (claims["8,942 人次"].period_start.isoformat(), claims["8,942 人次"].period_end.isoformat()) == ("2025-01-01", "2025-08-31")


def test_spent_so_far_in_a_plans_item_is_actual_and_prices_and_procedure_terms_are_rules():
    plan = by_text(claims_of("113 至 116 年，總經費 1 億 2,545.6 萬元。114 年度編列 3,862 萬元，截至 8 月底執行 2,318.5 萬元，執行率 60.0%。",
                             heading="一、 文物修護科技中心擴充計畫 "))
    assert (plan["2,318.5 萬元"].kind, plan["60.0%"].kind, plan["1 億 2,545.6 萬元"].kind) == ("actual", "actual", "target")
    fees = by_text(claims_of("全票 350 元，優待票 150 元；114 年 1 至 8 月門票收入 4 億 6,230 萬元；授權費按定價之 10%計收。"))
    assert (fees["350 元"].kind, fees["150 元"].kind, fees["10%"].kind, fees["4 億 6,230 萬元"].kind) == ("rule", "rule", "rule", "actual")
    terms = by_text(claims_of("連署期間為 60 日，閱覽期間 3 日；平均審結期間為 4.4 個月；名冊應於投票日前 15 日公告；待遇調增 4%。"))
    assert (terms["60 日"].kind, terms["3 日"].kind, terms["4.4 個月"].kind) == ("rule", "rule", "actual")
    assert (terms["15 日"].base_unit, terms["4%"].kind) == ("day", "change")


def test_doses_counted_by_the_person_and_villages_by_the_visit():
    claims = by_text(claims_of("儲備流感抗病毒藥劑約 410 萬人份；完成孳生源清除 146 里次。"))
    assert (claims["410 萬人份"].base_value, claims["410 萬人份"].base_unit) == (4_100_000, "人份")
    assert claims["146 里次"].base_unit == "里次"


def test_a_date_bracketed_at_its_sentences_end_dates_all_the_sentence_says():
    claims = report_claims("國土管理署業務報告\n中華民國 114 年 10 月 8 日\n壹、 海岸 \n一、 海岸管理：已核定一級海岸保護計畫 4 處，"
                           "並核定二級海岸防護計畫 19 處（截至 114 年 8 月底）。 \n")
    assert {text: claims[text].period_end for text in ("4 處", "19 處")} == {"4 處": date(2025, 8, 31), "19 處": date(2025, 8, 31)}
    assert claims["4 處"].period_start is None


def test_a_years_sum_counted_up_to_a_day_of_it_is_as_of_that_day():
    claims = report_claims("國土管理署業務報告\n中華民國 114 年 10 月 8 日\n壹、 租金補貼 \n一、 申請及核定：截至 114 年 8 月底，"
                           "114 年度累計申請 71 萬 8,245 戶，核定 58 萬 4,106 戶。 \n")
    assert (claims["71 萬 8,245 戶"].period_start, claims["71 萬 8,245 戶"].period_end) == (None, date(2025, 8, 31))


def test_fees_taken_in_are_no_rule_nor_an_application_for_a_permit():
    claims = report_claims("經濟部智慧財產局業務報告\n中華民國 114 年 10 月 15 日\n壹、 規費 \n一、 規費收入：114 年上半年規費收入 16.84 億元，"
                           "其中商標規費 3.51 億元；申請規費每件 3,000 元。 \n二、 海岸：114 年上半年受理特定區位許可申請 126 件。 \n")
    assert [claims[text].kind for text in ("16.84 億元", "3.51 億元", "3,000 元", "126 件")] == ["actual", "actual", "rule", "actual"]
    assert claims["3.51 億元"].period_end == date(2025, 6, 30)


def test_years_after_an_age_or_a_bound_are_how_long_not_when():
    from policyledger.quantity.periods import find_time_expressions

    assert find_time_expressions("船齡超過 20 年的近海漁船", None, 2025) == []
    assert find_time_expressions("逾 20 年者按基準價格 6 成收購", None, 2025) == []
    assert [e.text for e in find_time_expressions("自 20 年 1 月起實施", None, 2025)] == ["自 20 年 1 月"]  # a date still


def test_dates_and_years_in_chinese_numerals_as_official_documents_write_them():
    from policyledger.quantity.periods import find_time_expressions

    (done,) = find_time_expressions("本部已於一百十四年七月三十日完成審核", None, 2025)
    assert done.period_end == date(2025, 7, 30)
    (year,) = find_time_expressions("一百一十三年度總決算", None, 2025)
    assert (year.period_start, year.period_end) == (date(2024, 1, 1), date(2024, 12, 31))
    assert find_time_expressions("百年老店", None, 2025) == []


def test_a_fiscal_years_budget_counted_at_a_later_day_is_as_of_that_day():
    claims = report_claims("審計部業務報告\n中華民國 114 年 10 月\n壹、 決算 \n一、 保留數審核：截至 114 年 6 月底，113 年度保留數已執行"
                           "418.76 億元，執行率 68.37%。 \n")
    assert (claims["418.76 億元"].period_start, claims["418.76 億元"].period_end) == (None, date(2025, 6, 30))


def test_a_date_a_heading_brackets_or_a_clause_after_a_semicolon_leads_in_dates_the_items_under_it():
    claims = report_claims("氣候變遷署業務報告\n中華民國 114 年 10 月\n壹、 碳費 \n一、 審查 \n（一） 審查結果（截至 114 年 8 月底） \n"
                           "1、 已核定 121 家，其中適用優惠費率 A 者 37 家。 \n"
                           "（二） 採購：機關辦理查核金額以上之採購，應報請上級機關派員監辦；本部 114 年上半年查核是類採購計 871 件，分述如下： \n"
                           "1、 工程採購：412 件。 \n")
    assert [claims[text].period_end for text in ("121 家", "37 家")] == [date(2025, 8, 31)] * 2
    assert (claims["412 件"].period_start, claims["412 件"].period_end) == (date(2025, 1, 1), date(2025, 6, 30))
    assert claims["37 家"].kind == "actual"  # counted among those a rate applies to, not the rate


def test_a_schedule_a_rate_formula_sets_stays_a_rule():
    claim = claims_of("依公用售電業電價費率計算公式每年辦理 2 次電價審議。")[0]
    assert claim.kind == "rule"


def test_tonnes_of_co2_equivalent_are_tonnes():
    claims = by_text(claims_of("截至 114 年 8 月底累計核發減量額度 143 萬 6,285 tCO2e，排放量 8,974.2 萬公噸CO2e。"))
    assert (claims["143 萬 6,285 tCO2e"].base_value, claims["143 萬 6,285 tCO2e"].base_unit) == (1_436_285, "t")
    assert claims["8,974.2 萬公噸"].base_unit == "t"


def test_chinese_ways_of_saying_about_at_most_and_some_tens():
    claims = by_text(claims_of("另有兩成左右企業新增僱用人力，補助比率不超過計畫總經費 50%，協助數十家廠商擴廠，帶動投資上百億元，"
                               "綠電占其用電量 1 成 5，第 3 至 4 年按 6 折計收，其人數不得低於總人數百分之一，空中轉診 312 趟次。"))
    assert [claims[text].qualifier for text in ("兩成", "50%", "十家", "百億元")] == ["approx", "up_to", "more_than", "at_least"]
    assert (claims["1 成 5"].base_value, claims["1 成 5"].base_unit) == (15, "percent")
    assert "4 年" not in claims  # the end of 第 3 至 4 年: an ordinal too
    assert claims["百分之一"].qualifier == "at_least" and claims["312 趟次"].base_unit == "趟次"


def test_the_same_span_is_the_one_the_report_is_about_not_a_comparisons_year_before():
    claims = report_claims("調查局業務報告\n一、肅貪工作\n114 年 1 月至 8 月，本局共移送貪瀆案件 286 件（113 年同期為 251 件），成長 13.9%。"
                           "同期間偵辦之貪瀆案件，不法金額合計 1 億 2,545.6 萬元。\n")
    amount = claims["1 億 2,545.6 萬元"]
    assert (amount.period_start, amount.period_end) == (date(2025, 1, 1), date(2025, 8, 31))


def test_ocr_letters_for_digits_gregorian_slash_dates_kg_and_english_words():
    claims = by_text(claims_of("查獲 1,O47 家，占 3O.5%，補助 l2 萬元，衛星重 170 kg，拍攝 27 景，繞行 4 萬 2,000 圈；COVID-19 疫情，第 I 期。"))
    assert [claims[text].base_value for text in ("1,O47 家", "3O.5%", "l2 萬元")] == [1047, 30.5, 120_000]  # read as the digits, shown as printed
    assert (claims["170 kg"].base_value, claims["170 kg"].base_unit) == (0.17, "t") and claims["27 景"].base_unit == "景"
    assert "19 疫情" not in " ".join(claims)
    english = claims_of("436 公頃 restored; 436 had been restored or corrected.")
    assert [claim.text for claim in english] == ["436 公頃"]  # no 'ha' of had
    from policyledger.quantity.periods import find_time_expressions

    (day,) = find_time_expressions("FORMOSAT-8A 於 2025/3/15 完成飛行體整合", None, 2025)
    assert day.period_end == date(2025, 3, 15)


def test_a_later_years_budget_is_planned_the_current_years_is_read_as_stated():
    claims = report_claims("衛生福利部業務報告\n一、長照基金：截至 114 年 8 月底，基金累計支出 495.3 億元。114 年度預算 612.5 億元；"
                           "115 年度基金來源預算 1,086.4 億元，其中公務預算撥充 627.0 億元。\n")
    assert [claims[text].kind for text in ("495.3 億元", "612.5 億元", "1,086.4 億元", "627.0 億元")] == ["actual", "actual", "target", "target"]


def test_a_year_to_come_named_in_one_item_does_not_date_the_next_items_months():
    claims = report_claims("國家發展委員會 114 年 9 月景氣概況\n中華民國 114 年 10 月 27 日\n壹、景氣概況\n一、 展望：預測 115 年經濟成長率 2.5%。\n"
                           "二、 貿易：9 月出口 412.3 億美元，年增 18.2%；1 至 9 月累計 3,621.5 億美元。\n")
    exports, cumulative = claims["412.3 億美元"], claims["3,621.5 億美元"]
    assert (exports.kind, exports.period_start, exports.period_end) == ("actual", date(2025, 9, 1), date(2025, 9, 30))
    assert (cumulative.period_start, cumulative.period_end) == (date(2025, 1, 1), date(2025, 9, 30))
