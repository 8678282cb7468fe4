"""The escalation ladder and the acknowledgement reminder (pure: dates and calendars in, dates out).

Work that is late is chased up a ladder of rungs. Each rung is a number of WORKING days after
the effective deadline (the extended one when an extension was granted) and a recipient:

    1  the owner's coordinator     (cán bộ đầu mối của đơn vị)
    3  the owner's head            (lãnh đạo đơn vị)
    5  the supervising body's head (lãnh đạo cơ quan cấp trên)
    10 the issuer's office         (văn phòng cơ quan ban hành)

Rung n is reached on the n-th working day after the deadline, the deadline itself not
counted (Bộ luật Dân sự 2015, Điều 147): a Monday deadline reaches rung 1 on Tuesday and
rung 5 on the next Monday. Planning is level-triggered: a sweep asks which rung is the
latest one reached, so after days of downtime only that rung goes out, never the backlog.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from dondoc.schedule.calendar import WorkCalendar

Recipient = Literal["owner_coordinator", "owner_head", "parent_head", "issuer_office"]
RECIPIENTS: tuple[Recipient, ...] = ("owner_coordinator", "owner_head", "parent_head", "issuer_office")

# how a person reads each recipient, in a message ("đã nhắc: đầu mối của đơn vị ngày 17/06/2025")
RECIPIENT_VI: dict[str, str] = {
    "owner_coordinator": "đầu mối của đơn vị",
    "owner_head": "lãnh đạo đơn vị",
    "parent_head": "lãnh đạo cơ quan cấp trên",
    "issuer_office": "văn phòng cơ quan ban hành",
}


@dataclass(frozen=True, order=True)
class Rung:
    """One rung: `days` working days after the effective deadline, to `to`."""

    days: int
    to: Recipient

    @property
    def label(self) -> str:
        return f"{RECIPIENT_VI[self.to]} (sau {self.days} ngày làm việc)"


DEFAULT_LADDER: tuple[Rung, ...] = (
    Rung(1, "owner_coordinator"), Rung(3, "owner_head"), Rung(5, "parent_head"), Rung(10, "issuer_office"),
)
DEFAULT_ACK_AFTER = 2  # working days after receipt before the coordinator is asked to acknowledge


def rung_day(due: date, days: int, cal: WorkCalendar) -> date:
    """The day a rung `days` working days after `due` is reached (`due` itself not counted)."""
    return cal.add_working_days(due, days)


def rungs_reached(due: date, ladder: Sequence[Rung], as_of: date, cal: WorkCalendar) -> tuple[Rung, ...]:
    """The latest rungs reached on `as_of` (several when they share a day count), or () before the first.

    Only the latest count is returned: after downtime the ladder does not replay the rungs it
    skipped. Nothing is reached on or before the deadline.
    """
    if as_of <= due:
        return ()
    reached = [r for r in ladder if rung_day(due, r.days, cal) <= as_of]
    if not reached:
        return ()
    top = max(r.days for r in reached)
    return tuple(sorted({r for r in reached if r.days == top}))


def days_late(due: date, as_of: date) -> int:
    """Calendar days past the deadline (0 on or before it)."""
    return max(0, (as_of - due).days)


def ack_reminder_day(received: date, after_working_days: int, cal: WorkCalendar) -> date:
    """The day the coordinator is asked to acknowledge a task received on `received`."""
    return cal.add_working_days(received, after_working_days)


def ack_reminder_due(received: date, after_working_days: int, as_of: date, cal: WorkCalendar) -> bool:
    """Whether the acknowledgement reminder is due on `as_of` (level-triggered: any day from then on)."""
    return ack_reminder_day(received, after_working_days, cal) <= as_of


def validate_ladder(ladder: Sequence[Rung]) -> list[str]:
    """What is wrong with a ladder, one sentence each in Vietnamese (the admin reads it; empty when it is sound)."""
    problems = []
    if not ladder:
        problems.append("thang đôn đốc chưa có bậc nào")
    seen: set[tuple[int, str]] = set()
    for i, r in enumerate(ladder):
        if r.days < 1:
            problems.append(f"bậc {i + 1}: after_working_days phải từ 1 trở lên (giá trị: {r.days})")
        if r.to not in RECIPIENTS:
            problems.append(f"bậc {i + 1}: to phải là một trong {', '.join(RECIPIENTS)} (giá trị: {r.to!r})")
        if (r.days, r.to) in seen:
            problems.append(f"bậc {i + 1}: trùng với một bậc đã có ({r.days}, {r.to})")
        seen.add((r.days, r.to))
    return problems
