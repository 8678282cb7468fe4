"""What an office sees of one occurrence before it answers: the item, its deadlines, its state."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.engine import Engine
from sqlmodel import col, select

from dondoc.app.answers import as_utc
from dondoc.errors import NotFoundError
from dondoc.store import models as m
from dondoc.store.db import session_scope


@dataclass(frozen=True)
class ItemInfo:
    """Plain values for a confirmation page. A classified dispatch shows number, key and dates only."""

    occurrence_id: int
    org_code: str
    org_name: str
    kind: str  # action | report | event
    period: str
    period_words: str | None
    dispatch_number: str | None
    dispatch_subject: str | None
    issuer: str | None
    task_key: str
    task_title: str | None
    classified: bool
    stated_due: date
    effective_due: date
    written_due: date | None
    extended_due: date | None
    extended_effective_due: date | None
    status: str  # open | submitted | cancelled
    submitted_at: date | None
    submitted_doc: str | None
    submitted_by: str | None
    acknowledged_at: datetime | None
    pending_extension_to: date | None
    moved_from: str | None
    upper_due: date | None = None  # a cascaded report's sub-unit: the consolidator's own deadline, as stated
    consolidator: str | None = None  # … and the consolidator's name

    @property
    def due(self) -> date:
        """The deadline in force (extended when granted)."""
        return self.extended_effective_due or self.effective_due


def describe(engine: Engine, *, occurrence_id: int) -> ItemInfo:
    """The occurrence as its owner should see it; NotFoundError when there is none."""
    from dondoc.schedule.words import period_words

    with session_scope(engine) as s:
        occ = s.get(m.Occurrence, occurrence_id)
        task = s.get(m.Task, occ.task_id) if occ else None
        d = s.get(m.Dispatch, task.dispatch_id) if task else None
        if occ is None or task is None or d is None:
            raise NotFoundError(f"không có nhiệm vụ mã {occurrence_id}")
        org = s.get(m.Organization, occ.org_code)
        ack = s.exec(select(m.Acknowledgement).where(m.Acknowledgement.task_id == task.id,
                                                     m.Acknowledgement.org_code == occ.org_code)).first()
        pending = s.exec(select(m.Extension).where(m.Extension.occurrence_id == occ.id,
                                                   m.Extension.status == "requested")
                         .order_by(col(m.Extension.id).desc())).first()
        return ItemInfo(
            occurrence_id=occ.id or 0, org_code=occ.org_code, org_name=org.name if org else occ.org_code,
            kind=occ.kind, period=occ.period, period_words=None if occ.kind == "event" else period_words(occ.period),
            dispatch_number=d.number, dispatch_subject=None if d.classified else d.subject, issuer=d.issuer,
            task_key=task.key, task_title=None if d.classified else task.title, classified=d.classified,
            stated_due=occ.stated_due, effective_due=occ.effective_due, written_due=occ.written_due,
            extended_due=occ.extended_due, extended_effective_due=occ.extended_effective_due, status=occ.status,
            submitted_at=occ.submitted_at, submitted_doc=occ.submitted_doc, submitted_by=occ.submitted_by,
            acknowledged_at=as_utc(ack.at) if ack else None, pending_extension_to=pending.to_due if pending else None,
            moved_from=occ.moved_from, upper_due=occ.upper_due,
            consolidator=_name(s, task.cascade_by) if occ.upper_due and task.cascade_by else None,
        )


def _name(s, code: str) -> str:  # type: ignore[no-untyped-def]
    org = s.get(m.Organization, code)
    return org.name if org else code
