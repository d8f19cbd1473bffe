"""Fixtures for ingest tests: a fresh SQLite database, sample pages, and a local HTTP server."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from prisonwatch.db.engine import dispose_engines, engine_for, session_scope
from prisonwatch.db.models import Base
from prisonwatch.settings import Settings

SessionFactory = Callable[[], AbstractContextManager[Session]]

ARTICLE = """<html lang="en"><head><title>{title} | Example News</title>
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Reporter">{head}
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>{body}</article>
<footer>© 2024 Example News. All rights reserved. <a href="/privacy">Privacy</a></footer>
</body></html>"""

SENTENCES = [
    "Belarus freed 52 political prisoners on Thursday as part of a deal brokered by the "
    "United States, which lifted some sanctions on the national airline.",
    "It was another sign of a possible rapprochement between Washington and Minsk, a close "
    "ally of Russia that has faced Western isolation for years.",
    "Trump envoy John Coale announced the lifting of sanctions at a meeting with Lukashenko "
    "in Minsk on Thursday, after two days of talks with officials.",
    "Most of those freed were taken to Lithuania, and one opposition politician refused to "
    "leave the country and was later seen being driven away by masked men.",
]


def article(title: str = "Belarus frees 52 prisoners", head: str = "", extra: str = "") -> str:
    """Return an HTML article page with navigation and a copyright footer."""
    body = "".join(f"<p>{s}</p>" for s in SENTENCES) + (f"<p>{extra}</p>" if extra else "")
    return ARTICLE.format(title=title, head=head, body=body)


@pytest.fixture
def settings(tmp_path: Path) -> Iterator[Settings]:
    """Return settings pointing at a fresh SQLite database with the schema in place."""
    s = Settings(data_dir=tmp_path / "data")
    Base.metadata.create_all(engine_for(s))
    yield s
    dispose_engines()


@pytest.fixture
def sessions(settings: Settings) -> SessionFactory:
    """Return a factory of transactional sessions on the test database."""
    return lambda: session_scope(settings)


@dataclass
class Server:
    """A local HTTP server: ``routes`` maps a path to (status, content type, body, delay)."""

    base: str
    routes: dict[str, tuple[int, str, bytes, float]] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)
    agents: list[str] = field(default_factory=list)
    locations: dict[str, str] = field(default_factory=dict)

    def url(self, path: str) -> str:
        """Return the full URL of ``path`` on this server."""
        return self.base + path


@pytest.fixture
def server() -> Iterator[Server]:
    """Start an HTTP server on 127.0.0.1 for one test; never the internet."""
    state = Server(base="")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path
            state.hits[path] = state.hits.get(path, 0) + 1
            state.agents.append(self.headers.get("User-Agent", ""))
            if path.startswith("/redirect") or path in state.locations:
                self.send_response(302)
                self.send_header(
                    "Location", state.locations.get(path, path.removeprefix("/redirect"))
                )
                self.end_headers()
                return
            status, ctype, body, delay = state.routes.get(path, (404, "text/plain", b"nope", 0))
            if path == "/flaky" and state.hits[path] == 1:
                status = 503
            if delay:
                time.sleep(delay)
            try:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except OSError:
                pass

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield state
    httpd.shutdown()
    httpd.server_close()
    thread.join()
