"""Ingest a folder, proposing claims for each document; with --kill-at N, die mid-transaction."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from tests.registry.builders import event, extraction

from prisonwatch.db.engine import session_scope
from prisonwatch.db.models import Document
from prisonwatch.documents import CleanDocument
from prisonwatch.ingest import IngestOptions, ingest
from prisonwatch.registry.propose import propose_extraction
from prisonwatch.registry.resolution import PersonResolver
from prisonwatch.settings import Settings


def main() -> None:
    """Run one ingest, killed (SIGKILL) inside the Nth document's transaction when N > 0."""
    folder, url, kill_at = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    settings = Settings(database_url=url)
    seen = []

    def hook(session, doc: CleanDocument, status: str) -> None:  # type: ignore[no-untyped-def]
        row = session.get(Document, doc.id)
        if row.extracted_version:
            return
        found = event(doc.text, doc.text.split(".")[0], "arrest", persons=("Ihar Losik",))
        propose_extraction(
            session, row, extraction(row, [found]), PersonResolver(session), version="t"
        )
        seen.append(doc.id)
        if len(seen) == kill_at:
            session.flush()
            os.kill(os.getpid(), signal.SIGKILL)

    def factory():  # type: ignore[no-untyped-def]
        return session_scope(settings)

    report = ingest([str(folder)], IngestOptions(on_stored=hook, near_duplicates=False), factory)
    print(report.counts())


if __name__ == "__main__":
    main()
