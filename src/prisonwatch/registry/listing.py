"""Lists of events, deals and documents with filters (type, country, dates, review) and sorting."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from prisonwatch.db.models import Claim, Document, Event
from prisonwatch.errors import InputError
from prisonwatch.registry import claims as kinds
from prisonwatch.registry.deals import DealView, list_deals
from prisonwatch.registry.describe import deal_label, event_label, source_label
from prisonwatch.registry.events import event_summary

_BOUND = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
REVIEW_STATES = ("accepted", "proposed", "any")
EVENT_SORTS = ("newest", "oldest", "count", "type")
DOCUMENT_SORTS = ("newest", "oldest", "ingested", "title")


@dataclass
class ListFilters:
    """What a list keeps: types, a country, a date range, a review state; and its order."""

    types: tuple[str, ...] = ()
    country: str | None = None
    since: str | None = None
    until: str | None = None
    review: str = "accepted"
    sort: str = "newest"
    publisher: str | None = None

    def check(self, sorts: tuple[str, ...]) -> ListFilters:
        """Return the filters with their dates and choices checked; raise InputError."""
        if self.review not in REVIEW_STATES:
            raise InputError(f"review {self.review!r}: write {', '.join(REVIEW_STATES)}")
        if self.sort not in sorts:
            raise InputError(f"sort {self.sort!r}: write {', '.join(sorts)}")
        for name in ("since", "until"):
            value = getattr(self, name)
            # Bounds are compared as text, so only the shape matters: 2021-02-31 bounds fine.
            if value and not _BOUND.match(value):
                raise InputError(
                    f"{name} {value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"
                )
        return self


@dataclass
class Page:
    """One page of a list and the total it was cut from."""

    total: int
    items: list[dict[str, Any]] = field(default_factory=list)


def _state_clause(review: str) -> Any:
    accepted = (
        select(Claim.id)
        .where(Claim.subject_id == Event.id, Claim.kind == kinds.EVENT, Claim.state == "accepted")
        .exists()
    )
    proposed = (
        select(Claim.id)
        .where(Claim.subject_id == Event.id, Claim.kind == kinds.EVENT, Claim.state == "proposed")
        .exists()
    )
    if review == "accepted":
        return accepted
    if review == "proposed":
        return proposed & ~accepted
    return accepted | proposed


def _until(value: str) -> str:
    # "2025" or "2025-06" as an upper bound covers the whole year or month.
    return value + "-99" * (2 - value.count("-"))


def list_events(
    session: Session, filters: ListFilters, *, limit: int = 50, offset: int = 0
) -> Page:
    """Return a page of events filtered and sorted; "newest" puts undated events last."""
    filters.check(EVENT_SORTS)
    stmt = select(Event).where(_state_clause(filters.review))
    if filters.types:
        stmt = stmt.where(Event.type.in_(filters.types))
    if filters.country:
        stmt = stmt.where(func.lower(Event.target_country) == filters.country.casefold())
    if filters.since:
        stmt = stmt.where(Event.date_value >= filters.since)
    if filters.until:
        stmt = stmt.where(Event.date_value <= _until(filters.until))
    undated = case((Event.date_value.is_(None), 1), else_=0)
    orders: dict[str, list[Any]] = {
        "newest": [undated, Event.date_value.desc(), Event.anchor_date.desc()],
        "oldest": [undated, Event.date_value.asc(), Event.anchor_date.asc()],
        "count": [case((Event.count.is_(None), 1), else_=0), Event.count.desc()],
        "type": [Event.type, undated, Event.date_value.desc()],
    }
    order = orders[filters.sort]
    total = int(session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)
    rows = session.scalars(stmt.order_by(*order, Event.id).limit(limit).offset(offset))
    items = []
    for event in rows:
        item = event_summary(event)
        item["label"] = event_label(item)
        item["reported"] = event.anchor_date
        items.append(item)
    return Page(total, items)


def _deal_country(view: DealView) -> set[str]:
    return {
        str(e.get("target_country")).casefold()
        for part in view.parts.values()
        for e in part
        if e.get("target_country")
    }


def list_deal_views(
    session: Session, filters: ListFilters, *, limit: int = 50, offset: int = 0
) -> Page:
    """Return a page of deals (date and what was exchanged), filtered by country and dates."""
    filters.check(("newest", "oldest", "released"))
    views = list_deals(session, accepted_only=filters.review == "accepted")
    if filters.country:
        views = [v for v in views if filters.country.casefold() in _deal_country(v)]
    if filters.since:
        views = [v for v in views if v.date and v.date >= filters.since]
    if filters.until:
        views = [v for v in views if v.date and v.date <= _until(filters.until)]
    dated = [v for v in views if v.date]
    undated = [v for v in views if not v.date]
    if filters.sort == "oldest":
        dated.sort(key=lambda v: (v.date or "", v.id))
    elif filters.sort == "released":
        dated.sort(key=lambda v: -(v.released or 0))
    views = dated + undated
    items = []
    for view in views[offset : offset + limit]:
        data = view.to_json()
        data["label"] = deal_label(view.date, view.parts)
        items.append(data)
    return Page(len(views), items)


def list_documents(
    session: Session, filters: ListFilters, *, limit: int = 50, offset: int = 0
) -> Page:
    """Return a page of documents by title, outlet and date, with their claims by state."""
    filters.check(DOCUMENT_SORTS)
    stmt = select(Document)
    if filters.publisher:
        stmt = stmt.where(func.lower(Document.publisher) == filters.publisher.casefold())
    if filters.since:
        stmt = stmt.where(Document.published >= filters.since)
    if filters.until:
        stmt = stmt.where(Document.published <= _until(filters.until))
    pending = (
        select(Claim.id).where(Claim.document_id == Document.id, Claim.state == "proposed").exists()
    )
    if filters.review == "proposed":
        stmt = stmt.where(pending)
    elif filters.review == "accepted":
        stmt = stmt.where(~pending)
    undated = case((Document.published.is_(None), 1), else_=0)
    orders: dict[str, list[Any]] = {
        "newest": [undated, Document.published.desc()],
        "oldest": [undated, Document.published.asc()],
        "ingested": [Document.ingested_at.desc()],
        "title": [Document.title],
    }
    order = orders[filters.sort]
    total = int(session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)
    docs = list(session.scalars(stmt.order_by(*order, Document.id).limit(limit).offset(offset)))
    counts: dict[str, dict[str, int]] = {d.id: {} for d in docs}
    if docs:
        rows = session.execute(
            select(Claim.document_id, Claim.state, func.count())
            .where(Claim.document_id.in_(list(counts)))
            .group_by(Claim.document_id, Claim.state)
        )
        for doc_id, state, number in rows:
            counts[str(doc_id)][state] = int(number)
    items = [
        {
            "id": d.id,
            "title": d.title,
            "publisher": d.publisher,
            "published": d.published,
            "language": d.language,
            "url": d.canonical_url,
            "label": source_label(
                {"title": d.title, "publisher": d.publisher, "published": d.published}
            ),
            "claims": counts[d.id],
        }
        for d in docs
    ]
    return Page(total, items)
