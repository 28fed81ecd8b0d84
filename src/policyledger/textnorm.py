"""Folding text for matching: never for display.

`fold` maps the forms a reader treats as the same to one key: full- and half-width (NFKC),
Traditional and Simplified characters (OpenCC's character table, Traditional → Simplified,
which is many-to-one: 臺/台 → 台, 發/髮 → 发), and letter case. It keeps the length of
the text (one character in, one out) so offsets found in folded text point into the original.
"""

from __future__ import annotations

import re
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
    folded = normalized.translate(_table()).lower()
    return folded if len(folded) == 1 else normalized  # "İ".lower() is two characters


def compact(text: str) -> str:
    """`text` without its whitespace: what re.sub(r"\\s+", "", text) gives, three times faster."""
    return "".join(text.split())


def fold(text: str) -> str:
    """One key for 臺灣/台灣/台湾/ＴＡＩＷＡＮ-style variants; same length as `text`."""
    return text.translate(_FOLDED)


class _FoldTable(dict[int, str]):
    """str.translate's table, filled as characters are met (translate runs in C: 4x faster
    than folding character by character in Python, which matters when indexing)."""

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        if len(self) < 200_000:  # bounded, whatever text comes in
            self[code] = folded
        return folded


_FOLDED = _FoldTable()


def to_halfwidth_digits(text: str) -> str:
    """Full-width digits and signs to ASCII, keeping every other character as it is — and the
    full-width comma a text in full-width digits separates thousands with (３６ 萬 ８，４５２ 人),
    which elsewhere parts clauses."""
    return _THOUSANDS_COMMA.sub(",", text.translate(_HALFWIDTH))


_HALFWIDTH = str.maketrans("０１２３４５６７８９．％＋－～", "0123456789.%+-~")
_THOUSANDS_COMMA = re.compile(r"(?<=\d)，(?=\d{3}(?![\d.]))")
