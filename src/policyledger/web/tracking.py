"""目標追蹤 and 版本比較: targets beside achievements, consistency findings and series of one
report; the changes between two editions.

Registered only when the tracking module (policyledger.track) is installed; the records are
the same as GET /api/targets, /api/check, /api/series and /api/diff.
"""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import Engine

from policyledger.store.repository import list_documents, resolve_document
from policyledger.web import services
from policyledger.web.charts import bar_chart, progress_bar
from policyledger.web.config import get_engine
from policyledger.web.rendering import render
from policyledger.web.target_chart import target_chart

router = APIRouter(include_in_schema=False)
EngineDep = Annotated[Engine, Depends(get_engine)]

STATUS_ORDER = ("overdue", "in_progress", "met", "unpaired")
SEVERITY_ORDER = ("error", "warning", "notice")


@router.get("/targets", response_class=HTMLResponse)
def targets_page(request: Request, engine: EngineDep, doc: str | None = None) -> Response:
    documents = list_documents(engine)
    doc_id = resolve_document(engine, doc) if doc else (documents[-1].id if documents else None)
    records = services.targets(engine, doc_id) if doc_id else []
    records.sort(key=lambda r: (_rank(r.get("status"), STATUS_ORDER), r["path"]))
    findings = [f for f in services.check(engine, doc_id) if f.get("severity") != "ok"] if doc_id else []
    findings.sort(key=lambda f: _rank(f.get("severity"), SEVERITY_ORDER))
    return render(request, "targets.html", {
        "documents": documents, "doc_id": doc_id, "targets": records, "findings": findings,
        "series": services.series(engine, doc_id) if doc_id else [], "series_chart": series_chart,
        "counts": Counter(record.get("status", "unpaired") for record in records), "bar": progress_bar, "target_chart": target_chart,
    })


@router.get("/diff", response_class=HTMLResponse)
def diff_page(request: Request, engine: EngineDep, a: str | None = None, b: str | None = None) -> Response:
    documents = list_documents(engine)
    older = resolve_document(engine, a) if a else (documents[-2].id if len(documents) >= 2 else None)
    newer = resolve_document(engine, b) if b else (documents[-1].id if len(documents) >= 2 else None)
    changes = services.diff(engine, older, newer) if older and newer and older != newer else []
    return render(request, "diff.html", {
        "documents": documents, "a": older, "b": newer, "changes": changes, "counts": Counter(change["change"] for change in changes),
    })


def series_chart(record: dict[str, Any]) -> Any:
    """One bar per point of a series, labelled with the period it is stated for."""
    points = [(point.get("period_text") or point.get("when") or "", float(point["base_value"])) for point in record.get("points", [])]
    return bar_chart(points, record.get("unit", ""), width=380, label_width=120)


def _rank(value: str | None, order: tuple[str, ...]) -> int:
    return order.index(value) if value in order else len(order)
