"""Store a batch of stage results in one transaction, each document in its own savepoint."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import replace

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from prisonwatch.documents import CleanDocument
from prisonwatch.ingest.dedup import NearDuplicateIndex
from prisonwatch.ingest.meta import Failure, Job, Known, OffTopic
from prisonwatch.ingest.minhash import from_bytes
from prisonwatch.ingest.options import IngestOptions
from prisonwatch.ingest.report import ItemOutcome, Status
from prisonwatch.ingest.resume import STORED, remember, remember_off_topic
from prisonwatch.ingest.stage import Processed, Result
from prisonwatch.ingest.store import StoreStatus, store_document

SessionFactory = Callable[[], AbstractContextManager[Session]]


def _first_line(exc: BaseException) -> str:
    text = str(exc)
    return text.splitlines()[0] if text else type(exc).__name__


def _not_stored(source: str, exc: BaseException) -> ItemOutcome:
    reason = f"{source}: could not be stored ({type(exc).__name__}: {_first_line(exc)})"
    return ItemOutcome(source, "failed", reason=reason)


class BatchWriter:
    """Writes batches; a failing document rolls back alone and the rest of its batch commits."""

    def __init__(
        self,
        options: IngestOptions,
        index: NearDuplicateIndex | None,
        session_factory: SessionFactory,
    ) -> None:
        self.options = options
        self.index = index
        self.sessions = session_factory

    def write(self, batch: list[Result]) -> list[ItemOutcome]:
        """Store every document of ``batch``; return one outcome per input, in order."""
        outcomes: list[ItemOutcome | None] = [_settled(r) for _, r in batch]
        if all(outcomes) and not any(isinstance(r, OffTopic) for _, r in batch):
            return [o for o in outcomes if o is not None]
        added: list[str] = []
        try:
            with self.sessions() as session:
                off_topic = []
                for i, (job, result) in enumerate(batch):
                    if job is not None and isinstance(result, Processed):
                        outcomes[i] = self._one(session, job, result, added)
                    elif job is not None and isinstance(result, OffTopic):
                        off_topic.append(job.key)
                remember_off_topic(session, off_topic)
        except Exception as exc:  # the commit failed: nothing of this batch was stored
            if self.index is not None:
                for doc_id in added:
                    self.index.remove(doc_id)
            outcomes = [
                o
                if o is not None and (o.status == "failed" or o.known)
                else _not_stored(_source(r), exc)
                for o, r in zip(outcomes, batch, strict=True)
            ]
        return [o for o in outcomes if o is not None]

    def _one(
        self, session: Session, job: Job, processed: Processed, added: list[str]
    ) -> ItemOutcome:
        doc = replace(processed.doc, raw=job.data)
        doc_id = processed.doc_id
        signature = from_bytes(processed.minhash) if processed.minhash is not None else None
        near = None
        if self.index is not None and signature is not None:
            hit = self.index.nearest(doc_id, signature)
            near = hit[0] if hit else None
        try:
            status = self._store(session, job, doc, processed, near)
        except Exception as exc:  # a storage or hook error fails this input only
            return _not_stored(job.meta.source, exc)
        if self.index is not None and signature is not None and status == "new":
            self.index.add(doc_id, signature)
            added.append(doc_id)
        return ItemOutcome(
            source=job.meta.source,
            status=status,
            document_id=doc_id,
            title=doc.title,
            near_duplicate_of=near if status == "new" else None,
        )

    def _store(
        self,
        session: Session,
        job: Job,
        doc: CleanDocument,
        processed: Processed,
        near: str | None,
    ) -> StoreStatus:
        hook = self.options.on_stored
        for attempt in range(2):
            try:
                with session.begin_nested():
                    status = store_document(
                        session,
                        doc,
                        near_duplicate_of=near,
                        raw_compressed=processed.raw_compressed,
                        minhash=processed.minhash,
                        doc_id=processed.doc_id,
                    )
                    if hook is not None and self.options.extract:
                        hook(session, doc, status, processed.extraction)
                    elif hook is not None:
                        hook(session, doc, status)
                    remember(session, job.key, processed.doc_id, STORED)
                return status
            except (IntegrityError, OperationalError) as exc:
                # Another writer stored the same text meanwhile, or PostgreSQL broke a deadlock
                # between two writers by failing this one: look again once.
                if attempt or not _retryable(exc):
                    raise
        raise AssertionError("unreachable")


def _retryable(exc: Exception) -> bool:
    if isinstance(exc, IntegrityError):
        return True
    return getattr(getattr(exc, "orig", None), "sqlstate", None) == "40P01"  # deadlock


def _settled(result: Processed | Failure | Known | OffTopic) -> ItemOutcome | None:
    """Return the outcome of an input that needs no writing, None for a document to store."""
    if isinstance(result, Failure):
        return ItemOutcome(result.source, "failed", reason=result.reason)
    if isinstance(result, Known):
        status: Status = "unchanged" if result.document_id else "off_topic"
        return ItemOutcome(result.source, status, document_id=result.document_id, known=True)
    if isinstance(result, OffTopic):
        return ItemOutcome(result.source, "off_topic", reason=result.reason)
    return None


def _source(result: Result) -> str:
    job, value = result
    if job is not None:
        return job.meta.source
    assert not isinstance(value, Processed)
    return value.source
