"""The offices' answers: receipt (tiếp nhận), done (hoàn thành / đã gửi báo cáo), extension request.

Plain values in and out; each use case opens its own unit of work. The web pages behind the
signed links, the CLI and the receipts import all call these, so an answer is recorded the same
way whoever gives it, with an audit row naming its actor ("link:<org>" for a link, the CLI user
otherwise). A link's use is recorded in the same transaction as the answer it carried, under a
unique key, so a link works once even when two clicks arrive together.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import TypeVar

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from dondoc.errors import AnswerRefused, LinkUsedError, NotFoundError
from dondoc.schedule.calendar import fmt
from dondoc.store import models as m
from dondoc.store.db import session_scope
from dondoc.store.repo import audit, find_dispatch

MAX_DOCUMENT = 200  # "Báo cáo số 45/BC-CA ngày 12/6/2025" and then some
MAX_NOTE = 500
MAX_REASON = 500
MAX_EXTENSION_DAYS = 366
T = TypeVar("T")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")


@dataclass(frozen=True)
class LinkRef:
    """The signed link an answer came through: recorded as used with the answer."""

    token_id: str
    action: str  # ack | done | extend


@dataclass(frozen=True)
class AckOutcome:
    task_id: int
    org_code: str
    at: datetime  # when receipt was first confirmed
    already: bool  # it had been confirmed before this call


@dataclass(frozen=True)
class DoneOutcome:
    occurrence_id: int
    org_code: str
    period: str
    at: date
    due: date  # the deadline it is judged against: the extended one when an extension was granted
    already: bool  # recorded before, with the same date: nothing changed

    @property
    def days_late(self) -> int:
        return max(0, (self.at - self.due).days)


@dataclass(frozen=True)
class ExtensionOutcome:
    extension_id: int
    occurrence_id: int
    from_due: date
    to_due: date
    status: str


def as_utc(value: datetime) -> datetime:
    """An instant read back from the database as aware UTC (SQLite hands back naive ones)."""
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def due_of(occ: m.Occurrence) -> date:
    """The deadline in force: the extended one when an extension was granted, else the effective one."""
    return occ.extended_effective_due or occ.effective_due


def clean_text(value: str | None, *, limit: int, what: str) -> str | None:
    """One line of a person's text: NFC, no control characters, bounded; empty becomes None."""
    if value is None:
        return None
    text = " ".join(_CONTROL.sub(" ", unicodedata.normalize("NFC", value)).split())
    if len(text) > limit:
        raise AnswerRefused("bad_input", f"{what} dài {len(text)} ký tự, quá giới hạn {limit} ký tự.")
    return text or None


def _run(engine: Engine, work: Callable[[Session], T], *, link: LinkRef | None) -> T:
    """One unit of work; a race on a unique key (two clicks at once) is run again once, and a link
    that the other click used is then reported as used."""
    for attempt in (1, 2):
        try:
            with session_scope(engine) as s:
                return work(s)
        except IntegrityError:
            if attempt == 2:
                raise
            if link is not None and (used := link_used(engine, token_id=link.token_id)) is not None:
                raise LinkUsedError(used) from None
    raise AssertionError("unreachable")


def link_used(engine: Engine, *, token_id: str) -> datetime | None:
    """When a link was used, or None."""
    with session_scope(engine) as s:
        row = s.exec(select(m.LinkUse).where(m.LinkUse.token_id == token_id)).first()
        return as_utc(row.used_at) if row else None


def _use_link(s: Session, link: LinkRef | None, occ: m.Occurrence, org: str, now: datetime) -> None:
    if link is None:
        return
    used = s.exec(select(m.LinkUse).where(m.LinkUse.token_id == link.token_id)).first()
    if used is not None:
        raise LinkUsedError(as_utc(used.used_at))
    s.add(m.LinkUse(token_id=link.token_id, occurrence_id=occ.id or 0, org_code=org, action=link.action,
                    used_at=now))
    s.flush()


def _occurrence(s: Session, occurrence_id: int, org: str) -> tuple[m.Occurrence, m.Task, m.Dispatch]:
    occ = s.get(m.Occurrence, occurrence_id)
    if occ is None:
        raise NotFoundError(f"không có nhiệm vụ mã {occurrence_id} (đã bị xoá hoặc chưa từng có)")
    if occ.org_code != org:
        raise AnswerRefused("wrong_org", f"Nhiệm vụ này giao cho đơn vị {_org_name(s, occ.org_code)}, "
                                         f"không phải {_org_name(s, org)}"
                            + (" (đã chuyển sang đơn vị mới khi sắp xếp tổ chức)." if occ.moved_from == org else "."))
    task = s.get(m.Task, occ.task_id)
    dispatch = s.get(m.Dispatch, task.dispatch_id) if task else None
    if task is None or dispatch is None:
        raise NotFoundError(f"nhiệm vụ mã {occurrence_id}: không còn văn bản gốc")
    return occ, task, dispatch


def _org_name(s: Session, code: str) -> str:
    org = s.get(m.Organization, code)
    return org.name if org else code


def _subject(task: m.Task, dispatch: m.Dispatch) -> str:
    return f"{dispatch.number or dispatch.id}#{task.key}"


# ---------------------------------------------------------------- receipt


def _acknowledge(s: Session, *, task: m.Task, org: str, actor: str, now: datetime,
                 occurrence_id: int | None) -> AckOutcome:
    task_id = task.id or 0
    found = s.exec(select(m.Acknowledgement).where(m.Acknowledgement.task_id == task_id,
                                                   m.Acknowledgement.org_code == org)).first()
    if found is not None:
        return AckOutcome(task_id=task_id, org_code=org, at=as_utc(found.at), already=True)
    s.add(m.Acknowledgement(task_id=task_id, org_code=org, at=now, actor=actor))
    s.flush()
    audit(s, action="task.acknowledge", actor=actor, subject=f"{_task_dispatch_ref(s, task)}#{task.key}",
          dispatch_id=task.dispatch_id,
          detail={"org": org, "task_id": task_id, "occurrence_id": occurrence_id, "at": now.isoformat()})
    return AckOutcome(task_id=task_id, org_code=org, at=now, already=False)


def _task_dispatch_ref(s: Session, task: m.Task) -> str:
    d = s.get(m.Dispatch, task.dispatch_id)
    return (d.number or d.id) if d else task.dispatch_id


def acknowledge(engine: Engine, *, org: str, actor: str, now: datetime | None = None,
                occurrence_id: int | None = None, task_id: int | None = None,
                link: LinkRef | None = None) -> AckOutcome:
    """Record that an owner received a task (once per task and organisation; again changes nothing).

    Name the task through one of its occurrences (a link does) or directly by its id (the CLI may).
    """
    at = now or datetime.now(timezone.utc)

    def work(s: Session) -> AckOutcome:
        if occurrence_id is not None:
            occ, task, _ = _occurrence(s, occurrence_id, org)
            _use_link(s, link, occ, org, at)
            return _acknowledge(s, task=task, org=org, actor=actor, now=at, occurrence_id=occ.id)
        task_row = s.get(m.Task, task_id) if task_id is not None else None
        if task_row is None:
            raise NotFoundError(f"không có nhiệm vụ mã {task_id}")
        owners = set(s.exec(select(m.TaskOwner.org_code).where(m.TaskOwner.task_id == task_row.id)).all())
        owners |= set(s.exec(select(m.Occurrence.org_code).where(m.Occurrence.task_id == task_row.id)).all())
        if org not in owners:
            raise AnswerRefused("wrong_org", f"Nhiệm vụ mục {task_row.key} không giao cho đơn vị {_org_name(s, org)}.")
        return _acknowledge(s, task=task_row, org=org, actor=actor, now=at, occurrence_id=None)

    return _run(engine, work, link=link)


# ---------------------------------------------------------------- done


def _complete(s: Session, *, occurrence_id: int, org: str, document: str | None, note: str | None, actor: str,
              at: date, now: datetime, link: LinkRef | None, source: str | None) -> DoneOutcome:
    occ, task, dispatch = _occurrence(s, occurrence_id, org)
    doc = clean_text(document, limit=MAX_DOCUMENT, what="Số, ngày văn bản báo cáo")
    text = clean_text(note, limit=MAX_NOTE, what="Ghi chú")
    _use_link(s, link, occ, org, now)
    if occ.status == "cancelled":
        raise AnswerRefused("cancelled", "Nhiệm vụ này đã được huỷ, thay thế hoặc miễn thực hiện; không cần báo cáo.")
    if occ.status == "submitted":
        if occ.submitted_at == at and (doc is None or doc == occ.submitted_doc):
            return DoneOutcome(occurrence_id=occ.id or 0, org_code=org, period=occ.period, at=at, due=due_of(occ),
                               already=True)
        done_on = fmt(occ.submitted_at) if occ.submitted_at else "trước đây"
        raise AnswerRefused("already_done", f"Nhiệm vụ này đã được ghi nhận hoàn thành ngày {done_on}"
                                            + (f" ({occ.submitted_by})" if occ.submitted_by else "") + ".")
    occ.status, occ.submitted_at = "submitted", at
    occ.submitted_doc, occ.submitted_note, occ.submitted_by = doc, text, actor
    s.add(occ)
    if task.id is not None:  # done implies received
        _acknowledge(s, task=task, org=org, actor=actor, now=now, occurrence_id=occ.id)
    audit(s, action="occurrence.done", actor=actor, subject=_subject(task, dispatch), occurrence_id=occ.id,
          dispatch_id=task.dispatch_id,
          detail={"occurrence_id": occ.id, "org": org, "period": occ.period, "kind": occ.kind, "at": at.isoformat(),
                  "due": due_of(occ).isoformat(), "document": doc, "note": text, "source": source})
    return DoneOutcome(occurrence_id=occ.id or 0, org_code=org, period=occ.period, at=at, due=due_of(occ),
                       already=False)


def complete(engine: Engine, *, occurrence_id: int, org: str, document: str | None, note: str | None, actor: str,
             at: date, now: datetime | None = None, link: LinkRef | None = None,
             source: str | None = None) -> DoneOutcome:
    """Record that an owner finished an occurrence (a report sent, an action done) on day `at`."""
    stamp = now or datetime.now(timezone.utc)
    return _run(engine, lambda s: _complete(s, occurrence_id=occurrence_id, org=org, document=document, note=note,
                                            actor=actor, at=at, now=stamp, link=link, source=source), link=link)


def locate(s: Session, *, dispatch: str, key: str, org: str, period: str | None, at: date | None = None) -> int:
    """The occurrence of a task for an organisation: the period named, else the one already recorded as
    done on `at` (so that recording the same answer again changes nothing), else the earliest open one."""
    d = find_dispatch(session=s, ref=dispatch)  # its NotFoundError says what is wrong in Vietnamese
    t = s.exec(select(m.Task).where(m.Task.dispatch_id == d.id, m.Task.key == key)).first()
    if t is None:
        raise NotFoundError(f"văn bản {dispatch!r} không có mục {key!r}")
    q = select(m.Occurrence).where(m.Occurrence.task_id == t.id, m.Occurrence.org_code == org)
    occ: m.Occurrence | None = None
    if period:
        occ = s.exec(q.where(m.Occurrence.period == period)).first()
    else:
        if at is not None:
            occ = s.exec(q.where(m.Occurrence.status == "submitted", m.Occurrence.submitted_at == at)
                         .order_by(col(m.Occurrence.effective_due))).first()
        if occ is None:
            occ = s.exec(q.where(m.Occurrence.status == "open").order_by(col(m.Occurrence.effective_due))).first()
    if occ is None or occ.id is None:
        if s.get(m.Organization, org) is None:
            raise NotFoundError(f"không có đơn vị mã {org!r} trong danh bạ")
        raise NotFoundError(f"mục {key!r} của văn bản {dispatch!r} không có "
                            + (f"kỳ {period!r}" if period else "kỳ nào đang mở") + f" cho đơn vị {org!r}")
    return occ.id


def find_occurrence(engine: Engine, *, dispatch: str, key: str, org: str, period: str | None,
                    at: date | None = None) -> int:
    """`locate` in its own unit of work."""
    with session_scope(engine) as s:
        return locate(s, dispatch=dispatch, key=key, org=org, period=period, at=at)


# ---------------------------------------------------------------- extension request


def request_extension(engine: Engine, *, occurrence_id: int, org: str, to_date: date, reason: str, actor: str,
                      now: datetime | None = None, link: LinkRef | None = None) -> ExtensionOutcome:
    """Record an owner's request to move a deadline (gia hạn); the issuer's admin decides it."""
    stamp = now or datetime.now(timezone.utc)

    def work(s: Session) -> ExtensionOutcome:
        occ, task, dispatch = _occurrence(s, occurrence_id, org)
        why = clean_text(reason, limit=MAX_REASON, what="Lý do xin gia hạn")
        _use_link(s, link, occ, org, stamp)
        if occ.status != "open":
            raise AnswerRefused("not_open", "Nhiệm vụ này đã hoàn thành hoặc đã huỷ; không cần gia hạn.")
        if not why:
            raise AnswerRefused("bad_input", "Xin ghi lý do xin gia hạn.")
        current = due_of(occ)
        if to_date <= current:
            raise AnswerRefused("bad_input", f"Ngày xin gia hạn ({fmt(to_date)}) phải sau hạn hiện tại ({fmt(current)}).")
        if to_date > current + timedelta(days=MAX_EXTENSION_DAYS):
            raise AnswerRefused("bad_input", f"Ngày xin gia hạn ({fmt(to_date)}) cách hạn hiện tại quá "
                                             f"{MAX_EXTENSION_DAYS} ngày.")
        pending = s.exec(select(m.Extension).where(m.Extension.occurrence_id == occ.id,
                                                   m.Extension.status == "requested")).first()
        if pending is not None:
            raise AnswerRefused("pending_extension", f"Đã có đề nghị gia hạn đến {fmt(pending.to_due)} đang chờ "
                                                     "cơ quan ban hành xem xét.")
        row = m.Extension(occurrence_id=occ.id or 0, from_due=current, to_due=to_date, reason=why,
                          status="requested", requested_by=actor, requested_at=stamp)
        s.add(row)
        s.flush()
        audit(s, action="extension.request", actor=actor, subject=_subject(task, dispatch), occurrence_id=occ.id,
              dispatch_id=task.dispatch_id,
              detail={"occurrence_id": occ.id, "extension_id": row.id, "org": org, "period": occ.period,
                      "from_due": current.isoformat(), "to_due": to_date.isoformat(), "reason": why})
        return ExtensionOutcome(extension_id=row.id or 0, occurrence_id=occ.id or 0, from_due=current,
                                to_due=to_date, status=row.status)

    return _run(engine, work, link=link)
