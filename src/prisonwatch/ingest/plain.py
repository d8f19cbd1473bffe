"""Plain text (.txt, .md) to a clean document: decode, drop site furniture, find a title."""

from __future__ import annotations

import re

from prisonwatch.documents import CleanDocument
from prisonwatch.errors import InputError
from prisonwatch.ingest.decode import decode_bytes
from prisonwatch.ingest.language import detect_language
from prisonwatch.ingest.meta import InputMeta
from prisonwatch.ingest.textclean import clean_text

# A collection line some corpora put before the article: " date 2022-08-03 …".
_COLLECTION_DATE = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\b[ \t]*")
_MAX_TITLE_CHARS = 200


def split_collection_date(text: str) -> tuple[str | None, str]:
    """Return the date of a leading `` date YYYY-MM-DD`` collection line and the text without it."""
    match = _COLLECTION_DATE.match(text)
    if not match:
        return None, text
    return match.group(1), text[match.end() :]


def guess_title(text: str) -> str | None:
    """Return the first line when it reads as a headline: short, not ending a sentence."""
    first = text.split("\n", 1)[0].strip().lstrip("#").strip()
    if "\n" not in text.strip() or not 3 <= len(first.split()) <= 30:
        return None
    if len(first) > _MAX_TITLE_CHARS or first[-1] in ".,;:":
        return None
    return first


def file_title(source: str | None) -> str | None:
    """Return a local file's name as a title ("minsk-release.txt"); None for web addresses."""
    if not source or "://" in source:
        return None
    return source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or None


def finish(doc: CleanDocument, meta: InputMeta) -> CleanDocument:
    """Apply the user's overrides and the input's fallbacks to a document."""
    if meta.published:
        doc.published, doc.published_source = meta.published, "user"
    elif not doc.published and meta.fallback_published:
        doc.published = meta.fallback_published
        doc.published_source = meta.fallback_published_source
    doc.language = meta.language or doc.language or detect_language(doc.text)
    doc.publisher = meta.publisher or doc.publisher
    doc.source = meta.source
    doc.url = meta.url or doc.url
    doc.urls = sorted({u for u in (doc.url, doc.canonical_url, *meta.also_urls, *doc.urls) if u})
    return doc


def require_text(text: str, source: str) -> str:
    """Return ``text``, or raise ``InputError`` when no article text is left."""
    if not text.strip():
        raise InputError(
            f"{source}: no article text was found (only page furniture or markup); "
            "check that the input is a news article"
        )
    return text


def text_document(data: bytes, meta: InputMeta) -> CleanDocument:
    """Return the clean document for a plain-text input's bytes."""
    raw_text = decode_bytes(data, meta.source)
    published, body = split_collection_date(raw_text)
    text = require_text(clean_text(body), meta.source)
    doc = CleanDocument(
        text=text,
        # Without a headline a file keeps its name as title, never "Untitled document".
        title=guess_title(text) or file_title(meta.source),
        published=published,
        published_source="meta" if published else None,
        raw=data,
        raw_kind="text",
    )
    return finish(doc, meta)
