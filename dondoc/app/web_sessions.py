"""Logins to the admin pages: a random token in a cookie, its SHA-256 in the database, and expiry.

A session ends after `idle` without a request and after `max_age` in any case, and when its
account's password is reset or the account is locked. The clock is passed in, so expiry is
tested without waiting.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Literal

from sqlalchemy.engine import Engine
from sqlmodel import col, delete, select

from dondoc.app.users import UserInfo, user_info
from dondoc.store import models as m
from dondoc.store.db import session_scope

State = Literal["ok", "idle", "expired"]
TOUCH_EVERY = timedelta(minutes=1)  # last_seen_at is written at most this often, not on every request


@dataclass(frozen=True)
class Limits:
    idle: timedelta
    max_age: timedelta


def token_id(token: str) -> str:
    """What the table keeps of a session token: its SHA-256, so a copy of the database opens no session."""
    return hashlib.sha256(token.encode()).hexdigest()


def _utc(t: datetime) -> datetime:
    return t.replace(tzinfo=timezone.utc) if t.tzinfo is None else t


def session_state(*, created_at: datetime, last_seen_at: datetime, now: datetime, limits: Limits) -> State:
    """Whether a session still runs (pure): "idle" past the idle limit, "expired" past its whole life."""
    if now - _utc(created_at) >= limits.max_age:
        return "expired"
    if now - _utc(last_seen_at) >= limits.idle:
        return "idle"
    return "ok"


def start_session(engine: Engine, *, user_id: int, now: datetime) -> str:
    """Open a session for an account that just logged in; returns the token for the cookie."""
    token = secrets.token_urlsafe(32)
    with session_scope(engine) as s:
        s.add(m.WebSession(id=token_id(token), user_id=user_id, created_at=now, last_seen_at=now))
    return token


def session_user(engine: Engine, *, token: str, now: datetime, limits: Limits) -> tuple[UserInfo | None, State]:
    """The account behind a session token, or None with why ("idle", "expired"; "expired" when unknown)."""
    if not token or len(token) > 200:
        return None, "expired"
    with session_scope(engine) as s:
        row = s.get(m.WebSession, token_id(token))
        if row is None:
            return None, "expired"
        state = session_state(created_at=row.created_at, last_seen_at=row.last_seen_at, now=now, limits=limits)
        user = s.get(m.AppUser, row.user_id)
        if state != "ok" or user is None or not user.active:
            s.delete(row)
            return None, state if state != "ok" else "expired"
        if now - _utc(row.last_seen_at) >= TOUCH_EVERY:
            row.last_seen_at = now
            s.add(row)
        return user_info(user), "ok"


def end_session(engine: Engine, *, token: str) -> None:
    """Log out: the session is gone from the table, so the cookie opens nothing any more."""
    with session_scope(engine) as s:
        row = s.get(m.WebSession, token_id(token))
        if row is not None:
            s.delete(row)


def forget_expired(engine: Engine, *, now: datetime, limits: Limits) -> int:
    """Delete sessions past their whole life and refused logins older than a day; returns sessions deleted."""
    with session_scope(engine) as s:
        old = s.exec(select(m.WebSession.id).where(col(m.WebSession.created_at) <= now - limits.max_age)).all()
        if old:
            s.exec(delete(m.WebSession).where(col(m.WebSession.id).in_(old)))  # type: ignore[call-overload]
        s.exec(delete(m.LoginFailure).where(col(m.LoginFailure.at) < now - timedelta(days=1)))  # type: ignore[call-overload]
        return len(old)
