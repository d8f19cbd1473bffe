"""The web application: public pages, the reviewer workspace and the JSON API."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Awaitable, Callable
from pathlib import Path

import fastapi_offline
from fastapi import FastAPI, Request, Response
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from prisonwatch import __version__
from prisonwatch.db.engine import session_scope
from prisonwatch.registry.lookup import NameIndexCache
from prisonwatch.settings import Settings, get_settings
from prisonwatch.web import actions, auth, documents, errors, home, persons, records, review, urls
from prisonwatch.web.deps import write_refusal
from prisonwatch.web.guards import BodyGuard, SecurityHeaders, in_thread
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
# Swagger UI's script and styles, installed with the fastapi-offline package: no CDN needed.
DOCS_ASSETS = Path(fastapi_offline.__file__).with_name("static")
DOCS_ASSETS_URL = urls.api("/docs/assets")


def _drop_ended_login(request: Request, settings: Settings) -> None:
    # A cookie whose login has ended (logout elsewhere, new password, user removed) keeps only its
    # CSRF token, so no page greets the old user; it is rewritten without the user.
    with session_scope(settings, write=False) as session:
        if session_user(request, session) is None:
            request.state.session = {"csrf": request.state.session.get("csrf")}
            request.state.session_dirty = True


def _session_middleware(
    sessions: Sessions, settings: Settings
) -> Callable[[Request, Callable[[Request], Awaitable[Response]]], Awaitable[Response]]:
    async def middleware(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        request.state.session = sessions.load(request)
        request.state.session_dirty = False
        if request.state.session.get("user"):
            await run_in_threadpool(_drop_ended_login, request, settings)
        response = await call_next(request)
        if request.state.session_dirty:
            sessions.save(request, response, request.state.session)
        return response

    return middleware


def _docs_page(app: FastAPI) -> tuple[str, str]:
    """Return the Swagger UI page and a CSP that lets its own inline script run, nothing else."""
    page = get_swagger_ui_html(
        openapi_url=str(app.openapi_url),
        title=f"{app.title} - API",
        swagger_js_url=f"{DOCS_ASSETS_URL}/swagger-ui-bundle.js",
        swagger_css_url=f"{DOCS_ASSETS_URL}/swagger-ui.css",
        swagger_favicon_url=f"{DOCS_ASSETS_URL}/favicon.png",
        swagger_ui_parameters={"validatorUrl": None},
    )
    html = bytes(page.body).decode()
    scripts = re.findall(r"<script>(.*?)</script>", html, flags=re.DOTALL)
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in scripts
    )
    # Swagger UI sets style attributes from its script, hence 'unsafe-inline' for styles only.
    csp = (
        f"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        f"script-src 'self' {hashes}; frame-ancestors 'none'; form-action 'self'; "
        "base-uri 'none'"
    )
    return html, csp


def create_app(settings: Settings | None = None) -> FastAPI:
    """Return the app serving the database that ``settings`` names."""
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
    app.state.names = NameIndexCache()
    app.state.login_limit = RateLimit(settings.login_attempts_per_minute)
    app.state.lockout = AccountLockout()
    app.state.sessions = Sessions(secret_key(settings))
    for module in (home, persons, records, documents, review, actions, auth):
        app.include_router(module.router)
    docs_html, docs_csp = _docs_page(app)

    @app.get(urls.api("/docs"), include_in_schema=False)
    def api_docs() -> HTMLResponse:
        return HTMLResponse(docs_html)

    app.mount(urls.STATIC, StaticFiles(directory=STATIC), name="static")
    app.mount(DOCS_ASSETS_URL, StaticFiles(directory=DOCS_ASSETS), name="docs_assets")
    errors.install(app)
    # Added innermost first: headers wrap everything, then the proxy's client address, then the
    # body guard (before any body is read), then the session cookie.
    app.middleware("http")(_session_middleware(app.state.sessions, settings))
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


def warm(app: FastAPI) -> None:
    """Build the registry snapshot and the name index now, not on the first visitor's request."""
    with session_scope(app.state.settings, write=False) as session:
        app.state.snapshots.get(session)
        app.state.names.get(session)
