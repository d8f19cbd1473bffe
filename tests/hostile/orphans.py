"""Ingest a folder with worker processes; once the first document is stored, wait to be killed."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from prisonwatch.db.engine import engine_for, session_scope
from prisonwatch.db.models import Base
from prisonwatch.ingest import IngestOptions, ingest
from prisonwatch.settings import Settings


def _descendants(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            found.append(int(child))
            found.extend(_descendants(int(child)))
    return found


def main() -> None:
    """Ingest ``folder`` with 2 workers; write the process tree to ``pids`` and sleep."""
    folder, data, pids = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    settings = Settings(data_dir=data)
    Base.metadata.create_all(engine_for(settings))

    def hook(session: object, doc: object, status: str) -> None:
        import os

        pids.write_text(" ".join(str(p) for p in _descendants(os.getpid())))
        time.sleep(600)

    options = IngestOptions(workers=2, near_duplicates=False, on_stored=hook)
    ingest([str(folder)], options, lambda: session_scope(settings))


if __name__ == "__main__":
    main()
