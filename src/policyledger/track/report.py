"""One report as tracking reads it: its figures, each with the words that say what it measures.

A claim's `subject` holds the words before the figure in its clause; what a figure counts is
often named after it too (100 萬戶**低壓智慧電表**) or only in the sentence or the item's
heading (屋頂型太陽光電 114 年目標 8GW，…設置量已於 109 年底達 4.08GW). A `Figure` keeps all three
layers so that pairing, checking and series can weigh them differently.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Engine

from policyledger.model import Claim, Node
from policyledger.store.repository import load_claims, load_document_row, load_nodes

SENTENCE_END = "。；;！!？?\n"
# Words right after a figure name it until a clause break, a bracket or the next number.
_TAIL_STOP = re.compile(r"[，,。；;、：:（(）)「」\n\d０-９]")
TAIL_LIMIT = 12
# 截至 / 迄 / 統計至 mark a date the report states as reached: the latest is the report's date.
_STATED_AS_OF = re.compile(r"截至|截止|迄|統計至")
# Words that place a figure at the time of writing (目前全臺漏水率…降到目前 13.5%).
_NOW_WORDS = re.compile(r"(?:目前|現在|現今|迄今|至今)\s*$")


@dataclass(frozen=True)
class Figure:
    """A claim in its place: the sentence around it and the headings above it."""

    index: int  # position in the report's document order
    claim: Claim
    sentence: str  # the sentence holding the figure, as written
    sentence_start: int  # offset of the sentence in its item's text
    start: int  # offset of the figure in its item's text
    own: str  # the words naming the figure: its subject and the words right after it
    heading: str  # the titles of its item and the items above it, nearest first
    line_start: int  # the source lines the sentence covers
    line_end: int

    @property
    def path(self) -> str:
        return self.claim.path

    @property
    def before(self) -> str:
        """The sentence up to the figure."""
        return self.sentence[: max(0, self.start - self.sentence_start)]

    @property
    def said_now(self) -> bool:
        """The figure is introduced as current (目前…): it speaks of the report's own date."""
        return bool(_NOW_WORDS.search(self.before))

    def stated_for(self, report_date: date | None) -> tuple[date | None, date | None]:
        """(start, end) of the time the figure speaks of; 目前 (now) is the report's own date."""
        if self.said_now and report_date:
            return None, report_date
        return self.claim.period_start, self.claim.period_end

    def quote(self) -> dict[str, object]:
        """Evidence as check records show it: the sentence and the lines it covers."""
        return {"path": self.path, "line_start": self.line_start, "line_end": self.line_end, "quote": self.sentence.strip()}


@dataclass
class Report:
    """What tracking needs of one stored report."""

    doc_id: str
    title: str
    source_name: str
    report_date: date | None
    nodes: dict[str, Node]
    figures: list[Figure] = field(default_factory=list)
    _children: dict[str, list[Node]] | None = field(default=None, repr=False)
    _sentences: dict[tuple[str, int], list[Figure]] | None = field(default=None, repr=False)

    def parent(self, path: str) -> str | None:
        node = self.nodes.get(path)
        return node.parent_path if node else None

    def children(self, path: str) -> list[Node]:
        if self._children is None:
            self._children = {}
            for node in self.nodes.values():
                if node.path:
                    self._children.setdefault(node.parent_path or "", []).append(node)
        return self._children.get(path, [])

    def in_sentence(self, figure: Figure) -> list[Figure]:
        """The figures of `figure`'s sentence, in order."""
        if self._sentences is None:
            self._sentences = {}
            for other in self.figures:
                self._sentences.setdefault((other.path, other.sentence_start), []).append(other)
        return self._sentences.get((figure.path, figure.sentence_start), [])


def load_report(engine: Engine, doc_id: str) -> Report:
    """Read a stored report (nodes, claims, document row) into a `Report`."""
    row = load_document_row(engine, doc_id)
    nodes = load_nodes(engine, doc_id)
    claims = [claim for _, claim in load_claims(engine, doc_id)]
    return build_report(doc_id, row.title, row.source_name, nodes, claims, row.report_date)


def build_report(doc_id: str, title: str, source_name: str, nodes: list[Node], claims: list[Claim], report_date: date | None = None) -> Report:
    """A `Report` from values (pure): each claim placed in its sentence and under its headings."""
    by_path = {node.path: node for node in nodes}
    figures = [_figure(index, claim, by_path) for index, claim in enumerate(claims)]
    return Report(doc_id, title, source_name, report_date or stated_report_date(claims), by_path, figures)


def stated_report_date(claims: list[Claim]) -> date | None:
    """The latest date the report states as reached (截至 / 迄 / 統計至 …), ignoring stray future
    ones: only dates no later than the year after the one its figures speak of most."""
    years = Counter(claim.period_end.year for claim in claims if claim.period_end)
    if not years:
        return None
    cap = years.most_common(1)[0][0] + 1
    stated = [
        claim.period_end for claim in claims
        if claim.period_end and claim.period_start is None and claim.kind == "actual"
        and _STATED_AS_OF.search(claim.period_text or "") and claim.period_end.year <= cap
    ]
    return max(stated) if stated else date(cap - 1, 12, 31)


def _figure(index: int, claim: Claim, nodes: dict[str, Node]) -> Figure:
    node = nodes.get(claim.path)
    text = node.text if node else claim.clause
    start, end = _bounds(text, claim)
    sentence_start, sentence_end = sentence_span(text, start, end)
    tail = _TAIL_STOP.split(text[end : end + TAIL_LIMIT], maxsplit=1)[0]
    line_start = min(node.line_at(sentence_start), claim.line) if node else claim.line
    line_end = max(node.line_at(max(sentence_start, sentence_end - 1)), claim.line) if node else claim.line
    own = f"{claim.subject} {tail}".strip()
    return Figure(index, claim, text[sentence_start:sentence_end], sentence_start, start, own, _headings(claim.path, nodes), line_start, line_end)


def _bounds(text: str, claim: Claim) -> tuple[int, int]:
    """The figure's offsets in its item's text (found again if stored offsets do not fit)."""
    if 0 <= claim.start < claim.end <= len(text) and text[claim.start : claim.end] == claim.text:
        return claim.start, claim.end
    found = text.find(claim.text)
    return (found, found + len(claim.text)) if found >= 0 else (0, 0)


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) of the sentence of `text` holding the span (its closing mark included)."""
    begin = max((text.rfind(mark, 0, start) for mark in SENTENCE_END), default=-1) + 1
    stops = [found for mark in SENTENCE_END if (found := text.find(mark, end)) >= 0]
    finish = min(stops) + 1 if stops else len(text)
    return begin, finish


def _headings(path: str, nodes: dict[str, Node]) -> str:
    titles = []
    current: str | None = path
    while current:
        node = nodes.get(current)
        if node is None:
            break
        titles.append(node.title)
        current = node.parent_path
    return " ".join(titles)
