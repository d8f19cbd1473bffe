"""Counts over time: arrests, releases and people held, by day or month, and release waves.

The figures come from a few bulk reads (accepted events, their sizes, everyone's steps), so
they stay fast at 100,000 events; the pure ``*_from`` functions let a caller that already holds
those rows (the web's snapshot) compute the same figures.
"""

from __future__ import annotations

import csv
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from prisonwatch.db.models import Event, EventPerson
from prisonwatch.registry.events import accepted_events
from prisonwatch.registry.timeline import Step, accepted_clause, accepted_steps

RELEASE_TYPES = ("release", "pardon", "transfer", "deportation")


@dataclass
class Wave:
    """A release wave: accepted release-like events of one deal (or one date) with a count."""

    date: str | None
    released: int
    deal_id: str | None
    event_ids: list[str]
    types: list[str]
    destinations: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """Return the wave as a JSON object."""
        return asdict(self)


@dataclass
class PeriodCount:
    """What happened in one period and how many known persons were held at its end."""

    period: str
    arrested: int = 0
    released: int = 0
    held_at_end: int = 0


def _period(date: str | None, by: str) -> str | None:
    if not date:
        return None
    size = 10 if by == "day" else 7
    return date[:size] if len(date) >= size else None


def event_sizes(session: Session) -> dict[str, int]:
    """Return how many linked persons each accepted event has."""
    stmt = (
        select(EventPerson.event_id, func.count())
        .join(Event, Event.id == EventPerson.event_id)
        .where(accepted_clause())
        .group_by(EventPerson.event_id)
    )
    return {event_id: int(n) for event_id, n in session.execute(stmt)}


def waves_from(events: Sequence[Event], sizes: Mapping[str, int]) -> list[Wave]:
    """Group accepted release-like events into waves: by deal, else by date."""
    groups: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        if event.type not in RELEASE_TYPES or (event.background and not event.deal_id):
            continue
        key = event.deal_id or f"date:{event.date_value or event.anchor_date or event.id}"
        groups[key].append(event)
    waves = []
    for members in groups.values():
        size = {e.id: e.count or sizes.get(e.id, 0) for e in members}
        freed = [size[e.id] for e in members if e.type in ("release", "pardon")]
        moved = [size[e.id] for e in members if e.type in ("transfer", "deportation")]
        dates = sorted(e.date_value for e in members if e.date_value)
        anchors = sorted(e.anchor_date for e in members if e.anchor_date)
        waves.append(
            Wave(
                date=dates[-1] if dates else (anchors[-1] if anchors else None),
                released=max(freed) if freed else (max(moved) if moved else 0),
                deal_id=members[0].deal_id,
                event_ids=sorted(e.id for e in members),
                types=sorted({e.type for e in members}),
                destinations=sorted({d for e in members for d in e.destination or []}),
            )
        )
    return sorted(waves, key=lambda w: (w.date or "", w.event_ids))


def held_intervals(steps: Mapping[str, Sequence[Step]]) -> list[tuple[str, str | None]]:
    """Return each known spell in custody as (from, until or None), from dated steps."""
    intervals: list[tuple[str, str | None]] = []
    for own in steps.values():
        start: str | None = None
        for step in own:
            if step.role != "affected" or not step.date:
                continue
            if step.type in ("arrest", "sentence") and start is None:
                start = step.date
            elif step.type in (*RELEASE_TYPES, "death_in_custody") and start is not None:
                intervals.append((start, step.date))
                start = None
        if start is not None:
            intervals.append((start, None))
    return intervals


def counts_from(
    events: Sequence[Event],
    sizes: Mapping[str, int],
    steps: Mapping[str, Sequence[Step]],
    *,
    by: str = "month",
) -> list[PeriodCount]:
    """Return arrests, releases and people held per period, oldest first."""
    rows: dict[str, PeriodCount] = {}
    for event in events:
        period = _period(event.date_value, by)
        if event.type != "arrest" or not period:
            continue
        people = sizes.get(event.id, 0)
        # A recounted (background) arrest adds the people named, not a group count.
        added = (people or (event.count or 0)) if event.background else (event.count or people or 1)
        rows.setdefault(period, PeriodCount(period=period)).arrested += added
    for wave in waves_from(events, sizes):
        period = _period(wave.date, by)
        if period:
            rows.setdefault(period, PeriodCount(period=period)).released += wave.released
    intervals = held_intervals(steps)
    for start, _end in intervals:
        period = _period(start, by)
        if period:
            rows.setdefault(period, PeriodCount(period=period))
    periods = sorted(rows)
    size = 10 if by == "day" else 7
    # A sweep over the sorted periods instead of comparing every interval with every period.
    delta = [0] * (len(periods) + 1)
    for start, end in intervals:
        first = bisect_left(periods, start[:size])
        last = len(periods) if end is None else bisect_left(periods, end[:size])
        if last > first:
            delta[first] += 1
            delta[last] -= 1
    held = 0
    for index, period in enumerate(periods):
        held += delta[index]
        rows[period].held_at_end = held
    return [rows[p] for p in periods]


def in_country(
    events: Sequence[Event], steps: Mapping[str, Sequence[Step]], country: str | None
) -> tuple[list[Event], dict[str, list[Step]]]:
    """Return only the events of one country (all when None) and the steps they make."""
    if not country:
        return list(events), {k: list(v) for k, v in steps.items()}
    wanted = country.casefold()
    kept = [e for e in events if (e.target_country or "").casefold() == wanted]
    ids = {e.id for e in kept}
    return kept, {k: [s for s in v if s.event_id in ids] for k, v in steps.items()}


def release_waves(session: Session, *, country: str | None = None) -> list[Wave]:
    """Return the release waves of the accepted events (of one country when given)."""
    events, _ = in_country(accepted_events(session, types=RELEASE_TYPES), {}, country)
    return waves_from(events, event_sizes(session))


def counts_over_time(
    session: Session, *, by: str = "month", country: str | None = None
) -> list[PeriodCount]:
    """Return arrests, releases and people held per period, oldest first (of one country)."""
    events, steps = in_country(accepted_events(session), accepted_steps(session, None), country)
    return counts_from(events, event_sizes(session), steps, by=by)


def period_position(period: str) -> float:
    """Return a period (YYYY-MM or YYYY-MM-DD) as months since year 0, so axes keep time."""
    year, month = int(period[:4]), int(period[5:7]) if len(period) >= 7 else 1
    day = int(period[8:10]) if len(period) >= 10 else 1
    return year * 12 + (month - 1) + (day - 1) / 31


def write_csv(rows: list[PeriodCount], out: IO[str]) -> None:
    """Write period counts as CSV."""
    fields = list(PeriodCount.__dataclass_fields__)
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for item in rows:
        writer.writerow(asdict(item))


def write_chart(rows: list[PeriodCount], path: Path, *, title: str = "Political prisoners") -> Path:
    """Draw released and held counts over time into a PNG or SVG file (by its suffix)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 4), dpi=100)
    # Positions in years, proportional to time: 2021-07 and 2025-06 stand four years apart.
    positions = [period_position(r.period) / 12 for r in rows]
    width = 0.06 if rows and len(rows[0].period) <= 7 else 0.01
    ax.bar(positions, [r.released for r in rows], width, color="#2a9d8f", label="released")
    ax.bar(
        positions, [-r.arrested for r in rows], width, color="#e76f51", label="arrested (below 0)"
    )
    ax.step(
        positions,
        [r.held_at_end for r in rows],
        where="post",
        color="#264653",
        label="held, known",
    )
    ax.axhline(0, color="#999", linewidth=0.8)
    ax.set_xlabel("year")
    ax.set_ylabel("people")
    ax.set_title(title)
    ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format=path.suffix.lstrip(".").lower() or "png")
    plt.close(fig)
    return path
