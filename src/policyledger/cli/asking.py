"""`policyledger ask`: a question answered with a cited figure, or 報告中沒有提到."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from policyledger.cli.common import DbOption, console, engine, print_json


class AskFormat(StrEnum):
    text = "text"
    json = "json"


def ask_command(
    question: Annotated[str, typer.Argument(help="A question in Chinese, e.g. 109 年第 4 季製造業薪資補貼核准幾家？", show_default=False)],
    doc: Annotated[str | None, typer.Option("--doc", help="Only this document (id, id prefix or file stem).")] = None,
    format: Annotated[AskFormat, typer.Option("--format")] = AskFormat.text,
    db: DbOption = None,
) -> None:
    """Answer a question from the reports, citing the line it comes from — or say the report does not say."""
    from policyledger.ask import ask
    from policyledger.store.repository import resolve_document

    database = engine(db)
    doc_id = resolve_document(database, doc) if doc else None
    result = ask(database, question, doc_id=doc_id)
    if format == AskFormat.json:
        print_json(result)
        return
    answer = result["answer"]
    if answer is None:
        console.print("[bold]報告中沒有提到[/] (not in the report)")
        nearest = result.get("nearest") or []
        if nearest:
            console.print("最接近的段落 nearest passages:")
            for hit in nearest:
                console.print(f"  {hit['path']} L{hit['line_start']}: {hit['snippet']}", highlight=False)
        return
    citation = result["citations"][0]
    lines = f"line {citation['line_start']}" if citation["line_start"] == citation["line_end"] else f"lines {citation['line_start']}–{citation['line_end']}"
    console.print(f"[bold]{answer['text']}[/] — {citation['path']}, {lines}: 「{citation['quote']}」", highlight=False)
    console.print(f"[dim]confidence {result['confidence']} · doc {citation['doc']}[/]")
    for other in result.get("also", []):
        where = other["citation"]
        said = f"[bold]{other['answer']['text']}[/] — {where['path']}, line {where['line_start']}: 「{where['quote']}」"
        console.print(f"報告另一處寫 the report also says: {said}", highlight=False)
