"""Tables of tasks, unit names that hold words of action, subjects after an opening phrase; never a crash."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dondoc.ingest.docx import is_data_table
from dondoc.parse.lines import split_lines
from dondoc.parse.owners import find_owners
from dondoc.parse.tables import find_tables, row_text, when_phrase

HEADER = "| STT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành |"


class TestTables:
    def test_a_table_with_a_header_is_read_row_by_row(self) -> None:
        text = "\n".join([HEADER, "|---|---|---|---|---|", "| 1 | Rà soát văn bản | Sở Tư pháp | Các sở | Quý I/2026 |",
                          "| 2 | Tổ chức hội nghị | Sở Nội vụ | | Tháng 8/2026 |"])
        (table,) = find_tables(split_lines(text))
        assert [(r.key, r.content, r.lead, r.support, r.when) for r in table.rows] == [
            ("1", "Rà soát văn bản", "Sở Tư pháp", "Các sở", "Quý I/2026"),
            ("2", "Tổ chức hội nghị", "Sở Nội vụ", "", "Tháng 8/2026"),
        ]

    def test_a_roman_group_row_numbers_the_rows_under_it(self) -> None:
        text = "\n".join([HEADER, "| I | CÔNG TÁC TUYÊN TRUYỀN | | | |", "| 1 | Treo băng rôn | Sở Văn hóa | | Tháng 8/2026 |"])
        (table,) = find_tables(split_lines(text))
        assert [r.key for r in table.rows] == ["I.1"]

    def test_a_table_without_a_content_column_is_not_a_table_of_tasks(self) -> None:
        text = "\n".join(["| Họ tên | Chức vụ | Điện thoại |", "| Nguyễn Văn A | Chánh Văn phòng | 0912 |"])
        assert find_tables(split_lines(text)) == []

    @pytest.mark.parametrize(
        ("when", "phrase"),
        [("Quý I/2026", "trong Quý I/2026"), ("Tháng 8/2026", "trong Tháng 8/2026"), ("30/6/2026", "trước ngày 30/6/2026"),
         ("Năm 2026", "trong Năm 2026"), ("Thường xuyên", "Thường xuyên"), ("Trước 15/12/2026", "Trước 15/12/2026")],
        ids=["quarter", "month", "bare-date", "year", "cadence-word", "already-a-deadline"],
    )
    def test_the_time_column_becomes_a_deadline_phrase(self, when: str, phrase: str) -> None:
        assert when_phrase(when) == phrase

    def test_a_row_reads_as_lead_support_content_and_deadline(self) -> None:
        text = "\n".join([HEADER, "| 1 | Rà soát văn bản | Sở Tư pháp | Các sở | Quý I/2026 |"])
        (table,) = find_tables(split_lines(text))
        assert row_text(table.rows[0]) == "Sở Tư pháp chủ trì, phối hợp với Các sở: Rà soát văn bản. Thời hạn: trong Quý I/2026."

    @pytest.mark.parametrize(
        ("rows", "data"),
        [
            ([["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], ["Số: 12/UBND", "Hà Nội, ngày 1 tháng 1 năm 2026"]], False),
            ([["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn"], ["1", "Rà soát", "Sở Tư pháp", "Quý I/2026"]], True),
        ],
        ids=["header-block", "task-table"],
    )
    def test_a_docx_table_is_a_table_of_tasks_only_when_its_header_says_so(self, rows: list[list[str]], data: bool) -> None:
        assert is_data_table(rows) is data

    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.lists(st.text(alphabet="|abcĐđ 1.I-:/", max_size=12), max_size=6), max_size=8))
    def test_reading_tables_never_crashes(self, rows: list[list[str]]) -> None:
        text = "\n".join(["| STT | Nội dung | Chủ trì | Thời hạn |", *("|" + "|".join(r) + "|" for r in rows)])
        for table in find_tables(split_lines(text)):
            for row in table.rows:
                row_text(row)


class TestSupport:
    def test_organising_a_contest_is_not_part_of_the_cooperating_owner(self) -> None:
        found = find_owners("Sở Giáo dục và Đào tạo chủ trì, phối hợp với các cơ quan liên quan tổ chức Hội thi.")
        assert (found.lead, found.support) == (["Sở Giáo dục và Đào tạo"], ["các cơ quan liên quan"])


class TestUnitNames:
    @pytest.mark.parametrize(
        ("text", "lead"),
        [
            ("Phòng Xây dựng phong trào toàn dân bảo vệ ANTQ hằng năm tham mưu tổ chức Ngày truyền thống.",
             ["Phòng Xây dựng phong trào toàn dân bảo vệ ANTQ"]),
            ("Phòng Xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc chủ trì thực hiện.",
             ["Phòng Xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc"]),
            ("Sở Y tế tuyên truyền Luật Phòng cháy, chữa cháy.", ["Sở Y tế"]),
            ("Phòng Tổ chức cán bộ tham mưu Giám đốc Công an tỉnh.", ["Phòng Tổ chức cán bộ"]),
            ("Ban Chỉ đạo phòng, chống tội phạm tỉnh chỉ đạo các ngành.", ["Ban Chỉ đạo phòng, chống tội phạm tỉnh"]),
            ("Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ chủ trì kiểm tra.",
             ["Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ"]),
            ("Sở Nông nghiệp và Môi trường chủ trì, theo dõi.", ["Sở Nông nghiệp và Môi trường"]),
            ("Phòng Văn hóa và Thông tin phối hợp với Hội Nông dân tuyên truyền.", ["Phòng Văn hóa và Thông tin"]),
            ("Ủy ban nhân dân các xã, phường, đặc khu chủ động rà soát.", ["Ủy ban nhân dân các xã, phường, đặc khu"]),
            ("Các bộ, cơ quan ngang bộ tiếp tục thực hiện.", ["Các bộ, cơ quan ngang bộ"]),
        ],
        ids=["verb-then-abbreviation", "verb-then-to-quoc", "verb-then-object-stays-out", "can-bo-is-not-can",
             "phong-chong", "cuu-nan-cuu-ho", "moi-truong-is-not-moi", "phong-van-hoa", "dac-khu-2025", "bo-nganh"],
    )
    def test_a_units_name_keeps_its_words_of_action(self, text: str, lead: list[str]) -> None:
        assert find_owners(text).lead == lead

    @pytest.mark.parametrize(
        ("text", "lead"),
        [
            ("Ngày 04/10 hằng năm, các cơ quan, đơn vị hưởng ứng Ngày toàn dân phòng cháy và chữa cháy.", ["các cơ quan, đơn vị"]),
            ("Để bảo đảm an toàn, Sở Y tế chủ trì kiểm tra.", ["Sở Y tế"]),
            ("Trên cơ sở kết quả rà soát, đề xuất phương án.", []),
        ],
        ids=["time-phrase", "purpose-phrase", "no-owner-after-comma"],
    )
    def test_the_subject_after_an_opening_phrase_is_the_owner(self, text: str, lead: list[str]) -> None:
        assert find_owners(text).lead == lead
