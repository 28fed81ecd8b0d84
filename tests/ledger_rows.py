"""Documents for storage tests: parsed by the real pipeline, plus figures and entities.

The claim and entity stages may find nothing in a small text (or may not exist yet); the
storage tests need every column filled, so `with_figures` adds a few hand-written ones, with
the awkward values (None, dates, big and fractional numbers, Chinese text) spelled out."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, func, select

from policyledger.model import Claim, Document, Entity
from policyledger.pipeline import parse_source, source_text
from policyledger.read import read_bytes
from policyledger.store.schema import metadata

SMALL_REPORT = """經濟部業務報告

壹、工業
一、推動產業創新
（一）截至 109 年底累計促成約 5,301 臺設備聯網。
（二）總計核准 17,797 家、261.61 億元。
貳、能源
一、太陽光電以 114 年 20GW 為設置目標。
"""

def parsed(text: str = SMALL_REPORT, name: str = "small-report.txt") -> tuple[Document, str]:
    data = text.encode("utf-8")
    source = read_bytes(data, name)
    return parse_source(source, data), source_text(source)


def with_figures(document: Document) -> Document:
    first, last = document.nodes[1].path, document.nodes[-1].path
    document.claims = [
        *document.claims,
        Claim(first, "261.61 億元", 261.61, None, "億元", "money", 26161000000.0, "TWD", "exact", "actual",
              None, date(2020, 12, 31), "截至 109 年底", "核准", "總計核准 17,797 家、261.61 億元", 5, 3, 12, ["經濟部"]),
        Claim(last, "7~10 天", 7.0, 10.0, "天", "time", 604800.0, "s", "range", "target",
              date(2021, 1, 1), date(2025, 12, 31), None, "審查", "審查期間 7~10 天", 8, 0, 6, []),
    ]
    document.entities = [*document.entities, Entity("經濟部", "organisation", first, 5), Entity("「五加二」產業創新", "programme", last, 8)]
    return document


def counts(engine: Engine, doc_id: str | None = None) -> dict[str, int]:
    """Rows per table of a document (every table schema.py names, the search index included),
    for one document or all; tables the database does not have yet are left out."""
    result = {}
    with engine.connect() as connection:
        for table in metadata.sorted_tables:
            if not engine.dialect.has_table(connection, table.name):
                continue
            key = table.c.id if table.name == "documents" else table.c.get("doc_id")
            if key is None:
                continue
            query = select(func.count()).select_from(table)
            if doc_id is not None:
                query = query.where(key == doc_id)
            result[table.name] = connection.execute(query).scalar_one()
    return result
