"""URLs and feeds against a local HTTP server: timeouts, 404, 500, retries, redirects, feeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from prisonwatch.db.models import Document
from prisonwatch.errors import InputError
from prisonwatch.ingest import IngestOptions, ingest
from prisonwatch.ingest.fetch import FetchConfig, Fetcher
from tests.ingest.conftest import Server, SessionFactory, article

HTML = "text/html; charset=utf-8"
FAST = FetchConfig(
    allow_private=True,
    user_agent="prisonwatch-test/1",
    timeout_s=0.3,
    max_bytes=200_000,
    retries=2,
    backoff_s=0.01,
    per_host=1,
)


def _options(**extra: object) -> IngestOptions:
    return IngestOptions(fetch=FAST, **extra)  # type: ignore[arg-type]


def _feed(server: Server, paths: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Story {p}</title><link>{server.url(p)}</link>"
        f"<pubDate>Fri, 12 Sep 2025 10:00:00 GMT</pubDate></item>"
        for p in paths
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>News</title><link>{server.url('/')}</link>{items}</channel></rss>"
    ).encode()


def test_url_is_fetched_with_user_agent_and_stored(
    server: Server, sessions: SessionFactory
) -> None:
    server.routes["/story.html"] = (200, HTML, article().encode(), 0)
    report = ingest([server.url("/redirect/story.html")], _options(), sessions)
    assert report.count("new") == 1
    assert server.agents[0] == "prisonwatch-test/1"
    with sessions() as session:
        doc = session.scalars(select(Document)).one()
        assert sorted(u.url for u in doc.urls) == [
            server.url("/redirect/story.html"),
            server.url("/story.html"),
        ]
        assert doc.published is None  # only a "© 2024" footer: unknown, not 2024-01-01


@pytest.mark.parametrize(
    ("path", "route", "words"),
    [
        ("/missing", None, "404"),
        ("/broken", (500, "text/plain", b"oops", 0.0), "500 after 3 tries"),
        ("/slow", (200, HTML, b"<html></html>", 1.0), "no answer within 0.3 s"),
        ("/huge", (200, HTML, b"<html>" + b"x" * 300_000 + b"</html>", 0.0), "larger than"),
        ("/file.pdf", (200, "application/pdf", b"%PDF-1.4 ...", 0.0), "not HTML or text"),
    ],
)
def test_bad_urls_fail_alone(
    server: Server, sessions: SessionFactory, path: str, route: tuple | None, words: str
) -> None:
    if route:
        server.routes[path] = route
    server.routes["/ok.html"] = (200, HTML, article().encode(), 0)
    report = ingest([server.url(path), server.url("/ok.html")], _options(), sessions)
    assert [i.status for i in report.items] == ["failed", "new"]
    reason = report.items[0].reason
    assert reason is not None
    assert reason.startswith(server.url(path))
    assert words in reason


def test_server_error_is_retried(server: Server, sessions: SessionFactory) -> None:
    server.routes["/flaky"] = (200, HTML, article().encode(), 0)
    report = ingest([server.url("/flaky")], _options(), sessions)
    assert report.count("new") == 1
    assert server.hits["/flaky"] == 2


def test_500_is_tried_retries_plus_one_times(server: Server) -> None:
    server.routes["/down"] = (502, "text/plain", b"bad gateway", 0)
    with Fetcher(FAST) as fetcher, pytest.raises(InputError, match="502"):
        fetcher.fetch(server.url("/down"))
    assert server.hits["/down"] == 3


def test_feed_url_fetches_each_item(server: Server, sessions: SessionFactory) -> None:
    server.routes["/a.html"] = (200, HTML, article("Story A").encode(), 0)
    server.routes["/b.html"] = (200, HTML, article("Story B", extra="Other words.").encode(), 0)
    server.routes["/feed.xml"] = (
        200,
        "application/rss+xml",
        _feed(server, ["/a.html", "/b.html", "/gone.html"]),
        0,
    )
    report = ingest([server.url("/feed.xml")], _options(near_duplicates=False), sessions)
    assert [i.status for i in report.items] == ["new", "new", "failed"]
    assert report.items[2].source == server.url("/gone.html")
    with sessions() as session:
        dates = {d.published_source for d in session.scalars(select(Document))}
    assert dates == {"meta"}


def test_feed_file(server: Server, sessions: SessionFactory, tmp_path: Path) -> None:
    server.routes["/a.html"] = (200, HTML, article().encode(), 0)
    feed = tmp_path / "news.rss"
    feed.write_bytes(_feed(server, ["/a.html"]))
    assert ingest([str(feed)], _options(), sessions).count("new") == 1


def test_broken_feed(server: Server, sessions: SessionFactory, tmp_path: Path) -> None:
    feed = tmp_path / "broken.xml"
    feed.write_bytes(_feed(server, ["/a.html"])[:-40])
    server.routes["/broken.xml"] = (200, "application/rss+xml", feed.read_bytes(), 0)
    (tmp_path / "good.txt").write_text("Belarus freed 14 prisoners on Saturday.", encoding="utf-8")
    report = ingest([str(tmp_path), server.url("/broken.xml")], _options(), sessions)
    assert [i.status for i in report.items] == ["failed", "new", "failed"]
    for item, source in zip(report.failures, [str(feed), server.url("/broken.xml")], strict=True):
        assert item.reason is not None
        assert item.reason.startswith(source)
        assert "not well-formed XML" in item.reason
