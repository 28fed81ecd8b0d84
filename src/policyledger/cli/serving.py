"""Starting the web app (the app itself lives in `policyledger.web`)."""

from __future__ import annotations

from policyledger.cli.common import console, global_state


def start_server(db: str | None, host: str, port: int, *, read_only: bool = False, token: str | None = None) -> None:
    import uvicorn

    from policyledger.web.app import create_app

    app = create_app(db or global_state.db, read_only=read_only, token=token)
    console.print(f"policyledger web app: http://{host}:{port}/  (Ctrl+C to stop)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
