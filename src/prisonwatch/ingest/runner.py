"""Run the pure stage over a stream of inputs: in this process, or in chunks on worker processes."""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Generator, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from prisonwatch.ingest.meta import Failure, Job, Known, OffTopic
from prisonwatch.ingest.stage import (
    Processed,
    Result,
    StageOptions,
    init_worker,
    process_chunk,
    process_job,
)

Item = Job | Failure | Known
# Jobs sent to a worker at once: one pickled round trip per chunk instead of per input.
CHUNK_JOBS = 8
# Chunks in flight per worker: one being read, one queued; bounds the bytes held in memory.
_CHUNKS_PER_WORKER = 2
# With automatic workers, smaller inputs run in this process: starting workers costs more.
POOL_MIN_JOBS = 16
_MAX_AUTO_WORKERS = 8


def auto_workers() -> int:
    """Return the worker count used when none is given: one per core this process may use."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, _MAX_AUTO_WORKERS))


class _Chunk:
    """Inputs submitted together, in input order; failures from reading travel alongside."""

    def __init__(self, entries: list[Item]) -> None:
        self.entries = entries
        self.future: Future[list[Processed | Failure | OffTopic]] | None = None

    def jobs(self) -> list[Job]:
        return [e for e in self.entries if isinstance(e, Job)]

    def results(self) -> list[Result]:
        """Return each entry with its result, waiting for the worker if needed."""
        done: list[Processed | Failure | OffTopic] = []
        if self.future is not None:
            try:
                done = self.future.result()
            except Exception as exc:  # a worker died (memory, signal): its chunk fails, say so
                done = [_crashed(job, exc) for job in self.jobs()]
        found = iter(done)
        return [(e, next(found)) if isinstance(e, Job) else (None, e) for e in self.entries]


def _crashed(job: Job, exc: BaseException) -> Failure:
    source = job.meta.source
    return Failure(source, f"{source}: the worker reading it crashed ({type(exc).__name__})")


class StageRunner:
    """Yields each input with its stage result, in input order; says when the next one is ready."""

    def __init__(self, workers: int | None, options: StageOptions) -> None:
        self.workers = workers
        self.options = options
        self._window: deque[_Chunk] = deque()
        self._ready: deque[Result] = deque()

    def ready(self) -> bool:
        """Return True when the next result is there without waiting for a worker."""
        if self._ready:
            return True
        head = self._window[0] if self._window else None
        return head is not None and (head.future is None or head.future.done())

    def run(self, items: Iterator[Item]) -> Generator[Result, None, None]:
        """Yield (job, result) for every item; a failure from reading comes with job None."""
        workers = self.workers
        if workers is None:
            head = list(islice(items, POOL_MIN_JOBS))
            workers = auto_workers() if len(head) == POOL_MIN_JOBS else 1
            items = _chain(head, items)
        if workers <= 1:
            yield from self._in_process(items)
        else:
            yield from self._pooled(items, workers)

    def _in_process(self, items: Iterator[Item]) -> Iterator[Result]:
        for item in items:
            if isinstance(item, Job):
                yield item, process_job(item, self.options)
            else:
                yield None, item

    def _pooled(self, items: Iterator[Item], workers: int) -> Iterator[Result]:
        pool = _start(workers, self.options)
        try:
            entries: list[Item] = []
            for item in items:
                entries.append(item)
                if sum(isinstance(e, Job) for e in entries) >= CHUNK_JOBS:
                    pool = self._submit(pool, _Chunk(entries), workers)
                    entries = []
                while len(self._window) >= workers * _CHUNKS_PER_WORKER:
                    yield from self._drain_one()
            if entries:
                pool = self._submit(pool, _Chunk(entries), workers)
            while self._window or self._ready:
                yield from self._drain_one()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _submit(
        self, pool: ProcessPoolExecutor, chunk: _Chunk, workers: int
    ) -> ProcessPoolExecutor:
        jobs = chunk.jobs()
        if jobs:
            try:
                chunk.future = pool.submit(process_chunk, jobs)
            except BrokenProcessPool:  # an earlier chunk killed a worker: go on with fresh ones
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _start(workers, self.options)
                chunk.future = pool.submit(process_chunk, jobs)
        self._window.append(chunk)
        return pool

    def _drain_one(self) -> Iterator[Result]:
        if not self._ready:
            self._ready.extend(self._window.popleft().results())
        while self._ready:
            yield self._ready.popleft()


def _chain(head: list[Item], rest: Iterator[Item]) -> Iterator[Item]:
    yield from head
    yield from rest


def _start(workers: int, options: StageOptions) -> ProcessPoolExecutor:
    # forkserver: workers never inherit the parent's threads or open database connections;
    # the preload imports the stage once, in the server, instead of once per worker.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["prisonwatch.ingest.stage"])
    return ProcessPoolExecutor(
        workers, mp_context=context, initializer=init_worker, initargs=(options,)
    )
