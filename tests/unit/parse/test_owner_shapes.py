"""Owner shapes learned from real dispatches of provinces, districts and communes (dondoc/parse/names.py,
subjects.py, roles.py): generic owners written without "các", places joined by a hyphen, "A có trách
nhiệm chỉ đạo B" (convention 10). The sentences are our own, in the shapes the real texts use."""

from __future__ import annotations

import pytest

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.fieldlines import read_fields
from dondoc.parse.owners import find_owners
from dondoc.taskset import Source
from tests.unit.parse.fixture_check import REPO

CATALOG = load_catalog(REPO / "config" / "observances.yaml")


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        # the set phrase of provincial agencies, written without "các", before the districts' committees
        ("Sở, ban, ngành, UBND quận-huyện, xã, phường, thị trấn rà soát hồ sơ tồn đọng trong tháng 6/2026.",
         ["Sở, ban, ngành", "UBND quận-huyện, xã, phường, thị trấn"]),
        ("Sở, ban, ngành tỉnh chủ động bố trí kinh phí.", ["Sở, ban, ngành tỉnh"]),
        ("Bộ, ngành và UBND các tỉnh tổng hợp nhu cầu.", ["Bộ, ngành", "UBND các tỉnh"]),
        # places joined by a hyphen, with or without spaces
        ("Ủy ban nhân dân quận - huyện lập danh sách đối tượng.", ["Ủy ban nhân dân quận - huyện"]),
        ("Các phòng, ban, UBND xã-phường cập nhật số liệu hằng tháng.", ["Các phòng, ban", "UBND xã-phường"]),
        # a proper name after a bare head is still two owners
        ("Sở Nội vụ, Công an tỉnh phối hợp kiểm tra.", ["Sở Nội vụ", "Công an tỉnh"]),
        # "A có trách nhiệm chỉ đạo B, làm …": B a named body leads beside A
        ("Chủ tịch UBND các huyện có trách nhiệm chỉ đạo UBND các xã, thị trấn, thành lập tổ an ninh ở thôn.",
         ["Chủ tịch UBND các huyện", "UBND các xã, thị trấn"]),
        ("Sở Giáo dục và Đào tạo chịu trách nhiệm chỉ đạo các trường học tổ chức tiêm chủng.",
         ["Sở Giáo dục và Đào tạo", "các trường học"]),
        # B's predicate after "tự" or a comma
        ("Sở Y tế chỉ đạo các bệnh viện tự kiểm tra công tác phòng cháy.", ["Sở Y tế", "các bệnh viện"]),
        ("UBND các huyện chỉ đạo Phòng Giáo dục và Đào tạo, rà soát mạng lưới trường lớp.",
         ["UBND các huyện", "Phòng Giáo dục và Đào tạo"]),
        # a vague B is left out
        ("UBND các huyện có trách nhiệm chỉ đạo các cấp, các ngành triển khai.", ["UBND các huyện"]),
        # people named by their post
        ("Thư ký Hội đồng tổng hợp ý kiến của các thành viên.", ["Thư ký Hội đồng"]),
        ("Chánh án Tòa án nhân dân huyện chỉ đạo xét xử điểm.", ["Chánh án Tòa án nhân dân huyện"]),
        ("Tổng Biên tập Báo tỉnh bố trí chuyên mục tuyên truyền.", ["Tổng Biên tập Báo tỉnh"]),
        ("Đề nghị thư ký cuộc họp gửi biên bản.", []),
        # bodies whose name starts with no usual head word, in a list
        ("Đài Phát thanh và Truyền hình tỉnh, Thông tấn xã Việt Nam tại tỉnh đưa tin thường xuyên.",
         ["Đài Phát thanh và Truyền hình tỉnh", "Thông tấn xã Việt Nam tại tỉnh"]),
        ("Tập đoàn Bưu chính Viễn thông, Tổng công ty Điện lực miền Bắc bảo đảm hạ tầng.",
         ["Tập đoàn Bưu chính Viễn thông", "Tổng công ty Điện lực miền Bắc"]),
        # an abbreviation written with a hyphen is one name
        ("Phòng TC-KH huyện thẩm định dự toán.", ["Phòng TC-KH huyện"]),
        # the subject after a long opening phrase, in a clause that also asks for cooperation
        ("Trường hợp đến hạn mà chưa bố trí được nguồn vốn đối ứng, Sở Xây dựng chủ trì, phối hợp với Sở Tài chính "
         "báo cáo UBND tỉnh.", ["Sở Xây dựng"]),
        # the subject after "thì" in a conditional sentence
        ("Sau khi thẩm định, đối với hồ sơ hợp lệ thì Phòng Nội vụ trình Chủ tịch UBND huyện quyết định.", ["Phòng Nội vụ"]),
        ("Nếu quá thời hạn mà chưa nộp thì UBND các xã giải trình bằng văn bản.", ["UBND các xã"]),
        # one body known by two names joined by a dash; a role after a dash is no second owner
        ("Ban Quản lý dự án - Chi nhánh Quỹ đầu tư phát triển tỉnh lập hồ sơ.",
         ["Ban Quản lý dự án - Chi nhánh Quỹ đầu tư phát triển tỉnh"]),
        ("Sở Nội vụ - Cơ quan Thường trực Hội đồng thi đua theo dõi, tổng hợp.", ["Sở Nội vụ"]),
        # a name abbreviated word by word keeps its "và" and commas
        ("Giao Sở NN và PTNT hướng dẫn các xã gieo cấy đúng lịch thời vụ.", ["Sở NN và PTNT"]),
        ("Phòng VH, TT và DL huyện, Phòng GD và ĐT huyện phối hợp tổ chức hội thi.",
         ["Phòng VH, TT và DL huyện", "Phòng GD và ĐT huyện"]),
        ("Sở KH và ĐT và UBND các huyện rà soát danh mục dự án.", ["Sở KH và ĐT", "UBND các huyện"]),
        # the committees of places listed once after their kind: one owner each
        ("UBND các xã: Hòa Bắc, Hòa Nam và Hòa Đông hoàn thành kiểm kê trước ngày 20/5/2026.",
         ["UBND xã Hòa Bắc", "UBND xã Hòa Nam", "UBND xã Hòa Đông"]),
        ("Chủ tịch Ủy ban nhân dân các huyện: Lâm Hà, Đơn Dương chịu trách nhiệm trước UBND tỉnh.",
         ["Chủ tịch Ủy ban nhân dân huyện Lâm Hà", "Chủ tịch Ủy ban nhân dân huyện Đơn Dương"]),
        # predicates of conclusions ("đẩy nhanh", "thúc đẩy", "rút ngắn") end the subject's name
        ("UBND các huyện, thành phố đẩy nhanh công tác giải phóng mặt bằng.", ["UBND các huyện, thành phố"]),
        ("Sở Công Thương thúc đẩy tiêu thụ nông sản.", ["Sở Công Thương"]),
        # a colon before the duty is no list of places
        ("Ủy ban nhân dân các huyện: Chỉ đạo các xã rà soát hộ nghèo.", ["Ủy ban nhân dân các huyện"]),
        # a commune's bullet of duties whose duty starts in lower case after the colon
        ("Trạm Y tế xã: phối hợp kiểm tra vệ sinh an toàn thực phẩm.", ["Trạm Y tế xã"]),
        ("Ban công tác Mặt trận khu dân cư: vận động các hộ tham gia.", ["Ban công tác Mặt trận khu dân cư"]),
        ("Thời gian: trong tháng 9 năm 2026.", []),
        # a request to "các đồng chí" holding a post: the post, not the persons
        ("Đề nghị các đồng chí Ủy viên UBND xã theo dõi địa bàn được phân công.", ["Ủy viên UBND xã"]),
        ("Giao các đồng chí Trưởng thôn rà soát danh sách hộ nghèo.", ["Trưởng thôn"]),
        ("Giao Ban Chỉ đạo xã phân công các đồng chí thành viên Ban Chỉ đạo kiểm tra các thôn.", ["Ban Chỉ đạo xã"]),
        # a person named before the post: the post is the owner
        ("Đồng chí Trần Quốc Hưng - Phó Chủ tịch UBND xã chỉ đạo việc ra quân.", ["Phó Chủ tịch UBND xã"]),
        ("Giao bà Lý Thị Hoa, Công chức Tư pháp - Hộ tịch rà soát hồ sơ khai sinh.", ["Công chức Tư pháp - Hộ tịch"]),
        ("Ông Đỗ Văn Tâm - Trưởng Công an xã: kiểm tra các cơ sở lưu trú.", ["Trưởng Công an xã"]),
        ("Ông Phạm Văn Hải, thôn Bắc, nhận giấy khen của xã.", []),
    ],
    ids=["so-ban-nganh-no-cac", "so-ban-nganh-tinh", "bo-nganh", "quan-huyen-spaced", "xa-phuong-joined",
         "two-proper-names", "co-trach-nhiem-chi-dao", "chiu-trach-nhiem-chi-dao", "chi-dao-tu", "chi-dao-comma", "chi-dao-vague", "thu-ky",
         "chanh-an", "tong-bien-tap", "thu-ky-lower-case-is-a-word", "thong-tan-xa", "tap-doan", "hyphenated-abbreviation",
         "subject-after-long-opening-phrase", "subject-after-thi", "subject-after-thi-short", "one-body-two-names",
         "role-after-dash", "nn-va-ptnt", "vh-tt-va-dl", "abbreviated-then-ubnd",
         "day-nhanh", "thuc-day", "ubnd-cac-xa-listed", "chu-tich-cac-huyen-listed", "colon-before-duty",
         "colon-lower-case-duty", "colon-lower-case-ban-cong-tac", "colon-field-is-no-owner",
         "de-nghi-cac-dong-chi", "giao-cac-dong-chi",
         "phan-cong-cac-dong-chi-after-the-owner",
         "named-then-post-dash", "named-then-post-comma", "named-then-post-colon", "named-no-post"],
)
def test_owner_shapes_of_real_dispatches(text: str, lead: list[str]) -> None:
    assert find_owners(text).lead == lead


@pytest.mark.parametrize(
    ("text", "lead", "support"),
    [
        # one name of a list marked "(chủ trì)" leads, the others listed with it cooperate
        ("Phòng Nội vụ (chủ trì), Phòng Tài chính, Văn phòng UBND huyện kiểm tra hồ sơ trong quý III.",
         ["Phòng Nội vụ"], ["Phòng Tài chính", "Văn phòng UBND huyện"]),
        ("Công an xã, Ban Chỉ huy Quân sự xã (chủ trì) tổ chức diễn tập.", ["Ban Chỉ huy Quân sự xã"], ["Công an xã"]),
        ("Giao Trạm Y tế xã (chủ trì), Trường Mầm non xã tổ chức uống vitamin A.", ["Trạm Y tế xã"], ["Trường Mầm non xã"]),
        ("Đề nghị Hội Nông dân xã (chủ trì), Hội Cựu chiến binh xã vận động hội viên.", ["Hội Nông dân xã"],
         ["Hội Cựu chiến binh xã"]),
        # alone, the mark changes nothing; another note is no mark
        ("Sở Xây dựng (chủ trì) rà soát quy hoạch.", ["Sở Xây dựng"], []),
        ("Sở Nội vụ (cơ quan thường trực), Sở Tư pháp thẩm định hồ sơ.", ["Sở Nội vụ", "Sở Tư pháp"], []),
    ],
    ids=["first-marked", "last-marked", "giao-marked", "de-nghi-marked", "alone", "other-note"],
)
def test_one_owner_marked_chu_tri_in_a_list_leads(text: str, lead: list[str], support: list[str]) -> None:
    found = find_owners(text)
    assert (found.lead, found.support) == (lead, support)



@pytest.mark.parametrize(
    ("text", "lead", "support"),
    [
        ("Trách nhiệm thực hiện: Sở Nội vụ chủ trì, phối hợp Cục Thống kê tỉnh.", ["Sở Nội vụ"], ["Cục Thống kê tỉnh"]),
        ("Đơn vị thực hiện: Phòng Văn hóa - Thông tin chủ trì, phối hợp với Đài truyền thanh xã.",
         ["Phòng Văn hóa - Thông tin"], ["Đài truyền thanh xã"]),
        ("Đơn vị chủ trì: Công an xã.", ["Công an xã"], []),
    ],
    ids=["trach-nhiem-thuc-hien-sentence", "don-vi-thuc-hien-sentence", "plain-lead-field"],
)
def test_a_lead_field_written_as_a_sentence_gives_its_support_too(text: str, lead: list[str], support: list[str]) -> None:
    fields = read_fields(text)
    assert (fields.lead, fields.support) == (lead, support)


_OVER_ITEMS = """UBND HUYỆN AN PHÚ
Số: 12/KH-UBND
An Phú, ngày 02 tháng 3 năm 2026
KẾ HOẠCH
Diệt chuột bảo vệ sản xuất
I. MỤC ĐÍCH
1. Giảm thiệt hại do chuột gây ra.
II. TỔ CHỨC THỰC HIỆN
Đối với UBND các xã:
Thực hiện các nội dung sau:
1. Tổ chức ra quân diệt chuột trong tháng 3/2026.
2. Lập danh sách hộ tham gia, gửi Phòng Nông nghiệp.
"""


def test_an_owner_heading_over_an_intro_line_still_owns_the_numbered_items_after_it() -> None:
    ts = parse_dispatch(_OVER_ITEMS, source=Source(name="an-phu.txt", sha256="0" * 64), observances=CATALOG)
    leads = {t.key: [o.name for o in t.lead] for t in ts.tasks if t.key.startswith("II.")}
    assert leads["II.1"] == ["UBND các xã"] and leads["II.2"] == ["UBND các xã"]


@pytest.mark.parametrize(
    ("text", "lead", "support"),
    [
        # "phối hợp cùng X", as communes write "phối hợp với X"
        ("Giao công chức Văn hóa - Xã hội phối hợp cùng các tổ dân phố tổ chức đêm văn nghệ.",
         ["công chức Văn hóa - Xã hội"], ["các tổ dân phố"]),
        ("Công an xã phối hợp cùng Ban Chỉ huy Quân sự xã tuần tra đêm giao thừa.", ["Công an xã"], ["Ban Chỉ huy Quân sự xã"]),
        ("Các thôn phối hợp cùng nhau dọn vệ sinh.", ["Các thôn"], []),
        # "A chủ trì, B phối hợp …" without "giao": B cooperates
        ("Trạm Y tế xã chủ trì, Hội Phụ nữ xã phối hợp tổ chức cân trẻ.", ["Trạm Y tế xã"], ["Hội Phụ nữ xã"]),
        ("Sở Y tế chủ trì, Sở Tài chính phối hợp.", ["Sở Y tế"], ["Sở Tài chính"]),
        ("Công chức Tư pháp - Hộ tịch chủ trì, các thôn thực hiện.", ["Công chức Tư pháp - Hộ tịch"], []),
    ],
    ids=["phoi-hop-cung-after-giao", "phoi-hop-cung-subject", "phoi-hop-cung-nhau", "chu-tri-comma-b-phoi-hop",
         "chu-tri-comma-b-phoi-hop-province", "chu-tri-comma-b-other-verb"],
)
def test_cooperation_written_as_communes_write_it(text: str, lead: list[str], support: list[str]) -> None:
    found = find_owners(text)
    assert (found.lead, found.support) == (lead, support)
