"""The lossless JSONL dump: every table, every column, in a fixed order.

Export, import into an empty database, export again: the bytes are identical on SQLite and on
PostgreSQL. One line per row, ``{"table": ..., "row": {...}}``, after one header line.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Table, func, insert, select, update
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.sql.sqltypes import Boolean, DateTime, Float, Integer, LargeBinary, String

from prisonwatch.db import dialect
from prisonwatch.db.migrate import head_revision
from prisonwatch.db.models import Base
from prisonwatch.errors import ConflictError, InputError

FORMAT = "prisonwatch-dump"
VERSION = 1
BATCH = 1000


def _tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


def _self_refs(table: Table) -> list[str]:
    return [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]


def _encode(column_type: Any, value: Any) -> Any:
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


def _row_of(
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
        raise InputError(f"{where}: unknown table {_shown(name)}: is this a prisonwatch dump?")
    values = data.get("row")
    if not isinstance(values, dict):
        raise InputError(f'{where}: no "row" object for table {table.name}')
    unknown = sorted(set(values) - set(table.columns.keys()))
    if unknown:
        raise InputError(f"{where}: table {table.name} has no column {_shown(unknown[0])}")
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


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:60] + "…"


def _line(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def iter_dump(session: Session) -> Iterator[str]:
    """Yield the dump's lines: a header, then every row of every table in key order."""
    yield _line({"format": FORMAT, "version": VERSION, "schema": head_revision()})
    for table in _tables():
        keys = list(table.primary_key.columns)
        for row in session.execute(select(table).order_by(*keys)).mappings():
            encoded = {c.name: _encode(c.type, row[c.name]) for c in table.columns}
            yield _line({"table": table.name, "row": encoded})


def export_dump(session: Session, out: IO[str]) -> int:
    """Write the dump to ``out`` and return the number of rows written."""
    rows = -1
    for line in iter_dump(session):
        out.write(line)
        rows += 1
    return rows


def _is_empty(session: Session) -> bool:
    return all(
        not session.scalar(select(func.count()).select_from(t))
        for t in _tables()
        if t.name != "alembic_version"
    )


def import_dump(session: Session, path: Path) -> int:
    """Load a dump into an empty database in one transaction; return the rows loaded."""
    if not _is_empty(session):
        raise ConflictError(
            f"{path}: the database is not empty: import a dump into a fresh database "
            "(set PRISONWATCH_DATABASE_URL to a new file, then 'prisonwatch db upgrade')"
        )
    tables = {t.name: t for t in _tables()}
    pending: dict[str, list[dict[str, Any]]] = {}
    deferred: list[tuple[Table, dict[str, Any]]] = []
    loaded = 0
    number = 0
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror}): check the path") from exc
    try:
        with handle:
            for number, text in enumerate(handle, start=1):
                if number == 1:
                    _check_header(path, text)
                    continue
                table, row = _row_of(path, number, text, tables)
                refs = {name: row[name] for name in _self_refs(table) if row.get(name) is not None}
                if refs:
                    keys = {k.name: row[k.name] for k in table.primary_key}
                    deferred.append((table, {**keys, **refs}))
                    row.update(dict.fromkeys(refs))
                batch = pending.setdefault(table.name, [])
                batch.append(row)
                loaded += 1
                if len(batch) >= BATCH:
                    _flush(session, tables, pending)
        if number == 0:
            raise InputError(f"{path}: the file is empty: give a dump made by 'prisonwatch export'")
        _flush(session, tables, pending)
        for table, values in deferred:
            names = [k.name for k in table.primary_key]
            where = [table.c[k] == values[k] for k in names]
            changes = {k: v for k, v in values.items() if k not in names}
            session.execute(update(table).where(*where).values(changes))
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}:{number + 1}: not UTF-8 text ({exc.reason})") from None
    except (IntegrityError, DataError) as exc:
        first = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else ""
        raise InputError(
            f"{path}: rows up to line {number} break the database's rules ({first[:200]}): "
            "is the dump complete and unedited? nothing was imported"
        ) from None
    _reset_sequences(session)
    return loaded


def _check_header(path: Path, text: str) -> None:
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(f"{path}:1: not a prisonwatch dump: export one first")


def _flush(session: Session, tables: dict[str, Table], pending: dict[str, list[Any]]) -> None:
    # Parents before children: flush in the metadata's dependency order.
    for name in [t.name for t in _tables()]:
        rows = pending.pop(name, None)
        if rows:
            session.execute(insert(tables[name]), rows)


def _reset_sequences(session: Session) -> None:
    serial = {
        t.name: c.name
        for t in _tables()
        for c in t.primary_key.columns
        if isinstance(c.type, Integer) and c.autoincrement in (True, "auto")
    }
    dialect.reset_sequences(session.connection(), serial)
