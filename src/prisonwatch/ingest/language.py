"""Ingest's language decision: the package's one detector, re-exported."""

from __future__ import annotations

from prisonwatch.language import detect_language

__all__ = ["detect_language"]
