"""DOCX: paragraphs and table rows in body order, one source line each (python-docx).

Word keeps list numbers out of the text, so each numbered paragraph gets the label Word would
show written in front of it (`wordnumbering`), and a heading-styled paragraph without a list
gets the grammar's marker for its level (Heading 1 → 壹、, Heading 2 → 一、 …). Numbers typed
into the text are left as they are. A table row becomes one line "| cell | cell |", so a
number in a table cell never opens an outline item. A table of contents is skipped: its lines
would repeat every heading.

The archive is checked before python-docx opens it, because python-docx reads every part into
memory: a zip bomb is refused by the sizes the archive declares, and each member is inflated
once in 1 MB steps to prove it yields no more than it declares.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml import etree

from policyledger.errors import InputError
from policyledger.markers import parse_marker
from policyledger.model import SourceLine, SourceText
from policyledger.read.wordnumbering import HeadingNumbering, ListNumbering, W

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

    from policyledger.read import Limits

_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_HEADING_STYLE = re.compile(r"^(?:heading|標題)\s*([1-9])$", re.IGNORECASE)
_TOC_STYLE = re.compile(r"^(?:toc|目錄)\s*[1-9]$", re.IGNORECASE)
_BIG_MEMBER = 10_000_000  # a member this large must not be more compressed than Limits.zip_ratio
_INFLATE_STEP = 1 << 20


# --- the archive ------------------------------------------------------------------------------


def check_archive(data: bytes, name: str, limits: Limits) -> None:
    """InputError unless `data` is a zip holding a Word document that unpacks to a sane size."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise InputError(name, "is not a readable zip archive, so not a Word document (damaged or truncated?)") from None
    if len(members) > limits.docx_members:
        raise InputError(name, f"holds {len(members)} files; a Word document holds far fewer (limit {limits.docx_members}) — refused as a possible zip bomb")
    total = sum(member.file_size for member in members)
    if total > limits.docx_unpacked_bytes:
        raise InputError(
            name,
            f"unpacks to {total / 1e6:.0f} MB; the limit is {limits.docx_unpacked_bytes / 1e6:.0f} MB (a zip bomb? raise it with POLICYLEDGER_MAX_DOCX_UNPACKED_MB)",
        )
    for member in members:
        if member.file_size > _BIG_MEMBER and member.file_size > limits.zip_ratio * max(member.compress_size, 1):
            raise InputError(name, f"{member.filename} expands {member.file_size // max(member.compress_size, 1)} times its packed size — refused as a zip bomb")
        if member.flag_bits & 0x1:
            raise InputError(name, "is a password-protected zip archive; remove the password and try again")
    names = {member.filename for member in members}
    if "[Content_Types].xml" not in names or not any(entry.startswith("word/") for entry in names):
        raise InputError(name, "is a zip archive but not a Word (.docx) document")
    for member in members:
        _check_inflation(data, member, name)


def _check_inflation(data: bytes, member: zipfile.ZipInfo, name: str) -> None:
    """Inflate a member in small steps and refuse it if it yields more than it declares.

    zipfile truncates a member at its declared size, but reads a whole member in one call that
    may inflate everything its compressed bytes hold first: a member declaring 1 MB whose stream
    holds 1 GB of zeros would cost 1 GB before the truncation. Checked here, it costs 1 MB."""
    if member.compress_type == zipfile.ZIP_STORED:
        if member.compress_size != member.file_size:
            raise InputError(name, f"{member.filename} is damaged (stored with mismatched sizes)")
        return
    if member.compress_type != zipfile.ZIP_DEFLATED:
        raise InputError(name, f"{member.filename} uses a compression Word does not write (method {member.compress_type})")
    try:
        header = struct.unpack_from("<IHHHHHIIIHH", data, member.header_offset)
    except struct.error:
        raise InputError(name, "is a damaged zip archive (a member lies outside the file)") from None
    start = member.header_offset + 30 + header[9] + header[10]
    stream = data[start : start + member.compress_size]
    inflater = zlib.decompressobj(-15)
    produced = 0
    try:
        while stream and not inflater.eof:
            produced += len(inflater.decompress(stream, _INFLATE_STEP))
            stream = inflater.unconsumed_tail
            if produced > member.file_size:
                raise InputError(name, f"{member.filename} inflates past the {member.file_size} bytes it declares — refused as a zip bomb")
    except zlib.error:
        raise InputError(name, f"{member.filename} is damaged (its compressed data is corrupt)") from None


def _open(data: bytes, name: str) -> WordDocument:
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise InputError(name, f"the Word document is damaged ({exc})") from None
    except ValueError as exc:
        if "not a Word file" in str(exc):
            raise InputError(name, "is an Office file but not a Word document (an Excel or PowerPoint file?)") from None
        raise InputError(name, f"cannot be read as a Word document: {exc}") from None
    except Exception as exc:  # python-docx and lxml raise many kinds on malformed parts
        raise InputError(name, f"cannot be read as a Word document ({type(exc).__name__}: {exc})") from None


def _related(document: WordDocument, relationship: str) -> etree._Element | None:
    """The XML of a part the main document points to (styles, numbering), or None."""
    for rel in document.part.rels.values():
        if rel.reltype == _RELATIONSHIP + relationship and not rel.is_external:
            return getattr(rel.target_part, "element", None)
    return None


# --- styles -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Style:
    name: str
    based_on: str | None
    num_id: str | None
    ilvl: int | None
    outline_level: int | None


class Styles:
    """Paragraph styles, with what they inherit: heading level, list, table-of-contents role."""

    def __init__(self, element: etree._Element | None) -> None:
        self._styles: dict[str, _Style] = {}
        self.default: str | None = None
        for style in element.findall(f"{W}style") if element is not None else []:
            if style.get(f"{W}type", "paragraph") != "paragraph" or not style.get(f"{W}styleId"):
                continue
            style_id = style.get(f"{W}styleId", "")
            name = style.find(f"{W}name")
            based = style.find(f"{W}basedOn")
            num_id, ilvl = _numbering_properties(style.find(f"{W}pPr"))
            self._styles[style_id] = _Style(
                name=(name.get(f"{W}val", "") if name is not None else style_id).strip(),
                based_on=based.get(f"{W}val") if based is not None else None,
                num_id=num_id,
                ilvl=ilvl,
                outline_level=_outline_level(style.find(f"{W}pPr")),
            )
            if style.get(f"{W}default") in ("1", "true"):
                self.default = style_id

    def chain(self, style_id: str | None) -> Iterator[tuple[str, _Style]]:
        """The style and those it is based on, nearest first (cycles cut)."""
        seen: set[str] = set()
        current = style_id or self.default
        while current and current in self._styles and current not in seen and len(seen) < 20:
            seen.add(current)
            yield current, self._styles[current]
            current = self._styles[current].based_on

    def heading_level(self, style_id: str | None) -> int | None:
        for _, style in self.chain(style_id):
            match = _HEADING_STYLE.match(style.name)
            if match:
                return int(match.group(1))
            if style.outline_level is not None:
                return style.outline_level + 1
        return None

    def is_toc(self, style_id: str | None) -> bool:
        return any(_TOC_STYLE.match(style.name) for _, style in self.chain(style_id))

    def numbering(self, style_id: str | None) -> tuple[str, str | None, int | None] | None:
        """(numId, style that carries it, ilvl) for a style-linked list, or None."""
        for found_id, style in self.chain(style_id):
            if style.num_id is not None:
                return style.num_id, found_id, style.ilvl
        return None

    def lists(self) -> dict[str, tuple[str, int | None]]:
        """Style id -> (numId, ilvl), for numbering styles that lists link to."""
        return {style_id: (style.num_id, style.ilvl) for style_id, style in self._styles.items() if style.num_id is not None}


def _numbering_properties(properties: etree._Element | None) -> tuple[str | None, int | None]:
    numbering = properties.find(f"{W}numPr") if properties is not None else None
    if numbering is None:
        return None, None
    num_id, ilvl = numbering.find(f"{W}numId"), numbering.find(f"{W}ilvl")
    level = ilvl.get(f"{W}val") if ilvl is not None else None
    return (num_id.get(f"{W}val") if num_id is not None else None), (int(level) if level and level.isdigit() else None)


def _outline_level(properties: etree._Element | None) -> int | None:
    element = properties.find(f"{W}outlineLvl") if properties is not None else None
    value = element.get(f"{W}val") if element is not None else None
    level = int(value) if value and value.isdigit() else None
    return level if level is not None and level < 9 else None  # 9 is "body text"


# --- text of a paragraph ----------------------------------------------------------------------

_SKIP = {f"{W}del", f"{W}moveFrom", f"{W}instrText", f"{W}delText", _MC_FALLBACK, f"{W}txbxContent", f"{W}pPr", f"{W}rPr"}


def paragraph_text(paragraph: etree._Element) -> str:
    """The visible text of a w:p: runs, tabs, breaks; deleted text, field codes and text boxes out."""
    pieces: list[str] = []
    _collect(paragraph, pieces)
    return _join_breaks(pieces)


def _collect(element: etree._Element, pieces: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag in _SKIP or not isinstance(tag, str):
            continue
        if tag == f"{W}t":
            pieces.append(child.text or "")
        elif tag == f"{W}tab":
            pieces.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            if child.get(f"{W}type", "textWrapping") == "textWrapping":
                pieces.append("\n")
        elif tag == f"{W}noBreakHyphen":
            pieces.append("-")
        else:
            _collect(child, pieces)


def _join_breaks(pieces: list[str]) -> str:
    """A line break inside a paragraph: nothing between CJK characters, a space between words."""
    parts = "".join(pieces).split("\n")
    text = parts[0]
    for part in parts[1:]:
        if text and part and text[-1].isascii() and part[0].isascii():
            text += " "
        text += part
    return text


def _text_boxes(paragraph: etree._Element) -> list[etree._Element]:
    """Text boxes anchored in a paragraph (the drawing version, not its VML fallback)."""
    boxes = []
    for box in paragraph.iter(f"{W}txbxContent"):
        if not any(ancestor.tag == _MC_FALLBACK for ancestor in box.iterancestors()):
            boxes.append(box)
    return boxes


# --- the body, in order -----------------------------------------------------------------------


class _Reader:
    """Walks the body once, turning blocks into lines and counting lists and headings."""

    def __init__(self, styles: Styles, numbering: ListNumbering) -> None:
        self.styles = styles
        self.numbering = numbering
        self.headings = HeadingNumbering()
        self.lines: list[str] = []
        self.toc_lines = 0
        self.unsupported: set[str] = set()

    def blocks(self, container: etree._Element) -> None:
        for child in container:
            tag = child.tag
            if tag == f"{W}p":
                self.paragraph(child)
            elif tag == f"{W}tbl":
                self.table(child)
            elif tag == f"{W}sdt":
                self.content_control(child)
            elif tag in (f"{W}customXml", f"{W}sdtContent", f"{W}ins", f"{W}moveTo"):
                self.blocks(child)
            elif tag == f"{W}altChunk":
                self.unsupported.add("an embedded document (altChunk)")

    def content_control(self, sdt: etree._Element) -> None:
        gallery = sdt.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
        content = sdt.find(f"{W}sdtContent")
        if gallery is not None and "table of contents" in gallery.get(f"{W}val", "").lower():
            self.toc_lines += len(content.findall(f".//{W}p")) if content is not None else 0
            return
        if content is not None:
            self.blocks(content)

    def paragraph(self, paragraph: etree._Element) -> None:
        style_element = paragraph.find(f"{W}pPr/{W}pStyle")
        style_id = style_element.get(f"{W}val") if style_element is not None else None
        if self.styles.is_toc(style_id):
            self.toc_lines += 1
            return
        text = paragraph_text(paragraph)
        label = self.label(paragraph, style_id, text)
        self.lines.append((label or "") + text)
        for box in _text_boxes(paragraph):
            self.blocks(box)

    def label(self, paragraph: etree._Element, style_id: str | None, text: str) -> str | None:
        """Word's list label, else a heading's marker, else None (typed numbers stay as typed)."""
        num_id, ilvl = _numbering_properties(paragraph.find(f"{W}pPr"))
        linked = self.styles.numbering(style_id)
        if num_id is None and linked is not None:
            num_id, linked_style, style_ilvl = linked
            ilvl = ilvl if ilvl is not None else style_ilvl
            if ilvl is None:
                ilvl = self.numbering.level_for_style(num_id, linked_style)
        if num_id is not None and num_id != "0":
            return self.numbering.label(num_id, ilvl or 0)
        if num_id == "0" or not text.strip():
            return None
        direct = _outline_level(paragraph.find(f"{W}pPr"))
        level = direct + 1 if direct is not None else self.styles.heading_level(style_id)
        if level is None or parse_marker(text) is not None:
            return None
        return self.headings.label(level)

    def table(self, table: etree._Element) -> None:
        for row in table.iter(f"{W}tr"):
            if next(row.iterancestors(f"{W}tbl")) is not table:
                continue  # a nested table's rows are read with their cell
            cells = [_cell_text(cell) for cell in row.findall(f"{W}tc")]
            if any(cell.strip() for cell in cells):
                self.lines.append("| " + " | ".join(cells) + " |")


def _cell_text(cell: etree._Element) -> str:
    return " ".join(text for paragraph in cell.iter(f"{W}p") if (text := paragraph_text(paragraph).strip()))


def read_docx(data: bytes, name: str, limits: Limits) -> SourceText:
    check_archive(data, name, limits)
    document = _open(data, name)
    styles = Styles(_related(document, "styles"))
    reader = _Reader(styles, ListNumbering(_related(document, "numbering"), styles.lists()))
    try:
        reader.blocks(document.element.body)
    except (ValueError, TypeError, AttributeError) as exc:  # a malformed part that parsed as XML
        raise InputError(name, f"the Word document is malformed ({type(exc).__name__}: {exc})") from None
    lines = [SourceLine(number, text) for number, text in enumerate(reader.lines, start=1)]
    warnings = []
    if reader.toc_lines:
        warnings.append(f"a table of contents ({reader.toc_lines} lines) was skipped")
    warnings += [f"{what} was skipped" for what in sorted(reader.unsupported)]
    if not any(line.text.strip() for line in lines):
        raise InputError(name, "the Word document has no text")
    return SourceText(name=name, kind="docx", lines=lines, hard_breaks=True, warnings=warnings)
