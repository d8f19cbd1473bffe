"""The audit history of one record."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from prisonwatch.db.models import AuditLog
from prisonwatch.registry.describe import claim_label

PAST = {
    "accept": "accepted",
    "reject": "rejected",
    "edit": "corrected",
    "create": "created",
    "update": "updated",
    "delete": "deleted",
    "undo": "undid",
    "merge-persons": "merged",
}


def describe_entry(entry: AuditLog) -> str:
    """Return what an audit entry did in words: "accepted: Ihar Losik took part as affected"."""
    data = entry.after or entry.before or {}
    verb = PAST.get(entry.action, entry.action)
    if entry.action == "bulk":
        return f"{data.get('action', 'decide')}ed {len(data.get('decisions', []))} claims " + str(
            data.get("selection", "")
        )
    if entry.record_type == "claim" and data.get("kind"):
        return f"{verb}: {claim_label(str(data['kind']), data.get('value') or {})}"
    if entry.record_type == "person":
        name = data.get("name") or (entry.before or {}).get("name")
        if entry.action == "merge-persons":
            return f"merged this person into {data.get('merged_into')}"
        return f"{verb} person {name}" if name else f"{verb} person"
    return f"{verb} {entry.record_type}"


def entry_summary(entry: AuditLog) -> dict[str, Any]:
    """Return an audit entry as a plain dict, with what it did in words."""
    return {
        "summary": describe_entry(entry),
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
