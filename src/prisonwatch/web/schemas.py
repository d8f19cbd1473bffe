"""The contexts every page is built from; FastAPI turns them into the OpenAPI schema."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class Pagination(BaseModel):
    """Where a list page stands: page number, size, total and neighbours."""

    page: int
    per_page: int
    total: int
    pages: int
    prev_url: str | None = None
    next_url: str | None = None


class ErrorBody(BaseModel):
    """An error as the JSON API reports it: one sentence and the HTTP status."""

    error: str
    status: int


class Counts(BaseModel):
    """Current totals of the registry."""

    persons: int
    held: int
    released: int
    died_in_custody: int
    status_unknown: int
    events: int
    deals: int
    documents: int
    claims_proposed: int


class PeriodRow(BaseModel):
    """Arrests, releases and people held in one period."""

    period: str
    arrested: int
    released: int
    held_at_end: int


class EventItem(BaseModel):
    """An event in a list."""

    id: str
    url: str
    type: str
    date: str | None = None
    date_precision: str | None = None
    count: int | None = None
    count_qualifier: str | None = None
    actor: str | None = None
    target_country: str | None = None
    destination: list[str] = Field(default_factory=list)
    object: str | None = None
    background: bool = False
    deal_id: str | None = None


class DealItem(BaseModel):
    """A deal in a list."""

    id: str
    url: str
    title: str | None = None
    date: str | None = None
    released: int | None = None
    mediators: list[str] = Field(default_factory=list)


class HomeContext(BaseModel):
    """The home page: counts, counts over time, latest events and deals."""

    counts: Counts
    over_time: list[PeriodRow]
    country: str | None = None
    countries: list[str] = Field(default_factory=list)
    latest_events: list[EventItem]
    latest_deals: list[DealItem]


class PersonFilters(BaseModel):
    """The search and filters of the persons list."""

    q: str | None = None
    status: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None


class PersonItem(BaseModel):
    """A person in a search result, with why they were found."""

    id: str
    url: str
    name: str
    other_names: list[str]
    country: str | None = None
    status: str
    kind: str = "prisoner"
    held_since: str | None = None
    released_on: str | None = None
    score: float | None = None
    reason: str | None = None


class PersonsContext(BaseModel):
    """The persons search: filters, one page of results and the pagination."""

    filters: PersonFilters
    statuses: list[str]
    countries: list[str]
    items: list[PersonItem]
    pagination: Pagination


class SourceItem(BaseModel):
    """A document supporting a fact, with the quote and a link to it highlighted."""

    claim_id: str
    document_id: str | None = None
    document_url: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    publisher: str | None = None
    quote: str | None = None
    start: int | None = None
    end: int | None = None
    state: str


class NameItem(BaseModel):
    """One written form of a person's name."""

    name: str
    script: str | None = None
    origin: str | None = None
    kind: str | None = None


class PublicPerson(BaseModel):
    """A person as public pages show them: private fields left out."""

    id: str
    name: str
    names: list[NameItem]
    gender: str | None = None
    birth_date: str | None = None
    country: str | None = None
    external_ids: dict[str, str]
    attributes: dict[str, Any]
    proposed: bool = False
    kind: str = "prisoner"


class BasisSource(BaseModel):
    """A document the status rests on, by title, outlet and date."""

    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None


class StatusBasis(BaseModel):
    """The accepted event a status rests on."""

    event_id: str
    event_url: str
    type: str
    date: str | None = None
    reported: str | None = None
    background: bool = False
    sources: list[BasisSource] = Field(default_factory=list)


class StatusItem(BaseModel):
    """A person's status derived from accepted events."""

    state: str
    registry_status: str | None = None
    held_since: str | None = None
    sentenced_on: str | None = None
    released_on: str | None = None
    released_how: str | None = None
    destination: list[str] = Field(default_factory=list)
    based_on: StatusBasis | None = None


class StepItem(BaseModel):
    """One accepted event on a person's timeline, with its sources."""

    event_id: str
    event_url: str
    type: str
    role: str
    date: str | None = None
    date_precision: str | None = None
    date_text: str | None = None
    count: int | None = None
    actor: str | None = None
    destination: list[str] = Field(default_factory=list)
    deal_id: str | None = None
    deal_url: str | None = None
    background: bool = False
    sources: list[SourceItem]


class PendingItem(BaseModel):
    """A claim about a person that waits for review: what it says, its quote and source."""

    claim_id: str
    label: str
    event_url: str | None = None
    quote: str | None = None
    source: str | None = None
    document_url: str | None = None


class ListFact(BaseModel):
    """A fact a registry list gives about a person, under a readable name."""

    label: str
    value: str
    url: str | None = None


class PersonContext(BaseModel):
    """A person's page: who they are, status, timeline with sources, claims under review."""

    person: PublicPerson
    status: StatusItem
    steps: list[StepItem]
    facts: list[ListFact] = Field(default_factory=list)
    pending: list[PendingItem] = Field(default_factory=list)
    feed_url: str | None = None


class EventPersonItem(BaseModel):
    """A person's part in an event."""

    id: str
    url: str
    name: str
    role: str


class CompetingValue(BaseModel):
    """One value sources give for a field, with the claims and documents that give it."""

    value: Any
    claims: list[str]
    documents: list[str | None]
    document_urls: list[str | None]
    states: list[str]


class CompetingItem(BaseModel):
    """A field on which the sources of an event disagree."""

    field: str
    values: list[CompetingValue]


class EventContext(BaseModel):
    """An event's page: facts, persons, sources and competing claims."""

    event: EventItem
    date_text: str | None = None
    place: str | None = None
    accepted: bool
    persons: list[EventPersonItem]
    sources: list[SourceItem]
    competing: list[CompetingItem]
    deal_url: str | None = None


class DealPart(BaseModel):
    """One event of a deal, on one side of the exchange."""

    event: EventItem
    persons: list[EventPersonItem]
    sources: list[SourceItem]


class DealContext(BaseModel):
    """A deal's page: what was exchanged for what, with mediators and sources."""

    id: str
    title: str | None = None
    label: str = ""
    date: str | None = None
    released: int | None = None
    mediators: list[str]
    sides: dict[str, list[DealPart]]


class FactItem(BaseModel):
    """A fact extracted from a document, with its span."""

    claim_id: str
    kind: str
    state: str
    start: int
    end: int
    label: str
    subject_url: str | None = None


class DocumentContext(BaseModel):
    """A document's page: metadata, cleaned text and every extracted fact by span."""

    id: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    language: str | None = None
    url: str | None = None
    text: str
    facts: list[FactItem]
    selected: str | None = None


class ClaimItem(BaseModel):
    """A claim in the review queue: the fact, quote, reason, confidence and candidates."""

    id: str
    kind: str
    state: str
    subject_type: str
    subject_id: str
    subject_url: str | None = None
    history_url: str
    property: str
    value: dict[str, Any]
    label: str
    quote: str | None = None
    document_id: str | None = None
    document_title: str | None = None
    document_label: str | None = None
    document_url: str | None = None
    confidence: float
    reason: str
    candidates: list[dict[str, Any]]
    decided_by: str | None = None


class ClaimGroup(BaseModel):
    """One card of the queue: the claims about one event (or one person), decided together."""

    id: str
    subject_type: str
    subject_id: str
    subject_url: str | None = None
    title: str
    documents: dict[str, str] = Field(default_factory=dict)
    items: list[ClaimItem]


class ReviewContext(BaseModel):
    """The review queue: claims waiting for a decision, filtered by state and kind."""

    state: str
    kind: str | None = None
    kinds: list[str]
    states: list[str]
    items: list[ClaimItem]
    groups: list[ClaimGroup] = Field(default_factory=list)
    can_review: bool = False
    pagination: Pagination


class AuditItem(BaseModel):
    """One audit entry: who changed what, when and why."""

    id: int
    at: str
    actor: str
    action: str
    record_type: str
    record_id: str
    record_url: str | None = None
    summary: str = ""
    reason: str | None = None
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None
    undone_by: int | None = None


class HistoryContext(BaseModel):
    """The audit history of one record, or of everything, newest first."""

    record_id: str | None = None
    items: list[AuditItem]
    pagination: Pagination


class DecisionBody(BaseModel):
    """The outcome of a review action."""

    audit_id: int
    claim_ids: list[str]
    message: str


class ReasonIn(BaseModel):
    """A reviewer's reason for a decision."""

    reason: str | None = None


class EditIn(BaseModel):
    """A reviewer's correction of a claim's value."""

    changes: dict[str, Any]
    reason: str | None = None


class MergeIn(BaseModel):
    """Two persons to merge: the source goes into the target."""

    source_id: str
    target_id: str
    reason: str | None = None


class BulkIn(BaseModel):
    """A bulk decision: accept or reject every proposed claim of a document, an event, or
    above a confidence, with one reason."""

    action: str = Field(pattern=r"^(accept|reject)$")
    document_id: str | None = Field(None, max_length=32)
    event_id: str | None = Field(None, max_length=40)
    min_confidence: float | None = Field(None, ge=0.0, le=1.0)
    kind: str | None = Field(None, pattern=r"^(event|event_person|deal_member|person)$")
    reason: str | None = Field(None, max_length=2000)


class BulkBody(BaseModel):
    """The outcome of a bulk decision: its audit entry (undo it to undo all) and the claims."""

    audit_id: int | None = None
    claim_ids: list[str]
    skipped: list[str]
    message: str


class UndoIn(BaseModel):
    """The decision to undo; the last one when no id is given."""

    audit_id: int | None = None
    reason: str | None = None


class ListFiltersItem(BaseModel):
    """The filters and order of an events, deals or documents list."""

    type: list[str] = Field(default_factory=list)
    country: str | None = None
    publisher: str | None = None
    since: str | None = None
    until: str | None = None
    review: str = "accepted"
    sort: str = "newest"


class EventRow(EventItem):
    """An event in the events list, with a readable label and its first report day."""

    label: str
    reported: str | None = None


class EventsContext(BaseModel):
    """The events list: filters, sorts, one page of events and the pagination."""

    filters: ListFiltersItem
    types: list[str]
    sorts: list[str]
    reviews: list[str]
    items: list[EventRow]
    feed_url: str
    pagination: Pagination


class DealRow(BaseModel):
    """A deal in the deals list: its date and what was exchanged."""

    id: str
    url: str
    label: str
    date: str | None = None
    released: int | None = None
    mediators: list[str] = Field(default_factory=list)


class DealsContext(BaseModel):
    """The deals list: filters, one page of deals and the pagination."""

    filters: ListFiltersItem
    sorts: list[str]
    items: list[DealRow]
    pagination: Pagination


class DocumentRow(BaseModel):
    """A document in the documents list: title, outlet, date and its claims by state."""

    id: str
    url: str
    label: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    language: str | None = None
    claims: dict[str, int] = Field(default_factory=dict)


class DocumentsContext(BaseModel):
    """The documents list: filters, one page of documents and the pagination."""

    filters: ListFiltersItem
    sorts: list[str]
    reviews: list[str]
    items: list[DocumentRow]
    pagination: Pagination


class PersonEditIn(BaseModel):
    """Corrections to a person: only the fields given change (name, gender, birth date, …)."""

    name: str | None = Field(None, max_length=300)
    gender: str | None = Field(None, max_length=10)
    birth_date: str | None = Field(None, max_length=10)
    country: str | None = Field(None, max_length=80)
    kind: str | None = Field(None, pattern=r"^(prisoner|participant)$")
    reason: str | None = Field(None, max_length=2000)


class PersonChangeBody(BaseModel):
    """What a person edit or deletion did."""

    person_id: str
    message: str
