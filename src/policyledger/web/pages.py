"""The HTML pages: 報告 (list and upload), the reader and its permalinks, 數據, 搜尋 / 提問."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import Engine

from policyledger.errors import NotFoundError
from policyledger.store.repository import list_documents, load_claims, load_document_row, load_nodes, resolve_document
from policyledger.web import services
from policyledger.web.charts import charts_for
from policyledger.web.config import get_engine
from policyledger.web.explorer import ClaimFilter, choices, select_claims
from policyledger.web.highlight import mark_ranges
from policyledger.web.reader import breadcrumb, build_tree, claims_by_path, neighbours, sections, subtree
from policyledger.web.rendering import doc_url, render

router = APIRouter(include_in_schema=False)

EngineDep = Annotated[Engine, Depends(get_engine)]
TABLE_ROWS = 200  # per page of the 數據 table; downloads hold the whole selection


@router.get("/", response_class=HTMLResponse)
def reports(request: Request, engine: EngineDep) -> Response:
    return render(request, "reports.html", {"documents": list_documents(engine)})


def _document(engine: Engine, doc: str) -> tuple[str, Any]:
    doc_id = resolve_document(engine, doc)
    return doc_id, load_document_row(engine, doc_id)


@router.get("/doc/{doc}", response_class=HTMLResponse)
def reader(request: Request, doc: str, engine: EngineDep) -> Response:
    doc_id, row = _document(engine, doc)
    if doc_id != doc:
        return RedirectResponse(doc_url(doc_id), status_code=307)
    nodes = load_nodes(engine, doc_id)
    grouped = claims_by_path([claim for _, claim in load_claims(engine, doc_id)])
    return render(request, "reader.html", {
        "doc_id": doc_id, "document": row, "outline": build_tree(nodes), "sections": sections(nodes, grouped), "item": None, "link_mode": "anchor",
    })


@router.get("/doc/{doc}/node/{path:path}", response_class=HTMLResponse)
def item(request: Request, doc: str, path: str, engine: EngineDep) -> Response:
    doc_id, row = _document(engine, doc)
    path = path.strip("/")
    nodes = load_nodes(engine, doc_id)
    node = next((n for n in nodes if n.path == path), None)
    if node is None:
        raise NotFoundError(f"report {doc_id} has no item {path!r}")
    grouped = claims_by_path([claim for _, claim in load_claims(engine, doc_id, section=path)])
    previous, following = neighbours(nodes, path)
    return render(request, "reader.html", {
        "doc_id": doc_id, "document": row, "outline": build_tree(nodes, current=path), "sections": sections(subtree(nodes, path), grouped),
        "item": node, "crumbs": breadcrumb(nodes, path), "previous": previous, "following": following, "link_mode": "permalink",
    })


@router.get("/data", response_class=HTMLResponse)
def data(
    request: Request, engine: EngineDep,
    doc: str | None = None, section: str | None = None, dimension: str | None = None, kind: str | None = None,
    qualifier: str | None = None, unit: str | None = None, since: str | None = None, until: str | None = None,
    q: str | None = None, sort: str | None = None, order: str = "asc", page: int = 1,
) -> Response:
    """The claims explorer: the same selection as /api/claims, a page of it as a table, charts of all of it."""
    selection = ClaimFilter(doc, section, dimension, kind, qualifier, unit, since, until, q, sort, "desc" if order == "desc" else "asc")
    documents = list_documents(engine)
    rows = select_claims(engine, selection)
    doc_id = resolve_document(engine, doc) if doc else None
    pages = max(1, -(-len(rows) // TABLE_ROWS))
    page = min(max(page, 1), pages)
    return render(request, "data.html", {
        "selection": selection, "documents": documents, "rows": rows[(page - 1) * TABLE_ROWS : page * TABLE_ROWS], "total": len(rows),
        "page": page, "pages": pages, "first": (page - 1) * TABLE_ROWS + 1,
        "choices": choices(load_claims(engine, doc_id)), "charts": charts_for(rows, _section_titles(engine, doc_id, documents)),
    })


def _section_titles(engine: Engine, doc_id: str | None, documents: list[Any]) -> dict[str, str]:
    """Top-level section names (壹 → 工業) for chart labels, when one report is in view."""
    shown = doc_id or (documents[0].id if len(documents) == 1 else None)
    return {node.path: node.title for node in load_nodes(engine, shown) if node.depth == 1} if shown else {}


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, engine: EngineDep, q: str = "", doc: str | None = None) -> Response:
    q = q.strip()
    doc_id = resolve_document(engine, doc) if doc else None
    context: dict[str, Any] = {"q": q, "doc": doc or "", "documents": list_documents(engine), "hits": None, "asked": None, "unavailable": None}
    if q and services.is_question(q) and services.available("ask"):
        context["asked"] = services.ask(engine, q, doc_id=doc_id)
        nearest = context["asked"].get("nearest")
        if context["asked"].get("answer") is None and not nearest and services.available("search"):
            context["asked"]["nearest"] = services.search(engine, q, doc_id=doc_id, limit=5)
    elif q and services.available("search"):
        context["hits"] = services.search(engine, q, doc_id=doc_id, limit=30)
    elif q:
        context["unavailable"] = "搜尋功能尚未安裝。"
    context["mark"] = mark_ranges
    return render(request, "search.html", context)
