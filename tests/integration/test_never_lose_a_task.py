"""Never lose a task on the way in, through the real CLI on real SQLite and PostgreSQL and a real SMTP
server: refusals that store nothing, the unassigned state, `tasks assign`, and the admins' weekly digest."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import text

from tests.conftest import REPO, run

ORGS = REPO / "config" / "organizations.yaml"
ADMIN = "quantri@ubnd.haiduong.example.vn"  # the contact with role admin in config/organizations.yaml


def write(path: Path, tasks: list[dict[str, Any]], *, issued_on: str = "2025-06-02") -> Path:
    path.write_text(yaml.safe_dump({
        "version": 1,
        "dispatch": {"number": "6711/MTTQ-BTT", "issuer": "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh",
                     "issued_on": issued_on, "subject": "V/v tuyên truyền"},
        "tasks": tasks,
    }, allow_unicode=True), encoding="utf-8")
    return path


def counts(url: str) -> dict[str, int]:
    from dondoc.store.db import get_engine

    with get_engine(url).connect() as c:
        return {t: c.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
                for t in ("dispatch", "task", "task_owner", "audit_log", "organization", "contact")}


UNPLACED = {"key": "3", "title": "Tuyên truyền trên cổng thông tin", "kind": "report",
            "lead": [{"name": "Sở Thông tin Truyền thông"}], "schedule": {"repeat": "once", "due": ["2025-06-20"]}}
PLACED = {"key": "4", "title": "Báo cáo kết quả", "kind": "report", "lead": [{"name": "Công an tỉnh"}],
          "schedule": {"repeat": "once", "due": ["2025-06-20"]}}


@pytest.fixture
def directory(env, cli):  # type: ignore[no-untyped-def]
    code, _, err = run(cli, "orgs", "import", str(ORGS))
    assert code == 0, err
    return env["DONDOC_DATABASE_URL"]


class TestRefusedAtLoad:
    def test_a_lead_that_matches_no_organisation_refuses_the_file_in_one_line_and_stores_nothing(
            self, directory, cli, tmp_path):  # type: ignore[no-untyped-def]
        path = write(tmp_path / "cv-6711.yaml", [PLACED, UNPLACED], issued_on="2019-08-05")
        before = counts(directory)
        code, out, err = run(cli, "load", str(path))
        assert code == 1 and out == ""
        assert err == (f'lỗi: {path}: nhiệm vụ 3: không tìm thấy đơn vị "Sở Thông tin Truyền thông" trong danh bạ; '
                       "gần nhất: so-tttt (Sở Thông tin và Truyền thông tỉnh Hải Dương). "
                       "Thêm vào danh bạ, sửa tệp, hoặc nạp với --allow-unassigned\n")
        assert counts(directory) == before

    def test_an_explicit_code_the_directory_lacks_is_refused_even_for_a_support_owner(
            self, directory, cli, tmp_path):  # type: ignore[no-untyped-def]
        task = {**PLACED, "support": [{"name": "Sở Tài chính", "org": "so-tc"}]}
        code, _, err = run(cli, "load", str(write(tmp_path / "x.yaml", [task])))
        assert code == 1
        assert ('nhiệm vụ 4: mã đơn vị "so-tc" (ghi cho "Sở Tài chính") không có trong danh bạ; '
                "gần nhất: so-tai-chinh (Sở Tài chính tỉnh Hải Dương)") in err
        assert counts(directory)["dispatch"] == 0

    def test_a_task_with_no_lead_is_refused(self, directory, cli, tmp_path):  # type: ignore[no-untyped-def]
        code, _, err = run(cli, "load", str(write(tmp_path / "x.yaml", [{**PLACED, "lead": []}])))
        assert code == 1 and "nhiệm vụ 4: chưa có đơn vị chủ trì (lead để trống)" in err

    def test_a_support_owner_that_matches_nothing_is_kept_and_listed(self, directory, cli, tmp_path):  # type: ignore[no-untyped-def]
        task = {**PLACED, "support": [{"name": "Ban Dân tộc tỉnh"}]}
        code, out, err = run(cli, "load", str(write(tmp_path / "x.yaml", [task])))
        assert code == 0, err
        assert 'cảnh báo: nhiệm vụ 4: không tìm thấy đơn vị phối hợp "Ban Dân tộc tỉnh" trong danh bạ' in out
        code, out, _ = run(cli, "tasks", "list", "--as-of", "2025-06-10", "--json")
        [row] = json.loads(out)
        assert row["support"] == [{"name": "Ban Dân tộc tỉnh", "org": None}] and row["unassigned"] is False

    def test_a_title_over_500_characters_is_refused_naming_the_field(self, directory, cli, tmp_path):  # type: ignore[no-untyped-def]
        code, _, err = run(cli, "load", str(write(tmp_path / "x.yaml", [{**PLACED, "title": "Tuyên truyền " * 40}])))
        assert code == 1
        assert err.startswith(f"lỗi: {tmp_path / 'x.yaml'}: tasks[0].title (nhiệm vụ 4): dài 520 ký tự, quá giới hạn 500")
        assert len(err.strip().splitlines()) == 1 and counts(directory)["dispatch"] == 0

    @pytest.mark.parametrize(("field", "value", "where"), [
        ("due", "2201-01-01", "tasks[0].schedule.due[0] (nhiệm vụ 4): ngày 01/01/2201"),
        ("until", "1899-12-31", "tasks[0].schedule.until (nhiệm vụ 4): ngày 31/12/1899"),
    ], ids=["due", "until"])
    def test_a_date_outside_1900_to_2200_is_refused_naming_the_field(self, directory, cli, tmp_path, field, value,  # type: ignore[no-untyped-def]
                                                                     where):
        schedule = {"repeat": "annual", "due": ["--06-20"], **({"due": [value]} if field == "due" else {"until": value})}
        code, _, err = run(cli, "load", str(write(tmp_path / "x.yaml", [{**PLACED, "schedule": schedule}])))
        assert code == 1 and where in err and "1900–2200" in err

    def test_a_received_day_outside_1900_to_2200_is_refused(self, directory, cli, tmp_path):  # type: ignore[no-untyped-def]
        code, _, err = run(cli, "load", str(write(tmp_path / "x.yaml", [PLACED])), "--received", "2250-01-01")
        assert code == 1 and "--received: ngày 01/01/2250 nằm ngoài khoảng năm 1900–2200" in err

    def test_a_directory_with_an_invalid_email_is_refused_naming_the_field_and_stores_nothing(
            self, env, cli, tmp_path):  # type: ignore[no-untyped-def]
        data = yaml.safe_load(ORGS.read_text(encoding="utf-8"))
        data["organizations"][4]["contacts"][0]["email"] = "pv05@congan"
        bad = tmp_path / "orgs.yaml"
        bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        code, _, err = run(cli, "orgs", "import", str(bad))
        code_ = data["organizations"][4]["code"]
        assert code == 1
        assert err.startswith(f'lỗi: {bad}: organizations[4].contacts[0].email (mã {code_}): "pv05@congan" không phải '
                              "địa chỉ email hợp lệ: tên miền sau @ thiếu dấu chấm")
        code, out, _ = run(cli, "orgs", "list", "--json")
        assert code == 0 and json.loads(out) == []


def task_rows(cli, as_of: str, *extra: str) -> dict[str, dict[str, Any]]:  # type: ignore[no-untyped-def]
    code, out, err = run(cli, "tasks", "list", "--as-of", as_of, "--json", *extra)
    assert code == 0, err
    return {t["key"]: t for t in json.loads(out)}


@pytest.fixture
def unassigned(directory, cli, tmp_path):  # type: ignore[no-untyped-def]
    """A dispatch of 2/6/2025 loaded with --allow-unassigned: task 3 has no organisation, task 4 has one."""
    code, out, err = run(cli, "load", str(write(tmp_path / "cv-6711.yaml", [UNPLACED, PLACED])), "--allow-unassigned")
    assert code == 0, err
    return out


class TestUnassigned:
    def test_load_says_what_it_stored_unassigned_and_how_to_assign_it(self, unassigned):  # type: ignore[no-untyped-def]
        assert "đã nạp" in unassigned
        assert ('chưa xác định đơn vị: nhiệm vụ 3: không tìm thấy đơn vị "Sở Thông tin Truyền thông" trong danh bạ'
                in unassigned)
        assert "dondoc tasks assign --dispatch 6711/MTTQ-BTT --task 3 --org MÃ" in unassigned

    def test_the_task_list_marks_it_and_can_show_only_those(self, unassigned, cli):  # type: ignore[no-untyped-def]
        rows = task_rows(cli, "2025-06-10")
        assert rows["3"]["unassigned"] is True and rows["3"]["occurrences"] == []
        assert rows["4"]["unassigned"] is False and rows["4"]["occurrences"]
        assert set(task_rows(cli, "2025-06-10", "--unassigned")) == {"3"}
        code, out, _ = run(cli, "tasks", "list", "--as-of", "2025-06-10")
        assert "chưa xác định đơn vị" in out

    def test_the_board_shows_them_with_their_count(self, unassigned, cli):  # type: ignore[no-untyped-def]
        code, out, _ = run(cli, "board", "--as-of", "2025-06-10")
        assert code == 0 and "Chưa xác định đơn vị: 1 nhiệm vụ" in out and "Sở Thông tin Truyền thông" in out

    def test_assigning_it_audits_materialises_and_clears_the_mark(self, unassigned, cli, directory):  # type: ignore[no-untyped-def]
        code, out, err = run(cli, "tasks", "assign", "--dispatch", "6711/MTTQ-BTT", "--task", "3", "--org", "so-khcn",
                             "--as-of", "2025-06-10")
        assert code == 0, err
        assert out == ('nhiệm vụ 3 (6711/MTTQ-BTT): đơn vị chủ trì nay là so-khcn (ghi là "Sở Thông tin '
                       'Truyền thông"); lập 1 kỳ mới\n')
        rows = task_rows(cli, "2025-06-10")
        assert rows["3"]["unassigned"] is False
        assert [(o["org"], o["effective_due"]) for o in rows["3"]["occurrences"]] == [("so-khcn", "2025-06-20")]
        code, out, _ = run(cli, "board", "--as-of", "2025-06-10")
        assert "Chưa xác định đơn vị" not in out
        from dondoc.store.db import get_engine

        with get_engine(directory).connect() as c:
            action, detail = c.execute(text("SELECT action, detail FROM audit_log WHERE action = 'task.assign'")).one()
        detail = json.loads(detail) if isinstance(detail, str) else detail
        assert detail["before"] == [["Sở Thông tin Truyền thông", None]]
        assert detail["after"] == [["Sở Thông tin Truyền thông", "so-khcn"]]
        code, out, _ = run(cli, "tasks", "assign", "--dispatch", "6711/MTTQ-BTT", "--task", "3", "--org", "so-khcn")
        assert code == 0 and "không thay đổi" in out

    def test_fixing_a_wrong_lead_cancels_its_open_occurrences(self, unassigned, cli):  # type: ignore[no-untyped-def]
        assert [o["org"] for o in task_rows(cli, "2025-06-10")["4"]["occurrences"]] == ["ca-tinh"]
        code, out, err = run(cli, "tasks", "assign", "--dispatch", "6711/MTTQ-BTT", "--task", "4", "--org",
                             "so-tai-chinh", "--name", "công an tỉnh", "--as-of", "2025-06-10")
        assert code == 0, err
        assert out == ('nhiệm vụ 4 (6711/MTTQ-BTT): đơn vị chủ trì nay là so-tai-chinh (ghi là "Công an tỉnh"); '
                       "hủy 1 kỳ còn mở của đơn vị cũ; lập 1 kỳ mới\n")
        occs = task_rows(cli, "2025-06-10")["4"]["occurrences"]
        assert [o["org"] for o in occs] == ["so-tai-chinh"]  # the cancelled one is no longer listed

    def test_assigning_a_unit_that_has_ceased_says_who_carries_its_work(self, unassigned, cli):  # type: ignore[no-untyped-def]
        code, _, err = run(cli, "tasks", "assign", "--dispatch", "6711/MTTQ-BTT", "--task", "3", "--org", "so-tttt",
                           "--as-of", "2025-06-10")
        assert code == 0 and "lưu ý: so-tttt chỉ tồn tại đến 28/02/2025; việc từ sau ngày đó chuyển cho so-khcn" in err
        assert [o["org"] for o in task_rows(cli, "2025-06-10")["3"]["occurrences"]] == ["so-khcn"]

    def test_several_codes_make_several_leads(self, unassigned, cli):  # type: ignore[no-untyped-def]
        assert run(cli, "tasks", "assign", "--dispatch", "6711/MTTQ-BTT", "--task", "3", "--org", "so-khcn,ca-tinh",
                   "--as-of", "2025-06-10")[0] == 0
        assert sorted(o["org"] for o in task_rows(cli, "2025-06-10")["3"]["occurrences"]) == ["ca-tinh", "so-khcn"]

    @pytest.mark.parametrize(("args", "message"), [
        (("--task", "3", "--org", "so-tc"), 'lỗi: mã đơn vị "so-tc" không có trong danh bạ; gần nhất: so-tai-chinh'),
        (("--task", "9", "--org", "so-tttt"), 'lỗi: văn bản 6711/MTTQ-BTT không có nhiệm vụ "9" (có: 3, 4)'),
        (("--task", "3", "--org", "so-tttt", "--role", "boss"), 'lỗi: --role: "boss" không hợp lệ'),
        (("--task", "4", "--org", "so-tttt", "--name", "Sở Y tế"),
         'lỗi: nhiệm vụ 4 (6711/MTTQ-BTT): không có đơn vị chủ trì ghi là "Sở Y tế" (đang có: "Công an tỉnh")'),
    ], ids=["unknown-code", "unknown-task", "role", "unknown-name"])
    def test_a_wrong_assignment_is_one_line_and_changes_nothing(self, unassigned, cli, directory, args, message):  # type: ignore[no-untyped-def]
        before = counts(directory)
        code, _, err = run(cli, "tasks", "assign", "--dispatch", "6711/MTTQ-BTT", *args)
        assert code == 1 and err.startswith(message) and len(err.strip().splitlines()) == 1
        assert counts(directory) == before


def admin_bodies(mailbox) -> list[str]:  # type: ignore[no-untyped-def]
    return [m.get_body(preferencelist=("plain",)).get_content() for m in mailbox.messages()
            if m["To"].addresses[0].addr_spec == ADMIN]


class TestTheAdminsHearOfIt:
    def test_each_unassigned_task_is_in_the_admin_digest_once_a_week_until_assigned(self, unassigned, cli, mailbox):  # type: ignore[no-untyped-def]
        assert run(cli, "remind", "--as-of", "2025-06-04")[0] == 0  # a Wednesday: the first sweep of its week
        [first] = admin_bodies(mailbox)
        assert "== Nhiệm vụ chưa xác định đơn vị (1) ==" in first
        assert "[6711/MTTQ-BTT · mục 3] Tuyên truyền trên cổng thông tin" in first
        assert 'Đơn vị chủ trì như văn bản ghi: "Sở Thông tin Truyền thông", chưa xác định được trong danh bạ' in first
        assert "dondoc tasks assign --dispatch 6711/MTTQ-BTT --task 3 --org" in first
        subject = next(m for m in mailbox.messages() if m["To"].addresses[0].addr_spec == ADMIN)["Subject"]
        assert subject == "[dondoc] Thông báo: 1 nhiệm vụ chưa xác định đơn vị — Quản trị dondoc"
        for day in ("2025-06-05", "2025-06-06", "2025-06-08"):  # the rest of that ISO week: nothing again
            assert run(cli, "remind", "--as-of", day)[0] == 0
        assert len(admin_bodies(mailbox)) == 1
        assert run(cli, "remind", "--as-of", "2025-06-09")[0] == 0  # Monday of the next week
        assert len(admin_bodies(mailbox)) == 2
        assert run(cli, "tasks", "assign", "--dispatch", "6711/MTTQ-BTT", "--task", "3", "--org", "so-khcn",
                   "--as-of", "2025-06-10")[0] == 0
        assert run(cli, "remind", "--as-of", "2025-06-16")[0] == 0
        assert all("chưa xác định đơn vị" not in b for b in admin_bodies(mailbox)[2:])
        # and the office now assigned is reminded of it
        owners = [m for m in mailbox.messages() if m["To"].addresses[0].addr_spec.endswith("skhcn.haiduong.example.vn")]
        assert owners and "mục 3" in owners[-1].get_body(preferencelist=("plain",)).get_content()

    def test_without_an_admin_contact_the_sweep_says_nobody_was_told(self, env, cli, mailbox, tmp_path):  # type: ignore[no-untyped-def]
        data = yaml.safe_load(ORGS.read_text(encoding="utf-8"))
        for org in data["organizations"]:
            org["contacts"] = [c for c in org["contacts"] if c.get("role") != "admin"]
        orgs = tmp_path / "orgs.yaml"
        orgs.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        assert run(cli, "orgs", "import", str(orgs))[0] == 0
        code, _, err = run(cli, "load", str(write(tmp_path / "x.yaml", [UNPLACED])), "--allow-unassigned")
        assert code == 0 and "danh bạ chưa có liên hệ quản trị (role: admin)" in err
        code, _, err = run(cli, "remind", "--as-of", "2025-06-04")
        assert code == 0 and "1 nhiệm vụ chưa xác định đơn vị: danh bạ chưa có liên hệ quản trị" in err


@pytest.mark.slow
def test_two_sweeps_at_once_tell_the_admin_of_an_unassigned_task_once(unassigned, env, mailbox):  # type: ignore[no-untyped-def]
    full = {**os.environ, **env}
    procs = [subprocess.Popen([sys.executable, "-m", "dondoc", "remind", "--as-of", "2025-06-04"], env=full, cwd=REPO,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()
    bodies = admin_bodies(mailbox)
    assert len(bodies) == 1 and bodies[0].count("mục 3]") == 1
