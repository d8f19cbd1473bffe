"""Restoring the JSONL dump into a fresh database, a batch of rows per transaction.

The dump is read twice. The first pass checks every line, key and reference, so that a broken
dump stores nothing; on a database that is not empty it also finds how far an earlier run of the
same restore got: the stored rows must be the dump's first rows, unchanged, and nothing else may
be stored. The second pass stores the rest, committing every ``import.dump_batch_rows`` rows
(fewer when they are long: ``import.dump_batch_chars``) so that logins and accepts get the
database between batches. A row's reference to another row of its own table (a merged person,
a near-duplicate document) is set in the last transaction; the PostgreSQL sequences move past
the stored ids with every batch. A restore that stops part-way keeps its committed batches and
says how far it got; running the same command again stores the rest, no row twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Table, UniqueConstraint, func, insert, select, tuple_, update
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.sql.sqltypes import Integer

from prisonwatch.db import dialect
from prisonwatch.errors import (
    ConflictError,
    InputError,
    Interrupted,
    PrisonwatchError,
    storage_error,
)
from prisonwatch.io.dump import check_header, dump_tables, encode_value, row_of, self_refs, shown
from prisonwatch.io.held import ctrl_c_held
from prisonwatch.tunables import tunable

FRESH = (
    "import a dump into a fresh database (set PRISONWATCH_DATABASE_URL to a new file, then "
    "'prisonwatch db upgrade')"
)

Key = tuple[Any, ...]
Line = tuple[int, Table, dict[str, Any]]


@dataclass
class RestoreReport:
    """What a restore did: rows in the dump, rows an earlier run stored, rows this run stored."""

    rows: int = 0
    found: int = 0
    stored: int = 0
    batches: int = 0  # transactions committed by this run before its last one
    stored_through: int = 1  # last line of the dump known stored (1: the header, nothing)

    def kept(self) -> str:
        """Return how far the restore got, in words, and what to do next."""
        if self.stored_through <= 1:
            return "nothing of this dump was stored; run the same command again"
        return (
            f"the rows up to line {self.stored_through} are stored ({self.batches} batches in "
            "this run); run the same command again to restore the rest (stored rows are "
            "recognised by their keys, not stored twice)"
        )


def import_dump(
    session: Session,
    path: Path,
    *,
    commit: Callable[[], None] | None = None,
    batch_rows: int | None = None,
) -> RestoreReport:
    """Restore a dump into an empty database, or finish a restore of it that stopped part-way.

    Without ``commit`` everything is one transaction (the caller's). Given ``commit``, it is
    called after every ``batch_rows`` rows (``import.dump_batch_rows`` by default) or sooner,
    once the batch's lines reach ``import.dump_batch_chars`` characters, and once
    after each read of the database, so that no read holds SQLite's write lock while the dump
    is checked; the caller commits the last transaction.
    """
    release = commit or (lambda: None)
    tables = {t.name: t for t in dump_tables()}
    every = max(1, int(batch_rows or tunable("import.dump_batch_rows")))
    most_chars = int(tunable("import.dump_batch_chars"))
    try:
        resuming = not _is_empty(session)
        release()
        report, deferred, start = _check(session, path, tables, every, resuming, release)
    except KeyboardInterrupt:
        if commit is None:
            raise
        raise Interrupted(
            f"{path}: restore interrupted while checking the dump: nothing was stored by this "
            "run; run the same command again"
        ) from None
    number = start - 1
    try:
        if not resuming and not _is_empty(session):  # another writer got in since the check
            raise ConflictError(f"{path}: the database is not empty: {FRESH}")
        pending: list[Line] = []
        size = 0
        for number, table, row, chars in _rows(path, tables, start):
            for name in self_refs(table):
                if name in row:
                    row[name] = None  # set in the last transaction, once every row is stored
            pending.append((number, table, row))
            size += chars
            if len(pending) >= every or size >= most_chars:
                _insert(session, pending)
                report.stored += len(pending)
                if commit is not None:
                    # New rows written while the restore goes on get ids after the stored ones.
                    _reset_sequences(session, {t.name for _, t, _ in pending})
                pending, size = [], 0
                if commit is not None:
                    with ctrl_c_held():
                        commit()
                        report.batches += 1
                        report.stored_through = number
        _insert(session, pending)
        report.stored += len(pending)
        for table, values in deferred:
            names = [k.name for k in table.primary_key]
            where = [table.c[k] == values[k] for k in names]
            changes = {k: v for k, v in values.items() if k not in names}
            session.execute(update(table).where(*where).values(changes))
        _reset_sequences(session)
    except KeyboardInterrupt:
        if commit is None:
            raise
        raise Interrupted(f"{path}: restore interrupted: {report.kept()}") from None
    except (IntegrityError, DataError) as exc:
        first = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else ""
        raise InputError(
            f"{path}: rows up to line {number} break the database's rules ({first[:200]}): "
            f"is the dump complete and unedited? {_kept(report, commit)}"
        ) from None
    except (OperationalError, DBAPIError, OSError) as exc:
        mapped = storage_error(exc)
        if mapped is None:
            raise
        raise _with_progress(mapped, path, report, commit) from exc
    except PrisonwatchError as exc:  # a failed commit, already mapped to one sentence
        raise _with_progress(exc, path, report, commit) from None
    return report


def _kept(report: RestoreReport, commit: Callable[[], None] | None) -> str:
    return report.kept() if commit is not None else "nothing of this dump was stored"


def _with_progress(
    exc: PrisonwatchError, path: Path, report: RestoreReport, commit: Callable[[], None] | None
) -> PrisonwatchError:
    """Return ``exc`` (same class, HTTP status, Retry-After), now also saying how far it got."""
    if not str(exc.message).startswith(str(path)):
        exc.message = f"{path}: restore stopped: {exc.message}"
    exc.message = f"{exc.message}; {_kept(report, commit)}"
    exc.args = (exc.message,)
    return exc


def _is_empty(session: Session) -> bool:
    return all(
        not session.scalar(select(func.count()).select_from(t))
        for t in dump_tables()
        if t.name != "alembic_version"
    )


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """Yield the dump's numbered lines; one ``file:line`` error for an unreadable file."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror}): check the path") from exc
    number = 0
    with handle:
        try:
            for number, text in enumerate(handle, start=1):
                yield number, text
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}:{number + 1}: not UTF-8 text ({exc.reason})") from None
    if number == 0:
        raise InputError(f"{path}: the file is empty: give a dump made by 'prisonwatch export'")


def _rows(
    path: Path, tables: dict[str, Table], start: int = 2
) -> Iterator[tuple[int, Table, dict[str, Any], int]]:
    """Yield the decoded rows from line ``start`` on, with their length in characters."""
    for number, text in _lines(path):
        if number == 1:
            check_header(path, text)
        elif number >= start:
            table, row = row_of(path, number, text, tables)
            yield number, table, row, len(text)


def _check(
    session: Session,
    path: Path,
    tables: dict[str, Table],
    every: int,
    resuming: bool,
    release: Callable[[], None],
) -> tuple[RestoreReport, list[tuple[Table, dict[str, Any]]], int]:
    """Read the whole dump once, storing nothing: its rows, self-references and where to start.

    Raises one ``file:line`` error for a broken line, key or reference; on a database that is
    not empty, a ``ConflictError`` unless it holds the start of this dump and nothing else.
    """
    report = RestoreReport()
    keys = _Keys(list(tables.values()))
    found = _Found() if resuming else None
    deferred: list[tuple[Table, dict[str, Any]]] = []
    window: list[Line] = []
    for number, table, row, _ in _rows(path, tables):
        keys.add(path, number, table, row)
        refs = {name: row[name] for name in self_refs(table) if row.get(name) is not None}
        if refs:
            deferred.append((table, {**_pk_values(table, row), **refs}))
        report.rows += 1
        if found is not None and found.first_missing is None:
            window.append((number, table, row))
            if len(window) >= every:
                found.look_up(session, path, window)
                release()
                window = []
    keys.check_late(path)
    if found is None:
        return report, deferred, 2
    found.look_up(session, path, window)
    for table in tables.values():
        count = int(session.scalar(select(func.count()).select_from(table)) or 0)
        if count != found.per_table.get(table.name, 0):
            raise _foreign(path, f"it holds rows of {table.name} that this dump does not")
    release()
    if found.first_missing is None and not found.refs_differ:
        raise ConflictError(
            f"{path}: the database is not empty: it already holds every row of this dump; {FRESH}"
        )
    report.found = found.rows
    start = found.first_missing or report.rows + 2
    report.stored_through = start - 1
    return report, deferred, start


def _broken(where: str, what: str) -> InputError:
    return InputError(
        f"{where}: {what}: this breaks the database's rules; is the dump complete and unedited? "
        "nothing was stored"
    )


def _foreign(path: Path, why: str) -> ConflictError:
    return ConflictError(
        f"{path}: the database is not empty and is not a restore of this dump stopped part-way "
        f"({why}): {FRESH}"
    )


def _pk_values(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    return {c.name: row[c.name] for c in table.primary_key.columns}


class _Keys:
    """Every key value the dump has shown so far: for duplicates and for references."""

    def __init__(self, tables: list[Table]) -> None:
        self.unique: dict[str, list[tuple[str, ...]]] = {}
        for table in tables:
            found = [tuple(c.name for c in table.primary_key.columns)]
            found += [
                tuple(c.name for c in con.columns)
                for con in table.constraints
                if isinstance(con, UniqueConstraint)
            ]
            found += [tuple(c.name for c in ix.columns) for ix in table.indexes if ix.unique]
            self.unique[table.name] = list(dict.fromkeys(found))
        self.seen: dict[tuple[str, tuple[str, ...]], set[Key]] = {
            (name, cols): set() for name, found in self.unique.items() for cols in found
        }
        # References to a row of the same table may point forward: checked at the end.
        self.late: list[tuple[int, str, tuple[str, ...], Key, tuple[str, tuple[str, ...]]]] = []

    def add(self, path: Path, number: int, table: Table, row: dict[str, Any]) -> None:
        """Record the row's keys; raise one ``file:line`` error for a duplicate or dangling one."""
        where = f"{path}:{number}"
        for fk in table.foreign_key_constraints:
            cols = tuple(e.parent.name for e in fk.elements)
            values = tuple(row.get(c) for c in cols)
            if None in values:
                continue
            target = (fk.referred_table.name, tuple(e.column.name for e in fk.elements))
            if fk.referred_table is table:
                self.late.append((number, table.name, cols, values, target))
            elif values not in self.seen.get(target, ()):
                raise _broken(where, _dangling(table.name, cols, values, target[0], "earlier "))
        for cols in self.unique[table.name]:
            values = tuple(row.get(c) for c in cols)
            if None in values:
                continue
            seen = self.seen[(table.name, cols)]
            if values in seen:
                raise _broken(where, f"{table.name} holds {'+'.join(cols)} {shown(values)} twice")
            seen.add(values)

    def check_late(self, path: Path) -> None:
        """Raise for a reference to a row of the same table that the dump does not hold."""
        for number, name, cols, values, target in self.late:
            if values not in self.seen.get(target, ()):
                raise _broken(f"{path}:{number}", _dangling(name, cols, values, target[0], ""))


def _dangling(name: str, cols: tuple[str, ...], values: Key, target: str, earlier: str) -> str:
    joined = "+".join(cols)
    return f"{name}.{joined} refers to {shown(values)}, which no {earlier}row of {target} holds"


@dataclass
class _Found:
    """How far an earlier run of this restore got, learnt window by window in the first pass."""

    first_missing: int | None = None  # first line whose row is not stored
    rows: int = 0
    per_table: dict[str, int] = field(default_factory=dict)
    refs_differ: bool = False  # some self-reference is not set yet: the last step did not run

    def look_up(self, session: Session, path: Path, window: list[Line]) -> None:
        """Compare a window of dump rows with the stored ones; raise unless they are its start."""
        stored: dict[tuple[str, Key], Any] = {}
        by_table: dict[str, tuple[Table, list[Key]]] = {}
        for _, table, row in window:
            by_table.setdefault(table.name, (table, []))[1].append(
                tuple(_pk_values(table, row).values())
            )
        for table, keys in by_table.values():
            cols = list(table.primary_key.columns)
            single = len(cols) == 1
            where = cols[0].in_([k[0] for k in keys]) if single else tuple_(*cols).in_(keys)
            for found in session.execute(select(table).where(where)).mappings():
                stored[(table.name, tuple(found[c.name] for c in cols))] = found
        for number, table, row in window:
            got = stored.get((table.name, tuple(_pk_values(table, row).values())))
            if got is None:
                if self.first_missing is None:
                    self.first_missing = number
                continue
            if self.first_missing is not None:
                raise _foreign(
                    path, f"line {number} is stored but line {self.first_missing} before it is not"
                )
            column = self._differs(table, row, got)
            if column is not None:
                raise _foreign(path, f"line {number}: {table.name}.{column} differs")
            self.rows += 1
            self.per_table[table.name] = self.per_table.get(table.name, 0) + 1

    def _differs(self, table: Table, row: dict[str, Any], got: Any) -> str | None:
        refs = set(self_refs(table))
        for column in table.columns:
            if column.name not in row:
                continue
            ours = encode_value(column.type, row[column.name])
            theirs = encode_value(column.type, got[column.name])
            if column.name in refs and theirs is None and ours is not None:
                self.refs_differ = True
            elif ours != theirs:
                return column.name
        return None


def _insert(session: Session, rows: list[Line]) -> None:
    """Insert rows in file order, one statement per run of rows of one table."""
    runs: list[tuple[Table, list[dict[str, Any]]]] = []
    for _, table, row in rows:
        if not runs or runs[-1][0] is not table:
            runs.append((table, []))
        runs[-1][1].append(row)
    for table, run in runs:
        session.execute(insert(table), run)


def _reset_sequences(session: Session, names: set[str] | None = None) -> None:
    """Move the PostgreSQL sequences of the tables ``names`` (all by default) past their ids."""
    serial = {
        t.name: c.name
        for t in dump_tables()
        for c in t.primary_key.columns
        if isinstance(c.type, Integer)
        and c.autoincrement in (True, "auto")
        and (names is None or t.name in names)
    }
    dialect.reset_sequences(session.connection(), serial)
