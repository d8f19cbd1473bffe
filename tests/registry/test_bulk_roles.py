"""Bulk review with undo, checked edits, persons edited and deleted, roles kept apart."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from tests.registry.builders import RELEASE_A, propose_release_a

from prisonwatch.db.engine import session_scope
from prisonwatch.db.models import AuditLog, Claim, Event, Person
from prisonwatch.errors import InputError
from prisonwatch.io.persons_csv import export_persons_csv
from prisonwatch.persons import count_persons, search_persons
from prisonwatch.registry import review
from prisonwatch.registry.bulk import BulkSelection, bulk_decide
from prisonwatch.registry.person_edit import delete_person, update_person
from prisonwatch.registry.resolution import PersonResolver
from prisonwatch.settings import Settings


def _propose(settings: Settings) -> str:
    with session_scope(settings) as session:
        report = propose_release_a(session, PersonResolver(session))
        return report.document_id


def _person(session, name: str) -> Person:
    return session.scalars(select(Person).where(Person.primary_name == name)).one()


def test_bulk_accept_of_a_document_is_logged_and_undone_at_once(settings: Settings) -> None:
    doc = _propose(settings)
    with session_scope(settings) as session:
        total = len(review.list_claims(session, document_id=doc, limit=1000))
        result = bulk_decide(
            session, "accept", BulkSelection(document_id=doc), actor="rita", reason="read it"
        )
        assert len(result.decided) == total and not result.skipped
        assert result.message.startswith(f"accepted {total} claim(s) of document {doc}")
        entries = list(session.scalars(select(AuditLog).where(AuditLog.action == "accept")))
        assert len(entries) == total and {e.reason for e in entries} == {"read it"}
    with session_scope(settings) as session:
        assert review.count_claims(session, "proposed") == 0
        undone = review.undo(session, actor="rita")  # the batch, as one decision
        assert sorted(undone.claim_ids) == sorted(result.decided)
        assert review.count_claims(session, "proposed") == total


def test_bulk_by_confidence_and_event(settings: Settings) -> None:
    _propose(settings)
    with session_scope(settings) as session:
        release = session.scalars(select(Event).where(Event.type == "release")).one()
        result = bulk_decide(
            session,
            "reject",
            BulkSelection(event_id=release.id, min_confidence=0.95),
            actor="rita",
        )
        assert result.decided == [] and "no proposed claim" in result.message
        result = bulk_decide(session, "reject", BulkSelection(event_id=release.id), actor="rita")
        assert result.decided
        claims = session.scalars(select(Claim).where(Claim.id.in_(result.decided)))
        assert {c.subject_id for c in claims} == {release.id}
        with pytest.raises(InputError, match="needs a document"):
            bulk_decide(session, "accept", BulkSelection(), actor="rita")


def test_edits_are_checked_with_fields_named(settings: Settings) -> None:
    _propose(settings)
    with session_scope(settings) as session:
        claim = review.list_claims(session, kind="event")[0]
        with pytest.raises(InputError, match="is not a date: write YYYY"):
            review.edit(session, claim.id, {"date_value": "3 August 2022"}, actor="ed")
        with pytest.raises(InputError, match="fields are type, date_value"):
            review.edit(session, claim.id, {"colour": "red"}, actor="ed")
        with pytest.raises(InputError, match="not a whole number"):
            review.edit(session, claim.id, {"count": "many"}, actor="ed")
        review.edit(session, claim.id, {"date_value": "2022-08"}, actor="ed")
        event = session.get(Event, claim.subject_id)
        assert (event.date_value, event.date_precision) == ("2022-08", "month")


def test_negotiators_are_participants_never_prisoners(settings: Settings, tmp_path) -> None:
    _propose(settings)
    with session_scope(settings) as session:
        bulk_decide(session, "accept", BulkSelection(min_confidence=0.0), actor="rita")
    with session_scope(settings, write=False) as session:
        envoy = _person(session, "John Coale")
        assert envoy.kind == "participant"
        assert _person(session, "Ihar Losik").kind == "prisoner"
        assert count_persons(session) == 2  # Statkevich and Losik, not the envoy
        assert [p.primary_name for p in search_persons(session, "Coale")] == ["John Coale"]
        assert search_persons(session, "Coale", kind="prisoner") == []
        out = tmp_path / "persons.csv"
        with out.open("w", encoding="utf-8") as handle:
            export_persons_csv(session, handle, scheme="registry", status=lambda s, p: None)
        assert "Coale" not in out.read_text(encoding="utf-8")
        assert "Losik" in out.read_text(encoding="utf-8")
        links = {
            (link.person_id, link.role)
            for e in session.scalars(select(Event))
            for link in e.persons
        }
        assert (envoy.id, "negotiator") in links


def test_a_person_is_edited_and_deleted_with_audit(settings: Settings) -> None:
    _propose(settings)
    with session_scope(settings) as session:
        envoy = _person(session, "John Coale")
        with pytest.raises(InputError, match="fields are name, gender"):
            update_person(session, envoy.id, {"age": 70}, actor="ed", reason=None)
        with pytest.raises(InputError, match=r"birth_date '31\.02\.1950' is not a date"):
            update_person(session, envoy.id, {"birth_date": "31.02.1950"}, actor="ed", reason=None)
        update_person(
            session,
            envoy.id,
            {"name": "John P. Coale", "birth_date": "1946"},
            actor="ed",
            reason="full name",
        )
        assert {n.name for n in envoy.names} >= {"John Coale", "John P. Coale"}
        rejected = delete_person(session, envoy.id, actor="ed", reason="an envoy")
        assert rejected >= 1
    with session_scope(settings, write=False) as session:
        assert session.get(Person, envoy.id) is None
        actions = [
            e.action
            for e in session.scalars(select(AuditLog).where(AuditLog.record_id == envoy.id))
        ]
        assert actions == ["create", "update", "delete"]
        states = {
            c.state for c in session.scalars(select(Claim).where(Claim.person_id == envoy.id))
        }
        assert states == {"rejected"}


def test_history_reads_as_words(settings: Settings) -> None:
    from prisonwatch.registry.history import history

    _propose(settings)
    with session_scope(settings) as session:
        claim = next(
            c
            for c in review.list_claims(session, kind="event_person")
            if c.value["name"] == "Ihar Losik"
        )
        review.accept(session, claim.id, actor="rita", reason="seen")
        entries = history(session, claim.id)
    assert entries[-1]["summary"] == "accepted: Ihar Losik took part as affected"


def test_every_proposed_person_has_a_quote_and_source(settings: Settings) -> None:
    doc = _propose(settings)
    with session_scope(settings, write=False) as session:
        proposed = review.list_claims(session, kind="person")
        assert {c.value["name"] for c in proposed} >= {"John Coale", "Ihar Losik"}
        for claim in proposed:
            assert claim.document_id == doc
            assert claim.quote and claim.value["name"].split()[-1] in RELEASE_A
        roles = {c.value["name"]: c.value["role"] for c in proposed}
        assert roles["John Coale"] == "negotiator" and roles["Ihar Losik"] == "affected"
