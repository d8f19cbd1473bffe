"""The lossless JSONL dump: every table, every column, in a fixed order.

Export, restore into an empty database (``prisonwatch.io.restore``), export again: the bytes are
identical on SQLite and on PostgreSQL. One line per row, ``{"table": ..., "row": {...}}``, after
one header line. This module writes the dump and reads one line of it back.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.sqltypes import Boolean, DateTime, Float, Integer, LargeBinary, String

from prisonwatch.db.migrate import head_revision
from prisonwatch.db.models import Base
from prisonwatch.errors import InputError

FORMAT = "prisonwatch-dump"
VERSION = 1


def dump_tables() -> list[Table]:
    """Return every table in the dump's order: parents before the rows that refer to them."""
    return list(Base.metadata.sorted_tables)


def self_refs(table: Table) -> list[str]:
    """Return the columns of ``table`` that refer to another row of the same table."""
    return [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]


def encode_value(column_type: Any, value: Any) -> Any:
    """Return a stored value as the dump writes it (dates as ISO text, bytes as base64)."""
    if value is None:
        return None
    if isinstance(column_type, DateTime):
        return value.isoformat()
    if isinstance(column_type, LargeBinary):
        return base64.b64encode(value).decode("ascii")
    return value


def _decode(column_type: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column_type, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(column_type, LargeBinary):
        return base64.b64decode(value, validate=True)
    return value


def _has_default(column: Any) -> bool:
    return column.default is not None or column.server_default is not None


def _check_type(column: Any, value: Any) -> str | None:
    """Return why ``value`` cannot go in ``column``, or None when it can."""
    kind = column.type
    if value is None:
        if column.primary_key or (not column.nullable and not _has_default(column)):
            return "is empty but required"
        return None
    if isinstance(kind, Boolean):
        ok = isinstance(value, bool)
    elif isinstance(kind, Integer):
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif isinstance(kind, Float):
        ok = isinstance(value, int | float) and not isinstance(value, bool)
    elif isinstance(kind, DateTime | LargeBinary | String):
        ok = isinstance(value, str)
        if ok and "\x00" in value:
            return "holds a NUL character"
    else:  # JSON: any value
        return None
    return None if ok else f"should be {_TYPE_NAMES.get(type(kind).__name__, 'text')}"


_TYPE_NAMES = {"Boolean": "true or false", "Integer": "a whole number", "Float": "a number"}


def row_of(
    path: Path, number: int, text: str, tables: dict[str, Table]
) -> tuple[Table, dict[str, Any]]:
    """Return the table and the decoded row of one dump line, or raise one ``file:line`` error."""
    where = f"{path}:{number}"
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        cut = "" if text.endswith("\n") else " (the line is cut short)"
        raise InputError(f"{where}: not JSON ({exc.msg}){cut}: is this a whole dump?") from None
    if not isinstance(data, dict):
        raise InputError(f'{where}: expected {{"table": ..., "row": {{...}}}}, not a list or value')
    name = data.get("table")
    table = tables.get(name) if isinstance(name, str) else None
    if table is None:
        raise InputError(f"{where}: unknown table {shown(name)}: is this a prisonwatch dump?")
    values = data.get("row")
    if not isinstance(values, dict):
        raise InputError(f'{where}: no "row" object for table {table.name}')
    unknown = sorted(set(values) - set(table.columns.keys()))
    if unknown:
        raise InputError(f"{where}: table {table.name} has no column {shown(unknown[0])}")
    row: dict[str, Any] = {}
    for column in table.columns:
        if column.name not in values and _has_default(column):
            continue  # a dump from before this column existed: the column's default applies
        value = values.get(column.name)
        problem = _check_type(column, value)
        if problem is None:
            try:
                row[column.name] = _decode(column.type, value)
            except (ValueError, TypeError) as exc:
                problem = f"cannot be read ({exc})"
        if problem is not None:
            raise InputError(f"{where}: {table.name}.{column.name} {problem}")
    return table, row


def shown(value: object) -> str:
    """Return ``repr(value)`` cut to 60 characters, for one-line messages."""
    text = repr(value)
    return text if len(text) <= 60 else text[:60] + "…"


def _line(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def iter_dump(session: Session) -> Iterator[str]:
    """Yield the dump's lines: a header, then every row of every table in key order."""
    yield _line({"format": FORMAT, "version": VERSION, "schema": head_revision()})
    for table in dump_tables():
        keys = list(table.primary_key.columns)
        for row in session.execute(select(table).order_by(*keys)).mappings():
            encoded = {c.name: encode_value(c.type, row[c.name]) for c in table.columns}
            yield _line({"table": table.name, "row": encoded})


def export_dump(session: Session, out: IO[str]) -> int:
    """Write the dump to ``out`` and return the number of rows written."""
    rows = -1
    for line in iter_dump(session):
        out.write(line)
        rows += 1
    return rows


def check_header(path: Path, text: str) -> None:
    """Raise one ``file:1`` error unless ``text`` is the header line of a prisonwatch dump."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(f"{path}:1: not a prisonwatch dump: export one first")
