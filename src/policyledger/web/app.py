"""Building the FastAPI app: settings, routers, static files, error pages.

    create_app("sqlite:///ledger.db", read_only=False, token=None, upload_limit_mb=50)

Read-only apps never register the write routes, so POST and DELETE simply do not exist
there (405/404) and the upload form is not shown.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException

from policyledger.errors import InputError, NotFoundError
from policyledger.store.db import connect
from policyledger.web import api, apidocs, pages, tracking, uploads
from policyledger.web.config import WebConfig
from policyledger.web.explorer import FilterError
from policyledger.web.rendering import render
from policyledger.web.security import SecurityHeaders
from policyledger.web.services import FeatureUnavailable, features

STATIC = Path(__file__).parent / "static"
log = logging.getLogger("policyledger.web")


# Where `policyledger serve --workers N` leaves the settings for its worker processes.
SETTINGS_ENVIRONMENT = {
    "db": "POLICYLEDGER_DB",
    "read_only": "POLICYLEDGER_READ_ONLY",
    "token": "POLICYLEDGER_TOKEN",
    "upload_limit_mb": "POLICYLEDGER_UPLOAD_LIMIT_MB",
}


def app_from_environment() -> FastAPI:
    """`create_app` with the settings `policyledger serve --workers N` put in the environment."""
    setting = lambda name: os.environ.get(SETTINGS_ENVIRONMENT[name], "")  # noqa: E731
    return create_app(setting("db") or None, read_only=bool(setting("read_only")), token=setting("token") or None, upload_limit_mb=int(setting("upload_limit_mb") or 50))


def create_app(db_url: str | None, *, read_only: bool = False, token: str | None = None, upload_limit_mb: int = 50) -> FastAPI:
    config = WebConfig(engine=connect(db_url), read_only=read_only, token=token or None, upload_limit_mb=upload_limit_mb)
    upload_dir = Path(tempfile.mkdtemp(prefix="policyledger-uploads-"))

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        shutil.rmtree(upload_dir, ignore_errors=True)
        config.engine.dispose()

    app = FastAPI(
        lifespan=lifespan,
        title="policyledger",
        summary="政策帳本: Taiwanese government reports as a ledger of cited figures",
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
    )
    app.state.config = config
    app.state.features = features()
    app.state.upload_dir = upload_dir  # uploads wait here under generated names while they are ingested
    app.add_middleware(SecurityHeaders)
    # A report page is about 1 MB of HTML: gzip at level 1 makes it ~190 kB for 7 ms of CPU.
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=1)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(pages.router)
    app.include_router(api.router)
    app.include_router(apidocs.router)
    app.state.optional_pages = set()
    if app.state.features["targets"]:
        app.include_router(tracking.router)
        app.state.optional_pages |= {"/targets", "/diff"}
    if config.writable:
        app.include_router(uploads.router)
    _handle_errors(app)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/openapi")) and not uploads.wants_html(request)


def _error(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    title = "找不到" if status == 404 else "錯誤"
    response = render(request, "error.html", {"status": status, "title": title, "message": message}, status_code=status)
    response.headers.update(headers or {})
    return response


def _handle_errors(app: FastAPI) -> None:
    """Every failure a user can cause becomes a clear 4xx (or 503), never a traceback."""

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 405 and request.method in ("POST", "DELETE", "PUT", "PATCH") and app.state.config.read_only:
            message = "this server is read-only (此伺服器為唯讀模式)"
        return _error(request, exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> Response:
        return _error(request, 404, str(exc))

    @app.exception_handler(FilterError)
    async def bad_filter(request: Request, exc: FilterError) -> Response:
        return _error(request, 400, str(exc))

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError) -> Response:
        return _error(request, 422, str(exc))

    @app.exception_handler(FeatureUnavailable)
    async def unavailable(request: Request, exc: FeatureUnavailable) -> Response:
        return _error(request, 503, f"not available in this installation: {exc}")

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}" for e in exc.errors())
        return _error(request, 422, problems or "invalid request")

    @app.exception_handler(OperationalError)
    async def database_down(request: Request, exc: OperationalError) -> Response:
        log.error("database error: %s", exc.orig)
        return _error(request, 503, "the database cannot be used right now (資料庫暫時無法使用)")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return _error(request, 500, "something went wrong on the server; the details are in its log (伺服器錯誤)")
