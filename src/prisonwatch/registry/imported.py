"""Facts a registry list states about a person become accepted claims from that named list.

The list (a human-rights group's CSV) is stored as a document of its own, titled and linked, so
its facts appear on timelines with their source like any article's and count for status until
news says otherwise: its undated statements are background and never override a dated event.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from prisonwatch import audit
from prisonwatch.db.models import Claim, Document, DocumentURL, Event, Person, utcnow
from prisonwatch.documents import document_id
from prisonwatch.registry import claims as kinds
from prisonwatch.registry.claims import claim_key, claim_summary, propose
from prisonwatch.registry.identity import anchor_of
from prisonwatch.registry.materialize import rebuild_event

LIST_KIND = "registry-list"


@dataclass
class ListSource:
    """The list a registry CSV is: its name, address, date and the text it was read from."""

    text: str
    title: str
    scheme: str
    url: str | None = None
    published: str | None = None


@dataclass
class RegistryFact:
    """One event a list states about a person: type, date, and the words of the list."""

    type: str
    quote: str
    date: str | None = None
    details: dict[str, str] = field(default_factory=dict)

    @property
    def precision(self) -> str | None:
        """Return year, month or day after the length of the date."""
        if not self.date:
            return None
        return {4: "year", 7: "month"}.get(len(self.date), "day")


def list_document(session: Session, source: ListSource) -> Document:
    """Return the document standing for a registry list, storing it the first time."""
    doc_id = document_id(source.text)
    found = session.get(Document, doc_id)
    if found is not None:
        return found
    row = Document(
        id=doc_id,
        title=source.title,
        publisher=source.scheme,
        published=source.published or utcnow().date().isoformat(),
        published_source="user",
        canonical_url=source.url,
        text=source.text,
        raw_kind=LIST_KIND,
        # Marked as read so that re-extraction never treats a list as a news article.
        extracted_version=LIST_KIND,
    )
    if source.url:
        row.urls.append(DocumentURL(url=source.url))
    session.add(row)
    session.flush()
    return row


def _event_id(scheme: str, outside_id: str, type_: str) -> str:
    digest = hashlib.sha256(f"{scheme}\x00{outside_id}\x00{type_}".encode()).hexdigest()
    return "evt_" + digest[:20]


def _accept(session: Session, claim: Claim, actor: str, reason: str) -> None:
    claim.state = "accepted"
    claim.decided_by = actor
    claim.decided_at = utcnow()
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="accept",
        record_type="claim",
        record_id=claim.id,
        before={**claim_summary(claim), "state": "proposed", "decided_by": None},
        after=claim_summary(claim),
        reason=reason,
    )


def _supersede_older(session: Session, event_id: str, keep: dict[str, str], doc_id: str) -> None:
    """Mark claims an older version of a list made about this event superseded by the new one."""
    stmt = (
        select(Claim)
        .join(Document, Document.id == Claim.document_id)
        .where(
            Claim.subject_id == event_id,
            Claim.state == "accepted",
            Document.raw_kind == LIST_KIND,
            Document.id != doc_id,
        )
    )
    for claim in session.scalars(stmt):
        if claim.id != keep.get(claim.kind):
            claim.state = "superseded"
            claim.superseded_by = keep.get(claim.kind)


def record_facts(
    session: Session,
    doc: Document,
    person: Person,
    *,
    scheme: str,
    outside_id: str,
    facts: list[RegistryFact],
    actor: str,
) -> int:
    """Store a list's facts about one person as accepted claims; return how many are new."""
    new = 0
    reason = f"stated by the list {doc.title!r}"
    for fact in facts:
        event_id = _event_id(scheme, outside_id, fact.type)
        event = session.get(Event, event_id)
        if event is None:
            event = Event(id=event_id, type=fact.type, destination=[])
            session.add(event)
            session.flush()
        value: dict[str, Any] = {
            "type": fact.type,
            "date_value": fact.date,
            "date_precision": fact.precision,
            "date_text": fact.date,
            "count": None,
            "count_qualifier": None,
            "actor": None,
            "target_country": person.country,
            "destination": [],
            "object": None,
            # What the list states without a date is taken as known background, not news.
            "background": fact.date is None,
            "anchor": anchor_of(fact.date, doc.published),
            "details": fact.details,
        }
        link = {
            "name": person.primary_name,
            "role": "affected",
            "person_id": person.id,
            "status": "matched",
            "candidates": [],
        }
        keep: dict[str, str] = {}
        for kind, prop, val in (
            (kinds.EVENT, "facts", value),
            (kinds.EVENT_PERSON, "person", link),
        ):
            claim, is_new = propose(
                session,
                Claim(
                    id=claim_key(doc.id, "registry", scheme, outside_id, kind, value),
                    kind=kind,
                    subject_type="event",
                    subject_id=event.id,
                    property=prop,
                    value=val,
                    document_id=doc.id,
                    quote=fact.quote,
                    extractor_version=f"registry:{scheme}",
                    confidence=1.0,
                    reason=reason,
                ),
            )
            keep[kind] = claim.id
            if is_new:
                new += 1
                _accept(session, claim, actor, reason)
        _supersede_older(session, event.id, keep, doc.id)
        session.flush()
        rebuild_event(session, event)
    return new
