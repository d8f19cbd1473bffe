"""What is known about one input before it is read: where it came from and the user's overrides."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class InputMeta:
    """Metadata that travels with an input's bytes into a stage function (picklable)."""

    source: str  # what the user named, or the URL or record it came from: used in error lines
    kind: str  # html | text
    url: str | None = None
    published: str | None = None  # given by the user: wins over anything found in the page
    language: str | None = None
    publisher: str | None = None
    fallback_published: str | None = None  # e.g. a web archive record's date
    fallback_published_source: str | None = None
    also_urls: tuple[str, ...] = ()  # other addresses of the same input (before redirects)


@dataclass(frozen=True)
class Job:
    """One input ready for a stage function: its bytes and what is known about it."""

    data: bytes
    meta: InputMeta
    key: str = ""  # the input's content key, set by the driver when it looks for known inputs


@dataclass(frozen=True)
class Failure:
    """An input that could not be used, with the one-line reason naming it."""

    source: str
    reason: str


@dataclass(frozen=True)
class Known:
    """An input whose exact bytes an earlier run already took in: it skips the stage."""

    source: str
    document_id: str | None  # the document it gave; None when it was off-topic
    key: str


@dataclass(frozen=True)
class OffTopic:
    """An input the relevance prefilter found about something else: not parsed, not stored."""

    source: str
    reason: str
