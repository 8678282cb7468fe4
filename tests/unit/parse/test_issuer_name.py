"""The issuer's name from a header's capital lines, written as agency names are written (Nghị định
30/2020/NĐ-CP, Phụ lục II), on names of our own choosing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dondoc.parse.header import parse_header
from dondoc.parse.issuer_name import agency_case, issuer_of
from dondoc.parse.lines import split_lines
from dondoc.parse.normalize import fold_keep_length


@pytest.mark.parametrize(
    ("caps", "written"),
    [
        ("ỦY BAN NHÂN DÂN TỈNH SƠN LA", "Ủy ban nhân dân tỉnh Sơn La"),
        ("HỘI ĐỒNG NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", "Hội đồng nhân dân tỉnh Bà Rịa - Vũng Tàu"),
        # a ministry's or department's field: each of its parts
        ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Bộ Lao động - Thương binh và Xã hội"),
        ("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Bộ Văn hóa, Thể thao và Du lịch"),
        ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Sở Khoa học và Công nghệ"),
        ("BỘ Y TẾ", "Bộ Y tế"),
        ("BỘ CÔNG THƯƠNG", "Bộ Công Thương"),
        ("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN ĐÔNG ANH", "Phòng Giáo dục và Đào tạo huyện Đông Anh"),
        # a board's or a department's name: its first word
        ("TỔNG CỤC THUẾ", "Tổng cục Thuế"),
        ("ỦY BAN DÂN TỘC", "Ủy ban Dân tộc"),
        ("BAN CHỈ ĐẠO QUỐC GIA VỀ TÌM KIẾM, QUY TẬP HÀI CỐT LIỆT SĨ",
         "Ban Chỉ đạo quốc gia về tìm kiếm, quy tập hài cốt liệt sĩ"),
        ("LIÊN ĐOÀN LAO ĐỘNG TỈNH NINH BÌNH", "Liên đoàn Lao động tỉnh Ninh Bình"),
        # words with a form of their own; abbreviations kept
        ("THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ"),
        ("BẢO HIỂM XÃ HỘI VIỆT NAM", "Bảo hiểm xã hội Việt Nam"),
        ("ỦY BAN MTTQ VIỆT NAM TỈNH HÀ TĨNH", "Ủy ban MTTQ Việt Nam tỉnh Hà Tĩnh"),
        ("KHO BẠC NHÀ NƯỚC QUẬN 3", "Kho bạc Nhà nước quận 3"),
        ("ĐOÀN TNCS HỒ CHÍ MINH TỈNH AN GIANG", "Đoàn TNCS Hồ Chí Minh tỉnh An Giang"),
        ("ĐẢNG ỦY XÃ TÂN PHÚ", "Đảng ủy xã Tân Phú"),
        ("CÔNG AN TỈNH LÂM ĐỒNG", "Công an tỉnh Lâm Đồng"),
        # a body's board, then the body's own name
        ("BAN THƯỜNG VỤ HỘI LHPN TỈNH", "Ban Thường vụ Hội LHPN tỉnh"),
        ("BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM TỈNH", "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh"),
        ("BAN CHẤP HÀNH ĐOÀN TỈNH", "Ban Chấp hành Đoàn tỉnh"),
        ("BAN THƯỜNG VỤ TỈNH ỦY", "Ban Thường vụ Tỉnh ủy"),
        # a name not in capitals is as written
        ("Sở Y tế tỉnh Hà Nam", "Sở Y tế tỉnh Hà Nam"),
    ],
)
def test_a_name_in_capitals_is_written_as_agency_names_are(caps: str, written: str) -> None:
    assert agency_case(caps) == written


@pytest.mark.parametrize(
    ("lines", "issuer"),
    [
        # the issuing body under its parent: with the parent's place
        (["ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ", "SỞ NỘI VỤ"], "Sở Nội vụ tỉnh Quảng Trị"),
        (["UBND HUYỆN YÊN THẾ", "PHÒNG NỘI VỤ"], "Phòng Nội vụ huyện Yên Thế"),
        # under a ministry: alone
        (["BỘ TÀI CHÍNH", "TỔNG CỤC THUẾ"], "Tổng cục Thuế"),
        # an office of its parent: with the parent's name
        (["BAN CHỈ HUY PCTT VÀ TKCN", "TỈNH QUẢNG NAM", "VĂN PHÒNG THƯỜNG TRỰC"],
         "Văn phòng thường trực Ban Chỉ huy PCTT và TKCN tỉnh Quảng Nam"),
        (["ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA", "VĂN PHÒNG"], "Văn phòng Ủy ban nhân dân tỉnh Khánh Hòa"),
        # one name wrapped over two lines
        (["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"], "Ủy ban nhân dân tỉnh Lâm Đồng"),
        (["BAN CHỈ ĐẠO TỈNH VỀ PHÒNG, CHỐNG", "TỘI PHẠM VÀ TỆ NẠN XÃ HỘI"],
         "Ban Chỉ đạo tỉnh về phòng, chống tội phạm và tệ nạn xã hội"),
        # two lines of a header in one cell of a web page's table, its rule, a letter set apart
        (["BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN -------"], "Tổng cục Hải quan"),
        (["B Ộ NỘI V Ụ -------"], "Bộ Nội vụ"),
        (["BỘ LAO ĐỘNG-THƯƠNG BINH VÀ XÃ HỘI"], "Bộ Lao động - Thương binh và Xã hội"),
        # the number beside it, on its line
        (["ỦY BAN NHÂN DÂN      TỈNH GIA LAI   Số:      /UBND-KT"], "Ủy ban nhân dân tỉnh Gia Lai"),
    ],
)
def test_the_issuer_of_a_header(lines: list[str], issuer: str) -> None:
    assert issuer_of(lines) == issuer


def test_a_header_names_its_issuing_body() -> None:
    h = parse_header(split_lines("ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN\nSỞ TÀI CHÍNH\nSố: 41/STC-QLNS\n\n"
                                 "Kính gửi: Các sở, ban, ngành.\n\nNội dung.\n"))
    assert h.issuer == "Sở Tài chính tỉnh Phú Yên"


def test_a_post_in_the_signature_names_no_issuer() -> None:
    body = "".join(f"Đề nghị các sở báo cáo việc {k}.\n\n" for k in range(8))
    h = parse_header(split_lines(f"Kính gửi: Các sở.\n\n{body}KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn A\n"))
    assert h.issuer is None


_CAPS = st.text(alphabet="ABCDĐEGHIKLMNOPQRSTUVXYÁÀẢÃẠĂÂÊÔƠƯỦỨỪỆỘ -,", min_size=1, max_size=60)


@given(_CAPS)
def test_writing_a_name_changes_only_its_case(caps: str) -> None:
    written = agency_case(caps)
    assert fold_keep_length(written.lower()) == fold_keep_length(" ".join(caps.split()).lower())
