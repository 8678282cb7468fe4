"""Rules brought in by the fixture dispatches 41-50 (styles the first 36 did not have), on texts of their own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dondoc.errors import NothingToTrackError
from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.dates import DateContext, find_deadlines
from dondoc.parse.items import read_marker
from dondoc.parse.owners import find_owners
from dondoc.taskset import Source, TaskSet

CATALOG = load_catalog(Path(__file__).resolve().parents[3] / "config" / "observances.yaml")
HEAD = "ỦY BAN NHÂN DÂN TỈNH AN HÒA\nSố: 12/KH-UBND\nAn Hòa, ngày 05 tháng 3 năm 2026\n\n"


def read(body: str) -> TaskSet:
    return parse_dispatch(HEAD + body, source=Source(name="t"), observances=CATALOG)


def keys(ts: TaskSet) -> list[str]:
    return [t.key for t in ts.tasks]


def task(ts: TaskSet, key: str):  # type: ignore[no-untyped-def]
    return next(t for t in ts.tasks if t.key == key)


@pytest.mark.parametrize(
    ("text", "lead", "support"),
    [
        ("Phòng Kinh tế chủ trì, phối hợp với Trạm Y tế xã hướng dẫn các hộ chăn nuôi.", ["Phòng Kinh tế"], ["Trạm Y tế xã"]),
        ("Công an xã phối hợp với Ban Chỉ huy Quân sự xã kiểm soát việc vận chuyển.", ["Công an xã"], ["Ban Chỉ huy Quân sự xã"]),
        ("Ban Công tác Mặt trận chủ trì, phối hợp với Chi hội Nông dân, Chi đoàn Thanh niên thôn tổ chức Ngày hội.",
         ["Ban Công tác Mặt trận"], ["Chi hội Nông dân", "Chi đoàn Thanh niên thôn"]),
        ("Phối hợp với Sở Y tế thăm hỏi người có uy tín khi ốm đau.", [], ["Sở Y tế"]),
        ("Bố trí công chức phụ trách chuyển đổi số tại Trung tâm Phục vụ hành chính công.", [], []),
    ],
)
def test_unit_heads_and_verbs_of_commune_documents(text: str, lead: list[str], support: list[str]) -> None:
    o = find_owners(text)
    assert (o.lead, o.support) == (lead, support)


def test_a_line_that_is_only_an_agency_owns_the_dash_bullets_under_it() -> None:
    ts = read("I. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế\n- Chỉ đạo các bệnh viện bố trí giường bệnh.\n"
              "- Báo cáo UBND tỉnh trước ngày 15/12 hằng năm.\n2. Công an tỉnh\n- Bảo đảm an ninh, trật tự.\n")
    # the bullets belong to their item (gold convention 3): its reporting bullet is its report task
    assert keys(ts) == ["I.1", "I.1.R1", "I.2"]
    assert [o.name for o in task(ts, "I.1").lead] == ["Sở Y tế"]
    assert [o.name for o in task(ts, "I.1.R1").lead] == ["Sở Y tế"]
    assert task(ts, "I.1.R1").kind == "report" and task(ts, "I.1.R1").schedule.due == ["--12-15"]
    assert [o.name for o in task(ts, "I.2").lead] == ["Công an tỉnh"]


def test_a_sentence_that_names_an_agency_keeps_its_bullets_in_one_task() -> None:
    ts = read("1. Sở Y tế chủ trì kiểm tra các cơ sở\n- tại các chợ;\n- tại các bếp ăn tập thể.\n")
    assert keys(ts) == ["1"]


def test_a_long_title_without_a_full_stop_over_lettered_points_is_no_task() -> None:
    ts = read("I. NỘI DUNG\n1. Các hoạt động kỷ niệm 95 năm Ngày thành lập Đoàn TNCS Hồ Chí Minh và Tháng Thanh niên năm 2026\n"
              "a) Các cơ sở Đoàn tổ chức sinh hoạt chủ điểm trong tháng 3/2026.\nb) Các cơ sở Đoàn ra quân tình nguyện.\n")
    assert keys(ts) == ["I.1.a", "I.1.b"]


def test_an_item_with_a_full_stop_over_its_points_stays_a_task() -> None:
    ts = read("1. Các cơ sở Đoàn tổ chức các hoạt động kỷ niệm, tuyên dương đoàn viên tiêu biểu trong toàn tỉnh trong tháng 3/2026.\n"
              "a) Sinh hoạt chủ điểm.\nb) Ra quân tình nguyện.\n")
    assert keys(ts) == ["1", "1.a", "1.b"]


@pytest.mark.parametrize("heading", ["**NHIỆM VỤ CỤ THỂ**", "Cụ thể như sau:", ""])
def test_the_closing_report_after_a_table_of_tasks_is_read(heading: str) -> None:
    ts = read(f"Sở Nội vụ đề nghị các cơ quan, đơn vị thực hiện như sau:\n\n{heading}\n\n"
              "| STT | Nội dung công việc | Đơn vị chủ trì | Thời hạn |\n|---|---|---|---|\n"
              "| 1 | Tổ chức đánh giá cán bộ | Các cơ quan, đơn vị | Trước ngày 10/12/2026 |\n\n"
              "Các đơn vị báo cáo kết quả về Sở Nội vụ trước ngày 20/12/2026.\n")
    assert keys(ts) == ["1", "R1"]
    r = task(ts, "R1")
    assert (r.kind, r.report_to, r.schedule.due, [o.name for o in r.lead]) == ("report", "Sở Nội vụ", ["2026-12-20"], ["Các đơn vị"])


def test_a_report_between_a_heading_items_table_and_the_next_item_is_kept_under_the_heading() -> None:
    ts = read("1. Các nhiệm vụ cụ thể:\n"
              "| STT | Nội dung công việc | Đơn vị chủ trì | Thời hạn |\n"
              "| 1 | Tổ chức đánh giá cán bộ | Sở Nội vụ | Trước ngày 10/12/2026 |\n"
              "Các đơn vị báo cáo kết quả về Sở Nội vụ trước ngày 20/12/2026.\n"
              "2. Sở Tài chính bố trí kinh phí thực hiện.\n")
    assert keys(ts) == ["1.1", "1.R1", "2"]


def test_a_request_broken_over_the_lines_of_a_pdf_gives_its_owners() -> None:
    ts = read("Thực hiện Công điện của Bộ Y tế về phòng, chống dịch bệnh mùa mưa, Sở Y tế đề nghị các đơn vị triển khai thực hiện\n"
              "một số nội dung\nsau:\n1. Tăng cường giám sát dịch bệnh tại cộng đồng.\n")
    assert [o.name for o in task(ts, "1").lead] == ["các đơn vị"]


@pytest.mark.parametrize(
    "text",
    [
        "1. Tổ chức các hoạt động chào mừng kỷ niệm 136 năm Ngày sinh Chủ tịch Hồ Chí Minh.",
        "1. Chăm sóc các nghĩa trang liệt sĩ nhân dịp Ngày Thương binh - Liệt sĩ (27/7/1947 - 27/7/2026).",
    ],
)
def test_an_anniversary_with_its_number_or_years_is_one_years_occasion(text: str) -> None:
    t = read(text + "\n").tasks[0]
    assert t.schedule.repeat == "once" and t.schedule.events


def test_an_observance_named_alone_is_every_year() -> None:
    t = read("1. Các cơ sở Đoàn tổ chức kỷ niệm Ngày thành lập Đoàn TNCS Hồ Chí Minh.\n").tasks[0]
    assert t.schedule.repeat == "annual" and t.schedule.events == ["--03-26"]


def test_the_subject_stops_before_the_motto_of_a_two_column_header() -> None:
    ts = parse_dispatch("SỞ Y TẾ\nSố: 15/SYT-NVY\nV/v phòng, chống dịch sốt xuất huyết\nvà bệnh tay chân miệng\n"
                        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nAn Hòa, ngày 04 tháng 7 năm 2026\n"
                        "1. Các bệnh viện bố trí giường bệnh.\n", source=Source(name="t"), observances=CATALOG)
    assert ts.dispatch.subject == "V/v phòng, chống dịch sốt xuất huyết và bệnh tay chân miệng"


DECISION = """ỦY BAN NHÂN DÂN TỈNH AN HÒA
Số: 90/QĐ-UBND
An Hòa, ngày 01 tháng 9 năm 2026
QUYẾT ĐỊNH
Ban hành Kế hoạch phòng cháy, chữa cháy năm 2026
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng cháy, chữa cháy năm 2026.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Thủ trưởng các sở, ban, ngành chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 2;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Văn An
KẾ HOẠCH
Phòng cháy, chữa cháy năm 2026
(Ban hành kèm theo Quyết định số 90/QĐ-UBND ngày 01/9/2026 của UBND tỉnh)
I. NHIỆM VỤ
"""


def test_a_plan_promulgated_after_the_signature_is_read_with_its_own_numbering() -> None:
    items = "".join(f"{k}. Công an tỉnh kiểm tra an toàn phòng cháy tại các chợ, đợt {k}, trước ngày {k}/10/2026.\n" for k in range(1, 9))
    ts = parse_dispatch(DECISION + items, source=Source(name="t"), observances=CATALOG)
    assert keys(ts) == [f"I.{k}" for k in range(1, 9)]  # not under Điều 2, though Nơi nhận stands early
    assert ts.dispatch.signer == "Lê Văn An"


def test_capitals_after_the_signature_without_kem_theo_are_no_plan() -> None:
    text = DECISION.replace("(Ban hành kèm theo Quyết định số 90/QĐ-UBND ngày 01/9/2026 của UBND tỉnh)\n", "")
    with pytest.raises(NothingToTrackError):  # the decision's own clauses hold no task
        parse_dispatch(text + "1. Công an tỉnh kiểm tra các chợ.\n", source=Source(name="t"), observances=CATALOG)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("trong thời hạn 10 ngày kể từ ngày Quyết định giao dự toán ngân sách có hiệu lực", "effect"),
        ("trong thời hạn 30 ngày kể từ ngày Quyết định này có hiệu lực", "effect"),
        ("trong vòng 07 ngày làm việc kể từ ngày Kế hoạch này được ban hành", "signing"),
        ("trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản này", "receipt"),
        ("trong thời hạn 10 ngày kể từ ngày Quyết định về kỹ thuật đo đạc được công bố", "receipt"),
    ],
)
def test_a_period_counted_from_a_documents_event(text: str, event: str) -> None:
    (d,) = find_deadlines(text, every_year=False, ctx=DateContext(), warnings=[])
    assert d.relative is not None and d.relative.from_event == event


def test_a_closing_broken_over_two_lines_is_cut_from_the_last_item() -> None:
    ts = read("1. Sở Y tế tăng cường giám sát dịch bệnh.\n2. Tăng cường kiểm tra vệ sinh môi trường tại các cơ sở y tế.\n"
              "Nhận được Công văn này, đề nghị Thủ trưởng các đơn vị khẩn trương triển khai thực\nhiện./.\n")
    t = task(ts, "2")
    assert "Nhận được" not in t.text and "Thủ trưởng các đơn vị" not in [o.name for o in t.lead]


def test_a_page_number_alone_on_a_line_is_no_text() -> None:
    ts = read("1. Sở Y tế tăng cường giám sát dịch bệnh tại các xã, phường.\n2\n- 3 -\n2. Công an tỉnh bảo đảm an ninh.\n")
    assert task(ts, "1").text == "Sở Y tế tăng cường giám sát dịch bệnh tại các xã, phường."


def test_a_closing_report_broken_over_two_lines_keeps_its_date() -> None:
    ts = read("1. Các bệnh viện bố trí giường bệnh.\nCác đơn vị báo cáo kết quả thực hiện về Sở Y tế trước\n"
              "ngày 20/12/2026 để tổng hợp./.\n")
    r = task(ts, "R1")
    assert (r.report_to, r.schedule.due) == ("Sở Y tế", ["2026-12-20"])


def test_a_capital_inside_a_wrapped_sentence_is_no_closing() -> None:
    ts = read("1. Sở Y tế chủ trì tổ chức kiểm tra.\n2. Các đơn vị tổng hợp tình hình, định kỳ hằng tháng gửi báo cáo về\n"
              "Sở Y tế (qua Phòng Nghiệp vụ Y) trước ngày 25 để tổng hợp, báo cáo UBND tỉnh.\n")
    assert keys(ts) == ["1", "2"] and task(ts, "2").kind == "report"


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Hoàn thành trước 17 giờ ngày 20/12/2026.", "2026-12-20"),
        ("Báo cáo trước 16 giờ 00 ngày 15/04/2026.", "2026-04-15"),
        ("Gửi về Sở Nội vụ trước 16h30, ngày 15/04/2026.", "2026-04-15"),
        ("Thời gian thực hiện: tháng 10/2026.", "2026-10-31"),
        ("Hoàn thành trong tháng 4, 5/2026.", "2026-05-31"),
    ],
)
def test_deadlines_with_an_hour_or_a_month_after_a_label(text: str, due: str) -> None:
    ctx = DateContext(date(2026, 3, 5), 2026, 3)
    assert [d.due for d in find_deadlines(text, every_year=False, ctx=ctx, warnings=[])] == [due]


def test_figures_up_to_a_month_are_no_deadline() -> None:
    ctx = DateContext(date(2026, 3, 5), 2026, 3)
    assert find_deadlines("Số liệu tính đến tháng 6/2026.", every_year=False, ctx=ctx, warnings=[]) == []


PARTY = """ĐẢNG BỘ TỈNH AN HÒA
TỈNH ỦY
*
Số 215-CV/TU
ĐẢNG CỘNG SẢN VIỆT NAM
An Hòa, ngày 10 tháng 3 năm 2026

Kính gửi: - Các đảng bộ trực thuộc Tỉnh ủy,
- Các ban xây dựng Đảng Tỉnh ủy.

Thường trực Tỉnh ủy đề nghị các cấp ủy thực hiện tốt các nội dung sau:

Một là, tổ chức tuyên truyền sâu rộng trong cán bộ, đảng viên và nhân dân.

Hai là, Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì tổ chức các hoạt động văn hóa, hoàn thành trước ngày 25/4/2026.

Ba là, các đảng bộ trực thuộc báo cáo kết quả về Tỉnh ủy trước ngày 10/5/2026.
"""


def test_a_party_document_numbers_without_a_colon_and_points_one_is_two_is() -> None:
    ts = parse_dispatch(PARTY, source=Source(name="t"), observances=CATALOG)
    assert ts.dispatch.number == "215-CV/TU"
    assert ts.dispatch.recipients == ["Các đảng bộ trực thuộc Tỉnh ủy", "Các ban xây dựng Đảng Tỉnh ủy"]
    assert keys(ts) == ["1", "2", "3"]
    assert [o.name for o in task(ts, "2").lead] == ["Ban Tuyên giáo và Dân vận Tỉnh ủy"]
    assert task(ts, "3").kind == "report" and task(ts, "3").schedule.due == ["2026-05-10"]


@pytest.mark.parametrize(("line", "value"), [("Thứ nhất, tăng cường …", 1), ("Thứ tư: bảo đảm …", 4), ("Năm là, …", 5)])
def test_ordinal_points(line: str, value: int) -> None:
    mk = read_marker(line)
    assert mk is not None and mk.value == value


@pytest.mark.parametrize("line", ["Thứ Hai, 14/04/2025 08:30", "Năm 2026, các sở tổ chức …", "Hai là tăng"])
def test_a_weekday_or_a_year_is_no_ordinal_point(line: str) -> None:
    assert read_marker(line) is None


def test_an_anniversary_written_with_its_years_is_that_days_occasion_this_year() -> None:
    t = read("1. Các sở tổ chức kỷ niệm 70 năm Ngày Thầy thuốc Việt Nam (27/02/1955 - 27/02/2025).\n").tasks[0]
    assert (t.schedule.events, t.schedule.repeat) == (["--02-27"], "once")
    t = read("1. Các sở báo cáo số liệu giai đoạn (01/01/2021 - 31/12/2025) về Sở Nội vụ.\n").tasks[0]
    assert t.schedule.events == []


TWO_COLUMNS = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH AN HÒA Độc lập - Tự do - Hạnh phúc
Số: 1290/KH-UBND An Hòa, ngày 18 tháng 6 năm 2026

KẾ HOẠCH
Tổ chức các hoạt động kỷ niệm Ngày Thương binh - Liệt sĩ

1. Sở Nội vụ tổ chức Lễ dâng hương vào ngày 26/7/2026.
"""


def test_a_two_column_header_on_shared_lines_gives_issuer_number_and_date() -> None:
    ts = parse_dispatch(TWO_COLUMNS, source=Source(name="t"), observances=CATALOG)
    d = ts.dispatch
    assert (d.issuer, d.number, d.issued_on) == ("Ủy ban nhân dân tỉnh An Hòa", "1290/KH-UBND", date(2026, 6, 18))


def test_the_name_of_the_documents_kind_is_no_issuer() -> None:
    ts = parse_dispatch("KẾ HOẠCH\nSố: 12/KH-UBND\nAn Hòa, ngày 18 tháng 6 năm 2026\n1. Sở Nội vụ tổ chức lễ.\n",
                        source=Source(name="t"), observances=CATALOG)
    assert ts.dispatch.issuer is None


def test_the_first_of_two_signatures_side_by_side_names_the_issuer() -> None:
    items = "".join(f"{k}. Hai bên phối hợp tuyên truyền, đợt {k}.\n" for k in range(1, 11))
    ts = parse_dispatch(items + "TM. BAN THƯỜNG VỤ HỘI LHPN TỈNH TM. SỞ GIÁO DỤC VÀ ĐÀO TẠO\nCHỦ TỊCH GIÁM ĐỐC\n",
                        source=Source(name="t"), observances=CATALOG)
    assert ts.dispatch.issuer == "Ban Thường vụ Hội LHPN tỉnh"


def test_owners_then_a_colon_then_their_duty_on_the_same_or_the_next_line() -> None:
    ts = read("1. Sở Nội vụ:\nLà cơ quan thường trực, chủ trì, phối hợp với các cơ quan liên quan tham mưu tổ chức lễ kỷ niệm.\n"
              "2. Sở Tài chính: Thẩm định, trình UBND tỉnh bố trí kinh phí, hoàn thành trước ngày 30/6/2026.\n"
              "3. Số lượng: 200 đại biểu.\n")
    assert [o.name for o in task(ts, "1").lead] == ["Sở Nội vụ"]
    assert [o.name for o in task(ts, "1").support] == ["các cơ quan liên quan"]
    assert [o.name for o in task(ts, "2").lead] == ["Sở Tài chính"]
    assert [o.name for o in task(ts, "3").lead] == []


def test_a_table_under_a_capital_heading_with_a_note_is_numbered_under_it() -> None:
    ts = read("I. MỤC TIÊU\nHoàn thành chuyển đổi số.\nII. NHIỆM VỤ, GIẢI PHÁP\n(Chi tiết tại Phụ lục kèm theo)\n"
              "| TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |\n|---|---|---|---|\n"
              "| I | Hoàn thiện thể chế | | |\n| 1 | Ban hành Quy chế | Sở Nội vụ | Quý II/2026 |\n"
              "| 2 | Phủ sóng 5G | Các doanh nghiệp viễn thông | 2026 - 2027 |\n")
    assert keys(ts) == ["II.I.1", "II.I.2"]
    assert task(ts, "II.I.2").schedule.due == ["2027-12-31"]
