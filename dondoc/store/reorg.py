"""Reorganisations (the 2025 mergers of Sở, the end of the districts): recorded once, applied on their date.

A change is an OrgChange row (merge | rename | split | abolish) and the old organisations'
`valid_to` (the day before it takes effect) and `successor` in the directory, so that work
due later is materialised for the successor from the start. The first sweep on or after the
date moves the open occurrences of a merged or renamed agency to its successor (recorded in
the audit log as the sweep's doing, and in `Occurrence.moved_from`); closed ones keep their
owner, so history and statistics stay with the original. When the successor already holds
the same task and period, the moved occurrence is cancelled as merged, not duplicated. A
split or an abolition moves nothing: the admin assigns the open work (`dondoc orgs assign`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import update
from sqlmodel import Session, col, select

from dondoc.errors import DondocError, NotFoundError
from dondoc.store import models as m
from dondoc.store import materialise
from dondoc.store.notice_facts import chunks
from dondoc.store.repo import audit

KINDS_VI = {"merge": "sáp nhập", "rename": "đổi tên", "split": "chia tách", "abolish": "giải thể"}


@dataclass(frozen=True)
class Move:
    occurrence_id: int
    old: str
    new: str
    merged: bool  # the successor already held it: cancelled as merged


def record_change(*, session: Session, kind: str, old: list[str], new: list[str], on: date, actor: str,
                  new_name: str | None = None) -> tuple[m.OrgChange, bool]:
    """Record a reorganisation and update the directory; returns the change and whether it is new."""
    orgs = {o.code: o for o in session.exec(select(m.Organization)).all()}
    for code in old:
        if code not in orgs:
            raise NotFoundError(f"không có cơ quan mã {code!r} trong danh bạ (dondoc orgs list)")
    if kind == "rename" and new and new[0] not in orgs:
        if not new_name:
            raise DondocError(f"chưa có cơ quan mã {new[0]!r}: cho biết tên mới bằng --name")
        src = orgs[old[0]]
        orgs[new[0]] = m.Organization(code=new[0], name=new_name, level=src.level, parent=src.parent,
                                      aliases=[], groups=list(src.groups), valid_from=on)
        session.add(orgs[new[0]])
        session.flush()
        for c in session.exec(select(m.Contact).where(m.Contact.org_code == src.code)).all():
            session.add(m.Contact(org_code=new[0], name=c.name, email=c.email, role=c.role))
    for code in new:
        if code not in orgs:
            raise NotFoundError(f"không có cơ quan mã {code!r} trong danh bạ: thêm nó vào danh bạ trước (dondoc orgs import)")
        if code in old:
            raise DondocError(f"{code}: một cơ quan không thể {KINDS_VI[kind]} vào chính nó")
    for existing in session.exec(select(m.OrgChange)).all():
        if set(existing.old_codes) & set(old):
            if existing.kind == kind and existing.old_codes == old and existing.new_codes == new and existing.on == on:
                return existing, False
            raise DondocError(f"{', '.join(sorted(set(existing.old_codes) & set(old)))}: đã ghi nhận "
                              f"{KINDS_VI[existing.kind]} từ ngày {existing.on:%d/%m/%Y} (thay đổi #{existing.id})")
    successor = new[0] if kind in ("merge", "rename") else None
    for code in old:
        org = orgs[code]
        org.valid_to, org.successor = on - timedelta(days=1), successor
        session.add(org)
        if successor:  # the agencies it supervised now answer to its successor: escalations go there
            for child in orgs.values():
                if child.parent == code:
                    child.parent = successor
                    session.add(child)
    change = m.OrgChange(kind=kind, old_codes=old, new_codes=new, on=on, actor=actor)
    session.add(change)
    session.flush()
    materialise.reset(session, codes=old)  # their tasks' occurrences from the change on go to the successor
    audit(session, action=f"orgs.{kind}", subject=f"org_change:{change.id}", actor=actor,
          detail={"old": old, "new": new, "on": on.isoformat()})
    return change, True


def sync_directory(*, session: Session, actor: str) -> list[m.OrgChange]:
    """After a directory import: an agency given `valid_to` (and a successor) is a change like any other;
    a recorded change the file does not mention keeps the agency's end and successor."""
    changes = session.exec(select(m.OrgChange)).all()
    covered = {code: c for c in changes for code in c.old_codes}
    added = []
    # only the agencies that end, or that a recorded change names: not the whole directory (30,000 rows)
    ending = list(session.exec(select(m.Organization).where(col(m.Organization.valid_to).is_not(None))).all())
    have = {o.code for o in ending}
    named = [c for c in covered if c not in have]
    for part in chunks(sorted(named)):
        ending += session.exec(select(m.Organization).where(col(m.Organization.code).in_(part))).all()
    for org in sorted(ending, key=lambda o: o.code):
        change = covered.get(org.code)
        if change is not None:
            if org.valid_to is None:
                org.valid_to = change.on - timedelta(days=1)
                org.successor = change.new_codes[0] if change.kind in ("merge", "rename") else None
                session.add(org)
            continue
        if org.valid_to is None:
            continue
        kind = "merge" if org.successor else "abolish"
        row = m.OrgChange(kind=kind, old_codes=[org.code], new_codes=[org.successor] if org.successor else [],
                          on=org.valid_to + timedelta(days=1), actor=actor)
        session.add(row)
        added.append(row)
    session.flush()
    # the directory may have ended agencies or named successors: their tasks are materialised again
    materialise.reset(session, codes=[o.code for o in session.exec(select(m.Organization)
                                                                     .where(col(m.Organization.valid_to).is_not(None))).all()])
    for row in added:
        audit(session, action=f"orgs.{row.kind}", subject=f"org_change:{row.id}", actor=actor,
              detail={"old": row.old_codes, "new": row.new_codes, "on": row.on.isoformat(), "from": "directory"})
    return added


def apply_due_changes(*, session: Session, as_of: date, actor: str = "sweep") -> list[Move]:
    """Move the open work of agencies whose merger or renaming has taken effect by `as_of`.

    A change is claimed once with a conditional UPDATE (applied_at still empty) and audited
    then; its old agencies' open work is moved at every sweep from then on, so that work
    materialised later (a dispatch loaded late, its whole past) follows too. Each move is a
    conditional UPDATE as well: of two sweeps at once, one moves an occurrence and audits it.
    """
    moves: list[Move] = []
    pending = session.exec(select(m.OrgChange).where(col(m.OrgChange.applied_at).is_(None), m.OrgChange.on <= as_of)
                           .order_by(col(m.OrgChange.on), col(m.OrgChange.id))).all()
    for change in pending:
        claimed = session.execute(update(m.OrgChange).where(col(m.OrgChange.id) == change.id,
                                                            col(m.OrgChange.applied_at).is_(None))
                                  .values(applied_at=m.utcnow()))
        if claimed.rowcount == 1:  # type: ignore[attr-defined]
            audit(session, action="orgs.apply", subject=f"org_change:{change.id}", actor=actor,
                  detail={"kind": change.kind, "old": change.old_codes, "new": change.new_codes,
                          "on": change.on.isoformat()})
    effective = session.exec(select(m.OrgChange).where(col(m.OrgChange.kind).in_(("merge", "rename")),
                                                       m.OrgChange.on <= as_of)
                             .order_by(col(m.OrgChange.on), col(m.OrgChange.id))).all()
    for change in effective:
        for old in change.old_codes:
            moves += move_open_work(session=session, old=old, new=change.new_codes[0], actor=actor,
                                    why=f"{KINDS_VI[change.kind]} từ ngày {change.on:%d/%m/%Y}")
    return moves


def move_open_work(*, session: Session, old: str, new: str, actor: str, why: str,
                   occurrence_ids: set[int] | None = None, task_ids: set[int] | None = None) -> list[Move]:
    """Move `old`'s open occurrences (or the given ones) to `new`; one `new` already holds is cancelled as merged."""
    q = select(m.Occurrence).where(m.Occurrence.org_code == old, m.Occurrence.status == "open")
    if occurrence_ids is not None:
        q = q.where(col(m.Occurrence.id).in_(occurrence_ids))
    if task_ids is not None:
        q = q.where(col(m.Occurrence.task_id).in_(task_ids))
    occs = session.exec(q).all()
    if not occs:
        return []
    held = set(session.exec(select(m.Occurrence.task_id, m.Occurrence.period).where(
        m.Occurrence.org_code == new, col(m.Occurrence.task_id).in_({o.task_id for o in occs}))).all())
    dispatch_of = dict(session.exec(select(m.Task.id, m.Task.dispatch_id)
                                    .where(col(m.Task.id).in_({o.task_id for o in occs}))).all())
    moves = []
    for occ in occs:
        merged = (occ.task_id, occ.period) in held
        values = {"status": "cancelled"} if merged else {"org_code": new, "moved_from": old}
        done = session.execute(update(m.Occurrence).where(col(m.Occurrence.id) == occ.id,
                                                          col(m.Occurrence.org_code) == old,
                                                          col(m.Occurrence.status) == "open").values(**values))
        if done.rowcount != 1:  # type: ignore[attr-defined]
            continue  # a concurrent sweep moved it first
        # its next notice: none when merged away; looked at again for its new recipients, with its new holder
        session.execute(update(m.OccurrenceNext).where(col(m.OccurrenceNext.occurrence_id) == occ.id).values(  # type: ignore[arg-type]
            {"next_notice_at": m.NO_NOTICE, "next_notice_kind": None} if merged
            else {"org_code": new, "next_notice_at": m.LOOK_AGAIN}))
        held.add((occ.task_id, occ.period))
        moves.append(Move(occ.id or 0, old, new, merged))
        audit(session, action="occurrence.merged" if merged else "occurrence.move", subject=f"occurrence:{occ.id}",
              actor=actor, occurrence_id=occ.id, dispatch_id=dispatch_of.get(occ.task_id),
              detail={"from": old, "to": new, "period": occ.period, "why": why})
    session.expire_all()
    return moves


def assign(*, session: Session, old: str, new: str, actor: str, task_ids: set[int] | None = None,
           occurrence_ids: set[int] | None = None) -> list[Move]:
    """After a split or an abolition: give `old`'s open work (all, some tasks, some occurrences) to `new`,
    and make `new` an owner of those tasks so that their later occurrences are its own."""
    if session.get(m.Organization, new) is None:
        raise NotFoundError(f"không có cơ quan mã {new!r} trong danh bạ")
    moves = move_open_work(session=session, old=old, new=new, actor=actor, why="phân công lại",
                           occurrence_ids=occurrence_ids, task_ids=task_ids)
    tasks = {o.task_id for o in session.exec(select(m.Occurrence).where(
        col(m.Occurrence.id).in_({mv.occurrence_id for mv in moves}))).all()}
    for task_id in tasks:
        owners = session.exec(select(m.TaskOwner).where(m.TaskOwner.task_id == task_id)).all()
        if not any(o.org_code == new and o.role == "lead" for o in owners):
            name = next((o.name for o in owners if o.org_code == old), old)
            session.add(m.TaskOwner(task_id=task_id, role="lead", name=name, org_code=new))
    materialise.reset(session, task_ids=tasks)  # its later occurrences, for its new owner
    return moves


def awaiting_assignment(*, session: Session) -> list[tuple[m.OrgChange, m.Occurrence]]:
    """Open work still held by an agency that was split or abolished: the admin assigns it."""
    out = []
    for change in session.exec(select(m.OrgChange).where(col(m.OrgChange.kind).in_(("split", "abolish")))).all():
        for occ in session.exec(select(m.Occurrence).where(col(m.Occurrence.org_code).in_(change.old_codes),
                                                           m.Occurrence.status == "open")
                                .order_by(col(m.Occurrence.effective_due))).all():
            out.append((change, occ))
    return out
