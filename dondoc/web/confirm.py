"""The offices' links: GET shows what the link is about, only POST records the answer.

A mail scanner that follows every link of a message (GET, HEAD) therefore changes nothing.
CSRF does not apply to these forms: the credential is the signed token in the address the form
posts to, not a cookie a browser would attach on its own, so a third-party page cannot post an
answer without already holding the token that the answer needs.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from dondoc.app import answers
from dondoc.app import links as L
from dondoc.app.item_view import ItemInfo, describe
from dondoc.errors import AnswerRefused, LinkUsedError, NotFoundError
from dondoc.settings import Settings
from dondoc.web.app import page, problem

router = APIRouter()
WHAT: dict[str, str] = {"ack": "xác nhận đã tiếp nhận nhiệm vụ", "done": "báo đã hoàn thành / đã gửi báo cáo",
                        "extend": "xin gia hạn"}
REFUSED_STATUS = {"wrong_org": 403, "bad_input": 400}  # the others (done, cancelled, pending): 409 Conflict
MAX_FORM_FIELDS = 8
MAX_FIELD_BYTES = 4096


def _settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def _now(request: Request) -> datetime:
    return request.app.state.clock()  # type: ignore[no-any-return]


def _today(request: Request) -> date:
    from dondoc.schedule.today import local_today

    return local_today(_now(request), _settings(request).timezone)


class Refusal(Exception):
    """A link that is refused before anything else happens: a status and one sentence."""

    def __init__(self, status: int, sentence: str, title: str = "Liên kết không dùng được") -> None:
        self.status, self.sentence, self.title = status, sentence, title


def _link_sentence(err: L.LinkError, *, action: L.Action, max_age_days: int, tz: Any) -> str:
    if err.problem == "expired":
        sent = f" (gửi ngày {err.signed_at.astimezone(tz):%d/%m/%Y})" if err.signed_at else ""
        return (f"Liên kết đã hết hạn{sent}: mỗi liên kết dùng được trong {max_age_days} ngày; "
                "xin dùng liên kết trong thư nhắc việc mới nhất.")
    if err.problem == "wrong_action" and err.action:
        return f"Liên kết này dùng để {WHAT[err.action]}, không dùng để {WHAT[action]}."
    if err.problem == "forged":
        return "Liên kết không hợp lệ: chữ ký không khớp, có thể liên kết đã bị sửa hoặc không do dondoc gửi."
    return "Liên kết không đúng định dạng: có thể đã bị cắt mất hoặc sửa khi sao chép; xin mở lại liên kết trong thư."


def _check(request: Request, token: str, action: L.Action) -> tuple[L.LinkClaim, ItemInfo]:
    """Verify the token for `action`, refuse a used one, and load what it points at (for the right owner)."""
    s = _settings(request)
    secret = s.secret_key.get_secret_value() if s.secret_key else ""
    try:
        claim = L.verify(token, secret=secret, action=action, now=_now(request),
                         max_age=timedelta(days=s.link_max_age_days))
    except L.LinkError as err:
        raise Refusal(err.status, _link_sentence(err, action=action, max_age_days=s.link_max_age_days,
                                                 tz=s.tz)) from None
    engine = request.app.state.engine
    used = answers.link_used(engine, token_id=claim.token_id)
    if used is not None:
        raise Refusal(410, str(LinkUsedError(used, s.tz)), "Liên kết đã được dùng")
    try:
        info = describe(engine, occurrence_id=claim.occurrence_id)
    except NotFoundError:
        raise Refusal(404, "Không tìm thấy nhiệm vụ của liên kết này; có thể văn bản đã được thay thế.") from None
    if info.org_code != claim.org_code:
        raise Refusal(403, f"Liên kết này cấp cho đơn vị mã {claim.org_code}, nhưng nhiệm vụ nay do "
                           f"{info.org_name} thực hiện; xin dùng liên kết trong thư gửi đơn vị đó.")
    return claim, info


def _context(request: Request, action: L.Action, claim: L.LinkClaim, info: ItemInfo, **extra: Any) -> dict[str, Any]:
    today = _today(request)
    s = _settings(request)
    secret = s.secret_key.get_secret_value() if s.secret_key else ""
    others: tuple[L.Action, ...] = tuple(a for a in ("done", "extend") if a != action)
    sibling = {a: L.sign(secret=secret, occurrence_id=claim.occurrence_id, org_code=claim.org_code, action=a,
                         now=_now(request)) for a in others}
    return {
        "title": {"ack": "Xác nhận đã tiếp nhận", "done": "Xác nhận đã hoàn thành",
                  "extend": "Xin gia hạn"}[action],
        "action": action, "item": info, "today": today, "days_left": (info.due - today).days,
        "first_extension_day": (info.due + timedelta(days=1)).isoformat(),
        "next_links": {a: f"/{L.PATHS[a]}/{t}" for a, t in sibling.items()} if info.status == "open" else {},
        "limits": {"document": answers.MAX_DOCUMENT, "note": answers.MAX_NOTE, "reason": answers.MAX_REASON},
        "form": {}, "error": None, **extra,
    }


async def _form(request: Request) -> dict[str, str]:
    try:
        data = await request.form(max_files=0, max_fields=MAX_FORM_FIELDS, max_part_size=MAX_FIELD_BYTES)
    except StarletteHTTPException:
        raise Refusal(400, "Biểu mẫu gửi lên không hợp lệ hoặc quá dài.", "Không thực hiện được") from None
    return {k: v for k, v in data.items() if isinstance(v, str)}


def _refused(request: Request, err: AnswerRefused | LinkUsedError | NotFoundError) -> HTMLResponse:
    if isinstance(err, LinkUsedError):
        return problem(request, 410, str(LinkUsedError(err.used_at, _settings(request).tz)), "Liên kết đã được dùng")
    if isinstance(err, NotFoundError):
        return problem(request, 404, "Không tìm thấy nhiệm vụ của liên kết này.")
    return problem(request, REFUSED_STATUS.get(err.code, 409), str(err))


@router.api_route("/{path}/{token}", methods=["GET", "HEAD"], response_class=HTMLResponse)
def show(request: Request, path: str, token: str) -> Response:
    """The confirmation page: what the link is about, and a form that posts the answer."""
    action = _action(path)
    try:
        claim, info = _check(request, token, action)
    except Refusal as r:
        return problem(request, r.status, r.sentence, r.title)
    return page(request, f"{action}.html", _context(request, action, claim, info))


@router.post("/{path}/{token}", response_class=HTMLResponse)
async def answer(request: Request, path: str, token: str) -> Response:
    """Record the answer the link stands for; the link is then used."""
    action = _action(path)
    try:
        form = await _form(request)
        claim, info = await run_in_threadpool(_check, request, token, action)
    except Refusal as r:
        return problem(request, r.status, r.sentence, r.title)
    link = answers.LinkRef(token_id=claim.token_id, action=action)
    engine, org, now = request.app.state.engine, claim.org_code, _now(request)
    actor = f"link:{org}"
    try:
        if action == "ack":
            ack = await run_in_threadpool(lambda: answers.acknowledge(
                engine, occurrence_id=claim.occurrence_id, org=org, actor=actor, now=now, link=link))
            outcome: dict[str, Any] = {"ack": ack}
        elif action == "done":
            done = await run_in_threadpool(lambda: answers.complete(
                engine, occurrence_id=claim.occurrence_id, org=org, document=form.get("document"),
                note=form.get("note"), actor=actor, at=_today(request), now=now, link=link))
            outcome = {"done": done}
        else:
            to = _parse_date(form.get("to_date", ""))
            if to is None:
                raise AnswerRefused("bad_input", "Xin chọn ngày muốn gia hạn đến (ngày/tháng/năm).")
            ext = await run_in_threadpool(lambda: answers.request_extension(
                engine, occurrence_id=claim.occurrence_id, org=org, to_date=to, reason=form.get("reason", ""),
                actor=actor, now=now, link=link))
            outcome = {"extension": ext}
    except AnswerRefused as err:
        if err.code == "bad_input":  # show the form again, with what was typed and why it was refused
            ctx = _context(request, action, claim, info, form=form, error=str(err))
            return page(request, f"{action}.html", ctx, 400)
        return _refused(request, err)
    except (LinkUsedError, NotFoundError) as err:
        return _refused(request, err)
    info = await run_in_threadpool(describe, engine, occurrence_id=claim.occurrence_id)
    return page(request, "recorded.html", _context(request, action, claim, info, **outcome))


def _action(path: str) -> L.Action:
    for action, name in L.PATHS.items():
        if name == path:
            return action
    raise StarletteHTTPException(404)


def _parse_date(value: str) -> date | None:
    """An <input type=date> value (YYYY-MM-DD), or dd/mm/yyyy typed by hand."""
    value = value.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None
