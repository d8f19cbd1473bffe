"""Find persons under any spelling or script, with a name index kept between calls."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from prisonwatch.db.models import Person, PersonName
from prisonwatch.persons import search_persons


@dataclass
class Found:
    """A person found for a query, with how they were found."""

    person: Person
    score: float
    reason: str


class _IndexCache:
    """One name index per database, rebuilt when persons or names change."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: dict[str, tuple[tuple[Any, ...], Any]] = {}

    def get(self, session: Session) -> Any:
        from prisonwatch.names import NameIndex, RegistryEntry

        names = select(func.count(PersonName.id), func.max(PersonName.id)).subquery()
        merged = select(func.count(Person.merged_into)).scalar_subquery()
        stamp = tuple(session.execute(select(names, merged)).one())
        key = str(session.get_bind().engine.url)
        with self._lock:
            cached = self._entries.get(key)
            if cached and cached[0] == stamp:
                return cached[1]
        stmt = (
            select(Person)
            .where(Person.merged_into.is_(None))
            .options(selectinload(Person.names))
            .order_by(Person.id)
        )
        index = NameIndex.build(
            RegistryEntry(
                person_id=p.id,
                name=p.primary_name,
                aliases=[n.name for n in p.names if n.name != p.primary_name],
            )
            for p in session.scalars(stmt)
        )
        with self._lock:
            self._entries[key] = (stamp, index)
        return index


_CACHE = _IndexCache()


def name_index(session: Session) -> Any:
    """Return the name index over every person in the database, rebuilt only after changes."""
    return _CACHE.get(session)


def find_persons(session: Session, query: str, *, limit: int = 50) -> list[Found]:
    """Return persons a query names: name-matcher hits first, then names containing the text."""
    query = " ".join(query.split())
    if not query:
        return [Found(p, 0.0, "all persons") for p in search_persons(session, None, limit=limit)]
    found: dict[str, Found] = {}
    result = _CACHE.get(session).match(query)
    if result.status == "matched" and result.person_id:
        person = session.get(Person, result.person_id)
        if person is not None:
            found[person.id] = Found(person, result.score, result.reason)
    for candidate in result.candidates:
        person = session.get(Person, candidate.person_id)
        if person is not None and person.id not in found:
            found[person.id] = Found(person, candidate.score, candidate.reason)
    for person in search_persons(session, query, limit=limit):
        found.setdefault(person.id, Found(person, 0.5, f"a name contains {query!r}"))
    ranked = sorted(found.values(), key=lambda f: (-f.score, f.person.primary_name))
    return ranked[:limit]
