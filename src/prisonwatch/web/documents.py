"""The document page: cleaned text with every extracted fact highlighted by its span."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Query
from sqlalchemy import select
from sqlalchemy.orm import Session

from prisonwatch.db.models import Claim, Document
from prisonwatch.errors import NotFoundError
from prisonwatch.registry import claims as kinds
from prisonwatch.web import urls
from prisonwatch.web.deps import read_db
from prisonwatch.web.render import page
from prisonwatch.web.schemas import DocumentContext, FactItem

router = APIRouter()


def claim_label(claim: Claim) -> str:
    """Return a short reading of what a claim says."""
    value = claim.value or {}
    if claim.kind == kinds.EVENT:
        parts = [str(value.get("type") or "event")]
        if value.get("count"):
            parts.append(f"{value.get('count_qualifier') or ''} {value['count']}".strip())
        if value.get("date_value"):
            parts.append(str(value["date_value"]))
        return ", ".join(parts)
    if claim.kind == kinds.EVENT_PERSON:
        return f"{value.get('role', 'person')}: {value.get('name', '')}"
    if claim.kind == kinds.DEAL_MEMBER:
        mediators = ", ".join(value.get("mediators") or [])
        return "part of a deal" + (f" mediated by {mediators}" if mediators else "")
    if claim.kind == kinds.PERSON:
        return f"new person: {value.get('name', '')}"
    return claim.property


@page(router, urls.DOCUMENT, name="document", template="document.html", model=DocumentContext)
def document(
    document_id: str = Path(max_length=32, description="The document's id."),
    claim: str | None = Query(None, max_length=40, description="A claim to highlight."),
    session: Session = Depends(read_db),
) -> DocumentContext:
    """A document's cleaned text with every extracted fact and its span."""
    record = session.get(Document, document_id)
    if record is None:
        raise NotFoundError(f"no document {document_id!r}: follow a source link from a record")
    found = session.scalars(
        select(Claim)
        .where(
            Claim.document_id == record.id,
            Claim.state.in_(("proposed", "accepted")),
            Claim.span_start.is_not(None),
            Claim.span_end.is_not(None),
        )
        .order_by(Claim.span_start, Claim.id)
    )
    urls_found = [u.url for u in record.urls]
    return DocumentContext(
        id=record.id,
        title=record.title,
        publisher=record.publisher,
        published=record.published,
        language=record.language,
        url=record.canonical_url or (urls_found[0] if urls_found else None),
        text=record.text,
        facts=[
            FactItem(
                claim_id=c.id,
                kind=c.kind,
                state=c.state,
                start=int(c.span_start or 0),
                end=int(c.span_end or 0),
                label=claim_label(c),
                subject_url=urls.subject(c.subject_type, c.subject_id),
            )
            for c in found
        ],
        selected=claim,
    )
