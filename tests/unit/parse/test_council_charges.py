"""A people's council resolution read as a clerk reads it (dondoc/parse/sections.py, cadence.py, units.py,
rules.py, reports.py, items.py): the charge to carry it out stays one task done once even when the article
goes on with the standing supervision clause or the passage formula; the council's approval of a plan or
its assessment, with the council named as subject, is no task; dates of cited documents are no calendar
milestones; "báo cáo … với X" reports to X; the units under "Giám sát chuyên đề:" are topics of the year and
those under "Giám sát thường xuyên:" go on; a label written twice keys its second "#2". The texts are our own,
in the shapes real resolutions take."""

from __future__ import annotations

import pytest

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.dates import DateContext
from dondoc.parse.report_specs import find_reports
from dondoc.parse.sections import approves, is_execution_clause, without_closing_clauses
from dondoc.taskset import Source
from tests.unit.parse.fixture_check import REPO

CATALOG = load_catalog(REPO / "config" / "observances.yaml")
HEAD = ("NGHỊ QUYẾT\nVỀ MỘT VIỆC\nHỘI ĐỒNG NHÂN DÂN TỈNH AN THÀNH\nKHÓA X, KỲ HỌP THỨ 4\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT NGHỊ:\n")


def _read(body: str) -> dict[str, tuple[str, list[str]]]:
    ts = parse_dispatch(HEAD + body, source=Source(name="nq.txt", sha256="0" * 64), observances=CATALOG)
    return {t.key: (t.schedule.repeat, [o.name for o in t.lead]) for t in ts.tasks if t.kind == "action"}


@pytest.mark.parametrize(
    "article",
    [
        # the charge, then the supervision clause in the same article
        "Điều 3. Hội đồng nhân dân tỉnh giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết.\n"
        "Hội đồng nhân dân tỉnh giao\nThường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh giám sát quá\n"
        "trình thực hiện Nghị quyết.",
        # the charge wrapped after "Giao", then the passage formula
        "Điều 3. Giao\nỦy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.\nNghị quyết này đã được Hội đồng nhân\n"
        "dân tỉnh An Thành khóa X, Kỳ họp thứ 4 thông qua ngày 10 tháng 7 năm 2019 và có hiệu lực kể từ ngày 20 tháng 7 năm 2019./.",
    ],
)
def test_the_charge_stays_once_before_closing_clauses(article: str) -> None:
    body = "Điều 1. Quy định mức chi cho công tác hòa giải ở cơ sở là 200.000 đồng/vụ việc.\nĐiều 2. Bãi bỏ Nghị quyết số 5/2015/NQ-HĐND.\n"
    got = _read(body + article)
    assert got == {"3": ("once", ["Ủy ban nhân dân tỉnh"])}


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("Giao Ủy ban nhân dân tỉnh tổ chức thực hiện. Thường trực Hội đồng nhân dân tỉnh giám sát quá trình thực hiện Nghị quyết.",
         "Giao Ủy ban nhân dân tỉnh tổ chức thực hiện."),
        # a closing sentence that gives work stays
        ("Giao Sở Tư pháp rà soát. Sở Tài chính bảo đảm kinh phí.", "Giao Sở Tư pháp rà soát. Sở Tài chính bảo đảm kinh phí."),
        # the first sentence always stays
        ("Thường trực Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết này.",
         "Thường trực Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết này."),
    ],
)
def test_without_closing_clauses(text: str, left: str) -> None:
    assert without_closing_clauses(text) == left


@pytest.mark.parametrize(
    ("text", "yes"),
    [
        ("Hội đồng nhân dân tỉnh thống nhất thông qua phương hướng, nhiệm vụ 6 tháng cuối năm, gồm:", True),
        ("Hội đồng nhân dân tỉnh thống nhất đánh giá kết quả thực hiện nhiệm vụ 6 tháng đầu năm:", True),
        ("HĐND tỉnh thông qua Đề án phát triển du lịch:", True),
        # the council's stance over the requests that follow is no approval of a plan (convention 29)
        ("Hội đồng nhân dân tỉnh thống nhất với nội dung chất vấn và trả lời chất vấn, cụ thể như sau:", False),
        ("Hội đồng nhân dân tỉnh giao Ủy ban nhân dân tỉnh thông qua kế hoạch.", False),
    ],
)
def test_council_approval_with_its_name(text: str, yes: bool) -> None:
    assert approves(text) is yes


def test_supervision_clause_over_the_process() -> None:
    assert is_execution_clause("Các đại biểu Hội đồng nhân dân tỉnh giám sát quá trình thực hiện Nghị quyết.")
    assert not is_execution_clause("Ban Pháp chế giám sát quá trình giải phóng mặt bằng tại các huyện.")


def test_approved_tasks_are_the_charge_of_the_executive() -> None:
    body = ("Điều 1. Hội đồng nhân dân tỉnh thống nhất đánh giá kết quả 6 tháng đầu năm như báo cáo của Ủy ban nhân dân tỉnh.\n"
            "Điều 2. Hội đồng nhân dân tỉnh thống nhất thông qua phương hướng, nhiệm vụ 6 tháng cuối năm, trong đó tập trung:\n"
            "1. Đẩy nhanh tiến độ giải ngân vốn đầu tư công.\n2. Tăng cường phòng, chống dịch bệnh trên cây trồng.\n"
            "Điều 3. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết.\n")
    assert _read(body) == {"3": ("once", ["Ủy ban nhân dân tỉnh"])}


def test_dates_of_cited_documents_are_no_milestones() -> None:
    body = ("Điều 1. Quy định định mức chi phí hỗ trợ như sau:\n"
            "1. Đối tượng áp dụng: các tổ chức thực hiện dự án theo Nghị định số 12/2016/NĐ-CP ngày 02/12/2016 của Chính phủ.\n"
            "2. Định mức: không quá 30% định mức tại Quyết định số 79/QĐ-BXD ngày 15/02/2017 của Bộ Xây dựng.\n"
            "Điều 2. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.\n")
    assert _read(body) == {"2": ("once", ["Ủy ban nhân dân tỉnh"])}


@pytest.mark.parametrize(
    ("text", "to"),
    [
        ("Các Ban xây dựng chương trình giám sát của Ban; báo cáo kết quả thực hiện với Thường trực Hội đồng nhân dân tỉnh.",
         "Thường trực Hội đồng nhân dân tỉnh"),
        ("Báo cáo kết quả với Sở Nội vụ trước ngày 15/12/2019.", "Sở Nội vụ"),
    ],
)
def test_report_with_names_its_recipient(text: str, to: str) -> None:
    specs = find_reports(text, ctx=DateContext(None, 2019, None, ()), warnings=[])
    assert [sp.to for sp in specs] == [to]


@pytest.mark.parametrize(
    "text",
    ["Sở Y tế tổng hợp số liệu, phối hợp với Sở Tài chính thực hiện.", "Tổng hợp tình hình đối với các huyện miền núi."],
)
def test_voi_of_cooperating_names_no_recipient(text: str) -> None:
    assert find_reports(text, ctx=DateContext(None, 2019, None, ()), warnings=[]) == []


def test_programme_headings_set_the_cadence_of_their_units() -> None:
    body = ("Điều 1. Ban hành Chương trình giám sát năm 2020 của Hội đồng nhân dân tỉnh như sau:\n"
            "1. Giám sát chuyên đề:\na) Kết quả thực hiện chương trình xây dựng nông thôn mới.\n"
            "b) Việc quản lý, sử dụng đất công tại các xã.\n"
            "2. Giám sát thường xuyên:\na) Việc ban hành văn bản quy phạm pháp luật của Ủy ban nhân dân tỉnh.\n"
            "b) Việc giải quyết khiếu nại, tố cáo của công dân.\n"
            "Điều 2. Giao Thường trực Hội đồng nhân dân tỉnh tổ chức thực hiện Nghị quyết này.\n")
    got = _read(body)
    assert {k: v[0] for k, v in got.items() if k.startswith("1.")} == {
        "1.1.a": "once", "1.1.b": "once", "1.2.a": "continuous", "1.2.b": "continuous"}


def test_a_label_written_twice_is_keyed_again_under_its_heading() -> None:
    body = ("Điều 1. Hội đồng nhân dân tỉnh đề nghị Ủy ban nhân dân tỉnh chỉ đạo thực hiện các việc sau:\n"
            "1. Về đất đai: rà soát quỹ đất công trước ngày 30/9/2019.\n2. Về đầu tư:\na) Bố trí đủ vốn cho dự án trọng điểm.\n"
            "b) Hoàn thành cầu Tân Lập trong quý IV năm 2019.\n2. Về quốc phòng: hoàn tất thủ tục thu hồi đất thao trường.\n"
            "Điều 2. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.\n")
    keys = sorted(_read(body))
    assert "1.2#2" in keys and "1.2.a" in keys


def test_the_body_that_asks_in_a_heading_owns_nothing_under_it() -> None:
    body = ("Điều 1. Tán thành nội dung Báo cáo kết quả giám sát của Đoàn giám sát.\n"
            "Điều 2. Ủy ban thường vụ Quốc hội yêu cầu Chính phủ chỉ đạo các bộ thực hiện các giải pháp sau:\n"
            "1. Rà soát các văn bản hướng dẫn về hỗ trợ giống cây trồng, hoàn thành trong năm 2013.\n"
            "2. Tăng cường thanh tra việc sử dụng kinh phí hỗ trợ.\n")
    got = _read(body)
    assert set(got) == {"2.1", "2.2"}
    assert all("Ủy ban thường vụ Quốc hội" not in lead and "Chính phủ" in lead for _, lead in got.values())


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        # a report at a session of a named month, and a yearly one: two reports
        ("Chính phủ báo cáo Ủy ban thường vụ Quốc hội kết quả thực hiện tại phiên họp tháng 8 năm 2014; định kỳ hằng năm "
         "báo cáo Quốc hội về tình hình thực hiện chính sách.", [("once", "2014-08-31"), ("annual", None)]),
        # a report at a mid-year session and one at the next session: two reports, neither dated
        ("Thường trực xây dựng kế hoạch; báo cáo kết quả giám sát trình Hội đồng nhân dân vào kỳ họp giữa năm 2020; theo dõi "
         "việc thực hiện kiến nghị và báo cáo Hội đồng nhân dân tại kỳ họp gần nhất.", [("once", None), ("once", None)]),
    ],
)
def test_reports_each_with_a_time_of_its_own(text: str, reports: list[tuple[str, str | None]]) -> None:
    specs = find_reports(text, ctx=DateContext(None, 2013, None, ()), warnings=[])
    assert [(sp.repeat, sp.due) for sp in specs] == reports


@pytest.mark.parametrize(
    ("text", "yes"),
    [
        ("Ủy ban thường vụ Quốc hội đánh giá cao những kết quả đạt được trong việc thực hiện chính sách.", True),
        ("Quốc hội ghi nhận những cố gắng của Chính phủ.", True),
        ("Ủy ban thường vụ Quốc hội yêu cầu Chính phủ báo cáo kết quả.", False),
    ],
)
def test_the_issuer_acknowledging_names_itself_first(text: str, yes: bool) -> None:
    from dondoc.parse.sections import acknowledges
    assert acknowledges(text) is yes


def test_a_heading_naming_the_education_department_is_its_owner() -> None:
    body = ("Điều 1. Giao nhiệm vụ cho các cơ quan như sau:\n1. Sở Giáo dục và Đào tạo:\n"
            "a) Đưa nội dung giáo dục an toàn giao thông vào hoạt động ngoại khóa.\n"
            "b) Tổ chức cuộc thi tìm hiểu luật giao thông trong tháng 10/2019.\n")
    got = _read(body)
    assert got["1.1.a"][1] == ["Sở Giáo dục và Đào tạo"] and got["1.1.b"][1] == ["Sở Giáo dục và Đào tạo"]
