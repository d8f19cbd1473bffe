"""Ingest: files, folders, URLs, feeds and web archives into clean, deduplicated documents."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from prisonwatch.ingest.load import load_document
    from prisonwatch.ingest.options import IngestOptions
    from prisonwatch.ingest.pipeline import ingest
    from prisonwatch.ingest.report import IngestReport, ItemOutcome
    from prisonwatch.ingest.store import store_document
    from prisonwatch.ingest.textclean import clean_text

__all__ = [
    "IngestOptions",
    "IngestReport",
    "ItemOutcome",
    "clean_text",
    "ingest",
    "load_document",
    "store_document",
]
# Imported on first use: worker processes load only the stage modules, not the database layer.
_HOME = {
    "IngestOptions": "options",
    "IngestReport": "report",
    "ItemOutcome": "report",
    "clean_text": "textclean",
    "ingest": "pipeline",
    "load_document": "load",
    "store_document": "store",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module 'prisonwatch.ingest' has no attribute {name!r}")
    return getattr(importlib.import_module(f"prisonwatch.ingest.{_HOME[name]}"), name)
