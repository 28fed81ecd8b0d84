"""Plain text: detect the encoding, split into numbered lines.

Taiwanese government text files come as UTF-8 (with or without BOM), Big5/CP950 or UTF-16
(with or without BOM). The order of the tests matters:

1. a byte-order mark decides;
2. UTF-16 without a BOM is recognised by what it decodes to (mostly CJK, ASCII and
   punctuation), because CJK text in UTF-16 need not contain a single NUL byte;
3. strict UTF-8, then strict CP950 (the common legacy encoding here) and Big5-HKSCS;
4. a file whose lines mix UTF-8 and CP950 (two files pasted together), or that has a few
   damaged bytes, is read line by line;
5. anything else goes to charset-normalizer, and bytes it cannot map become U+FFFD.

Whatever is repaired on the way (control characters, undecodable bytes, mixed encodings) is
said in a warning, so the user knows the text is not exactly the file.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from charset_normalizer import from_bytes

from policyledger.errors import InputError
from policyledger.model import SourceLine, SourceText

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# C0 controls other than tab and the line breaks, DEL, C1 controls, and the non-characters
# PDFium uses for soft hyphens and line ends inside words.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# Controls a text file may carry innocently: form feed (pdftotext's page break).
_HARMLESS = {"\x0c"}
_SAMPLE = 65_536
_TOO_MANY_CONTROLS = 0.10  # share of characters above which decoded "text" is binary
_TOO_MANY_REPLACED = 0.01  # share of undecodable characters above which a BOM'd file is refused


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes, name: str) -> Decoded:
    """The text and its encoding, or InputError when the bytes are not text."""
    decoded = _with_bom(data, name) or _utf8_with_few_nuls(data) or _utf16_without_bom(data) or _strict(data, "utf-8")
    if decoded is None:
        if _binary(data):
            raise InputError(name, "does not look like text (binary content); expected UTF-8, Big5 or UTF-16 text, PDF or DOCX")
        decoded = _strict(data, "cp950") or _strict(data, "big5hkscs") or _line_by_line(data) or _detected(data, name)
    _refuse_binary_text(decoded.text, name)
    return decoded


def _with_bom(data: bytes, name: str) -> Decoded | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            replaced = text.count("\ufffd") - data.decode(encoding, errors="ignore").count("\ufffd")
            if replaced > _TOO_MANY_REPLACED * max(len(text), 1):
                raise InputError(name, f"starts with a {encoding} byte-order mark but is not {encoding} text ({replaced} bytes cannot be decoded)")
            warnings = [f"{replaced} undecodable byte sequences were replaced by �"] if replaced else []
            return Decoded(text, encoding, warnings)
    return None


def _utf8_with_few_nuls(data: bytes) -> Decoded | None:
    """Strict UTF-8, unless a quarter of the bytes are NUL (UTF-16 of mostly ASCII text).

    ASCII read as UTF-16 looks like plausible CJK, so a UTF-8 file with stray NULs must be taken
    as UTF-8 before the UTF-16 test runs; UTF-16 with CJK in it is never valid UTF-8 anyway."""
    sample = data[:_SAMPLE]
    if sample.count(0) > 0.25 * len(sample):
        return None
    return _strict(data, "utf-8")


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 LE or BE, chosen by which byte order reads as plausible Chinese or Latin text."""
    sample = data[:_SAMPLE]
    if len(sample) < 4:
        return None
    even = sample[: len(sample) - len(sample) % 2]
    scores = {encoding: _plausibility(even.decode(encoding, errors="replace")) for encoding in ("utf-16-le", "utf-16-be")}
    best = max(scores, key=lambda encoding: scores[encoding])
    if scores[best] < 0.95:
        return None
    text = data.decode(best, errors="replace")
    warnings = ["the file has an odd number of bytes; its last byte was dropped"] if len(data) % 2 else []
    return Decoded(text, best, warnings)


def _plausibility(text: str) -> float:
    """Share of characters a Chinese or Western report is made of."""
    if not text:
        return 0.0
    return sum(1 for char in text if _plausible(ord(char))) / len(text)


def _plausible(code: int) -> bool:
    return (
        code in (9, 10, 13)
        or 0x20 <= code < 0x7F
        or 0xA0 <= code < 0x250  # Latin-1 and Latin Extended
        or 0x2000 <= code < 0x2BFF  # punctuation, symbols, arrows, box drawing, enclosed numbers
        or 0x3000 <= code < 0x3130  # CJK punctuation, kana, bopomofo
        or 0x4E00 <= code < 0xA000  # CJK unified ideographs
        or 0xFF00 <= code < 0xFFF0  # full-width forms
    )


def _strict(data: bytes, encoding: str) -> Decoded | None:
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        return None


def _line_by_line(data: bytes) -> Decoded | None:
    """Each line as UTF-8 or else CP950: two files of different encodings pasted together, or
    a file with a few damaged bytes. None when too much is undecodable to call it either."""
    counts = {"utf-8": 0, "cp950": 0, "damaged": 0}
    texts: list[str] = []
    for line in data.split(b"\n"):
        text, kind = _decode_line(line)
        texts.append(text)
        if kind != "utf-8" or not line.isascii():
            counts[kind] += 1
    text = "\n".join(texts)
    replaced = text.count("\ufffd")
    if replaced > _TOO_MANY_REPLACED * max(len(text), 1):
        return None
    warnings = []
    if counts["utf-8"] and counts["cp950"]:
        warnings.append(f"mixed encodings: {counts['utf-8']} lines read as UTF-8 and {counts['cp950']} as Big5/CP950")
    if counts["damaged"]:
        warnings.append(f"{counts['damaged']} lines had undecodable bytes; {replaced} were replaced by �")
    encoding = "utf-8+cp950" if counts["utf-8"] and counts["cp950"] else ("cp950" if counts["cp950"] > counts["utf-8"] else "utf-8")
    return Decoded(text, encoding, warnings)


def _decode_line(line: bytes) -> tuple[str, str]:
    for encoding in ("utf-8", "cp950"):
        try:
            return line.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    candidates = [line.decode(encoding, errors="replace") for encoding in ("utf-8", "cp950")]
    return min(candidates, key=lambda text: text.count("\ufffd")), "damaged"


def _detected(data: bytes, name: str) -> Decoded:
    best = from_bytes(data[:2_000_000]).best()
    if best is None or best.encoding is None:
        raise InputError(name, "cannot tell the text encoding (tried UTF-8, UTF-16, Big5/CP950 and detection)")
    text = data.decode(best.encoding, errors="replace")
    warnings = [f"the encoding was guessed as {best.encoding}"]
    replaced = text.count("\ufffd")
    if replaced:
        warnings.append(f"{replaced} undecodable byte sequences were replaced by �")
    return Decoded(text, best.encoding, warnings)


def _binary(data: bytes) -> bool:
    """Control bytes (other than tab, line breaks, form feed) in more than 2 % of the start."""
    sample = data[:_SAMPLE]
    if not sample:
        return False
    controls = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    return controls > 0.02 * len(sample)


def _refuse_binary_text(text: str, name: str) -> None:
    sample = text[:_SAMPLE]
    controls = sum(1 for match in _CONTROL.finditer(sample) if match.group() not in _HARMLESS)
    if sample and controls > _TOO_MANY_CONTROLS * len(sample):
        raise InputError(name, "does not look like text (it is mostly control characters); expected UTF-8, Big5 or UTF-16 text, PDF or DOCX")


def to_lines(text: str) -> list[str]:
    """Split on any newline convention; drop control characters and the invisible ones a web page
    leaves in pasted text (zero-width spaces, soft hyphens), and read its HTML entities (&nbsp;),
    but keep the line count."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ENTITY.search(text):
        text = _ENTITY.sub(lambda entity: html.unescape(entity.group(0)), text)
    return [_INVISIBLE.sub("", _CONTROL.sub("", line)).translate(_NO_BREAK_SPACES) for line in text.split("\n")]


# '12,4\u200b68 次', 'pre\u00adservation': characters no reader sees, which would cut a number or a word
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\u00ad]|(?<=.)\ufeff")
# '18.6\u00a0億元': a space that only keeps a number and its unit on one line, a space still (one for one)
_NO_BREAK_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " "})
# '148&nbsp;萬人次', '產業&amp;文化': the spaces and ampersands a web page's text was copied with (not '&D' of
# R&D; nor &lt; and &gt;, which would make of a report's words what looks like markup)
_ENTITY = re.compile(r"&(?:nbsp|ensp|emsp|thinsp|amp|#160|#8203|#xa0|#xA0|#x200[bB]);")


def read_text(data: bytes, name: str) -> SourceText:
    decoded = decode(data, name)
    warnings = list(decoded.warnings)
    controls = sum(1 for match in _CONTROL.finditer(decoded.text) if match.group() not in _HARMLESS)
    if controls:
        warnings.append(f"{controls} control characters (NUL and the like) were removed")
    lines = to_lines(decoded.text)
    if lines and lines[-1] == "":
        lines.pop()
    source_lines = [SourceLine(number, line) for number, line in enumerate(lines, start=1)]
    return SourceText(name=name, kind="txt", lines=source_lines, encoding=decoded.encoding, warnings=warnings)
