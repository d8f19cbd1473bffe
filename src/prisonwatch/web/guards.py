"""ASGI middleware run before any route: security headers, a body limit, authorisation first."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from prisonwatch.web import urls

# No inline script or style anywhere, so injected markup could not run even if it slipped through.
PAGE_CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
)
BASE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

# (status, sentence) for a request refused before its body is read, or None to let it through.
Refusal = tuple[int, str] | None


def security_headers(path: str, docs_csp: str) -> dict[str, str]:
    """Return the headers every response to ``path`` carries; the API docs get their own CSP."""
    csp = docs_csp if path == urls.api("/docs") else PAGE_CSP
    return {"Content-Security-Policy": csp, **BASE_HEADERS}


class SecurityHeaders:
    """Adds the security headers to every response that passes through, errors included."""

    def __init__(self, app: ASGIApp, docs_csp: str) -> None:
        self.app = app
        self.docs_csp = docs_csp

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = security_headers(scope["path"], self.docs_csp)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in extra.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyGuard:
    """Refuses unauthorised writes before reading their body, and bodies over ``max_bytes``.

    The declared Content-Length is checked first; then the body is read as it streams in,
    counted, and refused as soon as it passes the limit, so no more than ``max_bytes`` of one
    request is ever held. The route then gets the body it would have read.
    """

    def __init__(
        self,
        app: ASGIApp,
        max_bytes: int,
        authorise: Callable[[Request], Awaitable[Refusal]],
        respond: Callable[[Request, int, str], Response],
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.authorise = authorise
        self.respond = respond

    def _too_large(self) -> tuple[int, str]:
        return 413, (
            f"the request body is larger than {self.max_bytes:,} bytes: send less, in parts"
        )

    async def _refuse(self, scope: Scope, send: Send, refusal: tuple[int, str]) -> None:
        response = self.respond(Request(scope), *refusal)
        await response(scope, _no_body, send)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._refuse(scope, send, self._too_large())
            return
        if scope["method"] not in SAFE_METHODS:
            refusal = await self.authorise(Request(scope))
            if refusal is not None:
                await self._refuse(scope, send, refusal)
                return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._refuse(scope, send, self._too_large())
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _no_body() -> Message:
    return {"type": "http.disconnect"}


async def in_thread(check: Callable[[Request], Refusal], request: Request) -> Refusal:
    """Run a blocking (database) check off the event loop."""
    return await run_in_threadpool(check, request)
