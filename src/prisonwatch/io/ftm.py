"""The registry as FollowTheMoney entities, readable by OpenSanctions and Aleph tools."""

from __future__ import annotations

import json
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from prisonwatch.db.models import Person
from prisonwatch.registry.events import accepted_events
from prisonwatch.registry.sources import sources_for

EVENT_NAMES = {
    "arrest": "Arrest",
    "sentence": "Sentence",
    "release": "Release",
    "pardon": "Pardon",
    "transfer": "Transfer abroad",
    "deportation": "Deportation",
    "sanctions_imposed": "Sanctions imposed",
    "sanctions_lifted": "Sanctions lifted",
    "negotiation": "Negotiation",
    "death_in_custody": "Death in custody",
}


def ftm_id(record_id: str) -> str:
    """Return the FtM id of a record (FtM ids allow letters, digits, dots and dashes only)."""
    return "pw-" + record_id.replace("_", "-")


def _person(person: Person) -> Any:
    from followthemoney import model

    proxy = model.make_entity("Person")
    proxy.id = ftm_id(person.id)
    proxy.add("name", person.primary_name)
    for name in person.names:
        if name.name != person.primary_name:
            proxy.add("alias", name.name)
    proxy.add("gender", person.gender)
    proxy.add("birthDate", person.birth_date)
    proxy.add("country", person.country, quiet=True, fuzzy=True)
    proxy.add("topics", "poi")
    for outside in person.external_ids:
        if outside.scheme == "wikidata":
            proxy.add("wikidataId", outside.value)
    return proxy


def export_ftm(session: Session, out: IO[str]) -> int:
    """Write persons and accepted events as FtM entities, one JSON object a line."""
    from followthemoney import model

    written = 0
    stmt = (
        select(Person)
        .where(Person.merged_into.is_(None), Person.proposed.is_(False), Person.kind == "prisoner")
        .options(selectinload(Person.names), selectinload(Person.external_ids))
        .order_by(Person.id)
    )
    known: set[str] = set()
    for person in session.scalars(stmt):
        out.write(json.dumps(_person(person).to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
        known.add(person.id)
        written += 1
    events = sorted(accepted_events(session), key=lambda e: e.id)
    found = sources_for(session, [e.id for e in events])
    for event in events:
        proxy = model.make_entity("Event")
        proxy.id = ftm_id(event.id)
        label = EVENT_NAMES[event.type] + (f" of {event.count}" if event.count else "")
        proxy.add("name", label)
        proxy.add("date", event.date_value)
        proxy.add("country", event.target_country, quiet=True, fuzzy=True)
        proxy.add("keywords", event.type)
        summary = [s.quote for s in found[event.id] if s.quote]
        proxy.add("summary", summary[:1])
        proxy.add("sourceUrl", [s.url for s in found[event.id] if s.url])
        for link in event.persons:
            if link.person_id in known:
                proxy.add("involved", ftm_id(link.person_id))
        out.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
        written += 1
    return written
