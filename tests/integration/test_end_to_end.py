"""The whole path through the CLI, on real SQLite and real PostgreSQL, with a real SMTP server."""

from __future__ import annotations

import email
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO, run, shared_dispatches

TASKSET = FIXTURES / "tasksets" / "bao-cao-phoi-hop.yaml"
ORGS = REPO / "config" / "organizations.yaml"


def recipients(mailbox) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(m["To"].addresses[0].addr_spec for m in mailbox.messages())


def bodies(mailbox) -> list[str]:  # type: ignore[no-untyped-def]
    out = []
    for m in mailbox.messages():
        out.append(m.get_body(preferencelist=("plain",)).get_content())
    return out


@pytest.fixture
def loaded(env, cli):  # type: ignore[no-untyped-def]
    code, out, err = run(cli, "orgs", "import", str(ORGS))
    assert code == 0, err
    code, out, err = run(cli, "load", str(TASKSET))
    assert code == 0, err
    return out


class TestLoading:
    def test_loading_lists_a_support_owner_that_matches_no_organisation(self, loaded):
        assert 'cảnh báo: nhiệm vụ 3.R1: không tìm thấy đơn vị phối hợp "Ban Dân tộc tỉnh" trong danh bạ' in loaded

    def test_loading_the_same_file_again_changes_nothing(self, loaded, cli):
        code, out, _ = run(cli, "load", str(TASKSET))
        assert code == 0 and "không thay đổi" in out

    def test_a_changed_version_is_refused_without_replace_and_audited_with_it(self, loaded, cli, tmp_path):
        changed = tmp_path / "changed.yaml"
        changed.write_text(TASKSET.read_text(encoding="utf-8").replace("--11-15", "--11-20"), encoding="utf-8")
        code, _, err = run(cli, "load", str(changed))
        assert code != 0 and "--replace" in err and "Traceback" not in err
        code, out, _ = run(cli, "load", str(changed), "--replace")
        assert code == 0 and "đã thay thế" in out

    @pytest.mark.parametrize("issuer", ["Ủy ban nhân dân tỉnh hải dương", "Ủy ban nhân dân tỉnh Hải Dương Văn phòng"])
    def test_the_same_number_from_an_issuer_written_otherwise_is_a_version_of_it(self, loaded, cli, tmp_path, issuer):
        # a reader that wrote the header's capitals otherwise (before its issuer casing) gives the same dispatch
        changed = tmp_path / "changed.yaml"
        changed.write_text(TASKSET.read_text(encoding="utf-8").replace("--11-15", "--11-20").replace(
            '"Ủy ban nhân dân tỉnh Hải Dương"', f'"{issuer}"'), encoding="utf-8")
        code, _, err = run(cli, "load", str(changed))
        assert code != 0 and "--replace" in err
        code, out, _ = run(cli, "load", str(changed), "--replace")
        assert code == 0 and "đã thay thế" in out

    def test_the_same_number_from_another_issuer_is_another_dispatch(self, loaded, cli, tmp_path):
        other = tmp_path / "other.yaml"
        other.write_text(TASKSET.read_text(encoding="utf-8").replace(
            '"Ủy ban nhân dân tỉnh Hải Dương"', '"Sở Y tế tỉnh Hải Dương"'), encoding="utf-8")
        code, out, err = run(cli, "load", str(other))
        assert code == 0 and "đã thay thế" not in out, err

    def test_a_report_received_before_a_replacement_stays_received(self, loaded, cli, tmp_path):
        import json

        assert run(cli, "report", "submit", "--task", "3.R1", "--dispatch", "125/UBND-NC", "--org", "hoi-ccb",
                   "--period", "2025-H1", "--at", "2025-06-12")[0] == 0
        changed = tmp_path / "changed.yaml"
        changed.write_text(TASKSET.read_text(encoding="utf-8").replace("--11-15", "--11-20"), encoding="utf-8")
        code, out, err = run(cli, "load", str(changed), "--replace")
        assert code == 0, err
        code, out, _ = run(cli, "tasks", "list", "--as-of", "2025-06-20", "--json")
        task = next(t for t in json.loads(out) if t["key"] == "3.R1")
        h1 = {o["org"]: o for o in task["occurrences"] if o["period"] == "2025-H1"}
        assert h1["hoi-ccb"]["status"] == "submitted" and h1["hoi-ccb"]["bucket"] == "on_time"
        assert h1["hoi-nd"]["bucket"] == "overdue"

    def test_a_task_set_with_a_wrong_field_names_the_task_and_field(self, env, cli, tmp_path):
        bad = tmp_path / "bad.yaml"
        bad.write_text(TASKSET.read_text(encoding="utf-8").replace("repeat: semiannual", "repeat: fortnightly"),
                       encoding="utf-8")
        code, _, err = run(cli, "load", str(bad))
        assert code != 0
        assert "bad.yaml: tasks[2].schedule.repeat (nhiệm vụ 3.R1): phải là một trong: 'once'" in err
        assert len(err.strip().splitlines()) == 1

    def test_a_missing_file_is_one_line_and_a_non_zero_exit(self, env, cli, tmp_path):
        code, _, err = run(cli, "load", str(tmp_path / "nope.yaml"))
        assert code != 0 and "nope.yaml: không có tệp này" in err


class TestReminders:
    def test_the_six_month_report_reminder_goes_to_every_owner_once(self, loaded, cli, mailbox):
        code, out, err = run(cli, "remind", "--as-of", "2025-06-10")
        assert code == 0, err
        got = recipients(mailbox)
        # Ủy ban MTTQ tỉnh and its six member organisations: one digest each.
        assert "bantuyengiao@mttq.haiduong.example.vn" in got
        assert "vanphong@hoinongdan.haiduong.example.vn" in got
        assert len(got) == 7 and len(set(got)) == 7
        text = "\n".join(bodies(mailbox))
        assert "16/06/2025" in text  # 15/6/2025 is a Sunday: Điều 148 moves it to Monday
        assert "6 tháng đầu năm 2025 (số liệu tính từ 15/12/2024 đến 14/6/2025)" in text
        assert {m["Reply-To"].addresses[0].addr_spec for m in mailbox.messages()} == {"vanphong@ubnd.haiduong.example.vn"}
        code, out, _ = run(cli, "remind", "--as-of", "2025-06-10")
        assert code == 0 and "không có thư mới" in out
        assert mailbox.count() == 7

    def test_the_annual_report_reminder_goes_out_in_november(self, loaded, cli, mailbox):
        assert run(cli, "remind", "--as-of", "2025-11-12")[0] == 0
        assert len(recipients(mailbox)) == 7
        subjects = [m["Subject"] for m in mailbox.messages()]
        assert all("Nhắc việc" in s or "nhắc" in s.lower() for s in subjects), subjects

    def test_a_dry_run_sends_and_stores_nothing(self, loaded, cli, mailbox):
        code, out, _ = run(cli, "remind", "--as-of", "2025-06-10", "--dry-run")
        assert code == 0 and "chạy thử" in out
        assert mailbox.count() == 0
        assert run(cli, "remind", "--as-of", "2025-06-10")[0] == 0
        assert mailbox.count() == 7

    def test_after_three_days_of_downtime_only_the_latest_rung_goes_out(self, loaded, cli, mailbox):
        # the 7-day rung was due on 9/6; nobody swept on 6/6–12/6; on 13/6 the 3-day rung is the latest reached
        assert run(cli, "remind", "--as-of", "2025-06-13")[0] == 0
        assert mailbox.count() == 7
        text = "\n".join(bodies(mailbox))
        assert text.count("16/06/2025") >= 7


class TestEscalation:
    def test_a_missed_report_climbs_the_ladder_one_rung_at_a_time_each_once(self, loaded, cli, mailbox):
        # everyone but the Hội Nông dân reports on time
        for org in ("ubmttq-tinh", "hoi-ccb", "hoi-lhpn", "tinh-doan", "ldld-tinh", "hoi-nct"):
            code, out, err = run(cli, "report", "submit", "--task", "3.R1", "--dispatch", "125/UBND-NC",
                                 "--org", org, "--period", "2025-H1", "--at", "2025-06-12")
            assert code == 0, err
        # due Monday 16/6: rung 1 (the owner's coordinator) on 17/6; the work already late when the
        # dispatch was loaded (item 1, the 2024 annual report) is at its last rung: the issuer's office
        assert run(cli, "escalate", "--as-of", "2025-06-17")[0] == 0
        assert recipients(mailbox) == ["vanphong@hoinongdan.haiduong.example.vn", "vanphong@ubnd.haiduong.example.vn"]
        assert run(cli, "escalate", "--as-of", "2025-06-20")[0] == 0  # rung 3: the owner's head
        assert "lanhdao@hoinongdan.haiduong.example.vn" in recipients(mailbox)
        assert run(cli, "escalate", "--as-of", "2025-06-23")[0] == 0  # rung 5: the parent's head
        got = [m for m in mailbox.messages() if m["To"].addresses[0].addr_spec == "chutich@mttq.haiduong.example.vn"]
        assert len(got) == 1  # the head of the parent (Ủy ban MTTQ tỉnh) hears of it once
        body = got[0].get_body(preferencelist=("plain",)).get_content()
        assert "Các đơn vị sau chưa gửi báo cáo" in body and "đề nghị đồng chí chỉ đạo" in body
        assert "Hội Nông dân tỉnh Hải Dương: quá hạn 7 ngày (từ 17/06/2025; hạn 16/06/2025)" in body
        assert "đã nhắc: đầu mối của đơn vị ngày 17/06/2025, lãnh đạo đơn vị ngày 20/06/2025" in body
        before = mailbox.count()
        assert run(cli, "escalate", "--as-of", "2025-06-24")[0] == 0
        assert mailbox.count() == before

    def test_the_board_counts_on_time_late_open_and_overdue(self, loaded, cli):
        run(cli, "report", "submit", "--task", "3.R1", "--dispatch", "125/UBND-NC", "--org", "hoi-ccb",
            "--period", "2025-H1", "--at", "2025-06-12")
        run(cli, "report", "submit", "--task", "3.R1", "--dispatch", "125/UBND-NC", "--org", "hoi-nd",
            "--period", "2025-H1", "--at", "2025-06-25")
        code, out, _ = run(cli, "board", "--as-of", "2025-07-01", "--json")
        assert code == 0
        import json

        rows = {r["org_code"]: r for r in json.loads(out)}
        assert rows["hoi-ccb"]["on_time"] == 1
        assert rows["hoi-nd"]["late"] == 1
        # the 6-month report of 2025, and the annual report of 2024 (the dispatch's whole past)
        assert rows["hoi-lhpn"]["overdue"] == 2 and rows["hoi-lhpn"]["rate"] == 0.0
        assert rows["hoi-ccb"]["rate"] == 0.5  # 1 on time of 2 due: the annual report of 2024 is overdue


class TestMailServerTrouble:
    def test_a_server_that_is_down_leaves_everything_queued_and_exits_non_zero(self, loaded, cli, mailbox,
                                                                                monkeypatch):
        from dondoc.notify.mailbox import free_port
        from dondoc.settings import get_settings

        monkeypatch.setenv("DONDOC_SMTP_PORT", str(free_port()))
        get_settings.cache_clear()
        code, out, err = run(cli, "remind", "--as-of", "2025-06-10")
        assert code != 0 and "không kết nối được" in err and "mọi thư vẫn chờ gửi" in err
        monkeypatch.setenv("DONDOC_SMTP_PORT", str(mailbox.port))
        get_settings.cache_clear()
        code, out, err = run(cli, "remind", "--as-of", "2025-06-10")
        assert code == 0, err
        assert mailbox.count() == 7


class TestSharedDispatch:
    def test_the_task_set_of_the_shared_2024_dispatch_loads_and_reminds(self, env, cli, mailbox, tmp_path):
        src = next(shared_dispatches().glob("001_*.txt"))
        out_yaml = tmp_path / "001.yaml"
        code, _, err = run(cli, "ingest", str(src), "-o", str(out_yaml))
        assert code == 0, err
        assert run(cli, "orgs", "import", str(ORGS))[0] == 0
        code, out, err = run(cli, "load", str(out_yaml))
        assert code == 0, err
        assert run(cli, "remind", "--as-of", "2025-06-10")[0] == 0
        six_month = mailbox.count()
        assert six_month > 0
        assert "bantuyengiao@mttq.haiduong.example.vn" in recipients(mailbox)
        police = [m for m in mailbox.messages() if m["To"].addresses[0].addr_spec == "pv05@congan.haiduong.example.vn"]
        body = police[0].get_body(preferencelist=("plain",)).get_content()
        # the consolidator is reminded once of the 6-month report (8.R1), not again under item 8
        assert "mục 8.R1" in body and "mục 8]" not in body
        assert run(cli, "remind", "--as-of", "2025-06-10")[0] == 0
        assert mailbox.count() == six_month
        assert run(cli, "remind", "--as-of", "2025-11-12")[0] == 0
        assert mailbox.count() > six_month


class TestCascade:
    def test_sub_units_owe_a_consolidated_report_three_working_days_before_the_consolidator(self, env, cli, tmp_path):
        import json

        import yaml

        data = yaml.safe_load(TASKSET.read_text(encoding="utf-8"))
        data["tasks"][2]["cascade"] = {"by": {"name": "Công an tỉnh"}}
        path = tmp_path / "cascade.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        assert run(cli, "orgs", "import", str(ORGS))[0] == 0
        assert run(cli, "load", str(path))[0] == 0
        code, out, _ = run(cli, "tasks", "list", "--as-of", "2025-06-01", "--json")
        task = next(t for t in json.loads(out) if t["key"] == "3.R1")
        h1 = {o["org"]: o for o in task["occurrences"] if o["period"] == "2025-H1"}
        assert h1["ca-tinh"]["effective_due"] == "2025-06-16"  # 15/6 is a Sunday
        assert h1["ubmttq-tinh"]["effective_due"] == "2025-06-11"  # three working days earlier
        occ = h1["hoi-nd"]["id"]
        code, out, _ = run(cli, "explain", str(occ))
        assert "Hạn nội bộ" in out and "Nghị định 09/2019" in out


class TestLunarAnchors:
    @pytest.mark.parametrize(("as_of", "expected"), [("2026-01-20", "2026-02-02"), ("2027-01-05", "2027-01-22")],
                             ids=["tet-2026", "tet-2027"])
    def test_fifteen_days_before_tet_follows_the_vietnamese_lunar_calendar(self, env, cli, tmp_path, as_of, expected):
        import json

        import yaml

        data = {"version": 1, "dispatch": {"number": "9/KH-CAT", "issuer": "Công an tỉnh Hải Dương", "issued_on": "2025-12-01"},
                "tasks": [{"key": "1", "title": "Ra quân trấn áp tội phạm dịp Tết", "kind": "action",
                           "lead": [{"name": "Công an tỉnh"}],
                           "schedule": {"repeat": "annual", "lunar": [{"month": 1, "day": 1, "days_before": 15,
                                                                        "name": "Tết Nguyên đán"}]}}]}
        path = tmp_path / "tet.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        assert run(cli, "orgs", "import", str(ORGS))[0] == 0
        assert run(cli, "load", str(path))[0] == 0
        code, out, _ = run(cli, "tasks", "list", "--as-of", as_of, "--json")
        occ = json.loads(out)[0]["next_due"]
        assert occ["stated"] == expected


class TestRelativeDeadlines:
    def test_five_working_days_from_receipt_skip_tet(self, env, cli, tmp_path):
        import json

        import yaml

        data = {"version": 1, "dispatch": {"number": "41/UBND-VP", "issuer": "Ủy ban nhân dân tỉnh Hải Dương",
                                           "issued_on": "2026-02-10"},
                "tasks": [{"key": "1", "title": "Báo cáo rà soát", "kind": "report",
                           "lead": [{"name": "Công an tỉnh"}],
                           "schedule": {"repeat": "once", "relative": {"days": 5, "working_days": True}}}]}
        path = tmp_path / "rel.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        assert run(cli, "orgs", "import", str(ORGS))[0] == 0
        code, _, err = run(cli, "load", str(path), "--received", "2026-02-12")
        assert code == 0, err
        code, out, _ = run(cli, "tasks", "list", "--as-of", "2026-02-12", "--json")
        # Thursday 12/2 is not counted; Fri 13/2 is day 1; Tết closes 16–20/2; days 2–5 are 23–26/2
        assert json.loads(out)[0]["next_due"]["effective"] == "2026-02-26"
