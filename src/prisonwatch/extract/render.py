"""A readable text view of an extraction: each event with its quote and reason."""

from __future__ import annotations

from prisonwatch.extract.model import ExtractedEvent, Extraction


def _line(index: int, event: ExtractedEvent) -> list[str]:
    parts = [f"[{index}] {event.type}"]
    if event.background:
        parts.append("(background)")
    if event.count is not None:
        parts.append(
            f"count={(event.count_qualifier + ' ') if event.count_qualifier else ''}{event.count}"
        )
    if event.date or event.date_text:
        parts.append(f"date={event.date or '?'} ({event.date_text})")
    if event.persons:
        parts.append("persons=" + ", ".join(p.name for p in event.persons))
    if event.actor:
        parts.append(f"actor={event.actor}")
    if event.destination:
        parts.append("to=" + ", ".join(event.destination))
    if event.object:
        parts.append(f"object={event.object}")
    lines = [" ".join(parts) + f"  confidence {event.confidence:.2f}"]
    for evidence in event.evidence[:3]:
        quote = " ".join(evidence.quote.split())
        lines.append(f"    “{quote}” [{evidence.start}:{evidence.end}]")
    lines.append(f"    why: {event.reason}")
    return lines


def render_text(extraction: Extraction) -> str:
    """Return the extraction as plain lines for a person to read."""
    doc = extraction.document
    head = f"{doc.title or doc.source or 'document'} — language {extraction.language or '?'}"
    if doc.published:
        head += f", published {doc.published}"
    lines = [head]
    if extraction.skipped_reason:
        lines.append(f"no events: {extraction.skipped_reason}")
        return "\n".join(lines)
    if not extraction.events:
        lines.append("no events found")
    for index, event in enumerate(extraction.events):
        lines.extend(_line(index, event))
    for deal in extraction.deals:
        quotes = "; ".join(e.quote for e in deal.evidence)
        mediators = f", mediators {', '.join(deal.mediators)}" if deal.mediators else ""
        lines.append(f"deal: events {deal.events}{mediators} — “{quotes}”")
    if extraction.truncated_at:
        lines.append(f"note: only the first {extraction.truncated_at} characters were read")
    return "\n".join(lines)
