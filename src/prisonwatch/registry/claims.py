"""Claims: one proposed fact each, keyed by its content so re-ingesting adds nothing."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy.orm import Session

from prisonwatch.db.models import Claim

# What a claim can say. The subject is the record the fact is about.
EVENT = "event"  # this event happened, with these attributes (value holds them all)
EVENT_PERSON = "event_person"  # this person (or this unresolved name) took part in this event
DEAL_MEMBER = "deal_member"  # this event belongs to this deal
PERSON = "person"  # this name is a person not yet in the registry
KINDS = (EVENT, EVENT_PERSON, DEAL_MEMBER, PERSON)

# The fields of an event claim's value that can differ between sources.
EVENT_FIELDS = (
    "type",
    "date_value",
    "date_precision",
    "date_text",
    "count",
    "count_qualifier",
    "actor",
    "target_country",
    "destination",
    "object",
    "background",
)


def claim_key(*parts: Any) -> str:
    """Return a claim id hashed from its document, subject, property, value and span."""
    blob = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    return "clm_" + hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]


def set_person(claim: Claim, person_id: str | None) -> None:
    """Point a person-link claim at a person, in its value and its indexed column alike."""
    claim.value = {**claim.value, "person_id": person_id}
    claim.person_id = person_id


def propose(session: Session, claim: Claim) -> tuple[Claim, bool]:
    """Add a claim unless one with the same key exists; return it and whether it is new."""
    existing = session.get(Claim, claim.id)
    if existing is not None:
        return existing, False
    if claim.kind == EVENT_PERSON:
        claim.person_id = claim.value.get("person_id")
    session.add(claim)
    return claim, True


def claim_summary(claim: Claim) -> dict[str, Any]:
    """Return a plain description of a claim for review screens, JSON and the audit log."""
    return {
        "id": claim.id,
        "kind": claim.kind,
        "subject_type": claim.subject_type,
        "subject_id": claim.subject_id,
        "property": claim.property,
        "value": claim.value,
        "document_id": claim.document_id,
        "span": [claim.span_start, claim.span_end],
        "quote": claim.quote,
        "extractor_version": claim.extractor_version,
        "confidence": claim.confidence,
        "reason": claim.reason,
        "state": claim.state,
        "superseded_by": claim.superseded_by,
        "decided_by": claim.decided_by,
        "decided_at": claim.decided_at.isoformat() if claim.decided_at else None,
    }
