"""Numbers as Taiwanese reports write them: 17,797 / 1302.4 / 2,332 萬 / 72 萬 3,097 /
1萬0,677 / 1 億 2,545.6 萬 / 五千萬 / 百億 / 百分之三十 / 一一○ / 兩百.

`value_of_chinese` and `value_of_arabic` turn a numeral into a float; `scale_of` gives the
multiplier of a scale word (萬 1e4, 億 1e8, 兆 1e12, 千萬 1e7 …).
"""

from __future__ import annotations

import re

CHINESE_DIGITS = {"零": 0, "〇": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "兩": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"萬": 10**4, "万": 10**4, "億": 10**8, "亿": 10**8, "兆": 10**12}
CHINESE_NUMERAL_CHARS = "".join(CHINESE_DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)
_POINT = "點点"

ARABIC = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_ARABIC_RE = re.compile(rf"^[+-]?{ARABIC}$")


def value_of_arabic(text: str) -> float | None:
    """'17,797' → 17797.0; '-5.4' → -5.4; anything else → None."""
    cleaned = text.replace(" ", "")
    if not _ARABIC_RE.match(cleaned):
        return None
    return float(cleaned.replace(",", ""))


def scale_of(word: str) -> float:
    """Multiplier of a scale word as it stands before a unit: '萬' 1e4, '千萬' 1e7, '' 1."""
    value = 1.0
    for char in word:
        if char in BIG_UNITS:
            value *= BIG_UNITS[char]
        elif char in SMALL_UNITS:
            value *= SMALL_UNITS[char]
        else:
            raise ValueError(f"not a scale word: {word!r}")
    return value


def value_of_chinese(text: str) -> float | None:
    """A Chinese numeral: 三十 30, 一百二十三萬四千 1234000, 百 100, 兩千 2000, 一一○ 110,
    三點五 3.5. None when `text` is not a well-formed numeral."""
    if not text or any(char not in CHINESE_NUMERAL_CHARS + _POINT for char in text):
        return None
    if any(char in _POINT for char in text):
        whole, _, fraction = re.split(f"([{_POINT}])", text, maxsplit=1)
        integer = value_of_chinese(whole) if whole else 0.0
        if integer is None or not fraction or any(char not in CHINESE_DIGITS for char in fraction):
            return None
        return integer + float("0." + "".join(str(CHINESE_DIGITS[c]) for c in fraction))
    if all(char in CHINESE_DIGITS for char in text):
        # Positional digits: 一一○ = 110, 二○二○ = 2020.
        return float("".join(str(CHINESE_DIGITS[char]) for char in text))
    return _chinese_with_units(text)


def _chinese_with_units(text: str) -> float | None:
    total = 0.0  # finished sections above the current big unit
    section = 0.0  # the part below the current big unit (below 萬)
    digit: float | None = None
    last_big = float("inf")
    for char in text:
        if char in CHINESE_DIGITS:
            if digit:
                return None  # two digits in a row without a unit: not a numeral
            digit = CHINESE_DIGITS[char]
        elif char in SMALL_UNITS:
            section += (digit if digit is not None else 1) * SMALL_UNITS[char]
            digit = None
        else:
            big = BIG_UNITS[char]
            if big >= last_big:
                return None
            section += digit or 0
            total += (section or 1) * big
            section, digit, last_big = 0.0, None, big
    return total + section + (digit or 0)


def combine_mixed(head: float, big_word: str, tail: float | None, tail_word: str = "") -> float:
    """72 萬 3,097 → 723097; 1 億 2,545.6 萬 → 125456000; 57.3 萬 (no tail) → 573000."""
    value = head * scale_of(big_word)
    if tail is not None:
        value += tail * (scale_of(tail_word) if tail_word else 1.0)
    return value
