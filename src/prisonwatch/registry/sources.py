"""Where a fact comes from: the documents and quotes behind accepted claims."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from prisonwatch.db.models import Claim, Document, DocumentURL
from prisonwatch.registry import claims as kinds


@dataclass
class Source:
    """One document supporting a fact, with the quote and its span."""

    claim_id: str
    document_id: str | None
    title: str | None
    url: str | None
    published: str | None
    publisher: str | None
    quote: str | None
    start: int | None
    end: int | None
    state: str

    def to_json(self) -> dict[str, Any]:
        """Return this source as a JSON object."""
        return asdict(self)


def sources_for(
    session: Session, subject_ids: list[str], *, kind: str = kinds.EVENT, accepted_only: bool = True
) -> dict[str, list[Source]]:
    """Return, per subject, the documents whose claims of ``kind`` support it."""
    result: dict[str, list[Source]] = {s: [] for s in subject_ids}
    if not subject_ids:
        return result
    states = ("accepted",) if accepted_only else ("accepted", "proposed")
    # Columns, not records: a Document record would bring its whole text and raw input along.
    stmt = (
        select(
            Claim.id,
            Claim.subject_id,
            Claim.document_id,
            Claim.quote,
            Claim.span_start,
            Claim.span_end,
            Claim.state,
            Document.id,
            Document.title,
            Document.canonical_url,
            Document.published,
            Document.publisher,
        )
        .outerjoin(Document, Document.id == Claim.document_id)
        .where(Claim.kind == kind, Claim.subject_id.in_(subject_ids), Claim.state.in_(states))
        .order_by(Document.published, Claim.created_at, Claim.id)
    )
    rows = list(session.execute(stmt))
    doc_ids = [row[7] for row in rows if row[7] is not None]
    urls: dict[str, str] = {}
    if doc_ids:
        url_rows = session.execute(
            select(DocumentURL.document_id, DocumentURL.url)
            .where(DocumentURL.document_id.in_(doc_ids))
            .order_by(DocumentURL.url)
        )
        for doc_id, url in url_rows:
            urls.setdefault(doc_id, url)
    for claim_id, subject_id, document_id, quote, start, end, state, *doc in rows:
        doc_id, title, canonical_url, published, publisher = doc
        found = doc_id is not None
        result[subject_id].append(
            Source(
                claim_id=claim_id,
                document_id=document_id,
                title=title if found else None,
                url=(canonical_url or urls.get(doc_id)) if found else None,
                published=published if found else None,
                publisher=publisher if found else None,
                quote=quote,
                start=start,
                end=end,
                state=state,
            )
        )
    return result
