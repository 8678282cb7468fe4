"""Prefect tasks that show a sweep to supervisors: the dashboards, the sweep's progress, and the event
that the automations of config/automations.yaml watch for (a working day on which nothing was sent).

How a flow calls them:

    progress = start_progress(day, steps=4)               # a progress artifact, key sweep-progress
    ...; advance_progress(progress, 1, 4, "đã tạo việc")   # after each step, or each shard
    published = publish_dashboards(day)                   # every dashboard artifact
    announce_sweep(day, delivered["sent"])                # emits dondoc.sweep.silent on a silent working day
    report_sweep(result)                                  # logs the counts; artifact sweep-result
"""

from __future__ import annotations

import asyncio
import contextvars
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any
from uuid import UUID

from prefect import task
from prefect.artifacts import create_progress_artifact, update_progress_artifact
from prefect.cache_policies import NO_CACHE
from prefect.client.orchestration import get_client
from prefect.client.schemas.actions import ArtifactCreate
from prefect.events import emit_event
from prefect.logging import get_run_logger
from prefect.utilities.context import get_task_and_flow_run_ids

from dondoc.app.dashboards import Artifact
from dondoc.settings import get_settings

CONCURRENCY = 8  # artifacts created at once: ~19 ms each here against ~49 ms one by one
PROGRESS_KEY = "sweep-progress"
RESULT_KEY = "sweep-result"
SILENT_EVENT = "dondoc.sweep.silent"


async def _create_all(artifacts: list[Artifact], task_run_id: UUID | None, flow_run_id: UUID | None) -> None:
    sem = asyncio.Semaphore(CONCURRENCY)
    async with get_client() as client:
        async def one(a: Artifact) -> None:
            async with sem:
                await client.create_artifact(ArtifactCreate(
                    key=a.key, type="markdown", data=a.markdown, description=a.description,
                    task_run_id=task_run_id, flow_run_id=flow_run_id))

        await asyncio.gather(*(one(a) for a in artifacts))


def publish(artifacts: list[Artifact]) -> None:
    """Create the artifacts on the Prefect server, several at once, tied to the current run if any.

    The event loop runs in a thread of its own, so this works from a sync task whatever loop
    the caller's thread already has; the thread runs in a copy of the caller's context, where
    Prefect keeps its settings (the API's address among them)."""
    task_run_id, flow_run_id = get_task_and_flow_run_ids()
    context = contextvars.copy_context()
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(context.run, asyncio.run, _create_all(artifacts, task_run_id, flow_run_id)).result()


@task(name="publish-dashboards", cache_policy=NO_CACHE)
def publish_dashboards(as_of: date) -> dict[str, Any]:
    """Publish every dashboard of `as_of` (boards, summaries, overdue list, observances, dispatches)."""
    from dondoc.app.board import unassigned_markdown
    from dondoc.app.dashboard_data import snapshot
    from dondoc.app.dashboards import compose
    from dondoc.app.steps import unassigned_step

    settings = get_settings()
    t0 = time.perf_counter()
    snap = snapshot(settings, as_of)
    t1 = time.perf_counter()
    artifacts = compose(snap)
    artifacts.append(Artifact("unassigned-tasks", unassigned_markdown(unassigned_step(settings), as_of),
                              f"Nhiệm vụ chưa xác định đơn vị đến ngày {as_of:%d/%m/%Y}"))
    t2 = time.perf_counter()
    publish(artifacts)
    t3 = time.perf_counter()
    kinds = {"board": 0, "dispatch": 0}
    for a in artifacts:
        prefix = a.key.split("-", 1)[0]
        if prefix in kinds and a.key not in ("board-national", "board-provinces"):
            kinds[prefix] += 1
    result = {"artifacts": len(artifacts), "boards": kinds["board"], "dispatches": kinds["dispatch"],
              "organisations": len(snap.orgs), "read_s": round(t1 - t0, 3), "render_s": round(t2 - t1, 3),
              "publish_s": round(t3 - t2, 3)}
    get_run_logger().info("dashboards of %s: %s", as_of.isoformat(), result)
    return result


def sweep_run_name() -> str:
    """ "sweep-2025-06-20": the day the run sweeps (its `as_of`, or today in the configured zone)."""
    from prefect.runtime import flow_run

    from dondoc.app.steps import local_today

    as_of = flow_run.parameters.get("as_of")
    day = as_of if isinstance(as_of, date) else (date.fromisoformat(str(as_of)[:10]) if as_of
                                                 else local_today(get_settings()))
    return f"sweep-{day.isoformat()}"


def sweep_counts(result: dict[str, Any]) -> dict[str, Any]:
    """The counts a sweep reports: occurrences created, notices planned by kind, sent, failed, without address."""
    planned, delivered = result.get("planned") or {}, result.get("delivered") or {}
    return {"as_of": result["as_of"], "occurrences_created": result.get("occurrences_created", 0),
            "messages_planned": planned.get("messages", 0), "notices_by_kind": dict(planned.get("by_kind") or {}),
            "sent": delivered.get("sent", 0), "failed": delivered.get("failed", 0), "retry": delivered.get("retry", 0),
            "without_address": len(planned.get("no_address") or []),
            "artifacts": (result.get("board") or {}).get("artifacts", 0)}


@task(name="report-sweep", cache_policy=NO_CACHE)
def report_sweep(result: dict[str, Any]) -> dict[str, Any]:
    """Log the sweep's counts and publish them (key sweep-result, tied to the run) for the UI."""
    from dondoc.app.dashboards.sweep import sweep_markdown

    counts = sweep_counts(result)
    get_run_logger().info("sweep of %s: %s", counts["as_of"], counts)
    day = date.fromisoformat(counts["as_of"])
    publish([Artifact(RESULT_KEY, sweep_markdown(counts), f"Kết quả quét ngày {day:%d/%m/%Y}.")])
    return counts


def start_progress(as_of: date, steps: int) -> UUID:
    """A progress artifact (key sweep-progress) for the sweep of `as_of`, at 0 %."""
    return create_progress_artifact(0.0, key=PROGRESS_KEY,  # type: ignore[return-value]
                                    description=f"Quét ngày {as_of:%d/%m/%Y}: bắt đầu, 0/{steps} bước.")


def advance_progress(artifact_id: UUID, done: int, steps: int, what: str) -> None:
    """Move the sweep's progress artifact to `done` of `steps`, saying what was just done."""
    update_progress_artifact(artifact_id, progress=round(100.0 * done / steps, 1),
                             description=f"{done}/{steps} bước xong: {what}.")


@task(name="announce-sweep", cache_policy=NO_CACHE)
def announce_sweep(as_of: date, sent: int = 0, held: bool = False) -> bool:
    """On a working day on which no sweep has sent anything (`sent` by this run, or by an earlier run of
    the same day), emit `dondoc.sweep.silent`: an automation tells the admins. Not while the messages
    are `held` for the quiet hours (they go out later). Returns whether it emitted."""
    from dondoc.app.steps import engine, work_calendar
    from dondoc.store.dashboard import any_sent
    from dondoc.store.db import session_scope

    settings = get_settings()
    if sent or held or not work_calendar(settings).is_working_day(as_of):
        return False
    with session_scope(engine(settings)) as s:
        already = any_sent(session=s, as_of=as_of)
    if already:
        return False
    emit_event(SILENT_EVENT, resource={"prefect.resource.id": f"dondoc.sweep.{as_of.isoformat()}",
                                       "prefect.resource.name": f"sweep-{as_of.isoformat()}"},
               payload={"as_of": as_of.isoformat(), "day": f"{as_of:%d/%m/%Y}", "sent": sent})
    get_run_logger().warning("sweep of %s sent nothing on a working day: %s emitted", as_of.isoformat(), SILENT_EVENT)
    return True
