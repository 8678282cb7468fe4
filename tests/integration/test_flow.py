"""The daily flow under Prefect's test harness, and the embedded APScheduler mode."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import FIXTURES, REPO, run

TASKSET = FIXTURES / "tasksets" / "bao-cao-phoi-hop.yaml"


@pytest.fixture
def loaded(env, cli):  # type: ignore[no-untyped-def]
    assert run(cli, "orgs", "import", str(REPO / "config" / "organizations.yaml"))[0] == 0
    assert run(cli, "load", str(TASKSET))[0] == 0


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
class TestDailyFlow:
    def test_the_daily_sweep_reminds_escalates_and_publishes_the_board(self, prefect_harness, loaded, mailbox):
        import asyncio

        from flows.daily import daily_sweep

        before = {r.id for r in asyncio.run(_artifacts_and_runs())[1]}  # the harness is shared: other tests' runs
        result = daily_sweep(as_of=date(2025, 6, 10))
        # 7 owners reminded of the 6-month report; the UBND tỉnh's office told of the work already late
        # when the dispatch was loaded (item 1, due 15/01/2025, and the annual report of 2024)
        assert result["planned"]["messages"] == 8 and result["delivered"]["sent"] == 8
        assert mailbox.count() == 8
        again = daily_sweep(as_of=date(2025, 6, 10))
        assert again["planned"]["messages"] == 0 and mailbox.count() == 8
        late = daily_sweep(as_of=date(2025, 6, 20))
        # 20/6 is the 4th working day after 16/6: the latest rung reached is the owners' heads (3), once each
        assert late["planned"]["by_kind"] == {"escalation": 7}
        assert late["planned"]["messages"] == 7

        artifacts, runs = asyncio.run(_artifacts_and_runs())
        keys = set(artifacts)
        # the supervising bodies of the directory (levels tinh and huyen by default) and the summaries
        assert {"board-ubnd-tinh", "board-ubmttq-tinh", "board-national", "board-provinces", "overdue-list",
                "observances-next-60-days", "unassigned-tasks", "sweep-progress", "sweep-result"} <= keys
        assert any(k.startswith("dispatch-") for k in keys)
        for a in artifacts.values():  # every artifact reads back, Vietnamese, tied to a run of the sweep
            assert a.data and a.description and a.flow_run_id is not None, a.key
        board = artifacts["board-ubnd-tinh"].data
        assert board.startswith("### Đơn vị trực thuộc Ủy ban nhân dân tỉnh Hải Dương")
        first = [line for line in board.splitlines() if line.startswith("| ")][1:3]
        assert "**Tổng cộng**" in first[0] and "0%" in first[1]  # worst first: a unit with work overdue, none on time
        overdue = artifacts["overdue-list"].data
        assert "tổng cộng **15** việc quá hạn" in overdue  # 7 × (2025-H1 and the annual report of 2024) + item 1
        assert artifacts["sweep-progress"].type == "progress" and artifacts["sweep-progress"].data == 100.0
        assert "| Thư đã gửi | 7 |" in artifacts["sweep-result"].data  # the last sweep (20/6): the 7 escalations
        runs = [r for r in runs if r.id not in before]
        names = [r.name for r in runs]
        assert names.count("sweep-2025-06-10") == 2 and "sweep-2025-06-20" in names
        last = next(r for r in runs if r.name == "sweep-2025-06-20")
        persisted = last.state.result(raise_on_failure=True)  # read back from where the run persisted it
        assert persisted["planned"]["by_kind"] == {"escalation": 7}


async def _artifacts_and_runs():  # type: ignore[no-untyped-def]
    from prefect.client.orchestration import get_client

    async with get_client() as client:
        artifacts = {a.key: a for a in await client.read_latest_artifacts(limit=200)}
        runs = await client.read_flow_runs(limit=200)
    return artifacts, runs


def test_every_flow_and_task_module_imports():
    import importlib

    for name in ("flows.daily", "flows.serve", "flows.alert", "flows.shard", "flows.nation", "tasks.sweep",
                 "tasks.publish", "tasks.shard"):
        importlib.import_module(name)


def test_the_embedded_scheduler_keeps_one_daily_job_in_the_database(env, database_url):
    from apscheduler.schedulers.background import BackgroundScheduler
    from sqlalchemy import create_engine, text

    from dondoc.app.embedded import JOB_ID, build_scheduler
    from dondoc.settings import get_settings

    for _ in range(2):  # a restart replaces the job, never duplicates it
        sched = build_scheduler(get_settings(), BackgroundScheduler)
        sched.start(paused=True)
        job = sched.get_job(JOB_ID)
        assert job.trigger.fields[5].expressions[0].first == 7  # hour
        assert job.misfire_grace_time >= 3600 and job.coalesce
        assert str(job.next_run_time.tzinfo) == "Asia/Ho_Chi_Minh"
        sched.shutdown(wait=False)
    engine = create_engine(database_url)
    with engine.connect() as c:
        assert c.execute(text("select count(*) from apscheduler_jobs")).scalar() == 1
    engine.dispose()


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_run_once_without_a_prefect_server_runs_the_steps_and_starts_no_temporary_server(env, loaded, mailbox,
                                                                                          tmp_path):
    import os
    import subprocess
    import sys
    import time

    # no PREFECT_API_URL anywhere: not in the environment, not in a profile of a fresh PREFECT_HOME
    full = {k: v for k, v in {**os.environ, **env}.items() if not k.startswith("PREFECT_")}
    full["PREFECT_HOME"] = str(tmp_path / "prefect-home")
    t0 = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "dondoc", "run", "--once", "--as-of", "2025-06-10"], cwd=REPO,
                          env=full, capture_output=True, text=True, timeout=300)
    elapsed = time.monotonic() - t0
    assert done.returncode == 0, done.stderr
    assert "Quét ngày 10/06/2025: đã gửi 8" in done.stdout
    assert mailbox.count() == 8
    assert "temporary server" not in done.stdout + done.stderr
    assert "without a Prefect server" in done.stderr
    assert not (tmp_path / "prefect-home" / "prefect.db").exists()  # no server database was made
    print(f"run --once without a server: {elapsed:.1f} s")
