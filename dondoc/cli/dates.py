"""`dondoc calendar`: the working calendar in use; `explain_lines`: how an occurrence's dates were computed."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from dondoc.cli.app import app, as_of_or_today, config_dir, fail, ready_engine, settings, user_errors
from dondoc.errors import DondocError, NotFoundError
from dondoc.i18n import N_, _

if TYPE_CHECKING:
    from dondoc.schedule.calendar import WorkCalendar


def explain_lines(
    *,
    stated: date,
    repeat: str,
    period: str | None,
    window: tuple[date, date] | None,
    cal: WorkCalendar,
    written: date | None = None,
    before_means: str | None = None,
    notes: tuple[str, ...] | list[str] = (),
    due: tuple[str, ...] | list[str] = (),
) -> list[str]:
    """How an occurrence's dates were computed, in the user's language: stated → rule → effective.

    `written` is the day as the dispatch wrote it when "trước ngày X" was read as the day
    before (`before_means="day_before"`); `notes` are a PlannedDue's notes (29/02 …); `due` is
    the task's due strings, which name the day of a weekly task ("thứ Năm hằng tuần").
    """
    from dondoc.schedule.calendar import fmt, fmt_long
    from dondoc.schedule.periods import window_phrase
    from dondoc.schedule.words import period_words, repeat_phrase

    shown = written or stated
    lines = [_("Date written in the dispatch: {day}").format(day=fmt_long(shown))]
    rule = _("Rule: {rule}").format(rule=repeat_phrase(repeat, due))
    phrase = period_words(period)
    if phrase:
        rule += _(" — reporting period {period}").format(period=phrase)
    if window:
        rule += f"; {window_phrase(window)}"
    lines.append(rule)
    lines.extend(notes)
    if written is not None and written != stated:
        setting = _("the day before") if before_means != "same_day" else _("that very day")
        lines.append(_("“Before {written}” is read as a deadline at the end of {stated} (setting: {setting})")
                     .format(written=fmt(written), stated=fmt(stated), setting=setting))
    elif before_means == "same_day":
        lines.append(_("“Before {day}” is read as a deadline at the end of {day} itself (setting)").format(day=fmt(stated)))
    explanation = cal.explain_due(stated)
    if written is not None and written != stated:
        lines.append(_("Deadline by the dispatch: {day}").format(day=fmt_long(stated)))
    lines.extend(explanation.lines[1:])
    return lines


def calendar_data(year: int, cal: WorkCalendar, cdir: Path) -> dict[str, Any]:
    """The working calendar of `year` as plain data: holidays, make-up days, observances, notices."""
    from dondoc.observances import load_catalog
    from dondoc.schedule.calendar import weekday_vi
    from dondoc.schedule.observances import observance_days

    obs_path = cdir / "observances.yaml"
    observances = []
    if obs_path.exists():
        catalog = load_catalog(obs_path)
        for o in observance_days(catalog, between=(date(year, 1, 1), date(year, 12, 31))):
            observances.append({
                "date": o.day.isoformat(), "weekday": weekday_vi(o.day), "key": o.key, "name": o.name,
                "lunar": o.lunar, "anniversary": o.anniversary, "round_year": o.round_year,
                "prepare_from": o.prepare_from.isoformat() if o.prepare_from else None,
            })
    notice = cal.notices.get(year)
    first, last = date(year, 1, 1), date(year, 12, 31)
    working = sum(1 for i in range((last - first).days + 1) if cal.is_working_day(first + timedelta(days=i)))
    return {
        "year": year,
        "shift": cal.shift,
        "notice": {"file": f"calendars/{year}.yaml", "source": notice.source} if notice else None,
        "working_days": working,
        "holidays": [{"date": d.isoformat(), "weekday": weekday_vi(d), "name": n} for d, n in cal.holidays_in(year)],
        "make_up_days": [
            {"date": d.isoformat(), "weekday": weekday_vi(d), "reason": r} for d, r in cal.make_up_days_in(year)
        ],
        "observances": observances,
    }


@app.command("calendar")
def calendar_cmd(
    year: int = typer.Option(None, "--year", help=N_("the year to show, e.g. 2026")),
    as_json: bool = typer.Option(False, "--json", help=N_("print JSON")),
    org: str = typer.Option(None, "--org", help=N_("print this organisation's calendar feed (.ics) instead")),
    as_of: str = typer.Option(None, "--as-of", help=N_("with --org: from this day on (default: today)")),
) -> None:
    """Print the working calendar in use: public holidays, swapped days off, make-up Saturdays, observances.

    Holidays come from the `holidays` package (VN), the government's notice of the year from
    config/calendars/YYYY.yaml, observances from config/observances.yaml.

    With --org CODE it prints that organisation's open occurrences and observances as an
    iCalendar feed, importable into Outlook, Thunderbird and Google Calendar.

    Example: dondoc calendar --year 2026 --json
    Example: dondoc calendar --org ca-tinh > ca-tinh.ics
    """
    from dondoc.calendars import load_notices
    from dondoc.schedule.calendar import WorkCalendar

    try:
        if org is not None:
            _print_feed(org, as_of)
            return
        if year is None:
            raise DondocError(_("give --year YEAR, or --org CODE for a calendar feed"))
        if not 1901 <= year <= 2099:
            raise DondocError(_("--year {year}: outside 1901–2099").format(year=year))
        cdir = config_dir()
        cal = WorkCalendar(load_notices(cdir))
        data = calendar_data(year, cal, cdir)
    except DondocError as err:
        fail(str(err), err.exit_code)
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    _print_table(data)



@app.command("explain")
@user_errors
def explain(occurrence: int = typer.Argument(..., help=N_("an occurrence id (see `dondoc tasks list --json`)"))) -> None:
    """How an occurrence's dates were computed: stated → rule → effective, with holidays and the law;
    for a cascaded report the consolidator's deadline and the unit's internal one, for an extended
    deadline both dates, and the days the escalation ladder would reach.

    Example: dondoc explain 12
    """
    from dondoc.store import models as m
    from dondoc.store.db import session_scope

    s_ = settings()
    with session_scope(ready_engine()) as s:
        occ = s.get(m.Occurrence, occurrence)
        if occ is None:
            raise NotFoundError(_("occurrence {id}: not found").format(id=occurrence))
        task = s.get(m.Task, occ.task_id)
        d = s.get(m.Dispatch, task.dispatch_id) if task else None
    typer.echo(_("Dispatch {number}, item {key} — {org}, period {period}").format(
        number=d.number if d and d.number else _("(no number)"), key=task.key if task else "?", org=occ.org_code,
        period=occ.period))
    if occ.kind == "event":
        for line in _observance_lines(occ, s_):
            typer.echo(line)
        return
    for line in _due_lines(occ, task, s_):
        typer.echo(line)


def _due_lines(occ, task, s_) -> list[str]:  # type: ignore[no-untyped-def]
    """A report's or an action's dates: the dispatch's deadline, a cascade's internal one, an extension, the ladder."""
    from dondoc.app import steps as service
    from dondoc.schedule.calendar import ART_148, fmt, fmt_long
    from dondoc.schedule.ladder import RECIPIENT_VI, rung_day

    cal = service.work_calendar(s_)
    window = (occ.data_from, occ.data_to) if occ.data_from and occ.data_to else None
    lines = explain_lines(stated=occ.upper_due or occ.stated_due, repeat=task.repeat if task else "once",
                          period=occ.period, window=window, cal=cal, written=occ.written_due,
                          before_means=s_.before_means, notes=occ.notes, due=task.due if task else ())
    if occ.upper_due is not None:
        days = task.cascade_days if task and task.cascade_days is not None else s_.cascade_working_days
        written = occ.written_due or occ.upper_due
        lines = [_("The consolidator's deadline towards the issuer (unchanged):"), *("  " + ln for ln in lines),
                 _("The dispatch says before {written}; the consolidator needs it before {needed}")
                 .format(written=fmt(written), needed=fmt(occ.stated_due)),
                 _("The unit's internal deadline: {day} — {n} working days before the consolidator's deadline {upper}, "
                   "counted once (Nghị định 09/2019/NĐ-CP, Điều 8 khoản 5 điểm b); this is not a deadline written "
                   "in the dispatch").format(day=fmt_long(occ.stated_due), n=days, upper=fmt(occ.upper_due))]
        if occ.effective_due != occ.stated_due:
            lines.append(_("The unit's effective deadline: {day}").format(day=fmt_long(occ.effective_due)))
    if occ.extended_due is not None and occ.extended_effective_due is not None:
        against = _("the extended deadline") if s_.on_time_against == "extended" else _("the original deadline")
        lines += [_("Original deadline: {day}").format(day=fmt_long(occ.effective_due)),
                  _("Extended to: {day}").format(day=fmt_long(occ.extended_due))
                  + (_(" (effective {day}, {law})").format(day=fmt_long(occ.extended_effective_due), law=ART_148)
                     if occ.extended_effective_due != occ.extended_due else ""),
                  *(_extension_lines(occ.id)),
                  _("The board judges on time against {against} (setting on_time_against = {value})")
                  .format(against=against, value=s_.on_time_against)]
    if occ.kind in ("report", "action") and occ.status == "open":
        due = occ.extended_effective_due or occ.effective_due
        ladder = service.escalation(s_).ladder
        lines.append(_("Escalation if not done: {rungs}").format(rungs="; ".join(
            _("{day} to {whom}").format(day=fmt(rung_day(due, r.days, cal)), whom=RECIPIENT_VI[r.to]) for r in ladder)))
    return lines


def _extension_lines(occurrence_id: int) -> list[str]:
    from sqlmodel import col, select

    from dondoc.store import models as m
    from dondoc.store.db import session_scope

    with session_scope(ready_engine()) as s:
        rows = s.exec(select(m.Extension).where(m.Extension.occurrence_id == occurrence_id,
                                               m.Extension.status == "granted").order_by(col(m.Extension.id))).all()
    return [_("  by {document}").format(document=r.document or _("(no document written)"))
            + (_("; reason: {reason}").format(reason=r.reason) if r.reason else "")
            + (_("; decided by: {who}").format(who=r.decided_by) if r.decided_by else "") for r in rows]


def _observance_lines(occ, s_) -> list[str]:  # type: ignore[no-untyped-def]
    from dondoc.observances import ObservanceCatalog, load_catalog
    from dondoc.schedule.calendar import fmt_long
    from dondoc.schedule.observances import observance_days

    path = s_.config_dir / "observances.yaml"
    catalog = load_catalog(path) if path.exists() else ObservanceCatalog()
    obs = catalog.by_key(occ.event_key) if occ.event_key else None
    if obs is None:
        return [_("Observance: {day} (not in config/observances.yaml)").format(day=fmt_long(occ.stated_due))]
    day = observance_days([obs], between=(occ.stated_due, occ.stated_due))[0]
    lines = [_("Observance: {name}").format(name=obs.name), _("Held on: {day}").format(day=fmt_long(day.day))
             + (_(" (lunar {day}/{month})").format(day=obs.lunar[3:], month=obs.lunar[:2]) if obs.lunar else "")]
    if day.anniversary:
        lines.append(_("Anniversary: {n} years").format(n=day.anniversary)
                     + (_(" — a round year (a celebration is held)") if day.round_year else ""))
    if day.prepare_from:
        lines.append(_("Prepare from: {day}").format(day=fmt_long(day.prepare_from)))
    ladder = obs.remind_days or list(s_.ladders.observance)
    lines.append(_("Reminded {days} days before; an observance does not move off a day off")
                 .format(days=", ".join(str(d) for d in ladder)))
    return lines


def _print_feed(org: str, as_of: str | None) -> None:
    import sys

    from dondoc.app import steps as service
    from dondoc.app.feed import org_calendar
    from dondoc.store.db import session_scope

    day = as_of_or_today(as_of)
    s = settings()
    ready_engine()
    service.materialise_step(s, day)
    with session_scope(service.engine(s)) as db:
        ics = org_calendar(session=db, org_code=org, as_of=day, domain=s.mail_domain, catalog=service.catalog(s))
    sys.stdout.write(ics.decode("utf-8"))


def _print_table(data: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    from dondoc.schedule.calendar import ART_148, fmt

    rows: list[tuple[str, str, str, str]] = []
    for h in data["holidays"]:
        rows.append((h["date"], h["weekday"], _("holiday"), h["name"]))
    for w in data["make_up_days"]:
        rows.append((w["date"], w["weekday"], _("make-up working day"), w["reason"]))
    for o in data["observances"]:
        name = o["name"]
        if o["anniversary"]:
            name += _(" — {n} years").format(n=o["anniversary"]) + (_(" (round year)") if o["round_year"] else "")
        if o["prepare_from"]:
            name += _("; prepare from {day}").format(day=fmt(date.fromisoformat(o["prepare_from"])))
        rows.append((o["date"], o["weekday"], _("observance"), name))
    rows.sort()
    title = _("Working calendar {year} — {n} working days").format(year=data["year"], n=data["working_days"])
    table = Table(_("Date"), _("Weekday"), _("Kind"), _("What"), title=title)
    for d, wd, kind, text in rows:
        table.add_row(fmt(date.fromisoformat(d)), wd, kind, text)
    console = Console()
    console.print(table)
    notice = data["notice"]
    if notice:
        console.print(_("The year's notice: {file}").format(file=notice["file"])
                      + (f" ({notice['source']})" if notice["source"] else ""))
    else:
        console.print(_("No notice of the days off of {year} in config/calendars/ yet.").format(year=data["year"]))
    if not data["shift"]:
        console.print(_("Deadlines do not move to the next working day ({law}): switched off.").format(law=ART_148))
