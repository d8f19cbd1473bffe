"""Store a clean document: one row per text, one more URL row per new address, nothing else."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Any, Literal, cast

from sqlalchemy import Table, insert, select, update
from sqlalchemy.orm import Session, make_transient_to_detached
from sqlalchemy.orm.util import identity_key

from prisonwatch.db.models import Document, DocumentURL
from prisonwatch.documents import CleanDocument

StoreStatus = Literal["new", "unchanged", "duplicate"]
# Metadata a later copy may fill in when the stored document lacks it.
_FILLABLE = ("title", "publisher", "author", "language", "canonical_url")
# Plain tables: Core inserts skip the ORM's bulk-insert bookkeeping, the larger cost per row.
_DOCUMENTS = cast(Table, Document.__table__)
_URLS = cast(Table, DocumentURL.__table__)
_KNOWN = (Document.minhash, Document.published, *(getattr(Document, n) for n in _FILLABLE))


def store_document(
    session: Session,
    doc: CleanDocument,
    *,
    near_duplicate_of: str | None = None,
    raw_compressed: bytes | None = None,
    minhash: bytes | None = None,
    doc_id: str | None = None,
) -> StoreStatus:
    """Store ``doc``; return new, unchanged (seen before) or duplicate (seen at another URL).

    A new document is written through the session (two multi-row INSERTs: the document, its
    URLs), so that a hook finds it loaded, without a query. A document on record is read and
    changed with Core statements.
    """
    doc_id = doc_id or doc.id
    existing = session.execute(select(*_KNOWN).where(Document.id == doc_id)).one_or_none()
    if existing is None:
        raw = raw_compressed
        if raw is None and doc.raw is not None:
            raw = zlib.compress(doc.raw, 6)
        row = Document(**_row(doc, doc_id, raw, near_duplicate_of, minhash))
        row.urls = [DocumentURL(url=u) for u in sorted(set(doc.urls))]
        session.add(row)
        session.flush()  # now: claims and names refer to it, and the ORM orders by relationships
        return "new"
    changes = _fills(existing._mapping, doc)
    if existing.minhash is None and minhash is not None:
        changes["minhash"] = minhash
    if changes:
        session.execute(update(Document).where(Document.id == doc_id).values(**changes))
    known = set(session.scalars(select(DocumentURL.url).where(DocumentURL.document_id == doc_id)))
    added = sorted(set(doc.urls) - known)
    _add_urls(session, doc_id, added)
    if added:
        _expire(session, doc_id)
    return "duplicate" if added else "unchanged"


@dataclass
class NewDocument:
    """A document known not to be on record, with what its stage made for it."""

    doc: CleanDocument
    doc_id: str
    raw_compressed: bytes | None = None
    minhash: bytes | None = None
    near_duplicate_of: str | None = None


def on_record(session: Session, doc_ids: list[str]) -> set[str]:
    """Return which of ``doc_ids`` are stored already, in one query."""
    if not doc_ids:
        return set()
    return set(session.scalars(select(Document.id).where(Document.id.in_(sorted(set(doc_ids))))))


def store_new_documents(session: Session, new: list[NewDocument]) -> list[Document]:
    """Write documents known to be new with two multi-row INSERTs; return them loaded.

    The documents then count as read by this session (a hook finds them without a query, and
    what it changes on them is written at the next flush, all of them in one statement). The
    session holds unchanged objects weakly: keep the returned list while they are used.
    """
    rows = []
    for item in new:
        raw = item.raw_compressed
        if raw is None and item.doc.raw is not None:
            raw = zlib.compress(item.doc.raw, 6)
        rows.append(_row(item.doc, item.doc_id, raw, item.near_duplicate_of, item.minhash))
    if not rows:
        return []
    session.execute(insert(_DOCUMENTS), rows)
    urls = [{"document_id": i.doc_id, "url": u} for i in new for u in sorted(set(i.doc.urls))]
    if urls:
        session.execute(insert(_URLS), urls)
    loaded = [Document(**row, extracted_version=None) for row in rows]
    for one in loaded:
        make_transient_to_detached(one)
        session.add(one)
    return loaded


def _row(
    doc: CleanDocument, doc_id: str, raw: bytes | None, near: str | None, minhash: bytes | None
) -> dict[str, Any]:
    return {
        "id": doc_id,
        "title": doc.title,
        "publisher": doc.publisher,
        "author": doc.author,
        "language": doc.language,
        "published": doc.published,
        "published_source": doc.published_source,
        "canonical_url": doc.canonical_url,
        "text": doc.text,
        "raw": raw,
        "raw_kind": doc.raw_kind,
        "near_duplicate_of": near,
        "minhash": minhash,
    }


def _fills(stored: Any, doc: CleanDocument) -> dict[str, Any]:
    changes = {
        name: getattr(doc, name)
        for name in _FILLABLE
        if stored[name] is None and getattr(doc, name) is not None
    }
    if stored["published"] is None and doc.published is not None:
        changes["published"] = doc.published
        changes["published_source"] = doc.published_source
    return changes


def _add_urls(session: Session, doc_id: str, urls: list[str]) -> None:
    if urls:
        session.execute(insert(_URLS), [{"document_id": doc_id, "url": u} for u in urls])


def _expire(session: Session, doc_id: str) -> None:
    # A hook may have loaded this document earlier in the transaction: its URL list is stale.
    loaded = session.identity_map.get(identity_key(Document, doc_id))
    if loaded is not None:
        session.expire(loaded)
