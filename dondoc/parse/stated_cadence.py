"""The cadence a text states in so many words ("hằng năm", "định kỳ 6 tháng", "thứ Năm hằng tuần") (pure).

`cadence.classify` asks it first; the reports and the dispatch's weekly days ask it too.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from dondoc.parse.cadence_needs import needs_met
from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.scan import starts_word, word_finditer

# Order matters: the most frequent cadence stated wins.
# Each with a word it cannot match without, to skip the pattern cheaply.
# Every branch of these begins with \b, taken out and checked by word_search: the engine then skips
# to the words' first letters instead of trying every branch at every character.
# "hằng/hàng/mỗi tuần", "định kỳ hằng tuần", "báo cáo tuần", "01 lần/tuần", but not the events of a
# "Tuần lễ …", a patrol ("tuần tra"), "hàng tuần liền/nay/trời" (for weeks on end), "báo cáo tuần qua".
# One clause says it once: "gửi báo cáo tuần … vào thứ Sáu hằng tuần" is read at its last "hằng tuần".
_EVERY_WEEK = r"(?:hang|moi|dinh ky(?: hang| moi)?) tuan\b(?! (?:le|tra|lien|nay|troi)\b)"
_WEEK_WORDS = (
    rf"(?:{_EVERY_WEEK}"
    r"|bao cao tuan\b(?! (?:le|tra|qua|truoc|nay|toi|sau|dau|cuoi|thu|lien)\b)"
    r"|(?:0?1|mot) (?:lan ?/ ?tuan|tuan ?/ ?lan|tuan (?:0?1|mot) lan)\b)"
)
# What weekly_matches() finds, as one pattern (after \b): the reference it is tested against. Its
# look-ahead tries every place to the clause's end for each candidate: searched with it, a long clause
# of weekly words takes time in the square of its length.
WEEKLY = re.compile(rf"{_WEEK_WORDS}(?![^.;\n]*\b{_EVERY_WEEK})")
_WEEK_WORDS_RE = re.compile(_WEEK_WORDS)
_EVERY_WEEK_RE = re.compile(_EVERY_WEEK)
_CLAUSE_STOP = re.compile(r"[.;\n]")


def _word_starts_of(pattern: re.Pattern[str], f: str) -> list[int]:
    """Every place a match of \\b + pattern starts, overlapping ones included, in order."""
    out: list[int] = []
    m = pattern.search(f)
    while m is not None:
        if starts_word(f, m.start()):
            out.append(m.start())
        m = pattern.search(f, m.start() + 1)
    return out


def weekly_matches(f: str) -> list[re.Match[str]]:
    """What word_finditer(WEEKLY, f) yields, in time linear in the length of `f`.

    A weekly word counts unless another "hằng tuần" follows it in its clause (no ".", ";" or line
    break between): the places where "hằng tuần" starts and where clauses stop are found once, and
    each candidate looks the next of them up.
    """
    if "tuan" not in f:
        return []
    every = _word_starts_of(_EVERY_WEEK_RE, f)
    stops = [m.start() for m in _CLAUSE_STOP.finditer(f)]
    out: list[re.Match[str]] = []
    m = _WEEK_WORDS_RE.search(f)
    while m is not None:
        s, e = m.start(), m.end()
        if starts_word(f, s):
            k = bisect_left(stops, e)
            stop = stops[k] if k < len(stops) else len(f)
            j = bisect_left(every, e)
            if j == len(every) or every[j] >= stop:
                out.append(m)
                m = _WEEK_WORDS_RE.search(f, e)
                continue
        m = _WEEK_WORDS_RE.search(f, s + 1)
    return out
_PATTERNS: list[tuple[str, re.Pattern[str], str]] = [
    ("weekly", WEEKLY, "says every week"),
    ("monthly", re.compile(r"(?:hang|moi|tung|dinh ky(?: hang)?) thang\b|bao cao thang\b|(?:0?1|mot) lan ?/ ?thang\b"), "says every month"),
    # "định kỳ 03 tháng", "3 tháng một lần", "3 tháng/lần": a quarter named by its months
    ("quarterly", re.compile(r"(?:hang|moi|tung|dinh ky(?: hang)?) quy\b|bao cao quy\b|(?:0?1|mot) lan ?/ ?quy\b|"
                             r"(?:0?3|ba) thang (?:mot|0?1) lan\b|(?:0?3|ba) thang ?/ ?lan\b|dinh ky (?:0?3|ba) thang\b"),
     "says every quarter"),
    # not "sơ kết 6 tháng đầu năm", "6 tháng cuối năm", "6 tháng qua/tới": the period a review covers
    # nor "Sơ kết 6 tháng công tác …": one review of the half-year ("Sơ kết 6 tháng, 1 năm" lists periods);
    # nor a day of a date ("đến ngày 06 tháng 9 năm 2025")
    ("semiannual", re.compile(r"(?:dinh ky |hang |moi )?(?<!so ket )(?<!tong ket )(?<!ngay )(?:0?6|sau) thang(?! (?:nam|/|dau|cuoi|qua|toi|tiep)\b)(?!\s*\d)|"
                              r"(?:so|tong) ket (?:0?6|sau) thang(?=\s*(?:,|va)\s*(?:0?1 |mot |ca |hang )?nam\b)|nua nam\b|"
                              r"(?:0?2|hai) lan ?/ ?nam\b|(?:0?2|hai) lan (?:trong|moi) nam\b"),
     "says every 6 months"),
    ("annual", re.compile(r"(?:hang|moi|tung|dinh ky(?: hang)?) nam\b|hang nam\b|(?:0?1|mot) nam(?= ?[(,;)]| \(| truoc)|(?:0?1|mot) lan (?:trong|moi) nam\b|(?:0?1|mot) lan ?/ ?nam\b|"
                          r"thuong nien\b|bao cao nam\b(?!\s*(?:\d|nay|hoc|tai|truoc|qua|sau|toi))"), "says every year"),
]


# "mức trợ cấp hàng tháng", "lương hằng tháng": an allowance paid every month, not work done every
# month; "kế hoạch 5 năm và hằng năm": a plan's horizon; "nguồn chi được giao bổ sung hàng năm": funds given
# every year. The cadence word modifies a noun there.
_NOUN_BEFORE = re.compile(
    r"(?:tro cap|phu cap|luong|tien tuat|thu nhap|sinh hoat phi|muc huong|huu tri|bao hiem|\d+ nam va|\d+ nam,|"
    r"thuong xuyen|duoc (?:giao|cap|bo tri)(?: bo sung)?)\s*$")


def _stated(f: str, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """The first match of a cadence pattern that does not modify an allowance's or a plan's noun."""
    for m in word_finditer(pattern, f):
        if not _NOUN_BEFORE.search(f, max(0, m.start() - 24), m.start()):
            return m
    return None


@lru_cache(maxsize=256)
def explicit_cadence(text: str) -> tuple[str, str] | None:
    """The cadence a text states in so many words ("hằng năm", "định kỳ 6 tháng"), if any."""
    f = fold_keep_length(text)
    places: dict[str, list[int]] = {}
    for repeat, pattern, why in _PATTERNS:
        if not needs_met(f, repeat, places):
            continue
        if pattern is WEEKLY:
            found = weekly_matches(f)
            m = found[0] if found else None
        else:
            m = _stated(f, pattern)
        if m:
            return repeat, f'{why} ("{text[m.start():m.end()].strip()}")'
    return None


# A weekday in the text itself (diacritics tell "thứ tư" from "thứ tự", "thứ Năm" from "thu năm").
_WEEKDAY = re.compile(r"(?<!\w)(?:thứ\s+(hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s+nhật)(?!\w)", re.IGNORECASE)
_WEEKDAY_CODE = {"hai": "T2", "ba": "T3", "tư": "T4", "năm": "T5", "sáu": "T6", "bảy": "T7", "bẩy": "T7"}
# "lần thứ hai", "tuần thứ 2", "kỳ họp thứ năm": an ordinal, no weekday; but "Định kỳ thứ Hai hằng tuần" is a day
_ORDINAL_BEFORE = re.compile(
    r"\b(?:lan|tuan|(?<!dinh )ky|ky hop|khoa|dot|phan|buoc|muc|dieu|khoan|nam|thang|quy|luot|hop|so|hang|cap|the he|nguoi)\s*$")
_CLAUSE_END = re.compile(r"[;\n]|\.\s")
_WEEKDAY_REACH = 120  # characters either side of the cadence, within its clause
WEEKDAY_ORDER = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")


def _clause(f: str, start: int, end: int) -> tuple[int, int]:
    """The clause (between ';', a line break or a full stop) around f[start:end], at most _WEEKDAY_REACH each side."""
    s = max(0, start - _WEEKDAY_REACH)
    for brk in _CLAUSE_END.finditer(f, s, start):
        s = brk.end()
    stop = _CLAUSE_END.search(f, end, min(len(f), end + _WEEKDAY_REACH))
    return s, stop.start() if stop else min(len(f), end + _WEEKDAY_REACH)


def weekly_days(text: str) -> tuple[list[str], str] | None:
    """The weekdays a weekly cadence names ("thứ Năm hằng tuần", "hằng tuần (trước 16 giờ thứ Năm)",
    "vào thứ 6 hằng tuần" → ["T5"] …) and why; an empty list when it names none; None when the text
    states no weekly cadence."""
    found = _weekly_days(text)
    return None if found is None else (list(found[0]), found[1])


@lru_cache(maxsize=256)
def _weekly_days(text: str) -> tuple[tuple[str, ...], str] | None:
    """weekly_days, remembered: each weekly report task of an item asks about the item's text."""
    f = fold_keep_length(text)
    if not needs_met(f, "weekly", {}):
        return None
    cadences = weekly_matches(f)
    if not cadences:
        return None
    codes: set[str] = set()
    said: list[str] = []
    for c in cadences:
        s, e = _clause(f, c.start(), c.end())
        for m in _WEEKDAY.finditer(text, s, e):
            if _ORDINAL_BEFORE.search(f, max(0, m.start() - 12), m.start()):
                continue
            word = m.group(1)
            codes.add("CN" if word is None else _WEEKDAY_CODE.get(word.lower(), f"T{word}"))
            if m.group() not in said:
                said.append(m.group())
    quoted = text[cadences[0].start() : cadences[0].end()]
    if not codes:
        return (), f'"{quoted}" names no weekday: the last working day of each week'
    days = ", ".join(f'"{w}"' for w in said)
    which = "that day" if len(codes) == 1 else "those days"
    return tuple(sorted(codes, key=WEEKDAY_ORDER.index)), f'{days} with "{quoted}": {which} of every week'


def weekly_due(text: str, dates: list[str]) -> tuple[list[str], str]:
    """The due of a weekly task: the weekdays its text names ("T5"), else none (the last working day
    of each week); dates in the text are no weekly day and are left out, and the why says so."""
    days, why = weekly_days(text) or ([], "no weekday stated: the last working day of each week")
    if dates:
        why += f"; the dates {', '.join(dates)} in the text do not recur every week and are left out"
    return days, why
