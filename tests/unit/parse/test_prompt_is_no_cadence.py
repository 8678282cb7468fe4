""""Kịp thời" says how fast, not how often (convention 20): a one-off act done promptly stays one-off; work that keeps
something running without a break ("bảo đảm … thông suốt") is ongoing. Invented texts."""

from __future__ import annotations

import pytest

from dondoc.parse.cadence import classify


def _repeat(text: str) -> str:
    return classify(text, has_one_off_due=False, yearly_due=False, events=False, campaign=False)[0]


@pytest.mark.parametrize(
    ("text", "repeat"),
    [
        ("Thông báo kịp thời bằng văn bản cho các thí sinh về địa điểm thi trước 05 ngày; lập danh sách phòng thi.", "once"),
        ("Kịp thời xây dựng phương án di dời các hộ ở vùng sạt lở.", "once"),
        ("Trung tâm Viễn thông bảo đảm thông tin liên lạc thông suốt giữa Ban Chỉ huy và các đội xung kích.", "continuous"),
        ("Sở Giao thông vận tải bảo đảm giao thông thông suốt trên các tuyến quốc lộ.", "continuous"),
    ],
    ids=["prompt-notice", "prompt-plan", "links-kept-open", "roads-kept-open"],
)
def test_prompt_is_no_cadence_uninterrupted_is_ongoing(text: str, repeat: str) -> None:
    assert _repeat(text) == repeat
