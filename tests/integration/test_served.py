"""Served mode against a real `prefect server`: the deployment, its cron, and a run it executes."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO, run, stop_process_group, wait_http


@pytest.mark.slow
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_dondoc_serve_registers_the_daily_cron_and_runs_what_is_triggered(env, cli, tmp_path: Path):
    from dondoc.notify.mailbox import free_port

    assert run(cli, "orgs", "import", str(REPO / "config" / "organizations.yaml"))[0] == 0
    assert run(cli, "load", str(FIXTURES / "tasksets" / "bao-cao-phoi-hop.yaml"))[0] == 0
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    penv = {**os.environ, **env, "PREFECT_HOME": str(tmp_path / "prefect"), "PREFECT_API_URL": api,
            "PREFECT_RUNNER_POLL_FREQUENCY": "2", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    server = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                               "--port", str(port)], env=penv, cwd=tmp_path, start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    serve = None
    try:
        wait_http(f"{api}/health", seconds=90)
        log = tmp_path / "serve.log"
        serve = subprocess.Popen([sys.executable, "-m", "dondoc", "serve"], env=penv, cwd=REPO,
                                 start_new_session=True, stdout=log.open("wb"), stderr=subprocess.STDOUT)

        async def check() -> str:
            from prefect.client.orchestration import PrefectClient

            async with PrefectClient(api) as client:
                for _ in range(60):
                    try:
                        dep = await client.read_deployment_by_name("daily-sweep/daily-sweep")
                        break
                    except Exception:  # not registered yet
                        await asyncio.sleep(1)
                else:
                    pytest.fail("the deployment never appeared")
                sched = dep.schedules[0].schedule
                assert (sched.cron, sched.timezone) == ("0 7 * * *", "Asia/Ho_Chi_Minh")
                flow_run = await client.create_flow_run_from_deployment(dep.id, parameters={"as_of": "2025-06-10"})
                for _ in range(120):
                    fr = await client.read_flow_run(flow_run.id)
                    if fr.state and fr.state.is_final():
                        return fr.state.type.value
                    await asyncio.sleep(1)
                return "TIMEOUT"

        state = asyncio.run(check())
        assert state == "COMPLETED", log.read_text(encoding="utf-8", errors="replace")[-3000:]
    finally:
        if serve is not None:
            stop_process_group(serve)
        stop_process_group(server)
