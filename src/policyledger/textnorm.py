"""Folding text for matching: never for display.

`fold` maps the forms a reader treats as the same to one key: full- and half-width (NFKC),
Traditional and Simplified characters (OpenCC's character table, Traditional → Simplified,
which is many-to-one: 臺/台 → 台, 發/髮 → 发), and letter case. It keeps the length of
the text (one character in, one out) so offsets found in folded text point into the original.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    text = resources.files("opencc").joinpath("dictionary/TSCharacters.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        source, _, targets = line.partition("\t")
        target = targets.split(" ")[0] if targets else ""
        if len(source) == 1 and len(target) == 1:
            table[ord(source)] = target
    return table


def fold_char(char: str) -> str:
    normalized = unicodedata.normalize("NFKC", char)
    if len(normalized) != 1:
        normalized = char
    return normalized.translate(_table()).lower()


def fold(text: str) -> str:
    """One key for 臺灣/台灣/台湾/ＴＡＩＷＡＮ-style variants; same length as `text`."""
    return "".join(_fold_cached(char) for char in text)


@lru_cache(maxsize=65536)
def _fold_cached(char: str) -> str:
    return fold_char(char)


def to_halfwidth_digits(text: str) -> str:
    """Full-width digits and signs to ASCII, keeping every other character as it is."""
    return text.translate(_HALFWIDTH)


_HALFWIDTH = str.maketrans("０１２３４５６７８９．％＋－～", "0123456789.%+-~")
