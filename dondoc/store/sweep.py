"""The daily sweep against the database: materialise occurrences, apply reorganisations, plan notices, board.

Each step is idempotent and safe to run twice at once: occurrences and notices are
inserted with ON CONFLICT DO NOTHING on their unique keys, so the database, not the
scheduler, decides what happens once. The steps live in their own modules; this one holds
what they share (the context) and names them for callers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

from dondoc.observances import ObservanceCatalog
from dondoc.schedule import plan as planmod
from dondoc.schedule.calendar import WorkCalendar
from dondoc.schedule.ladder import DEFAULT_ACK_AFTER


@dataclass(frozen=True)
class SweepContext:
    """Everything a sweep needs that is not in the database."""

    as_of: date
    cal: WorkCalendar
    catalog: ObservanceCatalog
    ladders: planmod.LadderConfig
    horizon_days: int = 400
    before_means: str = "same_day"
    mail_domain: str = "dondoc.local"
    tz: str = "Asia/Ho_Chi_Minh"
    cascade_working_days: int = 3
    ack_after: int = DEFAULT_ACK_AFTER  # working days after receipt before the coordinator is asked to acknowledge

    @property
    def day_starts(self) -> datetime:
        """Local midnight of `as_of`, in UTC: what it plans is due to be sent from then on."""
        return datetime.combine(self.as_of, time(0, 0), tzinfo=ZoneInfo(self.tz)).astimezone(timezone.utc)


from dondoc.store.board import BoardRow, board  # noqa: E402
from dondoc.store.materialise import LOOKBACK_DAYS, materialise, successor_on  # noqa: E402
from dondoc.store.planning import PlanReport, plan_notices  # noqa: E402
from dondoc.store.progress import submit  # noqa: E402

__all__ = ["LOOKBACK_DAYS", "BoardRow", "PlanReport", "SweepContext", "board", "materialise", "plan_notices",
           "submit", "successor_on"]
