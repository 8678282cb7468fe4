"""What the review page shows beside the form (pure): the source text cut at the tasks' spans, each
due date with its effective date under Điều 148, the observances, and each warning on its line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from dondoc.observances import ObservanceCatalog
from dondoc.reading_notes import say
from dondoc.schedule.calendar import WorkCalendar
from dondoc.schedule.observances import observance_days
from dondoc.schedule.recurrence import due_dates
from dondoc.taskset import Task

MAX_DUE_LINES = 4
_ITEM = re.compile(r"^(?:line (?P<line>\d+): )?item (?P<key>[^\s:]+)(?::| appears twice)")

_OWNER_WARNING = re.compile(r'(?:owner|consolidator) "(.+)" not found in the directory$')


def place_warnings(warnings: list[str], keys: list[str],
                   resolved: dict[str, set[str]] | None = None) -> tuple[list[str], dict[str, list[str]]]:
    """The warnings that name a task go on its card (by key); the others on top of the page. A warning that
    an owner is not in the directory is dropped once the card's owners of that name are all resolved."""
    top: list[str] = []
    by_key: dict[str, list[str]] = {}
    known = set(keys)
    for w in warnings:
        owner = _OWNER_WARNING.search(w)
        item = _ITEM.match(w)
        if owner and item and owner.group(1) in (resolved or {}).get(item.group("key"), set()):
            continue
        m = _ITEM.match(w)
        key = m.group("key") if m else None
        if key is not None and "appears twice" in w:
            twice = re.search(r"the second is (\S+)$", w)
            key = twice.group(1) if twice else key
        if key in known:
            by_key.setdefault(key, []).append(say(w))
        else:
            top.append(say(w))
    return top, by_key


@dataclass(frozen=True)
class Segment:
    """A run of the source text and the tasks (by index) whose span covers it."""

    text: str
    tasks: tuple[int, ...] = ()
    starts: tuple[int, ...] = ()  # tasks whose span begins here (an anchor for each)


def segments(text: str, spans: list[tuple[int, int] | None]) -> list[Segment]:
    """The text cut at every span boundary, so nested and overlapping spans each get highlighted."""
    n = len(text)
    good = [(i, max(0, s[0]), min(n, s[1])) for i, s in enumerate(spans) if s is not None and s[0] < s[1]]
    cuts = sorted({0, n, *(a for _, a, _ in good), *(b for _, _, b in good)})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:]):
        covering = tuple(i for i, s, e in good if s <= a and b <= e)
        starting = tuple(i for i, s, _ in good if s == a)
        out.append(Segment(text[a:b], covering, starting))
    return out or [Segment(text)]


@dataclass(frozen=True)
class DueLine:
    stated: date
    effective: date
    label: str  # "15/06/2025" or the period it belongs to
    reason: str = ""  # why the effective day differs: "Chủ nhật", "Tết Nguyên đán"…


@dataclass
class CardDates:
    dues: list[DueLine] = field(default_factory=list)
    more: int = 0  # further occurrences not shown
    relative: str = ""  # "05 ngày làm việc kể từ ngày nhận văn bản (12/02/2026)"
    events: list[str] = field(default_factory=list)
    note: str = ""  # "không có hạn cố định" for continuous work without a date


def card_dates(task: Task, *, anchor: date | None, today: date, cal: WorkCalendar,
               catalog: ObservanceCatalog, before_means: Literal["same_day", "day_before"] = "same_day",
               received: date | None = None) -> CardDates:
    """The dates a card shows: a one-off date as written, a recurrence's next occurrences from the dispatch's
    date (or today when later), each with its effective date (Điều 148) and why it moved."""
    out = CardDates()
    start = anchor or today
    lo = min(start, today) if task.schedule.repeat == "once" else max(start, today)
    hi = max(lo, today) + timedelta(days=400)
    planned = due_dates(task.schedule, anchor=start, between=(start if task.schedule.repeat == "once" else lo, hi),
                        before_means=before_means, received=received, cal=cal)
    for p in planned[:MAX_DUE_LINES]:
        eff = cal.effective_due(p.stated)
        reason = (cal.day_off_reason(p.stated) or "") if eff != p.stated else ""
        out.dues.append(DueLine(stated=p.stated, effective=eff, label=p.period, reason=reason))
    out.more = max(0, len(planned) - MAX_DUE_LINES)
    rel = task.schedule.relative
    if rel is not None:
        unit = "ngày làm việc" if rel.working_days else "ngày"
        when = f" ({received:%d/%m/%Y})" if received else ""
        out.relative = f"{rel.days} {unit} kể từ ngày nhận văn bản{when}"
    if not planned and rel is None and task.schedule.repeat in ("continuous", "ad_hoc"):
        out.note = "không có hạn cố định"
    for ev in task.schedule.events:
        obs = next(iter(catalog.by_date(ev)), None) if ev.startswith("--") else catalog.by_key(ev)
        name = obs.name if obs is not None else ""
        if obs is not None:
            days = observance_days([obs], between=(today, today + timedelta(days=400)))
            nxt = f" — lần tới {days[0].day:%d/%m/%Y}" if days else ""
        elif ev.startswith("--"):
            nxt = ""
        else:
            nxt = " (không có trong config/observances.yaml)"
        day = f"{ev[5:7]}/{ev[2:4]}" if ev.startswith("--") else ""
        out.events.append(" ".join(x for x in (day, name) if x) + nxt)
    return out
