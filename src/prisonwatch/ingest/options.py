"""The one options object that every ingest entry point takes."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from prisonwatch.errors import InputError
from prisonwatch.ingest.fetch import FetchConfig

_PARTIAL_DATE = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")

# Called as hook(session, doc, status) inside the document's savepoint after it is stored
# (status new/unchanged/duplicate); with ``extract`` set, the worker's ``Extraction`` (None
# for a document this extractor version already processed) comes as a fourth argument.
OnStored = Callable[..., None]
OnProgress = Callable[[Any], None]


@dataclass
class IngestOptions:
    """What the user asked for: metadata overrides, parallelism and hooks."""

    published: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD; wins over the page's own date
    language: str | None = None
    publisher: str | None = None
    # Worker processes; None: one per core, or none for an input of a few documents.
    workers: int | None = 1
    fetch: FetchConfig | None = None  # None: from the settings
    near_duplicates: bool = True
    # Workers also run the events extractor and hand its result to ``on_stored``.
    extract: bool = False
    # Where the registry flow hooks in: see ``OnStored``. A failing hook fails its document
    # only; the document and whatever the hook wrote roll back together.
    on_stored: OnStored | None = None
    # Called once per input outcome (an ``ItemOutcome``), e.g. to advance a progress bar.
    on_progress: OnProgress | None = None
    # Where the stage runs: "local" (this machine's worker processes) or "ray"; ``address``
    # names a running Ray cluster, else a local one starts and stops with the run.
    engine: str = "local"
    address: str | None = None
    # Drop pages without a word of the subject before parsing them (counted as off_topic).
    prefilter: bool = False
    # Skip inputs an earlier run already took in, unparsed (a killed bulk run resumes).
    skip_known: bool = False
    # Keep every input's outcome in the report; off, a bulk run keeps counts and failures only.
    keep_items: bool = True

    def validate(self) -> None:
        """Raise ``InputError`` when an option cannot work."""
        if self.published and not _PARTIAL_DATE.match(self.published):
            raise InputError(
                f"--published {self.published!r}: give the date as YYYY-MM-DD, YYYY-MM or YYYY"
            )
        if self.workers is not None and self.workers < 1:
            raise InputError(f"--workers {self.workers}: give at least 1 worker")
        if self.engine not in ("local", "ray"):
            raise InputError(f"--engine {self.engine!r}: give local or ray")
        if self.address and self.engine != "ray":
            raise InputError("--address names a Ray cluster: give it with --engine ray")
        if self.language and not re.fullmatch(r"[a-z]{2,3}", self.language):
            raise InputError(f"--language {self.language!r}: give an ISO 639-1 code such as en, ru")
