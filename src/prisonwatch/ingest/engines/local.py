"""The in-process engine: the stage in this process, or in a local pool of worker processes."""

from __future__ import annotations

from collections.abc import Generator, Iterator

from prisonwatch.ingest.engines.base import Result
from prisonwatch.ingest.meta import Failure, Job, Known
from prisonwatch.ingest.runner import StageRunner
from prisonwatch.ingest.stage import StageOptions


class LocalEngine:
    """The default engine: ``concurrent.futures`` worker processes on this machine."""

    def __init__(self, workers: int | None, options: StageOptions) -> None:
        self._runner = StageRunner(workers, options)

    def run(self, items: Iterator[Job | Failure | Known]) -> Generator[Result, None, None]:
        """Yield (job, result) for every item, in input order."""
        return self._runner.run(items)

    def ready(self) -> bool:
        """Return True when the next result is there without waiting for a worker."""
        return self._runner.ready()
