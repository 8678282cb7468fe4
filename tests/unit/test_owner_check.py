"""Owners checked against the directory before a task set is stored (pure): what is refused, what is
kept and listed, and the closest codes a refusal suggests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dondoc.directory import Directory, parse_directory
from dondoc.intake import check_owners, closest
from dondoc.taskset import parse_taskset

DIRECTORY: Directory = parse_directory({
    "province": "Hải Dương",
    "organizations": [
        {"code": "ubnd-tinh", "name": "Ủy ban nhân dân tỉnh Hải Dương", "aliases": ["UBND tỉnh"]},
        {"code": "so-tttt", "name": "Sở Thông tin và Truyền thông tỉnh Hải Dương", "aliases": ["Sở TT&TT"],
         "valid_to": "2025-02-28", "successor": "so-khcn"},
        {"code": "so-khcn", "name": "Sở Khoa học và Công nghệ tỉnh Hải Dương"},
        {"code": "so-tai-chinh", "name": "Sở Tài chính tỉnh Hải Dương"},
        {"code": "ca-tinh", "name": "Công an tỉnh Hải Dương", "aliases": ["Công an tỉnh"], "groups": ["so-nganh"]},
        {"code": "hoi-nd", "name": "Hội Nông dân tỉnh Hải Dương", "aliases": ["Hội Nông dân tỉnh"]},
    ],
    "groups": [{"code": "so-nganh", "names": ["các sở, ban, ngành"]}],
}, path="orgs.yaml")


def tasks(*items: dict[str, Any], issued_on: str = "2019-08-05") -> Any:
    return parse_taskset({"version": 1, "dispatch": {"number": "6711/MTTQ-BTT", "issued_on": issued_on},
                          "tasks": [{"key": str(i + 1), **t} for i, t in enumerate(items)]}, path="cv-6711.yaml")


class TestWhatIsRefused:
    @pytest.mark.parametrize(
        ("task", "refused", "kept"),
        [
            ({"lead": [{"name": "Công an tỉnh"}]}, [], []),
            ({"lead": [{"name": "các sở, ban, ngành"}]}, [], []),
            ({"lead": [{"name": "Sở Thông tin Truyền thông"}]}, [("lead", "Sở Thông tin Truyền thông", None)], []),
            ({"lead": [{"name": "Công an tỉnh"}, {"name": "Ban Dân tộc tỉnh"}]}, [("lead", "Ban Dân tộc tỉnh", None)], []),
            ({"lead": []}, [("lead", "", None)], []),
            ({"lead": [{"name": "Công an tỉnh"}], "support": [{"name": "Ban Dân tộc tỉnh"}]},
             [], [("support", "Ban Dân tộc tỉnh", None)]),
            ({"lead": [{"name": "Sở Thông tin và Truyền thông", "org": "so-ttt"}]},
             [("lead", "Sở Thông tin và Truyền thông", "so-ttt")], []),
            ({"lead": [{"name": "Công an tỉnh"}], "support": [{"name": "Sở Tài chính", "org": "so-tc"}]},
             [("support", "Sở Tài chính", "so-tc")], []),
            ({"lead": [{"name": "các sở", "orgs": ["ca-tinh", "so-xyz"]}]}, [("lead", "các sở", "so-xyz")], []),
            ({"lead": [{"name": "Công an tỉnh"}], "kind": "report",
              "cascade": {"by": {"name": "Công an tỉnh", "org": "ca-tinhh"}}},
             [("consolidator", "Công an tỉnh", "ca-tinhh")], []),
            ({"lead": [{"name": "Công an", "org": "ca-tinh"}]}, [], []),
        ],
        ids=["resolves", "group", "lead-unknown", "one-lead-of-two", "no-lead", "support-unknown",
             "explicit-code-unknown", "support-code-unknown", "orgs-code-unknown", "consolidator-code-unknown",
             "explicit-code-wins"],
    )
    def test_an_owner_the_directory_cannot_place(self, task: dict[str, Any], refused: list[Any], kept: list[Any]) -> None:
        check = check_owners(tasks(task), DIRECTORY)
        assert [(i.role, i.name, i.code) for i in check.refused] == refused
        assert [(i.role, i.name, i.code) for i in check.kept] == kept

    def test_a_name_resolves_as_of_the_dispatch_date(self) -> None:
        before = check_owners(tasks({"lead": [{"name": "Sở Thông tin và Truyền thông"}]}, issued_on="2024-08-01"), DIRECTORY)
        after = check_owners(tasks({"lead": [{"name": "Sở Thông tin và Truyền thông"}]}, issued_on="2025-08-01"), DIRECTORY)
        assert not before.refused and [i.name for i in after.refused] == ["Sở Thông tin và Truyền thông"]


class TestTheRefusal:
    def test_it_names_the_task_the_name_as_written_and_the_closest_codes(self) -> None:
        check = check_owners(tasks({"lead": [{"name": "Sở Thông tin Truyền thông"}]}), DIRECTORY)
        assert check.refusal(DIRECTORY, on=date(2019, 8, 5)) == (
            'nhiệm vụ 1: không tìm thấy đơn vị "Sở Thông tin Truyền thông" trong danh bạ; gần nhất: '
            "so-tttt (Sở Thông tin và Truyền thông tỉnh Hải Dương). "
            "Thêm vào danh bạ, sửa tệp, hoặc nạp với --allow-unassigned")

    def test_a_ceased_unit_is_shown_with_its_successor(self) -> None:
        check = check_owners(tasks({"lead": [{"name": "Sở Thông tin Truyền thông"}]}, issued_on="2025-08-01"), DIRECTORY)
        assert "so-tttt (Sở Thông tin và Truyền thông tỉnh Hải Dương; đến 28/02/2025, nay là so-khcn)" in (
            check.refusal(DIRECTORY, on=date(2025, 8, 1)))

    def test_an_unknown_code_is_named_with_the_owner_it_was_written_for(self) -> None:
        check = check_owners(tasks({"lead": [{"name": "Sở Tài chính", "org": "so-tc"}]}), DIRECTORY)
        assert check.refusal(DIRECTORY).startswith(
            'nhiệm vụ 1: mã đơn vị "so-tc" (ghi cho "Sở Tài chính") không có trong danh bạ; gần nhất: '
            "so-tai-chinh (Sở Tài chính tỉnh Hải Dương)")

    def test_a_task_with_no_lead_says_so(self) -> None:
        check = check_owners(tasks({"lead": []}), DIRECTORY)
        assert check.refusal(DIRECTORY).startswith("nhiệm vụ 1: chưa có đơn vị chủ trì (lead để trống). Thêm vào danh bạ")

    def test_the_others_are_counted_on_the_same_line(self) -> None:
        check = check_owners(tasks({"lead": [{"name": "Ban Dân tộc tỉnh"}]}, {"lead": []},
                                   {"lead": [{"name": "X", "org": "x"}]}), DIRECTORY)
        line = check.refusal(DIRECTORY)
        assert "\n" not in line
        assert line.endswith('(còn 2 chỗ khác: nhiệm vụ 2 (không có chủ trì), nhiệm vụ 3 mã "x")')


class TestClosest:
    @pytest.mark.parametrize(
        ("name", "code", "first"),
        [
            ("Sở Thông tin Truyền thông", None, "so-tttt"),
            ("So Thong tin va Truyen thong tinh Hai Duong", None, "so-tttt"),
            ("Sở Tài chánh", None, "so-tai-chinh"),
            ("Hội Nông Dân", None, "hoi-nd"),
            ("", "so-tc", "so-tai-chinh"),
            ("", "ca-tinhh", "ca-tinh"),
            ("", "so-khcnn", "so-khcn"),
        ],
        ids=lambda v: str(v),
    )
    def test_the_closest_code_comes_first(self, name: str, code: str | None, first: str) -> None:
        assert closest(DIRECTORY, name, code=code)[0] == first

    def test_only_likely_codes_are_suggested_when_there_are_some(self) -> None:
        assert closest(DIRECTORY, "Sở Thông tin Truyền thông") == ("so-tttt",)

    def test_a_name_like_none_still_points_somewhere(self) -> None:
        assert len(closest(DIRECTORY, "Cục Thuế")) == 3

    def test_a_unit_that_did_not_exist_on_the_day_ranks_below_one_that_did(self) -> None:
        assert closest(DIRECTORY, "Sở Khoa học Truyền thông", on=date(2019, 8, 5)) == ("so-tttt", "so-khcn")
        assert closest(DIRECTORY, "Sở Khoa học Truyền thông", on=date(2025, 8, 1)) == ("so-khcn", "so-tttt")
