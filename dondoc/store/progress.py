"""Store-level changes of an occurrence's state: done (the demo's simulated offices) and waived (miễn).

Never commits. The offices' answers (receipt, done, extension request) go through
dondoc/app/answers.py, which the CLI, the web pages and the receipts import share.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from dondoc.store import models as m
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
