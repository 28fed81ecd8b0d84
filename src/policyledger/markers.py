"""The numbering grammar of Taiwanese government reports: 壹、 一、 （一） 1、 (1) A. …

A marker belongs to a family; the family's rank is its conventional level (壹 1 … A. 6).
Where a family sits in a given report's tree is decided by the outline builder from the
order in which families appear, not by this table.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_FORMAL_DIGITS = {"壹": 1, "貳": 2, "贰": 2, "參": 3, "参": 3, "叁": 3, "肆": 4, "伍": 5, "陸": 6, "柒": 7, "捌": 8, "玖": 9}
_PLAIN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_FORMAL_CANON = "壹貳參肆伍陸柒捌玖"
_PLAIN_CANON = "一二三四五六七八九"
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_STEMS = "甲乙丙丁戊己庚辛壬癸"  # the heavenly stems, an ordinal series: 甲、乙、丙、


@dataclass(frozen=True)
class Family:
    name: str
    rank: int
    pattern: re.Pattern[str]


FAMILIES: tuple[Family, ...] = (
    Family("formal", 1, re.compile(r"([壹貳贰參参叁肆伍陸柒捌玖拾]{1,3})\s*、")),
    Family("plain", 2, re.compile(r"([一二三四五六七八九十]{1,3})\s*、")),
    # Word's numbering writes (一) and (1) as one character each: ㈠, ⑴
    Family("paren_plain", 3, re.compile(r"[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]|([㈠-㈩])")),
    # 1、 and 1. are twins of one rank: a report may write either, or nest 1. under 1、
    Family("arabic", 4, re.compile(r"([0-9０-９]{1,2})\s*、")),
    Family("arabic_dot", 4, re.compile(r"([0-9０-９]{1,2})\s*[.．](?![0-9０-９])")),
    Family("paren_arabic", 5, re.compile(r"[（(]\s*([0-9０-９]{1,2})\s*[）)]|([⑴-⒇])")),
    # A. or A、 (and 'A.' alone on its line, its title on the next)
    Family("upper", 6, re.compile(r"([A-ZＡ-Ｚ])\s*(?:[.．](?=\s|[^\x00-\x7f]|$)|、(?![A-Za-z]))")),
    Family("lower", 7, re.compile(r"([a-zａ-ｚ])\s*[.．](?=\s|[^\x00-\x7f]|$)")),
    Family("stem", 7, re.compile(rf"([{_STEMS}])\s*、(?![{_STEMS}])")),  # 甲、乙、 (not a list 甲、乙兩案)
    Family("circled", 8, re.compile(r"([①-⑳])")),
)
FAMILY_BY_NAME = {family.name: family for family in FAMILIES}
TWINS = {"arabic": "arabic_dot", "arabic_dot": "arabic"}  # one level written two ways


@dataclass(frozen=True)
class Marker:
    family: str
    rank: int
    value: int
    raw: str  # as written, e.g. "（一）"
    canonical: str  # e.g. "(一)"
    rest: str  # the text after the marker, leading spaces removed


def chinese_ordinal(text: str) -> int | None:
    """Value of a small Chinese numeral as used in markers: 一…九十九, 壹…玖拾玖."""
    digits = {**_FORMAL_DIGITS, **_PLAIN_DIGITS}
    if not text:
        return None
    if "十" in text or "拾" in text:
        tens_char = "十" if "十" in text else "拾"
        tens, _, units = text.partition(tens_char)
        if (tens and tens not in digits) or (units and units not in digits):
            return None
        return (digits[tens] if tens else 1) * 10 + (digits[units] if units else 0)
    if len(text) == 1 and text in digits:
        return digits[text]
    return None


def _canonical_chinese(value: int, alphabet: str, ten: str) -> str:
    tens, units = divmod(value, 10)
    head = "" if tens == 0 else (ten if tens == 1 else alphabet[tens - 1] + ten)
    return head + (alphabet[units - 1] if units else "")


def _value_and_canonical(family: str, token: str) -> tuple[int, str] | None:
    if family in ("paren_plain", "paren_arabic") and unicodedata.normalize("NFKC", token).startswith("("):
        token = unicodedata.normalize("NFKC", token).strip("()")  # ㈠ → 一, ⑴ → 1
    if family in ("formal", "plain", "paren_plain"):
        value = chinese_ordinal(token)
        if value is None or value == 0:
            return None
        if family == "formal":
            return value, _canonical_chinese(value, _FORMAL_CANON, "拾")
        canonical = _canonical_chinese(value, _PLAIN_CANON, "十")
        return value, f"({canonical})" if family == "paren_plain" else canonical
    if family in ("arabic", "arabic_dot", "paren_arabic"):
        value = int(token.translate(_FULLWIDTH_DIGITS))
        if value == 0:
            return None
        return value, f"({value})" if family == "paren_arabic" else str(value)
    if family in ("upper", "lower"):
        letter = unicodedata.normalize("NFKC", token)  # Ａ. as A.
        return ord(letter) - ord("A" if family == "upper" else "a") + 1, letter
    if family == "circled":
        return ord(token) - ord("①") + 1, token
    if family == "stem":
        return _STEMS.index(token) + 1, token
    return None


def parse_marker(line: str) -> Marker | None:
    """The marker that opens `line` (leading spaces ignored), or None."""
    text = line.lstrip(" \t\u3000")
    for family in FAMILIES:
        match = family.pattern.match(text)
        if not match:
            continue
        parsed = _value_and_canonical(family.name, next(group for group in match.groups() if group))
        if parsed is None:
            return None
        value, canonical = parsed
        rest = text[match.end():].lstrip(" \t\u3000")
        return Marker(family.name, family.rank, value, match.group(0).strip(), canonical, rest)
    return None


def canonical_marker_text(family: str, value: int) -> str:
    """The marker as canonical Markdown export writes it, e.g. '壹、', '(一)', '1、', 'A.'."""
    parsed = _value_and_canonical(family, _token_for(family, value))
    canonical = parsed[1] if parsed else str(value)
    if family in ("formal", "plain", "arabic", "stem"):
        return canonical + "、"
    if family in ("upper", "lower", "arabic_dot"):
        return canonical + "."
    return canonical


def _token_for(family: str, value: int) -> str:
    if family == "formal":
        return _canonical_chinese(value, _FORMAL_CANON, "拾")
    if family in ("plain", "paren_plain"):
        return _canonical_chinese(value, _PLAIN_CANON, "十")
    if family == "upper":
        return chr(ord("A") + value - 1)
    if family == "lower":
        return chr(ord("a") + value - 1)
    if family == "circled":
        return chr(ord("①") + value - 1)
    if family == "stem" and value <= len(_STEMS):
        return _STEMS[value - 1]
    return str(value)


_PATH_PART_IN_BRACKETS = re.compile(r"^\(\s*(.+?)\s*\)$")


def canonical_path(text: str) -> str:
    """An outline path as a user may type it, written as paths are stored: 壹／二／（一） is
    壹/二/(一), 参 is 參, ２ is 2. Parts that are no marker are kept as typed."""
    parts = [part.strip() for part in unicodedata.normalize("NFKC", text).split("/")]
    return "/".join(_canonical_part(part) for part in parts if part)


def _canonical_part(part: str) -> str:
    bracketed = _PATH_PART_IN_BRACKETS.match(part)
    inner = bracketed.group(1) if bracketed else part
    if inner.isdigit():
        return f"({int(inner)})" if bracketed else str(int(inner))
    value = chinese_ordinal(inner)
    if value is None or value == 0:
        return part
    if bracketed:
        return f"({_canonical_chinese(value, _PLAIN_CANON, '十')})"
    formal = any(char in _FORMAL_DIGITS or char == "拾" for char in inner)
    return _canonical_chinese(value, _FORMAL_CANON, "拾") if formal else _canonical_chinese(value, _PLAIN_CANON, "十")


def first_sibling_marker(marker: str) -> str | None:
    """The canonical marker of the first item of `marker`'s family ('3、' → '1', '（三）' → '(一)'),
    or None when `marker` is that first item or no marker at all."""
    parsed = parse_marker(marker + " ")
    if parsed is None or parsed.value == 1:
        return None
    first = _value_and_canonical(parsed.family, _token_for(parsed.family, 1))
    return first[1] if first else None
