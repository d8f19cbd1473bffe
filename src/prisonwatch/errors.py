"""One exception tree for prisonwatch, mapped once to exit codes and HTTP statuses."""

from __future__ import annotations

import re

# Control characters and direction overrides: a file name holding them must not move the cursor,
# colour the terminal, break a message over lines or reorder what the reader sees.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def terminal_safe(text: str) -> str:
    """Return ``text`` with control and direction characters written as escapes (``\\x1b``)."""
    if text.isprintable():
        return text
    return _UNSAFE.sub(
        lambda m: _NAMED.get(m.group(), m.group().encode("unicode_escape").decode()), text
    )


class PrisonwatchError(Exception):
    """A problem the user can fix; the message says what was wrong and what to do."""

    exit_code = 1
    http_status = 400

    def __init__(self, message: str) -> None:
        message = terminal_safe(message)
        super().__init__(message)
        self.message = message


class InputError(PrisonwatchError):
    """An input (file, URL, row, text) could not be used."""


class NotFoundError(PrisonwatchError):
    """A record that was asked for does not exist."""

    http_status = 404


class ConflictError(PrisonwatchError):
    """The request contradicts the current state (accepting twice, merging into itself)."""

    http_status = 409


class ConfigError(PrisonwatchError):
    """A setting is missing or has a value that cannot work."""

    http_status = 500


class AuthError(PrisonwatchError):
    """The caller is not logged in or lacks the role for this action."""

    http_status = 403


class Interrupted(PrisonwatchError):
    """A long command was stopped (Ctrl-C, a signal); the message says what it kept."""

    exit_code = 130
    http_status = 503


class UnavailableError(PrisonwatchError):
    """The database cannot serve this now (busy, read-only, full disk); nothing was half-stored."""

    http_status = 503

    def __init__(self, message: str, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


# SQLSTATE codes of PostgreSQL and message parts of SQLite, grouped by what the user can do.
_BUSY_STATES = {"55P03", "40001", "40P01", "57014"}
_BUSY_WORDS = ("database is locked", "database is busy", "database table is locked")
_READONLY_STATES = {"25006"}
_READONLY_WORDS = ("readonly database", "read-only file system", "read-only transaction")
_FULL_STATES = {"53100", "53200"}
_FULL_WORDS = ("database or disk is full", "no space left on device", "disk i/o error")
_OPEN_WORDS = ("unable to open database file",)
# Seconds a client is told to wait before retrying a busy database.
BUSY_RETRY_AFTER_S = 5


def storage_error(exc: BaseException) -> UnavailableError | None:
    """Return the one-line error for a busy, read-only or full database, or None for others."""
    import errno

    seen = [exc, getattr(exc, "orig", None), exc.__cause__]
    for found in (e for e in seen if e is not None):
        state = str(getattr(found, "sqlstate", "") or "")
        code = getattr(found, "errno", None)
        text = str(found).lower()
        if state in _BUSY_STATES or any(w in text for w in _BUSY_WORDS):
            return UnavailableError(
                "the database is busy with another write (an import or an ingest); "
                f"try again in {BUSY_RETRY_AFTER_S} seconds",
                retry_after=BUSY_RETRY_AFTER_S,
            )
        if (
            state in _READONLY_STATES
            or code == errno.EROFS
            or any(w in text for w in _READONLY_WORDS)
        ):
            return UnavailableError(
                "the database is read-only (a read-only disk, file or account): nothing was "
                "stored; make it writable or point PRISONWATCH_DATA_DIR at a writable folder"
            )
        if state in _FULL_STATES or code == errno.ENOSPC or any(w in text for w in _FULL_WORDS):
            return UnavailableError(
                "the disk holding the database is full: the write that failed stored nothing; "
                "free some space and run it again"
            )
        if any(w in text for w in _OPEN_WORDS):
            return UnavailableError(
                "the database file cannot be opened: check that PRISONWATCH_DATA_DIR exists "
                "and that this account may read and write it"
            )
    return None
