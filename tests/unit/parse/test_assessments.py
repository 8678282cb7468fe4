"""A conclusion's assessment of the period past, and a speech's list of work done (issue 12, batch vbai), on
texts of our own.

A notice of conclusions opens with how the quarter went ("1. Trong quý II năm 2025, … các xã đã …; Tuy nhiên
… còn hạn chế") or puts the assessment under a topic title ("I. Về tình hình … Nhìn chung, … đã …") before
the work it gives; a speech lists what its author has done ("… đã thực hiện một số công việc sau:"). Neither
is work to track; what follows them still is.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dondoc.errors import NothingToTrackError
from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.assessments import assesses
from dondoc.parse.rules import guidance_intro
from dondoc.taskset import Source, TaskSet

CATALOG = load_catalog(Path(__file__).resolve().parents[3] / "config" / "observances.yaml")


def read(text: str) -> TaskSet:
    return parse_dispatch(text, source=Source(name="t"), observances=CATALOG)


@pytest.mark.parametrize(
    ("text", "only_assesses"),
    [
        ("Trong quý II năm 2025, dù thời tiết bất lợi, các xã đã hoàn thành phần lớn chỉ tiêu được giao.\n"
         "Tuy nhiên, việc thu ngân sách còn chậm, vẫn cần phải thẳng thắn nhìn nhận.", True),
        ("Nhìn chung, việc sắp xếp các phòng chuyên môn bước đầu đã ổn định, cán bộ đã quen việc.", True),
        ("Thời gian qua, các trường đã tổ chức tốt việc tuyển sinh; phong trào thi đua tiếp tục được duy trì.", True),
        # the assessment goes on to ask: a task
        ("Nhìn chung, các xã đã làm tốt. Đề nghị Ủy ban nhân dân các xã tiếp tục rà soát hồ sơ tồn đọng.", False),
        ("Trong năm 2025, các đơn vị đã cố gắng; cần khắc phục ngay tình trạng chậm trễ.", False),
        ("Trong quý III, các xã đã triển khai; phải hoàn thành việc cấp giấy trước ngày 30/9/2025.", False),
        # a period that opens work to come, not an assessment
        ("Trong tháng 8/2025, Sở Nội vụ rà soát biên chế các đơn vị.", False),
        ("Nhìn chung cần tập trung chỉ đạo quyết liệt hơn.", False),
    ],
)
def test_what_only_assesses_the_period_past(text: str, only_assesses: bool) -> None:
    assert assesses(text) is only_assesses


_NOTICE = """ỦY BAN NHÂN DÂN
TỈNH HÒA AN
Số: 15/TB-UBND
THÔNG BÁO
Kết luận của Phó Chủ tịch UBND tỉnh tại buổi làm việc với các xã vùng biên
Sau khi nghe báo cáo, Phó Chủ tịch UBND tỉnh kết luận như sau:
I. Về kết quả thực hiện nhiệm vụ sáu tháng đầu năm
Nhìn chung, các xã vùng biên đã hoàn thành cơ bản các chỉ tiêu; đời sống người dân từng bước được nâng lên.
Tuy nhiên, hạ tầng giao thông còn thiếu, cán bộ còn mỏng.
1. Nhiệm vụ thời gian tới:
a) Giao Sở Xây dựng khảo sát tuyến đường liên xã, báo cáo UBND tỉnh trước ngày 15/10/2025.
b) Giao Sở Nội vụ hướng dẫn các xã bố trí cán bộ.
II. Về kiến nghị của các xã
Giao Sở Tài chính tổng hợp, đề xuất kinh phí sửa chữa trụ sở.
"""


def test_an_assessment_under_a_topic_title_heads_the_work_below_it() -> None:
    ts = read(_NOTICE)
    keys = [t.key for t in ts.tasks]
    assert "I" not in keys  # the title and its assessment: no task
    assert {"I.1.a", "I.1.b", "II"} <= set(keys)


def test_a_numbered_assessment_is_no_task_and_its_quarter_no_deadline() -> None:
    text = """THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với các phường
1. Trong quý I năm 2026, mặc dù còn khó khăn, các phường đã chủ động triển khai các nhiệm vụ, cơ bản hoàn thành kế hoạch.
Tuy nhiên, việc giải ngân vốn còn chậm.
2. Đề nghị Ủy ban nhân dân các phường tiếp tục đẩy nhanh giải ngân vốn đầu tư công.
"""
    ts = read(text)
    assert [t.key for t in ts.tasks] == ["2"]


@pytest.mark.parametrize(
    ("intro", "lists_work_done"),
    [
        ("Để ổn định tình hình tôn giáo, Ủy ban nhân dân tỉnh đã thực hiện tốt một số công việc sau:", True),
        ("Qua một năm triển khai, Sở Y tế đã đạt được một số kết quả sau:", True),
        # a request to those who did the work: its items ask
        ("Đề nghị các sở đã triển khai thực hiện các công việc sau:", False),
        ("Đề nghị các đơn vị thực hiện tốt một số công việc sau:", False),
    ],
)
def test_a_list_of_work_done(intro: str, lists_work_done: bool) -> None:
    assert guidance_intro(intro) is lists_work_done


def test_a_speech_that_lists_what_was_done_asks_nothing() -> None:
    text = """BÀI PHÁT BIỂU CỦA LÃNH ĐẠO UBND TỈNH TẠI HỘI NGHỊ NGÀNH
Kính thưa các đồng chí!
Thời gian qua, để giữ ổn định tình hình về đất đai liên quan đến tôn giáo, Ủy ban nhân dân tỉnh đã thực hiện tốt một số công việc sau:
(1) Nắm chắc tình hình từng cơ sở thờ tự, giải quyết dứt điểm từng vụ việc ngay tại cơ sở.
(2) Ban hành kế hoạch riêng cho mỗi vụ việc, phân công từng sở, ngành và định kỳ đánh giá kết quả.
(3) Phát tờ rơi, tổ chức đối thoại với chức sắc, tín đồ để tạo đồng thuận.
Xin trân trọng cảm ơn./.
"""
    with pytest.raises(NothingToTrackError):
        read(text)


@pytest.mark.parametrize(
    ("text", "repeat"),
    [
        # a review among the duties of a charge that goes on: the whole is ongoing work
        ("Tập trung rà soát, khai thác lợi thế của từng xã; đẩy mạnh chuyển đổi cây trồng, vật nuôi.", "continuous"),
        ("Rà soát quỹ đất còn trống để đấu giá. Tiếp tục quản lý chặt chẽ trật tự xây dựng trên địa bàn.", "continuous"),
        # a review alone is one-off; so is a charge that opens with a deliverable (its product comes first)
        ("Rà soát toàn bộ hồ sơ đất đai tồn đọng của các hộ dân.", "once"),
        ("Ban hành quy chế phối hợp; tiếp tục cập nhật danh sách thành viên.", "once"),
        # "tiếp tục" inside the title of a document cited opens no duty
        ("Rà soát số giường bệnh thực kê. Cơ sở bổ sung nhân lực theo Chỉ thị số 25/CT-BYT về việc tiếp tục tăng cường "
         "quản lý khám chữa bệnh.", "once"),
    ],
)
def test_a_review_among_ongoing_duties(text: str, repeat: str) -> None:
    from dondoc.parse.cadence import classify

    assert classify(text, has_one_off_due=False, yearly_due=False, events=False, campaign=False)[0] == repeat


@pytest.mark.parametrize(
    ("text", "dues"),
    [
        # a level aimed at by a date: a target, like "mục tiêu … năm 2026"
        ("Phấn đấu đến hết quý III/2025 tỷ lệ giải ngân đạt trên 60%, đến cuối năm 2025 thu ngân sách vượt 100% dự toán.", []),
        ("Phấn đấu đến ngày 30/6/2025 tỷ lệ hồ sơ trực tuyến đạt 80%.", []),
        # a deadline for work, even where the issuer strives for it, stays one
        ("Phấn đấu hoàn thành việc cấp giấy chứng nhận trước ngày 30/9/2025.", ["2025-09-30"]),
        ("Rà soát hồ sơ, hoàn thành trước ngày 15/10/2025; tỷ lệ hồ sơ đạt chuẩn 100%.", ["2025-10-15"]),
    ],
)
def test_a_level_aimed_at_by_a_date_is_no_deadline(text: str, dues: list[str]) -> None:
    from datetime import date

    from dondoc.parse.dates import DateContext, find_deadlines

    ctx = DateContext(issued=date(2025, 5, 1), year=2025, month=5)
    assert [d.due for d in find_deadlines(text, every_year=False, ctx=ctx, warnings=[]) if d.due] == dues
