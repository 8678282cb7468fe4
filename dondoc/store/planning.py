"""Plan the notices due by a day into the outbox: once each (a unique dedupe key), one digest per recipient.

Plan by index: a sweep looks only at the open occurrences whose next notice date
(`OccurrenceNext.next_notice_at`, dondoc.schedule.plan.next_notice) has come, through the index on
(next_notice_at, org_code). For each it asks the level-triggered planner what is due that day (the
latest rung reached, never the backlog), plans that, then stores the next date on which the
occurrence will have something new. A candidate that found nobody to send it to, or whose kind this
sweep does not plan (`dondoc remind` without `dondoc escalate`), keeps its date: the next sweep looks
again, as the level-triggered planner did every day.

Safe to run twice at once: notices are inserted with ON CONFLICT DO NOTHING on their keys, so
whichever sweep commits first plans a notice and the other finds nothing new.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import String, select as sa_select, type_coerce
from sqlmodel import Session

from dondoc.notify.render import message_id_for
from dondoc.schedule import plan as planmod
from dondoc.store import models as m
from dondoc.store import notice_facts as nf
from dondoc.store.bulk import among, insert_ignore, partitions
from dondoc.store.chase import close_acknowledgement, owner_role, recipients, sent_rungs, target, unconfirmed
from dondoc.store.records import Book, Contact, Occ, OccReader
from dondoc.store.writer import Writer

if TYPE_CHECKING:
    from dondoc.store.sweep import SweepContext


@dataclass
class PlanReport:
    messages: int = 0
    notices: int = 0
    by_kind: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    no_address: list[str] = field(default_factory=list)
    outbox_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Due:
    """An occurrence whose next notice date has come: its row, its shape as the planner sees it (without its
    identity: shared by the occurrences alike), and what it has that day."""

    occ: Occ
    shape: planmod.OccurrenceView
    read: date  # its next notice date as read (the UPDATE that advances it is keyed on it)
    candidates: list[planmod.Candidate]

    @property
    def org_code(self) -> str:
        return self.occ.org_code

    @property
    def upper_due(self) -> date | None:
        return self.occ.upper_due


Routed = dict[tuple[str, str], list[tuple[planmod.Candidate, Contact]]]  # (email, org) → its notices


def plan_notices(*, session: Session, ctx: SweepContext, kinds: set[str],
                 orgs: Collection[str] | None = None) -> PlanReport:
    """Insert the notices due by `as_of` (once each) and one digest outbox row per recipient.

    With `orgs` (a shard), only the occurrences those organisations hold, wherever their notices go
    (a unit's own reminders, its escalations to its superior or the issuer), and only those
    organisations' admins. Every organisation in exactly one shard, every notice is planned by exactly
    one shard; a recipient reached from several shards (a central body hearing of late work in every
    province) has one outbox row from each shard that has something for it, merged into one digest
    before any is sent (dondoc.app.digest_merge).
    """
    from dondoc.store.digests import BATCH, write_digests

    report = PlanReport()
    nf.refresh_on_new_rules(session, ctx)
    if kinds & {"failure", "unassigned"}:  # the admins' digest: failed deliveries, tasks with no office
        from dondoc.store.admin_digest import plan_admin

        plan_admin(session=session, ctx=ctx, report=report, kinds=kinds, orgs=orgs)
    clock = planmod.NoticeClock(ctx.ladders, ctx.cal)
    book = Book(session)
    due = due_occurrences(session=session, ctx=ctx, clock=clock, orgs=orgs)
    unresolved: set[str] = set()  # candidates' keys that found nobody: looked at again by the next sweep
    routed = _route(session, ctx, book, due, kinds, report, unresolved)
    occs = {d.occ.id: d.occ for d in due}
    # everything the digests read from the database, read now: from here on the writer thread holds the connection
    sent = sent_rungs(session, {c.occurrence_id: occs[c.occurrence_id] for pairs in routed.values() for c, _ in pairs
                                if c.kind in ("overdue", "escalation")})
    book.load_contacts({d.issuer_org for d in book.dispatches.values() if d.issuer_org})
    dates = nf.date_writes(_advance(clock, due, kinds, unresolved, ctx.as_of), len(routed) // BATCH + 1)
    with Writer(session) as writer:
        book.before_read = writer.drain
        try:
            write_digests(writer=writer, ctx=ctx, book=book, routed=routed, report=report, occs=occs, sent=sent,
                          dates=dates)
        finally:
            book.before_read = None
    return report


def due_occurrences(*, session: Session, ctx: SweepContext, clock: planmod.NoticeClock,
                    orgs: Collection[str] | None = None) -> list[Due]:
    """The open occurrences whose next notice date is `as_of` or earlier (through the index), with the
    candidates the level-triggered planner has for each on `as_of`; with `orgs`, those they hold. Read in
    one pass, in parts of 5,000 rows."""
    table, nxt = m.Occurrence.__table__, m.OccurrenceNext.__table__  # type: ignore[attr-defined]
    c, n = table.c, nxt.c
    reader = OccReader()
    cols = reader.columns(table, "ack_open")  # an Occ's columns, then this one
    # read as (id, org_code, next notice date, task_id, …the rest of an Occ…, ack_open, status): what alike
    # occurrences share is the row from its fourth column on, one slice. Through the index on the dates; the
    # occurrences no longer open get NO_NOTICE, once
    q = (sa_select(cols[0], cols[2], type_coerce(n.next_notice_at, String), cols[1], *cols[3:16], c.status)
         .select_from(nxt.join(table, c.id == n.occurrence_id)).where(n.next_notice_at <= ctx.as_of))
    if orgs is not None:
        q = q.where(among(session, n.org_code, sorted(orgs)))
    closed: nf.Updates = defaultdict(list)
    facts: dict[int, nf.TaskFacts] = {}
    out: list[Due] = []
    # the occurrences of one task, period and deadline share everything but their id and owner: converted once,
    # with the candidates the planner has for them that day
    alike: dict[tuple[Any, ...], tuple[tuple[Any, ...], planmod.OccurrenceView, list[planmod.Candidate]]] = {}
    day, as_of, owned = reader.day, ctx.as_of, planmod.owned
    # no ORDER BY: SQLite would walk every row by id to spare the sort; sorted here instead
    for part in partitions(session, q, nf.CHUNK):
        facts.update(nf.task_facts(session, {r[3] for r in part} - set(facts), ctx))
        for r in part:
            if r[17] != "open":
                closed[(day(r[2]), m.NO_NOTICE, None)].append(r[0])
                continue
            key = r[3:]  # plain values (notes as their JSON text): hashable as they come
            found = alike.get(key)
            if found is None:
                occ = reader.occ((r[0], r[3], r[1], *r[4:16]))
                view = nf.view(id=occ.id, task_id=occ.task_id, org_code=occ.org_code, kind=occ.kind,
                               event_key=occ.event_key, stated_due=occ.stated_due, effective_due=occ.effective_due,
                               extended_effective_due=occ.extended_effective_due, status="open",
                               ack_open=bool(r[16]), task=facts.get(occ.task_id), ctx=ctx)
                shape = clock.shape(view)
                found = alike[key] = (tuple(getattr(occ, f) for f in Occ.__slots__[3:]), shape,  # type: ignore[attr-defined]
                                      clock.shape_due(shape, as_of))
            fields, shape, cands = found
            out.append(Due(Occ(r[0], r[3], r[1], *fields), shape, day(r[2]),  # type: ignore[arg-type]
                           owned(cands, shape, id=r[0], org_code=r[1], task_id=r[3])))
    nf.write_next(session, closed)
    out.sort(key=lambda d: d.occ.id)
    return out


def _route(session: Session, ctx: SweepContext, book: Book, due: list[Due], kinds: set[str], report: PlanReport,
           unresolved: set[str]) -> Routed:
    """Each candidate of a kind planned now, to its recipients: the ladder's recipient resolved, then its
    contacts in the preferred role. One acknowledgement request per (task, owner) whose receipt is still
    unconfirmed, on its first occurrence (by date)."""
    book.load_tasks({d.occ.task_id for d in due})
    aimed: dict[tuple[Any, ...], tuple[str | None, str, str | None]] = {}  # target() by what it reads
    asks: list[tuple[planmod.Candidate, Due]] = []  # the acknowledgement requests planned now
    targets: list[tuple[planmod.Candidate, str | None, str, str | None]] = []
    acks: dict[tuple[int, str], list[tuple[date, int, planmod.Candidate, Due]]] = defaultdict(list)
    for d in due:
        for c in d.candidates:
            if c.kind not in kinds:
                continue
            if c.kind == "ack":
                acks[(d.occ.task_id, d.org_code)].append((d.occ.effective_due, d.occ.id, c, d))
                continue
            role = owner_role(c)
            if role is not None:  # to its own organisation (every reminder): nothing else to read
                targets.append((c, d.occ.org_code, role, None))
            else:
                targets.append((c, *_aim(book, aimed, c, d)))
    if acks:
        still = unconfirmed(session, acks.keys())
        close_acknowledgement(session, set(acks) - still)  # confirmed meanwhile: never asked again
        for pair in sorted(still):
            c, d = min(acks[pair], key=lambda a: (a[0], a[1]))[2:]  # type: ignore[misc]
            asks.append((c, d))
            targets.append((c, *_aim(book, aimed, c, d)))
    book.load_contacts({org for _, org, _, _ in targets if org is not None})
    routed: Routed = defaultdict(list)
    # (organisation, role) → the digests it goes to, with whom: looked up once each
    dests: dict[tuple[str, str], list[tuple[list[tuple[planmod.Candidate, Contact]], Contact]]] = {}
    for c, org, role, missing in targets:
        if org is None:
            report.no_address.append(missing or f"{c.org_code}: không có người nhận")
            unresolved.add(c.dedupe_key)
            continue
        dest = dests.get((org, role))
        if dest is None:
            dest = dests[(org, role)] = [(routed[(contact.email, org)], contact)
                                         for contact in recipients(book.contacts, org, prefer=role)]
        if not dest:
            report.no_address.append(f"{org}: không có địa chỉ thư")
            unresolved.add(c.dedupe_key)
            continue
        for notices, contact in dest:
            notices.append((c, contact))
    asked = {(d.occ.task_id, d.org_code) for c, d in asks if c.dedupe_key not in unresolved}
    close_acknowledgement(session, asked)  # planned now (or by an earlier sweep): asked once
    return routed


def _aim(book: Book, aimed: dict[tuple[Any, ...], tuple[str | None, str, str | None]], c: planmod.Candidate,
         d: Due) -> tuple[str | None, str, str | None]:
    """`target` of a candidate, remembered by what it reads."""
    key = (c.kind, c.to, d.occ.org_code, d.occ.upper_due is not None, d.occ.task_id)
    found = aimed.get(key)
    if found is None:
        found = aimed[key] = target(c, d.occ, book.tasks[d.occ.task_id].cascade_by, book.dispatch_of(d.occ.task_id),
                                    book.orgs)
    return found


def _advance(clock: planmod.NoticeClock, due: list[Due], kinds: set[str], unresolved: set[str],
             day: date) -> nf.Updates:
    """Each due occurrence's next notice date after this sweep (to be stored), unless something of its day was
    left for the next sweep (nobody to send it to, or a kind not planned now)."""
    updates: nf.Updates = defaultdict(list)
    # by shape (its id: every shape lives as long as `due`): whether every kind it has is planned now, its next date
    planned: dict[int, bool] = {}
    after: dict[int, tuple[date, str | None]] = {}
    for d in due:
        sid = id(d.shape)
        ok = planned.get(sid)
        if ok is None:
            ok = planned[sid] = all(c.kind in kinds for c in d.candidates)
        if not ok or (unresolved and any(c.dedupe_key in unresolved for c in d.candidates)):
            continue
        found = after.get(sid)
        if found is None:
            found = after[sid] = nf.stored(clock.after_sweep(d.shape, day))
        if found[0] != d.read:
            updates[(d.read, *found)].append(d.occ.id)
    return updates


def open_digest(session: Session, ctx: SweepContext, *, email: str, name: str, org_code: str | None,
                notices: list[tuple[str, dict[str, Any]]]) -> tuple[m.Outbox, set[str]] | None:
    """Start one recipient's digest: insert its notices once each (ON CONFLICT DO NOTHING on the
    dedupe key). Returns the row and the keys that are new, or None when every notice was already
    planned (by an earlier sweep, or by a concurrent one that committed first). For the admins' few."""
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


def close_digest(session: Session, row: m.Outbox, report: PlanReport, payload: dict[str, Any]) -> None:
    """Fill the digest and queue it."""
    row.payload = payload
    row.status = "pending"
    session.add(row)
    report.messages += 1
    report.notices += len(payload["items"])
    report.outbox_ids.append(row.id)
