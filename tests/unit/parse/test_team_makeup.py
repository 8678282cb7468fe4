"""A team's make-up names who sits on it, not who is given the work ("Trưởng đoàn là đại diện …", "Tổ trưởng: Đại
diện …"); the Front written with and without its country ("Ủy ban MTTQ Việt Nam xã", "Ủy ban MTTQ xã") is one body.
Invented texts."""

from __future__ import annotations

import pytest

from dondoc.parse.owners import find_owners


@pytest.mark.parametrize(
    "text, lead",
    [
        ("Ban Thường trực Hội Nông dân xã thành lập đoàn kiểm tra tại các chi hội. Trưởng đoàn là đại diện lãnh đạo "
         "Hội Nông dân xã; thành viên gồm cán bộ các chi hội.", ["Ban Thường trực Hội Nông dân xã"]),
        ("Phòng Y tế huyện chủ trì tổ chức đoàn thanh tra an toàn thực phẩm.\n+ Trưởng đoàn: Đại diện lãnh đạo Phòng "
         "Y tế huyện", ["Phòng Y tế huyện"]),
        ("Đoàn Thanh niên phường lập tổ tình nguyện hỗ trợ thí sinh. Tổ trưởng: đồng chí Bí thư Đoàn phường.",
         ["Đoàn Thanh niên phường"]),
    ],
    ids=["head-is-a-representative", "head-line-under-the-order", "group-leader-is-a-comrade"],
)
def test_the_team_make_up_names_no_owner(text: str, lead: list[str]) -> None:
    assert find_owners(text).lead == lead


def test_a_team_head_given_duties_still_leads() -> None:
    found = find_owners("Trưởng đoàn chịu trách nhiệm chung về kết quả kiểm tra.")
    assert found.lead == ["Trưởng đoàn"]


def test_the_front_with_and_without_its_country_is_one_owner() -> None:
    found = find_owners("Ban Thường trực Ủy ban MTTQ Việt Nam phường chủ trì tổ chức hội nghị. Ban Thường trực "
                        "Ủy ban MTTQ phường thành lập tổ thư ký.")
    assert found.lead == ["Ban Thường trực Ủy ban MTTQ Việt Nam phường"]
