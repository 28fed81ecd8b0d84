"""The read-only JSON API: the same records as the CLI's `--format json` (DESIGN.md)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse, Response
from sqlalchemy import Engine

from policyledger.export import claims_csv, claims_parquet
from policyledger.records import outline_record
from policyledger.store.repository import list_documents, load_nodes, resolve_document
from policyledger.web import services
from policyledger.web.config import get_engine
from policyledger.web.explorer import ClaimFilter, records, select_claims

router = APIRouter(prefix="/api", tags=["read"])

EngineDep = Annotated[Engine, Depends(get_engine)]
Text = Annotated[str | None, Query()]


def document_record(summary: Any) -> dict[str, Any]:
    """`policyledger docs --format json`, one entry."""
    return {
        "id": summary.id, "source_name": summary.source_name, "kind": summary.kind, "title": summary.title,
        "lines": summary.line_count, "pages": summary.page_count, "items": summary.node_count, "claims": summary.claim_count,
        "ingested_at": summary.ingested_at.isoformat() if summary.ingested_at else None, "sha256": summary.sha256,
    }


@router.get("/docs", summary="The reports in the ledger")
def docs(engine: EngineDep) -> list[dict[str, Any]]:
    return [document_record(summary) for summary in list_documents(engine)]


@router.get("/docs/{doc}/outline", summary="A report's outline (id, unique id prefix or file stem)")
def outline(doc: str, engine: EngineDep) -> list[dict[str, Any]]:
    return [outline_record(node) for node in load_nodes(engine, resolve_document(engine, doc))]


def claim_filter(
    doc: Text = None, section: Text = None, dimension: Text = None, kind: Text = None, qualifier: Text = None, unit: Text = None,
    since: Annotated[str | None, Query(description="YYYY-MM-DD or YYYY")] = None,
    until: Annotated[str | None, Query(description="YYYY-MM-DD or YYYY")] = None,
    q: Text = None, sort: Text = None, order: Annotated[str, Query(pattern="^(asc|desc)$")] = "asc",
) -> ClaimFilter:
    return ClaimFilter(doc, section, dimension, kind, qualifier, unit, since, until, q, sort, order)


@router.get("/claims", summary="Quantitative claims, filtered; format=json (default), csv or parquet")
def claims(
    engine: EngineDep,
    selection: Annotated[ClaimFilter, Depends(claim_filter)],
    format: Annotated[str, Query(pattern="^(json|csv|parquet)$")] = "json",
) -> Response:
    rows = records(select_claims(engine, selection))
    if format == "csv":
        return Response(claims_csv(rows).encode("utf-8-sig"), media_type="text/csv; charset=utf-8", headers=_attachment("claims.csv"))
    if format == "parquet":
        return Response(claims_parquet(rows), media_type="application/vnd.apache.parquet", headers=_attachment("claims.parquet"))
    return JSONResponse(rows)


def _attachment(name: str) -> dict[str, str]:
    return {"content-disposition": f'attachment; filename="{name}"'}


@router.get("/search", summary="Full-text search: passages with highlighted snippets")
def search(
    engine: EngineDep, q: Annotated[str, Query(min_length=1)], doc: Text = None, section: Text = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> list[dict[str, Any]]:
    doc_id = resolve_document(engine, doc) if doc else None
    return services.search(engine, q, doc_id=doc_id, section=section, limit=limit)


@router.get("/ask", summary="A question answered with a cited figure (answer null when the report does not say)")
def ask(engine: EngineDep, q: Annotated[str, Query(min_length=1)], doc: Text = None) -> dict[str, Any]:
    doc_id = resolve_document(engine, doc) if doc else None
    return services.ask(engine, q, doc_id=doc_id)


@router.get("/targets", summary="Targets set against what has been achieved")
def targets(engine: EngineDep, doc: Text = None) -> list[dict[str, Any]]:
    return services.targets(engine, resolve_document(engine, doc) if doc else None)


@router.get("/check", summary="Consistency checks: totals against parts, figures stated twice, impossible values")
def check(engine: EngineDep, doc: Text = None) -> list[dict[str, Any]]:
    return services.check(engine, resolve_document(engine, doc) if doc else None)


@router.get("/series", summary="The same indicator over periods within a report")
def series(engine: EngineDep, doc: Text = None) -> list[dict[str, Any]]:
    return services.series(engine, resolve_document(engine, doc) if doc else None)


@router.get("/diff", summary="Editions compared: changed figures, items added and dropped, targets moved")
def diff(engine: EngineDep, a: Annotated[str, Query(description="the older edition")], b: Annotated[str, Query(description="the newer edition")]) -> list[dict[str, Any]]:
    return services.diff(engine, resolve_document(engine, a), resolve_document(engine, b))
