"""Event extraction from news: front ends propose candidates, a trained model decides events."""

from __future__ import annotations

from prisonwatch.extract.flow import EXTRACTOR_VERSION, extract, extract_many
from prisonwatch.extract.model import (
    Evidence,
    ExtractedDeal,
    ExtractedEvent,
    Extraction,
    PersonMention,
)
from prisonwatch.extract.triggers import EVENT_TYPES, TRIGGERS

__all__ = [
    "EVENT_TYPES",
    "EXTRACTOR_VERSION",
    "TRIGGERS",
    "Evidence",
    "ExtractedDeal",
    "ExtractedEvent",
    "Extraction",
    "PersonMention",
    "extract",
    "extract_many",
]
