"""After a failed commit the ingest summary counts only what was stored."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from prisonwatch.cli.ingest_cmd import flow_counts
from prisonwatch.db.engine import session_scope
from prisonwatch.db.models import Claim, Document
from prisonwatch.ingest import IngestOptions, ingest
from prisonwatch.registry.flow import RegistryHook
from prisonwatch.settings import Settings

ARTICLE = (
    "Minsk, 4 May 2025. A court in the invented town of Northfield sentenced Ihar Invented, "
    "a teacher, to five years in a penal colony on Monday, his lawyer said.\n\n"
    "Rights groups called the trial political."
)


def test_summary_after_a_failed_commit_counts_nothing(
    sqlite_settings: Settings, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")

    @contextmanager
    def failing_commit() -> Iterator[Session]:
        with session_scope(sqlite_settings) as session:
            yield session
            session.flush()
            if session.scalar(select(func.count()).select_from(Document)):
                raise OSError(28, "No space left on device")  # the commit never happens

    hook = RegistryHook(sqlite_settings)
    options = IngestOptions(workers=1, extract=True, on_stored=hook, near_duplicates=False)
    report = ingest([str(tmp_path)], options, failing_commit)
    assert report.count("failed") == 1
    with session_scope(sqlite_settings) as session:
        assert session.scalar(select(func.count()).select_from(Claim)) == 0
    assert all(value == 0 for value in flow_counts(hook).values()), flow_counts(hook)
