"""Days as written: whether one exists, its ISO form, and the impossible ones in a text (pure).

A date is written "31/12/2025" or "31/12"; is_real_date says whether the calendar has it, so that
find_deadlines keeps only real dues, and impossible_dates lists the ones a text writes that do not
exist ("31/2", "30/13"), for the reading to warn about each once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from dondoc.parse.scan import finditer_not_after


def is_real_date(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


# "… và 15/12", ", ngày 15 tháng 12 năm 2030": a day right after a deadline, joined to it (folded text)
_AND_DAY = re.compile(r"\s*(?:,|va|hoac)\s+(?:ngay\s+)?(\d{1,2})\s*(?:/|thang)\s*(\d{1,2})(?:\s*(?:/|nam)\s*(\d{4}))?(?!\s*/?\s*\d)")


def joined_day(f: str, end: int, due: str | None, year_for: Callable[[int, int], int | None]) -> list[tuple[int, int, str]]:
    """The day joined right after a deadline that ends at `end` in the folded text ("trước ngày 15/6 và
    15/12"): it shares the deadline word, and is every year's when the first is ("--06-15"), else dated
    (its own year, or the year the dispatch's date gives it). As (start, end, due), or none."""
    if not due or due[-3] != "-":
        return []
    m = _AND_DAY.match(f, end)
    if m is None:
        return []
    d, mo = int(m.group(1)), int(m.group(2))
    y = int(m.group(3)) if m.group(3) else None if due.startswith("--") else year_for(mo, d)
    if not is_real_date(y or 2024, mo, d):
        return []
    return [(m.start(1), m.end(), f"{y:04d}-{mo:02d}-{d:02d}" if y else f"--{mo:02d}-{d:02d}")]


# After no digit or "/" (checked by impossible_dates, so that the engine skips to the digits).
_ANY_DATE = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?(?![\d/])")


def _digit_or_slash(c: str) -> bool:
    return c.isdecimal() or c == "/"  # what [\d/] matches


def _any_dates(text: str) -> list[re.Match[str]]:
    r"""What (?<![\d/]) + _ANY_DATE finds (the look-behind tried only where a match starts)."""
    return list(finditer_not_after(_ANY_DATE, text, _digit_or_slash))


def impossible_dates(text: str) -> list[str]:
    """Dates written in the text that do not exist (31/2, 30/13)."""
    out: list[str] = []
    if "/" not in text:
        return out
    for m in _any_dates(text):
        d, mo = int(m.group(1)), int(m.group(2))
        y = int(m.group(3)) if m.group(3) else 2024
        if not is_real_date(y, mo, d) and d <= 31 + 9 and mo <= 19 and not (mo == 0 or d == 0 and mo > 12):
            out.append(m.group(0).replace(" ", ""))
    return out
