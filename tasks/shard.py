"""Prefect tasks of one shard of the daily sweep (a province, or a group of organisation codes)."""

from __future__ import annotations

from datetime import date
from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE

from dondoc.app import steps as service
from dondoc.settings import get_settings


@task(name="materialise-shard", cache_policy=NO_CACHE)
def materialise(as_of: date, orgs: list[str]) -> int:
    """Create the occurrences these organisations hold around `as_of`."""
    return service.materialise_step(get_settings(), as_of, frozenset(orgs))


@task(name="plan-shard", cache_policy=NO_CACHE)
def plan(as_of: date, kinds: list[str], orgs: list[str]) -> dict[str, Any]:
    """Plan the notices of these kinds to these organisations' people."""
    return service.plan_step(get_settings(), as_of, set(kinds), frozenset(orgs))


@task(name="deliver-shard", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=60)
def deliver(as_of: date | None, orgs: list[str]) -> dict[str, Any]:
    """Send the digests of the people only these organisations' work reaches today; the others wait for
    the final delivery. A server that is down leaves them queued."""
    return service.shard_deliver_step(get_settings(), as_of, frozenset(orgs))
