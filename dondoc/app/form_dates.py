"""The dates of the review form as a person writes them, both ways (pure): "27/08/2019", "15/06" every
year, "20/*" every month, "T5" every Thursday, "01/01 âl, trước 15 ngày"; a bad value is a ValueError
whose text, in Vietnamese, names what is wrong."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

from dondoc.taskset import WEEKDAYS

_SEP = re.compile(r"[;,\n]+")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_DM = re.compile(r"^(\d{1,2})[/.](\d{1,2})$")
_MONTHLY = re.compile(r"^(\d{1,2})/\*$")
_LUNAR = re.compile(r"^(\d{1,2})/(\d{1,2})(?:\s*(?:âl|âm lịch|AL))?(?:\s*,?\s*trước\s+(\d{1,3})\s*ngày)?$", re.I)


def vn_day(value: date | str | None) -> str:
    """2019-08-27 → "27/08/2019"; None → ""."""
    if value is None or value == "":
        return ""
    d = value if isinstance(value, date) else date.fromisoformat(value)
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def due_text(due: Iterable[str]) -> str:
    """The due list as an admin writes it: "27/08/2019", "15/06" (every year), "20/*" (every month), "T5"."""
    out = []
    for v in due:
        if v.startswith("---"):
            out.append(f"{v[3:]}/*")
        elif v.startswith("--"):
            out.append(f"{v[5:7]}/{v[2:4]}")
        elif len(v) == 10 and v[4] == "-":
            out.append(vn_day(v))
        else:
            out.append(v)
    return ", ".join(out)


def events_text(events: Iterable[str]) -> str:
    return ", ".join(f"{v[5:7]}/{v[2:4]}" if v.startswith("--") else v for v in events)


def lunar_text(lunar: Iterable[Mapping[str, Any]]) -> str:
    parts = []
    for lu in lunar:
        before = int(lu.get("days_before") or 0)
        parts.append(f"{int(lu['day']):02d}/{int(lu['month']):02d} âl" + (f", trước {before} ngày" if before else ""))
    return "; ".join(parts)


def parse_day(text: str) -> date | None:
    """A day as typed: 27/08/2019, 27/8/2019 or 2019-08-27; ValueError (in Vietnamese) otherwise."""
    text = text.strip()
    if not text:
        return None
    m = _DMY.match(text)
    try:
        if m:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"“{text}” không phải một ngày có thật (viết ngày/tháng/năm, ví dụ 27/08/2019)") from None


def _yearly_day(v: str, m: re.Match[str]) -> str:
    """ "15/06" (every year) → "--06-15"; ValueError when no year has that day (29/02 is kept)."""
    day, month = int(m.group(1)), int(m.group(2))
    try:
        date(2024, month, day)
    except ValueError:
        raise ValueError(f"“{v}”: không có ngày {day}/{month}") from None
    return f"--{month:02d}-{day:02d}"


def parse_due(text: str, repeat: str) -> list[str]:
    """The due list as typed → the task set's strings; ValueError names the first bad one."""
    out: list[str] = []
    for raw in _SEP.split(text):
        v = raw.strip()
        if not v:
            continue
        if v.upper() in WEEKDAYS:
            if repeat != "weekly":
                raise ValueError(f"“{v}” là một thứ trong tuần: chu kỳ phải là hằng tuần")
            out.append(v.upper())
            continue
        if m := _MONTHLY.match(v):
            day = int(m.group(1))
            if not 1 <= day <= 31:
                raise ValueError(f"“{v}”: không có ngày {day} trong tháng")
            out.append(f"---{day:02d}")
        elif m := _DM.match(v):
            if repeat == "weekly":
                _yearly_day(v, m)  # a day that does not exist is said first
                raise ValueError(f"“{v}” là một ngày trong năm, không lặp lại hằng tuần: viết T2…T7, CN "
                                 "hoặc ngày đầu tiên (ngày/tháng/năm)")
            out.append(_yearly_day(v, m))
        elif re.fullmatch(r"---\d{2}|--\d{2}-\d{2}", v):
            out.extend(parse_due(due_text([v]), repeat))
        else:
            d = parse_day(v)
            if d is not None:
                out.append(d.isoformat())
    return out


def parse_events(text: str, known: Callable[[str], bool]) -> list[str]:
    out = []
    for raw in _SEP.split(text):
        v = raw.strip()
        if not v:
            continue
        if m := _DM.match(v):
            out.append(_yearly_day(v, m))
        elif re.fullmatch(r"--\d{2}-\d{2}", v):
            out.append(v)
        elif known(v):
            out.append(v)
        else:
            raise ValueError(f"“{v}” không phải ngày (ngày/tháng) hay mã một ngày kỷ niệm trong config/observances.yaml")
    return out


def parse_lunar(text: str, names: Mapping[str, str]) -> list[dict[str, Any]]:
    out = []
    for raw in text.split(";"):
        v = raw.strip()
        if not v:
            continue
        m = _LUNAR.match(v)
        if m is None:
            raise ValueError(f"“{v}”: viết ngày/tháng âm lịch, ví dụ “01/01 âl, trước 15 ngày”")
        day, month, before = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
        if not (1 <= month <= 12 and 1 <= day <= 30):
            raise ValueError(f"“{v}”: không có ngày {day} tháng {month} âm lịch")
        out.append({"month": month, "day": day, "days_before": before, "name": names.get(f"{month}-{day}")})
    return out


def parse_int(text: str, *, lo: int, hi: int) -> int | None:
    text = text.strip()
    if not text:
        return None
    if not text.isdigit() or not lo <= int(text) <= hi:
        raise ValueError(f"“{text}”: cần một số từ {lo} đến {hi}")
    return int(text)
