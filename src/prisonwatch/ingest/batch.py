"""Store a batch of stage results in one transaction, each document in its own savepoint."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import replace
from typing import Any

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from prisonwatch.documents import CleanDocument
from prisonwatch.ingest.dedup import NearDuplicateIndex
from prisonwatch.ingest.meta import Failure, Job, Known, OffTopic
from prisonwatch.ingest.minhash import from_bytes
from prisonwatch.ingest.options import IngestOptions
from prisonwatch.ingest.report import ItemOutcome, Status
from prisonwatch.ingest.resume import STORED, remember, remember_off_topic, remember_stored
from prisonwatch.ingest.stage import Processed, Result
from prisonwatch.ingest.store import (
    NewDocument,
    StoreStatus,
    on_record,
    store_document,
    store_new_documents,
)
from prisonwatch.registry.rebuild import collector_paused

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
        hook: Any = self.options.on_stored
        if self._all_new(batch):
            fast = self._write_whole(batch, outcomes)
            if fast is not None:
                return fast
        added: list[str] = []
        if hasattr(hook, "begin_batch"):
            hook.begin_batch()
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
            if hasattr(hook, "abort_batch"):
                hook.abort_batch()  # so the summary counts only what was stored
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

    def _all_new(self, batch: list[Result]) -> bool:
        """Return True when every document of ``batch`` is new to it (none twice)."""
        ids = [r.doc_id for _, r in batch if isinstance(r, Processed)]
        return len(ids) == len(set(ids))

    def _write_whole(
        self, batch: list[Result], settled: list[ItemOutcome | None]
    ) -> list[ItemOutcome] | None:
        """Write ``batch`` as a whole: multi-row INSERTs, one flush; None if that failed.

        The documents are written first, in one statement; the hook then runs on each
        without a flush between documents (matching counts what is not written yet), and what
        they added is written by one flush, table by table. A document on record already, or
        any error, rolls the whole batch back: the caller then writes it document by document,
        each in its own savepoint, so that a failure fails one input only.

        The cyclic collector is paused meanwhile: a batch makes thousands of short-lived ORM
        objects, which set off full collections over the whole heap (the name index, the
        models); one took 0.12 s of CPU, 1.1 ms a document over 112 documents. Freed objects
        still go at once by reference counting; cycles wait for the collector's next run.
        """
        hook: Any = self.options.on_stored
        if hasattr(hook, "begin_batch"):
            hook.begin_batch()
        added: list[str] = []
        try:
            with collector_paused(), self.sessions() as session:
                done = self._whole(session, batch, list(settled), added)
        except _OnRecord:  # found before the hook ran: nothing to take back
            return None
        except Exception:  # an error: written again one by one, where it fails one input
            done = None
        if done is None:
            if hasattr(hook, "abort_batch"):
                hook.abort_batch()
            if self.index is not None:
                for doc_id in added:
                    self.index.remove(doc_id)
        return done

    def _whole(
        self,
        session: Session,
        batch: list[Result],
        outcomes: list[ItemOutcome | None],
        added: list[str],
    ) -> list[ItemOutcome]:
        hook = self.options.on_stored
        todo = [
            (i, job, result)
            for i, (job, result) in enumerate(batch)
            if job is not None and isinstance(result, Processed)
        ]
        if on_record(session, [r.doc_id for _, _, r in todo]):
            raise _OnRecord
        with session.no_autoflush:
            new = []
            for i, job, processed in todo:
                doc = replace(processed.doc, raw=job.data)
                signature = from_bytes(processed.minhash) if processed.minhash else None
                near = None
                if self.index is not None and signature is not None:
                    hit = self.index.nearest(processed.doc_id, signature)
                    near = hit[0] if hit else None
                    self.index.add(processed.doc_id, signature)
                    added.append(processed.doc_id)
                new.append(
                    NewDocument(
                        doc, processed.doc_id, processed.raw_compressed, processed.minhash, near
                    )
                )
                outcomes[i] = ItemOutcome(
                    source=job.meta.source,
                    status="new",
                    document_id=processed.doc_id,
                    title=doc.title,
                    near_duplicate_of=near,
                )
            rows = store_new_documents(session, new)  # held until the batch is written
            for (_, _job, processed), item in zip(todo, new, strict=True):
                if hook is not None and self.options.extract:
                    hook(session, item.doc, "new", processed.extraction)
                elif hook is not None:
                    hook(session, item.doc, "new")
        remember_stored(session, [(job.key, p.doc_id) for _, job, p in todo])
        remember_off_topic(
            session,
            [j.key for j, r in batch if j is not None and isinstance(r, OffTopic)],
        )
        session.flush()
        del rows
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


class _OnRecord(Exception):
    """A document of the batch is stored already: the batch is written one by one."""


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
