"""Embedded mode: APScheduler 3.x runs the daily sweep flow, its job store in dondoc's database."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger

from dondoc.settings import Settings

log = logging.getLogger("dondoc.app.embedded")
JOB_ID = "daily-sweep"
MISFIRE_GRACE = 6 * 3600  # a sweep missed while the process was down still runs on start-up


def sweep_job(as_of: date | None = None) -> dict[str, Any]:
    """The stored job: a module-level function, so the SQLAlchemy job store can reference it.

    With a Prefect server configured (PREFECT_API_URL, in the environment or the Prefect profile)
    it runs the daily flow there, so the run, its logs and the board show in the Prefect UI;
    without one it runs the same steps directly, rather than have Prefect start a temporary server
    for every sweep (~27 s each)."""
    from prefect.settings import PREFECT_API_URL

    if PREFECT_API_URL.value():
        from flows.daily import daily_sweep

        return daily_sweep(as_of=as_of)
    from dondoc.settings import get_settings

    return sweep_steps(get_settings(), as_of)


def sweep_steps(settings: Settings, as_of: date | None = None) -> dict[str, Any]:
    """The daily flow's steps without Prefect, returning what the flow returns (no artifacts: the
    board is `dondoc board`'s)."""
    from dondoc.app import steps

    day = as_of or steps.local_today(settings)
    created = steps.materialise_step(settings, day)
    planned = steps.plan_step(settings, day, steps.REMIND_KINDS | steps.ESCALATE_KINDS)
    sent = steps.deliver_step(settings, as_of)
    log.info("sweep %s without a Prefect server: %d occurrences created, %d digests planned, %d sent",
             day.isoformat(), created, planned["messages"], sent["sent"])
    return {"as_of": day.isoformat(), "occurrences_created": created, "planned": planned, "delivered": sent,
            "board": steps.board_step(settings, day)}


def build_scheduler(settings: Settings, scheduler_cls: type = BlockingScheduler):  # type: ignore[no-untyped-def]
    """A scheduler whose one job fires every day at 07:00 local, coalesced, with hours of grace."""
    sched = scheduler_cls(
        jobstores={"default": SQLAlchemyJobStore(url=settings.database_url, tablename="apscheduler_jobs")},
        timezone=settings.tz,
    )
    sched.add_job(
        sweep_job, CronTrigger(hour=7, minute=0, timezone=settings.tz), id=JOB_ID, replace_existing=True,
        misfire_grace_time=MISFIRE_GRACE, coalesce=True, max_instances=1,
    )
    return sched


def run_embedded(settings: Settings, *, once: bool = False, as_of: date | None = None) -> dict[str, Any] | None:
    """Run the sweep once now (for `as_of`, default today; returning its counts), or keep the
    scheduler running until interrupted."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    for noisy in ("httpx", "httpcore"):  # one line per HTTP call to the Prefect API drowns the sweep's own
        logging.getLogger(noisy).setLevel(logging.WARNING)
    if once:
        return sweep_job(as_of)
    sched = build_scheduler(settings)
    log.info("embedded scheduler started: daily sweep at 07:00 %s", settings.timezone)
    try:
        sched.start()
    except (KeyboardInterrupt, SystemExit):
        log.info("embedded scheduler stopped")
    return None
