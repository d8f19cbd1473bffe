"""The web's name index, grown in memory when persons or names are added instead of rebuilt.

Every write that adds a person made the next search rebuild the index over the whole registry
(0.3 s of CPU at 5,000 persons even from the disk cache: every person read with their names,
the file read and written). Names only ever added since the index was made are added to it,
as the disk cache does between runs; any other change (a name gone, a merge, a renamed person,
a person without a name) rebuilds it whole, on a thread of its own while other searches are in
flight, serving them the previous index meanwhile.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from prisonwatch.db.models import Person, PersonName
from prisonwatch.registry.lookup import NameIndexCache, build_name_index, registry_entry
from prisonwatch.registry.rebuild import SingleFlight


class Guarded:
    """A name index that one refresh grows while searches match: one at a time."""

    def __init__(self, index: Any) -> None:
        self.index = index
        self.lock = threading.Lock()

    def match(self, query: str) -> Any:
        """Return the index's match for ``query``."""
        with self.lock:
            return self.index.match(query)


@dataclass(frozen=True)
class Mark:
    """What the index was made from: names (count, last id), merges and persons."""

    names: int
    last_name: int
    merged: int
    persons: int


def mark(session: Session) -> Mark:
    """Return the counts the index is checked against, in one query."""
    row = session.execute(
        select(
            select(func.count(PersonName.id)).scalar_subquery(),
            select(func.max(PersonName.id)).scalar_subquery(),
            select(func.count(Person.merged_into)).scalar_subquery(),
            select(func.count(Person.id)).scalar_subquery(),
        )
    ).one()
    return Mark(int(row[0] or 0), int(row[1] or 0), int(row[2] or 0), int(row[3] or 0))


def grow(session: Session, old: Mark, now: Mark, kept: Guarded) -> bool:
    """Add to ``kept`` the persons named by names added since ``old``; False if that is not all.

    Only additions qualify: as many new names (ids above the last) as the count grew by, no
    merge, every new person with a name, no known person under another primary name.
    """
    if now.merged != old.merged or now.names < old.names or now.persons < old.persons:
        return False
    owners = list(
        session.scalars(select(PersonName.person_id).where(PersonName.id > old.last_name))
    )
    if len(owners) != now.names - old.names:
        return False
    people = list(
        session.scalars(
            select(Person)
            .where(Person.id.in_(sorted(set(owners))), Person.merged_into.is_(None))
            .options(selectinload(Person.names))
        )
    )
    slots = kept.index.slots
    entries = [registry_entry(p) for p in people]
    if sum(e.person_id not in slots for e in entries) != now.persons - old.persons:
        return False
    if any(
        e.person_id in slots and kept.index.entries[slots[e.person_id]].name != e.name
        for e in entries
    ):
        return False
    with kept.lock:
        for entry in entries:
            kept.index.add(entry)
    return True


class GrowingNameIndex(NameIndexCache):
    """One name index per database, grown after additions and rebuilt (serving stale) else."""

    def __init__(self) -> None:
        super().__init__(serve_stale=True)
        self._kept: SingleFlight[tuple[Mark, Guarded]] = SingleFlight(serve_stale=True)

    def _refresh(self, session: Session, key: str, now: Mark) -> tuple[Mark, Guarded]:
        previous = self._kept.peek(key)
        if previous is not None and grow(session, previous[0], now, previous[1]):
            return now, previous[1]
        return now, Guarded(build_name_index(session))

    def get(self, session: Session) -> Any:
        """Return the name index of the session's database (its ``match`` is what is used)."""
        engine = session.get_bind()
        key = str(engine.engine.url)
        now = mark(session)

        def background() -> tuple[Mark, Guarded]:
            with Session(bind=engine) as own:
                return self._refresh(own, key, now)

        return self._kept.get(key, now, lambda: self._refresh(session, key, now), background)[1]
