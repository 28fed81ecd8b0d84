"""Turning values into pages: the Jinja2 environment (autoescaping on), URL helpers and the
small formatting functions templates share."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from policyledger.export import canonical_marker
from policyledger.records import number
from policyledger.web.i18n import LANGUAGES, choose_language, translator

# Autoescaping is on for every template: report text is never trusted as markup.
TEMPLATES = Jinja2Templates(env=Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True))

KIND_LABELS = {"actual": "實際", "target": "目標", "forecast": "預估", "rule": "規定", "change": "變動", "share": "占比"}
QUALIFIER_LABELS = {
    "exact": "精確", "approx": "約", "more_than": "逾", "at_least": "至少", "nearly": "近", "up_to": "最多", "range": "範圍",
}


def node_url(doc_id: str, path: str) -> str:
    """The permalink of an outline item: /doc/<id>/node/壹/一/(二) with each part URL-encoded."""
    if not path:
        return f"/doc/{quote(doc_id, safe='')}"
    return f"/doc/{quote(doc_id, safe='')}/node/{quote(path, safe='/()')}"


def doc_url(doc_id: str) -> str:
    return f"/doc/{quote(doc_id, safe='')}"


def with_query(base: str, params: dict[str, Any]) -> str:
    kept = {key: value for key, value in params.items() if value not in (None, "")}
    return f"{base}?{urlencode(kept)}" if kept else base


def marker_label(path: str) -> str:
    """The canonical marker of an item's last path part: 壹、 (一) 1、 A."""
    return canonical_marker(path.rsplit("/", 1)[-1]) if path else ""


def figure(value: float | None) -> str:
    """A number as people read it: 17,797 or 261.61 (no float noise)."""
    shown = number(value)
    if shown is None:
        return ""
    return f"{shown:,}" if isinstance(shown, int) else f"{shown:,.12g}"


def rounded(value: float | None, digits: int = 3) -> str:
    """A derived number (pace, remaining) to a few significant digits: 2,950,000 not 2,950,038.55353."""
    if value is None:
        return ""
    return figure(float(f"{value:.{digits}g}"))


def period(start: date | str | None, end: date | str | None) -> str:
    """[start, end] as ISO dates; an as-of figure (no start) as ≤ end. Accepts dates or ISO strings (API records)."""
    start = date.fromisoformat(start) if isinstance(start, str) else start
    end = date.fromisoformat(end) if isinstance(end, str) else end
    if start and end:
        return f"{start.isoformat()} – {end.isoformat()}"
    if end:
        return f"≤ {end.isoformat()}"
    return start.isoformat() if start else ""


TEMPLATES.env.globals.update(
    node_url=node_url, doc_url=doc_url, with_query=with_query, marker_label=marker_label, figure=figure, rounded=rounded, period=period,
    KIND_LABELS=KIND_LABELS, QUALIFIER_LABELS=QUALIFIER_LABELS, LANGUAGES=LANGUAGES,
)


def _with_language(request: Request, code: str) -> str:
    """This page's own path and query, in another language."""
    url = request.url.include_query_params(lang=code)
    return f"{url.path}?{url.query}"


def render(request: Request, name: str, context: dict[str, Any] | None = None, status_code: int = 200) -> HTMLResponse:
    """A page in the reader's language, with what every page needs (config, current path)."""
    language = choose_language(request)
    config = request.app.state.config
    page = {
        "lang": language,
        "_": translator(language),
        "config": config,
        "current": request.url.path,
        "features": request.app.state.features,
        "routes": request.app.state.optional_pages,  # the nav links only pages that exist
        "lang_urls": {code: _with_language(request, code) for code in LANGUAGES},
        **(context or {}),
    }
    response = TEMPLATES.TemplateResponse(request, name, page, status_code=status_code)
    if request.query_params.get("lang") in LANGUAGES:
        response.set_cookie("lang", language, max_age=365 * 86400, samesite="lax")
    return response
