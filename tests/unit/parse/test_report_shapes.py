"""Shapes of reporting obligations met in real dispatches nobody here wrote (issue 12): heads that only
introduce their reports, cited reports, data periods, deadline-only paragraphs."""

from __future__ import annotations

from datetime import date

import pytest

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.reports import is_obligation
from dondoc.taskset import Source, Task
from tests.unit.parse.fixture_check import REPO


def _read(text: str) -> list[Task]:
    return parse_dispatch(text, source=Source(name="t"), observances=load_catalog(REPO / "config" / "observances.yaml")).tasks


REPORT_CALENDAR = """SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG TỈNH AN HÒA
Số: 310/SNNMT-VP
An Hòa, ngày 02 tháng 3 năm 2026
V/v thời hạn gửi báo cáo định kỳ
Kính gửi: Các phòng, đơn vị thuộc Sở
1. Các phòng, đơn vị thuộc Sở gửi báo cáo định kỳ về Văn phòng Sở:
- Trước ngày 12 (mười hai) của tháng báo cáo đối với báo cáo định kỳ hằng tháng;
- Chậm nhất ngày 10 (mười) của tháng cuối quý đối với báo cáo định kỳ hằng quý;
- Chậm nhất ngày 20 (hai mươi) tháng 11 (mười một) đối với báo cáo định kỳ hằng năm.
2. Văn phòng Sở tổng hợp, báo cáo Giám đốc Sở trước ngày 15 hằng tháng.
"""


def test_a_head_that_introduces_its_reports_gives_their_recipient_and_each_bullet_its_cadence_and_day() -> None:
    got = {t.key: (t.kind, t.schedule.repeat, t.schedule.due, t.report_to) for t in _read(REPORT_CALENDAR)}
    assert got["1.R1"] == ("report", "monthly", ["---12"], "Văn phòng Sở")
    assert got["1.R2"] == ("report", "quarterly", ["---10"], "Văn phòng Sở")
    assert got["1.R3"] == ("report", "annual", ["--11-20"], "Văn phòng Sở")
    assert "1.R4" not in got  # the head itself is no dateless report of its own
    # the monthly item's days are its reports' days of a month, not "--11-20" cut to "---20"
    assert got["1"][:3] == ("action", "monthly", ["---12", "---10"])


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Sở Nội vụ đã nhận được Báo cáo số 41/BC-UBND ngày 03/3/2026 của UBND huyện về kết quả tuyển dụng.", False),
        ("Đề nghị các phòng rà soát chênh lệch giữa Báo cáo và dự thảo Kế hoạch trước khi trình ngày 20/3/2026.", False),
        ("Báo cáo số 12/BC-STC ngày 01/3/2026 nêu rõ những khó khăn của các xã.", False),
        ("Báo cáo kết quả về Sở Nội vụ trước ngày 20/3/2026.", True),
        ("c) Báo cáo nhanh tình hình về UBND tỉnh trước 16 giờ hằng ngày.", True),
        ("Các xã hoàn thành rà soát; Báo cáo kết quả về UBND huyện trước ngày 25/3/2026.", True),
        ("Theo Báo cáo sơ kết của Phòng Kinh tế, nhiều hợp tác xã chưa nộp thuế đúng hạn ngày 10/3/2026.", False),
        ("Các trường chuẩn bị Báo cáo tổng kết năm học 2025-2026 trước ngày 30/5/2026.", True),
    ],
    ids=["received-report-by-number", "capital-inside-a-sentence", "cited-at-the-start", "verb-at-the-start",
         "verb-after-a-label", "verb-after-a-semicolon", "cited-after-theo", "capital-of-a-report-to-write"],
)
def test_a_report_named_by_its_number_or_its_capital_inside_a_sentence_is_a_document_not_a_request(text: str, asks: bool) -> None:
    assert is_obligation(text) is asks


@pytest.mark.parametrize(
    ("text", "dues"),
    [
        ("Báo cáo đợt 1 các số liệu lấy đến hết tháng 9/2026, gửi trước ngày 20/10/2026.", ["2026-10-20"]),
        ("Các đơn vị chốt số liệu đến ngày 25/3/2026 và gửi về Sở trước ngày 28/3/2026.", ["2026-03-28"]),
        ("Báo cáo biến động số học sinh từ đầu năm học đến ngày 15/4/2026; gửi trước ngày 18/4/2026.", ["2026-04-18"]),
        ("Hoàn thành việc rà soát đến hết tháng 5/2026.", ["2026-05-31"]),
    ],
    ids=["figures-taken-up-to", "figures-closed-on", "a-span-from-the-start-of-the-school-year", "still-a-deadline"],
)
def test_the_day_figures_are_taken_up_to_is_no_deadline(text: str, dues: list[str]) -> None:
    from dondoc.parse.dates import DateContext, find_deadlines

    found = find_deadlines(text, every_year=False, ctx=DateContext(date(2026, 3, 2), 2026, 3), warnings=[])
    assert [d.due for d in found if d.due] == dues


ROUNDS_THEN_A_TIME = """HỘI CỰU GIÁO CHỨC TỈNH AN HÒA
Số: 18/HCGC
V/v báo cáo hoạt động Hội năm 2026
An Hòa, ngày 02 tháng 3 năm 2026
Kính gửi: Các chi hội trực thuộc

Để chuẩn bị tổng kết năm, yêu cầu các chi hội tổng hợp báo cáo số liệu hoạt động năm 2026 theo mẫu gửi kèm.

Các số liệu năm 2026 ước tính đến hết tháng 12/2026. Trong đó, báo cáo đợt một các số liệu lấy đến hết tháng 9/2026; đợt hai báo cáo bổ sung các số liệu từ tháng 10/2026 đến tháng 12/2026.

Thời hạn gửi báo cáo chậm nhất là ngày 15/10/2026.
"""


def test_paragraphs_that_detail_the_figures_and_the_time_of_a_request_join_it_as_one_request() -> None:
    got = {t.key: (t.kind, t.schedule.repeat, t.schedule.due) for t in _read(ROUNDS_THEN_A_TIME)}
    assert got["-"] == ("action", "once", ["2026-10-15"])
    # the rounds named without a time or a recipient are the dated report told again
    assert [k for k in got if k != "-"] == ["-.R1"]
    assert got["-.R1"] == ("report", "once", ["2026-10-15"])


ELECTION_TABLE = """KẾ HOẠCH
Các mốc công việc bầu cử năm 2026 của huyện An Hòa

| TT | Nội dung công việc | Số ngày chậm nhất phải hoàn thành trước ngày bầu cử | Ngày chậm nhất phải hoàn thành |
|---|---|---|---|
| 1 | Mở hội nghị triển khai công tác bầu cử ở các xã. | | 20/01/2026 |
| 2 | Thành lập Ban bầu cử ở mỗi đơn vị bầu cử. | 70 ngày | 05/3/2026 |
"""


def test_a_column_of_dates_beside_a_count_of_days_before_an_event_gives_each_rows_due() -> None:
    got = {t.key: (t.schedule.repeat, t.schedule.due) for t in _read(ELECTION_TABLE)}
    assert got == {"1": ("once", ["2026-01-20"]), "2": ("once", ["2026-03-05"])}


@pytest.mark.parametrize(
    ("text", "to"),
    [
        ("Các xã báo cáo kết quả về Chủ tịch UBND huyện bằng văn bản trước ngày 20/4/2026.", "Chủ tịch UBND huyện"),
        ("Các trường gửi báo cáo về Phòng Giáo dục qua hệ thống quản lý văn bản trước ngày 20/4/2026.", "Phòng Giáo dục"),
        ("Các đơn vị gửi báo cáo về Sở Tư pháp theo mẫu gửi kèm trước ngày 20/4/2026.", "Sở Tư pháp"),
        ("Sở Nội vụ tổng hợp, báo cáo Bộ Nội vụ đúng quy định trước ngày 20/4/2026.", "Bộ Nội vụ"),
    ],
    ids=["in-writing", "through-a-system", "on-a-form", "as-the-rules-say"],
)
def test_how_a_report_is_sent_is_no_part_of_its_recipient(text: str, to: str) -> None:
    from dondoc.parse.dates import DateContext
    from dondoc.parse.report_specs import find_reports

    specs = find_reports(text, ctx=DateContext(date(2026, 3, 2), 2026, 3), warnings=[])
    assert [sp.to for sp in specs] == [to]


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("- Báo cáo quý: thời điểm lấy số liệu tính từ ngày 15 tháng trước đến ngày 14 của tháng cuối quý;", False),
        ("- Báo cáo năm: số liệu báo cáo được tính từ ngày 01/01 đến hết ngày 31/12 của năm báo cáo.", False),
        ("- Báo cáo năm: thời gian chốt số liệu ngày 30/11, gửi về Sở Tài chính trước ngày 05/12.", True),
    ],
    ids=["the-period-of-a-quarter", "the-period-of-a-year", "a-cut-off-and-a-time-to-send"],
)
def test_a_line_that_defines_the_period_of_a_reports_figures_asks_for_no_report(text: str, asks: bool) -> None:
    assert is_obligation(text) is asks


FORMS_THEN_TIMES = """SỞ CÔNG THƯƠNG TỈNH AN HÒA
Số: 120/SCT-QLTM
An Hòa, ngày 02 tháng 3 năm 2026
V/v chế độ báo cáo của các chợ đầu mối
Kính gửi: Ban quản lý các chợ đầu mối
1. Biểu mẫu báo cáo:
1.1. Báo cáo tình hình kinh doanh của chợ (Mẫu số 01/BC-CHO)
1.2. Báo cáo công tác phòng cháy tại chợ (Mẫu số 02/BC-CHO)
2. Thời hạn gửi báo cáo về Sở Công Thương:
- Báo cáo 6 tháng: trước ngày 10/6;
- Báo cáo năm: trước ngày 10/12.
"""


def test_the_forms_a_dispatch_names_are_no_tasks() -> None:
    keys = [t.key for t in _read(FORMS_THEN_TIMES)]
    assert not [k for k in keys if k.startswith("1")]
    assert [k for k in keys if k.startswith("2.R")] == ["2.R1", "2.R2"]


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Hằng tháng, Phòng Tổng hợp kiểm tra và tổng hợp báo cáo kết quả cho giám đốc sở.", True),
        ("Hằng quý, Văn phòng tổng hợp báo cáo về chủ tịch UBND xã.", True),
        ("Hằng tháng, Văn phòng tổng hợp báo cáo của các phòng.", False),
    ],
    ids=["to-the-director-in-lower-case", "to-the-chair-in-lower-case", "the-reports-of-the-sections"],
)
def test_a_post_written_in_lower_case_receives_a_report(text: str, asks: bool) -> None:
    assert is_obligation(text) is asks


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Đợt hai báo cáo bổ sung các số liệu từ tháng 10/2026 đến tháng 12/2026.", False),
        ("Báo cáo kết quả thực hiện trước tháng 10/2026.", True),
        ("1.1 Báo cáo kết quả thực hiện trước ngày 20/10/2026.", True),
        ("a/ Báo cáo số trung tâm đang hoạt động trước ngày 20/10/2026.", True),
    ],
    ids=["a-month-of-figures-is-no-time", "a-month-after-a-deadline-word-is", "after-a-numbered-label", "after-a-slashed-label"],
)
def test_when_a_report_is_asked(text: str, asks: bool) -> None:
    assert is_obligation(text) is asks


def test_a_span_whose_start_is_qualified_in_words_ends_in_no_deadline() -> None:
    from dondoc.parse.dates import DateContext, find_deadlines

    text = "Báo cáo quý II: số liệu từ ngày 15 tháng 3 của năm báo cáo đến ngày 14 tháng 6, gửi trước ngày 18/6/2026."
    found = find_deadlines(text, every_year=False, ctx=DateContext(date(2026, 3, 2), 2026, 3), warnings=[])
    assert [d.due for d in found if d.due] == ["2026-06-18"]


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("- Báo cáo Quý I: Tính từ ngày 15 tháng 12 của năm trước đến ngày 14 tháng 3 của năm báo cáo.", False),
        ("- Báo cáo Năm 2026 của các phòng gửi trước ngày 10/12/2026.", True),
        ("- Báo cáo UBND tỉnh kết quả thực hiện trước ngày 10/12/2026.", True),
    ],
    ids=["a-quarter-named-after-bao-cao-and-its-span", "a-year-named-and-a-time-to-send", "an-agency-after-bao-cao"],
)
def test_a_period_named_with_its_capital_after_bao_cao_is_no_recipient(text: str, asks: bool) -> None:
    assert is_obligation(text) is asks


@pytest.mark.parametrize(
    "text",
    [
        "Các phòng hoàn thành Báo cáo UBND huyện trước ngày 15/5/2026.",
        "Các xã xây dựng Báo cáo kết quả về Phòng Nội vụ trước ngày 15/5/2026.",
    ],
    ids=["to-an-agency-right-after", "sent-to-an-agency-later"],
)
def test_bao_cao_with_its_capital_that_goes_to_an_agency_is_still_a_report(text: str) -> None:
    assert is_obligation(text)


def test_closing_a_list_by_a_day_is_a_deadline_though_closing_the_figures_is_not() -> None:
    from dondoc.parse.dates import DateContext, find_deadlines

    ctx = DateContext(date(2026, 3, 2), 2026, 3)
    assert [d.due for d in find_deadlines("Các xã chốt danh sách trước ngày 20/5/2026.", every_year=False, ctx=ctx,
                                          warnings=[])] == ["2026-05-20"]


def test_a_forms_title_with_where_and_when_after_its_colon_is_a_task() -> None:
    from dondoc.parse.sections import is_section

    assert is_section("Biểu mẫu báo cáo:")
    assert not is_section("Mẫu báo cáo: các đơn vị gửi về Sở Tài chính trước ngày 20/5/2026.")


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Giao các phòng giải trình các nội dung theo Báo cáo số 12/BC-HĐND (sao gửi Báo cáo kèm theo).", False),
        ("Các phòng nghiên cứu dự thảo theo Công văn số 40/UBND (sao gửi Kế hoạch kèm theo).", False),
        ("Các xã gửi Báo cáo kết quả về Phòng Nội vụ trước ngày 20/5/2026.", True),
    ],
    ids=["a-copy-of-the-report-attached", "a-copy-of-the-plan-attached", "a-report-sent-to-an-agency"],
)
def test_a_document_named_after_gui_is_what_is_sent_not_to_whom(text: str, asks: bool) -> None:
    assert is_obligation(text) is asks


@pytest.mark.parametrize(
    "text",
    ["Tổ chức sơ kết, báo cáo kết quả vào tháng 10/2026.", "Hoàn thành rà soát, báo cáo kết quả đến hết tháng 10/2026."],
    ids=["in-a-month", "by-the-end-of-a-month"],
)
def test_a_month_after_a_deadline_word_times_a_report(text: str) -> None:
    assert is_obligation(text)
