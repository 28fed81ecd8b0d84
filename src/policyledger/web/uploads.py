"""Write endpoints: upload a report (POST /api/docs) and delete one (DELETE /api/docs/{doc}).

They are registered only when the server is not read-only. An upload is held to the size
limit while it streams in, saved under a name we generate (the user's file name is kept only
as a label), its type is judged from its bytes by the readers, and it is ingested in one
transaction: unreadable input is a 4xx with the reader's message and an unchanged database.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException
from starlette.types import Message, Receive

from policyledger.errors import InputError
from policyledger.ingest import IngestResult, ingest_bytes
from policyledger.store.repository import delete_document, resolve_document
from policyledger.web.config import WebConfig, get_config
from policyledger.web.rendering import doc_url
from policyledger.web.security import check_same_origin, check_write_allowed

router = APIRouter(tags=["write"])

FORM_OVERHEAD = 64 * 1024  # multipart boundaries and the small fields around the file
CHUNK = 1024 * 1024


class BodyTooLarge(Exception):
    """The request body passed the upload limit while it was still arriving."""


def too_large(config: WebConfig) -> HTTPException:
    return HTTPException(413, f"the file is larger than the upload limit of {config.upload_limit_mb} MB (檔案超過 {config.upload_limit_mb} MB 上限)")


def limited(receive: Receive, limit: int) -> Receive:
    """`receive`, but raising BodyTooLarge once more than `limit` bytes of body have come."""
    seen = 0

    async def wrapped() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLarge
        return message

    return wrapped


def label(filename: str | None) -> str:
    """The user's file name as a label only: last path part, no control characters, bounded."""
    name = re.split(r"[\\/]", filename or "")[-1]
    name = re.sub(r"[\x00-\x1f\x7f]", "", name).strip()
    return name[:200] or "upload"


async def save_upload(upload: UploadFile, folder: Path, config: WebConfig) -> Path:
    """Copy the upload to folder/<random>.upload, counting bytes against the limit."""
    target = folder / f"{uuid.uuid4().hex}.upload"
    size = 0
    with target.open("wb") as out:
        while chunk := await upload.read(CHUNK):
            size += len(chunk)
            if size > config.upload_limit_bytes:
                out.close()
                target.unlink(missing_ok=True)
                raise too_large(config)
            out.write(chunk)
    return target


async def read_form(request: Request, config: WebConfig) -> Any:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > config.upload_limit_bytes + FORM_OVERHEAD:
        raise too_large(config)
    counted = Request(request.scope, receive=limited(request.receive, config.upload_limit_bytes + FORM_OVERHEAD))
    try:
        return await counted.form(max_files=1, max_fields=8)
    except BodyTooLarge:
        raise too_large(config) from None
    except (MultiPartException, AssertionError, ValueError) as exc:
        raise HTTPException(400, f"send the report as a multipart/form-data field named 'file' ({exc})") from None


def wants_html(request: Request) -> bool:
    """A plain HTML form (no script) asked; answer with a page, not JSON."""
    return "text/html" in request.headers.get("accept", "") and request.headers.get("x-requested-with") is None


@router.post("/api/docs", status_code=201, summary="Upload and ingest a report (multipart field `file`)")
async def upload_document(request: Request, config: WebConfig = Depends(get_config)) -> Response:
    check_same_origin(request)
    form = await read_form(request, config)
    token_field = form.get("token")
    check_write_allowed(request, config, token_field if isinstance(token_field, str) else None)
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise HTTPException(400, "no file: send the report as the form field 'file' (請選擇檔案)")
    name = label(upload.filename)
    stored = await save_upload(upload, request.app.state.upload_dir, config)
    try:
        result = await run_in_threadpool(_ingest, config, stored, name)
    finally:
        stored.unlink(missing_ok=True)
    if wants_html(request):
        return RedirectResponse(doc_url(result.doc_id), status_code=303)
    return JSONResponse(upload_record(result), status_code=201 if result.created else 200)


def _ingest(config: WebConfig, stored: Path, name: str) -> IngestResult:
    data = stored.read_bytes()
    try:
        return ingest_bytes(config.engine, data, name)
    except InputError as exc:
        raise HTTPException(422, str(exc)) from None
    except ModuleNotFoundError as exc:  # a reader this installation lacks (e.g. DOCX)
        raise HTTPException(415, f"{name}: this installation cannot read this kind of file ({exc.name} is missing)") from None


def upload_record(result: IngestResult) -> dict[str, Any]:
    return {
        "id": result.doc_id,
        "source_name": result.source_name,
        "created": result.created,
        "items": result.node_count,
        "claims": result.claim_count,
        "entities": result.entity_count,
        "warnings": result.warnings,
        "url": doc_url(result.doc_id),
    }


@router.delete("/api/docs/{doc}", status_code=204, summary="Delete a report and everything extracted from it")
def delete(doc: str, request: Request, config: WebConfig = Depends(get_config)) -> Response:
    check_write_allowed(request, config)
    delete_document(config.engine, resolve_document(config.engine, doc))
    return Response(status_code=204)


@router.post("/api/docs/{doc}/delete", summary="Delete a report (for HTML forms, which cannot send DELETE)")
async def delete_from_form(doc: str, request: Request, config: WebConfig = Depends(get_config)) -> Response:
    check_same_origin(request)
    form = await request.form(max_files=0, max_fields=4)
    token_field = form.get("token")
    check_write_allowed(request, config, token_field if isinstance(token_field, str) else None)
    await run_in_threadpool(delete_document, config.engine, resolve_document(config.engine, doc))
    return RedirectResponse("/", status_code=303) if wants_html(request) else Response(status_code=204)
