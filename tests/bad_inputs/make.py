"""The hostile-input corpus: files written at test time, each with what reading it must give.

Nothing here is committed as a binary: every file is made from a seed, the sample report or a
document python-docx / reportlab writes, in a temporary folder. `BadInput.expect` is "error"
(an InputError naming the file, whose message matches `says`) or "ok" (a sensible result; a
warning matches `says` when it is set), and `seconds` / `megabytes` bound the time and the peak
memory of reading the file and building its outline.

Zip archives with lying or gigantic members are written by hand (`write_zip`): zipfile would
insist on compressing a gigabyte of zeros itself, which takes seconds, while a deflate stream of
zeros is a short segment repeated (after a full flush the compressor starts afresh).
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from policyledger.evaluate import DEMO_REPORT
from policyledger.markers import canonical_marker_text as marker

SAMPLE = DEMO_REPORT.read_text(encoding="utf-8")
MB = 1_000_000


@dataclass(frozen=True)
class BadInput:
    name: str
    write: Callable[[Path], None]
    expect: str  # "error" or "ok"
    says: str = ""  # a regex the error message (or, for "ok", a warning) must match
    seconds: float = 10.0
    megabytes: int = 400


# --- text ---------------------------------------------------------------------------------------


def write_bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(7).randbytes(256 * 1024))


def invalid_utf8(path: Path) -> None:
    """The sample with a few bytes no encoding can place: overlong forms, lone continuations."""
    data = bytearray(SAMPLE.encode())
    for offset in range(5_000, len(data), 40_000):
        data[offset:offset] = b"\xc0\xaf\x80\xff"
    path.write_bytes(bytes(data))


def mixed_encodings(path: Path) -> None:
    """Two halves of the sample pasted together, the first saved as UTF-8, the second as Big5."""
    lines = SAMPLE.splitlines(keepends=True)
    half = len(lines) // 2
    second = "".join(lines[half:]).translate(str.maketrans({"参": "參", "滙": "匯", "｣": "」", "･": "‧", "\uf096": ""}))
    path.write_bytes("".join(lines[:half]).encode() + second.encode("cp950"))


def nul_and_controls(path: Path) -> None:
    """The sample with NUL, ESC, BEL, DEL and C1 controls sprinkled inside its lines."""
    rng = random.Random(11)
    controls = "\x00\x01\x07\x1b\x7f\x85\x9b"
    text = "".join(char + (rng.choice(controls) if char not in "\n " and rng.random() < 0.02 else "") for char in SAMPLE)
    path.write_bytes(text.encode())


def one_megabyte_line(path: Path) -> None:
    path.write_bytes(("一、 " + "推動產業創新，" * 50_000).encode()[: MB])


def nested_numbering(path: Path) -> None:
    """10,000 marker lines, each opening a level deeper than the one before."""
    openers = ("壹、", "一、", "（一）", "1、", "(1)", "A.", "a.", "①")
    path.write_text("".join(f"{openers[i % len(openers)]} 第 {i} 層 \n" for i in range(10_000)), encoding="utf-8")


def wide_and_deep_tree(path: Path) -> None:
    """A real tree of 15,621 items: 壹 holding 20 一、 × 5 （一） × 5 1、 × 5 (1) × 5 A."""
    out = ["壹、總則 \n"]
    for a in range(1, 21):
        out.append(f"{marker('plain', a)} 第 {a} 項 \n")
        for b in range(1, 6):
            out.append(f"{marker('paren_plain', b)} 子項 \n")
            for c in range(1, 6):
                out.append(f"{marker('arabic', c)} 細項 \n")
                for d in range(1, 6):
                    out.append(f"{marker('paren_arabic', d)} 說明 \n")
                    out.extend(f"{marker('upper', e)} 數值 {e} 件。 \n" for e in range(1, 6))
    path.write_text("".join(out), encoding="utf-8")


def huge_text(size: int) -> Callable[[Path], None]:
    """`size` bytes of the sample, repeated, streamed to disk."""

    def write(path: Path) -> None:
        chunk = SAMPLE.encode() * 20
        with open(path, "wb") as handle:
            written = 0
            while written + len(chunk) <= size:
                handle.write(chunk)
                written += len(chunk)
            handle.write(chunk[: size - written])

    return write


# --- PDF ----------------------------------------------------------------------------------------


def small_pdf(pages: int = 3, text: bool = True, password: str | None = None) -> bytes:
    """A few pages of Chinese text (reportlab's built-in CJK font), or drawings only."""
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("MSung-Light"))
    buffer = io.BytesIO()
    encrypt = StandardEncryption(password, ownerPassword=password + "-owner", canPrint=0) if password else None
    drawing = canvas.Canvas(buffer, encrypt=encrypt)
    for page in range(1, pages + 1):
        if text:
            drawing.setFont("MSung-Light", 12)
            for row in range(30):
                drawing.drawString(72, 780 - row * 22, f"{page}、 第 {page} 頁第 {row} 行，推動產業創新 {row * 3} 億元。")
        else:
            for row in range(10):
                drawing.rect(72, 700 - row * 60, 400, 40, fill=row % 2)
        drawing.showPage()
    drawing.save()
    return buffer.getvalue()


def truncated_pdf(path: Path) -> None:
    data = small_pdf(pages=6)
    path.write_bytes(data[: len(data) * 6 // 10])


def pdf_bomb(path: Path) -> None:
    """One page whose content stream is 512 MB of zeros, deflated into half a megabyte."""
    bomb = zeros(32)
    adler, chunk = 1, bytes(16 << 20)
    for _ in range(32):
        adler = zlib.adler32(chunk, adler)
    stream = b"\x78\xda" + bomb.deflated + adler.to_bytes(4, "big")  # zlib: header, deflate, Adler-32
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n%b\nendstream" % (len(stream), stream),
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%b\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))


# --- DOCX ---------------------------------------------------------------------------------------


def small_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("壹、工業")
    document.add_paragraph("一、 推動產業創新，投入 3 億元。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@dataclass(frozen=True)
class Member:
    """A zip member as written: deflated bytes, and the sizes and CRC its headers declare."""

    name: str
    deflated: bytes
    crc: int
    size: int  # uncompressed size declared


def deflated(data: bytes) -> Member:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return Member("", compressor.compress(data) + compressor.flush(), zlib.crc32(data), len(data))


def zeros(count_16mb: int) -> Member:
    """count × 16 MB of zeros, deflated in well under a second."""
    chunk = bytes(16 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    segment = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(count_16mb):
        crc = zlib.crc32(chunk, crc)
    return Member("", segment * count_16mb + b"\x03\x00", crc, len(chunk) * count_16mb)


def write_zip(path: Path, members: list[Member]) -> None:
    """A zip archive (deflate, no zip64) with exactly the headers given."""
    body, directory = bytearray(), bytearray()
    for member in members:
        name = member.name.encode()
        header = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, member.crc, len(member.deflated), member.size, len(name), 0)
        sizes = (member.crc, len(member.deflated), member.size, len(name))
        directory += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, *sizes, 0, 0, 0, 0, 0, len(body))
        directory += name
        body += header + name + member.deflated
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), len(body), 0)
    path.write_bytes(bytes(body + directory + end))


def docx_members(data: bytes, replace: dict[str, bytes] | None = None) -> list[Member]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = []
        for info in archive.infolist():
            content = (replace or {}).get(info.filename, archive.read(info.filename))
            member = deflated(content)
            members.append(Member(info.filename, member.deflated, member.crc, member.size))
        return members


def zip_bomb_docx(path: Path) -> None:
    """A valid document plus a 'picture' of 1 GB of zeros, packed into about 1 MB."""
    bomb = zeros(64)
    write_zip(path, [*docx_members(small_docx()), Member("word/media/image1.png", bomb.deflated, bomb.crc, bomb.size)])


def packed_picture_docx(path: Path) -> None:
    """Under the total limit, but one 'picture' of 64 MB of zeros packed a thousandfold."""
    bomb = zeros(4)
    write_zip(path, [*docx_members(small_docx()), Member("word/media/image1.png", bomb.deflated, bomb.crc, bomb.size)])


def lying_docx(path: Path) -> None:
    """document.xml declares its true size, but 32 MB of zeros follow in its deflate stream
    (zipfile would inflate them all in one call before cutting at the declared size)."""
    original = docx_members(small_docx())
    members = []
    for member in original:
        if member.name == "word/document.xml":
            with zipfile.ZipFile(io.BytesIO(small_docx())) as archive:
                xml = archive.read(member.name)
            compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
            stream = compressor.compress(xml) + compressor.compress(bytes(32 << 20)) + compressor.flush()
            member = Member(member.name, stream, zlib.crc32(bytes(32 << 20), zlib.crc32(xml)), len(xml))
        members.append(member)
    write_zip(path, members)


def deep_xml_docx(path: Path) -> None:
    """Body content nested 5,000 levels deep (content controls in content controls)."""
    depth = 5_000
    body = "<w:sdt><w:sdtContent>" * depth + "<w:p><w:r><w:t>壹、深處</w:t></w:r></w:p>" + "</w:sdtContent></w:sdt>" * depth
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>'
    write_zip(path, docx_members(small_docx(), {"word/document.xml": xml.encode()}))


def entity_bomb_docx(path: Path) -> None:
    """'Billion laughs': entities that would expand to gigabytes if they were resolved."""
    entities = '<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">' + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document [{entities}]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        "<w:p><w:r><w:t>壹、工業</w:t></w:r></w:p><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>"
    )
    write_zip(path, docx_members(small_docx(), {"word/document.xml": xml.encode()}))


def truncated_docx(path: Path) -> None:
    data = small_docx()
    path.write_bytes(data[: len(data) // 2])


# --- the corpus ---------------------------------------------------------------------------------

CORPUS: tuple[BadInput, ...] = (
    BadInput("empty.txt", write_bytes(b""), "error", "empty"),
    BadInput("random.bin", random_bytes, "error", "does not look like text"),
    BadInput("invalid-utf8.txt", invalid_utf8, "ok", "replaced by �"),
    BadInput("mixed-encodings.txt", mixed_encodings, "ok", "mixed encodings"),
    BadInput("nul-and-controls.txt", nul_and_controls, "ok", "control characters"),
    BadInput("one-megabyte-line.txt", one_megabyte_line, "ok"),
    BadInput("nested-numbering.txt", nested_numbering, "ok"),
    BadInput("wide-and-deep-tree.txt", wide_and_deep_tree, "ok", seconds=30),
    BadInput("huge-100mb.txt", huge_text(100 * MB), "error", "limit for a text file is 20 MB", megabytes=1_500),
    BadInput("truncated.pdf", truncated_pdf, "error", "damaged or truncated"),
    BadInput("encrypted.pdf", lambda path: path.write_bytes(small_pdf(password="secret")), "error", "encrypted"),
    BadInput("scanned.pdf", lambda path: path.write_bytes(small_pdf(text=False)), "error", "no text layer.*does not do OCR"),
    BadInput("pdf-bomb.pdf", pdf_bomb, "error", "refused as a PDF bomb"),
    BadInput("zip-bomb.docx", zip_bomb_docx, "error", "zip bomb"),
    BadInput("packed-picture.docx", packed_picture_docx, "error", "expands .* times its packed size"),
    BadInput("lying-sizes.docx", lying_docx, "error", "inflates past the .* bytes it declares"),
    BadInput("deep-xml.docx", deep_xml_docx, "error", "cannot be read as a Word document"),
    BadInput("entity-bomb.docx", entity_bomb_docx, "error", "cannot be read as a Word document"),
    BadInput("not-a-zip.docx", write_bytes("壹、工業\n一、 這不是 Word 檔。\n".encode()), "error", "not a Word document"),
    BadInput("truncated.docx", truncated_docx, "error", "not a readable zip archive"),
)


def write_all(folder: Path) -> dict[str, Path]:
    """Write every file of the corpus into `folder`; return name -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for case in CORPUS:
        paths[case.name] = folder / case.name
        case.write(paths[case.name])
    return paths
