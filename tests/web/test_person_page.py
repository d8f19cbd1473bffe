"""A person page: status with the event it rests on, list facts by name, claims under review."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from tests.registry.test_imported import HEADER, ROWS
from tests.web.conftest import client_for
from tests.web.data import Built

from prisonwatch.db.engine import session_scope
from prisonwatch.db.models import Person
from prisonwatch.io.registry_csv import ListOptions, import_registry_csv
from prisonwatch.settings import Settings


def test_pending_claims_are_listed_on_the_person_page(client, built: Built) -> None:
    data = client.get(f"/api/persons/{built.zhuk}").json()
    labels = [p["label"] for p in data["pending"]]
    assert labels == ["Ihar Zhuk took part as affected in release of 18, 2024-03-03"]
    assert data["pending"][0]["source"].startswith("Eighteen freed after envoy talks")
    page = client.get(f"/persons/{built.zhuk}").text
    assert "Waiting for review" in page and "Ihar Zhuk took part as affected" in page


def test_imported_list_facts_read_as_sources(sqlite_settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(HEADER + ROWS[0] + "\n", encoding="utf-8")
    with session_scope(sqlite_settings) as session:
        import_registry_csv(
            session,
            path,
            scheme="hrlist",
            source=ListOptions(title="Invented list", url="https://list.example/"),
        )
        person_id = session.scalars(select(Person.id)).one()
    with client_for(sqlite_settings) as client:
        data = client.get(f"/api/persons/{person_id}").json()
        assert data["status"]["state"] == "held"
        basis = data["status"]["based_on"]
        assert basis["type"] == "arrest" and basis["date"] == "2021-05-06"
        assert basis["sources"][0]["title"] == "Invented list"
        facts = {f["label"]: f["value"] for f in data["facts"]}
        assert facts["Held in"] == "Colony No. 4"
        assert facts["Status in the list"] == "held"
        assert "registry_status" not in client.get(f"/persons/{person_id}").text
        page = client.get(f"/persons/{person_id}").text
        assert "Rests on the" in page and "Invented list" in page


def test_not_found_page_gives_web_advice_not_a_command(client) -> None:
    page = client.get("/persons/per_nobody")
    assert page.status_code == 404
    assert "prisonwatch persons list" not in page.text
    assert "find it from the home page" in page.text
    body = client.get("/api/persons/per_nobody").json()
    assert "prisonwatch persons list" in body["error"]
