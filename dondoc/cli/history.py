"""`dondoc history`: who did what to an occurrence or a dispatch."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import typer

from dondoc.cli.app import app, console, print_json, ready_engine, settings, user_errors
from dondoc.errors import DondocError
from dondoc.i18n import N_, _


@app.command("history")
@user_errors
def history_cmd(occurrence: int = typer.Argument(None, help=N_("an occurrence id (see `dondoc tasks list --json`)")),
                dispatch: str = typer.Option(None, "--dispatch", help=N_("or: every occurrence of this dispatch")),
                as_json: bool = typer.Option(False, "--json", help=N_("print JSON"))) -> None:
    """Print who did what, in time order: occurrences created, notices sent, reports recorded,
    extensions, waivers, moves after a reorganisation, acknowledgements.

    The actor is the CLI user (--actor, or the OS user), a web link's organisation
    ("link:<code>"), an import ("import:<file>"), or the sweep ("sweep").

    Example: dondoc history 12
    Example: dondoc history --dispatch 125/UBND-NC --json
    """
    from sqlmodel import col, select

    from dondoc.store import models as m
    from dondoc.store.db import session_scope
    from dondoc.store.history import describe, history
    from dondoc.store.lookup import occurrence_by_id
    from dondoc.store.repo import find_dispatch

    if (occurrence is None) == (dispatch is None):
        raise DondocError(_("give an occurrence (OCCURRENCE) or --dispatch N"))
    with session_scope(ready_engine()) as s:
        if occurrence is not None:
            occ = occurrence_by_id(session=s, occurrence_id=occurrence)
            title = _("History of occurrence {id} ({org}, period {period})").format(id=occurrence, org=occ.org_code,
                                                                                     period=occ.period)
            ids, dispatch_id = [occurrence], None
        else:
            d = find_dispatch(session=s, ref=dispatch)
            tasks = s.exec(select(m.Task.id).where(m.Task.dispatch_id == d.id)).all()
            ids = list(s.exec(select(m.Occurrence.id).where(col(m.Occurrence.task_id).in_(tasks))).all())  # type: ignore[arg-type]
            dispatch_id, title = d.id, _("History of dispatch {number}").format(number=d.number or d.id[:8])
        entries = history(session=s, occurrence_ids=ids, dispatch_id=dispatch_id)
    tz = ZoneInfo(settings().timezone)
    data = [{"at": e.at.astimezone(tz).isoformat(timespec="seconds"), "actor": e.actor, "action": e.action,
             "action_vi": e.action_vi, "occurrence_id": e.occurrence_id, "org": e.org_code, "detail": e.detail,
             "description": describe(e)} for e in entries]
    if as_json:
        print_json(data)
        return
    from rich.table import Table

    t = Table(_("when"), _("who"), _("what"), _("occurrence"), _("organisation"), _("detail"), title=title)
    for e in entries:
        t.add_row(e.at.astimezone(tz).strftime("%d/%m/%Y %H:%M"), e.actor, e.action_vi,
                  str(e.occurrence_id or ""), e.org_code or "", describe(e))
    console.print(t)
