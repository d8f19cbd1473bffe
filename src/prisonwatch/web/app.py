"""The web application: public pages, the reviewer workspace and the JSON API."""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from prisonwatch import __version__
from prisonwatch.db.engine import session_scope
from prisonwatch.registry.rebuild import freeze_long_lived
from prisonwatch.settings import Settings, get_settings
from prisonwatch.tunables import tunable
from prisonwatch.web import (
    actions,
    apidocs,
    auth,
    documents,
    errors,
    feed,
    home,
    lists,
    persons,
    records,
    review,
    urls,
)
from prisonwatch.web.deps import write_refusal
from prisonwatch.web.guards import BodyGuard, SecurityHeaders, in_thread
from prisonwatch.web.names import GrowingNameIndex
from prisonwatch.web.queries import SnapshotCache
from prisonwatch.web.render import make_templates
from prisonwatch.web.security import (
    AccountLockout,
    RateLimit,
    Sessions,
    secret_key,
    session_user,
)

STATIC = Path(__file__).with_name("static")
# How many processes ``serve --workers`` runs, for each to take its share of the login limits.
WORKERS_ENV = "PRISONWATCH_SERVE_WORKERS"


def _drop_ended_login(request: Request, settings: Settings) -> None:
    # A cookie whose login has ended (logout elsewhere, new password, user removed) keeps only its
    # CSRF token, so no page greets the old user; it is rewritten without the user.
    with session_scope(settings, write=False) as session:
        if session_user(request, session) is None:
            request.state.session = {"csrf": request.state.session.get("csrf")}
            request.state.session_dirty = True


class SessionCookie:
    """Loads the signed session cookie into ``request.state`` and writes it back when changed.

    Plain ASGI rather than ``BaseHTTPMiddleware``, which runs every request through a task group
    and memory streams: measured 1.5-2 ms of CPU per request less (a page costs 4-10 ms).
    """

    def __init__(self, app: ASGIApp, sessions: Sessions, settings: Settings) -> None:
        self.app = app
        self.sessions = sessions
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)  # its state is the scope's, shared with the route's request
        request.state.session = self.sessions.load(request)
        request.state.session_dirty = False
        if request.state.session.get("user"):
            await run_in_threadpool(_drop_ended_login, request, self.settings)

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start" and request.state.session_dirty:
                carrier = Response()
                self.sessions.save(request, carrier, request.state.session)
                headers = MutableHeaders(scope=message)
                for name, value in carrier.raw_headers:
                    if name == b"set-cookie":
                        headers.append("set-cookie", value.decode("latin-1"))
            await send(message)

        await self.app(scope, receive, send_with_cookie)


def create_app(settings: Settings | None = None, workers: int = 1) -> FastAPI:
    """Return the app serving the database that ``settings`` names.

    With ``workers`` processes serving one database, each counts logins against its share of
    the limits (they are kept in memory), so that all of them together allow no more.
    """
    settings = settings or get_settings()
    app = FastAPI(
        title="prisonwatch",
        version=__version__,
        description="An evidence-backed record of political prisoners. Every page has a JSON "
        "twin under /api; writes need a bearer token of a reviewer.",
        docs_url=None,
        redoc_url=None,
        openapi_url=urls.api("/openapi.json"),
    )
    app.state.settings = settings
    app.state.templates = make_templates()
    app.state.snapshots = SnapshotCache()
    app.state.names = GrowingNameIndex()
    app.state.login_limit = RateLimit(max(1, settings.login_attempts_per_minute // workers))
    app.state.lockout = AccountLockout(
        failures=max(1, int(tunable("web.lockout_failures")) // workers)
    )
    app.state.sessions = Sessions(secret_key(settings))
    # The lists come before the records so that /events is the list, /events/{id} one event.
    for module in (home, persons, lists, feed, records, documents, review, actions, auth):
        app.include_router(module.router)
    docs_csp = apidocs.install(app)
    app.mount(urls.STATIC, StaticFiles(directory=STATIC), name="static")
    errors.install(app)
    # Added innermost first: headers wrap everything, then the proxy's client address, then the
    # body guard (before any body is read), then the session cookie.
    app.add_middleware(SessionCookie, sessions=app.state.sessions, settings=settings)
    app.add_middleware(
        BodyGuard,
        max_bytes=settings.max_body_bytes,
        authorise=lambda request: in_thread(write_refusal, request),
        respond=errors.respond,
    )
    proxies = [p.strip() for p in settings.trusted_proxies.split(",") if p.strip()]
    if proxies:
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=proxies)
    app.add_middleware(SecurityHeaders, docs_csp=docs_csp)
    return app


def served_app() -> FastAPI:
    """Return the warmed app of one of ``serve --workers N``'s processes (settings from the env).

    Everything the processes share lives in the database (users, session versions, tokens) or
    is checked against it (each process's snapshot and name index follow the database's stamp);
    only the login limits are per process, and so shared out by ``create_app``.
    """
    workers = max(1, int(os.environ.get(WORKERS_ENV, "1")))
    app = create_app(get_settings(), workers=workers)
    warm(app)
    return app


def warm(app: FastAPI) -> None:
    """Build the registry snapshot and the name index now, not on the first visitor's request."""
    with session_scope(app.state.settings, write=False) as session:
        app.state.snapshots.get(session)
        app.state.names.get(session)
    freeze_long_lived()
