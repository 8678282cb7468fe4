"""Prefect tasks of the daily sweep: plain data in and out, a handful of runs per sweep."""

from __future__ import annotations

from datetime import date
from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE

from dondoc.app import steps as service
from dondoc.settings import get_settings
from tasks.publish import publish_dashboards


@task(name="materialise", cache_policy=NO_CACHE)
def materialise(as_of: date) -> int:
    """Create the occurrences due around `as_of`."""
    return service.materialise_step(get_settings(), as_of)


@task(name="plan", cache_policy=NO_CACHE)
def plan(as_of: date, kinds: list[str]) -> dict[str, Any]:
    """Plan notices of these kinds into the outbox."""
    return service.plan_step(get_settings(), as_of, set(kinds))


@task(name="deliver", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=60)
def deliver(as_of: date | None) -> dict[str, Any]:
    """Send the outbox over SMTP; a server that is down fails the run, leaving everything queued."""
    return service.deliver_step(get_settings(), as_of)


# The old name of the dashboards' task, kept for flows that call it: it now publishes every dashboard
# (tasks/publish.py), and returns the counts of what it published instead of the board's rows.
publish_board = publish_dashboards
