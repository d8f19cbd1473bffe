"""The session key, signed session cookies, CSRF tokens, the login limits and account lockout."""

from __future__ import annotations

import hashlib
import os
import secrets
import stat
import threading
import time
from collections import defaultdict, deque
from pathlib import Path
from typing import Any

from fastapi import Request, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import select
from sqlalchemy.orm import Session

from prisonwatch.db.models import User
from prisonwatch.errors import AuthError, ConfigError
from prisonwatch.settings import DEFAULT_SECRET, Settings
from prisonwatch.tunables import tunable

COOKIE = "pw_session"
MAX_AGE_S = 12 * 3600
CSRF_FIELD = "csrf_token"
FORM_EXPIRED = "the form has expired or did not come from this site: reload and retry"
KEY_FILE = "secret_key"
# 32 characters of token_urlsafe carry 192 bits; a shorter or repetitive key can be guessed.
MIN_SECRET_CHARS = 32
MIN_SECRET_DISTINCT = 12
MAKE_KEY = "python -c 'import secrets; print(secrets.token_urlsafe(48))'"


def check_secret(key: str, where: str) -> str:
    """Return ``key`` when it is strong enough to sign sessions; else raise ConfigError."""
    if key == DEFAULT_SECRET:
        problem = "is the old published default"
    elif len(key) < MIN_SECRET_CHARS:
        problem = f"has {len(key)} characters, fewer than {MIN_SECRET_CHARS}"
    elif len(set(key)) < MIN_SECRET_DISTINCT:
        problem = f"repeats too few characters ({len(set(key))} distinct)"
    else:
        return key
    raise ConfigError(
        f"{where} {problem}: anyone could forge logins; set a random one, e.g. from {MAKE_KEY}"
    )


def secret_key(settings: Settings) -> str:
    """Return the session key: the setting, else the install's own, made on first use (0600)."""
    if settings.secret_key is not None:
        return check_secret(settings.secret_key, "PRISONWATCH_SECRET_KEY")
    path = settings.data_dir / KEY_FILE
    try:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_key(path)
    except OSError as exc:
        raise ConfigError(
            f"{path}: cannot store a new session key ({exc.strerror}); "
            "make the data folder writable or set PRISONWATCH_SECRET_KEY"
        ) from exc
    key = secrets.token_urlsafe(48)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key + "\n")
    return key


def _read_key(path: Path) -> str:
    try:
        mode = path.stat().st_mode
        key = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the session key ({exc}): fix or delete it") from exc
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise ConfigError(
            f"{path}: the session key is readable by other users (mode {stat.S_IMODE(mode):o}): "
            f"run 'chmod 600 {path}'"
        )
    return check_secret(key, str(path))


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
        raise AuthError(FORM_EXPIRED)


def log_in(request: Request, user: User) -> None:
    """Start a fresh session for ``user`` with a new CSRF token, tied to its session version."""
    request.state.session = {
        "user": user.username,
        "uid": user.id,
        "v": session_stamp(user),
        "csrf": secrets.token_urlsafe(24),
    }
    request.state.session_dirty = True


def session_stamp(user: User) -> str:
    """Return what a session must match: the user's session version and password hash.

    The hash part ends sessions of a user removed and added again under the same name and id.
    """
    digest = hashlib.sha256(user.password_hash.encode("utf-8")).hexdigest()[:16]
    return f"{user.session_version}.{digest}"


def end_sessions(user: User) -> None:
    """Make every session cookie issued to ``user`` so far worthless."""
    user.session_version = (user.session_version or 0) + 1


def log_out(request: Request, session: Session) -> None:
    """End the session here and every other session of the same user."""
    user = session_user(request, session)
    if user is not None:
        end_sessions(user)
    request.state.session = {}
    request.state.session_dirty = True


def session_user(request: Request, session: Session) -> User | None:
    """Return the logged-in user, or None when logged out, removed or since logged out."""
    data = session_data(request)
    name, uid, version = data.get("user"), data.get("uid"), data.get("v")
    if not name or not isinstance(uid, int) or not isinstance(version, str):
        return None
    user = session.scalars(select(User).where(User.id == uid, User.username == name)).first()
    if user is None or not secrets.compare_digest(session_stamp(user), version):
        return None
    return user


# Past this many clients or accounts in memory, those quiet for a whole window are forgotten,
# so a flood of made-up addresses or user names cannot grow the tables without bound.
_PRUNE_AT = 10_000


def _forget_quiet(table: dict[str, deque[float]], now: float, window_s: float) -> None:
    if len(table) < _PRUNE_AT:
        return
    for key in [k for k, times in table.items() if not times or now - times[-1] > window_s]:
        del table[key]


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
            _forget_quiet(self._seen, now, 60)
            seen = self._seen[client]
            while seen and now - seen[0] > 60:
                seen.popleft()
            if len(seen) >= self.per_minute:
                wait = int(60 - (now - seen[0])) + 1
                raise TooManyAttempts(
                    f"too many login attempts from your address: wait {wait} s and try again"
                )
            seen.append(now)


class AccountLockout:
    """Refuses logins to an account after too many failures in a window, from any address."""

    def __init__(self, failures: int | None = None, window_s: float | None = None) -> None:
        self.failures = int(failures or tunable("web.lockout_failures"))
        self.window_s = float(window_s or tunable("web.lockout_window_s"))
        self._lock = threading.Lock()
        self._failed: dict[str, deque[float]] = defaultdict(deque)

    def _recent(self, account: str, now: float) -> deque[float]:
        failed = self._failed[account.casefold()]
        while failed and now - failed[0] > self.window_s:
            failed.popleft()
        return failed

    def check(self, account: str) -> None:
        """Raise TooManyAttempts while ``account`` is locked."""
        now = time.monotonic()
        with self._lock:
            failed = self._recent(account, now)
            if len(failed) >= self.failures:
                wait = int(self.window_s - (now - failed[0])) + 1
                raise TooManyAttempts(
                    f"this account is locked after {self.failures} failed logins: "
                    f"wait {wait} s and try again"
                )

    def failed(self, account: str) -> None:
        """Count one failed login of ``account``."""
        now = time.monotonic()
        with self._lock:
            _forget_quiet(self._failed, now, self.window_s)
            self._recent(account, now).append(now)

    def succeeded(self, account: str) -> None:
        """Forget the failures of ``account`` after a right password."""
        with self._lock:
            self._failed.pop(account.casefold(), None)
