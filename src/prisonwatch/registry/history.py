"""The audit history of one record."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from prisonwatch.db.models import AuditLog


def entry_summary(entry: AuditLog) -> dict[str, Any]:
    """Return an audit entry as a plain dict."""
    return {
        "id": entry.id,
        "at": entry.at.isoformat(),
        "actor": entry.actor,
        "action": entry.action,
        "record_type": entry.record_type,
        "record_id": entry.record_id,
        "before": entry.before,
        "after": entry.after,
        "reason": entry.reason,
        "undone_by": entry.undone_by,
    }


def history(session: Session, record_id: str) -> list[dict[str, Any]]:
    """Return every audit entry about one record, oldest first."""
    stmt = select(AuditLog).where(AuditLog.record_id == record_id).order_by(AuditLog.id)
    return [entry_summary(e) for e in session.scalars(stmt)]
