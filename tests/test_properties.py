"""Property tests: whatever bytes or text come in, readers and the outline raise nothing but
InputError, and what they return keeps its promises (text round-trips, every character
survives, a tree's paths hang together, a marker re-reads as itself)."""

from __future__ import annotations

import codecs
import io
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policyledger.errors import InputError
from policyledger.layout import analyse, display_width
from policyledger.markers import FAMILIES, canonical_marker_text, parse_marker
from policyledger.model import Node, SourceText
from policyledger.outline import build_outline
from policyledger.read import read_bytes
from policyledger.read.text import to_lines

FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

MARKERS = ["壹、", "貳、", "参、", "一、", "二、", "十一、", "（一）", "(二)", "1、", "2.", "１、", "(1)", "（2）", "A.", "B．", "a.", "①", "②"]
WORDS = ["推動產業", "工業", "3.5 億元", "109 年", "AIoT", "，", "：", "。", "（1）", "包括", "beyond", "1,200", "工    業", "8", "－", "\u3000", "\t"]
line = st.lists(st.sampled_from(MARKERS + WORDS) | st.text(alphabet="壹一（）()1A.、 ：，。億元\x00\x1b", max_size=6), max_size=8).map("".join)
report_text = st.lists(st.tuples(line, st.sampled_from(["\n", " \n", "\n\n", "\r\n", " \n\n"])), max_size=60).map(lambda rows: "".join(a + b for a, b in rows))
any_text = st.text(max_size=400) | report_text


def outline(source: SourceText) -> list[Node]:
    return build_outline(analyse(source))


def read_and_outline(data: bytes, name: str) -> list[Node] | None:
    """The outline, or None when the reader refused the input with InputError."""
    try:
        source = read_bytes(data, name)
    except InputError as exc:
        assert exc.source == name and exc.problem
        return None
    return outline(source)


def check_tree(nodes: list[Node]) -> None:
    paths = [node.path for node in nodes]
    assert len(set(paths)) == len(paths)
    seen: set[str] = {""}
    for node in nodes:
        assert node.line_start <= node.line_end <= node.subtree_line_end or not node.path
        parent = node.path.rpartition("/")[0] if node.path else None
        assert parent is None or parent in seen, node.path
        assert node.depth == (node.path.count("/") + 1 if node.path else 0)
        seen.add(node.path)
    starts = [node.line_start for node in nodes if node.path]
    assert starts == sorted(starts)


@FAST
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_never_raise_anything_but_input_error(data: bytes):
    for name in ("report.txt", "report.pdf", "report.docx"):
        nodes = read_and_outline(data, name)
        if nodes is not None:
            check_tree(nodes)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp950", "big5hkscs"]))
def test_arbitrary_text_in_any_encoding_never_raises_anything_but_input_error(text: str, encoding: str):
    data = text.encode(encoding, errors="ignore") if encoding != "utf-8-sig" else codecs.BOM_UTF8 + text.encode("utf-8", errors="ignore")
    nodes = read_and_outline(data, "report.txt")
    if nodes is not None:
        check_tree(nodes)


@FAST
@given(any_text.filter(lambda text: "\ufffd" not in text), st.sampled_from(["utf-8-sig", "utf-16"]))
def test_text_with_a_byte_order_mark_reads_back_exactly(text: str, encoding: str):
    try:
        data = codecs.BOM_UTF8 + text.encode("utf-8") if encoding == "utf-8-sig" else text.encode("utf-16")
    except UnicodeEncodeError:  # lone surrogates cannot be written at all
        return
    try:
        source = read_bytes(data, "bom.txt")
    except InputError as exc:
        assert "empty" in exc.problem or "control characters" in exc.problem
        return
    expected = to_lines(text)
    if expected and expected[-1] == "":
        expected.pop()
    assert [line.text for line in source.lines] == expected


@FAST
@given(report_text)
def test_every_character_of_a_report_survives_the_outline(text: str):
    try:
        source = read_bytes(text.encode(), "r.txt")
    except InputError:  # empty, or mostly control characters
        return
    layout = analyse(source)
    nodes = build_outline(layout)
    check_tree(nodes)
    removed = set(layout.noise)
    kept = "".join(line.text for line in source.lines if line.number not in removed)
    assert re.sub(r"\s", "", kept) == re.sub(r"\s", "", "".join(node.text for node in nodes))


@FAST
@given(st.text(max_size=40))
def test_parse_marker_on_anything(text: str):
    marker = parse_marker(text)
    if marker is None:
        return
    assert marker.value >= 1
    assert text.lstrip(" \t\u3000").startswith(marker.raw)
    again = parse_marker(canonical_marker_text(marker.family, marker.value) + " 標題")
    assert again is not None and (again.family, again.value) == (marker.family, marker.value)


@pytest.mark.parametrize("family", [family.name for family in FAMILIES])
def test_canonical_markers_read_back(family: str):
    limit = {"upper": 26, "lower": 26, "circled": 20, "stem": 10}.get(family, 99)
    for value in range(1, limit + 1):
        marker = parse_marker(canonical_marker_text(family, value) + " 標題")
        assert marker is not None and (marker.family, marker.value) == (family, value)


def _word_document(paragraphs: list[tuple[str, int | None, int | None]]) -> bytes:
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for ilvl, (fmt, text) in enumerate([("ideographLegalTraditional", "%1、"), ("taiwaneseCountingThousand", "%2、"), ("taiwaneseCountingThousand", "（%3）"),
                                            ("decimal", "%4、"), ("decimal", "(%5)"), ("upperLetter", "%6."), ("lowerLetter", "%7."), ("bullet", "•"), ("none", "")])
    )
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for text, ilvl, heading in paragraphs:
        paragraph = document.add_heading(text, heading) if heading else document.add_paragraph(text)
        if ilvl is not None:
            properties = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            properties.get_or_add_ilvl().val = ilvl
            properties.get_or_add_numId().val = 90
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


xml_safe_line = line.map(lambda text: re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", text))


@SLOW
@given(st.lists(st.tuples(xml_safe_line, st.none() | st.integers(0, 8), st.none() | st.integers(1, 9)), min_size=1, max_size=30))
def test_word_documents_of_any_shape_read_into_a_tree(paragraphs: list[tuple[str, int | None, int | None]]):
    nodes = read_and_outline(_word_document(paragraphs), "random.docx")
    if nodes is not None:
        check_tree(nodes)


@pytest.fixture(scope="module")
def valid_files() -> dict[str, bytes]:
    from tests.bad_inputs.make import small_docx, small_pdf

    return {"report.docx": small_docx(), "report.pdf": small_pdf(pages=2)}


@SLOW
@given(
    st.sampled_from(["report.docx", "report.pdf"]),
    st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=12),
    st.booleans(),
)
def test_damaged_documents_never_raise_anything_but_input_error(valid_files, name: str, damage: list[tuple[float, int]], cut: bool):
    data = bytearray(valid_files[name])
    for where, byte in damage:
        data[int(where * len(data))] = byte
    if cut:
        data = data[: int(damage[0][0] * len(data))]
    nodes = read_and_outline(bytes(data), name)
    if nodes is not None:
        check_tree(nodes)


@given(st.text())
def test_display_width_counts_wide_characters_twice(text: str):
    assert display_width(text) == sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
