"""The task-set file and the organisation directory: validation that names the place."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from dondoc.directory import load_directory, parse_directory
from dondoc.errors import DirectoryError, InputFileError, TaskSetError
from dondoc.taskset import dump_yaml, load_yaml, parse_taskset
from tests.conftest import FIXTURES, REPO

TASKSET = FIXTURES / "tasksets" / "bao-cao-phoi-hop.yaml"


class TestTaskSet:
    def test_a_task_set_survives_a_round_trip_through_yaml(self, tmp_path: Path) -> None:
        ts = load_yaml(TASKSET)
        again = tmp_path / "again.yaml"
        again.write_text(dump_yaml(ts), encoding="utf-8")
        assert load_yaml(again) == ts

    @pytest.mark.parametrize(
        ("change", "where"),
        [
            (lambda d: d["tasks"][2]["schedule"].update(repeat="fortnightly"),
             "tasks[2].schedule.repeat (nhiệm vụ 3.R1): phải là một trong: 'once', 'annual'"),
            (lambda d: d["tasks"][0]["schedule"].update(due=["2025-02-31"]),
             'tasks[0].schedule.due (nhiệm vụ 1): "2025-02-31" không phải ngày có thật'),
            (lambda d: d["tasks"][0]["schedule"].update(due=["31/12/2025"]),
             'tasks[0].schedule.due (nhiệm vụ 1): "31/12/2025" không đúng dạng YYYY-MM-DD'),
            (lambda d: d["tasks"][1].update(kind="meeting"),
             "tasks[1].kind (nhiệm vụ 2): phải là một trong: 'action', 'report' hoặc 'event'"),
            (lambda d: d["tasks"][1].update(colour="red"), "tasks[1].colour (nhiệm vụ 2): trường không có trong mẫu tệp"),
            (lambda d: d["dispatch"].update(issued_on="hôm qua"), "dispatch.issued_on: phải là một ngày có thật"),
            (lambda d: d["tasks"][1].update(key="1"), 'tasks: mã nhiệm vụ "1" xuất hiện hai lần'),
        ],
        ids=["repeat", "impossible-date", "date-format", "kind", "unknown-field", "issued-on", "duplicate-key"],
    )
    def test_a_wrong_field_is_named_with_its_task(self, change, where) -> None:  # type: ignore[no-untyped-def]
        data = yaml.safe_load(TASKSET.read_text(encoding="utf-8"))
        change(data)
        with pytest.raises(TaskSetError) as err:
            parse_taskset(data, path="x.yaml")
        assert str(err.value).startswith(f"x.yaml: {where}")

    def test_yaml_that_does_not_parse_names_the_line(self, tmp_path: Path) -> None:
        bad = tmp_path / "bad.yaml"
        bad.write_text("version: 1\ntasks:\n  - key: [1\n", encoding="utf-8")
        with pytest.raises(TaskSetError, match=r"bad.yaml: dòng \d+: không phải YAML hợp lệ"):
            load_yaml(bad)

    def test_a_missing_file_says_so(self, tmp_path: Path) -> None:
        with pytest.raises(InputFileError, match="không có tệp này"):
            load_yaml(tmp_path / "missing.yaml")


class TestDirectory:
    @pytest.fixture
    def directory(self):  # type: ignore[no-untyped-def]
        return load_directory(REPO / "config" / "organizations.yaml")

    @pytest.mark.parametrize(
        ("name", "codes"),
        [
            ("Công an tỉnh", ["ca-tinh"]),
            ("CÔNG AN TỈNH HẢI DƯƠNG", ["ca-tinh"]),
            ("Uỷ ban Mặt trận Tổ quốc tỉnh", ["ubmttq-tinh"]),  # old tone placement
            ("Ủy ban MTTQ Việt Nam tỉnh Hải Dương", ["ubmttq-tinh"]),
            ("Cong an tinh", ["ca-tinh"]),
            ("Sở Thông tin và Truyền thông", ["so-tttt"]),
            ("Bộ Công an", []),
        ],
        ids=lambda v: str(v),
    )
    def test_names_resolve_accent_and_case_insensitively_with_the_province_optional(self, directory, name, codes) -> None:  # type: ignore[no-untyped-def]
        assert list(directory.resolve(name, on=date(2024, 8, 1)).codes) == codes

    def test_a_collective_name_expands_through_its_group(self, directory) -> None:  # type: ignore[no-untyped-def]
        res = directory.resolve("các tổ chức thành viên", on=date(2024, 8, 1))
        assert res.group == "to-chuc-thanh-vien" and len(res.codes) == 6

    def test_names_resolve_as_of_the_dispatch_date(self, directory) -> None:  # type: ignore[no-untyped-def]
        assert directory.resolve("Sở Thông tin và Truyền thông", on=date(2025, 8, 1)).codes == ()
        before = directory.resolve("UBND các huyện, thị xã, thành phố", on=date(2024, 8, 1))
        after = directory.resolve("UBND các huyện, thị xã, thành phố", on=date(2025, 8, 1))
        assert len(before.codes) == 12 and after.codes == ()

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ({"organizations": [{"code": "a", "name": "A", "parent": "b"}]},
             'organizations[0].parent (mã a): không có đơn vị mã "b" trong danh bạ'),
            ({"organizations": [{"code": "A B", "name": "A"}]},
             "organizations[0].code (mã A B): chỉ được gồm chữ thường không dấu, chữ số và dấu gạch ngang"),
            ({"organizations": [{"code": "a", "name": "A", "groups": ["g"]}]},
             'organizations[0].groups[0] (mã a): không có nhóm mã "g" trong danh bạ'),
            ({"organizations": [{"code": "a", "name": "A"}, {"code": "a", "name": "B"}]},
             'organizations[1].code (mã a): mã "a" xuất hiện hai lần'),
            ({"organizations": [{"code": "a", "name": "A", "contacts": [{"name": "X"}]}]},
             "organizations[0].contacts[0].email (mã a): thiếu trường bắt buộc"),
        ],
        ids=["parent", "code", "group", "duplicate", "contact-email"],
    )
    def test_a_bad_entry_is_named(self, data, message) -> None:  # type: ignore[no-untyped-def]
        with pytest.raises(DirectoryError) as err:
            parse_directory(data, path="orgs.yaml")
        assert str(err.value).startswith(f"orgs.yaml: {message}")
