"""Write a sweep's digests set-based: for a batch of recipients, their notices with INSERT … ON CONFLICT DO
NOTHING (bulk.insert_notices: unnest arrays on PostgreSQL, one JSON text on SQLite), each naming the
digest it will go in by an id chosen beforehand; then the digests of those with something new, whole, in one
INSERT; the ladder's rungs at the end. Items are made once per task, period and deadline (items.ItemMaker)
and stored once as a part (dondoc.store.digest_parts), in the batch that first names it; each owner's item
names its part.

Every write goes through the sweep's writer thread (dondoc.store.writer), so that the database writes one
batch while the planner composes the next: a batch's digests are composed while its notices are inserted,
on the guess that they are all new (a busy day's are), and composed again from those that are when some
were planned before. A part made for a notice that turned out old is stored all the same (a part is
content, named by its digest: an unused one misleads nobody).

Exactly once comes from the notices' unique dedupe keys, as before: a recipient whose notices were all
planned already (by an earlier sweep, or a concurrent one that committed first) gets no digest.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import Connection

from dondoc.notify.render import message_id_for
from dondoc.schedule import plan as planmod
from dondoc.store import models as m
from dondoc.store.bulk import insert_ignore, insert_notices, notice_writes, rows_write
from dondoc.store.chase import recipients, step_of
from dondoc.store.items import ItemMaker, SentRung, escalation_item
from dondoc.store.notice_facts import chunks
from dondoc.store.records import Book, Contact, Occ
from dondoc.store.writer import Writer

if TYPE_CHECKING:
    from dondoc.store.planning import PlanReport, Routed
    from dondoc.store.sweep import SweepContext

BATCH = 2000  # recipients written together (their payloads are built, written and dropped batch by batch)
AHEAD = 2  # batches whose notices are handed to the writer before the batch being composed


@dataclass
class _Composed:
    """One batch's digests as composed, with what they add to the report: applied once the batch's notices are
    known to be new."""

    outbox: list[dict[str, Any]] = field(default_factory=list)
    by_kind: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    rungs: dict[tuple[int, str], str] = field(default_factory=dict)
    notices: int = 0


def write_digests(*, writer: Writer, ctx: SweepContext, book: Book, routed: Routed, report: PlanReport,
                  occs: dict[int, Occ], sent: dict[int, list[SentRung]],
                  dates: Sequence[Callable[[Connection], None]] = ()) -> None:
    """One digest per recipient (email, organisation) with its new notices; rungs of the ladder recorded.
    `occs`: the occurrences' rows; `sent`: the rungs sent before, for every occurrence chased (chase.sent_rungs,
    read before the writer starts). Every write goes through `writer`, in order: each batch's notices handed
    over ahead of the batch being composed; each of `dates` (the next notice dates' writes, in slices) after a
    batch's notices, so that the writer always has something to do while the batch is composed."""
    rungs: dict[tuple[int, str], str] = {}  # (occurrence, step) → to_org: inserted once all digests are built
    items = ItemMaker()
    now = m.utcnow()
    batches = list(chunks(sorted(routed.items()), BATCH))
    dates = list(dates)
    ahead: deque[tuple[list[str], Future[set[str] | None]]] = deque()

    def hand(i: int) -> None:  # batch i's notices to the writer, then a slice of the dates
        if i < len(batches):
            ahead.append(_hand_notices(writer, batches[i], now))
        if dates:
            writer.submit(dates.pop(0))

    for i in range(AHEAD):
        hand(i)
    for i, batch in enumerate(batches):
        hand(i + AHEAD)
        oids, new = ahead.popleft()
        # optimistically, every notice new (a busy day: all of them); composed again when some were planned before
        composed = _compose(ctx, book, items, batch, oids, None, occs, sent, now)
        new_keys = new.result()
        if new_keys is not None:
            composed = _compose(ctx, book, items, batch, oids, new_keys, occs, sent, now)
        for k, n in composed.by_kind.items():
            report.by_kind[k] += n
        for key, to_org in composed.rungs.items():
            rungs.setdefault(key, to_org)
        report.messages += len(composed.outbox)
        report.notices += composed.notices
        report.outbox_ids += [row["id"] for row in composed.outbox]
        # the digests' statement built here (its payloads encoded), run by the writer
        writer.submit(_write_outbox, items.take_parts(), rows_write(writer.conn.dialect, m.Outbox.__table__,  # type: ignore[attr-defined]
                                                                    composed.outbox), now)
    for write in dates:
        writer.submit(write)
    rows = [dict(occurrence_id=occ_id, step=step, as_of=ctx.as_of, to_org=to_org, created_at=now)
            for (occ_id, step), to_org in sorted(rungs.items())]
    for part in chunks(rows, 1000):
        writer.submit(insert_ignore, m.Escalation, part)


def _hand_notices(writer: Writer, batch: list[tuple[tuple[str, str], list[tuple[planmod.Candidate, Contact]]]],
                  now: datetime) -> tuple[list[str], Future[set[str] | None]]:
    """A batch's notices to the writer, each naming its digest by an id chosen now; the future gives the keys that
    are new (None: all of them)."""
    oids: list[str] = []
    notices: list[tuple[Any, ...]] = []  # in bulk.NOTICE_COLUMNS order
    for (email, _), pairs in batch:
        oid = m.new_id()
        oids.append(oid)
        notices += [(f"{c.dedupe_key}:{email}", c.kind, c.occurrence_id, c.rung, email, oid) for c, _ in pairs]
    # sorted keys: two sweeps at once meet on their notices in the same order (no deadlock on PostgreSQL)
    notices.sort()
    # the statements' texts built here (the planning thread has time while the writer works), run there
    return oids, writer.submit(insert_notices, notice_writes(writer.conn.dialect, notices, now), oids)


def _compose(ctx: SweepContext, book: Book, items: ItemMaker,
             batch: list[tuple[tuple[str, str], list[tuple[planmod.Candidate, Contact]]]], oids: list[str],
             new_keys: set[str] | None, occs: dict[int, Occ], sent: dict[int, list[SentRung]],
             now: datetime) -> _Composed:
    """The batch's digests, for the recipients with something new (`new_keys`; None: every notice is new)."""
    out = _Composed()
    for ((email, org_code), pairs), oid in zip(batch, oids):
        fresh = [c for c, _ in pairs if new_keys is None or f"{c.dedupe_key}:{email}" in new_keys]
        if not fresh:  # every notice planned before (by an earlier sweep, or a concurrent one that committed first)
            continue
        payload = _payload(ctx, book, items, org_code, pairs[0][1], fresh, occs, sent, out)
        out.outbox.append(dict(id=oid, recipient_email=email, recipient_name=pairs[0][1].name, org_code=org_code,
                               as_of=ctx.as_of, payload=payload, status="pending", attempts=0,
                               next_attempt_at=ctx.day_starts, claim_token=None, claim_expires_at=None,
                               message_id=message_id_for(oid, ctx.mail_domain), sent_at=None, last_error=None,
                               created_at=now))
        out.notices += len(payload["items"])
    return out


def _write_outbox(conn: Connection, parts: dict[str, dict[str, Any]], outbox: Callable[[Connection], Any],
                  now: datetime) -> None:
    """A batch's new parts, then its digests whole (payload and all, bulk.rows_write), in one INSERT each."""
    if parts:  # stored with the payloads naming them, in the same transaction
        insert_ignore(conn, m.DigestPart, [dict(key=k, body=b, created_at=now) for k, b in sorted(parts.items())])
    outbox(conn)


def _payload(ctx: SweepContext, book: Book, maker: ItemMaker, org_code: str, contact: Contact, fresh: list[planmod.Candidate],
             occs: dict[int, Occ], sent: dict[int, list[SentRung]], out: _Composed) -> dict[str, Any]:
    """One recipient's digest: its items (an escalation in one block per task and period), whom to reply to."""
    items: list[dict[str, Any]] = []
    blocks: dict[tuple[int, str], list[planmod.Candidate]] = defaultdict(list)
    by_kind, rungs = out.by_kind, out.rungs
    for c in fresh:
        occ = occs[c.occurrence_id]
        by_kind[c.kind] += 1
        if c.kind in ("overdue", "escalation"):
            rungs.setdefault((occ.id, step_of(c, occ)), org_code)
            if c.kind == "escalation":
                blocks[(occ.task_id, occ.period)].append(c)
                continue
        items.append(maker.item(c, occ, book, ctx, sent=sent))  # type: ignore[arg-type]
    for (task_id, _), group in blocks.items():
        late = [(c, occs[c.occurrence_id], sent.get(c.occurrence_id, [])) for c in group]
        items.append(escalation_item(late, book.tasks[task_id], book.dispatch_of(task_id), book.orgs,  # type: ignore[arg-type]
                                     ctx))
    first_dispatch = book.dispatch_of(occs[fresh[0].occurrence_id].task_id)
    issuer_org = book.orgs.get(first_dispatch.issuer_org or "")
    if issuer_org is not None and issuer_org.code not in book.contacts:
        book.load_contacts([issuer_org.code])
    reply = recipients(book.contacts, issuer_org.code, prefer="coordinator") if issuer_org else []
    to_org = book.orgs.get(org_code)
    return {"recipient_name": contact.name, "org_name": to_org.name if to_org else org_code,
            "as_of": ctx.as_of.isoformat(), "issuer": issuer_org.name if issuer_org else first_dispatch.issuer,
            "reply_to": reply[0].email if reply else None, "items": items}
