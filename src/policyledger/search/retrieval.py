"""Asking the inverted index for candidates: the only SQL that differs between backends.

Both backends get the same tokens and answer the same set question — which index rows hold
all of them — so they return the same candidates, in key order. A query that matches more than
`cap` rows gets the first `cap` (a broad query over a thousand reports: its ranking is then
among those). Tokens never come from the user's text as syntax: each is quoted, so FTS5 or
tsquery operators typed in a query are only ever characters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, text

from policyledger.search.terms import TermTokens
from policyledger.store.schema import SEARCH_FTS


@dataclass(frozen=True)
class Candidate:
    key: int
    doc_id: str
    ordinal: int
    part: int
    path: str
    head: int
    units: str


def fetch_candidates(connection: Connection, asks: Sequence[TermTokens], filters: Sequence[str], cap: int) -> list[Candidate]:
    """Index rows holding every token asked for (and every filter token), in key order, at most `cap`."""
    if connection.dialect.name == "postgresql":
        statement = text(
            "SELECT key, doc_id, ordinal, part, path, head, units FROM search_items"
            " WHERE terms @@ CAST(:query AS tsquery) ORDER BY key LIMIT :cap"
        )
        rows = connection.execute(statement, {"query": tsquery(asks, filters), "cap": cap})
    else:
        statement = text(
            "SELECT i.key, i.doc_id, i.ordinal, i.part, i.path, i.head, i.units"
            f" FROM (SELECT rowid AS key FROM {SEARCH_FTS} WHERE {SEARCH_FTS} MATCH :query ORDER BY rowid LIMIT :cap) AS m"
            " JOIN search_items AS i ON i.key = m.key ORDER BY i.key"
        )
        rows = connection.execute(statement, {"query": fts5_query(asks, filters), "cap": cap})
    return [Candidate(*row) for row in rows]


def count_matches(connection: Connection, ask: TermTokens, cap: int) -> int:
    """How many index rows hold one term's tokens, counting no further than `cap`."""
    if connection.dialect.name == "postgresql":
        statement = text("SELECT count(*) FROM (SELECT 1 FROM search_items WHERE terms @@ CAST(:query AS tsquery) LIMIT :cap) AS m")
        return int(connection.execute(statement, {"query": tsquery([ask], []), "cap": cap}).scalar_one())
    statement = text(f"SELECT count(*) FROM (SELECT 1 FROM {SEARCH_FTS} WHERE {SEARCH_FTS} MATCH :query LIMIT :cap)")
    return int(connection.execute(statement, {"query": fts5_query([ask], []), "cap": cap}).scalar_one())


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
