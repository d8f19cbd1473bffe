"""The front of ingest: read sources, run pure stages in worker processes, store in batches."""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import AbstractContextManager

from sqlalchemy.orm import Session

from prisonwatch.ingest.batch import BatchWriter, Result
from prisonwatch.ingest.options import IngestOptions
from prisonwatch.ingest.report import IngestReport
from prisonwatch.ingest.runner import StageRunner
from prisonwatch.ingest.signatures import extracted_ids, load_index
from prisonwatch.ingest.sources import SourceReader
from prisonwatch.ingest.stage import StageOptions

SessionFactory = Callable[[], AbstractContextManager[Session]]
# A batch commits when the next result would mean waiting for a worker, or at these bounds:
# so commits group when this process is the bottleneck, and a crash loses little work.
BATCH_DOCS = 64
BATCH_SECONDS = 1.0


def _stage_options(options: IngestOptions, session_factory: SessionFactory) -> StageOptions:
    extracted: frozenset[str] = frozenset()
    if options.extract:
        from prisonwatch.extract import EXTRACTOR_VERSION

        extracted = extracted_ids(session_factory, EXTRACTOR_VERSION)
    return StageOptions(
        signature=options.near_duplicates, extract=options.extract, extracted=extracted
    )


def ingest(
    sources: list[str], options: IngestOptions, session_factory: SessionFactory
) -> IngestReport:
    """Ingest every source; a document is stored whole or not at all, failures are reported."""
    options.validate()
    report = IngestReport()
    index = load_index(session_factory) if options.near_duplicates else None
    writer = BatchWriter(options, index, session_factory)
    runner = StageRunner(options.workers, _stage_options(options, session_factory))
    reader = SourceReader(options)

    def commit(batch: list[Result]) -> None:
        for outcome in writer.write(batch):
            report.items.append(outcome)
            if options.on_progress is not None:
                options.on_progress(outcome)

    batch: list[Result] = []
    started = 0.0
    try:
        for result in runner.run(reader.read(sources)):
            if not batch:
                started = time.monotonic()
            batch.append(result)
            full = len(batch) >= BATCH_DOCS or time.monotonic() - started >= BATCH_SECONDS
            if full or not runner.ready():
                commit(batch)
                batch = []
        if batch:
            commit(batch)
    finally:
        reader.close()
    return report
