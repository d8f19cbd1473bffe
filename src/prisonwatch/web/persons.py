"""Persons: search under any spelling or script, with filters and pages; one person's timeline."""

from __future__ import annotations

from urllib.parse import quote_plus

from fastapi import APIRouter, Depends, Form, Path, Query, Request
from fastapi.responses import RedirectResponse
from pydantic import Field
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from prisonwatch.db.engine import session_scope
from prisonwatch.db.models import PERSON_KINDS, Claim, Document, Event, Person
from prisonwatch.errors import InputError
from prisonwatch.persons import get_person
from prisonwatch.registry.describe import claim_label, event_label, source_label
from prisonwatch.registry.lookup import scored_ids
from prisonwatch.registry.person_edit import GENDERS, delete_person, update_person
from prisonwatch.registry.timeline import person_timeline
from prisonwatch.users import has_role
from prisonwatch.web import urls
from prisonwatch.web.deps import page_user, read_db, settings_of
from prisonwatch.web.items import HIDEABLE, paginate, private, public_person, source_item
from prisonwatch.web.queries import PersonRow, Snapshot
from prisonwatch.web.render import page
from prisonwatch.web.schemas import (
    ListFact,
    PendingItem,
    PersonContext,
    PersonFilters,
    PersonItem,
    PersonsContext,
    PublicPerson,
    StatusBasis,
    StatusItem,
    StepItem,
)
from prisonwatch.web.security import check_csrf, session_user

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
    query = filters.q or ""
    found: list[Found] = []
    for person_id, (score, reason) in scored_ids(session, query, request.app.state.names).items():
        row = snapshot.by_id.get(person_id)
        if row is not None and not row.proposed:
            found.append((row, score, reason))
    # Best first, then in the database's name order (the snapshot's), as find_persons ranks.
    found.sort(key=lambda f: (-(f[1] or 0.0), snapshot.position[f[0].id]))
    return found[:SEARCH_LIMIT]


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
    start, end = (page - 1) * per_page, page * per_page
    if filters.q:
        found = [f for f in _search(request, session, snapshot, filters) if _matches(f[0], filters)]
        total, chosen = len(found), found[start:end]
    else:
        # The snapshot keeps everyone in name order, by status too: a page without other
        # filters only slices it (filtering 5,000 rows per request cost a third of the page).
        rows = snapshot.public_persons(filters.status)
        if filters.country or filters.since or filters.until:
            rows = [row for row in rows if _matches(row, filters)]
        total, chosen = len(rows), [(row, None, None) for row in rows[start:end]]
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
            total, page, per_page, urls.persons, **filters.model_dump(exclude_none=True)
        ),
    )


# Registry fields under the names people read; birthday and photo are shown elsewhere or not.
FACT_LABELS = {
    "registry_status": "Status in the list",
    "arrested": "Arrested (list)",
    "articles": "Charges",
    "prison": "Held in",
    "penalty": "Sentence",
    "verdict_date": "Verdict",
    "penalty_start_date": "Sentence counted from",
    "release_date": "Release (list)",
    "judge": "Judge",
    "description": "Description",
    "decision": "Decision",
    "declaration": "Declaration",
    "appeal_date": "Appeal",
    "url": "Profile in the list",
}
LIST_STATUS = {"active": "held", "former": "no longer held", "died": "died", "np": "not political"}


def _facts(person: PublicPerson) -> list[ListFact]:
    facts = []
    for key, label in FACT_LABELS.items():
        value = person.attributes.get(key)
        if not value:
            continue
        text = LIST_STATUS.get(str(value), str(value)) if key == "registry_status" else str(value)
        url = text if key == "url" and text.startswith(("http://", "https://")) else None
        facts.append(ListFact(label=label, value=text, url=url))
    return facts


def _pending(session: Session, person_id: str) -> list[PendingItem]:
    stmt = (
        select(Claim, Event, Document)
        .outerjoin(Event, Event.id == Claim.subject_id)
        .outerjoin(Document, Document.id == Claim.document_id)
        .where(Claim.person_id == person_id, Claim.state == "proposed")
        .order_by(Claim.created_at, Claim.id)
        .limit(100)
    )
    found = []
    for claim, event, doc in session.execute(stmt):
        what = claim_label(claim.kind, claim.value or {})
        if event is not None:
            what += " in " + event_label(
                {"type": event.type, "date": event.date_value, "count": event.count}
            )
        found.append(
            PendingItem(
                claim_id=claim.id,
                label=what,
                event_url=urls.event(event.id) if event is not None else None,
                quote=claim.quote,
                source=source_label(doc.__dict__) if doc is not None else None,
                document_url=urls.document(doc.id, claim.id) if doc is not None else None,
            )
        )
    return found


class PersonPage(PersonContext):
    """A person's page with what the logged-in user may change there; the JSON twin omits it."""

    can_edit: bool = Field(False, exclude=True)
    can_delete: bool = Field(False, exclude=True)
    genders: tuple[str, ...] = Field(GENDERS, exclude=True)
    kinds: tuple[str, ...] = Field(PERSON_KINDS, exclude=True)
    # Fields this person keeps off public pages: the form leaves them out, and so unchanged.
    private: list[str] = Field(default_factory=list, exclude=True)


@page(router, urls.PERSON, name="person", template="person.html", model=PersonContext)
def person(
    request: Request,
    person_id: str = Path(max_length=40, description="The person's id."),
    session: Session = Depends(read_db),
) -> PersonContext:
    """A person's timeline of accepted events with each step's sources, and their status."""
    timeline = person_timeline(session, person_id)
    record = get_person(session, person_id)
    status = timeline.status
    shown = public_person(record)
    # Forms only for those whose role may use them: a viewer never sees a form that answers 403.
    user = session_user(request, session)
    return PersonPage(
        can_edit=user is not None and has_role(user, "reviewer"),
        can_delete=user is not None and has_role(user, "admin"),
        private=sorted(private(record) & set(HIDEABLE)),
        person=shown,
        facts=_facts(shown),
        pending=_pending(session, record.id),
        feed_url=urls.feed(person=record.id),
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


def _with_message(path: str, message: str) -> RedirectResponse:
    joiner = "&" if "?" in path else "?"
    return RedirectResponse(f"{path}{joiner}message={quote_plus(message)}", status_code=303)


@router.post(urls.PERSON + "/edit", include_in_schema=False)
def person_edit_form(
    request: Request,
    person_id: str = Path(max_length=40),
    csrf_token: str | None = Form(None),
    name: str | None = Form(None, max_length=300),
    gender: str | None = Form(None, max_length=10),
    birth_date: str | None = Form(None, max_length=40),
    country: str | None = Form(None, max_length=80),
    kind: str | None = Form(None, max_length=12),
    reason: str | None = Form(None, max_length=2000),
) -> RedirectResponse:
    """Correct a person's name, gender, birth date, country or kind from their page (reviewer)."""
    check_csrf(request, csrf_token)
    given = {
        "name": name,
        "gender": gender,
        "birth_date": birth_date,
        "country": country,
        "kind": kind,
    }
    with session_scope(settings_of(request), write=True) as session:
        user = page_user(request, session, "reviewer")
        record = get_person(session, person_id)
        now = {
            "name": record.primary_name,
            "gender": record.gender,
            "birth_date": record.birth_date,
            "country": record.country,
            "kind": record.kind,
        }
        # Only what the form changed: the audit log names those fields, not the whole form.
        changes = {
            field: value
            for field, value in given.items()
            if value is not None and (value.strip() or None) != (now[field] or None)
        }
        if changes:
            update_person(session, record.id, changes, actor=user.username, reason=reason or None)
            message = f"updated {record.primary_name}: {', '.join(changes)}"
        else:
            message = "nothing changed"
        target = urls.person(record.id)
    return _with_message(target, message)


@router.post(urls.PERSON + "/delete", include_in_schema=False)
def person_delete_form(
    request: Request,
    person_id: str = Path(max_length=40),
    csrf_token: str | None = Form(None),
    confirm: str | None = Form(None, max_length=10),
    reason: str | None = Form(None, max_length=2000),
) -> RedirectResponse:
    """Delete a person from their page, rejecting their open claims (admin; audited)."""
    check_csrf(request, csrf_token)
    with session_scope(settings_of(request), write=True) as session:
        user = page_user(request, session, "admin")
        if confirm != "yes":
            raise InputError("tick 'yes, delete this person' to confirm the deletion")
        record = get_person(session, person_id)
        name = record.primary_name
        rejected = delete_person(session, record.id, actor=user.username, reason=reason or None)
    return _with_message(urls.persons(), f"deleted {name}; {rejected} claim(s) rejected")
