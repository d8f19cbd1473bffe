"""Search wildcards and NUL find only what they spell; invisible characters make no new person."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from prisonwatch.db.engine import session_scope
from prisonwatch.db.models import Person
from prisonwatch.ingest.decode import decode_bytes
from prisonwatch.invisible import strip_invisible
from prisonwatch.io.registry_csv import import_registry_csv
from prisonwatch.persons import NewPerson, create_person, search_key, search_persons
from prisonwatch.settings import Settings
from tests.web.conftest import client_for


def _fill(settings: Settings) -> None:
    with session_scope(settings) as session:
        for name in ("Invented Alpha", "Invented Beta", "Per Cent 100%", "Under_Score"):
            create_person(session, NewPerson(name=name), actor="t", reason="t")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("%", {"Per Cent 100%"}),
        ("_", {"Under_Score"}),
        ("\x00", set()),
        ("Invent\x00ed", {"Invented Alpha", "Invented Beta"}),
        ("\\", set()),
    ],
)
def test_like_wildcards_are_literal(settings: Settings, query: str, expected: set[str]) -> None:
    _fill(settings)
    with session_scope(settings) as session:
        found = {p.primary_name for p in search_persons(session, query)}
    assert found == expected


@pytest.mark.parametrize("query", ["%", "_", "%00", "%25", "\\"])
def test_web_search_with_wildcards_is_not_everyone(settings: Settings, query: str) -> None:
    _fill(settings)
    with client_for(settings) as client:
        answer = client.get("/api/persons", params={"q": query})
    assert answer.status_code == 200, answer.text
    names = {item["name"] for item in answer.json()["items"]}
    assert "Invented Alpha" not in names


def test_zero_width_characters_do_not_make_a_second_person(
    settings: Settings, tmp_path: Path
) -> None:
    first = tmp_path / "first.csv"
    first.write_text("id,name\n1,Invented Person\n", encoding="utf-8")
    second = tmp_path / "second.csv"
    second.write_text("id,name\n1,Inven\u200bted\u00ad Per\u200cson\u2060\n", encoding="utf-8")
    with session_scope(settings) as session:
        import_registry_csv(session, first)
    with session_scope(settings) as session:
        report = import_registry_csv(session, second)
    assert report.unchanged == 1 and report.created == 0
    with session_scope(settings) as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 1
        assert search_persons(session, "Inven\u200bted")[0].primary_name == "Invented Person"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ma\u200bryia", "Maryia"),
        ("Ма\u200cрыя", "Марыя"),  # a joiner inside a Cyrillic name hides nothing
        ("\u0645\u06cc\u200c\u0631\u0648\u0645", "\u0645\u06cc\u200c\u0631\u0648\u0645"),
        ("co\u00adoperate", "cooperate"),
    ],
)
def test_invisible_characters(text: str, expected: str) -> None:
    assert strip_invisible(text) == expected
    assert search_key(text) == search_key(expected)
    assert decode_bytes(f"An article about {text}.".encode(), "x.txt").endswith(f"{expected}.")
