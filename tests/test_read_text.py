"""Plain text: the sample written in every encoding a Taiwanese office produces gives one tree.

CP950 (Big5 as Windows writes it) lacks a few characters the sample uses, so they are swapped
for their CP950 look-alikes before encoding, and the UTF-8 reference gets the same swap.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from policyledger.errors import InputError
from policyledger.layout import analyse
from policyledger.outline import build_outline
from policyledger.read import Limits, load, read_bytes, sniff

# Characters of the sample outside CP950, and what a clerk saving as Big5 would type instead.
OUTSIDE_CP950 = str.maketrans({"参": "參", "滙": "匯", "｣": "」", "･": "‧", "\uf096": ""})
# Python's strict "big5" codec lacks two more.
OUTSIDE_BIG5 = str.maketrans({"銹": "鏽", "‧": "．"})

ENCODINGS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8 with BOM": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "cp950": lambda text: text.encode("cp950"),
    "big5": lambda text: text.translate(OUTSIDE_BIG5).encode("big5"),
    "utf-16 LE with BOM": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "utf-16 BE with BOM": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "utf-16 LE": lambda text: text.encode("utf-16-le"),
    "utf-16 BE": lambda text: text.encode("utf-16-be"),
    "utf-8 CRLF": lambda text: text.replace("\n", "\r\n").encode("utf-8"),
}


def tree(data: bytes, name: str = "report.txt") -> list[tuple]:
    nodes = build_outline(analyse(read_bytes(data, name)))
    return [(n.path, n.title, n.line_start, n.line_end, n.text) for n in nodes]


@pytest.fixture(scope="module")
def sample_text(sample_path: Path) -> str:
    return sample_path.read_text(encoding="utf-8").translate(OUTSIDE_CP950)


@pytest.fixture(scope="module")
def reference(sample_text: str) -> list[tuple]:
    return tree(sample_text.encode("utf-8"))


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_every_encoding_gives_the_same_tree(encoding: str, sample_text: str, reference: list[tuple]):
    data = ENCODINGS[encoding](sample_text)
    source = read_bytes(data, "report.txt")
    assert source.warnings == []
    got = tree(data)
    if encoding == "big5":
        swap = str.maketrans({"鏽": "銹", "．": "‧"})
        got = [(path, title.translate(swap), start, end, text.translate(swap)) for path, title, start, end, text in got]
    assert len(got) == 720
    assert got == reference


def test_detected_encodings_are_named(sample_text: str):
    names = {label: read_bytes(ENCODINGS[label](sample_text), "r.txt").encoding for label in ENCODINGS}
    assert names["utf-8"] == "utf-8" and names["utf-8 with BOM"] == "utf-8-sig"
    assert names["cp950"] == "cp950" and names["utf-16 LE"] == "utf-16-le" and names["utf-16 BE"] == "utf-16-be"


def test_utf16_of_chinese_without_a_single_ascii_byte_is_recognised():
    text = "經濟部業務報告壹工業一推動六大核心戰略產業" * 20
    for encoding in ("utf-16-le", "utf-16-be"):
        source = read_bytes(text.encode(encoding), "cjk.txt")
        assert source.encoding == encoding and source.lines[0].text == text


def test_utf8_with_a_stray_nul_stays_utf8_and_says_what_was_removed():
    data = "壹、工業\n一、 推動\x00產業 \n".encode() + b"plain ascii line\x00\n"
    source = read_bytes(data, "nul.txt")
    assert source.encoding == "utf-8"
    assert [line.text for line in source.lines] == ["壹、工業", "一、 推動產業 ", "plain ascii line"]
    assert source.warnings == ["2 control characters (NUL and the like) were removed"]


def test_mixed_utf8_and_big5_lines_are_each_decoded():
    data = "壹、工業 \n一、 推動產業 \n".encode() + "二、 擴大投資 \n（一） 招商 \n".encode("cp950")
    source = read_bytes(data, "mixed.txt")
    assert [line.text.strip() for line in source.lines] == ["壹、工業", "一、 推動產業", "二、 擴大投資", "（一） 招商"]
    assert source.encoding == "utf-8+cp950"
    assert "mixed encodings" in source.warnings[0]


def test_a_bom_with_a_broken_tail_is_read_with_a_warning():
    data = codecs.BOM_UTF8 + ("壹、工業\n" * 200).encode() + b"\xff\xfe\xfd"
    source = read_bytes(data, "tail.txt")
    assert source.lines[0].text == "壹、工業"
    assert "replaced by �" in source.warnings[0]


def test_line_numbers_follow_the_file(sample_text: str):
    source = read_bytes(ENCODINGS["utf-16 LE with BOM"](sample_text), "r.txt")
    assert len(source.lines) == 4903 and source.lines[12].text.startswith("壹、工業")


def test_binary_content_is_refused_with_the_file_name():
    with pytest.raises(InputError, match="does not look like text") as caught:
        read_bytes(bytes(range(256)) * 40, "blob.txt")
    assert caught.value.source == "blob.txt"


@pytest.mark.parametrize(("head", "says"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old binary Word"),
    (b"{\\rtf1\\ansi hello}", "RTF"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "does not do OCR"),
])
def test_files_of_other_kinds_are_named(head: bytes, says: str):
    with pytest.raises(InputError, match=says):
        read_bytes(head, "report.txt")


def test_the_text_limit_applies_before_the_file_is_read(tmp_path: Path):
    path = tmp_path / "big.txt"
    path.write_bytes("一、 測試 \n".encode() * 2000)
    with pytest.raises(InputError, match="limit for a text file is 0 MB"):
        load(path, Limits(text_bytes=10_000))
    assert load(path, Limits(text_bytes=100_000)) == path.read_bytes()


def test_limits_come_from_the_environment(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("POLICYLEDGER_MAX_TEXT_MB", "3")
    monkeypatch.setenv("POLICYLEDGER_MAX_PDF_PAGES", "12")
    limits = Limits.from_env()
    assert (limits.text_bytes, limits.pdf_pages, limits.file_bytes) == (3_000_000, 12, Limits().file_bytes)
    monkeypatch.setenv("POLICYLEDGER_MAX_TEXT_MB", "lots")
    with pytest.raises(Exception, match="POLICYLEDGER_MAX_TEXT_MB must be a whole number"):
        Limits.from_env()


def test_sniffing_looks_at_content_not_name():
    assert sniff(b"%PDF-1.7\n...") == "pdf"
    assert sniff(b"PK\x03\x04rest") == "zip"
    assert sniff("壹、工業".encode()) == "txt"
    with pytest.raises(InputError, match="not a Word document"):
        read_bytes("壹、工業\n".encode(), "report.docx")


def test_a_full_width_comma_between_digits_separates_thousands_only():
    from policyledger.textnorm import to_halfwidth_digits

    assert to_halfwidth_digits("３６ 萬 ８，４５２ 人") == "36 萬 8,452 人"
    assert to_halfwidth_digits("１０９ 年，１００ 家；分別為 ５，１０ 件") == "109 年，100 家；分別為 5，10 件"


def test_what_a_web_page_leaves_in_pasted_text_is_read_away_line_for_line():
    # a zero-width space inside a number, a soft hyphen, an entity and a no-break space before a unit
    text = "壹、 文化資產\n一、 防災巡查：113 年巡查 12,4\u200b68 次，補助 24.06&nbsp;億元、18.6\u00a0億元，產業&amp;文化保\u00ad存。\n"
    source = read_bytes(text.encode("utf-8"), "page.txt")
    assert source.lines[1].text == "一、 防災巡查：113 年巡查 12,468 次，補助 24.06 億元、18.6 億元，產業&文化保存。"
    assert len(source.lines) == 2
    assert read_bytes("R&D 100 與 AT&T".encode(), "t.txt").lines[0].text == "R&D 100 與 AT&T"  # no entity, as written
