"""What a gold reading (../shared/dispatches/README.md format) writes, as the parser would write it:
its item keys, its dues and weekdays, and when two owner names mean the same agency."""

from __future__ import annotations

import re
from typing import Any

from dondoc.parse.normalize import match_key

_ARTICLE_WORD = re.compile(r"^(?:điều|khoản|điểm|mục|phần|chương)\s+", re.IGNORECASE)


def norm_key(key: str) -> str:
    """Gold "(3)" -> "3"; "(a)" -> "a"; "Điều 2" -> "2"; keys joined by dots keep their parts."""
    return ".".join(_ARTICLE_WORD.sub("", p.strip()).strip("()") for p in str(key).split("."))


def gold_due(value: Any) -> str | None:
    """The gold's due written as a task-set due."""
    if value is None:
        return None
    s = str(value).strip()
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", s)
    if m:
        return f"{int(m.group(3)):04d}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    m = re.fullmatch(r"(\d{1,2})/\*", s)
    if m:
        return f"---{int(m.group(1)):02d}"
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})", s)
    if m:
        return f"--{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    if re.fullmatch(r"\d{4}", s):
        return f"{s}-12-31"
    return _gold_weekday(s) or s


_WEEKDAY_NUMBERS = {"hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6, "bay": 7}


def _gold_weekday(s: str) -> str | None:
    """A weekday as a gold reading may write it ("thứ Năm", "thứ 5", "T5", "Chủ nhật", "CN") → "T5", "CN"."""
    key = match_key(s)
    if key in ("cn", "chu nhat"):
        return "CN"
    m = re.fullmatch(r"(?:t|thu) ?([2-7]|hai|ba|tu|nam|sau|bay)", key)
    if m is None:
        return None
    n = m.group(1)
    return f"T{n if n.isdigit() else _WEEKDAY_NUMBERS[n]}"


def same_owner(a: str, b: str) -> bool:
    ka, kb = match_key(a), match_key(b)
    if ka == kb:
        return True
    wa, wb = ka.split(), kb.split()
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if not short:
        return False
    joined_s, joined_l = f" {' '.join(short)} ", f" {' '.join(long_)} "
    return joined_s in joined_l and len(short) / len(long_) >= 0.6
