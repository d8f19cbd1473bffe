"""Edit and delete a person by hand, each change checked and kept in the audit log."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from prisonwatch import audit
from prisonwatch.db.models import PERSON_KINDS, Claim, Event, Person
from prisonwatch.errors import ConflictError, InputError
from prisonwatch.persons import add_name, clean_name, get_person, person_summary
from prisonwatch.registry import claims as kinds
from prisonwatch.registry.claims import claim_summary
from prisonwatch.registry.materialize import rebuild_event
from prisonwatch.registry.review import decide, log_decision
from prisonwatch.registry.values import check_partial_date

# What a person edit may change, named up front so a wrong field is refused before anything.
EDITABLE = ("name", "gender", "birth_date", "country", "kind")
GENDERS = ("male", "female")


def _check(changes: dict[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise InputError(
            f"a person has no editable field {', '.join(unknown)}: fields are {', '.join(EDITABLE)}"
        )
    checked: dict[str, Any] = {}
    for field, value in changes.items():
        value = None if value in ("", None) else str(value).strip()
        if field == "name":
            if value is None:
                raise InputError("name: a person needs a name: give a non-empty one")
            value = clean_name(value)
        elif field == "gender" and value is not None and value not in GENDERS:
            raise InputError(f"gender {value!r}: write male or female (or leave it empty)")
        elif field == "birth_date" and value is not None:
            value = check_partial_date(value, "birth_date")
        elif field == "kind" and value not in PERSON_KINDS:
            raise InputError(f"kind {value!r}: write {' or '.join(PERSON_KINDS)}")
        checked[field] = value
    return checked


def update_person(
    session: Session, person_id: str, changes: dict[str, Any], *, actor: str, reason: str | None
) -> Person:
    """Change a person's name, gender, birth date, country or kind; the old name stays an alias."""
    person = get_person(session, person_id)
    checked = _check(changes)
    before = person_summary(person)
    for field, value in checked.items():
        if field == "name":
            if value != person.primary_name:
                add_name(person, person.primary_name, origin="manual", kind="alias")
                add_name(person, value, origin="manual")
                person.primary_name = value
        else:
            setattr(person, field, value)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="update",
        record_type="person",
        record_id=person.id,
        before=before,
        after=person_summary(person),
        reason=reason,
    )
    return person


def delete_person(session: Session, person_id: str, *, actor: str, reason: str | None) -> int:
    """Delete a person after rejecting their live claims (all logged); return how many."""
    person = get_person(session, person_id)
    if session.scalars(select(Person.id).where(Person.merged_into == person.id)).first():
        raise ConflictError(
            f"other persons were merged into {person.id}: undo those merges before deleting it"
        )
    stmt = select(Claim).where(
        Claim.state.in_(("proposed", "accepted")),
        or_(
            Claim.person_id == person.id,
            (Claim.kind == kinds.PERSON) & (Claim.subject_id == person.id),
        ),
    )
    rejected = 0
    events: set[str] = set()
    why = f"person {person.id} deleted" + (f": {reason}" if reason else "")
    for claim in session.scalars(stmt):
        before = claim_summary(claim)
        decide(claim, "rejected", actor)
        log_decision(session, actor, "reject", claim, before, why)
        if claim.subject_type == "event":
            events.add(claim.subject_id)
        rejected += 1
    session.flush()
    for event_id in sorted(events):
        event = session.get(Event, event_id)
        if event is not None:
            rebuild_event(session, event)
    audit.record(
        session,
        actor=actor,
        action="delete",
        record_type="person",
        record_id=person.id,
        before=person_summary(person),
        after=None,
        reason=reason,
    )
    session.delete(person)
    session.flush()
    return rejected
