"""Deadline extensions (gia hạn): granted by the issuer, or requested by the owner and decided. The original stays.

A granted extension sets the occurrence's `extended_due` (as stated) and `extended_effective_due`
(after Điều 148); `stated_due` and `effective_due` keep the original, which the board may still
judge against (setting `on_time_against`). Reminders and the ladder follow the new date.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import update
from sqlmodel import Session, col, select

from dondoc.errors import DondocError, NotFoundError
from dondoc.schedule.calendar import WorkCalendar, fmt
from dondoc.store import models as m
from dondoc.store.repo import audit


def grant(*, session: Session, occurrence: m.Occurrence, to_due: date, reason: str, document: str | None,
          actor: str, cal: WorkCalendar, request: m.Extension | None = None) -> m.Extension:
    """Extend an open occurrence's deadline to `to_due` (as stated; Điều 148 applies to it)."""
    if occurrence.status != "open":
        state = "đã hoàn thành" if occurrence.status == "submitted" else "đã hủy hoặc được miễn"
        raise DondocError(f"kỳ theo dõi {occurrence.id} {state}: không gia hạn được")
    current = occurrence.extended_effective_due or occurrence.effective_due
    if to_due <= current:
        raise DondocError(f"--to {to_due:%d/%m/%Y}: hạn gia hạn phải sau hạn hiện tại {fmt(current)}")
    ext = request or m.Extension(occurrence_id=occurrence.id or 0, from_due=current, to_due=to_due, reason=reason)
    ext.from_due, ext.to_due = current, to_due
    ext.document = document or ext.document
    ext.reason = reason or ext.reason
    ext.status, ext.decided_by, ext.decided_at = "granted", actor, m.utcnow()
    session.add(ext)
    occurrence.extended_due = to_due
    occurrence.extended_effective_due = cal.effective_due(to_due)
    session.add(occurrence)
    session.flush()
    session.execute(update(m.OccurrenceNext).where(col(m.OccurrenceNext.occurrence_id) == occurrence.id)  # type: ignore[arg-type]
                    .values(next_notice_at=m.LOOK_AGAIN))  # its reminders start again on the new date: the next sweep looks
    task = session.get(m.Task, occurrence.task_id)
    audit(session, action="extension.grant", subject=f"occurrence:{occurrence.id}", actor=actor,
          occurrence_id=occurrence.id, dispatch_id=task.dispatch_id if task else None,
          detail={"extension": ext.id, "from": current.isoformat(), "to": to_due.isoformat(),
                  "effective": occurrence.extended_effective_due.isoformat(), "reason": ext.reason,
                  "document": ext.document, "requested_by": ext.requested_by})
    return ext


def pending(*, session: Session, include_decided: bool = False) -> list[m.Extension]:
    """Extension requests waiting for a decision (or all of them)."""
    q = select(m.Extension).order_by(col(m.Extension.id))
    if not include_decided:
        q = q.where(m.Extension.status == "requested")
    return list(session.exec(q).all())


def _request(session: Session, extension_id: int) -> tuple[m.Extension, m.Occurrence]:
    ext = session.get(m.Extension, extension_id)
    if ext is None:
        raise NotFoundError(f"không có đề nghị gia hạn số {extension_id} (dondoc extend --list)")
    if ext.status != "requested":
        raise DondocError(f"đề nghị gia hạn số {extension_id} đã được xử lý ({'chấp thuận' if ext.status == 'granted' else 'từ chối'})")
    occ = session.get(m.Occurrence, ext.occurrence_id)
    if occ is None:
        raise NotFoundError(f"đề nghị gia hạn số {extension_id}: không còn kỳ theo dõi {ext.occurrence_id}")
    return ext, occ


def approve(*, session: Session, extension_id: int, actor: str, cal: WorkCalendar,
            document: str | None = None) -> m.Extension:
    """Grant a requested extension to the date asked for."""
    ext, occ = _request(session, extension_id)
    return grant(session=session, occurrence=occ, to_due=ext.to_due, reason=ext.reason, document=document,
                 actor=actor, cal=cal, request=ext)


def refuse(*, session: Session, extension_id: int, actor: str, reason: str) -> m.Extension:
    """Refuse a requested extension; the deadline stays."""
    ext, occ = _request(session, extension_id)
    ext.status, ext.decided_by, ext.decided_at = "refused", actor, m.utcnow()
    session.add(ext)
    task = session.get(m.Task, occ.task_id)
    audit(session, action="extension.refuse", subject=f"occurrence:{occ.id}", actor=actor, occurrence_id=occ.id,
          dispatch_id=task.dispatch_id if task else None,
          detail={"extension": ext.id, "to": ext.to_due.isoformat(), "reason": reason, "requested_by": ext.requested_by})
    return ext
