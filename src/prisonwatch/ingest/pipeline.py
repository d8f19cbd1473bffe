"""The front of ingest: read sources, run pure stages in worker processes, store each document."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from prisonwatch.ingest.dedup import NearDuplicateIndex
from prisonwatch.ingest.meta import Failure, Job
from prisonwatch.ingest.options import IngestOptions
from prisonwatch.ingest.report import IngestReport, ItemOutcome
from prisonwatch.ingest.sources import SourceReader
from prisonwatch.ingest.stage import Processed, process_job, warm_up
from prisonwatch.ingest.store import store_document

SessionFactory = Callable[[], AbstractContextManager[Session]]
# Inputs in flight per worker: enough to keep workers busy, few enough to bound memory.
_WINDOW_PER_WORKER = 8


def _resolve(job: Job | None, result: Future[Processed | Failure] | Failure) -> Processed | Failure:
    if isinstance(result, Failure):
        return result
    try:
        return result.result()
    except Exception as exc:  # a worker died (memory, signal): this input fails, say so
        source = job.meta.source if job else "?"
        return Failure(source, f"{source}: the worker reading it crashed ({type(exc).__name__})")


def run_stages(
    items: Iterator[Job | Failure], workers: int, with_signature: bool = True
) -> Iterator[tuple[Job | None, Processed | Failure]]:
    """Yield each job with its stage result, in input order, using ``workers`` processes."""
    if workers <= 1:
        for item in items:
            if isinstance(item, Failure):
                yield None, item
            else:
                yield item, process_job(item, with_signature)
        return
    # forkserver: workers never inherit the parent's threads or open database connections;
    # the preload imports the stage once, in the server, instead of once per worker.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["prisonwatch.ingest.stage"])
    with ProcessPoolExecutor(workers, mp_context=context, initializer=warm_up) as pool:
        window: deque[tuple[Job | None, Future[Processed | Failure] | Failure]] = deque()
        for item in items:
            if isinstance(item, Failure):
                window.append((None, item))
            else:
                window.append((item, pool.submit(process_job, item, with_signature)))
            while len(window) >= workers * _WINDOW_PER_WORKER:
                job, result = window.popleft()
                yield job, _resolve(job, result)
        while window:
            job, result = window.popleft()
            yield job, _resolve(job, result)


def _load_index(session_factory: SessionFactory) -> NearDuplicateIndex:
    from prisonwatch.db.models import Document

    index = NearDuplicateIndex()
    with session_factory() as session:
        rows = session.execute(select(Document.id, Document.text))
        index.add_texts((row[0], row[1]) for row in rows)
    return index


def _store(
    job: Job,
    processed: Processed,
    options: IngestOptions,
    index: NearDuplicateIndex | None,
    session_factory: SessionFactory,
) -> ItemOutcome:
    doc = replace(processed.doc, raw=job.data)
    near = None
    if index is not None and processed.signature is not None:
        hit = index.nearest(doc.id, processed.signature)
        near = hit[0] if hit else None
    for attempt in range(2):
        try:
            with session_factory() as session:
                status = store_document(
                    session, doc, near_duplicate_of=near, raw_compressed=processed.raw_compressed
                )
                if options.on_stored is not None:
                    options.on_stored(session, doc, status)
            break
        except IntegrityError:
            if attempt:  # another writer stored the same text meanwhile: look again once
                raise
    if index is not None and processed.signature is not None:
        index.add(doc.id, processed.signature)
    return ItemOutcome(
        source=job.meta.source,
        status=status,
        document_id=doc.id,
        title=doc.title,
        near_duplicate_of=near if status == "new" else None,
    )


def ingest(
    sources: list[str], options: IngestOptions, session_factory: SessionFactory
) -> IngestReport:
    """Ingest every source; each document is stored in its own transaction, failures reported."""
    options.validate()
    report = IngestReport()
    index = _load_index(session_factory) if options.near_duplicates else None
    reader = SourceReader(options)
    try:
        for job, result in run_stages(reader.read(sources), options.workers, index is not None):
            if isinstance(result, Failure) or job is None:
                assert isinstance(result, Failure)
                outcome = ItemOutcome(result.source, "failed", reason=result.reason)
            else:
                try:
                    outcome = _store(job, result, options, index, session_factory)
                except Exception as exc:  # a storage or hook error fails this input only
                    source = job.meta.source
                    first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                    reason = f"{source}: could not be stored ({type(exc).__name__}: {first})"
                    outcome = ItemOutcome(source, "failed", reason=reason)
            report.items.append(outcome)
            if options.on_progress is not None:
                options.on_progress(outcome)
    finally:
        reader.close()
    return report
