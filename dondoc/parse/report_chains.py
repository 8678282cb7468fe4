"""Reports in a chain, one clause each with its own subject and date ("Các sở gửi báo cáo về Sở Nội vụ
trước ngày 23/5; Sở Nội vụ tổng hợp, báo cáo UBND tỉnh trước ngày 28/5"), the clauses of a text, and the
report a day is labelled for ("trước ngày 30/4 (đối với báo cáo năm)"), and days listed as their periods are
("6 tháng và hằng năm … trước ngày 25/5 và 25/11") (pure)."""

from __future__ import annotations

import re
from bisect import bisect_left

from dondoc.parse.cadence_hints import DISPATCH_EVENTS, on_each_request
from dondoc.parse.dates import DateContext, Deadline, find_deadlines
from dondoc.parse.deadline_words import cites_a_request
from dondoc.parse.normalize import fold, fold_keep_length
from dondoc.parse.owners import find_owners, subject_before
from dondoc.parse.recipients import _recipient
from dondoc.parse.reports import ReportSpec, _first_report

CLAUSE_BREAK = re.compile(r";\s+|\.\s+(?=[A-ZĐ])")
# "gửi UBND tỉnh biết, theo dõi", "để … biết": a copy sent for information
FOR_INFORMATION = re.compile(r"\b(?:biet|de biet)\s*(?:,|va)?\s*(?:theo doi|chi dao|de theo doi)?\b")


def chain_reports(text: str, ctx: DateContext, gatherer: str | None) -> list[ReportSpec]:
    """A chain of reports, each its own clause with its own subject and date ("Các sở gửi báo cáo về
    Sở Nội vụ trước ngày 23/5; Sở Nội vụ tổng hợp, báo cáo UBND tỉnh trước ngày 28/5"): one
    report for each clause that asks one, by a date (gold convention 5)."""
    if ";" not in text and ". " not in text:
        return []
    f = fold_keep_length(text)
    if f.count("bao cao") + f.count("gui ") < 2:
        return []
    out: list[ReportSpec] = []
    for clause in split_after_punct(CLAUSE_BREAK, text):
        start = _first_report(clause)
        if start is None:
            continue
        fc = fold_keep_length(clause)
        if FOR_INFORMATION.search(fc, start) or cites_a_request(fc, 0, start):
            continue  # a copy "gửi UBND tỉnh biết, theo dõi" (convention 11); another document's request
        dls = [d for d in find_deadlines(clause, every_year=False, ctx=ctx, warnings=[]) if d.due or d.relative]
        rec = _recipient(clause, start)
        by = subject_before(clause, start) or find_owners(clause[:start]).lead  # "Sở Nội vụ tổng hợp, báo cáo …"
        first = dls[0] if dls else None
        repeat, why = on_each_request(first.relative if first else None, bool(first and first.due), "once",
                                      "a report of a chain, without a cadence: once")  # each file's step: on request
        out.append(ReportSpec(repeat, first.due if first else None, first.relative if first else None,
                              rec.name if rec else None, by, why,
                              consolidator=gatherer, due_why=first.why if first else "no date stated"))
    # a chain holds one dated report at least, or passes each undated report on to the next sender; a lone dated
    # report is no chain (nor are the steps of a procedure that count their days from each file they receive: one
    # duty of the unit's owners, on request)
    return out if any(sp.due or sp.relative and sp.relative.from_event in DISPATCH_EVENTS for sp in out) \
        or len(out) > 1 and not any(sp.relative for sp in out) and _passed_on(out) else []


def _passed_on(specs: list[ReportSpec]) -> bool:
    """Whether each report's sender is the one the report before it goes to, named again ("UBND cấp xã … báo cáo
    UBND cấp huyện; UBND cấp huyện tổng hợp, … báo cáo UBND cấp tỉnh"): the steps of one chain, undated."""
    return all(a.to and b.by and any(fold(n).strip() in fold(a.to) for n in b.by) for a, b in zip(specs, specs[1:]))


def split_after_punct(pattern: re.Pattern[str], text: str) -> list[str]:
    """The text cut after each match of `pattern`'s first character (the punctuation kept)."""
    parts: list[str] = []
    last = 0
    for m in pattern.finditer(text):
        parts.append(text[last : m.start() + 1])
        last = m.end()
    parts.append(text[last:])
    return parts


# "(đối với báo cáo quý)", "đối với báo cáo định kỳ hằng năm", right after a day: the report the day is for
_LABEL = re.compile(r"(?:\s+(?:hang|moi|cua) (?:nam|quy|thang)(?: sau)?)?\s*[(,]?\s*(?:doi voi|ap dung cho|voi|cho)\s+(?:cac\s+)?(?:ky\s+)?bao cao\s+(?:dinh ky\s+)?(?:hang\s+|ca\s+)?"
                    r"(quy|nam|thang|tuan|0?6 thang|sau thang|nua nam)\b")
_LABELS = {"quy": "quarterly", "nam": "annual", "thang": "monthly", "tuan": "weekly"}


# "… trước ngày 15/6 (báo cáo 6 tháng) và trước ngày 15/11 (báo cáo năm)": the report named in brackets after the day
_BRACKET_LABEL = re.compile(r"\s*\(\s*(?:ky\s+)?bao cao\s+(?:dinh ky\s+)?(?:hang\s+|ca\s+)?(quy|nam|thang|tuan|0?6 thang|sau thang|nua nam)\s*\)")


def labelled_period(f: str, end: int) -> str | None:
    """The cadence of the report a day is written for, when a label follows it at `end` in the folded text."""
    m = _LABEL.match(f, end) or _BRACKET_LABEL.match(f, end)
    if m is None:
        return None
    return _LABELS.get(m.group(1), "semiannual")


_IN_LABEL = re.compile(r"(?:doi voi|ap dung cho)\s+(?:cac\s+)?(?:ky\s+)?(?:bao cao\s+)?(?:dinh ky\s+)?$|"
                       r"\d\s*\(\s*(?:ky\s+)?bao cao\s+(?:dinh ky\s+)?(?:hang\s+|ca\s+)?$")


def in_label(f: str, at: int) -> bool:
    """Whether the period named at `at` of the folded text stands in a label ("đối với báo cáo năm")."""
    return _IN_LABEL.search(f, max(0, at - 40), at) is not None


# between two periods named as one list ("6 tháng và hằng năm", "quý, 6 tháng")
_LISTED = re.compile(r"\s*(?:,|va|hoac)?\s*$")
# one more day of the year in a list of them ("… 25 tháng 5 và 25 tháng 11", "… 15/6, 15/12"), not a full date
_MORE_DAY = re.compile(r"\s*(?:,|va)\s*(?:ngay\s+)?(\d{1,2})\s*(?:/|thang)\s*(\d{1,2})\b(?!\s*(?:/|nam)\s*\d)")


def pair_listed(f: str, periods: list[tuple[int, int, str]], yearly: list[Deadline], starts: list[int],
                 used: set[int]) -> dict[int, str]:
    """Periods named as one list and then as many days of the year as one list ("Định kỳ 6 tháng và hằng năm
    … trước ngày 25 tháng 5 và 25 tháng 11"): each period takes the day written in its place. Returns the due
    of each period so paired (by its place in `periods`); the deadlines read so are marked used."""
    paired: dict[int, str] = {}
    k = 0
    while k < len(periods):
        j = k
        while j + 1 < len(periods) and periods[j + 1][2] != periods[j][2] \
                and _LISTED.match(f, periods[j][1], periods[j + 1][0]):
            j += 1
        first, k = k, j + 1
        if j == first or any(periods[x][2] == "ad_hoc" for x in range(first, k)):
            continue
        i = bisect_left(starts, periods[j][1])
        limit = periods[k][0] if k < len(periods) else len(f)
        if i == len(yearly) or yearly[i].start >= limit or not (yearly[i].due or "").startswith("--"):
            continue
        days = [str(yearly[i].due)]
        pos = yearly[i].end
        while len(days) < k - first and (m := _MORE_DAY.match(f, pos)) is not None:
            day, month = int(m.group(1)), int(m.group(2))
            if not (1 <= month <= 12 and 1 <= day <= 31):
                break
            days.append(f"--{month:02d}-{day:02d}")
            pos = m.end()
        if len(days) == k - first:
            paired.update(zip(range(first, k), days))
            used.update(d.start for d in yearly[i:] if d.start < pos)
    return paired
