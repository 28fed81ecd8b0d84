"""Scoring candidates: BM25 over folded units, computed here rather than by the database.

Computing the score in Python, from the same stored units and collection statistics on both
backends, is what makes SQLite and PostgreSQL return the same hits in the same order. The
heading counts extra (BM25F-style): an item titled 離岸風電 is more about it than one that
names it in passing.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

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


class Chunk(Protocol):
    """What ranking reads of a candidate: its item, its units, how many of them are heading."""

    @property
    def doc_id(self) -> str: ...
    @property
    def ordinal(self) -> int: ...
    @property
    def units(self) -> str: ...
    @property
    def head(self) -> int: ...


C = TypeVar("C", bound=Chunk)


def best_per_item(chunks: Iterable[C], terms: list[str], idfs: list[float], collection: Collection, limit: int | None = None) -> list[tuple[C, float]]:
    """Each item once, with the BM25 score of its best chunk for the terms (which every chunk is
    known to contain), best first; ties in document order (document id, then ordinal); the
    first `limit` only, if given. One loop for hundreds of chunks: what does not depend on the
    chunk is looked up once."""
    average_length = collection.average_length
    weighted = list(zip(terms, idfs, strict=True))
    best: dict[tuple[str, int], tuple[float, C]] = {}
    for chunk in chunks:
        units, head = chunk.units, chunk.head
        norm = K1 * (1 - B + B * len(units) / average_length)
        score = 0.0
        for term, idf in weighted:
            frequency = units.count(term) + HEADING_WEIGHT * units.count(term, 0, head)
            score += idf * frequency * (K1 + 1) / (frequency + norm)
        item = (chunk.doc_id, chunk.ordinal)
        kept = best.get(item)
        if kept is None or score > kept[0]:
            best[item] = (score, chunk)
    # (-score, document, ordinal) is unique per item: the chunks themselves are never compared.
    keyed = ((-score, doc_id, ordinal, chunk) for (doc_id, ordinal), (score, chunk) in best.items())
    ordered = sorted(keyed) if limit is None else heapq.nsmallest(limit, keyed)
    return [(chunk, -negative) for negative, _, _, chunk in ordered]
