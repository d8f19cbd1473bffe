"""Persons and their names: add, find, list and describe."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from prisonwatch import audit
from prisonwatch.db.models import ExternalId, Person, PersonName, new_id
from prisonwatch.errors import InputError, NotFoundError
from prisonwatch.invisible import strip_invisible
from prisonwatch.scripts import script_of

# Combining marks that make letters of their own in Belarusian and Russian (й, ў, ё, ї).
_KEEP_MARKS = {"\u0306", "\u0308"}


@dataclass
class NewPerson:
    """What it takes to add a person by hand or from a registry row."""

    name: str
    aliases: list[str] = field(default_factory=list)
    gender: str | None = None
    birth_date: str | None = None
    country: str | None = None
    external_ids: dict[str, str] = field(default_factory=dict)
    attributes: dict[str, Any] = field(default_factory=dict)
    origin: str = "manual"


def search_key(text: str) -> str:
    """Return text case-folded, without accents or stress marks, whitespace collapsed."""
    decomposed = unicodedata.normalize("NFKD", strip_invisible(text).casefold())
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) or c in _KEEP_MARKS)
    return " ".join(unicodedata.normalize("NFC", kept).split())


def like_escape(text: str) -> str:
    """Return ``text`` with LIKE's wildcards escaped (by a backslash), so '%' finds a '%'."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def clean_name(name: str) -> str:
    """Return a name with surrounding and repeated whitespace removed; refuse an empty one."""
    cleaned = " ".join(strip_invisible(name).split())
    if not cleaned:
        raise InputError("a person needs a name: give a non-empty name")
    if len(cleaned) > 300:
        raise InputError(f"name {cleaned[:40]!r}… is over 300 characters: shorten it")
    return cleaned


def add_name(
    person: Person,
    name: str,
    *,
    origin: str,
    kind: str = "name",
    language: str | None = None,
    standard: str | None = None,
    document_id: str | None = None,
) -> PersonName | None:
    """Attach a name to a person unless the person already has it; return the new name."""
    name = clean_name(name)
    if any(existing.name == name for existing in person.names):
        return None
    entry = PersonName(
        name=name,
        search_key=search_key(name),
        script=script_of(name),
        language=language,
        origin=origin,
        standard=standard,
        document_id=document_id,
        kind=kind,
    )
    person.names.append(entry)
    return entry


def create_person(
    session: Session, new: NewPerson, *, actor: str, reason: str, flush: bool = True
) -> Person:
    """Create a person with names and outside ids, and log who did it.

    Without ``flush`` nothing is written yet: the person, names and audit entry go with the
    session's next flush (multi-row INSERTs shared with other new persons), and fields set
    meanwhile are part of those INSERTs rather than UPDATEs of their own.
    """
    person = Person(
        id=new_id("per"),
        primary_name=clean_name(new.name),
        gender=new.gender,
        birth_date=new.birth_date,
        country=new.country,
        attributes=dict(new.attributes),
        private_fields=[],
    )
    add_name(person, new.name, origin=new.origin)
    for alias in new.aliases:
        if alias.strip():
            add_name(person, alias, origin=new.origin, kind="alias")
    for scheme, value in new.external_ids.items():
        person.external_ids.append(ExternalId(scheme=scheme, value=value))
    session.add(person)
    if flush:
        session.flush()
    audit.record(
        session,
        actor=actor,
        action="create",
        record_type="person",
        record_id=person.id,
        after=person_summary(person),
        reason=reason,
        flush=flush,
    )
    return person


def get_person(session: Session, person_id: str) -> Person:
    """Return the person with this id, following merges; raise NotFoundError otherwise."""
    person = session.get(Person, person_id)
    seen = set()
    while person is not None and person.merged_into and person.id not in seen:
        seen.add(person.id)
        person = session.get(Person, person.merged_into)
    if person is None:
        raise NotFoundError(f"no person with id {person_id!r}: run 'prisonwatch persons list'")
    return person


def search_persons(
    session: Session,
    query: str | None = None,
    *,
    limit: int = 50,
    offset: int = 0,
    kind: str | None = None,
) -> list[Person]:
    """Return persons whose names contain ``query`` (case-insensitive), in name order.

    ``kind`` keeps prisoners or participants only; None finds both.
    """
    stmt = (
        select(Person)
        .where(Person.merged_into.is_(None))
        .where(Person.kind == kind if kind else Person.id.is_not(None))
        .options(selectinload(Person.names), selectinload(Person.external_ids))
        .order_by(Person.primary_name, Person.id)
        .limit(limit)
        .offset(offset)
    )
    if query:
        # A NUL cannot be stored (PostgreSQL refuses it in a query): such a query finds no one.
        query = query.replace("\x00", "").strip()
        if not query:
            return []
        pattern = f"%{like_escape(search_key(query))}%"
        names = select(PersonName.person_id).where(PersonName.search_key.like(pattern, escape="\\"))
        stmt = stmt.where(or_(Person.id.in_(names), Person.id == query))
    return list(session.scalars(stmt))


def count_persons(session: Session, kind: str | None = "prisoner") -> int:
    """Return how many prisoners (or persons of ``kind``; None: all) the registry holds."""
    stmt = select(func.count()).select_from(Person).where(Person.merged_into.is_(None))
    if kind:
        stmt = stmt.where(Person.kind == kind)
    return int(session.scalar(stmt) or 0)


def person_summary(person: Person) -> dict[str, Any]:
    """Return a plain description of a person for logs, JSON and exports."""
    return {
        "id": person.id,
        "name": person.primary_name,
        "names": [
            {"name": n.name, "script": n.script, "origin": n.origin, "kind": n.kind}
            for n in person.names
        ],
        "kind": person.kind or "prisoner",
        "gender": person.gender,
        "birth_date": person.birth_date,
        "country": person.country,
        "external_ids": {e.scheme: e.value for e in person.external_ids},
        "attributes": dict(person.attributes or {}),
    }


def person_by_external_id(session: Session, scheme: str, value: str) -> Person | None:
    """Return the person a registry knows under ``scheme``/``value``, if any."""
    stmt = select(ExternalId).where(ExternalId.scheme == scheme, ExternalId.value == value)
    found = session.scalars(stmt).first()
    return found.person if found else None
