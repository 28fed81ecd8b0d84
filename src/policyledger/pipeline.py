"""From source lines to a Document: the whole parse, with no I/O.

    SourceText --layout--> content lines --outline--> nodes --quantity--> claims
                                                     \\--entities--> entities
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

from policyledger.entities import BODY_ALONE, extract_entities, link_claims
from policyledger.layout import analyse
from policyledger.model import Document, SourceText
from policyledger.outline import build_outline
from policyledger.quantity.claims import extract

Progress = Callable[[str], None]


def document_id(data: bytes) -> tuple[str, str]:
    """(id, sha256) for a file's bytes: the same content always gets the same id."""
    digest = hashlib.sha256(data).hexdigest()
    return digest[:12], digest


def parse_source(source: SourceText, data: bytes, progress: Progress | None = None) -> Document:
    step = progress or (lambda _stage: None)
    doc_id, sha = document_id(data)
    step("layout")
    layout = analyse(source)
    step("outline")
    nodes = build_outline(layout)
    warnings = list(source.warnings)
    if not any(node.path for node in nodes):
        warnings.append("no outline markers found (壹、 一、 （一） 1、 …): the text is stored as one item")
    document = Document(
        id=doc_id,
        source_name=source.name,
        kind=source.kind,
        sha256=sha,
        title=_title(nodes[0].text if nodes and not nodes[0].path else "", source),
        nodes=nodes,
        line_count=len(source.lines),
        page_count=source.page_count,
        encoding=source.encoding,
        warnings=warnings,
        size_bytes=len(data),
    )
    step("claims")
    document.claims, document.report_date = extract(nodes)
    step("entities")
    document.entities = extract_entities(nodes)
    link_claims(document.claims, document.entities, nodes)
    return document


def _title(preamble: str, source: SourceText) -> str:
    """The report's name: its first line, where that names a report (a running header repeating it
    on every page may have taken it out of the text as furniture); for an oral report, the body its
    speaker speaks for (調查局業務報告); else the text's first line."""
    first_lines = [line.text.strip() for line in source.lines if line.text.strip()][:2]
    opening = first_lines[0] if first_lines else ""
    opening = _DATED_AFTER_REPORT.sub("報告", opening)  # '海洋委員會海洋保育署業務報告 114.03': a running header's date
    if len(first_lines) == 2 and BODY_ALONE.fullmatch(opening) and _NAMES_A_REPORT.search(first_lines[1]) and len(first_lines[1]) <= 40:
        opening += first_lines[1]  # '衛生福利部' over '「長期照顧十年計畫 3.0 推動情形」專案報告': a special report's cover
    names_a_report = _NAMES_A_REPORT.search(opening) is not None
    speaker = _SPEAKING_FOR.search(preamble)
    if not names_a_report and speaker:  # an oral report: 'The undersigned, for all of 調查局…'
        return f"{speaker.group(1)}業務報告"
    first = opening if names_a_report else preamble.split("\n", 1)[0].strip()
    if first and len(first) <= 40:
        # " 經 濟 部 業 務 報 告 " is a title set with spaces between characters.
        return re.sub(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])", "", first)
    return source.name.rsplit(".", 1)[0]


_NAMES_A_REPORT = re.compile(r"報\s*告\s*$")
_DATED_AFTER_REPORT = re.compile(r"報\s*告\s*[（(]?\s*\d{2,4}(?:\s*[./年]\s*\d{1,2}\s*月?)?\s*[）)]?\s*$")
# the oral report's greeting names whom its speaker speaks for: '本人代表調查局全體同仁'
_SPEAKING_FOR = re.compile(r"本人(?:謹)?代表\s*([\u4e00-\u9fff]{2,12}?)\s*(?:全體同仁|同仁)")


def source_text(source: SourceText) -> str:
    """The lines citations point into, as one string (line N is the N-th line)."""
    return "\n".join(line.text for line in source.lines)
