"""What a new version of a loaded dispatch changes, task by task (pure): the page the admin confirms
before the replacement (`dondoc load --replace`) takes effect."""

from __future__ import annotations

from dataclasses import dataclass, field

from dondoc.app.form_dates import due_text, events_text
from dondoc.app.review_form import KINDS_VI
from dondoc.schedule.words import repeat_phrase
from dondoc.taskset import Owner, Task, TaskSet


@dataclass(frozen=True)
class Change:
    what: str  # the field in Vietnamese: "Hạn", "Đơn vị chủ trì" …
    before: str
    after: str


@dataclass
class TaskDiff:
    added: list[Task] = field(default_factory=list)
    removed: list[Task] = field(default_factory=list)
    changed: list[tuple[Task, list[Change]]] = field(default_factory=list)  # (the new task, its changes)
    unchanged: int = 0
    dispatch: list[Change] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.dispatch)


def owners_text(owners: list[Owner]) -> str:
    """ "Công an tỉnh (ca-tinh), các sở, ban, ngành (8 đơn vị)"; "—" when none."""
    parts = []
    for o in owners:
        if o.org:
            parts.append(f"{o.name} ({o.org})" if o.name != o.org else o.org)
        elif o.orgs:
            parts.append(f"{o.name} ({len(o.orgs)} đơn vị)")
        else:
            parts.append(f"{o.name} (chưa xác định)")
    return ", ".join(parts) or "—"


def _codes(owners: list[Owner]) -> list[tuple[str, str | None, tuple[str, ...]]]:
    return sorted((o.name, o.org, tuple(sorted(o.orgs))) for o in owners)


def _schedule_text(t: Task) -> str:
    s = t.schedule
    parts = [due_text(s.due) or "—"]
    if s.relative is not None:
        parts.append(f"{s.relative.days} {'ngày làm việc' if s.relative.working_days else 'ngày'} kể từ ngày nhận")
    if s.until is not None:
        parts.append(f"đến {s.until:%d/%m/%Y}")
    return "; ".join(parts)


def task_changes(old: Task, new: Task) -> list[Change]:
    """The fields a person cares about that differ between two versions of one task."""
    out: list[Change] = []
    if old.kind != new.kind:
        out.append(Change("Loại", KINDS_VI[old.kind], KINDS_VI[new.kind]))
    if _codes(old.lead) != _codes(new.lead):
        out.append(Change("Đơn vị chủ trì", owners_text(old.lead), owners_text(new.lead)))
    if _codes(old.support) != _codes(new.support):
        out.append(Change("Đơn vị phối hợp", owners_text(old.support), owners_text(new.support)))
    if old.schedule.repeat != new.schedule.repeat:
        out.append(Change("Chu kỳ", repeat_phrase(old.schedule.repeat, old.schedule.due),
                          repeat_phrase(new.schedule.repeat, new.schedule.due)))
    if (old.schedule.due, old.schedule.relative, old.schedule.until, old.schedule.lunar) != \
            (new.schedule.due, new.schedule.relative, new.schedule.until, new.schedule.lunar):
        out.append(Change("Hạn", _schedule_text(old), _schedule_text(new)))
    if old.schedule.events != new.schedule.events:
        out.append(Change("Ngày kỷ niệm", events_text(old.schedule.events) or "—",
                          events_text(new.schedule.events) or "—"))
    if (old.report_to or "") != (new.report_to or ""):
        out.append(Change("Nơi nhận báo cáo", old.report_to or "—", new.report_to or "—"))
    if old.title != new.title:
        out.append(Change("Tên nhiệm vụ", old.title or "—", new.title or "—"))
    elif old.text != new.text:
        out.append(Change("Nội dung", *changed_part(old.text, new.text)))
    return out


def changed_part(a: str, b: str, context: int = 30) -> tuple[str, str]:
    """The part of a text that changed, with a little context: ("…trước ngày 27/8/2019 để…", "…31/8/2019 để…")."""
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[len(a) - 1 - end] == b[len(b) - 1 - end]:
        end += 1
    lo = max(0, start - context)
    while lo > 0 and not a[lo - 1].isspace():  # whole words only
        lo -= 1

    def cut(t: str) -> str:
        hi = min(len(t), len(t) - end + context)
        while hi < len(t) and not t[hi].isspace():
            hi += 1
        return ("…" if lo else "") + t[lo:hi].strip() + ("…" if hi < len(t) else "")

    return cut(a), cut(b)


def diff_tasksets(old: TaskSet, new: TaskSet) -> TaskDiff:
    """Tasks matched by key: added, removed, changed (with what changed) and how many are unchanged."""
    out = TaskDiff()
    before = {t.key: t for t in old.tasks}
    after = {t.key: t for t in new.tasks}
    for t in new.tasks:
        if t.key not in before:
            out.added.append(t)
            continue
        changes = task_changes(before[t.key], t)
        if changes:
            out.changed.append((t, changes))
        else:
            out.unchanged += 1
    out.removed = [t for t in old.tasks if t.key not in after]
    a, b = old.dispatch, new.dispatch
    for label, x, y in (("Trích yếu", a.subject, b.subject), ("Ngày ban hành", a.issued_on, b.issued_on),
                        ("Độ mật", "mật" if a.classified else "thường", "mật" if b.classified else "thường")):
        if x != y:
            out.dispatch.append(Change(label, _day(x), _day(y)))
    return out


def _day(value: object) -> str:
    from datetime import date

    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    return str(value) if value else "—"
