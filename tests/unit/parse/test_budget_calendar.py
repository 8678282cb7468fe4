"""A regulation's yearly calendar: articles titled by their topic over khoản that set days of their own are
work to follow, a day said with "năm trước" / "năm hiện hành" comes every year, a report sent on such a day is
annual, and the articles of a chapter "ĐIỀU KHOẢN THI HÀNH" are read one by one (the one that charges bodies
gives work, the effect clause none). Invented texts."""

from __future__ import annotations

from pathlib import Path

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.dates import DateContext, find_deadlines
from dondoc.taskset import Source, TaskSet

REPO = Path(__file__).resolve().parents[3]

CIRCULAR = """BỘ TÀI CHÍNH
Số: 77/2031/TT-BTC
Hà Nội, ngày 10 tháng 3 năm 2031
THÔNG TƯ
Quy định về kinh phí trợ giúp ngư dân gặp rủi ro trên biển

Chương I
QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh
Thông tư này quy định việc quản lý kinh phí trợ giúp ngư dân.

Chương II
DỰ TOÁN VÀ QUYẾT TOÁN

Điều 2. Giao dự toán
1. Bộ Tài chính giao dự toán cho Bộ Nông nghiệp theo quyết định của Thủ tướng Chính phủ.
2. Bộ Nông nghiệp giao dự toán cho các Sở Nông nghiệp trước ngày 28 tháng 12 năm trước.

Điều 3. Điều chỉnh dự toán
1. Giám đốc Sở Nông nghiệp quyết định việc điều chỉnh giữa các đơn vị trong tỉnh. Quyết định điều chỉnh được gửi đến các đơn vị và Kho bạc Nhà nước tỉnh để thực hiện.
2. Sở Nông nghiệp hoàn thành việc điều chỉnh trước ngày 10 tháng 11 năm hiện hành.

Điều 4. Quy định áp dụng
1. Mức trợ giúp áp dụng chung cho các tỉnh ven biển.
2. Mỗi lần gặp rủi ro, ngư dân được trợ giúp một lần.

Điều 5. Báo cáo quyết toán
Sở Nông nghiệp gửi báo cáo quyết toán về Bộ Nông nghiệp trước ngày 15 tháng 5 năm sau.

Chương III
ĐIỀU KHOẢN THI HÀNH

Điều 6. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 5 năm 2031.

Điều 7. Tổ chức thực hiện
1. Sở Nông nghiệp chịu trách nhiệm quản lý kinh phí và chi trả kịp thời cho ngư dân.
2. Kho bạc Nhà nước có trách nhiệm thanh toán kịp thời theo đề nghị của Sở Nông nghiệp.
"""


def _read(text: str) -> TaskSet:
    return parse_dispatch(text, source=Source(name="t"), observances=load_catalog(REPO / "config" / "observances.yaml"))


def test_a_bare_title_over_khoan_with_days_of_their_own_is_no_act_of_the_decision() -> None:
    tasks = {t.key: t for t in _read(CIRCULAR).tasks}
    assert "2.2" in tasks and tasks["2.2"].schedule.due == ["--12-28"]
    assert tasks["2.2"].schedule.repeat == "annual"
    assert "3.2" in tasks and tasks["3.2"].schedule.due == ["--11-10"]
    # a title over khoản that set no time of their own stays the rule it states
    assert not [k for k in tasks if k.split(".")[0] in ("1", "4")]


def test_the_articles_of_a_chapter_on_execution_are_read_one_by_one() -> None:
    tasks = {t.key: t for t in _read(CIRCULAR).tasks}
    assert {"7.1", "7.2"} <= set(tasks)
    assert tasks["7.1"].schedule.repeat == "continuous"
    assert not [k for k in tasks if k.split(".")[0] == "6"]


def test_a_report_due_on_a_day_of_the_cycle_year_is_annual() -> None:
    # (a decision delivered to those it binds, "Quyết định điều chỉnh được gửi đến các đơn vị …", is no report)
    reports = [t for t in _read(CIRCULAR).tasks if t.kind == "report"]
    assert [(r.schedule.repeat, r.schedule.due) for r in reports] == [("annual", ["--05-15"])]


def test_a_year_named_by_its_place_in_the_cycle_gives_a_day_of_every_year() -> None:
    ctx = DateContext(issued=None, year=2031, month=3)
    for said, due in (("trước ngày 20 tháng 11 năm trước", "--11-20"), ("chậm nhất ngày 15 tháng 11 năm hiện hành", "--11-15"),
                      ("trước ngày 31 tháng 3 năm sau", "--03-31"), ("trước ngày 20 tháng 11 năm 2031", "2031-11-20")):
        assert [d.due for d in find_deadlines(said, every_year=False, ctx=ctx, warnings=[])] == [due], said


GUIDANCE = """BỘ NỘI VỤ
Số: 12/2031/TT-BNV
THÔNG TƯ
Hướng dẫn trợ cấp cho người trông coi nghĩa trang thôn

Điều 1. Trình tự, thời hạn giải quyết trợ cấp
1. Người đề nghị nộp hồ sơ cho Ủy ban nhân dân cấp xã.
2. Trong thời hạn 05 ngày làm việc, kể từ ngày nhận đủ hồ sơ, Ủy ban nhân dân cấp xã tổng hợp, báo cáo Ủy ban nhân dân cấp huyện.
3. Chậm nhất là 10 ngày làm việc kể từ ngày nhận được báo cáo, Ủy ban nhân dân cấp huyện ra quyết định trợ cấp.

Điều 2. Tổ chức thực hiện
1. Bộ Tài chính: Trong thời gian không quá 07 ngày làm việc kể từ khi nhận được công văn đề nghị bổ sung kinh phí của địa phương có trách nhiệm cấp bổ sung kinh phí.
2. Ủy ban nhân dân cấp tỉnh có trách nhiệm chỉ đạo, kiểm tra việc chi trả trợ cấp.
3. Trong thời hạn 10 ngày làm việc kể từ ngày nhận đủ hồ sơ của các huyện, Sở Nội vụ tổng hợp, báo cáo Ủy ban nhân dân tỉnh.
"""


def test_a_procedure_whose_steps_count_days_from_receipt_stays_a_rule() -> None:
    keys = {t.key for t in _read(GUIDANCE).tasks}
    assert not [k for k in keys if k.split(".")[0] == "1"]
    assert {"2.1", "2.2"} <= keys


def test_a_duty_counted_from_each_request_it_answers_is_on_request() -> None:
    tasks = {t.key: t for t in _read(GUIDANCE).tasks}
    assert tasks["2.1"].schedule.repeat == "ad_hoc" and tasks["2.1"].schedule.relative is not None
    assert tasks["2.2"].schedule.repeat == "continuous"


def test_a_report_counted_from_each_file_it_sums_up_is_on_request() -> None:
    reports = [t for t in _read(GUIDANCE).tasks if t.kind == "report"]
    assert [(r.key.split(".R")[0], r.schedule.repeat) for r in reports] == [("2.3", "ad_hoc")]
    assert reports[0].schedule.relative is not None and "hồ sơ" in reports[0].schedule.relative.from_event
