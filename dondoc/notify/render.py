"""Turn a Digest into one MIME message: Vietnamese subject, text + HTML from editable templates, an .ics.

Safety lives here, not in the templates: header values lose every line break (so no text can
inject a header), HTML is autoescaped, and a classified item reaches the templates and the
calendar as its document number, item key and date only.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import icalendar
import jinja2

from dondoc.notify.mime import (  # noqa: F401 - clean_header is re-exported
    address,
    address_header,
    assemble,
    clean_header,
    parse_address,
    text_header,
)
from dondoc.notify.model import Digest, DigestItem, ItemKind, LateUnit

KIND_ORDER: tuple[ItemKind, ...] = ("escalation", "overdue", "reminder", "ack", "observance", "unassigned", "failure")
LOCAL_TZ = timezone(timedelta(hours=7), "Asia/Ho_Chi_Minh")  # no DST, so a fixed offset is exact

_ID_SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_MSG_ID_UNSAFE = re.compile(r"[^A-Za-z0-9.!#$%&'*+/=?^_`{|}~@-]")  # RFC 5322 dot-atom characters and "@"


def format_date(value: date | None) -> str | None:
    """dd/mm/yyyy, the way every Vietnamese reader writes a date."""
    return None if value is None else value.strftime("%d/%m/%Y")


def message_id_for(outbox_id: str, domain: str) -> str:
    """The Message-ID (without angle brackets) of the outbox row: the same on every (re)send."""
    token = outbox_id if _ID_SAFE.match(outbox_id) else hashlib.sha256(outbox_id.encode()).hexdigest()[:40]
    clean_domain = re.sub(r"[^A-Za-z0-9.-]", "", domain) or "dondoc.invalid"
    return f"dondoc.{token}@{clean_domain}"


def render_digest(
    digest: Digest,
    *,
    templates_dir: Path,
    mail_from: str,
    message_id: str,
    sent_at: datetime | None = None,
) -> EmailMessage:
    """Build the digest message: subject, text + HTML alternatives, an .ics of due dates, safe headers."""
    env = _environment(Path(templates_dir).resolve())
    groups = _groups(digest.items)
    context: dict[str, Any] = {
        "recipient_name": digest.recipient_name,
        "org_name": digest.org_name,
        "as_of": format_date(digest.as_of),
        "groups": [(kind, [_item_view(item) for item in items]) for kind, items in groups],
        "counts": {kind: len(items) for kind, items in groups},
        "total": len(digest.items),
        "issuer": digest.issuer,
        "reply_to": digest.reply_to,
    }
    subject = clean_header(env.get_template("subject.txt.j2").render(context))
    text = _normalise_newlines(env.get_template("digest.txt.j2").render(context))
    html = _normalise_newlines(env.get_template("digest.html.j2").render(context))

    headers = [
        ("Subject", text_header("Subject", subject)),
        ("From", address_header("From", parse_address(mail_from, display_name=None, what="sender"))),
        ("To", address_header("To", address(digest.recipient_email, digest.recipient_name, what="recipient"))),
    ]
    if digest.reply_to:
        reply_to = parse_address(digest.reply_to, display_name=digest.issuer, what="Reply-To")
        headers.append(("Reply-To", address_header("Reply-To", reply_to)))
    headers += [
        ("Message-ID", f"<{_MSG_ID_UNSAFE.sub('-', message_id.strip().strip('<>'))}>"),
        ("Date", format_datetime((sent_at or datetime.now(timezone.utc)).astimezone(LOCAL_TZ))),
        ("Auto-Submitted", "auto-generated"),  # RFC 3834: out-of-office robots must not answer
        ("Content-Language", "vi"),
    ]
    ics = calendar_for(digest, uid_seed=message_id)
    attachment = None if ics is None else ('text/calendar; charset="utf-8"; method=PUBLISH', "nhac-viec.ics", ics.decode("utf-8"))
    return assemble(headers, text=text, html=html, attachment=attachment, seed=message_id)


def calendar_for(digest: Digest, *, uid_seed: str) -> bytes | None:
    """An iCalendar with one all-day VEVENT per dated item, or None when no item has a date."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//dondoc//nhac-viec//VI")
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", clean_header(f"Nhắc việc — {digest.org_name}"))
    stamp = datetime.combine(digest.as_of, time(0), LOCAL_TZ).astimezone(timezone.utc)
    events = 0
    for kind, items in _groups(digest.items):
        for item in items:
            if item.due_effective is None:
                continue
            event = icalendar.Event()
            event.add("uid", _event_uid(uid_seed, item))
            event.add("dtstamp", stamp)
            event.add("dtstart", item.due_effective)
            event.add("dtend", item.due_effective + timedelta(days=1))
            event.add("summary", clean_header(_event_summary(kind, item)))
            units = [_unit_line(i, u) for i, u in enumerate(item.units, 1)]
            if units:
                units.insert(0, f"Các đơn vị chưa {_verb(item)}:")
            if not item.classified:
                description = "\n".join(
                    part for part in (*units, item.text, item.report_to and f"Gửi báo cáo về: {item.report_to}", item.note)
                    if part
                )
            else:
                description = "\n".join(units)
            if description:
                event.add("description", description)
            event.add("transp", "TRANSPARENT")
            cal.add_component(event)
            events += 1
    return cal.to_ical() if events else None


def _event_summary(kind: ItemKind, item: DigestItem) -> str:
    ref = f"{item.dispatch_number or 'không số'} · mục {item.task_key}"
    names = ", ".join(u.name for u in item.units)
    if kind == "escalation" and item.units:
        what = "" if item.classified else f"{item.title} "
        return f"Đôn đốc: {what}({ref}) — chưa {_verb(item)}: {names}"
    if item.classified:
        return f"Hạn nhiệm vụ {ref}"
    if kind == "observance":
        return item.observance_name or item.title
    prefix = {"overdue": "Quá hạn", "escalation": "Đôn đốc", "ack": "Xác nhận tiếp nhận"}.get(kind, "Hạn")
    return f"{prefix}: {item.title} ({ref})"


def _verb(item: DigestItem) -> str:
    """What the late units have not done: sent a report, or completed an action."""
    return "hoàn thành nhiệm vụ" if item.task_kind == "action" else "gửi báo cáo"


def _rungs_text(unit: LateUnit) -> str | None:
    return ", ".join(f"{r.label} ngày {format_date(r.on)}" for r in unit.rungs_sent) or None


def _unit_line(n: int, unit: LateUnit) -> str:
    sent = _rungs_text(unit)
    return (f"{n}. {unit.name}: quá hạn {unit.days_late} ngày (hạn {format_date(unit.due)}"
            + (", đã gia hạn" if unit.extended else "") + ")" + (f"; đã nhắc: {sent}" if sent else ""))


def _unit_view(unit: LateUnit) -> dict[str, Any]:
    return {"name": unit.name, "due": format_date(unit.due), "since": format_date(unit.due + timedelta(days=1)),
            "days_late": unit.days_late, "extended": unit.extended, "rungs_sent": _rungs_text(unit)}


def _event_uid(seed: str, item: DigestItem) -> str:
    parts = (seed, item.kind, item.dispatch_number or "", item.task_key, item.due_effective.isoformat() if item.due_effective else "")
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32] + "@dondoc"


def _groups(items: list[DigestItem]) -> list[tuple[ItemKind, list[DigestItem]]]:
    by_kind: dict[ItemKind, list[DigestItem]] = {}
    for item in items:
        by_kind.setdefault(item.kind, []).append(item)
    for bucket in by_kind.values():
        bucket.sort(key=lambda i: (i.due_effective or date.max, i.dispatch_number or "", i.task_key))
    return [(kind, by_kind[kind]) for kind in KIND_ORDER if kind in by_kind]


def _item_view(item: DigestItem) -> Mapping[str, Any]:
    """What a template may show: a classified item is reduced here so no template can leak it."""
    due = format_date(item.due_effective or item.due_stated)
    if item.classified:
        # Every key exists (templates run with StrictUndefined) but only number, key and date hold values.
        return dict.fromkeys(_VIEW_KEYS, None) | {
            "classified": True,
            "kind": item.kind,
            "round_year": False,
            "dispatch_number": item.dispatch_number,
            "task_key": item.task_key,
            "due": due,
            "links": _links(item),
            "units": [_unit_view(u) for u in item.units],
            "verb": _verb(item),
        }
    stated_differs = item.due_stated is not None and item.due_effective is not None and item.due_stated != item.due_effective
    return {
        "classified": False,
        "kind": item.kind,
        "dispatch_number": item.dispatch_number,
        "dispatch_subject": item.dispatch_subject,
        "task_key": item.task_key,
        "title": item.title,
        "text": item.text,
        "owner_name": item.owner_name,
        "due": due,
        "due_stated": format_date(item.due_stated) if stated_differs else None,
        "days_left": item.days_left,
        "period_label": item.period_label,
        "window_phrase": item.window_phrase,
        "report_to": item.report_to,
        "observance_name": item.observance_name,
        "anniversary": item.anniversary,
        "round_year": item.round_year,
        "note": item.note,
        "links": _links(item),
        "units": [_unit_view(u) for u in item.units],
        "verb": _verb(item),
    }


def _links(item: DigestItem) -> list[dict[str, str]]:
    """The answer links (a signed token and nothing of the item's content, so classified items keep them)."""
    return [{"label": label, "url": url} for label, url in item.links]


_VIEW_KEYS = (
    "dispatch_subject", "title", "text", "owner_name", "due_stated", "days_left", "period_label",
    "window_phrase", "report_to", "observance_name", "anniversary", "note",
)


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@lru_cache(maxsize=8)
def _environment(templates_dir: Path) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=True,
    )
