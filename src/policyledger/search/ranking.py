"""Scoring candidates: BM25 over folded units, computed here rather than by the database.

Computing the score in Python, from the same stored units and collection statistics on both
backends, is what makes SQLite and PostgreSQL return the same hits in the same order. The
heading counts extra (BM25F-style): an item titled 離岸風電 is more about it than one that
names it in passing.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

K1 = 1.2
B = 0.75
HEADING_WEIGHT = 2.0  # an occurrence in the heading counts 1 + this


@dataclass(frozen=True)
class Collection:
    """What BM25 needs to know about the whole index."""

    items: int
    units: int

    @property
    def average_length(self) -> float:
        return self.units / self.items if self.items else 1.0

    def idf(self, frequency: int) -> float:
        """Rarer terms weigh more; never negative (the +1 inside the log)."""
        frequency = min(frequency, self.items)
        return math.log(1 + (self.items - frequency + 0.5) / (frequency + 0.5))


def bm25(item_units: str, head: int, terms: list[str], idfs: list[float], collection: Collection) -> float:
    """The BM25 score of one item (or chunk) for the terms, which it is known to contain."""
    return bm25_scorer(terms, idfs, collection)(item_units, head)


def bm25_scorer(terms: list[str], idfs: list[float], collection: Collection) -> Callable[[str, int], float]:
    """`bm25` for many chunks and the same terms: what does not depend on the chunk is looked
    up once (the arithmetic is the same, in the same order, so the scores are too)."""
    average_length = collection.average_length
    weighted = list(zip(terms, idfs, strict=True))

    def score(item_units: str, head: int) -> float:
        norm = K1 * (1 - B + B * len(item_units) / average_length)
        total = 0.0
        for term, idf in weighted:
            frequency = item_units.count(term) + HEADING_WEIGHT * item_units.count(term, 0, head)
            total += idf * frequency * (K1 + 1) / (frequency + norm)
        return total

    return score
