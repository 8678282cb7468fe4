"""The reports one paragraph asks for, one per cadence or per clause (pure).

"Định kỳ 06 tháng (trước 15/6), 01 năm (trước 15/11) hoặc đột xuất theo yêu cầu" is three
obligations: semiannual due --06-15, annual due --11-15 and ad hoc. reports.py says whether a text
asks for a report at all, to whom, and which day of a period a report is due.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from dondoc.parse.stated_cadence import WEEKLY, weekly_matches
from dondoc.parse.cadence_hints import EVERY_YEAR, day_of_every_year, on_each_request
from dondoc.parse.dates import DateContext, Deadline, find_deadlines
from dondoc.parse.deadline_words import cites_a_request, replaces_deadline
from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.report_chains import (CLAUSE_BREAK, FOR_INFORMATION, chain_reports, in_label, labelled_period,
                                        pair_listed, split_after_punct)
from dondoc.parse.owners import find_owners, subject_before
from dondoc.parse.reports import (
    _FIRST_MONTHS,
    _PERIODS,
    _REPORT,
    _SENTENCE_BREAK,
    ReportSpec,
    _first_report,
    period_day,
)
from dondoc.parse.recipients import _recipient, consolidator_named
from dondoc.parse.scan import skipping
from dondoc.parse.spans import Spans

# "…, báo cáo kết quả cho nhau; hằng năm tổ chức họp giao ban": a clause of its own, about a meeting
_DEADLINE_WORD = re.compile(r"(?:truoc|cham nhat|muon nhat|han|den|trong|xong|hoan thanh|khong qua)\b", re.IGNORECASE)
_MEETING = re.compile(r"\b(?:to chuc|hop|giao ban|hoi nghi)\b")


_CLAUSE_MARK = re.compile(r";|\. ")


class _Clauses:
    """The clauses of a folded text (between ";" and ". "), found once, each asked about once."""

    def __init__(self, f: str) -> None:
        self.f = f
        self.starts = [0] + [m.start() + 1 for m in _CLAUSE_MARK.finditer(f)]
        self.answers: dict[int, bool] = {}

    def other_activity(self, at: int) -> bool:
        """Whether the cadence at `at` stands in a clause (between ; or .) that holds no report but a meeting."""
        k = bisect_right(self.starts, at) - 1  # the clause starts after the last mark before `at`
        found = self.answers.get(k)
        if found is None:
            e = self.starts[k + 1] - 1 if k + 1 < len(self.starts) else len(self.f)
            clause = self.f[self.starts[k] : e]
            found = self.answers[k] = not _REPORT.search(clause) and bool(_MEETING.search(clause))
        return found


def find_reports(text: str, *, ctx: DateContext, warnings: list[str]) -> list[ReportSpec]:
    """The reporting obligations of one paragraph or bullet, one per cadence."""
    start = _first_report(text)
    if start is None:
        return []
    specs = _clause_reports(text, ctx, warnings) or _reports_of(text, start, ctx=ctx, warnings=warnings)
    specs = _one_per_period(specs)
    if len(specs) > 1 and replaces_deadline(fold_keep_length(text)):
        # "Báo cáo … trước ngày 25/12/2025. Nay điều chỉnh thời hạn báo cáo đến trước ngày 10/01/2026": one
        # report, at the new date (the deadlines of the whole text know which one is replaced)
        kept = {d.due for d in find_deadlines(text, every_year=False, ctx=ctx, warnings=[])}
        new = [sp for sp in specs if sp.repeat != "once" or sp.due is None or sp.due in kept] or specs
        to = next((sp.to for sp in specs if sp.to), None)
        by = next((sp.by for sp in specs if sp.by), [])
        # the new date is said without whom the report goes to: the earlier sentence says it
        specs = [replace(sp, to=sp.to or to, by=sp.by or by) for sp in new]
    return specs


def _one_per_period(specs: list[ReportSpec]) -> list[ReportSpec]:
    """The reports of one paragraph, each period once: a period named without a date is the dated
    report of that period named again ("02 kỳ báo cáo (báo cáo 06 tháng và báo cáo 01 năm) … trước ngày
    25/06 đối với báo cáo 06 tháng; trước ngày 28/11 đối với báo cáo năm"), and a report whose
    recipient is not said again goes where the paragraph's only named recipient is."""
    if len(specs) < 2:
        return specs
    dated = {sp.repeat for sp in specs if sp.due or sp.relative}
    kept = [sp for sp in specs if sp.due or sp.relative or sp.repeat not in dated or sp.repeat in ("ad_hoc", "once")]
    # "Hằng quý, năm, … (đối với báo cáo quý) …": an undated period named twice is one report
    undated = [(sp.repeat, sp.to) for sp in kept]
    kept = [sp for k, sp in enumerate(kept) if sp.due or sp.relative or sp.repeat in ("ad_hoc", "once")
            or (sp.repeat, sp.to) not in undated[:k]]
    named = {sp.to for sp in kept if sp.to}
    if len(named) == 1:
        to = next(iter(named))
        kept = [sp if sp.to else replace(sp, to=to) for sp in kept]
    return kept or specs


# a day of the year right before "hằng năm" ("… trước ngày 20 tháng 6 hằng năm", "… 15/12 hằng năm")
_DAY_OF_EVERY_YEAR = re.compile(r"\d{1,2}\s*(?:/|thang)\s*\d{1,2}\s*,?\s*$")
# a time of its own: a day, a cadence ("vào thứ Sáu hằng tuần; báo cáo tổng thể trước ngày …": two reports), a month of a year ("tại phiên họp tháng 8 năm 2014"), a session ("tại kỳ họp
# gần nhất", "vào kỳ họp giữa năm 2019")
_DATED = re.compile(r"\d{1,2}\s*/\s*\d{1,2}|\b(?:hang|moi|dinh ky) (?:tuan|thang|quy|nam)\b|\bthang cuoi quy\b|"
                    r"\bthang \d{1,2}(?: nam |\s*/\s*)\d{4}\b|\b(?:tai|vao) (?:cac )?(?:ky|phien) hop\b")


def _clause_reports(text: str, ctx: DateContext, warnings: list[str]) -> list[ReportSpec]:
    """Reports of different kinds in clauses of their own, each with its own time ("Báo cáo 6 tháng
    gửi trước ngày 10/6/2026; báo cáo năm gửi trước ngày 10/12/2026"): each clause read alone."""
    if ";" not in text or text.count(";") > 12:
        return []
    f = fold_keep_length(text)
    if f.count("bao cao") + f.count("gui ") < 2:
        return []  # one report verb: one report, no clauses to read apart
    parts: list[tuple[str, int]] = []
    for c in split_after_punct(CLAUSE_BREAK, text):
        start = _first_report(c)
        fc = fold_keep_length(c)
        if start is not None and not FOR_INFORMATION.search(fc, start) and not cites_a_request(fc, 0, start):
            parts.append((c, start))
    timed = [c for c, _ in parts if _DATED.search(fold_keep_length(c))]
    if len(timed) < 2 or len(timed) != len(parts):
        return []
    out: list[ReportSpec] = []
    for c, start in parts:
        for sp in _reports_of(c, start, ctx=ctx, warnings=warnings):
            if not sp.by:  # "Sở Nội vụ tổng hợp, báo cáo …": the subject before another verb
                sp = replace(sp, by=find_owners(c[:start]).lead)
            out.append(sp)
    return out


_JOINED = re.compile(r"\s*(?:,|va|;)?\s*(?:ngay\s+)?$")


def _joined_days(text: str, yearly: list[Deadline], k: int, used: set[int]) -> list[str]:
    """The days of the year written right after yearly[k], joined by "và" or a comma, taken as used."""
    f = fold_keep_length(text)
    out: list[str] = []
    while k + 1 < len(yearly):
        nxt, due = yearly[k + 1], yearly[k + 1].due
        if not due or not due.startswith("--") or nxt.start - yearly[k].end >= 16 \
                or not _JOINED.match(f, yearly[k].end, nxt.start):
            break
        k += 1
        used.add(nxt.start)
        out.append(due)
    return out


_DAYS_COUNTED = re.compile(r"\b\d{1,2}\s+ngay\b")
_LIST_GAP = re.compile(r"\s*(?:,|va|hoac)?\s*(?:bao cao\s+)?$")


def _run_end(f: str, periods: list[tuple[int, int, str]], k: int) -> int:
    """The last of the periods listed together with periods[k] ("hằng tháng, quý, 6 tháng và năm"): one day
    written after the list is each one's."""
    j = k
    while j + 1 < len(periods) and periods[j + 1][0] - periods[j][1] < 16 and _LIST_GAP.match(f, periods[j][1], periods[j + 1][0]):
        j += 1
    return j


# "không thực hiện Báo cáo hàng tháng và hàng quý": periods that are not asked for (the search ends at the period)
_NEGATED = re.compile(r"\bkhong\s+(?:(?:thuc hien|phai|can|yeu cau|lap|gui)\s+)?(?:(?:che do\s+)?bao cao\s+)?"
                      r"(?:(?:hang|moi|dinh ky)\s+(?:tuan|thang|quy|nam)\s*(?:,|va|hoac)?\s*)*(?:hang|moi|dinh ky)?\s*$")
# "… trước ngày 15/12/2019 và định kỳ …", "…; sau đó định kỳ …": periodic reports after a dated one
_THEN_PERIODIC = re.compile(r"\b(?:va|sau do|tiep theo|dong thoi)\s+(?:thuc hien\s+)?(?:bao cao\s+)?dinh ky\b")


# "báo cáo định kỳ (tháng, quý, 6 tháng, 9 tháng, năm) gửi về … chậm nhất là ngày 07 hàng tháng": the kinds of
# report listed in brackets all go out on the one day of every month written after them: one monthly report
_KINDS_LISTED = re.compile(r"\bdinh ky\s*\(([^()]{0,80})\)")
_DAY_OF_EVERY_MONTH = re.compile(r"\bngay\s+\d{1,2}\s+(?:hang|moi)\s+thang\b")


def _kinds_on_a_monthly_day(f: str, periods: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The periods without those listed in brackets after "định kỳ" when one day of every month follows."""
    kinds = _KINDS_LISTED.search(f)
    if kinds is None or _DAY_OF_EVERY_MONTH.search(f, kinds.end()) is None:
        return periods
    return [p for p in periods if not kinds.start(1) <= p[0] < kinds.end(1)]


def _reports_of(text: str, start: int, *, ctx: DateContext, warnings: list[str]) -> list[ReportSpec]:
    """The reporting obligations of a text whose first report verb is at `start`."""
    f = fold_keep_length(text)
    recipient = _recipient(text, start)
    to = recipient.name if recipient else None
    gatherer = consolidator_named(text, recipient)
    by = subject_before(text, start)
    periods: list[tuple[int, int, str]] = []
    clauses = _Clauses(f)
    kept = Spans()  # a match that starts inside a period kept already is dropped
    for repeat, pattern in _PERIODS:
        for m in weekly_matches(f) if pattern is WEEKLY else skipping(pattern).finditer(f):
            at = m.start()
            if not kept.overlaps(at, at + 1) and not clauses.other_activity(at) and not _NEGATED.search(f, max(0, at - 80), at):
                periods.append((at, m.end(), repeat))
                kept.claim(at, m.end())
    periods = _kinds_on_a_monthly_day(f, sorted(periods))
    # "(đối với báo cáo năm)": a label after a day names a report the text names elsewhere too, no other one
    outside = {r for a, _, r in periods if not in_label(f, a)}
    periods = [p for p in periods if p[2] not in outside or not in_label(f, p[0])]
    if any(r not in ("annual", "ad_hoc") for _, _, r in periods):
        # "Báo cáo 6 tháng … gửi trước ngày 20 tháng 6 hằng năm": "hằng năm" says the day comes every year
        periods = [p for p in periods if p[2] != "annual" or not f.startswith(("hang nam", "moi nam"), p[0])
                   or not _DAY_OF_EVERY_YEAR.search(f, max(0, p[0] - 16), p[0])]
    # "Gửi báo cáo … hằng tháng về UBND tỉnh … trước ngày 25 hằng tháng": one duty said twice in a
    # sentence, one report (said again in another sentence, another report)
    periods = [p for k, p in enumerate(periods)
               if not k or p[2] != periods[k - 1][2] or _SENTENCE_BREAK.search(f, periods[k - 1][1], p[0])]
    out: list[ReportSpec] = []
    if not periods:
        chain = chain_reports(text, ctx, gatherer)
        if len(chain) > 1:
            return chain
        dls = find_deadlines(text, every_year=False, ctx=ctx, warnings=warnings)
        # a deadline word ("trước ngày", "chậm nhất") wins over a bare period named as the report's
        # subject ("báo cáo … quý I năm 2026 … trước ngày 15/3/2026")
        # "… ban hành Kế hoạch, hoàn thành trước ngày 15/4/2026; tổng hợp kết quả, báo cáo UBND huyện trước
        # ngày 20/5/2026": the report's own date is the one after its verb; one before it only when none follows
        after = [d for d in dls if d.start >= start]
        first = next((d for d in after or dls if d.start >= 0 and _DEADLINE_WORD.match(fold_keep_length(d.phrase))), None) or next(
            (d for d in after or dls if d.start >= 0), None)
        # "… gửi Bộ Tài chính trước ngày 20 tháng 7 năm trước": a day of every year (dates.py) comes every year
        yearly_day = first is not None and first.due is not None and day_of_every_year(first.due)
        repeat, why = ("annual", EVERY_YEAR) if yearly_day else on_each_request(
            first.relative if first else None, bool(first and first.due), "once", "a report without a cadence: once")
        out.append(ReportSpec(repeat, first.due if first else None, first.relative if first else None, to, by, why,
                              consolidator=gatherer,
                              due_why=first.why if first else "no date stated"))
        return out
    yearly = find_deadlines(text, every_year=True, ctx=ctx, warnings=[])
    yearly_starts = [d.start for d in yearly]  # in order: find_deadlines sorts them
    # "… trước ngày 30 tháng 4 hằng năm (đối với báo cáo năm)": a day labelled with the report it is for
    labelled = {d.start: r for d in yearly if (r := labelled_period(f, d.end)) is not None}
    used: set[int] = set()
    paired = pair_listed(f, periods, yearly, yearly_starts, used)

    def first_unused(lo: int, hi: int, repeat: str) -> Deadline | None:
        """The first deadline starting in [lo, hi) that no period has taken, nor labelled for another period."""
        for i in range(bisect_left(yearly_starts, lo), len(yearly)):
            if yearly_starts[i] >= hi:
                return None
            if yearly_starts[i] not in used and labelled.get(yearly_starts[i], repeat) == repeat:
                return yearly[i]
        return None

    for k, (s, e, repeat) in enumerate(periods):
        if k in paired:
            out.append(ReportSpec(repeat, paired[k], None, to, by, f'says "{text[s:e].strip()}"', (), gatherer,
                                  "the day written in the same place as its period in a list of days"))
            continue
        nxt = periods[k + 1][0] if k + 1 < len(periods) else len(text)
        prev = periods[k - 1][1] if k else 0
        dl: Deadline | None = None
        if repeat != "ad_hoc":
            dl = next((d for d in yearly if labelled.get(d.start) == repeat and d.start not in used), None) \
                or first_unused(s, nxt, repeat)
            if dl is None:
                dl = first_unused(prev, s, repeat)
                if dl is not None and not k and dl.due and len(dl.due) == 10 and _THEN_PERIODIC.search(f, dl.start, s):
                    # "báo cáo … trước ngày 15/12/2019 và định kỳ 6 tháng, hằng năm": a dated report first,
                    # then the periodic ones, which take no date of it
                    used.add(dl.start)
                    out.append(ReportSpec("once", dl.due, dl.relative, to, by, "a dated report before the periodic ones",
                                          consolidator=gatherer, due_why=dl.why))
                    dl = None
        if dl is not None:
            used.add(dl.start)
        due = dl.due if dl else None
        more: list[str] = []
        why = f'says "{text[s:e].strip()}"'
        due_why = dl.why if dl else ""
        if due is None and repeat in _FIRST_MONTHS:
            # the day may stand after the cadence ("hằng quý, trước ngày 20 …") or before it
            # (not the day the period before took: "hằng tháng (trước ngày 25), quý, 6 tháng")
            found = period_day(text, s, nxt, repeat) or (
                period_day(text, prev, s, repeat) if not k or out[-1].due is None else None)
            j = _run_end(f, periods, k) if found is None and not labelled else k
            end = periods[j + 1][0] if j + 1 < len(periods) else len(text)
            if j > k and not _DAYS_COUNTED.search(f, periods[j][1], end):
                # "hằng tháng, quý, 6 tháng và năm … (trước ngày 20 của tháng cuối kỳ báo cáo)": the list's one day
                # (not "chậm nhất 10 ngày sau khi hết quý", days counted)
                found = period_day(text, periods[j][1], end, repeat)
            if found is not None:
                (due, *more), due_why = found
        if dl is not None and repeat == "annual" and dl.due and dl.due.startswith("--"):
            # "trước ngày 10/6 và 10/11 hằng năm": more days of the year joined to the first, each a due
            more += _joined_days(text, yearly, yearly_starts.index(dl.start), used)
        if due and repeat == "monthly" and not due.startswith("---"):
            due = "---" + due[-2:]
        out.append(ReportSpec(repeat, due, dl.relative if dl else None, to, by, why, tuple(more), gatherer, due_why))
    if len(out) > 1:
        # "Hằng năm, … sơ kết 6 tháng (trước 15/6) và tổng kết năm (trước 15/12)": the opening "hằng năm"
        # is the year of the dated annual report, no report of its own
        with_due = {sp.repeat for sp in out if sp.due}
        out = [sp for sp in out if sp.due or sp.repeat not in with_due or sp.repeat == "ad_hoc"] or out
    if all(s.repeat == "ad_hoc" for s in out):
        # "báo cáo … trước ngày 05/3/2026; trường hợp đột xuất báo cáo ngay": a dated report, and ad hoc ones
        dated = [d for d in find_deadlines(text, every_year=False, ctx=ctx, warnings=[]) if d.start not in used and (d.relative or d.due and len(d.due) == 10)]
        if dated:
            d = dated[0]
            out.insert(0, ReportSpec("once", d.due, d.relative, to, by, "a dated report beside the ad hoc ones",
                                     consolidator=gatherer, due_why=d.why))
    return out
