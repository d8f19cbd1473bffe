"""The web application: public pages, the reviewer workspace and the JSON API."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles

from prisonwatch import __version__
from prisonwatch.registry.lookup import NameIndexCache
from prisonwatch.settings import Settings, get_settings
from prisonwatch.web import (
    actions,
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
from prisonwatch.web.queries import SnapshotCache
from prisonwatch.web.render import make_templates
from prisonwatch.web.security import RateLimit, Sessions

STATIC = Path(__file__).with_name("static")
# No inline script or style anywhere, so injected markup could not run even if it slipped through.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def _session_middleware(
    sessions: Sessions,
) -> Callable[[Request, Callable[[Request], Awaitable[Response]]], Awaitable[Response]]:
    async def middleware(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        request.state.session = sessions.load(request)
        request.state.session_dirty = False
        response = await call_next(request)
        if request.state.session_dirty:
            sessions.save(request, response, request.state.session)
        response.headers.update(SECURITY_HEADERS)
        return response

    return middleware


def create_app(settings: Settings | None = None) -> FastAPI:
    """Return the app serving the database that ``settings`` names."""
    settings = settings or get_settings()
    app = FastAPI(
        title="prisonwatch",
        version=__version__,
        description="An evidence-backed record of political prisoners. Every page has a JSON "
        "twin under /api; writes need a bearer token of a reviewer.",
        docs_url=urls.api("/docs"),
        redoc_url=None,
        openapi_url=urls.api("/openapi.json"),
    )
    app.state.settings = settings
    app.state.templates = make_templates()
    app.state.snapshots = SnapshotCache()
    app.state.names = NameIndexCache()
    app.state.login_limit = RateLimit(settings.login_attempts_per_minute)
    # The lists come before the records so that /events is the list, /events/{id} one event.
    for module in (home, persons, lists, feed, records, documents, review, actions, auth):
        app.include_router(module.router)
    app.mount(urls.STATIC, StaticFiles(directory=STATIC), name="static")
    app.middleware("http")(_session_middleware(Sessions(settings.secret_key)))
    errors.install(app)
    return app


def warm(app: FastAPI) -> None:
    """Build the registry snapshot and the name index now, not on the first visitor's request."""
    from prisonwatch.db.engine import session_scope

    with session_scope(app.state.settings, write=False) as session:
        app.state.snapshots.get(session)
        app.state.names.get(session)
