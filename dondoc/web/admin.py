"""The admin pages: upload a dispatch, review and edit its reading, commit it, confirm a new version; the board.

Routes parse the request, call the use cases of dondoc.app (the same ones the CLI calls) and
render; every POST checks its CSRF token first and ends in a redirect (so a reload posts nothing
twice), and the draft it changed is kept server-side, per user.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from dondoc.app import drafts
from dondoc.app import review_form as rf
from dondoc.app.users import UserInfo
from dondoc.errors import DondocError, NotFoundError, ReviewError
from dondoc.web.auth import (PREFIX, admin_page, csrf_form, current_user, finish, now_of, redirect, require_admin,
                             settings_of)
from dondoc.web.review_page import review_context

router = APIRouter(prefix=PREFIX)
STATIC = Path(__file__).resolve().parent / "static"
STATIC_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}


def _engine(request: Request) -> Any:
    return request.app.state.engine


@router.get("/static/{name}")
def static(name: str) -> Response:
    """The few lines of JavaScript and CSS the admin pages use, served from the package (no build step)."""
    path = STATIC / name
    if "/" in name or path.suffix not in STATIC_TYPES or not path.is_file():
        raise StarletteHTTPException(404)
    return FileResponse(path, media_type=STATIC_TYPES[path.suffix], headers={"Cache-Control": "no-cache"})


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request, luu: str | None = None, user: UserInfo = Depends(require_admin)) -> Response:
    """Upload a dispatch; the user's drafts; what the last commit did."""
    engine = _engine(request)
    saved = None
    if luu:
        try:
            saved = drafts.get_draft(engine, draft_id=luu, user_id=user.id)
        except NotFoundError:
            saved = None
    return admin_page(request, "dashboard.html", {
        "title": "Văn bản", "drafts": drafts.list_drafts(engine, user_id=user.id), "saved": saved, "error": None,
        "max_mb": settings_of(request).upload_max_mb})


@router.post("/tai-len", response_class=HTMLResponse)
async def upload(request: Request, user: UserInfo = Depends(require_admin)) -> Response:
    """Read the uploaded file with the CLI's ingest and open its review page."""
    form = await csrf_form(request, max_files=1)
    file = form.get("file")
    s = settings_of(request)
    limit = s.upload_max_mb * 1024 * 1024
    error = None
    if not isinstance(file, UploadFile) or not file.filename:
        error = "Chưa chọn tệp văn bản."
    else:
        data = await file.read(limit + 1)
        if len(data) > limit:
            error = f"Tệp {file.filename} lớn quá {s.upload_max_mb} MB."
        elif not data.strip():
            error = f"Tệp {file.filename} trống."
        else:
            try:
                draft_id = await run_in_threadpool(lambda: drafts.create_draft(
                    _engine(request), s, user_id=user.id, filename=file.filename or "", data=data, now=now_of(request)))
                return redirect(request, f"{PREFIX}/duyet/{draft_id}")
            except DondocError as err:
                error = ingest_refusal(str(err))
    engine = _engine(request)
    return admin_page(request, "dashboard.html", {
        "title": "Văn bản", "drafts": drafts.list_drafts(engine, user_id=user.id), "saved": None, "error": error,
        "max_mb": s.upload_max_mb}, 400)


_REFUSALS = [
    ("is an old Word .doc file", "là tệp Word .doc cũ; mở bằng Word rồi lưu thành .docx"),
    ("is an RTF file", "là tệp RTF; mở bằng Word rồi lưu thành .docx"),
    ("is a zip archive", "là tệp nén zip, không phải văn bản"),
    ("is a PDF without a text layer", "là bản PDF chụp (không có lớp chữ); cần nhận dạng chữ (OCR) trước"),
    ("holds no text", "không có chữ"),
    ("is empty", "trống"),
    ("cannot be read", "không đọc được (tệp hỏng hoặc sai định dạng)"),
]


def ingest_refusal(message: str) -> str:
    """The reader's refusal as the page says it: "cv.doc: là tệp Word .doc cũ; …"."""
    name, _, reason = message.partition(": ")
    name = Path(name).name
    for english, vietnamese in _REFUSALS:
        if english in reason:
            return f"{name}: {vietnamese}."
    return f"{name}: {reason}" if reason else message


def _draft_or_404(request: Request, draft_id: str, user: UserInfo) -> drafts.Draft:
    try:
        return drafts.get_draft(_engine(request), draft_id=draft_id, user_id=user.id)
    except NotFoundError:
        raise StarletteHTTPException(404) from None


@router.get("/duyet/{draft_id}", response_class=HTMLResponse)
def review(request: Request, draft_id: str, user: UserInfo = Depends(require_admin)) -> Response:
    """The review page: the text with each task's span on the left, one card per task on the right."""
    draft = _draft_or_404(request, draft_id, user)
    return admin_page(request, "review.html", review_context(request, draft))


@router.post("/duyet/{draft_id}", response_class=HTMLResponse)
async def edit(request: Request, draft_id: str, user: UserInfo = Depends(require_admin)) -> Response:
    """Keep the edits, apply the button pressed (add or remove a task or an owner, commit), then show the page again."""
    form = await csrf_form(request)
    data = {k: v for k, v in form.multi_items() if isinstance(v, str)}
    engine, s, now = _engine(request), settings_of(request), now_of(request)
    draft = _draft_or_404(request, draft_id, user)
    if draft.status != "open":
        return redirect(request, f"{PREFIX}/duyet/{draft_id}")
    state = rf.state_from_form(data, draft.state)
    action = data.get("action", "save")
    anchor = ""
    name, _, arg = action.partition(":")
    args = [int(a) if a.isdigit() else a for a in arg.split(":")] if arg else []
    if name == "add_task":
        anchor = f"#the-{rf.add_task(state)}"
    elif name == "remove_task" and args:
        rf.remove_task(state, int(args[0]))
    elif name == "add_owner" and len(args) == 2:
        rf.add_owner(state, int(args[0]), str(args[1]))
        anchor = f"#the-{args[0]}"
    elif name == "remove_owner" and len(args) == 3:
        rf.remove_owner(state, int(args[0]), str(args[1]), int(args[2]))
        anchor = f"#the-{args[0]}"
    checked = await run_in_threadpool(drafts.validate, engine, s, state)
    await run_in_threadpool(lambda: drafts.save_draft(engine, draft_id=draft_id, user_id=user.id, state=state,
                                                      errors=checked.errors, now=now))
    if name == "yaml":
        return redirect(request, f"{PREFIX}/duyet/{draft_id}/yaml")
    if name != "commit":
        return redirect(request, f"{PREFIX}/duyet/{draft_id}{anchor}")
    return await _commit(request, draft_id, user, replace=False)


async def _commit(request: Request, draft_id: str, user: UserInfo, *, replace: bool) -> Response:
    engine, s, now = _engine(request), settings_of(request), now_of(request)
    try:
        outcome = await run_in_threadpool(lambda: drafts.commit(engine, s, draft_id=draft_id, user_id=user.id,
                                                                actor=f"web:{user.email}", now=now, replace=replace))
    except ReviewError as err:
        draft = _draft_or_404(request, draft_id, user)
        return admin_page(request, "review.html", review_context(request, draft, refusal=str(err)), 422)
    if isinstance(outcome, drafts.Replacement):
        return redirect(request, f"{PREFIX}/duyet/{draft_id}/thay-the")
    return redirect(request, f"{PREFIX}/?luu={draft_id}")


@router.get("/duyet/{draft_id}/yaml")
def download_yaml(request: Request, draft_id: str, user: UserInfo = Depends(require_admin)) -> Response:
    """The task set as edited, as the YAML file `dondoc load` reads."""
    from dondoc.taskset import dump_yaml

    draft = _draft_or_404(request, draft_id, user)
    checked = drafts.validate(_engine(request), settings_of(request), draft.state)
    if checked.taskset is None:
        return admin_page(request, "review.html", review_context(
            request, draft, refusal="Chưa tải được tệp YAML: xin sửa các ô được đánh dấu đỏ trước."), 422)
    stem = Path(draft.source_name).stem or "van-ban"
    return finish(request, Response(dump_yaml(checked.taskset), media_type="application/yaml; charset=utf-8",
                                    headers={"Content-Disposition": f'attachment; filename="{_ascii(stem)}.yaml"'}))


def _ascii(stem: str) -> str:
    from dondoc.parse.normalize import strip_accents

    return "".join(c if c.isalnum() or c in "-_." else "-" for c in strip_accents(stem))[:80] or "van-ban"


@router.get("/duyet/{draft_id}/thay-the", response_class=HTMLResponse)
def replacement(request: Request, draft_id: str, user: UserInfo = Depends(require_admin)) -> Response:
    """What the new version changes, task by task, before it replaces the loaded one."""
    draft = _draft_or_404(request, draft_id, user)
    checked = drafts.validate(_engine(request), settings_of(request), draft.state)
    if checked.taskset is None or draft.status != "open":
        return redirect(request, f"{PREFIX}/duyet/{draft_id}")
    pending = drafts.pending_replacement(_engine(request), checked.taskset, path=draft.source_name)
    if pending is None:
        return redirect(request, f"{PREFIX}/duyet/{draft_id}")
    return admin_page(request, "diff.html", {"title": "Thay thế văn bản đã nạp", "draft": draft,
                                             "pending": pending, "taskset": checked.taskset,
                                             "blocking": checked.blocking})


@router.post("/duyet/{draft_id}/thay-the", response_class=HTMLResponse)
async def confirm_replacement(request: Request, draft_id: str, user: UserInfo = Depends(require_admin)) -> Response:
    """The admin confirmed: the new version replaces the loaded one (as `dondoc load --replace`)."""
    await csrf_form(request)
    return await _commit(request, draft_id, user, replace=True)


@router.post("/duyet/{draft_id}/bo", response_class=HTMLResponse)
async def discard(request: Request, draft_id: str, user: UserInfo = Depends(require_admin)) -> Response:
    """Put a draft aside: it leaves the list; nothing was stored."""
    await csrf_form(request)
    try:
        drafts.discard(_engine(request), draft_id=draft_id, user_id=user.id, now=now_of(request))
    except NotFoundError:
        raise StarletteHTTPException(404) from None
    return redirect(request, f"{PREFIX}/")


@router.get("/bang-theo-doi", response_class=HTMLResponse)
def board(request: Request, user: UserInfo = Depends(current_user)) -> Response:
    """The compliance board and the overdue list (read-only; supervisors and admins)."""
    from dondoc.app.board import COLUMNS, board_table, caption
    from dondoc.app.steps import board_step, local_today, overdue_step

    s = settings_of(request)
    today = local_today(s, now_of(request))
    rows = board_step(s, today)
    overdue = sorted(overdue_step(s, today), key=lambda o: -o["days_late"])
    return admin_page(request, "board.html", {"title": "Bảng theo dõi", "today": today, "columns": list(COLUMNS.values()),
                                              "rows": board_table(rows), "overdue": overdue[:50],
                                              "overdue_total": len(overdue), "caption": caption(s.on_time_against)})
