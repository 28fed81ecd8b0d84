"""Asking the inverted index for candidates: the only SQL that differs between backends.

Both backends get the same tokens and answer the same set question — which index rows hold
all of them — so they return the same candidates. A query matching more than `cap` rows gets
the first `cap` in index order (oldest documents first; on PostgreSQL, storage order, which is
the same unless deleted rows' space was reused, and the same on every call): ranking every match of a one-word query over
a thousand reports cannot fit in the 50 ms a search may take. Below the cap — every query on
a single report — the candidates are all the matches. Tokens never come from the user's text
as syntax: each is quoted, so FTS5 or tsquery operators typed in a query are only characters.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter
from typing import NamedTuple

from sqlalchemy import Connection, text

from policyledger.search.terms import TermTokens
from policyledger.store.schema import SEARCH_FTS


class Candidate(NamedTuple):
    """One index row (an item, or a chunk of a long one) that may hold every term: a tuple,
    since a query at scale makes hundreds."""

    key: int
    doc_id: str
    ordinal: int
    part: int
    path: str
    head: int
    units: str


# No ORDER BY on PostgreSQL: it would fetch every match from the heap to sort them, where the
# bitmap scan stops after `cap` rows.
_CANDIDATES_POSTGRESQL = text("SELECT key, doc_id, ordinal, part, path, head, units FROM search_items WHERE terms @@ CAST(:query AS tsquery) LIMIT :cap")
_CANDIDATES_SQLITE = text(
    "SELECT i.key, i.doc_id, i.ordinal, i.part, i.path, i.head, i.units"
    f" FROM (SELECT rowid AS key FROM {SEARCH_FTS} WHERE {SEARCH_FTS} MATCH :query ORDER BY rowid LIMIT :cap) AS m"
    " JOIN search_items AS i ON i.key = m.key ORDER BY i.key"
)
# A capped query's first rows must be the same every time. A sequential scan (PostgreSQL picks one
# for a very common token) starts where another scan of the table happens to be unless told not
# to, and parallel workers interleave their rows: both off, for this transaction only.
_STEADY_POSTGRESQL = text("SELECT set_config('synchronize_seqscans', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)")
_COUNT_POSTGRESQL = text("SELECT count(*) FROM (SELECT 1 FROM search_items WHERE terms @@ CAST(:query AS tsquery) LIMIT :cap) AS m")
_COUNT_SQLITE = text(f"SELECT count(*) FROM (SELECT 1 FROM {SEARCH_FTS} WHERE {SEARCH_FTS} MATCH :query LIMIT :cap)")


def fetch_candidates(connection: Connection, asks: Sequence[TermTokens], filters: Sequence[str], cap: int) -> list[Candidate]:
    """Index rows holding every token asked for (and every filter token), at most `cap`, in key order."""
    if connection.dialect.name == "postgresql":
        connection.execute(_STEADY_POSTGRESQL)
        rows = connection.execute(_CANDIDATES_POSTGRESQL, {"query": tsquery(asks, filters), "cap": cap})
        return sorted(map(Candidate._make, rows.all()), key=attrgetter("key"))
    rows = connection.execute(_CANDIDATES_SQLITE, {"query": fts5_query(asks, filters), "cap": cap})
    return list(map(Candidate._make, rows.all()))  # in key order already


def count_matches(connection: Connection, ask: TermTokens, cap: int) -> int:
    """How many index rows hold one term's tokens, counting no further than `cap`."""
    if connection.dialect.name == "postgresql":
        connection.execute(_STEADY_POSTGRESQL)
        return int(connection.execute(_COUNT_POSTGRESQL, {"query": tsquery([ask], []), "cap": cap}).scalar_one())
    return int(connection.execute(_COUNT_SQLITE, {"query": fts5_query([ask], []), "cap": cap}).scalar_one())


def fts5_query(asks: Sequence[TermTokens], filters: Sequence[str]) -> str:
    """An FTS5 MATCH expression: quoted tokens, implicitly ANDed; "x"* for a prefix."""
    parts = [f'"{token}"' for ask in asks for token in ask.exact]
    parts += [f'"{ask.prefix}"*' for ask in asks if ask.prefix]
    parts += [f'"{token}"' for token in filters]
    return " ".join(parts)


def tsquery(asks: Sequence[TermTokens], filters: Sequence[str]) -> str:
    """A tsquery literal: quoted lexemes joined by &; 'x':* for a prefix."""
    parts = [f"'{token}'" for ask in asks for token in ask.exact]
    parts += [f"'{ask.prefix}':*" for ask in asks if ask.prefix]
    parts += [f"'{token}'" for token in filters]
    return " & ".join(parts)
