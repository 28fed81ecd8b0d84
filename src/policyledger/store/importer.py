"""Reading a `policyledger export --format json` file back into a database.

This is how a document moves between databases (a laptop's SQLite file and a team's PostgreSQL
server, either way): the export holds every row of the document, its source text and the time
it was first ingested, and importing it writes the same rows again, in one transaction.

The file is checked whole before anything is written. A file that is not an export, or that
holds a value the database would refuse (a string longer than its column, an integer past 32
bits, NaN, a NUL character that PostgreSQL cannot store), is an InputError naming the file and
the place of the problem, and the database is left unchanged.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Engine, String

from policyledger.errors import InputError
from policyledger.export import EXPORT_FORMAT
from policyledger.model import Claim, Document, Entity, Node
from policyledger.store.repository import save_document
from policyledger.store.schema import claims, documents, entities

_INT_RANGE = range(-(2**31), 2**31)  # INTEGER columns on PostgreSQL


@dataclass(frozen=True)
class ImportResult:
    doc_id: str
    source_name: str
    created: bool  # False when the document was already in the database
    node_count: int
    claim_count: int
    entity_count: int


@dataclass(frozen=True)
class Exported:
    """One document as an export file holds it."""

    document: Document
    source_text: str
    ingested_at: datetime


class _Invalid(Exception):
    """A problem at a place in the file; becomes an InputError naming the file."""


def import_file(engine: Engine, path: str | Path) -> ImportResult:
    exported = read_export(path)
    document = exported.document
    created = save_document(engine, document, exported.source_text, ingested_at=exported.ingested_at)
    return ImportResult(document.id, document.source_name, created, len(document.nodes), len(document.claims), len(document.entities))


def read_export(path: str | Path) -> Exported:
    """The document in an export file, checked whole. Raises InputError on any problem."""
    path = Path(path)
    try:
        payload = _parse_json(path)
        return _exported(payload)
    except _Invalid as problem:
        raise InputError(str(path), f"not a valid policyledger export: {problem}") from None


def _parse_json(path: Path) -> Any:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read the file ({exc.strerror or exc})") from None
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not UTF-8 text (byte {exc.start}): an export is UTF-8 JSON") from None
    try:
        return json.loads(content, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None


def _reject_constant(name: str) -> Any:
    raise _Invalid(f"{name} is not a number a database can store")


# --- the four parts of an export -----------------------------------------------------------------


def _exported(payload: Any) -> Exported:
    if not isinstance(payload, dict):
        raise _Invalid(f"expected a JSON object with \"format\": \"{EXPORT_FORMAT}\", found {_json_type(payload)}")
    if payload.get("format") != EXPORT_FORMAT:
        raise _Invalid(f"\"format\" is {payload.get('format')!r}, expected {EXPORT_FORMAT!r}")
    meta = _object(payload, "document", "")
    doc_id = _document_id(meta)
    outline = [_node(*_record(item, f"outline[{i}]")) for i, item in enumerate(_array(payload, "outline", ""))]
    _no_repeats([node.path for node in outline], "outline", "path")
    _no_repeats([node.ordinal for node in outline], "outline", "ordinal")
    figures = [_claim(*_record(item, f"claims[{i}]"), doc_id) for i, item in enumerate(_array(payload, "claims", ""))]
    named = [_entity(*_record(item, f"entities[{i}]")) for i, item in enumerate(_array(payload, "entities", ""))]
    document = Document(
        id=doc_id,
        source_name=_text(meta, "source_name", "document"),
        kind=_text(meta, "kind", "document", column=documents.c.kind),
        sha256=_text(meta, "sha256", "document"),
        title=_text(meta, "title", "document"),
        nodes=sorted(outline, key=lambda node: node.ordinal),
        claims=figures,
        entities=named,
        line_count=_integer(meta, "line_count", "document"),
        page_count=_integer(meta, "page_count", "document", optional=True),
        encoding=_text(meta, "encoding", "document", column=documents.c.encoding, optional=True),
        report_date=_date(meta, "report_date", "document"),
        warnings=_warnings(meta),
        size_bytes=_integer(meta, "size_bytes", "document"),
    )
    return Exported(document, _text(meta, "source_text", "document"), _moment(meta, "ingested_at", "document"))


def _document_id(meta: dict[str, Any]) -> str:
    """The id and the content hash it is cut from must agree: ids are derived, never chosen."""
    sha = _text(meta, "sha256", "document")
    doc_id = _text(meta, "id", "document", column=documents.c.id)
    if not re.fullmatch(r"[0-9a-f]{64}", sha):
        raise _Invalid("document.sha256: expected 64 lowercase hex digits")
    if not doc_id or not sha.startswith(doc_id):
        raise _Invalid(f"document.id {doc_id!r} is not the start of document.sha256")
    return doc_id


def _node(record: dict[str, Any], where: str) -> Node:
    return Node(
        path=_text(record, "path", where),
        level=_integer(record, "level", where),
        depth=_integer(record, "depth", where),
        marker=_text(record, "marker", where),
        title=_text(record, "title", where),
        text=_text(record, "text", where),
        line_start=_integer(record, "line_start", where),
        line_end=_integer(record, "line_end", where),
        page_start=_integer(record, "page_start", where, optional=True),
        page_end=_integer(record, "page_end", where, optional=True),
        line_anchors=_anchors(record, where),
        ordinal=_integer(record, "ordinal", where),
        subtree_line_end=_integer(record, "subtree_line_end", where),
    )


def _claim(record: dict[str, Any], where: str, doc_id: str) -> Claim:
    if record.get("doc", doc_id) != doc_id:
        raise _Invalid(f"{where}.doc is {record.get('doc')!r}, but the document is {doc_id!r}")
    names = _array(record, "entities", where)
    if not all(isinstance(name, str) for name in names):
        raise _Invalid(f"{where}.entities: expected a list of strings")
    return Claim(
        path=_text(record, "path", where),
        text=_text(record, "text", where),
        value=_number(record, "value", where),
        value_high=_number(record, "value_high", where, optional=True),
        unit=_text(record, "unit", where),
        dimension=_text(record, "dimension", where, column=claims.c.dimension),
        base_value=_number(record, "base_value", where),
        base_unit=_text(record, "base_unit", where, column=claims.c.base_unit),
        qualifier=_text(record, "qualifier", where, column=claims.c.qualifier),
        kind=_text(record, "kind", where, column=claims.c.kind),
        period_start=_date(record, "period_start", where),
        period_end=_date(record, "period_end", where),
        period_text=_text(record, "period_text", where, optional=True),
        subject=_text(record, "subject", where),
        clause=_text(record, "clause", where),
        line=_integer(record, "line", where),
        start=_integer(record, "start", where),
        end=_integer(record, "end", where),
        entities=[_no_nul(name, f"{where}.entities") for name in names],
    )


def _entity(record: dict[str, Any], where: str) -> Entity:
    return Entity(
        name=_text(record, "name", where),
        type=_text(record, "type", where, column=entities.c.type),
        path=_text(record, "path", where),
        line=_integer(record, "line", where),
    )


# --- one value at a place ------------------------------------------------------------------------


def _record(item: Any, where: str) -> tuple[dict[str, Any], str]:
    """An element of one of the lists, which must be an object, with its place for messages."""
    if not isinstance(item, dict):
        raise _Invalid(f"{where}: expected an object, found {_json_type(item)}")
    return item, where


def _value(record: dict[str, Any], key: str, where: str, *, optional: bool) -> Any:
    if key not in record or record[key] is None:
        if optional:
            return None
        raise _Invalid(f"{_place(where, key)}: missing" if key not in record else f"{_place(where, key)}: must not be null")
    return record[key]


def _text(record: dict[str, Any], key: str, where: str, *, column: Column[Any] | None = None, optional: bool = False) -> Any:
    value = _value(record, key, where, optional=optional)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _Invalid(f"{_place(where, key)}: expected a string, found {_json_type(value)}")
    limit = column.type.length if column is not None and isinstance(column.type, String) else None
    if limit and len(value) > limit:
        raise _Invalid(f"{_place(where, key)}: longer than {limit} characters")
    return _no_nul(value, _place(where, key))


def _no_nul(value: str, place: str) -> str:
    if "\x00" in value:
        raise _Invalid(f"{place}: contains a NUL character, which a database text column cannot hold")
    return value


def _integer(record: dict[str, Any], key: str, where: str, *, optional: bool = False) -> Any:
    value = _value(record, key, where, optional=optional)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Invalid(f"{_place(where, key)}: expected an integer, found {_json_type(value)}")
    if value not in _INT_RANGE:
        raise _Invalid(f"{_place(where, key)}: {value} is out of range")
    return value


def _number(record: dict[str, Any], key: str, where: str, *, optional: bool = False) -> Any:
    value = _value(record, key, where, optional=optional)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Invalid(f"{_place(where, key)}: expected a number, found {_json_type(value)}")
    if not math.isfinite(float(value)):
        raise _Invalid(f"{_place(where, key)}: {value} is not a finite number")
    return float(value)


def _date(record: dict[str, Any], key: str, where: str) -> date | None:
    value = _text(record, key, where, optional=True)
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _Invalid(f"{_place(where, key)}: {value!r} is not an ISO date (YYYY-MM-DD)") from None


def _moment(record: dict[str, Any], key: str, where: str) -> datetime:
    value = _text(record, key, where)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise _Invalid(f"{_place(where, key)}: {value!r} is not an ISO date and time") from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def _anchors(record: dict[str, Any], where: str) -> list[tuple[int, int]]:
    anchors = _array(record, "line_anchors", where)
    if not all(isinstance(pair, list) and len(pair) == 2 and all(_is_int(item) for item in pair) for pair in anchors):
        raise _Invalid(f"{where}.line_anchors: expected a list of [offset, line] pairs of integers")
    return [(pair[0], pair[1]) for pair in anchors]


def _warnings(meta: dict[str, Any]) -> list[str]:
    """A list of strings; the export writes the stored JSON text of one, which is read too."""
    value = meta.get("warnings", [])
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            value = None
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _Invalid("document.warnings: expected a list of strings")
    return [_no_nul(item, "document.warnings") for item in value]


def _array(record: dict[str, Any], key: str, where: str) -> list[Any]:
    value = _value(record, key, where, optional=False)
    if not isinstance(value, list):
        raise _Invalid(f"{_place(where, key)}: expected a list, found {_json_type(value)}")
    return value


def _object(record: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = _value(record, key, where, optional=False)
    if not isinstance(value, dict):
        raise _Invalid(f"{_place(where, key)}: expected an object, found {_json_type(value)}")
    return value


def _no_repeats(values: list[Any], where: str, key: str) -> None:
    seen: set[Any] = set()
    for index, value in enumerate(values):
        if value in seen:
            raise _Invalid(f"{where}[{index}].{key}: {value!r} appears twice")
        seen.add(value)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value in _INT_RANGE


def _place(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false", int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)
