"""Registry import from the two CSV layouts: good rows in, bad rows named, re-import updates."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from prisonwatch.db.engine import session_scope
from prisonwatch.db.models import AuditLog, Person, PersonName
from prisonwatch.errors import InputError
from prisonwatch.io.registry_csv import import_registry_csv, parse_date
from prisonwatch.settings import Settings

SAMPLE = Path(__file__).parents[1] / "data" / "registry_hrg.csv"


def test_hrg_layout_imports_good_rows_and_names_bad_ones(settings: Settings) -> None:
    with session_scope(settings) as session:
        report = import_registry_csv(session, SAMPLE, scheme="spring96")
    assert report.layout == "hrg"
    assert report.created == 3
    lines = [e.split(": ", 1)[0] for e in report.errors]
    assert lines == [f"{SAMPLE}:{n}" for n in (6, 7, 8, 9, 10, 11)]
    assert "empty name" in report.errors[0]
    assert "status 'jailed'" in report.errors[1]
    assert "already on line 2" in report.errors[4]
    assert "fields where the header has 20" in report.errors[5]
    with session_scope(settings, write=False) as session:
        person = session.scalars(
            select(Person).where(Person.primary_name == "Марыя Калеснікава")
        ).one()
        assert person.gender == "female"
        assert person.birth_date == "1982-04-24"
        assert person.attributes["registry_status"] == "former"
        assert person.attributes["release_date"] == "2025-12-13"
        assert person.external_ids[0].scheme == "spring96"
        multi = session.scalars(select(Person).where(Person.primary_name == "Тестовы Вязень")).one()
        assert "across two lines" in multi.attributes["description"]
        bialiatski = session.scalars(
            select(Person).where(Person.primary_name == "Алесь Бяляцкі")
        ).one()
        assert bialiatski.birth_date == "1962-09-25"


def test_reimport_updates_instead_of_duplicating(settings: Settings, tmp_path: Path) -> None:
    first = tmp_path / "reg.csv"
    first.write_text(
        "id,name,aliases\n7,Ihar Losik,Игорь Лосик\n8,Darya Losik,\n", encoding="utf-8"
    )
    with session_scope(settings) as session:
        assert import_registry_csv(session, first).created == 2
    second = tmp_path / "reg2.csv"
    second.write_text("id,name,aliases\n7,Ihar Losik,Ігар Лосік|Игорь Лосик\n8,Darya Losik,\n")
    with session_scope(settings) as session:
        report = import_registry_csv(session, second)
    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    with session_scope(settings, write=False) as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 2
        names = set(session.scalars(select(PersonName.name)))
        assert {"Ihar Losik", "Ігар Лосік", "Игорь Лосик", "Darya Losik"} == names
        actions = list(session.scalars(select(AuditLog.action).order_by(AuditLog.id)))
        assert actions == ["create", "create", "update"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\x00\x01\x02binary", "binary file"),
        (b"id,name\n1,\xff\xfe\n", "not UTF-8"),
        (b"id,aliases\n1,x\n", "missing column(s) name"),
    ],
)
def test_bad_files_raise_one_line_errors(
    sqlite_settings: Settings, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught, session_scope(sqlite_settings) as session:
        import_registry_csv(session, path)
    assert message in caught.value.message
    assert str(path) in caught.value.message
    assert "\n" not in caught.value.message


def test_parse_date_accepts_iso_and_dotted_and_refuses_others() -> None:
    assert parse_date("2021-07") == "2021-07"
    assert parse_date("1.2.2003") == "2003-02-01"
    with pytest.raises(ValueError):
        parse_date("31/12/1999")
