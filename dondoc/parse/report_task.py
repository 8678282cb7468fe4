"""A reporting obligation read from an item's text made a task of its own (kind "report"), with its
recipient, its owners, its schedule and the reasons for each (pure)."""

from __future__ import annotations

import re

from dondoc.parse.lunar_dues import find_lunar_deadlines, without_misread
from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.reports import ReportSpec
from dondoc.parse.stated_cadence import weekly_due
from dondoc.parse.task_owners import _owners
from dondoc.parse.titles import title_of
from dondoc.taskset import Cascade, Owner, Schedule, Task

# "về UBND tỉnh vào thứ 6 hằng tuần": the recipient's name stops before the day of a weekly report
_WEEKLY_TAIL = re.compile(
    r"(?i)\s+(?:vào\s+)?(?:(?:sáng|chiều|trưa|tối)\s+)?(?:(?:ngày\s+)?thứ\s+\w+|chủ\s+nhật)"
    r"(?:\s+(?:hằng|hàng|mỗi)\s+tuần)?\s*$|\s+(?:hằng|hàng|mỗi)\s+tuần\s*$")


def report_task(
    key: str, text: str, spec: ReportSpec, span: tuple[int, int], fallback_lead: list[str], fallback_why: str = ""
) -> Task:
    lunar = find_lunar_deadlines(text)
    yearly = [lu.lunar for lu in lunar if lu.lunar is not None]
    dues = without_misread(list(spec.dues), lunar) + [lu.due for lu in lunar if lu.due]
    repeat = "annual" if yearly and spec.repeat in ("once", "continuous") else spec.repeat
    relative, due_why = spec.relative, spec.due_why
    to = (_WEEKLY_TAIL.sub("", spec.to) or spec.to) if spec.to else None
    if repeat == "weekly":
        dues, due_why = weekly_due(text, dues)
        relative = None
    sched = Schedule(repeat=repeat, due=list(dict.fromkeys(dues)), relative=relative, lunar=yearly)  # type: ignore[arg-type]
    task = Task(key=key, title=title_of(text), text=text, kind="report", report_to=to, schedule=sched, span=span)
    task.lead = _owners(spec.by or fallback_lead)
    task.explain = {
        "kind": "a reporting obligation (báo cáo ... về/gửi ...)",
        "lead": "the subject of báo cáo" if spec.by else (fallback_why or "the owners of the item it sits in"),
        "report_to": f'"{to}" receives it' if to else "the text names no recipient",
        "schedule.repeat": spec.why,
        "schedule.due": due_why or ("no date stated" if not (spec.due or spec.relative) else spec.why),
    }
    if lunar:
        task.explain["schedule.lunar"] = "; ".join(lu.why for lu in lunar)
    if spec.consolidator and spec.consolidator not in [o.name for o in task.lead]:
        task.cascade = Cascade(by=Owner(name=spec.consolidator))
        task.explain["cascade"] = f'the text says "{spec.consolidator}" gathers the reports ("… để tổng hợp")'
    return task


# "… gửi báo cáo về Sở Kế hoạch và Đầu tư trước ngày 23/5": the report (a noun) sent, said after it was asked for
_SENDS_THE_REPORT = re.compile(r"\b(?:gui|nop) (?:cac )?bao cao\b|\bbao cao (?:gui|nop) (?:ve|den|cho)\b")


def told_twice(reports: list[Task]) -> list[Task]:
    """An item's reports without one asked for with no time and no recipient when a later sentence of the item sends
    "the report" somewhere by a date ("Giao … báo cáo tình hình …. Yêu cầu gửi báo cáo về Sở X trước ngày 23/5"): one
    report told in two sentences, the second saying where and when."""
    out: list[Task] = []
    for k, r in enumerate(reports):
        bare = r.schedule.repeat == "once" and not r.schedule.due and r.schedule.relative is None and not r.report_to
        if bare and any(later.schedule.repeat == "once" and later.schedule.due and later.report_to
                        and _SENDS_THE_REPORT.search(fold_keep_length(later.text)) for later in reports[k + 1 :]):
            continue
        out.append(r)
    return out
