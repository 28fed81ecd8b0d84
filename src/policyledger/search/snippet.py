"""The passage shown for a hit: the original text around the matches, the matches marked.

Matching happens on folded units (see `terms`); folding keeps offsets, so every match found
there is a span of the original text, which is what is shown — 臺灣 stays 臺灣 when the user
typed 台湾. The window is the one that shows the most distinct terms, earliest first.
"""

from __future__ import annotations

from dataclasses import dataclass

from policyledger.search.terms import unit_offsets
from policyledger.textnorm import fold

WIDTH = 120  # characters of the original text in a snippet
LEAD = 30  # characters shown before the first match in the window
ELLIPSIS = "…"
MAX_SPANS = 200  # occurrences looked at per term: enough to place a window, bounded for huge items


@dataclass(frozen=True)
class Snippet:
    text: str
    highlights: list[tuple[int, int]]  # [start, end) offsets into `text`
    first: int  # offset in the item's text where the first shown match starts
    last: int  # offset in the item's text of the last shown match's last character


def match_spans(text: str, terms: list[str]) -> list[tuple[int, int, int]]:
    """The occurrences of every term in `text` (the first MAX_SPANS of each), as (start, end,
    term index) over the original characters, in text order. A match may span spaces or
    punctuation the units skip."""
    folded = fold(text)
    offsets = unit_offsets(folded)
    item_units = "".join(folded[offset] for offset in offsets)
    spans: list[tuple[int, int, int]] = []
    for index, term in enumerate(terms):
        at = item_units.find(term)
        for _ in range(MAX_SPANS):
            if at < 0:
                break
            spans.append((offsets[at], offsets[at + len(term) - 1] + 1, index))
            at = item_units.find(term, at + len(term))
    return sorted(spans)


def make_snippet(text: str, terms: list[str]) -> Snippet:
    spans = match_spans(text, terms)
    if not spans:
        return Snippet(_flat(text[:WIDTH]) + (ELLIPSIS if len(text) > WIDTH else ""), [], 0, 0)
    start, end = _best_window(spans, len(text))
    shown = [(max(a, start), min(b, end)) for a, b, _ in spans if a < end and b > start]
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(text) else ""
    shift = len(prefix) - start
    highlights = _merge([(a + shift, b + shift) for a, b in shown])
    return Snippet(prefix + _flat(text[start:end]) + suffix, highlights, shown[0][0], shown[-1][1] - 1)


def _best_window(spans: list[tuple[int, int, int]], length: int) -> tuple[int, int]:
    """[start, end) of the window, WIDTH long, that shows the most distinct terms."""
    best: tuple[int, int] | None = None
    best_count = -1
    for anchor, _, _ in spans:
        start = max(0, anchor - LEAD)
        end = min(length, start + WIDTH)
        start = max(0, end - WIDTH)
        count = len({index for a, b, index in spans if a >= start and b <= end})
        if count > best_count:
            best, best_count = (start, end), count
    assert best is not None
    return best


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _flat(text: str) -> str:
    """One line: the item's paragraph breaks become spaces (same length, offsets kept)."""
    return text.replace("\n", " ").replace("\r", " ").replace("\t", " ")
