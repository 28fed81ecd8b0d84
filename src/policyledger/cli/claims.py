"""Commands about figures and names: claims, entities."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

import typer

from policyledger.cli.common import DbOption, console, engine, print_json, write_output


class ClaimsFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def _date(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)", param_hint=name) from None


def claims(
    doc: Annotated[str | None, typer.Argument(help="Document id, prefix or file stem; all documents if omitted.")] = None,
    kind: Annotated[str | None, typer.Option(help="actual, target, forecast, rule, change or share.")] = None,
    unit: Annotated[str | None, typer.Option(help="Base unit (TWD, kW, 家…), written unit (億元) or dimension (money).")] = None,
    since: Annotated[str | None, typer.Option(help="Only figures whose period reaches this ISO date or later.")] = None,
    until: Annotated[str | None, typer.Option(help="Only figures whose period starts on or before this ISO date.")] = None,
    query: Annotated[str | None, typer.Option("--query", "-q", help="Text in the clause, subject or path (臺/台 folded).")] = None,
    section: Annotated[str | None, typer.Option(help="An outline item and those below it: 壹/二 or 壹／二／（一）.")] = None,
    format: Annotated[ClaimsFormat, typer.Option("--format")] = ClaimsFormat.table,
    db: DbOption = None,
) -> None:
    """Every quantitative claim: figure as written, normalized value, kind, period, source line."""
    from rich.table import Table

    from policyledger.export import claims_csv
    from policyledger.records import claim_record
    from policyledger.store.repository import load_claims, resolve_document

    database = engine(db)
    doc_id = resolve_document(database, doc) if doc else None
    rows = load_claims(database, doc_id, kind=kind, unit=unit, since=_date(since, "--since"), until=_date(until, "--until"), query=query, section=section)
    records = [claim_record(d, c) for d, c in rows]
    if format == ClaimsFormat.json:
        print_json(records)
        return
    if format == ClaimsFormat.csv:
        write_output(claims_csv(records), None)
        return
    table = Table(title=f"數據 claims ({len(records)})")
    for column in ("path", "line", "figure", "normalized", "kind", "qualifier", "period", "subject"):
        table.add_column(column, overflow="fold")
    for r in records:
        period = f"{r['period_start'] or '…'}–{r['period_end'] or '…'}" if (r["period_start"] or r["period_end"]) else ""
        table.add_row(r["path"], str(r["line"]), r["text"], f"{r['base_value']:,} {r['base_unit']}", r["kind"], r["qualifier"], period, r["subject"])
    console.print(table)


def entities(
    doc: Annotated[str, typer.Argument(help="Document id, prefix or file stem.")],
    type: Annotated[str | None, typer.Option("--type", help="organisation, programme, law or place.")] = None,
    format: Annotated[str, typer.Option("--format", help="table or json")] = "table",
    db: DbOption = None,
) -> None:
    """Organisations, programmes 「…」, laws and articles, places named in a report."""
    from rich.table import Table

    from policyledger.store.repository import load_entities, resolve_document

    database = engine(db)
    doc_id = resolve_document(database, doc)
    found = [e for e in load_entities(database, doc_id) if type is None or e.type == type]
    if format == "json":
        print_json([{"doc": doc_id, "name": e.name, "type": e.type, "path": e.path, "line": e.line} for e in found])
        return
    counts: dict[tuple[str, str], list[str]] = {}
    for e in found:
        counts.setdefault((e.type, e.name), []).append(e.path)
    table = Table(title=f"名稱 entities ({len(counts)})")
    for column in ("type", "name", "items", "first at"):
        table.add_column(column)
    for (kind, name), paths in sorted(counts.items(), key=lambda kv: (kv[0][0], -len(kv[1]))):
        table.add_row(kind, name, str(len(paths)), paths[0])
    console.print(table)
