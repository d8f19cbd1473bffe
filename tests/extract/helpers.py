"""Small helpers for the extraction tests."""

from __future__ import annotations

from prisonwatch.documents import CleanDocument
from prisonwatch.extract import ExtractedEvent, extract
from prisonwatch.extract.english import EnglishFrontEnd


def events(text: str, published: str | None = "2025-09-12") -> list[ExtractedEvent]:
    """Return the events the whole flow (patterns, then the model) extracts from ``text``."""
    return extract(CleanDocument(text=text, published=published)).events


def proposed(text: str, published: str | None = "2025-09-12") -> list[ExtractedEvent]:
    """Return the events the English patterns propose for ``text``, before the model decides."""
    document = CleanDocument(text=text, published=published)
    (proposal,) = EnglishFrontEnd().propose_many([document])
    return [
        c.proposal
        for c in proposal.candidates
        if not any(k.startswith("filter=") for k in c.features)
    ]


def types(text: str, published: str | None = "2025-09-12") -> list[str]:
    """Return the event types extracted from ``text``, in order."""
    return [e.type for e in events(text, published)]


def one(text: str, kind: str, published: str | None = "2025-09-12") -> ExtractedEvent:
    """Return the single proposed event of type ``kind`` in ``text`` (fails when not one)."""
    found = [e for e in proposed(text, published) if e.type == kind]
    assert len(found) == 1, f"expected one {kind} in {text!r}, got {found}"
    return found[0]
