"""RSS and Atom feeds: the links of their items, each with the date the feed gives it."""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from prisonwatch.errors import InputError

_FEED_TYPES = ("rss", "atom", "xml")


@dataclass(frozen=True)
class FeedItem:
    """One feed entry: the article's link, its title and its date as the feed states them."""

    link: str
    title: str | None = None
    published: str | None = None
    problem: str | None = None  # why the link cannot be fetched; the item then fails alone


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    """Return True when bytes (or their content type) are an RSS or Atom feed."""
    if any(kind in content_type for kind in ("rss", "atom")):
        return True
    head = data[:1024].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)


def _is_web(url: str) -> bool:
    return url.lower().startswith(("http://", "https://"))


def check_link(link: str, source: str) -> tuple[str, str | None]:
    """Return an item's absolute http(s) link and None, or the link and why it cannot be used."""
    link = link.strip()
    if _is_web(source):
        with contextlib.suppress(ValueError):  # a malformed link is reported below
            link = urljoin(source, link)
    try:
        parts = urlsplit(link)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as exc:
        return link, f"{source}: the item link {link!r} is malformed ({exc}); item skipped"
    if parts.scheme.lower() not in ("http", "https"):
        what = f"a {parts.scheme}: link" if parts.scheme else "a relative link"
        return link, f"{source}: the item link {link!r} is {what}, not http(s); item skipped"
    if not parts.hostname:
        return link, f"{source}: the item link {link!r} has no host; item skipped"
    return link, None


def feed_items(data: bytes, source: str) -> list[FeedItem]:
    """Return the items of a feed, or raise ``InputError`` when it is broken or has none."""
    import feedparser

    parsed = feedparser.parse(data)
    error = parsed.get("bozo_exception")
    if parsed.get("bozo") and error is not None and "CharacterEncoding" not in type(error).__name__:
        raise InputError(
            f"{source}: the feed is not well-formed XML ({error}); check the feed address or file"
        )
    items = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link or not isinstance(link, str):
            continue
        link, problem = check_link(link, source)
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        try:
            date = time.strftime("%Y-%m-%d", stamp) if stamp else None
        except (TypeError, ValueError):
            date = None
        items.append(FeedItem(link=link, title=entry.get("title"), published=date, problem=problem))
    if not items:
        raise InputError(f"{source}: the feed has no items with links; nothing to ingest")
    return items
