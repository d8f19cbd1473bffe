"""Registry import from CSV: the simple ``id,name,aliases`` layout and the human-rights layout.

The human-rights layout is the one Belarusian groups publish their political-prisoner lists in.
A re-import updates persons (matched by their outside id) instead of duplicating them.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from sqlalchemy.orm import Session

from prisonwatch import audit
from prisonwatch.db.models import Person
from prisonwatch.errors import InputError, UnavailableError
from prisonwatch.invisible import strip_invisible
from prisonwatch.io.csvfile import CsvRow, read_rows
from prisonwatch.persons import NewPerson, add_name, create_person, person_by_external_id
from prisonwatch.persons import person_summary as summary

SIMPLE_COLUMNS = ("id", "name", "aliases")
HRG_COLUMNS = (
    "id",
    "url",
    "name",
    "status",
    "gender",
    "photo",
    "description",
    "birthday",
    "arrested",
    "articles",
    "prison",
    "declaration",
    "decision",
    "penalty",
    "judge",
    "councel",
    "penalty_start_date",
    "release_date",
    "verdict_date",
    "appeal_date",
)
HRG_STATUSES = ("active", "former", "np")
GENDERS = {"m": "male", "male": "male", "f": "female", "female": "female", "": None}
DATE_FIELDS = ("birthday", "arrested", "penalty_start_date", "release_date", "verdict_date")
_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_DMY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
# Rows per commit of a batched import: the write lock is held well under a second each time.
BATCH_ROWS = 500
# Pause between batches: SQLite's busy handler retries every 100 ms at most, so a waiting writer
# (a reviewer's accept) gets the lock before the next batch takes it again.
BATCH_PAUSE_S = 0.12


@dataclass
class ImportReport:
    """What a registry import did: persons created, updated, and rows refused."""

    source: str
    layout: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)


def parse_date(value: str) -> str:
    """Return an ISO date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) or raise ValueError."""
    value = value.strip()
    if not value or _ISO.match(value):
        return value
    match = _DMY.match(value)
    if match:
        day, month, year = (int(g) for g in match.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    raise ValueError(f"date {value!r} is neither YYYY-MM-DD nor DD.MM.YYYY")


def detect_layout(header: list[str]) -> str:
    """Return ``hrg`` for the human-rights layout and ``simple`` for ``id,name,aliases``."""
    return "hrg" if all(c in header for c in HRG_COLUMNS) else "simple"


def _row_to_person(row: CsvRow, layout: str) -> NewPerson:
    values = {k: strip_invisible(v or "").strip() for k, v in row.values.items()}
    if "__error__" in values:
        raise ValueError(values["__error__"])
    for column, value in values.items():
        if "\x00" in value:  # PostgreSQL text cannot hold it; SQLite would keep an odd name
            raise ValueError(f"column {column} holds a NUL character: remove it")
    if not values.get("id"):
        raise ValueError("empty id")
    if not values.get("name"):
        raise ValueError("empty name")
    if layout == "simple":
        aliases = [a.strip() for a in values.get("aliases", "").split("|") if a.strip()]
        return NewPerson(name=values["name"], aliases=aliases, origin="registry")
    status = values["status"].lower()
    if status not in HRG_STATUSES:
        raise ValueError(f"status {values['status']!r} is not one of {', '.join(HRG_STATUSES)}")
    if values["gender"].lower() not in GENDERS:
        raise ValueError(f"gender {values['gender']!r} is not m/f/male/female")
    attributes = {
        c: values[c] for c in HRG_COLUMNS if c not in ("id", "name", "gender") and values[c]
    }
    for name in DATE_FIELDS:
        if name in attributes:
            attributes[name] = parse_date(attributes[name])
    attributes["registry_status"] = attributes.pop("status")
    return NewPerson(
        name=values["name"],
        gender=GENDERS[values["gender"].lower()],
        birth_date=attributes.get("birthday") or None,
        country="Belarus",
        attributes=attributes,
        origin="registry",
    )


def _update(person: Person, new: NewPerson) -> bool:
    before = summary(person)
    if new.name != person.primary_name:
        add_name(person, person.primary_name, origin="registry", kind="alias")
        person.primary_name = new.name
    add_name(person, new.name, origin="registry")
    for alias in new.aliases:
        add_name(person, alias, origin="registry", kind="alias")
    person.gender = new.gender or person.gender
    person.birth_date = new.birth_date or person.birth_date
    person.country = new.country or person.country
    if new.attributes:
        person.attributes = {**(person.attributes or {}), **new.attributes}
    return summary(person) != before


def _open(path: Path) -> tuple[str, Iterator[CsvRow]]:
    header, rows = read_rows(path, ("id", "name"))
    layout = detect_layout(header)
    if layout == "simple" and "aliases" not in header and len(header) != 2:
        raise InputError(
            f"{path}: header {','.join(header)} is neither id,name,aliases nor the "
            f"human-rights layout ({','.join(HRG_COLUMNS[:4])},…): fix the header"
        )
    return layout, rows


def import_registry_csv(
    session: Session, path: Path, *, scheme: str = "registry", actor: str = "import"
) -> ImportReport:
    """Import a registry CSV in one transaction; bad rows are reported as ``file:line: reason``."""
    layout, rows = _open(path)
    run = _Run(path, ImportReport(source=str(path), layout=layout), scheme, actor)
    for row in rows:
        run.row(session, row)
    return run.report


def import_registry_csv_in_batches(
    sessions: Callable[[], AbstractContextManager[Session]],
    path: Path,
    *,
    scheme: str = "registry",
    actor: str = "import",
    batch: int = BATCH_ROWS,
) -> ImportReport:
    """Import a registry CSV committing every ``batch`` rows, so writers never wait long for it.

    Rows are matched by their outside id: after an interruption, importing the file again
    finishes the work without duplicating anyone.
    """
    layout, rows = _open(path)
    run = _Run(path, ImportReport(source=str(path), layout=layout), scheme, actor)
    first = True
    while chunk := list(islice(rows, batch)):
        if not first:
            time.sleep(BATCH_PAUSE_S)
        first = False
        try:
            with sessions() as session:
                for row in chunk:
                    run.row(session, row)
        except UnavailableError as exc:
            raise UnavailableError(
                f"{path}: {exc.message}; the rows before line {chunk[0].line} were stored, "
                "import the file again to finish",
                retry_after=exc.retry_after,
            ) from exc
    return run.report


class _Run:
    """One import of one file: its report and the ids already seen in it."""

    def __init__(self, path: Path, report: ImportReport, scheme: str, actor: str) -> None:
        self.path = path
        self.report = report
        self.scheme = scheme
        self.actor = actor
        self.seen: dict[str, int] = {}

    def row(self, session: Session, row: CsvRow) -> None:
        """Create or update the person of one row, or record why the row was refused."""
        path, report = self.path, self.report
        try:
            new = _row_to_person(row, report.layout)
        except ValueError as exc:
            report.errors.append(f"{path}:{row.line}: {exc}")
            return
        outside_id = strip_invisible(row.values["id"]).strip()
        if outside_id in self.seen:
            report.errors.append(
                f"{path}:{row.line}: id {outside_id!r} already on line {self.seen[outside_id]}"
            )
            return
        self.seen[outside_id] = row.line
        new.external_ids = {self.scheme: outside_id}
        existing = person_by_external_id(session, self.scheme, outside_id)
        if existing is None:
            create_person(session, new, actor=self.actor, reason=f"imported from {path.name}")
            report.created += 1
            return
        before = summary(existing)
        if _update(existing, new):
            session.flush()
            audit.record(
                session,
                actor=self.actor,
                action="update",
                record_type="person",
                record_id=existing.id,
                before=before,
                after=summary(existing),
                reason=f"re-imported from {path.name}",
            )
            report.updated += 1
        else:
            report.unchanged += 1
