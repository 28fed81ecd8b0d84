"""The values every stage passes along: from source lines to outline nodes, claims and entities.

Each stage is a pure function of the previous stage's values; these dataclasses are the
vocabulary they share. Nothing here touches a file or a database.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class SourceLine:
    """One line of the source as a reader saw it (for PDF: of its extracted text)."""

    number: int  # 1-based
    text: str
    page: int | None = None


@dataclass
class SourceText:
    """What a reader hands to the outline stage."""

    name: str  # the file name the user gave
    kind: str  # "txt", "pdf" or "docx"
    lines: list[SourceLine]
    # True when each line is a whole paragraph (DOCX), so no re-joining heuristics apply.
    hard_breaks: bool = False
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def page_count(self) -> int | None:
        pages = [line.page for line in self.lines if line.page is not None]
        return max(pages) if pages else None


def _anchor_offset(anchor: tuple[int, int]) -> int:
    return anchor[0]


@dataclass
class Node:
    """One item of the outline: its heading and its own body (children excluded)."""

    path: str  # canonical markers joined by "/", e.g. "壹/一/(二)/3/(1)"; "" for the preamble
    level: int  # rank of the marker family in this report's grammar (0 for the preamble)
    depth: int  # depth in the tree (0 for the preamble, 1 for top-level items)
    marker: str  # as the source writes it, e.g. "（一）"
    title: str
    text: str  # heading and body, lines joined, paragraphs separated by "\n"
    line_start: int
    line_end: int  # last line of this item's own text (before its first child)
    page_start: int | None = None
    page_end: int | None = None
    # (offset in text, source line) where each source line's contribution starts
    line_anchors: list[tuple[int, int]] = field(default_factory=list)
    ordinal: int = 0  # position in document order
    subtree_line_end: int = 0  # last line covered by this item including its children

    @property
    def parent_path(self) -> str | None:
        if not self.path:
            return None
        return self.path.rpartition("/")[0]

    def line_at(self, offset: int) -> int:
        """The source line on which the character at `offset` of `text` stands."""
        if not self.line_anchors:
            return self.line_start
        index = bisect.bisect_right(self.line_anchors, offset, key=_anchor_offset) - 1
        return self.line_anchors[max(index, 0)][1]


@dataclass(frozen=True)
class Period:
    """The time a figure refers to: an interval, or an as-of date (start None)."""

    start: date | None
    end: date | None
    text: str | None = None


@dataclass
class Claim:
    """One quantitative figure, as written and normalized, tied to its source line."""

    path: str
    text: str  # the figure as written, e.g. "261.61 億元"
    value: float
    value_high: float | None
    unit: str  # as written, scale word kept, e.g. "億元"
    dimension: str  # money, count, power, energy, area, percent, ...
    base_value: float
    base_unit: str  # TWD, kW, ha, percent, 家, ...
    qualifier: str  # exact, approx, more_than, at_least, nearly, up_to, range
    kind: str  # actual, target, forecast, rule, change, share
    period_start: date | None
    period_end: date | None
    period_text: str | None
    subject: str
    clause: str
    line: int
    start: int = 0  # offset of the figure in its node's text
    end: int = 0
    entities: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Entity:
    """A named organisation, programme, law or place, where it is first named in an item."""

    name: str
    type: str  # organisation, programme, law, place
    path: str
    line: int


@dataclass
class Document:
    """A whole report: identity, the outline, and what was extracted from it."""

    id: str
    source_name: str
    kind: str
    sha256: str
    title: str
    nodes: list[Node]
    claims: list[Claim] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    line_count: int = 0
    page_count: int | None = None
    encoding: str | None = None
    report_date: date | None = None
    warnings: list[str] = field(default_factory=list)
    size_bytes: int = 0
