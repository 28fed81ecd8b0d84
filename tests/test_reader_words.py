"""A reader's words put as the report writes them (reader_words.txt), before a question is read."""

from __future__ import annotations

import pytest

from policyledger.errors import InputError
from policyledger.question import parse_question
from policyledger.reader_words import in_report_words, same_words
from policyledger.textnorm import fold


def test_a_readers_words_become_the_reports():
    assert in_report_words("109 年我國的貿易順差有多少？") == "109 年我國的出超有多少？"
    assert in_report_words("臺灣跟菲律賓的合作備忘錄是什麼時候簽的？") == "臺菲的合作備忘錄是何時簽署？"
    assert in_report_words("快樂檸檬的第一家旗艦店是哪天開幕的？") == "快樂檸檬的首間旗艦店是哪天開設的？"


def test_longer_words_win_and_asking_words_stay():
    # 清掉了 is not 清 + 掉了 (a decrease); 哪一天 asks for a date, it is not 每日.
    assert "減少" not in in_report_words("曾文水庫 109 年清掉了多少淤泥？")
    assert in_report_words("備忘錄是哪一天簽署的？") == "備忘錄是哪一天簽署的？"
    assert in_report_words("永康再生水廠一天可以供多少水？") == "永康再生水廠每日可供多少水？"
    assert in_report_words("新創圓夢網每個月有多少人次瀏覽？") == "新創圓夢網每月有多少人次瀏覽？"
    # 收到 is how a reader says the report's 受理 of applications, but also of a notice: no word.
    assert in_report_words("總共收到多少案申請？") == "總共 多少案申請？"
    assert in_report_words("新增列入應施檢驗的商品有幾種？") == "增列應施檢驗的商品有幾種？"
    assert in_report_words("累計每天可以增加供應多少備援水量？") == "累計每日可增供多少備援水量？"
    assert in_report_words("臺中福田廠蓋好以後每天可以供多少水？") == "臺中福田廠完成後每日可供多少水？"
    assert in_report_words("土地賣出去以後要在幾年內拿到使用執照？") == "土地出售後要在幾年內取得使用執照？"
    # 最高可以 says how high a figure goes (含銀量可高達 10~30%), not that a rule caps it.
    assert "上限" not in in_report_words("含銀量最高可以到多少？")


def test_the_base_of_a_comparison_is_no_content():
    question = parse_question("疫情下 109 年上半年餐飲業的營業額跟前一年同期比掉了多少？")
    assert question.dimensions == {"percent"}
    assert not any("前一年" in s or "上年" in s for s in question.segments)


def test_plans_and_caps_in_a_readers_words():
    # what a plan will cost: planned, in whichever word the report gives its cost (總經費, 投資)
    assert in_report_words("台電配電系統強韌計畫打算花多少錢？") == "台電配電系統強韌計畫預計多少錢？"
    assert in_report_words("每家企業最多可以補貼多少利息？") == "每家企業上限補貼多少利息？"
    assert in_report_words("平均要等幾個月才收到第一次通知？") == "平均要等幾個月才 首次通知？"


def test_words_the_reports_use_themselves_stay():
    assert in_report_words("用水契約在哪一天簽訂？") == "用水契約在哪一天簽訂？"
    assert in_report_words("發生一起事故") == "發生一起事故"  # 一起 as a count, not 'together'


def test_a_users_own_words_are_added_from_a_file(tmp_path, monkeypatch):
    extra = tmp_path / "words.txt"
    extra.write_text("# 本部的說法\n綠電 | 再生能源電力 → 再生能源\n順差 → 貿易出超\n", encoding="utf-8")
    monkeypatch.setenv("POLICYLEDGER_READER_WORDS", str(extra))
    assert in_report_words("109 年綠電裝了多少？") == "109 年再生能源裝了多少？"
    assert in_report_words("109 年的順差有多少？") == "109 年的貿易出超有多少？"  # the user's rule wins


def test_a_bad_words_file_is_named_with_its_problem(tmp_path, monkeypatch):
    bad = tmp_path / "bad.txt"
    bad.write_text("順差 出超\n", encoding="utf-8")
    monkeypatch.setenv("POLICYLEDGER_READER_WORDS", str(bad))
    with pytest.raises(InputError, match=r"bad\.txt: line 1 is no rule"):
        in_report_words("順差")
    monkeypatch.setenv("POLICYLEDGER_READER_WORDS", str(tmp_path / "missing.txt"))
    with pytest.raises(InputError, match=r"missing\.txt: cannot read"):
        in_report_words("順差")


def test_words_the_reports_use_alike_match_as_one(tmp_path, monkeypatch):
    assert same_words("108年3月4日动工兴建中") == "108年3月4日开工兴建中"  # folded text, as matched
    assert "开工" in parse_question("高雄臨海再生水廠是什麼時候動工的？").segments
    extra = tmp_path / "words.txt"
    extra.write_text("輔導 = 協助 | 幫助\n", encoding="utf-8")
    monkeypatch.setenv("POLICYLEDGER_READER_WORDS", str(extra))
    assert same_words("协助业者") == same_words("帮助业者") == "辅导业者"
    assert same_words("动工") == "开工"  # the bundled rules stay


def test_passages_are_read_with_the_words_in_force(tmp_path, monkeypatch):
    from policyledger.question import _window_words

    monkeypatch.delenv("POLICYLEDGER_READER_WORDS", raising=False)
    assert _window_words("协助 业者") == "协助业者"
    extra = tmp_path / "words.txt"
    extra.write_text("輔導 = 協助\n", encoding="utf-8")
    monkeypatch.setenv("POLICYLEDGER_READER_WORDS", str(extra))
    assert _window_words("协助 业者") == "辅导业者"  # not the window cached under the bundled words


def test_words_of_other_ministries_reports():
    # Reports to the Legislative Yuan call it 大院; they write 核撥 where a reader says 撥出, 調幅 for 調升的幅度.
    assert same_words("经大院审议通过") == same_words("经立法院审议通过")
    assert same_words("核拨金额") == same_words("拨出金额")
    assert in_report_words("110 年每月基本工資調升的幅度是百分之多少？") == "110 年每月基本工資調幅是百分之多少？"
    # calls a line took are 來電 in its report; '這半年' is the span the report covers, no word of what is asked
    assert in_report_words("118 專線在這半年接到多少通電話？").split() == ["118", "專線在", "多少通來電？"]
    # certificates 核發 are sent out (發出); a feed-in tariff is 躉購 or 躉售; a meeting held is 召開
    assert same_words("已核发证书 133 张") == same_words("已发出证书 133 张")
    assert same_words("趸售电价") == same_words("趸购电价")
    assert in_report_words("協調會報是在哪一天開會的？") == "協調會報是在哪一天召開？"
    assert in_report_words("大修換了多少束新燃料？") == "大修更換多少束新燃料？"
    assert in_report_words("紀念銀幣一枚賣多少錢？") == "紀念銀幣每枚售價多少？"  # '每枚售價 1,800 元'


def test_a_bracketed_not_and_words_restating_the_period_asked():
    # '（不是全年）' is said to the tool; 全年 next to 109 年 is the period, which a figure of 109 年 has.
    question = parse_question("充電再出發訓練計畫在 109 年第 3 季的參訓人次是多少（不是全年）？")
    assert "全年" not in question.segments
    year = parse_question("109 年全年的平均失業率是多少？")
    windows = [("109 年平均失業率 3.85%", 1.0)]
    assert year.coverage(windows, period_matched=True) > year.coverage(windows, period_matched=False)


def test_a_share_asked_by_its_weight():
    # 比重 asks a percentage, as 占比 does.
    assert parse_question("109 年高雄港的貨櫃量占全國國際商港貨櫃裝卸量的比重是多少？").dimensions == {"percent"}


def test_the_noun_closing_a_which_question_is_the_kind_asked_for():
    assert parse_question("109 年推動的跳島郵輪停靠了哪些離島？").segments == ["推动", "跳岛邮轮停靠", "109年"]


def test_a_date_asked_from_its_start_is_written_since_it():
    # '從哪一天開始接種': the report writes '自 110 年 3 月 22 日起開打'; 國內, like 我國, may go unsaid.
    assert parse_question("國內 COVID-19 疫苗是從哪一天開始接種的？").segments == ["国内", "covid-19", "疫苗", "接种"]
    assert "开始施行" not in parse_question("用電大戶條款從哪一天開始施行？").segments


def test_people_counted_by_their_noun_and_firms_by_their_kind_of_house():
    assert parse_question("109 學年度全國各級學校的學生總數是多少？").units == {"人", "人次"}
    assert {"家", "園", "所"} <= parse_question("有幾家私立幼兒園簽約加入準公共機制？").units


def test_a_code_name_asked_must_stand_whole():
    # PM10 is not PM2.5: the bigram 'pm' says nothing of the name.
    question = parse_question("109 年全國 PM10 的年平均濃度是多少？")
    near_miss = [("109 年全國 pm2.5 年平均濃度為 15.0 微克/立方公尺", 1.0)]
    answer = [("109 年全國 pm10 年平均濃度為 30.1 微克/立方公尺", 1.0)]
    assert question.coverage(near_miss) < 0.6 * question.coverage(answer)


def test_a_year_named_in_brackets_and_a_span_of_fiscal_years():
    # '今年（110 年）1 到 2 月' is January to February 110; '前 3 年度' is three years back, no date.
    months = parse_question("今年（110 年）1 到 2 月的關稅實徵數是多少？")
    assert (months.period[0].isoformat(), months.period[1].isoformat()) == ("2021-01-01", "2021-02-28")
    assert not any("3年度" in anchor for anchor in parse_question("債務未償餘額和前 3 年度 GDP 平均數相比是百分之多少？").date_anchors)


def test_a_years_output_a_source_a_target_market_and_firms_by_their_country():
    assert in_report_words("試量產線一年可以生產多少？") == "試量產線年產多少？"
    assert in_report_words("根據統計處的數字，零售業連續負成長幾個月？") == "根據統計處 ，零售業連續負成長幾個月？"
    assert same_words(fold("根據")) == same_words(fold("依據"))
    assert same_words(fold("鎖定全球市場")) == same_words(fold("搶攻全球市場"))
    assert same_words(fold("熱塑複合材料")) == same_words(fold("熱塑複材"))
    assert same_words(fold("引進法國廠商")) == same_words(fold("引進法商"))
    assert same_words(fold("占比提高到")) == same_words(fold("占比提升到"))


def test_kinds_of_count_budgets_spent_and_thresholds_reached():
    assert not any("類數" in s or "类数" in s for s in parse_question("商標註冊申請的類數增加了多少百分比？").segments)
    assert parse_question("台水公司為穩定南部供水投入 3.7 億元，實際已經執行了多少？").dimensions == {"money"}
    assert "percent" in parse_question("薪資補貼適用於營收下降達多少的艱困事業？").dimensions
    assert fold("商標申請案") in parse_question("商標申請案如果適用快軌機制，通知期間縮短到多少？").segments  # 如果 is no content


def test_a_rate_asked_how_high_a_kind_of_part_and_a_thing_handed_on():
    assert parse_question("3D 皮膚列印技術良率有多高？").dimensions == {"percent"}
    assert parse_question("物聯網資安產業標準中，影像監控類的標準有幾項？").part == fold("影像監控")
    assert not parse_question("中科院將軍品關鍵技術技轉民間後，促成廠商投資了多少金額？").wants_target  # 將 as 把
    assert parse_question("中科院將投入多少經費？").wants_target


def test_a_download_speed_is_no_percentage():
    assert parse_question("5G 平均下載速率是多少？").dimensions == {"data_rate"}
    assert parse_question("100Mbps 以上寬頻涵蓋率是多少？").dimensions == {"percent"}


def test_each_of_a_list_the_question_sets_aside():
    assert parse_question("補助商圈進行環境優化（不含行銷、訓練活動）的補助金額是多少？").excluded == [fold("行銷"), fold("訓練活動")]


def test_a_span_said_again_in_words_and_how_a_figure_is_counted_are_no_words_to_look_for():
    spans = parse_question("「新節電運動方案」在 106 到 109 年這四年間總共省下多少電？")
    assert spans.segments == ["新节电运动方案", "节电", "106到109年"]  # 省下多少電: what a report calls 節電
    counted = parse_question("109 年的商標註冊申請如果按指定類別計算，一共是多少類？")
    windows = [(fold("109 年受理商標註冊申請案 9 萬 4,089 件，共計 11 萬 9,659 類"), 1.0)]
    assert counted.coverage(windows, period_matched=True) > 0.9  # '按指定類別計算' is an aside the report need not say


def test_this_period_opening_a_question_is_the_span_the_report_covers():
    assert not any("本期" in segment for segment in parse_question("截至 114 年 1 月底，本期所處罰鍰的收繳率是多少？").segments)
    assert any("本期" in segment for segment in parse_question("前 5 名合計約占本期核准投資總額的多少比例？").segments)


def test_a_range_asked_by_its_breadth_is_a_percentage_and_no_word_to_look_for():
    question = parse_question("109 年旱災應變時，民生用水減壓減量節水的幅度是多少？")
    assert question.dimensions == {"percent"} and not any("幅度" in segment for segment in question.segments)


def test_a_length_asked_by_its_measure_and_a_bound_asked_are_no_words_to_look_for():
    question = parse_question("工程地質探勘資料，總長度超過多少公尺？")
    assert question.segments == ["工程地质探勘资料"]  # 逾 173 萬公尺: the bound is the figure's qualifier
    assert parse_question("浪漫台三線沿線長度約為多少？").dimensions == {"length"}
