"""Content lines to the outline tree: which marker lines open items, where each item sits.

A line that opens with a marker (see `markers`) opens an item only when
- the line before it ended a paragraph or a sentence (an enumeration inside a sentence that
  happens to wrap onto a marker is not an item), and
- its number continues the sequence: the next sibling of an open item of the same family, or
  `1` of a family not yet open (a new, deeper list). Where a family sits depends on where it
  appears: families are nested in the order the report opens them, so a level may be skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policyledger.layout import ContentLine, Layout
from policyledger.markers import TWINS, Marker, parse_marker
from policyledger.model import Node

_TITLE_COLON = re.compile(r"[：︰]|:(?!//)")
_CLAUSE_END = re.compile(r"[，：︰。；;]|,(?!\d)|:(?!//)")
# A colon after these words opens a list, not a title ("投資產業類別包括：製造業…").
_LIST_LEAD = ("包括", "包含", "如下", "計有", "分別為", "分述如下")
_SENTENCE_END = ("。", "！", "？", "；", "：", ":", "︰")
_TWO_LINES = 64  # characters in two lines of a report printed on A4


@dataclass
class _Open:
    """An item being built: its marker and the content lines of its own text."""

    marker: Marker | None
    path: str
    depth: int
    lines: list[ContentLine] = field(default_factory=list)


def build_outline(layout: Layout) -> list[Node]:
    """The items of the report in document order; the first is the preamble (path "")."""
    items: list[_Open] = [_Open(None, "", 0)]
    stack: list[_Open] = []  # the open chain of items, outermost first
    previous: ContentLine | None = None
    for line in layout.lines:
        marker = parse_marker(line.text) if not line.table_row else None
        position = _place(marker, stack, _boundary(previous, line)) if marker else None
        if marker is not None and position is not None:
            del stack[position:]
            parent_path = stack[-1].path if stack else ""
            path = f"{parent_path}/{marker.canonical}" if parent_path else marker.canonical
            item = _Open(marker, path, len(stack) + 1)
            stack.append(item)
            items.append(item)
        (stack[-1] if stack else items[0]).lines.append(line)
        previous = line
    nodes = [_to_node(item, ordinal) for ordinal, item in enumerate(items) if item.lines or item.marker]
    _set_subtree_ends(nodes)
    return nodes


def _boundary(previous: ContentLine | None, line: ContentLine) -> str:
    """How surely a paragraph ends before `line`: 'strong', 'page' (a new page) or 'none'."""
    if previous is None or previous.ends_paragraph or previous.text.endswith(_SENTENCE_END):
        return "strong"
    return "page" if line.leading_space else "none"


def _place(marker: Marker, stack: list[_Open], boundary: str) -> int | None:
    """Index in `stack` where an item with this marker goes, or None if it is not an item.

    After a page break alone (the previous line may have lost its paragraph end), only the
    next number of an open list is taken as an item."""
    if boundary == "none":
        return None
    twin: tuple[int, int] | None = None  # the innermost open item of the twin family: (where, its number)
    for index in range(len(stack) - 1, -1, -1):
        open_marker = stack[index].marker
        if open_marker is not None and open_marker.family == marker.family:
            return index if marker.value == open_marker.value + 1 else None
        if twin is None and open_marker is not None and open_marker.family == TWINS.get(marker.family):
            twin = index, open_marker.value
    if twin is not None and marker.value == twin[1] + 1:
        return twin[0]  # '1、 …' then '2. …': one level written two ways (a '1.' under '1、' nests below it)
    if marker.value != 1 or boundary != "strong":
        return None
    # A new family nests below the innermost open item, unless it ranks above every open one
    # (e.g. a document that starts with 一、 and later meets 壹、).
    ranks = [item.marker.rank for item in stack if item.marker is not None]
    if ranks and marker.rank < min(ranks):
        return 0
    return len(stack)


# --- turning an item's lines into a node ------------------------------------------------------


def join_lines(lines: list[ContentLine]) -> tuple[str, list[tuple[int, int]]]:
    """Join content lines into text; return it and (offset, line number) anchors."""
    parts: list[str] = []
    anchors: list[tuple[int, int]] = []
    length = 0
    for index, line in enumerate(lines):
        if index:
            separator = _separator(lines[index - 1], line)
            parts.append(separator)
            length += len(separator)
        anchors.append((length, line.number))
        parts.append(line.text)
        length += len(line.text)
    return "".join(parts), anchors


def _separator(left: ContentLine, right: ContentLine) -> str:
    if left.ends_paragraph:
        return "\n"
    a, b = left.text[-1], right.text[0]
    if a.isascii() and b.isascii():
        # "beyond " + "1 奈米" keeps its space; "3,0" + "97" is a number broken in two; "無障礙 ATM" +
        # "5,864 台" is a word, then a figure.
        return " " if left.trailing_space or (a.isalpha() and b.isdigit()) else ""
    return " " if left.trailing_space and b.isdigit() and not a.isascii() else ""


def _to_node(item: _Open, ordinal: int) -> Node:
    text, anchors = join_lines(item.lines)
    marker = item.marker
    pages = [line.page for line in item.lines if line.page is not None]
    line_start = item.lines[0].number if item.lines else 0
    line_end = item.lines[-1].number if item.lines else 0
    return Node(
        path=item.path,
        level=marker.rank if marker else 0,
        depth=item.depth,
        marker=marker.raw if marker else "",
        title=_without_translation(_title(item)) if marker else _preamble_title(text),
        text=text,
        line_start=line_start,
        line_end=line_end,
        page_start=min(pages) if pages else None,
        page_end=max(pages) if pages else None,
        line_anchors=anchors,
        ordinal=ordinal,
        subtree_line_end=line_end,
    )


def _title(item: _Open) -> str:
    """The heading text (see dev-gold/README.md):
    up to the first colon when it comes in the heading's first two lines; the whole heading
    when it is a short heading of its own; otherwise the first clause."""
    assert item.marker is not None
    heading = _first_paragraph(item.lines)
    rest_lines = [_strip_marker(heading[0]), *heading[1:]]
    head_text, _ = join_lines(rest_lines)
    head_text = head_text.replace("\n", "")
    first_two, _ = join_lines(rest_lines[:2])
    # A DOCX heading is one line however long: a colon counts within two printed lines' worth.
    colon = _first_colon(first_two.replace("\n", "")[:_TWO_LINES])
    if colon is not None and not head_text[:colon].rstrip().endswith(_LIST_LEAD):
        return head_text[:colon].strip()
    if len(heading) <= 2 and len(head_text) <= _TWO_LINES and not head_text.rstrip().endswith(_SENTENCE_ENDS) and heading[-1].ends_paragraph:
        return head_text.strip().rstrip("：︰:")  # '依工作計畫別執行數如下：', its list below
    match = _CLAUSE_END.search(head_text)
    return (head_text[: match.start()] if match else head_text).strip()


def _without_translation(title: str) -> str:
    """A bilingual report's heading, '水土保持 Soil and Water Conservation': its title is the Chinese."""
    translated = _TRANSLATION.search(title)
    return title[: translated.start()].rstrip() if translated else title


# English after the Chinese to the end, opening with a word: two words or more (Response in the 2025 Flood Season),
# or one long word (Budget; not 運動i台灣 App, nor AI or 5G)
_TRANSLATION = re.compile(r"(?<=[\u4e00-\u9fff）)」])\s+[A-Z][a-z][A-Za-z'’-]*(?:[ ,&/-]+[A-Za-z0-9][A-Za-z0-9'’-]*)+\s*$"
                          r"|(?<=[\u4e00-\u9fff）)」])\s+[A-Z][a-z]{4,}\s*$")


# A heading of its own ends with no sentence's mark: '1、 核發普通護照 68 萬 4,213 本，較 112 年同期減少 6.8%；' starts its text.
_SENTENCE_ENDS = ("。", "；", ";")


def _first_paragraph(lines: list[ContentLine]) -> list[ContentLine]:
    for index, line in enumerate(lines):
        if line.ends_paragraph:
            return lines[: index + 1]
    return lines


def _strip_marker(line: ContentLine) -> ContentLine:
    marker = parse_marker(line.text)
    rest = marker.rest if marker else line.text
    return ContentLine(line.number, rest or " ", line.page, line.ends_paragraph, line.trailing_space)


def _first_colon(text: str) -> int | None:
    positions = [match.start() for match in _TITLE_COLON.finditer(text)]
    return positions[0] if positions else None


def _preamble_title(text: str) -> str:
    first = text.split("\n", 1)[0]
    return re.sub(r"\s+", "", first)[:60] if len(first) <= 40 else first[:40]


def _set_subtree_ends(nodes: list[Node]) -> None:
    """Each item's subtree ends where the next item outside it begins."""
    for index, node in enumerate(nodes):
        end = node.line_end
        for later in nodes[index + 1:]:
            if node.path and later.path.startswith(node.path + "/"):
                end = max(end, later.line_end)
            elif node.path:
                break
        node.subtree_line_end = end if node.path else node.line_end
