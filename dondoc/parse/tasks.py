"""Turning one item (or bullet, or closing paragraph) into tasks: owners, dates, cadence, events (pure)."""

from __future__ import annotations

import re
from dataclasses import replace

from dondoc.parse.cadence import NO_CUE, classify, ongoing_before, ongoing_said
from dondoc.parse.stated_cadence import explicit_cadence, weekly_due
from dondoc.parse.cadence_hints import DISPATCH_EVENTS, day_of_every_year, on_each_request
from dondoc.parse.dates import find_deadlines
from dondoc.parse.lunar_dues import find_lunar_deadlines
from dondoc.parse.normalize import fold_keep_length, known_fold
from dondoc.parse.gatherers import gatherers
from dondoc.parse.owners import Given, find_owners
from dondoc.parse.references import find_references
from dondoc.parse.titles import title_of
from dondoc.parse.sections import supervises_only
from dondoc.parse.report_specs import find_reports
from dondoc.parse.report_task import report_task, told_twice
from dondoc.parse.reports import ReportSpec, _first_report, is_obligation
from dondoc.parse.fieldlines import read_fields
from dondoc.parse.spans import Spans
from dondoc.parse.tables import when_phrase
from dondoc.parse.task_owners import (
    _ON_REQUEST,
    _REPORT_FIRST,
    Context,
    _owners,
    fill_lead,
    later_subjects_only,
    owners_of,
    without_issuer,
)
from dondoc.taskset import Schedule, Task

_YEAR = re.compile(r"\b(?:19|20|21)\d\d\b")
_FREQ = ["weekly", "monthly", "quarterly", "semiannual", "annual"]  # most frequent first
# a "." or ";", spaces, a capital: the text is cut after the punctuation, where
# re.split(r"(?<=[.;])\s+(?=[A-ZĐ])") cuts it (found from the rare punctuation, not from every space)
_SENTENCE_BREAK = re.compile(r"[.;]\s+(?=[A-ZĐ])")


def _first_sentence(text: str) -> tuple[str, list[str]]:
    parts: list[str] = []
    last = 0
    f = None
    for m in _SENTENCE_BREAK.finditer(text):  # split_after_punct, the fold of each part cut from the text's
        if f is None:
            f = fold_keep_length(text)
        cut = m.start() + 1
        parts.append(text[last:cut])
        known_fold(parts[-1], f[last:cut])
        last = m.end()
    parts.append(text[last:])
    if f is not None:
        known_fold(parts[-1], f[last:])
    return parts[0], parts[1:]


_NAMES_REACH = 2000


def _without_names(text: str, names: list[str]) -> str:
    """The text with the owners' names blanked: "Đoàn giám sát", "Ban Chỉ đạo" hold words of ongoing
    work that are no verbs of the task."""
    head = text[:_NAMES_REACH]  # the verbs are read no further than this (cadence.classify)
    folded = fold_keep_length(text)
    fhead = folded[:_NAMES_REACH]  # blanked in the same places: the fold of the result, told to known_fold
    blanked = False
    for name in names[:20]:
        if len(name) > 3 and name in head:
            blanked = True
            n, k = len(name), head.find(name)
            while k >= 0:  # where str.replace replaces: left to right, no overlap
                fhead = fhead[:k] + " " * n + fhead[k + n :]
                k = head.find(name, k + n)
            head = head.replace(name, " " * n)
    if not blanked:
        return text
    out = head + text[_NAMES_REACH:]
    known_fold(out, fhead + folded[_NAMES_REACH:])
    return out


def _periodic_first(specs: list[ReportSpec]) -> list[ReportSpec]:
    """The reports of one unit, a periodic one first when the first is "đột xuất": "Thực hiện báo cáo đột xuất
    theo yêu cầu, báo cáo định kỳ hằng năm trước ngày 15/12 …" is a yearly report due 15/12 (the unit's cadence
    and day), with an on-request report of its own."""
    if specs and specs[0].repeat == "ad_hoc":
        k = next((i for i, sp in enumerate(specs) if sp.repeat in _FREQ), None)
        if k is not None:
            return [specs[k], *specs[:k], *specs[k + 1 :]]
    return specs


def item_tasks(
    key: str,
    text: str,
    bullets: list[tuple[str, tuple[int, int]]],
    span: tuple[int, int],
    label: str,
    inherited: Given | None,
    ctx: Context,
    where: str,
) -> list[Task]:
    """The task of one item, and the report tasks of its reporting bullets."""
    report_bullets = [(t, s) for t, s in bullets if is_obligation(t)]
    plain = [t for t, s in bullets if not is_obligation(t)]
    warnings: list[str] = []
    first, rest = _first_sentence(text)
    own_report = is_obligation(first)
    body = " ".join([text, *plain])
    if plain:
        known_fold(body, " ".join([fold_keep_length(t) for t in [text, *plain]]))  # " " folds to itself
    # "chỉ đạo B" in one duty among the bullets of an owner's unit makes B no lead (convention 22)
    # the owners of every bullet are the unit's (convention 3), a reporting bullet's too ("- Sở Xây dựng:
    # … báo cáo …", "- Các sở, ngành gửi ý kiến về Trung tâm … trước hội nghị"); not those who report to a
    # gatherer the bullet names ("… đề nghị các sở, ngành báo cáo … Giao Công an tỉnh chủ trì, tập hợp"):
    # the gatherer is the unit's owner, the others only report to it
    # a bullet that asks only the council's bodies to keep supervising is its standing supervision (convention 9)
    found = owners_of([text, *(t for t, _ in bullets if (t in plain or not gatherers(t))
                               and not supervises_only(t, find_owners(t).lead))], label, directs=".-" not in key)
    without_issuer(found, ctx.issuer)
    if (inherited and inherited.lead or ctx.preamble_lead) and later_subjects_only(found, first):
        # "Tiến hành xem xét lại từng hồ sơ … Cơ quan y tế kiểm tra hồ sơ bệnh án": the item asks its owner
        # (named above it) to act; a subject of a later sentence tells how the work goes, no owner
        found.lead, found.lead_why = [], []
    task = Task(key=key, title=title_of(label or text), text=body if not label or text.startswith(label) else body, span=span)
    task.explain["key"] = f'numbered "{key}" in the text'
    task.explain["kind"] = "an instruction to act: it asks for no report"
    task.references = find_references(body)
    fill_lead(task, found, inherited, ctx, where)
    tasks = [task]
    specs = find_reports(text, ctx=ctx.dates, warnings=warnings) if own_report else []
    if specs and all(sp.repeat == "ad_hoc" for sp in specs) and not _REPORT_FIRST.match(fold_keep_length(first)) \
            and not _ON_REQUEST.search(fold_keep_length(first)):
        # "… triển khai thực hiện và báo cáo Chủ tịch UBND tỉnh nếu có vấn đề phát sinh": the work keeps its
        # own cadence, the prompt report is a report of its own (gold convention 20)
        own_report = False
    if specs and all(sp.repeat == "once" and not sp.dues and sp.relative is None for sp in specs) \
            and not _REPORT_FIRST.match(fold_keep_length(first)) and ongoing_before(first, _first_report(first) or 0):
        # "Sở Nội vụ chủ trì, theo dõi, đôn đốc, tổng hợp tình hình thực hiện, báo cáo UBND tỉnh": the ongoing
        # duty keeps its cadence, the report it ends on is a report of its own (as gold convention 20)
        own_report = False
    head_to = None
    if own_report and report_bullets and text.rstrip().endswith(":") \
            and all(sp.repeat == "once" and not sp.dues and sp.relative is None for sp in specs):
        # "(1) … gửi báo cáo định kỳ đến cơ quan nhận báo cáo:" over "- Chậm nhất ngày 15 … đối với báo cáo định
        # kỳ hằng tháng;" …: the head introduces the reports, its bullets say each one's cadence and day
        own_report, head_to = False, specs[0].to
    if own_report:
        main, *more = _periodic_first(specs)
        lead_names, lead_why = [o.name for o in task.lead], task.explain.get("lead", "")
        rt = report_task(key, body, main, span, lead_names, lead_why)
        if more and all(sp.repeat == "once" for sp in specs):
            # a chain of dated reports ("… trước 23/5; Sở Nội vụ tổng hợp … trước 28/5"): each date is the item's
            rt.schedule.due = list(dict.fromkeys([*rt.schedule.due, *(d for sp in more for d in sp.dues)]))
            if not rt.schedule.due:  # an undated chain passed on step by step: each step's sender leads the item
                rt.lead = _owners(list(dict.fromkeys(n for sp in specs for n in sp.by))) or rt.lead
        elif more and main.repeat in _FREQ:
            # "Định kỳ 6 tháng (trước 15/6) và hằng năm (trước 15/12), … báo cáo …": the unit is due on the days of
            # all its periodic reports (its first report's day first), days of a kind its cadence can hold
            rt.schedule.due = list(dict.fromkeys([*rt.schedule.due, *(
                d for sp in more if sp.repeat in _FREQ for d in sp.dues
                if d.startswith("T") == (main.repeat == "weekly") and (main.repeat != "monthly" or d.startswith("---")))]))
        if main.repeat == "once" and main.due:
            # "… ban hành Kế hoạch, hoàn thành trước ngày 15/4/2026; tổng hợp kết quả, báo cáo UBND huyện trước
            # ngày 20/5/2026": the work's own date before the report's is the item's too
            verb = _first_report(text) or 0
            earlier = [d.due for d in find_deadlines(text, every_year=False, ctx=ctx.dates, warnings=[])
                       if d.due and len(d.due) == 10 and d.start < verb]
            rt.schedule.due = list(dict.fromkeys([*earlier, *rt.schedule.due]))
        rt.support = task.support
        rt.explain["key"] = task.explain["key"]
        rt.references = task.references
        ctx.warnings.extend(f"{where}: {w}" for w in warnings)
        return [rt] + [report_task(f"{key}.R{k}", body, sp, span, lead_names, lead_why) for k, sp in enumerate(more, 1)]
    report_bullets += [(s_, span) for s_ in ([first] if specs and head_to is None else []) + rest if is_obligation(s_)]
    reports: list[Task] = []
    n = 0
    for t, s in report_bullets:
        for sp in find_reports(t, ctx=ctx.dates, warnings=warnings):
            n += 1
            sp = sp if sp.to or head_to is None else replace(sp, to=head_to)
            own = find_owners(t).lead  # the bullet's own subject ("Chi hội trưởng các chi hội … báo cáo …"), else the item's
            reports.append(report_task(f"{key}.R{n}", t, sp, s, own or [o.name for o in task.lead],
                                       f"named in the line: {', '.join(own)}" if own else task.explain.get("lead", "")))
    if len(reports) > 1:
        reports = told_twice(reports)
        for k, r in enumerate(reports, 1):
            r.key = f"{key}.R{k}"
    stated = explicit_cadence(body)
    every_year = bool(stated and stated[0] in ("annual", "semiannual"))
    dls = find_deadlines(body, every_year=every_year, ctx=ctx.dates, warnings=warnings)
    lunar = find_lunar_deadlines(body)
    # "trước ngày 15/7 âm lịch" is a lunar day, not 15 July
    lunar_spans = Spans()
    for lu in lunar:
        lunar_spans.claim(lu.start, lu.end)
    dls = [d for d in dls if not lunar_spans.overlaps(d.start, d.end)]
    events = ctx.finder.find(body, warnings)
    due = [d.due for d in dls if d.due] + [lu.due for lu in lunar if lu.due]
    if not due and not any(d.relative for d in dls):
        # "- Thời gian thực hiện: Năm 2026.": the item's own time line, read as a table's time column is
        # (a range of years, a period of work, is no deadline)
        for when in [w for piece in [text, *plain] if "hời gian" in piece or "hời hạn" in piece
                     for w in read_fields(piece).when if len(_YEAR.findall(w)) == 1]:
            due += [d.due for d in find_deadlines(when_phrase(when), every_year=False, ctx=ctx.dates, warnings=warnings)
                    if d.due and d.due not in due]
    rel = next((d.relative for d in dls if d.relative), None)
    if rel is not None and rel.from_event not in DISPATCH_EVENTS:
        warnings.append(f'the deadline is counted from "{rel.from_event}", a day the dispatch does not give: '
                        "set its date by hand")
    periodic = [r for r in reports if r.schedule.repeat in _FREQ]
    from_reports = bool(periodic and not due)
    reported_dues: list[str] = []  # why each due taken from a dated report is the unit's
    if not from_reports:
        # a dated report the unit asks for in a bullet of its own is one of the unit's dues (convention 3)
        for r in reports:
            taken = [d for d in r.schedule.due if r.schedule.repeat == "once" and len(d) == 10 and d not in due]
            if taken:
                due += taken
                reported_dues.append(f"the due of its report {r.key} ({', '.join(taken)})")
    if from_reports:
        best = min(periodic, key=lambda r: _FREQ.index(r.schedule.repeat))
        repeat: str = best.schedule.repeat
        why = f"takes the reporting cadence of {best.key}: {best.explain['schedule.repeat']}"
        # weekdays and days of a month or year do not mix: a weekly item takes its weekly reports' days
        due = [d for r in periodic if (r.schedule.repeat == "weekly") == (repeat == "weekly") for d in r.schedule.due]
        if repeat == "monthly":
            # a monthly item's days are days of a month: "--06-06" of its 6-month report is no "---06"
            due = [d for d in due if d.startswith("---")]
        task.explain["schedule.due"] = "the due dates of its periodic reports"
    else:
        repeat, why = classify(
            _without_names(body, [o.name for o in [*task.lead, *task.support]]),
            has_one_off_due=any(not d.startswith("--") for d in due) or rel is not None,
            yearly_due=bool(due) and all(day_of_every_year(d) for d in due),
            events=bool(events),
            campaign=bool(events) and all(e.event in ctx.campaign | ctx.finder.campaign_events(body) for e in events),
        )
        if due or rel:
            task.explain["schedule.due"] = "; ".join([*(d.why for d in dls), *reported_dues])
        if why == NO_CUE and ctx.window:
            repeat, why = "once", f'done within the dated days the preamble sets ("{ctx.window}")'
        elif why == NO_CUE and ctx.occasion:
            repeat, why = "once", f'done for the one occasion the dispatch serves ("{ctx.occasion}")'
    if repeat == "continuous" and reports and all(r.schedule.repeat == "once" for r in reports) and not ongoing_said(body):
        repeat, why = "once", f"takes the cadence of its one report {reports[0].key}"
    repeat, why = on_each_request(rel, bool(due), repeat, why)
    yearly_lunar = [lu.lunar for lu in lunar if lu.lunar is not None]
    if yearly_lunar:
        if repeat in ("once", "continuous", "ad_hoc"):
            repeat, why = "annual", "a deadline on the lunar calendar comes every year"
        task.explain["schedule.lunar"] = "; ".join(lu.why for lu in lunar if lu.lunar is not None)
    elif any(lu.due for lu in lunar):
        task.explain["schedule.due"] = "; ".join([*(d.why for d in dls), *reported_dues, *(lu.why for lu in lunar if lu.due)])
    if repeat == "monthly":
        due = [d if d.startswith("---") else "---" + d[-2:] for d in due]
    elif repeat == "weekly":
        if not from_reports:
            due, task.explain["schedule.due"] = weekly_due(body, due)
        rel = None  # a deadline counted from receipt would stand for every week's occurrence
    task.schedule = Schedule(repeat=repeat, due=list(dict.fromkeys(due)), events=[e.event for e in events],  # type: ignore[arg-type]
                             relative=rel, lunar=yearly_lunar)
    task.explain["schedule.repeat"] = why
    if events:
        task.explain["schedule.events"] = "names " + ", ".join(f'"{e.name}"' for e in events)
    ctx.warnings.extend(f"{where}: {w}" for w in warnings)
    return tasks + reports
