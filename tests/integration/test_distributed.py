"""Distributed mode, really started: PostgreSQL, a Prefect server on PostgreSQL, two process workers
on 127.0.0.1, the deployments of prefect.yaml, and the daily deployment run twice at once over three
provinces. Every notice reaches the (real) mail server once, both workers ran shards, the board is
whole, and the workers stop cleanly on SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import REPO, two_postgres_databases_or_skip, wait_http
from tests.integration import nation_fixtures as nation

NATIONAL_DASHBOARDS = ("board-national", "board-provinces", "overdue-list")

DAY = date(2026, 6, 12)
PREFECT = [sys.executable, "-m", "prefect"]


class Processes:
    """Every process the test starts, each in its own session, stopped (then killed) on the way out."""

    def __init__(self, logs: Path) -> None:
        self.logs = logs
        self.started: list[subprocess.Popen[bytes]] = []
        logs.mkdir()

    def start(self, name: str, args: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
        p = subprocess.Popen(args, env=env, cwd=REPO, start_new_session=True,
                             stdout=(self.logs / f"{name}.log").open("wb"), stderr=subprocess.STDOUT)
        self.started.append(p)
        return p

    def log(self, name: str) -> str:
        return (self.logs / f"{name}.log").read_text(encoding="utf-8", errors="replace")

    def stop_all(self) -> None:
        for p in reversed(self.started):
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGTERM)
        for p in reversed(self.started):
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()


@pytest.fixture
def two_postgres_databases() -> Iterator[tuple[str, str]]:
    yield from two_postgres_databases_or_skip()


async def _run_twice_and_read(api: str, *, seconds: float) -> dict[str, Any]:
    """Start the daily deployment twice at once, wait for both, and read back the runs and the board."""
    from prefect.client.orchestration import PrefectClient
    from prefect.client.schemas.filters import (ArtifactCollectionFilter, ArtifactCollectionFilterKey, DeploymentFilter,
                                                DeploymentFilterId, FlowRunFilter)

    async with PrefectClient(api) as client:
        daily = await client.read_deployment_by_name("nation-sweep/daily-sweep")
        shard_dep = await client.read_deployment_by_name("sweep-shard/sweep-shard")
        runs = await asyncio.gather(*(client.create_flow_run_from_deployment(
            daily.id, parameters={"as_of": DAY.isoformat()}) for _ in range(2)))
        deadline = time.monotonic() + seconds
        while True:
            states = [(await client.read_flow_run(r.id)).state for r in runs]
            if all(s is not None and s.is_final() for s in states) or time.monotonic() > deadline:
                break
            await asyncio.sleep(1)
        shard_runs = await client.read_flow_runs(
            deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[shard_dep.id])))
        wanted = ArtifactCollectionFilter(key=ArtifactCollectionFilterKey(any_=list(NATIONAL_DASHBOARDS)))
        artifacts = {a.key: a for a in await client.read_latest_artifacts(artifact_filter=wanted, limit=200)}
        return {"daily": daily, "states": [s.type.value if s else None for s in states],
                "shard_runs": shard_runs, "artifacts": artifacts,
                "messages": [s.message if s else None for s in states]}


@pytest.mark.slow
@pytest.mark.postgres
def test_two_daily_runs_at_once_on_two_workers_send_every_notice_once_and_publish_the_whole_board(
        two_postgres_databases, mailbox, tmp_path: Path) -> None:
    from dondoc.app import steps
    from dondoc.app.dashboard_data import snapshot
    from dondoc.app.dashboards import compose
    from dondoc.app.shards import directory_shards
    from dondoc.notify.mailbox import free_port
    from dondoc.settings import Settings

    url, prefect_db = two_postgres_databases
    nation.load(url, provinces=3, communes=2)
    settings = Settings(database_url=url, config_dir=REPO / "config")
    shards = [s.key for s in directory_shards(settings)]
    assert len([k for k in shards if k != "central"]) >= 3
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"), "PREFECT_API_URL": api,
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_UI_ENABLED": "false",
           "PREFECT_API_DATABASE_CONNECTION_URL": prefect_db.replace("+psycopg", "+asyncpg"),
           "PREFECT_WORKER_QUERY_SECONDS": "1", "PREFECT_WORKER_PREFETCH_SECONDS": "1",
           "DONDOC_HOME": str(REPO), "DONDOC_DATABASE_URL": url, "DONDOC_CONFIG_DIR": str(REPO / "config"),
           "DONDOC_SMTP_HOST": "127.0.0.1", "DONDOC_SMTP_PORT": str(mailbox.port)}
    procs = Processes(tmp_path / "logs")
    t0 = time.monotonic()

    def _terminated(signum: int, frame: object) -> None:  # a CI runner's SIGTERM: stop them all on the way out
        raise SystemExit(f"terminated by signal {signum}")

    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        procs.start("server", [*PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(port)], env)
        wait_http(f"{api}/health", seconds=120)
        for name, args in (("pool", ["work-pool", "create", "dondoc", "--type", "process"]),
                           ("deploy", ["--no-prompt", "deploy", "--all"])):
            done = subprocess.run([*PREFECT, *args], env=env, cwd=REPO, capture_output=True, text=True, timeout=180)
            assert done.returncode == 0, f"prefect {name}: {done.stdout[-2000:]}{done.stderr[-2000:]}"
        workers = {name: procs.start(name, [*PREFECT, "worker", "start", "--pool", "dondoc", "--name", name,
                                            "--limit", "3"], env)
                   for name in ("worker-a", "worker-b")}
        got = asyncio.run(_run_twice_and_read(api, seconds=300))
        elapsed = time.monotonic() - t0
        logs = {name: procs.log(name) for name in workers}
        assert got["states"] == ["COMPLETED", "COMPLETED"], (got["messages"], logs)
        sched = got["daily"].schedules[0].schedule
        assert (sched.cron, sched.timezone) == ("0 7 * * *", "Asia/Ho_Chi_Minh")

        # each daily run started every shard once; every shard run completed
        shard_runs = got["shard_runs"]
        assert Counter(r.parameters["province"] for r in shard_runs) == {k: 2 for k in shards}
        assert {r.state.type.value for r in shard_runs} == {"COMPLETED"}
        # both workers ran shards: each worker's log names the runs it submitted
        ran = {name: {str(r.id) for r in shard_runs if str(r.id) in log} for name, log in logs.items()}
        assert all(ran.values()), ran
        assert set.union(*ran.values()) == {str(r.id) for r in shard_runs}

        # every notice sent exactly once: each outbox row sent, each sent once, one message per row
        engine = create_engine(url)
        with engine.connect() as c:
            outbox = dict(c.execute(text("select message_id, status from outbox")).all())
            notices = c.execute(text("select count(*), count(distinct dedupe_key) from notice")).one()
            held = set(c.execute(text("select distinct org_code from occurrence")).scalars())
        engine.dispose()
        assert notices[0] == notices[1] > 100
        assert set(outbox.values()) == {"sent"}, Counter(outbox.values())
        received = Counter(str(m["Message-ID"]).strip("<>") for m in mailbox.messages())
        assert len(received) == mailbox.count() == len(outbox), (len(received), mailbox.count(), len(outbox))
        assert {k.strip("<>") for k in outbox} == set(received)

        # the national board, assembled after the shards, is the whole directory's
        # the national dashboards, published after the shards, are the whole directory's
        expected = {a.key: a.markdown for a in compose(snapshot(settings, DAY))}
        for key in NATIONAL_DASHBOARDS:
            assert got["artifacts"][key].data == expected[key], key
        whole = steps.board_step(settings, DAY)
        assert {r["org_code"] for r in whole} == held and len(held) > 50

        # the workers stop cleanly on SIGTERM
        for p in workers.values():
            p.send_signal(signal.SIGTERM)
        for name, p in workers.items():
            assert p.wait(timeout=30) == 0, procs.log(name)[-2000:]
            assert "Traceback" not in procs.log(name), procs.log(name)[-3000:]
        print(f"distributed proof: {len(shard_runs)} shard runs, {len(outbox)} digests, "
              f"{notices[0]} notices in {elapsed:.0f} s")
    finally:
        procs.stop_all()
        signal.signal(signal.SIGTERM, previous)
