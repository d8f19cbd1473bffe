"""The Ray engine: the stage on worker actors of a Ray cluster, a bounded window in flight.

Each actor loads the HTML stack (and spaCy when extracting) once, then takes chunks of jobs;
the driver reads inputs as a stream and never holds more than a few chunks per actor, so memory
stays flat however many archives are given. Results come back in input order, so a run gives
the same documents, in the same order, as the local engine.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Generator, Iterator
from typing import Any

import ray

from prisonwatch.errors import InputError
from prisonwatch.ingest.meta import Failure, Job, Known, OffTopic
from prisonwatch.ingest.runner import auto_workers
from prisonwatch.ingest.stage import (
    Processed,
    Result,
    StageOptions,
    init_worker,
    process_chunk,
)

Item = Job | Failure | Known
# Jobs per Ray task: a task costs about a millisecond of scheduling, four times the local pool's
# chunk keeps that under 5% on off-topic pages (0.2 ms each) and holds ~2 MB of 60 kB pages.
CHUNK_JOBS = 32
# Chunks in flight per actor: one being worked on, one queued, so no actor waits on the driver.
_CHUNKS_PER_ACTOR = 2
# A local cluster's shared-memory object store: chunks are small, the default (30% of RAM) is
# far more than a stage needs.
_LOCAL_OBJECT_STORE_BYTES = 256 * 1024 * 1024


@ray.remote(max_restarts=1)
class StageActor:
    """One worker: the stage's options and models loaded once, then chunk after chunk."""

    def __init__(self, options: StageOptions) -> None:
        init_worker(options)

    def process(self, jobs: list[Job]) -> list[Processed | Failure | OffTopic]:
        """Return the results of a chunk of jobs, in order."""
        return process_chunk(jobs)


class _Chunk:
    def __init__(self, entries: list[Item], actor: int) -> None:
        self.entries = entries
        self.actor = actor
        self.ref: Any = None

    def jobs(self) -> list[Job]:
        return [e for e in self.entries if isinstance(e, Job)]

    def results(self) -> list[Result]:
        done: list[Processed | Failure | OffTopic] = []
        if self.ref is not None:
            try:
                done = ray.get(self.ref)
            except Exception as exc:  # the actor died (memory, signal): its chunk fails, say so
                done = [_crashed(job, exc) for job in self.jobs()]
        found = iter(done)
        return [(e, next(found)) if isinstance(e, Job) else (None, e) for e in self.entries]


def _crashed(job: Job, exc: BaseException) -> Failure:
    source = job.meta.source
    return Failure(source, f"{source}: the Ray worker reading it failed ({type(exc).__name__})")


def start_local(workers: int) -> None:
    """Start a Ray on this machine for one run: loopback only, no dashboard, no usage report."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    ray.init(
        num_cpus=workers,
        include_dashboard=False,
        object_store_memory=_LOCAL_OBJECT_STORE_BYTES,
        log_to_driver=False,
        logging_level=logging.WARNING,
        _node_ip_address="127.0.0.1",
    )


class RayEngine:
    """Runs the stage on Ray actors: a cluster at ``address``, or a local Ray for this run."""

    def __init__(self, workers: int | None, options: StageOptions, address: str | None) -> None:
        self.workers = workers
        self.options = options
        self.address = address
        self._window: deque[_Chunk] = deque()
        self._ready: deque[Result] = deque()

    def ready(self) -> bool:
        """Return True when the next result is there without waiting for a worker."""
        if self._ready:
            return True
        if not self._window:
            return False
        head = self._window[0]
        if head.ref is None:
            return True
        done, _ = ray.wait([head.ref], timeout=0)
        return bool(done)

    def _connect(self) -> bool:
        """Join or start Ray; return True when this run started it (and so stops it)."""
        if ray.is_initialized():
            return False
        if self.address:
            try:
                ray.init(address=self.address, log_to_driver=False, logging_level=logging.WARNING)
            except (ConnectionError, RuntimeError, ValueError) as exc:
                raise InputError(
                    f"--address {self.address}: no Ray cluster answered ({exc}); start one with "
                    "'ray start --head' or leave --address out for a local Ray"
                ) from exc
            return True
        start_local(self.workers or auto_workers())
        return True

    def _actor_count(self) -> int:
        if self.workers is not None:
            return self.workers
        return max(1, int(ray.available_resources().get("CPU", 1)))

    def run(self, items: Iterator[Item]) -> Generator[Result, None, None]:
        """Yield (job, result) for every item, in input order; Ray starts at the first job."""
        self._started = False
        self._actors: list[Any] = []
        self._load: list[int] = []
        try:
            entries: list[Item] = []
            for item in items:
                entries.append(item)
                if sum(isinstance(e, Job) for e in entries) >= CHUNK_JOBS:
                    self._submit(entries)
                    entries = []
                while len(self._window) >= max(1, len(self._actors) * _CHUNKS_PER_ACTOR):
                    yield from self._drain_one()
            if entries:
                self._submit(entries)
            while self._window or self._ready:
                yield from self._drain_one()
        finally:
            self._window.clear()
            for actor in self._actors:
                ray.kill(actor)
            if self._started:
                ray.shutdown()

    def _start_actors(self) -> None:
        self._started = self._connect()
        count = self._actor_count()
        self._actors = [StageActor.remote(self.options) for _ in range(count)]  # type: ignore[attr-defined]
        self._load = [0] * count

    def _submit(self, entries: list[Item]) -> None:
        chunk = _Chunk(entries, -1)
        jobs = chunk.jobs()
        if jobs:
            if not self._actors:
                self._start_actors()
            # The least busy actor takes the chunk: a slow page does not hold up the others.
            chunk.actor = min(range(len(self._actors)), key=self._load.__getitem__)
            chunk.ref = self._actors[chunk.actor].process.remote(jobs)
            self._load[chunk.actor] += 1
        self._window.append(chunk)

    def _drain_one(self) -> Iterator[Result]:
        if not self._ready:
            chunk = self._window.popleft()
            if chunk.ref is not None:
                self._load[chunk.actor] -= 1
            self._ready.extend(chunk.results())
        while self._ready:
            yield self._ready.popleft()
