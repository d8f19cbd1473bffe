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
) -> AuditLog:
    """Add one audit entry to the session and return it."""
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
    session.flush()
    return entry
