"""One exception tree for prisonwatch, mapped once to exit codes and HTTP statuses."""

from __future__ import annotations


class PrisonwatchError(Exception):
    """A problem the user can fix; the message says what was wrong and what to do."""

    exit_code = 1
    http_status = 400

    def __init__(self, message: str) -> None:
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
