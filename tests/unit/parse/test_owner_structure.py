"""Owners read from the structure of a whole document: the owner a khoản names over its điểm, a paper
that asks someone (no request of the dispatch), the places of one collective owner written in capitals,
one body named twice. The texts are invented for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.owners import find_owners
from dondoc.taskset import Source

REPO = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    "text, lead",
    [
        # a paper that asks someone is what the subject sends: the one it asks is no owner
        ("Phòng Nội vụ lập văn bản đề nghị Sở Nội vụ thẩm định hồ sơ.", ["Phòng Nội vụ"]),
        ("UBND xã gửi kèm công văn đề nghị Phòng Tài chính cấp bổ sung kinh phí.", ["UBND xã"]),
        ("Trung tâm Y tế gửi tờ trình đề nghị Sở Y tế phê duyệt danh mục.", ["Trung tâm Y tế"]),
        ("Lập hồ sơ đề nghị Sở Tư pháp xem xét.", []),
        ("Phòng Nội vụ gửi công văn kèm danh sách cán bộ đề nghị Sở Nội vụ thẩm định.", ["Phòng Nội vụ"]),
        # a number or a name between the paper and the ask: a cited document, whose ask is read as before
        ("Thực hiện Công văn số 15/BNV, đề nghị Sở Nội vụ báo cáo.", ["Sở Nội vụ"]),
        # "Quản lý …" opening a duty is the verb, not a district ("Quận …")
        ("Quản lý kinh phí được giao; mở sổ theo dõi đối tượng.", []),
        ("Ban Quản lý dự án tỉnh chủ trì lập hồ sơ.", ["Ban Quản lý dự án tỉnh"]),
        # a place kind is followed by its name; a word in lower case after it makes a verb or a noun
        ("Quan tâm bố trí kinh phí cho các xã.", []),
        ("Phương án hỗ trợ được xây dựng trước ngày 10/5/2026.", []),
        ("Quận Hoàn Kiếm chủ trì kiểm tra.", ["Quận Hoàn Kiếm"]),
        ("Giao Phường 7 rà soát danh sách.", ["Phường 7"]),
        ("Huyện ủy lãnh đạo thực hiện.", ["Huyện ủy"]),
        # a unit written in lower case inside a list of owners is still one of them
        ("Giao Sở Nội vụ, phòng Nội vụ cấp huyện rà soát hồ sơ.", ["Sở Nội vụ", "phòng Nội vụ cấp huyện"]),
        ("Đẩy mạnh công tác phòng, chống tham nhũng.", []),
        # a phrase of grounds lists things between its commas, and may name a body: the subject comes after it
        ("Căn cứ số học sinh, số lớp và định mức giáo viên, Phòng Giáo dục huyện lập kế hoạch tuyển dụng.",
         ["Phòng Giáo dục huyện"]),
        ("Căn cứ chỉ tiêu được Ủy ban nhân dân tỉnh giao, Ủy ban nhân dân huyện phân bổ cho các xã.",
         ["Ủy ban nhân dân huyện"]),
        # a time limit set before the subject, with its own comma, and a long phrase of grounds
        ("Trong thời hạn 10 ngày làm việc, kể từ ngày nhận đủ hồ sơ, Phòng Nội vụ hoàn thành việc thẩm định.",
         ["Phòng Nội vụ"]),
        ("Căn cứ quyết định phê duyệt của UBND huyện về danh sách, mức hỗ trợ từng hộ gia đình và tổng kinh phí của "
         "từng xã trong huyện, Sở Tài chính tổng hợp nhu cầu kinh phí.", ["Sở Tài chính"]),
        # a request of the dispatch itself still names its owner
        ("Đề nghị Sở Tư pháp xem xét, cho ý kiến.", ["Sở Tư pháp"]),
        ("Văn phòng Chính phủ đề nghị Bộ Xây dựng khẩn trương báo cáo.", ["Bộ Xây dựng"]),
        # the place kinds of one collective owner, in capitals as some provinces write them
        ("Chủ tịch UBND các Huyện, Thị xã, Thành phố chịu trách nhiệm tổng hợp.", ["Chủ tịch UBND các Huyện, Thị xã, Thành phố"]),
        ("Giao UBND cấp Xã, Phường, Thị trấn niêm yết danh sách.", ["UBND cấp Xã, Phường, Thị trấn"]),
        ("Giao UBND các Quận, Huyện và Sở Xây dựng kiểm tra.", ["UBND các Quận, Huyện", "Sở Xây dựng"]),
        # named towns are owners of their own
        ("Giao Thành phố Đà Lạt, Thị xã Bảo Lộc thực hiện.", ["Thành phố Đà Lạt", "Thị xã Bảo Lộc"]),
        # one body named in full and then by its abbreviation is one owner
        ("Ủy ban nhân dân phường có văn bản trả lời. Hằng tháng, UBND phường có trách nhiệm lập danh sách.",
         ["Ủy ban nhân dân phường"]),
    ],
)
def test_owners_of_a_sentence(text: str, lead: list[str]) -> None:
    assert find_owners(text).lead == lead


# A regulation attached to its decision: a khoản names its owner, a colon, when it acts, and
# "có trách nhiệm:" over its điểm; one điểm asks the next level by a paper.
REGULATION = """UỶ BAN NHÂN DÂN TỈNH KON TUM
Số: 07/2026/QĐ-UBND
Kon Tum, ngày 02 tháng 3 năm 2026
QUYẾT ĐỊNH
Ban hành Quy định hỗ trợ sửa chữa nhà ở cho hộ nghèo
UỶ BAN NHÂN DÂN TỈNH
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy định hỗ trợ sửa chữa nhà ở cho hộ nghèo.
Điều 2. Quyết định này có hiệu lực sau 10 ngày kể từ ngày ký.
QUY ĐỊNH
Hỗ trợ sửa chữa nhà ở cho hộ nghèo (Ban hành kèm theo Quyết định số 07/2026/QĐ-UBND)
Điều 1. Trách nhiệm các cơ quan
1. Ủy ban nhân dân xã, phường: Trong 10 ngày làm việc kể từ ngày nhận đơn, có trách nhiệm:
a) Kiểm tra hiện trạng nhà ở của từng hộ và lập biên bản.
b) Lập văn bản đề nghị Ủy ban nhân dân huyện xem xét, kèm danh sách các hộ đủ điều kiện.
c) Trả lời bằng văn bản cho hộ không đủ điều kiện. Hằng quý, UBND xã, phường có trách nhiệm thống kê các hộ đã được hỗ trợ.
2. Chủ tịch Ủy ban nhân dân các Huyện, Thành phố có trách nhiệm kiểm tra, tổng hợp danh sách của các xã.
"""


def test_the_owner_of_a_khoan_goes_to_each_of_its_diem() -> None:
    ts = parse_dispatch(REGULATION, source=Source(name="t"), observances=load_catalog(REPO / "config" / "observances.yaml"))
    leads = {t.key: [o.name for o in t.lead] for t in ts.tasks if t.key.startswith("PL.1.")}
    assert leads["PL.1.1.a"] == ["Ủy ban nhân dân xã, phường"]
    assert leads["PL.1.1.b"] == ["Ủy ban nhân dân xã, phường"]  # the huyện is asked by the commune's paper
    assert leads["PL.1.1.c"] == ["Ủy ban nhân dân xã, phường"]
    assert leads["PL.1.2"] == ["Chủ tịch Ủy ban nhân dân các Huyện, Thành phố"]


@pytest.mark.parametrize(
    "text, asks",
    [
        # an ask told in the past is what an đôn đốc recalls, not what it asks
        ("Tại Công văn số 120/UBND-VX ngày 05/3/2026, Chủ tịch UBND tỉnh đã giao Sở Y tế rà soát danh sách; báo cáo "
         "trước ngày 30/3/2026. Đến nay Sở chưa có báo cáo.", False),
        ("Sở Tài chính đã có văn bản đề nghị các huyện gửi dự toán trước ngày 10/4/2026.", False),
        # asked again now: a request
        ("Chủ tịch UBND tỉnh yêu cầu Sở Y tế khẩn trương hoàn thành, báo cáo trước ngày 15/5/2026.", True),
        ("UBND tỉnh đã giao Sở Y tế rà soát; nay đề nghị Sở Y tế báo cáo kết quả trước ngày 15/5/2026.", True),
    ],
)
def test_an_ask_recalled_from_before_is_no_request(text: str, asks: bool) -> None:
    from dondoc.parse.prose import is_request

    assert is_request(text) is asks


DON_DOC = """VĂN PHÒNG UBND TỈNH NINH BÌNH
Số: 88/VP-VX
V/v đôn đốc báo cáo rà soát
Ninh Bình, ngày 20 tháng 4 năm 2026
Kính gửi: Sở Y tế
Tại Công văn số 120/UBND-VX ngày 05/3/2026, Chủ tịch UBND tỉnh đã giao Sở Y tế rà soát danh sách các trạm y tế xuống cấp; báo cáo UBND tỉnh trước ngày 30/3/2026. Đến nay Sở chưa có báo cáo.
Chủ tịch UBND tỉnh yêu cầu Sở Y tế khẩn trương hoàn thành việc rà soát, báo cáo UBND tỉnh trước ngày 30/4/2026.
"""


def test_an_don_doc_asks_once_for_what_it_recalls() -> None:
    ts = parse_dispatch(DON_DOC, source=Source(name="t"), observances=load_catalog(REPO / "config" / "observances.yaml"))
    items = [t for t in ts.tasks if ".R" not in t.key]
    assert [(t.key, [o.name for o in t.lead], t.schedule.due) for t in items] == [("-", ["Sở Y tế"], ["2026-04-30"])]


# A regulation whose articles are titled by their owner ("Điều 2. Sở Tài chính có nhiệm vụ") over khoản, one
# khoản a heading that directs someone ("Chỉ đạo công chức Tư pháp:") over its points.
TITLED = """UỶ BAN NHÂN DÂN TỈNH YÊN BÁI
Số: 09/2026/QĐ-UBND
Yên Bái, ngày 10 tháng 3 năm 2026
QUYẾT ĐỊNH
Ban hành Quy chế chi trả trợ cấp
UỶ BAN NHÂN DÂN TỈNH
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế chi trả trợ cấp.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
QUY CHẾ
Chi trả trợ cấp (Ban hành kèm theo Quyết định số 09/2026/QĐ-UBND)
Điều 1. Phạm vi điều chỉnh
Quy chế này quy định việc chi trả trợ cấp trên địa bàn tỉnh.
Điều 2. Sở Tài chính, Kho bạc Nhà nước tỉnh có nhiệm vụ
1. Quản lý kinh phí được giao, mở sổ theo dõi.
2. Thẩm định dự toán hằng năm của các huyện.
Điều 3. Ủy ban nhân dân xã có nhiệm vụ
1. Trực tiếp chi trả trợ cấp hằng tháng cho đối tượng.
2. Chỉ đạo công chức Lao động - Thương binh và Xã hội:
a) Mở sổ theo dõi từng loại đối tượng.
b) Lập danh sách đối tượng giảm, gửi Phòng Nội vụ trước ngày 20 hằng tháng.
"""


def test_an_article_titled_by_its_owner_is_the_heading_of_its_khoan() -> None:
    ts = parse_dispatch(TITLED, source=Source(name="t"), observances=load_catalog(REPO / "config" / "observances.yaml"))
    leads = {t.key: [o.name for o in t.lead] for t in ts.tasks if ".R" not in t.key}
    assert "PL.2" not in leads and "PL.3" not in leads  # the titles are headings, no tasks
    assert leads["PL.2.1"] == leads["PL.2.2"] == ["Sở Tài chính", "Kho bạc Nhà nước tỉnh"]
    assert leads["PL.3.1"] == ["Ủy ban nhân dân xã"]
    # the commune directs its officer, and both do each point under the heading that directs
    assert leads["PL.3.2.a"] == leads["PL.3.2.b"] == ["Ủy ban nhân dân xã", "công chức Lao động - Thương binh và Xã hội"]


# A decree whose last article, titled "Trách nhiệm thi hành", gives the work per body before its stock
# execution clause.
DECREE = """CHÍNH PHỦ
Số: 31/2026/NĐ-CP
Hà Nội, ngày 15 tháng 3 năm 2026
NGHỊ ĐỊNH
Quy định hỗ trợ học phí cho con của dân quân
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định việc hỗ trợ học phí cho con của dân quân thường trực.
Điều 2. Hiệu lực thi hành
Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 5 năm 2026.
Điều 3. Trách nhiệm thi hành
1. Bộ trưởng Bộ Quốc phòng chủ trì, phối hợp với Bộ Tài chính hướng dẫn thi hành Nghị định này.
2. Bộ Giáo dục và Đào tạo có trách nhiệm hướng dẫn các trường thực hiện miễn học phí.
3. Các Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm thi hành Nghị định này.
"""


def test_an_article_titled_trach_nhiem_thi_hanh_gives_the_work_of_its_khoan() -> None:
    ts = parse_dispatch(DECREE, source=Source(name="t"), observances=load_catalog(REPO / "config" / "observances.yaml"))
    leads = {t.key: [o.name for o in t.lead] for t in ts.tasks if ".R" not in t.key}
    assert leads == {"3.1": ["Bộ trưởng Bộ Quốc phòng"], "3.2": ["Bộ Giáo dục và Đào tạo"]}  # 3.3 is the stock clause


@pytest.mark.parametrize(
    "text, asks",
    [
        # why the work is late, told before the request: background
        ("Do các tỉnh phải rà soát lại danh sách và báo cáo UBND cấp huyện thẩm định nên đến ngày 20/9/2026 mới có "
         "12 tỉnh gửi báo cáo.", False),
        ("Do các xã chưa hoàn thành việc kiểm tra nên chưa có số liệu báo cáo về Sở.", False),
        # a reason, then what to do: a request
        ("Do mưa lớn kéo dài, đề nghị UBND các xã khẩn trương kiểm tra các hồ chứa.", True),
    ],
)
def test_why_the_work_is_late_is_no_request(text: str, asks: bool) -> None:
    from dondoc.parse.prose import is_request

    assert is_request(text) is asks


# A decision whose article titled "Phương thức thực hiện" is no owner of its points.
METHOD = """THỦ TƯỚNG CHÍNH PHỦ
Số: 12/2026/QĐ-TTg
Hà Nội, ngày 02 tháng 4 năm 2026
QUYẾT ĐỊNH
Hỗ trợ sửa chữa trường học
Điều 1. Phương thức thực hiện
1. Cấp vốn sửa chữa
a) Ủy ban nhân dân cấp tỉnh phân bổ vốn cho cấp huyện.
b) Ủy ban nhân dân cấp huyện phân bổ vốn cho các trường.
2. Các trường lập hồ sơ quyết toán theo hướng dẫn của Bộ Tài chính.
"""


def test_a_title_opening_with_a_place_like_word_names_no_owner() -> None:
    ts = parse_dispatch(METHOD, source=Source(name="t"), observances=load_catalog(REPO / "config" / "observances.yaml"))
    leads = {t.key: [o.name for o in t.lead] for t in ts.tasks if ".R" not in t.key}
    assert leads["1.1.a"] == ["Ủy ban nhân dân cấp tỉnh"]
    assert leads["1.1.b"] == ["Ủy ban nhân dân cấp huyện"]
