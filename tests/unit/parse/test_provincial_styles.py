"""Small checks of rules the provincial-style fixtures (28-34) brought in, on sentences of their own."""

from __future__ import annotations

import pytest

from dondoc.parse.cadence import classify
from dondoc.parse.owners import find_owners, label_owners, subject_before


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("Đồng chí Giám đốc Sở Tài chính chỉ đạo rà soát nguồn vốn.", ["Giám đốc Sở Tài chính"]),
        ("Trong thời gian tới, đồng chí Giám đốc Sở Tài chính chỉ đạo rà soát.", ["Giám đốc Sở Tài chính"]),
        ("Giao đồng chí Giám đốc Sở Khoa học và Công nghệ chỉ đạo hoàn thiện nền tảng.", ["Giám đốc Sở Khoa học và Công nghệ"]),
        ("Trong thời gian tới, đồng chí Nguyễn Văn A phát biểu.", []),
        ("Sở Xây dựng và Sở Y tế cùng kiểm tra các công trình.", ["Sở Xây dựng", "Sở Y tế"]),
        ("Giao UBND cấp xã chủ trì triển khai.", ["UBND cấp xã"]),
    ],
)
def test_owners_named_through_an_address_or_as_a_pair(text: str, lead: list[str]) -> None:
    assert find_owners(text).lead == lead


def test_same_level_stays_in_a_name_and_a_verb_ends_one() -> None:
    o = find_owners("UBND các xã chỉ đạo phối hợp với Ủy ban Mặt trận Tổ quốc cùng cấp rà soát.")
    assert o.support == ["Ủy ban Mặt trận Tổ quốc cùng cấp"]
    assert find_owners("Công an tỉnh phối hợp với Sở Xây dựng khảo sát các điểm đen.").support == ["Sở Xây dựng"]


@pytest.mark.parametrize("label", ["NỘI DUNG", "NHIỆM VỤ", "QUYẾT ĐỊNH"])
def test_a_capital_heading_of_words_is_no_owner(label: str) -> None:
    assert label_owners(label) == []


def test_capital_owner_headings_still_name_owners() -> None:
    assert label_owners("UBND") == ["UBND"]
    assert label_owners("Công an tỉnh:") == ["Công an tỉnh"]


def test_the_one_asked_reports_after_other_predicates() -> None:
    t = "Giao Văn phòng UBND tỉnh theo dõi, tổng hợp, báo cáo Chủ tịch UBND tỉnh kết quả."
    assert subject_before(t, t.index("báo cáo")) == ["Văn phòng UBND tỉnh"]
    t = "Trên đây là Kế hoạch của UBND tỉnh; yêu cầu các cơ quan, đơn vị báo cáo kết quả về UBND tỉnh."
    assert subject_before(t, t.index("báo cáo")) == ["các cơ quan, đơn vị"]


@pytest.mark.parametrize(
    ("text", "repeat"),
    [
        ("Sở X cùng hướng dẫn, giải đáp vướng mắc trong quá trình rà soát.", "continuous"),
        ("Trường hợp chậm trễ, phải giải trình cụ thể lý do bằng văn bản.", "continuous"),
        ("Sở X trình UBND tỉnh phương án sắp xếp.", "once"),
        ("Tổ chức diễn tập phương án chữa cháy ít nhất một lần trong năm.", "annual"),
    ],
)
def test_cadence_words(text: str, repeat: str) -> None:
    got, _ = classify(text, has_one_off_due=False, yearly_due=False, events=False, campaign=False)
    assert got == repeat
