"""What a digest says about one item: the payload a sweep stores in the outbox (plain JSON data).

An escalation is written as an escalation: one block per item (task and period) to one
recipient, naming the late units of that item one per line with their days late and the
rungs already sent; fifteen copies of the same item are not an escalation.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from dondoc.schedule import plan as planmod
from dondoc.schedule.calendar import ART_148, fmt, fmt_long
from dondoc.schedule.ladder import RECIPIENT_VI, days_late
from dondoc.schedule.observances import observance_days
from dondoc.schedule.periods import window_phrase
from dondoc.schedule.words import period_words, repeat_phrase
from dondoc.store import digest_parts as parts
from dondoc.store import models as m

if TYPE_CHECKING:
    from dondoc.store.records import Book
    from dondoc.store.sweep import SweepContext

SentRung = tuple[int, str, date]  # (working days after the deadline, recipient, the day it was planned)


def chased_due(occ: m.Occurrence) -> date:
    """The deadline reminders and the ladder follow: the extended one when granted."""
    return occ.extended_effective_due or occ.effective_due


def item(c: planmod.Candidate, occ: m.Occurrence, task: m.Task, d: m.Dispatch,
         orgs: dict[str, m.Organization], ctx: SweepContext, *, sent: list[SentRung] | None = None) -> dict[str, Any]:
    """One occurrence as a digest item (reminder, observance, overdue notice, acknowledgement request)."""
    obs = ctx.catalog.by_key(occ.event_key) if occ.event_key else None
    anniversary, round_year = None, False
    if obs is not None:
        days = observance_days([obs], between=(occ.stated_due, occ.stated_due))
        if days:
            anniversary, round_year = days[0].anniversary, days[0].round_year
    window = (occ.data_from, occ.data_to) if occ.data_from and occ.data_to else None
    owner = orgs.get(occ.org_code)
    due = chased_due(occ)
    note = None if occ.kind == "event" else due_note(occ, task, orgs, ctx)
    if c.kind == "overdue":
        note = "; ".join(p for p in (_late_phrase(due, ctx.as_of), _sent_phrase(sent or [], c.rung), note) if p)
    elif c.kind == "ack":
        from dondoc.store.chase import received_on

        note = "; ".join(p for p in (
            f"Đề nghị đơn vị xác nhận đã tiếp nhận nhiệm vụ này (giao ngày {fmt(received_on(d, ctx.tz))}, "
            f"chưa xác nhận sau {ctx.ack_after} ngày làm việc)", note) if p)
    return {
        "kind": c.kind, "dispatch_number": d.number, "dispatch_subject": d.subject, "task_key": task.key,
        "title": task.title, "text": task.text, "owner_name": owner.name if owner else occ.org_code,
        # an extended deadline was not written by the dispatch: no "văn bản ghi" for it (the note says it)
        "due_stated": (due if occ.extended_due else occ.stated_due).isoformat(), "due_effective": due.isoformat(),
        "days_left": (due - ctx.as_of).days, "period_label": period_label(occ, task),
        "window_phrase": window_phrase(window) if window else None, "report_to": task.report_to,
        "observance_name": obs.name if obs else None, "anniversary": anniversary, "round_year": round_year,
        "classified": d.classified, "occurrence_id": occ.id, "note": note,
    }


class ItemMaker:
    """`item` remembered by what it reads besides the occurrence's identity and its owner, and written as a
    part (dondoc.store.digest_parts): the occurrences of one task and period share one part (a busy day's
    300,000 reminders are a few thousand parts), and each gets a small item naming it with its own owner
    and id. `take_parts` hands over the parts made since it was last called, to be stored with the
    digests naming them."""

    def __init__(self) -> None:
        self._made: dict[tuple[Any, ...], tuple[str, str]] = {}  # → (kind, part key)
        self._fresh: dict[str, dict[str, Any]] = {}

    def item(self, c: planmod.Candidate, occ: m.Occurrence, book: Book, ctx: SweepContext, *,
             sent: Mapping[int, list[SentRung]]) -> dict[str, Any]:
        """The item of candidate `c` about `occ` (its task, dispatch and organisations from `book`; `sent`: the
        rungs sent so far, by occurrence)."""
        overdue = c.kind == "overdue"  # only an overdue notice reads its rung and the rungs sent
        rungs = tuple(sent.get(occ.id, ())) if overdue else None  # type: ignore[arg-type]  # stored: has an id
        key = (c.kind, c.rung if overdue else None, rungs, occ.task_id, occ.period,
               occ.kind, occ.event_key, occ.stated_due, occ.written_due, tuple(occ.notes), occ.effective_due,
               occ.data_from, occ.data_to, occ.extended_due, occ.extended_effective_due, occ.upper_due)
        made = self._made.get(key)
        if made is None:
            whole = item(c, occ, book.tasks[occ.task_id], book.dispatch_of(occ.task_id), book.orgs, ctx,  # type: ignore[arg-type]
                         sent=list(rungs or ()))
            own, body = parts.split(whole)
            self._fresh[own[parts.PART]] = body
            made = self._made[key] = (own["kind"], own[parts.PART])
        owner = book.orgs.get(occ.org_code)
        return {"kind": made[0], parts.PART: made[1], "owner_name": owner.name if owner else occ.org_code,
                "occurrence_id": occ.id}

    def take_parts(self) -> dict[str, dict[str, Any]]:
        """The parts made since the last call (key → body)."""
        fresh, self._fresh = self._fresh, {}
        return fresh


def escalation_item(late: list[tuple[planmod.Candidate, m.Occurrence, list[SentRung]]], task: m.Task,
                    d: m.Dispatch, orgs: dict[str, m.Organization], ctx: SweepContext) -> dict[str, Any]:
    """One block of an escalation: the item, then its late units one per line (days late, rungs sent)."""
    late = sorted(late, key=lambda p: (-days_late(chased_due(p[1]), ctx.as_of), _name(orgs, p[1].org_code)))
    first = late[0][1]
    units = []
    for c, occ, sent in late:
        due = chased_due(occ)
        units.append({
            "org_code": occ.org_code, "name": _name(orgs, occ.org_code), "occurrence_id": occ.id,
            "due": due.isoformat(), "since": (due + timedelta(days=1)).isoformat(),
            "days_late": days_late(due, ctx.as_of), "extended": occ.extended_due is not None,
            "rung": {"days": c.rung, "to": c.to},
            "rungs_sent": [{"to": to, "label": RECIPIENT_VI.get(to, to), "on": on.isoformat()}
                           for days, to, on in sorted(sent) if days < c.rung],
        })
    upper = first.upper_due
    window = (first.data_from, first.data_to) if first.data_from and first.data_to else None
    return {
        "kind": "escalation", "task_kind": task.kind, "dispatch_number": d.number, "dispatch_subject": d.subject,
        "task_key": task.key, "title": task.title, "text": task.text, "owner_name": "",
        "due_stated": (first.written_due or upper or first.stated_due).isoformat(),
        "due_effective": min(chased_due(occ) for _, occ, _ in late).isoformat(), "days_left": None, "period_label": period_label(first, task),
        "window_phrase": window_phrase(window) if window else None, "report_to": task.report_to,
        "observance_name": None, "anniversary": None, "round_year": False, "classified": d.classified,
        "occurrence_id": first.id, "note": cascade_sentence(first, task, orgs) if upper else None, "units": units,
    }


def _name(orgs: dict[str, m.Organization], code: str) -> str:
    return orgs[code].name if code in orgs else code


def _late_phrase(due: date, as_of: date) -> str:
    return f"Quá hạn từ ngày {fmt(due + timedelta(days=1))} (hạn cuối {fmt(due)}), đã quá {days_late(due, as_of)} ngày"


def _sent_phrase(sent: list[SentRung], below: int) -> str | None:
    earlier = [f"{RECIPIENT_VI.get(to, to)} ngày {fmt(on)}" for days, to, on in sorted(sent) if days < below]
    return ("Đã nhắc: " + ", ".join(earlier)) if earlier else None


def period_label(occ: m.Occurrence, task: m.Task) -> str | None:
    """The period a report covers, in words ("6 tháng đầu năm 2025"; a week with its day: "tuần 5/2026
    (từ 26/01/2026 đến 01/02/2026); định kỳ thứ Năm hằng tuần"); None for one-off and events."""
    if occ.kind == "event":
        return None
    words = period_words(occ.period)
    if words is not None and task.repeat == "weekly":
        words += f"; định kỳ {repeat_phrase('weekly', task.due)}"
    return words


def cascade_sentence(occ: m.Occurrence, task: m.Task, orgs: dict[str, m.Organization]) -> str:
    """ "văn bản ghi trước 20/03/2025; đơn vị tổng hợp cần nhận trước 17/03/2025 (…)": the internal
    deadline is never presented as the one the dispatch wrote."""
    written = occ.written_due or occ.upper_due or occ.stated_due
    who = _name(orgs, task.cascade_by) if task.cascade_by else None
    return (f"văn bản ghi trước {fmt(written)}; đơn vị tổng hợp cần nhận trước {fmt(occ.stated_due)}"
            + (f" (đơn vị tổng hợp: {who}; hạn nội bộ theo Nghị định 09/2019/NĐ-CP, Điều 8 khoản 5 điểm b)" if who else ""))


def extension_phrase(extended: date, effective: date, original: date) -> str:
    """ "đã gia hạn đến Thứ Bảy, 28/06/2025, hạn cuối ngày Thứ Hai, 30/06/2025 (…); hạn ban đầu 16/06/2025" """
    phrase = f"đã gia hạn đến {fmt_long(extended)}"
    if effective != extended:
        phrase += f", hạn cuối ngày {fmt_long(effective)} ({fmt(extended)} là ngày nghỉ, {ART_148})"
    return phrase + f"; hạn ban đầu {fmt(original)}"


def due_note(occ: m.Occurrence, task: m.Task, orgs: dict[str, m.Organization], ctx: SweepContext) -> str:
    """The date the reminder means, in words: which day, why when it moved, an extension, a cascade."""
    if occ.extended_due is not None and occ.extended_effective_due is not None:
        phrase = extension_phrase(occ.extended_due, occ.extended_effective_due, occ.effective_due)
    else:
        phrase = ctx.cal.due_phrase(occ.stated_due)
    if occ.upper_due is not None:
        phrase += "; " + cascade_sentence(occ, task, orgs)
    elif occ.written_due and occ.written_due != occ.stated_due:
        phrase += f"; “trước ngày {fmt(occ.written_due)}” được hiểu là hạn cuối ngày {fmt(occ.stated_due)}"
    return "; ".join([phrase[0].upper() + phrase[1:], *occ.notes])
