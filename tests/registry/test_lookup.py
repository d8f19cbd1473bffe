"""Finding persons under any spelling, in the library and through ``prisonwatch match``."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from prisonwatch.cli.main import app
from prisonwatch.db.engine import session_scope
from prisonwatch.io.registry_csv import import_registry_csv
from prisonwatch.persons import NewPerson, create_person
from prisonwatch.registry.lookup import find_persons
from prisonwatch.settings import Settings

SAMPLE = Path(__file__).parents[2] / "samples" / "registry.csv"


def test_find_persons_across_scripts_and_cases(sqlite_settings: Settings) -> None:
    with session_scope(sqlite_settings) as session:
        import_registry_csv(session, SAMPLE, scheme="demo")
    with session_scope(sqlite_settings) as session:
        for query in ("Maryia Kalesnikava", "Марии Колесниковой", "Kolesnikova", "Калеснікава"):
            found = find_persons(session, query)
            assert found and found[0].person.primary_name == "Марыя Калеснікава", query
        create_person(session, NewPerson(name="Сяргей Лосік"), actor="t", reason="relative")
        found = find_persons(session, "Ihar Losik")
        assert found[0].person.primary_name == "Ігар Лосік"


def test_match_command_uses_the_database_without_registry(
    cli_env: Settings, tmp_path: Path
) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["import", str(SAMPLE), "--scheme", "demo"]).exit_code == 0
    queries = tmp_path / "q.txt"
    queries.write_text("Виктора Бабарико\nNobody Atall\n", encoding="utf-8")
    result = runner.invoke(app, ["match", str(queries)])
    assert result.exit_code == 0, result.output
    answers = [json.loads(line) for line in result.output.splitlines()]
    assert answers[0]["status"] == "matched"
    assert answers[1]["status"] == "none"


def test_scored_ids_score_as_find_persons_does(sqlite_settings: Settings) -> None:
    from prisonwatch.registry.lookup import scored_ids

    with session_scope(sqlite_settings) as session:
        import_registry_csv(session, SAMPLE, scheme="demo")
    with session_scope(sqlite_settings) as session:
        for query in ("Kolesnikova", "Лосік", "ara", "%", "Nobody Invented"):
            ours = scored_ids(session, query)
            theirs = {f.person.id: (f.score, f.reason) for f in find_persons(session, query)}
            assert {k: ours[k] for k in theirs} == theirs, query
            assert len(ours) >= len(theirs)
        assert scored_ids(session, " \x00 ") == {}
