"""Event extraction from English news: events with arguments, evidence, confidence and deals."""

from __future__ import annotations

from prisonwatch.extract.core import EXTRACTOR_VERSION, extract, extract_many
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
