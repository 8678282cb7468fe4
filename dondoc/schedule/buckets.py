"""Which of the four states of task statistics an occurrence counts in (pure).

One rule for the board, the dashboards and `dondoc tasks list`: submitted on or before the
deadline judged against (the extended one or the original, as configured), late, still open,
or overdue; and the on-time rate a supervisor reads off them.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

Bucket = Literal["on_time", "late", "open", "overdue"]


def bucket(*, effective_due: date, status: str, submitted_at: date | None, as_of: date,
           kind: str = "report") -> Bucket | None:
    """The four states of Vietnamese task statistics (QĐ 42/2014/QĐ-TTg practice).

    `effective_due` is the deadline judged against (the original or the extended one, as
    configured). Observances are dates to prepare for, not duties with a deadline: no bucket.
    """
    if status == "cancelled" or kind == "event":
        return None
    if status == "submitted" and submitted_at is not None:
        return "on_time" if submitted_at <= effective_due else "late"
    return "open" if as_of <= effective_due else "overdue"


def judged_due(*, effective_due: date, extended_due: date | None, against: str) -> date:
    """The deadline the board judges on-time against: "extended" (VPCP practice) or "original"."""
    return extended_due if against == "extended" and extended_due is not None else effective_due


def on_time_rate(*, on_time: int, late: int, overdue: int) -> float | None:
    """Tỉ lệ đúng hạn = đúng hạn / (đúng hạn + quá hạn + quá hạn chưa hoàn thành); None when nothing is due yet."""
    due = on_time + late + overdue
    return None if due == 0 else on_time / due


BOARD_AHEAD_DAYS = 60  # open work due within this many days counts as "đang thực hiện trong hạn"


def board_bucket(*, kind: str, effective_due: date, extended_due: date | None, status: str,
                 submitted_at: date | None, as_of: date, against: str = "extended") -> Bucket | None:
    """The bucket an occurrence counts in on the board and in `tasks list` alike (one rule, two views).

    Submissions after `as_of` are not known yet on that day; open work due more than
    BOARD_AHEAD_DAYS ahead is not counted yet.
    """
    due = judged_due(effective_due=effective_due, extended_due=extended_due, against=against)
    known = submitted_at if submitted_at is not None and submitted_at <= as_of else None
    if status == "submitted" and known is None:
        status = "open"
    if status == "open" and (extended_due or effective_due) > as_of + timedelta(days=BOARD_AHEAD_DAYS):
        return None
    return bucket(effective_due=due, status=status, submitted_at=known, as_of=as_of, kind=kind)
