"""The home page: current counts, people held and released over time, latest events and deals."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy.orm import Session

from prisonwatch.registry.stats import counts_from, in_country
from prisonwatch.web import urls
from prisonwatch.web.deps import read_db
from prisonwatch.web.items import event_item
from prisonwatch.web.queries import LATEST, Snapshot
from prisonwatch.web.render import page
from prisonwatch.web.schemas import Counts, DealItem, HomeContext, PeriodRow

router = APIRouter()


def _counts(snapshot: Snapshot) -> Counts:
    people = snapshot.public_persons()
    states = [p.status.state for p in people]
    return Counts(
        persons=len(people),
        held=states.count("held"),
        released=states.count("released"),
        died_in_custody=states.count("died in custody"),
        status_unknown=states.count("unknown"),
        events=len(snapshot.events),
        deals=len(snapshot.deals),
        documents=snapshot.documents,
        claims_proposed=snapshot.claims_proposed,
    )


@page(router, urls.HOME, name="home", template="home.html", model=HomeContext)
def home(
    request: Request,
    country: str | None = Query(None, max_length=80, description="Count this country only."),
    session: Session = Depends(read_db),
) -> HomeContext:
    """The registry at a glance: counts, counts over time, latest events and deals."""
    snapshot, over_time = request.app.state.snapshots.get(session)
    if country:
        events, steps = in_country(snapshot.events, snapshot.steps, country)
        over_time = counts_from(events, snapshot.event_size, steps)
    return HomeContext(
        country=country or None,
        countries=snapshot.event_countries,
        counts=_counts(snapshot),
        over_time=[PeriodRow(**row.__dict__) for row in over_time],
        latest_events=[event_item(e) for e in snapshot.events[:LATEST]],
        latest_deals=[DealItem(url=urls.deal(d["id"]), **d) for d in snapshot.deals[:LATEST]],
    )
