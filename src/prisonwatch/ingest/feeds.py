"""RSS and Atom feeds: the links of their items, each with the date the feed gives it."""

from __future__ import annotations

import time
from dataclasses import dataclass

from prisonwatch.errors import InputError

_FEED_TYPES = ("rss", "atom", "xml")


@dataclass(frozen=True)
class FeedItem:
    """One feed entry: the article's link, its title and its date as the feed states them."""

    link: str
    title: str | None = None
    published: str | None = None


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    """Return True when bytes (or their content type) are an RSS or Atom feed."""
    if any(kind in content_type for kind in ("rss", "atom")):
        return True
    head = data[:1024].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)


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
        if not link:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        date = time.strftime("%Y-%m-%d", stamp) if stamp else None
        items.append(FeedItem(link=link, title=entry.get("title"), published=date))
    if not items:
        raise InputError(f"{source}: the feed has no items with links; nothing to ingest")
    return items
