"""Finding figures in text: a number (Arabic, Chinese or mixed, or a range) with its unit.

This module knows what a figure looks like and what is not a figure (dates, ordinals, names
such as 5G, F-16, TCE100, phone numbers, URLs); `claims` decides what each figure means.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from policyledger.quantity.numbers import ARABIC, CHINESE_NUMERAL_CHARS, combine_mixed, scale_of, value_of_arabic, value_of_chinese
from policyledger.quantity.units import UnitMatch, match_unit

# (?=…) names the characters a number starts with, which lets the regex engine skip the others.
_NUMBER = re.compile(
    rf"(?=[+\-\d])(?P<sign>[+\-])?(?P<num>{ARABIC})"
    rf"(?:\s*(?P<big>[萬億兆])\s*(?P<tail>{ARABIC})(?:\s*(?P<tailscale>[萬千億])(?:\s*(?P<tail2>{ARABIC})(?:\s*(?P<tail2scale>[千百]))?)?)?(?=\s*[^\d\s,.]))?"
)
# A run of Chinese numeral characters with a positional word in it (三萬, 十成; not 一 of 一家),
# looked for only where such a character stands (the lookahead).
_CHINESE = re.compile(rf"(?=[{CHINESE_NUMERAL_CHARS}])[{CHINESE_NUMERAL_CHARS}]*[十百千萬億兆][{CHINESE_NUMERAL_CHARS}]*")
_PERCENT_WORDS = re.compile(rf"(?P<per>百分之|千分之)\s*(?P<pct>{ARABIC}|[{CHINESE_NUMERAL_CHARS}點]+)")
# A dash joins a range written tight (20-30 萬元) or spaced on both sides; ' -4.2%' after a space is a minus.
_RANGE = re.compile(rf"(?:\s*(?:~|～|至|到)|[-－—–]|\s+[-－—–](?=\s))\s*(?P<num>{ARABIC})")
_URL = re.compile(r"(?=[hw])(?:https?://|www\.)[\w./%?=&#:~+-]+", re.IGNORECASE)
# A bare domain is found from its ending (.gov.tw …) and widened to the left: scanning for it
# from every word start would take quadratic time on strings like 1.1.1.1….
_DOMAIN_END = re.compile(r"\.(?:gov|com|org|edu|net)(?:\.tw)?(?:/[\w./%?=&#~+-]*)?", re.IGNORECASE)
_DOMAIN_START = re.compile(r"[\w-]+(?:\.[\w-]+)*$")
# "No letter or digit before the 0" is checked after it, so the scan can jump from one 0 to the next.
_PHONE = re.compile(r"0(?<!\w0)(?:\d{1,4}-\d{3,4}-\d{3,4}|800-?\d{3}-?\d{3})\b")

# A unit followed by these characters is the start of another word: 4 成長, 本部, 口罩 …
NOT_UNIT_BEFORE = {
    "成": "長立本果為功效員交熟型形品",
    "碼": "頭",  # 3 碼 (quarter points), not 碼頭 (a wharf)
    "束": "縛手",  # not 約束, 束手
    "桶": "裝",  # not 桶裝水
    "孔": "洞隙道徑",  # not 孔洞, 孔徑
    "部": "分門長會份署落",
    "間": "接隔",
    "位": "於置數",
    "所": "得以有謂屬需在",
    "本": "部國年土次身案",
    "面": "積臨向對",
    "名": "單稱義",
    "臺": "灣北中南商電糖水幣東",
    "台": "灣北中南商電糖水幣東",
    "組": "織成裝",
    "處": "理分",
    "營": "業運收造建利養區隊",
    "折": "扣舊合抵價現算衷返",
    "段": "落式",
    "支": "持出援付",
    "口": "罩岸徑",
    "只": "要有能",
    "門": "檻市診",
    "報": "告名表導到紙酬價備案請關稅稿送批",  # 96 報 (bulletins), not 報告, 報名
    "具": "有備體",
    "班": "級機",
    "家": "庭鄉屬",
    "條": "例件款",
    "度": "假",
    "國": "家內際貨",
    "天": "然",
    "年": "度",
    "日": "本期",
    "區": "域",
    "科": "技學",
    "場": "域所址館",
    "種": "類",
    "類": "別型",
    "式": "樣",
    "站": "點",
    "筆": "記電",
    "片": "面",
    "展": "開覽出示現望延售區館期會",  # 5 展 (exhibitions), not 展開, 展覽 …
    "礦": "業場區物產坑工",
    "元": "化",  # 多元化
    "團": "體隊",
    "案": "件例",
    "件": "事",
    "人": "力員才民工大率",  # 千人大會師 is a name; 千人率 a rate's name
    "點": "半鐘",  # 3 點半 is a time
    "通": "過知報訊路關用行車勤常力",
    "歲": "修入出計末收",  # 歲修 is yearly maintenance, 歲入 revenue
    "頭": "份",
    "尾": "款聲端牙",
    "列": "入為管出表舉印席冊名",
    "例": "如外行假子會",
    "房": "屋價租東舍地產",
    "園": "區藝遊",
    "起": "來見訴點始步飛跑算碼因源火色草床居用迄至算",  # 5 起 (incidents), not 起來, 起訴 …
    "對": "於象外話策應接岸照比抗立等手方面稱口內",  # 12 萬 1,702 對 (couples), not 對於 …
    "席": "位次",
    "根": "據本源除治",
    "族": "群語人",  # 16 族 (peoples), not 族群, 族語
    "課": "程徵稅題長室綱",  # 4,600 課 (lessons), not 課程, 課徵 …
    "節": "能水電日目省約點慶",  # 16~20 節 (class periods), not 節能, 節水 …
    "集": "團中資會結合散體訓",  # 120 集 (episodes), not 集團, 集中 …
    "封": "閉存裝鎖面底頂口條城包鎖測",  # 48 萬封 (letters), not 封閉, 封裝 …
    "餐": "廳飲點盒券會具桌食費車",  # 21 萬餐 (meals), not 餐廳, 餐飲 …
    "錠": "劑",
    "週": "年",  # 70 週年 is an anniversary, not 70 weeks
}


@dataclass(frozen=True)
class Figure:
    start: int  # offsets in the text
    end: int
    value: float  # low end for ranges
    value_high: float | None
    unit: UnitMatch
    written_unit: str  # the unit as the claim records it (scale kept, except for mixed numerals)
    scale_in_value: bool  # a mixed numeral (72 萬 3,097): the value is whole, the unit bare


# A name in 「」 that goes on past its numbers ('推動淨零「十二項關鍵戰略」', '「二二八事件 78 週年檔案展」'):
# its numbers are part of the name. A quote that ends on its figure ('「每人 1 萬元」', '「百分之三十」') is not masked.
_QUOTED_NAME = re.compile(r"「[^「」\n]{0,14}[\u4e00-\u9fff]{2}」")  # a name is short; a law quoted at length holds figures
_ENDS_ON_A_FIGURE = re.compile(r"[\d〇○零一二兩三四五六七八九十百千萬億]\s*[^\d\s]{0,4}」$")


# A note or coin named by its face value: 千元券, 五百元券, 50 元硬幣 (not 3,000 元消費券, an amount).
_DENOMINATION = re.compile(r"(?<![\d,.])(?:[一二五]?[千百十]|[125]0{0,3})元(?=券|鈔|紙鈔|硬幣|鎳幣)")


def masked_spans(text: str) -> list[tuple[int, int]]:
    """Spans that never hold figures: URLs, bare domains, phone numbers, notes and coins by their face
    value and names in 「」."""
    spans = [m.span() for pattern in (_URL, _PHONE, _DENOMINATION) for m in pattern.finditer(text)]
    spans += [m.span() for m in _QUOTED_NAME.finditer(text) if not _ENDS_ON_A_FIGURE.search(m.group(0))]
    for end in _DOMAIN_END.finditer(text):
        head = _DOMAIN_START.search(text, max(0, end.start() - 120), end.start())
        if head:
            spans.append((head.start(), end.end()))
    return spans


def find_figures(text: str, blocked: list[tuple[int, int]]) -> Iterator[Figure]:
    """Figures in `text` (half-width digits), skipping anything inside a `blocked` span."""
    text = read_as_digits(text)
    taken = list(blocked)
    found: list[Figure] = []
    # Chained lazily, so that Chinese numerals are read once the Arabic figures are taken: the 萬
    # of 2,332 萬元 is not read again as a figure of its own.
    for figure in itertools.chain(_percent_words(text), _tenths_and_one(text), _arabic(text, blocked), _chinese(text, blocked, taken), _two_of(text, blocked)):
        if not _overlaps(figure.start, figure.end, taken):
            found.append(figure)
            taken.append((figure.start, figure.end))
    found.sort(key=lambda f: f.start)
    yield from (figure for index, figure in enumerate(found) if not _rate_base(text, figure, found[index + 1:index + 2]))


def read_as_digits(text: str) -> str:
    """OCR's letters for digits inside a number read as the digits (one for one, the offsets kept):
    '1,O47 家', '3O.5%', 'l2 萬元' (not COVID-19, IO, the I of 第 I 期)."""
    if not _OCR_LETTER.search(text):
        return text
    return _OCR_NUMBER.sub(_as_digits, text)


def _as_digits(number: re.Match[str]) -> str:
    read = number.group(0).translate(_AS_DIGITS)
    return read if _NUMBER_SHAPE.fullmatch(read) else number.group(0)


_OCR_LETTER = re.compile(r"\d[Oo]|[Oo]\d|,[Oo]|[lI]\d")  # a cheap test first: most text has none
_OCR_NUMBER = re.compile(r"(?<![A-Za-z\d.,])(?=[\dlIOo,.]*\d)(?=[\dlI])[\dlIOo][\d,.Oo]*(?![A-Za-z\d])")
_AS_DIGITS = str.maketrans("OolI", "0011")
_NUMBER_SHAPE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


_PER = re.compile(r"每\s*$")
_BASE_GOES_ON = re.compile(r"[^，。；\n]{0,12}$")


def _rate_base(text: str, figure: Figure, following: list[Figure]) -> bool:
    """'每 10 萬人口死亡率為 8.22 人', '每 10 萬人 71 人': what a rate is per, not a figure of its own."""
    if not _PER.search(text, max(0, figure.start - 2), figure.start) or figure.unit.spec.dimension != "count":
        return False
    if text.startswith("口", figure.end) or not any(char.isdigit() for char in text[figure.start:figure.end]):
        return True  # 每 10 萬人口, 每千支
    return bool(following) and following[0].unit.core == figure.unit.core and _BASE_GOES_ON.match(text, figure.end, following[0].start) is not None


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    # A plain loop: asked for every number, any() over a generator costs twice as much.
    for a, b in spans:  # noqa: SIM110
        if start < b and a < end:
            return True
    return False


def _arabic(text: str, blocked: list[tuple[int, int]]) -> Iterator[Figure]:
    for match in _NUMBER.finditer(text):
        signed = bool(match.group("sign")) and _signed(text, match.start())
        start = match.start("sign") if signed else match.start("num")
        if _overlaps(match.start("num"), match.end(), blocked) or _not_a_quantity(text, start, match.end("num")):
            continue
        figure = _arabic_figure(text, match, start)
        if figure is not None:
            yield figure


def _signed(text: str, position: int) -> bool:
    """A sign belongs to the number in '(-5.4%)' and '年增率為-0.21%', not in '0800-589', '46-1' or 'F-16'."""
    before = text[position - 1] if position else " "
    return not ((before.isascii() and before.isalnum()) or before in _SPAN_ENDS)


_SPAN_ENDS = "年月日季期號條款項"  # '110 年-112 年', '第 46 條-1': a dash after them joins, it is no minus


def _arabic_figure(text: str, match: re.Match[str], start: int) -> Figure | None:
    value = value_of_arabic(match.group("num"))
    if value is None:
        return None
    if match.group("sign") == "-" and start == match.start("sign"):
        value = -value
    mixed = match.group("tail") is not None
    if mixed:
        value = _mixed_value(value, match)
        if value is None:
            return None
    position = _skip_spaces(text, match.end())
    if text.startswith("餘", position):  # 90 餘國: the qualifier reads it as more_than
        position = _skip_spaces(text, position + 1)
    odd = _ODD_SCALE.match(text, position)
    if odd and not mixed:  # 2 萬多項, 3 千餘家: the scale, then 多/餘 (more_than), then the unit
        unit = match_unit(text, odd.end())
        if unit is None or unit.scale:
            return None
        unit = _with_scale(unit, odd.group(1), unit.end)
        return Figure(start, unit.end, value, None, unit, unit.text, mixed) if _unit_fits(text, unit, match, mixed) else None
    high, position, unit = _range_and_unit(text, position)
    if unit is None:
        unit = _shared_unit(text, position)
    if unit is None or not _unit_fits(text, unit, match, mixed):
        return None
    written = unit.core if mixed else unit.text
    return Figure(start, unit.end, value, high, unit, written, mixed)


def _mixed_value(head: float, match: re.Match[str]) -> float | None:
    """The whole of a mixed numeral from its head: 72 萬 3,097; 2,539 億 4,615 萬 7 千; 2 億 3,456 萬 7,890.
    None where the scales do not fall ('2 萬 3 億' is no number)."""
    if scale_of(match.group("tailscale") or "") >= scale_of(match.group("big")):
        return None  # '4 兆 7,321 億元' reads on
    value = combine_mixed(head, match.group("big"), value_of_arabic(match.group("tail")), match.group("tailscale") or "")
    if match.group("tail2") is not None:  # an ARABIC match always reads
        value += (value_of_arabic(match.group("tail2")) or 0.0) * scale_of(match.group("tail2scale") or "")
    return value


def _range_and_unit(text: str, position: int) -> tuple[float | None, int, UnitMatch | None]:
    """After a number: '~10 天', '-3,000 萬元', ' 萬瓩~260 萬瓩', ' 萬元至 2 億元', '元至 3 萬 5,000 元', or
    just the unit."""
    unit = match_unit(text, position)
    after = unit.end if unit else position
    ranged = _RANGE.match(text, after)
    if ranged:
        high = value_of_arabic(ranged.group("num"))
        second = match_unit(text, _skip_spaces(text, ranged.end()))
        if high is not None and second is not None and (unit is None or unit.text == second.text):
            return high, ranged.end(), second
    if unit is not None and ranged:
        return _high_end(text, ranged.start("num"), unit) or (None, position, unit)
    if unit is None and text[position:position + 1] in _SCALES:  # '3.6 萬至 4.2 萬人': the scale said twice, the unit once
        ranged = _RANGE.match(text, position + 1)
        second = match_unit(text, _skip_spaces(text, ranged.end())) if ranged else None
        if ranged and second is not None and second.scale == text[position] and value_of_arabic(ranged.group("num")) is not None:
            return value_of_arabic(ranged.group("num")), ranged.end(), second
    return None, position, unit


_SCALES = frozenset("萬億兆千百")


def _high_end(text: str, start: int, unit: UnitMatch) -> tuple[float, int, UnitMatch] | None:
    """The other end of a range written with its own scale or as a mixed numeral, in the scale of
    the first end's unit: '6 萬元至 2 億元' → 20,000 (萬元); '5,000 元至 3 萬 5,000 元' → 35,000."""
    number = _NUMBER.match(text, start)
    if number is None or number.group("sign"):
        return None
    high = value_of_arabic(number.group("num"))
    if high is not None and number.group("tail") is not None:
        high = None if number.group("tail2") is not None else _mixed_value(high, number)
    if high is None:
        return None
    second = match_unit(text, _skip_spaces(text, number.end()))
    if second is None or second.core != unit.core or (number.group("tail") is not None and second.scale):
        return None
    return high * scale_of(second.scale) / scale_of(unit.scale), number.end(), replace(unit, end=second.end)


_ODD_SCALE = re.compile(r"([萬億千百])\s*[多餘]\s*")
_DAYS_LIMIT = re.compile(r"\s*(?:內|以內|為限|以上|起|後|之)")
_TERM_BEFORE = re.compile(r"(?:最長|最短|為期|延長|縮短|期間|期限|日數|天數|時間|(?<=[日期])前)\s*(?:為|以|至|由|從)?\s*$")  # 投票日前 15 日
_AFTER_A_MONTH = re.compile(r"月\s*$")
_TERM_CHANGED_AFTER = re.compile(r"\s*(?:縮短|延長|減為|降為|降至)")  # '由 14 日縮短為 9 日': a term before its change


_SHARED = re.compile(rf"(?P<scale>[萬億兆千百]?)\s*(?:及|、|和|與)\s*{ARABIC}\s*(?P<scale2>[萬億兆千百]?)\s*")


def _shared_unit(text: str, position: int) -> UnitMatch | None:
    """'334 萬及 382 萬立方公尺': a number whose unit is written once, after the next number."""
    shared = _SHARED.match(text, position)
    if not shared or shared.group("scale") != shared.group("scale2"):
        return None
    unit = match_unit(text, shared.end())
    if unit is None or unit.scale or unit.spec.dimension == "duration":  # not 1、 109 年
        return None
    scale = shared.group("scale")
    return _with_scale(unit, scale, shared.start("scale") + len(scale) if scale else position)


def _with_scale(unit: UnitMatch, scale: str, end: int) -> UnitMatch:
    """`unit` with a scale word written apart from it (334 萬及 382 萬立方公尺, 2 萬多項)."""
    return UnitMatch(scale + unit.core, scale, unit.core, unit.spec, end)


def begins_another_word(unit: str, following: str) -> bool:
    """Whether a unit followed by `following` is really the start of another word: 本國, 4 成長, 口罩."""
    return bool(following) and following in NOT_UNIT_BEFORE.get(unit[-1:], "")


def _unit_fits(text: str, unit: UnitMatch, match: re.Match[str], mixed: bool) -> bool:
    nxt = text[unit.end:unit.end + 1]
    if begins_another_word(unit.core, nxt):
        return False
    if unit.core == "度" and not unit.scale and nxt != "電" and "電" not in text[max(0, match.start() - 8):match.start()]:
        return False  # 度 is kWh only as 萬度/億度/度電 or after 用電 …; else a degree, 年度 …
    if unit.core in ("日", "天") and unit.spec.dimension == "duration" and not _DAYS_LIMIT.match(text[unit.end:unit.end + 3]):
        # 日 counts days only where no date can be meant: past a month's 31 days, or after a term's word
        days = float(value_of_arabic(match.group("num")) or 0)
        # no date is written with a fraction (平均結案日數 52.3 日) or past a month's 31 days
        return (unit.core == "天" or days > 31 or not days.is_integer() or bool(_TERM_BEFORE.search(text, max(0, match.start() - 6), match.start()))
                or (bool(_TERM_CHANGED_AFTER.match(text, unit.end)) and not _AFTER_A_MONTH.search(text, max(0, match.start() - 3), match.start())))
    if unit.core == "名" and text[max(0, match.start() - 2):match.start()].strip().endswith("前"):
        return False
    if unit.core == "對" and text[unit.end:unit.end + 3].lstrip()[:1].isdigit():
        return False  # 1 對 1 單軸式機組: one-to-one, no pairs
    if unit.spec.dimension == "frequency" and _BAND_AFTER.match(text, unit.end):
        return False  # 3.3GHz 頻段: a band's name, not a width of spectrum (100MHz 頻寬)
    return not (mixed and unit.scale)


_TABLE_NUMBER = re.compile(r"(?:^|(?<=[^\u4e00-\u9fff]))[表圖]\s*$")
_BAND_AFTER = re.compile(r"\s*(?:頻段|頻帶|頻譜|頻率)")
_UNIT_BEFORE = re.compile(r"\d\s*(?:cc|kW|MW|GW|kWh|km|ha|%)$")
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
_AMOUNT_AFTER = re.compile(r"\s*(?:[萬億兆千]|億?元|美元|%|kW|MW|GW|公頃|公噸|噸)")
_CODE_AFTER = re.compile(r"-\d")  # 46-1, 7-11
_FORMULA_BEFORE = re.compile(r"[×÷]\s*$|[A-Za-z][\d.]*\s*[<>≤≥≦≧]\s*$")
_RANGE_AFTER = re.compile(rf"-{ARABIC}\s*[萬億兆千]?\s*[^\d\s]")  # 20-30 萬元
# 中華郵政 1 年期定期儲金: a product's name; 83 年次以後出生: a birth cohort
_RECENT_BEFORE = re.compile(r"(?:^|[，。；：,;:\n(（])\s*(?:近|過去|最近)\s*$")
_YEARS_THEN_NOUN = re.compile(r"\s*年(?:來|間)?\s*[\u4e00-\u9fff](?<![內以])")
_ORDINALS_FROM = re.compile(r"第\s*\d{1,3}\s*[至到~～-]\s*$")
_TERM_PRODUCT = re.compile(r"\s*年期\s*(?:定期|定存|公債|債券|存款)|\s*年次")


def _not_a_quantity(text: str, start: int, end: int) -> bool:
    """Ordinals, names and codes: 第 3 條, TCE100, 5G, F-16, COVID-19, 7-11, 46-1, 2020 臺馬…, 1 年期定期儲金."""
    before = text[max(0, start - 3):start]
    if before.rstrip().endswith("第") or before.endswith(("No.", "NO.")) or _TABLE_NUMBER.search(text, max(0, start - 4), start):
        return True  # 第 3 條, 表 1 國防預算用途別比較: an ordinal or a table's number (not 對照表 68 件)
    if _ORDINALS_FROM.search(text, max(0, start - 10), start):
        return True  # '第 3 至 4 年按 6 折計收': the range's end is an ordinal too
    prev = text[start - 1] if start else ""
    glued = prev.isascii() and prev.isalpha() and not _UNIT_BEFORE.search(text[max(0, start - 8):start])
    if glued or prev in ("-", "_", "/", ".", "#"):
        return True
    if _FORMULA_BEFORE.search(text, max(0, start - 6), start):
        return True  # '完成申報家數÷應申報家數×100%': a formula's factor; 'AQI>100 站日數': the class a code's bound defines
    if _TERM_PRODUCT.match(text, end):
        return True
    if _RECENT_BEFORE.search(text, max(0, start - 4), start) and _YEARS_THEN_NOUN.match(text, end):
        return True  # '；近 5 年研發經費年均成長 7.2%': the span a figure covers, not a figure
    if _YEAR_LIKE.fullmatch(text, start, end):
        return not _AMOUNT_AFTER.match(text[end:end + 4])
    nxt = text[end:end + 1]
    if nxt.isascii() and nxt.isalpha() and not match_unit(text, end):
        return True
    return bool(_CODE_AFTER.match(text, end) and not _RANGE_AFTER.match(text[end:end + 12]))


def _skip_spaces(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\u3000":
        position += 1
    return position


_POSITIONAL = re.compile("[十百千萬億兆]")


def _chinese(text: str, blocked: list[tuple[int, int]], taken: list[tuple[int, int]]) -> Iterator[Figure]:
    """Chinese numerals count only with a positional word (十成, 百億元, 三萬人), never 一家 or 三大.
    A numeral whose first character is `taken` by a figure is skipped: any figure read from it would overlap."""
    for match in _CHINESE.finditer(text):
        numeral = match.group(0)
        start, end = match.span()
        if _overlaps(start, end, blocked) or _overlaps(start, start + 1, taken) or text[max(0, start - 1):start] in ("第", "前"):
            continue
        if text[max(0, start - 2):start].rstrip()[-1:].isdigit():
            continue  # the scale word of a number not read as one ('2 萬 3 億元'): no numeral of its own
        if _UNIT_LABEL_OPENS.search(text[max(0, start - 6):start]) and all(char in "十百千萬億兆" for char in numeral):
            continue  # a table's unit label, '資源回收量(萬公噸) 583.6 601.2': a scale, not ten thousand tonnes
        positional = _POSITIONAL.search(numeral)
        assert positional is not None
        # The longest head of the numeral with a positional word in it that reads as a number and has a unit.
        for cut in range(len(numeral), positional.start(), -1):
            value = value_of_chinese(numeral[:cut])
            if value is None:
                continue
            # 兩百餘人, 三十多國: more_than, read by the qualifier ('萬多項' is the tail of '2 萬多項')
            odd = _ODD_AFTER_CHINESE.match(text, start + cut) if numeral[:cut] not in ("萬", "億", "兆") else None
            unit = match_unit(text, odd.end() if odd else start + cut)
            if unit is None or unit.spec.dimension in ("duration",) or not _unit_fits(text, unit, match, False):
                continue
            yield Figure(start, unit.end, value, None, unit, unit.text, False)
            break


_UNIT_LABEL_OPENS = re.compile(r"(?:[(（]|單位\s*[：:]\s*(?:新[臺台]幣)?)$")  # 單位：新臺幣千元
_ODD_AFTER_CHINESE = re.compile(r"\s*[餘多]\s*")


# 兩 alone counts things (兩座, 以補助兩次為限, 兩成): the one Chinese digit read without a positional
# word — 一 (一家 'a firm') and 三 (三大 'the three major') make names and phrases more often than numbers.
_TWO = re.compile(r"(?<![第前])兩(?=\s*(?:座|次|部|艘|架|輛|家|項|件|場|處|臺|台|名|位|成|倍|劑|個|種|年(?![度級])|週|天))")


# A lone digit before 成 counts tenths too ('遊客近三成'): 成 after a digit makes no other word here
# but 成長, 成立, 成員…; 一成 is left to the idiom 一成不變, and 八點五成 to no reading.
_TENTHS = re.compile(r"(?<![第前點点〇零一二三四五六七八九十百千萬兩])[三四五六七八九](?=成(?![長立員功本果效為交])(?!\s*[半一二三四五六七八九]))")


# '準確率九成八', '三成半': tenths and the hundredth (or half a tenth) after them, 98% and 35%
_TENTHS_AND_ONE = re.compile(r"(?<![第前點点〇零一二三四五六七八九十百千萬兩])([一二三四五六七八九])成([一二三四五六七八九半])(?![\u4e00-\u9fff]?[成分])")


# '租金為市場租金之六至八成': a range of tenths, written with its unit once
_TENTHS_RANGE = re.compile(r"(?<![第前點点〇零一二三四五六七八九十百千萬兩])([一二三四五六七八九])\s*[至到~～]\s*([二三四五六七八九十])(?=成(?![長立員功本果效為交]))")


def _two_of(text: str, blocked: list[tuple[int, int]]) -> Iterator[Figure]:
    for match in _TENTHS_RANGE.finditer(text):
        unit = match_unit(text, match.end())
        low, high = value_of_chinese(match.group(1)), value_of_chinese(match.group(2))
        if unit is not None and low and high and low < high and not _overlaps(match.start(), unit.end, blocked):
            yield Figure(match.start(), unit.end, float(low), float(high), unit, unit.text, False)
    for match in _TENTHS_AND_ONE.finditer(text):
        unit = match_unit(text, match.start(2) - 1)
        tenths, hundredths = value_of_chinese(match.group(1)), 5 if match.group(2) == "半" else value_of_chinese(match.group(2))
        if unit is not None and tenths and hundredths and not _overlaps(match.start(), match.end(), blocked):
            yield Figure(match.start(), match.end(), tenths + hundredths / 10, None, unit, unit.text, False)
    for match in _TENTHS.finditer(text):
        unit = match_unit(text, match.end())
        if unit is not None and not _overlaps(match.start(), unit.end, blocked):
            yield Figure(match.start(), unit.end, float(value_of_chinese(match.group(0)) or 0), None, unit, unit.text, False)
    for match in _TWO.finditer(text):
        unit = match_unit(text, _skip_spaces(text, match.end()))
        if unit is not None and not unit.scale and not _overlaps(match.start(), unit.end, blocked) and _unit_fits(text, unit, match, False):
            yield Figure(match.start(), unit.end, 2.0, None, unit, unit.text, False)


# '占其用電量 1 成 5': tenths and a hundredth in Arabic digits, 15%
_ARABIC_TENTHS_AND_ONE = re.compile(r"(?<![\d.,])(\d)\s*成\s*([1-9])(?![\d.,%％])(?!\s*(?:成|分|[萬億千百]|[\u4e00-\u9fff]?[家人件項次元]))")


def _tenths_and_one(text: str) -> Iterator[Figure]:
    for match in _ARABIC_TENTHS_AND_ONE.finditer(text):
        unit = match_unit(text, text.index("成", match.start(1)))
        if unit is not None:
            yield Figure(match.start(), match.end(), int(match.group(1)) + int(match.group(2)) / 10, None, unit, unit.text, False)


def _percent_words(text: str) -> Iterator[Figure]:
    for match in _PERCENT_WORDS.finditer(text):
        token = match.group("pct")
        value = value_of_arabic(token) if token[0].isdigit() else value_of_chinese(token)
        if value is not None:
            sign = "%" if match.group("per") == "百分之" else "‰"  # 千分之 7.01: per mille
            unit = match_unit(sign, 0)
            assert unit is not None
            yield Figure(match.start(), match.end(), value, None, UnitMatch(sign, "", sign, unit.spec, match.end()), sign, False)
