"""Fetching refuses non-public addresses (also after DNS and redirects), bad links and tricklers."""

from __future__ import annotations

import gzip
import socket
import threading
import time
import tracemalloc
import zlib
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from prisonwatch.errors import InputError
from prisonwatch.ingest import IngestOptions, ingest
from prisonwatch.ingest.fetch import FetchConfig, Fetcher, public_reason
from prisonwatch.settings import Settings
from tests.ingest.conftest import Server, SessionFactory, article

HTML = "text/html; charset=utf-8"
DEFAULT = FetchConfig(
    user_agent="prisonwatch-test/1", timeout_s=1.0, max_bytes=200_000, retries=0,
    backoff_s=0.01, per_host=1,
)  # fmt: skip
LOCAL = replace(DEFAULT, allow_networks=("127.0.0.1/32",))


def _refused(config: FetchConfig, url: str) -> str:
    with Fetcher(config) as fetcher, pytest.raises(InputError) as caught:
        fetcher.fetch(url)
    return caught.value.message


def test_settings_default_refuses_private_targets() -> None:
    config = FetchConfig.from_settings(Settings())
    assert config.allow_private is False
    assert config.allow_networks == ()


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("http://127.0.0.1:{port}/a.html", "127.0.0.1 is a loopback address"),
        ("http://[::1]:{port}/a.html", "::1 is a loopback address"),
        ("http://localhost:{port}/a.html", "localhost ("),
        ("http://10.1.2.3/", "10.1.2.3 is a private address"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
        ("http://[::ffff:127.0.0.1]:{port}/", "loopback"),
        ("http://0.0.0.0:{port}/", "0.0.0.0 is a"),
    ],
)
def test_default_refuses_non_public_targets(server: Server, url: str, words: str) -> None:
    server.routes["/a.html"] = (200, HTML, article().encode(), 0)
    target = url.format(port=server.base.rsplit(":", 1)[1])
    message = _refused(DEFAULT, target)
    assert message.startswith(target)
    assert words in message
    assert "PRISONWATCH_FETCH_ALLOW_PRIVATE" in message
    assert server.hits == {}


@pytest.mark.parametrize(
    "location",
    ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/admin", "http://[::1]/"],
)
def test_redirect_to_non_public_target_is_refused(server: Server, location: str) -> None:
    server.routes["/go"] = (302, "text/plain", b"", 0)
    server.locations["/go"] = location
    message = _refused(LOCAL, server.url("/go"))
    assert "address" in message and "only public addresses" in message
    assert server.hits == {"/go": 1}


def test_allowed_network_is_fetched(server: Server) -> None:
    server.routes["/a.html"] = (200, HTML, article().encode(), 0)
    with Fetcher(LOCAL) as fetcher:
        assert fetcher.fetch(server.url("/redirect/a.html")).final_url == server.url("/a.html")


def test_public_reason_lets_public_addresses_through() -> None:
    assert public_reason("93.184.216.34") is None
    assert public_reason("2606:2800:220:1:248:1893:25c8:1946") is None
    assert public_reason("100.64.0.1") == "100.64.0.1 is not a public address"
    assert public_reason("fe80::1") == "fe80::1 is a link-local address"


def test_feed_with_local_and_bad_links_stores_only_the_good_item(
    server: Server, sessions: SessionFactory
) -> None:
    links = [
        "file:///etc/passwd",
        "javascript:alert(1)",
        "/relative/story.html",
        "http://[::1",
        "http://10.0.0.1/admin",
        server.url("/ok.html").replace("127.0.0.1", "[::1]"),
        server.url("/ok.html"),
    ]
    items = "".join(
        f"<item><title>S{i}</title><link>{u}</link></item>" for i, u in enumerate(links)
    )
    feed = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>N</title>{items}</channel></rss>'
    )
    server.routes["/feed.xml"] = (200, "application/rss+xml", feed.encode(), 0)
    server.routes["/ok.html"] = (200, HTML, article().encode(), 0)
    report = ingest([server.url("/feed.xml")], IngestOptions(fetch=LOCAL), sessions)
    assert [i.status for i in report.items] == ["failed"] * 6 + ["new"]
    reasons = [i.reason or "" for i in report.items[:6]]
    assert "file: link" in reasons[0] and "not http(s)" in reasons[0]
    assert "javascript: link" in reasons[1]
    # A relative link is read against the feed's own URL: here a page the test server lacks.
    assert "/relative/story.html" in reasons[2] and "404" in reasons[2]
    assert "malformed" in reasons[3]
    assert "private address" in reasons[4]
    assert "loopback address" in reasons[5]
    assert all("\n" not in r for r in reasons)


@pytest.fixture
def trickler() -> Iterator[tuple[str, list[float]]]:
    """A server sending its answer one byte every 0.3 s; yields its URL base and send times."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    sent: list[float] = []
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            with conn:
                request = conn.recv(65536)
                head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n"
                answer = head + b"x" * 100
                # /head trickles from the status line on, /body only after the headers.
                start = 0 if b"/head" in request else len(head)
                try:
                    conn.sendall(answer[:start])
                    for i in range(start, len(answer)):
                        if stop.is_set():
                            return
                        conn.sendall(answer[i : i + 1])
                        sent.append(time.monotonic())
                        time.sleep(0.3)
                except OSError:
                    continue

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}", sent
    stop.set()
    thread.join()
    listener.close()


@pytest.mark.parametrize("path", ["/body", "/head"])
def test_trickling_server_is_cut_at_the_deadline(
    trickler: tuple[str, list[float]], path: str
) -> None:
    base, sent = trickler
    config = replace(LOCAL, timeout_s=1.0, deadline_s=1.5)
    start = time.monotonic()
    message = _refused(config, base + path)
    elapsed = time.monotonic() - start
    assert "not complete within the 1.5 s deadline" in message
    assert 1.4 <= elapsed < 4  # the deadline, plus room for a busy machine
    assert len(sent) < 10  # each byte came well within the 1 s read timeout


@pytest.fixture
def gzip_server() -> Iterator[str]:
    """Serve /bomb (200 MB of zeros, gzipped to about 200 KB) and /page (a small gzipped page)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = b"\0" * 1_000_000
    bomb = b"".join(packer.compress(zeros) for _ in range(200)) + packer.flush()
    page = gzip.compress(article().encode())

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = bomb if self.path == "/bomb" else page
            self.send_response(200)
            self.send_header("Content-Type", HTML)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def test_gzip_bomb_is_cut_at_the_size_limit(gzip_server: str) -> None:
    # tracemalloc's peak, not ru_maxrss: a high-water mark set earlier in the worker hides growth.
    tracemalloc.start()
    try:
        message = _refused(LOCAL, gzip_server + "/bomb")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "larger than 0.2 MB" in message
    assert peak < 20_000_000
    with Fetcher(LOCAL) as fetcher:
        assert fetcher.fetch(gzip_server + "/page").body == article().encode()
