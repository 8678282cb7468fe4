"""How work moves forward: done (reports and actions alike), waived, acknowledged. Never commits."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Session

from dondoc.store import models as m
from dondoc.store.bulk import insert_ignore
from dondoc.store.repo import audit


def submit(*, session: Session, occurrence: m.Occurrence, at: date, by: str | None = None,
           document: str | None = None, note: str | None = None) -> None:
    """Record that the work of an occurrence is done (a report sent, an action completed); the ladder stops."""
    occurrence.status = "submitted"
    occurrence.submitted_at = at
    occurrence.submitted_by = by
    occurrence.submitted_doc = document
    occurrence.submitted_note = note
    session.add(occurrence)


def waive(*, session: Session, occurrence: m.Occurrence, reason: str, actor: str, document: str | None = None) -> None:
    """The issuer relieves the owner of an occurrence (miễn): it is cancelled, the ladder stops, the board skips it."""
    occurrence.status = "cancelled"
    session.add(occurrence)
    task = session.get(m.Task, occurrence.task_id)
    audit(session, action="occurrence.waive", subject=f"occurrence:{occurrence.id}", actor=actor,
          occurrence_id=occurrence.id, dispatch_id=task.dispatch_id if task else None,
          detail={"org": occurrence.org_code, "period": occurrence.period, "reason": reason, "document": document})


def acknowledge(*, session: Session, task_id: int, org_code: str, actor: str, at: datetime | None = None) -> bool:
    """Record that an owner confirmed receipt of a task (once); returns whether it is new."""
    new = insert_ignore(session, m.Acknowledgement, [dict(task_id=task_id, org_code=org_code, actor=actor,
                                                          at=at or m.utcnow())], returning=m.Acknowledgement.id)
    if new:
        task = session.get(m.Task, task_id)
        audit(session, action="task.acknowledge", subject=f"task:{task_id}", actor=actor,
              dispatch_id=task.dispatch_id if task else None, detail={"org": org_code, "task": task.key if task else None})
    return bool(new)
