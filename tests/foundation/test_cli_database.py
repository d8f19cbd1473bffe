"""Every command names the database it uses, on stderr, and never inside machine output."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from prisonwatch.cli.common import database_name
from prisonwatch.cli.main import app
from prisonwatch.settings import Settings

runner = CliRunner()


def test_human_output_names_the_database_on_stderr(cli_env: Settings) -> None:
    where = database_name(cli_env)
    for _ in range(2):  # each command says it again, though one process runs both
        listed = runner.invoke(app, ["persons", "list", "--limit", "1"])
        assert listed.exit_code == 0, listed.output
        assert listed.stderr.count(f"database: {where}") == 1, listed.stderr
        assert "database:" not in listed.stdout
    # A wrong id still says where it looked: the user sees at once it was the wrong database.
    missing = runner.invoke(app, ["persons", "show", "per_nobody"])
    assert missing.exit_code == 1 and f"database: {where}" in missing.stderr


def test_json_and_csv_output_is_left_alone(cli_env: Settings) -> None:
    added = runner.invoke(app, ["persons", "add", "Invented Person"])
    assert added.exit_code == 0, added.output
    listed = runner.invoke(app, ["persons", "list", "--json"])
    assert [json.loads(line)["name"] for line in listed.output.splitlines()] == ["Invented Person"]
    exported = runner.invoke(app, ["export", "--format", "csv"])
    assert exported.exit_code == 0 and "database:" not in exported.output
    assert "Invented Person" in exported.output


def test_users_commands_say_which_database_they_wrote_to(cli_env: Settings) -> None:
    where = f"in database {database_name(cli_env)}"
    added = runner.invoke(
        app, ["users", "add", "anna", "--role", "reviewer", "--password-stdin"], input="long-pass\n"
    )
    assert added.exit_code == 0, added.output
    assert f"added user anna with role reviewer {where}" in added.stdout
    assert "PRISONWATCH_DATA_DIR=data/demo" in added.stderr
    token = runner.invoke(app, ["users", "token", "anna"])
    assert token.exit_code == 0, token.output
    assert len(token.stdout.split()) == 1  # the token alone, for scripts
    assert where in token.stderr
    for args in (["passwd", "anna", "--password-stdin"], ["revoke", "anna"]):
        done = runner.invoke(app, ["users", *args], input="other-long-pass\n")
        assert done.exit_code == 0 and where in done.stdout, done.output
    removed = runner.invoke(app, ["users", "remove", "anna"])
    assert removed.exit_code == 0 and where in removed.stdout
