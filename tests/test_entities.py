"""Entities: names the text marks, each once per item, at its line."""

from __future__ import annotations

from policyledger.entities import _KNOWN_ORGS, extract_entities
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
    assert not [(a, b) for a in _KNOWN_ORGS for b in _KNOWN_ORGS if a != b and b.startswith(a)]


def test_laws_and_companies_only_where_their_ending_is():
    assert names("依據產業創新條例第 10 條辦理") == [("產業創新條例第 10 條", "law")]
    assert names("輔導台灣積體電路製造股份有限公司") == [("台灣積體電路製造股份有限公司", "organisation")]
    assert names("持續推動各項措施") == []


def test_an_article_keeps_its_sub_article_and_follows_a_quoted_law():
    assert ("產業創新條例第 46-1 條", "law") in names("增訂產業創新條例第 46-1 條閒置土地")
    assert ("石油管理法第 19 條之 1", "law") in names("依據「石油管理法」第 19 條之 1 規定")
    assert ("石油管理法", "law") in names("依據「石油管理法」第 19 條之 1 規定")
