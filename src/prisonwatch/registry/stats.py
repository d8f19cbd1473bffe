"""Counts over time: arrests, releases and people held, by day or month, and release waves."""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from prisonwatch.db.models import Person
from prisonwatch.registry.events import accepted_events
from prisonwatch.registry.timeline import accepted_steps

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


def release_waves(session: Session) -> list[Wave]:
    """Group accepted release-like events into waves: by deal, else by date."""
    groups: dict[str, list[Any]] = defaultdict(list)
    for event in accepted_events(session, types=RELEASE_TYPES):
        if event.background and not event.deal_id:
            continue
        key = event.deal_id or f"date:{event.date_value or event.anchor_date or event.id}"
        groups[key].append(event)
    waves = []
    for events in groups.values():
        freed = [e.count or len(e.persons) for e in events if e.type in ("release", "pardon")]
        moved = [e.count or len(e.persons) for e in events if e.type in ("transfer", "deportation")]
        released = max(freed) if freed else (max(moved) if moved else 0)
        dates = sorted(e.date_value for e in events if e.date_value)
        anchors = sorted(e.anchor_date for e in events if e.anchor_date)
        waves.append(
            Wave(
                date=dates[-1] if dates else (anchors[-1] if anchors else None),
                released=released,
                deal_id=events[0].deal_id,
                event_ids=sorted(e.id for e in events),
                types=sorted({e.type for e in events}),
                destinations=sorted({d for e in events for d in e.destination or []}),
            )
        )
    return sorted(waves, key=lambda w: (w.date or "", w.event_ids))


def _held_intervals(session: Session) -> list[tuple[str, str | None]]:
    ids = list(session.scalars(select(Person.id).where(Person.merged_into.is_(None))))
    intervals: list[tuple[str, str | None]] = []
    for steps in accepted_steps(session, ids).values():
        start: str | None = None
        for step in steps:
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


def counts_over_time(session: Session, *, by: str = "month") -> list[PeriodCount]:
    """Return arrests, releases and people held per period, oldest first."""
    rows: dict[str, PeriodCount] = {}

    def row(period: str) -> PeriodCount:
        return rows.setdefault(period, PeriodCount(period=period))

    for event in accepted_events(session, types=("arrest",)):
        period = _period(event.date_value, by)
        if period and not event.background:
            row(period).arrested += event.count or len(event.persons) or 1
        elif period:
            row(period).arrested += len(event.persons) or (event.count or 0)
    for wave in release_waves(session):
        period = _period(wave.date, by)
        if period:
            row(period).released += wave.released
    intervals = _held_intervals(session)
    for start, _end in intervals:
        period = _period(start, by)
        if period:
            row(period)
    for period, item in rows.items():
        item.held_at_end = sum(
            1
            for start, end in intervals
            if start[: len(period)] <= period and (end is None or end[: len(period)] > period)
        )
    return [rows[p] for p in sorted(rows)]


def write_csv(rows: list[PeriodCount], out: IO[str]) -> None:
    """Write period counts as CSV."""
    writer = csv.DictWriter(
        out, fieldnames=list(PeriodCount.__dataclass_fields__), lineterminator="\n"
    )
    writer.writeheader()
    for item in rows:
        writer.writerow(asdict(item))


def write_chart(rows: list[PeriodCount], path: Path, *, title: str = "Political prisoners") -> Path:
    """Draw released and held counts over time into a PNG or SVG file (by its suffix)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 4), dpi=100)
    periods = [r.period for r in rows]
    positions = list(range(len(periods)))
    ax.bar(positions, [r.released for r in rows], color="#2a9d8f", label="released")
    ax.bar(positions, [-r.arrested for r in rows], color="#e76f51", label="arrested (below 0)")
    ax.plot(
        positions, [r.held_at_end for r in rows], color="#264653", marker="o", label="held, known"
    )
    ax.axhline(0, color="#999", linewidth=0.8)
    ax.set_xticks(positions, periods, rotation=45, ha="right", fontsize=8)
    ax.set_title(title)
    ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format=path.suffix.lstrip(".").lower() or "png")
    plt.close(fig)
    return path
