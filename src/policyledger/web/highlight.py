"""Report text cut into escaped pieces, with the figures (claims) and search hits marked.

The source text is never trusted: every piece is escaped on its own and only the markup
added here is raw. Offsets come from the pipeline (Claim.start/end into its node's text) or
from search (highlights into a snippet); ones that do not fit the text are ignored rather
than allowed to cut it wrongly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from markupsafe import Markup, escape

T = TypeVar("T")


@dataclass(frozen=True)
class Piece(Generic[T]):
    """A run of text; `mark` is the claim (or other object) it shows, None for plain text."""

    text: str
    mark: T | None = None


def pieces(text: str, spans: Sequence[tuple[int, int, T]]) -> list[Piece[T]]:
    """Split `text` at the spans (start, end, mark); overlapping or out-of-range spans are skipped."""
    result: list[Piece[T]] = []
    cursor = 0
    for start, end, mark in sorted(spans, key=lambda span: (span[0], -span[1])):
        if start < cursor or not 0 <= start < end <= len(text):
            continue
        if start > cursor:
            result.append(Piece(text[cursor:start]))
        result.append(Piece(text[start:end], mark))
        cursor = end
    if cursor < len(text):
        result.append(Piece(text[cursor:]))
    return result


def mark_ranges(text: str, ranges: Sequence[Sequence[int]]) -> Markup:
    """`text` escaped, with each [start, end) range wrapped in <mark> (search snippets)."""
    spans = [(int(r[0]), int(r[1]), True) for r in ranges if len(r) == 2]
    out = [Markup("<mark>{}</mark>").format(p.text) if p.mark else escape(p.text) for p in pieces(text, spans)]
    return Markup("").join(out)
