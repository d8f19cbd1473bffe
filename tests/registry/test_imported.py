"""A registry list's facts are claims from the named list: on timelines, used for status."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select
from tests.registry.builders import add_document, event, extraction

from prisonwatch.db.engine import session_scope
from prisonwatch.db.models import Claim, Person
from prisonwatch.io.registry_csv import ListOptions, import_registry_csv
from prisonwatch.registry import review
from prisonwatch.registry.propose import propose_extraction
from prisonwatch.registry.resolution import PersonResolver
from prisonwatch.registry.timeline import person_timeline
from prisonwatch.settings import Settings

HEADER = (
    "id,url,name,status,gender,photo,description,birthday,arrested,articles,prison,declaration,"
    "decision,penalty,judge,councel,penalty_start_date,release_date,verdict_date,appeal_date\n"
)
# Invented people.
ROWS = [
    "501,https://list.example/p/501,Зоя Прыдатная,active,ж,,,1980-02-02,2021-05-06,ст. 342,"
    "Colony No. 4,,,4 years,Judge Q,,,,2021-11-12,",
    "502,https://list.example/p/502,Пётр Вольны,released,м,,,,2020-08-09,,,,,,,,,2024-07-03,,",
    "503,,Ян Памерлы,died,m,,,,,,,,,,,,,,,",
    "504,,Зоя Прыдатная,active,f,,,,,,,,,,,,,,,",
    "505,,Bad Date,active,m,,,31.02.2020,,,,,,,,,,,,",
]


def _write(tmp_path: Path, rows: list[str], name: str = "list.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def _person(session, name: str) -> Person:
    return session.scalars(select(Person).where(Person.primary_name == name)).first()


def test_list_facts_are_claims_from_the_named_list(settings: Settings, tmp_path: Path) -> None:
    path = _write(tmp_path, ROWS)
    with session_scope(settings) as session:
        report = import_registry_csv(
            session,
            path,
            scheme="hrlist",
            source=ListOptions(
                title="Invented list", url="https://list.example/", published="2025-01-01"
            ),
        )
    assert report.created == 4
    assert len(report.errors) == 1
    assert report.errors[0].startswith(f"{path}:6: birthday: date '31.02.2020'")
    assert any("also on line 2" in w for w in report.warnings)
    with session_scope(settings, write=False) as session:
        zoya = _person(session, "Зоя Прыдатная")
        assert zoya.gender == "female"
        assert zoya.external_ids[0].url == "https://list.example/p/501"
        timeline = person_timeline(session, zoya.id)
        assert timeline.status.state == "held"
        assert timeline.status.held_since == "2021-05-06"
        assert [s.type for s in timeline.steps] == ["arrest", "sentence"]
        source = timeline.steps[0].sources[0]
        assert (source.title, source.url, source.published) == (
            "Invented list",
            "https://list.example/",
            "2025-01-01",
        )
        assert "Colony No. 4" in (source.quote or "")
        assert "4 years" in (timeline.steps[1].sources[0].quote or "")
        petr = person_timeline(session, _person(session, "Пётр Вольны").id)
        assert petr.status.state == "released" and petr.status.released_on == "2024-07-03"
        assert _person(session, "Пётр Вольны").gender == "male"
        yan = person_timeline(session, _person(session, "Ян Памерлы").id)
        assert yan.status.state == "died in custody"


def test_news_overrides_the_list_and_reimport_adds_nothing(
    settings: Settings, tmp_path: Path
) -> None:
    path = _write(tmp_path, ROWS[:1])
    with session_scope(settings) as session:
        import_registry_csv(session, path, scheme="hrlist")
    text = "Zoya Prydatnaya was freed on 2 March 2025, her family said."
    with session_scope(settings) as session:
        row = add_document(session, text, published="2025-03-03", url="https://n.example/z")
        events = [
            event(
                text,
                "Zoya Prydatnaya was freed on 2 March 2025",
                "release",
                date="2025-03-02",
                date_precision="day",
                persons=("Zoya Prydatnaya",),
            )
        ]
        propose_extraction(
            session, row, extraction(row, events), PersonResolver(session), version="t"
        )
        for claim_id in session.scalars(select(Claim.id).where(Claim.state == "proposed")):
            review.accept(session, claim_id, actor="rita")
    # Re-import without naming the scheme: the ids keep the one they came with.
    with session_scope(settings) as session:
        again = import_registry_csv(session, path)
        assert again.scheme == "hrlist"
        assert (again.created, again.facts) == (0, 0)
    with session_scope(settings, write=False) as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 1
        zoya = _person(session, "Зоя Прыдатная")
        timeline = person_timeline(session, zoya.id)
        assert timeline.status.state == "released"
        assert timeline.status.based_on and timeline.status.based_on["date"] == "2025-03-02"


def test_a_new_version_of_the_list_supersedes_the_old_statement(
    settings: Settings, tmp_path: Path
) -> None:
    with session_scope(settings) as session:
        import_registry_csv(session, _write(tmp_path, ROWS[:1], "v1.csv"), scheme="hrlist")
    changed = (
        ROWS[0].replace("active", "former").replace(",,,,2021-11-12,", ",,,2025-02-01,2021-11-12,")
    )
    with session_scope(settings) as session:
        report = import_registry_csv(session, _write(tmp_path, [changed], "v2.csv"))
        assert report.updated == 1
    with session_scope(settings, write=False) as session:
        timeline = person_timeline(session, _person(session, "Зоя Прыдатная").id)
        assert timeline.status.state == "released"
        assert timeline.status.released_on == "2025-02-01"
        arrest = next(s for s in timeline.steps if s.type == "arrest")
        assert [s.title for s in arrest.sources] == ["hrlist list (v2.csv)"]
