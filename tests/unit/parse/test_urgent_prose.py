"""Short urgent and prose letters (issue 12, batch cd: công điện, công văn giao việc, đôn đốc, lịch công tác),
on texts of our own.

Each test states one rule the real letters taught, in sentences written for the test (other agencies, dates and
topics than the letters read).
"""

from __future__ import annotations

import pytest

from dondoc.parse.cadence import classify


def repeat_of(text: str) -> str:
    return classify(text, has_one_off_due=False, yearly_due=False, events=False, campaign=False)[0]


@pytest.mark.parametrize(
    ("text", "on_request"),
    [
        # what a cited text requires is no occasion to wait for
        ("Giao Sở Nông nghiệp tiếp tục hướng dẫn nông dân chuyển vụ theo yêu cầu tại Kế hoạch số 12/KH-UBND.", False),
        ("Đề nghị Sở Xây dựng rà soát các công trình theo yêu cầu và hướng dẫn tại Văn bản nêu trên.", False),
        ("Giao Sở Y tế tổng hợp số liệu theo yêu cầu của Bộ Y tế tại Công văn số 88/BYT-KH.", False),
        # nor the standard a piece of work keeps
        ("UBND các xã tổ chức cấp phát gạo cứu đói, bảo đảm tiến độ theo yêu cầu.", False),
        # a request that comes when someone asks still is one
        ("Sở Tài chính cung cấp số liệu theo yêu cầu của đoàn kiểm tra.", True),
        ("Các phòng chuyên môn báo cáo đột xuất khi có yêu cầu.", True),
    ],
    ids=["cited-plan", "cited-letter-with-guidance", "agency-in-a-letter", "progress-as-required",
         "asked-by-a-team", "whenever-asked"],
)
def test_as_required_by_a_text_is_no_request(text: str, on_request: bool) -> None:
    assert (repeat_of(text) == "ad_hoc") is on_request
