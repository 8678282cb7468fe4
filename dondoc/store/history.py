"""Who did what to an occurrence or a dispatch: the audit log, the notices sent, in time order.

Actors: a CLI user (`--actor`, or the OS user), a web link's organisation ("link:<code>"), an
import ("import:<file>"), or the sweep ("sweep").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlmodel import Session, col, or_, select

from dondoc.schedule.ladder import RECIPIENT_VI
from dondoc.store import models as m

ACTION_VI = {
    "occurrence.create": "tạo kỳ theo dõi",
    "report.submit": "ghi nhận đã hoàn thành / đã gửi báo cáo",
    "occurrence.done": "ghi nhận đã hoàn thành / đã gửi báo cáo",
    "occurrence.waive": "miễn thực hiện",
    "occurrence.move": "chuyển cho cơ quan kế thừa",
    "occurrence.merged": "hủy do cơ quan kế thừa đã có nhiệm vụ này",
    "extension.grant": "gia hạn",
    "extension.request": "đề nghị gia hạn",
    "extension.refuse": "từ chối gia hạn",
    "task.acknowledge": "xác nhận đã tiếp nhận",
    "dispatch.loaded": "nạp văn bản",
    "dispatch.replaced": "thay thế văn bản",
    "notice.reminder": "gửi nhắc hạn",
    "notice.observance": "gửi nhắc ngày kỷ niệm",
    "notice.overdue": "gửi thông báo quá hạn",
    "notice.escalation": "gửi đôn đốc",
    "notice.ack": "nhắc xác nhận tiếp nhận",
}


@dataclass(frozen=True)
class Entry:
    at: datetime
    actor: str
    action: str
    occurrence_id: int | None
    org_code: str | None
    detail: dict[str, Any]

    @property
    def action_vi(self) -> str:
        return ACTION_VI.get(self.action, self.action)


def _utc(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=timezone.utc)


def history(*, session: Session, occurrence_ids: list[int], dispatch_id: str | None = None) -> list[Entry]:
    """Every recorded change and notice about these occurrences (and, with `dispatch_id`, about the
    dispatch and the acknowledgements of its tasks), oldest first."""
    occs = {o.id: o for o in session.exec(select(m.Occurrence).where(col(m.Occurrence.id).in_(occurrence_ids))).all()}
    out = [Entry(_utc(o.created_at), "sweep", "occurrence.create", o.id, o.org_code,
                 {"period": o.period, "due": o.effective_due.isoformat(), "org": o.org_code}) for o in occs.values()]
    pairs = {(o.task_id, o.org_code) for o in occs.values()}
    task_keys = dict(session.exec(select(m.Task.id, m.Task.key).where(col(m.Task.id).in_({t for t, _ in pairs}))).all())
    dispatches = set(session.exec(select(m.Task.dispatch_id).where(col(m.Task.id).in_(set(task_keys)))).all())
    cond: Any = col(m.AuditLog.occurrence_id).in_(occurrence_ids)
    if dispatch_id or dispatches:
        cond = or_(cond, col(m.AuditLog.dispatch_id).in_({dispatch_id} | dispatches if dispatch_id else dispatches))
    recorded: set[int] = set()
    for a in session.exec(select(m.AuditLog).where(cond)).all():
        if a.occurrence_id is None and dispatch_id is None:
            # a dispatch-wide record, shown for one occurrence only when it concerns its task and owner
            if a.action != "task.acknowledge" or not any(
                    a.detail.get("org") == org and (a.detail.get("task_id") == t or task_keys.get(t) == a.detail.get("task"))
                    for t, org in pairs):
                continue
        if a.occurrence_id is not None and a.occurrence_id not in occs:
            continue
        if a.action in ("report.submit", "occurrence.done") and a.occurrence_id:
            recorded.add(a.occurrence_id)
        org = occs[a.occurrence_id].org_code if a.occurrence_id in occs else a.detail.get("org")
        out.append(Entry(_utc(a.at), a.actor, a.action, a.occurrence_id, org, dict(a.detail)))
    for o in occs.values():  # a completion recorded without an audit row (an older version) still shows
        if o.status == "submitted" and o.id not in recorded and o.submitted_at:
            at = datetime(o.submitted_at.year, o.submitted_at.month, o.submitted_at.day, tzinfo=timezone.utc)
            out.append(Entry(at, o.submitted_by or "?", "report.submit", o.id, o.org_code,
                             {"at": o.submitted_at.isoformat(), "document": o.submitted_doc}))
    rows = session.exec(select(m.Notice, m.Outbox).join(m.Outbox, col(m.Outbox.id) == col(m.Notice.outbox_id))
                        .where(col(m.Notice.occurrence_id).in_(occurrence_ids))).all()
    for n, box in rows:
        occ = occs.get(n.occurrence_id)
        # when it was decided (the clock, like every other entry), not the replayed day it was sent as of
        out.append(Entry(_utc(n.created_at), "sweep", f"notice.{n.kind}", n.occurrence_id,
                         occ.org_code if occ else None,
                         {"to": n.recipient_email, "as_of": box.as_of.isoformat(), "status": box.status,
                          "rung": n.rung, "key": n.dedupe_key}))
    return sorted(out, key=lambda e: (e.at, e.occurrence_id or 0, e.action))


def describe(e: Entry) -> str:
    """The entry's details in one Vietnamese phrase."""
    d = e.detail
    if e.action == "occurrence.create":
        return f"kỳ {d['period']}, hạn {_day(d['due'])}"
    if e.action.startswith("notice."):
        to = d["key"].split(":")[3] if e.action == "notice.escalation" and d["key"].count(":") >= 4 else None
        who = f" ({RECIPIENT_VI.get(to, to)})" if to else ""
        state = {"sent": "đã gửi", "pending": "chờ gửi", "failed": "gửi lỗi"}.get(d["status"], d["status"])
        return f"tới {d['to']}{who}, đợt quét ngày {_day(d['as_of'])}, {state}"
    if e.action == "extension.grant":
        return (f"từ {_day(d['from'])} đến {_day(d['to'])}"
                + (f" (hiệu lực {_day(d['effective'])})" if d.get("effective") and d["effective"] != d["to"] else "")
                + (f"; {d['document']}" if d.get("document") else "") + (f"; lý do: {d['reason']}" if d.get("reason") else ""))
    if e.action == "extension.refuse":
        return f"đề nghị đến {_day(d['to'])}; lý do từ chối: {d.get('reason', '')}"
    if e.action in ("occurrence.move", "occurrence.merged"):
        return f"{d['from']} → {d['to']} ({d.get('why', '')})"
    if e.action in ("report.submit", "occurrence.done"):
        return "ngày " + _day(d.get("at")) + (f"; {d['document']}" if d.get("document") else "")
    if e.action == "occurrence.waive":
        return f"lý do: {d.get('reason', '')}" + (f"; {d['document']}" if d.get("document") else "")
    if e.action == "task.acknowledge":
        return f"{d.get('org', '')}" + (f", mục {d['task']}" if d.get("task") else "")
    if e.action == "extension.request":
        return f"từ {_day(d.get('from_due'))} đến {_day(d.get('to_due'))}; lý do: {d.get('reason', '')}"
    return ", ".join(f"{k}: {v}" for k, v in d.items() if v not in (None, "", [], {}))


def _day(iso: str | None) -> str:
    if not iso:
        return "?"
    y, mth, dd = iso[:10].split("-")
    return f"{dd}/{mth}/{y}"
