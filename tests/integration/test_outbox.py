"""The outbox against a misbehaving real SMTP server: retries, refusals, quiet hours, admins told."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO, run

TASKSET = FIXTURES / "tasksets" / "bao-cao-phoi-hop.yaml"
REFUSED = "vanphong@hoinongdan.haiduong.example.vn"


@pytest.fixture
def scripted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, env, cli):  # type: ignore[no-untyped-def]
    """Start a second, scripted mailbox and point dondoc at it; returns a factory."""
    from dondoc.notify.mailbox import FailPlan, Mailbox
    from dondoc.settings import get_settings

    boxes = []

    def start(plan: FailPlan) -> Mailbox:
        mb = Mailbox(tmp_path / f"scripted{len(boxes)}", fail_plan=plan).start()
        boxes.append(mb)
        monkeypatch.setenv("DONDOC_SMTP_PORT", str(mb.port))
        get_settings.cache_clear()
        return mb

    assert run(cli, "orgs", "import", str(REPO / "config" / "organizations.yaml"))[0] == 0
    assert run(cli, "load", str(TASKSET))[0] == 0
    yield start
    for mb in boxes:
        mb.stop()


def outbox(cli) -> list[dict]:  # type: ignore[no-untyped-def]
    code, out, _ = run(cli, "outbox", "list", "--json")
    assert code == 0
    return json.loads(out)


def test_a_451_answer_is_retried_and_delivered_on_a_later_run(scripted, cli):
    from dondoc.notify.mailbox import FailPlan

    mb = scripted(FailPlan(temp_failures=1))
    code, out, err = run(cli, "remind", "--as-of", "2025-06-10")
    assert code == 0, err
    assert mb.count() == 6 and "chờ gửi lại 1" in out
    waiting = [r for r in outbox(cli) if r["status"] == "pending"]
    assert len(waiting) == 1 and waiting[0]["attempts"] == 1 and "451" in waiting[0]["error"]
    assert run(cli, "remind", "--as-of", "2025-06-11")[0] == 0
    assert mb.count() == 7
    assert {r["status"] for r in outbox(cli)} == {"sent"}


def test_a_550_for_one_recipient_fails_that_one_only_and_the_admins_are_told(scripted, cli):
    from dondoc.notify.mailbox import FailPlan

    mb = scripted(FailPlan(reject={REFUSED}))
    code, out, err = run(cli, "remind", "--as-of", "2025-06-10")
    assert code == 0
    assert mb.count() == 6 and REFUSED in err
    code, out, _ = run(cli, "outbox", "list", "--failed", "--json")
    failed = json.loads(out)
    assert [f["to"] for f in failed] == [REFUSED] and "550" in failed[0]["error"]
    assert run(cli, "remind", "--as-of", "2025-06-11")[0] == 0
    admin = [m for m in mb.messages() if m["To"].addresses[0].addr_spec == "quantri@ubnd.haiduong.example.vn"]
    assert len(admin) == 1
    assert REFUSED in admin[0].get_body(preferencelist=("plain",)).get_content()
    assert run(cli, "remind", "--as-of", "2025-06-12")[0] == 0
    assert len([m for m in mb.messages() if m["To"].addresses[0].addr_spec == "quantri@ubnd.haiduong.example.vn"]) == 1
    # the admin fixes the address (here: the server stops refusing) and retries it
    mb.handler.fail_plan.reject.clear()  # type: ignore[union-attr]
    assert run(cli, "outbox", "retry", failed[0]["id"][:10])[0] == 0
    assert run(cli, "remind", "--as-of", "2025-06-12")[0] == 0
    assert REFUSED in [m["To"].addresses[0].addr_spec for m in mb.messages()]


def test_messages_planned_in_quiet_hours_wait_for_the_morning(env, cli):
    from dondoc.app.delivery import in_quiet_hours
    from zoneinfo import ZoneInfo

    hcm = ZoneInfo("Asia/Ho_Chi_Minh")
    assert in_quiet_hours(datetime(2025, 6, 10, 6, 59, tzinfo=hcm), start=7, end=20)
    assert not in_quiet_hours(datetime(2025, 6, 10, 7, 0, tzinfo=hcm), start=7, end=20)
    assert in_quiet_hours(datetime(2025, 6, 10, 20, 0, tzinfo=hcm), start=7, end=20)
    # 23:30 UTC is 06:30 the next morning in Hà Nội: still quiet
    assert in_quiet_hours(datetime(2025, 6, 9, 23, 30, tzinfo=timezone.utc).astimezone(hcm), start=7, end=20)
