"""The login limit cannot be dodged by rotating X-Forwarded-For; an account locks after failures."""

from __future__ import annotations

import re
import time

import httpx
import pytest

from prisonwatch.db.engine import session_scope
from prisonwatch.settings import Settings
from prisonwatch.users import add_user
from prisonwatch.web import create_app, urls
from prisonwatch.web.security import _PRUNE_AT, AccountLockout, TooManyAttempts
from tests.security.live import live

PASSWORD = "correct horse battery"


def _attempts(
    settings: Settings, tries: list[tuple[str, str]], forwarded: bool = True
) -> list[tuple[int, str]]:
    """Post each (username, password) from a new X-Forwarded-For address; return codes, texts."""
    with (
        live(create_app(settings)) as (host, port),
        httpx.Client(
            base_url=f"http://{host}:{port}", follow_redirects=False, timeout=10
        ) as client,
    ):
        page = client.get(urls.login()).text
        found = re.search(r'name="csrf_token" value="([^"]+)"', page)
        assert found
        answers = []
        for number, (user, password) in enumerate(tries):
            headers = {"X-Forwarded-For": f"203.0.113.{number + 1}"} if forwarded else {}
            answer = client.post(
                urls.login(),
                data={"username": user, "password": password, "csrf_token": found.group(1)},
                headers=headers,
            )
            answers.append((answer.status_code, answer.text))
    return answers


@pytest.fixture
def users(settings: Settings) -> Settings:
    """Return settings of a database with two reviewers."""
    with session_scope(settings) as session:
        add_user(session, "anna", PASSWORD, role="reviewer")
        add_user(session, "bob", PASSWORD, role="reviewer")
    return settings


def test_rotating_forwarded_for_does_not_dodge_the_limit(users: Settings) -> None:
    assert users.trusted_proxies == ""
    codes = [code for code, _ in _attempts(users, [("anna", "wrong guess")] * 8)]
    assert codes == [401] * 5 + [429] * 3


def test_trusted_proxy_address_is_used_and_the_account_locks(users: Settings) -> None:
    behind = users.model_copy(update={"trusted_proxies": "127.0.0.1"})
    tries = [("anna", f"guess {n}") for n in range(10)] + [("anna", PASSWORD), ("bob", PASSWORD)]
    answers = _attempts(behind, tries)
    # Each guess came from another client address the proxy vouched for: no per-address limit,
    # but the account locks after 10 failures, even for the right password; bob is unaffected.
    assert [code for code, _ in answers] == [401] * 10 + [429, 303]
    assert "account is locked after 10 failed logins" in answers[10][1]


def test_untrusted_client_cannot_claim_to_be_a_proxy(users: Settings) -> None:
    elsewhere = users.model_copy(update={"trusted_proxies": "10.9.8.7"})
    codes = [code for code, _ in _attempts(elsewhere, [("anna", "wrong guess")] * 6)]
    assert codes == [401] * 5 + [429]


def test_lockout_is_per_account_case_blind_and_expires() -> None:
    lockout = AccountLockout(failures=2, window_s=0.3)
    lockout.failed("Anna")
    lockout.check("anna")
    lockout.failed("anna")
    with pytest.raises(TooManyAttempts, match="locked after 2 failed logins"):
        lockout.check("ANNA")
    lockout.check("bob")
    time.sleep(0.35)
    lockout.check("anna")


def test_made_up_accounts_cannot_grow_the_table_without_bound() -> None:
    lockout = AccountLockout(failures=5, window_s=0.05)
    for number in range(_PRUNE_AT):
        lockout.failed(f"user{number}")
    time.sleep(0.1)
    lockout.failed("one more")
    assert len(lockout._failed) == 1
