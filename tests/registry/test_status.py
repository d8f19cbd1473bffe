"""Status follows dated main events in order; undated or background ones never override them."""

from __future__ import annotations

from sqlalchemy import select
from tests.registry.builders import add_document, event, extraction

from prisonwatch.db.engine import session_scope
from prisonwatch.db.models import Claim
from prisonwatch.registry import review
from prisonwatch.registry.propose import propose_extraction
from prisonwatch.registry.resolution import PersonResolver
from prisonwatch.registry.timeline import Step, derive_status, person_timeline
from prisonwatch.settings import Settings

# Invented articles about invented people.
LATE = (
    "Authorities freed Tamara Vyshen on 13 December 2025. She had been arrested by the security "
    "service years ago, before the vote."
)
UNDATED = (
    "Anton Kravets has been freed and crossed into Lithuania, his lawyer said. He was arrested "
    "in March 2021 after a protest."
)


def _accept_all(settings: Settings) -> None:
    with session_scope(settings) as session:
        ids = list(session.scalars(select(Claim.id).where(Claim.state == "proposed")))
        for claim_id in ids:
            review.accept(session, claim_id, actor="rita")


def _propose(settings: Settings, text: str, published: str, events: list) -> None:
    with session_scope(settings) as session:
        row = add_document(session, text, published=published, url=f"https://n.example/{published}")
        propose_extraction(
            session, row, extraction(row, events), PersonResolver(session), version="t"
        )


def _person_id(settings: Settings, name: str) -> str:
    with session_scope(settings, write=False) as session:
        claim = session.scalars(
            select(Claim).where(Claim.kind == "event_person", Claim.state == "accepted")
        ).all()
        return next(c.person_id for c in claim if c.value["name"] == name)  # type: ignore[misc]


def test_undated_background_arrest_never_overrides_a_dated_release(settings: Settings) -> None:
    _propose(
        settings,
        LATE,
        "2025-12-14",
        [
            event(
                LATE,
                "Authorities freed Tamara Vyshen on 13 December 2025",
                "release",
                date="2025-12-13",
                date_precision="day",
                persons=("Tamara Vyshen",),
            ),
            event(
                LATE,
                "She had been arrested by the security service years ago",
                "arrest",
                background=True,
                persons=("Tamara Vyshen",),
            ),
        ],
    )
    _accept_all(settings)
    with session_scope(settings, write=False) as session:
        timeline = person_timeline(session, _person_id(settings, "Tamara Vyshen"))
    assert timeline.status.state == "released"
    assert timeline.status.released_on == "2025-12-13"
    basis = timeline.status.based_on
    assert basis is not None and basis["type"] == "release" and basis["date"] == "2025-12-13"
    assert timeline.basis_sources()[0]["url"] == "https://n.example/2025-12-14"
    assert timeline.to_json()["status"]["based_on"]["sources"][0]["published"] == "2025-12-14"
    # The undated arrest is listed first, the release that decides last.
    assert [s.type for s in timeline.steps] == ["arrest", "release"]


def test_undated_main_release_counts_from_its_report_day(settings: Settings) -> None:
    _propose(
        settings,
        UNDATED,
        "2025-06-02",
        [
            event(
                UNDATED,
                "Anton Kravets has been freed and crossed into Lithuania",
                "release",
                persons=("Anton Kravets",),
            ),
            event(
                UNDATED,
                "He was arrested in March 2021 after a protest",
                "arrest",
                date="2021-03",
                date_precision="month",
                background=True,
                persons=("Anton Kravets",),
            ),
        ],
    )
    _accept_all(settings)
    with session_scope(settings, write=False) as session:
        timeline = person_timeline(session, _person_id(settings, "Anton Kravets"))
    assert timeline.status.state == "released"
    assert timeline.status.based_on and timeline.status.based_on["reported"] == "2025-06-02"


def _step(type_: str, date: str | None, *, background: bool = False, reported: str | None = None):
    return Step(
        event_id=f"evt_{type_}_{date}",
        type=type_,
        role="affected",
        date=date,
        date_precision="day" if date else None,
        date_text=None,
        count=None,
        actor=None,
        destination=[],
        deal_id=None,
        background=background,
        reported=reported,
    )


def test_a_dated_arrest_after_a_release_holds_again() -> None:
    steps = [
        _step("release", None, reported="2022-01-05"),
        _step("arrest", "2024-03-01"),
        _step("arrest", None, background=True),
    ]
    status = derive_status(steps)
    assert status.state == "held"
    assert status.held_since == "2024-03-01"
    assert status.based_on and status.based_on["event_id"] == "evt_arrest_2024-03-01"


def test_only_undated_background_facts_still_give_a_status() -> None:
    status = derive_status([_step("arrest", None, background=True)])
    assert status.state == "held"
    assert derive_status([_step("negotiation", "2025-01-01")]).state == "unknown"


def test_a_background_release_on_the_same_day_does_not_beat_the_main_arrest() -> None:
    steps = [_step("arrest", "2023-05-05"), _step("release", "2023-05-05", background=True)]
    # Same day: background first, then the main event, which decides.
    assert derive_status(steps).state == "held"
