"""Named things: organisations, programmes and plans in 「」, laws with their articles, places.

Rule-based and conservative: a name is recorded where the text marks it (「…」, a legal
suffix, an organisational suffix, a gazetteer entry), once per item, at the line it stands on.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterator
from functools import lru_cache

import pycountry

from policyledger.model import Claim, Entity, Node

_QUOTED = re.compile(r"「([^「」\n]{3,60})」")
# Characters that never stand inside a name: function words, counters, dates, punctuation.
_STOP = "的之與及和並於在將為以由等年月日家個項件已或、，。；：「」()（）\\s\\d"
_LAW_SUFFIX = re.compile(r"(?:條例|法|辦法|規則|要點|準則|基準|細則|協定|協議|公約)$")
_LAW = re.compile(
    rf"([^{_STOP}]{{2,16}}(?:條例|法))(?!人|規|令|院|律|治|務|案|庭|源|定|制|國|商)"
    # The article, also after a closing 」 (依據「石油管理法」第 19 條之 1), with its 之 N kept.
    r"(?:」?\s*第\s*(\d+(?:\s*-\s*\d+)?)\s*條(?:\s*之\s*(\d+))?)?"
)
_NOT_LAW_TAIL = ("無法", "子法", "試驗法", "作法", "方法", "辦法", "看法", "做法", "合法", "違法", "非法", "依法", "修法", "立法", "執法", "手法", "想法",
                 "說法", "技法", "療法", "算法", "用法", "司法", "憲法", "寫法", "解法", "效法", "語法", "玩法", "工法", "新法",
                 "檢驗法", "遵法", "守法")
_ORG_SUFFIX = (
    r"(?:股份有限公司|有限公司|公司|協會|公會|基金會|學會|研究院|研究所|工業研究院|委員會|銀行|大學|醫院|"
    r"中心|管理處|事務所|辦公室|聯盟|商會|總會|辦事處)"
)
_ORG = re.compile(rf"([^{_STOP}]{{2,12}}?{_ORG_SUFFIX})(?!法)")  # not 公司法, 銀行法: laws
# Where a law or an organisation could end: `_LAW` and `_ORG` try a dozen lengths at every start,
# so an item without any such ending (most of them) is not scanned by them at all.
_LAW_ENDING = re.compile(r"條例|法")
_ORG_ENDING = re.compile(_ORG_SUFFIX)
_AGENCY = re.compile(r"((?:行政院|經濟部|財政部|衛生福利部|勞動部|內政部|交通部|國防部|外交部|教育部|農業部|數位發展部|環境部|國家發展委員會|"
                     r"金融監督管理委員會)(?:[\u4e00-\u9fff]{2,8}?(?:署|局|處|司|中心))?)")
KNOWN_ORGS = ("台電", "中油", "台糖", "台水", "中鋼", "漢翔", "中科院", "工研院", "資策會", "金屬中心", "外貿協會", "貿協", "信保基金",
               "輸出入銀行", "國發會", "金管會", "工業局", "國貿局", "能源局", "水利署", "智慧局", "標準檢驗局", "投審會", "中小企業處",
               "商業司", "加工出口區管理處", "科技部", "本部")
# Every known name in one scan. The match is a lookahead, which consumes nothing, so a name inside
# another (貿協 in 外貿協會) is found too; no name starts another, so one match per position finds all.
# The leading class of first characters lets the regex engine skip the positions no name starts at.
_KNOWN_ORG = re.compile(
    "(?=[{}])(?=({})(?!公司|市|縣))".format("".join(sorted({name[0] for name in KNOWN_ORGS})), "|".join(map(re.escape, KNOWN_ORGS)))
)
_LEADING_WORDS = (
    "起|結合|促成|滿足|同意|最高按|底完成該|完成該|該|亦|網絡媒合|修改|修正|增訂|訂定|發布|提出|依據|依|按|辦理|推動|每年|成為|便利|提高|強化|履行|使無|代理|送" "|"
    "轉送|召開|吸引|扶植|獎勵|成立|設立|協商|協助|輔導|透過|委託|促成|推動|補助|結合|邀請|協調|配合|針對|偕同|帶動|包括|與|及|和|由|經|如|並|等|之|的|向|對" "|"
    "在|於|將|為|請|已|以|其|各|該|本部與|本部"
)
_LEADING_FUNCTION = re.compile(f"^(?:{_LEADING_WORDS})+")
_GENERIC_ORG = ("公司", "中心", "協會", "銀行", "大學", "醫院", "委員會", "研究院", "基金會", "事務所", "辦公室", "管理處",
                "合資公司", "創投公司", "新創公司", "生技新藥公司", "育成中心", "有限公司", "股份有限公司")
# A verb inside what the patterns took for a name starts the name after it: '違規輕重依貿易法' is
# 貿易法, '印商成立合資公司' is 合資公司 (generic, so dropped), '興建會展中心' is 會展中心.
_LAW_VERB = re.compile(r"^.*(?:依據|依照|依|按照|根據|遵守|推動|修正|制定|訂定|落實|配合|符合|提出|新版本)")
_ORG_VERB = re.compile(r"^.*(?:成立|設立|設置|興建|輔導|協助|推動|透過|委託|邀請|促成|偕同|結合|配合|同意|取得|加速|推廣|維持|鏈結|及|與|和|另)")

COUNTIES = ("臺北市", "台北市", "新北市", "桃園市", "臺中市", "台中市", "臺南市", "台南市", "高雄市", "基隆市", "新竹市", "嘉義市",
            "新竹縣", "苗栗縣", "彰化縣", "南投縣", "雲林縣", "嘉義縣", "屏東縣", "宜蘭縣", "花蓮縣", "臺東縣", "台東縣", "澎湖縣",
            "金門縣", "連江縣", "彰化", "雲林", "屏東", "宜蘭", "花蓮", "澎湖", "金門", "馬祖", "苗栗", "南投", "基隆", "新竹",
            "嘉義", "臺南", "台南", "高雄", "臺中", "台中", "桃園", "臺東", "台東", "臺北", "台北", "新北")
COUNTRIES = ("美國", "日本", "韓國", "南韓", "中國大陸", "中國", "越南", "印度", "印尼", "泰國", "馬來西亞", "菲律賓", "新加坡", "緬甸",
             "柬埔寨", "寮國", "汶萊", "孟加拉", "斯里蘭卡", "巴基斯坦", "澳洲", "紐西蘭", "加拿大", "墨西哥", "巴西", "智利", "阿根廷",
             "巴拉圭", "尼加拉瓜", "瓜地馬拉", "貝里斯", "宏都拉斯", "史瓦帝尼", "英國", "德國", "法國", "義大利", "西班牙", "葡萄牙",
             "荷蘭", "比利時", "瑞典", "丹麥", "挪威", "芬蘭", "波蘭", "捷克", "斯洛伐克", "立陶宛", "拉脫維亞", "愛沙尼亞", "奧地利",
             "瑞士", "愛爾蘭", "俄羅斯", "烏克蘭", "以色列", "土耳其", "沙烏地阿拉伯", "阿聯", "卡達", "巴紐", "巴布亞紐幾內亞", "南非", "奈及利亞", "肯亞",
             "歐盟", "香港", "澳門")
_PLACES = re.compile("|".join(sorted((re.escape(p) for p in (*COUNTIES, *COUNTRIES)), key=len, reverse=True)))


# Known places joined by 、 or a conjunction ('可供應南投及彰化地區'): a list of places wherever it stands.
_PLACE_RUN = re.compile(rf"(?:{_PLACES.pattern})(?:\s*(?:、|及|與|和|暨)\s*(?:{_PLACES.pattern}))+")


# A body's name and nothing after it ('衛生福利部', '勞動部', '海巡署'): a report's cover may name its author so.
BODY_ALONE = re.compile(r"[\u4e00-\u9fff]{2,20}[部署局會院處]")


def place_lists(text: str) -> list[tuple[int, int, list[str]]]:
    """Each run of two or more known places in `text`: (start, end, the places)."""
    return [(run.start(), run.end(), _PLACES.findall(run.group(0))) for run in _PLACE_RUN.finditer(text)]


def leading_place(name: str) -> str | None:
    """The county or country a name starts with ('高雄市' of '高雄市政府消防局'), or None."""
    found = _PLACES.match(name)
    return found.group(0) if found else None


def names_a_place(name: str) -> bool:
    """Whether a name holds a county or country, or is one of ISO 3166's countries ('查德'); '馬國'
    and other short forms are not known."""
    return _PLACES.search(name) is not None or name.strip() in _iso_countries()


@lru_cache(maxsize=1)
def _iso_countries() -> frozenset[str]:
    """Every country's name as Taiwan writes it (pycountry's zh_TW names). Only whole names are
    matched: as parts of text, two-character names (海地, 東加) would be found in 沿海地區."""
    names = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_TW"], fallback=True)
    return frozenset(names.gettext(country.name) for country in pycountry.countries) - {"中華民國"}


def extract_entities(nodes: list[Node]) -> list[Entity]:
    """Entities of every item, each once per item, in order of first mention."""
    entities: list[Entity] = []
    for node in nodes:
        seen: set[tuple[str, str]] = set()
        for offset, name, kind in _mentions(node.text):
            key = (name, kind)
            if key not in seen:
                seen.add(key)
                entities.append(Entity(name, kind, node.path, node.line_at(offset)))
    return entities


def _mentions(text: str) -> list[tuple[int, str, str]]:
    found: list[tuple[int, str, str]] = []
    for match in _QUOTED.finditer(text):
        name = match.group(1).strip()
        found.append((match.start(1), name, "law" if _LAW_SUFFIX.search(name) else "programme"))
    for mention, _, _, _, with_article in laws_in(text):
        found.append((mention, with_article, "law"))
    for matches in (_AGENCY.finditer(text), _scan(_ORG, text, _ORG_ENDING)):
        for match in matches:
            name = _ORG_VERB.sub("", _LEADING_FUNCTION.sub("", match.group(1)))
            if len(name) >= 3 and name not in _GENERIC_ORG:
                found.append((match.start(1), name, "organisation"))
    for match in _KNOWN_ORG.finditer(text):
        if match.group(1) != "本部":
            found.append((match.start(), match.group(1), "organisation"))
    for match in _PLACES.finditer(text):
        found.append((match.start(), match.group(0), "place"))
    return sorted(found)


def laws_in(text: str) -> list[tuple[int, int, int, str, str]]:
    """Each law a text names: (where its mention starts, where the law's name starts, where its article or
    name ends, the law, the law with its article)."""
    found = []
    for match in _scan(_LAW, text, _LAW_ENDING):
        law = _LAW_VERB.sub("", _LEADING_FUNCTION.sub("", match.group(1)))
        if len(law) < 3 or law.endswith(_NOT_LAW_TAIL):
            continue
        start = match.end(1) - len(law)
        found.append((match.start(1), start, match.end(), law, _with_article(law, match.group(2), match.group(3))))
    return found


def _with_article(law: str, article: str | None, sub_article: str | None) -> str:
    if not article:
        return law
    name = f"{law}第 {''.join(article.split())} 條"
    return f"{name}之 {sub_article}" if sub_article else name


def _scan(pattern: re.Pattern[str], text: str, ending: re.Pattern[str]) -> Iterator[re.Match[str]]:
    return pattern.finditer(text) if ending.search(text) else iter(())


def link_claims(claims: list[Claim], entities: list[Entity], nodes: list[Node]) -> None:
    """Attach to each claim the names of the entities its clause mentions."""
    by_path: dict[str, list[Entity]] = {}
    for entity in entities:
        by_path.setdefault(entity.path, []).append(entity)
    for claim in claims:
        names = []
        for entity in by_path.get(claim.path, []):
            if entity.name in claim.clause and entity.name not in names:
                names.append(entity.name)
        claim.entities = names
