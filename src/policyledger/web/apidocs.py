"""OpenAPI docs served offline: Swagger UI from the vendored swagger-ui-dist, never a CDN."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from policyledger.web.rendering import TEMPLATES

router = APIRouter(include_in_schema=False)


@router.get("/docs", response_class=HTMLResponse)
def swagger_ui(request: Request) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(request, "swagger.html", {"openapi_url": request.app.openapi_url})
