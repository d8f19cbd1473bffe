"""Web archives (WARC, .warc.gz): each HTML response record becomes one input."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from prisonwatch.errors import InputError
from prisonwatch.ingest.meta import Failure, InputMeta, Job
from prisonwatch.settings import get_settings

WARC_SUFFIXES = (".warc", ".warc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(path: Path) -> bool:
    """Return True for a file name that ends in ``.warc`` or ``.warc.gz``."""
    return path.name.lower().endswith(WARC_SUFFIXES)


def warc_records(path: Path, base: InputMeta) -> Iterator[Job | Failure]:
    """Yield a job for each HTML response record; a damaged archive raises where it breaks."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    limit = get_settings().max_input_bytes
    count = 0
    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream)
            for record in records:
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = (record.http_headers.get_header("Content-Type") or "").lower()
                status = record.http_headers.get_statuscode() or ""
                if not content_type.startswith(_HTML_TYPES) or not status.startswith("2"):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
                payload = record.content_stream().read(limit + 1)
                if len(payload) <= limit and getattr(record.raw_stream, "limit", 0) > 0:
                    raise EOFError(f"the record for {url} is cut short")
                count += 1
                source = f"{path}#{url}"
                if len(payload) > limit:
                    yield Failure(source, f"{source}: larger than {limit / 1e6:g} MB; skipped")
                    continue
                meta = InputMeta(
                    source=source,
                    kind="html",
                    url=url,
                    published=base.published,
                    language=base.language,
                    publisher=base.publisher,
                    fallback_published=date,
                    fallback_published_source="warc" if date else None,
                )
                yield Job(payload, meta)
            # A gzip member cut before its first block ends the iteration silently.
            if records.offset < path.stat().st_size:
                raise EOFError(
                    f"{path.stat().st_size - records.offset} bytes at the end are unreadable"
                )
        if count == 0:
            raise InputError(f"{path}: no HTML pages found in this web archive; nothing to ingest")
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(
            f"{path}: the web archive is damaged or cut short after {count} HTML records "
            f"({reason}); the records before the damage were kept"
        ) from None
