"""PDF: the sample report printed to a real multi-page PDF gives the same tree as its text.

The sample is the text layer of a real ministry PDF (pdftotext output), so the PDF made here
keeps its pages: a page starts where the sample shows one (a line opening with a space, or
after a page number). Each page gets a running header with its section name ("工    業")
and a page number, as the real report has. Two printings:

- "as extracted": each line exactly as the sample has it (paragraph ends keep their trailing
  space, as in the real report's text layer); the header is drawn first, the page number last.
- "bare": lines without leading or trailing spaces, as most PDF producers write them; the
  section name and the page number are drawn after the body, in the footer.

The PDFs are written once per test session with fpdf2 and the Noto CJK font (Debian's
fonts-noto-cjk; reportlab cannot embed its CFF outlines).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from tests.conftest import run_cli

from policyledger.errors import InputError
from policyledger.layout import analyse
from policyledger.markers import parse_marker
from policyledger.model import Node
from policyledger.outline import build_outline
from policyledger.read import read_bytes, read_path

LINE_HEIGHT = 26  # points; pages of the real report hold up to 27 lines of text


@dataclass
class Page:
    section: str  # the top-level section the page belongs to, e.g. "工業"
    lines: list[tuple[int, str]]  # (sample line number, text)


def cjk_font() -> tuple[str, int]:
    """The Noto CJK TC face: (file, index in the collection)."""
    if shutil.which("fc-list"):
        listing = subprocess.run(["fc-list", "-f", "%{file}|%{index}|%{family}\n", ":lang=zh-tw"], capture_output=True, text=True, check=False).stdout
        for row in listing.splitlines():
            path, index, family = row.split("|", 2)
            if "Noto Sans CJK TC" in family and path.endswith((".ttc", ".otf")):
                return path, int(index)
    pytest.skip("the Noto CJK font is missing: apt-get install fonts-noto-cjk (scripts/test-deps.sh does it)")


def sample_pages(sample_path: Path) -> list[Page]:
    """The sample's own pages, its page furniture left out."""
    source = read_path(sample_path)
    noise = set(analyse(source).noise)
    pages: list[Page] = [Page("", [])]
    section = ""
    for line in source.lines:
        if line.number in noise:
            if pages[-1].lines:
                pages.append(Page(section, []))
            continue
        if not line.text.strip():
            continue
        if line.text.startswith(" ") and pages[-1].lines:
            pages.append(Page(section, []))
        marker = parse_marker(line.text)
        if marker is not None and marker.family == "formal":
            section = marker.rest.strip()
            if not pages[-1].lines:
                pages[-1].section = section
        pages[-1].lines.append((line.number, line.text))
    return [page for page in pages if page.lines]


def spaced(section: str) -> str:
    """'工業' is printed '工    業', as the report's running header does."""
    return "    ".join(section) if len(section) == 2 else section


def write_pdf(path: Path, pages: list[Page], bare: bool) -> None:
    from fpdf import FPDF

    font_file, font_index = cjk_font()
    pdf = FPDF(format="A4", unit="pt")
    pdf.set_auto_page_break(False)
    pdf.add_font("noto", fname=font_file, collection_font_number=font_index)
    pdf.set_font("noto", size=12)
    for page in pages:
        pdf.add_page()
        if page.section and not bare:
            pdf.text(250, 32, spaced(page.section))
        for row, (_, text) in enumerate(page.lines):
            pdf.text(60, 60 + row * LINE_HEIGHT, text.strip() if bare else text)
        if page.section and bare:
            pdf.text(250, 790, spaced(page.section))
        pdf.text(290, 815, str(pdf.page_no()))
    pdf.output(str(path))


@pytest.fixture(scope="session")
def pages(sample_path: Path) -> list[Page]:
    return sample_pages(sample_path)


def cached_pdf(request: pytest.FixtureRequest, pages: list[Page], bare: bool) -> Path:
    """Embedding ~3,400 CJK glyphs takes fpdf2 several seconds, so each PDF is written once and
    kept in pytest's cache, under a key that changes with the sample, this file and fpdf2."""
    import fpdf

    key = hashlib.sha256(repr((pages, bare, fpdf.__version__)).encode() + Path(__file__).read_bytes()).hexdigest()[:16]
    path = request.config.cache.mkdir("policyledger-pdf") / f"moea-{'bare' if bare else 'as-extracted'}-{key}.pdf"
    if not path.exists():
        partial = path.with_suffix(".partial")
        write_pdf(partial, pages, bare)
        partial.replace(path)
    return path


@pytest.fixture(scope="session")
def extracted_pdf(request: pytest.FixtureRequest, pages: list[Page]) -> Path:
    return cached_pdf(request, pages, bare=False)


@pytest.fixture(scope="session")
def bare_pdf(request: pytest.FixtureRequest, pages: list[Page]) -> Path:
    return cached_pdf(request, pages, bare=True)


def pdf_outline(path: Path) -> list[Node]:
    return build_outline(analyse(read_path(path)))


def test_pdf_as_extracted_gives_the_text_ingest_tree(extracted_pdf: Path, sample_nodes: list[Node], pages: list[Page]):
    nodes = pdf_outline(extracted_pdf)
    assert [(n.path, n.title) for n in nodes] == [(n.path, n.title) for n in sample_nodes]
    assert read_path(extracted_pdf).page_count == len(pages) == 104


def test_pdf_nodes_carry_the_pages_their_lines_were_printed_on(extracted_pdf: Path, sample_nodes: list[Node], pages: list[Page]):
    printed_on = {number: index for index, page in enumerate(pages, start=1) for number, _ in page.lines}
    nodes = pdf_outline(extracted_pdf)
    for from_pdf, from_text in zip(nodes, sample_nodes, strict=True):
        assert from_pdf.page_start is not None and from_pdf.page_end is not None
        assert from_pdf.page_start <= from_pdf.page_end
        assert from_pdf.page_start == printed_on[from_text.line_start], from_pdf.path
        assert from_pdf.page_end == printed_on[from_text.line_end], from_pdf.path
    assert nodes[-1].page_end == len(pages)


def test_running_headers_and_page_numbers_are_removed(extracted_pdf: Path, bare_pdf: Path, pages: list[Page]):
    for path in (extracted_pdf, bare_pdf):
        source = read_path(path)
        layout = analyse(source)
        kept = {re.sub(r"\s", "", line.text) for line in layout.lines}
        assert not kept & {page.section for page in pages}, path.name
        assert len(layout.noise) == 2 * len(pages) - sum(1 for page in pages if not page.section)
        text = "".join(node.text for node in build_outline(layout))
        assert "工 業" not in text and "礦業及地質調查礦業及地質調查" not in text


def test_pdf_without_trailing_spaces_gives_the_same_items(bare_pdf: Path, sample_nodes: list[Node]):
    """Without trailing spaces a paragraph end is inferred (punctuation, short lines, a marker
    line next); every item is found. A heading printed full width and followed by body text
    cannot be told from a wrapped sentence, so a few titles run on into the body."""
    nodes = pdf_outline(bare_pdf)
    assert [n.path for n in nodes] == [n.path for n in sample_nodes]
    differing = [(a.path, a.title, b.title) for a, b in zip(sample_nodes, nodes, strict=True) if a.title != b.title]
    assert len(differing) <= 5, differing
    assert all(pdf_title.startswith(text_title) for _, text_title, pdf_title in differing)


def test_ingest_a_pdf_through_the_command(extracted_pdf: Path, pages: list[Page], tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    result = run_cli("ingest", str(extracted_pdf), db=url)
    assert result.returncode == 0, result.stderr
    docs = json.loads(run_cli("docs", "--format", "json", db=url).stdout)
    assert docs[0]["title"] == "經濟部業務報告"
    records = json.loads(run_cli("outline", docs[0]["id"], "--format", "json", db=url).stdout)
    section = next(record for record in records if record["path"] == "貳")
    printed_on = next(index for index, page in enumerate(pages, start=1) if any(text.strip().startswith("貳、商業") for _, text in page.lines))
    assert section["title"] == "商業" and section["page_start"] == section["page_end"] == printed_on


# --- small PDFs made with reportlab's built-in CJK font (not embedded) ----------------------------


def small_pdf(path: Path, pages: list[list[str]]) -> bytes:
    """One page per list of lines; an empty list is a page with a drawing and no text."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("MSung-Light"))
    drawing = canvas.Canvas(str(path))
    for lines in pages:
        if not lines:
            drawing.rect(100, 100, 300, 400, fill=1)
        drawing.setFont("MSung-Light", 12)
        for row, text in enumerate(lines):
            drawing.drawString(72, 760 - row * 20, text)
        drawing.showPage()
    drawing.save()
    return path.read_bytes()


def test_a_page_without_text_is_named_in_a_warning(tmp_path: Path):
    data = small_pdf(tmp_path / "mixed.pdf", [["壹、工業", "一、 推動產業。"], [], ["二、 第二項。"]])
    source = read_bytes(data, "mixed.pdf")
    assert source.page_count == 3
    assert any("pages 2" in warning and "OCR" in warning for warning in source.warnings)
    assert [n.path for n in build_outline(analyse(source)) if n.path] == ["壹", "壹/一", "壹/二"]


def test_a_pdf_without_any_text_says_no_ocr_is_done(tmp_path: Path):
    data = small_pdf(tmp_path / "scan.pdf", [[], []])
    with pytest.raises(InputError, match=r"no text layer.*does not do OCR") as caught:
        read_bytes(data, "scan.pdf")
    assert caught.value.source == "scan.pdf"


def test_the_page_limit_is_configurable(tmp_path: Path):
    from policyledger.read import Limits

    data = small_pdf(tmp_path / "three.pdf", [["一、 甲。"], ["二、 乙。"], ["三、 丙。"]])
    with pytest.raises(InputError, match="3 pages; the limit is 2"):
        read_bytes(data, "three.pdf", Limits(pdf_pages=2))
    assert read_bytes(data, "three.pdf", Limits(pdf_pages=3)).page_count == 3
