"""The sweep's steps with plain data in and out, shared by the CLI, Prefect tasks and APScheduler."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from functools import lru_cache
from datetime import date, datetime, time, timezone
from pathlib import Path
from typing import Any

from sqlalchemy.exc import OperationalError, ProgrammingError

from dondoc.app.links import LinkMaker
from dondoc.errors import ConfigError
from dondoc.escalation import EscalationConfig, load_escalation
from dondoc.notify.model import SmtpConfig
from dondoc.observances import ObservanceCatalog, load_catalog
from dondoc.schedule.calendar import WorkCalendar
from dondoc.schedule.plan import LadderConfig
from dondoc.settings import Settings
from dondoc.store import sweep
from dondoc.store.db import get_engine, session_scope

REMIND_KINDS = {"reminder", "observance", "failure", "unassigned", "ack"}
ESCALATE_KINDS = {"overdue", "escalation"}


def local_today(settings: Settings, now: datetime | None = None) -> date:
    """Today in the configured zone, from the clock (or `now`); the rule lives in schedule.today."""
    from dondoc.schedule import today

    return today.local_today(now or datetime.now(timezone.utc), settings.timezone)


def _stamp(folder: Path) -> tuple[tuple[str, int], ...]:
    """The files of a folder with their modification times: a cache key that an admin's edit changes."""
    if not folder.is_dir():
        return ()
    return tuple(sorted((p.name, p.stat().st_mtime_ns) for p in folder.iterdir() if p.is_file()))


@lru_cache(maxsize=8)
def _catalog_of(path: Path, _mtime: int) -> ObservanceCatalog:
    return load_catalog(path)


@lru_cache(maxsize=8)
def _calendar_of(config_dir: Path, shift: bool, _files: tuple[tuple[str, int], ...]) -> WorkCalendar:
    from dondoc.calendars import load_notices

    return WorkCalendar(load_notices(config_dir), shift=shift)


def catalog(settings: Settings) -> ObservanceCatalog:
    """config/observances.yaml, read again only when it changes (a sweep asks for it at every step)."""
    path = settings.config_dir / "observances.yaml"
    return _catalog_of(path, path.stat().st_mtime_ns) if path.exists() else ObservanceCatalog()


def work_calendar(settings: Settings) -> WorkCalendar:
    """The working calendar with the yearly notices of config/calendars, read again only when they change."""
    folder = settings.config_dir / "calendars"
    return _calendar_of(settings.config_dir, settings.shift_to_working_day,
                        _stamp(folder) + _stamp(settings.config_dir))


@lru_cache(maxsize=8)
def _escalation_of(path: Path, _mtime: int) -> EscalationConfig:
    return load_escalation(path)


def escalation(settings: Settings) -> EscalationConfig:
    """config/escalation.yaml (the ladder and the acknowledgement reminder), validated; the defaults without it."""
    path = settings.config_dir / "escalation.yaml"
    return _escalation_of(path, path.stat().st_mtime_ns if path.exists() else 0)


def context(settings: Settings, as_of: date) -> sweep.SweepContext:
    lad = settings.ladders
    esc = escalation(settings)
    return sweep.SweepContext(
        as_of=as_of, cal=work_calendar(settings), catalog=catalog(settings),
        ladders=LadderConfig(report=tuple(lad.report), action=tuple(lad.action), observance=tuple(lad.observance),
                             escalation=esc.ladder, weekly=tuple(lad.weekly)),
        horizon_days=settings.horizon_days, before_means=settings.before_means, mail_domain=settings.mail_domain,
        tz=settings.timezone, cascade_working_days=settings.cascade_working_days, ack_after=esc.ack_after,
    )


def smtp_config(settings: Settings) -> SmtpConfig:
    return SmtpConfig(
        host=settings.smtp_host, port=settings.smtp_port, username=settings.smtp_username,
        password=settings.smtp_password.get_secret_value() if settings.smtp_password else None,
        starttls=settings.smtp_starttls, implicit_tls=settings.smtp_implicit_tls, timeout=settings.smtp_timeout,
        pool_size=settings.smtp_pool_size, mail_from=settings.mail_from,
        allow_plaintext_auth=settings.smtp_allow_plaintext_auth,
    )


def engine(settings: Settings):  # type: ignore[no-untyped-def]
    return get_engine(settings.database_url)


def _db_guard(settings: Settings, exc: Exception) -> ConfigError:
    return ConfigError(f"cơ sở dữ liệu chưa sẵn sàng ({exc.__class__.__name__}); chạy `dondoc db upgrade` trước")


def materialise_step(settings: Settings, as_of: date, orgs: frozenset[str] | None = None) -> int:
    """Create the occurrences due around `as_of`, moving the open work of reorganised agencies whose
    change has taken effect by then (the sweep's doing, in the audit log) before and after, so that
    work materialised now for an agency that has since ended follows too; returns how many are new.
    With `orgs` (a shard), only the tasks any of those organisations owns (for every owner of them)."""
    from dondoc.store.reorg import apply_due_changes

    try:
        ctx = context(settings, as_of)
        with session_scope(engine(settings)) as s:
            apply_due_changes(session=s, as_of=as_of, actor="sweep")
        with session_scope(engine(settings)) as s:
            created = sweep.materialise(session=s, ctx=ctx, orgs=orgs)
        with session_scope(engine(settings)) as s:
            apply_due_changes(session=s, as_of=as_of, actor="sweep")
        return created
    except (OperationalError, ProgrammingError) as exc:
        raise _db_guard(settings, exc) from None


def plan_step(settings: Settings, as_of: date, kinds: set[str], orgs: frozenset[str] | None = None) -> dict[str, Any]:
    """Plan the notices of these kinds into the outbox (with `orgs`, those of the occurrences a shard's
    organisations hold, wherever they go); returns counts."""
    with session_scope(engine(settings)) as s:
        rep = sweep.plan_notices(session=s, ctx=context(settings, as_of), kinds=kinds, orgs=orgs)
    return {"messages": rep.messages, "notices": rep.notices, "by_kind": dict(rep.by_kind),
            "no_address": rep.no_address, "outbox_ids": rep.outbox_ids}


def deliver_step(settings: Settings, as_of: date | None,
                 on_progress: Callable[[int, int], None] | None = None,
                 orgs: frozenset[str] | None = None) -> dict[str, Any]:
    """Send what the outbox holds (with `orgs`, a shard's digests only). A replay (`as_of` given) sends
    as at 07:00 local on that day."""
    from datetime import timedelta

    from dondoc.app.delivery import deliver

    if as_of is not None:
        now = datetime.combine(as_of, time(7, 0), tzinfo=settings.tz).astimezone(timezone.utc)
    else:
        now = datetime.now(timezone.utc)
    rep = deliver(engine=engine(settings), smtp=smtp_config(settings),
                  templates_dir=settings.config_dir / "templates", now=now,
                  quiet=(settings.quiet_start, settings.quiet_end), tz=settings.tz, links=link_maker(settings),
                  lease=timedelta(seconds=settings.outbox_lease_seconds), on_progress=on_progress,
                  orgs=orgs)
    return asdict(rep)


def shard_deliver_step(settings: Settings, as_of: date | None, orgs: frozenset[str]) -> dict[str, Any]:
    """Send a shard's digests to the people only it writes to today (dondoc.app.shard_reach); the others
    are left for the final delivery after every shard has planned, which sends them one digest each."""
    from dondoc.app.shard_reach import own_recipients

    own = own_recipients(engine=engine(settings), orgs=orgs, as_of=as_of or local_today(settings),
                         ladder=escalation(settings).ladder)
    return {**deliver_step(settings, as_of, orgs=own), "left_for_final": len(orgs - own)}


def link_maker(settings: Settings, now: datetime | None = None) -> LinkMaker | None:
    """The signer of the digests' answer links, or None when DONDOC_SECRET_KEY or DONDOC_PUBLIC_URL is unset.

    Links are stamped with the real clock even in a replay (`--as-of`): their lifetime counts from
    the day a person receives them, not from the day being replayed.
    """
    if settings.secret_key is None or settings.public_url is None:
        return None
    return LinkMaker(secret=settings.secret_key.get_secret_value(), base=settings.public_url,
                     now=now or datetime.now(timezone.utc))


def board_step(settings: Settings, as_of: date) -> list[dict[str, Any]]:
    """The compliance board as plain rows."""
    with session_scope(engine(settings)) as s:
        rows = sweep.board(session=s, as_of=as_of, against=settings.on_time_against)
    return [dict(asdict(r), rate=r.rate) for r in rows]


def unassigned_step(settings: Settings) -> list[dict[str, Any]]:
    """Tasks no office is reminded of yet (chưa xác định đơn vị), as plain rows, oldest first."""
    from dondoc.store.owners import unassigned_tasks

    with session_scope(engine(settings)) as s:
        return [{"dispatch": u.dispatch_number or u.dispatch_id[:8], "dispatch_id": u.dispatch_id, "key": u.key,
                 "title": u.title, "names": list(u.names), "loaded_at": u.loaded_at}
                for u in unassigned_tasks(session=s)]


def templates_dir(settings: Settings) -> Path:
    return settings.config_dir / "templates"


def overdue_step(settings: Settings, as_of: date) -> list[dict[str, Any]]:
    """Open report and action occurrences past their effective date (the extended one when granted), with days late."""
    from sqlmodel import col, select

    from dondoc.store import models as m

    with session_scope(engine(settings)) as s:
        q = (
            select(m.Occurrence, m.Task, m.Dispatch)
            .join(m.Task, col(m.Task.id) == col(m.Occurrence.task_id))
            .join(m.Dispatch, col(m.Dispatch.id) == col(m.Task.dispatch_id))
            .where(m.Occurrence.status == "open", m.Occurrence.kind != "event",
                   m.Occurrence.effective_due < as_of)
        )
        orgs = {o.code: o.name for o in s.exec(select(m.Organization)).all()}
        rows = []
        for o, t, d in s.exec(q).all():
            due = o.extended_effective_due or o.effective_due
            if due < as_of:
                rows.append({"org_code": o.org_code, "org_name": orgs.get(o.org_code, o.org_code), "dispatch": d.number,
                             "key": t.key, "title": t.title, "period": o.period, "effective_due": due,
                             "days_late": (as_of - due).days, "occurrence_id": o.id})
        return rows
