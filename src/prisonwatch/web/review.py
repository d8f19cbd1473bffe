"""The reviewer workspace: the queue of proposed claims and the audit history, page and JSON."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from prisonwatch.db.models import CLAIM_STATES, AuditLog, Claim, Document, Event, Person
from prisonwatch.registry import claims as kinds
from prisonwatch.registry.describe import event_label, source_label
from prisonwatch.registry.history import describe_entry
from prisonwatch.registry.review import list_claims
from prisonwatch.users import has_role, user_for_token
from prisonwatch.web import urls
from prisonwatch.web.deps import api_user, page_user, read_db
from prisonwatch.web.documents import claim_label
from prisonwatch.web.items import paginate
from prisonwatch.web.render import page
from prisonwatch.web.schemas import AuditItem, ClaimGroup, ClaimItem, HistoryContext, ReviewContext
from prisonwatch.web.security import session_user

router = APIRouter()


def _page_viewer(request: Request, session: Session = Depends(read_db)) -> None:
    page_user(request, session, "viewer")


def _api_viewer(request: Request, session: Session = Depends(read_db)) -> None:
    api_user(request, session, "viewer")


HTML_AUTH = [Depends(_page_viewer)]
API_AUTH = [Depends(_api_viewer)]


def _candidates(value: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for item in value.get("candidates") or []:
        if isinstance(item, dict) and item.get("person_id"):
            found.append({**item, "url": urls.person(str(item["person_id"]))})
    return found


def claim_item(
    claim: Claim, titles: dict[str, str | None], labels: dict[str, str] | None = None
) -> ClaimItem:
    """Return a claim as the queue shows it."""
    doc = claim.document_id
    return ClaimItem(
        id=claim.id,
        kind=claim.kind,
        state=claim.state,
        subject_type=claim.subject_type,
        subject_id=claim.subject_id,
        subject_url=urls.subject(claim.subject_type, claim.subject_id),
        history_url=urls.history(claim.id),
        property=claim.property,
        value=dict(claim.value or {}),
        label=claim_label(claim),
        quote=claim.quote,
        document_id=doc,
        document_title=titles.get(doc) if doc else None,
        document_label=(labels or {}).get(doc) if doc else None,
        document_url=urls.document(doc, claim.id) if doc else None,
        confidence=claim.confidence,
        reason=claim.reason,
        candidates=_candidates(claim.value or {}),
        decided_by=claim.decided_by,
    )


def _can_review(request: Request, session: Session) -> bool:
    user = session_user(request, session)
    if user is None:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() == "bearer" and token.strip():
            user = user_for_token(session, token.strip())
    return user is not None and has_role(user, "reviewer")


def _group_title(session: Session, subject_type: str, subject_id: str) -> str:
    if subject_type == "event":
        event = session.get(Event, subject_id)
        if event is not None:
            return event_label(
                {
                    "type": event.type,
                    "date": event.date_value,
                    "count": event.count,
                    "count_qualifier": event.count_qualifier,
                    "actor": event.actor,
                    "destination": event.destination,
                    "object": event.object,
                }
            )
    if subject_type == "person":
        person = session.get(Person, subject_id)
        if person is not None:
            return f"new person: {person.primary_name}"
    return f"{subject_type} {subject_id}"


def _groups(session: Session, items: list[ClaimItem]) -> list[ClaimGroup]:
    groups: dict[tuple[str, str], ClaimGroup] = {}
    for item in items:
        key = (item.subject_type, item.subject_id)
        group = groups.get(key)
        if group is None:
            group = groups[key] = ClaimGroup(
                id=f"card-{item.subject_id}",
                subject_type=item.subject_type,
                subject_id=item.subject_id,
                subject_url=item.subject_url,
                title=_group_title(session, *key),
                items=[],
            )
        group.items.append(item)
        if item.document_id:
            group.documents[item.document_id] = item.document_label or item.document_id
    order = {kinds.EVENT: 0, kinds.DEAL_MEMBER: 1, kinds.EVENT_PERSON: 2, kinds.PERSON: 3}
    for group in groups.values():
        group.items.sort(key=lambda c: order.get(c.kind, 9))  # the event first, then its parts
    return list(groups.values())


@page(
    router,
    urls.REVIEW,
    name="review",
    template="review.html",
    model=ReviewContext,
    html_dependencies=HTML_AUTH,
    api_dependencies=API_AUTH,
)
def review(
    request: Request,
    state: Literal["proposed", "accepted", "rejected", "superseded"] = Query("proposed"),
    kind: str | None = Query(None, pattern=r"^(event|event_person|deal_member|person)?$"),
    page: int = Query(1, ge=1, le=100_000),
    per_page: int = Query(25, ge=1, le=100),
    session: Session = Depends(read_db),
) -> ReviewContext:
    """Claims waiting for a decision, with quote, reason, confidence and candidates."""
    kind = kind or None
    found = list_claims(
        session, state=state, kind=kind, limit=per_page, offset=(page - 1) * per_page
    )
    total_stmt = select(func.count()).select_from(Claim).where(Claim.state == state)
    if kind:
        total_stmt = total_stmt.where(Claim.kind == kind)
    total = int(session.scalar(total_stmt) or 0)
    doc_ids = sorted({c.document_id for c in found if c.document_id})
    docs = list(session.scalars(select(Document).where(Document.id.in_(doc_ids))))
    titles = {d.id: d.title for d in docs}
    labels = {
        d.id: source_label({"title": d.title, "publisher": d.publisher, "published": d.published})
        for d in docs
    }
    items = [claim_item(c, titles, labels) for c in found]
    return ReviewContext(
        state=state,
        kind=kind,
        kinds=list(kinds.KINDS),
        states=list(CLAIM_STATES),
        items=items,
        groups=_groups(session, items),
        can_review=_can_review(request, session),
        pagination=paginate(total, page, per_page, urls.review, state=state, kind=kind),
    )


def _record_url(entry: AuditLog) -> str | None:
    if entry.record_type == "claim":
        return urls.history(entry.record_id)
    return urls.subject(entry.record_type, entry.record_id)


def _history(session: Session, record_id: str | None, page: int, per_page: int) -> HistoryContext:
    stmt = select(AuditLog)
    count = select(func.count()).select_from(AuditLog)
    if record_id:
        stmt = stmt.where(AuditLog.record_id == record_id)
        count = count.where(AuditLog.record_id == record_id)
    entries = session.scalars(
        stmt.order_by(AuditLog.id.desc()).limit(per_page).offset((page - 1) * per_page)
    )
    total = int(session.scalar(count) or 0)
    build = (lambda **p: urls.history(record_id, **p)) if record_id else urls.history
    return HistoryContext(
        record_id=record_id,
        items=[
            AuditItem(
                id=e.id,
                at=e.at.isoformat(),
                actor=e.actor,
                action=e.action,
                record_type=e.record_type,
                record_id=e.record_id,
                record_url=_record_url(e),
                summary=describe_entry(e),
                reason=e.reason,
                before=e.before,
                after=e.after,
                undone_by=e.undone_by,
            )
            for e in entries
        ],
        pagination=paginate(total, page, per_page, build),
    )


@page(
    router,
    urls.HISTORY,
    name="history",
    template="history.html",
    model=HistoryContext,
    html_dependencies=HTML_AUTH,
    api_dependencies=API_AUTH,
)
def history(
    page: int = Query(1, ge=1, le=100_000),
    per_page: int = Query(50, ge=1, le=200),
    session: Session = Depends(read_db),
) -> HistoryContext:
    """Every change, newest first: who did what, when and why."""
    return _history(session, None, page, per_page)


@page(
    router,
    urls.RECORD_HISTORY,
    name="record_history",
    template="history.html",
    model=HistoryContext,
    html_dependencies=HTML_AUTH,
    api_dependencies=API_AUTH,
)
def record_history(
    record_id: str = Path(max_length=40, description="A claim, person, event or user id."),
    page: int = Query(1, ge=1, le=100_000),
    per_page: int = Query(50, ge=1, le=200),
    session: Session = Depends(read_db),
) -> HistoryContext:
    """The audit history of one record, newest first."""
    return _history(session, record_id, page, per_page)
