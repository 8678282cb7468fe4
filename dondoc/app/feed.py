"""The calendar feed of one organisation: its open occurrences and observances as iCalendar."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from icalendar import Alarm, Calendar, Event
from sqlmodel import Session, col, select

from dondoc.errors import NotFoundError
from dondoc.schedule.calendar import fmt
from dondoc.schedule.words import period_words, repeat_phrase
from dondoc.store import models as m

TASK_KIND_VI = {"report": "Báo cáo", "action": "Hạn nhiệm vụ", "event": "Ngày kỷ niệm"}


def org_calendar(*, session: Session, org_code: str, as_of: date, domain: str, catalog=None) -> bytes:  # type: ignore[no-untyped-def]
    """Every open occurrence of the organisation due from `as_of` on, one all-day VEVENT each."""
    org = session.get(m.Organization, org_code)
    if org is None:
        raise NotFoundError(f"đơn vị {org_code!r}: không có trong danh bạ (xem `dondoc orgs list`)")
    q = (
        select(m.Occurrence, m.Task, m.Dispatch)
        .join(m.Task, col(m.Task.id) == col(m.Occurrence.task_id))
        .join(m.Dispatch, col(m.Dispatch.id) == col(m.Task.dispatch_id))
        .where(m.Occurrence.org_code == org_code, m.Occurrence.status == "open", m.Occurrence.effective_due >= as_of)
        .order_by(col(m.Occurrence.effective_due))
    )
    cal = Calendar()
    cal.add("prodid", "-//dondoc//Nhắc việc//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"Nhắc việc — {org.name}")
    cal.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    stamp = datetime.now(timezone.utc).replace(microsecond=0)
    for occ, task, d in session.exec(q).all():
        ev = Event()
        ev.add("uid", f"occ-{occ.id}@{domain}")
        ev.add("dtstamp", stamp)
        ev.add("dtstart", occ.effective_due)
        ev.add("dtend", occ.effective_due + timedelta(days=1))
        number = d.number or "(văn bản không số)"
        if occ.kind == "event" and catalog is not None and occ.event_key and catalog.by_key(occ.event_key):
            title = catalog.by_key(occ.event_key).name
        else:
            title = task.title or task.text[:80]
        summary = f"{TASK_KIND_VI.get(occ.kind, 'Nhiệm vụ')}: {number} mục {task.key}"
        if not d.classified:
            summary += f" — {title}"
        ev.add("summary", summary)
        period = period_words(occ.period) if occ.kind != "event" else None
        lines = [f"Văn bản: {number}", f"Mục: {task.key}", f"Kỳ: {occ.period}" + (f" — {period}" if period else "")]
        if occ.kind != "event" and task.repeat not in ("once", "continuous", "ad_hoc"):
            lines.append(f"Định kỳ: {repeat_phrase(task.repeat, task.due)}")
        lines += [f"Hạn ghi trong văn bản: {fmt(occ.stated_due)}", f"Hạn hiệu lực: {fmt(occ.effective_due)}"]
        if occ.data_from and occ.data_to:
            lines.append(f"Số liệu tính từ {fmt(occ.data_from)} đến {fmt(occ.data_to)}")
        if not d.classified:
            if task.report_to:
                lines.append(f"Gửi về: {task.report_to}")
            lines.append(task.text)
        ev.add("description", "\n".join(lines))
        ev.add("categories", [TASK_KIND_VI.get(occ.kind, "Nhiệm vụ")])
        ev.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", timedelta(days=-3))
        ev.add_component(alarm)
        cal.add_component(ev)
    return cal.to_ical()
