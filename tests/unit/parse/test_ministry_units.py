"""A ministry's departments ("Vụ", dondoc/parse/heads.py, vocab.py) are owners when written capitalised or
"các Vụ"; "vụ" of "nhiệm vụ", "phục vụ", "vụ việc", "vụ án" names nobody. Our own sentences."""

from __future__ import annotations

import pytest

from dondoc.parse.owners import find_owners, label_owners


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("Vụ Pháp chế chủ trì rà soát văn bản.", ["Vụ Pháp chế"]),
        ("Vụ Kế hoạch - Tài chính tổng hợp dự toán năm sau.", ["Vụ Kế hoạch - Tài chính"]),
        ("Các Vụ, đơn vị trực thuộc Bộ gửi báo cáo quý.", ["Các Vụ, đơn vị trực thuộc Bộ"]),
        # the word in other senses
        ("Hoàn thành nhiệm vụ được giao.", []),
        ("Nâng cao chất lượng phục vụ người dân.", []),
        ("Giải quyết dứt điểm các vụ việc khiếu nại tồn đọng.", []),
        ("Vụ việc phức tạp phải được báo cáo ngay.", []),
    ],
)
def test_a_department_of_a_ministry_is_an_owner(text: str, lead: list[str]) -> None:
    assert find_owners(text).lead == lead


def test_a_field_line_lists_ministries_provinces_and_departments_apart() -> None:
    assert label_owners("Các Bộ, Ủy ban nhân dân các tỉnh và các Vụ, đơn vị trực thuộc Bộ") == [
        "Các Bộ", "Ủy ban nhân dân các tỉnh", "các Vụ, đơn vị trực thuộc Bộ"]
