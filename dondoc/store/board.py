"""The compliance board: per organisation, the four buckets of Vietnamese task statistics.

The board and `dondoc tasks list` count an occurrence by one rule (`buckets.board_bucket`), so the
two views always agree; observances are counted in neither.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from dondoc.schedule import buckets
from dondoc.store import models as m


@dataclass
class BoardRow:
    org_code: str
    org_name: str
    on_time: int = 0
    late: int = 0
    open: int = 0
    overdue: int = 0
    unacknowledged: int = 0  # tasks it holds open work of and has not confirmed receiving

    @property
    def rate(self) -> float | None:
        """Tỉ lệ đúng hạn = đúng hạn / (đúng hạn + quá hạn + quá hạn chưa hoàn thành)."""
        return buckets.on_time_rate(on_time=self.on_time, late=self.late, overdue=self.overdue)


def board(*, session: Session, as_of: date, against: str = "extended") -> list[BoardRow]:
    """Per organisation, the four buckets for the occurrences due by `as_of` and open ones due within
    the next BOARD_AHEAD_DAYS, judged on-time against the extended deadline or the original one."""
    orgs = {o.code: o for o in session.exec(select(m.Organization)).all()}
    rows: dict[str, BoardRow] = {}

    def row(code: str) -> BoardRow:
        return rows.setdefault(code, BoardRow(code, orgs[code].name if code in orgs else code))

    # a replaced dispatch's tasks are inactive: what they held was carried over to the new version
    occs = session.exec(select(m.Occurrence).join(m.Task, col(m.Task.id) == col(m.Occurrence.task_id))
                        .where(m.Task.active == True, m.Occurrence.kind != "event",  # noqa: E712
                               m.Occurrence.status != "cancelled")).all()
    holding: set[tuple[int, str]] = set()
    for o in occs:
        b = buckets.board_bucket(kind=o.kind, effective_due=o.effective_due, extended_due=o.extended_effective_due,
                                 status=o.status, submitted_at=o.submitted_at, as_of=as_of, against=against)
        if b is None:
            continue
        r = row(o.org_code)
        setattr(r, b, getattr(r, b) + 1)
        if b in ("open", "overdue"):
            holding.add((o.task_id, o.org_code))
    if holding:
        tasks = {t for t, _ in holding}
        acked = set(session.exec(select(m.Acknowledgement.task_id, m.Acknowledgement.org_code)
                                 .where(col(m.Acknowledgement.task_id).in_(tasks))).all())
        done = {(o.task_id, o.org_code) for o in occs if o.status == "submitted"}
        for key in holding - acked - done:
            row(key[1]).unacknowledged += 1
    return sorted(rows.values(), key=lambda r: (-r.overdue, r.org_name))
