"""Names whose words fold like a stop word or a verb: "vận tải" (transport) is no "tại" nor "tái"; "thông tấn"
(news agency) goes on a collective name. The texts are invented for these tests."""

from __future__ import annotations

import pytest

from dondoc.parse.owners import find_owners


@pytest.mark.parametrize(
    "text, lead",
    [
        ("Sở Giao thông vận tải chủ trì kiểm tra các bến xe.", ["Sở Giao thông vận tải"]),
        ("Giao Sở Giao thông vận tải, Công an tỉnh tổ chức kiểm tra tại các bến xe.",
         ["Sở Giao thông vận tải", "Công an tỉnh"]),
        ("Bộ Giao thông vận tải hướng dẫn các địa phương.", ["Bộ Giao thông vận tải"]),
        ("Đề nghị các cơ quan thông tấn, báo chí đưa tin về cuộc thi.", ["các cơ quan thông tấn"]),
        # "tại" still ends a place's words after a name
        ("Ban Chỉ huy quân sự huyện tổ chức diễn tập tại xã Hòa Bình.", ["Ban Chỉ huy quân sự huyện"]),
    ],
    ids=["so-gtvt", "giao-two", "bo-gtvt", "thong-tan", "tai-still-a-stop"],
)
def test_names_whose_words_fold_like_stop_words(text: str, lead: list[str]) -> None:
    assert find_owners(text).lead == lead
