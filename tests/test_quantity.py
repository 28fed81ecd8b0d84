"""Numbers, units and periods as the reports write them."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date

import pytest

from policyledger.model import Node
from policyledger.quantity.claims import _reference_year
from policyledger.quantity.figures import find_figures, masked_spans
from policyledger.quantity.numbers import combine_mixed, value_of_arabic, value_of_chinese
from policyledger.quantity.periods import find_time_expressions
from policyledger.quantity.units import match_unit, normalize
from policyledger.textnorm import compact


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("三十", 30), ("一百二十三萬四千", 1_234_000), ("百", 100), ("兩千", 2000), ("一一○", 110), ("一千零一", 1001), ("十", 10), ("五千萬", 5e7)],
)
def test_chinese_numerals(numeral: str, value: float):
    assert value_of_chinese(numeral) == value


def test_not_numerals():
    assert value_of_chinese("一切") is None
    assert value_of_arabic("1,23") is None


def test_mixed_numerals():
    assert combine_mixed(72, "萬", 3097) == 723_097
    assert combine_mixed(1, "億", 2545.6, "萬") == 125_456_000


@pytest.mark.parametrize(
    ("written", "dimension", "base", "unit"),
    [
        ("億元", "money", 1e8, "TWD"), ("億美元", "money", 1e8, "USD"), ("萬瓩", "power", 1e4, "kW"), ("GW", "power", 1e6, "kW"),
        ("坪", "area", 3.305785, "m2"), ("平方公里", "area", 100, "ha"), ("萬公噸", "mass", 1e4, "t"), ("成", "percent", 10, "percent"),
        ("百分點", "percent", 1, "percentage_point"), ("元/瓶", "price", 1, "TWD/瓶"), ("台", "count", 1, "臺"), ("億度", "energy", 1e8, "kWh"),
        ("毫升", "volume", 1e-6, "m3"), ("個月", "duration", 1, "month"), ("公尺", "length", 1e-3, "km"), ("公里", "length", 1, "km"),
    ],
)
def test_units_registry(written: str, dimension: str, base: float, unit: str):
    match = match_unit(written, 0)
    assert match is not None
    got_dimension, got_base, got_unit = normalize(1.0, match)
    assert (got_dimension, got_unit) == (dimension, unit)
    assert got_base == pytest.approx(base)


def test_base_values_carry_no_binary_noise():
    match = match_unit("億元", 0)
    assert normalize(277.6, match)[1] == 27_760_000_000  # 277.6 × 1e8 is 27760000000.000004 in floats
    assert normalize(0.81, match_unit("%", 0))[1] == 0.81


def test_water_tons_are_cubic_metres():
    match = match_unit("萬噸", 0)
    assert normalize(1.55, match, water=True) == ("volume", 15500.0, "m3")


def period(text: str, context: int | None = 2020, report: int | None = 2021):
    exprs = [e for e in find_time_expressions(text, context, report) if e.role != "base"]
    return [(e.period_start, e.period_end, e.role) for e in exprs]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("109 年", [(date(2020, 1, 1), date(2020, 12, 31), "period")]),
        ("109 年第 2 季", [(date(2020, 4, 1), date(2020, 6, 30), "period")]),
        ("109 年下半年", [(date(2020, 7, 1), date(2020, 12, 31), "period")]),
        ("截至 109 年底", [(None, date(2020, 12, 31), "as_of")]),
        ("110 年 2 月底", [(None, date(2021, 2, 28), "as_of")]),
        ("107 年至 109 年", [(date(2018, 1, 1), date(2020, 12, 31), "period")]),
        ("115 至 124 年", [(date(2026, 1, 1), date(2035, 12, 31), "period")]),
        ("一一○年", [(date(2021, 1, 1), date(2021, 12, 31), "period")]),
        ("自 107 年起", [(date(2018, 1, 1), None, "open")]),
        ("10 月 22 日", [(None, date(2020, 10, 22), "as_of")]),
        ("去年度", [(date(2020, 1, 1), date(2020, 12, 31), "period")]),
        ("2020 年", [(date(2020, 1, 1), date(2020, 12, 31), "period")]),
        ("109 年 9 月 24 日至 26 日", [(date(2020, 9, 24), date(2020, 9, 26), "period")]),
        ("10 月 22 日至 25 日", [(date(2020, 10, 22), date(2020, 10, 25), "period")]),
        ("截至 110 年 1 月 3 日至 2 日", [(None, date(2021, 1, 3), "as_of")]),
        ("109 年 4 至 6 月", [(date(2020, 4, 1), date(2020, 6, 30), "period")]),
        ("10 至 12 月間", [(date(2020, 10, 1), date(2020, 12, 31), "period")]),
        ("3 至 5 級偏鄉", []),
        ("109 年前 8 個月", [(date(2020, 1, 1), date(2020, 8, 31), "period")]),  # the first eight months
        ("今年前 3 個月", [(date(2021, 1, 1), date(2021, 3, 31), "period")]),  # of the report's year
        ("於 114 年前完成", [(None, date(2025, 12, 31), "as_of")]),  # by the end of that year
        ("114.2.3 於外海攔獲", [(None, date(2025, 2, 3), "as_of")]),  # an ROC date written with dots
        ("113.10.29 至 113.11.1 颱風侵襲期間", [(date(2024, 10, 29), date(2024, 11, 1), "period")]),
        ("113/12/31", [(None, date(2024, 12, 31), "as_of")]),
        ("在 106 到 109 年這四年間", [(date(2017, 1, 1), date(2020, 12, 31), "period")]),  # not 'counted to 109 年'
        ("成長 10 到 109 年", [(None, date(2020, 12, 31), "as_of")]),  # 10 is no year's first of a range
        ("版本 1.2.3、成長 3.5.1 與 113.13.2", []),  # no ROC year, no month 13
    ],
)
def test_periods(text: str, expected):
    assert period(text) == expected


def test_durations_and_names_are_not_periods():
    assert period("預期 3 年內") == []
    assert period("2020 臺馬聯合網購節") == []


def test_comparison_base_is_marked():
    assert [e.role for e in find_time_expressions("較 108 年成長 2.6%", 2020)] == ["base"]


def figures(text: str) -> list[str]:
    return [text[f.start:f.end] for f in find_figures(text, [])]


def test_figures_found_as_written():
    text = "總計核准 17,797 家、261.61 億元，受惠員工 522,616 人，計 1萬0,677 件、1 億 2,545.6 萬元、5 千萬元、百億元、十成、百分之三十"
    assert figures(text) == ["17,797 家", "261.61 億元", "522,616 人", "1萬0,677 件", "1 億 2,545.6 萬元", "5 千萬元", "百億元", "十成", "百分之三十"]


def test_more_after_a_scale_word_and_less_common_counters():
    assert figures("收錄 2 萬多項產品，礦業權減少 76 礦，檢查 900 礦次，出版 67 幅，蒐集 30 系列，提供 17 領域服務") == [
        "2 萬多項", "76 礦", "900 礦次", "67 幅", "30 系列", "17 領域",
    ]
    assert figures("計轉介 329 案次，臨場協處 326 家次") == ["329 案次", "326 家次"]
    assert figures("推動 5 萬多元化服務、3 礦業公司") == []


def test_counters_units_and_numerals_of_other_ministries_reports():
    # Written from reports of 勞動部, 交通部 and 農委會 that the extractor was not developed on.
    text = (
        "基金規模達 4 兆 7,321 億元，受理 26 萬 1,148 通、58 職類，豬隻 3 萬頭，年滿 65 歲，貨櫃 1,525 萬 4,318 TEU、"
        "1 億 4,250 萬旅次、498 萬 6,412 間夜，增開 2 列，反應 10 秒，再完成兩座，以補助兩次為限"
    )
    assert figures(text) == [
        "4 兆 7,321 億元", "26 萬 1,148 通", "58 職類", "3 萬頭", "65 歲", "1,525 萬 4,318 TEU", "1 億 4,250 萬旅次",
        "498 萬 6,412 間夜", "2 列", "10 秒", "兩座", "兩次",
    ]
    found = {text[f.start:f.end]: f for f in find_figures(text, [])}
    assert found["4 兆 7,321 億元"].value == 4_732_100_000_000
    assert (found["65 歲"].unit.spec.dimension, found["65 歲"].unit.spec.base_unit) == ("age", "year")
    assert found["兩座"].value == 2
    assert figures("發生 5 起非洲豬瘟案例，檢查漁船 1,326 艘次，3 起訴") == ["5 起", "1,326 艘次"]
    assert figures("結婚 12 萬 1,702 對，查獲槍枝 1,023 枝，審核期間 7~10 個工作天，6 部 1 對 1 單軸式機組") == [
        "12 萬 1,702 對", "1,023 枝", "7~10 個工作天", "6 部",
    ]
    measured = "PM2.5 年平均濃度 15.0 微克/立方公尺，紅害 95 站日，平均到場時間 48 分鐘，機車定檢 1,086 萬輛次，煙囪 447 根"
    assert {measured[f.start:f.end]: normalize(f.value, f.unit) for f in find_figures(measured, [])} == {
        "15.0 微克/立方公尺": ("intensity", 15.0, "微克/立方公尺"), "95 站日": ("count", 95.0, "站日"), "48 分鐘": ("duration", 0.8, "hour"),
        "1,086 萬輛次": ("count", 10_860_000.0, "輛次"), "447 根": ("count", 447.0, "根"),
    }
    rates = "粗出生率為千分之7.01，自然增加率 -0.33‰"
    per_mille = {rates[f.start:f.end]: (f.value, f.unit.spec.factor) for f in find_figures(rates, [])}
    assert per_mille == {"千分之7.01": (7.01, 0.1), "-0.33‰": (-0.33, 0.1)}
    # what a rate is per is no figure of its own
    assert figures("每 10 萬人口死亡率為 8.22 人，消防人員為每 10 萬人 71 人，每人每月補助 3,000 元") == ["8.22 人", "71 人", "3,000 元"]
    priced = "種稻田區 77,000 元/公頃、收購價格 26 元/公斤"
    prices = {priced[f.start:f.end]: f.unit.spec.base_unit for f in find_figures(priced, [])}
    assert prices == {"77,000 元/公頃": "TWD/ha", "26 元/公斤": "TWD/kg"}


def test_words_that_only_look_like_counted_things():
    # 千人率 names a rate; 通力, 歲修, 列入 and 兩岸 are words; 2 萬 3 億 is no number.
    assert figures("職業傷害千人率為 0.147，16通力合作，辦理歲修 3 次，3 列入管制，兩岸、兩國關係") == ["3 次"]
    assert figures("計 2 萬 3 億元") == []


def test_bare_du_is_kilowatt_hours_only_next_to_electricity():
    assert figures("民生用電 330 度以下不調漲") == ["330 度"]
    assert figures("氣溫達 30 度以上") == []


def test_ranges_keep_both_ends():
    found = list(find_figures("約 7~10 天，每年 2,000-3,000 萬元，200 萬瓩~260 萬瓩", []))
    assert [(f.value, f.value_high) for f in found] == [(7, 10), (2000, 3000), (200, 260)]


NOT_FIGURES = ["TCE100", "R&D 100 獎", "5G 國家隊", "F-16 型機", "1988 紓困振興專線", "0800-589-168", "6G/GR 銲工", "7-11 超商", "第 46-1 條", "前 5 名"]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_figures(text: str):
    assert figures(text) == []


# --- What the speed-ups rely on (quantity/ was made faster with its output unchanged) -----------


def test_phone_numbers_and_urls_are_masked_only_where_they_start_a_word():
    text = "專線 0800-589-168、02-2321-2200，網址 www.moea.gov.tw；A02-2321-2200 與 10800-589-168 不是電話"
    masked = [text[a:b] for a, b in masked_spans(text)]
    assert masked == ["www.moea.gov.tw", "0800-589-168", "02-2321-2200", "www.moea.gov.tw"]


def test_a_scale_word_of_an_arabic_figure_is_not_read_again_as_a_chinese_numeral():
    assert figures("2,332 萬元、三萬人、5 億度") == ["2,332 萬元", "三萬人", "5 億度"]


def test_reference_year_counts_roc_years_not_digits_inside_longer_numbers():
    nodes = [Node("壹", 1, 1, "壹、", "", text, 1, 1) for text in ("109 年、(110年)、110 年", "2110 年、5109 年")]
    assert _reference_year(nodes) == 2021


def test_compact_removes_what_a_regex_whitespace_class_removes():
    text = "".join(chr(code) for code in range(0x3100)) + "\u3000\u2028\u205f"
    assert compact(text) == re.sub(r"\s+", "", text)


def test_importing_the_extractors_does_not_load_pint():
    code = "import sys, policyledger.quantity.claims, policyledger.quantity.recognize, policyledger.entities; print('pint' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"


def test_remembered_unit_factors_are_pints_own(tmp_path, monkeypatch):
    """The factors remembered across processes (so a new process need not import pint) are the
    ones pint computes from units.txt, and a process finding the file reads them back."""
    from policyledger.quantity import units

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    units._remembered_factors.cache_clear()
    written = units._remembered_factors()
    assert units._factor_cache_file().is_file() and written
    for key, factor in written.items():
        unit, target = key.split(">")
        assert factor == pytest.approx(units._pint_factor(unit, target), rel=1e-12)
    units._remembered_factors.cache_clear()
    assert units._remembered_factors() == written
    units._remembered_factors.cache_clear()


def test_a_tables_unit_label_is_no_figure():
    # '資源回收量(萬公噸) 583.6 601.2': the bracket holds the row's scale and unit, not ten thousand tonnes
    assert list(find_figures("資源回收量(萬公噸) 583.6 601.2 301.7", [])) == []
    assert list(find_figures("單位：億元", [])) == []
    assert [f.value for f in find_figures("逾萬家企業受惠", [])] == [10000]


def test_broadband_speeds_storage_and_spectrum_in_their_base_units():
    from policyledger.quantity.units import normalize

    found = {f.unit.text: normalize(f.value, f.unit) for f in find_figures("平均下載速率 412.6Mbps，雲端儲存 1.2TB，核配頻寬 2,130MHz", [])}
    assert found["Mbps"] == ("data_rate", 412.6e6, "bit/s")
    assert found["TB"] == ("data", 1.2e12, "B")
    assert found["MHz"] == ("frequency", 2130e6, "Hz")
    # a band is named by its frequency: '3.3GHz 頻段' is no width of spectrum
    assert [f.unit.text for f in find_figures("釋出 3.3GHz 頻段共 100MHz 頻寬", [])] == ["MHz"]


def test_two_of_a_duration_or_a_multiple():
    assert figures("為期兩個月之職場體驗，成長兩倍，連續兩年") == ["兩個月", "兩倍", "兩年"]
    assert figures("兩年度預算") == []


def test_a_range_of_tenths_battalions_person_days_kilolitres_and_a_tables_number():
    assert figures("租金為市場租金之六至八成") == ["六至八成"]
    assert [(f.value, f.value_high) for f in find_figures("六至八成", [])] == [(6.0, 8.0)]
    assert figures("計 64 營完成基地訓練，住院 41.3 萬人日，儲油 18.7 萬公秉") == ["64 營", "41.3 萬人日", "18.7 萬公秉"]
    assert figures("表 1 國防預算用途別比較；變更內容對照表 68 件") == ["68 件"]
    assert figures("3 營運據點") == []
    assert figures("敬老票 5 折優惠，完成 4 段路線；8 折扣抵") == ["5 折", "4 段"]
    assert figures("平均結案日數 52.3 日，縮短 3.1 日；縮短為 14 日，列管兩種物質") == ["52.3 日", "3.1 日", "14 日", "兩種"]
    assert figures("10 月 22 日辦理") == []


def test_zero_days_is_read_without_a_crash():
    # 0 is falsy: the day count must still be a float to ask whether it is whole
    assert figures("0日") == [] and figures("延長 0 日") == ["0 日"]


def test_concentrations_formulas_and_a_codes_class_are_read_as_such():
    assert figures("PM2.5 年平均濃度降至 12 μg/m3，排放限值由 50 mg/Nm3 加嚴為 30 mg/Nm3") == ["12 μg/m3", "50 mg/Nm3", "30 mg/Nm3"]
    assert [f.unit.spec.dimension for f in find_figures("降至 12 μg/m3", [])] == ["intensity"]
    assert figures("完成申報家數÷應申報家數×100%") == []  # a formula's factor
    assert figures("AQI>100 站日數÷總站日數，採樣 9,840 點次，新增路外停車位 2,380 格") == ["9,840 點次", "2,380 格"]  # a code's class is none


def test_a_time_or_a_count_for_each_household_is_an_intensity():
    assert figures("每戶停電時間 16.842 分鐘/戶，較前一年之 17.916 分鐘/戶減少；每戶停電次數 0.187 次/戶，連絡線 46 回線") == [
        "16.842 分鐘/戶", "17.916 分鐘/戶", "0.187 次/戶", "46 回線"]
    assert [f.unit.spec.dimension for f in find_figures("停電時間 16.842 分鐘/戶", [])] == ["intensity"]
