"""The dashboards' data on one day, read from the store in a handful of set-based statements."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from dondoc.app.dashboards import (Counts, DispatchInfo, Item, Org, Overdue, Preparing, Snapshot)
from dondoc.app.dashboards.lists import NAMED, OBSERVANCE_DAYS, OVERDUE_CAP
from dondoc.schedule.observances import observance_days
from dondoc.settings import Settings
from dondoc.store import dashboard as q
from dondoc.store.db import session_scope


def snapshot(settings: Settings, as_of: date) -> Snapshot:
    """Everything the dashboards of `as_of` show, in one read transaction."""
    from dondoc.app.steps import catalog, engine

    against = settings.on_time_against
    days = observance_days(catalog(settings), between=(as_of, as_of + timedelta(days=OBSERVANCE_DAYS)))
    with session_scope(engine(settings)) as s:
        orgs = [Org(r.code, r.name, r.level, r.parent, r.active) for r in q.organisations(session=s, as_of=as_of)]
        tallies = q.tallies(session=s, as_of=as_of, against=against)
        worst = q.worst_overdue(session=s, as_of=as_of, against=against, limit=OVERDUE_CAP)
        prep = q.preparers(session=s, periods=sorted({f"{d.day.year}@{d.key}" for d in days}), first=NAMED)
        dispatches, items = q.dispatch_items(session=s, as_of=as_of, against=against)
        province = q.installation_province(session=s)
    counts = {t.org_code: Counts(t.on_time, t.late, t.open, t.overdue, t.unacknowledged) for t in tallies}
    by_org = {t.org_code: (t.overdue, t.oldest_overdue) for t in tallies if t.overdue and t.oldest_overdue}
    firsts: dict[tuple[str, str], list[str]] = defaultdict(list)
    sizes: dict[tuple[str, str], int] = {}
    for p in prep:
        firsts[(p.event_key, p.period)].append(p.org_code)
        sizes[(p.event_key, p.period)] = p.holders
    per_dispatch: dict[str, list[Item]] = defaultdict(list)
    for i in items:
        per_dispatch[i.dispatch_id].append(Item(i.key, i.title, i.kind, i.orgs, Counts(i.on_time, i.late, i.open, i.overdue)))
    return Snapshot(
        as_of=as_of, against=against, orgs=orgs, counts=counts,
        overdue=[Overdue(o.occurrence_id, o.org_code, o.dispatch, o.key, o.title, o.period, o.due) for o in worst],
        overdue_by_org=by_org, observances=days,
        preparing={k: Preparing(sizes[k], tuple(v)) for k, v in firsts.items()},
        dispatches=[(DispatchInfo(d.id, d.identity, d.number, d.issuer, d.issued_on, d.subject), per_dispatch[d.id])
                    for d in sorted(dispatches, key=lambda d: (d.number or "", d.id)) if per_dispatch.get(d.id)],
        levels=frozenset(settings.board_levels), province=province,
    )
