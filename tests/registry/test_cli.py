"""The registry commands: review, person, events, deals, stats and the exports."""

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


def _propose(settings: Settings) -> None:
    with session_scope(settings) as session:
        propose_release_a(session, PersonResolver(session))


def _claims(state: str = "proposed") -> list[dict]:
    result = runner.invoke(app, ["review", "list", "--state", state, "--json", "--limit", "1000"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def test_scripted_review_then_views_and_exports(cli_env: Settings, tmp_path: Path) -> None:
    _propose(cli_env)
    proposed = _claims()
    assert {c["kind"] for c in proposed} == {"event", "event_person", "deal_member", "person"}
    ids = [c["id"] for c in proposed]
    accepted = runner.invoke(app, ["review", "accept", *ids, "--user", "rita", "--reason", "ok"])
    assert accepted.exit_code == 0, accepted.output
    again = runner.invoke(app, ["review", "accept", ids[0]])
    assert again.exit_code == 1 and "already accepted" in again.output

    person = runner.invoke(app, ["person", "Николай Статкевич"])
    assert person.exit_code == 0, person.output
    assert "Mikalai Statkevich" in person.output and "released" in person.output
    timeline = json.loads(runner.invoke(app, ["person", "Mikalai Statkevich", "--json"]).output)
    assert [s["type"] for s in timeline["steps"]] == ["release"]
    assert timeline["steps"][0]["sources"][0]["url"] == "https://a.example/1"

    deals = runner.invoke(app, ["deals"])
    assert "concessions" in deals.output and "Belavia" in deals.output
    events = [json.loads(x) for x in runner.invoke(app, ["events", "--json"]).output.splitlines()]
    assert {e["type"] for e in events} == {"release", "negotiation", "sanctions_lifted"}
    shown = runner.invoke(app, ["event", events[0]["id"]])
    assert shown.exit_code == 0 and "“" in shown.output

    chart = tmp_path / "counts.svg"
    stats = runner.invoke(app, ["stats", "--format", "csv", "--chart", str(chart)])
    assert stats.exit_code == 0, stats.output
    rows = list(csv.DictReader(io.StringIO(stats.output.split("\n", 1)[1])))
    assert rows[-1]["period"] == "2025-09" and rows[-1]["released"] == "52"
    assert chart.read_text().lstrip().startswith("<?xml")
    bad_chart = runner.invoke(app, ["stats", "--chart", str(tmp_path / "c.gif")])
    assert bad_chart.exit_code == 1 and ".png or .svg" in bad_chart.output

    ftm = tmp_path / "ftm.jsonl"
    assert runner.invoke(app, ["export", "--format", "ftm", "-o", str(ftm)]).exit_code == 0
    entities = [json.loads(line) for line in ftm.read_text().splitlines()]
    assert {e["schema"] for e in entities} == {"Person", "Event"}
    release = next(e for e in entities if "release" in e["properties"].get("keywords", []))
    assert len(release["properties"]["involved"]) == 2
    events_csv = tmp_path / "events.csv"
    assert (
        runner.invoke(app, ["export", "--format", "events-csv", "-o", str(events_csv)]).exit_code
        == 0
    )
    assert "Belavia" in events_csv.read_text()
    persons_csv = tmp_path / "persons.csv"
    assert runner.invoke(app, ["export", "--format", "csv", "-o", str(persons_csv)]).exit_code == 0
    with persons_csv.open(encoding="utf-8") as handle:
        statuses = {r["name"]: r["status"] for r in csv.DictReader(handle)}
    assert statuses["Mikalai Statkevich"] == "former"

    history = runner.invoke(app, ["review", "history", ids[0], "--json"])
    assert [json.loads(x)["action"] for x in history.output.splitlines()] == ["accept"]
    undone = runner.invoke(app, ["review", "undo", "--user", "rita"])
    assert undone.exit_code == 0 and "undid decision" in undone.output


def test_interactive_review_accepts_rejects_and_quits(cli_env: Settings) -> None:
    _propose(cli_env)
    before = len(_claims())
    result = runner.invoke(app, ["review", "--user", "rita"], input="a\nr\nnot a prisoner\ns\nq\n")
    assert result.exit_code == 0, result.output
    assert "accepted" in result.output and "rejected" in result.output
    assert len(_claims()) == before - 2
    assert len(_claims("accepted")) == 1 and len(_claims("rejected")) == 1


def test_edit_needs_a_change_and_names_bad_fields(cli_env: Settings) -> None:
    _propose(cli_env)
    claim = next(c for c in _claims() if c["kind"] == "event")
    empty = runner.invoke(app, ["review", "edit", claim["id"]])
    assert empty.exit_code == 1 and "nothing to change" in empty.output
    wrong = runner.invoke(app, ["review", "edit", claim["id"], "--set", "colour=red"])
    assert wrong.exit_code == 1 and "has no field colour" in wrong.output
    fixed = runner.invoke(app, ["review", "edit", claim["id"], "--set", "count=53"])
    assert fixed.exit_code == 0, fixed.output
    missing = runner.invoke(app, ["review", "merge-persons", "per_x", "per_y"])
    assert missing.exit_code == 1 and "no person" in missing.output
