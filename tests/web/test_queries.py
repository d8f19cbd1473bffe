"""The web's bulk queries give what the registry library gives, record by record."""

from __future__ import annotations

import pytest
from tests.web.data import Built

from prisonwatch.db.engine import session_scope
from prisonwatch.registry.stats import counts_from, counts_over_time
from prisonwatch.registry.timeline import person_timeline
from prisonwatch.settings import Settings
from prisonwatch.web import queries


@pytest.mark.parametrize("by", ["month", "day"])
def test_counts_over_time_match_the_library(fresh: tuple[Settings, Built], by: str) -> None:
    settings, _ = fresh
    with session_scope(settings, write=False) as session:
        snapshot = queries.build_snapshot(session)
        ours = counts_from(snapshot.events, snapshot.event_size, snapshot.steps, by=by)
        assert ours == counts_over_time(session, by=by)


def test_snapshot_statuses_match_the_library(fresh: tuple[Settings, Built]) -> None:
    settings, built = fresh
    with session_scope(settings, write=False) as session:
        snapshot = queries.build_snapshot(session)
        for person_id in (built.kalesnikava, built.zhuk, built.hidden):
            library = person_timeline(session, person_id)
            assert snapshot.by_id[person_id].status == library.status


def test_snapshot_follows_decisions(fresh: tuple[Settings, Built]) -> None:
    from prisonwatch.registry import review

    settings, built = fresh
    cache = queries.SnapshotCache()
    with session_scope(settings, write=False) as session:
        before, _ = cache.get(session)
        assert before.by_id[built.zhuk].status.state == "unknown"
        assert cache.get(session)[0] is before
    with session_scope(settings) as session:
        review.accept(session, built.pending_claim, actor="t")
    with session_scope(settings, write=False) as session:
        after, _ = cache.get(session)
    assert after.by_id[built.zhuk].status.state == "released"
