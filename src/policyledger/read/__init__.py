"""Readers: bytes of a TXT, PDF or DOCX file to numbered source lines.

The kind of a file is decided by its content, never by its name; the name only sharpens the
error message. Every reader either returns a SourceText or raises InputError naming the file:
hostile input (a zip bomb, a 100 MB text, random bytes) is refused by the limits below before it
can cost much time or memory.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from policyledger.errors import InputError, PolicyLedgerError
from policyledger.model import SourceText
from policyledger.read.text import read_text

_MB = 1_000_000


@dataclass(frozen=True)
class Limits:
    """How much input a reader accepts. Defaults suit a ministry's report; each can be raised
    with an environment variable (see `from_env`) or by passing Limits to `read_bytes`."""

    text_bytes: int = 20 * _MB  # a plain-text report is well under 2 MB
    file_bytes: int = 100 * _MB  # PDF and DOCX, images included
    docx_unpacked_bytes: int = 300 * _MB  # the sum of a DOCX's declared uncompressed sizes
    docx_members: int = 10_000  # files inside a DOCX
    zip_ratio: int = 200  # uncompressed / compressed size of one member above which it is a bomb
    pdf_pages: int = 5_000
    pdf_stream_bytes: int = 256 * _MB  # what one compressed stream of a PDF may inflate to
    pdf_unpacked_bytes: int = 2_000 * _MB  # what all of them together may inflate to

    @classmethod
    def from_env(cls) -> Limits:
        """POLICYLEDGER_MAX_TEXT_MB, _MAX_FILE_MB, _MAX_DOCX_UNPACKED_MB, _MAX_PDF_PAGES, _MAX_PDF_STREAM_MB."""
        return cls(
            text_bytes=_env_number("POLICYLEDGER_MAX_TEXT_MB", cls.text_bytes // _MB) * _MB,
            file_bytes=_env_number("POLICYLEDGER_MAX_FILE_MB", cls.file_bytes // _MB) * _MB,
            docx_unpacked_bytes=_env_number("POLICYLEDGER_MAX_DOCX_UNPACKED_MB", cls.docx_unpacked_bytes // _MB) * _MB,
            pdf_pages=_env_number("POLICYLEDGER_MAX_PDF_PAGES", cls.pdf_pages),
            pdf_stream_bytes=_env_number("POLICYLEDGER_MAX_PDF_STREAM_MB", cls.pdf_stream_bytes // _MB) * _MB,
        )

    def for_kind(self, kind: str) -> int:
        return self.text_bytes if kind == "txt" else self.file_bytes


def _env_number(variable: str, default: int) -> int:
    value = os.environ.get(variable)
    if value is None or not value.strip():
        return default
    try:
        number = int(value)
    except ValueError:
        raise PolicyLedgerError(f"{variable} must be a whole number, not {value!r}") from None
    if number <= 0:
        raise PolicyLedgerError(f"{variable} must be positive, not {value!r}")
    return number


# Defaults as numbers, for callers that show them (e.g. an upload form).
MAX_TEXT_BYTES = Limits().text_bytes
MAX_BINARY_BYTES = Limits().file_bytes

# Files that are none of ours, known by their first bytes, and what to tell the user.
_FOREIGN = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "is an old binary Word (.doc) file or a password-protected Office file; save it as .docx (without a password) and try again"),
    (b"{\\rtf", "is an RTF file; save it as .docx or .txt and try again"),
    (b"\x89PNG\r\n\x1a\n", "is a PNG image; policyledger reads text, PDF and DOCX and does not do OCR"),
    (b"\xff\xd8\xff", "is a JPEG image; policyledger reads text, PDF and DOCX and does not do OCR"),
    (b"GIF8", "is a GIF image; policyledger reads text, PDF and DOCX and does not do OCR"),
    (b"II*\x00", "is a TIFF image; policyledger reads text, PDF and DOCX and does not do OCR"),
    (b"MM\x00*", "is a TIFF image; policyledger reads text, PDF and DOCX and does not do OCR"),
)


def sniff(data: bytes) -> str:
    """'pdf', 'zip' (a DOCX, or another zip), 'foreign' (see _FOREIGN) or 'txt'.

    Only the first kilobyte is looked at, so a file's kind is known before it is read whole."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return "zip"
    if any(head.startswith(magic) for magic, _ in _FOREIGN):
        return "foreign"
    return "txt"


def read_bytes(data: bytes, name: str, limits: Limits | None = None) -> SourceText:
    """Read a report's bytes; raise InputError naming `name` when they cannot be read."""
    limits = limits or Limits.from_env()
    if not data:
        raise InputError(name, "the file is empty")
    kind = sniff(data)
    _check_size(len(data), name, kind, limits)
    if kind == "pdf":
        from policyledger.read.pdf import read_pdf

        return read_pdf(data, name, limits)
    if kind == "zip":
        from policyledger.read.docx import read_docx

        return read_docx(data, name, limits)
    if kind == "foreign":
        raise InputError(name, next(problem for magic, problem in _FOREIGN if data.startswith(magic)))
    if name.lower().endswith(".docx"):
        raise InputError(name, "has a .docx name but is not a Word document (not a zip archive)")
    if name.lower().endswith(".pdf"):
        raise InputError(name, "has a .pdf name but is not a PDF (no %PDF- header)")
    return read_text(data, name)


def load(path: str | Path, limits: Limits | None = None) -> bytes:
    """A file's bytes, or InputError naming the file (missing, a folder, too large, unreadable).

    The size limit of the file's kind is applied before the file is read, so a 100 MB text file
    costs a stat and one kilobyte, not 100 MB of memory."""
    path = Path(path)
    limits = limits or Limits.from_env()
    try:
        if path.is_dir():
            raise InputError(str(path), "is a directory, not a file")
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(1024)
            _check_size(size, str(path), sniff(head), limits)
            handle.seek(0)
            return handle.read()
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except PermissionError:
        raise InputError(str(path), "permission denied") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot be read: {exc.strerror or exc}") from None


def read_path(path: str | Path, limits: Limits | None = None) -> SourceText:
    path = Path(path)
    try:
        return read_bytes(load(path, limits), path.name, limits)
    except InputError as exc:
        raise InputError(str(path), exc.problem) from None


def _check_size(size: int, name: str, kind: str, limits: Limits) -> None:
    limit = limits.for_kind(kind)
    if size > limit:
        what = "a text file" if kind == "txt" else "a PDF or DOCX file"
        variable = "POLICYLEDGER_MAX_TEXT_MB" if kind == "txt" else "POLICYLEDGER_MAX_FILE_MB"
        raise InputError(name, f"is {size / _MB:.0f} MB; the limit for {what} is {limit / _MB:.0f} MB (raise it with {variable})")
