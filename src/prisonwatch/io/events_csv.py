"""Accepted events as CSV: one row per event with its persons, deal and sources."""

from __future__ import annotations

from typing import IO

from sqlalchemy.orm import Session

from prisonwatch.db.models import Person
from prisonwatch.io.csvfile import SafeDictWriter
from prisonwatch.registry.describe import sources_label
from prisonwatch.registry.events import accepted_events, event_summary
from prisonwatch.registry.sources import sources_for

COLUMNS = (
    "id",
    "type",
    "date",
    "date_precision",
    "count",
    "count_qualifier",
    "actor",
    "target_country",
    "destination",
    "object",
    "background",
    "deal_id",
    "persons",
    "sources",
    "source_urls",
)


def export_events_csv(session: Session, out: IO[str]) -> int:
    """Write every accepted event as one CSV row; return the row count."""
    writer = SafeDictWriter(out, fieldnames=COLUMNS, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    events = sorted(accepted_events(session), key=lambda e: (e.anchor_date or "", e.id))
    found = sources_for(session, [e.id for e in events])
    rows = 0
    for event in events:
        row = event_summary(event)
        names = []
        for link in event.persons:
            person = session.get(Person, link.person_id)
            names.append(f"{person.primary_name if person else link.person_id} ({link.role})")
        row["destination"] = "|".join(row["destination"])
        row["persons"] = "|".join(names)
        row["sources"] = sources_label(found[event.id], sep="|")
        row["source_urls"] = "|".join(s.url or "" for s in found[event.id])
        writer.writerow(row)
        rows += 1
    return rows
