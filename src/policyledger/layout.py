"""Page furniture out, paragraph ends in: source lines to the content lines the outline reads.

Text pulled out of a PDF carries running headers (a section name such as `工    業`), page
numbers (` 8 `) and hard line breaks. This module removes the first two and decides, for each
remaining line, whether it ends a paragraph. Which signal marks a paragraph end depends on the
file's own convention, detected once per file:

- DOCX: every line is a paragraph.
- "trailing space" (text that pdftotext made): a line ending in a space ends a paragraph.
- "blank line": a blank line separates paragraphs.
- otherwise (PDF text layers): sentence-final punctuation or a visibly short line.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from policyledger.markers import parse_marker
from policyledger.model import SourceLine, SourceText
from policyledger.quantity.tables import cell_a_line_tables
from policyledger.quantity.units import match_unit
from policyledger.textnorm import compact

_SPACE = " \t\u3000\u00a0"
_OF_A_TOTAL = r"(\d{1,4})\s*[/／]\s*(\d{1,4})"  # '3 / 20': a page of pages
# ' 8 ', '- 12 -', '第 3 頁', '- 第 3 頁 -', '第 3 頁，共 20 頁', '3 / 20', 'Page 3 of 20'
_PAGE_NUMBER = re.compile(
    r"^[-–—－]\s*\d{1,4}\s*[-–—－]$|^\d{1,4}$"  # dashes on both sides or none: '-205' is a table's cell
    r"|^(?:[-–—－]\s*)?第\s*\d{1,4}\s*頁(?:\s*[，,/／]?\s*共\s*\d{1,4}\s*頁)?(?:\s*[-–—－])?$"  # and '- 第 4 頁 -'
    rf"|^{_OF_A_TOTAL}$"
    r"|^(?i:page)\s*\d{1,4}(?:\s*(?i:of)\s*\d{1,4})?$"
)
_SPACED_OUT = re.compile(r"^\S(?:[ \u3000]{2,}\S)+$")
_HEADER_FORBIDDEN = re.compile(r"[，。、：:；;「」（）()%％,.0-9]")
_SENTENCE_END = tuple("。！？；：:")
_MID_SENTENCE = tuple("，、,")
_BROKEN_NUMBER = re.compile(r"\d,\d{1,2}$")  # '…論文 1,2' + '68 篇': a thousands group cut short goes on
_CLOSING = tuple("」』）)]")


@dataclass(frozen=True)
class ContentLine:
    number: int
    text: str  # without leading and trailing spaces
    page: int | None
    ends_paragraph: bool
    trailing_space: bool  # the raw line ended in whitespace (it separates Latin words when joined)
    leading_space: bool = False  # in pdftotext output, a line opening a page starts with a space
    table_row: bool = False  # a row of a table drawn with bars: its first cell opens no item ('| 1、 項目 | 金額 |')


@dataclass(frozen=True)
class Layout:
    lines: list[ContentLine]
    noise: list[int]  # source line numbers removed as running headers and page numbers
    convention: str


def display_width(text: str) -> int:
    """Columns the text takes in a monospaced font: wide and full-width characters count two."""
    return len(text) + len(text.translate(_WIDE_ONLY))


class _WideOnlyTable(dict[int, str | None]):
    """str.translate's table keeping only wide characters, filled as characters are met: the
    width of every line of a report is then measured in C, not character by character."""

    def __missing__(self, code: int) -> str | None:
        kept = chr(code) if unicodedata.east_asian_width(chr(code)) in "WF" else None
        if len(self) < 100_000:  # bounded, whatever text comes in
            self[code] = kept
        return kept


_WIDE_ONLY = _WideOnlyTable()


def analyse(source: SourceText) -> Layout:
    table_rows = {line.number for line in source.lines if _drawn_row(line.text)}
    raw = [_without_bullet(_without_markup(line)) for line in source.lines]
    if _letter_spaced(raw):
        raw = [dataclasses.replace(line, text=_LETTER_SPACE.sub("", line.text)) for line in raw]
    noise = set(_page_furniture(raw)) | {line.number for line in raw if _RULE.match(line.text)} | _link_references(raw)
    noise |= _table_of_contents(raw) | {line.number for line in raw if _CONTINUED.search(line.text) and parse_marker(line.text)}
    kept = [line for line in raw if line.number not in noise and line.text.strip(_SPACE)]
    convention = _convention(source, raw, noise)
    blank_after = _blank_follows(raw, noise)
    typical = _typical_width(kept)
    in_cell_a_line_tables = _lines_of_cell_a_line_tables([line.text.strip(_SPACE) for line in kept])
    lines = []
    paragraph: list[str] = []  # the lines of the paragraph being read, this one included
    for index, line in enumerate(kept):
        stripped = line.text.strip(_SPACE)
        paragraph.append(stripped)
        following = kept[index + 1].text.strip(_SPACE) if index + 1 < len(kept) else ""
        trailing = line.text != line.text.rstrip(_SPACE) or (convention == "punctuation" and _words_wrap(stripped, following))
        leading = line.text != line.text.lstrip(_SPACE)
        before_marker = parse_marker(following) is not None and kept[index + 1].number not in table_rows
        ends = _ends_paragraph(convention, stripped, trailing, blank_after.get(line.number, False), typical, before_marker and convention == "punctuation")
        if not ends and before_marker and _indent(kept[index + 1].text) < _indent(line.text):
            ends = True  # pdftotext -layout: an item's marker set out to the left of the line before begins a new item
        if ends and convention != "hard" and stripped[-1:].isdigit() and not before_marker and _opens_with_unit(following):
            ends = False  # '其中團體參觀 4,328' + '團。': a number and its unit, however short the line
        if ends and convention == "punctuation" and not before_marker and _wrapped_before_long_word(stripped, following, typical):
            ends = False  # '民眾可至土石流防災資訊網' + '(https://246.ardswc.gov.tw)查詢…': a URL too long for the line's end
        if not ends and convention != "hard" and _NAMES_A_TABLES_UNIT.search(stripped):
            ends = True  # '表 1 113 年對外援助支出按地區別統計 單位：萬美元': a caption, the table's header follows
        if not ends and convention != "hard" and (_SET_IN_COLUMNS.search(stripped) or _SET_IN_COLUMNS.search(following)):
            ends = True  # pdftotext -layout: '竹科      8,946.3      168,215': a table's row, its columns set apart by spaces, and the line before it
        if not ends and convention != "hard" and _ENDS_WITH_NUMBERS.search(stripped):
            ends = True  # '合計 603.4 614.2 10.8': a flattened table's row ends with numbers no sentence ends with
        if index in in_cell_a_line_tables:
            ends = True  # '毒品' + '39' + '19': a ruled table printed one cell a line, each cell a line of its own
        elif ends and following and not before_marker and _marker_alone(stripped):
            ends = False  # '（一）' + '旅客運量穩定成長': a heading whose marker stands on a line of its own
        if ends and convention == "punctuation" and not before_marker and _breaks_a_clause(stripped, following) and not _short_heading(stripped, typical):
            ends = False  # a Word export's soft break: '…老年人口 463 萬 2,050 人，占總人口' + '19.83%，較 113 年底…'
        if ends and convention == "trailing_space" and following and not before_marker:
            # '…處罰鍰 ' + '2 億 6,115 萬元。': the space before a number, where the line wrapped mid-clause
            ends = not (_sentence_runs_on(paragraph, typical, following) or (following[:1].isdigit() and _breaks_a_clause(stripped, following)))
        lines.append(ContentLine(line.number, stripped, line.page, ends, trailing, leading, line.number in table_rows))
        if ends:
            paragraph = []
    return Layout(lines, sorted(noise), convention)


# Markdown, as PDF-to-Markdown converters write a report: '## 一、 保險收入', '**（三） 補充保險費**',
# a rule '-----' where a page ended, and tables drawn in text as they and pandoc draw them:
#   +-----------+-------------+        | 項目 | 113 年 | 114 年 |
#   | 遠洋漁業  | 212,460     |        |---|---:|---:|
#   +===========+=============+        | 門診 | 1,234 | 1,302 |
# Rules are no content; the markup around a line's words is blanked (offsets into the line stay true),
# and so are a row's bars, which only part its cells: the row reads as a row set in columns.
_RULE = re.compile(r"^[ \t]*(?:\+[-=:+]*[-=][-=:+]*\+|\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?|-{3,}|\*{3,})[ \t]*$")
_CELLS_ROW = re.compile(r"^[ \t]*\|[^|]*\|.*\|[ \t]*$")
_MARKUP = re.compile(r"^([ \t]*(?:#{1,6}[ \t]+)?)(\*\*|__)?(?=\S)(.*?)(\2)?[ \t]*$")


def _drawn_row(text: str) -> bool:
    return "|" in text and _CELLS_ROW.match(text) is not None


def _without_markup(line: SourceLine) -> SourceLine:
    """The line with Markdown's heading marks, its bold markers and a table row's bars blanked; a row
    ends at its last cell (a space after it would read as a paragraph's end where spaces end paragraphs)."""
    text = line.text
    if _drawn_row(text):
        return dataclasses.replace(line, text=text.replace("|", " ").rstrip(_SPACE))
    if not text.startswith(("#", "**", "__")):
        return line
    markup = _MARKUP.match(text)
    if markup is None or not (markup.group(1).strip() or (markup.group(2) and markup.group(4))):
        return line
    opening = " " * len(markup.group(1)) + " " * len(markup.group(2) or "")
    return dataclasses.replace(line, text=opening + markup.group(3) + text[markup.end(3):].replace("*", " ").replace("_", " "))


# A briefing deck (簡報) exported to text: each slide's lines are bullets, '■ 一、省道路網概況',
# '◆ （一）轄管路網：…'. A bullet before a marker is blanked (offsets stay true): the marker heads
# the line. A slide that goes on with its section repeats the title, '三、橋梁安全（續）': no new
# heading. And the deck's contents slide lists its sections (報告大綱 + '■ 壹、…' a line): no headings.
_BULLET = re.compile(r"^([ \t\u3000]*)([■◆●▪►◎○□◇◼◾•‧➢✓])[ \t\u3000]*")
_CONTINUED = re.compile(r"[（(]\s*續\s*[）)]\s*$")
_CONTENTS_TITLE = re.compile(r"^\s*(?:報告|簡報)?(?:大綱|目錄|目次)\s*$")
_CONTENTS_ENTRY_WIDTH = 24  # a section's name, no sentence


def _without_bullet(line: SourceLine) -> SourceLine:
    bullet = _BULLET.match(line.text)
    if bullet is None or parse_marker(line.text[bullet.end():]) is None:
        return line
    return dataclasses.replace(line, text=" " * bullet.end() + line.text[bullet.end():])


def _table_of_contents(raw: list[SourceLine]) -> set[int]:
    """The contents slide's lines: its title, then the sections' markers and names, each short, no figure."""
    content = [line for line in raw if line.text.strip(_SPACE)]
    found: set[int] = set()
    for index, line in enumerate(content):
        if not _CONTENTS_TITLE.match(line.text):
            continue
        entries = []
        for entry in content[index + 1:]:
            marker = parse_marker(entry.text)
            if marker is None or len(entry.text.strip(_SPACE)) > _CONTENTS_ENTRY_WIDTH or re.search(r"\d", marker.rest):
                break
            entries.append(entry.number)
        if len(entries) >= 3:
            found |= {line.number, *entries}
    return found


# OCR of a scanned page (tesseract's chi_tra) sets a space between every two characters:
# '本 署 依 國 土 計 畫 法 第 15 條 規 定 辦 理 ， 已 於 114'. Such a report is read with the spaces
# between two characters, and before a closing mark, taken out; those beside a number stay, as typed.
_WIDE = "\u3000-\u303f\u3400-\u9fff\uff01-\uffef"
_LETTER_SPACE = re.compile(rf"(?<=[{_WIDE}]) (?=[{_WIDE}])|(?<=\S) (?=[、，。：；）」』％])|(?<=[（「『]) (?=\S)")
_SPACED_PAIR = re.compile(rf"[{_WIDE}] (?=[{_WIDE}])")
_WIDE_CHAR = re.compile(rf"[{_WIDE}]")
_LETTER_SPACED_SHARE = 0.3  # of its characters; a report typed by hand spaces only around numbers


def _letter_spaced(raw: list[SourceLine]) -> bool:
    sample = "\n".join(line.text for line in raw[:400])
    wide = len(_WIDE_CHAR.findall(sample))
    return wide >= 50 and len(_SPACED_PAIR.findall(sample)) >= _LETTER_SPACED_SHARE * wide


# A web page's text as a text browser prints it (lynx -dump) ends with the addresses of its links:
#   References
#      1. https://www.rb.gov.tw/Default.aspx
_REFERENCES = re.compile(r"^\s*(?:References|參考連結|連結)\s*$")
_REFERENCE = re.compile(r"^\s*\d{1,4}\.\s+(?:https?|ftp|mailto|javascript|file):\S*\s*$")


def _link_references(raw: list[SourceLine]) -> set[int]:
    """The lines of a closing list of link addresses, its heading and all, when nothing but addresses follows it."""
    for index in range(len(raw) - 1, -1, -1):
        if _REFERENCES.match(raw[index].text):
            after = [line for line in raw[index + 1:] if line.text.strip()]
            if after and all(_REFERENCE.match(line.text) for line in after):
                return {line.number for line in raw[index:]}
            return set()
    return set()


def _marker_alone(text: str) -> bool:
    """'（一）', 'A.': a marker with nothing after it on its line."""
    marker = parse_marker(text)
    return marker is not None and not marker.rest.strip()


def _lines_of_cell_a_line_tables(texts: list[str]) -> set[int]:
    return {first + line for first, columns, rows in cell_a_line_tables(texts) for line in range((1 + columns) * (1 + rows))}


def _opens_with_unit(text: str) -> bool:
    unit = match_unit(text, 0)
    return unit is not None and (len(text) == unit.end or not text[unit.end].isdigit())


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(_SPACE))


def _sentence_runs_on(paragraph: list[str], typical: int, following: str) -> bool:
    """A trailing space that cannot end a paragraph: some extractions leave one on every wrapped
    line of a passage. A quotation 「… still open runs on; so does a wrapped line of a paragraph
    that fills the width and stops without punctuation — its first line too where the next opens
    with a number ('…保護基金規模達 ' + '4.82 億元'; a heading is no line that fills the width)."""
    text = "".join(paragraph)
    if text.count("「") + text.count("『") > text.count("」") + text.count("』"):
        return True
    last = paragraph[-1]
    if last.endswith(_SENTENCE_END + _CLOSING):
        return False
    if following[:1].isdigit():  # numbers print narrower than ideographs: such a line fills less of the width
        return display_width(last) >= 0.8 * typical
    return len(paragraph) > 1 and display_width(last) >= 0.9 * typical


_LONG_WORD = re.compile(r"[(（]?[A-Za-z0-9][\w:/.\-@?=&%#~+]{7,}[)）]?")


def _wrapped_before_long_word(text: str, following: str, typical: int) -> bool:
    """A short line that stops mid-sentence where the next line opens with a word too long to have fitted
    after it (a URL, an e-mail address): a wrap, not a paragraph's end."""
    word = _LONG_WORD.match(following)
    return word is not None and not text.endswith(_SENTENCE_END) and display_width(text) + display_width(word.group(0)) > 0.9 * typical


_SET_IN_COLUMNS = re.compile(r"\S[ 　]{3,}\S")
_ENDS_WITH_NUMBERS = re.compile(r"\s-?\d[\d,]*(?:\.\d+)?%?\s+-?\d[\d,]*(?:\.\d+)?%?$")
_NAMES_A_TABLES_UNIT = re.compile(r"單位\s*[：:]\s*[^\s，。；()（）]{1,6}[)）]?$")
# The rest of a clause: up to its first break, no longer than a clause runs.
_CLAUSE_WORD = r"(?:[^，。；：、,\s]|(?<=\d),(?=\d)){1,12}"  # '6,115' is one word: its comma groups digits
_CLAUSE_REST = re.compile(rf"{_CLAUSE_WORD}(?:\s?{_CLAUSE_WORD}){{0,3}}[，。；、]")


def _breaks_a_clause(text: str, following: str) -> bool:
    """A line of prose (it holds a comma) stopping on a word, whose next line finishes the clause: the
    line is cut mid-sentence, however short (a soft break in a Word export), not a paragraph's end.
    A table's row holds no comma; a heading ends with none."""
    if not following or "，" not in text or not _IDEOGRAPH_OR_DIGIT.match(text[-1]):
        return False
    return _CLAUSE_REST.match(following) is not None


_IDEOGRAPH_OR_DIGIT = re.compile(r"[\u4e00-\u9fff\d%％]")


def _short_heading(text: str, typical: int) -> bool:
    """'一、\t推動淨零轉型，健全碳定價機制': a heading line of its own, short and stating no figure, whatever
    clause the next line opens with."""
    marker = parse_marker(text)
    return marker is not None and not any(char.isdigit() for char in marker.rest) and display_width(text) < 0.5 * typical


def _words_wrap(text: str, following: str) -> bool:
    """Two Latin words meet at a line wrap; PDF text layers drop the space the wrap replaced."""
    latin_end = text[-1] == "&" or (text[-1].isascii() and text[-1].isalpha())
    return latin_end and following[:1].isascii() and following[:1].isalpha()


_SECTION_BLANKS = 0.2
_ENDING_SHARE = 0.1


def _convention(source: SourceText, raw: list[SourceLine], noise: set[int]) -> str:
    if source.hard_breaks:
        return "hard"
    content = [line for line in raw if line.number not in noise and line.text.strip(_SPACE)]
    if not content:
        return "hard"
    with_trailing = [line.text.rstrip(_SPACE) for line in content if line.text != line.text.rstrip(_SPACE)]
    # Paragraphs end in a space when some spaced lines end sentences; PDFium leaves a space only where
    # a line wraps between words ('較 ' + '112 年同期'), never after '。'.
    ending = sum(1 for text in with_trailing if text.endswith(_SENTENCE_END + _CLOSING))
    if len(with_trailing) >= 0.05 * len(content) and len(with_trailing) >= 2 and ending >= _ENDING_SHARE * len(with_trailing):
        return "trailing_space"
    blanks_between = _blank_follows(raw, noise)
    # The last line always counts as followed by a blank; only blanks between lines tell.
    followed = sum(1 for line in content[:-1] if blanks_between.get(line.number))
    # Blank lines part paragraphs when they follow a good share of lines (half, in the reports seen);
    # a few between sections only (國發會's 16 of 246) say nothing of where a paragraph ends, nor
    # does the one after a short note's title.
    if _SECTION_BLANKS * len(content) <= followed < 0.6 * len(content) and followed >= 2 and _blanks_part_items(content, blanks_between):
        return "blank_line"
    return "punctuation"


def _blanks_part_items(content: list[SourceLine], blanks_between: dict[int, bool]) -> bool:
    """Whether a blank line stands before most items: where paragraphs are parted by blanks, every
    item's marker follows one; pdftotext -layout leaves blanks only between some sections, the
    items under them coming line after line ('    一、 專題研究計畫補助' + '      （一） 一般…')."""
    before_items = [line for line, following in itertools.pairwise(content) if parse_marker(following.text.strip(_SPACE)) is not None]
    return not before_items or sum(1 for line in before_items if blanks_between.get(line.number)) >= 0.5 * len(before_items)


def _blank_follows(raw: list[SourceLine], noise: set[int]) -> dict[int, bool]:
    """Whether a blank line parts each content line from the next. Across a page break the blanks
    around its footer and header say nothing: there a paragraph ends where its sentence does, or
    where the next page opens with an item ('…到考 6 萬' + footer + '7,078 人，錄取…' runs on)."""
    result: dict[int, bool] = {}
    previous: SourceLine | None = None
    saw_blank = saw_noise = False
    for line in raw:
        if line.number in noise:
            saw_noise = True
            continue
        if not line.text.strip(_SPACE):
            saw_blank = True
            continue
        if previous is not None:
            ended = previous.text.rstrip(_SPACE).endswith(_SENTENCE_END + _CLOSING) or parse_marker(line.text.strip(_SPACE)) is not None
            result[previous.number] = saw_blank and (not saw_noise or ended)
        previous, saw_blank, saw_noise = line, False, False
    if previous is not None:
        result[previous.number] = True
    return result


def _ends_paragraph(convention: str, text: str, trailing: bool, blank_after: bool, typical: int, before_marker: bool = False) -> bool:
    if convention == "hard":
        return True
    if text.endswith(_MID_SENTENCE) or _BROKEN_NUMBER.search(text):
        return False
    if convention == "trailing_space":
        # "beyond " + "1 奈米": a space after a Latin word or number separates words, not paragraphs.
        # A closing bracket or colon before the space still ends a heading: "（二） 積極參與亞太經濟合作(APEC) ";
        # a percent sign ends a table's row: "稻米 12.3 15.6 26.8% ".
        return trailing and (not text[-1].isascii() or text[-1] in ")]:%")
    if convention == "blank_line":
        return blank_after
    # Without a paragraph signal, a full-width heading is known by the marker that follows it.
    return text.endswith(_SENTENCE_END) or display_width(text) < 0.75 * typical or before_marker


def _typical_width(lines: list[SourceLine]) -> int:
    widths = sorted(display_width(line.text.strip(_SPACE)) for line in lines)
    if not widths:
        return 0
    return widths[int(len(widths) * 0.8)]


# --- running headers and page numbers -------------------------------------------------------


_REPEATS_OF_A_HEADER = 3
_HAS_WORDS = re.compile(r"[^\W\d_]")  # a header has words; a line of a number is a table's cell ('8,178' beside '- 1 -')


def _page_furniture(raw: list[SourceLine]) -> list[int]:
    content = [line for line in raw if line.text.strip(_SPACE)]
    noise: set[int] = set()
    noise.update(_page_edge_repeats(content))
    known = _running_header_names(content)
    titled = _titled_page_numbers(content)
    cells = _lines_of_cell_a_line_tables([line.text.strip(_SPACE) for line in content])  # '合計' + '97': a table's row, no header beside a page number
    of_pages = _pages_of_a_total(content) | _bare_page_counts(content)
    candidates = [i for i, line in enumerate(content)
                  if _is_page_number(line, content, i) or _numbers_a_headed_page(content, i, known) or i in titled or i in of_pages]
    outside = [i for i in candidates if i not in cells]
    # a number inside a table is a cell, unless it is the page number the pages before and after it count to
    page_numbers = [i for i in candidates if i not in cells or _counts_pages(content, outside, i)]
    noise.update(content[i].number for i in page_numbers)
    places = _header_places(content, page_numbers)
    beside_numbers = Counter(_edge_key(content[j].text) for j in places)
    for j in places:
        # A known section name beside a page number or at a page's edge is a running header, brackets and all;
        # so is a line of any name that stands beside page number after page number ('國家科學及技術委員會業務報告（立法院…）').
        text = content[j].text
        repeated = beside_numbers[_edge_key(text)] >= _REPEATS_OF_A_HEADER and len(text.strip(_SPACE)) <= 40 and _HAS_WORDS.search(text) is not None
        if parse_marker(text) is None and (compact(text) in known or repeated):
            noise.add(content[j].number)
    noise.update(line.number for line in content if _SPACED_OUT.match(line.text.strip(_SPACE)) and _looks_like_section_name(line.text))
    noise.update(_footnotes(content, [*page_numbers, len(content)], noise))
    return sorted(noise)


def _pages_of_a_total(content: list[SourceLine]) -> set[int]:
    """Lines '4/9', '5/9' (page of pages) alone, two or more out of the same total: page numbers in
    plain text too, where a bare '4/9' alone would say nothing."""
    found: dict[str, list[tuple[int, int]]] = {}
    for index, line in enumerate(content):
        match = _PAGE_OF_PAGES.match(line.text.strip(_SPACE))
        if match and 0 < int(match.group(1)) <= int(match.group(2)):
            found.setdefault(match.group(2), []).append((index, int(match.group(1))))
    return {index for pages in found.values() if len({page for _, page in pages}) >= 2 for index, _ in pages}


_PAGE_OF_PAGES = re.compile(rf"{_OF_A_TOTAL}$")


def _bare_page_counts(content: list[SourceLine]) -> set[int]:
    """Bare numbers alone on their lines, flush left with no header beside them (an OCR'd PDF's footers:
    '…較 112 年減少' / '2' / '4.3%；…'), where they count pages: the longest run of three or more, each
    one more than the last and at least a short page's lines after it."""
    lines_of: dict[int, list[int]] = {}  # value → the lines holding it, in order
    best_to: dict[int, list[_Run]] = {}  # value → beside each of those lines, the longest run ending there or at a line before
    longest: _Run | None = None
    for index, line in enumerate(content):
        stripped = line.text.strip(_SPACE)
        if not _BARE_NUMBER.fullmatch(stripped):  # not str.isdigit: '①' is a digit to it, no number to int()
            continue
        value = int(stripped)
        earlier = bisect.bisect_right(lines_of.get(value - 1, []), index - _SHORT_PAGE_LINES) - 1
        before = best_to[value - 1][earlier] if earlier >= 0 else None
        run = _Run(index, before.length + 1 if before else 1, before)
        so_far = best_to.setdefault(value, [])
        so_far.append(run if not so_far or run.length > so_far[-1].length else so_far[-1])
        lines_of.setdefault(value, []).append(index)
        longest = run if longest is None or run.length > longest.length else longest
    return longest.lines() if longest is not None and longest.length >= 3 else set()


@dataclass(frozen=True)
class _Run:
    """A run of page numbers, by its last line and the run before that line."""

    index: int
    length: int
    before: _Run | None

    def lines(self) -> set[int]:
        found, run = set(), self
        while run is not None:
            found.add(run.index)
            run = run.before
        return found


_SHORT_PAGE_LINES = 12
_BARE_NUMBER = re.compile(r"[0-9]{1,4}")


def _counts_pages(content: list[SourceLine], page_numbers: list[int], index: int) -> bool:
    """The number on line `index` is one more than the page number before it or one less than the one after."""
    value = _page_value(content[index].text)
    before = [_page_value(content[i].text) for i in page_numbers if i < index][-1:]
    after = [_page_value(content[i].text) for i in page_numbers if i > index][:1]
    return value is not None and (before == [value - 1] or after == [value + 1])


def _page_value(text: str) -> int | None:
    digits = re.search(r"\d+", text)
    return int(digits.group(0)) if digits else None


# '註 1：統計資料來源為…' at a page's foot: the note a body's '3.36%註1' points to, not part of its item
_FOOTNOTE = re.compile(r"[\s　]*[註注]\s*[0-9０-９一二三四五六七八九十]{1,2}\s*[：:]")


def _footnotes(content: list[SourceLine], page_ends: list[int], noise: set[int]) -> set[int]:
    """The notes standing last before a page's number (or the end of the text), its header aside."""
    found: set[int] = set()
    for end in page_ends:
        index = end - 1
        while index >= 0 and (content[index].number in noise or _is_last_page_number(content, index)):
            if content[index].number not in noise:
                found.add(content[index].number)
            index -= 1
        while index >= 0 and _FOOTNOTE.match(content[index].text):
            found.add(content[index].number)
            index -= 1
    return found


# A footer of the report's title and its page number on one line: '海巡署業務報告 第 2 頁'.
_TITLED_PAGE_NUMBER = re.compile(r"^([\u4e00-\u9fff（）()]{2,24})\s*(?:第\s*\d{1,4}\s*頁|[-–—－]\s*\d{1,4}\s*[-–—－])$")


def _titled_page_numbers(content: list[SourceLine]) -> set[int]:
    """The lines that are such a footer, its title the same on two pages or more."""
    found = {i: match.group(1) for i, line in enumerate(content) if (match := _TITLED_PAGE_NUMBER.match(line.text.strip(_SPACE)))}
    titles = Counter(found.values())
    return {i for i, title in found.items() if titles[title] >= 2}


def _is_last_page_number(content: list[SourceLine], index: int) -> bool:
    """The text's last line a bare number after a note: the last page's footer."""
    stripped = content[index].text.strip(_SPACE)
    return index == len(content) - 1 and stripped.isdigit() and len(stripped) <= 4 and index > 0 and _FOOTNOTE.match(content[index - 1].text) is not None


def _is_page_number(line: SourceLine, content: list[SourceLine], index: int) -> bool:
    stripped = line.text.strip(_SPACE)
    if not _PAGE_NUMBER.match(stripped):
        return False
    if line.page is not None:
        first_on_page = index == 0 or content[index - 1].page != line.page
        last_on_page = index == len(content) - 1 or content[index + 1].page != line.page
        return first_on_page or last_on_page
    # A bare number in plain text is a page number only when set off by a leading space, as
    # pdftotext writes it; the other forms ('- 8 -', '第 8 頁', 'Page 8') say what they are.
    return line.text != line.text.lstrip(_SPACE) or not stripped[0].isdigit()


def _numbers_a_headed_page(content: list[SourceLine], index: int, known: set[str]) -> bool:
    """A bare number set flush left (PDFium's text of a footer) is a page number when a running
    header stands next to it: '…計 3 萬' / '1' / '內政部業務報告' / '2,418 件'."""
    stripped = content[index].text.strip(_SPACE)
    if not (stripped.isdigit() and len(stripped) <= 4):
        return False
    neighbours = [content[j] for j in (index - 1, index + 1) if 0 <= j < len(content)]
    return any(parse_marker(line.text) is None and compact(line.text) in known for line in neighbours)


def _header_places(content: list[SourceLine], page_numbers: list[int]) -> set[int]:
    """Where a running header may stand: the two lines before a page number and the one after it
    (a footer's page number, then the next page's header); in a PDF, also the first two and last
    two lines of each page (PDFium keeps content-stream order, so a header may come before or
    after the page number)."""
    places = {j for i in page_numbers for j in (i - 2, i - 1, i + 1) if 0 <= j < len(content)}
    pages: dict[int, list[int]] = {}
    for index, line in enumerate(content):
        if line.page is not None:
            pages.setdefault(line.page, []).append(index)
    for indexes in pages.values():
        places.update(indexes[:2] + indexes[-2:])
    return places


def _running_header_names(content: list[SourceLine]) -> set[str]:
    """Texts a running header may have: top-level section names, spaced-out or repeated short lines."""
    names: set[str] = set()
    standalone = Counter(compact(line.text) for line in content if _is_header_like(line.text))
    names.update(text for text, count in standalone.items() if count >= 2)
    for line in content:
        stripped = line.text.strip(_SPACE)
        marker = parse_marker(stripped)
        if marker is not None and marker.family == "formal":
            names.add(compact(marker.rest))
        elif _SPACED_OUT.match(stripped) and _looks_like_section_name(stripped):
            names.add(compact(stripped))
    return names


def _is_header_like(text: str) -> bool:
    stripped = text.strip(_SPACE)
    squeezed = compact(stripped)
    return 0 < len(squeezed) <= 12 and not _HEADER_FORBIDDEN.search(squeezed) and parse_marker(stripped) is None


def _looks_like_section_name(text: str) -> bool:
    squeezed = compact(text)
    return 2 <= len(squeezed) <= 8 and all(unicodedata.east_asian_width(c) == "W" for c in squeezed)


def _page_edge_repeats(content: list[SourceLine]) -> set[int]:
    """Lines that open or close many pages with the same text (digits ignored): running headers."""
    pages: dict[int, list[SourceLine]] = {}
    for line in content:
        if line.page is not None:
            pages.setdefault(line.page, []).append(line)
    if len(pages) < 3:
        return set()
    edges = Counter()
    for lines in pages.values():
        for line in {lines[0], lines[-1]}:
            edges[_edge_key(line.text)] += 1
    repeated = {key for key, count in edges.items() if count >= max(3, 0.3 * len(pages)) and key}
    found = set()
    for lines in pages.values():
        for line in (lines[0], lines[-1]):
            if _edge_key(line.text) in repeated and len(line.text.strip()) <= 40:
                found.add(line.number)
    return found


def _edge_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))
