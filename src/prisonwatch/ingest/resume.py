"""Known inputs: a re-run (after a kill, or on the same archives) skips them before parsing."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import replace
from itertools import islice

from sqlalchemy import and_, insert, or_, select, update
from sqlalchemy.orm import Session

from prisonwatch.db.models import Document, IngestedInput
from prisonwatch.ingest.meta import Failure, Job, Known

SessionFactory = Callable[[], AbstractContextManager[Session]]
# Inputs looked up in one query: one round trip per this many records of an archive.
LOOKUP_BATCH = 128
# Bump when the stage would read the same bytes differently, so every input is read again.
_KEY_VERSION = b"pw-input-1"
STORED, OFF_TOPIC = "stored", "off_topic"


def input_key(job: Job) -> str:
    """Return the hash of an input's bytes and of everything that changes what it gives."""
    m = job.meta
    fields = (m.kind, m.url, m.published, m.language, m.publisher, m.fallback_published)
    head = "\x1f".join(str(f or "") for f in (*fields, *m.also_urls)).encode()
    digest = hashlib.sha256(_KEY_VERSION)
    digest.update(len(head).to_bytes(4, "little") + head)
    digest.update(job.data)
    return digest.hexdigest()


class KnownInputs:
    """Marks the inputs an earlier run took in, looking them up a batch at a time."""

    def __init__(
        self, session_factory: SessionFactory, prefilter: bool, extractor: str | None
    ) -> None:
        self.sessions = session_factory
        # Without the prefilter, a page an earlier run found off-topic is read this time.
        self.prefilter = prefilter
        # When extracting, a stored document counts as done once this extractor version ran.
        self.extractor = extractor

    def mark(self, items: Iterator[Job | Failure]) -> Iterator[Job | Failure | Known]:
        """Yield every item in order, each job keyed, a known one as ``Known``."""
        while batch := list(islice(items, LOOKUP_BATCH)):
            keyed = [replace(i, key=input_key(i)) if isinstance(i, Job) else i for i in batch]
            known = self._lookup([i.key for i in keyed if isinstance(i, Job)])
            for item in keyed:
                if isinstance(item, Job) and item.key in known:
                    yield Known(item.meta.source, known[item.key], item.key)
                else:
                    yield item

    def _lookup(self, keys: list[str]) -> dict[str, str | None]:
        if not keys:
            return {}
        done = IngestedInput.outcome == STORED
        if self.extractor is not None:
            done = and_(done, Document.extracted_version == self.extractor)
        if self.prefilter:
            done = or_(done, IngestedInput.outcome == OFF_TOPIC)
        stmt = (
            select(IngestedInput.key, IngestedInput.document_id)
            .outerjoin(Document, Document.id == IngestedInput.document_id)
            .where(IngestedInput.key.in_(keys), done)
        )
        with self.sessions() as session:
            return {key: doc for key, doc in session.execute(stmt)}


def remember(session: Session, key: str, document_id: str | None, outcome: str) -> None:
    """Record that the input ``key`` was taken in; a second record of it changes nothing."""
    if not key:
        return
    found = session.get(IngestedInput, key)
    if found is None:
        session.execute(
            insert(IngestedInput), {"key": key, "document_id": document_id, "outcome": outcome}
        )
    elif found.outcome != outcome or found.document_id != document_id:
        found.outcome, found.document_id = outcome, document_id


def remember_stored(session: Session, entries: list[tuple[str, str]]) -> None:
    """Record inputs (key, document id) as stored: one query, one multi-row INSERT.

    An input on record with another outcome or document is changed, as ``remember`` does.
    """
    wanted = {key: doc_id for key, doc_id in entries if key}
    if not wanted:
        return
    stmt = select(IngestedInput.key, IngestedInput.document_id, IngestedInput.outcome).where(
        IngestedInput.key.in_(sorted(wanted))
    )
    found = {key: (doc_id, outcome) for key, doc_id, outcome in session.execute(stmt)}
    rows = [
        {"key": k, "document_id": d, "outcome": STORED} for k, d in wanted.items() if k not in found
    ]
    if rows:
        session.execute(insert(IngestedInput), rows)
    for key, (doc_id, outcome) in found.items():
        if outcome != STORED or doc_id != wanted[key]:
            session.execute(
                update(IngestedInput)
                .where(IngestedInput.key == key)
                .values(document_id=wanted[key], outcome=STORED)
            )


def remember_off_topic(session: Session, keys: list[str]) -> None:
    """Record the inputs ``keys`` as off-topic in one statement; known ones are left alone."""
    keys = sorted({k for k in keys if k})
    if not keys:
        return
    known = set(session.scalars(select(IngestedInput.key).where(IngestedInput.key.in_(keys))))
    rows = [{"key": k, "document_id": None, "outcome": OFF_TOPIC} for k in keys if k not in known]
    if rows:
        session.execute(insert(IngestedInput), rows)
