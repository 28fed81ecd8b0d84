"""Commands that query the reports' text: search (and, later, ask)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from policyledger.cli.common import DbOption, TableOrJson, console, engine, print_json
from policyledger.errors import PolicyLedgerError

if TYPE_CHECKING:
    from rich.text import Text

    from policyledger.search import SearchHit


def search_command(
    query: Annotated[str, typer.Argument(help="Words, or phrases in quotes; every term must occur. 台/臺, Simplified, full-width forms match.", show_default=False)],
    doc: Annotated[str | None, typer.Option("--doc", help="Only this document (id, id prefix or file stem).")] = None,
    section: Annotated[str | None, typer.Option("--section", help="Only under this outline path, e.g. 壹/二 or 拾/一/(二).")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000, help="At most this many hits.")] = 20,
    format: Annotated[TableOrJson, typer.Option("--format")] = TableOrJson.table,
    db: DbOption = None,
) -> None:
    """Full-text search: ranked outline items, each with its path, line and the match marked."""
    from policyledger.search import search
    from policyledger.search.terms import query_terms
    from policyledger.store.repository import resolve_document

    if not query_terms(query):
        raise PolicyLedgerError(f"nothing to search for in {query!r}: give letters, digits or Chinese characters")
    database = engine(db)
    doc_id = resolve_document(database, doc) if doc else None
    hits = search(database, query, doc_id=doc_id, section=section, limit=limit)
    if format == TableOrJson.json:
        print_json([hit.record() for hit in hits])
    else:
        print_hits(query, hits)


def print_hits(query: str, hits: list[SearchHit]) -> None:
    from rich.table import Table

    if not hits:
        console.print(f"沒有結果 no hits for {query!r}", highlight=False)
        return
    several_documents = len({hit.doc for hit in hits}) > 1
    table = Table(title=f"搜尋 search: {query} ({len(hits)})", show_lines=True)
    for column in ("doc",) if several_documents else ():
        table.add_column(column)
    table.add_column("path", overflow="fold", max_width=24)
    table.add_column("line", no_wrap=True)
    table.add_column("passage", overflow="fold", ratio=1)
    table.add_column("score", justify="right")
    for hit in hits:
        lines = str(hit.line_start) if hit.line_end == hit.line_start else f"{hit.line_start}–{hit.line_end}"
        row = [hit.path or "(preamble)", lines, passage(hit), f"{hit.score:.2f}"]
        table.add_row(*([hit.doc] if several_documents else []), *row)
    console.print(table)


def passage(hit: SearchHit) -> Text:
    """The snippet, its matches in bold reverse video; the item's title above it unless the
    snippet starts with the heading."""
    from rich.text import Text

    text = Text(hit.snippet)
    for start, end in hit.highlights:
        text.stylize("bold reverse", start, end)
    if hit.title and hit.title[:8] in hit.snippet[:40]:
        return text
    return Text.assemble((hit.title, "bold"), "\n", text)
