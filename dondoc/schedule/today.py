"""The local date in Vietnam, from an instant passed in (the clock is injected, never read here)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

VN_TZ = "Asia/Ho_Chi_Minh"
# Vietnam has kept UTC+7 without daylight saving since 1975: a safe fallback without tzdata.
_VN_FIXED = timezone(timedelta(hours=7), "ICT")


def zone(tz: str = VN_TZ) -> tzinfo:
    """The time zone named `tz`; a fixed UTC+7 for Vietnam when the system has no tz database."""
    try:
        return ZoneInfo(tz)
    except ZoneInfoNotFoundError:
        if tz == VN_TZ:
            return _VN_FIXED
        raise


def local_today(now_utc: datetime, tz: str = VN_TZ) -> date:
    """The date on a wall calendar in `tz` at the instant `now_utc`.

    At 00:30 in Hà Nội the UTC date is still yesterday: always convert before taking the
    date. A naive datetime is read as UTC (what `datetime.utcnow()` returns).
    """
    if now_utc.tzinfo is None:
        now_utc = now_utc.replace(tzinfo=timezone.utc)
    return now_utc.astimezone(zone(tz)).date()
