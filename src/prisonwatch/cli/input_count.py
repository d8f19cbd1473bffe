"""Count the local files an ingest will read, so its progress bar can show n/N from the start."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from prisonwatch.ingest.load import kind_of
from prisonwatch.ingest.sources import FEED_SUFFIXES
from prisonwatch.ingest.warc import is_warc


@dataclass(frozen=True)
class LocalCount:
    """How many files the named sources hold, and whether each file is exactly one input."""

    files: int
    # False when a web archive or a feed is among them: one file, many inputs.
    one_input_each: bool


def _many(name: str) -> bool:
    """Return True for a web archive or a feed: one file that gives many inputs."""
    return is_warc(Path(name)) or name.lower().endswith(FEED_SUFFIXES)


def _walk(folder: str, found: set[str], single: list[bool]) -> None:
    """Add the readable files under ``folder``, as ingest's folder walk finds them."""
    stack = [folder]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                # Like the walk ingest does: into real folders only, not through folder links.
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                    continue
                if entry.is_dir():
                    continue
                many = _many(entry.name)
                if many or kind_of(Path(entry.name)) is not None:
                    found.add(str(Path(entry.path)))
                    single.append(not many)


def count_local(sources: list[str]) -> LocalCount | None:
    """Return how many files the sources hold; None when a URL or an unreadable folder is named."""
    found: set[str] = set()
    single: list[bool] = []
    for source in sources:
        if source.lower().startswith(("http://", "https://")):
            return None
        path = Path(source)
        try:
            if path.is_dir():
                _walk(source, found, single)
                continue
        except OSError:
            return None
        # A file named by hand is one input, read or refused with one error line.
        found.add(str(path))
        single.append(not _many(path.name))
    return LocalCount(files=len(found), one_input_each=all(single))
