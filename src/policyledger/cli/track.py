"""Commands about tracking: targets, check, series, diff, track-stats."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from policyledger.cli.common import DbOption, TableOrJson, console, engine, print_json

DocArgument = Annotated[str | None, typer.Argument(help="Document id, prefix or file stem; all documents if omitted.", show_default=False)]
ShowOk = Annotated[bool, typer.Option("--all", help="Also list the checks that found the report consistent (severity ok).")]


def targets_command(doc: DocArgument = None, format: Annotated[TableOrJson, typer.Option("--format")] = TableOrJson.table, db: DbOption = None) -> None:
    """Targets set against the latest achieved figure of the same indicator: progress, time left, pace needed."""
    from rich.table import Table

    from policyledger import track
    from policyledger.store.repository import resolve_document

    database = engine(db)
    records = track.targets(database, resolve_document(database, doc) if doc else None)
    if format == TableOrJson.json:
        print_json(records)
        return
    paired = sum(1 for r in records if r["actual"])
    table = Table(title=f"目標追蹤 targets ({len(records)}, {paired} paired)", show_lines=True)
    for column in ("path", "indicator", "target", "due", "achieved", "progress", "pace needed / yr", "why paired"):
        table.add_column(column, overflow="fold")
    for r in records:
        target, actual = r["target"], r["actual"]
        achieved = f"{actual['text']} ({actual['period_text'] or actual['period_end'] or 'undated'}, line {actual['line']})" if actual else "—"
        progress = f"{r['progress']:.0%}" if r["progress"] is not None else "—"
        pace = f"{r['pace_needed_per_year']:,.6g} {r['unit']}" if r["pace_needed_per_year"] else "—"
        table.add_row(r["path"], r["indicator"], f"{target['text']} (line {target['line']})", r["due"] or "—", achieved, progress, pace, r["reason"])
    console.print(table)


def check_command(doc: DocArgument = None, format: Annotated[TableOrJson, typer.Option("--format")] = TableOrJson.table,
                  show_ok: ShowOk = False, db: DbOption = None) -> None:
    """Consistency checks: totals against parts, one indicator stated twice, impossible values."""
    from rich.table import Table

    from policyledger import track
    from policyledger.store.repository import resolve_document

    database = engine(db)
    records = track.check(database, resolve_document(database, doc) if doc else None)
    if format == TableOrJson.json:
        print_json(records)
        return
    shown = [r for r in records if show_ok or r["severity"] != "ok"]
    table = Table(title=f"一致性檢查 checks ({len(shown)} shown of {len(records)})", show_lines=True)
    for column in ("severity", "rule", "message", "evidence"):
        table.add_column(column, overflow="fold")
    for r in shown:
        evidence = "\n".join(f"{e['path']} L{e['line_start']}: {e['quote']}" for e in r["evidence"])
        table.add_row(r["severity"], r["rule"], r["message"], evidence)
    console.print(table)


def series_command(
    doc: Annotated[str, typer.Argument(help="Document id, prefix or file stem.", show_default=False)],
    format: Annotated[TableOrJson, typer.Option("--format")] = TableOrJson.table, db: DbOption = None,
) -> None:
    """The same indicator over periods within one report (quarters, years)."""
    from rich.table import Table

    from policyledger import track
    from policyledger.store.repository import resolve_document

    database = engine(db)
    records = track.series(database, resolve_document(database, doc))
    if format == TableOrJson.json:
        print_json(records)
        return
    table = Table(title=f"時間序列 series ({len(records)})", show_lines=True)
    for column in ("path", "indicator", "unit", "points"):
        table.add_column(column, overflow="fold")
    for r in records:
        points = " → ".join(f"{p['text']} ({p['period_text'] or p['when']})" for p in r["points"])
        table.add_row(r["path"] or "—", r["indicator"], r["unit"], points)
    console.print(table)


def diff_command(
    doc_a: Annotated[str, typer.Argument(help="The earlier edition (id, prefix or file stem).", show_default=False)],
    doc_b: Annotated[str, typer.Argument(help="The later edition.", show_default=False)],
    format: Annotated[TableOrJson, typer.Option("--format")] = TableOrJson.table, db: DbOption = None,
) -> None:
    """Two editions compared: outlines aligned by title, changed figures, new and dropped items, moved targets."""
    from rich.table import Table

    from policyledger import track
    from policyledger.store.repository import resolve_document

    database = engine(db)
    records = track.diff(database, resolve_document(database, doc_a), resolve_document(database, doc_b))
    if format == TableOrJson.json:
        print_json(records)
        return
    table = Table(title=f"版本比較 diff ({len(records)} changes)", show_lines=True)
    for column in ("change", "was", "is", "message"):
        table.add_column(column, overflow="fold")
    for r in records:
        table.add_row(r["change"], r["path_a"] or "—", r["path_b"] or "—", r["message"])
    console.print(table)


def stats_command(
    doc: Annotated[str, typer.Argument(help="Document id, prefix or file stem.", show_default=False)],
    format: Annotated[TableOrJson, typer.Option("--format")] = TableOrJson.table, db: DbOption = None,
) -> None:
    """How many targets were paired, and how many checks ran and fired (per rule)."""
    from rich.table import Table

    from policyledger import track
    from policyledger.store.repository import resolve_document

    database = engine(db)
    found = track.stats(database, resolve_document(database, doc))
    if format == TableOrJson.json:
        print_json(found)
        return
    console.print(_summary(found), highlight=False)
    table = Table(title="checks")
    for column in ("rule", "ran", "fired"):
        table.add_column(column, justify="left" if column == "rule" else "right")
    for rule, counts in found["checks"].items():
        table.add_row(rule, f"{counts['ran']:,}", f"{counts['fired']:,}")
    console.print(table)


def _summary(found: dict[str, Any]) -> str:
    basis = ", ".join(f"{count} {name}" for name, count in found["paired_by"].items())
    severities = ", ".join(f"{count} {name}" for name, count in found["findings"].items())
    return (
        f"targets: {found['targets']}, paired {found['paired']} ({basis}); {found['with_progress']} with progress, {found['met']} met\n"
        f"findings: {severities}; series: {found['series']}; report date {found['report_date']}"
    )
