"""Plain text: detect the encoding, split into numbered lines.

Taiwanese government text files come as UTF-8 (with or without BOM), Big5/CP950 or UTF-16.
BOMs and strict UTF-8 are decided exactly; anything else goes to charset-normalizer, with
CP950 tried first because it is the common legacy encoding here.
"""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

from policyledger.errors import InputError
from policyledger.model import SourceLine, SourceText

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# C0 controls other than tab and the line breaks, DEL, and C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Return (text, encoding name), or raise InputError when the bytes are not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputError(name, f"starts with a {encoding} byte-order mark but is not valid {encoding}: {exc.reason}") from None
    if _looks_like_utf16(data):
        encoding = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _binary(data):
        raise InputError(name, "does not look like text (binary content); expected UTF-8, Big5 or UTF-16 text, PDF or DOCX")
    for encoding in ("cp950", "big5hkscs"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    best = from_bytes(data[:2_000_000]).best()
    if best is None or best.encoding is None:
        raise InputError(name, "cannot tell the text encoding (tried UTF-8, UTF-16, Big5/CP950 and detection)")
    return data.decode(best.encoding, errors="replace"), best.encoding


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 without BOM: every other byte NUL in a text made mostly of ASCII or CJK."""
    sample = data[:4000]
    if len(sample) < 4 or len(sample) % 2:
        return False
    even, odd = sample[0::2], sample[1::2]
    return odd.count(0) > 0.3 * len(odd) or even.count(0) > 0.3 * len(even)


def _binary(data: bytes) -> bool:
    sample = data[:65536]
    if not sample:
        return False
    controls = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    return controls > 0.02 * len(sample)


def to_lines(text: str) -> list[str]:
    """Split on any newline convention; drop control characters but keep the line count."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [_CONTROL.sub("", line) for line in text.split("\n")]


def read_text(data: bytes, name: str) -> SourceText:
    text, encoding = decode(data, name)
    lines = to_lines(text)
    if lines and lines[-1] == "":
        lines.pop()
    source_lines = [SourceLine(number, line) for number, line in enumerate(lines, start=1)]
    return SourceText(name=name, kind="txt", lines=source_lines, encoding=encoding)
