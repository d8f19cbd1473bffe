"""Worker processes die with an ingest killed by SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.hostile.conftest import REPO


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def test_workers_die_with_a_killed_ingest(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for n in range(40):
        (folder / f"{n}.txt").write_text(
            f"An invented court sentenced invented person number {n} to {n} years.\n\nMore.",
            encoding="utf-8",
        )
    pids = tmp_path / "pids"
    ingest = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.hostile.orphans",
            str(folder),
            str(tmp_path / "d"),
            str(pids),
        ],
        cwd=REPO,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not (pids.exists() and pids.read_text().strip()) and time.monotonic() < deadline:
            assert ingest.poll() is None, "the ingest ended before storing a document"
            time.sleep(0.2)
        tree = [int(p) for p in pids.read_text().split()]
        assert len(tree) >= 2  # the fork server and its workers
        os.kill(ingest.pid, signal.SIGKILL)
        ingest.wait(10)
        deadline = time.monotonic() + 10
        while any(_alive(p) for p in tree) and time.monotonic() < deadline:
            time.sleep(0.2)
        left = [p for p in tree if _alive(p)]
    finally:
        ingest.kill()
        ingest.wait(10)
    for pid in left:  # clean up what the test found, then fail
        os.kill(pid, signal.SIGKILL)
    assert left == []
