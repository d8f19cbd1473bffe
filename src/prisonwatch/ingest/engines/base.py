"""The one interface the ingest pipeline drives, whichever engine runs the stage."""

from __future__ import annotations

from collections.abc import Generator, Iterator
from typing import Protocol

from prisonwatch.ingest.meta import Failure, Job, Known
from prisonwatch.ingest.stage import Result

__all__ = ["Engine", "Result"]


class Engine(Protocol):
    """Runs the stage over a stream of inputs, yielding results in input order."""

    def run(self, items: Iterator[Job | Failure | Known]) -> Generator[Result, None, None]:
        """Yield (job, result) for every item, in order, holding a bounded number in flight."""
        ...

    def ready(self) -> bool:
        """Return True when the next result is there without waiting for a worker."""
        ...
