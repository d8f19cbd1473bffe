"""The document a source becomes: cleaned text plus metadata, identified by a hash of its text."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

_SPACE = re.compile(r"\s+")


def normalize_for_identity(text: str) -> str:
    """Return the text as compared for identity: NFC, case-folded, whitespace collapsed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip().casefold()


def document_id(text: str) -> str:
    """Return a document's id: the first 32 hex digits of the SHA-256 of its normalized text."""
    return normalized_document_id(normalize_for_identity(text))


def normalized_document_id(normalized: str) -> str:
    """Return ``document_id`` of a text already passed through ``normalize_for_identity``."""
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:32]


@dataclass
class CleanDocument:
    """One article after ingest: clean text, metadata, and the raw input it came from."""

    text: str
    title: str | None = None
    published: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    published_source: str | None = None  # meta | url | text | user | warc | None (unknown)
    language: str | None = None
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    raw: bytes | None = None
    raw_kind: str | None = None  # html | text | warc-record
    source: str | None = None  # what the user named: a path or a URL
    urls: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        """Return the content hash that identifies this document."""
        return document_id(self.text)
