"""Turn one document's extraction into proposed claims, merging events already on record."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from prisonwatch.db.models import Claim, Deal, Document, Event, new_id, utcnow
from prisonwatch.extract.model import Evidence, ExtractedEvent, Extraction, PersonMention
from prisonwatch.registry import claims as kinds
from prisonwatch.registry.claims import claim_key, propose
from prisonwatch.registry.identity import (
    EventFacts,
    SameEventFinder,
    anchor_of,
    forget_links,
    lock_matching,
    unwritten,
)
from prisonwatch.registry.materialize import event_fields, rebuild_events
from prisonwatch.registry.resolution import PersonResolver, Resolution
from prisonwatch.registry.roles import role_from_context

ROLE_BY_MENTION = {"prisoner": "affected", "negotiator": "negotiator"}
# The role in which an event happens to a person; every other role (negotiator, mediator, actor,
# judge, relative) makes a new person a participant, never a prisoner.
AFFECTED = "affected"


@dataclass
class ProposalReport:
    """What one document added: claims, events created or matched, persons proposed."""

    document_id: str
    claims_new: int = 0
    claims_existing: int = 0
    events_new: int = 0
    events_matched: int = 0
    persons_new: int = 0
    ambiguous: int = 0
    event_ids: list[str] = field(default_factory=list)
    new_claim_ids: list[str] = field(default_factory=list)


@dataclass
class _Pending:
    """One extracted event not on record for this document yet: its names resolved, unmatched."""

    index: int
    event: ExtractedEvent
    key: str
    evidence: Evidence | None
    roles: dict[int, tuple[str, str]]
    resolutions: list[tuple[PersonMention, Resolution]]
    facts: EventFacts
    # The new persons its names proposed, written just before the event's own claims.
    person_claims: list[tuple[str, str, str, Evidence | None, str]]


@dataclass
class _Again:
    """An extracted event with the key of an earlier one of the same document: that event."""

    key: str


def add_new(session: Session, claim: Claim) -> Claim:
    """Add a claim whose key is known to be new, as ``claims.propose`` adds one."""
    if claim.kind == kinds.EVENT_PERSON:
        claim.person_id = claim.value.get("person_id")
    session.add(claim)
    return claim


def _evidence(event: ExtractedEvent) -> Evidence | None:
    return event.evidence[0] if event.evidence else None


def _facts(event: ExtractedEvent, published: str | None, person_ids: set[str]) -> EventFacts:
    return EventFacts(
        type=event.type,
        date_value=event.date,
        date_precision=event.date_precision,
        date_text=event.date_text,
        count=event.count,
        count_qualifier=event.count_qualifier,
        actor=event.actor,
        target_country=event.target_country,
        destination=list(event.destination),
        object=event.object,
        background=event.background,
        anchor=anchor_of(event.date, published),
        person_ids=person_ids,
    )


class _Proposer:
    def __init__(
        self,
        session: Session,
        document: Document,
        resolver: PersonResolver,
        version: str,
        fresh: bool,
    ):
        self.session = session
        self.document = document
        self.resolver = resolver
        self.version = version
        self.report = ProposalReport(document_id=document.id)
        self.touched: dict[str, Event] = {}
        self.born: set[str] = set()  # events created for this document
        # Every claim key of this document starts from its id: one read finds those on record,
        # and a key not among them is new without a round trip of its own. A document stored
        # just now has none on record (claims refer to their document), so nothing is read.
        self.known: dict[str, Claim] = {}
        self.prepared: set[str] = set()
        if not fresh:
            stmt = select(Claim).where(Claim.document_id == document.id)
            self.known = {c.id: c for c in session.scalars(stmt)}

    def add(self, claim: Claim) -> Claim:
        if claim.id in self.known:  # on record, or added by this document already
            stored, is_new = self.known[claim.id], False
        elif claim.document_id != self.document.id:
            stored, is_new = propose(self.session, claim)
        else:
            stored, is_new = add_new(self.session, claim), True
        self.known[stored.id] = stored
        if is_new:
            self.report.claims_new += 1
            self.report.new_claim_ids.append(stored.id)
        else:
            self.report.claims_existing += 1
        return stored

    def claim(
        self,
        key: str,
        kind: str,
        subject: tuple[str, str],
        prop: str,
        value: dict,
        evidence: Evidence | None,
        confidence: float,
        reason: str,
    ) -> Claim:
        return self.add(
            Claim(
                id=key,
                kind=kind,
                subject_type=subject[0],
                subject_id=subject[1],
                property=prop,
                value=value,
                document_id=self.document.id,
                span_start=evidence.start if evidence else None,
                span_end=evidence.end if evidence else None,
                quote=evidence.quote if evidence else None,
                extractor_version=self.version,
                confidence=round(confidence, 3),
                reason=reason,
                # Stamped when made, not when written: claims order by it, written or not.
                created_at=utcnow(),
            )
        )

    def resolve(
        self,
        name: str,
        later: list[tuple[str, str, str, Evidence | None, str]],
        role: str = AFFECTED,
        evidence: Evidence | None = None,
    ) -> Resolution:
        """Resolve a name; a new person's claim goes to ``later``, written with its event."""
        resolution = self.resolver.resolve(
            self.session,
            name,
            document_id=self.document.id,
            actor="extractor",
            kind="prisoner" if role == AFFECTED else "participant",
        )
        if resolution.status == "new":
            self.report.persons_new += 1
            # The sentence that names them: a reviewer sees the quote and source.
            later.append((name, role, resolution.person_id or "", evidence, resolution.reason))
        elif resolution.status == "ambiguous":
            self.report.ambiguous += 1
        return resolution

    def person_claim(
        self, name: str, role: str, person_id: str, evidence: Evidence | None, reason: str
    ) -> None:
        self.claim(
            claim_key(self.document.id, kinds.PERSON, name),
            kinds.PERSON,
            ("person", person_id),
            "exists",
            {"name": name, "role": role},
            evidence,
            0.5,
            reason,
        )

    def role_of(self, mention: PersonMention, event: ExtractedEvent) -> tuple[str, str]:
        """Return a mention's role in the event and why, when the words around it say more."""
        role = ROLE_BY_MENTION.get(mention.role, mention.role)
        if role != AFFECTED:
            return role, ""
        hint = role_from_context(self.document.text, mention.start, mention.end, event.actor)
        if hint is None:
            return role, ""
        return hint.role, f" ({hint.reason})"

    def prepare(self, index: int, event: ExtractedEvent) -> _Pending | _Again | str:
        """Resolve an event's names; return the event id when this document already has it."""
        evidence = _evidence(event)
        span = (evidence.start, evidence.end) if evidence else (index, index)
        key = claim_key(self.document.id, kinds.EVENT, event.type, span)
        existing = self.known.get(key)
        if existing is not None:
            self.report.claims_existing += 1
            return existing.subject_id
        if key in self.prepared:
            return _Again(key)  # same type and sentence as an earlier event: the same event
        self.prepared.add(key)
        # A mention without letters names nobody: it cannot become a person.
        mentions = [m for m in event.persons if any(c.isalpha() for c in m.name)]
        roles = {id(m): self.role_of(m, event) for m in mentions}
        later: list[tuple[str, str, str, Evidence | None, str]] = []
        resolutions = [
            (m, self.resolve(m.name, later, roles[id(m)][0], evidence)) for m in mentions
        ]
        person_ids = {r.person_id for _, r in resolutions if r.person_id and r.status == "matched"}
        facts = _facts(event, self.document.published, person_ids)
        return _Pending(index, event, key, evidence, roles, resolutions, facts, later)

    def event(self, pending: _Pending, finder: SameEventFinder, slot: int, own: set[str]) -> str:
        """Write one event's claims, on the event on record it matches or on a new one."""
        event, evidence, key = pending.event, pending.evidence, pending.key
        for person in pending.person_claims:
            self.person_claim(*person)
        match = finder.match(slot, own)
        unsaved = unwritten(self.session)
        if match is not None:
            record = match.event
            if unsaved is not None:
                unsaved.event(record, created=False)
            self.report.events_matched += 1
            reason = f"{event.reason}; same event as {record.id}: {match.reason}"
        else:
            # Born with the fields its one claim gives it, so the rebuild after changes nothing.
            fields = event_fields([pending.facts.value()], self.document.published)
            fields.setdefault("type", event.type)
            record = Event(id=new_id("evt"), deal_id=None, persons=[], **fields)
            self.session.add(record)
            self.born.add(record.id)
            if unsaved is not None:
                unsaved.event(record, created=True)
            self.report.events_new += 1
            reason = event.reason
        self.claim(
            key,
            kinds.EVENT,
            ("event", record.id),
            "facts",
            pending.facts.value(),
            evidence,
            event.confidence,
            reason,
        )
        for mention, resolution in pending.resolutions:
            role, why = pending.roles[id(mention)]
            value = {
                "name": mention.name,
                "role": role,
                "person_id": resolution.person_id if resolution.status != "ambiguous" else None,
                "status": resolution.status,
                "candidates": resolution.candidates,
            }
            quote = Evidence(
                mention.start, mention.end, self.document.text[mention.start : mention.end]
            )
            if unsaved is not None:
                unsaved.link(
                    record.id, resolution.person_id if resolution.status != "ambiguous" else None
                )
            self.claim(
                claim_key(key, kinds.EVENT_PERSON, mention.name, mention.start),
                kinds.EVENT_PERSON,
                ("event", record.id),
                "person",
                value,
                evidence or quote,
                min(event.confidence, 1.0 if resolution.status == "matched" else 0.6),
                f"{role} {mention.name!r} in {event.type}{why}: {resolution.reason}",
            )
        self.touched[record.id] = record
        return record.id


def propose_extraction(
    session: Session,
    document: Document,
    extraction: Extraction,
    resolver: PersonResolver,
    *,
    version: str,
    fresh: bool = False,
) -> ProposalReport:
    """Store one document's events, persons and deals as proposed claims; idempotent.

    Names are resolved first, in the order of the text; then the candidate events of all the
    document's events are read at once, and each event is matched and written in turn.
    ``fresh`` says the document was stored just now, so none of its claims is on record.
    """
    proposer = _Proposer(session, document, resolver, version, fresh)
    if extraction.events:
        # Names are resolved against the same registry the events are matched against: with
        # the lock taken first, a concurrent writer's new persons are either all seen or none.
        lock_matching(session)
    prepared = [proposer.prepare(index, event) for index, event in enumerate(extraction.events)]
    pending = [p for p in prepared if isinstance(p, _Pending)]
    finder = SameEventFinder(session, [p.facts for p in pending])
    own: set[str] = set()
    event_ids: list[str] = []
    slot = 0
    for item in prepared:
        if isinstance(item, _Pending):
            event_id = proposer.event(item, finder, slot, own)
            slot += 1
        elif isinstance(item, _Again):
            proposer.report.claims_existing += 1
            event_id = proposer.known[item.key].subject_id
        else:
            event_id = item
        own.add(event_id)
        event_ids.append(event_id)
    dealt: set[str] = set()
    for deal in extraction.deals:
        members = [event_ids[i] for i in deal.events if 0 <= i < len(event_ids)]
        if len(members) < 2:
            continue
        records = [proposer.touched.get(m) or session.get(Event, m) for m in members]
        existing = [e.deal_id for e in records if e and e.deal_id]
        deal_id = existing[0] if existing else new_id("deal")
        if not existing:
            session.add(Deal(id=deal_id, mediators=list(deal.mediators)))
            session.flush()  # events refer to it, and the ORM orders by relationships only
            forget_links(session)
        evidence = deal.evidence[0] if deal.evidence else None
        for member in members:
            proposer.claim(
                claim_key(document.id, kinds.DEAL_MEMBER, member, deal_id),
                kinds.DEAL_MEMBER,
                ("event", member),
                "deal",
                {"deal_id": deal_id, "mediators": list(deal.mediators)},
                evidence,
                0.7,
                f"the text ties {len(members)} events together"
                + (f": {evidence.quote!r}" if evidence else ""),
            )
            if member not in proposer.touched:
                proposer.touched[member] = session.get(Event, member)  # type: ignore[assignment]
            dealt.add(member)
    # An event born here holds its one claim's values already; only the events matched on
    # record, or tied into a deal, change with this document's claims.
    rebuild_events(
        session,
        [e for i, e in proposer.touched.items() if i not in proposer.born or i in dealt],
    )
    document.extracted_version = version
    proposer.report.event_ids = event_ids
    if session.autoflush:  # a batch written as a whole (autoflush off) writes this later
        session.flush()
    return proposer.report
