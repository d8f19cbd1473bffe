"""Store a clean document: one row per text, one more URL row per new address, nothing else."""

from __future__ import annotations

import zlib
from typing import Literal

from sqlalchemy.orm import Session

from prisonwatch.db.models import Document, DocumentURL
from prisonwatch.documents import CleanDocument

StoreStatus = Literal["new", "unchanged", "duplicate"]
# Metadata a later copy may fill in when the stored document lacks it.
_FILLABLE = ("title", "publisher", "author", "language", "canonical_url")


def store_document(
    session: Session,
    doc: CleanDocument,
    *,
    near_duplicate_of: str | None = None,
    raw_compressed: bytes | None = None,
) -> StoreStatus:
    """Store ``doc``; return new, unchanged (seen before) or duplicate (seen at another URL)."""
    existing = session.get(Document, doc.id)
    if existing is None:
        raw = raw_compressed
        if raw is None and doc.raw is not None:
            raw = zlib.compress(doc.raw, 6)
        session.add(
            Document(
                id=doc.id,
                title=doc.title,
                publisher=doc.publisher,
                author=doc.author,
                language=doc.language,
                published=doc.published,
                published_source=doc.published_source,
                canonical_url=doc.canonical_url,
                text=doc.text,
                raw=raw,
                raw_kind=doc.raw_kind,
                near_duplicate_of=near_duplicate_of,
                urls=[DocumentURL(url=url) for url in sorted(set(doc.urls))],
            )
        )
        session.flush()
        return "new"
    for name in _FILLABLE:
        if getattr(existing, name) is None and getattr(doc, name) is not None:
            setattr(existing, name, getattr(doc, name))
    if existing.published is None and doc.published is not None:
        existing.published, existing.published_source = doc.published, doc.published_source
    known = {row.url for row in existing.urls}
    added = sorted(set(doc.urls) - known)
    for url in added:
        existing.urls.append(DocumentURL(url=url))
    session.flush()
    return "duplicate" if added else "unchanged"
