"""`ask` on our own questions (benchmarks/own-gold*, sections the dev gold touches least), and the
question readings they called for."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text
from tests.test_ask import answer_texts, ledger, small_ledger  # noqa: F401  (the sample, ingested once; a small report written by a test)

from policyledger.ask import ask
from policyledger.evaluate import read_jsonl, score_answers
from policyledger.question import _window_words, authors_of, parse_question
from policyledger.reader_words import same_words
from policyledger.textnorm import compact, fold

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"


def answer_value(sample: tuple) -> Callable[[str], object]:
    """question → the value `ask` answers with on the ingested sample (the `ledger` fixture)."""
    engine, doc_id, _ = sample
    return lambda question: ask(engine, question, doc_id=doc_id)["answer"]["value"]


# Each set at least as good as measured after its changes (own-gold-9: 18/20, -10 and -11: 15/18; see their READMEs).
@pytest.mark.parametrize(("folder", "least"), [
    ("own-gold", 0.90), ("own-gold-2", 0.90), ("own-gold-3", 0.90), ("own-gold-4", 0.90), ("own-gold-5", 0.90),
    ("own-gold-6", 0.90), ("own-gold-7", 0.90), ("own-gold-8", 0.90), ("own-gold-9", 0.90), ("own-gold-10", 0.80),
    ("own-gold-11", 0.80), ("own-gold-12", 0.75), ("own-gold-13", 0.90), ("own-gold-14", 0.90), ("own-gold-15", 0.90),
    ("own-gold-16", 0.90), ("own-gold-17", 0.90), ("own-gold-18", 0.90), ("own-gold-19", 0.90), ("own-gold-20", 0.90),
    ("own-gold-21", 0.90), ("own-gold-22", 0.85), ("own-gold-23", 0.90),
    ("own-gold-24", 0.90), ("own-gold-25", 0.90),
    ("own-gold-26", 0.85), ("own-gold-27", 0.90), ("own-gold-28", 0.90), ("own-gold-29", 0.90),
    ("own-gold-30", 0.85), ("own-gold-31", 0.80), ("own-gold-32", 0.85), ("own-gold-33", 0.85),
    ("own-gold-34", 0.85), ("own-gold-35", 0.80), ("own-gold-36", 0.40), ("own-gold-37", 0.50),
    ("own-gold-38", 0.35), ("own-gold-39", 0.30), ("own-gold-40", 0.65), ("own-gold-41", 0.90),
    ("own-gold-42", 0.90), ("own-gold-43", 0.80), ("own-gold-44", 0.85), ("own-gold-45", 0.90),
    ("own-gold-46", 0.85), ("own-gold-47", 0.90), ("own-gold-48", 0.70), ("own-gold-49", 0.80),
    ("own-gold-50", 0.95), ("own-gold-51", 0.85), ("own-gold-52", 0.90), ("own-gold-53", 0.75),
    ("own-gold-54", 0.75), ("own-gold-55", 0.90), ("own-gold-56", 0.85), ("own-gold-57", 0.85),
    ("own-gold-58", 0.75), ("own-gold-59", 0.75), ("own-gold-60", 0.90), ("own-gold-61", 0.75),
    ("own-gold-62", 0.70), ("own-gold-63", 0.65), ("own-gold-64", 0.85), ("own-gold-65", 0.65),
    ("own-gold-66", 0.80), ("own-gold-67", 0.55), ("own-gold-68", 0.90), ("own-gold-69", 0.80),
    ("own-gold-70", 0.90), ("own-gold-71", 0.75), ("own-gold-72", 0.75), ("own-gold-73", 0.90),
    ("own-gold-74", 0.95), ("own-gold-75", 0.95), ("own-gold-76", 0.75), ("own-gold-77", 0.95),
    ("own-gold-78", 0.80), ("own-gold-79", 0.80), ("own-gold-80", 0.80), ("own-gold-81", 0.75), ("own-gold-82", 0.95), ("own-gold-83", 0.90),
    ("own-gold-84", 0.65), ("own-gold-85", 0.90), ("own-gold-86", 0.70), ("own-gold-87", 0.95),
    # questions in a reader's own words (README of each): 88-91 read before their rules, 92-95 after
    ("own-gold-88", 0.80), ("own-gold-89", 0.75), ("own-gold-90", 0.65), ("own-gold-91", 0.70),
    ("own-gold-92", 0.75), ("own-gold-93", 0.65), ("own-gold-94", 0.65), ("own-gold-95", 0.65),
    ("own-gold-96", 0.55), ("own-gold-97", 0.55),  # held out from every rule of 88-95: 28/53 first
    ("own-gold-98", 0.90), ("own-gold-99", 0.85),  # the dev gold's manner again, after every rule: 46/51 first
    ("own-gold-100", 0.90), ("own-gold-101", 0.75),  # and two more: 42/50 first
    ("own-gold-102", 0.95), ("own-gold-103", 0.95),  # items QA sets had used least: 40/50 first
    ("own-gold-104", 0.95), ("own-gold-105", 0.95),  # and two more: 38/46 first
    ("own-gold-106", 1.00), ("own-gold-107", 1.00),  # and two more: 48/49 first
    ("own-gold-108", 1.00), ("own-gold-109", 0.95),  # random items, after every rule: 46/49 first
    ("own-gold-110", 0.95), ("own-gold-111", 0.95),  # and two more: 45/50 first
    ("own-gold-112", 1.00), ("own-gold-113", 0.95),  # and two more: 43/49 first
    ("own-gold-114", 0.95), ("own-gold-115", 1.00),  # and two more: 47/49 first
    ("own-gold-116", 0.40), ("own-gold-117", 0.45),  # worded away from the report on purpose: 18/50 first
    ("own-gold-118", 0.90), ("own-gold-119", 0.95),  # the dev gold's manner, random items: 44/50 first
    ("own-gold-120", 1.00), ("own-gold-121", 0.95),  # and two more: 47/50 first
    ("own-gold-122", 0.95), ("own-gold-123", 0.90),  # and two more: 47/50 first
    ("own-gold-124", 0.80), ("own-gold-125", 1.00),  # and two more: 44/49 first
    ("own-gold-126", 1.00), ("own-gold-127", 1.00),  # the session of 2026-11-30 (2): 48/52 first
    ("own-gold-128", 1.00), ("own-gold-129", 1.00),  # and two more: 49/53 first
    ("own-gold-130", 1.00), ("own-gold-131", 0.85),  # and two more: 46/53 first
    ("own-gold-132", 1.00), ("own-gold-133", 1.00),  # and two more: 49/52 first
    ("own-gold-134", 1.00), ("own-gold-135", 1.00),  # and four more: 97/103 first
    ("own-gold-136", 0.95), ("own-gold-137", 0.95),
    ("own-gold-138", 1.00), ("own-gold-139", 0.95),  # and four more: 98/106 first
    ("own-gold-140", 0.92), ("own-gold-141", 1.00),
    ("own-gold-142", 1.00), ("own-gold-143", 1.00),  # and four more: 98/106 first
    ("own-gold-144", 0.85), ("own-gold-145", 1.00),
    ("own-gold-146", 0.90), ("own-gold-147", 0.90),  # and four more: 91/103 first
    ("own-gold-148", 0.80), ("own-gold-149", 0.85),
    ("own-gold-150", 1.00), ("own-gold-151", 1.00),  # the session of 2026-11-30 (3), items fewer sets asked: 79/87 first
    ("own-gold-152", 0.85),
    ("own-gold-153", 0.95), ("own-gold-154", 0.95), ("own-gold-155", 0.85),  # and three more, at 2c1ee99: 78/86 first
    ("own-gold-156", 0.95), ("own-gold-157", 0.95), ("own-gold-158", 0.85),  # and three more, at 1309487: 80/87 first
    ("own-gold-159", 0.85), ("own-gold-160", 0.75),  # the session of 2026-11-30 (4), at 4203ce5: 91/120 first
    ("own-gold-161", 0.80), ("own-gold-162", 0.95),
    ("own-gold-163", 0.85), ("own-gold-164", 0.90),  # and four more, at f735824: 103/120 first
    ("own-gold-165", 0.95), ("own-gold-166", 0.80),
    ("own-gold-167", 0.85), ("own-gold-168", 0.75),  # and four more, at 75c8da1: 93/120 first
    ("own-gold-169", 0.75), ("own-gold-170", 0.75),
    ("own-gold-171", 0.85), ("own-gold-172", 0.85),  # and four more: 96/120 first
    ("own-gold-173", 0.80), ("own-gold-174", 0.75),
    ("own-gold-175", 0.75), ("own-gold-176", 0.70),  # and four more, at 8e4975a: 87/118 first
    ("own-gold-177", 0.75), ("own-gold-178", 0.70),
    ("own-gold-179", 0.85), ("own-gold-180", 0.95), ("own-gold-181", 0.80),  # random items, at 6486bd5: 76/89 first
    ("own-gold-182", 0.85), ("own-gold-183", 0.75),  # the session of 2026-11-30 (5), items no set had asked, at 463d833: 79/119 first
    ("own-gold-184", 0.85), ("own-gold-185", 0.80),
    ("own-gold-186", 0.80), ("own-gold-187", 0.80),  # and four more, at 46f99f4: 84/120 first
    ("own-gold-188", 0.85), ("own-gold-189", 0.70),
    ("own-gold-190", 0.80), ("own-gold-191", 0.80),  # random items, two thirds figures, at ea79ec6: 90/119 first
    ("own-gold-192", 0.70), ("own-gold-193", 0.80),
    ("own-gold-194", 0.70), ("own-gold-195", 0.80),  # and four more, at a49c9a1: 86/119 first
    ("own-gold-196", 0.80), ("own-gold-197", 0.60),
    ("own-gold-198", 0.90), ("own-gold-199", 0.75), ("own-gold-200", 0.80), ("own-gold-201", 0.90),  # random items: 72/100 first
    ("own-gold-202", 0.70), ("own-gold-203", 0.80), ("own-gold-204", 0.84), ("own-gold-205", 0.84),  # after their rules: 86/111 first
    ("own-gold-206", 0.86), ("own-gold-207", 0.75), ("own-gold-208", 0.86), ("own-gold-209", 0.86),  # least used items: 78/100 first
    ("own-gold-210", 0.80), ("own-gold-211", 0.90), ("own-gold-212", 0.96), ("own-gold-213", 0.90),  # after their rules: 91/100 first
    ("own-gold-214", 0.75), ("own-gold-215", 0.86), ("own-gold-216", 0.90), ("own-gold-217", 0.70),  # after those rules: 84/100 first
    ("own-gold-218", 0.82), ("own-gold-219", 0.70), ("own-gold-220", 0.80),  # least used items, a new machine: 53/75 first
    ("own-gold-221", 0.92), ("own-gold-222", 1.00), ("own-gold-223", 0.88),  # least used items, the ninth session: 64/75 first
    ("own-gold-224", 0.75), ("own-gold-225", 0.82), ("own-gold-226", 0.75),  # and three more: 48/75 first (224: a name lost to bigram search)
    ("own-gold-227", 0.62), ("own-gold-228", 0.75), ("own-gold-229", 0.82),  # and three more, after their rules: 49/75 first
    ("own-gold-230", 1.00), ("own-gold-231", 1.00),  # least used items, the session of 2026-12-01 (2): 40/48 first
    ("own-gold-232", 0.92), ("own-gold-233", 0.96),  # and two more: 42/48 first
    ("own-gold-234", 0.96), ("own-gold-235", 0.89),  # and two more: 43/48 first
    ("own-gold-236", 0.89), ("own-gold-237", 0.92), ("own-gold-238", 0.89),  # least used items, the session of 2026-12-01 (3): 58/72 first
    ("own-gold-239", 0.96), ("own-gold-240", 0.85), ("own-gold-241", 0.89),  # and three more, other items: 56/72 first
    ("own-gold-242", 0.89), ("own-gold-243", 0.78), ("own-gold-244", 0.96),  # and three more, other items again: 58/72 first
    # the session of 2026-12-01 (4): six more on items asked five times each (measured at 9a73f5c: 107/144 answerable)
    ("own-gold-245", 0.85), ("own-gold-246", 0.89), ("own-gold-247", 0.89), ("own-gold-248", 0.82), ("own-gold-249", 0.92), ("own-gold-250", 0.82),
    # the session of 2026-12-01 (5): six sets on 12 items each, measured at 5b74c08 (138/168 right), then four more at 04ccf89 (101/112)
    ("own-gold-251", 0.82), ("own-gold-252", 0.89), ("own-gold-253", 0.89), ("own-gold-254", 0.78), ("own-gold-255", 1.00), ("own-gold-256", 0.89),
    ("own-gold-257", 0.96), ("own-gold-258", 0.89), ("own-gold-259", 0.89), ("own-gold-260", 0.89),
    ("own-gold-261", 0.82), ("own-gold-262", 0.82), ("own-gold-263", 0.85), ("own-gold-264", 0.85),  # and four at 6cfc4f5 (90/112)
    ("own-gold-265", 0.85), ("own-gold-266", 0.75), ("own-gold-267", 0.82), ("own-gold-268", 0.78),  # and four at 6d7cd66 (86/112)
    # the session of 2026-12-01 (6): eight sets on 12 items each, measured at db7db36 (207/224 right)
    ("own-gold-269", 0.96), ("own-gold-270", 1.00), ("own-gold-271", 1.00), ("own-gold-272", 0.96),
    ("own-gold-273", 1.00), ("own-gold-274", 0.96), ("own-gold-275", 0.92), ("own-gold-276", 0.92),
    ("own-gold-277", 0.92), ("own-gold-278", 0.96), ("own-gold-279", 0.96), ("own-gold-280", 0.96),  # four more at a4cc2bf (104/112)
    ("own-gold-281", 1.00), ("own-gold-282", 0.92), ("own-gold-283", 1.00), ("own-gold-284", 0.92),  # and four at e093c23 (106/112)
    ("own-gold-285", 0.89), ("own-gold-286", 0.96), ("own-gold-287", 0.92), ("own-gold-288", 0.92),  # and four at 8dfa3a7 (102/112)
    ("own-gold-289", 1.00), ("own-gold-290", 1.00), ("own-gold-291", 0.92), ("own-gold-292", 0.96),  # and four at ec1f72a (104/112)
])
def test_own_questions(ledger, folder: str, least: float):  # noqa: F811
    engine, doc_id, _ = ledger
    questions = read_jsonl(BENCHMARKS / folder / "qa.jsonl")
    score = score_answers([(q, ask(engine, q["q"], doc_id=doc_id)) for q in questions])
    assert score.accuracy >= least
    assert score.confident_wrong <= NOT_IN_REPORT_ANSWERED.get(folder, 0)


# Not-in-report questions still answered, each named in its set's README: own-gold-67 asks the
# safety stock of 液化石油氣 in days, and the report gives 石油's (103 天); own-gold-80 asks 南化水庫's
# dredging (石門's is given); own-gold-105 asks how many of the talks were on one 「title」 of the
# list, and gets the 248 場次 of them all; own-gold-113 asks how many firms took up the NIP platform and
# gets the 131 家 its item transferred technology to; own-gold-118 asks the money 實際投資到位 and gets
# the 2,233 億元 the approved firms plan to invest.
# own-gold-122 asks the grant total of the 121 案 approved, and gets the 12.36 億元 granted the 117 that signed.
# own-gold-136 asks the government's own funds for 高軟二期 and gets the investment it is to draw (預計增加投資 100 億元);
# own-gold-146 asks what one of the 12 firms (岱宇國際) sold across borders and gets the twelve's 43 億元.
# own-gold-180 asks how many large users (over 800 kW) must audit their energy use and gets the 435 firms the
# ministry advised that year, the next clause of the same item.
# own-gold-189 asks how many unregistered factories were granted 特定工廠登記 and gets a count of those that applied
# (6,946 家…申請轉換) or of them all (45,341 家), as it did when first measured.
# own-gold-197 asks which bodies make up the 進口異常商品聯合稽核大隊 and gets the list of what it found, as it did first.
# own-gold-140 asks in which city the first 臺美 EPPD met, and gets 臺北 of the two cities its future high-level talks are to
# rotate between (輪流於華府及臺北), since 哪個城市 asks for a place (which won 高雄 for own-gold-202).
# own-gold-199 asks the whole area of 潭子科技園區 and gets the 4 萬平方公尺 of space its renewal is to add, as it did first.
# own-gold-155 asks how many of the 163 accident reports were injuries (受傷, a two-character word found nowhere,
# which no rule marks missing without hiding right answers) and how much less sand came from China, and gets
# the 7,200 萬公噸 dredged and sold.
# own-gold-207 asks the day 核二廠's decommissioning licence took effect and gets 核一廠's (108 年 7 月 16 日), as it did first.
# own-gold-210 asks how many of the 41 restaurants were halal-certified and gets the 51 new shops they opened, and
# the sand and gravel in stock at 109 年底 and gets the supply that counts sales and stock together (1 億 160 萬公噸).
# own-gold-214 asks how many 臺日搭橋會議 were held and gets the 37 場 of all the year's 臺日 events; own-gold-215 asks
# a firm's cap a quarter on the 會展 subsidies and gets a per-employee amount (2 萬元); own-gold-217 asks 南化水庫's
# dredging in 109 年 and gets a figure of another reservoir in its list (334 萬) — each as it did first.
# own-gold-219 asks in which city WTO's MC12 is to meet and gets 'WTO 改革', a topic its sentence lists; own-gold-220 asks
# the day 原能會 approved 核三's decommissioning plan and gets the month its licence expires (114 年 5 月).
# own-gold-226 asks how many of the 28 綠能科技 standards were new and gets the 14 種 智慧機械 standards the same sentence
# lists next; own-gold-228 asks how many attended the 聯繫會議 and gets the 3,645 人次 of the 廣宣活動 beside them — each as first.
# own-gold-265 asks how many of the 844 兩岸 requests were 商標's and gets the 654 of them all completed — as it did first.
# own-gold-282 asks 109 年's total of reused industrial waste and gets the 5.92 萬公噸 of CO2 its sentence says was cut — as first.
# own-gold-291 asks how many firms sent staff to the 在職充電 courses and gets the 42 家 associations paid to run them (42 家產業
# 公協會: the noun after the count shares 業 with the 企業 asked) — as first.
# (No longer answered: own-gold-89's 小額貸款 applicants, own-gold-170's day 興達 passed its review — a plan's dates —
# and own-gold-207's 度量衡 firms at 109 年底 — a stock at a date months before the one given.)
NOT_IN_REPORT_ANSWERED = {"own-gold-67": 1, "own-gold-80": 1, "own-gold-105": 1, "own-gold-113": 1, "own-gold-118": 1,
                          "own-gold-122": 1, "own-gold-136": 1, "own-gold-146": 1, "own-gold-155": 2,
                          "own-gold-180": 1, "own-gold-189": 1, "own-gold-197": 1, "own-gold-199": 1, "own-gold-140": 1,
                          "own-gold-207": 1, "own-gold-210": 2, "own-gold-214": 1, "own-gold-215": 1, "own-gold-217": 1,
                          "own-gold-219": 1, "own-gold-220": 1, "own-gold-226": 1, "own-gold-228": 1, "own-gold-265": 1,
                          "own-gold-282": 1, "own-gold-291": 1}


def test_a_duration_is_asked_in_months_or_days():
    assert parse_question("平均審結期間降至多少個月？").dimensions == {"duration"}
    assert parse_question("安全存量是多少天？").dimensions == {"duration"}


def test_a_count_of_ge_takes_the_nouns_own_measure_word():
    assert parse_question("109 年向幾個國家採購天然氣？").units == {"個", "國", "國家"}


def test_an_increase_of_something_named_is_not_a_rate():
    assert parse_question("預計增加多少投資？").dimensions == {"money"}
    assert parse_question("出口金額較 108 年增加了多少？").dimensions == {"percent"}


def test_kind_and_author_words_are_not_content():
    question = parse_question("經濟部 113 年的目標是累計完成多少戶低壓智慧電表？", authors=("經濟部",))  # the sample's author
    assert question.wants_target and not any("目标" in s or "经济部" in s for s in question.segments)
    actual = parse_question("109 年濁水溪揚塵事件實際發生幾次？")
    assert actual.wants_actual and not actual.wants_target


def test_the_unit_named_after_asking_sets_what_is_counted_or_measured():
    assert parse_question("技術移轉增加了多少就業人數？").units == {"人", "人次"}
    assert parse_question("陸域風力發電的發電量是多少度？").dimensions == {"energy"}
    assert parse_question("砂石需求量是多少公噸？").dimensions == {"volume", "mass", "rate"}


def test_a_part_marked_by_its_word_is_not_answered_with_the_whole(ledger):  # noqa: F811
    # '完成法定度量衡器檢定計466萬8,049具，不合格者為1萬0,677具'
    value = answer_value(ledger)
    assert value("法定度量衡器檢定不合格的有多少具？") == 10677
    assert value("法定度量衡器檢定了多少具？") == 4668049
    assert value("度量衡器檢查不合格者有幾具？") == 362


def test_capacity_and_area_name_the_dimension_not_the_content():
    capacity = parse_question("屋頂型太陽光電到 109 年底設置了多少容量？")
    assert capacity.dimensions == {"power"} and not any("容量" in s for s in capacity.segments)
    assert parse_question("水庫蓄水容量是多少？").dimensions != {"power"}
    assert not any("面积" in s for s in parse_question("高灘地種植許可面積有多少公頃？").segments)


def test_a_change_is_answered_with_its_end_unless_its_start_is_asked(ledger):  # noqa: F811
    # '高灘地種植許可面積由 538公頃增加為 835公頃'
    value = answer_value(ledger)
    assert value("濁水溪高灘地種植許可面積增加到多少公頃？") == 835
    assert value("濁水溪高灘地種植許可面積是多少公頃？") == 835
    assert value("濁水溪高灘地種植許可面積原本是多少公頃？") == 538
    # '從最長 2 個月縮短到7~10 天': a word between 從 and the start does not hide the change.
    assert value("AI 乳篩偵測產品可以把複診民眾等候報告的時間縮短到幾天？") == 7
    assert value("AI 乳篩偵測產品原本要讓複診民眾等候報告多久？") == 2


def test_a_name_in_brackets_after_a_count_names_what_it_counts(ledger):  # noqa: F811
    # '辦理 4 場「臺日經貿媒合與技術交流線上商談會」與 2 場「臺日經貿研討會」'
    value = answer_value(ledger)
    assert value("109 年 10 至 12 月辦了幾場臺日經貿媒合與技術交流線上商談會？") == 4
    assert value("109 年 10 至 12 月辦了幾場臺日經貿研討會？") == 2


def test_a_counter_that_begins_another_word_is_not_the_unit_asked():
    # 多少本國就業人數: 本 (volumes) would be the counter, but 本國 is a word; 人數 names the unit.
    assert parse_question("中小企業方案預估可以創造多少本國就業人數？").units == {"人", "人次"}
    assert parse_question("圖書館有多少本書？").units == {"本"}


def test_the_accepted_among_the_proposed_is_a_part(ledger):  # noqa: F811
    # '提案發表計 22 件，被接受 14 件'
    value = answer_value(ledger)
    assert value("在國際標準組織會議中提案發表的技術，有幾件被接受？") == 14
    assert value("在國際標準組織會議中提案發表了幾件技術？") == 22


def test_funds_name_money_not_content():
    question = parse_question("台電配電系統強韌計畫預計投資多少經費？")
    assert question.dimensions == {"money"} and not any("经费" in s for s in question.segments)


def test_a_list_of_names_with_bracketed_notes_and_a_conjunction_inside_a_name():
    from policyledger.passages import ENUMERATION as _ENUMERATION
    from policyledger.passages import names_of as _names

    listed = "109 年先後辦理越南(6 月 8 日)、印尼(6 月 18 日)、緬甸(8 月 5 日)及泰國(10 月 16 日)等 5 場線上研討會"
    assert _names(_ENUMERATION.search(listed).group(0)) == ["越南", "印尼", "緬甸", "泰國"]
    companies = "串聯新光合纖、台灣百和、可成生技、睿邑、合碩生技跨域發展高階組織修復醫材"
    names = _names(_ENUMERATION.search(companies).group(0))
    assert names[1:4] == ["台灣百和", "可成生技", "睿邑"] and "新光合纖" in names[0] and "合碩生技" in names[4]


def test_words_that_ask_for_a_target_are_not_content():
    expected = parse_question("合資公司預期可以創造多少營收？")
    assert expected.wants_target and not any("预期" in s for s in expected.segments)
    reached = parse_question("水域型太陽能發電原本設定的目標裝置容量是多少？")
    assert reached.wants_target and reached.dimensions == {"power"}
    assert not any(word in s for s in reached.segments for word in ("设定", "装置"))


def test_a_date_after_the_figures_clause_does_not_date_it(ledger):  # noqa: F811
    # '辦理全國 78 幅五萬分之一地質圖幅調查，至 109 年已出版 67 幅'
    value = answer_value(ledger)
    assert value("五萬分之一地質圖幅到 109 年已經出版幾幅？") == 67


def test_percent_asked_as_baifenzhi_is_no_content():
    question = parse_question("電價公式對平均電價設的調幅上限是百分之多少？")
    assert question.dimensions == {"percent"}
    assert not any("百分" in s for s in question.segments)


def test_two_names_joined_by_a_conjunction_are_a_list(ledger):  # noqa: F811
    value = answer_value(ledger)
    assert value("人臉辨識整合體溫感測技術在馬來西亞取得了哪些單位的合作共識？") == ["馬國吉隆坡國際機場", "沙巴公家機關"]


def test_asked_for_countries_a_list_of_other_things_is_no_answer(ledger):  # noqa: F811
    engine, doc_id, _ = ledger
    # The best passage's list is of aspects (產品降稅、貿易便捷化、投資促進…), not of countries.
    assert ask(engine, "經濟部與哪些國家簽署了自由貿易協定？", doc_id=doc_id)["answer"] is None
    assert answer_value(ledger)("109 年線上研討會辦在哪些國家？")[:2] == ["越南", "印尼"]


def test_the_unit_asked_in_and_now_words_are_no_content():
    question = parse_question("地質圖資擴建計畫累計建置的工程地質探勘資料超過幾公里？")
    assert question.dimensions == {"length"} and not any("公里" in s for s in question.segments)
    assert not any("目前" in s for s in parse_question("目前被審定為生技新藥公司的有幾家？").segments)
    assert not any("比例" in s or "所占" in s for s in parse_question("信保基金的捐助中，政府所占比例是多少？").segments)


def test_a_part_named_in_a_bracketed_breakdown_is_not_answered_with_the_total(ledger):  # noqa: F811
    # '109 年延攬海外科技人才 931 人（海外人才 534 人、僑外生 397人）'
    value = answer_value(ledger)
    assert value("109 年延攬的海外科技人才中，僑外生有幾人？") == 397
    assert value("109 年延攬了多少海外科技人才？") == 931


def test_a_date_is_read_from_its_own_clause(ledger):  # noqa: F811
    # '109 年 10 月 14 日訂定發布「新創產業積極型專利審查試行作業方案」，並自 110 年 1 月 5 日起試行'
    value = answer_value(ledger)
    assert value("「新創產業積極型專利審查試行作業方案」從哪一天開始試行？") == "2021-01-05"
    assert value("「新創產業積極型專利審查試行作業方案」是哪一天訂定發布的？") == "2020-10-14"


def test_only_asking_which_countries_asks_for_places():
    assert parse_question("與我國合作的國家有哪些？").wants_places
    assert not parse_question("國家標準國際化參照了哪些國際組織的標準？").wants_places


def test_a_name_holding_zhong_stays_whole_and_electricity_is_energy():
    assert "中钢" in parse_question("中鋼 109 年營收多少錢？").segments
    assert parse_question("109 年台電一天可以發多少電？").dimensions == {"energy"}


def test_a_percentage_asked_with_ji_and_the_kind_of_names_asked_after_a_count():
    assert parse_question("土地租金可以減免幾%？").dimensions == {"percent"}
    assert not any("公司" in s for s in parse_question("OT 資安技術導入了哪 6 家公司？").segments)


def test_last_year_is_the_year_before_the_newest_report(ledger):  # noqa: F811
    # The sample's own date is 110 年 3 月 (its latest 截至): 去年 is 109 年.
    assert parse_question("曾文水庫去年度的清淤量是多少？", 2021).period[0].year == 2020
    assert answer_value(ledger)("去年液化石油氣的氣源流向查核了幾家次？") == 129


def test_a_share_asked_is_a_percentage_even_of_an_amount():
    assert parse_question("109 年太陽光電產業的系統服務產值占比預估有多少？").dimensions == {"percent"}


def test_a_programme_named_in_a_heading_above_scopes_its_items(ledger):  # noqa: F811
    # '六、 辦理內需型商家振興輔導方案：以「中小型店家數位轉型補助」措施…' ► '（二）…共 8,698 家店家通過並完成補助申請'
    assert answer_value(ledger)("中小型店家數位轉型補助最後有多少家店家通過並完成申請？") == 8698


def test_particles_split_words_only_where_they_are_particles():
    assert "技转" in parse_question("國產空品感測器技術 109 年技轉給幾家廠商？").segments
    assert any("电力供给" in s for s in parse_question("109 年電力供給增加多少？").segments)
    assert "中小型制造业即时辅导" in parse_question("「中小型製造業即時輔導」收到多少案申請？").segments
    assert not any("已经" in s for s in parse_question("有幾家半導體業者已經完成資安自評？").segments)
    # '「…計畫」底下' is where the parts stand, no word; '2 月底下載數' keeps its words
    assert parse_question("「新世代能源科技標準計量檢測驗證計畫」底下共辦理幾項分項計畫？").segments[-1] == "分项计画"
    assert "底下" not in "".join(parse_question("「智慧機械推動方案」底下有幾項計畫？").segments)
    assert "下载数" in parse_question("App 截至 110 年 2 月底下載數有多少次？").segments
    # '這個數字是統計到…' points back at the figure; in '哪些對象' 對 is no particle
    assert parse_question("制度登錄 2,647 家業者，這個數字是統計到什麼時候？").segments == ["制度登录", "业者", "2,647家"]
    assert parse_question("是輔導哪些對象開發產業園區？").segments == ["辅导", "开发产业园区"]


def test_a_figure_in_a_sentence_naming_another_programme_is_the_others(ledger):  # noqa: F811
    # '「傳統產業創新研發」…總計受理 1,261 案…;「中小型製造業即時輔導」…總計受理 728 案' under a
    # heading naming both.
    value = answer_value(ledger)
    assert value("「中小型製造業即時輔導」收到多少案申請？") == 728
    assert value("「傳統產業創新研發」收到多少案申請？") == 1261


def test_a_sentence_without_a_subject_is_about_the_items_opening(ledger):  # noqa: F811
    # '建立國產空品感測器技術自主能力…。109 年已技轉國內 3 家廠商' — but a sentence with its own
    # subject keeps it: '石門及曾文水庫去年度清淤量…382 萬' is not 109 年的水庫清淤量.
    value = answer_value(ledger)
    assert value("國產空品感測器技術 109 年技轉給幾家廠商？") == 3
    assert value("109 年水庫清淤量是多少？") == 1440  # 萬立方公尺
    # '…本部舉辦多場餐飲、零售大型主題行銷活動。…已辦理 6 場…；共計吸引超過214.8 萬人次參與'
    assert value("餐飲、零售大型主題行銷活動共計吸引多少人次參與？") == 214.8


def test_names_a_sentence_counts_are_not_its_subject(ledger):  # noqa: F811
    # '推動「身心障礙與高齡者智慧照護輔具檢測驗證推動計畫」…完成公告「輪椅－應用指導綱要」及…等10 項國家標準'
    value = answer_value(ledger)
    assert value("身心障礙與高齡者智慧照護輔具檢測驗證推動計畫完成公告了幾項國家標準？") == 10


def test_a_title_asked_is_the_quoted_name_of_the_clause_asked_about(ledger):  # noqa: F811
    # '109 年完成與巴拉圭簽署「促進技術合作意向書」，及與以色列重新簽署「一般性合作協定」'
    value = answer_value(ledger)
    assert parse_question("109 年與巴拉圭簽署的是什麼文件？").wants == "names"
    assert value("109 年與巴拉圭簽署的是什麼文件？") == ["促進技術合作意向書"]
    assert value("與以色列重新簽署了什麼協定？") == ["一般性合作協定"]


def test_a_measure_word_asked_takes_its_ci_form_and_back():
    assert parse_question("科技產業園區 109 年辦了幾場徵才活動？").units == {"場", "場次"}
    assert parse_question("辦了幾架次飛行？").units == {"架", "架次"}
    assert parse_question("共有幾次會議？").units == {"次", "案次", "家次"}  # times, of cases or of visits too


def test_a_threshold_that_defines_a_class_is_no_amount_of_it(ledger):  # noqa: F811
    # '5 億元以上之民間新增投資案件共計 391 件，投資金額 1.5 兆元'
    value = answer_value(ledger)
    assert value("109 年民間新增投資金額是多少？") == 1.5


def test_the_base_of_a_comparison_asked_is_the_figure_it_stands_by(ledger):  # noqa: F811
    # '全年預算執行率為 98.1%(高於上年同期 95.5%)': a bracket after a figure ends its own words.
    value = answer_value(ledger)
    assert value("上年同期重大公共建設計畫的預算執行率是多少？") == 95.5
    assert value("109 年列管的重大公共建設計畫全年預算執行率是多少？") == 98.1


def test_people_asked_for_are_counted_in_persons(ledger):  # noqa: F811
    # '帶動中小企業投入研發經費 3.4 億元，投入研發人力 1,336 人'
    assert parse_question("SBIR 帶動中小企業投入多少研發人力？").units == {"人", "人次"}
    assert parse_question("多少員工薪資？").units == set()
    assert answer_value(ledger)("SBIR 帶動中小企業投入多少研發人力？") == 1336


def test_a_part_asked_for_must_be_named_by_the_figure(ledger):  # noqa: F811
    # '核定 197 件創新研發計畫' says nothing of how many were 新創企業
    question = parse_question("SBIR 109 年核定的創新研發計畫中有多少件是新創企業？")
    assert question.part == "新创企业"
    result = ask(ledger[0], question.text, doc_id=ledger[1])
    assert result["answer"] is None


def test_one_member_of_a_list_is_not_answered_with_the_wholes_figure(ledger):  # noqa: F811
    # '緊急抗旱水源計畫投入 14 億元，透過抗旱水井、埤塘水源…及新竹緊急海淡機組等多元開發緊急用水'
    engine, doc_id, _ = ledger
    assert ask(engine, "新竹緊急海淡機組花了多少錢？", doc_id=doc_id)["answer"] is None
    assert answer_value(ledger)("行政院核定的緊急抗旱水源計畫投入多少經費？") == 14
    # the whole named after 等 is no member: '…等宣導說明會…共 248 場次'
    assert answer_value(ledger)("智慧局 109 年辦理著作權宣導說明會及巡迴講授共幾場次？") == 248


def test_jobs_are_counted_in_ge_or_persons_and_a_verb_left_out_is_no_near_miss(ledger):  # noqa: F811
    # '楠梓科技園區行政場域更新：…新增產業空間 2.3 萬平方公尺、就業機會 200人'
    assert parse_question("可以創造多少就業機會？").units == {"個", "人", "人次"}
    assert answer_value(ledger)("楠梓科技園區行政場域更新可以創造多少就業機會？") == 200


def test_a_rate_asked_beside_a_capacity_is_a_percentage():
    assert parse_question("108 年至 114 年的備用容量率目標是多少？").dimensions == {"percent"}


def test_a_clause_that_goes_on_from_the_one_before_takes_its_words(ledger):  # noqa: F811
    # '預計 111 年 11 月完成第一期工程，可供水每日 1 萬噸，113年 11 月完成全期工程，可供水每日 3.75 萬噸'
    value = answer_value(ledger)
    assert parse_question("臺南安平廠第一期工程完成後每日可供水多少？").wants_target  # 完成後: a figure to come
    assert value("臺南安平廠第一期工程完成後每日可供水多少？") == 1
    assert value("臺南安平廠全期工程完成後每日可供水多少？") == 3.75


def test_numbers_inside_model_names_are_content():
    assert "f-16" in parse_question("F-16 型機維修中心成立典禮是在哪一天舉行的？").segments
    assert "5g" in parse_question("109 年 5G 專網有幾座？").segments


def test_an_increase_without_a_base_may_be_an_amount_or_a_rate(ledger):  # noqa: F811
    # '帶動新增營業額約 35 億元…受僱者薪資成長約 16%'
    assert parse_question("城鄉特色產業輔導讓營業額多了多少？").dimensions == {"money", "percent"}
    assert parse_question("出口金額較 108 年增加了多少？").dimensions == {"percent"}
    assert parse_question("109 年上半年餐飲業營業額跟前一年同期比掉了多少？").dimensions == {"percent"}  # the base, dropped
    assert answer_value(ledger)("城鄉特色產業輔導讓營業額多了多少？") == 35
    assert answer_value(ledger)("城鄉特色產業的受僱者薪水漲了多少？") == 16


def test_within_a_time_asked_is_no_content():
    assert not any("内" in s for s in parse_question("買方要在幾年內拿到使用執照？").segments)


def test_the_share_verb_and_a_readers_contribution_are_no_content(ledger):  # noqa: F811
    # '信保基金獲捐助 1,514.2 億元，其中政府占 71.8％，金融機構占 28.2％'
    assert "金融机构" in parse_question("信保基金獲得的捐助中，金融機構出資占多少百分比？").segments
    assert parse_question("市占率是多少？").segments == ["市占率"]
    assert answer_value(ledger)("信保基金獲得的捐助中，金融機構出資占多少百分比？") == 28.2


def test_investment_into_taiwan_and_out_of_it(ledger):  # noqa: F811
    # '109 年核准新南向國家來臺投資件數為 515 件…投(增)資金額 3.8 億美元' against '109 年核准（備）對新南向
    # 國家投資件數為 175 件，較上年減少 34.5％，投(增)資金額 28.3 億美元，增加 1.4％'
    value = answer_value(ledger)
    assert value("109 年對新南向國家的投資金額是多少？") == 28.3
    assert value("109 年新南向國家來臺投資的金額是多少？") == 3.8
    assert parse_question("109 年對新南向國家投資件數比上年減少了多少？").dimensions == {"percent"}
    assert value("109 年對新南向國家投資件數比上年減少了多少？") == 34.5  # not 增加 1.4％
    assert value("109 年對新南向國家的投資金額增加了多少？") == 1.4  # the increase, not the amount


def test_a_place_glued_to_a_verb_is_a_name_of_its_own(ledger):  # noqa: F811
    # '前 5 大市場分別為美國、日本…促成商機約 4,900 萬美元': a total, not the United States' share
    assert "美国" in parse_question("線上小型機動團在美國促成多少商機？").segments
    assert "新竹抗旱井" in parse_question("新竹抗旱井迄今已抽取多少水量？").segments
    assert ask(ledger[0], "線上小型機動團在美國促成多少商機？", doc_id=ledger[1])["answer"] is None


def test_a_share_in_brackets_is_named_by_its_amount(ledger):  # noqa: F811
    # '電子零組件製造業 16 億美元（27.1％）、批發及零售業 14.1 億美元（23.8％）…合計約占…總額的 71.8％'
    value = answer_value(ledger)
    assert value("批發及零售業對中國大陸的投資占多少比例？") == 23.8
    assert parse_question("對中國大陸投資前 5 名業別合計約占投資總額的多少？").dimensions == {"percent"}
    assert value("對中國大陸投資前 5 名業別合計約占投資總額的多少？") == 71.8


def test_a_years_output_is_no_number_of_years_and_jobs_are_people():
    assert parse_question("高階封測智造基地預計創造多少年產值？").dimensions == {"money"}
    assert parse_question("預計要花多少年完成？").dimensions == {"duration"}
    assert parse_question("電動車智慧製造基地可以增加多少就業？").units == {"個", "人", "人次"}


def test_a_date_standing_alone_in_its_clause_governs_the_next(ledger):  # noqa: F811
    # '從 109 年 9 月 16 日起，進口口罩須向本部貿易局申請線上許可…，10月 22 日起進口口罩都要標示正確原產地'
    value = answer_value(ledger)
    assert value("進口口罩從哪一天起須向貿易局申請線上許可？") == "2020-09-16"
    assert value("進口口罩從哪一天起要標示正確原產地？") == "2020-10-22"


def test_a_sentence_opening_with_a_verb_is_about_its_items_topic(ledger):  # noqa: F811
    # '…型塑具在地特色之偏鄉一條街。109 年計協助…。辦理 206 場次推廣活動、講習活動、說明會等，計 13 萬 1,773 人次參加'
    value = answer_value(ledger)
    assert value("偏鄉一條街的推廣活動、講習與說明會共有多少人次參加？") == 131773  # names the whole list, not one member


def test_a_place_in_the_figures_sentence_is_its_own_when_no_other_is_named(ledger):  # noqa: F811
    # '目前已提出雲林地區有才村試辦計畫，…，估計滯洪量 1.48 萬立方公尺，可減少淹水面積 18.1 公頃'
    value = answer_value(ledger)
    assert value("雲林有才村的在地滯洪試辦估計可滯洪多少？") == 1.48
    assert value("有才村在地滯洪預估可減少多少淹水面積？") == 18.1  # a change still to come answers 預估


def test_a_part_asked_after_its_whole(ledger):  # noqa: F811
    # '持續服務案件計 435 件': the question already knows the whole
    question = "招商投資服務中心持續服務的 435 件案件中，外商有幾件？"
    assert parse_question(question).part == "外商"
    assert ask(ledger[0], question, doc_id=ledger[1])["answer"] is None


def test_one_plan_of_a_quoted_list_is_not_answered_with_the_lists_total(ledger):  # noqa: F811
    # '包括「第七輸變電計畫」、…「離岸風力發電加強電力網第一期計畫」…，總投資金額合計約 3,669 億元'
    assert ask(ledger[0], "台電離岸風力發電第二期計畫總投資多少錢？", doc_id=ledger[1])["answer"] is None
    assert answer_value(ledger)("台電推動的輸變電計畫總投資金額合計多少？") == 3669


def test_words_in_brackets_and_under_a_programme(ledger):  # noqa: F811
    question = parse_question("亞洲‧矽谷方案下，林口新創園（Startup Terrace）到 109 年底有多少家新創進駐？")
    assert {"林口新创园", "startup", "terrace"} <= set(question.segments)
    assert not any(segment.endswith("下") for segment in question.segments)
    assert "投资" in parse_question("109 年核准僑外投資的投（增）資金額是多少？").segments  # an insertion, as in the text
    assert answer_value(ledger)("亞洲‧矽谷方案下，林口新創園（Startup Terrace）到 109 年底有多少家新創進駐？") == 150


def test_the_size_asked_and_a_body_named_after_its_kind(ledger):  # noqa: F811
    assert "规模" not in "".join(parse_question("量測標準校正服務支援多大規模的檢測市場？").segments)
    assert answer_value(ledger)("量測標準校正服務支援多大規模的檢測市場？") == 150
    # '促成與國際驗證機構 DNVGL 共同成立「臺灣離岸風場專案驗證聯盟」'
    assert answer_value(ledger)("臺灣離岸風場專案驗證聯盟是和哪一家國際驗證機構成立的？") == ["DNVGL"]


def test_a_figure_the_question_states_is_not_its_answer(ledger):  # noqa: F811
    # '預期 3 年內可為民間造船業者、裝備業者爭取訂單增加400億元以上'
    assert answer_value(ledger)("預期 3 年內可為造船業者爭取多少訂單？") == 400


def test_dates_listed_in_one_clause_each_date_what_follows_it(ledger):  # noqa: F811
    # '包括 107 年 3 月 1 日生效之新版「臺菲…協定」、108 年 2 月 14 日生效之…及 109 年 5 月 24 日生效之新版「臺越…協定」'
    value = answer_value(ledger)
    assert value("新版臺越投資保障協定何時生效？") == "2020-05-24"
    assert value("臺菲投資保障及促進協定是哪一天生效的？") == "2018-03-01"


def test_a_date_counted_to_is_not_the_day_something_happened(ledger):  # noqa: F811
    # '於 109 年 3 月 27 日開通，截至 110 年 2 月 23 日，提供…諮詢服務'
    assert answer_value(ledger)("1988 紓困振興專線何時開通？") == "2020-03-27"


def test_the_future_asks_for_a_target(ledger):  # noqa: F811
    assert parse_question("聚陽在印尼未來要新增幾條產線？").wants_target
    assert answer_value(ledger)("聚陽在印尼未來要新增幾條產線？") == 80


def test_a_programmes_total_budget_is_its_target_figure(ledger):  # noqa: F811
    # '台水公司辦理自來水延管工程，總經費 70.5 億元，…109 年投入 23 億元'
    question = parse_question("台水公司提高自來水普及率的延管工程總經費是多少？")
    # 普及 is one word; 提高 is read as the report's 提升, the two used alike
    assert question.wants_target and question.segments == ["台水公司提升自来水普及率", "延管工程"]
    assert answer_value(ledger)("台水公司無自來水地區延管工程的總經費是多少？") == 70.5


def test_a_count_since_an_earlier_year_does_not_answer_for_one_year(ledger):  # noqa: F811
    # '自 108 年 5 月至 109 年底計辦理 10 萬 6,162 件'
    assert ask(ledger[0], "千億融資保證專案單就 109 年一年辦理了多少件？", doc_id=ledger[1])["answer"] is None


def test_a_count_the_question_states_is_found_as_the_report_writes_it(ledger):  # noqa: F811
    # anchors are folded like the text they are looked for in (場 → 场)
    assert parse_question("營業秘密研討會 3 場次共有多少人參加？").anchors == ["3场次"]
    assert answer_value(ledger)("營業秘密合理保密措施研討會 3 場次共有多少人參加？") == 400
    assert "跟美" not in "".join(parse_question("跟美日歐在臺外僑商會辦了幾場研討會？").segments)
    assert parse_question("信保基金的保證成數是多少？").dimensions == {"percent"}


def test_names_in_quotes_are_a_list_and_two_is_a_count(ledger):  # noqa: F811
    # '「Stella Awards」項下「2020 年度亞洲最佳會議獎旅目的地獎」及「最佳創新目的地行銷特別獎」等 2 項大獎'
    question = parse_question("M&C Asia 的「Stella Awards」我國拿到哪兩項大獎？")
    assert (question.wants, question.count) == ("names", 2)
    assert answer_value(ledger)("109 年我國在 M&C Asia 辦理的「Stella Awards」拿到哪兩項大獎？") == ["2020 年度亞洲最佳會議獎旅目的地獎", "最佳創新目的地行銷特別獎"]
    plans = answer_value(ledger)("台電公司推動了哪些輸變電計畫？")
    assert plans[0] == "第七輸變電計畫" and plans[-1] == "南科超高壓變電所擴建計畫" and len(plans) == 9


def test_a_date_clause_that_goes_on_takes_its_subject_from_the_clause_before(ledger):  # noqa: F811
    # '增訂產業創新條例第 46-1 條閒置土地「罰款、拍賣」規定，已於 106 年 11 月 22 日公告，…，於 107 年 9 月 26 日公告本部轄管工業區閒置土地名單'
    assert answer_value(ledger)("產業創新條例第 46-1 條閒置土地罰款拍賣規定何時公告？") == "2017-11-22"


def test_what_a_question_asks_for_in_other_words(ledger):  # noqa: F811
    value = answer_value(ledger)
    assert value("薪資及營運資金補貼每名員工每月最多補多少錢？") == 2  # 每人每月上限 2 萬元, not the 1 萬元 once
    assert parse_question("109 年能源密集度比 108 年改善了多少？").dimensions == {"percent"}
    assert value("109 年能源密集度比 108 年改善了多少？") == 2.5
    assert parse_question("截至 110 年 2 月底電費減免了多少？").dimensions == {"money", "percent"}  # a relief: an amount or a rate, not the water of 提供水電費
    assert value("截至 110 年 2 月底水費減免了多少？") == 7.1
    assert parse_question("108 年新機組商轉後備用容量率是多少？").dimensions == {"percent"}
    assert parse_question("預計可改善多少社區用戶？").units >= {"戶"}
    assert value("老舊高地社區可改善多少用戶？") == 16400


def test_a_sum_over_years_is_no_answer_for_one_year_alone(ledger):  # noqa: F811
    # '106 至 109 年累計節電 45.8 億度'
    assert ask(ledger[0], "新節電運動方案單就 109 年節電多少度？", doc_id=ledger[1])["answer"] is None


def test_words_the_report_uses_alike(ledger):  # noqa: F811
    # '(10) 高雄臨海廠供應臨海工業區：108 年 3 月 4 日動工興建中'
    assert answer_value(ledger)("高雄臨海再生水廠是什麼時候開工的？") == "2019-03-04"


def test_a_readers_pointing_hedging_and_light_verbs_are_no_content():
    segments = parse_question("台中水湳那座再生水廠做好以後，每天能給中科台中園區多少水？").segments
    assert segments == ["台中水湳", "再生水厂", "每日", "中科台中园区"]  # 那座, 能, 給, 做好以後 out
    assert parse_question("跟綠能有關的國家標準有幾種？").segments == ["绿能", "国家标准"]  # 綠能 is a word
    assert "政府" not in "".join(parse_question("政府去年幫多少家企業做節能技術輔導？").segments)
    assert "人才" in "".join(parse_question("水下基礎人才訓練中心培訓多少人？").segments)  # 才 only as a particle


def test_a_readers_everyday_words(ledger):  # noqa: F811
    value = answer_value(ledger)
    assert value("商標申請平均要等多久才審完？") == 6.5  # 審完 → 審結
    assert value("綠能有關的國家標準去年新訂或修改了幾種？") == 28  # 新訂/修改 → 制定/修訂
    assert value("水利署把河川挖砂目標拉高到多少？") == 6200  # 挖砂 → 疏濬, 拉高 → 提升至
    assert value("政府去年幫多少家企業做節能技術輔導？") == 435


def test_measure_words_a_reader_uses_for_the_reports(ledger):  # noqa: F811
    assert parse_question("一共有幾個案子通過？").units >= {"案", "件"}
    assert parse_question("預計能創造多少個工作？").units == {"個", "人", "人次"}
    assert parse_question("轉介了幾次？").units >= {"次", "案次", "家次"}
    # '自 107 年至 109 年累計提供專利案件資料量達 1 億 42 萬餘件'
    assert answer_value(ledger)("全球專利檢索系統 107 到 109 年加起來提供了多少筆專利資料？") == 100420000


def test_particles_split_only_as_particles_and_more_everyday_words(ledger):  # noqa: F811
    segments = parse_question("離岸風電零組件在地化，國內廠商簽下多少錢的供應合約？").segments
    assert segments == ["离岸风电零组件在地化", "国内", "厂商签署", "供应契约"]  # 在地; 合約 as 契約 (used alike); 簽下 → 簽訂 = 簽署; 國內 unsaid
    assert parse_question("我國針對新南向國家的投資有幾件？").segments[:2] == ["我国", "新南向国家"]  # 針對 a preposition; 對 not split from 針對
    assert "印行" in parse_question("五萬分之一地質圖到 109 年為止印行了幾幅？").segments  # 為止 out
    assert answer_value(ledger)("去年新南向國家的企業來臺灣投資，政府放行了幾件？") == 515  # 放行 → 核准, 來臺灣 → 來臺


def test_only_one_part_asked(ledger):  # noqa: F811
    # '…漁電共生（已公告先行區 4,702 公頃）等相關場域，設置量已於 109 年底達 1.74GW': the whole's
    question = "地面型太陽光電裡面，光是漁電共生到去年底實際裝了多少容量？"
    assert parse_question(question).part == "渔电共生"
    assert ask(ledger[0], question, doc_id=ledger[1])["answer"] is None
    assert parse_question("單就 109 年一年辦理了多少件？").part is None  # a year alone is no part


def test_a_lists_clause_ends_at_a_comma_that_separates_no_thousands():
    from policyledger.figure_score import _lists_in_sentence
    from policyledger.textnorm import compact, fold

    # folded, '，' is ',': '，113 年' ends the list's clause; '1,773' does not end one
    lists = _lists_in_sentence(compact(fold("辦理抗旱水井、埤塘水源、再生水及新竹緊急海淡機組等多元開發，113 年完成")))
    assert len(lists) == 1 and "113" not in lists[0]
    lists = _lists_in_sentence(compact(fold("辦理甲水井、乙水源、丙水廠 1,773 處，後續")))
    assert len(lists) == 1 and lists[0].endswith("1,773处")


def test_a_place_named_with_da_keeps_it(ledger):  # noqa: F811
    assert parse_question("台電興達電廠改建燃氣機組總共要花多少錢？").segments[0] == "台电兴达电厂改建燃气机组"  # 興達, not 達 the particle
    assert answer_value(ledger)("鳥嘴潭人工湖第一階段完工後每天能多供多少地面水？") == 9  # 多供 → 增供


def test_a_relief_asked_may_be_a_rate_and_now_opens_a_subjectless_sentence(ledger):  # noqa: F811
    # '區內廠商任 1 月營業額較去年同期減少 15%以上者，得申請減免 20%': 營業額 is the condition, not what is asked
    assert parse_question("營業額減少 15% 以上的廠商可以申請減免多少？").dimensions == {"money", "percent"}
    assert answer_value(ledger)("科技產業園區營業額減少 15% 以上的廠商，土地租金可以申請減免多少？") == 20
    # '…針對臺商在中國大陸投資糾紛案件…。現階段本部強化與海基會合作，…109 年有重大進展者共 20 件'
    assert answer_value(ledger)("臺商在中國大陸的投資糾紛 109 年有重大進展的有幾件？") == 20


def test_a_country_and_a_word_keep_their_particles(ledger):  # noqa: F811
    segments = parse_question("與美國、以色列及日本共同開了幾場視訊會議？").segments
    assert segments == ["美国", "以色列", "日本共同开", "视讯会议"]  # not 色列, 同开
    assert answer_value(ledger)("109 年與美國、以色列及日本共同開了幾場視訊會議？") == 6


def test_da_is_a_particle_only_before_what_is_reached():
    assert parse_question("佳世達開發的系統拿到幾套訂單？").segments[0] == "佳世达开发"  # a name's 達
    assert parse_question("資安產業產值達多少？").segments == ["资安产业产值"]
    assert parse_question("營收達新臺幣多少元？").segments[0] == "营收"


def test_a_share_asked_last_is_a_percentage_even_of_a_count():
    assert parse_question("紙本領取的民眾占領取人數的百分之多少？").dimensions == {"percent"}
    assert parse_question("數位綁定的人數占幾成？").dimensions == {"percent"}
    assert parse_question("數位綁定的有多少人？").units == {"人", "人次"}


def test_people_counted_as_ming_or_wei_and_financing_is_money(ledger):  # noqa: F811
    assert {"人", "名"} <= parse_question("有多少名員工受惠？").units
    assert "人" in parse_question("有幾位專家參加？").units
    # '109 年 4 至 6 月推動商業服務業艱困事業薪資及營運資金補貼，…受惠員工 375,468 人'
    assert answer_value(ledger)("商業服務業艱困事業薪資及營運資金補貼讓多少名員工受惠？") == 375468
    assert parse_question("中小企業向銀行取得多少融資？").dimensions == {"money"}


def test_a_modal_after_a_pause_and_when_it_is_done(ledger):  # noqa: F811
    question = parse_question("人工湖做完之後，會增加多少供水？")
    assert question.wants_target  # 做完之後 → 完成後: what is expected
    assert "会增加" not in question.segments and "增加" not in question.segments
    assert parse_question("在國際標準組織會議上發表幾件提案？").segments[0] == "国际标准组织会议"
    assert "会议" in parse_question("召開了幾場會議？").segments  # 會議 keeps its 會


def test_a_version_is_part_of_a_name(ledger):  # noqa: F811
    assert parse_question("水環境建設 2.0 完成後可增供多少水？").segments[0] == "水环境建设2.0"
    assert parse_question("電價調漲 2.0 元以上的用戶有幾戶？").segments[0] == "电价调涨"  # an amount, not a version
    # The report gives no total budget of 水環境建設 2.0; 37.90 億元 is another programme's subsidy.
    engine, doc_id, _ = ledger
    assert ask(engine, "前瞻基礎建設計畫-水環境建設 2.0 的總經費是多少？", doc_id=doc_id)["answer"] is None


def test_approved_is_read_as_the_report_writes_it(ledger):  # noqa: F811
    # '109 年計受理 853 件，核定 197 件創新研發計畫': 核准 and 核定 are used alike
    assert answer_value(ledger)("SBIR 在 109 年核准了幾件創新研發計畫？") == 197


def test_for_and_to_are_particles_and_a_verb_the_report_leaves_out_stands_apart():
    segments = parse_question("活動替餐飲業者帶來多少營業額？").segments
    assert segments == ["活动", "餐饮业者", "带来", "营业额"]  # 替: for; 帶來 may be missing from the text
    assert parse_question("多少營業額？").units == set() and parse_question("計多少營完成基地訓練？").units == {"營"}  # 營 the counter, not 營業
    assert parse_question("大廠到臺中港蓋基地可以增加多少個工作機會？").segments[0] == "大厂"
    assert "代替" in parse_question("代替進口的產品有幾項？").segments[0]  # not 替 the particle
    assert parse_question("統計算到哪一天為止？").segments == []  # counted to which day: an as-of date asked, no content


def test_words_used_alike_are_also_searched_as_written(ledger):  # noqa: F811
    # '離岸風力發電第二期計畫已於 109 年 6 月 15 日決標': 風電 = 風力發電, and the search looks for both
    engine, doc_id, _ = ledger
    assert "风力发电" in parse_question("離岸風電第二期何時決標？").search_terms
    assert ask(engine, "台電的離岸風電第二期計畫是哪一天決標的？", doc_id=doc_id)["answer"]["value"] == "2020-06-15"
    assert answer_value(ledger)("到 109 年底風力發電一共裝了多少容量？") == 853.7


def test_a_place_before_its_market_must_stand_by_the_figure(ledger):  # noqa: F811
    # '109 年共執行 881 案，前 5 大市場分別為美國、日本…': 881 案 is no count for Japan alone
    assert parse_question("在日本市場執行了多少案？").segments[:2] == ["日本", "市场执行"]
    engine, doc_id, _ = ledger
    assert ask(engine, "109 年線上小型機動團在日本市場執行了多少案？", doc_id=doc_id)["answer"] is None


def test_a_part_named_among_others_is_not_counted_by_their_total(ledger):  # noqa: F811
    # '專利、商標及著作權請求協處案件計 844 件': 844 件 is not the trademarks' count
    assert parse_question("請求協處案件中屬於商標的案件有多少件？").part == "商标"
    engine, doc_id, _ = ledger
    assert ask(engine, "兩岸請求協處案件中屬於商標的有多少件？", doc_id=doc_id)["answer"] is None
    # a breakdown that gives the part its own figure still answers: '海外人才 534 人、僑外生 397 人'
    assert answer_value(ledger)("109 年延攬的海外科技人才中，僑外生有幾人？") == 397


def test_one_year_asked_and_what_the_report_leaves_unsaid(ledger):  # noqa: F811
    engine, doc_id, _ = ledger
    # '107 年至 109 年已提供 1,046 家中小企業諮詢診斷服務': no answer for 109 年 alone
    assert ask(engine, "智慧製造輔導團單在 109 年一年提供了多少家中小企業諮詢診斷服務？", doc_id=doc_id)["answer"] is None
    # 宏都拉斯 keeps its 都; 我國, which the text there leaves unsaid, marks no near miss
    assert answer_value(ledger)("宏都拉斯提供我國幾項產品零關稅？") == 5
    assert answer_value(ledger)("低壓智慧電表預計到 113 年要累計裝到多少戶？") == 300  # 300 萬戶; 裝到 → 完成
    assert parse_question("帶來多少跨境交易額？").dimensions == {"money"}


def test_a_figure_under_another_condition_than_the_one_asked(ledger):  # noqa: F811
    # '600 萬元以下保證成數最低 8 成，100 萬元以下保證成數 9.5 成'
    assert answer_value(ledger)("千億融資保證專案 100 萬元以下的貸款保證幾成？") == 9.5
    assert answer_value(ledger)("千億融資保證專案 600 萬元以下的貸款最低保證幾成？") == 8


def test_pointing_numerals_modals_and_a_verb_after_a_place_are_no_content(ledger):  # noqa: F811
    segments = parse_question("臺馬聯合網購節和在泰國辦的臺灣週這兩場電商活動帶動多少項商品？").segments
    assert segments == ["台马联合网购节", "泰国", "台湾周", "电商活动", "带动", "商品"]
    assert parse_question("走專利審查高速公路的案件平均要多久審結？").segments[0] == "专利审查高速公路"
    assert parse_question("系統併聯從哪一天起必須附上 VPC 證書？").segments == ["系统并联", "检附", "vpc", "证书"]
    assert "整个" not in parse_question("整個計畫要投資多少錢？").segments
    # '…奧理科技…於 109 年順利取得 3,000 萬元募資': 募得 → 募資, and 多少資金 only asks
    assert answer_value(ledger)("新創奧理科技 109 年募得多少資金？") == 3000


def test_the_last_name_of_a_list_ends_at_its_verb():
    from policyledger.figure_score import _lists_in_sentence
    from policyledger.textnorm import compact, fold

    sentence = "與美國、日本、西班牙、韓國、波蘭及加拿大合作執行「專利審查高速公路（PPH）計畫」，至 109 年累計共受理 7,740 件"
    assert _lists_in_sentence(compact(fold(sentence))) == ("美国、日本、西班牙、韩国、波兰及加拿大",)


def test_the_clause_a_figure_ends_is_found_past_thousands_separators():
    from policyledger.figure_score import _own_clause_dated

    assert _own_clause_dated("安全存量天數 108 年至少 7 天，116 年至少 1,400 天")  # not '400 天' after the ','
    assert not _own_clause_dated("108 年至少 7 天，儲槽容積 1,400 天")


def test_a_rule_dated_in_its_own_clause_does_not_answer_for_another_year(ledger):  # noqa: F811
    # '依法規定安全存量天數 108 年至少 7 天，116 年至少 14 天' has no figure for 112 年
    engine, doc_id, _ = ledger
    assert ask(engine, "依法規定，天然氣安全存量天數在 112 年應至少達多少天？", doc_id=doc_id)["answer"] is None
    assert answer_value(ledger)("依法規定，天然氣安全存量天數在 116 年應至少達多少天？") == 14


def test_in_and_by_way_of_are_particles():
    assert parse_question("貿易救濟案件裡，課徵監視案有幾件？").segments == ["贸易救济案件", "课征监视"]  # 案 of 幾件: the cases counted
    assert parse_question("透過間接投資方式核定的境外資金有多少？").segments[0] == "间接投资方式核准"  # 核定 = 核准
    assert parse_question("民眾心裡的滿意度是多少？").segments[0] == "民众心里"  # 心裡 is a word


def test_a_number_goes_with_its_measure_word_and_an_instruction_is_not_asked(ledger):  # noqa: F811
    segments = parse_question("共同推動的 11 座再生水開發案，分布在哪些地區？").segments
    assert "再生水开发案" in segments and "11座" in segments  # not '座再生水开发案'
    assert parse_question("結合了哪些單位？（列出報告點名的單位）").segments == ["结合"]
    engine, doc_id, _ = ledger
    # '…擴建雲端配套服務，結合內政部資訊中心、…及特生中心等超過 20 個單位': the names without the verb before them
    answer = ask(engine, "地質雲網擴建雲端配套服務，結合了哪些政府單位進行資料交換？", doc_id=doc_id)["answer"]
    assert answer["text"].startswith("內政部資訊中心")


def test_a_change_from_a_base_and_a_rate_by_its_name(ledger):  # noqa: F811
    # '預估產值占比達 68.5%，較 108 年提升 20.3%'
    assert answer_value(ledger)("109 年太陽光電產業之系統服務預估產值占比較 108 年提升多少？") == 20.3
    # '水回收系統省能達 20%：完成…具優異脫鹽效能之離子交換膜材': no 脫鹽率 is given
    engine, doc_id, _ = ledger
    assert ask(engine, "國產倒極式電透析(EDR)離子交換膜材的脫鹽率是多少？", doc_id=doc_id)["answer"] is None
    assert answer_value(ledger)("小規模營業人 50 萬元小額貸款的利率是多少？") == 1  # 利率: too short a name to insist on


def test_obtained_is_a_verb_the_report_may_leave_out_and_a_subsidy_is_money(ledger):  # noqa: F811
    # '協助企業爭取人才培育補助計畫，共獲 2,336 萬元經費補助'
    assert answer_value(ledger)("科技產業園區 109 年協助企業爭取人才培育補助計畫，一共拿到多少經費補助？") == 2336
    assert parse_question("廠商一共拿到多少補助？").dimensions == {"money"}
    units = parse_question("108 年是哪幾部新機組併聯商轉？")  # 哪幾部 asks, 部 with it (商轉 = 商業運轉); 新機組 the kind of the names
    assert "并联商业运转" in units.segments and units.asides == {"新机组"}


def test_names_keep_their_notes_and_a_conjunction_other_names_hold():
    from policyledger.passages import lists_in, names_of

    def names(sentence: str) -> list[list[str]]:
        return [names_of(enum.group(0)) for enum, _ in lists_in(sentence)]

    assert names("與日本萬代(日本)、金泰噴碼、HTC DeepQ、味全等 4 家企業合作") == [["日本萬代(日本)", "金泰噴碼", "HTC DeepQ", "味全"]]
    assert names("辦理越南(6 月 8 日)、印尼(6 月 18 日)及泰國等 3 場")[0][0] == "越南"  # a date is no part of a name
    assert names("對中國大陸(含香港)、美國及日本均為成長") == [["中國大陸(含香港)", "美國", "日本"]]
    # 與 inside the other names is no 'and' in the last one
    assert names("係由技術研發、能源查核與節能輔導、強制性規範與標準等 3 構面推動")[0][-1] == "強制性規範與標準"
    assert names("於 2 個關鍵基礎設施(台電和台水)執行場域驗證") == [["台電", "台水"]]
    assert names("取得馬國吉隆坡國際機場與沙巴公家機關合作共識") == [["馬國吉隆坡國際機場", "沙巴公家機關"]]


def test_the_list_a_question_describes_of_two_in_one_sentence(ledger):  # noqa: F811
    engine, doc_id, _ = ledger
    # '順利導入三聯、…、金全益等 6 家廠商，於 2 個關鍵基礎設施(台電和台水)執行場域驗證'
    answer = ask(engine, "OT 資安偵防技術是在哪兩個關鍵基礎設施執行場域驗證的？", doc_id=doc_id)["answer"]
    assert answer["value"] == ["台電", "台水"]
    assert len(ask(engine, "推動新創鏈結機制時，與哪 10 家企業合作？", doc_id=doc_id)["answer"]["value"]) == 10


def test_a_region_is_a_place_and_a_percentage_asked_of_a_count(ledger):  # noqa: F811
    engine, doc_id, _ = ledger
    # the report gives 109 年's exports in all (3,452.1 億美元), none to ASEAN alone
    assert ask(engine, "109 年我國對東協的出口金額是多少美元？", doc_id=doc_id)["answer"] is None
    assert parse_question("核准陸資來臺投資件數較上年減少多少百分比？").dimensions == {"percent"}


def test_a_threshold_asked_is_a_rule_figure(ledger):  # noqa: F811
    # '如受疫情影響營業額下滑 15%以上者，得享有利息補貼…計核准…核准金額 578.4 億元'
    assert answer_value(ledger)("小規模營業人小額貸款，受疫情影響營業額下滑多少以上才得享有利息補貼？") == 15


def test_each_numbered_member_has_its_date(ledger):  # noqa: F811
    # '第 8、9 號機組預定於 111 年 6 月 30 日及 112 年 6 月 30 日商轉'
    engine, doc_id, _ = ledger
    answer = ask(engine, "大潭電廠第 9 號機組預定什麼時候商轉？", doc_id=doc_id)["answer"]
    assert (answer["value"], answer["text"]) == ("2023-06-30", "112年 6 月 30 日")


def test_a_space_next_to_latin_letters_stays_in_a_name():
    from policyledger.passages import lists_in, names_of

    sentence = "會中雙方就科學與技術、投資審查、5G 及電信安全、供應鏈、基礎建設合作及全球健康安全等議題深入交流"
    names = names_of(lists_in(sentence)[0][0].group(0))
    # the verb leading in (就) is cut before 與 would be; 及 ends the list even when a name holds one
    assert names == ["科學與技術", "投資審查", "5G 及電信安全", "供應鏈", "基礎建設合作", "全球健康安全"]
    assert "LED 燈泡" in names_of(lists_in("檢驗標準更新為 LED 燈泡、筆擦、紡織品等")[0][0].group(0))


def test_a_part_named_in_a_bracket_after_a_figure_is_not_that_figure(ledger):  # noqa: F811
    # '每年輔導培育約 1,800 家中小企業(含新創事業約 1,300 家)'
    assert answer_value(ledger)("每年輔導培育的中小企業中，新創事業約有多少家？") == 1300
    assert parse_question("中小企業中，新創事業約有多少家？").part == "新创事业"


def test_a_name_with_he_keeps_it_and_an_ordinal_picks_its_date(ledger):  # noqa: F811
    assert parse_question("協和電廠改建計畫的投資總額是多少？").segments[0] == "协和电厂改建计画"
    engine, doc_id, _ = ledger
    # '2 部機原規劃於 114 年 6 月 30 日、119 年 6 月 30 日商轉': not both, and not 台中's
    answer = ask(engine, "協和電廠改建的第 2 部燃氣機組，原本規劃哪天商轉？", doc_id=doc_id)["answer"]
    assert answer is None or answer["value"] == "2030-06-30"  # declined (0.48) rather than 台中's dates
    from datetime import date

    from policyledger.date_answer import _respective_date
    from policyledger.quantity.periods import find_time_expressions

    sentence = "2 部機原規劃於 114 年 6 月 30 日、119 年 6 月 30 日商轉"
    expr = find_time_expressions(sentence)[0]
    assert _respective_date(parse_question("第 2 部機原規劃哪天商轉？"), sentence, expr) == ("119 年 6 月 30 日", date(2030, 6, 30))
    assert _respective_date(parse_question("2 部機原規劃哪天商轉？"), sentence, expr) is None  # no one member asked


def test_shop_digital_is_no_count_of_shops_and_a_check_leads_into_a_list(ledger):  # noqa: F811
    # '中小型店家數位轉型補助' names 店家 and 數位, not a 家數 asked
    assert parse_question("中小型店家數位轉型補助共撥付了多少補助金額？").units == set()
    assert answer_value(ledger)("「中小型店家數位轉型補助」措施執行期間共撥付了多少補助金額？") == 2.53
    from policyledger.passages import lists_in, names_of

    assert names_of(lists_in("另執行監督稽核噪音計、電度表、雷達測速儀等 3 種器具")[0][0].group(0))[0] == "噪音計"


def test_a_counts_bracket_lists_what_it_counts_and_aimed_at_is_no_content(ledger):  # noqa: F811
    from policyledger.passages import counted_lists

    sentence = "109 年辦理反傾銷稅調查案 2 件(中國大陸之鋁箔及印度等 4 國之陶瓷面磚)，課徵監視案 9 件(毛巾、鞋靴)"
    assert [names for *_, names in counted_lists(sentence)] == [["中國大陸之鋁箔", "印度等 4 國之陶瓷面磚"]]  # 9 件 holds two
    assert "针对" not in parse_question("分別是針對哪些產品？").segments
    engine, doc_id, _ = ledger
    answer = ask(engine, "109 年經濟部辦理的 2 件反傾銷稅調查案，分別是針對哪些產品？", doc_id=doc_id)["answer"]
    assert answer["value"] == ["中國大陸之鋁箔", "印度等 4 國之陶瓷面磚"]


def test_asked_for_the_total_a_summed_part_is_not_it(ledger):  # noqa: F811
    # '…安全存量 103 天，政府儲油安全存量 45 天，合計 148 天'
    value = answer_value(ledger)
    assert value("109 年 12 月底石油煉製業及輸入業與政府儲油的安全存量合計多少天？") == 148
    assert value("109 年 12 月底政府儲油安全存量是多少天？") == 45
    # a total of another unit is no total of this one: '總計 829 家廠商，總投資金額達 1.2 兆元'
    assert value("截至 110 年 3 月 11 日，投資臺灣三大方案合計通過資格審查廠商的總投資金額達多少？") == 1.2


def test_figures_listed_each_with_the_word_after_it(ledger):  # noqa: F811
    # '109 年計帶動中小企業智慧製造創新應用 200 家診斷、56 家輔導'
    value = answer_value(ledger)
    assert value("109 年推動中小企業智慧製造數位轉型，輔導了多少家中小企業？") == 56
    assert value("109 年推動中小企業智慧製造數位轉型，診斷了多少家中小企業？") == 200
    assert value("109 年推動中小企業智慧製造數位轉型，輔導了多少家中小企業（不是診斷家數）？") == 56


def test_counted_to_which_day_asks_an_as_of_date(ledger):  # noqa: F811
    assert parse_question("已受理徵信 2,663 件等成果是統計到哪一天？").segments == ["受理征信", "2,663件"]
    value = answer_value(ledger)
    assert value("補助輸出入銀行辦理輸出保險及出口貸款利息，已受理徵信 2,663 件等成果是統計到哪一天？") == "2021-01-31"


def test_a_bracketed_day_belongs_to_the_member_before_it(ledger):  # noqa: F811
    # '109 年先後辦理越南(6 月 8 日)、印尼(6 月 18 日)、緬甸(8 月 5 日)、柬埔寨(9 月 15 日)及泰國(10 月 16 日)等 5 場線上研討會'
    value = answer_value(ledger)
    assert value("109 年經濟部為協助臺商瞭解當地投資環境所辦理的緬甸線上研討會，是在哪一天舉行？") == "2020-08-05"
    assert value("109 年辦理的柬埔寨線上研討會是哪一天？") == "2020-09-15"


def test_a_price_per_bottle_answers_each_bottles_price(ledger):  # noqa: F811
    # '350 毫升塑膠瓶裝(45 元/瓶)…60 毫升酒精噴霧乾洗手(100 元/瓶)'
    question = parse_question("台糖公司 60 毫升酒精噴霧乾洗手每瓶售價多少元？")
    assert "price" in question.dimensions and "60毫升" in question.anchors
    value = answer_value(ledger)
    assert value("台糖公司 60 毫升酒精噴霧乾洗手每瓶售價多少元？") == 100
    assert value("台糖公司 350 毫升塑膠瓶裝 75% 酒精每瓶售價多少元？") == 45


def test_carbon_cut_is_a_mass_and_classes_opened_a_verb_left_out(ledger):  # noqa: F811
    assert parse_question("估計減碳量是多少？").dimensions == {"mass"}
    value = answer_value(ledger)
    # '估計年發電量達 1,034 萬度，減碳量 5,265 公噸'
    assert value("科技產業園區 109 年推動太陽光電設置，估計減碳量是多少？") == 5265
    assert value("科技產業園區 109 年為營造友善職場推動的育樂活動（多元化學習課程）共開辦多少班次？") == 155


def test_since_the_day_a_figure_is_dated(ledger):  # noqa: F811
    # '115 年初可供水每日 5.8 萬噸': asked 115 年初起
    assert answer_value(ledger)("臺中福田再生水廠預計 115 年初起每日可供水多少？") == 5.8


def test_a_ministrys_office_is_left_unsaid_like_the_country():
    assert parse_question("標準檢驗局制修訂防霾口罩等國家標準共有幾種？").segments[:3] == ["标准检验局", "制修订", "防霾口罩"]


def test_a_price_whose_gold_unit_leaves_out_what_it_is_per():
    from policyledger.evaluate import answer_is_right

    gold = {"kind": "lookup", "answer_text": "45 元/瓶", "answer_value": 45, "unit": "TWD"}
    assert answer_is_right(gold, {"answer": {"base_unit": "TWD/瓶", "base_value": 45}})
    assert not answer_is_right(gold, {"answer": {"base_unit": "TWD/包", "base_value": 45}})


def test_a_name_after_the_verb_ending_in_the_kind_asked(ledger):  # noqa: F811
    # '委請法人單位於高雄建置水下基礎產業人才技術訓練中心'
    question = parse_question("經濟部委請法人單位在高雄建置了什麼中心？")
    assert question.wants == "names" and question.kind_ended == ("建置", "中心") and question.count == 1
    answer = answer_value(ledger)("為補充國內水下基礎生產高階銲工缺口，經濟部委請法人單位在高雄建置了什麼中心？")
    assert answer == ["水下基礎產業人才技術訓練中心"]


def test_which_percentage_asks_a_figure_and_a_rules_figure_is_a_threshold(ledger):  # noqa: F811
    assert parse_question("本部發布了哪一個百分比門檻的計算方式解釋？").wants == "number"
    value = answer_value(ledger)
    # '發布「百分之三十」計算方式之解釋'
    assert value("修正「大陸地區人民來臺投資許可辦法」時，為修正第三地區投資之公司之定義，本部發布了哪一個百分比門檻的計算方式解釋？") == 30
    # '針對製造業及其技術服務業營收下降 50%之艱困事業': a condition asked ('才可申請')
    assert value("製造業及其技術服務業薪資及營運資金補貼，營收下降多少的艱困事業才可申請？") == 50


def test_water_asked_as_an_amount_and_works_left_to_the_verb(ledger):  # noqa: F811
    value = answer_value(ledger)
    # '(9) 高雄鳳山廠供應臨海工業區：107 年 8 月完工，目前供應每日 4.5 萬噸'
    assert value("高雄鳳山廠目前每日供應臨海工業區多少水量？") == 4.5
    assert value("高雄鳳山廠供應臨海工業區的工程是在何時完工的？") == "2018-08"


def test_asked_when_a_month_answers_nearly_as_well_as_a_day(ledger):  # noqa: F811
    # '109 年 8 月 18 日動工興建中，預計 111 年 11 月完成第一期工程'
    assert answer_value(ledger)("臺南安平再生水廠預計何時完成第一期工程？") == "2022-11"


def test_two_latin_names_joined_by_a_conjunction_are_a_list(ledger):  # noqa: F811
    from policyledger.passages import lists_in, names_of

    assert [names_of(m.group(0)) for m, _ in lists_in("與 Google 和 Microsoft Azure 合作")] == [["Google", "Microsoft Azure"]]
    assert lists_in("推動 5G 及 AI 應用") == []  # 5G is no name
    question = "創新發明的三甘露醣（tri-mannosyl）抗體藥物鏈結技術，獲哪些國際大廠委託生產抗體服務？"
    assert answer_value(ledger)(question) == ["Amgen", "Takada"]


def test_asked_when_a_thing_happens_the_date_of_the_clause_that_says_it(ledger):  # noqa: F811
    # '另離岸風力發電第二期計畫已於 109 年 6 月 15 日決標，預定於 114 年完工'
    value = answer_value(ledger)
    assert value("台電離岸風力發電第二期計畫預定在哪一年完工？") == "2025"
    assert value("台電離岸風力發電第二期計畫是在哪一天決標的？") == "2020-06-15"


def test_dates_sharing_a_clause_each_own_the_event_after_them(ledger):  # noqa: F811
    # '訂於 110 年 7 月公告招商、12 月開發工程動土'
    value = answer_value(ledger)
    assert value("高雄軟體園區第二期開發計畫的開發工程訂於何時動土？") == "2021-12"
    assert value("高雄軟體園區第二期開發計畫訂於何時公告招商？") == "2021-07"


def test_the_size_of_a_list_asked_is_no_figure_to_find(ledger):  # noqa: F811
    assert parse_question("涉及哪 4 個縣市？").anchors == []
    # '與台糖公司於雲林、嘉義、臺南及高雄等 4 縣市 5 處農場土地合作開發產業園區'
    assert answer_value(ledger)("經濟部與台糖公司合作以農場土地開發產業園區，涉及哪 4 個縣市？") == ["雲林", "嘉義", "臺南", "高雄"]


def test_a_whole_restated_in_the_question_is_no_condition_and_a_budgets_part(ledger):  # noqa: F811
    # '促成產業合作 16 件，包含人工智慧物聯網(AIoT)相關 4 件、防疫科技相關 8 件…'
    assert answer_value(ledger)("推動臺日重點產業合作所促成的 16 件產業合作中，防疫科技相關的有幾件？") == 8
    assert parse_question("垃圾焚化廠升級整備計畫的總經費中，中央補助的金額是多少？").part == "中央补助"
    assert parse_question("累計至 109 年底信保基金獲得的捐助中，政府所占比例是多少？").part is None


def test_a_rate_that_must_reach_and_a_share_of_more_than_ask_a_percentage(ledger):  # noqa: F811
    assert parse_question("平均年節電率依規定應達多少以上？").dimensions == {"percent"}
    assert parse_question("公告項目已占家庭夏季用電量多少以上？").dimensions == {"percent"}
    value = answer_value(ledger)
    # '規定 104 年至 113 年（10 年）平均年節電率及年度節電率應達 1%以上'; the 800 kW class in brackets is no capacity asked
    assert value("能源大用戶（用電契約容量超過 800 kW）在 104 年至 113 年的平均年節電率依規定應達多少以上？") == 1
    assert value("容許耗能基準、能源效率分級標示及節能標章等公告項目，已占家庭夏季用電量多少以上？") == 82


def test_sites_asked_and_a_lists_last_name_ends_at_its_verb(ledger):  # noqa: F811
    # '台電公司規劃於鯉魚潭水庫、湖山水庫、石門水庫、集集攔河堰設置小型機組'
    value = answer_value(ledger)
    assert value("台電公司規劃投資 37.9 億元設置小型水力發電機組的地點有哪些？") == ["鯉魚潭水庫", "湖山水庫", "石門水庫", "集集攔河堰"]
    # '確認南沖繩海槽之石林隆堆及棉花火山具有金、銀…': not the metals the question names, nor the minerals after
    engine, doc_id, _ = ledger
    question = "臺灣東北部礦產地質調查計畫確認南沖繩海槽的哪些地點具有金、銀等貴金屬賦存潛能？"
    answer = ask(engine, question, doc_id=doc_id)["answer"]
    assert answer is None or "石林隆堆" in answer["text"]


def test_by_industry_top_five_and_a_part_with_its_own_figure_after_a_qualifier(ledger):  # noqa: F811
    value = answer_value(ledger)
    # '就業別觀之，電子零組件製造業 16 億美元（27.1％）…分居前 5 名，合計約占核准對中國大陸投資總額的 71.8％'
    assert value("109 年核准對中國大陸投資，依業別排名前 5 名合計約占核准對中國大陸投資總額的多少？") == 71.8
    # '其中太陽光電約 5,817.2 MW、風力發電約 853.7 MW、…'
    assert value("截至 109 年底，全國再生能源累計裝置容量中，風力發電約有多少？") == 853.7


def test_a_venue_an_award_and_a_name_with_its_kind(ledger):  # noqa: F811
    value = answer_value(ledger)
    assert value("109 年「台灣創新技術博覽會」在哪裡展出？") == ["臺北世貿一館"]  # '於臺北世貿一館展出'
    assert value("大規模崩塌地質防災資訊服務計畫建置的山崩地質資訊雲端服務平臺，曾獲頒什麼獎項？") == ["108 年防災科技應用技術優質獎"]
    assert value("車用電子大廠投資 45 億元興建的電動車智慧製造基地位在哪一個科技園區？") == ["臺中港科技園區"]
    assert value("國機國造政策下，自 106 年起中科院是結合哪家公司取得國防部委製合約？") == ["漢翔公司"]


def test_two_things_counted_together_answer_neither_alone(ledger):  # noqa: F811
    engine, doc_id, _ = ledger
    # '產官學界現場及線上共逾 120 人參加'
    question = "與歐洲經貿辦事處（EETO）合辦的臺歐盟網路著作權保護研討會，透過線上參加的有多少人？"
    assert ask(engine, question, doc_id=doc_id)["answer"] is None
    assert answer_value(ledger)("與歐洲經貿辦事處合辦的臺歐盟網路著作權保護研討會，現場及線上共有多少人參加？") == 120


def test_asked_for_a_wholes_total_a_sub_items_figure_is_a_part(ledger):  # noqa: F811
    # '二、投資臺灣三大方案：…已通過資格審查總計 829 家廠商'; '（二）根留臺灣方案：…共 99 家廠商通過資格審查'
    value = answer_value(ledger)
    assert value("截至 110 年 3 月 11 日，投資臺灣三大方案總計已有多少家廠商通過資格審查？") == 829
    assert value("截至 110 年 3 月 11 日，根留臺灣方案共有多少家廠商通過資格審查？") == 99


def test_more_everyday_words_for_the_reports(ledger):  # noqa: F811
    assert "不合格" in parse_question("有幾具沒過關？").segments
    assert parse_question("抽查磅秤合格的比例是多少？").segments == ["抽查磅秤合格率"]
    assert parse_question("標檢局 109 年跟巴拉圭簽了哪一份合作文件？").segments[0] == "标检局"  # an office, left unsaid
    value = answer_value(ledger)
    # '262 案均已完成簽約'
    assert value("到 110 年 1 月底，研發固本計畫有幾案已經簽好約？") == 262
    # '109 年 8 月 12 日完成用水契約簽訂'
    assert value("臺中福田再生水廠的用水合約是哪一天簽好的？") == "2020-08-12"


def test_dates_sharing_a_clause_each_name_what_follows_them(ledger):  # noqa: F811
    # '(如 5 月五金手工具及扣件、7 月運動居家…)及線上專業展(如線上 9 月 InnoVEX、10 月線上台灣國際醫療…)'
    assert answer_value(ledger)("109 年的線上 InnoVEX 展是在幾月辦的？") == "2020-09"
    # a bracketed date names what stands before it: '第一階段(112 年)及第二階段(113~114 年)包括葉片…'
    assert answer_value(ledger)("離岸風電產業在地化規劃中，葉片、發電機、機艙組裝等關鍵項目在地化的第一階段是哪一年？") == "2023"


def test_another_ordinal_of_a_recurring_thing_is_not_the_one_asked(ledger):  # noqa: F811
    from policyledger.question import another_ordinal

    assert another_ordinal("第二屆臺美經濟繁榮夥伴對話何時召開？", "首屆臺美經濟繁榮夥伴對話(EPPD)於 109 年 11 月 20 日召開")
    assert not another_ordinal("第二屆對話何時召開？", "首屆對話於 11 月召開，第二屆預定明年")
    engine, doc_id, _ = ledger
    assert ask(engine, "第二屆臺美經濟繁榮夥伴對話（EPPD）預定於何時召開？", doc_id=doc_id)["answer"] is None
    assert answer_value(ledger)("首屆臺美經濟繁榮夥伴對話（EPPD）是哪一天召開的？") == "2020-11-20"


def test_a_name_right_after_its_kind_and_a_set_aside_part_of_a_bracket(ledger):  # noqa: F811
    value = answer_value(ledger)
    # '並連結自行車品牌組件廠天心工業，開拓…'
    assert value("創建國內第一條電動自行車複材新價值鏈時，長興公司連結的自行車品牌組件廠是哪一家？") == ["天心工業"]
    # '紙本三倍券自 109 年 7 月 23 日開始兌領'
    assert parse_question("紙本振興三倍券自哪一天開始兌領（店家兌領，不是民眾領取）？").segments[-1] == "店家兑领"
    assert value("紙本振興三倍券自哪一天開始兌領（店家兌領，不是民眾領取）？") == "2020-07-23"


def test_a_spans_end_asked_and_a_two_character_rate_named_alone(ledger):  # noqa: F811
    value = answer_value(ledger)
    # '計畫期程為 107 年 3 月至 116 年 12 月'
    assert value("台中電廠新建燃氣機組計畫的計畫期程到何時結束？") == "2027-12"
    assert value("通霄電廠第二期更新改建計畫的計畫期程從何時開始？") == "2019-08"
    # '可申請 50 萬元貸款，利率為 1%'
    assert value("小規模營業人 50 萬元小額貸款的貸款利率是多少？") == 1


def test_compared_with_is_no_part_of_the_word_before_it(ledger):  # noqa: F811
    assert parse_question("109 年我國能源密集度相較 108 年改善了多少？").segments[:2] == ["我国", "能源密集度"]
    # '109 年能源密集度 4.3 公升油當量/千元，相較 108 年改善約 2.5%'
    assert answer_value(ledger)("109 年我國能源密集度相較 108 年改善了多少？") == 2.5


def test_one_to_one_is_one_word_and_words_reports_use_alike(ledger):  # noqa: F811
    assert "一对一视讯" in "".join(parse_question("一對一視訊會議簽了幾份意向書？").segments)
    value = answer_value(ledger)
    # '採一對一視訊方式辦理 2 場次國際企業交流會議，…合計簽訂 5 份合作意向書，未來合作商機預計 328 萬美元'
    assert value("連鎖加盟業一對一視訊國際企業交流會議所簽署的合作意向書，預計帶來多少合作商機？") == 328
    # '透過「2020 臺馬聯合網購節」(與馬國電商機構 MDEC 合辦)': 馬國 is 馬來西亞
    assert value("2020 臺馬聯合網購節是和馬來西亞的哪一個電商機構一起辦的？") == ["MDEC"]


def test_a_name_after_the_word_before_which_and_a_preposition_the_report_leaves_out(ledger):  # noqa: F811
    value = answer_value(ledger)
    # '透過來自矽谷 10 X Innvation Lab 的 6 位國際業師進行培訓'
    assert value("G Camp 創新創業國際訓練營的國際業師是來自矽谷哪一個機構？") == ["10 X Innvation Lab"]
    # '協助印方邦加羅爾廠區建立產線'
    assert value("我商和印商的合資公司協助印方在哪個廠區建立產線？") == ["邦加羅爾廠區"]
    # '委請法人單位於高雄建置水下基礎產業人才技術訓練中心': one site asked
    assert value("水下基礎產業人才技術訓練中心是委請法人單位在哪裡建置的？") == ["高雄"]
    # '聯合海洋委員會等近百個單位於雲嘉南地區舉辦 2020 地質嘉年華系列': 中央機關 is the kind asked, not a word to find
    assert value("2020 地質嘉年華系列聯合了哪個中央機關等近百個單位舉辦？") == ["海洋委員會"]


def test_places_any_country_and_a_pair_of_places_closed_by_the_kind_asked(ledger):  # noqa: F811
    from policyledger.entities import names_a_place, place_lists

    assert names_a_place("查德") and names_a_place("厄瓜多") and not names_a_place("沿海地區")
    assert place_lists("可供應南投及彰化地區每日 25 萬噸水量") == [(3, 8, ["南投", "彰化"])]
    value = answer_value(ledger)
    # '於 6 國（厄瓜多、澳大利亞、查德、尼日、美國、印尼）經營 8 個探勘或開發生產礦區': the size asked is no anchor
    assert value("截至 109 年底，我國在哪 6 個國家經營油氣探勘或開發生產礦區？") == ["厄瓜多", "澳大利亞", "查德", "尼日", "美國", "印尼"]
    assert value("鳥嘴潭人工湖整體計畫完工以後可以供應哪些地區用水？") == ["南投", "彰化"]


def test_a_ranking_year_and_a_reservoirs_capacity(ledger):  # noqa: F811
    value = answer_value(ledger)
    # '「國際會議協會」(ICCA)公布 108 年國際會議場次排名，我國以舉辦 163 場協會型國際會議，超越泰國晉升亞洲 4 強'
    assert value("我國晉升亞洲 4 強，根據的是 ICCA 哪一年的國際會議場次排名？") == "2019"
    # '石門及曾文水庫去年度清淤量分別達到 334 萬及 382 萬立方公尺，使水庫庫容增加 120 萬及 155 萬立方公尺': 去年度 dates
    assert value("石門水庫去年度清淤之後，庫容增加多少？") == 120


def test_applications_are_not_approvals_and_a_years_work_counted_at_the_cut_off(ledger):  # noqa: F811
    engine, doc_id, _ = ledger
    # 'B. 109 年第 3 季：109 年 10 月 31 日截止受理申請，總計核准 7,260 家'
    assert ask(engine, "製造業薪資及營運資金補貼 109 年第 3 季共受理幾家業者申請？", doc_id=doc_id)["answer"] is None
    # '本部 109 年推動餐飲、零售數位轉型…截至 110 年 1 月底，…合計 32,534 人次參加實體課程'
    assert answer_value(ledger)("109 年推動餐飲及零售數位轉型，合計多少人次參加實體課程？") == 32534


def test_a_brackets_aside_and_places_asked_together(ledger):  # noqa: F811
    parsed = parse_question("產業創新平台特案補助（受疫情影響標竿企業之研發輔導）預計維持研發人員就業至少多少人？")
    assert parsed.asides == {"受疫情影响标竿企业", "研发辅导"}
    value = answer_value(ledger)
    # the aside is item (1)'s words, the figure item (2)'s: '…維持研發人員就業至少 3,109 人'
    assert value("產業創新平台特案補助（受疫情影響標竿企業之研發輔導）預計可維持多少研發人員就業？") == 3109
    # '歐盟針對我國、中國大陸及印尼進口之熱軋不銹鋼鋼板 ( 捲 ) 案，協助業者爭取到稅率進一步調降(4.1%-7.5%)'
    assert value("歐盟對我國、中國大陸及印尼進口熱軋不銹鋼鋼板案的稅率，經業者爭取後進一步調降為多少？") == 4.1
    engine, doc_id, _ = ledger
    # '開拓越南及印尼之冷鏈市場，支援 16.3 億元商品之海內外流通，帶動物流服務營收 1.9 億元': no figure for each
    assert ask(engine, "冷鏈物流支援的商品中，銷往越南和印尼的分別是多少？", doc_id=doc_id)["answer"] is None


def test_asked_until_when_not_the_day_it_began(ledger):  # noqa: F811
    # '紙本三倍券自 109 年 7 月 23 日開始兌領，…店家兌領作業將持續至 110 年 3 月 31 日'
    assert answer_value(ledger)("紙本三倍券的店家兌領作業會持續到哪一天？") == "2021-03-31"


def test_a_changes_two_ends_and_what_a_percentage_change_is_of(ledger):  # noqa: F811
    value = answer_value(ledger)
    # '目前全臺漏水率已從 106 年的 16%降到目前 13.5%': asked where it is now, the change's end
    assert value("全臺漏水率現在已經降到多少？") == 13.5
    # '109 年核准新南向國家來臺投資件數為 515 件，較上年減少 20.2％，投(增)資金額 3.8 億美元，減少 65.2％'
    assert value("109 年新南向國家來臺投資件數較上年減少了多少百分比？") == 20.2
    assert value("109 年新南向國家來臺投資金額較上年減少了多少百分比？") == 65.2


def test_an_items_year_a_plans_cost_and_a_whole_asked_by_its_parts(ledger):  # noqa: F811
    value = answer_value(ledger)
    # '109 年計協助 17 個數位寬頻應用街區，…。辦理 206 場次推廣活動、講習活動、說明會等，計 13 萬 1,773 人次參加'
    assert value("109 年普及中小企業數位寬頻應用的推廣活動、講習活動及說明會，共計多少人次參加？") == 131773
    # '計畫期程為 106 年 1 月至 115 年 12 月，投資總額 1,104.6 億元': a plan's cost, asked plainly
    assert value("大潭電廠增建計畫的投資總額有多少？") == 1104.6
    # '截至 109 年底，累計已辦理防災減災工程 208.1 公里、河川環境景觀改善工程 160.9 公里…'
    assert value("中央管河川、區域排水及海堤治理截至 109 年底累計辦理了多少公里的防災減災工程？") == 208.1
    # '儲槽容積天數現行至少 15 天，116 年至少 24 天': 現行 is now, not the year named before it
    assert value("116 年天然氣儲槽容積天數至少要幾天？") == 24


def test_asked_what_was_actually_paid_a_rules_floor_is_no_answer(tmp_path: Path):
    engine = small_ledger(tmp_path, "衛生福利部業務報告\n\n壹、長期照顧\n一、照顧服務員：截至 109 年底，居家及社區式服務之照顧服務員 7 萬 3,168 人，"
                                    "並保障全職照顧服務員月薪至少 3 萬 2,000 元。\n")
    assert ask(engine, "109 年居家照顧服務員的平均月薪實際是多少？")["answer"] is None
    assert ask(engine, "全職照顧服務員的月薪至少保障多少？")["answer"]["value"] == 32000


def test_a_list_ended_by_with_a_lead_in_by_inviting_and_a_place_before_its_thing(ledger):  # noqa: F811
    from policyledger.passages import names_of

    # 及 then 與: 與 ends the list, 及 joins within a name; 與 then 及 as before
    assert names_of("如高雄市鳳山溪、臺中市柳川及綠川與宜蘭縣安農溪")[-2:] == ["臺中市柳川及綠川", "宜蘭縣安農溪"]
    assert names_of("苗栗通霄溪、雲林濁水溪與高雄高屏溪溪埔及大泉伏流水")[-1] == "高雄高屏溪溪埔及大泉伏流水"
    assert names_of("邀請日本和歌山、青森、福岡、大阪")[0] == "日本和歌山"
    # '目前已提出雲林地區有才村試辦計畫': where a thing is, written before it
    assert answer_value(ledger)("推行在地滯洪新治水觀念，目前提出的試辦計畫是在哪個地方？") == ["雲林地區有才村"]


def test_words_that_hold_a_stop_character_and_a_subjectless_sentences_topic_for_dates(ledger):  # noqa: F811
    assert "等值服务" in parse_question("提供 2 萬元或 6 萬元等值服務的輔導辦到何時？").segments
    assert "渔电共生" in parse_question("漁電共生的設置量是多少？").segments
    assert parse_question("瞭解投資環境所辦理的研討會有幾場？").segments[:2] == ["瞭解投资环境", "办理"]
    # '4、數位行銷輔導：提供 2 萬元或 6 萬元等值之數位貿易輔導服務，…。109 年已有 4,146 家廠商申請數位貿易輔導，
    # 將持續辦理至 110 年 3 月底'
    assert answer_value(ledger)("提供 2 萬元或 6 萬元等值服務的數位貿易輔導會持續辦理到什麼時候？") == "2021-03-31"


def test_a_grant_is_not_what_it_drew_nor_a_programmes_cost_its_revenue(ledger):  # noqa: F811
    engine, doc_id, _ = ledger
    # '服務業創新研發：核定補助 75 案，帶動業者相對投入研發經費 1.5 億元、營業額增加 3.9 億元'
    assert ask(engine, "服務業創新研發核定補助 75 案，政府的補助金額一共是多少？", doc_id=doc_id)["answer"] is None
    # '辦理「臺灣美食行動 GO」活動，…帶動餐飲營業額約 4.16 億元'
    assert ask(engine, "臺灣美食行動 GO 活動花了多少辦理經費？", doc_id=doc_id)["answer"] is None
    # '主要包含綠能營區、…、漁電共生（已公告先行區 4,702 公頃）等相關場域，設置量已於 109 年底達 1.74GW': the whole's
    assert ask(engine, "地面型太陽光電裡，漁電共生到 109 年底設置量有多少？", doc_id=doc_id)["answer"] is None


def test_a_later_as_of_dates_what_is_asked_and_whose_investment_comes_here(ledger):  # noqa: F811
    assert parse_question("台水公司 109 年投入的經費，截至 109 年底已執行多少？").as_of
    assert parse_question("109 年核准越南來臺投資的金額是多少美元？").segments[:3] == ["核准", "越南", "来台投资"]
    value = answer_value(ledger)
    # '台水公司 109 年投入 3.7 億元，截至年底已執行 3.6 億元'
    assert value("穩定南部供水，台水公司 109 年投入的經費截至 109 年底已執行了多少？") == 3.6
    engine, doc_id, _ = ledger
    # '109 年核准陸資來臺投資件數為 90 件，…投(增)資金額 1.3 億美元': not Vietnam's
    assert ask(engine, "109 年核准越南來臺投資的金額有多少美元？", doc_id=doc_id)["answer"] is None


def test_a_plan_named_by_its_kind_and_by_what_it_follows(ledger):  # noqa: F811
    value = answer_value(ledger)
    # '中臺灣推動大安大甲溪聯通管工程計畫，已於 109 年 12 月底通過環評審查'
    assert value("中臺灣推動、109 年 12 月底通過環評審查的是哪一項工程計畫？") == ["大安大甲溪聯通管工程計畫"]
    # '穩定南部供水：依「曾文南化烏山頭水庫治理及穩定南部地區供水計畫」，台水公司 109 年投入 3.7 億元'
    assert value("台水公司穩定南部供水是依據哪一項計畫？") == ["曾文南化烏山頭水庫治理及穩定南部地區供水計畫"]
    # '「再生能源發展條例」…經盤點須訂定、修正及廢止子法…其中法規命令截至 109 年底，已完成發布 21 項'
    assert value("再生能源發展條例修正後須配合的法規命令，到 109 年底完成發布了幾項？") == 21


def test_a_lists_first_item_dates_the_rest_and_which_two_days_asks_dates(ledger):  # noqa: F811
    from policyledger.markers import first_sibling_marker

    assert (first_sibling_marker("3、"), first_sibling_marker("（三）"), first_sibling_marker("C."), first_sibling_marker("1、")) == ("1", "(一)", "A", None)
    value = answer_value(ledger)
    # '1、 109 年核准對中國大陸投資 475 件…'; '2、 就業別觀之，…批發及零售業 14.1 億美元（23.8％）'
    assert value("109 年核准對中國大陸投資中，批發及零售業占了多少比例？") == 23.8
    assert parse_question("研討會及研習營是在哪兩天辦理的？").wants == "date"
    # '於 109 年 12 月 17、23 日辦理「2020 臺日商務合作新契機研討會」及「貨賣日本跨境電商教戰研習營」'
    engine, doc_id, _ = ledger
    answer = ask(engine, "2020 臺日商務合作新契機研討會及貨賣日本跨境電商教戰研習營在哪兩天辦理？", doc_id=doc_id)["answer"]
    assert answer["text"] == "109 年 12 月 17、23 日"
    assert answer["value"] == ["2020-12-17", "2020-12-23"]  # each day it lists, not the first


def test_listed_days_reads_each_day_of_a_date():
    from datetime import date

    from policyledger.date_answer import listed_days

    assert listed_days("109 年 12 月 17、23 日") == [date(2020, 12, 17), date(2020, 12, 23)]
    assert listed_days("109 年 9 月 8 日及 10 月 5 日") == [date(2020, 9, 8), date(2020, 10, 5)]
    assert listed_days("109 年 9 月 8 日") == [date(2020, 9, 8)]
    assert listed_days("109 年 2 月 30、31 日") == []  # no such days: nothing, never a wrong one


def test_a_total_over_a_brackets_semicolons_and_what_besides_sets_aside(ledger):  # noqa: F811
    assert parse_question("除了振興三倍券，各部會還發了哪些加碼券？").excluded == ["振兴三倍券"]
    value = answer_value(ledger)
    # '反傾銷稅調查案 2 件(…)，課徵監視案 9 件(…；…)，共計 11 件': 共計 asked; a ； in brackets ends no sentence
    assert value("109 年經濟部進行貿易救濟案件產業損害調查，反傾銷稅調查案與課徵監視案共計幾件？") == 11
    # '包含紙本及行動支付、電子票證、信用卡等 3 種數位方式': what 除…外 sets aside leaves the list
    assert value("振興三倍券除紙本外，可用哪 3 種數位方式領取？") == ["行動支付", "電子票證", "信用卡"]


def test_reader_words_for_a_change_and_a_condition_and_an_adverb_before_the_verb(ledger):  # noqa: F811
    value = answer_value(ledger)
    # '107 至 109 年裸露地面積由 1,162 公頃降為 190 公頃': 降到 is 降為
    assert value("107 至 109 年濁水溪的裸露地面積降到多少公頃？") == 190
    # '區內廠商任 1 月營業額較去年同期減少 15%以上者，得申請減免 20%': 符合條件的 is how a reader asks
    assert value("科技產業園區土地租金紓困延長至 110 年 6 月，符合條件的區內廠商可申請減免多少比例的土地租金？") == 20
    # '3 月間於花蓮溪與木瓜溪滙流口處更採用行動地磅緊急出料': 更 is no part of the place
    assert value("水利署在哪裡採用行動地磅緊急出料？") == ["花蓮溪與木瓜溪滙流口處"]


def test_the_year_a_change_is_measured_from_and_a_year_whole_and_an_industry_named(tmp_path: Path):
    assert parse_question("109 年全年我國農產品出口值是多少？").segments[:3] == ["全年", "我国", "农产品出口值"]
    assert parse_question("109 年全年零售業營業額是多少元？").segments[1:3] == ["零售业", "营业额"]
    engine = small_ledger(tmp_path, "經濟部水利署業務報告\n\n壹、水資源\n一、降低自來水漏水率：漏水率從 109 年期初 14.5%降至 109 年底 13.9%。\n"
                                    "二、全臺自來水漏水率已從 106 年的 16%降到目前 13.5%。\n三、餐飲業：109 年提升餐飲業營業額 1.6 億元。\n")
    assert ask(engine, "相較 106 年，全臺自來水漏水率降到多少？")["answer"]["value"] == 13.5
    assert ask(engine, "漏水率從 109 年期初降至 109 年底是多少？")["answer"]["value"] == 13.9
    assert ask(engine, "109 年全年零售業營業額是多少元？")["answer"] is None


def test_short_names_of_bodies_money_words_and_what_is_counted():
    from policyledger.question import authors_of

    assert "金管會" in authors_of(["金融監督管理委員會業務報告"]) and "農委會" in authors_of(["行政院農業委員會業務報告"])
    assert parse_question("111 年核定原住民保留地禁伐補償，共核發多少補償金？").dimensions == {"money"}
    assert parse_question("截至 110 年 6 月底，上櫃公司的總市值是多少？").dimensions == {"money"}
    assert "案" in parse_question("106 年 5 月至 109 年底，再生能源憑證共核發給多少個發電案場？").units
    assert "国家" not in parse_question("論壇邀請了新南向幾個國家的駐臺單位共同辦理？").segments
    assert parse_question("半導體射月計畫累計技術移轉所收取的技轉金是多少？").segments[1:3] == ["技转", "收取"]


def test_what_besides_sets_aside_a_deferral_is_no_cut_and_trades_closed(ledger):  # noqa: F811
    engine, doc_id, _ = ledger
    value = answer_value(ledger)
    # '…辦理「新世代能源科技標準計量檢測驗證計畫」…及「綠能產品檢測技術及驗證計畫」'
    assert value("除「新世代能源科技標準計量檢測驗證計畫」外，為發展再生能源相關檢測技術，經濟部還辦理了哪一個計畫？") == ["綠能產品檢測技術及驗證計畫"]
    # '已同意 433 戶申請緩繳租金，17,198 件減租案，減收約 6.8 億元': what was cut, not what was put off
    assert ask(engine, "截至 110 年 2 月底，國營事業土地房舍同意緩繳的租金總額是多少元？", doc_id=doc_id)["answer"] is None
    # '促成憑證交易 279 筆，共計 5 萬 8,792 張再生能源憑證': 成交 is 交易
    assert value("至 109 年底，再生能源憑證交易共計成交了多少張憑證？") == 58792


def test_a_changes_subject_an_aside_counted_together_and_an_amount_asked(tmp_path: Path):
    engine = small_ledger(tmp_path, "金融監督管理委員會業務報告\n\n壹、證券市場\n一、市場規模：截至 110 年 6 月底，上市公司 960 家、上櫃公司 760 家，"
                                    "上市公司總市值 55 兆 3,600 億元，較 109 年底增加 10 兆 4,800 億元。\n"
                                    "二、社會住宅：截至 113 年 1 月底，社會住宅直接興建（含已完工及興建中）7 萬 4,132 戶。\n"
                                    "三、航空：112 年桃園國際機場旅運量 3,535 萬人次，為 108 年 4,868 萬人次之 72.6%。\n")
    assert ask(engine, "截至 110 年 6 月底，上櫃公司的總市值是多少？")["answer"] is None
    assert ask(engine, "截至 113 年 1 月底，直接興建的社會住宅中已完工的有多少戶？")["answer"] is None
    assert ask(engine, "疫情前的 108 年，桃園國際機場旅運量是多少？")["answer"]["value"] == 4868


def test_a_part_after_its_total_a_whole_year_asked_and_the_sea_off_a_place(tmp_path: Path):
    assert parse_question("110 年查獲的農漁畜產品走私市價約多少？").dimensions == {"money"}
    assert parse_question("110 年各界淨灘活動共清除多少廢棄物（重量）？").dimensions == {"mass"}
    engine = small_ledger(tmp_path, "海洋委員會業務報告\n\n壹、海巡\n一、考試進用：110 年海巡人員特考錄取 486 人，其中三等 112 人、四等 304 人、五等 70 人。\n"
                                    "二、整體成果：110 年驅離越界大陸漁船 1,732 艘次。\n三、重點海域：110 年澎湖海域驅離 684 艘次，金門海域驅離 521 艘次。\n"
                                    "四、對外貿易：110 年 1 至 8 月出口 2,808.5 億美元。\n")
    assert ask(engine, "110 年海巡人員特考四等錄取多少人？")["answer"]["value"] == 304
    assert ask(engine, "110 年全年我國出口金額是多少？")["answer"] is None
    assert ask(engine, "110 年在金門海域驅離多少艘次？")["answer"]["value"] == 521


def test_a_share_named_by_the_amount_before_it_and_what_a_list_of_figures_leaves(ledger):  # noqa: F811
    value = answer_value(ledger)
    # '信保基金獲捐助 1,514.2 億元，其中政府占 71.8％，金融機構占 28.2％': each share is named by the whole's words
    assert value("信保基金累計獲得的捐助中，政府捐助所占的比例是多少？") == 71.8
    assert value("累計至 109 年底信保基金獲得的捐助中，金融機構所占比例是多少？") == 28.2
    # '已將 OT 資安硬體加速偵防技術、端點 AI 異常分析等技術，順利導入三聯、功得…': the list the question states is not asked
    assert value("強化製造資安防護方面，OT 資安硬體加速偵防、端點 AI 異常分析等技術已導入哪些廠商？")[:2] == ["三聯", "功得"]
    from policyledger.name_answer import _a_unit_left, _trimmed

    assert _a_unit_left("億元") and _a_unit_left("場") and not _a_unit_left("臺東縣")
    assert _trimmed("將來商業銀行已分別於") == "將來商業銀行"


def test_a_rise_asked_as_a_rate_who_passed_not_who_sat_and_a_total_drawn_not_a_days_rate(ledger, tmp_path: Path):  # noqa: F811
    assert parse_question("113 年度法定預算較 112 年度增幅是多少？").dimensions == {"percent"}
    assert parse_question("本部已採購哪一款 COVID-19 單價疫苗？").wants == "names"
    # '其中新竹 17 口抗旱井可提供每天 3.2 萬噸水源，迄今已抽取 543 萬噸水量'
    assert answer_value(ledger)("新竹 17 口抗旱井迄今已抽取多少水量？") == 543
    engine = small_ledger(tmp_path, "客家委員會業務報告\n\n壹、客語\n一、初級認證：112 年初級認證報考 2 萬 3,415 人，合格 1 萬 8,762 人，合格率 80.1%。\n")
    assert ask(engine, "112 年客語初級認證的合格人數是多少人？")["answer"]["value"] == 18762


def test_a_shorter_span_than_asked_exports_are_not_all_sales_and_the_top_of_a_range(tmp_path: Path):
    engine = small_ledger(tmp_path, "衛生福利部業務報告\n\n一、健保\n（一） 門診利用：112 年上半年門診就醫 1 億 7,356 萬人次。\n"
                                    "（二） 營業額：112 年科學園區整體營業額達 4 兆 2,178 億元。\n")
    assert ask(engine, "112 年 1 至 8 月健保門診就醫人次是多少？")["answer"] is None
    assert ask(engine, "112 年科學園區的出口金額是多少？")["answer"] is None
    (tmp_path / "pay").mkdir()
    engine = small_ledger(tmp_path / "pay", "海洋委員會業務報告\n\n一、人事\n（一） 加給：危險職務加給每人每月 8,000 元至 1 萬 2,000 元。\n")
    assert ask(engine, "危險職務加給每人每月最高是多少元？")["answer"]["value"] == 12000


def test_the_other_statement_of_a_range_also_gives_its_top_when_the_highest_is_asked(tmp_path: Path):
    engine = small_ledger(tmp_path, "海洋委員會業務報告\n\n一、人事\n（一） 加給：危險職務加給每人每月 8,000 元至 1 萬 2,000 元。\n"
                                    "（二） 加給：危險職務加給每人每月 9,000 元至 1 萬 5,000 元。\n")
    result = ask(engine, "危險職務加給每人每月最高是多少元？")
    (other,) = result["also"]
    assert {result["answer"]["value"], other["answer"]["value"]} == {12000, 15000}


def test_a_part_after_its_total_past_a_thousands_comma(tmp_path: Path):
    # the parts after 其中 run to their clause's end, not to the comma inside 1,112
    engine = small_ledger(tmp_path, "海洋委員會業務報告\n\n壹、人事\n一、考試進用：110 年海巡人員特考錄取 1,486 人，其中三等 1,112 人、四等 304 人、五等 70 人。\n")
    assert ask(engine, "110 年海巡人員特考四等錄取多少人？")["answer"]["value"] == 304


def test_a_count_the_question_states_in_another_measure_word(tmp_path: Path):
    # '5 場線上臺灣形象展' of '總計 5 展': the number stands, the measure word is the reader's
    engine = small_ledger(tmp_path, "經濟部業務報告\n\n壹、貿易\n一、形象展：109 年辦理線上臺灣形象展，"
                                    "總計 5 展共協助 763 家廠商與買主洽談，並吸引超過 6,800 家買主參觀瀏覽。\n")
    assert ask(engine, "109 年辦的 5 場線上臺灣形象展，吸引了超過多少家買主參觀瀏覽？")["answer"]["value"] == 6800


def test_a_budget_spent_and_a_threshold_reached(tmp_path: Path):
    engine = small_ledger(tmp_path, "經濟部業務報告\n\n壹、水利\n"
                                    "一、穩定南部供水：台水公司 109 年投入 3.7 億元，截至年底已執行 3.6 億元，以加強穩定南部供水。\n"
                                    "二、補貼：針對製造業營收下降 50%之艱困事業，提供薪資補貼，每人每月上限 2 萬元及一次性營運資金 1 萬元。\n")
    # '執行了多少' of a budget is money, though the question names water (供水)
    assert ask(engine, "台水公司 109 年為穩定南部供水投入 3.7 億元，到 109 年底實際已經執行了多少？")["answer"]["base_value"] == 3.6 * 10**8
    # '下降達多少': so many percent (or so much money), as '下降了多少'
    assert ask(engine, "製造業的薪資補貼適用於營收下降達多少的艱困事業？")["answer"]["value"] == 50


def test_words_a_report_leaves_unsaid_decided_an_opportunity_and_a_survey_office(tmp_path: Path):
    engine = small_ledger(tmp_path, "經濟部業務報告\n\n壹、投資\n"
                                    "一、印尼：聚陽公司分散投資風險，109 年選擇在印尼增設新廠，未來新增 80 條產線。\n"
                                    "二、形象展：109 年線上臺灣形象展吸引買主參觀瀏覽，促成逾 1.3 億美元，成功案例 10 案。\n"
                                    "三、山崩潛勢評估計畫：完成 8 處鄰近聚落地區的山崩活動性觀測及地質安全檢討。\n")
    assert ask(engine, "聚陽公司 109 年決定到印尼增設新廠，未來將新增幾條產線？")["answer"]["value"] == 80
    assert ask(engine, "109 年線上臺灣形象展總共促成了多少商機金額？")["answer"]["base_value"] == 1.3 * 10**8
    assert ask(engine, "地調所的山崩潛勢評估計畫對幾處鄰近聚落地區做了山崩活動性觀測？")["answer"]["value"] == 8


def test_a_count_the_question_states_is_not_its_answer_in_another_measure_word(tmp_path: Path):
    # '11 件補助案' states the count: the answer is the resources put in, not '補助案 11 案'
    engine = small_ledger(tmp_path, "經濟部業務報告\n\n壹、產業\n一、智慧機械：截至 109 年底，已推動智慧機械產業切入全球供應鏈補助案 11 案，投入政府資源 3.38 億元。\n")
    assert ask(engine, "推動智慧機械產業切入全球供應鏈的 11 件補助案，政府共投入多少資源？")["answer"]["base_value"] == 3.38 * 10**8


def test_a_name_in_the_slot_before_a_latin_word_or_past_a_possessive(tmp_path: Path):
    engine = small_ledger(tmp_path, "經濟部業務報告\n\n壹、資安\n一、5G 資安：完成 5G 開台審驗檢測；並協助明泰科技 5G NSA 基站進行資通安全合規檢測。\n"
                                    "二、印度：我商與印商成立合資公司，協助印方邦加羅爾廠區建立產線，供應印度電子供應鏈。\n")
    # '哪一家廠商的 5G NSA 基站': the kind, then what the name stands before, past 的 and in Latin letters
    assert ask(engine, "經濟部協助哪一家廠商的 5G NSA 基站進行資通安全合規檢測？")["answer"]["value"] == ["明泰科技"]
    assert ask(engine, "我商與印商成立合資公司，是協助印方在哪個城市的廠區建立產線？")["answer"]["value"] == ["邦加羅爾廠區"]


def test_a_span_of_months_shorter_than_the_quarter_asked_is_no_answer(tmp_path: Path):
    engine = small_ledger(tmp_path, "經濟部業務報告\n\n壹、數位\n一、雲世代方案：112 年 7 至 8 月核定補助 5,102 家，補助金額 1.3 億元。\n")
    assert ask(engine, "雲世代方案在 112 年第 3 季核定補助多少家？")["answer"] is None  # 7 至 8 月 leaves September out
    assert ask(engine, "雲世代方案在 112 年 7 至 8 月核定補助多少家？")["answer"]["value"] == 5102


def test_a_part_named_with_others_before_their_joint_count_is_not_counted_alone(tmp_path: Path):
    engine = small_ledger(tmp_path, "經濟部業務報告\n\n壹、循環經濟\n一、大聯盟：積極促成「臺灣循環經濟大聯盟」成立，109 年已集結產業界及公協會計 227 家成員加入。\n"
                                    "二、人才：延攬海外人才 534 人、僑外生 397 人。\n")
    assert ask(engine, "臺灣循環經濟大聯盟的成員中，公協會有幾家？")["answer"] is None  # 227 家 counts both
    assert ask(engine, "延攬的人才中，僑外生有幾人？")["answer"]["value"] == 397  # a breakdown: its own figure


def test_the_title_of_a_list_a_word_of_the_question_picks_in_words_used_alike(tmp_path: Path):
    engine = small_ledger(tmp_path, "經濟部業務報告\n\n壹、電力\n一、輸電部分：台電公司已推動多項輸變電計畫，包括「第七輸變電計畫」、「北區一期電網計畫」、"
                                    "「離岸風力發電加強電力網第一期計畫」及「南科超高壓變電所擴建計畫」，總投資金額合計約 3,669 億元。\n")
    # 風電 asked, 風力發電 written: the member that holds it, not the list's first 「title」
    assert ask(engine, "台電的輸電計畫中，為離岸風電加強電力網的是哪一項計畫？")["answer"]["value"] == ["離岸風力發電加強電力網第一期計畫"]


def test_a_count_named_by_the_word_after_it_and_a_change_of_the_count_asked_after_a_comma(tmp_path: Path):
    engine = small_ledger(tmp_path, "經濟部業務報告\n\n壹、投資\n一、創投：間接投資已有 3 家創投公司及 1 家私募股權基金參與實質投資。\n"
                                    "二、交流：辦理 2 場次國際企業交流會議，總計洽邀 23 家海外買主與臺灣 13 家品牌企業媒合對接。\n"
                                    "三、來臺投資：109 年核准新南向國家來臺投資件數為 515 件，較上年減少 20.2％，投(增)資金額 3.8 億美元，減少 65.2％。\n")
    assert ask(engine, "間接投資管道目前有幾家創投公司參與實質投資？")["answer"]["value"] == 3
    assert ask(engine, "國際企業交流會議總共洽邀了多少家海外買主與臺灣品牌企業媒合？")["answer"]["value"] == 23
    assert ask(engine, "109 年核准新南向國家來臺投資的件數，較上年減少了多少百分比？")["answer"]["value"] == 20.2


def test_an_amount_asked_as_a_change_from_a_base_is_not_the_level_reached(tmp_path: Path):
    engine = small_ledger(tmp_path, "行政院施政報告\n\n壹、長照\n一、長照基金：長照特種基金 114 年度預算 962 億元，主要用於提高居家服務給付。\n")
    assert ask(engine, "長照特種基金 114 年度預算較 113 年度增加多少元？")["answer"] is None
    assert ask(engine, "長照特種基金 114 年度預算是多少元？")["answer"]["base_value"] == 962e8


def test_a_share_asked_is_not_how_much_the_whole_grew(tmp_path: Path):
    engine = small_ledger(tmp_path, "經濟部業務報告\n\n壹、投資\n一、僑外投資：112 年核准僑外投資 2,836 件，投（增）資金額 112.3 億美元，成長 68.1%。\n")
    assert ask(engine, "112 年核准的僑外投資中，荷蘭投資金額所占的比率是多少？")["answer"] is None
    assert ask(engine, "112 年核准的僑外投資金額成長了多少百分比？")["answer"]["value"] == 68.1


def test_a_breakdown_after_a_semicolon_a_share_asked_last_and_water_asked(tmp_path: Path):
    engine = small_ledger(tmp_path, "法務部業務報告\n\n壹、反毒\n一、 查緝：113 年上半年全國查獲各級毒品 2,846.3 公斤，較 112 年同期減少 18.2%；"
                                    "其中第一級毒品 46.8 公斤、第三級毒品 1,602.4 公斤。\n"
                                    "二、 交通安全：113 年上半年道路交通事故死亡 1,412 人；其中 65 歲以上高齡者占 38.2%，機車使用者占 61.5%。\n"
                                    "三、 抗旱：抗旱井已併入自來水系統，每日約可抽水 34 萬噸，計畫經費 14 億元。\n")
    assert ask(engine, "113 年上半年全國查獲的第三級毒品有多少？")["answer"]["base_value"] == 1.6024  # tonnes
    assert ask(engine, "113 年上半年道路交通事故死亡人數中，機車使用者占多少？")["answer"]["value"] == 61.5
    assert ask(engine, "已併入自來水系統的抗旱井每日約可抽多少水？")["answer"]["value"] == 34


def test_list_members_named_before_their_figures_and_entrants_are_not_winners(tmp_path: Path):
    engine = small_ledger(tmp_path, "經濟部業務報告\n\n壹、智財\n一、 優先權：自 99 年至 109 年第 4 季，"
                                    "中國大陸受理我方優先權計專利 5 萬 177 件、商標 473 件、品種權 3 件。\n"
                                    "二、 臺菜：辦理「2020 優質臺菜餐廳」徵選活動，有 106 家業者報名。\n")
    assert ask(engine, "中國大陸受理我方優先權的品種權有幾件？")["answer"]["value"] == 3
    assert ask(engine, "「2020 優質臺菜餐廳」徵選最後共有幾家餐廳獲選？")["answer"] is None  # 106 家 entered
    assert "离岸风电" in parse_question("為配合離岸風電而加強電力網的是哪一項計畫？").segments


def test_dates_asked_in_a_readers_words(ledger):  # noqa: F811
    value = answer_value(ledger)
    # '首次與奈及利亞工貿投部出口促進委員會(NEPC)於 109 年 11 月 17 日合辦臺奈數位貿易研討會': 我國 unsaid, 奈及利亞 whole
    assert value("我國和奈及利亞合辦的臺奈數位貿易研討會是哪一天舉行的？") == "2020-11-17"
    # '110 年預定舉行第 12 屆部長會議(MC12)': what was 原本預定 is what the report says is 預定
    assert value("WTO 第 12 屆部長會議（MC12）原本預定在哪一年舉行？") == "2021"
    # '109 年 10 月完成製作「…手冊」…；12 月訂定「中小企業海外申請專利諮詢協助流程」': 12 月 of the item's 109 年
    assert value("智慧局在 109 年幾月訂定了中小企業海外申請專利的諮詢協助流程？") == "2020-12"
    # '修正案於 108 年 7 月 24 日公布，並於 109 年 3 月 20 日施行': 公布後 is when it follows, not what is asked
    assert value("工廠管理輔導法修正案公布後，從哪一天開始正式施行？") == "2020-03-20"
    assert value("新創產業積極型專利審查是從哪一天開始試辦的？") == "2021-01-05"  # '自 110 年 1 月 5 日起試行'
    assert value("核二廠的運轉執照什麼時候到期？") == "2023-03"  # '運轉執照將於 112 年 3 月屆期'
    # '我國與巴拉圭及尼加拉瓜分於 109 年 10 月及 12 月…召開第 3 屆…委員會議': each country its own month
    assert value("我國和尼加拉瓜的第 3 屆經濟合作協定/自由貿易協定委員會議是在 109 年幾月召開的？") == "2020-12"
    assert value("巴拉圭的第 3 屆經合協定委員會議是在 109 年幾月召開？") == "2020-10"


def test_what_the_report_says_has_not_happened_has_no_date_and_a_load_is_power(ledger):  # noqa: F811
    engine, doc_id, _ = ledger
    # '於 109 年 9 月 30 日簽署臺貝經濟合作協定…，待協定生效後…': signed, not yet in force
    assert ask(engine, "臺貝（貝里斯）經濟合作協定是在哪一天正式生效的？", doc_id=doc_id)["answer"] is None
    assert parse_question("109 年全國的尖峰用電負載是多少？").dimensions == {"power"}  # not the 435 家 of an audit


def test_a_count_in_words_is_no_content_word_but_a_name_keeps_its_numeral():
    assert parse_question("湖山、集集南岸兩座小水力發電機組預計何時併聯？").segments[:3] == ["湖山", "集集南岸", "小水力发电机组"]
    assert "核二厂除役" in parse_question("核二廠除役的二階環評預計何時完成？").segments


def test_figures_asked_in_a_readers_words(ledger):  # noqa: F811
    value = answer_value(ledger)
    # '109 年已向 13 國(全球 LNG 出口國僅 21 國)採購天然氣': 全世界 is 全球, and 出口國…幾個 counts in 國
    assert parse_question("全世界的液化天然氣（LNG）出口國一共只有幾個？").units == {"個", "國"}
    assert value("全世界的液化天然氣（LNG）出口國一共只有幾個？") == 21
    # '儲槽容積天數現行至少 15 天，116 年至少 24 天': a 法定下限 is what a rule sets 至少
    assert value("天然氣進口業者的儲槽容積天數，116 年的法定下限是幾天？") == 24
    # '…節水量約 2,750 萬噸': 可節省多少水量 is the 節水量
    engine, doc_id, _ = ledger
    assert ask(engine, "推動強制使用省水標章器材，累計約可節省多少水量？", doc_id=doc_id)["answer"]["text"] == "2,750 萬噸"
    # 'C. 109 年第 4 季：截至 109 年 12 月 31 日止…': a bracket counting the quarter to its end asks the quarter
    assert parse_question("製造業薪資補貼在 109 年第 4 季（統計到 109 年底）有多少員工受惠？").period == (date(2020, 10, 1), date(2020, 12, 31))


def test_names_lists_and_web_addresses(ledger):  # noqa: F811
    value = answer_value(ledger)
    # '(2) 土壤液化潛勢查詢(https://www.liquid.net.tw/cgs/public/)': a web address, asked as 網址
    assert value("經濟部地質調查單位建置的土壤液化潛勢查詢網站，網址是什麼？") == ["https://www.liquid.net.tw/cgs/public/"]
    # '已與有量、中油、台塑、格斯等國內業者洽談合作': 有 opening the name after 與 leads into nothing
    assert value("經濟部支持開發的高安全固態鋰電池，目前已和哪些國內廠商洽談合作？") == ["有量", "中油", "台塑", "格斯"]
    # '…微中小企業及 WTO 改革等多項議題': a last name spaced after its Latin word
    assert value("我國在 WTO 持續和其他會員推動談判或討論的議題有哪些？")[-1] == "WTO 改革"
    # '待協定生效後將透過產品降稅、…、技術合作等面向': 透過 leads in, 技術合作 is a name
    assert value("臺貝（貝里斯）經濟合作協定生效後，要從哪些面向來加強雙邊經貿關係？") == ["產品降稅", "貿易便捷化", "投資促進", "技術合作"]
    # '我國與巴拉圭及尼加拉瓜分於…': the report's own side is no member, 分於 no part of the last
    from policyledger.passages import names_of

    assert names_of("我國與巴拉圭及尼加拉瓜分於") == ["巴拉圭", "尼加拉瓜"]
    # '…親自蒞臨清泉崗基地指導…': a site asked by its kind is named with it, without the date and verb before
    assert value("F-16 型機維修中心的成立典禮在哪一個基地舉行？") == ["清泉崗基地"]
    # '自 107 年 7 月起結合本部招商投資服務中心、投審會及投資處，設置「投資臺灣事務所」': 整合 = 結合, 單位 the kind asked
    assert value("投資臺灣事務所是整合經濟部哪幾個單位而成立的？")[1:] == ["投審會", "投資處"]


def test_which_session_and_more_readers_words(ledger):  # noqa: F811
    value = answer_value(ledger)
    # '109 年 8 月 14 日、8 月 28 日、9 月 11 日…辦理…研討會': the first of the dates listed
    assert value("109 年企業營業秘密合理保密措施研討會的第一場是在哪一天舉辦？") == "2020-08-14"
    assert value("109 年臺灣在 M&C Asia 主辦的 Stella Awards 共拿下幾項大獎？") == 2  # 主辦 = 辦理
    assert value("109 年我國向幾個國家採購液化天然氣？") == 13  # 液化天然氣 = 天然氣
    assert value("進口口罩一律要標示正確原產地的規定，是從 109 年幾月幾日起實施的？") == "2020-10-22"  # 一律 → 都
    assert value("109 年經濟部核准中國大陸資金來臺投資的案件有幾件？") == 90  # 陸資
    assert value("工輔法修正條文從哪一天開始正式施行？") == "2020-03-20"  # 工輔法 → 工廠管理輔導法
    assert value("規劃中的廢太陽能模組處理廠，每年預定可處理多少廢模組？") == 2  # 年作業量 2 千公噸; 太陽能 one word
    assert value("廢太陽能模組處理廠的建置計畫，109 年帶動了多少新臺幣投資？") == 3.8
    assert value("截至 110 年初，既有的未登記工廠中有幾家已申請納管？") == 7282  # 既有 a word


def test_words_a_reader_adds_or_says_otherwise(ledger):  # noqa: F811
    value = answer_value(ledger)
    # '…已執行其中 317 家業者停工及停止供水供電作業': 斷水斷電 is 停止供水供電
    assert value("清查新增未登記工廠後，截至 109 年底已對多少家業者執行停工並斷水斷電？") == 317
    # '…完成除役計畫提送原能會審查': 送交 = 提送, and 原能會 is one word
    assert value("台電預計什麼時候把核三廠除役計畫送交原能會審查？") == "2021-07"
    # '(能源大用戶…)平均年節電率…應達 1%以上': 這 10 年間 restates the span asked
    assert value("能源大用戶在 104 年至 113 年這 10 年間，平均年節電率至少要達到多少？") == 1
    # '礦業法自 19 年 5 月 26 日制定公布': 最初 says which date, not a word to find
    assert value("現行礦業法最初是在哪一天制定公布的？") == "1930-05-26"


def test_a_total_share_and_one_place_by_its_own_clause(ledger):  # noqa: F811
    value = answer_value(ledger)
    # '…及銀行業 2 億美元（8.4％）分居前 3 名，合計約占總額 51.1％': asked the 合計, the share that sums them
    assert value("累計陸資來臺投資按行業別排名前 3 名的行業，合計占累計投資總額的比重是多少？") == 51.1
    # '109 年完成與巴拉圭簽署「促進技術合作意向書」，及與以色列重新簽署「一般性合作協定」': each country by its clause
    assert value("標準檢驗局 109 年和哪一個國家簽了技術合作意向書？") == ["巴拉圭"]
    assert value("標準檢驗局 109 年和哪一個國家重新簽署了一般性合作協定？") == ["以色列"]


def test_framing_words_and_a_mid_year_that_is_smes(ledger):  # noqa: F811
    from policyledger.quantity.periods import find_time_expressions

    value = answer_value(ledger)
    assert value("109 年透過 0800 創業諮詢專線等管道，共提供了多少人次的創業諮詢服務？") == 8860  # 等管道 frames the list
    assert value("109 年經濟部對工業與服務業企業做節能技術輔導，一共找出多少度的節電潛力？") == 3.2  # 找出: left out
    # '109 年中小企業…' is 109 年 and 中小企業, not the middle of 109
    assert [e.text for e in find_time_expressions("109 年中小企業財務診斷")] == ["109 年"]
    assert [e.text for e in find_time_expressions("110 年中完成")] == ["110 年中"]


def test_a_place_in_a_series_is_answered_with_its_ordinal(ledger):  # noqa: F811
    value = answer_value(ledger)
    # '109 年 12 月 16 日召開第 32 屆臺歐盟經貿對話會議': 第幾屆 asks the ordinal, which is no figure of the claims
    assert value("109 年 12 月 16 日召開的臺歐盟經貿對話會議是第幾屆？") == 32
    assert parse_question("這是第幾屆會議？").wants == "ordinal" and parse_question("第幾季營收最高？").wants != "ordinal"


def test_a_month_asked_with_its_year_and_an_abbreviation_standing_for_its_name(ledger):  # noqa: F811
    value = answer_value(ledger)
    assert value("核三廠的運轉執照會在哪一年哪一月到期？") == "2025-05"  # 哪一年哪一月: the month, not only the year
    # '另臺越 BIA 已於 108 年 12 月簽署': the abbreviation stands for the name; the date another clause says 生效 is another event's
    assert value("臺越雙邊投資保障協定（BIA）是在什麼時候簽署的？") == "2019-12"
    assert value("我國與尼加拉瓜的自由貿易協定委員會議，109 年是在哪個月份以視訊召開的？") == "2020-12"  # 哪個月份: asking words
    assert value("進口口罩一律須標示正確原產地的規定自哪一天起實施？") == "2020-10-22"  # 自哪一天起: 自 asks too


def test_a_readers_modal_a_years_worth_and_a_yearly_average(ledger):  # noqa: F811
    value = answer_value(ledger)
    assert value("潭子科技園區眺島更新預計可創造多少個就業機會？") == 1500  # 可創造: 創造, which a report may leave out
    assert value("中小企業創新育成這塊，政府一年大概幫多少家中小企業？") == 1800  # 一年: '每年輔導培育約 1,800 家'
    assert value("100 年至 109 年期間，我國能源密集度平均每年大約改善多少？") == 2.6  # 平均每年 = 年均; 期間 restates the span
    assert value("用電大戶條款的適用對象和配套措施，每隔幾年滾動檢討一次？") == 2  # 每隔: how a reader asks


def test_a_list_led_in_by_its_kind_or_a_verb_and_closed_by_its_count(ledger):  # noqa: F811
    value = answer_value(ledger)
    assert value("經濟部輔導國內廠商籌建 F16 型機自主維修及產製能量、整備供應鏈，運用了哪些政策資源？") == ["研發補助", "工業合作"]
    assert value("經濟部研發的工控（OT）資安硬體偵防與端點 AI 異常分析技術，已導入哪幾家廠商？") == ["三聯", "功得", "金豐", "明安", "研華", "金全益"]


def test_a_law_a_site_a_total_of_parts_and_a_plants_capacity(tmp_path: Path):
    engine = small_ledger(
        tmp_path,
        "內政部業務報告\n\n壹、 住宅及國土\n\n一、 包租代管：依住宅法第 15 條，房東出租住宅每屋每月租金收入最高 1 萬 5,000 元免稅。\n\n"
        "二、 國家公園：國家公園總面積 74 萬 9,630 公頃，其中陸域 31 萬 2,840 公頃、海域 43 萬 6,790 公頃；"
        "墾丁國家公園珊瑚礁監測樣區之珊瑚覆蓋率 38.5%。\n\n"
        "三、 污水處理廠：營運中污水處理廠 73 座，設計處理容量每日 498 萬噸。\n\n"
        "四、 國際合作：與美國、日本、菲律賓等 18 國建立打詐合作窗口。\n",
    )

    def answered(question: str) -> object:
        return ask(engine, question)["answer"]["value"]

    assert answered("包租代管的房東租金收入免稅，是依據哪一部法律的哪一條？") == ["住宅法第 15 條"]  # the law, with the article asked
    assert answered("包租代管的房東租金收入免稅是依據哪一部法律？") == ["住宅法"]
    assert answered("哪一座國家公園在監測珊瑚覆蓋率？") == ["墾丁國家公園"]  # a site asked by its kind
    assert answered("國家公園（含陸域與海域）的總面積是多少？") == 749630  # the parts it includes ask the total
    assert answered("營運中的污水處理廠，一天的設計處理容量合計有多少？") == 498  # 處理容量: water, not power
    assert answered("報告舉出哪些國家和我國建立了打詐合作窗口？") == ["美國", "日本", "菲律賓"]  # 報告舉出: who says it
    engine.dispose()


def test_a_company_asked_by_its_kind_keeps_its_form_of_company(tmp_path: Path):
    engine = small_ledger(tmp_path, "內政部業務報告\n\n壹、 都市更新\n\n一、 公辦都更：新北市板橋區江翠北側公辦都更案已完成招商，"
                                    "由長聯開發股份有限公司取得實施者資格，預估投入資金 142 億元。\n")
    # eight characters before 公司: the name is not cut to the last six
    assert ask(engine, "新北市板橋江翠北側公辦都更案的實施者是哪家公司？")["answer"]["value"] == ["長聯開發股份有限公司"]
    engine.dispose()


def test_the_top_of_a_range_asked_and_what_reading_drops(ledger):  # noqa: F811
    from policyledger.evaluate import answer_is_right

    engine, doc_id, _ = ledger
    # '最高可達' is dropped by the reader words, yet asks the top of '270 萬瓩~330 萬瓩'
    answer = ask(engine, "通霄電廠第二期更新改建計畫規劃的總裝置容量最高可達多少？", doc_id=doc_id)["answer"]
    assert answer["text"] == "270 萬瓩~330 萬瓩" and answer["base_value"] == 3300000
    # a range answered as its gold writes it is right, whichever end each takes for its value
    gold = {"kind": "percentage", "answer_value": 10, "unit": "percent", "answer_text": "10~30%"}
    assert answer_is_right(gold, {"answer": {"text": "10~30%", "base_value": 30, "base_unit": "percent"}})
    assert not answer_is_right(gold, {"answer": {"text": "30%", "base_value": 30, "base_unit": "percent"}})
    value = answer_value(ledger)
    assert value("能源大用戶在 104 至 113 年間的平均年節電率，規定至少要達到多少？") == 1  # 節電率，…達到多少: a percentage
    assert "rate" in parse_question("新烏山嶺引水隧道完工後，每日備援輸水能力最多可增加多少？").dimensions  # 輸水: water a day


def test_a_city_asked_and_a_company_asked_by_its_kind(ledger):  # noqa: F811
    value = answer_value(ledger)
    assert parse_question("訓練中心設在哪個城市？").wants_places and parse_question("以哪一國家為對象？").wants_places
    assert value("經濟部委請法人建置的水下基礎產業人才技術訓練中心設在哪個城市？") == ["高雄"]  # '委請法人單位於高雄建置…'
    assert value("屏東科技園區往北側擴區所用的約 27 公頃土地屬於哪家公司？") == ["台糖公司"]  # '北側之台糖公司約 27 公頃土地': after 之


def test_a_span_opening_a_sentence_a_member_named_after_a_latin_word_or_within_a_longer_word(tmp_path: Path):
    report = (
        "金管會業務報告\n\n壹、 加強中小企業融資\n\n一、 擴大信用保證\n\n"
        "（一） 充裕保證能量：累計至 113 年底，信保基金獲捐助 1,620.5 億元。\n\n"
        "（二） 協助中小企業取得融資\n\n"
        "1、 112 年 3 月 1 日訂定「青年創業貸款保證專案」，協助青年創業取得融資，信保基金提供 300 萬元以下保證成數 9 成；"
        "自 112 年 3 月至 113 年底計辦理 2 萬 4,315 件，保證金額 812.6 億元，融資金額 968.3 億元。\n\n"
        "貳、 能源及標準\n\n一、 計量標準：完成 SI 新長度系統 4 套、新光度系統 2 套及新物長度系統 1 套擴建系統查驗。\n\n"
        "二、 地面型太陽光電：主要包含綠能營區、港口及停車場、汙染土地、農電共生（已公告先行區 3,100 公頃）等相關場域，"
        "設置量已於 113 年底達 2.35GW。\n\n"
        "參、 經貿\n\n一、 第 5 屆臺瓜(地馬拉)FTA 執委會簽署第 21 號決議文，瓜國提供我電子零件等 7 項產品零關稅，自 113 年 8 月 1 日生效。\n"
    )
    expected = {
        # a sentence opening with its span (自 112 年 3 月至…) has no subject: the item's opening sentence gives it (信保基金)
        "青年創業貸款保證專案自 112 年 3 月至 113 年底，信保基金的保證金額合計多少？": "812.6 億元",
        # a member named after a Latin word (SI) or after 及 is named by that word: 新物長度系統 is another member
        "完成擴建系統查驗的 SI 新長度系統有幾套？": "4 套",
        # 農電共生 is one member of the list whose whole 2.35GW is: asked within a longer word, still a member
        "截至 113 年底，農電共生型太陽光電的設置量達到多少？": None,
        # 臺瓜(地馬拉) is read as 臺瓜地馬拉; 給予 and 提供 are used alike
        "臺瓜 FTA 執委會的決議，讓瓜地馬拉給予我國多少項產品零關稅？": "7 項",
        "依臺瓜 FTA 執委會的決議，我國給予瓜地馬拉多少項產品零關稅？": None,  # what Taiwan gives is not what it is given
    }
    assert answer_texts(tmp_path, report, list(expected)) == expected
    assert fold("宏都拉斯") in _window_words(fold("第 3 屆臺宏(都拉斯)FTA 執委會")) and same_words(fold("給予")) == same_words(fold("提供"))


def test_names_read_with_their_items_opening_and_a_partner_the_question_names(tmp_path: Path):
    report = (
        "文化部業務報告\n\n壹、 科技與文化\n\n一、 5G 展演：已於 113 年 10 月 5 日與臺中國家歌劇院合作 5G 互動歌劇「光之島」，"
        "以 5G 系統結合 AR 即時互動體驗新歌劇。法人提供 5G 技術結合國內廠商智邦、啟碁、中磊等 5G 網通設備與終端裝置，打造 5G 專網系統。\n\n"
        "二、 海外布局：越南：某公司 113 年在越南增設新廠。另我國東台精機與越南商簽署合作備忘錄，開啟精密機械人才培訓合作。\n"
    )
    expected = {
        # the list's sentence goes on from the item's opening one, which names the opera house
        "臺中國家歌劇院 5G 互動歌劇的 5G 專網，結合了哪幾家國內廠商的網通設備與終端裝置？": "智邦、啟碁、中磊",
        # who signed with the partner the question names: the name right before '與越南商簽署'
        "和越南商簽署合作備忘錄、開啟精密機械人才培訓合作的是哪一家我國公司？": "東台精機",
    }
    assert answer_texts(tmp_path, report, list(expected)) == expected


def test_the_era_before_a_year_and_a_rise_said_as_an_increase(tmp_path: Path):
    report = (
        "大陸委員會業務報告\n\n壹、 兩岸情勢\n\n一、 軍事威脅：113 年全年共機擾臺達 3,075 架次，較 112 年增加 1,372 架次。\n\n"
        "二、 例行民調：114 年 2 月調查顯示，不接受「一國兩制」者占 78.6%，較 113 年 10 月調查增加 2.4 個百分點。\n"
    )
    expected = {
        "民國 113 年一整年，共機擾臺總共有多少架次？": "3,075 架次",  # 民國 is how a reader dates a year, not a word to find
        "114 年 2 月民調中，不接受「一國兩制」的比例比 113 年 10 月那次上升了多少？": "2.4 個百分點",  # 上升 = 增加
    }
    assert answer_texts(tmp_path, report, list(expected)) == expected
    assert parse_question("民國 113 年共機擾臺幾架次？").text == "113 年共機擾臺幾架次？"


def test_a_part_named_by_its_items_heading_and_a_year_named_in_brackets(tmp_path: Path):
    report = (
        "僑務委員會業務報告\n\n壹、 僑胞服務\n\n一、 數位僑胞卡：數位僑胞卡 App 於今（114）年 1 月 15 日正式上線，提供一站式線上服務。\n\n"
        "二、 截至 114 年 2 月底，App 累計下載 4 萬 8,230 次。\n\n"
        "三、 僑生人數：113 學年度在臺僑生計 3 萬 2,145 人，其中新生 1 萬 1,208 人。新生來源如下：\n\n"
        "（一） 馬來西亞：4,215 人，占 37.6%。\n\n（二） 港澳：3,102 人，占 27.7%。\n"
    )
    expected = {
        "數位僑胞卡 App 是哪一天正式上線的？": "114 年 1 月 15 日",  # 今（114）年: the year the bracket names
        "113 學年度僑生新生中，來自馬來西亞的有多少人？": "4,215 人",  # the part asked (來自 馬來西亞) heads its item
    }
    assert answer_texts(tmp_path, report, list(expected)) == expected


def test_an_average_each_asked_is_not_the_total_beside_it(tmp_path: Path):
    report = ("工程會業務報告\n\n壹、 工程價格\n\n一、 物價調整：本期中央機關核撥物價調整款約 86.4 億元，計 2,528 案，平均每案約 3,418 千元。\n")
    expected = {"本期中央機關核撥物價調整款，平均每案多少錢？": "3,418 千元"}
    assert answer_texts(tmp_path, report, list(expected)) == expected


def test_revenue_over_its_budget_asked(tmp_path: Path):
    report = ("主計總處業務報告\n\n壹、 中央政府總決算\n\n一、 初步結果：113 年度歲入實收 3 兆 120 億元，較預算數 2 兆 7,450 億元超收 2,670 億元，達成率 109.7%。\n")
    expected = {"113 年度中央政府總決算初步結果，歲入實收比預算數超收多少？": "2,670 億元"}  # 超收多少: by how much, a change
    assert answer_texts(tmp_path, report, list(expected)) == expected


def test_the_date_of_a_forecast_and_a_bracket_rounding_the_figure_before_it(tmp_path: Path):
    report = (
        "主計總處業務報告\n\n壹、 中央政府總預算\n\n一、 規模：114 年度中央政府總預算經大院審議通過，歲出新臺幣 3 兆 1,280 億元（約 3.13 兆元）。\n\n"
        "貳、 經濟預測\n\n一、 最新預測：本總處於 114 年 2 月 14 日發布預測，114 年平均每人 GDP 預測為 3 萬 5,412 美元。\n"
    )
    expected = {
        "立法院審議通過的 114 年度中央政府總預算，歲出編了多少錢？": "3 兆 1,280 億元",  # the figure as stated, not its rounding
        "主計總處 114 年 2 月的預測中，114 年平均每人 GDP 預估是多少美元？": "3 萬 5,412 美元",  # 114 年 2 月: when forecast
    }
    assert answer_texts(tmp_path, report, list(expected)) == expected


def test_one_category_asked_is_not_the_count_of_them_all(tmp_path: Path):
    report = ("工程會業務報告\n\n壹、 政府採購\n\n一、 巨額採購：巨額採購門檻為工程 2 億元以上、財物 1 億元以上。同期間決標之巨額採購計 612 件，"
              "決標金額 3,941.2 億元。\n\n二、 各類採購：工程類決標 9,874 件，財物類決標 8,321 件。\n")
    expected = {"本期財物類巨額採購決標了幾件？": None,  # 612 件 counts every category's
                "財物類採購一共決標了幾件？": "8,321 件"}
    assert answer_texts(tmp_path, report, list(expected)) == expected


def test_whose_count_and_since_when_a_fund_began_are_no_words_to_look_for(tmp_path: Path):
    report = ("經濟部業務報告\n\n壹、 產業\n\n一、 未登記工廠：全國未登記工廠 45,341 家，截至 110 年 1 月 3 日已有 6,946 家申請轉換。\n\n"
              "二、 中小企業信保基金：累計至 109 年底，信保基金獲捐助 1,514.2 億元，其中政府占 71.8％。\n")
    expected = {
        "依經濟部統計，全國未登記工廠共有幾家？": "45,341 家",  # '依…統計': whose count it is
        "從設立累計到 109 年底，中小企業信保基金總共獲得多少捐助？": "1,514.2 億元",  # a report writes 累計, not 自設立
    }
    assert answer_texts(tmp_path, report, list(expected)) == expected
    assert parse_question("依經濟部統計，全國未登記工廠共有幾家？", 2021, ("經濟部",)).segments == ["全国", "未登记工厂"]
    assert "成立" not in parse_question("從設立累計到 109 年底，信保基金獲得多少捐助？", 2021).segments


def test_a_threshold_asked_with_must_and_the_place_of_one_thing(tmp_path: Path):
    report = ("經濟部業務報告\n\n壹、 園區\n\n一、 租金紓困：土地租金紓困延長至 110 年 6 月，區內廠商任 1 月營業額較去年同期減少 15%以上者，得申請減免 20%。\n\n"
              "二、 太陽能模組：運用特殊設計膜材完整拆解電池與玻璃，於澎湖等地驗證模組效能。\n")
    expected = {
        "園區廠商申請土地租金減免，任一月營業額須較去年同期減少多少以上？": "15%",  # the threshold, not the share granted
        "易拆解太陽能模組是在哪個地方驗證模組效能？": "澎湖",
    }
    assert answer_texts(tmp_path, report, list(expected)) == expected


def test_the_kind_of_a_list_asked_by_its_type_and_a_subset_named_after_its_examples(tmp_path: Path):
    report = ("經濟部業務報告\n\n壹、 礦業\n\n一、 礦場保安：109 年辦理地下礦場、露天礦場及石油天然氣礦場安全訓練 517 班。\n\n"
              "貳、 標準\n\n一、 「五加二」產業等領域國家標準之制定\n\n1、 配合政府產業創新計畫，109 年完成制修訂電動機車供電系統、"
              "發光二極體泛光燈具等 28 種綠能科技國家標準、旋轉刀具平衡調校等 14 種智慧機械國家標準，"
              "總計完成制修訂「五加二」產業創新計畫領域相關國家標準計 42 種。\n")
    expected = {
        "109 年辦理的礦場安全訓練涵蓋哪些類型的礦場？": "地下礦場、露天礦場、石油天然氣礦場",
        "配合五加二產業創新計畫，109 年完成制修訂的綠能科技國家標準有幾種？": "28 種",  # the examples before 等 do not name it
    }
    answers = answer_texts(tmp_path, report, list(expected))
    assert answers["109 年辦理的礦場安全訓練涵蓋哪些類型的礦場？"].startswith(expected["109 年辦理的礦場安全訓練涵蓋哪些類型的礦場？"])
    assert answers["配合五加二產業創新計畫，109 年完成制修訂的綠能科技國家標準有幾種？"] == "28 種"


def test_a_lists_first_item_saying_what_the_list_is_about_names_the_items_after_it(tmp_path: Path):
    report = ("經濟部業務報告\n\n壹、 研發\n\n一、 產業創新平台特案補助\n\n"
              "(1) 辦理受疫情影響標竿企業之研發輔導。\n\n(2) 截至 109 年底，完成簽約 117 案，撥付補助款 5.44 億元。\n\n"
              "二、 三倍券\n\n(1) 三倍券共有紙本及信用卡等 3 種領取方式。\n\n(2) 至 12 月 31 日已逾 2,332 萬人領取。\n")
    expected = {
        "受疫情影響標竿企業的研發輔導，截至 109 年底完成簽約幾案？": "117 案",
        "選擇以信用卡綁定領取三倍券的民眾有多少人？": None,  # a first item with figures of its own names no later one
    }
    assert answer_texts(tmp_path, report, list(expected)) == expected


def test_person_times_asked_by_the_noun_are_the_unit(tmp_path: Path):
    report = ("故宮業務報告\n\n壹、 展覽\n\n一、 「筆墨千秋」特展：自 114 年 3 月 1 日至 5 月 31 日展出 68 件，參觀 41 萬 2,360 人次。\n")
    expected = {"「筆墨千秋」特展的參觀人次是多少？": "41 萬 2,360 人次"}
    assert answer_texts(tmp_path, report, list(expected)) == expected
    assert parse_question("「筆墨千秋」特展的參觀人次是多少？").units == {"人", "人次"}


def test_an_agency_by_its_short_name_and_an_exhibition_list_asked_by_its_count(tmp_path: Path):
    report = ("國立故宮博物院業務報告\n\n壹、 典藏\n\n一、 典藏概況：截至 114 年 8 月底，本院典藏文物計 69 萬 8,856 件組。\n\n"
              "貳、 南部院區\n\n一、 特展：114 年 1 至 8 月南部院區辦理特展 6 檔，其中「亞洲織品之美」與「南島航海」兩檔為自策展覽。\n")
    expected = {
        "到 114 年 8 月底為止，故宮的典藏文物總共有幾件組？": "69 萬 8,856 件組",  # 故宮 is the author, the report's 本院
        "南部院區今年自行策劃的兩檔展覽是哪兩檔？": "亞洲織品之美、南島航海",  # 哪兩檔 asks names; 自行策劃 is the report's 自策
    }
    assert answer_texts(tmp_path, report, list(expected)) == expected
    assert "人事總處" in authors_of(["行政院人事行政總處業務報告"])
    assert "疾管署" in authors_of(["衛生福利部疾病管制署業務報告"])  # an office under a ministry, by its short name


def test_a_rate_named_by_its_table_column_and_money_spent_as_a_reports_cost(tmp_path: Path):
    report = ("中央選舉委員會業務報告\n壹、 選舉公報\n一、 印製及送達：114 年選舉公報印製及寄送經費 1 億 2,545.6 萬元。\n"
              "貳、 預算執行\n一、 歲出預算：截至 114 年 8 月底執行率 60.6%，各工作計畫執行情形如下表：\n"
              "表 2　114 年度歲出預算執行情形（截至 114 年 8 月底）\n單位：千元\n工作計畫\t法定預算數\t執行數\t執行率（%）\n"
              "選舉業務\t486,210\t298,604\t61.4\n一般建築及設備\t31,183\t9,012\t28.9\n"
              "參、 政黨補助\n一、 補助金：114 年中選會撥付政黨補助金 8 億 5,036.2 萬元。\n")
    expected = {
        "114 年選舉公報的印製加寄送一共花了多少錢？": "1 億 2,545.6 萬元",  # 花了 (投入): what a report calls 經費 or 費用
        "一般建築及設備計畫到 8 月底的執行率是多少？": "28.9",  # the rate its column names
        "114 年中選會撥給各政黨的政黨補助金總額是多少？": "8 億 5,036.2 萬元",  # 114 年中選會: no 年中 (mid-year)
    }
    assert answer_texts(tmp_path, report, list(expected)) == expected
    mid_year = parse_question("114 年中選會撥給各政黨的政黨補助金總額是多少？", 2025, ("中選會",))
    assert mid_year.period == (date(2025, 1, 1), date(2025, 12, 31)) and mid_year.segments == ["政党", "政党补助金总额", "114年"]


def test_a_lists_first_item_lends_whole_words_only_to_an_item_without_a_subject(tmp_path: Path):
    report = ("行政院施政報告\n\n柒、 治安\n\n一、 打擊詐騙：詐騙犯罪嚴重危害民眾財產安全，政府全面打詐。\n\n"
              "二、 113 年治安維護成果：全般刑案發生 28 萬 5,300 件，破獲率 96.2%；暴力犯罪發生 312 件。\n\n"
              "捌、 能源\n\n一、 分散購氣來源：包含美國、澳洲、卡達等不同國家採購。\n\n"
              "二、 109 年已向 13 國採購天然氣，中東地區天然氣進口占比低於 3 成。\n")
    expected = {
        "113 年暴力犯罪的破獲率是多少？": None,  # 犯罪 of the first item's 詐騙犯罪 is no 暴力犯罪
        "109 年自美國採購的液化天然氣占天然氣進口的比重是多少？": None,  # 中東地區's share; 美國 is where from, a name
    }
    assert answer_texts(tmp_path, report, list(expected)) == expected
    assert parse_question("109 年自美國採購的液化天然氣比重是多少？").segments[:2] == ["美国", "采购"]
    assert parse_question("109 年我國對日本投資的金額是多少美元？").segments[1:3] == ["日本", "投资"]  # where the money went: a name


def test_central_and_local_government_and_the_kinds_of_public_servant_are_apart(tmp_path: Path):
    report = ("人事總處業務報告\n\n壹、 員額\n\n一、 員額現況：截至 114 年 8 月底，中央政府機關預算員額計 16 萬 9,428 人。\n\n"
              "貳、 退撫\n\n一、 退撫基金：截至 114 年 8 月底，公務人員退撫基金規模 7,326 億元。\n")
    expected = {
        "截至 114 年 8 月底，地方機關預算員額有多少人？": None,
        "教育人員退撫基金截至 114 年 8 月底的規模是多少？": None,
        "公務人員退撫基金到 114 年 8 月底的規模有多大？": "7,326 億元",
    }
    assert answer_texts(tmp_path, report, list(expected)) == expected


def test_a_threshold_of_change_a_condition_stated_and_inbound_investment_said_twice(tmp_path: Path):
    report = ("經濟部業務報告\n\n壹、 紓困\n\n一、 實施措施：針對製造業營收下降 50%之艱困事業，提供薪資補貼，每人每月上限 2 萬元，"
              "及依員工數以 1 萬元計算之一次性營運資金。\n\n"
              "貳、 園區\n\n一、 租金紓困：區內廠商任 1 月營業額較去年同期減少 15%以上者，得申請減免 20%。\n\n"
              "參、 投資\n\n一、 僑外投資：109 年核准僑外投資 3,418 件。\n\n二、 新南向：109 年核准新南向國家來臺投資件數為 515 件。\n")
    expected = {
        "製造業要申請薪資補貼，營收須下降多少才算是艱困事業？": "50%",  # 下降多少才算: a rate, not an amount
        "園區廠商營業額較去年同期減少 15% 以上時，土地租金可以申請減免多少？": "20%",  # the stated condition asks no change
        "109 年經濟部核准的僑外來臺投資案共有幾件？": "3,418 件",  # 僑外投資 comes here by definition
    }
    assert answer_texts(tmp_path, report, list(expected)) == expected
    assert parse_question("營業額減少 15% 以上時，可以申請減免多少？").wants_change is False


def test_a_rate_asked_not_the_points_it_moved_a_part_without_the_wholes_words_and_a_stage(tmp_path: Path):
    report = ("運安會業務報告\n\n壹、 改善建議\n\n一、 回復情形：113 年受建議機關於期限內回復率 96.8%，較 112 年之 94.1% 提升 2.7 個百分點。\n\n"
              "貳、 水路事故\n\n一、 立案：113 年立案水路事故 17 件，其中漁船 10 件（58.8%）、貨船 4 件。\n\n"
              "參、 紀錄器\n\n一、 解讀：113 年解讀飛航紀錄器 46 具，其中國內案件 31 具、協助外國調查機關 15 具。\n\n"
              "肆、 客輪擱淺\n\n一、 海翔 8 號：114 年 5 月 22 日擱淺，本會於 114 年 6 月 20 日發布初步事實資料。\n")
    expected = {
        "113 年受建議機關在期限內回復改善建議的比率是多少？": "96.8%",  # 改善建議 is a noun: no change asked
        "113 年立案的水路事故中，漁船事故有幾件？": "10 件",  # the list writes 漁船, the whole's 事故 left unsaid
        "113 年解讀的飛航紀錄器中，替外國調查機關解讀的有幾具？": "15 具",
        "海翔 8 號擱淺事故的最終調查報告預計何時發布？": None,  # the preliminary facts came out then, not the final report
    }
    assert answer_texts(tmp_path, report, list(expected)) == expected


def test_others_than_a_name_exclude_the_figure_joining_it_and_an_abbreviated_guarantee(tmp_path: Path):
    report = ("經濟部業務報告\n\n壹、 航太\n\n一、 高教機：推動漢翔釋商外包，促成漢翔及國內供應商取得高教機在地自主生產商機，總額約 357 億元。\n\n"
              "貳、 加強中小企業信用保證及融資\n\n一、 新創重點產業優惠保證措施：加強辦理五加二重點產業優惠保證措施，保證成數最高 9 成。\n")
    expected = {
        "高教機在地自主生產商機中，漢翔以外的國內供應商分得多少金額？": None,  # 357 億元 is 漢翔's and theirs together
        "信保基金配合辦理的新創重點產業優惠保證措施，保證成數最高可達幾成？": "9 成",  # 信保 = 信用保證, the heading's words
    }
    assert answer_texts(tmp_path, report, list(expected)) == expected
    assert parse_question("漢翔以外的國內供應商分得多少金額？").others_than == ["汉翔"]


def test_the_financing_a_guarantee_helped_get_is_not_the_sum_guaranteed(tmp_path: Path):
    report = ("經濟部業務報告\n\n壹、 加強中小企業信用保證及融資\n\n一、 新創重點產業優惠保證措施：截至 109 年底，共辦理 35 萬 9,907 件，"
              "保證金額 1.13 兆元，協助取得融資 1.51 兆元。\n")
    expected = {"信保基金的新創重點產業優惠保證措施，幫企業取得的融資金額累計有多少？": "1.51 兆元",
                "信保基金的新創重點產業優惠保證措施，保證金額累計多少？": "1.13 兆元"}
    assert answer_texts(tmp_path, report, list(expected)) == expected


def test_how_a_reader_frames_a_part_a_result_or_a_rule_is_no_word_to_find():
    def segments(question: str) -> list[str]:
        return parse_question(question).segments

    assert "成果" not in segments("易拆解可循環太陽能模組這項成果中，廢模組處理廠的建置計畫在 109 年帶動了多少投資？")
    part = parse_question("單就鳥嘴潭人工湖來看，第一階段在 110 年底完工後，每天可以增加多少地面水源？")
    assert part.part == compact(fold("鳥嘴潭人工湖")) and not any("觀之" in s for s in part.segments)
    assert parse_question("今年 1 到 6 月通知機關改善的缺失中，屬於採購方面的有幾件？").part == compact(fold("採購"))
    assert not any("規定" in s for s in segments("113 年排放量依規定須盤查登錄的事業共有幾家？"))
    assert not any("對象" in s for s in segments("經濟部 109 年 8 月 5 日舉辦的投資線上研討會是以哪個國家為對象？"))
    assert compact(fold("碳費徵收對象")) in segments("依 113 年盤查資料，碳費徵收對象中的半導體業者共有幾家？")  # 對象: a word
    assert compact(fold("釋出公有土地")) in segments("釋出公有土地給廠商時，是由哪個單位擔任媒合的單一窗口？")
    assert parse_question("113 年度中央政府扣除債務還本後，實際歲計賸餘是多少錢？").excluded == [compact(fold("債務還本"))]
    quarter = parse_question("製造業艱困事業薪資及營運資金補貼的第 4 季申請，受理到哪一天為止？")
    assert "第4季" in quarter.anchors and "第4季" in quarter.segments  # a quarter without its year, a word of its own


def test_what_a_question_measures_by_its_noun():
    assert parse_question("碳費徵收對象中，電力及燃氣供應業 113 年的排放量是多少？").dimensions == {"mass"}
    assert parse_question("碳費的一般費率是每公噸多少錢？").dimensions == {"money", "price"}
    assert parse_question("國外減量額度的平均成交價大約多少？").dimensions == {"money", "price"}


def test_a_names_kind_and_its_authors_subject_are_asides():
    assert compact(fold("新機組")) in parse_question("108 年有哪幾部新機組陸續併聯商轉，讓供電維持穩定？").asides
    assert not any("經費" in s for s in parse_question("108 年陸續併聯完工、投入商轉的是哪幾部新機組？").segments)  # put to work
    authors = authors_of(["勞動部勞動基金運用局業務報告"])
    fund = parse_question("截至 113 年底，勞動基金買了多少國內綠色債券？", authors=authors)
    assert compact(fold("勞動基金")) in fund.asides
    assert not any("運用局" in s for s in parse_question("去年運用局出席了幾場股東會？", authors=authors).segments)  # its short name


def test_a_converted_amount_a_quoted_body_and_a_list_its_stated_count_closes(tmp_path: Path):
    engine = small_ledger(
        tmp_path,
        "勞動基金運用局業務報告\n\n壹、 基金運用\n\n一、 國外委託經營：截至 113 年底，委託金額新臺幣 1 兆 8,765.4 億元，折合約 572.4 億美元。\n\n"
        "二、 委託甄選：113 年新增委託 9 家機構，委託金額約 15.6 億美元。\n\n"
        "三、 公有土地優惠釋出：由「投資臺灣事務所」擔任單一窗口，累計至 109 年底，媒合成功 102 案。\n\n"
        "四、 電商：輔導岱宇國際、好食樂、好會飛等 12 家電商業者分別於美國、中國大陸、馬來西亞等市場導入新服務或商業模式。\n",
    )
    assert ask(engine, "國外委託經營的委託金額換算成美元大約是多少？")["answer"]["text"] == "572.4 億美元"
    assert ask(engine, "公有土地優惠釋出是由哪個單位擔任單一窗口？")["answer"]["value"] == ["投資臺灣事務所"]  # the name in 「」
    assert ask(engine, "輔導到海外市場導入新服務的 12 家電商業者中，報告點名了哪幾家？")["answer"]["value"] == ["岱宇國際", "好食樂", "好會飛"]
    engine.dispose()


def test_a_date_a_bracket_opens_after_another_is_the_brackets_own(tmp_path: Path):
    engine = small_ledger(tmp_path, "經濟部業務報告\n\n壹、 紓困\n\n一、 薪資補貼\n\nA. 109 年第 4 季：截至 109 年 12 月 31 日止(受理時間至 110 年 2 月 1 日止)，"
                                    "總計核准 4,561 家。\n")
    assert ask(engine, "薪資補貼的 109 年第 4 季申請，受理到哪一天為止？")["answer"]["value"] == "2021-02-01"
    engine.dispose()


def test_what_a_figure_is_reckoned_from_and_a_span_of_change_asked():
    basis = parse_question("以截至 109 年底的河川水庫疏濬外運販售量來估算，大約能提供多少砂石成品？")
    assert basis.basis == [compact(fold("河川水庫疏濬外運販售量"))] and not any("估算" in s for s in basis.segments)
    change = parse_question("109 年核准陸資來臺投資的件數，比前一年減少的幅度是多少？")
    assert (change.units, change.dimensions) == (set(), {"percent"})  # 幅度 of a count: a percentage
    assert parse_question("為推動太陽光電模組的自願性產品驗證，國內制定了哪一份技術規範？").wants_title
    assert parse_question("是依循行政院哪一項行動計畫的目標？").wants_title
    assert parse_question("和我國共同成立聯盟的國際驗證機構是哪一家？").body_asked == fold("機構")


def test_a_sample_figure_reckoned_from_a_sum_and_a_year_asked_alone(ledger):  # noqa: F811
    value = answer_value(ledger)
    assert value("以截至 109 年底的河川水庫疏濬外運販售量來估算，大約能提供多少砂石成品？") == 5710  # 萬公噸, not the 7,200 sold
    assert value("109 年核准陸資來臺投資的件數，比前一年減少的幅度是多少？") == 37.1
    engine, doc_id, _ = ledger
    # '至 109 年累計共受理 7,740 件' is no count of 109 年 alone
    assert ask(engine, "專利審查高速公路（PPH）計畫光是 109 年一年受理了幾件？", doc_id=doc_id)["answer"] is None
    assert value("為推動太陽光電模組的自願性產品驗證，國內制定了哪一份技術規範？") == ["臺灣高效能太陽光電模組技術規範"]
    assert value("為了讓廠商的 5G 產品合乎資安要求，經濟部是在哪個協會推動 5G 元件檢測的產業資安規範？") == ["台灣資通產業標準協會"]
    assert value("和我國共同成立「臺灣離岸風場專案驗證聯盟」的國際驗證機構是哪一家？") == ["DNVGL"]
    assert value("經濟部協助哪家廠商的 5G NSA 基地台進行資通安全合規檢測？") == ["明泰科技"]  # 基地台 is the report's 基站
    assert value("各縣市的特色園區目前吸引多少家地方企業進駐？") == 101  # 吸引: a verb a report leaves out


def test_an_oral_report_is_its_speakers_bodys_and_asked_by_that_bodys_name(tmp_path: Path):
    engine = small_ledger(tmp_path, "立法院公報 第 114 卷 第 80 期 委員會紀錄\n主席、各位委員、各位女士、先生：\n"
                                    "今天 大院邀請本局列席報告業務概況，本人代表調查局全體同仁，表達誠摯謝意。\n一、肅貪工作\n"
                                    "114 年 1 月至 8 月，本局共移送貪瀆案件 286 件（113 年同期為 251 件），成長 13.9%。\n")
    with engine.connect() as connection:
        assert connection.execute(text("select title from documents")).scalar() == "調查局業務報告"
    assert ask(engine, "114 年 1 到 8 月，調查局一共移送了幾件貪瀆案件？")["answer"]["value"] == 286  # 調查局 is the report's own 本局
    engine.dispose()


def test_regardless_of_its_kinds_a_loose_count_a_scale_and_a_centres_short_name():
    assert parse_question("太陽光電在 114 年的整體設置目標是多少（不分屋頂型或地面型）？").excluded == [compact(fold("屋頂型")), compact(fold("地面型"))]
    assert parse_question("中小型店家數位轉型補助受理上萬家申請，最後有幾家店家通過？").segments[0] == compact(fold("中小型店家數位轉型補助受理"))
    assert compact(fold("五萬分之一地質圖幅調查")) in parse_question("全國五萬分之一地質圖幅調查一共規劃多少幅？").segments
    authors = authors_of(["國家科學及技術委員會國家太空中心業務報告"])
    assert not any("太空中心" in s for s in parse_question("今年上半年太空中心資料服務平台有多少使用者人次？", authors=authors).segments)


def test_a_whole_asked_regardless_of_its_kinds_and_a_count_of_another_noun(ledger, tmp_path: Path):  # noqa: F811
    value = answer_value(ledger)
    assert value("太陽光電在 114 年的整體設置目標是多少（不分屋頂型或地面型）？") == 20  # GW, not 屋頂型's 8GW
    assert value("老舊高地社區供水改善在 110 年選定了幾個社區辦理？") == 7  # 選定: the report's 擇定
    engine = small_ledger(tmp_path, "國家太空中心業務報告\n\n壹、 國際合作\n\n一、 資料交換：截至 2025 年 8 月底，已與 15 國 23 個機構簽署衛星資料交換協議。\n\n"
                                    "二、 公路客運：113 年核定虧損補貼路線 624 條、金額 38.46 億元。\n")
    assert ask(engine, "截至 2025 年 8 月底，已經和多少個國家簽了衛星資料交換協議？")["answer"]["text"] == "15 國"  # not the 23 個機構
    assert ask(engine, "113 年公路客運虧損補貼核定的補貼金額是多少？")["answer"]["text"] == "38.46 億元"  # 虧損補貼: a scheme
    engine.dispose()


def test_a_title_a_running_header_dates_is_the_reports_name(tmp_path: Path):
    engine = small_ledger(tmp_path, "海洋委員會海洋保育署業務報告 114.03\n\n壹、 海洋保護區\n\n一、 劃設：113 年新劃設海洋保護區 2 處。\n")
    with engine.connect() as connection:
        assert connection.execute(text("select title from documents")).scalar() == "海洋委員會海洋保育署業務報告"
    engine.dispose()


def test_a_body_asked_last_after_its_verb_and_no_figure_for_a_name(ledger):  # noqa: F811
    value = answer_value(ledger)
    assert value("拿下 2020 R&D 100 的可植入鎂合金技術，最後技轉給哪一家廠商？") == ["友荃科技"]  # '技轉友荃科技並投資…'
    assert value("為因應臺商回流，屏東科技園區擴區使用的是哪家公司的土地？") == ["台糖公司"]  # not '約 27 公頃' before 土地
    engine, doc_id, _ = ledger
    assert ask(engine, "佳世達雷射口掃系統拿到的 ODM 訂單，是來自北美哪一家廠商？", doc_id=doc_id)["answer"] is None  # the report names none
    assert value("滷肉飯節辦下來，大概幫滷肉飯業者帶動了多少營業額？") == 3.9  # 辦下來: once done
    assert value("109 年台灣創新技術博覽會展期內吸引多少人次參觀？") == 53_000  # 展期 = 展覽期間


def test_a_cause_in_the_readers_words_a_part_counted_after_its_whole_and_a_breakdowns_next_part(ledger):  # noqa: F811
    value = answer_value(ledger)
    assert value("因應 109 年旱象，旱災中央災害應變中心是在哪一天成立的？") == "2020-10-14"  # 旱象: the reader's word, an aside
    assert value("兩岸投保協議下的臺商投資糾紛案件，109 年有重大進展者當中有幾件已經結案？") == 8  # '(含結案 8 件)', not the 20
    assert value("推動臺日重點產業合作所促成的案件中，和防疫科技相關的有幾件？") == 8  # not 'AIoT 相關 4 件', before the part
    assert value("會展業及貿易服務業紓困補貼的對象，營收要下降多少才算艱困事業？") == 50  # a threshold asked with 才算


def test_a_running_total_asked_and_an_amount_named_by_its_kind(ledger):  # noqa: F811
    value = answer_value(ledger)
    assert value("截至 109 年底，降低自來水漏水率工作累計完成汰換的老舊管線有多少公里？") == 818  # not the year's 678 公里
    assert value("信保基金自設立累計至 109 年底，提供的保證金額總計是多少？") == 15.09  # 兆元: not 獲捐助 under 充裕保證能量
    assert value("109 年第四季，經濟部跟日本舉辦了幾場線上的經貿媒合與技術交流商談會？") == 4  # 日本 is its heading's, not a list's


def test_a_place_glued_after_its_verb_and_a_kind_two_names_share(ledger):  # noqa: F811
    engine, doc_id, _ = ledger
    assert compact(fold("日本")) in parse_question("111 年哥倫布計畫核定的案件中，有幾案來自日本？").segments
    assert ask(engine, "109 年核准（備）的對外投資中，投資日本的金額是多少美元？", doc_id=doc_id)["answer"] is None  # 日本 is inward only
    assert ask(engine, "109 年在印度舉辦的線上臺灣形象展協助多少家我國廠商與買主洽談？", doc_id=doc_id)["answer"] is None  # five shows' total
    assert answer_value(ledger)("前瞻水資源建設中，哪些工程陸續完工後可增加常態供水 9.3 萬噸？") == [
        "南投鳥嘴潭人工湖第一階段", "雲林濁水溪伏流水", "苗栗通霄溪伏流水"]  # '雲林濁水溪及苗栗通霄溪伏流水都將陸續完工'


def test_a_special_reports_cover_and_a_plans_title_name_their_authors(tmp_path: Path):
    engine = small_ledger(tmp_path, "衛生福利部\n「長期照顧十年計畫 3.0 推動情形」專案報告\n\n壹、 服務\n\n一、 涵蓋率：截至 114 年 8 月底，長照服務涵蓋率為 69.90%。\n")
    with engine.connect() as connection:
        assert connection.execute(text("select title from documents")).scalar() == "衛生福利部「長期照顧十年計畫 3.0 推動情形」專案報告"
    engine.dispose()
    assert authors_of(["衛生福利部「長期照顧十年計畫 3.0 推動情形」專案報告"]) == ("衛生福利部", "衛福部")
    assert authors_of(["環境部 115 年度施政計畫"]) == ("環境部",)
    assert authors_of(["勞動部113 年度施政績效報告"]) == ("勞動部",)


def test_a_figure_the_question_states_marks_its_sentence_and_a_cause_told_at_length_is_content(ledger):  # noqa: F811
    value = answer_value(ledger)
    assert value("因應疫情補助商圈進行環境優化，核定 112 案共補助多少經費？") == 9089  # 萬元: the 112 案's sentence, not 1.38 億元 after
    assert value("109 年 5 項線上臺灣形象展總計促成多少金額的商機？") == 1.3  # 億美元: 多少金額 names no kind of amount
    assert value("制定「企業與人權國家行動計畫」的過程中，整合了多少個民間團體的意見？") == 70  # 過程中: when, no word to find


def test_one_of_two_alone_a_year_alone_and_dates_each_of_the_names_after_them(ledger):  # noqa: F811
    engine, doc_id, _ = ledger
    value = answer_value(ledger)
    assert ask(engine, "2020 臺馬聯合網購節單獨帶動的銷售額是多少？", doc_id=doc_id)["answer"] is None  # the two events' 2,289 萬元 together
    assert ask(engine, "109 年當年國內新增取得清真認（驗）證的廠商有多少家？", doc_id=doc_id)["answer"] is None  # 累計 1,049 家 is no year's
    assert value("109 年因應旱象，經濟部旱災緊急應變小組是哪一天成立的？") == "2020-10-01"  # '於 9 月 16 日及 10 月 1 日成立水利署及經濟部…'
    assert value("屏東科技園區北側擴區完成後，預計每年可帶來多少產值？") == 100  # 億元: 完成後 says when, no word to find


def test_points_behind_a_planned_rate_ask_the_gap_not_the_plan(tmp_path: Path):
    engine = small_ledger(tmp_path, "監察院調查報告\n\n壹、 調查意見\n\n一、 工程進度：本計畫工程 110 年底預定進度 45.0%，實際進度 29.6%，落後 15.4 百分點。\n")
    assert ask(engine, "110 年底本計畫工程進度落後預定進度多少百分點？")["answer"]["text"] == "15.4 百分點"  # not 預定進度 45.0%
    assert not parse_question("110 年底本計畫工程進度落後預定進度多少百分點？").wants_target
    engine.dispose()
