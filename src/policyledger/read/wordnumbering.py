"""Word's list numbering, written out as the text Word would show ("壹、", "（一）", "1.").

A Word paragraph does not contain its number: it names a list (w:numId) and a level (w:ilvl),
and word/numbering.xml says how that level counts (w:numFmt, e.g. ideographLegalTraditional)
and how the number is written (w:lvlText, e.g. "（%3）"). The outline grammar reads numbers
from the text, so the DOCX reader asks `ListNumbering.label` for each numbered paragraph and
puts the label in front of the paragraph's text.

Counting follows Word: lists that share an abstract definition continue each other's numbers
unless a list restarts a level (w:startOverride); a level restarts after a shallower level
(unless w:lvlRestart says otherwise).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LEVELS = 9

_LEGAL_TRADITIONAL = "壹貳參肆伍陸柒捌玖"
_LEGAL_SIMPLIFIED = "壹贰叁肆伍陆柒捌玖"
_COUNTING = "一二三四五六七八九"
_DIGITAL = "〇一二三四五六七八九"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


# --- number formats (ECMA-376 ST_NumberFormat) ------------------------------------------------


def format_number(value: int, number_format: str) -> str:
    """`value` written in a w:numFmt; unknown formats fall back to decimal, as Word does."""
    if number_format == "none":
        return ""
    formatter = _FORMATTERS.get(number_format)
    text = formatter(value) if formatter and value > 0 else None
    return text if text is not None else str(value)


def _letters(value: int, first: str) -> str:
    """A … Z, AA … ZZ, AAA …: Word repeats the letter."""
    return chr(ord(first) + (value - 1) % 26) * ((value - 1) // 26 + 1)


def _roman(value: int) -> str | None:
    if value >= 4000:
        return None
    numerals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = []
    for amount, numeral in numerals:
        count, value = divmod(value, amount)
        out.append(numeral * count)
    return "".join(out)


def _counting(value: int, digits: str = _COUNTING, ten: str = "十", hundred: str = "百", thousand: str = "千", one_ten: bool = False) -> str | None:
    """Chinese counting numbers: 十, 十一, 二十, 一百零五, 一千二百. `one_ten` writes 10 as 一十."""
    if value >= 10_000:
        return None
    parts: list[str] = []
    units = ((1000, thousand), (100, hundred), (10, ten), (1, ""))
    zero_pending = False
    for amount, unit in units:
        digit, value = divmod(value, amount)
        if digit == 0:
            zero_pending = bool(parts)
            continue
        if zero_pending:
            parts.append("零")
            zero_pending = False
        leading_ten = amount == 10 and digit == 1 and not parts and not one_ten
        parts.append(("" if leading_ten else digits[digit - 1]) + unit)
    return "".join(parts)


def _cycle(alphabet: str) -> Callable[[int], str | None]:
    return lambda value: alphabet[value - 1] if value <= len(alphabet) else None


_FORMATTERS: dict[str, Callable[[int], str | None]] = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": lambda value: f"{value:02d}",
    "decimalFullWidth": lambda value: str(value).translate(_FULLWIDTH),
    "decimalFullWidth2": lambda value: str(value).translate(_FULLWIDTH),
    "upperLetter": lambda value: _letters(value, "A"),
    "lowerLetter": lambda value: _letters(value, "a"),
    "upperRoman": _roman,
    "lowerRoman": lambda value: (_roman(value) or "").lower() or None,
    "ordinal": str,
    "cardinalText": str,
    "decimalEnclosedCircle": lambda value: chr(0x2460 + value - 1) if value <= 20 else None,
    "decimalEnclosedCircleChinese": lambda value: chr(0x2460 + value - 1) if value <= 20 else None,
    "decimalEnclosedParen": lambda value: chr(0x2474 + value - 1) if value <= 20 else None,
    "decimalEnclosedFullstop": lambda value: chr(0x2488 + value - 1) if value <= 20 else None,
    "ideographEnclosedCircle": lambda value: chr(0x3280 + value - 1) if value <= 10 else None,
    "ideographDigital": lambda value: "".join(_DIGITAL[int(d)] for d in str(value)),
    "taiwaneseDigital": lambda value: "".join(_DIGITAL[int(d)] for d in str(value)),
    "chineseCounting": _counting,
    "chineseCountingThousand": _counting,
    "taiwaneseCounting": _counting,
    "taiwaneseCountingThousand": _counting,
    "japaneseCounting": _counting,
    "ideographLegalTraditional": lambda value: _counting(value, _LEGAL_TRADITIONAL, "拾", "佰", "仟", one_ten=True),
    "chineseLegalSimplified": lambda value: _counting(value, _LEGAL_SIMPLIFIED, "拾", "佰", "仟", one_ten=True),
    "ideographTraditional": _cycle(_STEMS),
    "ideographZodiac": _cycle(_BRANCHES),
}


# --- definitions read from numbering.xml ------------------------------------------------------


@dataclass(frozen=True)
class Level:
    start: int = 1
    number_format: str = "decimal"
    text: str = "%1."  # w:lvlText, with %1 … %9 standing for the numbers of levels 0 … 8
    restart: int | None = None  # w:lvlRestart: None = after any shallower level, 0 = never
    legal: bool = False  # w:isLgl: every number in decimal
    suffix: str = " "  # what separates the label from the text (Word's tab, space or nothing)
    style: str | None = None  # w:pStyle: the paragraph style this level is linked to


@dataclass
class _List:
    """One w:num: an abstract definition, with the levels it overrides."""

    abstract: str
    starts: dict[int, int] = field(default_factory=dict)  # w:startOverride per level
    levels: dict[int, Level] = field(default_factory=dict)  # w:lvlOverride/w:lvl


def _number(element: etree._Element | None, default: int | None = None) -> int | None:
    if element is None:
        return default
    value = element.get(f"{W}val")
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _level(element: etree._Element) -> Level:
    def child(tag: str) -> etree._Element | None:
        return element.find(f"{W}{tag}")

    number_format = child("numFmt")
    text = child("lvlText")
    suffix = child("suff")
    legal = child("isLgl")
    style = child("pStyle")
    return Level(
        start=_number(child("start"), 1) or 0,
        number_format=number_format.get(f"{W}val", "decimal") if number_format is not None else "decimal",
        text=text.get(f"{W}val", "") if text is not None else "",
        restart=_number(child("lvlRestart")),
        legal=legal is not None and legal.get(f"{W}val", "true") not in ("0", "false", "off"),
        suffix={"nothing": "", "space": " "}.get(suffix.get(f"{W}val", "tab") if suffix is not None else "tab", " "),
        style=style.get(f"{W}val") if style is not None else None,
    )


def _levels(abstract: etree._Element) -> dict[int, Level]:
    levels = {}
    for element in abstract.findall(f"{W}lvl"):
        ilvl = _number_attr(element, "ilvl")
        if ilvl is not None and 0 <= ilvl < _LEVELS:
            levels[ilvl] = _level(element)
    return levels


def _number_attr(element: etree._Element, name: str) -> int | None:
    value = element.get(f"{W}{name}")
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


_PLACEHOLDER = re.compile(r"%([1-9])")


class ListNumbering:
    """Counts Word's numbered paragraphs in document order and writes their labels."""

    def __init__(self, numbering: etree._Element | None, style_lists: dict[str, tuple[str, int | None]] | None = None) -> None:
        self._abstracts: dict[str, dict[int, Level]] = {}
        self._links: dict[str, str] = {}  # abstract with w:numStyleLink -> style id
        self._lists: dict[str, _List] = {}
        self._style_lists = style_lists or {}  # style id -> (numId, ilvl) from styles.xml
        self._counters: dict[str, list[int | None]] = {}
        self._used: set[str] = set()
        if numbering is not None:
            self._read(numbering)

    def _read(self, numbering: etree._Element) -> None:
        for abstract in numbering.findall(f"{W}abstractNum"):
            key = abstract.get(f"{W}abstractNumId")
            if key is None:
                continue
            self._abstracts[key] = _levels(abstract)
            link = abstract.find(f"{W}numStyleLink")
            if link is not None and link.get(f"{W}val"):
                self._links[key] = link.get(f"{W}val", "")
        for num in numbering.findall(f"{W}num"):
            key, abstract = num.get(f"{W}numId"), num.find(f"{W}abstractNumId")
            if key is None or abstract is None or abstract.get(f"{W}val") is None:
                continue
            entry = _List(abstract.get(f"{W}val", ""))
            for override in num.findall(f"{W}lvlOverride"):
                ilvl = _number_attr(override, "ilvl")
                if ilvl is None or not 0 <= ilvl < _LEVELS:
                    continue
                start = _number(override.find(f"{W}startOverride"))
                if start is not None:
                    entry.starts[ilvl] = start
                level = override.find(f"{W}lvl")
                if level is not None:
                    entry.levels[ilvl] = _level(level)
            self._lists[key] = entry

    def level_for_style(self, num_id: str, style_id: str | None) -> int:
        """The level of a list linked to a paragraph style (w:lvl/w:pStyle), else 0."""
        levels = self._definition(num_id)
        for ilvl, level in levels.items():
            if style_id and level.style == style_id:
                return ilvl
        return 0

    def label(self, num_id: str, ilvl: int) -> str | None:
        """The label of the next paragraph of list `num_id` at level `ilvl` ("壹、 "), with its
        separator; None for no list, a bullet, or a level without text."""
        entry = self._lists.get(num_id)
        if entry is None or not 0 <= ilvl < _LEVELS:
            return None
        levels = self._definition(num_id)
        level = levels.get(ilvl)
        if level is None or level.number_format == "bullet" or not level.text:
            return None
        counters = self._count(num_id, entry, levels, ilvl)
        text = _PLACEHOLDER.sub(lambda match: self._written(int(match.group(1)) - 1, counters, levels, level.legal), level.text)
        return text + level.suffix if text.strip() else None

    def _definition(self, num_id: str) -> dict[int, Level]:
        entry = self._lists.get(num_id)
        if entry is None:
            return {}
        abstract = self._resolve(entry.abstract)
        levels = dict(self._abstracts.get(abstract, {}))
        levels.update(entry.levels)
        return levels

    def _resolve(self, abstract: str) -> str:
        """Follow w:numStyleLink (a list defined through a numbering style) one hop."""
        style = self._links.get(abstract)
        linked = self._style_lists.get(style) if style else None
        if linked and linked[0] in self._lists:
            return self._lists[linked[0]].abstract
        return abstract

    def _count(self, num_id: str, entry: _List, levels: dict[int, Level], ilvl: int) -> list[int | None]:
        key = self._resolve(entry.abstract)
        counters = self._counters.setdefault(key, [None] * _LEVELS)
        if num_id not in self._used:
            self._used.add(num_id)
            for level, start in entry.starts.items():
                counters[level] = start - 1
        current = counters[ilvl]
        counters[ilvl] = (levels[ilvl].start if current is None else current + 1)
        for deeper in range(ilvl + 1, _LEVELS):
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart > 0 and ilvl <= restart - 1):
                counters[deeper] = None
        return counters

    @staticmethod
    def _written(ilvl: int, counters: list[int | None], levels: dict[int, Level], legal: bool) -> str:
        level = levels.get(ilvl, Level())
        value = counters[ilvl] if counters[ilvl] is not None else level.start
        return format_number(value, "decimal" if legal else level.number_format)


# --- heading styles without numbering ---------------------------------------------------------

# The grammar's families from the top down: what a heading of level N is numbered with.
_HEADING_LABELS = (
    "ideographLegalTraditional:%1、",
    "taiwaneseCountingThousand:%1、",
    "taiwaneseCountingThousand:（%1）",
    "decimal:%1、",
    "decimal:(%1) ",
    "upperLetter:%1. ",
    "lowerLetter:%1. ",
    "decimalEnclosedCircle:%1 ",
)


class HeadingNumbering:
    """Numbers for headings that have a heading style but no list: 壹、 一、 （一） 1、 (1) A. by level."""

    def __init__(self) -> None:
        self._counters = [0] * len(_HEADING_LABELS)

    def label(self, level: int) -> str | None:
        """The label of the next heading of `level` (1-based); None beyond the grammar's depth."""
        if not 1 <= level <= len(_HEADING_LABELS):
            return None
        self._counters[level - 1] += 1
        for deeper in range(level, len(self._counters)):
            self._counters[deeper] = 0
        number_format, _, text = _HEADING_LABELS[level - 1].partition(":")
        return text.replace("%1", format_number(self._counters[level - 1], number_format))
