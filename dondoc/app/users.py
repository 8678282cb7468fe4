"""The people who log in to the admin pages: accounts, passwords (Argon2id), logins and their throttling.

`dondoc users` and the login page both call these. Passwords are hashed with argon2-cffi's
defaults (Argon2id) and never stored or logged; a login for an unknown address costs the same as
one for a known address, and refused logins are counted per address and per client so that
guessing is slowed down to a handful of tries per window.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Literal

from sqlalchemy.engine import Engine
from sqlmodel import col, delete, func, select

from dondoc.errors import LoginRefused, UserError
from dondoc.store import models as m
from dondoc.store.db import session_scope
from dondoc.store.repo import audit

Role = Literal["admin", "supervisor"]
ROLES: tuple[Role, ...] = ("admin", "supervisor")
ROLE_VI = {"admin": "quản trị", "supervisor": "lãnh đạo (chỉ xem)"}
MIN_PASSWORD = 10
MAX_PASSWORD = 256
CLIENT_FACTOR = 4  # one client may fail this many times more than one address (a shared office NAT)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class UserInfo:
    id: int
    email: str
    name: str
    role: Role
    active: bool
    password_changed_at: datetime


@lru_cache(maxsize=1)
def _hasher():  # type: ignore[no-untyped-def]
    from argon2 import PasswordHasher

    return PasswordHasher()


def hash_password(password: str) -> str:
    """The Argon2id hash of a password (salted, with its parameters in the string)."""
    return str(_hasher().hash(password))


def verify_password(stored: str, password: str) -> bool:
    """Whether `password` matches the stored hash; never raises on a mismatch or a damaged hash."""
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return bool(_hasher().verify(stored, password))
    except (VerificationError, InvalidHashError):
        return False


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return hash_password("a password that no account has, for timing")


def check_password(password: str) -> None:
    """Refuse a password that is too short or too long to be a sensible one."""
    if len(password) < MIN_PASSWORD:
        raise UserError(f"mật khẩu cần ít nhất {MIN_PASSWORD} ký tự")
    if len(password) > MAX_PASSWORD:
        raise UserError(f"mật khẩu dài quá {MAX_PASSWORD} ký tự")
    if password != password.strip():
        raise UserError("mật khẩu không được bắt đầu hoặc kết thúc bằng khoảng trắng")


def normal_email(email: str) -> str:
    """The login as stored: trimmed, lower-cased; refused when it is no address."""
    value = email.strip().lower()
    if not _EMAIL.match(value) or len(value) > 254:
        raise UserError(f"{email!r} không phải một địa chỉ email")
    return value


def throttle_wait(failures: list[datetime], *, now: datetime, limit: int, window: timedelta) -> timedelta | None:
    """How long logins stay refused after `failures` (pure): None while fewer than `limit` fell in the window."""
    recent = sorted(t for t in failures if now - window < t <= now)
    if len(recent) < limit:
        return None
    return recent[len(recent) - limit] + window - now


def user_info(u: m.AppUser) -> UserInfo:
    return UserInfo(id=u.id or 0, email=u.email, name=u.name, role=u.role, active=u.active,  # type: ignore[arg-type]
                    password_changed_at=u.password_changed_at)


def add_user(engine: Engine, *, email: str, password: str, role: str, name: str = "", actor: str,
             now: datetime) -> UserInfo:
    """Create an account; the address must be new and the password sensible."""
    address = normal_email(email)
    if role not in ROLES:
        raise UserError(f"vai trò {role!r} không có; chọn admin hoặc supervisor")
    check_password(password)
    with session_scope(engine) as s:
        if s.exec(select(m.AppUser).where(m.AppUser.email == address)).first() is not None:
            raise UserError(f"đã có tài khoản {address}; đổi mật khẩu bằng `dondoc users password {address}`")
        user = m.AppUser(email=address, name=name.strip(), role=role, password_hash=hash_password(password),
                         created_at=now, password_changed_at=now)
        s.add(user)
        s.flush()
        audit(s, action="users.add", subject=address, detail={"role": role}, actor=actor)
        return user_info(user)


def list_users(engine: Engine) -> list[UserInfo]:
    """Every account, by address."""
    with session_scope(engine) as s:
        return [user_info(u) for u in s.exec(select(m.AppUser).order_by(col(m.AppUser.email))).all()]


def set_password(engine: Engine, *, email: str, password: str, actor: str, now: datetime) -> UserInfo:
    """Reset a password: the account's open sessions end and its refused logins are forgotten."""
    address = normal_email(email)
    check_password(password)
    with session_scope(engine) as s:
        user = s.exec(select(m.AppUser).where(m.AppUser.email == address)).first()
        if user is None:
            raise UserError(f"không có tài khoản {address}; tạo bằng `dondoc users add {address} --role admin`")
        user.password_hash = hash_password(password)
        user.password_changed_at = now
        s.add(user)
        s.exec(delete(m.WebSession).where(col(m.WebSession.user_id) == user.id))  # type: ignore[call-overload]
        s.exec(delete(m.LoginFailure).where(col(m.LoginFailure.email) == address))  # type: ignore[call-overload]
        audit(s, action="users.password", subject=address, actor=actor)
        return user_info(user)


def set_active(engine: Engine, *, email: str, active: bool, actor: str) -> UserInfo:
    """Lock an account (its sessions end) or open it again."""
    address = normal_email(email)
    with session_scope(engine) as s:
        user = s.exec(select(m.AppUser).where(m.AppUser.email == address)).first()
        if user is None:
            raise UserError(f"không có tài khoản {address}")
        user.active = active
        s.add(user)
        if not active:
            s.exec(delete(m.WebSession).where(col(m.WebSession.user_id) == user.id))  # type: ignore[call-overload]
        audit(s, action="users.enable" if active else "users.disable", subject=address, actor=actor)
        return user_info(user)


def _wait_words(wait: timedelta) -> str:
    minutes = max(1, -(-int(wait.total_seconds()) // 60))
    return f"{minutes} phút"


def authenticate(engine: Engine, *, email: str, password: str, client: str, now: datetime,
                 limit: int, window: timedelta) -> UserInfo:
    """The account whose address and password these are, or LoginRefused (with `wait` when throttled).

    A refused attempt is counted for the address and for the client; once `limit` attempts for the
    address (or CLIENT_FACTOR × `limit` from the client) fell within `window`, even the right
    password is refused until the window has moved on, so guessing gets nowhere.
    """
    address = email.strip().lower()[:254]
    client = client[:64]
    with session_scope(engine) as s:
        since = now - window
        by_email = list(s.exec(select(m.LoginFailure.at).where(m.LoginFailure.email == address,
                                                                 m.LoginFailure.at > since)).all())
        n_client = s.exec(select(func.count()).select_from(m.LoginFailure)
                          .where(m.LoginFailure.client == client, m.LoginFailure.at > since)).one()
        wait = throttle_wait([_aware(t) for t in by_email], now=now, limit=limit, window=window)
        if wait is None and n_client >= limit * CLIENT_FACTOR:
            by_client = list(s.exec(select(m.LoginFailure.at).where(m.LoginFailure.client == client,
                                                                      m.LoginFailure.at > since)).all())
            wait = throttle_wait([_aware(t) for t in by_client], now=now, limit=limit * CLIENT_FACTOR, window=window)
        if wait is not None:
            raise LoginRefused(f"Đăng nhập sai quá nhiều lần; xin thử lại sau {_wait_words(wait)}.", wait=wait)
        user = s.exec(select(m.AppUser).where(m.AppUser.email == address)).first()
        ok = verify_password(user.password_hash if user else _dummy_hash(), password)
        refusal: LoginRefused | None = None
        if user is None or not ok or not user.active:
            # recorded and committed before the refusal is raised (an error would roll it back)
            s.add(m.LoginFailure(email=address, client=client, at=now))
            refusal = (LoginRefused("Tài khoản này đã bị khoá; xin liên hệ quản trị viên.")
                       if user is not None and ok else LoginRefused("Email hoặc mật khẩu không đúng."))
        else:
            if _hasher().check_needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
                s.add(user)
            info = user_info(user)
    if refusal is not None:
        raise refusal
    return info


def _aware(t: datetime) -> datetime:
    from datetime import timezone

    return t.replace(tzinfo=timezone.utc) if t.tzinfo is None else t
