"""Reporting obligations read in their context: chains, copies, prompt reports, the noun 'báo cáo'."""

from __future__ import annotations

from datetime import date

import pytest

from dondoc.parse.dates import DateContext, find_deadlines
from dondoc.parse.report_specs import find_reports
from dondoc.parse.reports import is_obligation

CTX = DateContext(date(2026, 3, 2), 2026, 3)


def reports(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(r.repeat, r.due, r.to) for r in find_reports(text, ctx=CTX, warnings=[])]


@pytest.mark.parametrize(
    "text",
    [
        "Tham mưu ban hành kế hoạch, báo cáo kết quả công tác bảo vệ BMNN của tỉnh năm 2026.",
        "Căn cứ tình hình quản lý đối tượng tại thời điểm báo cáo để xây dựng dự toán năm 2027.",
        "Thực hiện đúng chế độ báo cáo và các biểu mẫu báo cáo theo quy định.",
        "Báo cáo về tổng số đối tượng đang hưởng trợ cấp và tình hình chi trả.",
    ],
    ids=["bao-ve-is-no-ve", "thoi-diem-bao-cao", "che-do-bieu-mau", "report-on-a-topic"],
)
def test_the_noun_bao_cao_and_the_word_ve_of_bao_ve_ask_no_report(text: str) -> None:
    assert not is_obligation(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đối với các vụ lộ, mất bí mật nhà nước xảy ra phải báo cáo ngay về UBND tỉnh (qua Công an tỉnh).",
         [("ad_hoc", None, "UBND tỉnh (qua Công an tỉnh)")]),
        ("Những nơi cần thiết thành lập mới đội chuyên trách, báo cáo Bộ trưởng Bộ Quốc phòng xem xét, quyết định.",
         [("ad_hoc", None, "Bộ trưởng Bộ Quốc phòng")]),
        ("Theo dõi tình hình triển khai, kịp thời báo cáo những khó khăn phát sinh.", [("ad_hoc", None, None)]),
    ],
    ids=["bao-cao-ngay", "noi-can-thiet", "kip-thoi-bao-cao"],
)
def test_a_report_made_when_something_happens_is_ad_hoc(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert reports(text) == expected


def test_a_chain_keeps_its_undated_link_and_drops_a_copy_for_information() -> None:
    text = ("Các huyện xây dựng kế hoạch và gửi về UBND tỉnh trước ngày 28/3/2026; lập dự toán và gửi về Sở Tài "
            "chính thẩm định; báo cáo kết quả về UBND tỉnh trước ngày 10/11/2026; đồng thời gửi Sở Nội vụ biết, theo dõi.")
    got = reports(text)
    assert [(r, d) for r, d, _ in got] == [("once", "2026-03-28"), ("once", None), ("once", "2026-11-10")]
    assert got[1][2] == "Sở Tài chính"


def test_what_is_expected_within_a_year_is_no_deadline_but_what_must_be_finished_is() -> None:
    assert [d.due for d in find_deadlines("11 hoạt động dự kiến thực hiện trong năm 2026", every_year=False,
                                          ctx=CTX, warnings=[])] == []
    assert [d.due for d in find_deadlines("hoàn thành trong năm 2026", every_year=False, ctx=CTX,
                                          warnings=[])] == ["2026-12-31"]


def test_a_reports_date_is_the_one_after_its_verb() -> None:
    text = ("Phòng Văn hóa chủ trì xây dựng kế hoạch tuyên truyền, hoàn thành trước ngày 10/4/2026; tổng hợp kết quả, "
            "báo cáo UBND huyện trước ngày 25/5/2026.")
    assert reports(text) == [("once", "2026-05-25", "UBND huyện")]


PLAN_WITH_A_CLOSING_SECTION = """UBND HUYỆN HÒA BÌNH
Số: 77/KH-UBND
Hòa Bình, ngày 06 tháng 3 năm 2026
KẾ HOẠCH
Tuyên truyền phòng, chống dịch bệnh năm 2026
I. NỘI DUNG
1. Phòng Văn hóa chủ trì xây dựng kế hoạch tuyên truyền, hoàn thành trước ngày 10/4/2026; tổng hợp kết quả, báo cáo UBND huyện trước ngày 25/5/2026.
II. TỔ CHỨC THỰC HIỆN
Đề nghị các cơ quan, đơn vị triển khai thực hiện; báo cáo kết quả về UBND huyện (qua Phòng Y tế) trước ngày 15/12/2026. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, phản ánh về Phòng Y tế để được hướng dẫn./.
"""


def test_an_item_keeps_its_own_date_beside_its_reports_and_a_request_before_a_stock_clause_is_kept() -> None:
    from dondoc.observances import load_catalog
    from dondoc.parse import parse_dispatch
    from dondoc.taskset import Source
    from tests.unit.parse.fixture_check import REPO

    ts = parse_dispatch(PLAN_WITH_A_CLOSING_SECTION, source=Source(name="plan"),
                        observances=load_catalog(REPO / "config" / "observances.yaml"))
    got = {t.key: (t.kind, t.schedule.due) for t in ts.tasks}
    assert got["I.1"] == ("report", ["2026-04-10", "2026-05-25"])
    assert got["II"] == ("report", ["2026-12-15"])


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Phòng Nội vụ có trách nhiệm rà soát hồ sơ; tổng hợp báo cáo Ủy ban nhân dân huyện để chỉ đạo.", True),
        ("Phòng Tài chính kiểm tra, tổng hợp báo cáo kết quả cho Chủ tịch UBND huyện.", True),
        ("Để tổng hợp báo cáo UBND tỉnh, Sở Nội vụ đề nghị các đơn vị thực hiện như sau:", False),
        ("Quá thời hạn trên, Sở Nội vụ sẽ tổng hợp báo cáo UBND tỉnh xem xét trách nhiệm./.", False),
        ("Thực hiện tổng hợp báo cáo của các xã theo mẫu.", False),
    ],
    ids=["compiles-and-reports", "compiles-and-reports-to", "purpose", "intention", "the-reports-compiled"],
)
def test_compiling_and_reporting_to_an_agency_is_an_obligation_but_a_purpose_or_intention_is_not(text: str, asks: bool) -> None:
    assert is_obligation(text) is asks


def test_the_period_reported_on_is_no_report() -> None:
    assert not is_obligation("Số liệu của kỳ báo cáo 6 tháng tính từ ngày 01/01 đến ngày 30/6 của năm báo cáo.")


ONGOING_THEN_REPORT = """UBND TỈNH AN HÒA
Số: 15/KH-UBND
An Hòa, ngày 06 tháng 3 năm 2026
KẾ HOẠCH
Cải cách hành chính năm 2026
I. TỔ CHỨC THỰC HIỆN
1. Giao Sở Tư pháp chủ trì, theo dõi, đôn đốc, tổng hợp kết quả thực hiện, báo cáo UBND tỉnh.
2. Các sở, ngành gửi kết quả về Sở Tư pháp để tổng hợp, báo cáo UBND tỉnh.
"""


def test_an_ongoing_duty_that_ends_on_a_report_keeps_its_cadence_and_the_report_is_its_own() -> None:
    from dondoc.observances import load_catalog
    from dondoc.parse import parse_dispatch
    from dondoc.taskset import Source
    from tests.unit.parse.fixture_check import REPO

    ts = parse_dispatch(ONGOING_THEN_REPORT, source=Source(name="plan"),
                        observances=load_catalog(REPO / "config" / "observances.yaml"))
    got = {t.key: (t.kind, t.schedule.repeat, t.report_to) for t in ts.tasks}
    assert got["I.1"] == ("action", "continuous", None)
    assert got["I.1.R1"] == ("report", "once", "UBND tỉnh")
    # the senders' "để tổng hợp, báo cáo UBND tỉnh" is the purpose of their sending, no report of theirs to UBND tỉnh
    assert [t.report_to for t in ts.tasks if t.key.startswith("I.2")] == ["Sở Tư pháp"]
