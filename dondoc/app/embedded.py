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
    """The stored job: a module-level function, so the SQLAlchemy job store can reference it."""
    from flows.daily import daily_sweep

    return daily_sweep(as_of=as_of)


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
