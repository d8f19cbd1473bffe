"""Writes through the JSON API: bulk review with undo, person edits and deletion, by role."""

from __future__ import annotations

from sqlalchemy import select
from tests.web.conftest import client_for
from tests.web.data import Built

from prisonwatch.db.engine import session_scope
from prisonwatch.db.models import AuditLog, Person
from prisonwatch.settings import Settings
from prisonwatch.users import add_user, new_token


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_bulk_review_through_the_api(fresh: tuple[Settings, Built]) -> None:
    settings, built = fresh
    with client_for(settings) as client:
        refused = client.post(
            "/api/review/bulk",
            json={"action": "accept", "document_id": built.document_id},
            headers=_auth(built.viewer_token),
        )
        assert refused.status_code == 403
        done = client.post(
            "/api/review/bulk",
            json={"action": "accept", "document_id": built.document_id, "reason": "read it"},
            headers=_auth(built.reviewer_token),
        ).json()
        assert done["claim_ids"] == [built.pending_claim] and done["audit_id"]
        undo = client.post(
            "/api/review/undo",
            json={"audit_id": done["audit_id"]},
            headers=_auth(built.reviewer_token),
        )
        assert undo.status_code == 200 and built.pending_claim in undo.json()["claim_ids"]


def test_person_edit_and_delete_through_the_api(fresh: tuple[Settings, Built]) -> None:
    settings, built = fresh
    with session_scope(settings) as session:
        add_user(session, "ada", "a long admin password", role="admin")
        admin = new_token(session, "ada")
    with client_for(settings) as client:
        bad = client.post(
            f"/api/persons/{built.zhuk}/edit",
            json={"birth_date": "31.02.1971"},
            headers=_auth(built.reviewer_token),
        )
        assert bad.status_code == 400 and "YYYY-MM-DD" in bad.json()["error"]
        good = client.post(
            f"/api/persons/{built.zhuk}/edit",
            json={"country": "Lithuania", "reason": "moved"},
            headers=_auth(built.reviewer_token),
        )
        assert good.status_code == 200, good.text
        assert client.get(f"/api/persons/{built.zhuk}").json()["person"]["country"] == "Lithuania"
        not_admin = client.post(
            f"/api/persons/{built.hidden}/delete", json={}, headers=_auth(built.reviewer_token)
        )
        assert not_admin.status_code == 403
        gone = client.post(
            f"/api/persons/{built.hidden}/delete", json={"reason": "test"}, headers=_auth(admin)
        )
        assert gone.status_code == 200, gone.text
        assert client.get(f"/api/persons/{built.hidden}").status_code == 404
    with session_scope(settings, write=False) as session:
        assert session.get(Person, built.hidden) is None
        actions = session.scalars(
            select(AuditLog.action).where(AuditLog.record_id.in_([built.zhuk, built.hidden]))
        ).all()
        assert "update" in actions and "delete" in actions
