"""Who each notice goes to, which rungs were already sent, and whose receipt is still unconfirmed."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timezone
from zoneinfo import ZoneInfo
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from dondoc.schedule import plan as planmod
from dondoc.schedule.ladder import ack_reminder_due
from dondoc.store import models as m
from dondoc.store.items import SentRung

if TYPE_CHECKING:
    from dondoc.store.sweep import SweepContext


def recipients(contacts: dict[str, list[m.Contact]], org_code: str, *, prefer: str) -> list[m.Contact]:
    """The organisation's contacts in the preferred role, or all of them (admins aside) when it has none."""
    mine = [c for c in contacts.get(org_code, []) if c.role != "admin"]
    return [c for c in mine if c.role == prefer] or mine


def target(c: planmod.Candidate, occ: m.Occurrence, task: m.Task, d: m.Dispatch,
           orgs: dict[str, m.Organization]) -> tuple[str | None, str, str | None]:
    """(organisation, preferred role, why nobody) for a candidate: the ladder's recipient resolved."""
    owner = occ.org_code
    if c.kind in ("reminder", "observance", "overdue", "ack") or c.to == "owner_coordinator":
        return owner, "coordinator", None
    if c.to == "owner_head":
        return owner, "head", None
    if c.to == "parent_head":
        parent = orgs[owner].parent if owner in orgs else None
        return parent, "head", None if parent else f"{owner}: không có cơ quan cấp trên (parent) để báo cáo"
    # issuer_office: whoever waits for the work: the consolidator of a cascaded report, else the issuer
    if occ.upper_due is not None and task.cascade_by:
        holder = _holder(task.cascade_by, orgs)
        if holder and holder != owner:
            return holder, "coordinator", None
    if d.issuer_org:
        return d.issuer_org, "coordinator", None
    return None, "coordinator", f"{d.number or d.id[:8]}: không xác định được cơ quan ban hành (issuer_org)"


def _holder(code: str, orgs: dict[str, m.Organization]) -> str | None:
    seen: set[str] = set()
    while code in orgs and code not in seen:
        seen.add(code)
        o = orgs[code]
        if o.valid_to is None or o.successor is None:
            return code
        code = o.successor
    return code if code in orgs else None


def sent_rungs(session: Session, occurrence_ids: set[int], occs: dict[int, m.Occurrence]) -> dict[int, list[SentRung]]:
    """The ladder's rungs already planned for each occurrence, for its current deadline (step "days:to[@due]")."""
    out: dict[int, list[SentRung]] = defaultdict(list)
    if not occurrence_ids:
        return out
    rows = session.exec(select(m.Escalation).where(col(m.Escalation.occurrence_id).in_(occurrence_ids))).all()
    for r in rows:
        head, _, extended = r.step.partition("@")
        days, _, to = head.partition(":")
        occ = occs.get(r.occurrence_id)
        if not days.isdigit() or not to or occ is None:
            continue
        current = occ.extended_effective_due.isoformat() if occ.extended_effective_due else ""
        if extended == current:
            out[r.occurrence_id].append((int(days), to, r.as_of))
    return out


def step_of(c: planmod.Candidate, occ: m.Occurrence) -> str:
    """The escalation table's record of a rung: which rung, for which deadline."""
    suffix = f"@{occ.extended_effective_due.isoformat()}" if occ.extended_effective_due else ""
    return f"{c.rung}:{c.to}{suffix}"


def ack_candidates(session: Session, ctx: SweepContext, occs: list[m.Occurrence]) -> list[planmod.Candidate]:
    """One acknowledgement reminder per (task, owner) not yet acknowledged, N working days after receipt.

    Only owners that still hold open work of the task are asked; a completed occurrence shows receipt.
    """
    first: dict[tuple[int, str], m.Occurrence] = {}
    for o in sorted(occs, key=lambda o: (o.effective_due, o.id or 0)):
        first.setdefault((o.task_id, o.org_code), o)
    if not first:
        return []
    task_ids = {t for t, _ in first}
    acked = set(session.exec(select(m.Acknowledgement.task_id, m.Acknowledgement.org_code)
                             .where(col(m.Acknowledgement.task_id).in_(task_ids))).all())
    done = set(session.exec(select(m.Occurrence.task_id, m.Occurrence.org_code)
                            .where(col(m.Occurrence.task_id).in_(task_ids), m.Occurrence.status == "submitted")).all())
    received = {t.id: received_on(d, ctx.tz) for t, d in session.exec(
        select(m.Task, m.Dispatch).join(m.Dispatch, col(m.Dispatch.id) == col(m.Task.dispatch_id))
        .where(col(m.Task.id).in_(task_ids), m.Task.active == True)).all()}  # noqa: E712
    out = []
    for (task_id, org), occ in sorted(first.items()):
        if (task_id, org) in acked or (task_id, org) in done or task_id not in received:
            continue
        if ack_reminder_due(received[task_id], ctx.ack_after, ctx.as_of, ctx.cal):
            out.append(planmod.Candidate(occ.id or 0, "ack", org, ctx.ack_after, f"ack:{task_id}:{org}"))
    return out


def received_on(d: m.Dispatch, tz: str) -> date:
    """When the owners got the task: the day the dispatch arrived (`load --received`), else the local day
    it was loaded. A dispatch loaded late is new to its owners from then on, not from its own date."""
    if d.received_on is not None:
        return d.received_on
    at = d.loaded_at if d.loaded_at.tzinfo else d.loaded_at.replace(tzinfo=timezone.utc)
    return at.astimezone(ZoneInfo(tz)).date()
