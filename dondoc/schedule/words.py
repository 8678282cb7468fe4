"""How a cadence and a reporting period are said to a Vietnamese reader (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from dondoc.schedule.periods import parse_period
from dondoc.schedule.weeks import parse_week
from dondoc.taskset import WEEKDAYS

REPEAT_VI = {
    "once": "một lần",
    "annual": "hằng năm",
    "semiannual": "định kỳ 6 tháng",
    "quarterly": "hằng quý",
    "monthly": "hằng tháng",
    "weekly": "hằng tuần",
    "continuous": "thường xuyên",
    "ad_hoc": "đột xuất",
}
# in running text: "thứ Năm hằng tuần"; Chủ nhật keeps its capital
WEEKDAY_WORDS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
WEEKLY_DEFAULT_VI = "ngày làm việc cuối cùng của tuần"


def _fmt(d: date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " và " + words[-1]


def weekday_words(code: str) -> str:
    """ "T5" → "thứ Năm", "CN" → "Chủ nhật"."""
    return WEEKDAY_WORDS[WEEKDAYS.index(code)]


def repeat_phrase(repeat: str, due: Sequence[str] = ()) -> str:
    """The cadence as a reminder says it: "hằng quý", "thứ Năm hằng tuần", "thứ Hai và thứ Năm hằng tuần"."""
    if repeat != "weekly":
        return REPEAT_VI.get(repeat, repeat)
    days: list[int] = []
    starts: list[str] = []
    for d in due:
        if d in WEEKDAYS:
            days.append(WEEKDAYS.index(d))
        elif len(d) == 10:
            first = date.fromisoformat(d)
            days.append(first.weekday())
            starts.append(_fmt(first))
    if not days:
        return f"hằng tuần ({WEEKLY_DEFAULT_VI})"
    text = _join([WEEKDAY_WORDS[i] for i in sorted(set(days))]) + " hằng tuần"
    return text + (f" (từ {', '.join(starts)})" if starts else "")


def period_words(label: str | None) -> str | None:
    """The period an occurrence label names, in words ("tuần 5/2026 (từ 26/01/2026 đến 01/02/2026)",
    "quý III/2025"); None for a one-off date, an observance or a label it does not know."""
    if not label or label == "once":
        return None
    base = label.split("@", 1)[0]
    try:
        if "-W" in base:
            return parse_week(base).phrase()
        return parse_period(base).phrase()
    except ValueError:
        return None
