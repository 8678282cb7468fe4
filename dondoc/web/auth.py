"""Logging in to the admin pages: the login form, sessions in cookies, roles, and CSRF on every form.

The session cookie carries a random token (the database keeps its SHA-256) and is HttpOnly,
SameSite=Lax, and Secure when DONDOC_PUBLIC_URL is https. Every form of the admin pages carries a
CSRF token: an itsdangerous signature (under DONDOC_SECRET_KEY) of a random value that is also
in a cookie of its own (double submit); a POST whose token does not match its cookie is refused
before anything is read or changed.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException as StarletteHTTPException

from dondoc.app import users, web_sessions
from dondoc.app.users import UserInfo
from dondoc.errors import LoginRefused
from dondoc.settings import Settings
from dondoc.web.app import page

router = APIRouter()
SESSION_COOKIE = "dondoc_phien"
CSRF_COOKIE = "dondoc_csrf"
CSRF_FIELD = "csrf"
PREFIX = "/quan-tri"
ADMIN_CSP = ("default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'; "
             "img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


NOTICES = {"idle": "Phiên đăng nhập đã hết hạn do lâu không thao tác; xin đăng nhập lại.",
           "expired": "Phiên đăng nhập đã hết hạn; xin đăng nhập lại.", "out": "Đã đăng xuất."}


class LoginRequired(Exception):
    """No valid session: the page sends the person to the login form (and back afterwards)."""

    def __init__(self, next_url: str, reason: str = "") -> None:
        self.next_url, self.reason = next_url, reason


class Forbidden(Exception):
    """A logged-in person whose role does not open this page, or a form whose CSRF token failed."""

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence


def settings_of(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def now_of(request: Request) -> datetime:
    return request.app.state.clock()  # type: ignore[no-any-return]


def limits_of(s: Settings) -> web_sessions.Limits:
    return web_sessions.Limits(idle=timedelta(minutes=s.session_idle_minutes), max_age=timedelta(hours=s.session_max_hours))


def _secure(request: Request) -> bool:
    url = settings_of(request).public_url
    return bool(url and url.startswith("https://"))


def _serializer(request: Request) -> URLSafeTimedSerializer:
    key = settings_of(request).secret_key
    return URLSafeTimedSerializer(key.get_secret_value() if key else "", salt="dondoc-admin-csrf")


def csrf_token(request: Request) -> str:
    """The token the page's forms carry: the signature of this browser's CSRF cookie value."""
    value = getattr(request.state, "csrf_value", None) or request.cookies.get(CSRF_COOKIE)
    if not value or len(value) > 100:
        value = secrets.token_urlsafe(24)
    request.state.csrf_value = value
    return str(_serializer(request).dumps(value))


def csrf_ok(request: Request, token: str | None) -> bool:
    """Whether a posted token is the signature of this browser's CSRF cookie (and not older than a session)."""
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie or not token:
        return False
    max_age = settings_of(request).session_max_hours * 3600
    try:
        return bool(secrets.compare_digest(str(_serializer(request).loads(token, max_age=max_age)), cookie))
    except (BadSignature, TypeError, ValueError):
        return False


async def csrf_form(request: Request, *, max_files: int = 0) -> FormData:
    """The posted form, once its CSRF token matched; Forbidden otherwise (nothing is read further)."""
    try:
        form = await request.form(max_files=max_files, max_fields=20_000, max_part_size=1024 * 1024)
    except StarletteHTTPException:
        raise Forbidden("Biểu mẫu gửi lên không hợp lệ hoặc quá dài.") from None
    token = form.get(CSRF_FIELD)
    if not csrf_ok(request, token if isinstance(token, str) else request.headers.get("x-csrf-token")):
        raise Forbidden("Biểu mẫu đã hết hạn hoặc không hợp lệ (mã chống giả mạo không khớp); "
                        "xin tải lại trang rồi làm lại.")
    return form


async def check_csrf(request: Request) -> dict[str, str]:
    """The posted fields (text only), once the form's CSRF token matched."""
    form = await csrf_form(request)
    return {k: v for k, v in form.multi_items() if isinstance(v, str)}


def finish(request: Request, response: Response) -> Response:
    """Set the cookies a page needs (the CSRF value it signed) and the admin pages' headers."""
    value = getattr(request.state, "csrf_value", None)
    if value and value != request.cookies.get(CSRF_COOKIE):
        response.set_cookie(CSRF_COOKIE, value, httponly=True, samesite="lax", secure=_secure(request), path=PREFIX)
    response.headers["Content-Security-Policy"] = ADMIN_CSP
    return response


def admin_page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    """Render an admin template with the user, the CSRF token and the headers of the admin pages."""
    nav = {"dashboard.html": "docs", "review.html": "docs", "diff.html": "docs", "directory.html": "dir",
           "org_add.html": "dir", "board.html": "board"}.get(name, "")
    ctx = {"user": getattr(request.state, "user", None), "csrf": csrf_token(request), "prefix": PREFIX, "nav": nav,
           **context}
    return finish(request, page(request, name, ctx, status))


def redirect(request: Request, url: str) -> Response:
    return finish(request, RedirectResponse(url, status_code=303))


def current_user(request: Request) -> UserInfo:
    """The logged-in person (a dependency); LoginRequired when there is no live session."""
    token = request.cookies.get(SESSION_COOKIE, "")
    s = settings_of(request)
    user, state = web_sessions.session_user(request.app.state.engine, token=token, now=now_of(request),
                                            limits=limits_of(s)) if token else (None, "expired")
    if user is None:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        reason = "" if not token else ("idle" if state == "idle" else "expired")
        raise LoginRequired(target if request.method == "GET" else PREFIX + "/", reason)
    request.state.user = user
    return user


def require_admin(user: UserInfo = Depends(current_user)) -> UserInfo:
    """An admin: supervisors see the board only."""
    if user.role != "admin":
        raise Forbidden("Tài khoản lãnh đạo chỉ xem được bảng theo dõi; trang này dành cho quản trị viên.")
    return user


def _safe_next(value: str | None) -> str:
    if value and value.startswith(PREFIX + "/") and "//" not in value and "\\" not in value:
        return value
    return PREFIX + "/"


@router.get(PREFIX + "/dang-nhap", response_class=HTMLResponse)
def login_form(request: Request, tiep: str | None = None, ly_do: str | None = None) -> Response:
    """The login form."""
    return admin_page(request, "login.html", {"title": "Đăng nhập", "next": _safe_next(tiep), "error": None,
                                              "notice": NOTICES.get(ly_do or "", ""), "email": ""})


@router.post(PREFIX + "/dang-nhap", response_class=HTMLResponse)
async def login(request: Request) -> Response:
    """Check the password (throttled), open a session, and go where the person was going."""
    form = await check_csrf(request)
    s = settings_of(request)
    email, password = form.get("email", "")[:300], form.get("password", "")[:users.MAX_PASSWORD + 1]
    client = request.client.host if request.client else "unknown"
    now = now_of(request)
    try:
        user = await run_in_threadpool(lambda: users.authenticate(
            request.app.state.engine, email=email, password=password, client=client, now=now,
            limit=s.login_max_failures, window=timedelta(minutes=s.login_window_minutes)))
    except LoginRefused as err:
        status = 429 if err.wait is not None else 401
        return admin_page(request, "login.html", {"title": "Đăng nhập", "next": _safe_next(form.get("next")),
                                                  "error": str(err), "notice": "", "email": email}, status)
    token = await run_in_threadpool(lambda: web_sessions.start_session(request.app.state.engine, user_id=user.id, now=now))
    response = redirect(request, _safe_next(form.get("next")) if user.role == "admin" else PREFIX + "/bang-theo-doi")
    response.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="lax", secure=_secure(request), path=PREFIX,
                        max_age=s.session_max_hours * 3600)
    return response


@router.post(PREFIX + "/dang-xuat", response_class=HTMLResponse)
async def logout(request: Request) -> Response:
    """End the session: the cookie opens nothing any more."""
    await check_csrf(request)
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        await run_in_threadpool(lambda: web_sessions.end_session(request.app.state.engine, token=token))
    response = redirect(request, PREFIX + "/dang-nhap?ly_do=out")
    response.delete_cookie(SESSION_COOKIE, path=PREFIX)
    return response
