"""``prisonwatch users`` and ``prisonwatch serve`` through the real CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from prisonwatch.cli.main import app
from prisonwatch.db.engine import session_scope
from prisonwatch.settings import Settings
from prisonwatch.users import authenticate, user_for_token


def test_users_add_and_token(cli_env: Settings) -> None:
    runner = CliRunner()
    added = runner.invoke(
        app,
        ["users", "add", "anna", "--role", "reviewer", "--password-stdin"],
        input="a-long-pass\n",
    )
    assert added.exit_code == 0, added.output
    token = runner.invoke(app, ["users", "token", "anna"])
    assert token.exit_code == 0
    printed = token.stdout.strip()
    with session_scope(cli_env, write=False) as session:
        user = authenticate(session, "anna", "a-long-pass")
        assert user is not None and user.role == "reviewer"
        found = user_for_token(session, printed)
        assert found is not None and found.username == "anna"
    again = runner.invoke(app, ["users", "add", "anna", "--password-stdin"], input="a-long-pass\n")
    assert again.exit_code != 0
    short = runner.invoke(app, ["users", "add", "bob", "--password-stdin"], input="short\n")
    assert short.exit_code != 0
    listed = runner.invoke(app, ["users", "list"])
    assert "anna\treviewer" in listed.stdout


def test_serve_has_help_with_an_example() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout and "--port" in result.stdout


@pytest.mark.parametrize("host", ["0.0.0.0", "127.0.0.1"])
@pytest.mark.parametrize("key", ["change-me-in-production", "x", "ab" * 30])
def test_serve_refuses_a_weak_key_on_every_host(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, host: str, key: str
) -> None:
    from prisonwatch.settings import get_settings

    monkeypatch.setenv("PRISONWATCH_SECRET_KEY", key)
    monkeypatch.setenv("PRISONWATCH_DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    result = CliRunner().invoke(app, ["serve", "--host", host])
    get_settings.cache_clear()
    assert result.exit_code == 1
    assert "PRISONWATCH_SECRET_KEY" in result.output and "forge" in result.output
    assert not (tmp_path / "prisonwatch.sqlite").exists()
