"""The extractor's language decision: the package's one detector, re-exported."""

from __future__ import annotations

from prisonwatch.language import READ_LANGUAGES, language_of

__all__ = ["READ_LANGUAGES", "language_of"]
