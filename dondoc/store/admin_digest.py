"""What the admins (directory contacts with role admin) hear in a sweep, in one digest each:
messages that failed or were refused (once each), and tasks no office is reminded of yet
(each unassigned task once a week until someone assigns it).

Both go through the notice table's dedupe key, so two sweeps at once tell an admin once:
`failure:<outbox id>:<email>`, and `unassigned:<task id>:<ISO week>:<email>`.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timezone
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from dondoc.store import digest_parts
from dondoc.store import models as m
from dondoc.store.owners import UnassignedTask, unassigned_tasks
from dondoc.store.planning import PlanReport, close_digest, open_digest

if TYPE_CHECKING:
    from dondoc.store.sweep import SweepContext

_EMPTY_ITEM: dict[str, Any] = {
    "dispatch_subject": None, "text": "", "owner_name": "", "due_stated": None, "due_effective": None,
    "days_left": None, "period_label": None, "window_phrase": None, "report_to": None, "observance_name": None,
    "anniversary": None, "round_year": False, "classified": False,
}


def iso_week(day: date) -> str:
    """The ISO week of a day, "2025-W24": the unit of the weekly reminder about unassigned tasks."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def plan_admin(*, session: Session, ctx: SweepContext, report: PlanReport, kinds: set[str],
               orgs: Collection[str] | None = None) -> None:
    """Plan each admin's digest: failed deliveries and unassigned tasks, each notice once.
    With `orgs` (a shard), only the admins of those organisations."""
    everyone = session.exec(select(m.Contact).where(m.Contact.role == "admin").order_by(col(m.Contact.id))).all()
    admins = [a for a in everyone if orgs is None or a.org_code in orgs]
    failed = _failed(session) if "failure" in kinds else []
    firsts = digest_parts.for_payloads(session.connection(), [{"items": f.payload.get("items", [])[:1]} for f in failed])
    waiting = unassigned_tasks(session=session) if "unassigned" in kinds else []
    if waiting and not everyone:
        report.no_address.append(f"{len(waiting)} nhiệm vụ chưa xác định đơn vị: danh bạ chưa có liên hệ quản trị "
                                 "(role: admin) để báo")
    if not admins or not (failed or waiting):
        return
    week = iso_week(ctx.as_of)
    seen: set[str] = set()
    for admin in admins:
        if admin.email in seen:  # one digest per address, even when it is an admin of two organisations
            continue
        seen.add(admin.email)
        notices = [(f"failure:{f.id}:{admin.email}", dict(kind="failure", occurrence_id=None, rung=None)) for f in failed]
        notices += [(f"unassigned:{u.task_id}:{week}:{admin.email}", dict(kind="unassigned", occurrence_id=None, rung=None))
                    for u in waiting]
        opened = open_digest(session, ctx, email=admin.email, name=admin.name, org_code=admin.org_code,
                              notices=notices)
        if opened is None:
            continue
        row, new_keys = opened
        items = [_failure_item(f, firsts) for f in failed if f"failure:{f.id}:{admin.email}" in new_keys]
        report.by_kind["failure"] += len(items)
        fresh = [_unassigned_item(u, tz=ctx.tz) for u in waiting if f"unassigned:{u.task_id}:{week}:{admin.email}" in new_keys]
        report.by_kind["unassigned"] += len(fresh)
        close_digest(session, row, report, {"recipient_name": admin.name, "org_name": "Quản trị dondoc",
                                             "as_of": ctx.as_of.isoformat(), "issuer": None, "items": items + fresh})


def _failed(session: Session) -> list[m.Outbox]:
    """Messages that failed or had a recipient refused, other than the admins' own failure notices."""
    rows = session.exec(select(m.Outbox).where(col(m.Outbox.last_error).is_not(None),
                                               col(m.Outbox.status).in_(("failed", "sent")))).all()
    return [f for f in rows if any(i.get("kind") != "failure" for i in f.payload.get("items", []))]


def _failure_item(f: m.Outbox, parts: dict[str, dict[str, Any]]) -> dict[str, Any]:
    first = (f.payload.get("items") or [{}])[0]
    if first.get(digest_parts.PART) in parts:  # named by its part (dondoc.store.digest_parts): whole again
        first = digest_parts.expand(first, parts)
    return {**_EMPTY_ITEM,
            "kind": "failure", "dispatch_number": first.get("dispatch_number"), "task_key": first.get("task_key", ""),
            "title": f"Thư gửi {f.recipient_email} ({f.payload.get('org_name', '')}) không đến được",
            "owner_name": f.payload.get("org_name", ""),
            "note": f"Lỗi: {f.last_error}. Mã thư: {f.id[:12]} (dondoc outbox retry {f.id[:12]})"}


def _unassigned_item(u: UnassignedTask, *, tz: str) -> dict[str, Any]:
    from dondoc.schedule.words import repeat_phrase

    loaded = u.loaded_at if u.loaded_at.tzinfo else u.loaded_at.replace(tzinfo=timezone.utc)

    written = ", ".join(f'"{n}"' for n in u.names)
    who = (f"Đơn vị chủ trì như văn bản ghi: {written}, chưa xác định được trong danh bạ"
           if written else "Văn bản không ghi đơn vị chủ trì")
    days = [date.fromisoformat(d).strftime("%d/%m/%Y") for d in u.due if len(d) == 10 and d[4] == "-"]
    when = f"hạn {', '.join(days)}" if days else f"chu kỳ: {repeat_phrase(u.repeat, u.due)}"
    ref = u.dispatch_number or u.dispatch_id[:8]
    return {**_EMPTY_ITEM,
            "kind": "unassigned", "dispatch_number": u.dispatch_number, "dispatch_subject": u.dispatch_subject,
            "task_key": u.key, "title": u.title or "(không có tiêu đề)", "classified": u.classified,
            "note": (f"{who}; {when}; nạp ngày {loaded.astimezone(ZoneInfo(tz)):%d/%m/%Y}. Chưa đơn vị nào được nhắc việc này. "
                     f"Giao đơn vị: dondoc tasks assign --dispatch {ref} --task {u.key} --org MÃ-ĐƠN-VỊ")}
