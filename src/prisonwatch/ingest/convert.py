"""One entry for every input kind: bytes plus metadata in, a clean document out."""

from __future__ import annotations

from prisonwatch.documents import CleanDocument
from prisonwatch.errors import InputError
from prisonwatch.ingest.html import html_document
from prisonwatch.ingest.meta import InputMeta
from prisonwatch.ingest.plain import text_document


def to_document(data: bytes, meta: InputMeta) -> CleanDocument:
    """Return the clean document for ``data``, read as the kind ``meta`` names."""
    if meta.kind == "html":
        return html_document(data, meta)
    if meta.kind == "text":
        return text_document(data, meta)
    raise InputError(f"{meta.source}: cannot read inputs of kind {meta.kind!r}")
