"""Ingesting files into the database: read, parse, store — all of a document or nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from policyledger.errors import InputError
from policyledger.pipeline import Progress, document_id, parse_source, source_text
from policyledger.read import load, read_bytes
from policyledger.store.repository import document_exists, save_document


@dataclass
class IngestResult:
    doc_id: str
    source_name: str
    created: bool  # False when the same content was already in the database
    node_count: int = 0
    claim_count: int = 0
    entity_count: int = 0
    warnings: list[str] = field(default_factory=list)


def ingest_bytes(engine: Engine, data: bytes, name: str, progress: Progress | None = None) -> IngestResult:
    """Parse and store one report. Raises InputError (database unchanged) on unreadable input."""
    doc_id, _ = document_id(data)
    if document_exists(engine, doc_id):
        return IngestResult(doc_id, name, created=False)
    source = read_bytes(data, name)
    document = parse_source(source, data, progress)
    if progress:
        progress("store")
    created = save_document(engine, document, source_text(source))
    return IngestResult(
        doc_id,
        name,
        created=created,
        node_count=len(document.nodes),
        claim_count=len(document.claims),
        entity_count=len(document.entities),
        warnings=document.warnings,
    )


def ingest_path(engine: Engine, path: str | Path, progress: Progress | None = None) -> IngestResult:
    path = Path(path)
    try:
        return ingest_bytes(engine, load(path), path.name, progress)
    except InputError as exc:
        raise InputError(str(path), exc.problem) from None
