"""Letters that delegate, notices that share duties out, and reports whose days are listed (issue 12, batch
prose9), on texts of our own.

Each test states one rule a clerk follows: a body that delegates ("ủy quyền cho Y") gives the work to Y; a
member addressed as "Đồng chí <post>, <title>" is one person; periods listed together take the days listed
together, each the day in its place.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.dates import DateContext
from dondoc.parse.labels import label_owners
from dondoc.parse.owners import find_owners
from dondoc.parse.report_specs import find_reports
from dondoc.taskset import Source, TaskSet

CATALOG = load_catalog(Path(__file__).resolve().parents[3] / "config" / "observances.yaml")
CTX = DateContext(date(2026, 3, 2), 2026, 3)


def read(text: str) -> TaskSet:
    return parse_dispatch(text, source=Source(name="t"), observances=CATALOG)


@pytest.mark.parametrize(
    ("text", "lead", "support"),
    [
        # the body that delegates asks; the delegate does the work, with whom it cooperates
        ("Ủy ban nhân dân huyện ủy quyền cho Phòng Văn hóa chủ trì, phối hợp với Phòng Tài chính tham dự hội nghị.",
         ["Phòng Văn hóa"], ["Phòng Tài chính"]),
        ("UBND xã ủy quyền cho Công an xã tiếp nhận hồ sơ; sau đó báo cáo kết quả về UBND xã.", ["Công an xã"], []),
        # a delegate named without "cho" is still the delegate
        ("UBND tỉnh ủy quyền Sở Xây dựng thẩm định hồ sơ.", ["Sở Xây dựng"], []),
        # one who holds a delegation, or a paper of it, is named as such: no one is given work by it
        ("Sở Công Thương được ủy quyền ký thay.", ["Sở Công Thương"], []),
        ("Phòng Nội vụ nộp giấy ủy quyền cho Văn phòng HĐND và UBND huyện.", ["Phòng Nội vụ"], []),
        # funds passed down "ủy quyền" are money, not work given out
        ("UBND huyện phân bổ và cấp kinh phí ủy quyền cho UBND cấp xã để chi trả.", ["UBND huyện"], []),
    ],
)
def test_a_body_that_delegates_gives_the_work_to_the_delegate(text: str, lead: list[str], support: list[str]) -> None:
    o = find_owners(text)
    assert (o.lead, o.support) == (lead, support)


def test_a_letter_that_delegates_owns_its_request_by_the_delegate() -> None:
    ts = read("ỦY BAN NHÂN DÂN\nHUYỆN HÒA BÌNH\nSố: 12/UBND-VP\nV/v dự hội thảo\nKính gửi: Phòng Tư pháp\n"
              "UBND huyện nhận được giấy mời của Sở Tư pháp về hội thảo pháp luật đất đai.\n"
              "UBND huyện ủy quyền cho Phòng Tư pháp chủ trì tham dự hội thảo; sau hội thảo, báo cáo kết quả về UBND huyện.\n"
              "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nCHỦ TỊCH\nNguyễn Văn A\n")
    task = ts.tasks[0]
    assert [o.name for o in task.lead] == ["Phòng Tư pháp"]


@pytest.mark.parametrize(
    ("label", "owners"),
    [
        # one comrade, one person: the first post names the owner; what follows the comma is another title of theirs
        ("Đồng chí Giám đốc Sở Y tế, Phó Trưởng ban Thường trực:", ["Giám đốc Sở Y tế"]),
        ("Đồng chí Chủ tịch Hội Nông dân huyện, Thành viên Ban Chỉ đạo:", ["Chủ tịch Hội Nông dân huyện"]),
        ("Đ/c Phó Chủ tịch UBND xã, Tổ trưởng Tổ công tác:", ["Phó Chủ tịch UBND xã"]),
        # without an address the comma still lists owners
        ("Sở Y tế, Sở Tài chính:", ["Sở Y tế", "Sở Tài chính"]),
    ],
)
def test_a_comrade_named_with_two_titles_is_one_owner(label: str, owners: list[str]) -> None:
    assert label_owners(label) == owners


def test_a_notice_sharing_duties_out_gives_each_member_by_post() -> None:
    ts = read("BAN CHỈ ĐẠO HUYỆN\nSố: 05-TB/BCĐ\nTHÔNG BÁO\nPhân công nhiệm vụ thành viên Ban Chỉ đạo\n"
              "Ban Chỉ đạo huyện phân công nhiệm vụ các thành viên như sau:\n"
              "1. Đồng chí Phó Chủ tịch UBND huyện, Trưởng Ban: Phụ trách chung, chỉ đạo các xã.\n"
              "2. Đồng chí Trưởng Phòng Nội vụ, Phó Trưởng Ban thường trực: Theo dõi, đôn đốc các cơ quan thực hiện.\n")
    leads = {t.key: [o.name for o in t.lead] for t in ts.tasks}
    assert leads["1"] == ["Phó Chủ tịch UBND huyện"]
    assert leads["2"] == ["Trưởng Phòng Nội vụ"]


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        # two periods listed, then two days listed: each period takes the day in its place
        ("Định kỳ 6 tháng và hằng năm, các xã báo cáo UBND huyện trước ngày 20 tháng 6 và 20 tháng 12.",
         [("semiannual", "--06-20"), ("annual", "--12-20")]),
        ("Hằng quý, 6 tháng và hằng năm, Phòng Y tế báo cáo UBND huyện trước ngày 15/3, 15/6 và 15/12.",
         [("quarterly", "--03-15"), ("semiannual", "--06-15"), ("annual", "--12-15")]),
        ("Định kỳ 6 tháng và hằng năm tổng hợp, gửi Sở Nội vụ trước ngày 05 tháng 6 và ngày 05 tháng 12.",
         [("semiannual", "--06-05"), ("annual", "--12-05")]),
        # fewer days than periods: no pairing (the day goes where it went before: the last period named)
        ("Định kỳ 6 tháng và hằng năm, các xã báo cáo UBND huyện trước ngày 20 tháng 6.",
         [("semiannual", None), ("annual", "--06-20")]),
    ],
)
def test_periods_listed_together_take_the_days_listed_together_in_order(text: str, reports: list[tuple[str, str | None]]) -> None:
    assert [(s.repeat, s.due) for s in find_reports(text, ctx=CTX, warnings=[])] == reports


def test_a_title_that_only_names_whom_the_items_under_it_are_given_to_is_their_heading() -> None:
    ts = read("BAN CHỈ ĐẠO HUYỆN\nSố: 06-TB/BCĐ\nTHÔNG BÁO\nPhân công nhiệm vụ\n"
              "Ban Chỉ đạo huyện phân công nhiệm vụ như sau:\n"
              "1. Phân công Thường trực Ban Chỉ đạo huyện\n"
              "1.1. Đồng chí Chủ tịch UBND huyện: Phụ trách chung.\n"
              "1.2. Đồng chí Trưởng Công an huyện: Theo dõi an ninh, trật tự ở các xã.\n"
              "2. Giao Phòng Nội vụ\n"
              "2.1. Tổng hợp báo cáo của các thành viên.\n"
              "2.2. Chuẩn bị nội dung các cuộc họp.\n")
    leads = {t.key: [o.name for o in t.lead] for t in ts.tasks}
    assert "1" not in leads and "2" not in leads  # headings: no task of their own
    assert leads["1.1"] == ["Chủ tịch UBND huyện"]
    assert leads["2.1"] == ["Phòng Nội vụ"] and leads["2.2"] == ["Phòng Nội vụ"]


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        # a reply's word about what its issuer will do next asks nothing of the addressee
        ("Cục Thuế sẽ rà soát, đánh giá các quy định liên quan, báo cáo cấp có thẩm quyền và thông tin lại sớm nhất.", False),
        ("Sở Xây dựng sẽ nghiên cứu kiến nghị của Công ty và trả lời bằng văn bản.", False),
        # … while a request beside it still asks
        ("Đề nghị Công ty bổ sung hồ sơ trước ngày 15/4/2026; Sở Xây dựng sẽ rà soát và trả lời.", True),
    ],
)
def test_the_issuers_own_next_step_is_no_request(text: str, asks: bool) -> None:
    from dondoc.parse.prose import is_request

    assert is_request(text) is asks
