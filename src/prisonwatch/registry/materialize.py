"""The registry follows from claims: rebuild an event, a deal link or a person from them.

Fields come from accepted claims (the earliest accepted source first); an event nobody has
accepted yet shows what its proposals say, so the review queue can display it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from prisonwatch.db.models import Claim, Document, Event, EventPerson, Person
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
    basis = _basis(_claims(session, kinds.EVENT, event.id))
    values: dict[str, Any] = {}
    for name in kinds.EVENT_FIELDS:
        values[name] = next((c.value.get(name) for c in basis if c.value.get(name)), None)
    for name in ("type", "date_value", "date_precision", "date_text", "count", "count_qualifier"):
        if name != "type" or values[name]:
            setattr(event, name, values[name])
    event.actor = values["actor"]
    event.target_country = values["target_country"]
    event.destination = values["destination"] or []
    event.object = values["object"]
    event.background = bool(values["background"]) and all(c.value.get("background") for c in basis)
    published = None
    if basis and basis[0].document_id:
        doc = session.get(Document, basis[0].document_id)
        published = doc.published if doc else None
    event.anchor_date = anchor_of(event.date_value, published)

    wanted = {
        (c.value["person_id"], c.value.get("role", "affected"))
        for c in _claims(session, kinds.EVENT_PERSON, event.id)
        if c.state == "accepted" and c.value.get("person_id")
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

    deal_claims = _basis(_claims(session, kinds.DEAL_MEMBER, event.id))
    event.deal_id = deal_claims[0].value.get("deal_id") if deal_claims else None


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
