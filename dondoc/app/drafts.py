"""Reviewing a dispatch in the browser: upload → draft → edits → commit (the load path of `dondoc load`).

A draft keeps the extracted text and the reading as the admin has edited it (the form's state),
per user, so that it survives a reload. The reading comes from the same ingest as `dondoc ingest`
(`read_document`, then `parse_dispatch` against the stored directory); the commit goes through
the same validation and the same `load_taskset` as `dondoc load`, plus the page's own rule that
every task needs a lead the directory knows. A different version of a loaded dispatch is stored
only once the admin has seen the difference and confirmed it (`--replace`).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePath
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import col, select

from dondoc.app import review_form as rf
from dondoc.app.directory_admin import snapshot
from dondoc.app.steps import catalog
from dondoc.app.taskset_diff import TaskDiff, diff_tasksets
from dondoc.errors import DondocError, NotFoundError, ReviewError
from dondoc.settings import Settings
from dondoc.store import models as m
from dondoc.store.db import session_scope
from dondoc.store.repo import LoadResult, active_dispatch, dispatch_identity, load_taskset
from dondoc.taskset import Source, TaskSet

SUFFIXES = (".docx", ".pdf", ".html", ".htm", ".txt", ".md")
MAX_TEXT = 2_000_000  # characters of extracted text a draft keeps (a 10 MB file of text at most)


@dataclass
class Draft:
    id: str
    status: str
    source_name: str
    text: str
    state: dict[str, Any]
    errors: dict[str, str]
    result: dict[str, Any]
    updated_at: datetime


@dataclass
class Validated:
    """A draft checked as `dondoc load` would check it: the task set, or the reasons field by field."""

    taskset: TaskSet | None
    errors: dict[str, str] = field(default_factory=dict)  # wrong values: fix before anything is stored
    blocking: dict[str, str] = field(default_factory=dict)  # owners that keep the commit back


def safe_name(filename: str) -> str:
    """The file's own name, without any folder a browser sent along."""
    name = PurePath(filename.replace("\\", "/")).name.strip() or "van-ban.txt"
    return name[:200]


def create_draft(engine: Engine, settings: Settings, *, user_id: int, filename: str, data: bytes,
                 now: datetime) -> str:
    """Read an uploaded dispatch with the CLI's ingest and keep the reading as a new draft; returns its id."""
    from dondoc.ingest import read_document, with_reading_warnings
    from dondoc.parse import parse_dispatch

    name = safe_name(filename)
    if not name.lower().endswith(SUFFIXES + (".doc", ".rtf")):  # .doc, .rtf: the reader says how to convert them
        raise DondocError(f"{name}: dondoc đọc được tệp .docx, .pdf, .html, .txt hoặc .md")
    with tempfile.TemporaryDirectory(prefix="dondoc-upload-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        doc = read_document(path)
    if len(doc.text) > MAX_TEXT:
        raise DondocError(f"{name}: văn bản dài quá {MAX_TEXT:,} ký tự".replace(",", "."))
    snap = snapshot(engine)
    ts = with_reading_warnings(parse_dispatch(doc.text, source=Source(name=doc.name, sha256=doc.sha256),
                                              observances=catalog(settings), directory=snap.directory), doc)
    state = rf.state_of(ts)
    with session_scope(engine) as s:
        row = m.ReviewDraft(user_id=user_id, source_name=doc.name, source_sha256=doc.sha256, text=doc.text,
                            state=state, created_at=now, updated_at=now)
        s.add(row)
        s.flush()
        return row.id


def _draft(row: m.ReviewDraft) -> Draft:
    return Draft(id=row.id, status=row.status, source_name=row.source_name, text=row.text, state=row.state,
                 errors=dict(row.errors), result=dict(row.result), updated_at=row.updated_at)


def get_draft(engine: Engine, *, draft_id: str, user_id: int) -> Draft:
    """A draft of this user (another user's drafts are not found)."""
    with session_scope(engine) as s:
        row = s.get(m.ReviewDraft, draft_id)
        if row is None or row.user_id != user_id:
            raise NotFoundError("không tìm thấy bản nháp này")
        return _draft(row)


def list_drafts(engine: Engine, *, user_id: int, limit: int = 20) -> list[Draft]:
    """The user's latest drafts, open ones first."""
    with session_scope(engine) as s:
        q = (select(m.ReviewDraft).where(m.ReviewDraft.user_id == user_id, m.ReviewDraft.status != "discarded")
             .order_by(col(m.ReviewDraft.updated_at).desc()).limit(limit))
        rows = [_draft(r) for r in s.exec(q).all()]
    return sorted(rows, key=lambda d: d.status != "open")


def save_draft(engine: Engine, *, draft_id: str, user_id: int, state: dict[str, Any], errors: dict[str, str],
               now: datetime, status: str | None = None, result: dict[str, Any] | None = None) -> None:
    """Keep the form as edited (even with errors: nothing typed is lost)."""
    with session_scope(engine) as s:
        row = s.get(m.ReviewDraft, draft_id)
        if row is None or row.user_id != user_id:
            raise NotFoundError("không tìm thấy bản nháp này")
        row.state, row.errors, row.updated_at = state, errors, now
        if status is not None:
            row.status = status
        if result is not None:
            row.result = result
        s.add(row)


def validate(engine: Engine, settings: Settings, state: dict[str, Any]) -> Validated:
    """The draft checked as `dondoc load` checks a file, and its owners against the stored directory.
    Names typed without a code are resolved first, as the loader would."""
    snap = snapshot(engine)
    issued = None
    try:
        issued = rf.parse_day(state["dispatch"].get("issued_on", ""))
    except ValueError:
        pass
    rf.fill_codes(state, resolve=lambda name: snap.resolve(name, issued))
    cat = catalog(settings)
    ts, errors = rf.to_taskset(state, known_event=lambda k: cat.by_key(k) is not None)
    if ts is not None and not ts.tasks:
        errors["form"] = "Văn bản chưa có nhiệm vụ nào để theo dõi; thêm ít nhất một nhiệm vụ."
        ts = None
    return Validated(taskset=ts, errors=errors, blocking=rf.owner_problems(state, known=snap.known))


def received_on(state: dict[str, Any]) -> date | None:
    try:
        return rf.parse_day(state["dispatch"].get("received_on", ""))
    except ValueError:
        return None


@dataclass
class Replacement:
    """A loaded version of the same dispatch that this one would replace, and what changes."""

    dispatch_id: str
    loaded_at: datetime
    number: str | None
    diff: TaskDiff


def pending_replacement(engine: Engine, ts: TaskSet, *, path: str) -> Replacement | None:
    """The active dispatch with the same identity and different content, if any (what --replace replaces)."""
    from dondoc.store.repo import _content_hash  # the loader's own notion of "the same content"

    with session_scope(engine) as s:
        current = active_dispatch(s, ts, fallback=path)
        if current is None or current.content_sha256 == _content_hash(ts):
            return None
        old = TaskSet.model_validate(current.taskset)
        return Replacement(dispatch_id=current.id, loaded_at=current.loaded_at, number=current.number,
                           diff=diff_tasksets(old, ts))


@dataclass
class Committed:
    result: LoadResult
    identity: str


def commit(engine: Engine, settings: Settings, *, draft_id: str, user_id: int, actor: str, now: datetime,
           replace: bool = False) -> Committed | Replacement:
    """Store the draft as `dondoc load` does and start tracking it; a changed version of a loaded dispatch
    comes back as a Replacement to confirm, unless `replace`. ReviewError names what is wrong."""
    draft = get_draft(engine, draft_id=draft_id, user_id=user_id)
    if draft.status == "committed":
        raise ReviewError("Bản nháp này đã được lưu và đang được theo dõi.")
    checked = validate(engine, settings, draft.state)
    if checked.errors or checked.taskset is None:
        save_draft(engine, draft_id=draft_id, user_id=user_id, state=draft.state, errors=checked.errors, now=now)
        raise ReviewError("Chưa lưu được: xin sửa các ô được đánh dấu đỏ.", fields=checked.errors)
    if checked.blocking:
        save_draft(engine, draft_id=draft_id, user_id=user_id, state=draft.state, errors=checked.blocking, now=now)
        raise ReviewError("Chưa bắt đầu theo dõi được: " + rf.summary(checked.blocking)
                          + ". Chọn đơn vị trong danh bạ ở các ô đánh dấu đỏ, hoặc thêm đơn vị mới.", fields=checked.blocking)
    ts = checked.taskset
    if not replace:
        pending = pending_replacement(engine, ts, path=draft.source_name)
        if pending is not None:
            return pending
    snap = snapshot(engine)
    try:
        with session_scope(engine) as s:
            res = load_taskset(session=s, ts=ts, directory=snap.directory, path=draft.source_name, replace=replace,
                               received_on=received_on(draft.state))
            for obj in s.new:  # the loader's own audit row names the person who committed, not "cli"
                if isinstance(obj, m.AuditLog):
                    obj.actor = actor
    except DondocError as err:
        save_draft(engine, draft_id=draft_id, user_id=user_id, state=draft.state, errors={"form": str(err)}, now=now)
        raise ReviewError(f"Chưa lưu được: {err}", fields={"form": str(err)}) from None
    identity = dispatch_identity(ts, fallback=draft.source_name)
    save_draft(engine, draft_id=draft_id, user_id=user_id, state=draft.state, errors={}, now=now, status="committed",
               result={"status": res.status, "dispatch_id": res.dispatch_id, "tasks": res.tasks,
                       "replaced": res.replaced, "carried": res.carried, "identity": identity,
                       "unresolved": [f"{k}: {n}" for k, n in res.unresolved]})
    return Committed(result=res, identity=identity)


def refresh(engine: Engine, settings: Settings, *, draft_id: str, user_id: int, now: datetime) -> None:
    """Check the draft again (an agency was just added: names it now resolves get their code)."""
    draft = get_draft(engine, draft_id=draft_id, user_id=user_id)
    if draft.status != "open":
        return
    checked = validate(engine, settings, draft.state)
    save_draft(engine, draft_id=draft_id, user_id=user_id, state=draft.state, errors=checked.errors, now=now)


def discard(engine: Engine, *, draft_id: str, user_id: int, now: datetime) -> None:
    draft = get_draft(engine, draft_id=draft_id, user_id=user_id)
    save_draft(engine, draft_id=draft_id, user_id=user_id, state=draft.state, errors=draft.errors, now=now,
               status="discarded")
