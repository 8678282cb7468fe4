"""The escalation ladder replayed day by day with --as-of through the CLI, on a real SMTP mailbox."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

import pytest

from tests.conftest import run
from tests.integration.loop_fixtures import Inbox, action, body, report, to, write_directory, write_taskset

# Report 1 (three owners) and action 2 (Sở Nội vụ), both due Monday 16/06/2025. Rungs in working days:
# 1 → 17/6 (coordinator), 3 → 19/6 (head), 5 → 23/6 (parent's head), 10 → 30/6 (issuer's office).
TASKS = [report("1", "Báo cáo kết quả rà soát", ["Sở Nội vụ", "Sở Tài chính", "Hội Nông dân tỉnh"], ["2025-06-16"]),
         action("2", "Ban hành kế hoạch kiểm tra", ["Sở Nội vụ"], ["2025-06-16"])]


@pytest.fixture
def province(env, cli, tmp_path):  # type: ignore[no-untyped-def]
    assert run(cli, "orgs", "import", str(write_directory(tmp_path)))[0] == 0
    code, _, err = run(cli, "load", str(write_taskset(tmp_path, TASKS)))
    assert code == 0, err


def replay(cli, inbox: Inbox, days: list[date], actions: dict[date, list[tuple[str, ...]]] | None = None):  # type: ignore[no-untyped-def]
    """Sweep each day (after that day's CLI actions); what each recipient got, by day."""
    got: dict[date, dict[str, str]] = defaultdict(dict)
    for day in days:
        for args in (actions or {}).get(day, []):
            code, _, err = run(cli, *args)
            assert code == 0, err
        code, _, err = run(cli, "escalate", "--as-of", day.isoformat())
        assert code == 0, err
        for msg in inbox.new():
            assert to(msg) not in got[day], f"{to(msg)} got two messages on {day}"
            got[day][to(msg)] = body(msg)
    return got


def thirty_days() -> list[date]:
    return [date(2025, 6, 10) + timedelta(days=i) for i in range(30)]


class TestTheLadderReplayed:
    def test_each_rung_goes_out_once_and_stops_at_completion_and_at_a_waiver(self, province, cli, mailbox):
        waive = ("report", "waive", "--task", "1", "--dispatch", "88/UBND-VP", "--org", "hoi-c",
                 "--reason", "Đã báo cáo chung với Ủy ban MTTQ tỉnh", "--actor", "nguyen.van.a")
        submit = ("report", "submit", "--task", "1", "--dispatch", "88/UBND-VP", "--org", "so-b", "--at", "2025-06-20",
                  "--doc", "Báo cáo số 45/BC-STC ngày 20/6/2025")
        got = replay(cli, Inbox(mailbox), thirty_days(), {date(2025, 6, 18): [waive], date(2025, 6, 20): [submit]})
        sent = {(day, who) for day, per in got.items() for who in per}
        assert sent == {
            (date(2025, 6, 17), "vt@snv.example.vn"), (date(2025, 6, 17), "vt@stc.example.vn"),
            (date(2025, 6, 17), "vt@hnd.example.vn"),  # rung 1: the owners' coordinators
            (date(2025, 6, 19), "ld@snv.example.vn"), (date(2025, 6, 19), "ld@stc.example.vn"),  # rung 3 (not the waived)
            (date(2025, 6, 23), "ld@ubnd.example.vn"),  # rung 5: the parent's head, for Sở Nội vụ only (Sở Tài chính reported)
            (date(2025, 6, 30), "vt@ubnd.example.vn"),  # rung 10: the issuer's office
        }
        first = got[date(2025, 6, 17)]["vt@snv.example.vn"]
        assert "Ban hành kế hoạch kiểm tra" in first and "Báo cáo kết quả rà soát" in first  # actions are chased too
        assert "Quá hạn từ ngày 17/06/2025 (hạn cuối 16/06/2025), đã quá 1 ngày" in first
        parent = got[date(2025, 6, 23)]["ld@ubnd.example.vn"]
        assert parent.count("đề nghị đồng chí chỉ đạo:") == 2  # one block per item: the report and the action
        assert "Các đơn vị sau chưa gửi báo cáo “Báo cáo kết quả rà soát”" in parent
        assert "Các đơn vị sau chưa hoàn thành nhiệm vụ “Ban hành kế hoạch kiểm tra”" in parent
        assert ("Sở Nội vụ tỉnh Thử Nghiệm: quá hạn 7 ngày (từ 17/06/2025; hạn 16/06/2025); "
                "đã nhắc: đầu mối của đơn vị ngày 17/06/2025, lãnh đạo đơn vị ngày 19/06/2025") in parent
        assert "Sở Tài chính" not in parent and "Hội Nông dân" not in parent
        office = got[date(2025, 6, 30)]["vt@ubnd.example.vn"]
        assert "lãnh đạo cơ quan cấp trên ngày 23/06/2025" in office

    def test_the_supervisor_gets_one_block_naming_every_late_unit_not_one_copy_each(self, province, cli, mailbox):
        got = replay(cli, Inbox(mailbox), [date(2025, 6, 30)])
        office = got[date(2025, 6, 30)]["vt@ubnd.example.vn"]
        block = office.split("Các đơn vị sau chưa gửi báo cáo", 1)[1].split("\n\n")[0]
        assert [line.strip()[:3] for line in block.splitlines()[1:]] == ["1. ", "2. ", "3. "]
        for name in ("Sở Nội vụ", "Sở Tài chính", "Hội Nông dân"):
            assert block.count(name) == 1
        msg = next(m for m in mailbox.messages() if to(m) == "vt@ubnd.example.vn")
        [ics] = [p.get_content() for p in msg.iter_attachments() if p.get_content_type() == "text/calendar"]
        import icalendar

        summaries = [str(e["summary"]) for e in icalendar.Calendar.from_ical(ics).walk("VEVENT")]
        assert any("Sở Nội vụ" in s and "Sở Tài chính" in s and "Hội Nông dân" in s for s in summaries)

    def test_after_a_five_day_outage_only_the_latest_rung_goes_out(self, province, cli, mailbox):
        inbox = Inbox(mailbox)
        got = replay(cli, inbox, [date(2025, 6, 17)])
        # down from 18/6 to 24/6 (five working days); the next sweep is on 25/6, past rung 5 (23/6)
        got.update(replay(cli, inbox, [date(2025, 6, 25), date(2025, 6, 26)]))
        assert set(got[date(2025, 6, 25)]) == {"ld@ubnd.example.vn", "ld@mttq.example.vn"}  # parents' heads only
        assert not got.get(date(2025, 6, 26))
        assert all(not who.startswith("ld@s") for per in got.values() for who in per)  # rung 3 never sent late
        parent = got[date(2025, 6, 25)]["ld@ubnd.example.vn"]
        assert "đã nhắc: đầu mối của đơn vị ngày 17/06/2025\n" in parent and "lãnh đạo đơn vị ngày" not in parent

    def test_a_sweep_run_twice_the_same_day_sends_nothing_more(self, province, cli, mailbox):
        inbox = Inbox(mailbox)
        replay(cli, inbox, [date(2025, 6, 23)])
        assert replay(cli, inbox, [date(2025, 6, 23)]) == {}
