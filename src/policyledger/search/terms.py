"""From text to what the index stores, and from a query to what it asks the index for.

Chinese has no spaces between words, so the index does not look for words. It keeps, for each
outline item, the item's text folded (臺/台, full-/half-width, Simplified/Traditional, case:
`policyledger.textnorm.fold`) and reduced to its *units* — the letters, digits and Chinese
characters, without spaces or punctuation — and stores every pair of adjacent units (a bigram).
A query term of two or more units asks for all of its bigrams; a term of one unit asks for
any bigram that starts with it (each item also stores its last unit alone, so a unit at the
very end is found too). The index answers "which items contain all these pairs", a superset
of the items that contain the terms; the caller then checks each candidate's units for the
term itself, so what comes back is exact substring matching, for terms of any length.

Dropping spaces and punctuation means 「109年」 finds 「109 年」 and 「經濟部」 finds the
spaced-out title 「經 濟 部」, as a reader expects. Everything here is pure, and both
backends (SQLite FTS5, PostgreSQL tsvector) receive the same tokens: the same candidates.

Changing what these functions return changes what an existing index means: that needs a
migration that rebuilds the index.
"""

from __future__ import annotations

import hashlib
import operator
import re
from dataclasses import dataclass
from functools import lru_cache

from policyledger.textnorm import fold

_NON_UNIT = re.compile(r"[\W_]+")
_UNIT = re.compile(r"[^\W_]")
# A phrase in quotes (ASCII "…", curly “…”, corner 「…」, 『…』; an unclosed quote runs to the
# end), else a run of non-space characters. Full-width ＂ is folded to " before this runs.
_QUERY_PART = re.compile(r'"([^"]*)"?|“([^”]*)”?|「([^」]*)」?|『([^』]*)』?|(\S+)')

CHUNK_UNITS = 2000  # an item longer than this is indexed in overlapping chunks...
CHUNK_OVERLAP = 100  # ...so a term of up to this many units is never cut in two

# Index tokens that are not text start with "§": never a unit, so a one-unit prefix query can
# never match them.
_DOC_TOKEN = "§d"
_SECTION_TOKEN = "§s"


def units(text: str) -> str:
    """The folded letters, digits and ideographs of `text`, in order, nothing between them."""
    return folded_units(fold(text))


def folded_units(folded: str) -> str:
    """`units` of text that is already folded."""
    return _NON_UNIT.sub("", folded)


def unit_offsets(folded: str) -> list[int]:
    """For each unit of `units(text)`, its offset in `text` (folding keeps offsets)."""
    return [match.start() for match in _UNIT.finditer(folded)]


# --- what an item stores ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Chunk:
    """A piece of an item's units (the whole of it, unless the item is very long)."""

    part: int
    units: str
    head: int  # how many of these units belong to the item's heading


def chunks(item_units: str, head: int) -> list[Chunk]:
    """The item's units in chunks of CHUNK_UNITS, each overlapping the next by CHUNK_OVERLAP."""
    if len(item_units) <= CHUNK_UNITS:
        return [Chunk(0, item_units, head)] if item_units else []
    step = CHUNK_UNITS - CHUNK_OVERLAP
    pieces: list[Chunk] = []
    for part, start in enumerate(range(0, len(item_units) - CHUNK_OVERLAP, step)):
        pieces.append(Chunk(part, item_units[start : start + CHUNK_UNITS], max(0, min(head - start, CHUNK_UNITS))))
    return pieces


def index_tokens(chunk_units: str, doc_id: str, path: str) -> list[str]:
    """The tokens stored for one chunk: its distinct bigrams, its last unit, its document, and
    every section it sits in (so filters are index lookups too). Their order means nothing."""
    bigrams = set(map(operator.add, chunk_units, chunk_units[1:]))
    bigrams.add(chunk_units[-1:])
    bigrams.discard("")
    return [*bigrams, doc_token(doc_id), *section_tokens(path)]


@lru_cache(maxsize=4096)
def doc_token(doc_id: str) -> str:
    return _DOC_TOKEN + _digest(doc_id)


def section_tokens(path: str) -> list[str]:
    """One token per section the item is in: 壹, 壹/一, 壹/一/(二), … (its own path last)."""
    parts = [part for part in path.split("/") if part]
    return [section_token("/".join(parts[: i + 1])) for i in range(len(parts))]


@lru_cache(maxsize=65536)
def section_token(path: str) -> str:
    return _SECTION_TOKEN + _digest(section_key(path))


@lru_cache(maxsize=65536)
def section_key(path: str) -> str:
    """A section path as a user may type it, normalized: 壹/二/（一） is 壹/二/(一)."""
    return "/".join(part.strip() for part in fold(path).split("/") if part.strip())


def in_section(path: str, section: str) -> bool:
    """Whether the item at `path` is the section or under it (壹/二 covers 壹/二/(一), not 壹/二十)."""
    item, wanted = section_key(path), section_key(section)
    return item == wanted or item.startswith(wanted + "/")


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def heading_units(text: str, folded: str, title: str) -> int:
    """How many units of an item's text (and its folded form) are its heading (marker and
    title), which the text starts with; 0 when the title is not found there."""
    found = text.find(title) if title else -1
    if found < 0:
        return 0
    return len(folded_units(folded[: found + len(title)]))


# --- what a query asks for ---------------------------------------------------------------------------


def query_terms(query: str) -> list[str]:
    """The query's terms as units: quoted phrases and space-separated words, in order, each
    once. Every term must occur (AND). Operators of other engines (OR, NEAR, *, -, :, ^) have
    no meaning here: their punctuation is dropped, and words like OR are plain words."""
    found: list[str] = []
    for match in _QUERY_PART.finditer(fold(query)):
        term = units(next(group for group in match.groups() if group is not None))
        if term and term not in found:
            found.append(term)
    return found


@dataclass(frozen=True)
class TermTokens:
    """What the index is asked for, for one term: all of `exact`, or any token starting with `prefix`."""

    exact: tuple[str, ...]
    prefix: str | None


def term_tokens(term: str) -> TermTokens:
    if len(term) == 1:
        return TermTokens((), term)
    return TermTokens(tuple(sorted({term[i : i + 2] for i in range(len(term) - 1)})), None)
