"""A 1,000-document database for latency work in minutes instead of half an hour.

The sample and `--unique` generated reports (benchmarks/make_corpus.py, seed 7) are ingested by
the real command, `policyledger ingest DIR/`; then the generated reports' rows are copied in SQL
under new document ids, round-robin, until the database holds `--docs` documents. A copy has
every row of its original (nodes, claims, entities, index rows; a new id, sha256 and source
name), and its index entries carry its own document token, exactly as an ingest would write
them: on SQLite the FTS5 row is rebuilt from the stored units (`index_tokens`), on PostgreSQL the
tsvector's document token is swapped. For query latency only: ingest speed is scale.py's.

    .venv/bin/python benchmarks/clone_corpus.py sqlite:///tmp/bench/ask-1000.db --docs 1000 --unique 50
    .venv/bin/python benchmarks/clone_corpus.py postgresql://postgres@127.0.0.1:5432/pl_bench_ask_1000 --docs 1000
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

import psycopg
from sqlalchemy import Connection, Engine, Table, func, select, text
from sqlalchemy.engine import make_url

from bench_util import SAMPLE, SCRATCH, context_line
from make_corpus import generate
from policyledger.search.terms import doc_token, index_tokens
from policyledger.store.db import connect
from policyledger.store.schema import SEARCH_FTS, claims, documents, entities, nodes, search_documents, search_items


def create_database(url: str) -> None:
    """A PostgreSQL database named in `url` is created if missing (SQLite files make themselves)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        return
    server = parsed.set(database="postgres").render_as_string(hide_password=False).replace("+psycopg", "")
    with psycopg.connect(server, autocommit=True) as connection:
        if connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (parsed.database,)).fetchone() is None:
            connection.execute(f'CREATE DATABASE "{parsed.database}"')


def ingest(url: str, paths: list[str]) -> None:
    env = {**os.environ, "POLICYLEDGER_DB": url, "COLUMNS": "200"}
    subprocess.run([sys.executable, "-m", "policyledger", "ingest", *paths], env=env, check=True, stdout=subprocess.DEVNULL)


def document_ids(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        return list(connection.execute(select(documents.c.id).order_by(documents.c.ingested_at, documents.c.id)).scalars())


def copy_rows(connection: Connection, table: Table, source: str, copy: str, index: int) -> None:
    """INSERT … SELECT of one document's rows in `table` under the copy's id."""
    replaced = {"id": ":copy", "doc_id": ":copy", "sha256": ":sha256", "source_name": "source_name || :suffix"}
    names = [column.name for column in table.columns if column is not table.autoincrement_column and not (table is search_items and column.name in ("key", "terms"))]
    if table is search_items and connection.dialect.name == "postgresql":
        names.append("terms")
    values = [replaced.get(name, f'"{name}"') for name in names]
    if "terms" in names:
        values[names.index("terms")] = "ts_delete(terms, CAST(:old AS text)) || CAST(:new AS tsvector)"
    owner = "id" if table is documents else "doc_id"
    columns = ", ".join(f'"{name}"' for name in names)
    order = " ORDER BY key" if table is search_items else ""
    statement = f'INSERT INTO {table.name} ({columns}) SELECT {", ".join(values)} FROM {table.name} WHERE "{owner}" = :source{order}'
    params = {"copy": copy, "sha256": f"{index:064x}", "suffix": f"#{index}", "source": source, "old": doc_token(source), "new": doc_token(copy)}
    connection.execute(text(statement), params)


def copy_fts(connection: Connection, copy: str) -> None:
    """SQLite: the copy's FTS5 rows, their tokens rebuilt from the stored units (contentless table)."""
    rows = connection.execute(select(search_items.c.key, search_items.c.units, search_items.c.path).where(search_items.c.doc_id == copy)).all()
    connection.exec_driver_sql(f"INSERT INTO {SEARCH_FTS}(rowid, terms) VALUES (?, ?)", [(row.key, " ".join(index_tokens(row.units, copy, row.path))) for row in rows])


def clone(engine: Engine, source: str, copy: str, index: int) -> None:
    with engine.begin() as connection:
        for table in (documents, nodes, claims, entities, search_items, search_documents):
            copy_rows(connection, table, source, copy, index)
        if engine.dialect.name == "sqlite":
            copy_fts(connection, copy)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url", help="database URL (a PostgreSQL database is created if missing)")
    parser.add_argument("--docs", type=int, default=1000, help="documents in the end (default 1000)")
    parser.add_argument("--unique", type=int, default=50, help="generated reports really ingested (default 50)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    print(context_line())
    create_database(args.url)
    engine = connect(args.url)
    started = time.perf_counter()
    if not document_ids(engine):
        paths = generate(args.unique, args.seed, SCRATCH)
        ingest(args.url, [str(SAMPLE)])
        ingest(args.url, [str(paths[0].parent)])
        print(f"ingested the sample and {len(paths)} generated reports in {time.perf_counter() - started:.0f} s", flush=True)
    ids = document_ids(engine)
    originals = ids[1 : 1 + args.unique] or ids  # the generated reports (the sample is not copied)
    for index in range(len(ids), args.docs):
        clone(engine, originals[index % len(originals)], f"clone{index:07d}", index)
        if (index + 1) % 100 == 0:
            print(f"  {index + 1} documents ({time.perf_counter() - started:.0f} s)", flush=True)
    with engine.connect() as connection:
        count = connection.execute(select(func.count()).select_from(documents)).scalar_one()
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE"))
    print(f"{count} documents in {make_url(args.url).render_as_string(hide_password=True)} after {time.perf_counter() - started:.0f} s")
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
