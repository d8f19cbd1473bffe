"""Persons as CSV in the column layout human-rights groups publish."""

from __future__ import annotations

from collections.abc import Callable
from typing import IO

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from prisonwatch.db.models import Person
from prisonwatch.io.csvfile import SafeDictWriter
from prisonwatch.io.registry_csv import HRG_COLUMNS

# A function that derives a person's status (active / former / np) from accepted events.
StatusFn = Callable[[Session, Person], str | None]


def export_persons_csv(
    session: Session, out: IO[str], *, scheme: str = "registry", status: StatusFn | None = None
) -> int:
    """Write every person as one CSV row in the human-rights layout; return the row count."""
    writer = SafeDictWriter(out, fieldnames=[*HRG_COLUMNS, "prisonwatch_id"], lineterminator="\n")
    writer.writeheader()
    stmt = (
        select(Person)
        .where(Person.merged_into.is_(None), Person.kind == "prisoner")
        .options(selectinload(Person.external_ids))
        .order_by(Person.primary_name, Person.id)
    )
    rows = 0
    for person in session.scalars(stmt):
        attrs = dict(person.attributes or {})
        outside = {e.scheme: e.value for e in person.external_ids}
        derived = status(session, person) if status else None
        row = {column: attrs.get(column, "") for column in HRG_COLUMNS}
        row.update(
            id=outside.get(scheme, ""),
            name=person.primary_name,
            status=derived or attrs.get("registry_status", ""),
            gender={"male": "m", "female": "f"}.get(person.gender or "", ""),
            birthday=person.birth_date or "",
            prisonwatch_id=person.id,
        )
        writer.writerow(row)
        rows += 1
    return rows
