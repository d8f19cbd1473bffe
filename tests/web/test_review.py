"""The reviewer workspace: login, CSRF, rate limit, decisions from forms and the API, history."""

from __future__ import annotations

import re

import pytest
from tests.web.conftest import TestClient, client_for
from tests.web.data import PASSWORD, Built

from prisonwatch.settings import Settings
from prisonwatch.web import urls
from prisonwatch.web.security import COOKIE


def _csrf(page: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found, "the page has no CSRF field"
    return found.group(1)


def _login(client: TestClient, user: str = "rita", password: str = PASSWORD) -> None:
    token = _csrf(client.get(urls.login()).text)
    answer = client.post(
        urls.login(),
        data={"username": user, "password": password, "csrf_token": token, "next": "/review"},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text


def test_workspace_needs_login(client: TestClient) -> None:
    answer = client.get(urls.review(), follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/login")
    assert client.get("/api/review").status_code == 403


def test_login_sets_a_safe_cookie_and_refuses_bad_passwords(client: TestClient) -> None:
    token = _csrf(client.get(urls.login()).text)
    wrong = client.post(
        urls.login(), data={"username": "rita", "password": "nope", "csrf_token": token}
    )
    assert wrong.status_code == 401 and "do not match" in wrong.text
    _login(client)
    cookie = client.cookies.jar
    assert any(c.name == COOKIE for c in cookie)
    header = client.get(urls.login()).headers.get("set-cookie") or ""
    assert header == "" or "HttpOnly" in header
    queue = client.get(urls.review())
    assert queue.status_code == 200 and "Ihar Zhuk" in queue.text


def test_cookie_flags(client: TestClient) -> None:
    answer = client.get(urls.login())
    header = answer.headers["set-cookie"]
    assert "HttpOnly" in header and "SameSite=lax" in header and "Secure" not in header
    secure = TestClient(client.app, base_url="https://testserver")
    assert "Secure" in secure.get(urls.login()).headers["set-cookie"]


def test_forms_without_csrf_are_refused(client: TestClient, built: Built) -> None:
    _login(client)
    answer = client.post(urls.review_action(built.pending_claim, "accept"), data={})
    assert answer.status_code == 403 and "form has expired" in answer.text
    forged = client.post(
        urls.review_action(built.pending_claim, "accept"), data={"csrf_token": "forged"}
    )
    assert forged.status_code == 403


def test_login_is_rate_limited(sqlite_settings: Settings) -> None:
    limited = sqlite_settings.model_copy(update={"login_attempts_per_minute": 3})
    with client_for(limited) as client:
        token = _csrf(client.get(urls.login()).text)
        codes = [
            client.post(
                urls.login(), data={"username": "x", "password": "y", "csrf_token": token}
            ).status_code
            for _ in range(5)
        ]
    assert codes == [401, 401, 401, 429, 429]


def test_viewer_cannot_decide(client: TestClient, built: Built) -> None:
    _login(client, "vic")
    page = client.get(urls.review()).text
    answer = client.post(
        urls.review_action(built.pending_claim, "accept"), data={"csrf_token": _csrf(page)}
    )
    assert answer.status_code == 403 and "reviewer role" in answer.text


def test_accept_from_the_queue_then_undo(fresh: tuple[Settings, Built]) -> None:
    settings, built = fresh
    with client_for(settings) as client:
        _login(client)
        page = client.get(urls.review()).text
        answer = client.post(
            urls.review_action(built.pending_claim, "accept"),
            data={"csrf_token": _csrf(page), "reason": "checked the article"},
            follow_redirects=False,
        )
        assert answer.status_code == 303
        assert "accepted" in client.get(answer.headers["location"]).text
        person = client.get(urls.api(urls.person(built.zhuk))).json()
        assert person["status"]["state"] == "released"
        history = client.get(urls.history(built.pending_claim)).text
        assert "checked the article" in history and "rita" in history
        undo = client.post(
            urls.review_undo(), data={"csrf_token": _csrf(page)}, follow_redirects=False
        )
        assert undo.status_code == 303
        person = client.get(urls.api(urls.person(built.zhuk))).json()
        assert person["status"]["state"] == "unknown"


@pytest.mark.parametrize("token_of", ["viewer", "none"])
def test_api_writes_need_a_reviewer_token(client: TestClient, built: Built, token_of: str) -> None:
    headers = {"Authorization": f"Bearer {built.viewer_token}"} if token_of == "viewer" else {}
    answer = client.post(
        f"/api/review/claims/{built.pending_claim}/accept", json={}, headers=headers
    )
    assert answer.status_code == 403
    assert answer.json()["status"] == 403


def test_api_review_flow(fresh: tuple[Settings, Built]) -> None:
    settings, built = fresh
    auth = {"Authorization": f"Bearer {built.reviewer_token}"}
    with client_for(settings) as client:
        queue = client.get("/api/review", headers=auth).json()
        assert [c["id"] for c in queue["items"]] == [built.pending_claim]
        assert queue["items"][0]["quote"] and queue["items"][0]["reason"]
        decided = client.post(
            f"/api/review/claims/{built.pending_claim}/reject",
            json={"reason": "wrong"},
            headers=auth,
        )
        assert decided.status_code == 200, decided.text
        again = client.post(
            f"/api/review/claims/{built.pending_claim}/accept", json={}, headers=auth
        )
        assert again.status_code == 409 and "already rejected" in again.json()["error"]
        assert client.post("/api/review/undo", json={}, headers=auth).status_code == 200
        edited = client.post(
            f"/api/review/claims/{built.pending_claim}/edit",
            json={"changes": {"role": "affected"}, "reason": "fine"},
            headers=auth,
        )
        assert edited.status_code == 200, edited.text
        merged = client.post(
            "/api/review/merge",
            json={"source_id": built.hidden, "target_id": built.zhuk},
            headers=auth,
        )
        assert merged.status_code == 200
        history = client.get(f"/api/review/history/{built.hidden}", headers=auth).json()
        assert history["items"][0]["action"] == "merge-persons"
        assert client.get(urls.api(urls.person(built.zhuk))).json()["status"]["state"] == (
            "released"
        )


def test_a_crash_is_a_sentence(sqlite_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    from prisonwatch.web import home

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("internal detail")

    with client_for(sqlite_settings, raise_server_exceptions=False) as client:
        monkeypatch.setattr(home.Snapshot, "public_persons", boom)
        page = client.get("/")
    assert page.status_code == 500
    assert "Something went wrong" in page.text and "internal detail" not in page.text
