"""A value derived from the whole database, rebuilt by one caller at a time when data changes."""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)
# After a rebuild that took t seconds, a stale value is served for t × this before the next:
# rebuilds then take at most a quarter of one core, however often writes come.
COOLDOWN_FACTOR = 3.0
# Rebuilds quicker than this get no cool-down: a small registry is always read fresh.
COOLDOWN_FROM_S = 0.2


class _Collector:
    """How many builds have the cyclic collector paused, and whether it ran before the first."""

    lock = threading.Lock()
    pausers = 0
    was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a large value is built, then restore it.

    A snapshot of 5,000 persons and 20,000 events allocates some 10^6 objects at once, which
    triggers full collections over the whole heap (the previous snapshot included): they took
    half to two thirds of the build time (measured 2.9-4.1 s with, 1.0-1.6 s without). Freed
    objects still go at once by reference counting; the collector runs again when the last
    build ends, and stays off if something else had turned it off.
    """
    with _Collector.lock:
        if _Collector.pausers == 0:
            _Collector.was_enabled = gc.isenabled()
            gc.disable()
        _Collector.pausers += 1
    try:
        yield
    finally:
        with _Collector.lock:
            _Collector.pausers -= 1
            if _Collector.pausers == 0 and _Collector.was_enabled:
                gc.enable()


def freeze_long_lived() -> None:
    """Put every object alive now out of the cyclic collector's reach (``gc.freeze``).

    A server holding a snapshot and a name index keeps ~500,000 objects that live as long as
    they do; a full collection walks all of them (measured 0.4 s of CPU at 5,000 persons and
    20,000 events), stalling every request in flight. Frozen, they are never walked again, and
    still go by reference counting when a rebuild replaces them; only cyclic garbage alive at
    the moment of freezing stays (the values kept here hold no cycles of their own).
    """
    gc.freeze()


class SingleFlight(Generic[T]):
    """Keeps one value per key with the stamp it was built at; one rebuild at a time per key.

    When the stamp moves, the first caller rebuilds in its own transaction (so a client reads its
    own writes). With ``serve_stale``, callers that arrive during that rebuild get the previous
    value at once instead of waiting or building their own: after a write, 16 requests cost one
    rebuild, not 16 at the same time. Without it they wait for the rebuild and share its result.
    With ``serve_stale``, after a slow rebuild (a large registry) and while other callers are in
    flight, the next rebuild waits a cool-down three times as long, so rebuilds under constant
    writes never starve the requests they serve; a caller alone, or a registry that rebuilds
    fast, always reads fresh.
    """

    def __init__(self, serve_stale: bool = True) -> None:
        self.serve_stale = serve_stale
        self._lock = threading.Lock()
        self._values: dict[str, tuple[Hashable, T]] = {}
        self._builders: dict[str, threading.Lock] = {}
        self._cool_until: dict[str, float] = {}
        self._callers: dict[str, int] = {}

    def get(
        self,
        key: str,
        stamp: Hashable,
        build: Callable[[], T],
        background: Callable[[], T] | None = None,
    ) -> T:
        """Return the value for ``key`` at ``stamp``, building it with ``build`` when needed.

        With ``background`` (a build that opens its own transaction) and ``serve_stale``, a
        caller among others in flight starts the rebuild on a thread of its own and gets the
        previous value at once: no request waits for a rebuild it did not ask to read.
        """
        with self._lock:
            self._callers[key] = self._callers.get(key, 0) + 1
        try:
            return self._get(key, stamp, build, background)
        finally:
            with self._lock:
                self._callers[key] -= 1

    def _get(
        self,
        key: str,
        stamp: Hashable,
        build: Callable[[], T],
        background: Callable[[], T] | None,
    ) -> T:
        with self._lock:
            cached = self._values.get(key)
            builder = self._builders.setdefault(key, threading.Lock())
            # A caller alone always reads fresh (its own writes); the cool-down is for crowds.
            crowded = self._callers.get(key, 0) > 1
            cooling = crowded and time.monotonic() < self._cool_until.get(key, 0.0)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        if self.serve_stale and cached is not None and cooling:
            return cached[1]
        if not builder.acquire(blocking=cached is None or not self.serve_stale):
            assert cached is not None
            return cached[1]
        if self.serve_stale and cached is not None and crowded and background is not None:
            # The builder lock passes to the thread, which releases it when done.
            threading.Thread(
                target=self._build_then_release,
                args=(key, stamp, background, builder),
                name=f"rebuild {key}",
                daemon=True,
            ).start()
            return cached[1]
        try:
            with self._lock:
                latest = self._values.get(key)
            if latest is not None and latest[0] == stamp:  # built by the caller before us
                return latest[1]
            return self._build(key, stamp, build)
        finally:
            builder.release()

    def _build_then_release(
        self, key: str, stamp: Hashable, build: Callable[[], T], builder: threading.Lock
    ) -> None:
        try:
            self._build(key, stamp, build)
        except Exception:  # the next caller tries again; the old value is served meanwhile
            log.exception("background rebuild of %s failed", key)
        finally:
            builder.release()

    def _build(self, key: str, stamp: Hashable, build: Callable[[], T]) -> T:
        started = time.monotonic()
        with collector_paused():
            value = build()
        finished = time.monotonic()
        with self._lock:
            self._values[key] = (stamp, value)
            took = finished - started
            cool = took * COOLDOWN_FACTOR if took >= COOLDOWN_FROM_S else 0.0
            self._cool_until[key] = finished + cool
        if took >= COOLDOWN_FROM_S:  # a large value: keep collections from walking it
            freeze_long_lived()
        return value

    def peek(self, key: str) -> T | None:
        """Return the value kept for ``key`` whatever its stamp (a build may patch it), or None."""
        with self._lock:
            kept = self._values.get(key)
        return kept[1] if kept is not None else None

    def clear(self) -> None:
        """Forget every value."""
        with self._lock:
            self._values.clear()
