"""How the district level writes (issue 12, batch huyen): letters of a UBND huyện or quận, its phòng and trung tâm,
a Huyện ủy or Quận ủy and their party cells, on sentences of our own.

Each test states one rule real district texts taught: how they number and address a letter, which paragraphs
only set the scene, whom "và đề nghị" adds, who sends a paper named with "của", how a monthly day gathers the
periodic reports, and where a recipient's name ends before its telephone.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dondoc.errors import NothingToTrackError
from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.cadence import classify
from dondoc.parse.dates import DateContext, find_deadlines, year_beside
from dondoc.parse.header import parse_header
from dondoc.parse.issuer_name import agency_case
from dondoc.parse.lines import split_lines
from dondoc.parse.owners import find_owners
from dondoc.parse.prose import is_request
from dondoc.parse.report_specs import find_reports
from dondoc.taskset import Source, TaskSet

CATALOG = load_catalog(Path(__file__).resolve().parents[3] / "config" / "observances.yaml")


def read(text: str) -> TaskSet:
    return parse_dispatch(text, source=Source(name="t"), observances=CATALOG)


class TestTheLetterHead:
    @pytest.mark.parametrize(
        ("line", "number"),
        [
            ("Số:  35 /PGDĐT", "35/PGDĐT"),  # the number typed into the blank before the symbol
            ("Số: 112   /KH-UBND", "112/KH-UBND"),
            ("Số: 48/UBND-VP", "48/UBND-VP"),
        ],
    )
    def test_a_number_typed_into_the_blank_keeps_its_symbol(self, line: str, number: str) -> None:
        h = parse_header(split_lines(f"ỦY BAN NHÂN DÂN HUYỆN AN LẠC\n{line}\nAn Lạc, ngày 03 tháng 4 năm 2023\n"))
        assert h.number == number

    def test_a_district_named_by_its_number_dates_the_letter(self) -> None:
        h = parse_header(split_lines("ỦY BAN NHÂN DÂN QUẬN 7\nSố: 20/UBND\nQuận 7, ngày 12 tháng 3 năm 2019\n"))
        assert (h.place, str(h.issued_on)) == ("Quận 7", "2019-03-12")

    def test_addressees_after_an_en_dash_each_on_its_line(self) -> None:
        text = ("PHÒNG VĂN HÓA VÀ THÔNG TIN\nSố: 12/VHTT\n\nKính gửi:   – Chủ tịch UBND các xã;\n\n"
                "– Ban Văn hóa các xã.\n\nĐề nghị các xã báo cáo về Phòng trước ngày 20/5/2022.\n")
        assert parse_header(split_lines(text)).recipients == ["Chủ tịch UBND các xã", "Ban Văn hóa các xã"]


class TestParagraphsThatSetTheScene:
    @pytest.mark.parametrize(
        "text",
        [
            "Thực hiện Kế hoạch số 77/KH-UBND ngày 02 tháng 3 năm 2021 của UBND huyện về chế độ báo cáo thống kê.",
            "Căn cứ Công văn số 15/SNV ngày 4/1/2022 của Sở Nội vụ về việc báo cáo định kỳ công tác cải cách hành chính.",
            "Nhằm nâng cao chất lượng công tác báo cáo và kịp thời tổng hợp báo cáo gửi UBND huyện.",
        ],
    )
    def test_what_a_letter_carries_out_or_is_for_asks_nobody(self, text: str) -> None:
        assert not is_request(text, subjects=True)

    @pytest.mark.parametrize(
        "text",
        [
            "Thực hiện Kế hoạch số 77/KH-UBND, đề nghị các trường báo cáo về Phòng trước ngày 10/4/2021.",
            "Nhằm kịp thời tổng hợp, các xã gửi báo cáo về UBND huyện trước ngày 15/6/2022.",
        ],
    )
    def test_a_request_after_the_scene_still_asks(self, text: str) -> None:
        assert is_request(text, subjects=True)


class TestWhomADistrictAsks:
    def test_those_listed_before_và_đề_nghị_are_told_the_same_work(self) -> None:
        t = ("Trưởng các phòng chuyên môn, Chủ tịch UBND các xã và đề nghị các cơ quan ngành dọc đóng trên địa bàn "
             "thực hiện tốt các nội dung sau:")
        assert find_owners(t).lead == ["Trưởng các phòng chuyên môn", "Chủ tịch UBND các xã",
                                       "các cơ quan ngành dọc đóng trên địa bàn"]

    def test_the_levels_after_của_belong_to_one_name(self) -> None:
        assert find_owners("Đề nghị các cơ quan, đơn vị của Trung ương, tỉnh đóng trên địa bàn huyện phối hợp thực hiện."
                           ).lead == ["các cơ quan, đơn vị của Trung ương, tỉnh đóng trên địa bàn huyện"]

    def test_the_one_urged_does_the_work_too(self) -> None:
        t = "Đề nghị Phó Chủ tịch UBND các phường đôn đốc và tạo điều kiện cho Ban Văn hóa phường thực hiện báo cáo."
        assert find_owners(t).lead == ["Phó Chủ tịch UBND các phường", "Ban Văn hóa phường"]

    @pytest.mark.parametrize(
        ("text", "lead"),
        [
            ("Các chi, đảng bộ trực thuộc Huyện ủy tổ chức học tập chuyên đề.", ["Các chi, đảng bộ trực thuộc Huyện ủy"]),
            ("Các Chi Đảng bộ cơ sở có trách nhiệm quán triệt nghị quyết.", ["Các Chi Đảng bộ cơ sở"]),
            ("UBND các xã tập chung chỉ đạo thu hoạch lúa.", ["UBND các xã"]),  # "tập trung" misspelt ends the name
            ("Các ban xây dựng Đảng Huyện ủy theo chức năng tham mưu.", ["Các ban xây dựng Đảng Huyện ủy"]),
        ],
    )
    def test_party_cells_and_a_misspelt_verb(self, text: str, lead: list[str]) -> None:
        assert find_owners(text).lead == lead

    def test_costs_are_no_party_cells(self) -> None:
        assert find_owners("Các chi phí in ấn do đơn vị tự bảo đảm.").lead == []

    @pytest.mark.parametrize(
        ("text", "lead"),
        [
            ("Danh sách học sinh của các trường gửi về Phòng Giáo dục trước ngày 10/3/2022.", ["các trường"]),
            ("Báo cáo tình hình chăm lo Tết của UBND các xã, thị trấn có nhận định đánh giá gửi về UBND huyện.",
             ["UBND các xã, thị trấn"]),
        ],
    )
    def test_the_bodies_named_in_the_paper_they_send(self, text: str, lead: list[str]) -> None:
        assert find_owners(text).lead == lead

    def test_a_paper_named_with_của_but_not_sent_names_no_sender(self) -> None:
        assert find_owners("Kế hoạch của UBND tỉnh đã nêu rõ các mốc thời gian.").lead == []


class TestReportsAndCadence:
    def test_the_periodic_kinds_in_brackets_go_on_the_monthly_day(self) -> None:
        t = ("Đề nghị UBND các xã gửi báo cáo định kỳ (tháng, quý, 6 tháng, năm) về Phòng Nội vụ chậm nhất là ngày "
             "05 hằng tháng.")
        specs = find_reports(t, ctx=DateContext(), warnings=[])
        assert [(s.repeat, s.due) for s in specs] == [("monthly", "---05")]

    def test_periods_with_their_own_days_stay_apart(self) -> None:
        t = "Báo cáo 6 tháng gửi về UBND huyện trước ngày 15/6; báo cáo năm gửi trước ngày 15/12."
        assert sorted(s.repeat for s in find_reports(t, ctx=DateContext(), warnings=[])) == ["annual", "semiannual"]

    @pytest.mark.parametrize(
        ("text", "to"),
        [
            ("Cập nhật báo cáo tình hình về Văn phòng Ban Chỉ huy huyện (Điện thoại: 0203.123.456).",
             "Văn phòng Ban Chỉ huy huyện"),
            ("Báo cáo ngay cho Văn phòng HĐND và UBND huyện số máy 0203.654.321 để xử lý.", "Văn phòng HĐND và UBND huyện"),
            ("Báo cáo kết quả về UBND huyện (qua Phòng Nội vụ) trước ngày 20/11/2022.", "UBND huyện (qua Phòng Nội vụ)"),
        ],
    )
    def test_a_recipient_ends_before_its_telephone(self, text: str, to: str) -> None:
        assert find_reports(text, ctx=DateContext(), warnings=[])[0].to == to

    def test_updating_the_report_as_things_move_is_ad_hoc(self) -> None:
        t = "Trực ban 24/24 giờ, theo dõi diễn biến mưa lũ; cập nhật báo cáo tình hình về Ban Chỉ huy huyện."
        assert [s.repeat for s in find_reports(t, ctx=DateContext(), warnings=[])] == ["ad_hoc"]

    @pytest.mark.parametrize(
        ("text", "repeat"),
        [
            ("Triển khai ngay việc sơ tán các hộ ven sông.", "once"),
            ("Thực hiện ngay việc kiểm tra các hồ chứa.", "once"),
        ],
    )
    def test_work_to_start_at_once(self, text: str, repeat: str) -> None:
        got, _ = classify(text, has_one_off_due=False, yearly_due=False, events=False, campaign=False)
        assert got == repeat


class TestDatesWithoutTheHeader:
    def test_the_one_year_of_the_full_dates_stands_for_the_letter(self) -> None:
        assert year_beside("trực từ ngày 09/02/2024 đến hết ngày 14/02/2024, gửi lịch trước ngày 05/02") == 2024
        assert year_beside("theo Quyết định ngày 3/5/2019, hoàn thành trước 30/6/2021") is None

    def test_a_day_without_a_year_takes_that_year(self) -> None:
        text = ("Về việc trực Tết Giáp Thìn\n\nChủ tịch UBND huyện yêu cầu Thủ trưởng các phòng chuyên môn phân công "
                "cán bộ trực Tết từ ngày 09/02/2024 đến hết ngày 14/02/2024. Lịch trực gửi về Văn phòng HĐND và UBND "
                "huyện trước ngày 05/02.\n")
        dues = {d for t in read(text).tasks for d in t.schedule.due}
        assert "2024-02-05" in dues and "2024-02-14" not in dues

    def test_a_lunar_day_in_brackets_keeps_the_window(self) -> None:
        t = "Trực cơ quan từ ngày 09/02/2024 (tức ngày 30 tháng Chạp) đến hết ngày 14/02/2024."
        assert [d.due for d in find_deadlines(t, every_year=False, ctx=DateContext(), warnings=[])] == []


class TestNewsAboutADistrictLetter:
    def test_an_article_that_retells_a_letter_is_refused(self) -> None:
        text = ("Đôn đốc nộp hồ sơ thi đua\nNgày cập nhật 02/10/2021\n\nPhòng Nội vụ huyện đã ban hành công văn về việc "
                "đôn đốc nộp hồ sơ thi đua. Theo đó, đề nghị các cơ quan, đơn vị gửi hồ sơ về Phòng Nội vụ trước ngày "
                "15/10/2021.\n\nNguyễn Văn Bình\nCác tin khác\n")
        with pytest.raises(NothingToTrackError):
            read(text)


class TestAPlanOfTheDistrict:
    PLAN = (
        "ỦY BAN NHÂN DÂN HUYỆN HÒA LẠC\nSố: 21/KH-UBND\nHòa Lạc, ngày 02 tháng 2 năm 2025\n\nKẾ HOẠCH\nPhòng, chống "
        "cháy rừng mùa khô năm 2025\n\nI. TỔ CHỨC THỰC HIỆN\n1. Hạt Kiểm lâm huyện\nChủ trì, phối hợp với các xã kiểm tra "
        "các vùng rừng trọng điểm; báo cáo UBND huyện trước ngày 30/4/2025.\n"
        "2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện và các tổ chức chính trị - xã hội huyện\n"
        "Phối hợp tuyên truyền nhân dân không đốt thực bì trong mùa khô.\n3. UBND các xã, thị trấn\n"
        "Xây dựng phương án chữa cháy tại chỗ; định kỳ hằng tháng báo cáo về UBND huyện (qua Hạt Kiểm lâm) trước ngày 25.\n"
        "\nNơi nhận:\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn Tâm\n"
    )

    def test_a_heading_of_owners_without_a_colon_keeps_the_reports_under_it(self) -> None:
        ts = read(self.PLAN)
        last = [t for t in ts.tasks if t.key.startswith("I.3")]
        assert last and all([o.name for o in t.lead] == ["UBND các xã, thị trấn"] for t in last)
        assert any(t.schedule.repeat == "monthly" for t in last)

    def test_a_long_line_of_those_asked_is_no_sentence_wrapped_into_their_duty(self) -> None:
        ts = read(self.PLAN)
        assert [o.name for o in next(t for t in ts.tasks if t.key == "I.2").lead] == [
            "Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "các tổ chức chính trị - xã hội huyện"]


@pytest.mark.parametrize(
    ("caps", "name"),
    [
        ("HUYỆN ỦY ĐÔNG SƠN", "Huyện ủy Đông Sơn"),
        ("QUẬN ỦY BA ĐÌNH", "Quận ủy Ba Đình"),
        ("THỊ ỦY SƠN TÂY", "Thị ủy Sơn Tây"),
        ("BAN THƯỜNG VỤ HUYỆN ỦY", "Ban Thường vụ Huyện ủy"),
        ("TỈNH ỦY ĐÔNG SƠN", "Tỉnh ủy Đông Sơn"),
        ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "Đảng ủy khối các cơ quan tỉnh"),  # "cơ quan" folds as "quận" does
        ("ỦY BAN NHÂN DÂN QUẬN TÂN BÌNH", "Ủy ban nhân dân quận Tân Bình"),
    ],
)
def test_a_party_committee_of_a_place_writes_the_place_in_capitals(caps: str, name: str) -> None:
    assert agency_case(caps) == name


class TestReportDaysAndBoards:
    CTX = DateContext(date(2024, 3, 1), 2024, 3)

    def test_the_report_named_in_brackets_after_its_day_takes_that_day(self) -> None:
        t = ("Các xã gửi báo cáo về UBND huyện (qua Phòng Nội vụ) trước ngày 20/6 (báo cáo 6 tháng) và trước ngày "
             "20/11 (báo cáo năm).")
        got = sorted((s.repeat, s.due) for s in find_reports(t, ctx=self.CTX, warnings=[]))
        assert got == [("annual", "--11-20"), ("semiannual", "--06-20")]

    @pytest.mark.parametrize(
        ("text", "to"),
        [
            ("Kết thúc đợt cao điểm, báo cáo kết quả về Ban Chỉ đạo 138 huyện trước ngày 10/01/2025.",
             "Ban Chỉ đạo 138 huyện"),
            ("Báo cáo Chủ tịch UBND huyện xem xét, chỉ đạo.", "Chủ tịch UBND huyện"),  # what the recipient does, cut
        ],
    )
    def test_a_steering_committee_keeps_the_words_of_its_name(self, text: str, to: str) -> None:
        assert find_reports(text, ctx=self.CTX, warnings=[])[0].to == to


def test_the_work_listed_after_a_request_in_prose_is_the_requested_ones() -> None:
    text = ("ỦY BAN NHÂN DÂN HUYỆN TÂN LẬP\nSố: 40/UBND-VP\nTân Lập, ngày 05 tháng 01 năm 2024\n\nV/v trực Tết Giáp Thìn\n\n"
            "Kính gửi: Các cơ quan, đơn vị.\n\n"
            "Chủ tịch UBND huyện yêu cầu Thủ trưởng các phòng chuyên môn, Chủ tịch UBND các xã thực hiện tốt một số "
            "nhiệm vụ sau: Tổ chức tổng vệ sinh trụ sở trước Tết.\n\n"
            "Bố trí cán bộ trực cơ quan từ ngày 08/02/2024 đến hết ngày 14/02/2024.\n")
    ts = read(text)
    assert [o.name for o in next(t for t in ts.tasks if t.key == "-2").lead] == [
        "Thủ trưởng các phòng chuyên môn", "Chủ tịch UBND các xã"]


@pytest.mark.parametrize(
    ("text", "lead", "support"),
    [
        ("Hạt Kiểm lâm huyện phối hợp với Công an huyện tuần tra các vùng rừng.", ["Hạt Kiểm lâm huyện"], ["Công an huyện"]),
        ("Đồn Biên phòng Bắc Sơn phối hợp với UBND xã kiểm tra.", ["Đồn Biên phòng Bắc Sơn"], ["UBND xã"]),
        ("Gieo hạt giống đúng thời vụ.", [], []),
    ],
)
def test_district_offices_whose_names_start_with_no_usual_head(text: str, lead: list[str], support: list[str]) -> None:
    o = find_owners(text)
    assert (o.lead, o.support) == (lead, support)
