"""Deadlines written in a dispatch: dates, months, quarters, year ends, relative periods (pure).

Whether a written day exists, and which days a text writes that do not, is real_dates.py's question.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Final

from dondoc.parse.charmap import digit_mask
from dondoc.parse.deadline_words import (
    named_day_deadlines, names_a_horizon, said_as_no_deadline, without_replaced, year_of_the_cycle,
)
from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.period_dues import mentions_session, period_deadlines
from dondoc.parse.real_dates import is_real_date, joined_day
from dondoc.parse.scan import word_finditer
from dondoc.parse.spans import Spans
from dondoc.parse.windows import ends_window, window_ends
from dondoc.taskset import Relative

_TRIG = (
    r"(?:truoc|cham nhat(?: la)?|han chot(?: la)?|thoi han(?: la)?|han|muon nhat(?: la)?|khong qua|khong muon hon|"
    r"den|toi|hoan thanh trong|hoan thanh vao|hoan thanh|xong trong|trong|vao)"
)
_D = r"(\d{1,2})"
_M = r"(\d{1,2})"
_Y = r"(\d{4})"
_FULL = rf"{_D}\s*[/.\-]\s*{_M}\s*[/.\-]\s*{_Y}(?!\d)"
# "ngày 06 (sáu) tháng 06 (sáu)": a number followed by its words, as a regulation writes it
_SAID = r"(?:\s*\([a-z ]{2,24}\))?"
_WORDY_FULL = rf"{_D}{_SAID}\s+thang\s+{_M}{_SAID}\s+nam\s+{_Y}"
_DM = rf"{_D}\s*/\s*{_M}(?![/\d])"
_WORDY_DM = rf"{_D}{_SAID}\s+thang\s+{_M}(?!\s*(?:nam|/)\s*\d)(?!\d){_SAID}"

# Without their leading \b, which word_finditer checks by hand (the engine then skips to the words).
# "trước 17 giờ 00 ngày …", "trước 16h30, ngày …": the hour of the last day
_HOUR = r"\s+\d{1,2}\s*(?:gio|h|:)\s*(?:\d{2})?(?:\s*phut)?(?:\s+(?:sang|chieu))?\s*,?"
_DEADLINE = re.compile(
    rf"{_TRIG}(?:\s+(?:het|cuoi))?(?:{_HOUR})?(?:\s+ngay)?\s*[(:]?\s*(?:{_FULL}|{_WORDY_FULL}|{_DM}|{_WORDY_DM})"
)
_MONTHLY = re.compile(rf"\b{_TRIG}?\s*(?:ngay\s+)?{_D}\s+(?:hang|moi|cua moi|cua hang)\s+thang\b")
_MONTH_YEAR = re.compile(
    rf"\b(?:trong|den het|den cuoi|den|truoc het|xong trong|hoan thanh trong|hoan thanh|cuoi|het|vao|thoi (?:gian|han)(?: thuc hien| hoan thanh)?\s*:)"
    rf"\s+(?:thoi gian\s+|suot\s+)?thang\s+(?:\d{{1,2}}\s*(?:,|va|-|–)\s*)*{_M}\s*(?:nam|/|\.(?=\d{{4}}))\s*{_Y}\b"
)
# "hoàn thành trước tháng 3.2014", "trước tháng 5/2014": before the month starts, i.e. by the last day of
# the month before it
_BEFORE_MONTH = re.compile(rf"\b(?:truoc|cham nhat truoc)\s+thang\s+{_M}\s*(?:nam|/|\.(?=\d{{4}}))\s*{_Y}\b")
_YEAR_END = re.compile(rf"\b(?:den|truoc|trong|vao|hoan thanh(?: trong)?|xong trong|tu nay den)\s+(?:cuoi|het|thang 12)?\s*nam\s+{_Y}\b"
                       # "trình Chính phủ năm 2022": the year a submission is due; "(Bộ X chủ trì; năm 2022)"
                       rf"|\btrinh\s+(?:thu tuong chinh phu|thu tuong|chinh phu|quoc hoi|hoi dong nhan dan|uy ban nhan dan|hdnd|ubnd|"
                       rf"cap co tham quyen)(?:\s+(?:tinh|huyen|xa|thanh pho))?\s+nam\s+{_Y}\b"
                       rf"|;\s*nam\s+{_Y}\s*(?=\))")
_QUARTER = re.compile(rf"\b(?:trong|truoc|den het|den cuoi|hoan thanh trong|hoan thanh|xong trong|cuoi|vao)?\s*quy\s+(iv|i{{1,3}}|[1-4])\s*(?:/|nam|-)\s*{_Y}\b")
_EVENT = "nhan duoc|ky|ban hanh|co hieu luc|ket thuc"
_DOCUMENT = "quyet dinh|ke hoach|van ban|cong van|thong bao|chi thi|nghi quyet|huong dan|chuong trinh|thong tu|nghi dinh|cong dien|de an|quy che"
_RELATIVE = re.compile(
    r"trong (?:thoi han|vong|thoi gian)?\s*(?:khong qua\s+)?(\d{1,3})\s*(?:\(\s*[a-z ]+\s*\)\s*)?ngay( lam viec)?\s*,?\s*"
    r"(?:ke tu|tinh tu|sau khi|tu)?\s*(?:ngay\s+)?"
    # "kể từ ngày Quyết định (giao dự toán …) (này) (được) có hiệu lực / ban hành / ký": the event of a document
    rf"(?:(?:{_DOCUMENT})(?: [a-z]+){{0,6}}? (?:nay )?(?:duoc )?(?=(?:{_EVENT})\b(?! thuat| nang)))?({_EVENT})?"
)
# what is received, when it is not this dispatch: "nhận đơn", "nhận được hồ sơ (hợp lệ)", "nhận được yêu cầu"
_OTHER_RECEIPT = re.compile(
    r"\s*(?:(?:ngay\s+|khi\s+)?(?:nhan duoc|nhan|tiep nhan)\s+)?(?:day du\s+|du\s+)?(?:don|ho so|yeu cau|kien nghi|phan anh|"
    r"(?:van ban|cong van) de nghi|de nghi|bao cao|to trinh)\b(?:\s+(?:hop le|day du|cua [a-z]+))?")
_DAYS_COUNT = re.compile(r"\d\s+ngay\b")  # what _BEFORE_EVENT cannot match without ("10 ngày")
# "trước ngày bầu cử 10 ngày", "chậm nhất 30 ngày trước ngày khai giảng" (each branch after \b)
_BEFORE_EVENT = re.compile(
    r"(?:truoc|sau)\s+ngay\s+(?!\d)(?P<ev>[a-z]+(?:\s+[a-z]+){0,5}?)\s+(?:it nhat\s+|chat nhat\s+)?(?P<n>\d{1,3})\s+ngay(?P<wd> lam viec)?"
    r"|(?:cham nhat|it nhat|truoc)\s+(?P<n2>\d{1,3})\s+ngay(?P<wd2> lam viec)?\s+(?:truoc|sau)\s+(?:ngay\s+)(?!\d)"
    r"[a-z]+(?:\s+[a-z]+){0,4}")
_DIGIT = re.compile(r"\d")
_YEARLY_DAY = re.compile(rf"(?:ngay\s+)?{_D}\s*/\s*{_M}(?![/\d])\s*,?\s+(?:hang|moi|cua moi|cua hang) nam\b")  # "ngày 04/10 hằng năm"
# What each pattern cannot match without; searched first because they begin with a literal or a digit.
_QUARTER_CORE = re.compile(r"quy\s+(?:iv|i{1,3}|[1-4])\s*(?:/|nam|-)\s*\d{4}")
_MONTH_YEAR_CORE = re.compile(r"thang\s+(?:\d{1,2}\s*(?:,|va|-|–)\s*)*\d{1,2}\s*(?:nam|/|\.(?=\d{4}))\s*\d{4}")
_MONTHLY_CORE = re.compile(r"\d\s+(?:hang|moi|cua moi|cua hang)\s+thang")
_YEAR_CORE = re.compile(r"nam\s+\d{4}")
# Non-space characters a _DEADLINE match may hold before its date's first digit: the longest trigger
# ("hoan thanh trong", 14), " het"/" cuoi" (4), " ngay" (4), "(" or ":" (1) make 23; kept with room.
_DEADLINE_LEAD: Final = 30
_DIGITS = re.compile(r"\d+")
_TRIG_WORD: Final = re.compile(_TRIG)  # a match's trigger lies whole between its start and its date


def _deadline_matches(f: str, mask: bytes | None) -> list[re.Match[str]]:
    """What _DEADLINE (with its leading \\b) finds in `f`, searched only from a little before each
    run of digits: a match holds no digit before its date (or the hour before it: "trước 17 giờ
    ngày …"), so it starts at most _DEADLINE_LEAD
    non-space characters before the first digit at or after the place the search goes on from, with
    a trigger word between; and it never starts on a digit. Between that bound and the digit, it is
    tried only where a trigger word starts (its date then begins at that digit)."""
    out: list[re.Match[str]] = []
    pos = 0
    while True:
        if mask is not None:
            digit = mask.find(b"0", pos)
            if digit < 0:
                return out
            run_end = mask.find(b".", digit)
            run_end = len(f) if run_end < 0 else run_end
        else:
            d = _DIGITS.search(f, pos)
            if d is None:
                return out
            digit, run_end = d.span()
        i = max(pos, digit - 2 * _DEADLINE_LEAD - 1)
        if i > pos and len("".join(f[i : digit].split())) <= _DEADLINE_LEAD:
            # spaces in plenty before the digit: walk back over them to the bound
            i = digit
            seen = 0
            while i > pos:
                if not f[i - 1].isspace():
                    seen += 1
                    if seen > _DEADLINE_LEAD:
                        break
                i -= 1
        m = None
        t = _TRIG_WORD.search(f, i, digit)
        while t is not None:  # every place a trigger word starts before the digit, in order
            c = t.start()
            if not c or not (f[c - 1].isalnum() or f[c - 1] == "_"):  # the pattern's leading \b
                m = _DEADLINE.match(f, c)
                if m is not None:
                    break
            t = _TRIG_WORD.search(f, c + 1, digit)
        if m is None:
            pos = run_end  # no match starts before the end of these digits
            continue
        out.append(m)
        pos = m.end()


_QUARTER_END = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}
_ROMAN_Q = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


@dataclass(frozen=True)
class Deadline:
    due: str | None  # "2019-08-27", "--06-15", "---20"
    relative: Relative | None
    start: int  # offsets of the phrase in the text it was found in
    end: int
    phrase: str
    why: str


@dataclass(frozen=True)
class DateContext:
    """What a date without a year needs: the dispatch's date, or at least its year and month."""

    issued: date | None = None
    year: int | None = None
    month: int | None = None
    sessions: tuple[tuple[int, str], ...] = ()  # the sessions whose month the dispatch states (period_dues)



def _year_for(m: int, d: int, ctx: DateContext) -> int | None:
    if ctx.issued is not None:
        y = ctx.issued.year
        return y + 1 if (m, d) < (ctx.issued.month, ctx.issued.day) else y
    if ctx.year is not None:
        return ctx.year + 1 if ctx.month is not None and m < ctx.month else ctx.year
    return None


def find_deadlines(text: str, *, every_year: bool, ctx: DateContext, warnings: list[str]) -> list[Deadline]:
    """Every deadline the text states, in order; impossible dates become warnings, not dues."""
    found: list[Deadline] = []
    f = fold_keep_length(text)  # (its digits are the text's)
    mask = digit_mask(f)
    if ((b"0" not in mask) if mask is not None else not _DIGIT.search(text)) and not (
            "quy " in f or "qui " in f or ctx.sessions and mentions_session(f)):
        return found  # every deadline is written with a number, but "trong quý III" and "tại Kỳ họp thứ Sáu"
    taken = Spans()
    windows = window_ends(f)

    def add(start: int, end: int, due: str | None, why: str, rel: Relative | None = None) -> None:
        if taken.overlaps(start, end):
            return
        if said_as_no_deadline(text, f, start, end, due is not None):
            taken.claim(start, end)
            return  # "số liệu tính đến 30/11", "dự kiến … trong năm 2026", "phấn đấu … đạt 50%" (deadline_words)
        if due is not None and (ends_window(f, start, windows) or f.startswith("tu nay", start)):
            taken.claim(start, end)
            return  # "từ ngày 15/8 đến ngày 15/9": the end of a window of work, no deadline (convention 5)
        if due is not None and len(due) == 10 and ctx.issued is not None and due < ctx.issued.isoformat():
            taken.claim(start, end)
            return  # a day before the dispatch was issued is past: a date it cites or a rule's start, no deadline
        taken.claim(start, end)
        found.append(Deadline(due, rel, start, end, text[start:end].strip(), why))

    for m in word_finditer(_RELATIVE, f) if "ngay" in f and "trong" in f else ():
        days = int(m.group(1))
        event = {"nhan duoc": "receipt", "ky": "signing", "ban hanh": "signing", "co hieu luc": "effect",
                 "ket thuc": "end"}.get(m.group(3) or "", "receipt")
        end = m.end()
        other = _OTHER_RECEIPT.match(f, m.end()) if event == "receipt" else None
        if other is not None:
            # "kể từ ngày nhận đơn", "… nhận được hồ sơ hợp lệ": counted from receiving something else
            # than this dispatch, kept as written (the date cannot be known from the dispatch)
            end = other.end()
            event = text[m.start(3) if m.group(3) else other.start():end].strip()
        add(m.start(), end, None, f'relative deadline "{text[m.start():end].strip()}"',
            Relative(days=days, working_days=bool(m.group(2)), from_event=event))
    for m in word_finditer(_BEFORE_EVENT, f) if "ngay" in f and ("truoc" in f or "sau" in f) and _DAYS_COUNT.search(f) else ():
        # "trước ngày bầu cử 10 ngày", "chậm nhất 30 ngày trước ngày khai giảng": counted from an
        # event whose day the dispatch does not give; kept as written, never guessed
        days = int(m.group("n") or m.group("n2"))
        said = text[m.start():m.end()].strip()
        add(m.start(), m.end(), None, f'relative deadline "{said}", counted from an event the dispatch does not date',
            Relative(days=days, working_days=bool(m.group("wd") or m.group("wd2")), from_event=said))
    for m in _QUARTER.finditer(f) if _QUARTER_CORE.search(f) else ():
        at = f.find("quy", m.start())
        if f[max(0, at - 3) : at] == "tu ":
            continue  # "tổ chức từ quý IV/2013 và hoàn thành trước …": when the work starts, no deadline
        q = _ROMAN_Q.get(m.group(1)) or int(m.group(1))
        mm, dd = _QUARTER_END[q]
        add(m.start(), m.end(), f"{int(m.group(2)):04d}-{mm:02d}-{dd:02d}", "a quarter ends on its last day")
    for m in _BEFORE_MONTH.finditer(f) if "truoc thang" in f else ():
        mo, y = int(m.group(1)), int(m.group(2))
        if 1 <= mo <= 12:
            y, mo = (y - 1, 12) if mo == 1 else (y, mo - 1)
            last = calendar.monthrange(y, mo)[1]
            add(m.start(), m.end(), f"{y:04d}-{mo:02d}-{last:02d}", "before a month: by the last day of the month before it")
    for m in _MONTH_YEAR.finditer(f) if _MONTH_YEAR_CORE.search(f) else ():
        mo, y = int(m.group(1)), int(m.group(2))
        if 1 <= mo <= 12:
            last = calendar.monthrange(y, mo)[1]
            add(m.start(), m.end(), f"{y:04d}-{mo:02d}-{last:02d}", "a month ends on its last day (BLDS art. 146)")
        else:
            warnings.append(f'"{text[m.start():m.end()].strip()}": month {mo} does not exist')
    for m in _YEAR_END.finditer(f) if _YEAR_CORE.search(f) else ():
        y = int(m.group(1) or m.group(2) or m.group(3))
        if names_a_horizon(f, m.start()):
            taken.claim(m.start(), m.end())
            continue  # "Quy hoạch … đến năm 2020": the horizon in a plan's name
        add(m.start(), m.end(), f"{y:04d}-12-31", "a year ends on 31/12 (BLDS art. 146)")
    if "quy " in f or "qui " in f or "thang" in f or "nam " in f or mentions_session(f):  # a period without a day
        def year_of(mo: int) -> int | None:
            return _year_for(mo, calendar.monthrange(2024, mo)[1], ctx)

        for start, end, due, why in period_deadlines(f, None if every_year else year_of, ctx.sessions):
            add(start, end, due, why)
    for m in _MONTHLY.finditer(f) if "thang" in f and _MONTHLY_CORE.search(f) else ():
        d = int(m.group(1))
        if 1 <= d <= 31:
            add(m.start(), m.end(), f"---{d:02d}", "a day of every month")
    for m in word_finditer(_YEARLY_DAY, f) if "/" in f and ("hang nam" in f or "moi nam" in f) else ():
        d, mo = int(m.group(1)), int(m.group(2))
        if is_real_date(2024, mo, d):
            add(m.start(), m.end(), f"--{mo:02d}-{d:02d}", f'"{text[m.start():m.end()].strip()}": a day of every year')
    for start, end, d, mo, y in named_day_deadlines(f):  # "trước ngày Quốc khánh 02/9/2025"
        if is_real_date(y, mo, d):
            add(start, end, f"{y:04d}-{mo:02d}-{d:02d}", f'deadline "{text[start:end].strip()}", a named day')
    for m in _deadline_matches(f, mask):  # the digits found by bytes.find on the mask (when f is Vietnamese text)
        g = m.groups()
        phrase = text[m.start() : m.end()].strip()
        if g[0] or g[3]:
            d, mo, y = (int(x) for x in (g[0:3] if g[0] else g[3:6]))
            if not is_real_date(y, mo, d):
                warnings.append(f'"{phrase}": {d}/{mo}/{y} is not a real date')
                taken.claim(m.start(), m.end())
                continue
            add(m.start(), m.end(), f"{y:04d}-{mo:02d}-{d:02d}", f'deadline "{phrase}"')
            continue
        d, mo = (int(x) for x in (g[6:8] if g[6] else g[8:10]))
        if not is_real_date(2024, mo, d):
            warnings.append(f'"{phrase}": {d}/{mo} is not a real date')
            taken.claim(m.start(), m.end())
            continue
        if every_year or year_of_the_cycle(f, m.end()):  # "trước ngày 20 tháng 11 năm trước": a day of every year
            add(m.start(), m.end(), f"--{mo:02d}-{d:02d}", f'"{phrase}": a day of every year')
            continue
        year = _year_for(mo, d, ctx)
        if year is None or not is_real_date(year, mo, d):
            warnings.append(f'"{phrase}": no year given and the dispatch has no date; kept as every year')
            add(m.start(), m.end(), f"--{mo:02d}-{d:02d}", f'"{phrase}": no year, taken as every year')
        else:
            add(m.start(), m.end(), f"{year:04d}-{mo:02d}-{d:02d}", f'"{phrase}": year taken from the dispatch\'s date')
    for dl in list(found):  # "trước ngày 15/6 và 15/12": a second day joined to a deadline's shares its word
        for start, end, due in joined_day(f, dl.end, dl.due, lambda mo, d: _year_for(mo, d, ctx)) if dl.relative is None else ():
            add(start, end, due, f'"{text[start:end].strip()}": joined to "{dl.phrase}"')
    found.sort(key=lambda x: x.start)
    return without_replaced(f, found)
