"""The same-event candidates read at once are exactly those of one query per extracted event."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from benchmarks.bulk_bench import stage_results
from sqlalchemy import select

from prisonwatch.db.engine import dispose_engines, session_scope
from prisonwatch.db.migrate import upgrade
from prisonwatch.db.models import Claim, Event
from prisonwatch.ingest import IngestOptions
from prisonwatch.ingest.batch import BatchWriter
from prisonwatch.registry import claims as kinds
from prisonwatch.registry.flow import RegistryHook
from prisonwatch.registry.identity import EventFacts, SameEventFinder, _candidates
from prisonwatch.settings import Settings

pytestmark = pytest.mark.slow


def _shifted(day: str | None, days: int) -> str | None:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat() if day else None


def _variants(event: Event, persons: set[str]) -> list[EventFacts]:
    """Return facts that share one thing each with ``event``, or nothing at all."""
    plain = EventFacts(type=event.type)
    return [
        EventFacts(type=event.type, count=event.count),
        EventFacts(type=event.type, object=(event.object or "").upper() or None),
        EventFacts(type=event.type, anchor=event.anchor_date),
        EventFacts(type=event.type, anchor=_shifted(event.anchor_date, 40)),
        EventFacts(type=event.type, person_ids=set(persons)),
        EventFacts(type="release" if event.type != "release" else "arrest", count=event.count),
        plain,
    ]


def test_candidates_read_at_once_equal_one_query_each(tmp_path: Path, shared: Path) -> None:
    folder = tmp_path / "texts"
    folder.mkdir()
    for path in sorted((shared / "data" / "news_dev" / "texts").glob("*.txt")):
        shutil.copy(path, folder / path.name)
    settings = Settings(data_dir=tmp_path / "db")
    upgrade(settings)
    writer = BatchWriter(
        IngestOptions(extract=True, on_stored=RegistryHook(settings), near_duplicates=False),
        None,
        lambda: session_scope(settings),
    )
    writer.write(stage_results([folder]))  # type: ignore[arg-type]
    with session_scope(settings, write=False) as session:
        events = list(session.scalars(select(Event).order_by(Event.id)))
        links: dict[str, set[str]] = {}
        for subject, person in session.execute(
            select(Claim.subject_id, Claim.person_id).where(Claim.kind == kinds.EVENT_PERSON)
        ):
            if person:
                links.setdefault(subject, set()).add(person)
        facts: list[EventFacts] = [f for e in events for f in _variants(e, links.get(e.id, set()))]
        assert len(events) >= 10 and sum(bool(f.person_ids) for f in facts) >= 5
        finder = SameEventFinder(session, facts)
        one_each: list[Any] = [[e.id for e in _candidates(session, f, set())] for f in facts]
        at_once = [[e.id for e in found] for found in finder.candidates]
    dispose_engines()
    assert at_once == one_each
    assert sum(map(len, at_once)) >= len(events)  # the comparison is not between empty lists
