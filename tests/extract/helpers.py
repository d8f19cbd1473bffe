"""Small helpers for the extraction tests."""

from __future__ import annotations

from prisonwatch.documents import CleanDocument
from prisonwatch.extract import ExtractedEvent, extract


def events(text: str, published: str | None = "2025-09-12") -> list[ExtractedEvent]:
    """Return the events extracted from ``text``."""
    return extract(CleanDocument(text=text, published=published)).events


def types(text: str, published: str | None = "2025-09-12") -> list[str]:
    """Return the event types extracted from ``text``, in order."""
    return [e.type for e in events(text, published)]


def one(text: str, kind: str, published: str | None = "2025-09-12") -> ExtractedEvent:
    """Return the single event of type ``kind`` in ``text`` (fails when there is not one)."""
    found = [e for e in events(text, published) if e.type == kind]
    assert len(found) == 1, f"expected one {kind} in {text!r}, got {found}"
    return found[0]
