"""Readable labels where people expect names: a source by title, outlet, date; a deal; a claim."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from prisonwatch.registry import claims as kinds


def source_label(source: Mapping[str, Any] | Any) -> str:
    """Return a source as "title, outlet, date" (the address when it has no title)."""
    data = source if isinstance(source, Mapping) else source.__dict__
    title = data.get("title") or data.get("url") or "untitled document"
    parts = [str(title)]
    for key in ("publisher", "published"):
        if data.get(key) and str(data[key]) not in parts[0]:
            parts.append(str(data[key]))
    return ", ".join(parts)


def sources_label(sources: Iterable[Mapping[str, Any] | Any], *, sep: str = "; ") -> str:
    """Return several sources as readable labels, one after another."""
    return sep.join(source_label(s) for s in sources)


def _count(event: Mapping[str, Any]) -> str:
    if not event.get("count"):
        return ""
    return f"{event.get('count_qualifier') or ''} {event['count']}".replace("_", " ").strip()


def event_label(event: Mapping[str, Any]) -> str:
    """Return an event as "release of 52 by Belarus to Lithuania, 2025-09-11"."""
    what = str(event.get("type") or "event").replace("_", " ")
    count = _count(event)
    if count:
        what += f" of {count}"
    if event.get("object"):
        what += f" on {event['object']}"
    if event.get("actor"):
        what += f" by {event['actor']}"
    if event.get("destination"):
        what += " to " + ", ".join(event["destination"])
    date = event.get("date") or event.get("date_value")
    return f"{what}, {date}" if date else what


def deal_label(date: str | None, parts: Mapping[str, Any]) -> str:
    """Return a deal as its date and what was exchanged: "2025-09-11: release of 52 ⇄ …"."""
    given = [event_label({**e, "date": None}) for e in parts.get("releases", [])]
    given += [event_label({**e, "date": None}) for e in parts.get("transfers", [])]
    got = [event_label({**e, "date": None}) for e in parts.get("concessions", [])]
    text = "; ".join(given) or "releases not yet accepted"
    if got:
        text += " ⇄ " + "; ".join(got)
    return f"{date}: {text}" if date else text


def claim_label(kind: str, value: Mapping[str, Any]) -> str:
    """Return what a claim says in words: "Ihar Losik was affected in this event"."""
    if kind == kinds.EVENT:
        return "event: " + event_label(value)
    if kind == kinds.EVENT_PERSON:
        return f"{value.get('name')} took part as {value.get('role', 'affected')}"
    if kind == kinds.DEAL_MEMBER:
        mediators = ", ".join(value.get("mediators") or [])
        return "part of a deal" + (f" mediated by {mediators}" if mediators else "")
    if kind == kinds.PERSON:
        return f"{value.get('name')} is a person not yet in the registry"
    return f"{kind}: {value}"
