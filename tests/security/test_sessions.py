"""Logout, a password change and user removal end sessions; tokens can be revoked; CLI shells."""

from __future__ import annotations

import re
import warnings

import pytest
from typer.testing import CliRunner

from prisonwatch.cli.main import app
from prisonwatch.db.engine import session_scope
from prisonwatch.settings import Settings
from prisonwatch.users import add_user, new_token, remove_user, revoke_tokens, set_password
from prisonwatch.web import create_app, urls
from prisonwatch.web.security import COOKIE

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

PASSWORD = "correct horse battery"


def _csrf(page: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found, "the page has no CSRF field"
    return found.group(1)


def _login(client: TestClient, user: str = "anna", password: str = PASSWORD) -> str:
    token = _csrf(client.get(urls.login()).text)
    answer = client.post(
        urls.login(),
        data={"username": user, "password": password, "csrf_token": token},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    return str(client.cookies[COOKIE])


def _logged_in(settings: Settings, cookie: str) -> bool:
    """Return True when a fresh client holding only ``cookie`` sees the reviewer workspace."""
    with TestClient(create_app(settings), cookies={COOKIE: cookie}) as other:
        answer = other.get(urls.review(), follow_redirects=False)
    assert answer.status_code in (200, 303)
    return answer.status_code == 200


@pytest.fixture
def anna(settings: Settings) -> Settings:
    """Return settings of a database with one reviewer, anna."""
    with session_scope(settings) as session:
        add_user(session, "anna", PASSWORD, role="reviewer")
    return settings


def test_logout_ends_the_session_and_its_copies(anna: Settings) -> None:
    with TestClient(create_app(anna)) as client:
        cookie = _login(client)
        assert _logged_in(anna, cookie)
        assert "anna" in client.get(urls.home()).text
        page = client.get(urls.review()).text
        answer = client.post(urls.LOGOUT, data={"csrf_token": _csrf(page)}, follow_redirects=False)
        assert answer.status_code == 303
    # A copy of the cookie taken before logout (stolen, or another tab) no longer works, and no
    # page greets its old user.
    assert not _logged_in(anna, cookie)
    with TestClient(create_app(anna), cookies={COOKIE: cookie}) as other:
        assert "anna" not in other.get(urls.home()).text


def test_password_change_ends_sessions(anna: Settings) -> None:
    with TestClient(create_app(anna)) as client:
        cookie = _login(client)
    with session_scope(anna) as session:
        set_password(session, "anna", "another good password")
    assert not _logged_in(anna, cookie)
    with TestClient(create_app(anna)) as client:
        assert _logged_in(anna, _login(client, password="another good password"))


def test_removed_user_is_logged_out_even_if_the_name_comes_back(anna: Settings) -> None:
    with TestClient(create_app(anna)) as client:
        cookie = _login(client)
    with session_scope(anna) as session:
        remove_user(session, "anna")
    assert not _logged_in(anna, cookie)
    with session_scope(anna) as session:
        add_user(session, "anna", PASSWORD, role="reviewer")
    assert not _logged_in(anna, cookie)


def test_revoked_token_is_refused(anna: Settings) -> None:
    with session_scope(anna) as session:
        kept = new_token(session, "anna", label="keep")
        dropped = new_token(session, "anna", label="script")
    with session_scope(anna) as session:
        assert revoke_tokens(session, "anna", label="script") == 1
    with TestClient(create_app(anna)) as client:
        for token, status in ((kept, 200), (dropped, 403)):
            answer = client.get(urls.api(urls.REVIEW), headers={"Authorization": f"Bearer {token}"})
            assert answer.status_code == status


def test_users_commands(cli_env: Settings) -> None:
    runner = CliRunner()
    added = runner.invoke(
        app, ["users", "add", "anna", "--role", "reviewer", "--password-stdin"], input=PASSWORD
    )
    assert added.exit_code == 0, added.output
    token = runner.invoke(app, ["users", "token", "anna", "--label", "script"]).stdout.strip()
    with TestClient(create_app(cli_env)) as client:
        cookie = _login(client)
    changed = runner.invoke(
        app, ["users", "passwd", "anna", "--password-stdin"], input="a new long password\n"
    )
    assert changed.exit_code == 0 and "sessions have ended" in changed.output
    assert not _logged_in(cli_env, cookie)
    revoked = runner.invoke(app, ["users", "revoke", "anna"])
    assert revoked.exit_code == 0 and "revoked 1 API token(s) of anna" in revoked.output
    with TestClient(create_app(cli_env)) as client:
        answer = client.get(urls.api(urls.REVIEW), headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == 403
    removed = runner.invoke(app, ["users", "remove", "anna"])
    assert removed.exit_code == 0, removed.output
    listed = runner.invoke(app, ["users", "list"])
    assert "anna" not in listed.output
    missing = runner.invoke(app, ["users", "remove", "anna"])
    assert missing.exit_code != 0 and "no user 'anna'" in missing.output
    short = runner.invoke(app, ["users", "passwd", "nobody", "--password-stdin"], input="x\n")
    assert short.exit_code != 0
    for command in ("passwd", "revoke", "remove"):
        helped = runner.invoke(app, ["users", command, "--help"])
        assert "Example: " in helped.output
