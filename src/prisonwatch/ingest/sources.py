"""Turn what the user named (files, folders, URLs, feeds, web archives) into jobs or failures."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from prisonwatch.errors import InputError
from prisonwatch.ingest.feeds import FeedItem, feed_items, looks_like_feed
from prisonwatch.ingest.fetch import FetchConfig, Fetcher
from prisonwatch.ingest.load import kind_of, read_input
from prisonwatch.ingest.meta import Failure, InputMeta, Job
from prisonwatch.ingest.options import IngestOptions
from prisonwatch.ingest.warc import is_warc, warc_records

FEED_SUFFIXES = (".rss", ".atom", ".xml")
# Feed items fetched at once; the per-host limit still holds inside the fetcher.
_FEED_THREADS = 8


def unexpected(source: str, exc: BaseException) -> str:
    """Return the one line that reports an unexpected error while reading ``source``."""
    text = str(exc).strip()
    first = (text.splitlines()[0] if text else "")[:200]
    return f"{source}: unexpected {type(exc).__name__} ({first}); skipped, please report it"


def _is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


class SourceReader:
    """Reads sources one after another; opens an HTTP client only when a URL needs one."""

    def __init__(self, options: IngestOptions) -> None:
        self.options = options
        self._fetcher: Fetcher | None = None

    def close(self) -> None:
        """Close the HTTP client, if one was opened."""
        if self._fetcher is not None:
            self._fetcher.close()

    @property
    def fetcher(self) -> Fetcher:
        """Return the shared HTTP client, opening it on first use."""
        if self._fetcher is None:
            self._fetcher = Fetcher(self.options.fetch or FetchConfig.from_settings())
        return self._fetcher

    def _meta(self, source: str, kind: str, **extra: object) -> InputMeta:
        o = self.options
        return InputMeta(
            source=source,
            kind=kind,
            published=o.published,
            language=o.language,
            publisher=o.publisher,
            **extra,  # type: ignore[arg-type]
        )

    def read(self, sources: list[str]) -> Iterator[Job | Failure]:
        """Yield a job for every input found in ``sources`` and a failure for each bad one."""
        for source in sources:
            yield from self._guard(source, self._source(source))

    def _guard(self, source: str, items: Iterator[Job | Failure]) -> Iterator[Job | Failure]:
        try:
            yield from items
        except InputError as exc:
            yield Failure(source, exc.message)
        except Exception as exc:  # a bug reading one source must not end the run
            yield Failure(source, unexpected(source, exc))

    def _source(self, source: str) -> Iterator[Job | Failure]:
        if _is_url(source):
            yield from self._url(source)
            return
        path = Path(source)
        if path.is_dir():
            yield from self._folder(path)
        elif path.exists() or path.is_symlink():
            yield from self._file(path)
        else:
            raise InputError(f"{source}: no such file or folder, and not an http(s) URL")

    def _folder(self, folder: Path) -> Iterator[Job | Failure]:
        for path in sorted(folder.rglob("*")):
            if path.is_dir() or not self._readable_kind(path):
                continue
            yield from self._guard(str(path), self._file(path))

    @staticmethod
    def _readable_kind(path: Path) -> bool:
        name = path.name.lower()
        return kind_of(path) is not None or is_warc(path) or name.endswith(FEED_SUFFIXES)

    def _file(self, path: Path) -> Iterator[Job | Failure]:
        if is_warc(path):
            if not path.is_file():
                read_input(path)  # raises the right message for a folder or broken link
            yield from warc_records(path, self._meta(str(path), "html"))
            return
        kind = kind_of(path)
        if kind is not None:
            yield Job(read_input(path), self._meta(str(path), kind))
        elif path.name.lower().endswith(FEED_SUFFIXES):
            yield from self._feed(str(path), read_input(path))
        else:
            raise InputError(
                f"{path}: unknown file type {path.suffix!r}; give .html, .htm, .txt, .md, "
                ".warc, .warc.gz or a feed (.rss, .atom, .xml)"
            )

    def _url(self, url: str) -> Iterator[Job | Failure]:
        page = self.fetcher.fetch(url)
        if looks_like_feed(page.body, page.content_type):
            yield from self._feed(url, page.body)
            return
        yield self._page_job(url, page.final_url, page.content_type, page.body)

    def _page_job(
        self, url: str, final_url: str, content_type: str, body: bytes, item: FeedItem | None = None
    ) -> Job:
        if "html" in content_type or body.lstrip()[:100].lower().startswith(
            (b"<!doctype", b"<html")
        ):
            kind = "html"
        elif content_type.startswith("text/plain"):
            kind = "text"
        else:
            raise InputError(
                f"{url}: the page is {content_type or 'of unknown type'}, not HTML or text"
            )
        meta = self._meta(
            url,
            kind,
            url=final_url,
            also_urls=(url,) if url != final_url else (),
            fallback_published=item.published if item else None,
            fallback_published_source="meta" if item and item.published else None,
        )
        return Job(body, meta)

    def _feed(self, source: str, data: bytes) -> Iterator[Job | Failure]:
        items = feed_items(data, source)
        with ThreadPoolExecutor(max_workers=_FEED_THREADS) as pool:
            yield from pool.map(self._feed_item, items)

    def _feed_item(self, item: FeedItem) -> Job | Failure:
        if item.problem is not None:
            return Failure(item.link, item.problem)
        try:
            page = self.fetcher.fetch(item.link)
            return self._page_job(item.link, page.final_url, page.content_type, page.body, item)
        except InputError as exc:
            return Failure(item.link, exc.message)
        except Exception as exc:  # one bad item must not end the feed or the run
            return Failure(item.link, unexpected(item.link, exc))
