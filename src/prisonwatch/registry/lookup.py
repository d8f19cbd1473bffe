"""Find persons under any spelling or script, with a name index kept between calls."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from prisonwatch.db.models import Person, PersonName
from prisonwatch.persons import like_escape, search_key, search_persons
from prisonwatch.registry.rebuild import SingleFlight
from prisonwatch.settings import get_settings


@dataclass
class Found:
    """A person found for a query, with how they were found."""

    person: Person
    score: float
    reason: str


def _stamp(session: Session) -> tuple[Any, ...]:
    # Each table counted on its own: a join here would cost persons × names rows per search.
    row = session.execute(
        select(
            select(func.count(PersonName.id)).scalar_subquery(),
            select(func.max(PersonName.id)).scalar_subquery(),
            select(func.count(Person.merged_into)).scalar_subquery(),
            select(func.count(Person.id)).scalar_subquery(),
        )
    ).one()
    return tuple(row)


def registry_entry(person: Person) -> Any:
    """Return a person as the name matcher's registry entry: primary name plus every other."""
    from prisonwatch.names import RegistryEntry

    aliases = [n.name for n in person.names if n.name != person.primary_name]
    return RegistryEntry(person_id=person.id, name=person.primary_name, aliases=aliases)


def _index_cache_dir(session: Session) -> Path:
    """Return where the name index is kept on disk: beside a SQLite file, else in data_dir."""
    url = session.get_bind().engine.url
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        return Path(str(url.database)).resolve().parent / "cache"
    return get_settings().data_dir / "cache"


def build_name_index(session: Session) -> Any:
    """Return a name index over every person not merged into another, kept on disk between runs.

    The file is keyed by the matcher's code and checked against the registry's content, so
    that a run over an unchanged registry loads it and new people are added to it.
    """
    from prisonwatch.names.store import cached_index

    rows = session.scalars(
        select(Person)
        .where(Person.merged_into.is_(None))
        .options(selectinload(Person.names))
        .order_by(Person.id)
    )
    entries = [registry_entry(p) for p in rows]
    url = session.get_bind().engine.url.render_as_string(hide_password=True)
    return cached_index(entries, _index_cache_dir(session), url)


class NameIndexCache:
    """One name index per database, rebuilt when persons, names or merges change.

    With ``serve_stale`` (the web's), searches arriving while another rebuilds use the previous
    index; the resolver's own cache never does, so resolution always sees every person.
    """

    def __init__(self, serve_stale: bool = True) -> None:
        self._values: SingleFlight[Any] = SingleFlight(serve_stale=serve_stale)

    def get(self, session: Session) -> Any:
        """Return the name index of the session's database."""
        key = str(session.get_bind().engine.url)
        return self._values.get(key, _stamp(session), lambda: build_name_index(session))


_CACHE = NameIndexCache(serve_stale=False)


def name_index(session: Session) -> Any:
    """Return the name index over every person in the database, rebuilt only after changes."""
    return _CACHE.get(session)


def find_persons(
    session: Session, query: str, *, limit: int = 50, cache: NameIndexCache | None = None
) -> list[Found]:
    """Return persons a query names: name-matcher hits first, then names containing the text."""
    query = " ".join(query.split())
    if not query:
        return [Found(p, 0.0, "all persons") for p in search_persons(session, None, limit=limit)]
    result = (cache or _CACHE).get(session).match(query)
    scored: dict[str, tuple[float, str]] = {}
    if result.status == "matched" and result.person_id:
        scored[result.person_id] = (result.score, result.reason)
    for candidate in result.candidates:
        scored.setdefault(candidate.person_id, (candidate.score, candidate.reason))
    found: dict[str, Found] = {}
    if scored:
        for person in session.scalars(select(Person).where(Person.id.in_(list(scored)))):
            found[person.id] = Found(person, *scored[person.id])
    for person in search_persons(session, query, limit=limit):
        found.setdefault(person.id, Found(person, 0.5, f"a name contains {query!r}"))
    ranked = sorted(found.values(), key=lambda f: (-f.score, f.person.primary_name))
    return ranked[:limit]


def scored_ids(
    session: Session, query: str, cache: NameIndexCache | None = None
) -> dict[str, tuple[float, str]]:
    """Return the ids of persons a query names with (score, reason), as ``find_persons`` ranks.

    Name-matcher hits first, then every person with a name containing the text (score 0.5);
    ids only, for a caller that holds the persons' rows already (the web's snapshot): no person
    is read, and none is left out by a limit.
    """
    query = " ".join(query.replace("\x00", "").split())
    if not query:
        return {}
    result = (cache or _CACHE).get(session).match(query)
    scored: dict[str, tuple[float, str]] = {}
    if result.status == "matched" and result.person_id:
        scored[result.person_id] = (result.score, result.reason)
    for candidate in result.candidates:
        scored.setdefault(candidate.person_id, (candidate.score, candidate.reason))
    pattern = f"%{like_escape(search_key(query))}%"
    containing = select(PersonName.person_id).where(
        PersonName.search_key.like(pattern, escape="\\")
    )
    for person_id in session.scalars(containing.distinct()):
        scored.setdefault(person_id, (0.5, f"a name contains {query!r}"))
    if session.get(Person, query) is not None:
        scored.setdefault(query, (0.5, f"a name contains {query!r}"))
    return scored
