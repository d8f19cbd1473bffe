"""The core records of DESIGN.md as SQLAlchemy 2 models; Alembic migrations follow them."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

EVENT_TYPES = (
    "arrest",
    "sentence",
    "release",
    "pardon",
    "transfer",
    "deportation",
    "sanctions_imposed",
    "sanctions_lifted",
    "negotiation",
    "death_in_custody",
)
CLAIM_STATES = ("proposed", "accepted", "rejected", "superseded")
NAME_ORIGINS = ("source", "derived", "manual", "registry")
ROLES = ("viewer", "reviewer", "admin")
# prisoner: someone events happen to (arrested, held, freed); participant: someone who only takes
# part in events in another role (envoy, president, mediator, judge, relative).
PERSON_KINDS = ("prisoner", "participant")


def new_id(prefix: str) -> str:
    """Return a fresh random id such as ``per_3f2a…`` for records without a natural key."""
    return f"{prefix}_{uuid.uuid4().hex[:20]}"


def utcnow() -> datetime:
    """Return the current time in UTC, without microseconds, as stored everywhere."""
    return datetime.now(UTC).replace(microsecond=0, tzinfo=None)


class Base(DeclarativeBase):
    """Declarative base with a naming convention so migrations name constraints alike."""

    metadata = MetaData(naming_convention=NAMING)


class Document(Base):
    """An article: id = hash of its cleaned text; the raw input kept compressed."""

    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    title: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(String(300))
    author: Mapped[str | None] = mapped_column(String(300))
    language: Mapped[str | None] = mapped_column(String(12))
    published: Mapped[str | None] = mapped_column(String(10), index=True)
    published_source: Mapped[str | None] = mapped_column(String(20))
    canonical_url: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    raw: Mapped[bytes | None] = mapped_column(LargeBinary)
    raw_kind: Mapped[str | None] = mapped_column(String(20))
    near_duplicate_of: Mapped[str | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL")
    )
    extracted_version: Mapped[str | None] = mapped_column(String(40))
    # MinHash signature of the text (little-endian uint64 values), kept so the near-duplicate
    # index is loaded without re-hashing every stored text.
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)
    ingested_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    urls: Mapped[list[DocumentURL]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="DocumentURL.url"
    )


class DocumentURL(Base):
    """One address at which a document was found; a document may have several."""

    __tablename__ = "document_urls"
    __table_args__ = (UniqueConstraint("document_id", "url"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    url: Mapped[str] = mapped_column(Text)

    document: Mapped[Document] = relationship(back_populates="urls")


class IngestedInput(Base):
    """An input taken in before (its bytes and overrides hashed): a re-run skips it unparsed."""

    __tablename__ = "ingested_inputs"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    # The document it gave; None when the relevance prefilter found it off-topic.
    document_id: Mapped[str | None] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    outcome: Mapped[str] = mapped_column(String(20))  # stored | off_topic


class Person(Base):
    """A person; status is never stored: it is derived from accepted events."""

    __tablename__ = "persons"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    primary_name: Mapped[str] = mapped_column(String(300), index=True)
    gender: Mapped[str | None] = mapped_column(String(10))
    birth_date: Mapped[str | None] = mapped_column(String(10))
    country: Mapped[str | None] = mapped_column(String(80))
    # Fields imported from a registry (articles, prison, penalty, registry status, …).
    attributes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Names of attributes that public pages must not show.
    private_fields: Mapped[list[Any]] = mapped_column(JSON, default=list)
    merged_into: Mapped[str | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"))
    # True while the person exists only because the machine proposed them and no reviewer has
    # accepted that proposal; derived from the person's claims by the registry.
    proposed: Mapped[bool] = mapped_column(Boolean, default=False)
    kind: Mapped[str] = mapped_column(
        String(12), default="prisoner", server_default="prisoner", index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    names: Mapped[list[PersonName]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="PersonName.id"
    )
    external_ids: Mapped[list[ExternalId]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="ExternalId.id"
    )


class PersonName(Base):
    """One written form of a person's name, with its script, language and origin."""

    __tablename__ = "person_names"
    __table_args__ = (UniqueConstraint("person_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    # The name case-folded without accents, for substring search in any script on any database.
    search_key: Mapped[str] = mapped_column(String(300), index=True, default="")
    script: Mapped[str | None] = mapped_column(String(12))
    language: Mapped[str | None] = mapped_column(String(12))
    origin: Mapped[str] = mapped_column(String(12), default="manual")
    standard: Mapped[str | None] = mapped_column(String(40))
    document_id: Mapped[str | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(12), default="name")  # name | alias | maiden

    person: Mapped[Person] = relationship(back_populates="names")


class ExternalId(Base):
    """An outside identifier: a human-rights group's record id, a Wikidata id."""

    __tablename__ = "external_ids"
    __table_args__ = (UniqueConstraint("scheme", "value"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    scheme: Mapped[str] = mapped_column(String(40))
    value: Mapped[str] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(Text)

    person: Mapped[Person] = relationship(back_populates="external_ids")


class Deal(Base):
    """Events traded against each other, with the mediators."""

    __tablename__ = "deals"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    title: Mapped[str | None] = mapped_column(Text)
    mediators: Mapped[list[Any]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Event(Base):
    """A real-world event; several documents may report it (through their claims)."""

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_type_date", "type", "date_value"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    type: Mapped[str] = mapped_column(String(30))
    date_value: Mapped[str | None] = mapped_column(String(10))
    date_precision: Mapped[str | None] = mapped_column(String(5))  # year | month | day
    date_text: Mapped[str | None] = mapped_column(Text)
    count: Mapped[int | None] = mapped_column(Integer)
    count_qualifier: Mapped[str | None] = mapped_column(String(20))
    actor: Mapped[str | None] = mapped_column(String(300))
    target_country: Mapped[str | None] = mapped_column(String(80))
    place: Mapped[str | None] = mapped_column(String(300))
    destination: Mapped[list[Any]] = mapped_column(JSON, default=list)
    object: Mapped[str | None] = mapped_column(String(300))
    background: Mapped[bool] = mapped_column(Boolean, default=False)
    # The day events are compared by (event date, else first publication date): an index for
    # finding the same event reported again, kept in step by the registry.
    anchor_date: Mapped[str | None] = mapped_column(String(10), index=True)
    deal_id: Mapped[str | None] = mapped_column(
        ForeignKey("deals.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    persons: Mapped[list[EventPerson]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EventPerson.id"
    )


class EventPerson(Base):
    """A person's part in an event: affected, negotiator, actor, mediator."""

    __tablename__ = "event_persons"
    __table_args__ = (UniqueConstraint("event_id", "person_id", "role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20), default="affected")

    event: Mapped[Event] = relationship(back_populates="persons")


class Claim(Base):
    """One proposed fact with its evidence, extractor version, confidence, reason and state."""

    __tablename__ = "claims"
    __table_args__ = (
        Index("ix_claims_state_kind", "state", "kind"),
        Index("ix_claims_subject", "subject_type", "subject_id"),
    )

    # Keyed by content: the same fact from the same span of the same document has the same id.
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    subject_type: Mapped[str] = mapped_column(String(20))  # event | person | deal
    subject_id: Mapped[str] = mapped_column(String(40))
    property: Mapped[str] = mapped_column(String(40))
    value: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # For person links, the person the value names: an indexed copy of value["person_id"], so
    # "which events involve this person" needs no JSON query (kept in step by the registry).
    person_id: Mapped[str | None] = mapped_column(String(40), index=True)
    document_id: Mapped[str | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), index=True
    )
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    quote: Mapped[str | None] = mapped_column(Text)
    extractor_version: Mapped[str | None] = mapped_column(String(40))
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    reason: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(12), default="proposed")
    superseded_by: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    decided_by: Mapped[str | None] = mapped_column(String(100))


class AuditLog(Base):
    """Who changed what, when, and why; nothing is deleted silently."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))
    record_type: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[str] = mapped_column(String(40), index=True)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reason: Mapped[str | None] = mapped_column(Text)
    undone_by: Mapped[int | None] = mapped_column(Integer)


class User(Base):
    """Someone who logs in to the reviewer workspace, with one role."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(12), default="viewer")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Raised by logout, a password change or removal: cookies of older versions stop working.
    session_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class ApiToken(Base):
    """A bearer token for the JSON API; only its hash is kept."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
