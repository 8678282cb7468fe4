"""Parts of a government directive or resolution: a principles part titled with its topic gives no task; an article
that amends one task, written as field lines (name, lead, support, result, time), is that task."""

from __future__ import annotations

from pathlib import Path

import pytest

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.sections import is_section
from dondoc.taskset import Source

REPO = Path(__file__).resolve().parents[3]
CATALOG = load_catalog(REPO / "config" / "observances.yaml")


class TestTitledPrinciples:
    @pytest.mark.parametrize(
        "title",
        [
            "NGUYÊN TẮC, YÊU CẦU SẮP XẾP CÁC TRƯỜNG HỌC",
            "QUAN ĐIỂM XÂY DỰNG HỆ THỐNG KHO LƯU TRỮ SỐ",
            "MỤC ĐÍCH VÀ YÊU CẦU CỦA ĐỢT KIỂM TRA",
        ],
    )
    def test_no_task(self, title: str) -> None:
        assert is_section(title)

    @pytest.mark.parametrize(
        "title",
        [
            "YÊU CẦU VÀ NHIỆM VỤ CỤ THỂ CỦA CÁC BỘ",  # the tasks come with it
            "NGUYÊN TẮC VÀ GIẢI PHÁP THỰC HIỆN",
            "Yêu cầu các sở rà soát danh mục thủ tục hành chính",  # a request, not a title
        ],
    )
    def test_still_work(self, title: str) -> None:
        assert not is_section(title)

    def test_principles_part_gives_no_items(self) -> None:
        text = ("THỦ TƯỚNG CHÍNH PHỦ\n\nSố: 3/CT-TTg\n\nHà Nội, ngày 02 tháng 02 năm 2027\n\nCHỈ THỊ\nVề việc sắp xếp trạm y tế\n\n"
                "Thủ tướng Chính phủ yêu cầu các bộ, ngành, địa phương thực hiện các nhiệm vụ sau đây:\n"
                "I. NGUYÊN TẮC SẮP XẾP TRẠM Y TẾ\n1. Việc sắp xếp phải bảo đảm người dân được khám bệnh thuận lợi.\n"
                "2. Lựa chọn địa điểm có giao thông thuận tiện.\nII. TỔ CHỨC THỰC HIỆN\n"
                "1. Bộ Y tế hướng dẫn tiêu chí sắp xếp trước ngày 30 tháng 3 năm 2027.\n")
        ts = parse_dispatch(text, source=Source(name="t.txt"), observances=CATALOG)
        assert [t.key for t in ts.tasks] == ["II.1"]


class TestAmendedTaskInFields:
    def test_article_is_the_task(self) -> None:
        text = ("CHÍNH PHỦ\n\nSố: 12/NQ-CP\n\nHà Nội, ngày 10 tháng 3 năm 2027\n\nNGHỊ QUYẾT\n"
                "Sửa đổi nhiệm vụ trong Chương trình hành động của Chính phủ\n\nQUYẾT NGHỊ:\n"
                "Điều 1. Điều chỉnh nhiệm vụ tại số thứ tự 3 mục II của Phụ lục kèm theo Nghị quyết số 40/NQ-CP như sau:\n"
                "1. Tên nhiệm vụ: Xây dựng cơ sở dữ liệu về di tích quốc gia.\n"
                "2. Cơ quan chủ trì: Bộ Văn hóa, Thể thao và Du lịch.\n"
                "3. Cơ quan phối hợp: Các bộ, ngành, địa phương.\n"
                "4. Kết quả: Cơ sở dữ liệu được vận hành.\n"
                "5. Thời gian hoàn thành: Quý III/2027.\n"
                "Điều 2. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.\n")
        ts = parse_dispatch(text, source=Source(name="t.txt"), observances=CATALOG)
        items = [t for t in ts.tasks if t.kind != "report"]
        assert [t.key for t in items] == ["1"]
        assert [o.name for o in items[0].lead] == ["Bộ Văn hóa, Thể thao và Du lịch"]
        assert list(items[0].schedule.due) == ["2027-09-30"]


class TestOwnersOfAChargedBody:
    @pytest.mark.parametrize(
        ("sentence", "lead"),
        [
            ("Kiện toàn chi hội tương ứng với các khu phố sau sáp nhập theo hướng dẫn của Hội cấp trên.", []),
            ("Bố trí cán bộ phụ trách cho các trạm sau hợp nhất theo quy định.", []),
            ("Các phường sau sắp xếp khẩn trương kiện toàn bộ phận một cửa.", ["Các phường"]),
        ],
    )
    def test_reorganised_units_after_a_preposition(self, sentence: str, lead: list[str]) -> None:
        from dondoc.parse.owners import find_owners

        assert find_owners(sentence).lead == lead

    @pytest.mark.parametrize(
        ("name", "is_vague"),
        [("lực lượng công an các cấp", True), ("các lực lượng quân sự các cấp", True), ("Công an tỉnh", False),
         ("lực lượng Công an xã", False)],
    )
    def test_a_whole_force_at_every_level(self, name: str, is_vague: bool) -> None:
        from dondoc.parse.roles import vague

        assert vague(name) is is_vague
