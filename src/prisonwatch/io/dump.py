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
from sqlalchemy.orm import Session
from sqlalchemy.sql.sqltypes import DateTime, Integer, LargeBinary

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
        return base64.b64decode(value)
    return value


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
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror}): check the path") from exc
    with handle:
        for number, text in enumerate(handle, start=1):
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number}: not JSON ({exc.msg}): is this a dump?") from exc
            if number == 1:
                if data.get("format") != FORMAT:
                    raise InputError(f"{path}:1: not a prisonwatch dump: export one first")
                continue
            table = tables.get(data.get("table", ""))
            if table is None:
                raise InputError(f"{path}:{number}: unknown table {data.get('table')!r}")
            row = {c.name: _decode(c.type, data["row"].get(c.name)) for c in table.columns}
            refs = {name: row[name] for name in _self_refs(table) if row[name] is not None}
            if refs:
                deferred.append(
                    (table, {**{k.name: row[k.name] for k in table.primary_key}, **refs})
                )
                row.update(dict.fromkeys(refs))
            batch = pending.setdefault(table.name, [])
            batch.append(row)
            loaded += 1
            if len(batch) >= BATCH:
                _flush(session, tables, pending)
    _flush(session, tables, pending)
    for table, values in deferred:
        keys = [k.name for k in table.primary_key]
        where = [table.c[k] == values[k] for k in keys]
        session.execute(
            update(table).where(*where).values({k: v for k, v in values.items() if k not in keys})
        )
    _reset_sequences(session)
    return loaded


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
