"""Review: accept, reject, edit, merge persons and undo, every decision in the audit log."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from prisonwatch import audit
from prisonwatch.db.models import (
    AuditLog,
    Claim,
    ExternalId,
    Person,
    PersonName,
    utcnow,
)
from prisonwatch.errors import ConflictError, InputError, NotFoundError
from prisonwatch.persons import get_person
from prisonwatch.registry import claims as kinds
from prisonwatch.registry.claims import claim_key, claim_summary, set_person
from prisonwatch.registry.materialize import rebuild_event, rebuild_person, rebuild_subject
from prisonwatch.registry.values import check_event_changes
from prisonwatch.settings import Settings

BULK = "bulk"  # one entry listing the decisions of a bulk review, undone together
REVIEW_ACTIONS = ("accept", "reject", "edit", "merge-persons", BULK)


@dataclass(frozen=True)
class Decision:
    """The outcome of a review action: the audit entry and the claims it touched."""

    audit_id: int
    claim_ids: list[str]
    message: str


def get_claim(session: Session, claim_id: str) -> Claim:
    """Return a claim or raise NotFoundError naming it."""
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFoundError(f"no claim {claim_id!r}: run 'prisonwatch review list' to see claims")
    return claim


def list_claims(
    session: Session,
    *,
    state: str | None = "proposed",
    kind: str | None = None,
    document_id: str | None = None,
    subject_id: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[Claim]:
    """Return claims in review order: most confident first within each document."""
    stmt = select(Claim)
    if state:
        stmt = stmt.where(Claim.state == state)
    if kind:
        stmt = stmt.where(Claim.kind == kind)
    if document_id:
        stmt = stmt.where(Claim.document_id == document_id)
    if subject_id:
        stmt = stmt.where(Claim.subject_id == subject_id)
    stmt = stmt.order_by(Claim.created_at, Claim.document_id, Claim.span_start, Claim.id)
    return list(session.scalars(stmt.limit(limit).offset(offset)))


def count_claims(session: Session, state: str = "proposed", kind: str | None = None) -> int:
    """Return how many claims (of ``kind`` when given) are in ``state``."""
    stmt = select(func.count()).select_from(Claim).where(Claim.state == state)
    if kind:
        stmt = stmt.where(Claim.kind == kind)
    return int(session.scalar(stmt) or 0)


def editable_fields(claim: Claim) -> list[str]:
    """Return the fields an edit of this claim may change, named up front."""
    if claim.kind == kinds.EVENT:
        return [f for f in kinds.EVENT_FIELDS]
    allowed = set(claim.value) | ({"person_id"} if claim.kind == kinds.EVENT_PERSON else set())
    return sorted(allowed - {"candidates", "status"})


def decide(claim: Claim, state: str, actor: str) -> None:
    """Mark ``claim`` as decided (accepted, rejected …) by ``actor`` now."""
    claim.state = state
    claim.decided_by = actor
    claim.decided_at = utcnow()


def log_decision(
    session: Session,
    actor: str,
    action: str,
    claim: Claim,
    before: dict[str, Any],
    reason: str | None,
    extra: dict[str, Any] | None = None,
) -> AuditLog:
    """Write one audit entry for a decision on ``claim``, with its state before and after."""
    after = claim_summary(claim)
    if extra:
        after = {**after, **extra}
    return audit.record(
        session,
        actor=actor,
        action=action,
        record_type="claim",
        record_id=claim.id,
        before=before,
        after=after,
        reason=reason,
    )


def accept(session: Session, claim_id: str, *, actor: str, reason: str | None = None) -> Decision:
    """Accept a proposed claim; the registry follows."""
    claim = get_claim(session, claim_id)
    if claim.state != "proposed":
        raise ConflictError(f"claim {claim_id} is already {claim.state}: undo that decision first")
    if claim.kind == kinds.EVENT_PERSON and not claim.value.get("person_id"):
        raise ConflictError(
            f"claim {claim_id} names {claim.value.get('name')!r}, which fits several persons: "
            f"choose one with 'prisonwatch review edit {claim_id} --person ID'"
        )
    before = claim_summary(claim)
    decide(claim, "accepted", actor)
    rebuild_subject(session, claim)
    entry = log_decision(session, actor, "accept", claim, before, reason)
    return Decision(entry.id, [claim.id], f"accepted {claim.id}")


def reject(session: Session, claim_id: str, *, actor: str, reason: str | None = None) -> Decision:
    """Reject a proposed claim; it stays on record, marked rejected."""
    claim = get_claim(session, claim_id)
    if claim.state != "proposed":
        raise ConflictError(f"claim {claim_id} is already {claim.state}: undo that decision first")
    before = claim_summary(claim)
    decide(claim, "rejected", actor)
    rebuild_subject(session, claim)
    entry = log_decision(session, actor, "reject", claim, before, reason)
    return Decision(entry.id, [claim.id], f"rejected {claim.id}")


def edit(
    session: Session,
    claim_id: str,
    changes: dict[str, Any],
    *,
    actor: str,
    reason: str | None = None,
) -> Decision:
    """Replace a claim's value with a reviewer's correction, accepted; the old one is superseded."""
    claim = get_claim(session, claim_id)
    if claim.state not in ("proposed", "accepted"):
        raise ConflictError(
            f"claim {claim_id} is {claim.state}: only proposed or accepted claims can be edited"
        )
    allowed = set(claim.value) | set(editable_fields(claim))
    unknown = sorted(set(changes) - allowed)
    if unknown:
        raise InputError(
            f"claim {claim_id} has no field {', '.join(unknown)}: "
            f"fields are {', '.join(editable_fields(claim))}"
        )
    if claim.kind == kinds.EVENT:
        changes = check_event_changes(changes)
    if claim.kind == kinds.EVENT_PERSON and changes.get("person_id"):
        get_person(session, str(changes["person_id"]))
    before = claim_summary(claim)
    value = {**claim.value, **changes}
    if claim.kind == kinds.EVENT_PERSON and changes.get("person_id"):
        value["status"] = "chosen"
    stamp = utcnow()
    new = Claim(
        id=claim_key(claim.id, "edit", value, stamp.isoformat(), actor),
        kind=claim.kind,
        subject_type=claim.subject_type,
        subject_id=claim.subject_id,
        property=claim.property,
        value=value,
        document_id=claim.document_id,
        span_start=claim.span_start,
        span_end=claim.span_end,
        quote=claim.quote,
        extractor_version=claim.extractor_version,
        confidence=1.0,
        reason=f"edited by {actor}" + (f": {reason}" if reason else ""),
        state="accepted",
        decided_by=actor,
        decided_at=stamp,
        person_id=value.get("person_id") if claim.kind == kinds.EVENT_PERSON else None,
    )
    session.add(new)
    claim.state = "superseded"
    claim.superseded_by = new.id
    session.flush()
    rebuild_subject(session, new)
    entry = log_decision(session, actor, "edit", claim, before, reason, {"new_claim": new.id})
    return Decision(entry.id, [claim.id, new.id], f"edited {claim.id} into {new.id}")


def merge_persons(
    session: Session, source_id: str, target_id: str, *, actor: str, reason: str | None = None
) -> Decision:
    """Merge one person into another: names, ids, links and claims move to the target."""
    source = get_person(session, source_id)
    target = get_person(session, target_id)
    if source.id == target.id:
        raise ConflictError(f"cannot merge {source_id} into itself: name two different persons")
    have = {n.name for n in target.names}
    moved_names = [n.id for n in source.names if n.name not in have]
    session.query(PersonName).filter(PersonName.id.in_(moved_names)).update(
        {PersonName.person_id: target.id}, synchronize_session=False
    )
    moved_ids = [e.id for e in source.external_ids]
    session.query(ExternalId).filter(ExternalId.id.in_(moved_ids)).update(
        {ExternalId.person_id: target.id}, synchronize_session=False
    )
    moved_claims = []
    linked = select(Claim).where(Claim.kind == kinds.EVENT_PERSON, Claim.person_id == source.id)
    for claim in session.scalars(linked):
        set_person(claim, target.id)
        moved_claims.append(claim.id)
    person_claims = list(
        session.scalars(
            select(Claim).where(Claim.kind == kinds.PERSON, Claim.subject_id == source.id)
        )
    )
    for claim in person_claims:
        claim.subject_id = target.id
    source.merged_into = target.id
    session.flush()
    session.expire_all()
    _rebuild_events_of(session, moved_claims)
    entry = audit.record(
        session,
        actor=actor,
        action="merge-persons",
        record_type="person",
        record_id=source.id,
        before={"merged_into": None},
        after={
            "merged_into": target.id,
            "names": moved_names,
            "external_ids": moved_ids,
            "claims": moved_claims,
            "person_claims": [c.id for c in person_claims],
        },
        reason=reason,
    )
    return Decision(entry.id, moved_claims, f"merged {source.id} into {target.id}")


def _rebuild_events_of(session: Session, claim_ids: list[str]) -> None:
    from prisonwatch.db.models import Event

    for claim_id in claim_ids:
        claim = session.get(Claim, claim_id)
        if claim is not None:
            event = session.get(Event, claim.subject_id)
            if event is not None:
                rebuild_event(session, event)
    session.flush()


def last_decision(session: Session, actor: str | None = None) -> AuditLog:
    """Return the newest review decision not yet undone, by ``actor`` when given."""
    stmt = select(AuditLog).where(AuditLog.action.in_(REVIEW_ACTIONS), AuditLog.undone_by.is_(None))
    if actor:
        stmt = stmt.where(AuditLog.actor == actor)
    entry = session.scalars(stmt.order_by(AuditLog.id.desc())).first()
    if entry is None:
        raise NotFoundError("there is no decision left to undo")
    return entry


def undo(
    session: Session, audit_id: int | None = None, *, actor: str, reason: str | None = None
) -> Decision:
    """Undo one review decision (the last one when no id is given); undoing twice is an error."""
    entry = session.get(AuditLog, audit_id) if audit_id is not None else last_decision(session)
    if entry is None:
        raise NotFoundError(f"no audit entry {audit_id}: run 'prisonwatch review history'")
    if entry.action not in REVIEW_ACTIONS:
        raise ConflictError(f"audit entry {entry.id} is a {entry.action!r}, which cannot be undone")
    if entry.undone_by is not None:
        raise ConflictError(f"decision {entry.id} was already undone by entry {entry.undone_by}")
    after = entry.after or {}
    touched: list[str] = []
    if entry.action == BULK:
        return _undo_bulk(session, entry, actor=actor, reason=reason)
    if entry.action == "merge-persons":
        _undo_merge(session, entry.record_id, after)
        touched = list(after.get("claims", []))
    else:
        claim = get_claim(session, entry.record_id)
        before_state = (entry.before or {}).get("state", "proposed")
        if entry.action == "edit":
            new = get_claim(session, after["new_claim"])
            if new.state != "accepted":
                raise ConflictError(f"the edit {new.id} was itself changed since: undo that first")
            new.state = "superseded"
            new.superseded_by = claim.id
            rebuild_subject(session, new)
            touched.append(new.id)
        elif claim.state != after.get("state"):
            raise ConflictError(
                f"claim {claim.id} changed since decision {entry.id}: undo later decisions first"
            )
        claim.state = before_state
        claim.superseded_by = None
        claim.decided_by = (entry.before or {}).get("decided_by")
        claim.decided_at = None
        rebuild_subject(session, claim)
        touched.append(claim.id)
    undo_entry = audit.record(
        session,
        actor=actor,
        action="undo",
        record_type=entry.record_type,
        record_id=entry.record_id,
        before=entry.after,
        after=entry.before,
        reason=reason or f"undo of decision {entry.id}",
    )
    entry.undone_by = undo_entry.id
    session.flush()
    return Decision(undo_entry.id, touched, f"undid decision {entry.id} ({entry.action})")


def _undo_bulk(session: Session, entry: AuditLog, *, actor: str, reason: str | None) -> Decision:
    """Undo every still-standing decision of a bulk entry, newest first."""
    touched: list[str] = []
    for child_id in reversed((entry.after or {}).get("decisions", [])):
        child = session.get(AuditLog, child_id)
        if child is None or child.undone_by is not None:
            continue
        touched += undo(
            session, child_id, actor=actor, reason=reason or f"undo of bulk {entry.id}"
        ).claim_ids
    undo_entry = audit.record(
        session,
        actor=actor,
        action="undo",
        record_type=entry.record_type,
        record_id=entry.record_id,
        before=entry.after,
        after=None,
        reason=reason or f"undo of bulk decision {entry.id}",
    )
    entry.undone_by = undo_entry.id
    session.flush()
    return Decision(
        undo_entry.id, touched, f"undid bulk decision {entry.id} ({len(touched)} claims)"
    )


def _undo_merge(session: Session, source_id: str, after: dict[str, Any]) -> None:
    source = session.get(Person, source_id)
    if source is None or source.merged_into != after.get("merged_into"):
        raise ConflictError(f"person {source_id} changed since the merge: cannot undo it")
    target = after["merged_into"]
    session.query(PersonName).filter(PersonName.id.in_(after.get("names", []))).update(
        {PersonName.person_id: source.id}, synchronize_session=False
    )
    session.query(ExternalId).filter(ExternalId.id.in_(after.get("external_ids", []))).update(
        {ExternalId.person_id: source.id}, synchronize_session=False
    )
    for claim_id in after.get("claims", []):
        claim = session.get(Claim, claim_id)
        if claim is not None and claim.person_id == target:
            set_person(claim, source.id)
    for claim_id in after.get("person_claims", []):
        claim = session.get(Claim, claim_id)
        if claim is not None:
            claim.subject_id = source.id
    source.merged_into = None
    session.flush()
    session.expire_all()
    _rebuild_events_of(session, list(after.get("claims", [])))
    for person_id in (source.id, target):
        person = session.get(Person, person_id)
        if person is not None:
            rebuild_person(session, person)


def auto_accept(session: Session, claim_ids: list[str], settings: Settings) -> int:
    """Accept claims whose confidence reaches the threshold set for their kind; return how many.

    With no threshold set nothing is read; otherwise the claims are read in one statement.
    """
    thresholds = {
        kinds.EVENT: settings.auto_accept_event,
        kinds.DEAL_MEMBER: settings.auto_accept_event,
        kinds.EVENT_PERSON: settings.auto_accept_name,
        kinds.PERSON: settings.auto_accept_person,
    }
    if not claim_ids or all(limit is None for limit in thresholds.values()):
        return 0
    found = {c.id: c for c in session.scalars(select(Claim).where(Claim.id.in_(claim_ids)))}
    accepted = 0
    for claim_id in claim_ids:
        claim = found.get(claim_id)
        limit = thresholds.get(claim.kind) if claim else None
        if claim is None or limit is None or claim.state != "proposed":
            continue
        if claim.kind == kinds.EVENT_PERSON and not claim.value.get("person_id"):
            continue
        if claim.confidence >= limit:
            accept(
                session,
                claim.id,
                actor="auto",
                reason=f"confidence {claim.confidence:.2f} ≥ {limit:.2f} (auto-accept)",
            )
            accepted += 1
    return accepted
