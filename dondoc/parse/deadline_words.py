"""Words around a deadline that change what it is: a new deadline that replaces an earlier one ("nay
điều chỉnh thời hạn"), a deadline another document set ("Công văn số 45 … đề nghị báo cáo trước
ngày 15/5"), the horizon in a plan's name ("Quy hoạch … đến năm 2020"), the words that make a date no deadline at all (a cut-off,
a target, what is expected) (pure)."""

from __future__ import annotations

import re
from typing import Protocol, TypeVar


class _Dated(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def due(self) -> str | None: ...
    @property
    def relative(self) -> object: ...


_D = TypeVar("_D", bound=_Dated)

# "nay điều chỉnh thời hạn", "gia hạn đến", "lùi thời hạn": a new deadline replaces the earlier ones
_REPLACED = re.compile(r"\b(?:dieu chinh|thay doi|lui|keo dai)\s+(?:lai\s+)?(?:thoi han|thoi gian|han)\b|\bgia han\b")
# "Công văn số 45/UBND-TH ngày 02/5/2026 đề nghị báo cáo trước ngày 15/5": a request another document
# made (the document is the subject of the request, no comma between), whose deadline it cites
_CITED_REQUEST = re.compile(
    r"\b(?:cong van|van ban|ke hoach|quyet dinh|thong bao|cong dien|chi thi)\s+so\s+\S+(?:\s+ngay\s+[\d/]+)?"
    r"(?:\s+cua\s+[^,;.]{0,60}?)?\s+(?:da\s+)?(?:de nghi|yeu cau|giao|quy dinh|huong dan)\b[^;.]*$")


# "(thay cho thời hạn ngày 15/5/2026 tại Công văn số 45)", "thay vì ngày 15/5": the earlier date, no deadline
_INSTEAD_OF = re.compile(r"\b(?:thay cho|thay vi|thay the cho)\s+(?:(?:thoi han|thoi gian|han)\s+)?(?:(?:la|vao)\s+)?(?:ngay\s+)?$")

_REPLACED_WORDS = ("gia han", "dieu chinh", "thay doi", "lui ", "keo dai")  # one is in every _REPLACED match


def replaces_deadline(f: str) -> bool:
    """Whether the folded text sets a new deadline in place of an earlier one ("nay điều chỉnh thời hạn")."""
    return any(w in f for w in _REPLACED_WORDS) and _REPLACED.search(f) is not None


def cites_a_request(f: str, start: int, end: int) -> bool:
    """Whether the folded clause f[start:end] tells of a request another document made ("Công văn số
    45 … đề nghị báo cáo …"), up to `end`."""
    return " so " in f[start:end] and _CITED_REQUEST.search(f, start, end) is not None


def without_replaced(f: str, found: list[_D]) -> list[_D]:
    """The deadlines without those a later one replaces ("… trước ngày 15/5; nay điều chỉnh thời hạn:
    … trước ngày 30/5"), and without those another document set ("Công văn số 45 … đề nghị báo cáo
    trước ngày 15/5")."""
    if not found or ("so " not in f and "han" not in f and "thay" not in f):
        return found
    m = _REPLACED.search(f) if any(w in f for w in _REPLACED_WORDS) else None
    if m is not None and any(d.start > m.end() and (d.due or d.relative) for d in found):
        found = [d for d in found if d.start > m.start()]
    out = []
    for d in found:
        digit = next((k for k in range(d.start, min(len(f), d.start + 40)) if f[k].isdigit()), d.start)
        if _INSTEAD_OF.search(f, max(0, d.start - 40), digit):
            continue  # "trước ngày 25/5/2026 (thay cho thời hạn ngày 15/5/2026 …)": the date replaced
        reach = max(0, d.start - 400)  # a clause is looked at as far back as a request can name its document
        s = max(reach, f.rfind(";", reach, d.start) + 1, f.rfind(". ", reach, d.start) + 1)
        if cites_a_request(f, s, d.start):
            continue
        out.append(d)
    return out


# "Quy hoạch thủy điện … đến năm 2020", "giai đoạn đến năm 2020", "Chiến lược … đến năm 2030": the horizon
# in the name of a plan, no deadline (unless the work is to be finished: "hoàn thành kế hoạch đến năm 2020")
_PLAN_NAME = re.compile(r"\b(?:quy hoach|chien luoc|tam nhin|dinh huong|ke hoach|chuong trinh|de an|giai doan)\b")
_TO_FINISH = re.compile(r"\b(?:hoan thanh|xong)\b")


def names_a_horizon(f: str, start: int) -> bool:
    """Whether the "đến năm …" at `start` of the folded text ends the name of a plan."""
    if not f.startswith("den ", start):
        return False
    lo = max(0, start - 90)
    clause = f[max(lo, f.rfind(".", lo, start) + 1, f.rfind(";", lo, start) + 1, f.rfind(":", lo, start) + 1) : start]
    return _PLAN_NAME.search(clause) is not None and _TO_FINISH.search(clause) is None


# after a day and month: the year said by its place in a yearly cycle ("năm trước", "năm hiện hành", "năm sau",
# "năm kế hoạch"), which every year has (folded)
_CYCLE_YEAR = re.compile(r"\s*(?:cua\s+)?nam\s+(?:truoc|hien hanh|sau|ke hoach|ngan sach)\b")


def year_of_the_cycle(f: str, at: int) -> bool:
    """Whether a day and month that end at `at` in the folded text `f` take their year from a yearly cycle
    ("trước ngày 20 tháng 11 năm trước", "… 15 tháng 11 năm hiện hành"): the budget year before, the current one,
    not a year of their own; the day comes every year."""
    return _CYCLE_YEAR.match(f, at) is not None


# "tính đến 30/11", "tính từ 15/12/2024 đến 14/6/2025": on the text itself, since "tỉnh" folds like "tính"
# "số liệu lấy đến hết tháng 12/2020", "chốt số liệu đến ngày 25": the figures taken up to a day (not "chốt
# danh sách trước ngày …", a deadline)
_CUT_OFF = re.compile(r"(?i)\b(?:tính|lấy|chốt\s+số\s+liệu)\s+(?:từ\s+(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?\s+)?$")
# "dự kiến thực hiện trong năm 2026": what is expected; "mục tiêu tăng trưởng … trong năm 2026": a target's year
_EXPECTED = re.compile(r"\bdu kien\b[^.;:]{0,36}$|\bmuc tieu\b[^.;:]{0,60}$")
# a deadline said after what is expected: "Dự kiến ngày 05/12/2025 (Chậm nhất ngày 10/12/2025)"
_FIRM = re.compile(r"\s*\(?\s*(?:cham nhat|han chot)\b")
# "Phấn đấu đến hết quý II/2026, các chỉ tiêu đạt trên 50%, đến cuối năm 2026 … vượt 100% kế hoạch": the date by which a
# figure the issuer strives for is to reach a level (a percentage said right after it) is a target, like "mục tiêu …"
_AIMED = re.compile(r"\bphan dau\b[^.;:]{0,80}$")
_LEVEL = re.compile(r"[^.;:%]{0,50}\d\s*%")
_ONWARD = re.compile(r"\s*,?\s*(?:va|den)\s+(?:cac|nhung)\s+nam\s+(?:tiep theo|tiep|sau)\b")
# "… đến năm 2030 đạt mục tiêu bao phủ …", "tới năm 2026 tỷ lệ bao phủ đạt trên 95%": the year a level is to be reached,
# a target (not "hoàn thành đến năm 2030")
_REACHED = re.compile(r"\s*,?\s*(?:(?:ty le|muc|so)\b[^.;:]{0,60}?)?\bdat\b")
_REACHED_BY = re.compile(r"(?:den|toi)\b")


def _reached_by(f: str, start: int) -> bool:
    """Whether the date at start is said "đến/tới (năm) …" (the span may or may not hold the word)."""
    return _REACHED_BY.match(f, start) is not None or f[max(0, start - 9):start].rstrip().endswith(("den", "toi"))


def said_as_no_deadline(text: str, f: str, start: int, end: int, dated: bool) -> bool:
    """Whether the words around a date said at [start, end) of a text (f: its fold) make it no deadline: the
    figures' cut-off ("số liệu tính đến 30/11"); and for a dated one, work from then on ("trong năm 2017 và những năm
    tiếp theo"), what is expected ("11 hoạt động dự kiến thực hiện trong năm 2026") or aimed at ("mục tiêu … trong
    năm 2026", "phấn đấu đến hết quý II/2026, các chỉ tiêu đạt trên 50%", "đến năm 2030 đạt mục tiêu …")."""
    if _CUT_OFF.search(text, max(0, start - 40), start):
        return True
    if not dated:
        return False
    expected = _EXPECTED.search(f, max(0, start - 40), start) is not None and _FIRM.match(f, start) is None
    return (_ONWARD.match(f, end) is not None or expected
            or _REACHED.match(f, end) is not None and _reached_by(f, start)
            or _AIMED.search(f, max(0, start - 80), start) is not None and _LEVEL.match(f, end) is not None)


# "xong trước ngày Quốc khánh 02/9/2025", "chậm nhất trước ngày khai giảng 05/9/2026": a deadline word, a named day
# (a few words, no digit), then its full date: the deadline is that date (folded)
_NAMED_DAY_DEADLINE = re.compile(
    r"\b(?:truoc|cham nhat(?: truoc)?|muon nhat|khong qua|khong muon hon)\s+ngay\s+(?:[a-z]+\s+){1,4}?"
    r"(?:ngay\s+)?(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})(?!\d)")


def named_day_deadlines(f: str) -> list[tuple[int, int, int, int, int]]:
    """(start, end, day, month, year) of each deadline set on a named day written with its full date ("trước ngày
    Quốc khánh 02/9/2025") in folded text."""
    if "ngay" not in f or "/" not in f:
        return []
    return [(m.start(), m.end(), int(m.group(1)), int(m.group(2)), int(m.group(3)))
            for m in _NAMED_DAY_DEADLINE.finditer(f)]
