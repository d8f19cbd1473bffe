"""Signed session cookies, CSRF tokens and the login rate limit."""

from __future__ import annotations

import secrets
import threading
import time
from collections import defaultdict, deque
from typing import Any

from fastapi import Request, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import select
from sqlalchemy.orm import Session

from prisonwatch.db.models import User
from prisonwatch.errors import AuthError

COOKIE = "pw_session"
MAX_AGE_S = 12 * 3600
CSRF_FIELD = "csrf_token"


class LoginRequired(AuthError):
    """A page of the reviewer workspace was asked for without a login."""

    http_status = 401

    def __init__(self, next_url: str) -> None:
        super().__init__("log in to see the reviewer workspace")
        self.next_url = next_url


class TooManyAttempts(AuthError):
    """Too many login attempts came from one client within a minute."""

    http_status = 429


class Sessions:
    """Reads and writes the signed session cookie that holds the user name and CSRF token."""

    def __init__(self, secret_key: str) -> None:
        self._signer = URLSafeTimedSerializer(secret_key, salt="prisonwatch-session")

    def load(self, request: Request) -> dict[str, Any]:
        """Return the request's session, empty when the cookie is missing, forged or old."""
        raw = request.cookies.get(COOKIE)
        if not raw:
            return {}
        try:
            data = self._signer.loads(raw, max_age=MAX_AGE_S)
        except BadSignature:
            return {}
        return data if isinstance(data, dict) else {}

    def save(self, request: Request, response: Response, data: dict[str, Any]) -> None:
        """Set the session cookie: HttpOnly, SameSite=Lax, Secure when served over https."""
        response.set_cookie(
            COOKIE,
            self._signer.dumps(data),
            max_age=MAX_AGE_S,
            httponly=True,
            samesite="lax",
            secure=request.url.scheme == "https",
            path="/",
        )


def session_data(request: Request) -> dict[str, Any]:
    """Return the session loaded for this request by the middleware."""
    data: dict[str, Any] = getattr(request.state, "session", {})
    return data


def csrf_token(request: Request) -> str:
    """Return the session's CSRF token, creating one (and so a cookie) when there is none."""
    data = session_data(request)
    if not data.get("csrf"):
        data["csrf"] = secrets.token_urlsafe(24)
        request.state.session_dirty = True
    return str(data["csrf"])


def check_csrf(request: Request, submitted: str | None) -> None:
    """Refuse a form whose CSRF token is missing or not the session's."""
    expected = session_data(request).get("csrf")
    if not expected or not submitted or not secrets.compare_digest(str(expected), submitted):
        raise AuthError("the form has expired or did not come from this site: reload and retry")


def log_in(request: Request, user: User) -> None:
    """Start a fresh session for ``user`` with a new CSRF token."""
    request.state.session = {"user": user.username, "csrf": secrets.token_urlsafe(24)}
    request.state.session_dirty = True


def log_out(request: Request) -> None:
    """End the session."""
    request.state.session = {}
    request.state.session_dirty = True


def session_user(request: Request, session: Session) -> User | None:
    """Return the logged-in user, or None."""
    name = session_data(request).get("user")
    if not name:
        return None
    return session.scalars(select(User).where(User.username == name)).first()


class RateLimit:
    """At most ``per_minute`` attempts per client in any sliding minute."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._lock = threading.Lock()
        self._seen: dict[str, deque[float]] = defaultdict(deque)

    def hit(self, client: str) -> None:
        """Count one attempt from ``client``; raise TooManyAttempts past the limit."""
        now = time.monotonic()
        with self._lock:
            seen = self._seen[client]
            while seen and now - seen[0] > 60:
                seen.popleft()
            if len(seen) >= self.per_minute:
                wait = int(60 - (now - seen[0])) + 1
                raise TooManyAttempts(
                    f"too many login attempts from your address: wait {wait} s and try again"
                )
            seen.append(now)
