"""Hand-built documents and extractions for registry tests (invented articles, no spaCy)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from prisonwatch.db.models import Document
from prisonwatch.documents import CleanDocument, document_id
from prisonwatch.extract.model import (
    Evidence,
    ExtractedDeal,
    ExtractedEvent,
    Extraction,
    PersonMention,
)
from prisonwatch.registry.propose import ProposalReport, propose_extraction
from prisonwatch.registry.resolution import PersonResolver


def add_document(session: Session, text: str, *, published: str | None, url: str) -> Document:
    """Store a document row for ``text`` and return it."""
    from prisonwatch.db.models import DocumentURL

    row = Document(id=document_id(text), text=text, published=published, title=text[:40])
    row.urls.append(DocumentURL(url=url))
    session.add(row)
    session.flush()
    return row


def event(
    text: str, quote: str, type_: str, *, persons: tuple[str, ...] = (), **fields: Any
) -> ExtractedEvent:
    """Return an extracted event whose evidence and person spans point into ``text``."""
    start = text.index(quote)
    mentions = []
    for name in persons:
        at = text.index(name)
        role = "negotiator" if type_ == "negotiation" else "prisoner"
        mentions.append(PersonMention(name=name, start=at, end=at + len(name), role=role))
    return ExtractedEvent(
        type=type_,
        persons=mentions,
        evidence=[Evidence(start, start + len(quote), quote)],
        confidence=fields.pop("confidence", 0.9),
        reason=f"test: {type_}",
        **fields,
    )


def extraction(
    row: Document, events: list[ExtractedEvent], deals: list[list[int]] = ()
) -> Extraction:  # type: ignore[assignment]
    """Wrap events (and deals as lists of event indexes) into an Extraction of ``row``."""
    doc = CleanDocument(text=row.text, published=row.published)
    return Extraction(
        document=doc,
        events=events,
        deals=[ExtractedDeal(events=list(d), mediators=[]) for d in deals],
        language="en",
    )


RELEASE_A = (
    "Belarus freed 52 political prisoners on September 11, 2025, among them Mikalai Statkevich "
    "and Ihar Losik, after talks with US envoy John Coale. In exchange the United States lifted "
    "sanctions on the national airline Belavia."
)
RELEASE_B = (
    "Minsk released 52 prisoners, including Nikolai Statkevich, on Thursday. Igor Losik was "
    "also freed. Washington eased sanctions on Belavia as part of the deal."
)
RELEASE_C = "Belarus released 51 prisoners, including Statkevich's colleague Ihar Losik."


def propose_release_a(session: Session, resolver: PersonResolver) -> ProposalReport:
    """Store RELEASE_A and propose its release, talks and lifted sanctions as one deal."""
    row = add_document(session, RELEASE_A, published="2025-09-12", url="https://a.example/1")
    events = [
        event(
            RELEASE_A,
            "Belarus freed 52 political prisoners",
            "release",
            count=52,
            date="2025-09-11",
            date_precision="day",
            target_country="Belarus",
            persons=("Mikalai Statkevich", "Ihar Losik"),
        ),
        event(
            RELEASE_A,
            "after talks with US envoy John Coale",
            "negotiation",
            persons=("John Coale",),
            actor="United States",
            target_country="Belarus",
        ),
        event(
            RELEASE_A,
            "the United States lifted sanctions on the national airline Belavia",
            "sanctions_lifted",
            object="Belavia",
            actor="United States",
            target_country="Belarus",
        ),
    ]
    return propose_extraction(
        session, row, extraction(row, events, [[0, 1, 2]]), resolver, version="test"
    )
