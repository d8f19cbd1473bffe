"""The front of ingest: read sources, run pure stages in worker processes, store in batches."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, closing

from sqlalchemy.orm import Session

from prisonwatch.ingest.batch import BatchWriter
from prisonwatch.ingest.engines import make_engine
from prisonwatch.ingest.meta import Failure, Job, Known
from prisonwatch.ingest.options import IngestOptions
from prisonwatch.ingest.report import IngestReport
from prisonwatch.ingest.resume import KnownInputs
from prisonwatch.ingest.signatures import extracted_ids, load_index
from prisonwatch.ingest.sources import SourceReader
from prisonwatch.ingest.stage import Result, StageOptions

SessionFactory = Callable[[], AbstractContextManager[Session]]
# A batch commits when the next result would mean waiting for a worker, or at these bounds:
# so commits group when this process is the bottleneck, and a crash loses little work.
BATCH_DOCS = 64
BATCH_SECONDS = 1.0


def _extractor_version(options: IngestOptions) -> str | None:
    if not options.extract:
        return None
    from prisonwatch.extract import EXTRACTOR_VERSION

    return str(EXTRACTOR_VERSION)


def _stage_options(options: IngestOptions, session_factory: SessionFactory) -> StageOptions:
    version = _extractor_version(options)
    extracted = extracted_ids(session_factory, version) if version else frozenset()
    return StageOptions(
        signature=options.near_duplicates,
        extract=options.extract,
        extracted=extracted,
        prefilter=options.prefilter,
    )


def _inputs(
    reader: SourceReader, sources: list[str], options: IngestOptions, sessions: SessionFactory
) -> Iterator[Job | Failure | Known]:
    items = reader.read(sources)
    if not options.skip_known:
        return items
    known = KnownInputs(sessions, options.prefilter, _extractor_version(options))
    return known.mark(items)


def ingest(
    sources: list[str], options: IngestOptions, session_factory: SessionFactory
) -> IngestReport:
    """Ingest every source; a document is stored whole or not at all, failures are reported."""
    options.validate()
    report = IngestReport(keep_items=options.keep_items)
    index = load_index(session_factory) if options.near_duplicates else None
    writer = BatchWriter(options, index, session_factory)
    engine = make_engine(
        options.engine, options.workers, _stage_options(options, session_factory), options.address
    )
    reader = SourceReader(options)

    def commit(batch: list[Result]) -> None:
        for outcome in writer.write(batch):
            report.add(outcome)
            if options.on_progress is not None:
                options.on_progress(outcome)

    batch: list[Result] = []
    started = 0.0
    try:
        with closing(engine.run(_inputs(reader, sources, options, session_factory))) as results:
            for result in results:
                if not batch:
                    started = time.monotonic()
                batch.append(result)
                full = len(batch) >= BATCH_DOCS or time.monotonic() - started >= BATCH_SECONDS
                if full or not engine.ready():
                    commit(batch)
                    batch = []
            if batch:
                commit(batch)
    finally:
        reader.close()
    return report
