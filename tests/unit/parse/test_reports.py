"""Reporting obligations: cadence, the day of the period they fall due, recipient and consolidator."""

from __future__ import annotations

from datetime import date

import pytest

from dondoc.parse.dates import DateContext
from dondoc.parse.gatherers import gatherers
from dondoc.parse.report_specs import find_reports

CTX = DateContext(issued=date(2025, 1, 6))


class TestPeriodicReportDays:
    @pytest.mark.parametrize(
        ("text", "repeat", "due"),
        [
            ("Các sở báo cáo kết quả hằng quý về UBND tỉnh (qua Công an tỉnh) trước ngày 20 của tháng cuối quý.",
             "quarterly", ["---20"]),
            ("Các đơn vị báo cáo hằng quý về Sở Nội vụ trước ngày 20 tháng cuối quý.", "quarterly", ["---20"]),
            ("Báo cáo định kỳ hằng quý gửi Sở Nội vụ chậm nhất ngày 18 của tháng cuối quý.", "quarterly", ["---18"]),
            ("Hằng tháng, trước ngày 25, các xã báo cáo tiến độ về UBND tỉnh.", "monthly", ["---25"]),
            ("Các xã báo cáo hằng tháng về Sở Y tế trước ngày 05 tháng sau.", "monthly", ["---05"]),
            ("Các xã gửi báo cáo quý về Sở Tài chính trước ngày 15 của tháng đầu quý sau.",
             "quarterly", ["--01-15", "--04-15", "--07-15", "--10-15"]),
            ("Các huyện báo cáo 6 tháng về UBND tỉnh trước ngày 10 của tháng đầu kỳ sau.",
             "semiannual", ["--01-10", "--07-10"]),
        ],
        ids=["cuoi-quy-cua", "cuoi-quy", "cham-nhat-cuoi-quy", "hang-thang-truoc-25", "thang-sau",
             "dau-quy-sau", "dau-ky-sau-6-thang"],
    )
    def test_a_day_of_the_period_becomes_its_due_days(self, text: str, repeat: str, due: list[str]) -> None:
        (spec,) = find_reports(text, ctx=CTX, warnings=[])
        assert (spec.repeat, spec.dues) == (repeat, due)

    def test_six_months_and_a_year_are_two_reports_with_their_own_days(self) -> None:
        specs = find_reports("Định kỳ 06 tháng (trước 15/6), 01 năm (trước 15/11), các sở báo cáo về UBND tỉnh.",
                             ctx=CTX, warnings=[])
        assert [(s.repeat, s.dues) for s in specs] == [("semiannual", ["--06-15"]), ("annual", ["--11-15"])]

    def test_the_recipient_keeps_the_agency_it_goes_through(self) -> None:
        (spec,) = find_reports("Các sở báo cáo hằng quý về UBND tỉnh (qua Công an tỉnh) trước ngày 20 của tháng cuối quý.",
                               ctx=CTX, warnings=[])
        assert spec.to == "UBND tỉnh (qua Công an tỉnh)"

    def test_a_deadline_word_ends_the_recipients_name(self) -> None:
        (spec,) = find_reports("Báo cáo định kỳ hằng quý gửi Sở Nội vụ chậm nhất ngày 18 của tháng cuối quý.", ctx=CTX, warnings=[])
        assert spec.to == "Sở Nội vụ"


class TestConsolidator:
    @pytest.mark.parametrize(
        ("text", "by"),
        [
            ("Kết quả thực hiện gửi về Sở Nội vụ để tổng hợp, báo cáo UBND tỉnh.", "Sở Nội vụ"),
            ("Các tổ chức báo cáo kết quả về UBND tỉnh (qua Công an tỉnh) để tổng hợp.", "Công an tỉnh"),
            ("Kết quả gửi về Công an tỉnh trước ngày 05/7/2025 để tổng hợp, báo cáo UBND tỉnh.", "Công an tỉnh"),
            ("Các sở báo cáo kết quả về UBND tỉnh (qua Công an tỉnh) trước ngày 20/12/2025.", None),
            ("Các sở báo cáo kết quả về Sở Nội vụ trước ngày 20/12/2025.", None),
        ],
        ids=["gui-ve-de-tong-hop", "qua-de-tong-hop", "date-between", "qua-without-gathering", "nobody-gathers"],
    )
    def test_the_agency_said_to_gather_the_reports_is_their_consolidator(self, text: str, by: str | None) -> None:
        (spec,) = find_reports(text, ctx=CTX, warnings=[])
        assert spec.consolidator == by

    @pytest.mark.parametrize(
        ("text", "names"),
        [
            ("Giao Công an tỉnh chủ trì, tập hợp kết quả, báo cáo UBND tỉnh.", ["Công an tỉnh"]),
            ("Sở Nội vụ có trách nhiệm tổng hợp, báo cáo UBND tỉnh.", ["Sở Nội vụ"]),
            ("Văn phòng UBND tỉnh theo dõi, tổng hợp tình hình thực hiện.", ["Văn phòng UBND tỉnh"]),
            ("Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ tổng hợp số liệu.", ["Sở Tài chính"]),
            ("Các đơn vị tổng hợp số liệu của mình.", []),
            ("Đề nghị các sở báo cáo về UBND tỉnh (qua Công an tỉnh) để tổng hợp.", []),
        ],
        ids=["giao-chu-tri-tap-hop", "co-trach-nhiem-tong-hop", "theo-doi-tong-hop", "chu-tri-phoi-hop-tong-hop",
             "no-named-agency", "reporters-are-not-gatherers"],
    )
    def test_a_dispatch_charges_an_agency_with_gathering(self, text: str, names: list[str]) -> None:
        assert gatherers(text) == names


class TestTheDemoDispatch:
    """config/demo/cv-18-ubnd-nc-2025.txt, the project's demo, read item by item."""

    def test_every_item_of_the_demo_reads_right(self) -> None:
        from pathlib import Path

        from dondoc.directory import load_directory
        from dondoc.ingest import read_document
        from dondoc.observances import load_catalog
        from dondoc.parse import parse_dispatch
        from dondoc.taskset import Source

        repo = Path(__file__).resolve().parents[3]
        doc = read_document(repo / "config" / "demo" / "cv-18-ubnd-nc-2025.txt")
        ts = parse_dispatch(doc.text, source=Source(name=doc.name), observances=load_catalog(repo / "config" / "observances.yaml"),
                            directory=load_directory(repo / "config" / "organizations.yaml"))
        got = [(t.key, t.kind, t.schedule.repeat, t.schedule.due, t.report_to, t.cascade.by.org if t.cascade else None)
               for t in ts.tasks]
        assert got == [
            ("1", "action", "once", ["2025-02-28"], None, None),
            ("2", "action", "continuous", [], None, None),
            ("3", "action", "annual", [], None, None),
            ("4", "report", "quarterly", ["---20"], "UBND tỉnh (qua Công an tỉnh)", "ca-tinh"),
            ("5", "report", "semiannual", ["--06-15", "--11-15"], "UBND tỉnh (qua Công an tỉnh)", "ca-tinh"),
            ("5.R1", "report", "annual", ["--11-15"], "UBND tỉnh (qua Công an tỉnh)", "ca-tinh"),
        ]


class TestDataCutOff:
    @pytest.mark.parametrize(
        ("text", "due"),
        [
            ("Gửi báo cáo trước ngày 31/12/2025 (số liệu tính đến 30/11).", ["2025-12-31"]),
            ("Số liệu tính từ ngày 15/12/2024 đến ngày 14/6/2025, gửi trước ngày 20/6/2025.", ["2025-06-20"]),
            ("Báo cáo UBND tỉnh trước ngày 30/9/2025.", ["2025-09-30"]),
        ],
        ids=["tinh-den", "tinh-tu-den", "tinh-province-is-not-tinh-counted"],
    )
    def test_the_figures_cut_off_is_not_a_deadline(self, text: str, due: list[str]) -> None:
        from dondoc.parse.dates import find_deadlines

        assert [d.due for d in find_deadlines(text, every_year=False, ctx=CTX, warnings=[])] == due


class TestPeriodsNamedTwiceOrNotAsked:
    def test_periods_announced_then_dated_are_one_report_each_to_the_one_recipient(self) -> None:
        text = ("Đề nghị các Trung tâm mỗi năm thực hiện hai kỳ báo cáo (báo cáo 6 tháng và báo cáo năm), trừ trường hợp "
                "đột xuất. Báo cáo gửi về Sở Tư pháp trước ngày 20/6 đối với báo cáo 6 tháng; trước ngày "
                "25/11 đối với báo cáo năm.")
        specs = find_reports(text, ctx=CTX, warnings=[])
        assert sorted((s.repeat, tuple(s.dues), s.to) for s in specs) == [
            ("ad_hoc", (), "Sở Tư pháp"),
            ("annual", ("--11-25",), "Sở Tư pháp"),
            ("semiannual", ("--06-20",), "Sở Tư pháp"),
        ]

    @pytest.mark.parametrize(
        "text",
        [
            "Các đơn vị không thực hiện báo cáo hằng tháng và hằng quý; báo cáo 6 tháng gửi Sở Tư pháp trước ngày 10/6.",
            "Không phải báo cáo hằng quý. Báo cáo 6 tháng gửi về Sở Tư pháp trước ngày 10/6.",
        ],
        ids=["khong-thuc-hien", "khong-phai"],
    )
    def test_a_period_said_not_to_be_reported_gives_no_report(self, text: str) -> None:
        specs = find_reports(text, ctx=CTX, warnings=[])
        assert [s.repeat for s in specs] == ["semiannual"]

    @pytest.mark.parametrize(
        ("text", "repeat"),
        [
            ("Báo cáo tháng gửi về Sở Nội vụ trước ngày 18 của tháng.", "monthly"),
            ("Báo cáo tháng 5/2026 gửi về Sở Nội vụ trước ngày 18/5/2026.", "once"),
            ("Báo cáo quý gửi về Sở Nội vụ trước ngày 12 của tháng cuối quý.", "quarterly"),
            ("Báo cáo quý I năm 2026 gửi về Sở Nội vụ trước ngày 12/3/2026.", "once"),
        ],
        ids=["bao-cao-thang", "one-month", "bao-cao-quy", "one-quarter"],
    )
    def test_the_months_or_quarters_report_recurs_but_one_named_month_does_not(self, text: str, repeat: str) -> None:
        assert [s.repeat for s in find_reports(text, ctx=CTX, warnings=[])] == [repeat]


class TestRecipientsEndWhereTheMatterStarts:
    @pytest.mark.parametrize(
        ("text", "to"),
        [
            ("Công an huyện kịp thời báo cáo UBND huyện các vụ việc phức tạp phát sinh.", "UBND huyện"),
            ("Các xã báo cáo Chủ tịch UBND huyện các trường hợp vi phạm trước ngày 30/6/2026.", "Chủ tịch UBND huyện"),
            ("Báo cáo cả năm gửi trước ngày 20/11/2026.", None),
            ("Báo cáo quý gửi trước ngày 12 của tháng cuối quý.", None),
        ],
        ids=["cac-vu-viec", "cac-truong-hop", "ca-nam-is-no-recipient", "quy-is-no-recipient"],
    )
    def test_the_recipient_is_only_the_agency(self, text: str, to: str | None) -> None:
        assert find_reports(text, ctx=CTX, warnings=[])[0].to == to


class TestOneNamedYearAndListedPeriods:
    @pytest.mark.parametrize(
        ("text", "repeats"),
        [
            ("Báo cáo năm 2026 gửi về Sở Nội vụ trước ngày 10/12/2026.", ["once"]),
            ("Báo cáo năm gửi về Sở Nội vụ trước ngày 10/12 hằng năm.", ["annual"]),
            ("Các xã báo cáo UBND huyện định kỳ 6 tháng, năm hoặc đột xuất khi có yêu cầu.", ["semiannual", "annual", "ad_hoc"]),
        ],
        ids=["bao-cao-nam-2026", "bao-cao-nam", "six-months-year-or-on-request"],
    )
    def test_a_year_named_is_one_report_and_a_year_listed_before_hoac_recurs(self, text: str, repeats: list[str]) -> None:
        assert [s.repeat for s in find_reports(text, ctx=CTX, warnings=[])] == repeats


def test_days_of_the_year_joined_by_va_are_each_a_due_of_the_yearly_report() -> None:
    (spec,) = find_reports("Các huyện gửi kết quả về Sở Y tế trước ngày 05/6 và 05/12 hằng năm để tổng hợp.", ctx=CTX, warnings=[])
    assert (spec.repeat, spec.dues) == ("annual", ["--06-05", "--12-05"])


@pytest.mark.parametrize(
    ("text", "to"),
    [
        ("Báo cáo tháng theo các chỉ tiêu từ A1 đến C3, số liệu chốt ngày 20 tháng báo cáo, gửi về Sở Y tế trước ngày 25 hằng tháng.",
         "Sở Y tế"),
    ],
    ids=["range-then-recipient"],
)
def test_the_end_of_a_range_is_no_recipient_and_the_month_reported_on_asks_nothing(text: str, to: str) -> None:
    specs = find_reports(text, ctx=CTX, warnings=[])
    assert [(s.repeat, s.dues, s.to) for s in specs] == [("monthly", ["---25"], to)]


@pytest.mark.parametrize(
    ("text", "repeat", "dues"),
    [
        ("Các đơn vị gửi báo cáo định kỳ 06 (sáu) tháng về Sở Tài chính chậm nhất ngày 08 (tám) tháng 6 (sáu).",
         "semiannual", ["--06-08"]),
        ("Các đơn vị gửi báo cáo định kỳ hằng quý về Sở Tài chính chậm nhất ngày 10 (mười) của tháng cuối quý.",
         "quarterly", ["---10"]),
        ("Các đơn vị gửi báo cáo định kỳ hằng năm về Sở Tài chính chậm nhất ngày 20 (hai mươi) tháng 11 (mười một).",
         "annual", ["--11-20"]),
    ],
    ids=["six-months", "quarter", "year"],
)
def test_numbers_followed_by_their_words_are_read_as_the_numbers(text: str, repeat: str, dues: list[str]) -> None:
    (spec,) = find_reports(text, ctx=CTX, warnings=[])
    assert (spec.repeat, spec.dues) == (repeat, dues)
