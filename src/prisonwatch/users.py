"""Users, roles and API tokens: argon2 password hashes, tokens kept only as SHA-256 hashes."""

from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from prisonwatch import audit
from prisonwatch.db.models import ROLES, ApiToken, User
from prisonwatch.errors import ConflictError, InputError, NotFoundError

# A role can do everything the roles ranked below it can.
ROLE_RANK = {role: rank for rank, role in enumerate(ROLES)}
MIN_PASSWORD = 8
TOKEN_PREFIX = "pwt_"

_HASHER = PasswordHasher()
# Verified against when a username is unknown, so a failed login takes as long either way.
_DUMMY_HASH = _HASHER.hash("not a real password")


def _check_role(role: str) -> str:
    if role not in ROLE_RANK:
        raise InputError(f"unknown role {role!r}: choose one of {', '.join(ROLES)}")
    return role


def _check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise InputError(f"the password is too short: use at least {MIN_PASSWORD} characters")
    return password


def has_role(user: User, role: str) -> bool:
    """Return True when ``user`` holds ``role`` or a higher one."""
    return ROLE_RANK.get(user.role, -1) >= ROLE_RANK[_check_role(role)]


def get_user(session: Session, username: str) -> User:
    """Return the user with this name or raise NotFoundError."""
    user = session.scalars(select(User).where(User.username == username)).first()
    if user is None:
        raise NotFoundError(f"no user {username!r}: add one with 'prisonwatch users add'")
    return user


def add_user(
    session: Session, username: str, password: str, *, role: str = "viewer", actor: str = "cli"
) -> User:
    """Create a user with an argon2-hashed password and a role."""
    username = username.strip()
    if not username or len(username) > 100 or any(c.isspace() for c in username):
        raise InputError("a username needs 1 to 100 characters and no spaces")
    if session.scalars(select(User.id).where(User.username == username)).first() is not None:
        raise ConflictError(f"user {username!r} exists already: choose another name")
    user = User(
        username=username,
        password_hash=_HASHER.hash(_check_password(password)),
        role=_check_role(role),
    )
    session.add(user)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="create",
        record_type="user",
        record_id=str(user.id),
        after={"username": username, "role": role},
        reason="user added",
    )
    return user


def set_password(session: Session, username: str, password: str, *, actor: str = "cli") -> None:
    """Replace a user's password and end every session the user has open."""
    user = get_user(session, username)
    user.password_hash = _HASHER.hash(_check_password(password))
    user.session_version = (user.session_version or 0) + 1
    audit.record(
        session,
        actor=actor,
        action="password",
        record_type="user",
        record_id=str(user.id),
        reason="password changed",
    )


def authenticate(session: Session, username: str, password: str) -> User | None:
    """Return the user when the password is right, else None; rehash outdated hashes."""
    user = session.scalars(select(User).where(User.username == username)).first()
    try:
        _HASHER.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None:
        return None
    if _HASHER.check_needs_rehash(user.password_hash):
        user.password_hash = _HASHER.hash(password)
    return user


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token(
    session: Session, username: str, *, label: str | None = None, actor: str = "cli"
) -> str:
    """Create an API token for a user and return it; only its hash is stored."""
    user = get_user(session, username)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, token_hash=_token_hash(token), label=label))
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="token",
        record_type="user",
        record_id=str(user.id),
        after={"label": label},
        reason="API token created",
    )
    return token


def user_for_token(session: Session, token: str) -> User | None:
    """Return the user a bearer token belongs to, or None for an unknown token."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    stmt = select(User).join(ApiToken, ApiToken.user_id == User.id)
    return session.scalars(stmt.where(ApiToken.token_hash == _token_hash(token))).first()


def list_users(session: Session) -> list[User]:
    """Return every user in name order."""
    return list(session.scalars(select(User).order_by(User.username)))


def revoke_tokens(
    session: Session, username: str, *, label: str | None = None, actor: str = "cli"
) -> int:
    """Delete a user's API tokens (only those with ``label`` when given); return how many."""
    user = get_user(session, username)
    stmt = delete(ApiToken).where(ApiToken.user_id == user.id)
    if label is not None:
        stmt = stmt.where(ApiToken.label == label)
    removed = int(session.execute(stmt).rowcount or 0)  # type: ignore[attr-defined]
    if removed:
        audit.record(
            session,
            actor=actor,
            action="revoke",
            record_type="user",
            record_id=str(user.id),
            before={"tokens": removed, "label": label},
            reason="API tokens revoked",
        )
    return removed


def remove_user(session: Session, username: str, *, actor: str = "cli") -> None:
    """Remove a user with its API tokens; its sessions end at their next request."""
    user = get_user(session, username)
    session.execute(delete(ApiToken).where(ApiToken.user_id == user.id))
    audit.record(
        session,
        actor=actor,
        action="delete",
        record_type="user",
        record_id=str(user.id),
        before={"username": user.username, "role": user.role},
        reason="user removed",
    )
    session.delete(user)
    session.flush()
