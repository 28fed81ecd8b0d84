

def test_a_date_at_a_periods_edge_is_right_at_the_golds_precision():
    from policyledger.evaluate import answer_is_right

    month = {"kind": "date", "answer_value": "2020-12"}
    assert answer_is_right(month, {"answer": {"text": "109 年 12 月底", "value": "2020-12-31"}})
    assert not answer_is_right(month, {"answer": {"text": "109 年 12 月 5 日", "value": "2020-12-05"}})  # a day in it is not its end
    assert answer_is_right({"kind": "date", "answer_value": "2025"}, {"answer": {"text": "114 年初", "value": "2025-01"}})
    assert not answer_is_right({"kind": "date", "answer_value": "2020-11"}, {"answer": {"text": "109 年 12 月底", "value": "2020-12-31"}})
