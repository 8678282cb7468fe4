"""Owners of stored tasks: which tasks are unassigned, and assigning (or fixing) an owner.

Unassigned is derived from the data, never a flag that can drift: an active task is unassigned
while it has no lead owner, or a lead owner kept as written without an organisation (stored by
`dondoc load --allow-unassigned`). Keyword-only, never commit: the caller owns the transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import exists, or_
from sqlalchemy import select as sa_select  # ten columns: beyond sqlmodel's typed select
from sqlmodel import Session, col, select

from dondoc.directory import fold
from dondoc.errors import DondocError, NotFoundError
from dondoc.store import models as m
from dondoc.store.repo import audit

Role = str  # lead | support


@dataclass(frozen=True)
class UnassignedTask:
    """A task no office is reminded of yet, with the names its dispatch wrote."""

    task_id: int
    dispatch_id: str
    dispatch_number: str | None
    dispatch_subject: str | None
    classified: bool
    key: str
    title: str
    repeat: str
    due: tuple[str, ...]
    names: tuple[str, ...]  # lead names kept without an organisation; empty when the task has no lead
    loaded_at: datetime


def unassigned_tasks(*, session: Session) -> list[UnassignedTask]:
    """Active tasks without a placed lead owner, oldest dispatch first (two statements, set-based;
    only the columns shown, never a dispatch's stored task set)."""
    lead = col(m.TaskOwner.role) == "lead"

    def leads(*where: Any) -> Any:  # correlated (EXISTS, through the index on task_id): `task.id NOT IN (every
        # task with a lead)` was not hashed once that list outgrew PostgreSQL's work_mem, and was scanned once per
        # task: 57 s of a busy day's plan at 1M (1,469 tasks × 362,000 owners)
        return exists().where(col(m.TaskOwner.task_id) == col(m.Task.id), lead, *where)

    q = (
        sa_select(*(col(c) for c in (m.Task.id, m.Task.key, m.Task.title, m.Task.repeat, m.Task.due, m.Dispatch.id,
                                     m.Dispatch.number, m.Dispatch.subject, m.Dispatch.classified, m.Dispatch.loaded_at)))
        .join(m.Dispatch, col(m.Dispatch.id) == col(m.Task.dispatch_id))
        .where(col(m.Task.active).is_(True), col(m.Dispatch.active).is_(True),
               or_(leads(col(m.TaskOwner.org_code).is_(None)), ~leads()))
        .order_by(col(m.Dispatch.loaded_at), col(m.Task.id))
    )
    rows = session.execute(q).all()
    if not rows:
        return []
    names: dict[int, list[str]] = {}
    for task_id, name in session.exec(select(m.TaskOwner.task_id, m.TaskOwner.name)
                                      .where(lead, col(m.TaskOwner.org_code).is_(None),
                                             col(m.TaskOwner.task_id).in_([r[0] for r in rows]))
                                      .order_by(col(m.TaskOwner.id))).all():
        names.setdefault(task_id, []).append(name)
    return [
        UnassignedTask(task_id=tid, dispatch_id=did, dispatch_number=number, dispatch_subject=subject,
                       classified=classified, key=key, title=title, repeat=repeat, due=tuple(due),
                       names=tuple(dict.fromkeys(names.get(tid, []))), loaded_at=loaded_at)
        for tid, key, title, repeat, due, did, number, subject, classified, loaded_at in rows
    ]


@dataclass
class AssignResult:
    task_key: str
    role: Role
    before: list[tuple[str, str | None]] = field(default_factory=list)  # (name as written, code) of that role
    after: list[tuple[str, str | None]] = field(default_factory=list)
    cancelled: int = 0  # open occurrences of an owner the fix removed
    occurrences: int = 0  # occurrences the task had before (any status)
    unassigned: bool = False  # the task still has no placed lead

    @property
    def changed(self) -> bool:
        return sorted(self.before, key=str) != sorted(self.after, key=str)


def assign(*, session: Session, dispatch: m.Dispatch, key: str, codes: list[str], role: Role = "lead",
           name: str | None = None, actor: str = "cli") -> AssignResult:
    """Give a stored task's owner an organisation (or fix a wrong one), audited.

    With `name`, the owners of that role written so are replaced by `codes`. Without it, the
    owner kept without an organisation is (there must be one name, or none: then `codes` are
    added as owners). A lead removed by a fix has its open occurrences cancelled; the next sweep
    materialises occurrences for the new owners."""
    task = session.exec(select(m.Task).where(m.Task.dispatch_id == dispatch.id, m.Task.key == key,
                                             m.Task.active == True)).first()  # noqa: E712
    label = dispatch.number or dispatch.id[:8]
    if task is None or task.id is None:
        keys = session.exec(select(m.Task.key).where(m.Task.dispatch_id == dispatch.id)).all()
        raise NotFoundError(f'văn bản {label} không có nhiệm vụ "{key}" (có: {", ".join(keys)})')
    orgs = {o.code: o for o in session.exec(select(m.Organization).where(col(m.Organization.code).in_(codes))).all()}
    missing = [c for c in codes if c not in orgs]
    if missing:
        raise NotFoundError(_unknown_code(session, missing[0]))
    rows = session.exec(select(m.TaskOwner).where(m.TaskOwner.task_id == task.id, m.TaskOwner.role == role)
                        .order_by(col(m.TaskOwner.id))).all()
    result = AssignResult(task_key=key, role=role, before=[(r.name, r.org_code) for r in rows],
                          occurrences=len(session.exec(select(m.Occurrence.id).where(m.Occurrence.task_id == task.id)).all()))
    if name is not None:
        targets = [r for r in rows if fold(r.name) == fold(name)]
        if not targets:
            written = ", ".join(f'"{r.name}"' for r in rows) or "không có"
            raise DondocError(f'nhiệm vụ {key} ({label}): không có đơn vị {_ROLE_VI[role]} ghi là "{name}" '
                              f"(đang có: {written})")
    else:
        targets = [r for r in rows if r.org_code is None]
        if len({fold(r.name) for r in targets}) > 1:
            written = ", ".join(f'"{n}"' for n in dict.fromkeys(r.name for r in targets))
            raise DondocError(f"nhiệm vụ {key} ({label}) có {len(targets)} đơn vị {_ROLE_VI[role]} chưa xác định "
                              f"({written}): chọn một bằng --name")
    kept = [r for r in rows if r not in targets]
    written_as = targets[0].name if targets else None
    for r in targets:
        session.delete(r)
    held = {r.org_code for r in kept}
    for code in dict.fromkeys(codes):
        if code not in held:
            row = m.TaskOwner(task_id=task.id, role=role, name=written_as or orgs[code].name, org_code=code)
            session.add(row)
            kept.append(row)
            held.add(code)
    result.after = [(r.name, r.org_code) for r in kept]
    if not result.changed:
        return result
    session.flush()
    if role == "lead":
        from dondoc.store import materialise

        materialise.reset(session, task_ids=[task.id])  # its occurrences for the new owners (its whole past
        # when it never had an owner)
        gone = {r.org_code for r in targets if r.org_code} - held
        if gone:
            for occ in session.exec(select(m.Occurrence).where(m.Occurrence.task_id == task.id,
                                                               m.Occurrence.status == "open",
                                                               col(m.Occurrence.org_code).in_(gone))).all():
                occ.status = "cancelled"
                session.add(occ)
                result.cancelled += 1
    leads = session.exec(select(m.TaskOwner.org_code).where(m.TaskOwner.task_id == task.id,
                                                             m.TaskOwner.role == "lead")).all()
    result.unassigned = not leads or any(c is None for c in leads)
    audit(session, action="task.assign", subject=f"{dispatch.identity}#{key}", actor=actor,
          detail={"dispatch_id": dispatch.id, "task_id": task.id, "role": role, "name": name,
                  "before": [list(p) for p in result.before], "after": [list(p) for p in result.after],
                  "cancelled": result.cancelled})
    return result


_ROLE_VI = {"lead": "chủ trì", "support": "phối hợp"}


def _unknown_code(session: Session, code: str) -> str:
    from dondoc.intake import closest, code_label
    from dondoc.store.repo import stored_directory

    directory = stored_directory(session=session)
    near = ", ".join(code_label(directory, c) for c in closest(directory, "", code=code))
    return f'mã đơn vị "{code}" không có trong danh bạ' + (f"; gần nhất: {near}" if near else "")
