"""Find what a person names on the command line: an occurrence by id, or by dispatch, task, owner and period."""

from __future__ import annotations

from sqlmodel import Session, col, select

from dondoc.errors import NotFoundError
from dondoc.store import models as m
from dondoc.store.repo import find_dispatch


def occurrence_by_id(*, session: Session, occurrence_id: int) -> m.Occurrence:
    occ = session.get(m.Occurrence, occurrence_id)
    if occ is None:
        raise NotFoundError(f"không có kỳ theo dõi (occurrence) số {occurrence_id} (xem dondoc tasks list --json)")
    return occ


def find_occurrence(*, session: Session, dispatch: str, task: str, org: str, period: str | None) -> m.Occurrence:
    """The occurrence of `task` of `dispatch` owned by `org` for `period`, or its earliest open one."""
    d = find_dispatch(session=session, ref=dispatch)
    t = session.exec(select(m.Task).where(m.Task.dispatch_id == d.id, m.Task.key == task)).first()
    if t is None:
        raise NotFoundError(f"văn bản {dispatch!r} không có nhiệm vụ (mục) {task!r}")
    q = select(m.Occurrence).where(m.Occurrence.task_id == t.id, m.Occurrence.org_code == org)
    q = q.where(m.Occurrence.period == period) if period else q.where(m.Occurrence.status == "open")
    occ = session.exec(q.order_by(col(m.Occurrence.effective_due))).first()
    if occ is None:
        what = f"kỳ {period}" if period else "kỳ nào đang mở"
        raise NotFoundError(f"{org!r} không có {what} của nhiệm vụ {task!r} (văn bản {dispatch!r})")
    return occ
