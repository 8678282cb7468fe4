"""Which of a shard's people the shard may send to itself: those no other shard can write to today.

A shard plans the notices of the work its organisations hold, wherever they go. Most go to the
holders themselves; the escalation ladder also goes up, to the holder's superior (`parent_head`)
and to the office waiting for the work (`issuer_office`: a cascade's consolidator, else the issuer).
A recipient that late work held elsewhere can reach today would get one digest from each shard if
every shard sent what it planned. So a shard sends only to its own organisations that nobody outside
it can reach today, and leaves the others to the final delivery after every shard has planned
(flows/nation.py), which merges their rows into one digest each (dondoc.app.digest_merge).

"Can reach today", from the data, in three queries: open report and action occurrences held outside
the shard whose next notice date has come and whose deadline has passed (the ladder starts after
it); their holders' parents, their dispatches' issuers and their tasks' consolidators (as the
directory's successions hold them now), as far as the configured ladder goes there. An admin whose
address is also an admin's elsewhere is shared too (the admins' digest goes by address).

The answer holds whenever it is asked: work planned already by another shard has its next notice
date moved on, but then its rows are written, and a delivery merges every queued row of a recipient.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import and_, func, not_, select
from sqlalchemy.engine import Engine
from sqlmodel import col

from dondoc.schedule.ladder import Rung
from dondoc.store import models as m
from dondoc.store.bulk import among
from dondoc.store.db import session_scope

CHASED = ("report", "action")  # what the ladder chases (dondoc.schedule.plan.CHASED_KINDS)


def _escalating(s: Any, orgs: frozenset[str], as_of: date) -> Any:
    """Open, chased occurrences held outside `orgs` whose notice is due and whose deadline has passed."""
    o, n = m.Occurrence, m.OccurrenceNext
    due = select(col(n.occurrence_id)).where(col(n.next_notice_at) <= as_of, not_(among(s, col(n.org_code), sorted(orgs))))
    return and_(col(o.id).in_(due), col(o.status) == "open", col(o.kind).in_(CHASED),
                func.coalesce(col(o.extended_effective_due), col(o.effective_due)) < as_of,
                not_(among(s, col(o.org_code), sorted(orgs))))


def _holder(code: str, succession: dict[str, tuple[Any, str | None]]) -> str:
    """The organisation that holds a consolidator's work now: an ended one's successor, and on."""
    seen: set[str] = set()
    while code in succession and code not in seen:
        seen.add(code)
        valid_to, successor = succession[code]
        if valid_to is None or successor is None:
            return code
        code = successor
    return code


def reached_from_outside(*, engine: Engine, orgs: frozenset[str], as_of: date,
                         ladder: Iterable[Rung]) -> frozenset[str]:
    """The organisations of `orgs` that work held outside them may send notices to on `as_of`."""
    tos = {r.to for r in ladder}
    o, t, d, org, c = m.Occurrence, m.Task, m.Dispatch, m.Organization, m.Contact
    found: set[str] = set()
    with session_scope(engine) as s:
        late = _escalating(s, orgs, as_of)
        if "parent_head" in tos:
            found |= {p for (p,) in s.execute(
                select(col(org.parent)).distinct().join(o, col(o.org_code) == col(org.code))
                .where(late, col(org.parent).is_not(None))).all()}
        if "issuer_office" in tos:
            rows = s.execute(select(col(d.issuer_org), col(t.cascade_by), col(o.upper_due).is_not(None)).distinct()
                             .join(t, col(t.id) == col(o.task_id)).join(d, col(d.id) == col(t.dispatch_id))
                             .where(late)).all()
            found |= {issuer for issuer, _, _ in rows if issuer}
            consolidators = {by for _, by, cascaded in rows if by and cascaded}
            if consolidators:
                succession = {code: (valid_to, successor) for code, valid_to, successor in s.execute(
                    select(col(org.code), col(org.valid_to), col(org.successor))).all()}
                found |= {_holder(by, succession) for by in consolidators}
        mine = sorted(orgs)
        elsewhere = (select(col(c.email)).where(col(c.role) == "admin", not_(among(s, col(c.org_code), mine)))
                     )
        found |= {code for (code,) in s.execute(
            select(col(c.org_code)).distinct().where(col(c.role) == "admin", among(s, col(c.org_code), mine),
                                                     col(c.email).in_(elsewhere))).all()}
    return frozenset(found) & orgs


def own_recipients(*, engine: Engine, orgs: frozenset[str], as_of: date, ladder: Iterable[Rung]) -> frozenset[str]:
    """The organisations of a shard whose people only this shard writes to on `as_of`: what it sends itself."""
    return orgs - reached_from_outside(engine=engine, orgs=orgs, as_of=as_of, ladder=ladder)
