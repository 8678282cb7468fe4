"""One digest per recipient and day, however many plans wrote to them: merge their queued rows before sending.

A shard of the distributed sweep plans the notices of the work its organisations hold, wherever they
go, so a body that hears from several shards (a ministry, an issuer's office) finds one outbox row per
shard in the morning; two sweeps at once may also split a recipient's notices between them. Before a
delivery claims anything, the rows of one recipient (email, organisation) and day that were never tried
are merged into one: their items together (an escalation about the same task and period in one block,
its late units from every row), the notices pointing at the merged row, the others deleted, all in one
transaction. The notices do not change, so exactly-once is untouched: a notice is in one row, and a row
is sent once.

`merge_payloads` is pure (payloads in, payload out); `merge_pending` does it in the database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.engine import Engine
from sqlmodel import col

from dondoc.store import models as m
from dondoc.store.bulk import among
from dondoc.store.db import session_scope

TaskOf = Callable[[int], tuple[int, str] | None]  # occurrence id → (task id, period)
_LAST = float("inf")


def chunks(items: list[Any], size: int = 1000) -> list[list[Any]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _occurrences(item: dict[str, Any]) -> list[int]:
    """The occurrences an item is about: its own, or its late units' (an escalation block)."""
    units = item.get("units") or []
    ids = [u["occurrence_id"] for u in units if u.get("occurrence_id") is not None]
    own = item.get("occurrence_id")
    return ids or ([own] if own is not None else [])


def _order(item: dict[str, Any]) -> tuple[bool, float]:
    """The order a sweep meets its notices in: by occurrence, acknowledgement requests last."""
    return item.get("kind") == "ack", min(_occurrences(item), default=_LAST)


def _merge_blocks(blocks: list[dict[str, Any]]) -> dict[str, Any]:
    """Escalation blocks about one task and period, as one sweep writes them: every late unit once, worst
    first; the block's own facts from its first unit's block, the earliest deadline among the units."""
    units: dict[Any, dict[str, Any]] = {}
    for block in blocks:
        for unit in block.get("units") or []:
            units.setdefault(unit.get("occurrence_id") or unit.get("org_code"), unit)
    ordered = sorted(units.values(), key=lambda u: (-int(u.get("days_late") or 0), u.get("name") or ""))
    first = ordered[0] if ordered else None
    head = next((b for b in blocks if first is not None and first in (b.get("units") or [])), blocks[0])
    merged = {**head, "units": ordered}
    dues = [u["due"] for u in ordered if u.get("due")]
    if dues:
        merged["due_effective"] = min(dues)
    if first is not None and first.get("occurrence_id") is not None:
        merged["occurrence_id"] = first["occurrence_id"]
    return merged


def merge_payloads(payloads: Sequence[dict[str, Any]], task_of: TaskOf) -> dict[str, Any]:
    """One digest's payload from several of the same recipient and day: the heading (issuer, whom to
    reply to) of the one holding the earliest notice, its items in the order a sweep writes them,
    escalation blocks about the same task and period merged."""
    if not payloads:
        raise ValueError("nothing to merge")
    head = min(payloads, key=lambda p: min((_order(i) for i in p.get("items", [])), default=(True, _LAST)))
    plain: list[dict[str, Any]] = []
    blocks: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for payload in payloads:
        for it in payload.get("items", []):
            if it.get("kind") != "escalation":
                plain.append(it)
                continue
            occs = _occurrences(it)
            key = task_of(occs[0]) if occs else None
            blocks[key if key is not None else ("item", id(it))].append(it)
    merged_blocks = sorted((_merge_blocks(group) for group in blocks.values()), key=_order)
    return {**head, "items": sorted(plain, key=_order) + merged_blocks}


def _due_rows(t: Any, now: datetime, orgs: frozenset[str] | None) -> Any:
    """Queued rows of the outbox table `t` never tried yet (a retried row keeps its message as it was),
    due by `now`; with `orgs`, to those organisations' people."""
    cond = (t.c.status == "pending") & (t.c.attempts == 0) & (t.c.next_attempt_at <= now)
    return cond if orgs is None else cond & t.c.org_code.in_(sorted(orgs))


def merge_pending(*, engine: Engine, now: datetime, orgs: frozenset[str] | None = None) -> int:
    """Merge the queued rows of each recipient and day into one (with `orgs`, only the rows to those
    organisations' people); returns how many rows were merged away. One transaction: the rows of the
    recipients with several are locked in id order (two mergers at once wait, never deadlock) and
    merged; a row a sender claimed meanwhile is no longer queued and goes as it is."""
    t = m.Outbox.__table__  # type: ignore[attr-defined]
    # one scan, no join: a join's plan on a table just filled (stale statistics) can go quadratic
    inner = select(t.c.id, func.count().over(partition_by=(t.c.recipient_email, func.coalesce(t.c.org_code, ""),
                                                           t.c.as_of)).label("n")).where(_due_rows(t, now, orgs))
    shared = inner.subquery()
    with session_scope(engine) as s:
        conn = s.connection()
        ids = sorted(conn.execute(select(shared.c.id).where(shared.c.n > 1)).scalars())
        by_group: dict[tuple[str, str, date], list[Any]] = defaultdict(list)
        for part in chunks(ids, 5000):
            q = (select(t.c.id, t.c.recipient_email, t.c.org_code, t.c.as_of, t.c.payload, t.c.created_at)
                 .where(among(s, t.c.id, part), _due_rows(t, now, orgs)).order_by(t.c.id))
            if s.get_bind().dialect.name == "postgresql":
                q = q.with_for_update()
            for r in conn.execute(q).all():
                by_group[(r.recipient_email, r.org_code or "", r.as_of)].append(r)
        groups = [grp for grp in by_group.values() if len(grp) > 1]
        return _merge(s, groups) if groups else 0


def _merge(s: Any, groups: list[list[Any]]) -> int:
    """Each group's payloads into its latest row, the notices moved there, the other rows deleted."""
    t, n = m.Outbox.__table__, m.Notice.__table__  # type: ignore[attr-defined]
    conn = s.connection()
    occs = {o for grp in groups for r in grp for it in r.payload.get("items", []) if it.get("kind") == "escalation"
            for o in _occurrences(it)}
    where: dict[int, tuple[int, str]] = {}
    for ids in chunks(sorted(occs)):
        where.update({i: (task, period) for i, task, period in conn.execute(
            select(col(m.Occurrence.id), col(m.Occurrence.task_id), col(m.Occurrence.period))
            .where(among(s, col(m.Occurrence.id), ids))).all()})
    payloads: list[dict[str, Any]] = []
    moves: list[dict[str, Any]] = []
    for group in groups:
        keep = max(group, key=lambda r: (r.created_at, r.id))  # the latest plan's row: what its report names
        payloads.append({"b_id": keep.id, "b_payload": merge_payloads([r.payload for r in group], where.get)})
        moves += [{"b_from": r.id, "b_to": keep.id} for r in group if r.id != keep.id]
    conn.execute(update(t).where(t.c.id == bindparam("b_id")).values(payload=bindparam("b_payload")), payloads)
    conn.execute(update(n).where(n.c.outbox_id == bindparam("b_from")).values(outbox_id=bindparam("b_to")), moves)
    for ids in chunks([mv["b_from"] for mv in moves], 500):
        conn.execute(delete(t).where(t.c.id.in_(ids)))
    return len(moves)
