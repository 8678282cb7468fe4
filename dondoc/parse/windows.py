"""Windows of work: "từ ngày 15/8 đến ngày 15/9/2025", "Thời gian thực hiện: tháng 11/2025 đến tháng 4/2026" (pure).

The end of a window is no deadline (gold convention 5): the date reader drops a due whose phrase starts
where a window's start ends, at its "đến".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from dondoc.parse.scan import word_finditer

__all__ = ["ends_window", "window_ends"]

# "từ ngày 15/8 đến ngày 15/9/2025", "từ năm 2013 đến năm 2020", "từ nay đến năm 2020": a window of
# work, whose end is no deadline (gold convention 5); the "đến …" that ends it starts where this ends
_WINDOW_START = re.compile(  # after \b (word_finditer)
    # "từ chiều ngày 17/7/2025 đến hết ngày 27/7/2025": the part of the first day said before it
    r"tu\s+(?:(?:sang|chieu|trua|toi)\s+(?=ngay\b))?(?:nay|bay gio|(?:ngay|thang|nam|quy|dau|giua|cuoi)(?:\s+(?:thang|nam|quy))?\s+[\divx]+(?:\s*(?:/|-|thang|nam)\s*[\divx]+){0,2}"
    r"|\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?"
    # "từ đầu năm học đến ngày 15/10": a span that starts with the period itself
    r"|(?:dau|khi bat dau)\s+(?:nam hoc|nam|thang|quy|ky|dot|nhiem ky|vu))"
    # "từ ngày 15 tháng 12 của năm trước kỳ báo cáo đến ngày 14 tháng 3": the start's year said in words
    r"(?:\s+(?:cua|thuoc)\s+(?:nam|ky|quy|thang)(?: [a-z]+){0,4}?)?"
    # "từ ngày 16/02/2015 (tức ngày 28 tháng Chạp âm lịch) đến hết ngày …": the lunar day said in brackets
    # "… cho đến hết ngày 03 tháng 5 năm 2021": "cho" before the "đến"
    r"(?:\s*\([^()]{0,60}\))?\s*,?\s*(?:cho\s+)?(?=(?:den|toi)\b)")


# "Thời gian thực hiện: tháng 11/2025 đến tháng 4/2026", "Thời gian hoàn thành: Quý IV/2025 đến Quý I/2026": a time
# field whose value is a span of periods without its "từ" (not "Thời gian: chậm nhất ngày …", whose one day is a deadline)
_LABELLED_START = re.compile(  # after \b (word_finditer)
    r"thoi gian(?: [a-z]+){0,2}\s*:\s*(?:du kien\s+)?(?:thang|quy|nam)\s+[\divx]+(?:\s*/\s*\d{4})?\s*,?\s*(?=(?:den|toi)\b)")
_BEFORE_TO = re.compile(r"(?:den|toi)\s+$")


@dataclass(frozen=True)
class Windows:
    """The windows' starts in a folded text: where each starts, and where each ends at the "đến" of its end."""

    starts: list[int]  # in order
    ends: list[int]  # the same windows' ends
    at: frozenset[int]  # the ends, to look up


def window_ends(f: str) -> Windows:
    """Each window's start in the folded text `f`."""
    found = [(m.start(), m.end()) for m in word_finditer(_WINDOW_START, f)] if "tu " in f else []
    if "thoi gian" in f:
        found = sorted(found + [(m.start(), m.end()) for m in word_finditer(_LABELLED_START, f)])
    return Windows([s for s, _ in found], [e for _, e in found], frozenset(e for _, e in found))


def ends_window(f: str, start: int, windows: Windows) -> bool:
    """Whether a date phrase found at `start` bounds a window: it starts at a window's "đến" or just after it
    ("từ tháng 12/2025 đến quý I/2026": the quarter's phrase starts at "quý"), or inside the window's start
    ("Thời gian hoàn thành: tháng 11/2025 đến …": the month it starts in)."""
    if not windows.starts:
        return False
    while start < len(f) and f[start] == " ":
        start += 1
    if start in windows.at:
        return True
    k = bisect_right(windows.starts, start) - 1
    if k >= 0 and start < windows.ends[k]:
        return True
    m = _BEFORE_TO.search(f, max(0, start - 8), start)  # "… đến ⏎quý I/2026": the window's "đến" just before
    return m is not None and m.start() in windows.at
