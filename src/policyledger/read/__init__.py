"""Readers: bytes of a TXT, PDF or DOCX file to numbered source lines.

The kind of a file is decided by its content, never by its name.
"""

from __future__ import annotations

import os
from pathlib import Path

from policyledger.errors import InputError
from policyledger.model import SourceText
from policyledger.read.text import read_text

MAX_TEXT_BYTES = int(os.environ.get("POLICYLEDGER_MAX_TEXT_MB", "20")) * 1_000_000
MAX_BINARY_BYTES = int(os.environ.get("POLICYLEDGER_MAX_FILE_MB", "100")) * 1_000_000


def sniff(data: bytes) -> str:
    """'pdf', 'docx', 'zip' (a zip that is not a Word file) or 'txt'."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return "docx" if b"word/" in data[:200_000] or b"[Content_Types].xml" in data[:200_000] else "zip"
    return "txt"


def read_bytes(data: bytes, name: str) -> SourceText:
    """Read a report's bytes; raise InputError naming `name` when they cannot be read."""
    if not data:
        raise InputError(name, "the file is empty")
    kind = sniff(data)
    if kind == "pdf":
        _check_size(data, name, MAX_BINARY_BYTES)
        from policyledger.read.pdf import read_pdf

        return read_pdf(data, name)
    if kind == "docx":
        _check_size(data, name, MAX_BINARY_BYTES)
        from policyledger.read.docx import read_docx

        return read_docx(data, name)
    if kind == "zip":
        raise InputError(name, "is a zip archive but not a Word (.docx) document")
    if name.lower().endswith(".docx"):
        raise InputError(name, "has a .docx name but is not a Word document (not a zip archive)")
    if name.lower().endswith(".pdf"):
        raise InputError(name, "has a .pdf name but is not a PDF (no %PDF- header)")
    _check_size(data, name, MAX_TEXT_BYTES)
    return read_text(data, name)


def load(path: str | Path) -> bytes:
    """A file's bytes, or InputError naming the file (missing, a folder, too large, unreadable)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise InputError(str(path), "is a directory, not a file")
        if size > MAX_BINARY_BYTES:
            raise InputError(str(path), f"is {size / 1e6:.0f} MB; the limit is {MAX_BINARY_BYTES / 1e6:.0f} MB")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except PermissionError:
        raise InputError(str(path), "permission denied") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot be read: {exc.strerror or exc}") from None


def read_path(path: str | Path) -> SourceText:
    path = Path(path)
    try:
        return read_bytes(load(path), path.name)
    except InputError as exc:
        raise InputError(str(path), exc.problem) from None


def _check_size(data: bytes, name: str, limit: int) -> None:
    if len(data) > limit:
        raise InputError(name, f"is {len(data) / 1e6:.0f} MB; the limit for this kind of file is {limit / 1e6:.0f} MB")
