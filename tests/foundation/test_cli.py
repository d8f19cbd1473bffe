"""The CLI: every command documented with an example, in the README, and with clean errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

import prisonwatch
from prisonwatch.cli.main import app
from prisonwatch.settings import Settings

README = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
runner = CliRunner()


def _commands() -> list[tuple[str, Any]]:
    root: Any = typer.main.get_command(app)
    found = []
    for name, command in root.commands.items():
        subs = getattr(command, "commands", None)
        if subs:
            found.extend((f"{name} {sub}", cmd) for sub, cmd in subs.items())
        else:
            found.append((name, command))
    return found


@pytest.mark.parametrize(
    ("name", "command"), _commands(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_every_command_has_help_with_an_example(name: str, command: Any) -> None:
    result = runner.invoke(app, [*name.split(), "--help"])
    assert result.exit_code == 0, result.output
    assert "Example:" in (command.help or ""), f"'prisonwatch {name} --help' has no example"
    assert f"prisonwatch {name.split()[0]}" in README, f"README does not mention {name}"


def test_user_error_is_one_line_with_exit_1(cli_env: Settings, tmp_path: Path) -> None:
    missing = tmp_path / "nope.csv"
    result = runner.invoke(app, ["import", str(missing)])
    assert result.exit_code == 1
    assert "cannot read" in result.output and str(missing) in result.output
    assert "Traceback" not in result.output


def test_usage_error_exits_2() -> None:
    result = runner.invoke(app, ["persons", "list", "--limit", "zero"])
    assert result.exit_code == 2


def test_persons_add_list_show_and_export(cli_env: Settings, tmp_path: Path) -> None:
    added = runner.invoke(
        app,
        ["persons", "add", "Ales Bialiatski", "--alias", "Алесь Бяляцкі", "--id", "wikidata=Q1"],
    )
    assert added.exit_code == 0, added.output
    person_id = added.output.split()[-1]
    listed = runner.invoke(app, ["persons", "list", "Бяляц", "--json"])
    assert person_id in listed.output
    shown = runner.invoke(app, ["persons", "show", person_id])
    assert "Алесь Бяляцкі" in shown.output and "wikidata: Q1" in shown.output
    out = tmp_path / "persons.csv"
    exported = runner.invoke(app, ["export", "--format", "csv", "-o", str(out)])
    assert exported.exit_code == 0, exported.output
    assert "Ales Bialiatski" in out.read_text(encoding="utf-8")
    bad = runner.invoke(app, ["persons", "add", "X", "--id", "nonsense"])
    assert bad.exit_code == 1 and "SCHEME=VALUE" in bad.output


def test_public_surface_is_declared() -> None:
    public = {name for name in dir(prisonwatch) if not name.startswith("_")}
    modules = {
        "audit",
        "documents",
        "errors",
        "invisible",
        "persons",
        "scripts",
        "settings",
        "tunables",
        "db",
        "io",
        "cli",
        "registry",
        "ingest",
        "extract",
        "names",
        "web",
        "users",
        "language",
    }
    assert set(prisonwatch.__all__) - {"__version__"} == public - modules
