"""Review decisions from the workspace's forms and from the JSON API, through one function."""

from __future__ import annotations

import json
from typing import Any, Literal
from urllib.parse import quote_plus

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from prisonwatch.db.engine import session_scope
from prisonwatch.errors import InputError
from prisonwatch.registry import review as library
from prisonwatch.registry.bulk import BulkSelection, bulk_decide
from prisonwatch.registry.person_edit import delete_person, update_person
from prisonwatch.registry.review import Decision
from prisonwatch.web import urls
from prisonwatch.web.deps import api_user, page_user, settings_of
from prisonwatch.web.render import ERROR_RESPONSES
from prisonwatch.web.schemas import (
    BulkBody,
    BulkIn,
    DecisionBody,
    EditIn,
    MergeIn,
    PersonChangeBody,
    PersonEditIn,
    ReasonIn,
    UndoIn,
)
from prisonwatch.web.security import check_csrf

router = APIRouter()

Action = Literal["accept", "reject", "edit"]


def decide(session: Session, actor: str, action: str, **args: Any) -> Decision:
    """Apply one review action through the registry library."""
    reason = args.get("reason") or None
    if action == "accept":
        return library.accept(session, args["claim_id"], actor=actor, reason=reason)
    if action == "reject":
        return library.reject(session, args["claim_id"], actor=actor, reason=reason)
    if action == "edit":
        return library.edit(session, args["claim_id"], args["changes"], actor=actor, reason=reason)
    if action == "merge":
        return library.merge_persons(
            session, args["source_id"], args["target_id"], actor=actor, reason=reason
        )
    return library.undo(session, args.get("audit_id"), actor=actor, reason=reason)


def _api(request: Request, action: str, **args: Any) -> DecisionBody:
    with session_scope(settings_of(request), write=True) as session:
        user = api_user(request, session, "reviewer")
        found = decide(session, user.username, action, **args)
    return DecisionBody(**found.__dict__)


def _back(request: Request, message: str, anchor: str | None) -> RedirectResponse:
    """Go back to the page the form was on, with the message, at the card it was on."""
    back = request.headers.get("referer") or ""
    target = back if back.startswith(str(request.base_url)) else urls.review()
    target = target.split("#")[0]
    base, _, query = target.partition("?")
    kept = [p for p in query.split("&") if p and not p.startswith("message=")]
    kept.append("message=" + quote_plus(message))
    target = f"{base}?{'&'.join(kept)}"
    # Back at the card decided on, not at the top of the page.
    if anchor and all(c.isalnum() or c in "-_" for c in anchor):
        target += f"#{anchor}"
    return RedirectResponse(target, status_code=303)


def _form(
    request: Request, token: str | None, action: str, anchor: str | None = None, **args: Any
) -> RedirectResponse:
    check_csrf(request, token)
    with session_scope(settings_of(request), write=True) as session:
        user = page_user(request, session, "reviewer")
        found = decide(session, user.username, action, **args)
    return _back(request, found.message, anchor)


def _parse(value: str) -> Any:
    # A number or a list typed into the edit form keeps its JSON type; anything else is text.
    try:
        parsed = json.loads(value)
    except ValueError:
        return value
    return parsed if isinstance(parsed, int | float | list) else value


@router.post(urls.REVIEW_ACTION, include_in_schema=False)
def claim_form(
    request: Request,
    claim_id: str = Path(max_length=40),
    action: Action = Path(),
    csrf_token: str | None = Form(None),
    reason: str | None = Form(None, max_length=2000),
    field: str | None = Form(None, max_length=40),
    value: str | None = Form(None, max_length=2000),
    anchor: str | None = Form(None, max_length=60),
) -> RedirectResponse:
    """Accept, reject or edit one claim from the review queue."""
    changes: dict[str, Any] = {}
    if action == "edit":
        if not field or value is None:
            raise InputError("an edit needs a field and its new value")
        changes = {field: _parse(value)}
    return _form(
        request, csrf_token, action, anchor, claim_id=claim_id, changes=changes, reason=reason
    )


def _bulk(request: Request, actor: str, body: BulkIn, session: Session) -> BulkBody:
    result = bulk_decide(
        session,
        body.action,
        BulkSelection(
            document_id=body.document_id or None,
            event_id=body.event_id or None,
            min_confidence=body.min_confidence,
            kind=body.kind or None,
        ),
        actor=actor,
        reason=body.reason or None,
    )
    return BulkBody(
        audit_id=result.audit_id,
        claim_ids=result.decided,
        skipped=result.skipped,
        message=result.message,
    )


@router.post(urls.REVIEW_BULK, include_in_schema=False)
def bulk_form(
    request: Request,
    csrf_token: str | None = Form(None),
    action: str = Form(..., pattern=r"^(accept|reject)$"),
    document_id: str | None = Form(None, max_length=32),
    event_id: str | None = Form(None, max_length=40),
    min_confidence: str | None = Form(None, max_length=10),
    reason: str | None = Form(None, max_length=2000),
    anchor: str | None = Form(None, max_length=60),
) -> RedirectResponse:
    """Accept or reject every proposed claim of a document, an event, or above a confidence."""
    check_csrf(request, csrf_token)
    try:
        confidence = float(min_confidence) if min_confidence else None
    except ValueError:
        raise InputError(f"confidence {min_confidence!r}: write a number from 0 to 1") from None
    body = BulkIn(
        action=action,
        document_id=document_id,
        event_id=event_id,
        min_confidence=confidence,
        reason=reason,
    )
    with session_scope(settings_of(request), write=True) as session:
        user = page_user(request, session, "reviewer")
        found = _bulk(request, user.username, body, session)
    message = found.message + (f" (undo: decision {found.audit_id})" if found.audit_id else "")
    return _back(request, message, anchor)


@router.post(urls.api(urls.REVIEW_BULK), response_model=BulkBody, responses=ERROR_RESPONSES)
def api_bulk(request: Request, body: BulkIn) -> Any:
    """Accept or reject many proposed claims with one reason; undo its audit entry to undo all."""
    with session_scope(settings_of(request), write=True) as session:
        user = api_user(request, session, "reviewer")
        return _bulk(request, user.username, body, session)


@router.post(urls.REVIEW_MERGE, include_in_schema=False)
def merge_form(
    request: Request,
    csrf_token: str | None = Form(None),
    source_id: str = Form(..., max_length=40),
    target_id: str = Form(..., max_length=40),
    reason: str | None = Form(None, max_length=2000),
) -> RedirectResponse:
    """Merge one person into another from the workspace."""
    return _form(
        request, csrf_token, "merge", source_id=source_id, target_id=target_id, reason=reason
    )


@router.post(urls.REVIEW_UNDO, include_in_schema=False)
def undo_form(
    request: Request,
    csrf_token: str | None = Form(None),
    audit_id: int | None = Form(None),
    reason: str | None = Form(None, max_length=2000),
) -> RedirectResponse:
    """Undo the last decision, or the one named, from the workspace."""
    return _form(request, csrf_token, "undo", audit_id=audit_id, reason=reason)


@router.post(
    urls.api("/review/claims/{claim_id}/accept"),
    response_model=DecisionBody,
    responses=ERROR_RESPONSES,
)
def api_accept(request: Request, body: ReasonIn, claim_id: str = Path(max_length=40)) -> Any:
    """Accept a proposed claim (reviewer token)."""
    return _api(request, "accept", claim_id=claim_id, reason=body.reason)


@router.post(
    urls.api("/review/claims/{claim_id}/reject"),
    response_model=DecisionBody,
    responses=ERROR_RESPONSES,
)
def api_reject(request: Request, body: ReasonIn, claim_id: str = Path(max_length=40)) -> Any:
    """Reject a proposed claim (reviewer token)."""
    return _api(request, "reject", claim_id=claim_id, reason=body.reason)


@router.post(
    urls.api("/review/claims/{claim_id}/edit"),
    response_model=DecisionBody,
    responses=ERROR_RESPONSES,
)
def api_edit(request: Request, body: EditIn, claim_id: str = Path(max_length=40)) -> Any:
    """Replace a claim's value with a correction, accepted (reviewer token)."""
    return _api(request, "edit", claim_id=claim_id, changes=body.changes, reason=body.reason)


@router.post(urls.api(urls.REVIEW_MERGE), response_model=DecisionBody, responses=ERROR_RESPONSES)
def api_merge(request: Request, body: MergeIn) -> Any:
    """Merge one person into another (reviewer token)."""
    return _api(
        request, "merge", source_id=body.source_id, target_id=body.target_id, reason=body.reason
    )


@router.post(urls.api(urls.REVIEW_UNDO), response_model=DecisionBody, responses=ERROR_RESPONSES)
def api_undo(request: Request, body: UndoIn) -> Any:
    """Undo the last decision, or the one named (reviewer token)."""
    return _api(request, "undo", audit_id=body.audit_id, reason=body.reason)


@router.post(
    urls.api("/persons/{person_id}/edit"),
    response_model=PersonChangeBody,
    responses=ERROR_RESPONSES,
)
def api_person_edit(
    request: Request, body: PersonEditIn, person_id: str = Path(max_length=40)
) -> Any:
    """Correct a person's name, gender, birth date, country or kind (reviewer token; audited)."""
    changes = body.model_dump(exclude_unset=True, exclude={"reason"})
    if not changes:
        raise InputError("nothing to change: give name, gender, birth_date, country or kind")
    with session_scope(settings_of(request), write=True) as session:
        user = api_user(request, session, "reviewer")
        person = update_person(session, person_id, changes, actor=user.username, reason=body.reason)
        return PersonChangeBody(
            person_id=person.id, message=f"updated {person.primary_name}: {', '.join(changes)}"
        )


@router.post(
    urls.api("/persons/{person_id}/delete"),
    response_model=PersonChangeBody,
    responses=ERROR_RESPONSES,
)
def api_person_delete(
    request: Request, body: ReasonIn, person_id: str = Path(max_length=40)
) -> Any:
    """Delete a person, rejecting their open claims (admin token; audited)."""
    with session_scope(settings_of(request), write=True) as session:
        user = api_user(request, session, "admin")
        rejected = delete_person(session, person_id, actor=user.username, reason=body.reason)
    return PersonChangeBody(
        person_id=person_id, message=f"deleted {person_id}; {rejected} claim(s) rejected"
    )
