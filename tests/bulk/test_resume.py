"""A killed bulk run, started again, finishes the rest: nothing parsed twice, nothing doubled."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from benchmarks.bulk_bench import make_warcs
from sqlalchemy import func, select

from prisonwatch.db.engine import session_scope
from prisonwatch.db.models import Document, DocumentURL, IngestedInput
from prisonwatch.settings import Settings

REPO = Path(__file__).resolve().parents[2]


def _count(settings: Settings, model: type) -> int:
    with session_scope(settings, write=False) as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_killed_run_resumes_without_redoing(settings: Settings, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    make_warcs(folder, pages=120, files=3, relevant=0.3)
    for number in range(10):
        (folder / f"note{number}.txt").write_text(
            f"Police detained a reporter in town number {number}; he was taken to a jail.\n"
        )
    run = [sys.executable, "-m", "tests.bulk.killer", str(folder), settings.url()]
    killed = subprocess.run([*run, "50"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert killed.returncode == -9, killed.stderr
    reported = json.loads(killed.stdout.splitlines()[-1])
    assert len(reported) == 50
    remembered = _count(settings, IngestedInput)
    assert remembered >= 50  # every reported outcome was committed before it was reported
    stored = _count(settings, Document)
    assert 0 < stored < 130

    done = subprocess.run([*run, "0"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    counts = json.loads(done.stdout.splitlines()[-1])
    assert counts["known_input"] == remembered  # skipped before parsing, not done again
    assert counts["failed"] == 0
    assert counts["new"] + counts["unchanged"] + counts["off_topic"] == 130
    assert counts["unchanged"] == stored  # the documents of the killed run, none stored again
    assert _count(settings, Document) == stored + counts["new"]
    assert _count(settings, IngestedInput) == 130
    with session_scope(settings, write=False) as session:
        distinct = session.scalar(select(func.count(func.distinct(DocumentURL.url))))
    assert distinct == _count(settings, DocumentURL) > 0

    again = subprocess.run([*run, "0"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert json.loads(again.stdout.splitlines()[-1])["known_input"] == 130
