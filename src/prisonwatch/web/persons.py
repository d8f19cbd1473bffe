"""Persons: search under any spelling or script, with filters and pages; one person's timeline."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Query, Request
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from prisonwatch.db.models import Person
from prisonwatch.persons import get_person
from prisonwatch.registry.lookup import find_persons
from prisonwatch.registry.timeline import person_timeline
from prisonwatch.web import urls
from prisonwatch.web.deps import read_db
from prisonwatch.web.items import paginate, public_person, source_item
from prisonwatch.web.queries import PersonRow, Snapshot
from prisonwatch.web.render import page
from prisonwatch.web.schemas import (
    PersonContext,
    PersonFilters,
    PersonItem,
    PersonsContext,
    StatusBasis,
    StatusItem,
    StepItem,
)

router = APIRouter()

STATUSES = ("held", "released", "died in custody", "unknown")
# Empty values come from the form's "any" choices and blank fields, and mean "no filter".
DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"
STATUS = r"^(held|released|died in custody|unknown)?$"
# How many name-matcher hits a search considers before filters and pages apply.
SEARCH_LIMIT = 500

Found = tuple[PersonRow, float | None, str | None]


def _matches(row: PersonRow, filters: PersonFilters) -> bool:
    if filters.status and row.status.state != filters.status:
        return False
    if filters.country and (row.country or "").casefold() != filters.country.casefold():
        return False
    if filters.since or filters.until:
        since, until = filters.since or "", filters.until or "9999"
        # Compare at the coarser of the two precisions: "2020-05" is within since=2020-05-10.
        return any(d >= since[: len(d)] and d[: len(until)] <= until for d in row.dates)
    return True


def _search(
    request: Request, session: Session, snapshot: Snapshot, filters: PersonFilters
) -> list[Found]:
    query = filters.q
    if not query:
        return [(row, None, None) for row in snapshot.public_persons(filters.status)]
    found: list[Found] = []
    for hit in find_persons(session, query, limit=SEARCH_LIMIT, cache=request.app.state.names):
        row = snapshot.by_id.get(hit.person.id)
        if row is not None and not row.proposed:
            found.append((row, hit.score, hit.reason))
    return found


def _item(found: Found, person: Person) -> PersonItem:
    row, score, reason = found
    return PersonItem(
        id=row.id,
        url=urls.person(row.id),
        name=row.name,
        other_names=[n.name for n in person.names if n.name != row.name],
        country=row.country,
        status=row.status.state,
        kind=row.kind,
        held_since=row.status.held_since,
        released_on=row.status.released_on,
        score=score,
        reason=reason,
    )


@page(router, urls.PERSONS, name="persons", template="persons.html", model=PersonsContext)
def persons(
    request: Request,
    q: str | None = Query(None, max_length=200, description="A name in any spelling or script."),
    status: str | None = Query(None, pattern=STATUS, description="held, released, …"),
    country: str | None = Query(None, max_length=80, description="Country holding the person."),
    since: str | None = Query(None, pattern=DATE, description="An event on or after this date."),
    until: str | None = Query(None, pattern=DATE, description="An event on or before this date."),
    page: int = Query(1, ge=1, le=100_000),
    per_page: int = Query(25, ge=1, le=100),
    session: Session = Depends(read_db),
) -> PersonsContext:
    """Search persons under any spelling, filtered by status, country and dates."""
    filters = PersonFilters(
        q=" ".join((q or "").split()) or None,
        status=status or None,
        country=country or None,
        since=since or None,
        until=until or None,
    )
    snapshot, _ = request.app.state.snapshots.get(session)
    found = [f for f in _search(request, session, snapshot, filters) if _matches(f[0], filters)]
    chosen = found[(page - 1) * per_page : page * per_page]
    loaded = {
        p.id: p
        for p in session.scalars(
            select(Person)
            .where(Person.id.in_([f[0].id for f in chosen]))
            .options(selectinload(Person.names))
        )
    }
    return PersonsContext(
        filters=filters,
        statuses=list(STATUSES),
        countries=snapshot.countries,
        items=[_item(f, loaded[f[0].id]) for f in chosen if f[0].id in loaded],
        pagination=paginate(
            len(found), page, per_page, urls.persons, **filters.model_dump(exclude_none=True)
        ),
    )


@page(router, urls.PERSON, name="person", template="person.html", model=PersonContext)
def person(
    person_id: str = Path(max_length=40, description="The person's id."),
    session: Session = Depends(read_db),
) -> PersonContext:
    """A person's timeline of accepted events with each step's sources, and their status."""
    timeline = person_timeline(session, person_id)
    record = get_person(session, person_id)
    status = timeline.status
    return PersonContext(
        person=public_person(record),
        status=StatusItem(
            **{k: v for k, v in status.__dict__.items() if k != "based_on"},
            registry_status=status.registry_status,
            based_on=(
                StatusBasis(
                    **status.based_on,
                    event_url=urls.event(status.based_on["event_id"]),
                    sources=timeline.basis_sources(),
                )
                if status.based_on
                else None
            ),
        ),
        steps=[
            StepItem(
                event_id=step.event_id,
                event_url=urls.event(step.event_id),
                type=step.type,
                role=step.role,
                date=step.date,
                date_precision=step.date_precision,
                date_text=step.date_text,
                count=step.count,
                actor=step.actor,
                destination=step.destination,
                deal_id=step.deal_id,
                deal_url=urls.deal(step.deal_id) if step.deal_id else None,
                background=step.background,
                sources=[source_item(s) for s in step.sources],
            )
            for step in timeline.steps
        ],
    )
