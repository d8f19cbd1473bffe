"""The Atom feed of newly accepted events: all, per country, or per person."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from prisonwatch.db.models import utcnow
from prisonwatch.registry.feed import FeedEntry, accepted_feed
from prisonwatch.web import urls
from prisonwatch.web.deps import read_db

router = APIRouter()
ATOM = "http://www.w3.org/2005/Atom"


def _stamp(entry: FeedEntry | None) -> str:
    when = entry.accepted_at if entry else utcnow()
    return when.replace(microsecond=0).isoformat() + "Z"


def atom(entries: list[FeedEntry], *, base: str, self_url: str, title: str) -> bytes:
    """Return the entries as an Atom 1.0 document."""
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(root, f"{{{ATOM}}}title").text = title
    ET.SubElement(root, f"{{{ATOM}}}id").text = base + self_url
    ET.SubElement(root, f"{{{ATOM}}}updated").text = _stamp(entries[0] if entries else None)
    ET.SubElement(root, f"{{{ATOM}}}link", href=base + self_url, rel="self")
    author = ET.SubElement(root, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = "prisonwatch"
    for entry in entries:
        item = ET.SubElement(root, f"{{{ATOM}}}entry")
        link = base + urls.event(entry.event_id)
        ET.SubElement(item, f"{{{ATOM}}}id").text = link
        ET.SubElement(item, f"{{{ATOM}}}title").text = entry.title
        ET.SubElement(item, f"{{{ATOM}}}updated").text = _stamp(entry)
        ET.SubElement(item, f"{{{ATOM}}}link", href=link)
        summary = "Sources: " + "; ".join(entry.sources) if entry.sources else "No source listed"
        ET.SubElement(item, f"{{{ATOM}}}summary").text = summary
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


@router.get(urls.FEED, name="feed", response_class=Response, include_in_schema=False)
def feed(
    request: Request,
    country: str | None = Query(None, max_length=80, description="Only events in this country."),
    person: str | None = Query(None, max_length=40, description="Only events of this person."),
    session: Session = Depends(read_db),
) -> Response:
    """Newly accepted events as Atom, all or of one country or person."""
    entries = accepted_feed(session, country=country or None, person_id=person or None)
    title = "prisonwatch: newly accepted events"
    if country:
        title += f" in {country}"
    if person:
        title += f" of person {person}"
    base = str(request.base_url).rstrip("/")
    body = atom(
        entries,
        base=base,
        self_url=urls.feed(country=country, person=person),
        title=title,
    )
    return Response(body, media_type="application/atom+xml")
