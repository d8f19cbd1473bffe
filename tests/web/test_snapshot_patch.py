"""After each kind of write, the refreshed snapshot (patched or rebuilt) equals a whole rebuild."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy.orm import Session
from tests.web.data import Built

from prisonwatch.db.engine import session_scope
from prisonwatch.persons import NewPerson, create_person
from prisonwatch.registry import review
from prisonwatch.registry.person_edit import delete_person, update_person
from prisonwatch.registry.stats import counts_from
from prisonwatch.settings import Settings
from prisonwatch.users import add_user
from prisonwatch.web import queries
from prisonwatch.web.names import GrowingNameIndex, mark

Write = Callable[[Session, Built], object]


def _seen(entry: queries.Entry) -> dict[str, Any]:
    """Return everything a page reads from a snapshot, events by id (ORM objects differ)."""
    snapshot, over_time = entry
    return {
        "stamp": snapshot.stamp,
        "persons": snapshot.persons,
        "by_id": snapshot.by_id,
        "events": [e.id for e in snapshot.events],
        "steps": snapshot.steps,
        "event_size": snapshot.event_size,
        "deals": snapshot.deals,
        "documents": snapshot.documents,
        "claims_proposed": snapshot.claims_proposed,
        "public": [p.id for p in snapshot.public],
        "by_status": {k: [p.id for p in v] for k, v in snapshot.by_status.items()},
        "countries": snapshot.countries,
        "event_countries": snapshot.event_countries,
        "over_time": over_time,
    }


def _whole(session: Session) -> queries.Entry:
    snapshot = queries.build_snapshot(session)
    return snapshot, counts_from(snapshot.events, snapshot.event_size, snapshot.steps)


def _add(session: Session, built: Built) -> object:
    return create_person(
        session,
        NewPerson(name="Invented Aaron Patchwell", country="Belarus"),
        actor="t",
        reason="t",
    )


def _rename(session: Session, built: Built) -> object:
    # A new first letter moves the person in the name order, and the country changes.
    changes = {"name": "Invented Zygmunt Renamed", "country": "Azerbaijan"}
    return update_person(session, built.zhuk, changes, actor="t", reason="t")


def _make_participant(session: Session, built: Built) -> object:
    return update_person(session, built.kalesnikava, {"kind": "participant"}, actor="t", reason="t")


def _add_user(session: Session, built: Built) -> object:
    return add_user(session, "invented-reader", "a long invented password", role="viewer")


PATCHED: dict[str, Write] = {
    "person added": _add,
    "person renamed": _rename,
    "person made a participant": _make_participant,
    "user added": _add_user,
}
REBUILT: dict[str, Write] = {
    "claim accepted": lambda s, b: review.accept(s, b.pending_claim, actor="t"),
    "claim rejected": lambda s, b: review.reject(s, b.pending_claim, actor="t"),
    "person deleted": lambda s, b: delete_person(s, b.hidden, actor="t", reason="t"),
    "persons merged": lambda s, b: review.merge_persons(s, b.hidden, b.zhuk, actor="t"),
}


def _refreshed(settings: Settings, write: Write, built: Built) -> tuple[Any, Any, bool]:
    with session_scope(settings, write=False) as session:
        before = _whole(session)
    with session_scope(settings) as session:
        write(session, built)
    with session_scope(settings, write=False) as session:
        patched = queries.patch_snapshot(session, before[0]) is not None
        ours = queries.refresh(session, before)
        whole = _whole(session)
    assert _seen(ours) != _seen(before)  # the write shows
    return _seen(ours), _seen(whole), patched


@pytest.mark.parametrize("kind", sorted(PATCHED))
def test_a_patched_snapshot_equals_a_whole_rebuild(
    fresh: tuple[Settings, Built], kind: str
) -> None:
    settings, built = fresh
    ours, whole, patched = _refreshed(settings, PATCHED[kind], built)
    assert patched
    assert ours == whole


@pytest.mark.parametrize("kind", sorted(REBUILT))
def test_other_writes_rebuild_the_snapshot_whole(fresh: tuple[Settings, Built], kind: str) -> None:
    settings, built = fresh
    ours, whole, patched = _refreshed(settings, REBUILT[kind], built)
    assert not patched
    assert ours == whole


def test_persons_added_without_an_audit_entry_rebuild(fresh: tuple[Settings, Built]) -> None:
    from prisonwatch.db.models import Person

    settings, _ = fresh
    with session_scope(settings, write=False) as session:
        before = _whole(session)
    with session_scope(settings) as session:  # as an import that writes rows directly
        session.add(Person(id="per_invented_direct", primary_name="Invented Direct Row"))
    with session_scope(settings, write=False) as session:
        assert queries.patch_snapshot(session, before[0]) is None
        assert "per_invented_direct" in queries.refresh(session, before)[0].by_id


def test_patchable_entries_are_a_declared_table() -> None:
    # Invented examples: a person edited may be patched; a claim decided, or a kind of record
    # the table does not know, may not.
    assert queries.patchable("person", "update")
    assert queries.patchable("user", "any action")
    assert not queries.patchable("person", "delete")
    assert not queries.patchable("claim", "accept")
    assert not queries.patchable("invented-record", "create")


def test_the_name_index_grows_for_added_persons_and_rebuilds_after_a_rename(
    fresh: tuple[Settings, Built],
) -> None:
    settings, built = fresh
    names = GrowingNameIndex()
    with session_scope(settings, write=False) as session:
        first = names.get(session)
        first_mark = mark(session)
    with session_scope(settings) as session:
        _add(session, built)
    with session_scope(settings, write=False) as session:
        grown = names.get(session)
        assert mark(session) != first_mark
    assert grown is first  # grown in place, not rebuilt
    assert grown.match("Aaron Patchwell").status == "matched"
    with session_scope(settings) as session:
        _rename(session, built)
    with session_scope(settings, write=False) as session:
        rebuilt = names.get(session)
    assert rebuilt is not first
    found = rebuilt.match("Zygmunt Renamed")
    assert found.status == "matched" and found.person_id == built.zhuk
