"""What one running web app was started with, and the FastAPI dependencies that hand it out."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request
from sqlalchemy import Engine


@dataclass(frozen=True)
class WebConfig:
    """Settings fixed at start-up: read-only mode, the write token, the upload size limit."""

    engine: Engine
    read_only: bool = False
    token: str | None = None
    upload_limit_mb: int = 50

    @property
    def upload_limit_bytes(self) -> int:
        return self.upload_limit_mb * 1_000_000

    @property
    def writable(self) -> bool:
        return not self.read_only


def get_config(request: Request) -> WebConfig:
    return request.app.state.config


def get_engine(request: Request) -> Engine:
    return request.app.state.config.engine
