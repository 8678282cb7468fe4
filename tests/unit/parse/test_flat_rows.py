"""A task table whose cells a PDF's text layer set one after another, each cell cut into short lines, under a
header whose column names stand on lines of their own: each row's column "Cơ quan chủ trì" names its lead. The
texts are invented for these tests."""

from __future__ import annotations

import pytest

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.flat_rows import lead_cell
from dondoc.taskset import Source

from tests.unit.parse.test_owner_structure import REPO


@pytest.mark.parametrize(
    "text, cell",
    [
        ("Xây dựng bộ tiêu chí đánh giá chất lượng dịch vụ.\nBộ Khoa học và\nCông nghệ\nBộ Công Thương\nQuý II/2027",
         "Bộ Khoa học và Công nghệ"),
        ("Rà soát danh mục thủ tục hành chính\nỦy ban nhân dân các cấp\nCác cơ quan có liên quan.\nThường xuyên",
         "Ủy ban nhân dân các cấp"),
        ("Triển khai mô hình thí điểm\nỦy ban nhân dân cấp\ntỉnh\nSở Nội vụ\nNăm 2027", "Ủy ban nhân dân cấp tỉnh"),
        ("Hoàn thiện cơ sở dữ liệu\nBộ Tư pháp, Sở Tư pháp đối với địa phương\nCác cơ quan liên quan\nQuý IV/2027",
         "Bộ Tư pháp, Sở Tư pháp đối với địa phương"),
        ("Tổ chức hội nghị tổng kết\nVăn bản được ban hành\nNăm 2027", ""),
        # the task's long first line breaks mid-sentence: the next line, ending the sentence, is still its words
        ("Xây dựng chính sách tín dụng ưu đãi khuyến khích hợp tác giữa các\nHTX nông nghiệp công nghệ cao.\n"
         "Ngân hàng Nhà nước Việt Nam\nBộ Tài chính\nQuý III/2027", "Ngân hàng Nhà nước Việt Nam"),
    ],
    ids=["cut-after-va", "cac-cap-ends-the-cell", "cap-goes-on", "two-bodies", "no-body", "task-words-go-on"],
)
def test_the_first_cell_after_the_task_that_names_a_body(text: str, cell: str) -> None:
    assert lead_cell(text) == cell


_PLAN = """KẾ HOẠCH
Chuyển đổi số trong quản lý đất đai năm 2027
I. TỔ CHỨC THỰC HIỆN
Các cơ quan thực hiện các nhiệm vụ tại Phụ lục kèm theo.
PHỤ LỤC
DANH MỤC NHIỆM VỤ
(Kèm theo Kế hoạch chuyển đổi số năm 2027)
STT
Nhiệm vụ
Cơ quan
chủ trì
Cơ quan
phối hợp
Thời gian
hoàn thành
1.
Số hóa hồ sơ địa chính
Sở Nông nghiệp và
Môi trường
Ủy ban nhân dân cấp xã
Quý III/2027
2.
Kết nối cơ sở dữ liệu đất đai với cơ sở dữ liệu dân cư
Công an tỉnh
Sở Nông nghiệp và
Môi trường
Quý IV/2027
"""


def test_the_rows_of_a_flattened_table_take_their_lead_column() -> None:
    ts = parse_dispatch(_PLAN, source=Source(name="kh.txt"), observances=load_catalog(REPO / "config" / "observances.yaml"))
    lead = {t.key: [o.name for o in t.lead] for t in ts.tasks}
    assert lead["1"] == ["Sở Nông nghiệp và Môi trường"]  # the appendix repeats no key of the plan: no "PL."
    assert lead["2"] == ["Công an tỉnh"]


def test_without_the_header_the_lines_are_no_cells() -> None:
    text = _PLAN.replace("Cơ quan\nchủ trì\nCơ quan\nphối hợp\n", "")
    ts = parse_dispatch(text, source=Source(name="kh.txt"), observances=load_catalog(REPO / "config" / "observances.yaml"))
    assert all("Cơ quan chủ trì" not in t.explain.get("lead", "") for t in ts.tasks)


@pytest.mark.parametrize(
    "text, when",
    [
        ("Xây dựng cơ chế thí điểm\nBộ Tư pháp\nCác bộ, ngành\nNghị định được ban hành\nQuý II/2027", "Quý II/2027"),
        ("Tổ chức tuyên truyền\nSở Văn hóa\nCác huyện\nNhiệm vụ thường xuyên", "Nhiệm vụ thường xuyên"),
        ("Rà soát hồ sơ\nSở Nội vụ\nCác sở\nBáo cáo kết quả", ""),
    ],
    ids=["quarter", "ongoing", "none"],
)
def test_the_time_column_is_the_row_s_last_time(text: str, when: str) -> None:
    from dondoc.parse.flat_rows import when_cell

    assert when_cell(text) == when


@pytest.mark.parametrize(
    "text, repeat",
    [
        ("Nghiên cứu, đề xuất cơ chế hỗ trợ doanh nghiệp.\nThời gian thực hiện: Thường xuyên.", "continuous"),
        ("Xây dựng cơ sở dữ liệu ngành.\nThời hạn: Nhiệm vụ thường xuyên.", "continuous"),
        ("Xây dựng cơ sở dữ liệu ngành.\nThời gian thực hiện: Quý III/2027.", "once"),
        # the product's column says "hằng năm", the time the plan sets says ongoing
        ("Đôn đốc, kiểm tra việc thực hiện kế hoạch.\nKế hoạch kiểm tra hằng năm\nThời hạn: Thường xuyên.", "continuous"),
        ("Tổ chức tập huấn nghiệp vụ hằng năm cho cán bộ.", "annual"),
    ],
    ids=["research-ongoing", "build-ongoing", "build-dated", "yearly-product-ongoing-time", "yearly-alone"],
)
def test_a_time_field_saying_thuong_xuyen_makes_the_work_ongoing(text: str, repeat: str) -> None:
    ts = parse_dispatch("KẾ HOẠCH\nNăm 2027\nI. NHIỆM VỤ\n1. " + text + "\n", source=Source(name="kh.txt"),
                        observances=load_catalog(REPO / "config" / "observances.yaml"))
    assert next(t for t in ts.tasks if t.key == "I.1").schedule.repeat == repeat
