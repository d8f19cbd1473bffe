"""Ingest: files, folders, URLs, feeds and web archives into clean, deduplicated documents."""

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
