"""Commands about whole documents: ingest, docs, outline, export."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from policyledger.cli.common import DbOption, console, engine, err_console, print_json, write_output
from policyledger.errors import InputError

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from policyledger.ingest import IngestResult

# What each command needs is imported inside it: see policyledger.cli.

INGESTIBLE = (".txt", ".pdf", ".docx", ".text")
STAGES = ("read", "layout", "outline", "claims", "entities", "store")


def expand(paths: list[Path]) -> list[Path]:
    """Files as given; a folder stands for the reports inside it (txt, pdf, docx)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in INGESTIBLE)
        else:
            files.append(path)
    return files


def ingest(
    files: Annotated[list[Path], typer.Argument(help="Report files (.txt, .pdf, .docx) or folders of them.", show_default=False)],
    db: DbOption = None,
) -> None:
    """Read reports into the database: outline, claims and entities, one transaction each."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from policyledger.ingest import ingest_path

    database = engine(db)
    targets = expand(files)
    if len(targets) > 1 or any(path.is_dir() for path in files):
        _ingest_many(database, targets, files)
        return
    results: list[IngestResult] = []
    failures: list[InputError] = []
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[stage]}"), TimeElapsedColumn(), console=err_console, transient=True) as bar:
        overall = bar.add_task("ingest", total=len(targets) * len(STAGES), stage="")
        for index, path in enumerate(targets):
            bar.update(overall, description=path.name, stage="read", completed=index * len(STAGES))

            def step(stage: str, _index: int = index) -> None:
                bar.update(overall, stage=stage, completed=_index * len(STAGES) + STAGES.index(stage))

            try:
                results.append(ingest_path(database, path, step))
            except InputError as exc:
                failures.append(exc)
        bar.update(overall, completed=len(targets) * len(STAGES))
    _report(results, failures)
    if failures:
        raise typer.Exit(1)


def _ingest_many(database: Engine, targets: list[Path], given: list[Path]) -> None:
    """Folders and many files: worker processes parse, this process stores (policyledger.bulk)."""
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    from policyledger.bulk import ingest_files, summary_lines

    if not targets:
        raise InputError(", ".join(map(str, given)), f"no reports ({', '.join(INGESTIBLE)}) found")
    columns = (TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[last]}"), TimeElapsedColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err_console, transient=True) as bar:
        task = bar.add_task("ingest", total=len(targets), last="")
        report = ingest_files(database, targets, on_outcome=lambda o: bar.update(task, advance=1, last=Path(o.path).name))
    for line in summary_lines(report):
        console.print(line, highlight=False)
    for outcome in report.outcomes:
        for warning in outcome.warnings:
            err_console.print(f"[yellow]warning[/]: {escape(outcome.path)}: {escape(warning)}", highlight=False)
    for failure in sorted(report.failures, key=lambda o: o.path):
        err_console.print(f"[red]failed[/]: {escape(failure.path)}: {escape(failure.problem or '')}", highlight=False)
    if report.failures:
        raise typer.Exit(1)


def _report(results: list[IngestResult], failures: list[InputError]) -> None:
    from rich.table import Table

    if results:
        table = Table(title="已匯入 ingested", show_lines=False)
        for column in ("id", "file", "status", "items", "claims", "entities"):
            table.add_column(column)
        for result in results:
            status = "new" if result.created else "unchanged (already ingested)"
            counts = (str(result.node_count), str(result.claim_count), str(result.entity_count)) if result.created else ("", "", "")
            table.add_row(result.doc_id, result.source_name, status, *counts)
        console.print(table)
        for result in results:
            for warning in result.warnings:
                err_console.print(f"[yellow]warning[/]: {result.source_name}: {warning}")
    for failure in failures:
        err_console.print(f"[red]error[/]: {failure}", highlight=False)


def docs(db: DbOption = None, format: Annotated[str, typer.Option("--format", help="table or json")] = "table") -> None:
    """List the documents in the database."""
    from policyledger.store.repository import list_documents

    summaries = list_documents(engine(db))
    if format == "json":
        print_json([
            {"id": s.id, "source_name": s.source_name, "kind": s.kind, "title": s.title, "lines": s.line_count,
             "pages": s.page_count, "items": s.node_count, "claims": s.claim_count, "ingested_at": s.ingested_at, "sha256": s.sha256}
            for s in summaries
        ])
        return
    if not summaries:
        console.print("No documents yet. Try: policyledger ingest REPORT.pdf")
        return
    from rich.table import Table

    table = Table(title="報告 documents")
    for column in ("id", "title", "file", "kind", "lines", "items", "claims"):
        table.add_column(column)
    for s in summaries:
        table.add_row(s.id, s.title, s.source_name, s.kind, str(s.line_count), str(s.node_count), str(s.claim_count))
    console.print(table)


class OutlineFormat(StrEnum):
    tree = "tree"
    json = "json"


def outline(
    doc: Annotated[str, typer.Argument(help="Document id, unique id prefix, or file stem.")],
    format: Annotated[OutlineFormat, typer.Option("--format")] = OutlineFormat.tree,
    db: DbOption = None,
) -> None:
    """Show a document's outline as a tree, or as JSON (DESIGN.md contract)."""
    from rich.tree import Tree

    from policyledger.export import canonical_marker
    from policyledger.records import outline_record
    from policyledger.store.repository import load_document_row, load_nodes, resolve_document

    database = engine(db)
    doc_id = resolve_document(database, doc)
    nodes = load_nodes(database, doc_id)
    if format == OutlineFormat.json:
        print_json([outline_record(node) for node in nodes])
        return
    row = load_document_row(database, doc_id)
    root = Tree(f"[bold]{row.title}[/] ({doc_id})")
    branches = {"": root}
    for node in nodes:
        if not node.path:
            continue
        parent = branches.get(node.parent_path or "", root)
        label = f"[cyan]{canonical_marker(node.path.rsplit('/', 1)[-1])}[/] {node.title}  [dim]{node.path} · L{node.line_start}[/]"
        branches[node.path] = parent.add(label, highlight=False)
    console.print(root)


class ExportFormat(StrEnum):
    json = "json"
    csv = "csv"
    parquet = "parquet"
    md = "md"


def export(
    doc: Annotated[str, typer.Argument(help="Document id, unique id prefix, or file stem.")],
    format: Annotated[ExportFormat, typer.Option("--format")] = ExportFormat.json,
    out: Annotated[str | None, typer.Option("--out", help="Write to this file instead of standard output.")] = None,
    db: DbOption = None,
) -> None:
    """Export a document: json (everything, re-importable), csv/parquet (claims), md (outline)."""
    from policyledger.export import claims_csv, claims_parquet, document_json, outline_markdown
    from policyledger.records import claim_record
    from policyledger.store.repository import load_claims, load_document_row, load_entities, load_nodes, resolve_document

    database = engine(db)
    doc_id = resolve_document(database, doc)
    row = load_document_row(database, doc_id)
    nodes = load_nodes(database, doc_id)
    if format == ExportFormat.md:
        write_output(outline_markdown(row.title, nodes), out)
        return
    claims = [claim for _, claim in load_claims(database, doc_id)]
    if format == ExportFormat.json:
        meta = {key: getattr(row, key) for key in row._fields}
        write_output(document_json(meta, nodes, claims, load_entities(database, doc_id)) + "\n", out)
        return
    records = [claim_record(doc_id, claim) for claim in claims]
    if format == ExportFormat.csv:
        write_output(claims_csv(records), out)
    else:
        if not out:
            raise typer.BadParameter("parquet is binary: give --out FILE.parquet", param_hint="--out")
        write_output(claims_parquet(records), out)


def demo(
    db: DbOption = None,
    serve: Annotated[bool, typer.Option("--serve/--no-serve", help="Start the web app after ingesting.")] = True,
    host: Annotated[str, typer.Option(help="Address to serve on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to serve on.")] = 8000,
) -> None:
    """Ingest the bundled sample report (經濟部業務報告), show its outline, then serve the web app."""
    from rich.tree import Tree

    from policyledger.evaluate import DEMO_REPORT
    from policyledger.export import canonical_marker
    from policyledger.ingest import ingest_path
    from policyledger.store.repository import load_nodes

    database = engine(db)
    result = ingest_path(database, DEMO_REPORT)
    _report([result], [])
    nodes = load_nodes(database, result.doc_id)
    root = Tree(f"[bold]經濟部業務報告[/] ({result.doc_id}) — first two levels of {len(nodes)} items")
    branches = {"": root}
    for node in nodes:
        if node.path and node.depth <= 2:
            parent = branches.get(node.parent_path or "", root)
            branches[node.path] = parent.add(f"[cyan]{canonical_marker(node.path.rsplit('/', 1)[-1])}[/] {node.title}", highlight=False)
    console.print(root)
    console.print(f"Next: [bold]policyledger outline {result.doc_id}[/], [bold]policyledger claims {result.doc_id}[/]")
    if serve:
        from policyledger.cli.serving import start_server

        start_server(db, host, port)
