"""Open-data exports of one document: JSON (everything, re-importable), CSV and Parquet
(the claims table), Markdown (the outline with canonical markers)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from policyledger.markers import parse_marker
from policyledger.model import Claim, Entity, Node
from policyledger.records import CLAIM_FIELDS, claim_record, iso, outline_record

EXPORT_FORMAT = "policyledger-export/1"


def document_json(meta: dict[str, Any], nodes: list[Node], claims: list[Claim], entities: list[Entity]) -> str:
    doc_id = meta["id"]
    payload = {
        "format": EXPORT_FORMAT,
        "document": meta,
        "outline": [{**outline_record(node), "ordinal": node.ordinal, "line_anchors": node.line_anchors} for node in nodes],
        "claims": [{**claim_record(doc_id, claim), "start": claim.start, "end": claim.end} for claim in claims],
        "entities": [{"name": e.name, "type": e.type, "path": e.path, "line": e.line} for e in entities],
    }
    return json.dumps(payload, ensure_ascii=False, indent=1, default=iso)


def claims_csv(records: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[*CLAIM_FIELDS, "entities"], extrasaction="ignore")
    writer.writeheader()
    for record in records:
        writer.writerow({**record, "entities": "、".join(record.get("entities", []))})
    return buffer.getvalue()


def claims_parquet(records: list[dict[str, Any]]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema(
        [
            ("doc", pa.string()), ("path", pa.string()), ("text", pa.string()), ("value", pa.float64()),
            ("value_high", pa.float64()), ("unit", pa.string()), ("dimension", pa.string()),
            ("base_value", pa.float64()), ("base_unit", pa.string()), ("qualifier", pa.string()),
            ("kind", pa.string()), ("period_start", pa.date32()), ("period_end", pa.date32()),
            ("period_text", pa.string()), ("subject", pa.string()), ("clause", pa.string()),
            ("line", pa.int32()), ("entities", pa.list_(pa.string())),
        ]
    )
    columns: dict[str, list[Any]] = {name: [] for name in schema.names}
    for record in records:
        for name in schema.names:
            value = record.get(name)
            if name in ("period_start", "period_end") and value:
                from datetime import date

                value = date.fromisoformat(value)
            columns[name].append(value)
    table = pa.Table.from_pydict(columns, schema=schema)
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()


def outline_markdown(title: str, nodes: list[Node]) -> str:
    """The outline as Markdown: headings with canonical markers, bodies as written."""
    out = [f"# {title}", ""]
    for node in nodes:
        if not node.path:
            if node.text.strip():
                out += [node.text, ""]
            continue
        marker = canonical_marker(node.path.rsplit("/", 1)[-1])
        hashes = "#" * min(node.depth + 1, 6)
        heading = f"{marker} {node.title}"
        out.append(f"{hashes} {heading}" if node.depth <= 5 else f"**{heading}**")
        out.append("")
        body = _body_after_title(node)
        if body:
            out += [body, ""]
    return "\n".join(out).rstrip() + "\n"


def canonical_marker(component: str) -> str:
    if component.startswith("("):
        return component
    if component.isascii() and component.isalpha():
        return component + "."
    return component + "、"


def _body_after_title(node: Node) -> str:
    marker = parse_marker(node.text)
    text = marker.rest if marker else node.text
    if not text.startswith(node.title):
        return text
    rest = text[len(node.title):]
    if not rest.strip():
        return ""
    if rest[0] in "：:︰\n":
        return rest[1:].strip()
    return text
