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
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

from sqlalchemy import Connection, TextClause, text

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


# One statement for several queries (ask has a dozen: one round trip, not twelve), each query
# its own branch with its own LIMIT. No ORDER BY inside a PostgreSQL branch: it would fetch every
# match from the heap to sort them, where the bitmap scan stops after `cap` rows.
_BRANCH_POSTGRESQL = "(SELECT {n} AS q, key, doc_id, ordinal, part, path, head, units FROM search_items WHERE terms @@ CAST(:q{n} AS tsquery) LIMIT :cap)"
_BRANCH_SQLITE = (
    "SELECT {n} AS q, i.key, i.doc_id, i.ordinal, i.part, i.path, i.head, i.units"
    f" FROM (SELECT rowid AS key FROM {SEARCH_FTS} WHERE {SEARCH_FTS} MATCH :q{{n}} ORDER BY rowid LIMIT :cap) AS m{{n}}"
    " JOIN search_items AS i ON i.key = m{n}.key"
)


@lru_cache(maxsize=64)
def _candidates_statement(dialect: str, queries: int) -> TextClause:
    branch = _BRANCH_POSTGRESQL if dialect == "postgresql" else _BRANCH_SQLITE
    return text(" UNION ALL ".join(branch.format(n=n) for n in range(queries)))


# A capped query's first rows must be the same every time. A sequential scan (PostgreSQL picks one
# for a very common token) starts where another scan of the table happens to be unless told not
# to, and parallel workers interleave their rows: both off, for this transaction only.
_STEADY_POSTGRESQL = text("SELECT set_config('synchronize_seqscans', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)")
_STEADY_KEY = "policyledger.search.steady"  # in connection.info: the transaction the settings were made in
_COUNT_POSTGRESQL = text("SELECT count(*) FROM (SELECT 1 FROM search_items WHERE terms @@ CAST(:query AS tsquery) LIMIT :cap) AS m")
_COUNT_SQLITE = text(f"SELECT count(*) FROM (SELECT 1 FROM {SEARCH_FTS} WHERE {SEARCH_FTS} MATCH :query LIMIT :cap)")


def fetch_candidates(connection: Connection, asks: Sequence[TermTokens], filters: Sequence[str], cap: int) -> list[Candidate]:
    """Index rows holding every token asked for (and every filter token), at most `cap`, in key order."""
    return fetch_candidates_each(connection, [asks], filters, cap)[0]


def fetch_candidates_each(connection: Connection, queries: Sequence[Sequence[TermTokens]], filters: Sequence[str], cap: int) -> list[list[Candidate]]:
    """`fetch_candidates` for each query (each a non-empty list of terms' tokens), in one statement."""
    if not queries:
        return []
    postgresql = connection.dialect.name == "postgresql"
    if postgresql:
        _steady(connection)
    literal = tsquery if postgresql else fts5_query
    params: dict[str, object] = {f"q{n}": literal(asks, filters) for n, asks in enumerate(queries)}
    rows = connection.execute(_candidates_statement(connection.dialect.name, len(queries)), {**params, "cap": cap})
    found: list[list[Candidate]] = [[] for _ in queries]
    for row in rows:
        found[row[0]].append(Candidate._make(row[1:]))
    for candidates in found:  # no ORDER BY: a sort in SQL would copy every row's units once more
        candidates.sort(key=attrgetter("key"))
    return found


def count_matches(connection: Connection, ask: TermTokens, cap: int) -> int:
    """How many index rows hold one term's tokens, counting no further than `cap`."""
    if connection.dialect.name == "postgresql":
        _steady(connection)
        return int(connection.execute(_COUNT_POSTGRESQL, {"query": tsquery([ask], []), "cap": cap}).scalar_one())
    return int(connection.execute(_COUNT_SQLITE, {"query": fts5_query([ask], []), "cap": cap}).scalar_one())


def _steady(connection: Connection) -> None:
    """`_STEADY_POSTGRESQL`, once per transaction (the settings last until it ends)."""
    if connection.info.get(_STEADY_KEY) is not connection.get_transaction() or not connection.in_transaction():
        connection.execute(_STEADY_POSTGRESQL)
        connection.info[_STEADY_KEY] = connection.get_transaction()


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
