"""Fixtures for hostile-input tests: sessions on a fresh database, and bounded subprocesses."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from prisonwatch.db.engine import session_scope
from prisonwatch.settings import Settings

SessionFactory = Callable[[], AbstractContextManager[Session]]
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def sessions(settings: Settings) -> SessionFactory:
    """Return a factory of transactional sessions on the test database (SQLite and PostgreSQL)."""
    return lambda: session_scope(settings)


def bounded_run(code: str, *, memory_mb: int, timeout_s: float) -> dict[str, Any]:
    """Run ``code`` in a fresh Python with an address-space cap; return what it printed as JSON.

    The code sets ``result`` (a dict); the peak resident memory (MB) and the wall time are added.
    A MemoryError or a kill shows as a failed run, so a test fails instead of taking the machine.
    """
    script = textwrap.dedent(
        f"""
        import json, resource, time
        resource.setrlimit(resource.RLIMIT_AS, ({memory_mb} << 20, {memory_mb} << 20))
        started = time.monotonic()
        result = {{}}
        """
    )
    script += textwrap.dedent(code)
    script += textwrap.dedent(
        """
        result["seconds"] = time.monotonic() - started
        # VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so a child of a big test
        # worker would report the worker's memory as its own.
        with open("/proc/self/status") as status:
            hwm = next(line for line in status if line.startswith("VmHWM:"))
        result["peak_mb"] = int(hwm.split()[1]) / 1024
        print("RESULT " + json.dumps(result))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=timeout_s,
        cwd=REPO,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert done.returncode == 0 and lines, done.stderr[-2000:]
    found: dict[str, Any] = json.loads(lines[-1][len("RESULT ") :])
    return found
