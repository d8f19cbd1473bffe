"""Review decisions: accept, reject, edit, merge, undo, each logged, each with clear errors."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from tests.registry.builders import RELEASE_A, add_document, event, extraction

from prisonwatch.db.engine import session_scope
from prisonwatch.db.models import AuditLog, Claim, Event, Person
from prisonwatch.errors import ConflictError
from prisonwatch.persons import NewPerson, create_person
from prisonwatch.registry import review
from prisonwatch.registry.deals import list_deals
from prisonwatch.registry.propose import propose_extraction
from prisonwatch.registry.resolution import PersonResolver
from prisonwatch.registry.timeline import person_timeline
from prisonwatch.settings import Settings

ARREST = "Police detained Ihar Losik in Minsk in June 2020. He was sentenced to 15 years in 2021."


def _setup(settings: Settings) -> dict[str, str]:
    with session_scope(settings) as session:
        resolver = PersonResolver(session)
        row = add_document(session, ARREST, published="2021-12-20", url="https://x.example/a")
        events = [
            event(
                ARREST,
                "Police detained Ihar Losik in Minsk in June 2020",
                "arrest",
                date="2020-06",
                date_precision="month",
                persons=("Ihar Losik",),
            ),
            event(
                ARREST,
                "He was sentenced to 15 years in 2021",
                "sentence",
                date="2021",
                date_precision="year",
                persons=("Ihar Losik",),
            ),
        ]
        propose_extraction(session, row, extraction(row, events), resolver, version="t")
        row = add_document(session, RELEASE_A, published="2025-09-12", url="https://a.example/1")
        events = [
            event(
                RELEASE_A,
                "Belarus freed 52 political prisoners",
                "release",
                count=52,
                date="2025-09-11",
                date_precision="day",
                persons=("Ihar Losik",),
            ),
            event(
                RELEASE_A,
                "after talks with US envoy John Coale",
                "negotiation",
                persons=("John Coale",),
                actor="United States",
            ),
        ]
        propose_extraction(session, row, extraction(row, events, [[0, 1]]), resolver, version="t")
        losik = session.scalars(select(Person).where(Person.primary_name == "Ihar Losik")).one()
        return {"losik": losik.id}


def _accept_all(settings: Settings) -> None:
    with session_scope(settings) as session:
        for claim in review.list_claims(session, limit=1000):
            review.accept(session, claim.id, actor="tester", reason="checked")


def test_timeline_follows_accepted_facts_only(settings: Settings) -> None:
    ids = _setup(settings)
    with session_scope(settings, write=False) as session:
        timeline = person_timeline(session, ids["losik"])
        assert timeline.steps == [] and timeline.status.state == "unknown"
    _accept_all(settings)
    with session_scope(settings, write=False) as session:
        timeline = person_timeline(session, ids["losik"])
        assert [s.type for s in timeline.steps] == ["arrest", "sentence", "release"]
        assert timeline.status.state == "released"
        assert timeline.status.held_since == "2020-06"
        assert timeline.status.released_on == "2025-09-11"
        assert timeline.steps[0].sources[0].quote.startswith("Police detained")
        deals = list_deals(session)
        assert len(deals) == 1 and set(deals[0].parts) == {"talks", "releases"}


def test_decisions_are_logged_and_undone(settings: Settings) -> None:
    ids = _setup(settings)
    _accept_all(settings)
    with session_scope(settings) as session:
        release_claim = session.scalars(
            select(Claim)
            .join(Event, Event.id == Claim.subject_id)
            .where(Claim.kind == "event", Event.type == "release")
        ).one()
        edited = review.edit(session, release_claim.id, {"count": 53}, actor="ed", reason="typo")
        assert session.get(Event, release_claim.subject_id).count == 53
        review.undo(session, edited.audit_id, actor="ed")
        assert session.get(Event, release_claim.subject_id).count == 52
        with pytest.raises(ConflictError, match="already undone"):
            review.undo(session, edited.audit_id, actor="ed")
        last = review.last_decision(session)
        review.undo(session, actor="ed")  # the last acceptance
        assert session.get(Claim, last.record_id).state == "proposed"
        actions = [e.action for e in session.scalars(select(AuditLog).order_by(AuditLog.id))]
        assert actions[-3:] == ["edit", "undo", "undo"]
    with session_scope(settings, write=False) as session:
        assert person_timeline(session, ids["losik"]).steps


def test_clear_errors_for_impossible_decisions(settings: Settings) -> None:
    ids = _setup(settings)
    with session_scope(settings) as session:
        claim = review.list_claims(session, kind="event")[0]
        review.accept(session, claim.id, actor="a")
        with pytest.raises(ConflictError, match="already accepted"):
            review.accept(session, claim.id, actor="a")
        other = review.list_claims(session, kind="event")[0]
        review.reject(session, other.id, actor="a", reason="not an event")
        with pytest.raises(ConflictError, match="only proposed or accepted claims can be edited"):
            review.edit(session, other.id, {"count": 1}, actor="a")
        with pytest.raises(ConflictError, match="into itself"):
            review.merge_persons(session, ids["losik"], ids["losik"], actor="a")


def test_merge_persons_moves_links_and_can_be_undone(settings: Settings) -> None:
    ids = _setup(settings)
    _accept_all(settings)
    with session_scope(settings) as session:
        twin = create_person(session, NewPerson(name="Игорь Лосик"), actor="t", reason="dup")
        merged = review.merge_persons(session, ids["losik"], twin.id, actor="a")
        assert len(person_timeline(session, twin.id).steps) == 3
        assert person_timeline(session, ids["losik"]).person["id"] == twin.id  # follows the merge
        review.undo(session, merged.audit_id, actor="a")
        assert session.get(Person, ids["losik"]).merged_into is None
        assert len(person_timeline(session, ids["losik"]).steps) == 3
        assert person_timeline(session, twin.id).steps == []


def test_auto_accept_threshold_is_off_by_default(settings: Settings) -> None:
    _setup(settings)
    with session_scope(settings) as session:
        ids = [c.id for c in review.list_claims(session, limit=1000)]
        assert review.auto_accept(session, ids, settings) == 0
        keen = settings.model_copy(update={"auto_accept_event": 0.5})
        assert review.auto_accept(session, ids, keen) == 6  # 4 events + 2 deal links
