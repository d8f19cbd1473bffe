"""Records turned into the items pages show, with links built and private fields left out."""

from __future__ import annotations

from typing import Any

from prisonwatch.db.models import Event, Person
from prisonwatch.registry.sources import Source
from prisonwatch.web import urls
from prisonwatch.web.schemas import (
    EventItem,
    NameItem,
    Pagination,
    PublicPerson,
    SourceItem,
)

# Top-level person fields that a person's private_fields may also hide.
HIDEABLE = ("gender", "birth_date", "country")


def private(person: Person) -> set[str]:
    """Return the names of the fields public pages must not show for this person."""
    return {str(f) for f in (person.private_fields or [])}


def public_person(person: Person) -> PublicPerson:
    """Return a person without the fields listed in ``private_fields``."""
    hidden = private(person)
    shown: dict[str, Any] = {f: getattr(person, f) for f in HIDEABLE if f not in hidden}
    return PublicPerson(
        id=person.id,
        name=person.primary_name,
        names=[
            NameItem(name=n.name, script=n.script, origin=n.origin, kind=n.kind)
            for n in person.names
        ],
        external_ids={e.scheme: e.value for e in person.external_ids},
        attributes={k: v for k, v in (person.attributes or {}).items() if k not in hidden},
        proposed=bool(person.proposed),
        kind=person.kind or "prisoner",
        **shown,
    )


def event_item(event: Event) -> EventItem:
    """Return an event as a list item with its link."""
    return EventItem(
        id=event.id,
        url=urls.event(event.id),
        type=event.type,
        date=event.date_value,
        date_precision=event.date_precision,
        count=event.count,
        count_qualifier=event.count_qualifier,
        actor=event.actor,
        target_country=event.target_country,
        destination=list(event.destination or []),
        object=event.object,
        background=bool(event.background),
        deal_id=event.deal_id,
    )


def event_item_from(summary: dict[str, Any]) -> EventItem:
    """Return an event item from ``registry.events.event_summary``'s dict."""
    fields = {k: v for k, v in summary.items() if k in EventItem.model_fields}
    return EventItem(url=urls.event(summary["id"]), **fields)


def source_item(source: Source | dict[str, Any]) -> SourceItem:
    """Return a source with a link to its document, the quote highlighted."""
    data = source.to_json() if isinstance(source, Source) else dict(source)
    doc = data.get("document_id")
    link = urls.document(doc, data["claim_id"]) if doc else None
    return SourceItem(document_url=link, **data)


def paginate(total: int, page: int, per_page: int, build: Any, **params: Any) -> Pagination:
    """Return the pagination of a list, its neighbours built with ``build(**params, page=N)``."""
    pages = max(1, -(-total // per_page))
    return Pagination(
        page=page,
        per_page=per_page,
        total=total,
        pages=pages,
        prev_url=build(**params, page=page - 1, per_page=per_page) if page > 1 else None,
        next_url=build(**params, page=page + 1, per_page=per_page) if page < pages else None,
    )
