"""Ingest a folder as the CLI does (known inputs skipped); given N > 0, die after N inputs."""

from __future__ import annotations

import json
import os
import signal
import sys

from prisonwatch.db.engine import session_scope
from prisonwatch.ingest import IngestOptions, ingest
from prisonwatch.ingest.report import ItemOutcome
from prisonwatch.settings import Settings


def main() -> None:
    """Run one ingest; SIGKILL this process once N outcomes were committed and reported."""
    folder, url, kill_after = sys.argv[1], sys.argv[2], int(sys.argv[3])
    settings = Settings(database_url=url)
    done: list[str] = []

    def progress(outcome: ItemOutcome) -> None:
        done.append(outcome.source)
        if len(done) == kill_after:
            print(json.dumps(done), flush=True)
            os.kill(os.getpid(), signal.SIGKILL)

    options = IngestOptions(
        workers=1, prefilter=True, skip_known=True, near_duplicates=True, on_progress=progress
    )
    report = ingest([folder], options, lambda: session_scope(settings))
    print(json.dumps(report.counts()))


if __name__ == "__main__":
    main()
