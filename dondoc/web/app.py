"""The FastAPI factory: settings, engine and clock on app.state; Vietnamese error pages; safe headers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, PlainTextResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from dondoc.errors import ConfigError
from dondoc.settings import Settings

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
MAX_BODY_BYTES = 16 * 1024  # a form of two short fields; anything larger is not one of ours
ADMIN_FORM_BYTES = 4 * 1024 * 1024  # the review form of a long dispatch (hundreds of tasks)
Clock = Callable[[], datetime]

# The pages show a token-bearing form and nothing else: no script, no frame, no outside resource,
# no referrer (the token is in the address), nothing cached or indexed.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                               "base-uri 'none'; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "X-Robots-Tag": "noindex, nofollow",
    "Cache-Control": "no-store",
}


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


def templates(tz: Any) -> Jinja2Templates:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)

    def vn_date(value: date | None) -> str:
        return "" if value is None else value.strftime("%d/%m/%Y")

    def vn_time(value: datetime | None) -> str:
        return "" if value is None else value.astimezone(tz).strftime("%H:%M ngày %d/%m/%Y")

    env.filters.update(vn_date=vn_date, vn_time=vn_time)
    return Jinja2Templates(env=env)


def page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    """Render one of the package's templates."""
    tpl: Jinja2Templates = request.app.state.templates
    return tpl.TemplateResponse(request, name, context, status_code=status)


def problem(request: Request, status: int, sentence: str, title: str = "Không thực hiện được") -> HTMLResponse:
    """A refusal: one Vietnamese sentence saying why, with its 4xx status; nothing was changed."""
    return page(request, "problem.html", {"title": title, "sentence": sentence}, status)


def create_app(settings: Settings, *, clock: Clock | None = None) -> FastAPI:
    """The web app for the offices' links. Needs DONDOC_SECRET_KEY (it checks the links' signatures)."""
    from urllib.parse import quote

    from fastapi.responses import RedirectResponse

    from dondoc.store.db import get_engine
    from dondoc.web import admin, admin_directory, auth, confirm

    if settings.secret_key is None:
        raise ConfigError("dondoc web cần DONDOC_SECRET_KEY (khoá ký các liên kết trong thư); "
                          "hãy đặt cùng một khoá cho `dondoc remind` và `dondoc web`")
    app = FastAPI(title="dondoc", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.settings = settings
    app.state.engine = get_engine(settings.database_url)
    app.state.clock = clock or _utcnow
    app.state.templates = templates(settings.tz)
    # the admin pages first: the offices' links take any /{path}/{token} that is left
    app.include_router(auth.router)
    app.include_router(admin.router)
    app.include_router(admin_directory.router)
    app.include_router(confirm.router)
    upload_bytes = settings.upload_max_mb * 1024 * 1024 + 64 * 1024

    @app.middleware("http")
    async def guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        length = request.headers.get("content-length")
        path = request.url.path
        limit = (upload_bytes if path == auth.PREFIX + "/tai-len" else
                 ADMIN_FORM_BYTES if path.startswith(auth.PREFIX + "/") else MAX_BODY_BYTES)
        if request.method == "POST" and length is None and path.startswith(auth.PREFIX + "/"):
            response: Response = problem(request, 411, "Trình duyệt cần gửi kèm độ dài nội dung.")
        elif length is not None and (not length.isdigit() or int(length) > limit):
            sentence = (f"Tệp gửi lên quá lớn: dondoc nhận tệp đến {settings.upload_max_mb} MB."
                        if limit == upload_bytes else "Nội dung gửi lên quá lớn; biểu mẫu này chỉ nhận vài dòng chữ.")
            response = problem(request, 413, sentence)
        else:
            response = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        sentences = {404: "Không có trang này; xin mở đúng liên kết trong thư nhắc việc.",
                     405: "Trang này không nhận kiểu yêu cầu đó."}
        return problem(request, exc.status_code, sentences.get(exc.status_code, "Yêu cầu không hợp lệ."))

    @app.exception_handler(auth.LoginRequired)
    async def login_required(request: Request, exc: auth.LoginRequired) -> Response:
        url = f"{auth.PREFIX}/dang-nhap?tiep={quote(exc.next_url, safe='')}"
        response = RedirectResponse(url + (f"&ly_do={exc.reason}" if exc.reason else ""), status_code=303)
        if exc.reason:
            response.delete_cookie(auth.SESSION_COOKIE, path=auth.PREFIX)
        return response

    @app.exception_handler(auth.Forbidden)
    async def forbidden(request: Request, exc: auth.Forbidden) -> Response:
        return auth.admin_page(request, "admin_problem.html", {"title": "Không thực hiện được", "sentence": exc.sentence},
                               403)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        return problem(request, 400, "Yêu cầu không hợp lệ.")

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        import logging

        logging.getLogger("dondoc.web").exception("unhandled error on %s", request.url.path.split("/")[1:2])
        return problem(request, 500, "Máy chủ gặp lỗi nên chưa ghi nhận được; xin thử lại sau ít phút.", "Lỗi máy chủ")

    @app.api_route("/", methods=["GET", "HEAD"], response_class=HTMLResponse)
    async def home(request: Request) -> Response:
        return page(request, "home.html", {"title": "dondoc — trả lời nhanh"})

    @app.get("/healthz", response_class=PlainTextResponse)
    async def health() -> str:
        return "ok"

    return app
