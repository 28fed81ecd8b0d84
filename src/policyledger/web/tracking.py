"""目標追蹤: each target of a report beside what has been achieved, with progress and pace.

Registered only when the tracking module is installed (policyledger.track); the records are
the same as GET /api/targets.
"""

from __future__ import annotations

from collections import Counter
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import Engine

from policyledger.store.repository import list_documents, resolve_document
from policyledger.web import services
from policyledger.web.charts import progress_bar
from policyledger.web.config import get_engine
from policyledger.web.rendering import render

router = APIRouter(include_in_schema=False)

STATUS_ORDER = ("overdue", "in_progress", "met", "unpaired")


@router.get("/targets", response_class=HTMLResponse)
def targets_page(request: Request, engine: Annotated[Engine, Depends(get_engine)], doc: str | None = None) -> Response:
    documents = list_documents(engine)
    doc_id = resolve_document(engine, doc) if doc else (documents[-1].id if documents else None)
    records = services.targets(engine, [doc_id]) if doc_id else []
    records.sort(key=lambda r: (STATUS_ORDER.index(r.get("status", "unpaired")) if r.get("status") in STATUS_ORDER else len(STATUS_ORDER), r["path"]))
    return render(request, "targets.html", {
        "documents": documents, "doc_id": doc_id, "targets": records,
        "counts": Counter(record.get("status", "unpaired") for record in records), "bar": progress_bar,
    })
