"""The audit log: every change says who made it, when, and why."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from prisonwatch.db.models import AuditLog

SYSTEM = "system"


def record(
    session: Session,
    *,
    actor: str,
    action: str,
    record_type: str,
    record_id: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str | None = None,
    flush: bool = True,
) -> AuditLog:
    """Add one audit entry to the session and return it.

    With ``flush`` (the default) it is written at once, so its id is known; without, it goes
    with the session's next flush, in one multi-row INSERT with the other entries.
    """
    entry = AuditLog(
        actor=actor,
        action=action,
        record_type=record_type,
        record_id=record_id,
        before=before,
        after=after,
        reason=reason,
    )
    session.add(entry)
    if flush:
        session.flush()
    return entry
