"""Two writers at once lose nothing; a process killed mid-ingest leaves nothing half-written."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from sqlalchemy import func, select
from tests.registry.builders import add_document, event, extraction

from prisonwatch.db.engine import session_scope
from prisonwatch.db.models import Claim, Document
from prisonwatch.registry.propose import propose_extraction
from prisonwatch.registry.resolution import PersonResolver
from prisonwatch.settings import Settings

REPO = Path(__file__).resolve().parents[2]


def _writer(settings: Settings, tag: str, errors: list[BaseException]) -> None:
    try:
        for number in range(15):
            text = f"Police in Minsk detained Ihar Losik and writer {tag}{number} on Monday."
            with session_scope(settings) as session:
                row = add_document(
                    session, text, published="2024-01-01", url=f"https://{tag}/{number}"
                )
                found = event(text, text[:-1], "arrest", persons=("Ihar Losik",))
                propose_extraction(
                    session, row, extraction(row, [found]), PersonResolver(session), version="t"
                )
    except BaseException as exc:  # collected: a thread's failure must fail the test
        errors.append(exc)


def test_two_writers_at_once_lose_nothing(settings: Settings) -> None:
    errors: list[BaseException] = []
    threads = [threading.Thread(target=_writer, args=(settings, tag, errors)) for tag in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors
    with session_scope(settings, write=False) as session:
        assert session.scalar(select(func.count()).select_from(Document)) == 30
        # one event claim and one person link per document, nothing lost
        assert (
            session.scalar(select(func.count()).select_from(Claim).where(Claim.kind == "event"))
            == 30
        )
        links = session.scalar(
            select(func.count()).select_from(Claim).where(Claim.kind == "event_person")
        )
        assert links == 30


def test_killed_ingest_leaves_no_half_written_document(settings: Settings, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(3):
        (folder / f"{number}.txt").write_text(
            f"Police detained Ihar Losik in town number {number}. He was taken to a prison.\n"
        )
    url = settings.url()
    run = [sys.executable, "-m", "tests.registry.killer", str(folder), url]
    killed = subprocess.run([*run, "2"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert killed.returncode == -9, killed.stderr
    with session_scope(settings, write=False) as session:
        docs = session.scalar(select(func.count()).select_from(Document))
        claims = list(session.scalars(select(Claim)))
        assert docs == 1
        assert {c.document_id for c in claims if c.document_id} == set(
            session.scalars(select(Document.id))
        )
    done = subprocess.run([*run, "0"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    with session_scope(settings, write=False) as session:
        assert session.scalar(select(func.count()).select_from(Document)) == 3
        events = session.scalar(
            select(func.count()).select_from(Claim).where(Claim.kind == "event")
        )
        assert events == 3
