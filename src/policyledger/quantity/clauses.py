"""Where an item's text breaks into clauses and sentences, found once per item and looked up by
bisection for each of its figures; and the two small text helpers every reading uses."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from policyledger.quantity.figures import Figure

CLAUSE_BREAK = re.compile(r"[，。；：;:！？!?\n]|,(?!\d)")
SENTENCE_BREAK = re.compile(r"[。！？!?\n]")
_LINE_BREAK = re.compile(r"\s*\n\s*")


def joined_lines(text: str) -> str:
    return _LINE_BREAK.sub("", text) if "\n" in text else text


def clause_span(text: str, figure: Figure) -> tuple[int, int]:
    breaks = _clause_breaks(text)
    before = bisect_left(breaks, figure.start)
    start = breaks[before - 1] + 1 if before else 0
    if text[figure.start - 1:figure.start] == ",":
        start = figure.start  # a comma right before the figure ends a clause even before a digit (1,23 家)
    after = bisect_left(breaks, figure.end)
    return start, breaks[after] if after < len(breaks) else len(text)


# Where clauses and sentences of an item's text break (each break one character): found once per
# item and looked up by bisection for each of its figures, instead of scanning the text for each.
@lru_cache(maxsize=4)
def _clause_breaks(text: str) -> list[int]:
    return [match.start() for match in CLAUSE_BREAK.finditer(text)]


@lru_cache(maxsize=4)
def _sentence_breaks(text: str) -> list[int]:
    return [match.start() for match in SENTENCE_BREAK.finditer(text)]


def start_of_sentence(text: str, position: int) -> int:
    breaks = _sentence_breaks(text)
    before = bisect_left(breaks, position)
    return breaks[before - 1] + 1 if before else 0


def end_of_sentence(text: str, position: int) -> int:
    breaks = _sentence_breaks(text)
    after = bisect_left(breaks, position)
    return breaks[after] if after < len(breaks) else len(text)
