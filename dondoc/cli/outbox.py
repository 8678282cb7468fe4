"""`dondoc outbox`: messages planned, sent and failed."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import TypedDict

import typer

from dondoc.cli.app import app, cli_actor, console, print_json, ready_engine, say_where_the_data_is, user_errors
from dondoc.errors import NotFoundError
from dondoc.i18n import N_, _

outbox_app = typer.Typer(no_args_is_help=True, help=N_("Messages planned, sent and failed."))
app.add_typer(outbox_app, name="outbox")


class _OutboxRow(TypedDict):
    id: str
    to: str
    org: str | None
    as_of: date
    status: str
    attempts: int
    next_attempt_at: datetime
    sent_at: datetime | None
    message_id: str
    error: str | None
    items: int


@outbox_app.command("list")
@user_errors
def outbox_list(failed: bool = typer.Option(False, "--failed", help=N_("only failed or refused messages")),
                as_json: bool = typer.Option(False, "--json", help=N_("print JSON"))) -> None:
    """List the outbox: who, when, status, attempts, errors.

    Example: dondoc outbox list --failed
    """
    from sqlmodel import col, select

    from dondoc.store import models as m
    from dondoc.store.db import session_scope

    with session_scope(ready_engine()) as s:
        q = select(m.Outbox).order_by(col(m.Outbox.created_at))
        rows = s.exec(q).all()
    if failed:
        rows = [r for r in rows if r.status == "failed" or (r.last_error and r.status == "sent")]
    data: list[_OutboxRow] = [
        {"id": r.id, "to": r.recipient_email, "org": r.org_code, "as_of": r.as_of, "status": r.status,
         "attempts": r.attempts, "next_attempt_at": r.next_attempt_at, "sent_at": r.sent_at,
         "message_id": r.message_id, "error": r.last_error, "items": len(r.payload.get("items", []))}
        for r in rows]
    if as_json:
        print_json(data)
        return
    if not data:
        if failed:
            typer.echo(_("No message failed."))
        else:
            say_where_the_data_is(_("No messages in the database {database} yet."), "outbox list")
        return
    from rich.table import Table

    t = Table("id", _("recipient"), _("date"), _("state"), _("attempts"), _("error"))
    states = {"sent": _("sent"), "pending": _("waiting"), "sending": _("sending"), "failed": _("failed")}
    for d in data:
        t.add_row(d["id"][:12], d["to"], f"{d['as_of']:%d/%m/%Y}", states.get(d["status"], d["status"]),
                  str(d["attempts"]), d["error"] or "")
    console.print(t)

@outbox_app.command("retry")
@user_errors
def outbox_retry(ids: list[str] = typer.Argument(..., help=N_("outbox ids (or unique prefixes)"))) -> None:
    """Queue failed messages again; the next sweep (or `dondoc remind`) sends them.

    Example: dondoc outbox retry 3f2a9c1b
    """
    from sqlmodel import select

    from dondoc.store import models as m
    from dondoc.store.db import session_scope
    from dondoc.store.repo import audit

    with session_scope(ready_engine()) as s:
        all_rows = s.exec(select(m.Outbox)).all()
        for ref in ids:
            hits = [r for r in all_rows if r.id.startswith(ref)]
            if len(hits) != 1:
                raise NotFoundError((_("message {ref}: not found") if not hits else _("message {ref}: ambiguous"))
                                    .format(ref=repr(ref)))
            row = hits[0]
            if row.status == "sent" and not row.last_error:
                raise NotFoundError(_("message {ref}: already sent").format(ref=repr(ref)))
            # due at once, whatever clock the next sender runs on (a replay's --as-of included)
            row.status, row.attempts, row.last_error = "pending", 0, None
            row.next_attempt_at = datetime(1970, 1, 1, tzinfo=timezone.utc)
            s.add(row)
            audit(s, action="outbox.retry", subject=row.id, actor=cli_actor())
    typer.echo(_("queued again: {n}").format(n=len(ids)))

