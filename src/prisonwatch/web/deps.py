"""Request-scoped dependencies: a database session, the settings and the caller."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import Request
from sqlalchemy.orm import Session

from prisonwatch.db.engine import session_scope
from prisonwatch.db.models import User
from prisonwatch.errors import AuthError
from prisonwatch.settings import Settings
from prisonwatch.users import has_role, user_for_token
from prisonwatch.web import urls
from prisonwatch.web.security import FORM_EXPIRED, LoginRequired, session_user


def settings_of(request: Request) -> Settings:
    """Return the settings the app was created with."""
    settings: Settings = request.app.state.settings
    return settings


def read_db(request: Request) -> Iterator[Session]:
    """Yield a read-only session for one request."""
    with session_scope(settings_of(request), write=False) as session:
        yield session


def write_db(request: Request) -> Iterator[Session]:
    """Yield a writing session for one request, committed when the request succeeds."""
    with session_scope(settings_of(request), write=True) as session:
        yield session


def _bearer_user(request: Request, session: Session) -> User:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise AuthError("this needs an API token: send 'Authorization: Bearer TOKEN'")
    user = user_for_token(session, token.strip())
    if user is None:
        raise AuthError("the API token is unknown: make one with 'prisonwatch users token NAME'")
    return user


def api_user(request: Request, session: Session, role: str = "viewer") -> User:
    """Return the user of the bearer token, who must hold ``role``."""
    user = _bearer_user(request, session)
    if not has_role(user, role):
        raise AuthError(f"user {user.username} is a {user.role}; this needs the {role} role")
    return user


def page_user(request: Request, session: Session, role: str = "viewer") -> User:
    """Return the logged-in user, who must hold ``role``; send others to the login page."""
    user = session_user(request, session)
    if user is None:
        raise LoginRequired(str(request.url.path))
    if not has_role(user, role):
        raise AuthError(f"you are logged in as a {user.role}; this needs the {role} role")
    return user


def write_refusal(request: Request) -> tuple[int, str] | None:
    """Return why a write is refused before its body is read, or None to let it through.

    An API write needs a known bearer token (roles are checked by the route); a form needs the
    signed session cookie its CSRF token lives in.
    """
    path = request.url.path
    if path == urls.API or path.startswith(urls.API + "/"):
        with session_scope(settings_of(request), write=False) as session:
            try:
                _bearer_user(request, session)
            except AuthError as exc:
                return exc.http_status, exc.message
        return None
    if not request.app.state.sessions.load(request).get("csrf"):
        return AuthError.http_status, FORM_EXPIRED
    return None
