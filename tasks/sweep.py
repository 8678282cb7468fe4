"""Prefect tasks of the daily sweep: plain data in and out, a handful of runs per sweep."""

from __future__ import annotations

from datetime import date
from typing import Any

from prefect import task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from dondoc.app import steps as service
from dondoc.app.board import board_markdown, board_table, caption, unassigned_markdown
from dondoc.settings import get_settings


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


@task(name="publish-board", cache_policy=NO_CACHE)
def publish_board(as_of: date) -> list[dict[str, Any]]:
    """Publish the compliance board (key compliance-board), the overdue list and the unassigned tasks."""
    settings = get_settings()
    rows = service.board_step(settings, as_of)
    create_table_artifact(key="compliance-board", table=board_table(rows),
                          description=f"Bảng theo dõi thực hiện nhiệm vụ đến ngày {as_of:%d/%m/%Y}. "
                                      f"{caption(settings.on_time_against)}")
    overdue = service.overdue_step(settings, as_of)
    create_markdown_artifact(key="overdue-list", markdown=board_markdown(overdue, as_of),
                             description=f"Nhiệm vụ quá hạn chưa hoàn thành đến ngày {as_of:%d/%m/%Y}")
    create_markdown_artifact(key="unassigned-tasks",
                             markdown=unassigned_markdown(service.unassigned_step(settings), as_of),
                             description=f"Nhiệm vụ chưa xác định đơn vị đến ngày {as_of:%d/%m/%Y}")
    return rows
