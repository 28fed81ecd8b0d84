"""`policyledger serve`: the web app on a local port (the app itself lives in `policyledger.web`)."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from policyledger.cli.common import DbOption, console, err_console, global_state

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def start_server(
    db: str | None, host: str, port: int, *, read_only: bool = False, token: str | None = None, upload_limit_mb: int = 50, workers: int = 1,
) -> None:
    import uvicorn

    from policyledger.web.app import SETTINGS_ENVIRONMENT, create_app

    url = db or global_state.db
    mode = "read-only" if read_only else ("uploads need the token" if token else "uploads open")
    processes = f", {workers} worker processes" if workers > 1 else ""
    console.print(f"policyledger web app: http://{host}:{port}/  ({mode}{processes}; Ctrl+C to stop)")
    if host not in LOOPBACK and not read_only and not token:
        err_console.print(f"[yellow]warning[/]: serving on {host} with uploads and deletes open to anyone who can reach it; use --token or --read-only")
    if workers == 1:
        app = create_app(url, read_only=read_only, token=token, upload_limit_mb=upload_limit_mb)
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    # Worker processes build their own app (each its own connection pool) from the environment:
    # uvicorn starts them from an import string, not from an object made here.
    settings = {"db": url, "read_only": "1" if read_only else "", "token": token or "", "upload_limit_mb": str(upload_limit_mb)}
    os.environ.update({SETTINGS_ENVIRONMENT[name]: value for name, value in settings.items()})
    uvicorn.run("policyledger.web.app:app_from_environment", factory=True, workers=workers, host=host, port=port, log_level="warning")


def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    read_only: Annotated[bool, typer.Option("--read-only", help="Serve without any write endpoint (no upload, no delete).")] = False,
    token: Annotated[str | None, typer.Option("--token", envvar="POLICYLEDGER_TOKEN", help="Require this token to upload or delete.", show_default=False)] = None,
    upload_limit_mb: Annotated[int, typer.Option("--upload-limit-mb", min=1, help="Largest upload accepted, in MB.")] = 50,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Server processes: one per core lets many readers use every core.")] = 1,
) -> None:
    """Serve the web app: reports, reader, figures, search and the JSON API (zh-TW / English)."""
    start_server(db, host, port, read_only=read_only, token=token, upload_limit_mb=upload_limit_mb, workers=workers)
