"""The directory pages: organisations and contacts (search, pages), the groups, the picker's search, and
adding a missing agency in one form (from a review card or from the directory)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from dondoc.app import directory_admin as da
from dondoc.app.users import UserInfo
from dondoc.errors import ReviewError
from dondoc.web.auth import PREFIX, admin_page, check_csrf, finish, redirect, require_admin

router = APIRouter(prefix=PREFIX)
ROLE_VI = {"coordinator": "đầu mối", "head": "lãnh đạo", "admin": "quản trị"}


@router.get("/danh-ba", response_class=HTMLResponse)
def directory(request: Request, q: str = "", nhom: str = "", trang: int = 1,
              user: UserInfo = Depends(require_admin)) -> Response:
    """Organisations by code, 50 a page, filtered by words (accents ignored) and by group; the groups."""
    engine = request.app.state.engine
    page = da.list_page(engine, query=q[:200], group=nhom or None, page=trang)
    return admin_page(request, "directory.html", {
        "title": "Danh bạ cơ quan, đơn vị", "page": page, "q": q, "group": nhom, "groups": da.groups(engine),
        "levels": da.LEVEL_VI, "roles": ROLE_VI, "added": request.query_params.get("them", "")})


@router.get("/danh-ba/tim")
def search(request: Request, q: str = "", user: UserInfo = Depends(require_admin)) -> Response:
    """The picker's search-as-you-type: up to 20 organisations as JSON (code, name, level, parent)."""
    hits = da.search(request.app.state.engine, q[:200])
    data = [{"code": h.code, "name": h.name, "level": da.LEVEL_VI.get(h.level, h.level), "parent": h.parent_name,
             "ceased": h.ceased} for h in hits]
    return finish(request, JSONResponse(data))


def _form_context(form: dict[str, str], errors: dict[str, str], message: str | None, draft: str) -> dict[str, Any]:
    return {"title": "Thêm cơ quan, đơn vị vào danh bạ", "form": form, "errors": errors, "message": message,
            "levels": da.LEVEL_VI, "roles": ROLE_VI, "draft": draft}


@router.get("/danh-ba/them", response_class=HTMLResponse)
def add_form(request: Request, ten: str = "", nhap: str = "", user: UserInfo = Depends(require_admin)) -> Response:
    """One form: code, name, parent, level, aliases, groups, a contact; the name as a dispatch wrote it prefilled."""
    form = {"name": ten[:300], "aliases": ten[:300], "level": "tinh"}
    return admin_page(request, "org_add.html", _form_context(form, {}, None, nhap[:32]))


@router.post("/danh-ba/them", response_class=HTMLResponse)
async def add(request: Request, user: UserInfo = Depends(require_admin)) -> Response:
    """Validate like `dondoc orgs import`, store, audit with the user as actor; back to the review card."""
    form = await check_csrf(request)
    draft = form.get("draft", "")[:32]
    try:
        code = await run_in_threadpool(lambda: da.add_organization(request.app.state.engine, form=form,
                                                                   actor=f"web:{user.email}"))
    except ReviewError as err:
        return admin_page(request, "org_add.html", _form_context(form, err.fields, str(err), draft), 422)
    if draft.isalnum():
        from dondoc.app import drafts
        from dondoc.errors import NotFoundError
        from dondoc.web.auth import now_of, settings_of

        try:
            await run_in_threadpool(lambda: drafts.refresh(request.app.state.engine, settings_of(request),
                                                           draft_id=draft, user_id=user.id, now=now_of(request)))
            return redirect(request, f"{PREFIX}/duyet/{draft}?them={quote(code)}")
        except NotFoundError:
            pass
    return redirect(request, f"{PREFIX}/danh-ba?q={quote(code)}&them={quote(code)}")
