"""The CLI reads as names, not hashes: review prompts, bulk, persons edit/delete, lists."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.registry.builders import propose_release_a
from typer.testing import CliRunner

from prisonwatch.cli.main import app
from prisonwatch.db.engine import session_scope
from prisonwatch.registry.resolution import PersonResolver
from prisonwatch.settings import Settings

runner = CliRunner()


def _propose(settings: Settings) -> str:
    with session_scope(settings) as session:
        return propose_release_a(session, PersonResolver(session)).document_id


def test_interactive_review_shows_position_keys_and_source(cli_env: Settings) -> None:
    _propose(cli_env)
    result = runner.invoke(app, ["review", "--user", "rita"], input="a\nq\n")
    assert result.exit_code == 0, result.output
    assert "[a]ccept [r]eject [e]dit [s]kip [u]ndo [q]uit" in result.output
    assert "1 of " in result.output and "2 of " in result.output
    assert "accepted clm_" in result.output
    # The source reads as the document's title, not its hash.
    assert "Belarus freed 52 political prisoners" in result.output


def test_bulk_review_and_undo_from_the_cli(cli_env: Settings) -> None:
    doc = _propose(cli_env)
    done = runner.invoke(app, ["review", "bulk", "accept", "--document", doc, "--reason", "read"])
    assert done.exit_code == 0, done.output
    assert done.stdout.startswith("accepted ") and "review undo" in done.output
    left = runner.invoke(app, ["review", "list", "--json"])
    assert left.output.strip() == ""
    undone = runner.invoke(app, ["review", "undo"])
    assert undone.exit_code == 0 and "undid bulk decision" in undone.output
    history = runner.invoke(app, ["review", "list", "--json", "--limit", "1000"])
    assert len(history.output.splitlines()) > 3


def test_edit_is_refused_with_the_format_named(cli_env: Settings) -> None:
    _propose(cli_env)
    claims = [
        json.loads(x)
        for x in runner.invoke(app, ["review", "list", "--kind", "event", "--json"]).output.split(
            "\n"
        )
        if x
    ]
    bad = runner.invoke(
        app, ["review", "edit", claims[0]["id"], "--set", "date_value=3 August 2022"]
    )
    assert bad.exit_code == 1
    assert "is not a date: write YYYY, YYYY-MM or YYYY-MM-DD" in bad.output


def test_views_name_sources_and_deals(cli_env: Settings, tmp_path: Path) -> None:
    doc = _propose(cli_env)
    runner.invoke(app, ["review", "bulk", "accept", "--document", doc])
    deals = runner.invoke(app, ["deals"])
    assert "2025-09-11: release of 52 ⇄ sanctions lifted on Belavia" in deals.output
    person = runner.invoke(app, ["person", "Ihar Losik"])
    assert "rests on: release (2025-09-11) from Belarus freed 52" in person.output
    out = tmp_path / "events.csv"
    runner.invoke(app, ["export", "--format", "events-csv", "-o", str(out)])
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert all(doc not in r["sources"] for r in rows)
    assert any(r["sources"].startswith("Belarus freed 52 political prisoners") for r in rows)
    assert {r["source_urls"] for r in rows} == {"https://a.example/1"}
    events = runner.invoke(app, ["events", "--type", "release", "--json"])
    assert [json.loads(x)["type"] for x in events.output.splitlines()] == ["release"]
    none = runner.invoke(app, ["events", "--country", "Cuba"])
    assert "0 of 0 event(s)" in none.output
    docs = runner.invoke(app, ["documents", "--json"])
    assert json.loads(docs.output.splitlines()[0])["claims"]["accepted"] > 0


def test_persons_list_edit_delete(cli_env: Settings) -> None:
    _propose(cli_env)
    prisoners = runner.invoke(app, ["persons", "list", "--json"])
    names = {json.loads(x)["name"] for x in prisoners.output.splitlines()}
    assert "John Coale" not in names and "Ihar Losik" in names
    everyone = runner.invoke(app, ["persons", "list", "--kind", "all", "--json"])
    envoy = next(
        json.loads(x) for x in everyone.output.splitlines() if "Coale" in json.loads(x)["name"]
    )
    assert envoy["kind"] == "participant"
    bad = runner.invoke(app, ["persons", "edit", envoy["id"], "--birth-date", "1946-13"])
    assert bad.exit_code == 1 and "is not a date" in bad.output
    good = runner.invoke(app, ["persons", "edit", envoy["id"], "--country", "United States"])
    assert good.exit_code == 0, good.output
    gone = runner.invoke(app, ["persons", "delete", envoy["id"], "--reason", "an envoy"])
    assert gone.exit_code == 0 and "claim(s) about them rejected" in gone.output
    shown = runner.invoke(app, ["persons", "show", envoy["id"]])
    assert shown.exit_code == 1


def test_import_names_its_registry_and_flags_traps(cli_env: Settings, tmp_path: Path) -> None:
    from tests.registry.test_imported import HEADER, ROWS

    path = tmp_path / "list.csv"
    path.write_text(HEADER + "\n".join(ROWS) + "\n", encoding="utf-8")
    first = runner.invoke(app, ["import", str(path), "--scheme", "hrlist", "--as-of", "2025-01-01"])
    assert first.exit_code == 1  # one row refused, the rest imported
    assert "registry 'hrlist', 4 created" in first.output
    assert "birthday: date '31.02.2020' is not a day of the calendar" in first.output
    assert "warning:" in first.output and "also on line 2" in first.output
    again = runner.invoke(app, ["import", str(path)])
    assert "registry 'hrlist', 0 created" in again.output
    listed = runner.invoke(app, ["persons", "list", "--json"])
    assert len(listed.output.splitlines()) == 4
