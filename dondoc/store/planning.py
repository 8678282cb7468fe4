"""Plan the notices due by a day into the outbox: once each (a unique dedupe key), one digest per recipient.

Safe to run twice at once: notices are inserted with ON CONFLICT DO NOTHING on their keys, so
whichever sweep commits first plans a notice and the other finds nothing new.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, col, select

from dondoc.notify.render import message_id_for
from dondoc.schedule import plan as planmod
from dondoc.store import models as m
from dondoc.store.bulk import insert_ignore
from dondoc.store.chase import ack_candidates, recipients, sent_rungs, step_of, target
from dondoc.store.items import escalation_item, item

if TYPE_CHECKING:
    from dondoc.store.sweep import SweepContext


@dataclass
class PlanReport:
    messages: int = 0
    notices: int = 0
    by_kind: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    no_address: list[str] = field(default_factory=list)
    outbox_ids: list[str] = field(default_factory=list)


def plan_notices(*, session: Session, ctx: SweepContext, kinds: set[str],
                 orgs: frozenset[str] | None = None) -> PlanReport:
    """Insert the notices due by `as_of` (once each) and one digest outbox row per recipient.

    With `orgs` (a shard), only the notices to those organisations' people: the occurrences they
    hold, those of the units they supervise (parent_head) and those of the tasks they issued or
    consolidate (issuer_office). Every organisation in exactly one shard, every notice is planned
    by one of them, and each recipient still gets one digest.
    """
    report = PlanReport()
    if kinds & {"failure", "unassigned"}:  # the admins' digest: failed deliveries, tasks with no office
        from dondoc.store.admin_digest import plan_admin

        plan_admin(session=session, ctx=ctx, report=report, kinds=kinds, orgs=orgs)
    q = select(m.Occurrence).where(m.Occurrence.status == "open",
                                   m.Occurrence.effective_due <= ctx.as_of + timedelta(days=366))
    if orgs is not None:
        q = q.where(_reaching(session, orgs))
    occs = session.exec(q).all()
    by_id = {o.id: o for o in occs}
    weekly = set(session.exec(select(m.Task.id).where(m.Task.repeat == "weekly")).all())
    views = [_view(o, ctx, weekly=o.task_id in weekly) for o in occs]
    cands = [c for c in planmod.plan(views, as_of=ctx.as_of, cfg=ctx.ladders, cal=ctx.cal) if c.kind in kinds]
    if "ack" in kinds:
        cands += ack_candidates(session, ctx, list(occs))
    if not cands:
        return report
    tasks = {t.id: t for t in session.exec(select(m.Task).where(col(m.Task.id).in_({by_id[c.occurrence_id].task_id for c in cands}))).all()}
    dispatches = {d.id: d for d in session.exec(select(m.Dispatch).where(col(m.Dispatch.id).in_({t.dispatch_id for t in tasks.values()}))).all()}
    by_code = {o.code: o for o in session.exec(select(m.Organization)).all()}
    contacts: dict[str, list[m.Contact]] = defaultdict(list)
    for contact in session.exec(select(m.Contact)).all():
        contacts[contact.org_code].append(contact)
    chased = {c.occurrence_id for c in cands if c.kind in ("overdue", "escalation")}
    sent = sent_rungs(session, chased, by_id)  # type: ignore[arg-type]
    per_recipient: dict[tuple[str, str], list[tuple[planmod.Candidate, m.Contact]]] = defaultdict(list)
    rungs: dict[tuple[int, str], dict[str, Any]] = {}  # the ladder's rungs planned now, inserted at once
    for c in cands:
        occ = by_id[c.occurrence_id]
        task = tasks[occ.task_id]
        org, role, missing = target(c, occ, task, dispatches[task.dispatch_id], by_code)
        if orgs is not None and (org if org is not None else occ.org_code) not in orgs:
            continue  # another shard's recipient
        if org is None:
            report.no_address.append(missing or f"{occ.org_code}: không có người nhận")
            continue
        chosen = recipients(contacts, org, prefer=role)
        if not chosen:
            report.no_address.append(f"{org}: không có địa chỉ thư")
            continue
        for contact in chosen:
            per_recipient[(contact.email, org)].append((c, contact))
    for (email, org_code), pairs in sorted(per_recipient.items()):
        contact = pairs[0][1]
        notices = [(f"{c.dedupe_key}:{email}", dict(kind=c.kind, occurrence_id=c.occurrence_id, rung=c.rung))
                   for c, _ in pairs]
        opened = _open_digest(session, ctx, email=email, name=contact.name, org_code=org_code, notices=notices)
        if opened is None:
            continue
        row, new_keys = opened
        fresh = [c for c, _ in pairs if f"{c.dedupe_key}:{email}" in new_keys]
        payload_items = []
        blocks: dict[tuple[int, str], list[planmod.Candidate]] = defaultdict(list)
        for c in fresh:
            occ = by_id[c.occurrence_id]
            task = tasks[occ.task_id]
            report.by_kind[c.kind] += 1
            if c.kind in ("overdue", "escalation"):
                step = step_of(c, occ)
                rungs.setdefault((c.occurrence_id, step), dict(occurrence_id=occ.id, step=step, as_of=ctx.as_of,
                                                               to_org=org_code, created_at=m.utcnow()))
            if c.kind == "escalation":
                blocks[(occ.task_id, occ.period)].append(c)
            else:
                payload_items.append(item(c, occ, task, dispatches[task.dispatch_id], by_code, ctx,
                                          sent=sent.get(c.occurrence_id, [])))
        for (task_id, _), group in blocks.items():
            task = tasks[task_id]
            late = [(c, by_id[c.occurrence_id], sent.get(c.occurrence_id, [])) for c in group]
            payload_items.append(escalation_item(late, task, dispatches[task.dispatch_id], by_code, ctx))
        first_dispatch = dispatches[tasks[by_id[fresh[0].occurrence_id].task_id].dispatch_id]
        issuer_org = by_code.get(first_dispatch.issuer_org or "")
        reply = recipients(contacts, issuer_org.code, prefer="coordinator") if issuer_org else []
        to_org = by_code.get(org_code)
        _close_digest(session, row, report, {
            "recipient_name": contact.name, "org_name": to_org.name if to_org else org_code,
            "as_of": ctx.as_of.isoformat(),
            "issuer": issuer_org.name if issuer_org else first_dispatch.issuer,
            "reply_to": reply[0].email if reply else None, "items": payload_items,
        })
    rows = list(rungs.values())
    for i in range(0, len(rows), 500):
        insert_ignore(session, m.Escalation, rows[i : i + 500])
    return report


def _reaching(session: Session, orgs: frozenset[str]) -> Any:
    """The occurrences whose notices may go to these organisations' people: a superset, which the
    planner narrows to the candidates whose recipient is one of them."""
    from sqlalchemy import or_

    rows = session.exec(select(col(m.Organization.code), col(m.Organization.parent),
                              col(m.Organization.valid_to))).all()
    supervised = {code for code, parent, _ in rows if parent in orgs}
    ended = {code for code, _, valid_to in rows if valid_to is not None}  # their successors may be in the shard
    issued = {t for t, issuer, cascade in session.exec(
        select(m.Task.id, m.Dispatch.issuer_org, m.Task.cascade_by)
        .join(m.Dispatch, col(m.Dispatch.id) == col(m.Task.dispatch_id))).all()
        if issuer in orgs or cascade in orgs or cascade in ended}
    return or_(col(m.Occurrence.org_code).in_(orgs | supervised), col(m.Occurrence.task_id).in_(issued))


def _open_digest(session: Session, ctx: SweepContext, *, email: str, name: str, org_code: str | None,
                 notices: list[tuple[str, dict[str, Any]]]) -> tuple[m.Outbox, set[str]] | None:
    """Start one recipient's digest: insert its notices once each (ON CONFLICT DO NOTHING on the
    dedupe key). Returns the row and the keys that are new, or None when every notice was already
    planned (by an earlier sweep, or by a concurrent one that committed first)."""
    row = m.Outbox(recipient_email=email, recipient_name=name, org_code=org_code, as_of=ctx.as_of,
                   status="planning", next_attempt_at=ctx.day_starts)
    row.message_id = message_id_for(row.id, ctx.mail_domain)
    session.add(row)
    session.flush()
    rows = [dict(dedupe_key=key, recipient_email=email, outbox_id=row.id, created_at=m.utcnow(), **fields)
            for key, fields in notices]
    new_keys = set(insert_ignore(session, m.Notice, rows, returning=m.Notice.dedupe_key))
    if not new_keys:
        session.delete(row)
        session.flush()
        return None
    return row, new_keys


def _close_digest(session: Session, row: m.Outbox, report: PlanReport, payload: dict[str, Any]) -> None:
    """Fill the digest and queue it."""
    row.payload = payload
    row.status = "pending"
    session.add(row)
    report.messages += 1
    report.notices += len(payload["items"])
    report.outbox_ids.append(row.id)


def _view(o: m.Occurrence, ctx: SweepContext, *, weekly: bool = False) -> planmod.OccurrenceView:
    prepare = None
    ladder = None
    if o.kind == "event" and o.event_key:
        obs = ctx.catalog.by_key(o.event_key)
        if obs is not None:
            ladder = tuple(obs.remind_days) if obs.remind_days else None
            if obs.prepare_from:
                p = date(o.stated_due.year, int(obs.prepare_from[2:4]), int(obs.prepare_from[5:7]))
                prepare = p if p < o.stated_due else None
    return planmod.OccurrenceView(id=o.id or 0, kind=o.kind, org_code=o.org_code, effective_due=o.effective_due,
                                  status=o.status, prepare_from=prepare, ladder=ladder,
                                  repeat="weekly" if weekly and o.kind != "event" else None,
                                  extended_due=o.extended_effective_due)
