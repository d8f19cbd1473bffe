"""Result records of event extraction, each writing itself in the EVAL.md JSON format."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from prisonwatch.documents import CleanDocument


@dataclass
class Evidence:
    """A verbatim quote from the cleaned text with its character span."""

    start: int  # offset of the first character in the cleaned text
    end: int  # offset after the last character
    quote: str  # the text between start and end, verbatim

    def to_json(self) -> dict[str, Any]:
        """Return the EVAL.md form of this evidence."""
        return {"start": self.start, "end": self.end, "quote": self.quote}


@dataclass
class PersonMention:
    """A person an event names, written as in the text, with the span of one mention."""

    name: str  # the first full form of the name in the text
    start: int  # span of the mention that tied the person to the event
    end: int
    role: str  # prisoner, negotiator (the only roles events carry)

    def to_json(self) -> dict[str, Any]:
        """Return this mention as a JSON object."""
        return {"name": self.name, "start": self.start, "end": self.end, "role": self.role}


@dataclass
class ExtractedEvent:
    """One event the text states, with its arguments, evidence, confidence and reason."""

    type: str  # one of EVENT_TYPES
    date: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD, only at the precision the text gives
    date_precision: str | None = None  # year, month, day
    date_text: str | None = None  # the words the date came from, even when it stays unresolved
    count: int | None = None  # size of the whole group, when the text gives one
    count_qualifier: str | None = None  # at least, about, more than, up to, dozens
    persons: list[PersonMention] = field(default_factory=list)  # people it happened to
    actor: str | None = None  # who did it, normalised to English
    target_country: str | None = None  # country holding or acting on the prisoners
    destination: list[str] = field(default_factory=list)  # receiving countries of a move
    object: str | None = None  # what a sanction covers: potash, an airline
    background: bool = False  # an earlier or side event the article only recounts
    evidence: list[Evidence] = field(default_factory=list)  # the sentences that state it
    confidence: float = 0.0  # 0..1, from the tunables in the extract section
    reason: str = ""  # readable account of the rules that fired
    term: str | None = None  # prison term of a sentence, as written ("five years")
    date_inferred: bool = False  # date taken from another event the text ties this one to

    def to_json(self) -> dict[str, Any]:
        """Return the EVAL.md form of this event, plus date and person details."""
        return {
            "type": self.type,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "date_inferred": self.date_inferred,
            "count": self.count,
            "count_qualifier": self.count_qualifier,
            "persons": [p.name for p in self.persons],
            "person_spans": [p.to_json() for p in self.persons],
            "actor": self.actor,
            "target_country": self.target_country,
            "destination": list(self.destination),
            "object": self.object,
            "term": self.term,
            "background": self.background,
            "evidence": [e.to_json() for e in self.evidence],
            "confidence": round(self.confidence, 3),
            "reason": self.reason,
        }


@dataclass
class ExtractedDeal:
    """Events that the text ties together as traded against each other."""

    events: list[int]  # indexes into Extraction.events
    evidence: list[Evidence] = field(default_factory=list)  # the sentences that tie them
    mediators: list[str] = field(default_factory=list)  # people or countries that brokered it

    def to_json(self) -> dict[str, Any]:
        """Return the EVAL.md form of this deal."""
        return {
            "events": list(self.events),
            "evidence": [e.to_json() for e in self.evidence],
            "mediators": list(self.mediators),
        }


@dataclass
class Extraction:
    """Everything extracted from one document, or the reason nothing was."""

    document: CleanDocument  # the cleaned document the spans point into
    events: list[ExtractedEvent] = field(default_factory=list)
    deals: list[ExtractedDeal] = field(default_factory=list)
    language: str | None = None  # the language the extractor decided on
    skipped_reason: str | None = None  # why no extraction ran (language, empty text)
    truncated_at: int | None = None  # characters read when the text was longer than the limit

    def to_json(self) -> dict[str, Any]:
        """Return the EVAL.md document: document, events, deals (and why, when skipped)."""
        doc = self.document
        out: dict[str, Any] = {
            "document": {
                "title": doc.title,
                "published": doc.published,
                "language": self.language,
                "text": doc.text,
            },
            "events": [e.to_json() for e in self.events],
            "deals": [d.to_json() for d in self.deals],
        }
        if self.skipped_reason:
            out["skipped_reason"] = self.skipped_reason
        if self.truncated_at is not None:
            out["truncated_at"] = self.truncated_at
        return out
