"""Bulk review: one decision for many claims (of a document, of an event, above a confidence).

Each claim's decision is its own audit entry, undoable alone; one "bulk" entry lists them so
that the whole batch is undone at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from prisonwatch import audit
from prisonwatch.db.models import Claim
from prisonwatch.errors import InputError
from prisonwatch.registry import claims as kinds
from prisonwatch.registry import review

# Events before the persons, deals and new persons that hang on them.
KIND_ORDER = {kinds.EVENT: 0, kinds.DEAL_MEMBER: 1, kinds.PERSON: 2, kinds.EVENT_PERSON: 3}
BULK = review.BULK
MAX_BULK = 10_000


@dataclass
class BulkSelection:
    """Which proposed claims a bulk decision takes: any mix of the filters, at least one."""

    document_id: str | None = None
    event_id: str | None = None
    min_confidence: float | None = None
    kind: str | None = None
    claim_ids: list[str] = field(default_factory=list)

    def describe(self) -> str:
        """Return the selection in words, for messages and the audit log."""
        parts = []
        if self.document_id:
            parts.append(f"of document {self.document_id}")
        if self.event_id:
            parts.append(f"of event {self.event_id}")
        if self.min_confidence is not None:
            parts.append(f"with confidence ≥ {self.min_confidence:.2f}")
        if self.kind:
            parts.append(f"of kind {self.kind}")
        if self.claim_ids:
            parts.append(f"among {len(self.claim_ids)} chosen")
        return " ".join(parts)


@dataclass
class BulkResult:
    """What a bulk decision did: the batch's audit entry, claims decided and skipped."""

    audit_id: int | None
    decided: list[str]
    skipped: list[str]
    message: str


def select_claims(session: Session, selection: BulkSelection) -> list[Claim]:
    """Return the proposed claims a selection takes, events first."""
    if not (
        selection.document_id
        or selection.event_id
        or selection.min_confidence is not None
        or selection.claim_ids
    ):
        raise InputError(
            "a bulk decision needs a document, an event, a confidence or claim ids: give one"
        )
    stmt = select(Claim).where(Claim.state == "proposed")
    if selection.document_id:
        stmt = stmt.where(Claim.document_id == selection.document_id)
    if selection.event_id:
        stmt = stmt.where(Claim.subject_id == selection.event_id)
    if selection.min_confidence is not None:
        stmt = stmt.where(Claim.confidence >= selection.min_confidence)
    if selection.kind:
        stmt = stmt.where(Claim.kind == selection.kind)
    if selection.claim_ids:
        stmt = stmt.where(Claim.id.in_(selection.claim_ids))
    found = list(session.scalars(stmt.order_by(Claim.created_at, Claim.id).limit(MAX_BULK + 1)))
    if len(found) > MAX_BULK:
        raise InputError(f"over {MAX_BULK} claims selected: narrow the selection")
    return sorted(found, key=lambda c: KIND_ORDER.get(c.kind, 9))


def bulk_decide(
    session: Session,
    action: str,
    selection: BulkSelection,
    *,
    actor: str,
    reason: str | None = None,
) -> BulkResult:
    """Accept or reject every proposed claim a selection takes, with one reason."""
    if action not in ("accept", "reject"):
        raise InputError(f"bulk action {action!r}: write accept or reject")
    decided: list[str] = []
    skipped: list[str] = []
    entries: list[int] = []
    for claim in select_claims(session, selection):
        if action == "accept" and claim.kind == kinds.EVENT_PERSON and not claim.person_id:
            skipped.append(claim.id)  # an ambiguous name: a reviewer must choose the person
            continue
        step = review.accept if action == "accept" else review.reject
        decision = step(session, claim.id, actor=actor, reason=reason)
        entries.append(decision.audit_id)
        decided.append(claim.id)
    what = selection.describe()
    if not decided:
        return BulkResult(None, [], skipped, f"no proposed claim {what} to {action}")
    entry = audit.record(
        session,
        actor=actor,
        action=BULK,
        record_type="claims",
        record_id=f"bulk-{entries[0]}",
        before=None,
        after={"action": action, "decisions": entries, "selection": what},
        reason=reason,
    )
    message = f"{action}ed {len(decided)} claim(s) {what}"
    if skipped:
        message += f"; {len(skipped)} left for a reviewer (a name fits several persons)"
    return BulkResult(entry.id, decided, skipped, message)
