"""Write a sweep's digests set-based: for a batch of recipients, their notices with INSERT … ON CONFLICT DO
NOTHING (bulk.insert_notices: a plain executemany on SQLite, unnest arrays on PostgreSQL), each naming the
digest it will go in by an id chosen beforehand; then the digests of those with something new, whole, in one
INSERT (an executemany on SQLite); the ladder's rungs at the end. Items are made once per task,
period and deadline (items.ItemMaker) and stored once as a part (dondoc.store.digest_parts), in the
batch that first names it; each owner's item names its part.

Exactly once comes from the notices' unique dedupe keys, as before: a recipient whose notices were all
planned already (by an earlier sweep, or a concurrent one that committed first) gets no digest.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlmodel import Session

from dondoc.notify.render import message_id_for
from dondoc.schedule import plan as planmod
from dondoc.store import models as m
from dondoc.store.bulk import insert_ignore, insert_notices, insert_rows
from dondoc.store.chase import recipients, sent_rungs, step_of
from dondoc.store.items import ItemMaker, escalation_item
from dondoc.store.notice_facts import chunks
from dondoc.store.records import Book, Contact, Occ, occurrences

if TYPE_CHECKING:
    from dondoc.store.planning import PlanReport, Routed
    from dondoc.store.sweep import SweepContext

BATCH = 2000  # recipients written together (their payloads are built, written and dropped batch by batch)


def write_digests(*, session: Session, ctx: SweepContext, book: Book, routed: Routed, report: PlanReport,
                  occs: dict[int, Occ] | None = None) -> None:
    """One digest per recipient (email, organisation) with its new notices; rungs of the ladder recorded.
    `occs`: the occurrences' rows when the caller has read them (else they are read batch by batch)."""
    rungs: dict[tuple[int, str], str] = {}  # (occurrence, step) → to_org: inserted once all digests are built
    items = ItemMaker()
    for batch in chunks(sorted(routed.items()), BATCH):
        _write_batch(session, ctx, book, items, batch, report, rungs, occs)
    rows = [dict(occurrence_id=occ_id, step=step, as_of=ctx.as_of, to_org=to_org, created_at=m.utcnow())
            for (occ_id, step), to_org in sorted(rungs.items())]
    for part in chunks(rows, 1000):
        insert_ignore(session, m.Escalation, part)


def _write_batch(session: Session, ctx: SweepContext, book: Book, items: ItemMaker,
                 batch: list[tuple[tuple[str, str], list[tuple[planmod.Candidate, Contact]]]],
                 report: PlanReport, rungs: dict[tuple[int, str], str], known: dict[int, Occ] | None) -> None:
    """The notices first, each digest's id chosen beforehand; then, for the recipients with something new, their
    digests whole (payload and all) in one INSERT: no row written twice, none written to be deleted."""
    now = m.utcnow()
    oids: list[str] = []
    notices: list[tuple[Any, ...]] = []  # in bulk.NOTICE_COLUMNS order
    for (email, _), pairs in batch:
        oid = m.new_id()
        oids.append(oid)
        notices += [(f"{c.dedupe_key}:{email}", c.kind, c.occurrence_id, c.rung, email, oid) for c, _ in pairs]
    # sorted keys: two sweeps at once meet on their notices in the same order (no deadlock on PostgreSQL)
    notices.sort()
    new_keys = insert_notices(session, notices, now, oids)
    fresh_of = [[c for c, _ in pairs if new_keys is None or f"{c.dedupe_key}:{email}" in new_keys]
                for (email, _), pairs in batch]
    occs = known if known is not None else occurrences(session, {c.occurrence_id for fresh in fresh_of for c in fresh})
    chased = {c.occurrence_id: occs[c.occurrence_id] for fresh in fresh_of for c in fresh
              if c.kind in ("overdue", "escalation")}
    sent = sent_rungs(session, chased)
    outbox: list[dict[str, Any]] = []
    for ((email, org_code), pairs), oid, fresh in zip(batch, oids, fresh_of):
        if not fresh:  # every notice planned before (by an earlier sweep, or a concurrent one that committed first)
            continue
        payload = _payload(ctx, book, items, org_code, pairs[0][1], fresh, occs, sent, rungs, report)
        outbox.append(dict(id=oid, recipient_email=email, recipient_name=pairs[0][1].name, org_code=org_code,
                           as_of=ctx.as_of, payload=payload, status="pending", attempts=0,
                           next_attempt_at=ctx.day_starts, claim_token=None, claim_expires_at=None,
                           message_id=message_id_for(oid, ctx.mail_domain), sent_at=None, last_error=None,
                           created_at=now))
        report.messages += 1
        report.notices += len(payload["items"])
        report.outbox_ids.append(oid)
    made = items.take_parts()  # stored with the payloads naming them, in the same transaction
    if made:
        insert_ignore(session, m.DigestPart, [dict(key=k, body=b, created_at=now) for k, b in sorted(made.items())])
    insert_rows(session, m.Outbox.__table__, outbox)  # type: ignore[attr-defined]


def _payload(ctx: SweepContext, book: Book, maker: ItemMaker, org_code: str, contact: Contact, fresh: list[planmod.Candidate],
             occs: dict[int, Occ], sent: dict[int, list[tuple[int, str, date]]],
             rungs: dict[tuple[int, str], str], report: PlanReport) -> dict[str, Any]:
    """One recipient's digest: its items (an escalation in one block per task and period), whom to reply to."""
    items: list[dict[str, Any]] = []
    blocks: dict[tuple[int, str], list[planmod.Candidate]] = defaultdict(list)
    by_kind = report.by_kind
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
