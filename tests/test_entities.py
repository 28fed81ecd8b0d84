"""Entities: names the text marks, each once per item, at its line."""

from __future__ import annotations

from policyledger.entities import KNOWN_ORGS, extract_entities
from policyledger.model import Node


def item(text: str) -> Node:
    return Node("壹", 1, 1, "壹、", "", text, 1, 1)


def names(text: str) -> list[tuple[str, str]]:
    return [(entity.name, entity.type) for entity in extract_entities([item(text)])]


def test_known_organisations_inside_others_and_before_a_place_word():
    # 貿協 stands inside 外貿協會 and both are named; 台電公司 is left to the company pattern, 台北市 is a place.
    assert names("外貿協會與台電合作") == [("外貿協會", "organisation"), ("貿協", "organisation"), ("台電", "organisation")]
    assert ("台電", "organisation") not in names("台電公司")
    assert names("本部") == []


def test_no_known_name_starts_another():
    # The one-scan search of known names finds one name per position (see entities._KNOWN_ORG).
    assert not [(a, b) for a in KNOWN_ORGS for b in KNOWN_ORGS if a != b and b.startswith(a)]


def test_laws_and_companies_only_where_their_ending_is():
    assert names("依據產業創新條例第 10 條辦理") == [("產業創新條例第 10 條", "law")]
    assert names("輔導台灣積體電路製造股份有限公司") == [("台灣積體電路製造股份有限公司", "organisation")]
    assert names("持續推動各項措施") == []


def test_an_article_keeps_its_sub_article_and_follows_a_quoted_law():
    assert ("產業創新條例第 46-1 條", "law") in names("增訂產業創新條例第 46-1 條閒置土地")
    assert ("石油管理法第 19 條之 1", "law") in names("依據「石油管理法」第 19 條之 1 規定")
    assert ("石油管理法", "law") in names("依據「石油管理法」第 19 條之 1 規定")


def test_a_verb_inside_a_match_starts_the_name_after_it():
    # Laws and organisations matched with the words before them: the name starts after the verb.
    assert names("將按其違規輕重依貿易法處分") == [("貿易法", "law")]
    assert names("協助地方政府推動地質法業務") == [("地質法", "law")]
    assert names("引進知名法商投資 31 億元") == []  # 法商: a French company, no law
    assert names("促使違規業者積極遵法") == []
    assert names("109 年以標準檢驗法查驗 404 件") == []  # a method, not a law
    assert ("漢翔公司", "organisation") in names("本部已偕同國防部及漢翔公司籌組團隊")
    assert names("我商與印商成立合資公司") == []  # a generic kind of company, no name
    assert ("公司依公司", "organisation") not in names("於「公司依公司法規定公告資訊站」增加授權機制")
