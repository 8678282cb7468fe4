"""Reporting obligations: who reports to whom, how often and by when (pure).

"Định kỳ 06 tháng (trước 15/6), 01 năm (trước 15/11) hoặc đột xuất theo yêu cầu" is three
obligations: semiannual due --06-15, annual due --11-15 and ad hoc.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dondoc.parse.dates import DateContext, Deadline, find_deadlines
from dondoc.parse.lines import tokenize
from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.owners import org_at, owner_list, subject_before
from dondoc.taskset import Relative

_REPORT = re.compile(r"\bbao cao\b|\bgui (?:ve|den|cho|ket qua|bao cao|van ban)\b")
_NOT_OBLIGATION_BEFORE = re.compile(r"(?:cac|che do|giao ban,?|tong hop|nghe|theo|sau khi nghe)\s*$")
_PERIODS: list[tuple[str, re.Pattern[str]]] = [
    ("semiannual", re.compile(r"\b(?:0?6|sau) thang(?! (?:nam|/))|\bnua nam\b")),
    ("annual", re.compile(r"\b(?:0?1|mot) nam\b|\bhang nam\b|\bmoi nam\b|\bbao cao nam\b|\btong ket nam\b")),
    ("quarterly", re.compile(r"\b(?:hang|moi|dinh ky) quy\b|\bbao cao quy\b")),
    ("monthly", re.compile(r"\b(?:hang|moi|dinh ky) thang\b")),
    ("ad_hoc", re.compile(r"\bdot xuat\b")),
]
_TO = re.compile(r"\b(?:ve|gui|len)\b")
_WHEN = re.compile(r"\d{1,2}\s*/\s*\d{1,2}|\bdinh ky\b|\bhang (?:nam|quy|thang)\b|\bdot xuat\b|\btruoc ngay\b")
_TO_STOP = re.compile(r"\s*(?:\btruoc\b|\bcham nhat\b|\bde\b|\btheo\b|\bdinh ky\b|\bhang\b|\btrong\b|[.;]|$)")


@dataclass(frozen=True)
class ReportSpec:
    repeat: str
    due: str | None
    relative: Relative | None
    to: str | None
    by: list[str]  # who reports
    why: str


def is_obligation(text: str) -> bool:
    """Whether the text asks someone to report to someone, by a date or on a cadence."""
    return _first_report(text) is not None


@lru_cache(maxsize=256)
def _first_report(text: str) -> int | None:
    f = fold_keep_length(text)
    if "bao cao" not in f and "gui " not in f:
        return None
    has_when: bool | None = None
    for m in _REPORT.finditer(f):
        before = f[max(0, m.start() - 20) : m.start()]
        if _NOT_OBLIGATION_BEFORE.search(before):
            continue
        if _TO.search(f, m.end(), m.end() + 160):
            return m.start()
        if has_when is None:
            has_when = _WHEN.search(f) is not None
        if has_when:
            return m.start()
    return None


def _recipient(text: str, from_: int) -> str | None:
    f = fold_keep_length(text)
    for m in re.finditer(r"\b(?:ve|gui(?: ve)?|len|den|cho)\s+", f[from_:]):
        s = from_ + m.end()
        seg = text[s : s + 220]
        toks = tokenize(seg)
        if not toks or not org_at(toks, 0):
            continue
        ol = owner_list(toks, 0)
        end = toks[ol.end - 1].end if ol.end else toks[0].end
        name = seg[:end]
        if "(" in name:
            name = name[: name.index("(")]
        pm = re.match(r"\s*\(([^()]*?)(?:\)|(?=\s+trước|\s+chậm|[.;]|$))", seg[len(name):])
        if pm and pm.group(1).strip(" *"):
            name = name.rstrip() + " (" + pm.group(1).strip(" *") + ")"
        return name.replace("*", "").strip(" ,")
    return None


def find_reports(text: str, *, ctx: DateContext, warnings: list[str]) -> list[ReportSpec]:
    """The reporting obligations of one paragraph or bullet, one per cadence."""
    start = _first_report(text)
    if start is None:
        return []
    f = fold_keep_length(text)
    to = _recipient(text, start)
    by = subject_before(text, start)
    periods: list[tuple[int, int, str]] = []
    for repeat, pattern in _PERIODS:
        for m in pattern.finditer(f):
            if not any(s <= m.start() < e for s, e, _ in periods):
                periods.append((m.start(), m.end(), repeat))
    periods.sort()
    out: list[ReportSpec] = []
    if not periods:
        dls = find_deadlines(text, every_year=False, ctx=ctx, warnings=warnings)
        dl = next((d for d in dls if d.start >= 0), None)
        out.append(ReportSpec("once", dl.due if dl else None, dl.relative if dl else None, to, by,
                              dl.why if dl else "a report with no date stated"))
        return out
    yearly = find_deadlines(text, every_year=True, ctx=ctx, warnings=[])
    used: set[int] = set()
    for k, (s, e, repeat) in enumerate(periods):
        nxt = periods[k + 1][0] if k + 1 < len(periods) else len(text)
        prev = periods[k - 1][1] if k else 0
        dl: Deadline | None = None
        if repeat != "ad_hoc":
            dl = next((d for d in yearly if s <= d.start < nxt and d.start not in used), None)
            if dl is None:
                dl = next((d for d in yearly if prev <= d.start < s and d.start not in used), None)
        if dl is not None:
            used.add(dl.start)
        due = dl.due if dl else None
        if due is None and repeat == "monthly":
            dm = re.search(r"\b(?:truoc|cham nhat|den)\s+(?:ngay\s+)?(\d{1,2})\b(?!\s*[/.\-]\s*\d)", f[s:nxt])
            if dm and 1 <= int(dm.group(1)) <= 31:
                due = f"---{int(dm.group(1)):02d}"
        if due and repeat == "monthly" and not due.startswith("---"):
            due = "---" + due[-2:]
        why = f'"{text[s:e].strip()}"' + (f", {dl.why}" if dl else "")
        out.append(ReportSpec(repeat, due, dl.relative if dl else None, to, by, why))
    return out
