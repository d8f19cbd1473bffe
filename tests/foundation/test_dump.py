"""The JSONL dump is lossless: export, import into an empty database, export again."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from prisonwatch import audit
from prisonwatch.db.engine import session_scope
from prisonwatch.db.migrate import upgrade
from prisonwatch.db.models import (
    Claim,
    Deal,
    Document,
    DocumentURL,
    Event,
    EventPerson,
)
from prisonwatch.errors import ConflictError, InputError
from prisonwatch.io.dump import export_dump
from prisonwatch.io.registry_csv import import_registry_csv
from prisonwatch.io.restore import import_dump
from prisonwatch.persons import NewPerson, create_person
from prisonwatch.settings import Settings

SAMPLE = Path(__file__).parents[1] / "data" / "registry_hrg.csv"


def _fill(settings: Settings) -> None:
    with session_scope(settings) as session:
        import_registry_csv(session, SAMPLE, scheme="spring96")
        person = create_person(
            session,
            NewPerson(name="Maria Kalesnikava", aliases=["Колесникова"]),
            actor="t",
            reason="r",
        )
        doc = Document(id="a" * 32, text='Text with ünïcode and "quotes".', raw=b"\x00\xffraw")
        doc.urls.append(DocumentURL(url="https://example.org/a"))
        copy = Document(id="b" * 32, text="Near copy.", near_duplicate_of="a" * 32)
        session.add_all([doc, copy])
        deal = Deal(id="deal_1", title="Release for sanctions", mediators=["John Coale"])
        event = Event(
            id="evt_1",
            type="release",
            date_value="2025-09",
            date_precision="month",
            count=52,
            count_qualifier="about",
            destination=["Lithuania"],
            deal_id="deal_1",
        )
        session.add_all([deal, event])
        session.flush()
        session.add(EventPerson(event_id="evt_1", person_id=person.id, role="affected"))
        session.add(
            Claim(
                id="clm_1",
                kind="event",
                subject_type="event",
                subject_id="evt_1",
                property="count",
                value={"count": 52},
                document_id="a" * 32,
                span_start=0,
                span_end=4,
                quote="Text",
                confidence=0.75,
                reason="count '52 prisoners'",
            )
        )
        audit.record(session, actor="t", action="note", record_type="event", record_id="evt_1")


def _export(settings: Settings) -> str:
    out = io.StringIO()
    with session_scope(settings, write=False) as session:
        export_dump(session, out)
    return out.getvalue()


def test_export_import_export_is_byte_identical(settings: Settings, tmp_path: Path) -> None:
    _fill(settings)
    first = _export(settings)
    dump = tmp_path / "dump.jsonl"
    dump.write_text(first, encoding="utf-8")

    if settings.database_url:  # PostgreSQL: a second database in the same cluster
        target = Settings(
            data_dir=tmp_path / "t",
            database_url=settings.database_url.rsplit("/", 1)[0] + "/postgres",
        )
    else:
        target = Settings(data_dir=tmp_path / "target")
    upgrade(target)
    with session_scope(target) as session:
        loaded = import_dump(session, dump).stored
    assert loaded == first.count("\n") - 1
    assert _export(target) == first
    # Integer ids continue after the imported ones.
    with session_scope(target) as session:
        entry = audit.record(session, actor="t", action="x", record_type="event", record_id="e")
    assert entry.id > first.count('"table":"audit_log"')


def test_import_refuses_a_non_empty_database(sqlite_settings: Settings, tmp_path: Path) -> None:
    _fill(sqlite_settings)
    dump = tmp_path / "dump.jsonl"
    dump.write_text(_export(sqlite_settings), encoding="utf-8")
    with pytest.raises(ConflictError, match="not empty"), session_scope(sqlite_settings) as session:
        import_dump(session, dump)


def test_import_refuses_a_file_that_is_not_a_dump(
    sqlite_settings: Settings, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"format": "other"}\n')
    with (
        pytest.raises(InputError, match="not a prisonwatch dump"),
        session_scope(sqlite_settings) as session,
    ):
        import_dump(session, bad)
