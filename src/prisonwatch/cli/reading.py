"""Read an article file into a clean document for extraction (via ingest), with one-line errors."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from prisonwatch.documents import CleanDocument
from prisonwatch.errors import InputError

_PUBLISHED = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_published(published: str | None) -> str | None:
    """Return ``published`` if it is YYYY, YYYY-MM or YYYY-MM-DD, else raise InputError."""
    if published is None:
        return None
    ok = bool(_PUBLISHED.match(published))
    if ok and len(published) == 10:
        try:
            dt.date.fromisoformat(published)
        except ValueError:
            ok = False
    if not ok:
        raise InputError(f"--published {published!r} is not a date; write it as YYYY-MM-DD")
    return published


def read_article(path: Path, published: str | None = None) -> CleanDocument:
    """Return the clean document of an article file (.txt, .md, .html) via ingest's loader."""
    from prisonwatch.ingest.load import load_document

    published = check_published(published)
    path = Path(path)
    if not path.suffix and path.is_file():
        # A file without an extension is read as plain text, as score_events.py names no suffix.
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise InputError(
                f"{path}: not UTF-8 text; save it as UTF-8 or give the .html"
            ) from None
        return CleanDocument(text=text, published=published, source=str(path), raw_kind="text")
    document = load_document(path, published=published)
    if not document.text.strip():
        raise InputError(
            f"{path}: no article text found in the file; check that it is a news article"
        )
    return document
