"""The mail the admin contacts get when a sweep fails or sends nothing on a working day."""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime, timezone
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Any

from dondoc.settings import Settings

REASONS = {
    "failed": "Quét hằng ngày thất bại",
    "silent": "Quét hằng ngày không gửi được thư nào trong một ngày làm việc",
}


def alert_text(reason: str, *, run_name: str, detail: str = "") -> tuple[str, str]:
    """The subject and body (Vietnamese) of an alert about the run `run_name` ("sweep-2025-06-20")."""
    what = REASONS.get(reason, "Quét hằng ngày cần kiểm tra")
    found = re.search(r"(\d{4})-(\d{2})-(\d{2})", run_name)
    day = f" ngày {found.group(3)}/{found.group(2)}/{found.group(1)}" if found else ""
    subject = f"[dondoc] {what}{day}"
    steps = {
        "failed": "Xem nhật ký của lần chạy trên giao diện Prefect (mục Runs), sửa nguyên nhân rồi chạy lại: "
                  "`dondoc run --once --as-of NGÀY`. Chạy lại không gửi trùng thư đã gửi.",
        "silent": "Có thể máy chủ thư không nhận, danh bạ thiếu địa chỉ, hoặc đúng là hôm nay không có gì cần nhắc. "
                  "Xem bảng sweep-result trên giao diện Prefect và `dondoc outbox` để biết thư nào đang chờ.",
    }.get(reason, "Xem lần chạy trên giao diện Prefect.")
    body = (f"{what}{day}.\n\nLần chạy: {run_name or '(không rõ)'}"
            + (f"\nTrạng thái: {detail}" if detail else "") + f"\n\n{steps}\n\n-- \ndondoc\n")
    return subject, body


def admin_addresses(settings: Settings) -> list[tuple[str, str]]:
    """(name, email) of every admin contact in the directory, each address once."""
    from sqlmodel import col, select

    from dondoc.app.steps import engine
    from dondoc.store import models as m
    from dondoc.store.db import session_scope

    with session_scope(engine(settings)) as s:
        rows = s.exec(select(m.Contact).where(m.Contact.role == "admin").order_by(col(m.Contact.id))).all()
        seen: dict[str, str] = {}
        for c in rows:
            seen.setdefault(c.email.lower(), c.name or "")
    return [(name, email) for email, name in seen.items()]


def send_alert(settings: Settings, reason: str, *, run_name: str, detail: str = "",
               now: datetime | None = None) -> dict[str, Any]:
    """Mail the alert to the admin contacts through dondoc's SMTP settings; returns who got it."""
    from dondoc.app.steps import smtp_config
    from dondoc.notify.model import OutgoingMail
    from dondoc.notify.smtp import send_batch_sync

    admins = admin_addresses(settings)
    if not admins:
        return {"sent": 0, "to": [], "failed": [], "note": "danh bạ chưa có liên hệ quản trị (role: admin)"}
    subject, body = alert_text(reason, run_name=run_name, detail=detail)
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = settings.mail_from
    msg["To"] = ", ".join(email for _, email in admins)
    msg["Date"] = format_datetime(now or datetime.now(timezone.utc))
    msg["Message-ID"] = make_msgid(domain=settings.mail_domain)
    msg.set_content(body)
    key = hashlib.sha256(f"{reason}:{run_name}:{date.today()}".encode()).hexdigest()[:16]
    [result] = send_batch_sync([OutgoingMail(f"alert-{key}", [email for _, email in admins], msg)],
                               config=smtp_config(settings))
    failed = sorted(result.refused) if result.status == "sent" else [e for _, e in admins]
    return {"sent": int(result.status == "sent"), "to": [e for _, e in admins if e not in failed], "failed": failed,
            "note": result.error or ""}
