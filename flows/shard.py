"""One shard of the daily sweep: a province (or any group of organisation codes) swept on a worker."""

# No `from __future__ import annotations`: a deployment run validates parameters from real annotations.
import os
import socket
from datetime import date
from typing import Any

from prefect import flow
from prefect.runtime import flow_run

from dondoc.app.shards import directory_shards, select_shard, slug
from dondoc.app.steps import ESCALATE_KINDS, REMIND_KINDS, local_today
from dondoc.settings import get_settings
from tasks.shard import deliver, materialise, plan


def _run_name() -> str:
    """ "shard-lao-cai-2025-06-20", or "shard-orgs-3-…" for a group of codes."""
    params = flow_run.parameters
    which = slug(params["province"]) if params.get("province") else f"orgs-{len(params.get('orgs') or [])}"
    return f"shard-{which}-{params.get('as_of') or local_today(get_settings())}"


@flow(name="sweep-shard", flow_run_name=_run_name, persist_result=True)
def sweep_shard(as_of: date | None = None, province: str | None = None,
                orgs: list[str] | None = None) -> dict[str, Any]:
    """Sweep one province (its name or key, as `dondoc.app.shards` names them) or one group of
    organisation codes: materialise, plan, and send the digests of the people only its work reaches
    today; those other shards may write to as well (a ministry, an issuer's office) wait for the final
    delivery of `nation-sweep`, which sends them one digest each. Safe to run twice at once and
    alongside any other shard: the database keeps every notice once."""
    settings = get_settings()
    day = as_of or local_today(settings)
    shard = select_shard(directory_shards(settings), province=province, orgs=orgs)
    codes = list(shard.orgs)
    created = materialise(day, codes)
    planned = plan(day, sorted(REMIND_KINDS | ESCALATE_KINDS), codes)
    sent = deliver(as_of, codes)
    return {"as_of": day.isoformat(), "shard": shard.key, "organisations": len(codes),
            "occurrences_created": created, "planned": planned, "delivered": sent,
            # which machine and worker ran it (a process worker's flow runs are its children)
            "host": socket.gethostname(), "worker_pid": os.getppid()}


if __name__ == "__main__":
    sweep_shard()
