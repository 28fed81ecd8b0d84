"""Chinese full-text search over the outline items of every stored report.

    from policyledger.search import search
    for hit in search(engine, "離岸風電", section="貳"):
        print(hit.path, hit.line_start, hit.snippet)

A query is terms separated by spaces, or phrases in quotes; an item is a hit when it contains
every term (folded: 台湾 finds 臺灣, ｅ化 finds e化). One stage per module: `terms` (text to
index tokens, query to terms), `index` (writing them with the document), `retrieval` (the
candidates from the inverted index — the only backend-specific SQL), `ranking` (BM25 in
Python, so both backends rank alike), `snippet` (the passage shown, matches marked).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, text

from policyledger.model import Node
from policyledger.search.index import delete_document_index, index_counts, index_document
from policyledger.search.ranking import Collection, best_per_item
from policyledger.search.retrieval import Candidate, count_matches, fetch_candidates_each
from policyledger.search.snippet import make_snippet
from policyledger.search.terms import doc_token, in_section, query_terms, section_token, term_tokens

__all__ = ["SearchHit", "collection_of", "delete_document_index", "hits", "index_document", "rank", "rank_each", "search"]

# At most this many candidates are checked and ranked per query (see retrieval), and a term's
# document frequency is counted up to this many (idf is flat beyond). One number for both, so
# a one-term query's candidates are its frequency: no second query.
CAP = 500


@dataclass(frozen=True)
class SearchHit:
    """One outline item that matches, with what a reader needs to cite it."""

    doc: str
    path: str
    title: str
    snippet: str
    score: float
    line_start: int  # source line of the first match shown
    line_end: int  # source line of the last match shown
    highlights: list[tuple[int, int]] = field(default_factory=list)  # [start, end) in snippet
    ordinal: int = 0  # the item's position in its document

    def record(self) -> dict[str, Any]:
        """The JSON shape of DESIGN.md: {doc, path, title, snippet, score, line_start}, and more."""
        return {
            "doc": self.doc,
            "path": self.path,
            "title": self.title,
            "snippet": self.snippet,
            "score": self.score,
            "line_start": self.line_start,
            "line_end": self.line_end,
            "highlights": [list(span) for span in self.highlights],
        }


def search(engine: Engine, query: str, *, doc_id: str | None = None, section: str | None = None, limit: int = 20) -> list[SearchHit]:
    """The items matching `query`, best first: in one document if `doc_id`, under one outline
    path if `section` (壹/二 covers 壹/二 and everything below it). Never raises on odd input:
    a query with nothing searchable in it has no hits."""
    terms = query_terms(query)
    if not terms or limit <= 0:
        return []
    with engine.connect() as connection:
        return hits(connection, terms, rank(connection, terms, doc_id=doc_id, section=section, limit=limit))


def rank(
    connection: Connection,
    terms: list[str],
    *,
    doc_id: str | None = None,
    section: str | None = None,
    collection: Collection | None = None,
    limit: int | None = None,
) -> list[tuple[Candidate, float]]:
    """Every item holding all `terms` (from `query_terms`), each once with its BM25 score, best
    first, ties in document order (the first `limit` only, if given): `search` before its nodes
    are loaded."""
    return rank_each(connection, [terms], doc_id=doc_id, section=section, collection=collection, limit=limit)[0]


def rank_each(
    connection: Connection,
    queries: list[list[str]],
    *,
    doc_id: str | None = None,
    section: str | None = None,
    collection: Collection | None = None,
    limit: int | None = None,
) -> list[list[tuple[Candidate, float]]]:
    """`rank` for several queries at once (their candidates in one statement), each list cut to
    its first `limit` if given; a caller may pass the `collection` (it is the same for all)."""
    filters = [doc_token(doc_id)] if doc_id else []
    if section and section.strip(" /"):
        filters.append(section_token(section))
    asked = list(dict.fromkeys(tuple(terms) for terms in queries if terms))
    fetched = dict(zip(asked, fetch_candidates_each(connection, [[term_tokens(term) for term in terms] for terms in asked], filters, CAP), strict=True))
    ranked: list[list[tuple[Candidate, float]]] = []
    for terms in queries:
        candidates = fetched.get(tuple(terms), [])
        matches = _matches(candidates, terms, doc_id, section)
        if not matches:
            ranked.append([])
            continue
        collection = collection or collection_of(connection)
        idfs = [collection.idf(frequency) for frequency in _frequencies(connection, terms, filters, candidates)]
        ranked.append(best_per_item(matches, terms, idfs, collection, limit))
    return ranked


def collection_of(connection: Connection) -> Collection:
    """BM25's statistics of the whole index."""
    return Collection(*index_counts(connection))


def hits(connection: Connection, terms: list[str], ranked: Sequence[tuple[Candidate, float]]) -> list[SearchHit]:
    """The ranked items as hits: their nodes loaded, snippets made for `terms`."""
    if not ranked:
        return []
    items = _load_nodes(connection, [(candidate.doc_id, candidate.ordinal) for candidate, _ in ranked])
    return [_hit(candidate.doc_id, items[candidate.doc_id, candidate.ordinal], terms, score) for candidate, score in ranked]


def _frequencies(connection: Connection, terms: list[str], filters: list[str], candidates: list[Candidate]) -> list[int]:
    """Each term's document frequency over the whole index (up to CAP). A lone unfiltered term's
    candidates are exactly that count, which spares a query."""
    if len(terms) == 1 and not filters:
        return [len(candidates)]
    return [count_matches(connection, term_tokens(term), CAP) for term in terms]


def _matches(candidates: list[Candidate], terms: list[str], doc_id: str | None, section: str | None) -> list[Candidate]:
    """The exact test the index's pairs only approximate: every term, and the filters again
    (so even an index entry left behind by some other program's delete cannot mislead)."""
    if doc_id:
        candidates = [candidate for candidate in candidates if candidate.doc_id == doc_id]
    if section and section.strip(" /"):
        candidates = [candidate for candidate in candidates if in_section(candidate.path, section)]
    if len(terms) == 1:
        [term] = terms
        return [candidate for candidate in candidates if term in candidate.units]
    return [candidate for candidate in candidates if all(term in candidate.units for term in terms)]


def _load_nodes(connection: Connection, items: Sequence[tuple[str, int]]) -> dict[tuple[str, int], Node]:
    """The hits' nodes by primary key. Spelled as ORs of equalities, which both backends answer
    with one index lookup each (SQLite scans the table for a row-value IN list)."""
    from policyledger.store.repository import row_to_node  # the repository imports this package

    if not items:
        return {}
    wanted = " OR ".join(f"(doc_id = :d{i} AND ordinal = :o{i})" for i in range(len(items)))
    values = {key: value for i, (doc_id, ordinal) in enumerate(items) for key, value in ((f"d{i}", doc_id), (f"o{i}", ordinal))}
    rows = connection.execute(text(f"SELECT * FROM nodes WHERE {wanted}"), values)
    return {(row.doc_id, row.ordinal): row_to_node(row) for row in rows}


def _hit(doc_id: str, node: Node, terms: list[str], score: float) -> SearchHit:
    snippet = make_snippet(node.text, terms)
    return SearchHit(
        doc=doc_id,
        path=node.path,
        title=node.title,
        snippet=snippet.text,
        score=round(score, 4),
        line_start=node.line_at(snippet.first),
        line_end=node.line_at(snippet.last),
        highlights=snippet.highlights,
        ordinal=node.ordinal,
    )
