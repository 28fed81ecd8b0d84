"""PDF: the text layer, page by page, with page numbers kept (PDFium via pypdfium2).

Line numbers count the lines of the extracted text across pages, so a citation's lines can be
found in `policyledger export --format json`'s source text. No OCR is done: a PDF without a
text layer is refused with a message saying so.
"""

from __future__ import annotations

import pypdfium2 as pdfium

from policyledger.errors import InputError
from policyledger.model import SourceLine, SourceText
from policyledger.read.text import to_lines


def read_pdf(data: bytes, name: str) -> SourceText:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise InputError(name, _explain(str(exc))) from None
    lines: list[SourceLine] = []
    try:
        for page_index in range(len(pdf)):
            page = pdf[page_index]
            try:
                textpage = page.get_textpage()
                text = textpage.get_text_range()
                textpage.close()
            finally:
                page.close()
            for line in to_lines(text):
                lines.append(SourceLine(len(lines) + 1, line, page_index + 1))
    except pdfium.PdfiumError as exc:
        raise InputError(name, f"the PDF is damaged: {exc}") from None
    finally:
        pdf.close()
    if not any(line.text.strip() for line in lines):
        raise InputError(name, "the PDF has no text layer (a scan?); policyledger does not do OCR — run OCR first, then ingest the text")
    return SourceText(name=name, kind="pdf", lines=lines)


def _explain(message: str) -> str:
    lowered = message.lower()
    if "password" in lowered:
        return "the PDF is encrypted (password protected); remove the password and try again"
    if "format" in lowered or "file" in lowered:
        return "the PDF is damaged or truncated (PDFium cannot open it)"
    return f"the PDF cannot be opened: {message}"
