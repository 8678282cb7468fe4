"""Words that look like a cadence or a deliverable but are not the work's (issue 12): an allocation to make is
one piece of work, what was allocated is not; "công tác lập dự toán" names a field of work, not a deliverable;
"được giao bổ sung hàng năm" says how funds come, not how often the work is done. Invented texts."""

from __future__ import annotations

import pytest

from dondoc.parse.cadence import classify


def _repeat(text: str) -> str:
    return classify(text, has_one_off_due=False, yearly_due=False, events=False, campaign=False)[0]


@pytest.mark.parametrize(
    ("text", "repeat"),
    [
        ("Căn cứ số vốn được giao, Ủy ban nhân dân huyện phân bổ cho các xã.", "once"),
        ("Sở Tài chính phân bổ kinh phí sửa chữa trường học cho các huyện.", "once"),
        ("Căn cứ số giống được phân bổ, các xã tổ chức gieo trồng kịp thời vụ.", "continuous"),
        ("Chỉ đạo công tác lập dự toán, cấp phát và quyết toán nguồn vốn sửa nhà.", "continuous"),
        ("Lập dự toán kinh phí sửa nhà gửi Sở Tài chính.", "once"),
        ("Tổ chức thực hiện, bố trí kinh phí từ nguồn chi được giao bổ sung hàng năm cho Sở.", "continuous"),
        ("Sở Xây dựng lập dự toán kinh phí hàng năm cho chương trình.", "annual"),
    ],
    ids=["allocate", "allocate-funds", "allocated", "field-of-work", "estimate", "funds-given-yearly", "yearly-estimate"],
)
def test_cadence_is_read_from_the_work_not_from_what_names_it(text: str, repeat: str) -> None:
    assert _repeat(text) == repeat


@pytest.mark.parametrize(
    ("text", "repeat"),
    [
        ("Những hộ đang được hướng dẫn sửa nhà theo chương trình cũ nhưng chưa có quyết định hỗ trợ thì đề nghị "
         "các huyện lập danh sách gửi Sở Xây dựng.", "once"),
        ("Các trường hợp đã được theo dõi, quản lý thì yêu cầu các xã rà soát lại hồ sơ.", "once"),
        ("Ủy ban nhân dân xã hướng dẫn các hộ sửa nhà. Hộ nào chưa có hồ sơ thì đề nghị lập danh sách.", "continuous"),
    ],
    ids=["case-then-list", "case-then-review", "request-in-a-later-sentence"],
)
def test_the_case_a_request_follows_is_no_verb_of_the_work(text: str, repeat: str) -> None:
    assert _repeat(text) == repeat


@pytest.mark.parametrize(
    ("text", "repeat"),
    [
        ("Bộ Nội vụ, Bộ Tài chính hướng dẫn thực hiện chế độ đối với cán bộ không chuyên trách.", "once"),
        ("Bộ Y tế chủ trì, phối hợp với Bộ Tài chính hướng dẫn thi hành Thông tư này.", "once"),
        ("Ủy ban nhân dân cấp xã hướng dẫn, kiểm tra các hộ dân sửa nhà đúng thiết kế.", "continuous"),
        ("Các trường hướng dẫn thực hiện tốt nội quy cho học sinh.", "continuous"),
        ("Giao Trung tâm Y tế là đầu mối hướng dẫn thực hiện Quyết định này.", "continuous"),
        ("Chỉ đạo các huyện thực hiện chế độ theo Thông tư số 08/2031/TT-BNV của Bộ Nội vụ hướng dẫn thực hiện "
         "một số điều của Nghị định số 12/2030/NĐ-CP.", "continuous"),
        ("Bộ Nội vụ chịu trách nhiệm hướng dẫn thực hiện điều chỉnh mức phụ cấp.", "once"),
        ("Thường xuyên kiểm tra việc thực hiện Luật và các văn bản hướng dẫn thi hành Luật.", "continuous"),
    ],
    ids=["guide-a-regime", "guide-a-circular", "guide-people", "guide-well", "focal-point", "cited-title",
         "guide-an-adjustment", "guiding-texts"],
)
def test_implementing_guidance_is_one_piece_of_work(text: str, repeat: str) -> None:
    assert _repeat(text) == repeat
