"""Person page forms: reviewers correct a person, admins delete one; viewers see neither."""

from __future__ import annotations

import re

from sqlalchemy import select
from tests.web.conftest import TestClient, client_for
from tests.web.data import PASSWORD, Built

from prisonwatch.db.engine import session_scope
from prisonwatch.db.models import AuditLog, Person
from prisonwatch.settings import Settings
from prisonwatch.users import add_user
from prisonwatch.web import urls

ADMIN_PASSWORD = "a long admin password"


def _csrf(page: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found, "the page has no CSRF field"
    return found.group(1)


def _login(client: TestClient, user: str, password: str = PASSWORD) -> None:
    token = _csrf(client.get(urls.login()).text)
    answer = client.post(
        urls.login(),
        data={"username": user, "password": password, "csrf_token": token},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text


def _forms(page: str, person_id: str) -> tuple[bool, bool]:
    base = urls.person(person_id)
    return f'action="{base}/edit"' in page, f'action="{base}/delete"' in page


def test_viewers_and_visitors_get_no_forms(fresh: tuple[Settings, Built]) -> None:
    settings, built = fresh
    with client_for(settings) as client:
        assert _forms(client.get(urls.person(built.zhuk)).text, built.zhuk) == (False, False)
        _login(client, "vic")
        page = client.get(urls.person(built.zhuk)).text
        assert _forms(page, built.zhuk) == (False, False)
        refused = client.post(
            urls.person(built.zhuk) + "/edit",
            data={"csrf_token": _csrf(page), "country": "Nowhere"},
            follow_redirects=False,
        )
        assert refused.status_code == 403
    with session_scope(settings, write=False) as session:
        assert session.get(Person, built.zhuk).country != "Nowhere"  # type: ignore[union-attr]


def test_a_reviewer_corrects_a_person_from_the_page(fresh: tuple[Settings, Built]) -> None:
    settings, built = fresh
    with client_for(settings) as client:
        _login(client, "rita")
        page = client.get(urls.person(built.zhuk)).text
        assert _forms(page, built.zhuk) == (True, False)
        # His birth date is kept off public pages: the form neither shows nor clears it.
        assert 'name="birth_date"' not in page and 'name="country"' in page
        with session_scope(settings, write=False) as session:
            born = session.get(Person, built.zhuk).birth_date  # type: ignore[union-attr]
        edit = urls.person(built.zhuk) + "/edit"
        assert client.post(edit, data={"country": "Lithuania"}).status_code == 403  # no CSRF
        bad = client.post(edit, data={"csrf_token": _csrf(page), "birth_date": "3 August 1970"})
        assert bad.status_code == 400 and "YYYY-MM-DD" in bad.text
        done = client.post(
            edit,
            data={
                "csrf_token": _csrf(page),
                "name": "Ihar Zhuk-Invented",
                "gender": "",
                "country": "Lithuania",
                "kind": "prisoner",
                "reason": "corrected by hand",
            },
            follow_redirects=False,
        )
        assert done.status_code == 303 and done.headers["location"].startswith(
            urls.person(built.zhuk) + "?message="
        )
        shown = client.get(done.headers["location"]).text
        assert 'id="message"' in shown and "updated" in shown
        assert '<h1 id="person-name">Ihar Zhuk-Invented</h1>' in shown
        data = client.get(f"/api/persons/{built.zhuk}").json()
        assert data["person"]["country"] == "Lithuania" and data["person"]["birth_date"] is None
        assert "Ihar Zhuk" in [n["name"] for n in data["person"]["names"]]  # the old name stays
        assert "can_edit" not in data and "can_delete" not in data
        same = client.post(edit, data={"csrf_token": _csrf(page), "country": "Lithuania"})
        assert "nothing changed" in same.text
        deleting = client.post(
            urls.person(built.zhuk) + "/delete", data={"csrf_token": _csrf(page), "confirm": "yes"}
        )
        assert deleting.status_code == 403
    with session_scope(settings, write=False) as session:
        entries = session.scalars(
            select(AuditLog).where(AuditLog.record_id == built.zhuk, AuditLog.action == "update")
        ).all()
        assert [e.actor for e in entries] == ["rita"] and entries[0].reason == "corrected by hand"
        changed = set(entries[0].after) - {
            k for k, v in entries[0].after.items() if entries[0].before.get(k) == v
        }
        assert "gender" not in changed and {"country", "name"} <= changed
        assert session.get(Person, built.zhuk).birth_date == born  # type: ignore[union-attr]


def test_an_admin_deletes_a_person_after_confirming(fresh: tuple[Settings, Built]) -> None:
    settings, built = fresh
    with session_scope(settings) as session:
        add_user(session, "ada", ADMIN_PASSWORD, role="admin")
    with client_for(settings) as client:
        _login(client, "ada", ADMIN_PASSWORD)
        page = client.get(urls.person(built.hidden)).text
        assert _forms(page, built.hidden) == (True, True)
        delete = urls.person(built.hidden) + "/delete"
        unconfirmed = client.post(delete, data={"csrf_token": _csrf(page)})
        assert unconfirmed.status_code == 400 and "confirm" in unconfirmed.text
        done = client.post(
            delete,
            data={"csrf_token": _csrf(page), "confirm": "yes", "reason": "a duplicate"},
            follow_redirects=False,
        )
        assert done.status_code == 303 and done.headers["location"].startswith(urls.persons())
        assert "deleted" in client.get(done.headers["location"]).text
        assert client.get(urls.person(built.hidden)).status_code == 404
    with session_scope(settings, write=False) as session:
        assert session.get(Person, built.hidden) is None
        actions = session.scalars(
            select(AuditLog.action).where(AuditLog.record_id == built.hidden)
        ).all()
        assert "delete" in actions
