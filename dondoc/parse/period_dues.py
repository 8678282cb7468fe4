"""Deadlines named by a period, not a day (pure).

- A quarter or a month without its year, after a word of time: "hoàn thành trong quý III", "trong
  tháng 5" are in the dispatch's year (the next one when that period is already over).
- A session of an elected body: "báo cáo tại Kỳ họp thứ Sáu, HĐND tỉnh (dự kiến tổ chức vào tháng
  12/2017)" is due by the end of that month, and so is every later "tại Kỳ họp thứ Sáu" of the same
  dispatch (session_months reads the months a dispatch gives its sessions, once); "tại Phiên họp tháng
  8 năm 2012" by the end of August 2012; "tại kỳ họp cuối năm 2026" by 31/12/2026. A session whose
  month the dispatch never says gives no date: it is never guessed.

Each finder yields (start, end, due, why) on the folded text, for dates.find_deadlines to keep.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_QUARTER_END = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}
_TIME_WORD = r"(?:trong|truoc|den het|den cuoi|hoan thanh trong|hoan thanh|xong trong|cuoi|vao)"
# "trong quý III", "hoàn thành trước quý 2" ("quí" is the older spelling), the year not written after it
_QUARTER_NO_YEAR = re.compile(rf"\b{_TIME_WORD}\s+qu[yi]\s+(iv|i{{1,3}}|[1-4])\b(?!\s*(?:/|nam|-|\.)\s*\d)(?!\s*(?:nam|cua nam) (?:nay|sau|toi))")
# "quí 2 năm 2010": the older spelling, with its year (dates.py reads "quý")
_OLD_QUARTER = re.compile(rf"\b(?:{_TIME_WORD}\s+)?qui\s+(iv|i{{1,3}}|[1-4])\s*(?:/|nam|-)\s*(\d{{4}})\b")
# "trong tháng 5", "hoàn thành trong tháng 10": not "trong tháng 5/2026" (dates.py), nor "trong tháng này"
_MONTH_NO_YEAR = re.compile(r"\b(?:trong|den het|den cuoi|truoc het|hoan thanh trong|xong trong)\s+thang\s+(\d{1,2})\b"
                            r"(?!\s*(?:/|nam|\.|-)\s*\d)(?!\s*(?:,\s*)?(?:nam|cua nam) (?:nay|sau|toi|\d))")

# "Năm 2026 hoàn thành việc cấp giấy chứng nhận": the year first, then the work it finishes
_YEAR_FIRST = re.compile(r"(?:^|[.;:]\s*|\n)nam (\d{4})\s*[,:]?\s+(?:phan dau\s+)?(?:hoan thanh|xong)\b")
_ORDINAL_WORDS = {"nhat": 1, "mot": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "lam": 5, "sau": 6, "bay": 7,
                  "tam": 8, "chin": 9, "muoi": 10}
_ORDINAL = r"(\d{1,2}|muoi(?:\s+(?:mot|hai|ba|bon|tu|lam|nam|sau|bay|tam|chin))?|nhat|hai|ba|tu|bon|nam|sau|bay|tam|chin)"
_SESSION = re.compile(rf"\bky\s+hop\s+(?:chuyen de\s+)?(?:lan\s+)?thu\s+{_ORDINAL}\b")
# the month a dispatch gives a session, right after its name: "(dự kiến tổ chức vào tháng 12/2017)"
_SESSION_MONTH = re.compile(r"(?:\(|\bdu kien\b|\bse\b)[^.;()]{0,40}?\bthang\s+(\d{1,2})\s*(?:nam|/)\s*(\d{4})\b")
# where a session is a deadline: "báo cáo tại/vào Kỳ họp thứ Sáu", "trình HĐND tỉnh tại kỳ họp …"
_AT_SESSION = re.compile(rf"\b(?:tai|vao|trinh|truoc)\s+(?:cac\s+)?ky\s+hop\s+(?:chuyen de\s+)?(?:lan\s+)?thu\s+{_ORDINAL}\b")
_AT_SITTING = re.compile(r"\b(?:tai|vao|truoc)\s+phien\s+hop\s+(?:thuong ky\s+|thuong le\s+)?thang\s+(\d{1,2})\s*(?:nam|/)\s*(\d{4})\b")
_AT_YEAR_END_SESSION = re.compile(r"\b(?:tai|vao|truoc)\s+ky\s+hop\s+(?:thuong le\s+)?cuoi nam\s+(\d{4})\b")
# "… ngay sau khi … được thông qua vào Kỳ họp thứ Sáu": the event after which the work starts, no deadline
_AFTER_EVENT = re.compile(r"\bsau khi\b[^.;,]{0,120}$")


def mentions_session(f: str) -> bool:
    """Whether the folded text names a session or a sitting ("kỳ họp", "phiên họp"; not "phối hợp")."""
    return "ky hop" in f or "phien hop" in f or "ky\nhop" in f or "phien\nhop" in f


def _ordinal(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    parts = word.split()
    if parts[0] == "muoi":
        return 10 + (_ORDINAL_WORDS.get(parts[1], 0) if len(parts) > 1 else 0)
    return _ORDINAL_WORDS.get(word)


def _month_end(month: int, year: int) -> str | None:
    if not 1 <= month <= 12:
        return None
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def session_months(f: str) -> tuple[tuple[int, str], ...]:
    """The sessions of the folded text whose month it states, as (number, last day of that month)."""
    out: dict[int, str] = {}
    if not mentions_session(f):
        return ()
    for m in _SESSION.finditer(f):
        n = _ordinal(m.group(1))
        stop = min(len(f), m.end() + 100)
        mm = _SESSION_MONTH.search(f, m.end(), stop)
        if n is None or mm is None or n in out:
            continue
        due = _month_end(int(mm.group(1)), int(mm.group(2)))
        if due is not None:
            out[n] = due
    return tuple(sorted(out.items()))


def period_deadlines(f: str, year_of: Callable[[int], int | None] | None,
                     sessions: tuple[tuple[int, str], ...]) -> Iterator[tuple[int, int, str, str]]:
    """The deadlines of the folded text named by a period: (start, end, due, why).

    `year_of` gives the year a month (1-12) ending a period without its year falls in (None: unknown);
    None when the text is about every year (a quarter or month without its year is then that day of every
    year)."""
    if "quy " in f or "qui " in f:
        for m in _QUARTER_NO_YEAR.finditer(f):
            q = _ROMAN.get(m.group(1)) or int(m.group(1))
            mo, d = _QUARTER_END[q]
            y = year_of(mo) if year_of is not None else None
            if year_of is None:
                yield m.start(), m.end(), f"--{mo:02d}-{d:02d}", "a quarter of every year ends on its last day"
            elif y is not None:
                yield m.start(), m.end(), f"{y:04d}-{mo:02d}-{d:02d}", "a quarter of the dispatch's year ends on its last day"
        for m in _OLD_QUARTER.finditer(f) if "qui " in f else ():
            q = _ROMAN.get(m.group(1)) or int(m.group(1))
            mo, d = _QUARTER_END[q]
            yield m.start(), m.end(), f"{int(m.group(2)):04d}-{mo:02d}-{d:02d}", "a quarter ends on its last day"
    if "trong thang" in f or "het thang" in f or "cuoi thang" in f:
        for m in _MONTH_NO_YEAR.finditer(f):
            mo = int(m.group(1))
            if year_of is None and 1 <= mo <= 12:
                yield m.start(), m.end(), f"--{mo:02d}-{calendar.monthrange(2023, mo)[1]:02d}", "a month of every year ends on its last day"
                continue
            y = year_of(mo) if year_of is not None and 1 <= mo <= 12 else None
            due = _month_end(mo, y) if y is not None else None
            if due is not None:
                yield m.start(), m.end(), due, "a month of the dispatch's year ends on its last day"
    for m in _YEAR_FIRST.finditer(f) if "hoan thanh" in f or "xong" in f else ():
        yield m.start(1) - 4, m.end(), f"{m.group(1)}-12-31", "the year to finish the work ends on 31/12"
    if not mentions_session(f):
        return
    known = dict(sessions)
    for m in _AT_SESSION.finditer(f) if known else ():
        n = _ordinal(m.group(1))
        if n in known and not _AFTER_EVENT.search(f, max(0, m.start() - 120), m.start()):
            yield m.start(), m.end(), known[n], "the session's month, as the dispatch gives it"
    for m in _AT_SITTING.finditer(f):
        due = _month_end(int(m.group(1)), int(m.group(2)))
        if due is not None:
            yield m.start(), m.end(), due, "a sitting in a month: by its last day"
    for m in _AT_YEAR_END_SESSION.finditer(f):
        yield m.start(), m.end(), f"{m.group(1)}-12-31", "the year-end session: by 31/12"
