"""Worker processes die with the ingest that started them, even when it is killed with -9."""

from __future__ import annotations

import ctypes
import os
import signal
import threading

from prisonwatch.ingest.stage import StageOptions, init_worker

# How often a worker checks that the ingest process is still there, in seconds.
WATCH_S = 0.5
_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    # Linux: the kernel kills this worker when its parent (the fork server) exits.
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the watchdog below still holds
        pass


def _watch(owner: int) -> None:
    while True:
        try:
            os.kill(owner, 0)
        except ProcessLookupError:
            os._exit(1)  # the ingest is gone: nothing will read this worker's results
        except PermissionError:
            pass
        threading.Event().wait(WATCH_S)


def init_guarded_worker(options: StageOptions, owner: int) -> None:
    """Tie this worker's life to process ``owner`` (the ingest), then warm the stage up."""
    _die_with_parent()
    threading.Thread(target=_watch, args=(owner,), daemon=True, name="lifeline").start()
    init_worker(options)
