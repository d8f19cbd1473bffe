"""The registry flow: one event per real-world event, one person per person, deals, idempotence."""

from __future__ import annotations

from sqlalchemy import func, select
from tests.registry.builders import (
    RELEASE_A,
    RELEASE_B,
    RELEASE_C,
    add_document,
    event,
    extraction,
    propose_release_a,
)

from prisonwatch.db.engine import session_scope
from prisonwatch.db.models import Claim, Deal, Document, Event, Person
from prisonwatch.documents import document_id
from prisonwatch.io.registry_csv import import_registry_csv
from prisonwatch.registry import review
from prisonwatch.registry.events import event_view
from prisonwatch.registry.propose import propose_extraction
from prisonwatch.registry.resolution import PersonResolver
from prisonwatch.settings import Settings


def _ingest_b(session, resolver):  # type: ignore[no-untyped-def]
    row = add_document(session, RELEASE_B, published="2025-09-12", url="https://b.example/2")
    events = [
        event(
            RELEASE_B,
            "Minsk released 52 prisoners",
            "release",
            count=52,
            date="2025-09-11",
            date_precision="day",
            target_country="Belarus",
            persons=("Nikolai Statkevich", "Igor Losik"),
        ),
        event(
            RELEASE_B,
            "Washington eased sanctions on Belavia",
            "sanctions_lifted",
            object="Belavia",
            actor="United States",
            target_country="Belarus",
        ),
    ]
    return propose_extraction(
        session, row, extraction(row, events, [[0, 1]]), resolver, version="test"
    )


def test_two_outlets_one_event_one_person_one_deal(settings: Settings) -> None:
    with session_scope(settings) as session:
        resolver = PersonResolver(session)
        first = propose_release_a(session, resolver)
        second = _ingest_b(session, resolver)
    assert first.events_new == 3 and second.events_new == 0 and second.events_matched == 2
    assert first.persons_new == 3  # Statkevich, Losik, Coale: nobody was in the registry
    assert second.persons_new == 0  # the Russian-form spellings found the same persons
    with session_scope(settings, write=False) as session:
        assert session.scalar(select(func.count()).select_from(Event)) == 3
        assert session.scalar(select(func.count()).select_from(Person)) == 3
        assert session.scalar(select(func.count()).select_from(Deal)) == 1
        release = session.scalars(select(Event).where(Event.type == "release")).one()
        view = event_view(session, release.id)
        assert len(view.sources) == 2
        assert view.competing == []
        names = {n.name for p in session.scalars(select(Person)) for n in p.names}
        assert {"Mikalai Statkevich", "Nikolai Statkevich", "Ihar Losik", "Igor Losik"} <= names


def test_reingesting_a_document_adds_nothing(settings: Settings) -> None:
    with session_scope(settings) as session:
        resolver = PersonResolver(session)
        propose_release_a(session, resolver)
    with session_scope(settings) as session:
        before = session.scalar(select(func.count()).select_from(Claim))
        row = session.get(Document, document_id(RELEASE_A))
        events = [
            event(
                RELEASE_A,
                "Belarus freed 52 political prisoners",
                "release",
                count=52,
                date="2025-09-11",
                date_precision="day",
                target_country="Belarus",
                persons=("Mikalai Statkevich", "Ihar Losik"),
            )
        ]
        again = propose_extraction(
            session, row, extraction(row, events), PersonResolver(session), version="test"
        )
        assert again.claims_new == 0
        assert session.scalar(select(func.count()).select_from(Claim)) == before


def test_differing_counts_are_kept_side_by_side(settings: Settings) -> None:
    with session_scope(settings) as session:
        resolver = PersonResolver(session)
        propose_release_a(session, resolver)
        row = add_document(session, RELEASE_C, published="2025-09-13", url="https://c.example/3")
        events = [
            event(
                RELEASE_C,
                "Belarus released 51 prisoners",
                "release",
                count=51,
                target_country="Belarus",
                persons=("Ihar Losik",),
            )
        ]
        report = propose_extraction(session, row, extraction(row, events), resolver, version="t")
        assert report.events_matched == 1
        release = session.scalars(select(Event).where(Event.type == "release")).one()
        for claim in session.scalars(
            select(Claim).where(Claim.subject_id == release.id, Claim.kind == "event")
        ):
            review.accept(session, claim.id, actor="tester")
        view = event_view(session, release.id)
        counts = {c.field: sorted(v["value"] for v in c.values) for c in view.competing}
        assert counts["count"] == [51, 52]
        assert release.count == 52  # the first accepted source, never silently overwritten


def test_registry_person_is_found_across_scripts(settings: Settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    registry = tmp_path / "reg.csv"
    registry.write_text("id,name,aliases\n1,Мікалай Статкевіч,\n2,Ігар Лосік,\n", encoding="utf-8")
    with session_scope(settings) as session:
        import_registry_csv(session, registry)
    with session_scope(settings) as session:
        report = propose_release_a(session, PersonResolver(session))
        assert report.persons_new == 1  # only John Coale is new
        links = [
            c.value for c in session.scalars(select(Claim).where(Claim.kind == "event_person"))
        ]
        matched = {v["name"]: v["status"] for v in links}
        assert matched["Mikalai Statkevich"] == "matched"
        assert matched["Ihar Losik"] == "matched"


def test_a_misread_country_does_not_split_an_event_with_shared_persons(settings: Settings) -> None:
    with session_scope(settings) as session:
        resolver = PersonResolver(session)
        propose_release_a(session, resolver)
        row = add_document(session, RELEASE_B, published="2025-09-12", url="https://b.example/2")
        events = [
            event(
                RELEASE_B,
                "Minsk released 52 prisoners",
                "release",
                count=52,
                target_country="United States",
                persons=("Nikolai Statkevich", "Igor Losik"),
            ),
            event(
                RELEASE_B,
                "Washington eased sanctions on Belavia",
                "sanctions_lifted",
                target_country="Lithuania",
            ),
        ]
        report = propose_extraction(session, row, extraction(row, events), resolver, version="t")
        assert report.events_matched == 1 and report.events_new == 1
