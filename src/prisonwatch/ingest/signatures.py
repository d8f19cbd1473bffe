"""The near-duplicate index loaded from stored signatures; older rows get theirs once."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from prisonwatch.db.models import Document
from prisonwatch.ingest.dedup import NearDuplicateIndex
from prisonwatch.ingest.minhash import from_bytes, signature, to_bytes

SessionFactory = Callable[[], AbstractContextManager[Session]]
# Rows hashed and written back per statement when stored signatures are missing.
_BACKFILL_ROWS = 500


def load_index(session_factory: SessionFactory) -> NearDuplicateIndex:
    """Return the index of every stored document, reading ``Document.minhash``.

    Documents stored before signatures were kept are hashed once and their signature saved,
    so later runs read signatures instead of re-hashing every text.
    """
    index = NearDuplicateIndex()
    with session_factory() as session:
        missing: list[str] = []
        for doc_id, minhash in session.execute(select(Document.id, Document.minhash)):
            if minhash is None:
                missing.append(doc_id)
            else:
                index.add(doc_id, from_bytes(minhash))
        for start in range(0, len(missing), _BACKFILL_ROWS):
            ids = missing[start : start + _BACKFILL_ROWS]
            rows = session.execute(select(Document.id, Document.text).where(Document.id.in_(ids)))
            values = []
            for doc_id, text in rows:
                hashvalues = signature(text)
                index.add(doc_id, hashvalues)
                values.append({"id": doc_id, "minhash": to_bytes(hashvalues)})
            session.execute(update(Document), values)
    return index


def extracted_ids(session_factory: SessionFactory, version: str) -> frozenset[str]:
    """Return the ids of documents that extractor ``version`` already processed."""
    with session_factory() as session:
        stmt = select(Document.id).where(Document.extracted_version == version)
        return frozenset(session.scalars(stmt))
