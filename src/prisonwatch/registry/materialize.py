"""The registry follows from claims: rebuild an event, a deal link or a person from them.

Fields come from accepted claims (the earliest accepted source first); an event nobody has
accepted yet shows what its proposals say, so the review queue can display it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from prisonwatch.db.models import Claim, Document, Event, EventPerson, Person, utcnow
from prisonwatch.registry import claims as kinds
from prisonwatch.registry.identity import anchor_of

LIVE = ("proposed", "accepted")


def _claims(session: Session, kind: str, subject_id: str) -> list[Claim]:
    stmt = (
        select(Claim)
        .where(Claim.kind == kind, Claim.subject_id == subject_id, Claim.state.in_(LIVE))
        .order_by(Claim.created_at, Claim.id)
    )
    return list(session.scalars(stmt))


def _basis(found: list[Claim]) -> list[Claim]:
    accepted = [c for c in found if c.state == "accepted"]
    return accepted or found


def is_accepted(session: Session, event_id: str) -> bool:
    """Return True when a reviewer (or the threshold) accepted that this event happened."""
    stmt = select(Claim.id).where(
        Claim.kind == kinds.EVENT, Claim.subject_id == event_id, Claim.state == "accepted"
    )
    return session.scalars(stmt).first() is not None


def rebuild_event(session: Session, event: Event) -> None:
    """Set an event's fields, persons and deal from its live claims."""
    rebuild_events(session, [event])


def rebuild_events(session: Session, events: list[Event]) -> None:
    """Rebuild several events from their live claims, read in one statement for all of them."""
    if not events:
        return
    stmt = (
        select(Claim)
        .where(
            Claim.subject_id.in_(sorted({e.id for e in events})),
            Claim.kind.in_((kinds.EVENT, kinds.EVENT_PERSON, kinds.DEAL_MEMBER)),
            Claim.state.in_(LIVE),
        )
        .order_by(Claim.created_at, Claim.id)
    )
    found: dict[tuple[str, str], list[Claim]] = {}
    for claim in [*session.scalars(stmt), *_unwritten(session, events)]:
        found.setdefault((claim.subject_id, claim.kind), []).append(claim)
    for group in found.values():
        group.sort(key=lambda c: (c.created_at or utcnow(), c.id))
    bases = {e.id: _basis(found.get((e.id, kinds.EVENT), [])) for e in events}
    published = _published(session, [b[0].document_id for b in bases.values() if b])
    _load_persons(session, events)
    for event in events:
        basis = bases[event.id]
        first = basis[0].document_id if basis else None
        _set_fields(event, basis, published.get(first) if first else None)
        links = found.get((event.id, kinds.EVENT_PERSON), [])
        _set_persons(session, event, [c for c in links if c.state == "accepted"])
        deal_claims = _basis(found.get((event.id, kinds.DEAL_MEMBER), []))
        event.deal_id = deal_claims[0].value.get("deal_id") if deal_claims else None


def _unwritten(session: Session, events: list[Event]) -> list[Claim]:
    """Return the live claims of ``events`` added in this session and not written yet.

    A session that flushes before queries has none; a batch written without autoflush has
    them, and they count as a query after a flush would count them.
    """
    ids = {e.id for e in events}
    return [
        c
        for c in session.new
        if isinstance(c, Claim)
        and c.subject_id in ids
        and c.kind in (kinds.EVENT, kinds.EVENT_PERSON, kinds.DEAL_MEMBER)
        and (c.state or "proposed") in LIVE
    ]


def _published(session: Session, document_ids: list[str | None]) -> dict[str, str | None]:
    """Return the publication dates of documents, reading only those not loaded already."""
    dates: dict[str, str | None] = {}
    missing = []
    for doc_id in {d for d in document_ids if d}:
        loaded = session.identity_map.get(identity_key(Document, doc_id))
        if loaded is not None and "published" in loaded.__dict__:
            dates[doc_id] = loaded.published
        else:
            missing.append(doc_id)
    if missing:
        stmt = select(Document.id, Document.published).where(Document.id.in_(sorted(missing)))
        dates.update({doc_id: day for doc_id, day in session.execute(stmt)})
    return dates


def _load_persons(session: Session, events: list[Event]) -> None:
    """Load the person links of the events whose links are not loaded yet, in one statement."""
    unloaded = [e for e in events if "persons" not in e.__dict__]
    if not unloaded:
        return
    stmt = (
        select(EventPerson)
        .where(EventPerson.event_id.in_(sorted({e.id for e in unloaded})))
        .order_by(EventPerson.id)
    )
    links: dict[str, list[EventPerson]] = {e.id: [] for e in unloaded}
    for link in session.scalars(stmt):
        links[link.event_id].append(link)
    for event in unloaded:
        set_committed_value(event, "persons", links[event.id])


def event_fields(basis: list[dict[str, Any]], published: str | None) -> dict[str, Any]:
    """Return an event's fields from the values of its basis claims, earliest first."""
    values: dict[str, Any] = {}
    for name in kinds.EVENT_FIELDS:
        values[name] = next((v.get(name) for v in basis if v.get(name)), None)
    fields = {
        name: values[name]
        for name in (
            "type",
            "date_value",
            "date_precision",
            "date_text",
            "count",
            "count_qualifier",
        )
        if name != "type" or values[name]
    }
    fields["actor"] = values["actor"]
    fields["target_country"] = values["target_country"]
    fields["destination"] = values["destination"] or []
    fields["object"] = values["object"]
    fields["background"] = bool(values["background"]) and all(v.get("background") for v in basis)
    fields["anchor_date"] = anchor_of(values["date_value"], published)
    return fields


def _set_fields(event: Event, basis: list[Claim], published: str | None) -> None:
    for name, value in event_fields([c.value for c in basis], published).items():
        setattr(event, name, value)


def _set_persons(session: Session, event: Event, accepted: list[Claim]) -> None:
    wanted = {
        (c.value["person_id"], c.value.get("role", "affected"))
        for c in accepted
        if c.value.get("person_id")
    }
    for link in list(event.persons):
        if (link.person_id, link.role) not in wanted:
            event.persons.remove(link)
    have = {(link.person_id, link.role) for link in event.persons}
    for person_id, role in sorted(wanted - have):
        event.persons.append(EventPerson(person_id=person_id, role=role))
        if role == "affected":
            person = session.get(Person, person_id)
            if person is not None and person.kind != "prisoner":
                # Accepted as someone the event happened to: a prisoner from now on.
                person.kind = "prisoner"


def rebuild_person(session: Session, person: Person) -> None:
    """Mark a person proposed while only unreviewed proposals say they exist."""
    found = _claims(session, kinds.PERSON, person.id)
    if found:
        person.proposed = not any(c.state == "accepted" for c in found)


def rebuild_subject(session: Session, claim: Claim) -> None:
    """Rebuild whatever record a claim is about."""
    if claim.subject_type == "event":
        event = session.get(Event, claim.subject_id)
        if event is not None:
            rebuild_event(session, event)
    elif claim.subject_type == "person":
        person = session.get(Person, claim.subject_id)
        if person is not None:
            rebuild_person(session, person)
    session.flush()
