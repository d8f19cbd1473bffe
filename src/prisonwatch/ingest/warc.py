"""Web archives (WARC, .warc.gz): each HTML response record becomes one input."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from prisonwatch.errors import InputError
from prisonwatch.ingest.meta import Failure, InputMeta, Job
from prisonwatch.settings import get_settings

WARC_SUFFIXES = (".warc", ".warc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
# A gzip bomb: once this many bytes came out, more than _BOMB_RATIO times what went in is refused.
# HTML compresses 5 to 20 times; a page of one repeated line, about 100 times.
_BOMB_FLOOR = 32_000_000
_BOMB_RATIO = 200
# Bytes read at once: warcio joins a long line block by block, so small blocks cost quadratic time.
_BLOCK = 1_048_576
_GZIP = 16 + zlib.MAX_WBITS  # zlib's window bits for a gzip header
# The longest reason from a damaged archive that a message repeats, in characters.
_REASON_CHARS = 160


class _TooBig(ValueError):
    """The archive decompresses to far more than it holds, or has a line without end."""


class _BoundedReader:
    """Reads a WARC (inflating gzip members here) and stops bombs and endless lines early."""

    def __init__(self, raw: IO[bytes], line_cap: int) -> None:
        self.raw = raw
        self.gz = raw.read(2) == b"\x1f\x8b"
        raw.seek(0)
        self.line_cap = line_cap
        self.total = 0
        self.damage: str | None = None  # why the compressed stream ended early, if it did
        self._run = 0  # bytes since the last line break
        self._inflater = zlib.decompressobj(_GZIP)
        self._fed = False  # the current gzip member has had input
        self._tail = b""

    def tell(self) -> int:
        """Return the offset in the decompressed archive."""
        return self.total

    def read(self, size: int | None = -1) -> bytes:
        """Return up to ``size`` bytes (a block at most) of the decompressed archive."""
        want = _BLOCK if size is None or size < 0 else min(size, _BLOCK)
        data = self._inflate(want) if self.gz else self.raw.read(want)
        self.total += len(data)
        newline = data.rfind(b"\n")
        self._run = self._run + len(data) if newline < 0 else len(data) - newline - 1
        if self._run > self.line_cap:
            raise _TooBig(f"a line longer than {self.line_cap / 1e6:g} MB")
        if self.gz and self.total > _BOMB_FLOOR and self.total > _BOMB_RATIO * self.raw.tell():
            raise _TooBig(f"it decompresses to over {_BOMB_RATIO} times its size, like a gzip bomb")
        return data

    def _inflate(self, want: int) -> bytes:
        # Member by member, never more than ``want`` bytes out: a bomb cannot fill memory, and a
        # cut or damaged end gives what came before it (reported once the records are read).
        while self.damage is None:
            if not self._tail:
                self._tail = self.raw.read(_BLOCK)
                if not self._tail:
                    if self._fed:
                        self.damage = "the gzip stream is cut short"
                    return b""
            try:
                data = self._inflater.decompress(self._tail, want)
            except zlib.error as exc:
                self.damage = f"damaged gzip data ({exc})"
                return b""
            self._fed = True
            self._tail = self._inflater.unconsumed_tail
            if self._inflater.eof:
                self._tail = self._inflater.unused_data
                self._inflater = zlib.decompressobj(_GZIP)
                self._fed = False
            if data:
                return data
        return b""

    def drain(self) -> None:
        """Read to the end, so ``total`` is the decompressed size (bounds still hold)."""
        while self.read(_BLOCK):
            pass


def _iterator(stream: _BoundedReader) -> Any:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.recordloader import ArcWarcRecordLoader

    class _Loader(ArcWarcRecordLoader):
        def load_http_headers(self, rec_type: Any, uri: Any, stream: Any, length: Any) -> Any:
            # A record without WARC-Target-URI is still read (warcio would fail on it).
            return super().load_http_headers(rec_type, uri or "http:", stream, length)

    class _Quiet(ArchiveIterator):
        # warcio prints a stray line whole to stderr: it may be megabytes of binary.
        INC_RECORD = ""

    iterator = _Quiet(stream, block_size=_BLOCK)
    iterator.loader = _Loader()
    return iterator


def _short(exc: BaseException) -> str:
    text = str(exc).strip()
    first = text.splitlines()[0] if text else type(exc).__name__
    first = first.encode("ascii", "backslashreplace").decode("ascii")
    return first if len(first) <= _REASON_CHARS else first[:_REASON_CHARS] + "…"


def is_warc(path: Path) -> bool:
    """Return True for a file name that ends in ``.warc`` or ``.warc.gz``."""
    return path.name.lower().endswith(WARC_SUFFIXES)


def warc_records(path: Path, base: InputMeta) -> Iterator[Job | Failure]:
    """Yield a job for each HTML response record; a damaged archive raises where it breaks."""
    from warcio.exceptions import ArchiveLoadFailed

    settings = get_settings()
    limit = settings.max_input_bytes
    count = 0
    try:
        with path.open("rb") as handle:
            stream = _BoundedReader(handle, max(settings.html_max_bytes, 1_000_000))
            records = _iterator(stream)
            for number, record in enumerate(records, start=1):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = (record.http_headers.get_header("Content-Type") or "").lower()
                status = record.http_headers.get_statuscode() or ""
                if not content_type.startswith(_HTML_TYPES) or not status.startswith("2"):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or None
                date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
                payload = record.content_stream().read(limit + 1)
                if len(payload) <= limit and getattr(record.raw_stream, "limit", 0) > 0:
                    raise EOFError(f"the record for {url or f'record {number}'} is cut short")
                count += 1
                source = f"{path}#{url}" if url else f"{path}#record-{number}"
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
            # Bytes after the last record that warcio could not read end the iteration silently.
            stream.drain()
            if stream.damage:
                raise EOFError(stream.damage)
            if records.offset < stream.total:
                raise EOFError(f"{stream.total - records.offset} bytes at the end are unreadable")
        if count == 0:
            raise InputError(f"{path}: no HTML pages found in this web archive; nothing to ingest")
    except _TooBig as exc:
        raise InputError(
            f"{path}: refused after {count} HTML records: {exc}; the records before were kept"
        ) from None
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        raise InputError(
            f"{path}: the web archive is damaged or cut short after {count} HTML records "
            f"({_short(exc)}); the records before the damage were kept"
        ) from None
