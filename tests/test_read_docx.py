"""DOCX: Word's own list numbering, heading styles and typed numbers all give the outline.

Every document here is a real .docx written by python-docx; Word's numbering definitions are
written into word/numbering.xml through its XML API, as Word itself would store them.
"""

from __future__ import annotations

import io
import itertools
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from policyledger.errors import InputError
from policyledger.layout import ContentLine, Layout, analyse
from policyledger.markers import parse_marker
from policyledger.model import Node
from policyledger.outline import build_outline, join_lines
from policyledger.read import read_bytes, read_path
from policyledger.read.wordnumbering import format_number

# The numbering a Taiwanese ministry's template uses, level by level (ilvl 0 … 5).
MINISTRY_LEVELS = (
    ("ideographLegalTraditional", "%1、"),
    ("taiwaneseCountingThousand", "%2、"),
    ("taiwaneseCountingThousand", "（%3）"),
    ("decimal", "%4、"),
    ("decimal", "(%5)"),
    ("upperLetter", "%6."),
)
FAMILY_LEVEL = {"formal": 0, "plain": 1, "paren_plain": 2, "arabic": 3, "arabic_dot": 3, "paren_arabic": 4, "upper": 5}
_ids = itertools.count(100)


def add_word_list(document, levels=MINISTRY_LEVELS, suffix: str = "space", style_links: dict[int, str] | None = None) -> str:
    """Write an abstract numbering definition and one list using it; return the list's numId."""
    numbering = document.part.numbering_part.element
    abstract_id, num_id = next(_ids), next(_ids)
    lvls = "".join(
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        + (f'<w:pStyle w:val="{style_links[ilvl]}"/>' if style_links and ilvl in style_links else "")
        + f'<w:suff w:val="{suffix}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for ilvl, (fmt, text) in enumerate(levels)
    )
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)  # the schema wants every abstractNum before the nums
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'))
    return str(num_id)


def restart_list(document, num_id: str, ilvl: int = 0, start: int = 1) -> str:
    """A new list on the same definition that starts level `ilvl` again (Word's "restart at 1")."""
    numbering = document.part.numbering_part.element
    abstract = next(num for num in numbering.findall(qn("w:num")) if num.get(qn("w:numId")) == num_id).find(qn("w:abstractNumId")).get(qn("w:val"))
    new_id = next(_ids)
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{new_id}"><w:abstractNumId w:val="{abstract}"/>'
        f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>'
    ))
    return str(new_id)


def numbered(document, text: str, num_id: str, ilvl: int, style: str | None = None):
    paragraph = document.add_paragraph(text, style=style)
    properties = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    properties.get_or_add_ilvl().val = ilvl
    properties.get_or_add_numId().val = int(num_id)
    return paragraph


def docx_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def tree(data: bytes, name: str = "report.docx") -> list[tuple[str, str]]:
    return [(node.path, node.title) for node in outline(data, name) if node.path]


def outline(data: bytes, name: str = "report.docx") -> list[Node]:
    return build_outline(analyse(read_bytes(data, name)))


def test_word_list_numbering_is_written_out_and_nested():
    document = docx.Document()
    document.add_paragraph("經濟部業務報告")
    num = add_word_list(document)
    numbered(document, "工業", num, 0)
    numbered(document, "推動六大核心戰略產業", num, 1)
    numbered(document, "資訊及數位相關產業", num, 2)
    numbered(document, "全力搶占全球供應鏈的核心地位：讓臺灣成為基地。", num, 3)
    numbered(document, "促成國際合作", num, 4)
    numbered(document, "109 年第 2 季", num, 5)
    numbered(document, "109 年第 3 季", num, 5)
    document.add_paragraph("本季核准 1,200 家，金額 3.5 億元。")
    numbered(document, "透過海內外合作", num, 4)
    numbered(document, "資安卓越產業", num, 2)
    numbered(document, "商業", num, 0)
    numbered(document, "推動商業服務業", num, 1)
    source = read_bytes(docx_bytes(document), "lists.docx")
    assert source.hard_breaks and source.kind == "docx"
    assert [line.text for line in source.lines[1:8]] == [
        "壹、 工業", "一、 推動六大核心戰略產業", "（一） 資訊及數位相關產業",
        "1、 全力搶占全球供應鏈的核心地位：讓臺灣成為基地。", "(1) 促成國際合作", "A. 109 年第 2 季", "B. 109 年第 3 季",
    ]
    assert tree(docx_bytes(document)) == [
        ("壹", "工業"), ("壹/一", "推動六大核心戰略產業"), ("壹/一/(一)", "資訊及數位相關產業"),
        ("壹/一/(一)/1", "全力搶占全球供應鏈的核心地位"), ("壹/一/(一)/1/(1)", "促成國際合作"),
        ("壹/一/(一)/1/(1)/A", "109 年第 2 季"), ("壹/一/(一)/1/(1)/B", "109 年第 3 季"),
        ("壹/一/(一)/1/(2)", "透過海內外合作"), ("壹/一/(二)", "資安卓越產業"),
        ("貳", "商業"), ("貳/一", "推動商業服務業"),
    ]


def test_a_deeper_level_restarts_after_a_shallower_one_and_lists_share_their_definition():
    document = docx.Document()
    num = add_word_list(document)
    numbered(document, "甲", num, 1)
    numbered(document, "子", num, 2)
    numbered(document, "丑", num, 2)
    numbered(document, "乙", num, 1)
    numbered(document, "寅", num, 2)
    document.add_paragraph("一段不編號的文字。")
    continued = add_word_list(document)  # a different definition counts on its own
    numbered(document, "丙", continued, 1)
    restarted = restart_list(document, num, ilvl=1, start=5)
    numbered(document, "丁", restarted, 1)
    numbered(document, "戊", num, 1)  # the first list continues where the shared counter stands
    texts = [line.text for line in read_bytes(docx_bytes(document), "r.docx").lines]
    assert texts == ["一、 甲", "（一） 子", "（二） 丑", "二、 乙", "（一） 寅", "一段不編號的文字。", "一、 丙", "五、 丁", "六、 戊"]


def test_heading_styles_without_numbering_get_the_markers_of_their_level():
    document = docx.Document()
    headings = (
        (1, "工業"), (2, "推動產業"), (3, "資訊產業"), (4, "半導體"), (5, "先進製程"), (6, "第 2 季"), (6, "第 3 季"), (3, "資安產業"), (1, "商業"), (2, "電子商務"),
    )
    for level, text in headings:
        document.add_heading(text, level)
        document.add_paragraph(f"{text}的說明，共 3 項。")
    assert tree(docx_bytes(document)) == [
        ("壹", "工業"), ("壹/一", "推動產業"), ("壹/一/(一)", "資訊產業"), ("壹/一/(一)/1", "半導體"),
        ("壹/一/(一)/1/(1)", "先進製程"), ("壹/一/(一)/1/(1)/A", "第 2 季"), ("壹/一/(一)/1/(1)/B", "第 3 季"),
        ("壹/一/(二)", "資安產業"), ("貳", "商業"), ("貳/一", "電子商務"),
    ]


def test_chinese_heading_style_names_and_outline_levels_count_as_headings():
    document = docx.Document()
    styles = document.styles
    chinese = styles.add_style("標題 1", 1)  # WD_STYLE_TYPE.PARAGRAPH
    chinese.base_style = styles["Normal"]
    outlined = styles.add_style("章節", 1)
    outlined.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="1"/>'))
    document.add_paragraph("能源", style="標題 1")
    document.add_paragraph("穩定供電", style="章節")
    document.add_paragraph("水利", style="標題 1")
    assert tree(docx_bytes(document)) == [("壹", "能源"), ("壹/一", "穩定供電"), ("貳", "水利")]


def test_heading_styles_numbered_by_a_linked_word_list():
    """The usual ministry template: Heading 1–3 carry the list in the style, not the paragraph."""
    document = docx.Document()
    num = add_word_list(document, style_links={0: "Heading1", 1: "Heading2", 2: "Heading3"})
    for ilvl, style in enumerate(("Heading 1", "Heading 2", "Heading 3")):
        style_element = document.styles[style].element
        numbering = style_element.get_or_add_pPr().get_or_add_numPr()
        numbering.get_or_add_numId().val = int(num)
        if ilvl:
            numbering.get_or_add_ilvl().val = ilvl
    document.add_paragraph("投資", style="Heading 1")
    document.add_paragraph("招商", style="Heading 2")
    document.add_paragraph("海外攬才", style="Heading 3")
    document.add_paragraph("協助臺商回臺。")
    document.add_paragraph("僑外投資", style="Heading 3")
    assert tree(docx_bytes(document)) == [("壹", "投資"), ("壹/一", "招商"), ("壹/一/(一)", "海外攬才"), ("壹/一/(二)", "僑外投資")]


def test_numbers_typed_into_the_text_are_left_as_they_are():
    document = docx.Document()
    for text in ("壹、工業", "一、 推動產業", "（一） 資訊產業：說明。", "1、 半導體", "貳、商業"):
        document.add_paragraph(text)
    document.add_heading("一、 打字的標題", 2)  # a heading style with a typed number is not numbered twice
    source = read_bytes(docx_bytes(document), "typed.docx")
    assert source.lines[-1].text == "一、 打字的標題"
    assert tree(docx_bytes(document)) == [
        ("壹", "工業"), ("壹/一", "推動產業"), ("壹/一/(一)", "資訊產業"), ("壹/一/(一)/1", "半導體"), ("貳", "商業"), ("貳/一", "打字的標題"),
    ]


def test_tables_are_lines_in_body_order_and_never_open_items():
    document = docx.Document()
    document.add_paragraph("壹、投資")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "1、 項目", "金額"
    table.cell(1, 0).text, table.cell(1, 1).text = "半導體", "3,500 億元"
    document.add_paragraph("一、 招商成果")
    source = read_bytes(docx_bytes(document), "table.docx")
    assert [line.text for line in source.lines] == ["壹、投資", "| 1、 項目 | 金額 |", "| 半導體 | 3,500 億元 |", "一、 招商成果"]
    nodes = outline(docx_bytes(document))
    assert [node.path for node in nodes] == ["壹", "壹/一"]
    assert "3,500 億元" in nodes[0].text


def test_table_of_contents_is_skipped_with_a_warning():
    document = docx.Document()
    toc = document.styles.add_style("toc 1", 1)
    toc.base_style = document.styles["Normal"]
    document.add_paragraph("壹、工業\t1", style="toc 1")
    document.add_paragraph("貳、商業\t9", style="toc 1")
    document.add_paragraph("壹、工業")
    document.add_paragraph("貳、商業")
    source = read_bytes(docx_bytes(document), "toc.docx")
    assert [line.text for line in source.lines] == ["壹、工業", "貳、商業"]
    assert any("table of contents" in warning for warning in source.warnings)


def test_deleted_text_and_field_codes_are_not_text():
    document = docx.Document()
    paragraph = document.add_paragraph("保留")
    paragraph._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="x"><w:r><w:delText>刪除</w:delText></w:r></w:del>'))
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:instrText> PAGE </w:instrText></w:r>'))
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t>文字</w:t><w:br/><w:t>換行</w:t></w:r>'))
    assert read_bytes(docx_bytes(document), "d.docx").lines[0].text == "保留文字換行"


@pytest.mark.parametrize(("value", "number_format", "expected"), [
    (1, "ideographLegalTraditional", "壹"), (10, "ideographLegalTraditional", "壹拾"), (12, "ideographLegalTraditional", "壹拾貳"),
    (3, "taiwaneseCountingThousand", "三"), (10, "taiwaneseCountingThousand", "十"), (21, "taiwaneseCountingThousand", "二十一"),
    (105, "chineseCounting", "一百零五"), (2, "ideographTraditional", "乙"), (3, "ideographZodiac", "寅"),
    (27, "upperLetter", "AA"), (4, "lowerRoman", "iv"), (7, "decimalFullWidth", "７"), (3, "decimalEnclosedCircle", "③"),
    (10, "taiwaneseDigital", "一〇"), (5, "none", ""), (8, "someFutureFormat", "8"),
])
def test_word_number_formats(value: int, number_format: str, expected: str):
    assert format_number(value, number_format) == expected


def test_word_labels_parse_as_the_grammar_markers():
    formats = (("ideographLegalTraditional", "{}、", "formal"), ("taiwaneseCountingThousand", "{}、", "plain"), ("taiwaneseCountingThousand", "（{}）", "paren_plain"))
    for number_format, text, family in formats:
        for value in (1, 9, 10, 11, 20, 35, 99):
            marker = parse_marker(text.format(format_number(value, number_format)) + " 標題")
            assert marker is not None and marker.family == family and marker.value == value


# --- the sample report as a Word document --------------------------------------------------------


def paragraphs_of(node: Node, layout: Layout) -> list[str]:
    """The node's text cut where the text ingest saw paragraphs end."""
    by_number = {line.number: line for line in layout.lines}
    paragraphs: list[list[ContentLine]] = [[]]
    for _, number in node.line_anchors:
        paragraphs[-1].append(by_number[number])
        if by_number[number].ends_paragraph:
            paragraphs.append([])
    return [join_lines(lines)[0] for lines in paragraphs if lines]


def sample_as_word(sample_path: Path, sections: tuple[str, ...]) -> bytes:
    """Sections of the sample written as Word would: each heading a list paragraph (Word's own
    numbering, the level from its marker family), its body as plain paragraphs."""
    layout = analyse(read_path(sample_path))
    document = docx.Document()
    num = add_word_list(document)
    for node in build_outline(layout):
        if not node.path or node.path.split("/")[0] not in sections:
            continue
        heading, *body = paragraphs_of(node, layout)
        marker = parse_marker(heading)
        assert marker is not None
        numbered(document, marker.rest, num, FAMILY_LEVEL[marker.family])
        for paragraph in body:
            document.add_paragraph(paragraph)
    return docx_bytes(document)


def test_the_sample_as_a_word_document_gives_the_text_ingest_tree(sample_path: Path, sample_nodes: list[Node]):
    sections = ("壹", "貳", "參", "肆", "伍", "陸", "柒", "捌", "玖", "拾", "拾壹", "拾貳")
    expected = [(node.path, node.title) for node in sample_nodes if node.path]
    assert len(expected) == 719
    assert tree(sample_as_word(sample_path, sections), "moea.docx") == expected


def test_a_docx_that_is_not_a_word_document_is_refused():
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(InputError, match="not a Word"):
        read_bytes(buffer.getvalue(), "sheet.docx")
