"""Huge bodies are refused as they stream in, and writes are authorised before any body is read."""

from __future__ import annotations

import select
import socket
import time
import tracemalloc
from collections.abc import Callable, Iterator

import pytest

from prisonwatch.db.engine import session_scope
from prisonwatch.settings import Settings
from prisonwatch.users import add_user, new_token
from prisonwatch.web import create_app, urls
from tests.security.live import live

HUGE = 300_000_000
CHUNK = b"x" * 1_000_000
ACCEPT = urls.api("/review/claims/c1/accept")


@pytest.fixture
def server(sqlite_settings: Settings) -> Iterator[tuple[str, int, str]]:
    """Serve a database with one reviewer; yield host, port and the reviewer's token."""
    with session_scope(sqlite_settings) as session:
        add_user(session, "anna", "correct horse battery", role="reviewer")
        token = new_token(session, "anna")
    with live(create_app(sqlite_settings)) as (host, port):
        yield host, port, token


def _send(address: tuple[str, int], head: str, total: int, chunked: bool) -> tuple[str, int, float]:
    """Send ``head`` then up to ``total`` body bytes until the server answers; return the status
    line, the body bytes sent and the seconds taken."""
    sock = socket.create_connection(address)
    start = time.monotonic()
    sent = 0
    try:
        sock.sendall(head.encode("latin-1"))
        sock.settimeout(0.05)
        while sent < total and time.monotonic() - start < 30:
            if select.select([sock], [], [], 0)[0]:
                break  # the answer is there: stop sending
            piece = (b"%x\r\n" % len(CHUNK) + CHUNK + b"\r\n") if chunked else CHUNK
            view = memoryview(piece)
            try:
                while view:
                    done = sock.send(view)
                    view = view[done:]
                    sent += done
            except (TimeoutError, BlockingIOError):
                sent += len(piece) - len(view)
                continue
            except OSError:
                break
        sock.settimeout(5)
        answer = sock.recv(4096).decode("latin-1")
    finally:
        sock.close()
    return answer.split("\r\n", 1)[0], sent, time.monotonic() - start


def _head(path: str, *, length: int | None, token: str | None = None) -> str:
    lines = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/json"]
    lines.append(
        f"Content-Length: {length}" if length is not None else "Transfer-Encoding: chunked"
    )
    if token:
        lines.append(f"Authorization: Bearer {token}")
    return "\r\n".join(lines) + "\r\n\r\n"


def _peak_mb(send: Callable[[], tuple[str, int, float]]) -> tuple[tuple[str, int, float], float]:
    """Run ``send`` and return its answer and the peak of memory allocated meanwhile (MB).

    tracemalloc, not ru_maxrss: a high-water mark set earlier in the worker would hide growth; the
    server runs in this process, so its allocations are traced too.
    """
    tracemalloc.start()
    try:
        answer = send()
        return answer, tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize(
    ("length", "expected"),
    [(HUGE, "413 Request Entity Too Large"), (None, "403 Forbidden")],
    ids=["declared", "chunked"],
)
def test_anonymous_300_mb_post_is_refused_at_once(
    server: tuple[str, int, str], length: int | None, expected: str
) -> None:
    host, port, _ = server
    head = _head(ACCEPT, length=length)
    (status, sent, seconds), peak = _peak_mb(
        lambda: _send((host, port), head, HUGE, length is None)
    )
    # A declared size over the limit is refused on sight; an undeclared one for the missing token.
    assert status == f"HTTP/1.1 {expected}"
    assert seconds < 5 and sent < 50_000_000
    assert peak < 100


@pytest.mark.parametrize("length", [HUGE, None], ids=["declared", "chunked"])
def test_reviewer_300_mb_post_is_cut_at_the_limit(
    server: tuple[str, int, str], length: int | None
) -> None:
    host, port, token = server
    head = _head(ACCEPT, length=length, token=token)
    (status, sent, seconds), peak = _peak_mb(
        lambda: _send((host, port), head, HUGE, length is None)
    )
    assert status == "HTTP/1.1 413 Request Entity Too Large"
    assert seconds < 5 and sent < 50_000_000
    assert peak < 100


def test_write_is_refused_before_its_body_arrives(server: tuple[str, int, str]) -> None:
    host, port, _ = server
    # A body is promised but never sent: the answer must not wait for it.
    status, sent, seconds = _send((host, port), _head(ACCEPT, length=500_000), 0, False)
    assert status == "HTTP/1.1 403 Forbidden" and sent == 0 and seconds < 2
    form = _head(urls.login(), length=500_000).replace("application/json", "text/plain")
    status, _, seconds = _send((host, port), form, 0, False)
    assert status == "HTTP/1.1 403 Forbidden" and seconds < 2


def test_small_authorised_post_still_works(server: tuple[str, int, str]) -> None:
    host, port, token = server
    body = b'{"reason": "checked"}'
    head = _head(ACCEPT, length=len(body), token=token)
    sock = socket.create_connection((host, port), timeout=5)
    with sock:
        sock.sendall(head.encode() + body)
        answer = sock.recv(4096).decode()
    # The claim does not exist: the route ran and read the body, answering 404, not 403 or 413.
    assert answer.startswith("HTTP/1.1 404"), answer
