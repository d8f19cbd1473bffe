"""prisonwatch: an evidence-backed record of political prisoners, built straight from the news."""

from prisonwatch.documents import CleanDocument, document_id
from prisonwatch.errors import (
    AuthError,
    ConfigError,
    ConflictError,
    InputError,
    NotFoundError,
    PrisonwatchError,
)
from prisonwatch.settings import Settings, get_settings

__version__ = "0.1.0"

__all__ = [
    "AuthError",
    "CleanDocument",
    "ConfigError",
    "ConflictError",
    "InputError",
    "NotFoundError",
    "PrisonwatchError",
    "Settings",
    "__version__",
    "document_id",
    "get_settings",
]
