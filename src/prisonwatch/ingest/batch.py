"""Store a batch of stage results in one transaction, each document in its own savepoint."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import replace
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from prisonwatch.documents import CleanDocument
from prisonwatch.ingest.dedup import NearDuplicateIndex
from prisonwatch.ingest.meta import Failure, Job
from prisonwatch.ingest.minhash import from_bytes
from prisonwatch.ingest.options import IngestOptions
from prisonwatch.ingest.report import ItemOutcome
from prisonwatch.ingest.stage import Processed
from prisonwatch.ingest.store import StoreStatus, store_document

SessionFactory = Callable[[], AbstractContextManager[Session]]
Result = tuple[Job | None, Processed | Failure]


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
        outcomes: list[ItemOutcome | None] = [
            ItemOutcome(r.source, "failed", reason=r.reason) if isinstance(r, Failure) else None
            for _, r in batch
        ]
        if all(outcomes):
            return [o for o in outcomes if o is not None]
        added: list[str] = []
        hook: Any = self.options.on_stored
        if hasattr(hook, "begin_batch"):
            hook.begin_batch()
        try:
            with self.sessions() as session:
                for i, (job, result) in enumerate(batch):
                    if job is not None and isinstance(result, Processed):
                        outcomes[i] = self._one(session, job, result, added)
        except Exception as exc:  # the commit failed: nothing of this batch was stored
            if hasattr(hook, "abort_batch"):
                hook.abort_batch()  # so the summary counts only what was stored
            if self.index is not None:
                for doc_id in added:
                    self.index.remove(doc_id)
            outcomes = [
                o if o is not None and o.status == "failed" else _not_stored(_source(r), exc)
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
            status = self._store(session, doc, processed, near)
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
        self, session: Session, doc: CleanDocument, processed: Processed, near: str | None
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
                return status
            except IntegrityError:
                if attempt:  # another writer stored the same text meanwhile: look again once
                    raise
        raise AssertionError("unreachable")


def _source(result: Result) -> str:
    job, value = result
    if job is not None:
        return job.meta.source
    assert isinstance(value, Failure)
    return value.source
