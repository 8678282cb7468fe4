"""Who each notice goes to, which rungs were already sent, and whose receipt is still unconfirmed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from datetime import date
from typing import Protocol, TypeVar

from sqlalchemy import select as sa_select, tuple_, update
from sqlmodel import Session, col, select

from dondoc.schedule import plan as planmod
from dondoc.store import models as m
from dondoc.store.items import SentRung
from dondoc.store.notice_facts import chunks, received_day
from dondoc.store.records import DispatchLike, OccurrenceLike, OrgLike
from dondoc.store.bulk import among


class ContactLike(Protocol):
    @property
    def email(self) -> str: ...
    @property
    def role(self) -> str: ...


C = TypeVar("C", bound=ContactLike)


class Owned(Protocol):
    """What the ladder's recipient depends on of an occurrence: its owner, and whether it is a cascade's part."""

    @property
    def org_code(self) -> str: ...
    @property
    def upper_due(self) -> date | None: ...


def recipients(contacts: Mapping[str, Sequence[C]], org_code: str, *, prefer: str) -> list[C]:
    """The organisation's contacts in the preferred role, or all of them (admins aside) when it has none."""
    mine = [c for c in contacts.get(org_code, []) if c.role != "admin"]
    return [c for c in mine if c.role == prefer] or mine


def owner_role(c: planmod.Candidate) -> str | None:
    """The role a candidate asks for at its own organisation, when it goes there (every reminder, and the
    ladder's rungs to the owner); None when the ladder sends it elsewhere."""
    if c.kind in ("reminder", "observance", "overdue", "ack") or c.to == "owner_coordinator":
        return "coordinator"
    if c.to == "owner_head":
        return "head"
    return None


def target(c: planmod.Candidate, occ: Owned, cascade_by: str | None, d: DispatchLike,
           orgs: Mapping[str, OrgLike]) -> tuple[str | None, str, str | None]:
    """(organisation, preferred role, why nobody) for a candidate: the ladder's recipient resolved."""
    owner = occ.org_code
    role = owner_role(c)
    if role is not None:
        return owner, role, None
    if c.to == "parent_head":
        parent = orgs[owner].parent if owner in orgs else None
        return parent, "head", None if parent else f"{owner}: không có cơ quan cấp trên (parent) để báo cáo"
    # issuer_office: whoever waits for the work: the consolidator of a cascaded report, else the issuer
    if occ.upper_due is not None and cascade_by:
        holder = _holder(cascade_by, orgs)
        if holder and holder != owner:
            return holder, "coordinator", None
    if d.issuer_org:
        return d.issuer_org, "coordinator", None
    return None, "coordinator", f"{d.number or d.id[:8]}: không xác định được cơ quan ban hành (issuer_org)"


def _holder(code: str, orgs: Mapping[str, OrgLike]) -> str | None:
    seen: set[str] = set()
    while code in orgs and code not in seen:
        seen.add(code)
        o = orgs[code]
        if o.valid_to is None or o.successor is None:
            return code
        code = o.successor
    return code if code in orgs else None


def sent_rungs(session: Session, occs: Mapping[int, OccurrenceLike]) -> dict[int, list[SentRung]]:
    """The ladder's rungs already planned for each occurrence, for its current deadline (step "days:to[@due]")."""
    out: dict[int, list[SentRung]] = defaultdict(list)
    for part in chunks(sorted(occs)):
        rows = session.execute(sa_select(col(m.Escalation.occurrence_id), col(m.Escalation.step), col(m.Escalation.as_of))
                            .where(among(session, col(m.Escalation.occurrence_id), part))).all()
        for occurrence_id, step, as_of in rows:
            head, _, extended = step.partition("@")
            days, _, to = head.partition(":")
            occ = occs.get(occurrence_id)
            if not days.isdigit() or not to or occ is None:
                continue
            current = occ.extended_effective_due.isoformat() if occ.extended_effective_due else ""
            if extended == current:
                out[occurrence_id].append((int(days), to, as_of))
    return out


def step_of(c: planmod.Candidate, occ: OccurrenceLike) -> str:
    """The escalation table's record of a rung: which rung, for which deadline."""
    suffix = f"@{occ.extended_effective_due.isoformat()}" if occ.extended_effective_due else ""
    return f"{c.rung}:{c.to}{suffix}"


def unconfirmed(session: Session, pairs: Collection[tuple[int, str]]) -> set[tuple[int, str]]:
    """The (task, owner) pairs among these whose receipt is neither acknowledged nor shown by work done."""
    known: set[tuple[int, str]] = set()
    pending = sorted(pairs)
    for part in chunks(pending, 500):
        known |= {(t, o) for t, o in session.exec(select(m.Acknowledgement.task_id, m.Acknowledgement.org_code)
                                                  .where(tuple_(col(m.Acknowledgement.task_id),
                                                                col(m.Acknowledgement.org_code)).in_(part))).all()}
    for part in chunks([p for p in pending if p not in known], 500):
        known |= {(t, o) for t, o in session.exec(
            select(m.Occurrence.task_id, m.Occurrence.org_code).distinct()
            .where(m.Occurrence.status == "submitted",
                   tuple_(col(m.Occurrence.task_id), col(m.Occurrence.org_code)).in_(part))).all()}
    return set(pending) - known


def close_acknowledgement(session: Session, pairs: Collection[tuple[int, str]]) -> None:
    """Mark these pairs' occurrences: their owner's receipt is confirmed, or it has been asked for."""
    table = m.Occurrence.__table__  # type: ignore[attr-defined]
    for part in chunks(sorted(pairs), 500):
        session.execute(update(table).where(tuple_(table.c.task_id, table.c.org_code).in_(part),
                                            table.c.ack_open.is_(True)).values(ack_open=False))


def received_on(d: DispatchLike, tz: str) -> date:
    """When the owners got the task: the day the dispatch arrived (`load --received`), else the local day
    it was loaded. A dispatch loaded late is new to its owners from then on, not from its own date."""
    return received_day(d.received_on, d.loaded_at, tz)
