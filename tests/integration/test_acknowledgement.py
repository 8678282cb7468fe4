"""Owners confirm receipt of a new task; whoever has not after N working days is reminded once; the board counts them."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run
from tests.integration.loop_fixtures import Inbox, body, report, to, write_directory, write_taskset

TASKS = [report("1", "Báo cáo kết quả rà soát", ["Sở Nội vụ", "Sở Tài chính", "Hội Nông dân tỉnh"], ["2025-07-15"])]


@pytest.fixture
def received(env, cli, tmp_path):  # type: ignore[no-untyped-def]
    assert run(cli, "orgs", "import", str(write_directory(tmp_path)))[0] == 0
    # received Thursday 12/06/2025: two working days later is Monday 16/06
    code, _, err = run(cli, "load", str(write_taskset(tmp_path, TASKS)), "--received", "2025-06-12")
    assert code == 0, err


def acknowledge(org: str, actor: str) -> None:
    from sqlmodel import select

    from dondoc.app import answers
    from dondoc.settings import get_settings
    from dondoc.store import models as m
    from dondoc.store.db import get_engine, session_scope

    engine = get_engine(get_settings().database_url)
    with session_scope(engine) as s:
        task_id = s.exec(select(m.Task.id).where(m.Task.key == "1")).one()
    answers.acknowledge(engine, org=org, actor=actor, task_id=task_id)


def unacknowledged(cli, day: str) -> dict[str, int]:  # type: ignore[no-untyped-def]
    code, out, err = run(cli, "board", "--as-of", day, "--json")
    assert code == 0, err
    return {r["org_code"]: r["unacknowledged"] for r in json.loads(out)}


class TestAcknowledgementReminder:
    def test_once_after_two_working_days_and_none_to_who_acknowledged(self, received, cli, mailbox):
        inbox = Inbox(mailbox)
        assert run(cli, "remind", "--as-of", "2025-06-13")[0] == 0
        assert inbox.new() == []  # one working day after receipt: not yet
        acknowledge("so-a", "link:so-a")
        assert run(cli, "remind", "--as-of", "2025-06-15")[0] == 0  # Sunday: still the first working day
        assert inbox.new() == []
        assert run(cli, "remind", "--as-of", "2025-06-16")[0] == 0
        got = {to(m): body(m) for m in inbox.new()}
        assert set(got) == {"vt@stc.example.vn", "vt@hnd.example.vn"}
        assert ("Đề nghị đơn vị xác nhận đã tiếp nhận nhiệm vụ này (giao ngày 12/06/2025, chưa xác nhận sau "
                "2 ngày làm việc)") in got["vt@stc.example.vn"]
        assert "== Đề nghị xác nhận đã tiếp nhận nhiệm vụ (1) ==" in got["vt@stc.example.vn"]
        for day in ("2025-06-16", "2025-06-17", "2025-06-20"):
            assert run(cli, "remind", "--as-of", day)[0] == 0
        assert inbox.new() == []  # once

    def test_a_sweep_after_downtime_still_sends_it_once(self, received, cli, mailbox):
        assert run(cli, "remind", "--as-of", "2025-06-25")[0] == 0
        assert sorted(to(m) for m in mailbox.messages()) == ["vt@hnd.example.vn", "vt@snv.example.vn", "vt@stc.example.vn"]

    def test_the_board_counts_the_unacknowledged_and_work_done_counts_as_received(self, received, cli):
        assert unacknowledged(cli, "2025-06-16") == {"so-a": 1, "so-b": 1, "hoi-c": 1}
        acknowledge("so-a", "link:so-a")
        code, _, err = run(cli, "report", "submit", "--task", "1", "--dispatch", "88/UBND-VP", "--org", "so-b",
                           "--at", "2025-06-17")
        assert code == 0, err
        assert unacknowledged(cli, "2025-06-17") == {"so-a": 0, "so-b": 0, "hoi-c": 1}
        code, out, _ = run(cli, "board", "--as-of", "2025-06-17")
        assert "Chưa xác nhận" in out and "Tỉ lệ đúng hạn = hoàn thành đúng hạn / (hoàn thành đúng hạn" in out

    def test_the_acknowledgement_is_in_the_history_with_its_actor(self, received, cli):
        acknowledge("hoi-c", "link:hoi-c")
        code, out, err = run(cli, "history", "--dispatch", "88/UBND-VP", "--json")
        assert code == 0, err
        acks = [e for e in json.loads(out) if e["action"] == "task.acknowledge"]
        assert [(e["actor"], e["action_vi"], e["org"]) for e in acks] == [("link:hoi-c", "xác nhận đã tiếp nhận", "hoi-c")]
