"""The automations of config/automations.yaml on a real Prefect server, and the alert they run."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import REPO, run


@pytest.fixture
def admins(env, cli):  # type: ignore[no-untyped-def]
    assert run(cli, "orgs", "import", str(REPO / "config" / "organizations.yaml"))[0] == 0


def _alert_runs(client, deployment_id):  # type: ignore[no-untyped-def]
    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterId

    return client.read_flow_runs(deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment_id])))


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
class TestAutomations:
    def test_one_command_creates_them_and_a_silent_sweep_runs_the_alert(self, prefect_harness, admins, cli):
        from prefect.client.orchestration import get_client
        from prefect.events import emit_event

        from flows.alert import alert_admins

        deployment_id = alert_admins.to_deployment(name="alert-admins").apply()
        for _ in range(2):  # again: the same two, replaced by name
            code, out, err = run(cli, "alerts")
            assert code == 0, err
            assert "đã tạo tự động hóa dondoc-sweep-failed" in out and "dondoc-sweep-silent" in out
        with get_client(sync_client=True) as client:
            [failed] = client.read_automations_by_name("dondoc-sweep-failed")
            [silent] = client.read_automations_by_name("dondoc-sweep-silent")
            assert failed.trigger.expect == {"prefect.flow-run.Failed", "prefect.flow-run.Crashed",
                                             "prefect.flow-run.TimedOut"}
            assert failed.trigger.match_related["prefect.resource.name"] in ("daily-sweep", ["daily-sweep"])
            assert [str(a.deployment_id) for a in failed.actions + silent.actions] == [str(deployment_id)] * 2
            # the event the sweep emits on a silent working day: the server runs the alert's deployment
            emit_event("dondoc.sweep.silent", resource={"prefect.resource.id": "dondoc.sweep.2025-06-20",
                                                        "prefect.resource.name": "sweep-2025-06-20"},
                       payload={"as_of": "2025-06-20", "sent": 0})
            deadline = time.monotonic() + 60
            runs = []
            while not runs and time.monotonic() < deadline:
                time.sleep(1)
                runs = _alert_runs(client, deployment_id)
            if not runs:
                pytest.skip("this Prefect test server runs no automations (its triggers service is off)")
            assert runs[0].parameters == {"reason": "silent", "run_name": "sweep-2025-06-20", "detail": ""}

    def test_a_file_that_is_not_an_automation_is_one_line_naming_it(self, prefect_harness, admins, cli, tmp_path: Path):
        bad = tmp_path / "automations.yaml"
        bad.write_text("automations:\n  - name: x\n    trigger: {type: nope}\n    actions: []\n", encoding="utf-8")
        code, out, err = run(cli, "alerts", "--file", str(bad))
        assert code != 0 and "tự động hóa x không hợp lệ" in err and "Traceback" not in err + out


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_alert_mails_the_admin_contacts_in_vietnamese(prefect_harness, admins, mailbox):
    from flows.alert import alert_admins

    result = alert_admins(reason="failed", run_name="sweep-2025-06-20", detail="prefect.flow-run.Failed")
    assert result["to"] == ["quantri@ubnd.haiduong.example.vn"] and result["sent"] == 1
    [message] = mailbox.messages()
    assert message["Subject"] == "[dondoc] Quét hằng ngày thất bại ngày 20/06/2025"
    body = message.get_content()
    assert "Lần chạy: sweep-2025-06-20" in body and "dondoc run --once --as-of" in body


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_working_day_with_nothing_sent_is_announced_and_a_weekend_never(prefect_harness, admins):
    from prefect import flow

    from tasks.publish import announce_sweep

    @flow
    def announce(day: date, sent: int, held: bool = False) -> bool:
        return announce_sweep(day, sent, held)

    assert announce(date(2025, 6, 20), 0) is True  # a Friday, nothing sent by any sweep of the day
    assert announce(date(2025, 6, 20), 3) is False
    assert announce(date(2025, 6, 20), 0, True) is False  # swept in the quiet hours: it is sent later
    assert announce(date(2025, 6, 21), 0) is False  # a Saturday
