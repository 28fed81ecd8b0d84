"""PDF: the text layer, page by page, with page numbers kept (PDFium via pypdfium2).

Line numbers count the lines of the extracted text across pages, so a citation's lines can be
found in `policyledger export --format json`'s source text. No OCR is done: a PDF without a
text layer is refused with a message saying so, and pages without text are named in a warning.
PDFium is not thread-safe (the web server reads uploads in worker threads), so one lock
guards every call into it.
"""

from __future__ import annotations

import re
import threading
import zlib
from typing import TYPE_CHECKING

import pypdfium2 as pdfium

from policyledger.errors import InputError
from policyledger.model import SourceLine, SourceText
from policyledger.read.text import to_lines

if TYPE_CHECKING:
    from policyledger.read import Limits

_PDFIUM = threading.Lock()
_STREAM = re.compile(rb"\bstream\r?\n")
_STEP = 1 << 20
_NO_OCR = "policyledger does not do OCR — run OCR first (e.g. ocrmypdf), then ingest the result"


def read_pdf(data: bytes, name: str, limits: Limits) -> SourceText:
    check_streams(data, name, limits)
    with _PDFIUM:
        pages = _page_texts(data, name, limits)
    lines: list[SourceLine] = []
    empty_pages: list[int] = []
    for number, text in enumerate(pages, start=1):
        page_lines = to_lines(text)
        if not any(line.strip() for line in page_lines):
            empty_pages.append(number)  # no line: a blank one would look like a paragraph break
            continue
        for line in page_lines:
            lines.append(SourceLine(len(lines) + 1, line, number))
    if len(empty_pages) == len(pages):
        raise InputError(name, f"the PDF has no text layer (a scan?); {_NO_OCR}")
    warnings = _warnings(data, empty_pages)
    return SourceText(name=name, kind="pdf", lines=lines, warnings=warnings)


def check_streams(data: bytes, name: str, limits: Limits) -> None:
    """Refuse a 'PDF bomb': a compressed stream that inflates to gigabytes.

    PDFium inflates a stream whole when it reads it, without a limit, so every zlib stream is
    inflated here first, in 1 MB steps that are thrown away: a stream is found by its `stream`
    keyword, and ends where its zlib data ends (no need to trust /Length)."""
    total = 0
    for match in _STREAM.finditer(data):
        start = match.end()
        if data[start : start + 1] != b"\x78":  # not zlib (another filter, or encrypted)
            continue
        inflated = _inflated_size(data, start, limits.pdf_stream_bytes)
        if inflated > limits.pdf_stream_bytes:
            limit = f"{limits.pdf_stream_bytes / 1e6:.0f} MB"
            raise InputError(name, f"a stream of the PDF inflates past {limit} — refused as a PDF bomb (raise it with POLICYLEDGER_MAX_PDF_STREAM_MB)")
        total += inflated
        if total > limits.pdf_unpacked_bytes:
            raise InputError(name, f"the PDF's streams inflate past {limits.pdf_unpacked_bytes / 1e6:.0f} MB in all — refused as a PDF bomb")


def _inflated_size(data: bytes, start: int, cap: int) -> int:
    """Bytes the zlib stream at `start` inflates to, counting stops a little past `cap`."""
    inflater = zlib.decompressobj()
    produced, position = 0, start
    try:
        while produced <= cap and not inflater.eof and (inflater.unconsumed_tail or position < len(data)):
            chunk = inflater.unconsumed_tail or data[position : position + _STEP]
            if not inflater.unconsumed_tail:
                position += len(chunk)
            produced += len(inflater.decompress(chunk, _STEP))
    except zlib.error:
        pass  # not zlib after all, or damaged: PDFium will judge
    return produced


def _page_texts(data: bytes, name: str, limits: Limits) -> list[str]:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise InputError(name, _explain(str(exc))) from None
    try:
        count = len(pdf)
        if count == 0:
            raise InputError(name, "the PDF has no pages (damaged or truncated?)")
        if count > limits.pdf_pages:
            raise InputError(name, f"the PDF has {count} pages; the limit is {limits.pdf_pages} (raise it with POLICYLEDGER_MAX_PDF_PAGES)")
        return [_page_text(pdf, index) for index in range(count)]
    except pdfium.PdfiumError as exc:
        raise InputError(name, f"the PDF is damaged: {exc}") from None
    finally:
        pdf.close()


def _page_text(pdf: pdfium.PdfDocument, index: int) -> str:
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            return textpage.get_text_range()
        finally:
            textpage.close()
    finally:
        page.close()


def _warnings(data: bytes, empty_pages: list[int]) -> list[str]:
    warnings = []
    if empty_pages:
        shown = ", ".join(str(page) for page in empty_pages[:20]) + (" …" if len(empty_pages) > 20 else "")
        warnings.append(f"{len(empty_pages)} pages have no text layer and were skipped (pages {shown}); {_NO_OCR}")
    if b"%%EOF" not in data[-2048:]:
        warnings.append("the PDF does not end with %%EOF (truncated?); the text was read from what is there")
    return warnings


def _explain(message: str) -> str:
    lowered = message.lower()
    if "password" in lowered or "security" in lowered:
        return "the PDF is encrypted (password protected); remove the password and try again"
    if "format" in lowered or "file" in lowered:
        return "the PDF is damaged or truncated (PDFium cannot open it)"
    return f"the PDF cannot be opened: {message}"
