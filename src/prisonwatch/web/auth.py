"""Logging in and out of the reviewer workspace."""

from __future__ import annotations

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from prisonwatch.db.engine import session_scope
from prisonwatch.users import authenticate
from prisonwatch.web import urls
from prisonwatch.web.deps import settings_of
from prisonwatch.web.render import render
from prisonwatch.web.security import check_csrf, log_in, log_out

router = APIRouter()


def _safe_next(next_url: str | None) -> str:
    # Only paths on this site, so the login form cannot bounce a user to another site.
    if next_url and next_url.startswith("/") and not next_url.startswith("//"):
        return next_url
    return urls.review()


@router.get(urls.LOGIN, response_class=HTMLResponse, include_in_schema=False)
def login_page(request: Request, next: str | None = Query(None, max_length=500)) -> HTMLResponse:
    """Show the login form."""
    return render(request, "login.html", {"next": _safe_next(next), "failed": False})


@router.post(urls.LOGIN, include_in_schema=False, response_model=None)
def login(
    request: Request,
    username: str = Form(..., max_length=100),
    password: str = Form(..., max_length=1000),
    csrf_token: str | None = Form(None),
    next: str | None = Form(None, max_length=500),
) -> HTMLResponse | RedirectResponse:
    """Check the password (rate-limited per client, locked per account) and start a session."""
    # The client address is the proxy's unless PRISONWATCH_TRUSTED_PROXIES names that proxy.
    request.app.state.login_limit.hit(request.client.host if request.client else "unknown")
    check_csrf(request, csrf_token)
    lockout = request.app.state.lockout
    lockout.check(username)
    with session_scope(settings_of(request), write=True) as session:
        user = authenticate(session, username, password)
        if user is None:
            lockout.failed(username)
            return render(
                request, "login.html", {"next": _safe_next(next), "failed": True}, status_code=401
            )
        lockout.succeeded(username)
        log_in(request, user)
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post(urls.LOGOUT, include_in_schema=False)
def logout(request: Request, csrf_token: str | None = Form(None)) -> RedirectResponse:
    """End this session and every other session of the same user."""
    check_csrf(request, csrf_token)
    with session_scope(settings_of(request), write=True) as session:
        log_out(request, session)
    return RedirectResponse(urls.home(), status_code=303)
