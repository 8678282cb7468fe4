"""The distributed daily sweep: one `sweep-shard` run per province on the work pool, then the board.

Deployed by prefect.yaml as `nation-sweep/daily-sweep` (cron 07:00 Asia/Ho_Chi_Minh); the shards
run as `sweep-shard/sweep-shard` on whichever workers poll the pool.
"""

# No `from __future__ import annotations`: a deployment run validates parameters from real annotations.
import time
from datetime import date
from typing import Any, cast
from uuid import UUID

from prefect import flow, get_run_logger
from prefect.client.orchestration import get_client
from prefect.client.schemas.objects import FlowRun
from prefect.deployments import run_deployment

from dondoc.app.shards import directory_shards
from dondoc.app.steps import local_today
from dondoc.settings import get_settings
from tasks.sweep import deliver, publish_board

SHARD_DEPLOYMENT = "sweep-shard/sweep-shard"


def _start(deployment: str, parameters: dict[str, Any]) -> UUID:
    """Create a run of the deployment (a subflow of this one) without waiting for it."""
    run = cast(FlowRun, run_deployment(deployment, parameters=parameters, timeout=0))
    return run.id


def _wait(run_ids: dict[str, UUID], *, poll_seconds: float, limit_seconds: float) -> dict[str, str]:
    """Each shard's final state type ("COMPLETED", "FAILED", …), or "TIMEOUT"."""
    states: dict[str, str] = {}
    deadline = time.monotonic() + limit_seconds
    with get_client(sync_client=True) as client:
        while len(states) < len(run_ids) and time.monotonic() < deadline:
            for key, run_id in run_ids.items():
                if key not in states:
                    state = client.read_flow_run(run_id).state
                    if state is not None and state.is_final():
                        states[key] = state.type.value
            if len(states) < len(run_ids):
                time.sleep(poll_seconds)
    return {key: states.get(key, "TIMEOUT") for key in run_ids}


@flow(name="nation-sweep")
def nation_sweep(as_of: date | None = None, shard_deployment: str = SHARD_DEPLOYMENT,
                 poll_seconds: float = 2.0, limit_seconds: float = 3600.0) -> dict[str, Any]:
    """Start one shard run per province (and one for the central bodies), wait for them, send what the
    shards left (one digest per recipient, whatever number of shards wrote to them), and publish the
    national board from what they wrote. Safe to run twice at once."""
    logger = get_run_logger()
    settings = get_settings()
    day = as_of or local_today(settings)
    shards = directory_shards(settings)
    runs = {s.key: _start(shard_deployment, {"as_of": day.isoformat(), "province": s.key}) for s in shards}
    logger.info("started %d shards for %s: %s", len(runs), day.isoformat(), ", ".join(runs))
    states = _wait(runs, poll_seconds=poll_seconds, limit_seconds=limit_seconds)
    # the people several shards write to, one digest each (their shards' rows merged), and retries come due
    rest = deliver(as_of)
    board = publish_board(day)
    failed = sorted(key for key, state in states.items() if state != "COMPLETED")
    if failed:
        raise RuntimeError(f"shards not completed on {day.isoformat()}: "
                           + ", ".join(f"{key} ({states[key]})" for key in failed))
    return {"as_of": day.isoformat(), "shards": states, "delivered_after": rest, "dashboards": board}


if __name__ == "__main__":
    nation_sweep()
