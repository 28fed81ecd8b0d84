"""Who may write, and what the browser may run.

- Writes (upload, delete) need the token when the server was started with one: sent as
  `Authorization: Bearer …`, `X-PolicyLedger-Token: …` or a `token` form field.
- A write from a page of another origin is refused, so a web page elsewhere cannot make the
  reader's browser upload to (or delete from) a ledger on their machine.
- Every response carries a Content-Security-Policy that allows only this server's own
  scripts and styles: even if report text escaped its escaping, it could not run.
"""

from __future__ import annotations

import hmac
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from policyledger.web.config import WebConfig

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# Swagger UI sets inline styles from its bundle; it still runs only our own scripts.
CSP_API_DOCS = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


def presented_token(request: Request, form_token: str | None = None) -> str | None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.headers.get("x-policyledger-token") or form_token or None


def check_write_allowed(request: Request, config: WebConfig, form_token: str | None = None) -> None:
    """Raise 403 for a cross-origin write, 401 without the token, 403 with a wrong one."""
    check_same_origin(request)
    if config.token is None:
        return
    given = presented_token(request, form_token)
    if not given:
        raise HTTPException(401, "this server needs an access token to upload or delete (存取權杖)", headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.encode(), config.token.encode()):
        raise HTTPException(403, "the access token is wrong (存取權杖錯誤)")


def check_same_origin(request: Request) -> None:
    origin = request.headers.get("origin")
    if not origin:  # not a browser, or a browser's same-origin navigation
        return
    if urlsplit(origin).netloc != request.headers.get("host", ""):
        raise HTTPException(403, "writes are accepted only from this server's own pages")


class SecurityHeaders:
    """Pure ASGI middleware adding CSP and friends to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = CSP_API_DOCS if scope["path"] == "/docs" else CSP

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"content-security-policy", policy.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"same-origin"),
                    (b"x-frame-options", b"DENY"),
                ]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)
