"""Owner shapes of Party and mass-organisation directives, and of city dispatches that charge heads of
agencies by their post (dondoc/parse/names.py, name_units.py, heads.py, roles.py, subjects.py). The
sentences are our own, in the shapes that real chỉ thị, thông tri and công văn of provinces use."""

from __future__ import annotations

import pytest

from dondoc.parse.owners import find_owners


@pytest.mark.parametrize(
    ("text", "lead", "support"),
    [
        # the Party's body inside a mass organisation or a state body, given the work
        ("Ban Thường vụ Huyện ủy giao Đảng đoàn Hội Liên hiệp Phụ nữ huyện chuẩn bị nhân sự đại hội.",
         ["Đảng đoàn Hội Liên hiệp Phụ nữ huyện"], []),
        ("Ban cán sự đảng UBND tỉnh lãnh đạo việc sơ kết nghị quyết.", ["Ban cán sự đảng UBND tỉnh"], []),
        # heads of agencies charged by their post, written in lower case after the request
        ("Chủ tịch UBND thành phố giao thủ trưởng các sở, ngành rà soát thủ tục trong tháng 9.",
         ["thủ trưởng các sở, ngành"], []),
        ("Giám đốc Sở giao thủ trưởng đơn vị, chủ tịch UBND các phường kiểm tra hồ sơ.",
         ["thủ trưởng đơn vị", "chủ tịch UBND các phường"], []),
        ("Đề nghị thủ trưởng các cơ quan gửi danh sách trước ngày 10/10/2026.", ["thủ trưởng các cơ quan"], []),
        # the request after an abbreviation that ends the asker's name ("UBND TPHCM giao …")
        ("Chủ tịch UBND TPHCM giao Sở Nội vụ hướng dẫn các quận.", ["Sở Nội vụ"], []),
        # the set phrase "các Sở, Ban, ngành" with capitals is one collective owner
        ("Thủ trưởng các Sở, Ban, ngành tỉnh và Chủ tịch UBND các huyện tổ chức quán triệt.",
         ["Thủ trưởng các Sở, Ban, ngành tỉnh", "Chủ tịch UBND các huyện"], []),
        ("Các Sở, Ban, Ngành chủ động bố trí cán bộ.", ["Các Sở, Ban, Ngành"], []),
        # … but a proper name after a comma is an owner of its own
        ("Các Sở, Ban Dân tộc tỉnh phối hợp khảo sát.", ["Các Sở", "Ban Dân tộc tỉnh"], []),
        # the Party's words inside a collective name, the level inside a body's name
        ("Yêu cầu các cấp ủy đảng, MTTQ và các đoàn thể tạo điều kiện cho Hội tổ chức đại hội.",
         ["các cấp ủy đảng", "MTTQ", "các đoàn thể"], []),
        ("Yêu cầu các cấp ủy, tổ chức đảng, các cấp bộ Hội kiểm điểm cuối năm.",
         ["các cấp ủy, tổ chức đảng", "các cấp bộ Hội"], []),
        ("Các cấp ủy đảng triển khai học tập nghị quyết.", ["Các cấp ủy đảng"], []),
        ("Ban Thường vụ Huyện đoàn phối hợp với Đoàn cấp trên chuẩn bị văn kiện.",
         ["Ban Thường vụ Huyện đoàn"], ["Đoàn cấp trên"]),
        # a Party committee after a comma, and the Party's control commission written in lower case
        ("Đề nghị chi ủy các chi bộ, đảng bộ cơ sở và các đoàn thể xã tổ chức học tập.",
         ["chi ủy các chi bộ, đảng bộ cơ sở", "các đoàn thể xã"], []),
        ("Ủy ban kiểm tra Đảng ủy phường theo dõi việc giải quyết đơn thư.", ["Ủy ban kiểm tra Đảng ủy phường"], []),
        # the asker stays the asker when "cũng", "đồng thời" stand before the request
        ("Đồng chí Bí thư Huyện ủy cũng giao Ban Dân vận Huyện ủy theo dõi, đôn đốc.", ["Ban Dân vận Huyện ủy"], []),
        ("Ban Thường vụ đồng thời yêu cầu Huyện đoàn tổ chức ra quân.", ["Huyện đoàn"], []),
        # "A tiếp tục / cần chỉ đạo B thực hiện": B a named body leads beside A (convention 10)
        ("UBND các huyện tiếp tục chỉ đạo UBND các xã rà soát hộ nghèo.", ["UBND các huyện", "UBND các xã"], []),
        ("Các Phòng Giáo dục cần chỉ đạo Trường Tiểu học Kim Đồng tổ chức khai giảng.",
         ["Các Phòng Giáo dục", "Trường Tiểu học Kim Đồng"], []),
    ],
)
def test_owners_of_party_and_post_shapes(text: str, lead: list[str], support: list[str]) -> None:
    found = find_owners(text)
    assert (found.lead, found.support) == (lead, support)


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        # "Tuyên giáo", "Tôn giáo" are words of a name, not "giao" (to assign)
        ("Ban Tuyên giáo Huyện ủy chủ trì biên soạn tài liệu.", ["Ban Tuyên giáo Huyện ủy"]),
        ("Thủ trưởng Ban Tôn giáo chủ trì hội nghị.", ["Thủ trưởng Ban Tôn giáo"]),
    ],
)
def test_words_that_look_like_party_or_assignment_words_do_not_change_the_owner(text: str, lead: list[str]) -> None:
    assert find_owners(text).lead == lead
