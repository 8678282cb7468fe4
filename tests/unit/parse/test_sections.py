"""Parts of a document that hold no task, though numbered like tasks (dondoc/parse/sections.py)."""

from __future__ import annotations

import pytest

from dondoc.parse.sections import (
    acknowledges,
    decides_itself,
    is_execution_clause,
    is_funding,
    is_rule_from_date,
    is_section,
    is_stock_clause,
    titled_section,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MỤC ĐÍCH, YÊU CẦU", True),
        ("Mục đích", True),
        ("HƯỚNG DẪN CHUNG", True),
        ("HƯỚNG DẪN CỤ THỂ", True),
        ("NHỮNG QUY ĐỊNH CHUNG", True),
        ("Quy định cụ thể:", True),
        ("Quyết định này có hiệu lực kể từ ngày ký.", True),
        ("Chánh Văn phòng UBND tỉnh … chịu trách nhiệm thi hành Quyết định này./.", True),
        ("Hướng dẫn các cơ quan, đơn vị quản lý, sử dụng kinh phí đúng quy định.", False),
        ("Quy định về chế độ báo cáo của các sở, ngành", False),
        ("Tổ chức tuyên truyền Luật Bảo vệ bí mật nhà nước.", False),
    ],
    ids=["muc-dich-yeu-cau", "muc-dich", "huong-dan-chung", "huong-dan-cu-the", "quy-dinh-chung", "quy-dinh-cu-the",
         "hieu-luc", "thi-hanh", "a-guidance-task", "a-rule-about-reports", "a-task"],
)
def test_sections_that_hold_no_task(text: str, expected: bool) -> None:
    assert is_section(text) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Căn cứ đánh giá tình hình thực hiện nhiệm vụ ngân sách nhà nước năm 2019 và giai đoạn 2016-2019", True),
        ("Yêu cầu lập kế hoạch", True),
        ("Phạm vi điều chỉnh", True),
        ("Đối tượng áp dụng", True),
        ("Nguyên tắc phối hợp:", True),
        ("Yêu cầu các sở, ngành:", False),
        ("Yêu cầu Sở Y tế chủ trì kiểm tra", False),
        ("Căn cứ vào nội dung của Kế hoạch này, xây dựng kế hoạch của đơn vị.", False),
        ("Đánh giá tình hình thực hiện nhiệm vụ chi thường xuyên năm 2019", False),
    ],
    ids=["can-cu-title", "yeu-cau-title", "pham-vi", "doi-tuong", "nguyen-tac", "yeu-cau-cac-so", "yeu-cau-so-y-te",
         "can-cu-sentence", "danh-gia-is-a-task"],
)
def test_a_title_that_names_a_part_of_no_task(line: str, expected: bool) -> None:
    assert titled_section(line) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị phản ánh về Bộ để được hướng dẫn./.", True),
        ("Quá trình thực hiện nếu có khó khăn, vướng mắc các cơ quan, đơn vị báo cáo về UBND tỉnh.", True),
        ("Trường hợp có vướng mắc, các đơn vị kịp thời trao đổi với Sở Nội vụ.", True),
        ("Sở Y tế và Bảo hiểm xã hội tỉnh cùng rà soát, tháo gỡ vướng mắc trong thanh toán.", False),
        ("Tổng hợp những khó khăn, vướng mắc của doanh nghiệp, báo cáo UBND tỉnh trong tháng 5/2026.", False),
    ],
    ids=["phan-anh-ve-bo", "bao-cao-ve-ubnd", "truong-hop-co", "remove-obstacles-is-a-task", "gather-difficulties-is-a-task"],
)
def test_the_stock_clause_about_difficulties(text: str, expected: bool) -> None:
    assert is_stock_clause(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kinh phí thực hiện", True),
        ("Kinh phí thực hiện Kế hoạch này: Do ngân sách nhà nước đảm bảo.", True),
        ("Kinh phí:", True),
        ("Kinh phí chi trả trợ cấp thường xuyên:", False),
        ("Kinh phí điều dưỡng: căn cứ chế độ điều dưỡng …", False),
        ("Nguồn kinh phí: Ngân sách huyện bảo đảm trong dự toán hằng năm.", True),
        ("Nguồn kinh phí chi trả trợ cấp thường xuyên:", False),
    ],
    ids=["kinh-phi-thuc-hien", "kinh-phi-ke-hoach-nay", "kinh-phi", "a-budget-line", "another-budget-line",
         "nguon-kinh-phi", "a-source-budget-line"],
)
def test_a_statement_of_funds(text: str, expected: bool) -> None:
    assert is_funding(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Các cấp uỷ, thủ trưởng cơ quan, tổ chức đảng có trách nhiệm thực hiện Hướng dẫn này.", True),
        ("Giám đốc các sở chịu trách nhiệm thi hành Quyết định này.", True),
        ("Sở Nội vụ có trách nhiệm tổng hợp, báo cáo UBND tỉnh.", False),
        ("Các Bộ, Ủy ban nhân dân các tỉnh triển khai và thực hiện nghiêm túc chế độ báo cáo theo nội dung của "
         "Thông tư này.", True),
        ("Các cơ quan có trách nhiệm thi hành Nghị định này.", True),
        ("Các sở thực hiện nghiêm túc việc gửi báo cáo tháng về Sở Nội vụ trước ngày 20.", False),
        ("Các sở, ngành trong phạm vi quyền hạn của mình có trách nhiệm thực hiện Nghị quyết.", True),
        ("Các Ban của Hội đồng nhân dân tỉnh có trách nhiệm giám sát việc thực hiện Nghị quyết.", True),
        ("Các Ban giám sát việc thực hiện nghị quyết về đất đai tại các huyện trong quý III.", False),
    ],
    ids=["huong-dan-nay", "quyet-dinh-nay", "a-duty", "thong-tu-nay-nghiem-tuc", "nghi-dinh-nay", "a-strict-duty",
         "nghi-quyet-ending", "supervise-the-resolution", "a-supervision-task"],
)
def test_the_execution_clause(text: str, expected: bool) -> None:
    assert is_execution_clause(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Từ ngày 01 tháng 01 năm 2009, điều chỉnh tăng thêm 15% mức trợ cấp hàng tháng.", True),
        ("Từ ngày 01/7/2024, mức lương cơ sở là 2.340.000 đồng/tháng.", True),
        ("Từ nay đến hết năm 2026, tập trung rà soát các thủ tục.", False),
        ("Từ ngày 15/8 đến ngày 15/9/2025, tổ chức Tháng hành động.", False),
    ],
    ids=["tang-15", "luong-co-so", "tu-nay-den", "a-window"],
)
def test_a_rule_from_a_date(text: str, expected: bool) -> None:
    assert is_rule_from_date(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Phân bổ chi tiết danh mục, kế hoạch vốn năm 2023 để thực hiện 02 Đề án sau:", True),
        ("Phê duyệt Kế hoạch tổ chức Tháng hành động vì môi trường năm 2026.", True),
        ("Thành lập Tổ công tác kiểm tra công vụ của tỉnh.", True),
        ("Công bố kèm theo Quyết định này danh mục thủ tục hành chính.", True),
        ("Giao Sở Nội vụ chủ trì tổ chức thực hiện Kế hoạch.", False),
        ("Sở Tài chính có trách nhiệm hướng dẫn thanh toán.", False),
    ],
    ids=["phan-bo", "phe-duyet", "thanh-lap", "cong-bo", "giao", "a-duty"],
)
def test_an_article_that_is_the_decisions_own_act(text: str, expected: bool) -> None:
    assert decides_itself(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hội đồng nhân dân tỉnh đánh giá cao tinh thần trách nhiệm của các đại biểu.", True),
        ("Ghi nhận những kết quả Sở đã đạt được.", True),
        ("Hội đồng nhân dân tỉnh đề nghị Ủy ban nhân dân tỉnh chỉ đạo các sở rà soát quy hoạch.", False),
    ],
    ids=["issuer-praises", "praise", "issuer-asks"],
)
def test_what_the_one_who_concludes_says_of_the_work_done(text: str, expected: bool) -> None:
    assert acknowledges(text) is expected
