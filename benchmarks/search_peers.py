"""Our search against what a developer would reach for first: a plain SQLite FTS5 index over
the same outline items, with the trigram tokenizer and with the default unicode61 tokenizer.

Same text (the sample's outline items, as stored), same machine, one run. Each engine gets
every query of benchmarks/queries.json; a hit list is its first ten items. Printed: recall@10
(the share of each query's expected items in its first ten hits, averaged over the queries
that expect any), the same by kind of query, wrong hits on the query the report does not
answer, the time to build the index, and p50/p95 query latency.

The peers get each query the way a careful developer would pass it to FTS5: every
space-separated term (or "quoted phrase") as a quoted FTS5 string, ANDed, ranked by bm25 —
quoting keeps FTS5's syntax characters from raising errors. No folding: that is what "plain"
means, and the point of the comparison.

    .venv/bin/python benchmarks/search_peers.py [--runs 5] [--per-query]
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine

from bench_util import ROOT, SAMPLE, context_line, percentile, table
from policyledger.ingest import ingest_path
from policyledger.model import Document, Node
from policyledger.search import search
from policyledger.search.index import delete_document_index, index_document
from policyledger.store.db import connect
from policyledger.store.repository import load_document_row, load_nodes

QUERIES = ROOT / "benchmarks" / "queries.json"
GROUPS = ["1 char", "2 chars", "3+ chars", "phrase", "variant", "AND"]
TOP = 10

Searcher = Callable[[str], list[str]]


# --- the peers: plain FTS5 --------------------------------------------------------------------------


def fts5_peer(nodes: list[Node], tokenizer: str) -> tuple[Searcher, float]:
    """An in-memory FTS5 table of the items' text; (search function, seconds to build)."""
    connection = sqlite3.connect(":memory:")
    started = time.perf_counter()
    connection.execute(f"CREATE VIRTUAL TABLE items USING fts5(path UNINDEXED, text, tokenize='{tokenizer}')")
    connection.executemany("INSERT INTO items(path, text) VALUES (?, ?)", [(node.path, node.text) for node in nodes])
    connection.commit()
    built = time.perf_counter() - started

    def run(query: str) -> list[str]:
        expression = fts5_expression(query)
        if not expression:
            return []
        try:
            rows = connection.execute("SELECT path FROM items WHERE items MATCH ? ORDER BY rank LIMIT ?", (expression, TOP)).fetchall()
        except sqlite3.OperationalError:
            return []
        return [row[0] for row in rows]

    return run, built


def fts5_expression(query: str) -> str:
    """Quoted phrases and words, each an FTS5 string ("" escapes a quote), implicitly ANDed."""
    parts = [phrase or word for phrase, word in re.findall(r'"([^"]*)"|(\S+)', query)]
    return " ".join('"' + part.replace('"', '""') + '"' for part in parts if part.strip())


# --- ours ----------------------------------------------------------------------------------------------


def ours(engine: Engine, doc_id: str) -> tuple[Searcher, float]:
    """policyledger.search on the ingested sample; build time = indexing the document again."""
    document = load_document_row(engine, doc_id)
    nodes = load_nodes(engine, doc_id)
    again = Document(id=doc_id, source_name=document.source_name, kind=document.kind, sha256=document.sha256, title=document.title, nodes=nodes)
    with engine.begin() as connection:
        delete_document_index(connection, doc_id)
        started = time.perf_counter()
        index_document(connection, again)
        built = time.perf_counter() - started

    def run(query: str) -> list[str]:
        return [hit.path for hit in search(engine, query, limit=TOP)]

    return run, built


# --- measuring ------------------------------------------------------------------------------------------


def evaluate(run: Searcher, queries: list[dict], runs: int) -> dict:
    """Recall@10 overall and by group, wrong hits where none are expected, latency."""
    recalls: dict[str, list[float]] = {group: [] for group in GROUPS}
    per_query: dict[str, float | None] = {}
    wrong = 0
    for entry in queries:
        found = run(entry["query"])
        expected = set(entry["expected"])
        if not expected:
            wrong += len(found)
            per_query[entry["query"]] = None
            continue
        recall = len(expected & set(found[:TOP])) / len(expected)
        recalls[entry["group"]].append(recall)
        per_query[entry["query"]] = recall
    samples = []
    for _ in range(runs):
        for entry in queries:
            started = time.perf_counter()
            run(entry["query"])
            samples.append(time.perf_counter() - started)
    every = [value for values in recalls.values() for value in values]
    return {
        "recall": sum(every) / len(every),
        "groups": {group: sum(values) / len(values) for group, values in recalls.items() if values},
        "per_query": per_query,
        "wrong": wrong,
        "p50": percentile(samples, 0.5),
        "p95": percentile(samples, 0.95),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed passes over the queries")
    parser.add_argument("--per-query", action="store_true", help="print each query's recall@10 per engine")
    args = parser.parse_args()
    queries = json.loads(QUERIES.read_text(encoding="utf-8"))["queries"]

    with tempfile.TemporaryDirectory() as scratch:
        engine = connect(f"sqlite:///{Path(scratch) / 'ledger.db'}")
        doc_id = ingest_path(engine, SAMPLE).doc_id
        nodes = load_nodes(engine, doc_id)
        engines = {
            "policyledger (bigrams, folded)": ours(engine, doc_id),
            "FTS5 trigram": fts5_peer(nodes, "trigram"),
            "FTS5 unicode61": fts5_peer(nodes, "unicode61"),
        }
        results = {name: (evaluate(run, queries, args.runs), built) for name, (run, built) in engines.items()}
        engine.dispose()

    print(context_line())
    print(f"{len(nodes)} outline items of {SAMPLE.name}; {len(queries)} queries, {sum(1 for q in queries if q['expected'])} with expected hits")
    baseline = results["policyledger (bigrams, folded)"][0]["recall"]
    headers = ["engine", "recall@10", "vs ours", *GROUPS, "wrong hits (absent)", "build ms", "p50 ms", "p95 ms"]
    rows = []
    for name, (result, built) in results.items():
        groups = [f"{result['groups'].get(group, 0):.2f}" for group in GROUPS]
        ratio = f"{result['recall'] / baseline:.2f}×" if baseline else "–"
        timings = [f"{built * 1000:.1f}", f"{result['p50'] * 1000:.2f}", f"{result['p95'] * 1000:.2f}"]
        rows.append([name, f"{result['recall']:.3f}", ratio, *groups, result["wrong"], *timings])
    print(table(headers, rows))
    if args.per_query:
        names = list(results)
        per_rows = [[entry["query"], entry["group"], *(_recall(results[name][0]["per_query"][entry["query"]]) for name in names)] for entry in queries]
        print(table(["query", "group", *names], per_rows))


def _recall(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


if __name__ == "__main__":
    main()
