"""Short urgent and prose letters (issue 12, batch cd: công điện, công văn giao việc, đôn đốc, lịch công tác),
on texts of our own.

Each test states one rule the real letters taught, in sentences written for the test (other agencies, dates and
topics than the letters read).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dondoc.errors import NothingToTrackError
from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.cadence import classify
from dondoc.parse.owners import find_owners
from dondoc.parse.prose import is_request
from dondoc.parse.reports import is_obligation
from dondoc.parse.sections import is_execution_clause
from dondoc.taskset import Source, TaskSet

CATALOG = load_catalog(Path(__file__).resolve().parents[3] / "config" / "observances.yaml")


def read(text: str) -> TaskSet:
    return parse_dispatch(text, source=Source(name="t"), observances=CATALOG)


def repeat_of(text: str) -> str:
    return classify(text, has_one_off_due=False, yearly_due=False, events=False, campaign=False)[0]


@pytest.mark.parametrize(
    ("text", "on_request"),
    [
        # what a cited text requires is no occasion to wait for
        ("Giao Sở Nông nghiệp tiếp tục hướng dẫn nông dân chuyển vụ theo yêu cầu tại Kế hoạch số 12/KH-UBND.", False),
        ("Đề nghị Sở Xây dựng rà soát các công trình theo yêu cầu và hướng dẫn tại Văn bản nêu trên.", False),
        ("Giao Sở Y tế tổng hợp số liệu theo yêu cầu của Bộ Y tế tại Công văn số 88/BYT-KH.", False),
        # nor the standard a piece of work keeps
        ("UBND các xã tổ chức cấp phát gạo cứu đói, bảo đảm tiến độ theo yêu cầu.", False),
        # a request that comes when someone asks still is one
        ("Sở Tài chính cung cấp số liệu theo yêu cầu của đoàn kiểm tra.", True),
        ("Các phòng chuyên môn báo cáo đột xuất khi có yêu cầu.", True),
    ],
    ids=["cited-plan", "cited-letter-with-guidance", "agency-in-a-letter", "progress-as-required",
         "asked-by-a-team", "whenever-asked"],
)
def test_as_required_by_a_text_is_no_request(text: str, on_request: bool) -> None:
    assert (repeat_of(text) == "ad_hoc") is on_request


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("Giao Giám đốc: Sở Y tế, Sở Giáo dục và Đào tạo, Đài Phát thanh tỉnh phối hợp tuyên truyền phòng dịch.",
         ["Giám đốc Sở Y tế", "Giám đốc Sở Giáo dục và Đào tạo", "Giám đốc Đài Phát thanh tỉnh"]),
        ("Yêu cầu Thủ trưởng: Ban Quản lý dự án tỉnh và Trung tâm Phát triển quỹ đất khẩn trương bàn giao mặt bằng.",
         ["Thủ trưởng Ban Quản lý dự án tỉnh", "Thủ trưởng Trung tâm Phát triển quỹ đất"]),
        # a post over a list of the kind's names stays as it was read
        ("Giao Giám đốc các Sở: Nội vụ, Tư pháp rà soát hồ sơ.", ["Giám đốc Sở Nội vụ", "Giám đốc Sở Tư pháp"]),
    ],
    ids=["post-over-three-bodies", "head-over-two-bodies", "post-over-kind-names"],
)
def test_a_post_said_once_before_a_list_of_bodies(text: str, lead: list[str]) -> None:
    assert find_owners(text).lead == lead


@pytest.mark.parametrize(
    ("text", "report"),
    [
        # a report that asks its recipient to decide is a submission: a task, no report to track (convention 11)
        ("Bộ Nội vụ chủ trì, khẩn trương báo cáo cấp có thẩm quyền quyết định trước ngày 15/3/2027 việc bổ sung biên chế.", False),
        ("Sở Xây dựng báo cáo UBND tỉnh phê duyệt phương án di dời trước ngày 20/6/2027.", False),
        # a report to be read, or one that cites a decision, still is one
        ("Sở Xây dựng báo cáo UBND tỉnh kết quả kiểm tra trước ngày 20/6/2027.", True),
        ("Các huyện báo cáo kết quả thực hiện Quyết định số 12/QĐ-UBND trước ngày 05/7/2027.", True),
    ],
    ids=["to-decide", "to-approve", "to-read", "on-a-cited-decision"],
)
def test_a_report_for_a_decision_is_a_submission(text: str, report: bool) -> None:
    assert is_obligation(text) is report


@pytest.mark.parametrize(
    ("text", "standing"),
    [
        ("5. Văn phòng Chính phủ theo chức năng, nhiệm vụ được giao, theo dõi, đôn đốc việc thực hiện Công điện này; "
         "báo cáo Thủ tướng Chính phủ những vấn đề vượt thẩm quyền.", True),
        ("Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện Chỉ thị này.", True),
        # a plan's focal point who follows it up has work of that plan; an office that reports on it, a report
        ("Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện Kế hoạch này.", False),
        ("Sở Tư pháp theo dõi, đôn đốc việc thực hiện Công điện này, báo cáo kết quả trước ngày 30/9/2027.", False),
    ],
    ids=["office-follows-up-a-telegram", "office-follows-up-a-directive", "a-plan-is-work", "a-department-reports"],
)
def test_the_issuers_office_following_up_is_a_standing_clause(text: str, standing: bool) -> None:
    assert is_execution_clause(text) is standing


def dues_of(text: str) -> list[str]:
    ts = read(text)
    return [d for t in ts.tasks for d in t.schedule.due]


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("1. Các tỉnh hoàn thành việc chi trả trợ cấp, xong trước ngày Tết Độc lập 02/9/2027.", "2027-09-02"),
        ("1. Sở Giáo dục sửa chữa các phòng học, chậm nhất trước ngày khai giảng 05/9/2027.", "2027-09-05"),
    ],
    ids=["national-day", "school-opening"],
)
def test_a_deadline_on_a_named_day_with_its_date(text: str, due: str) -> None:
    assert dues_of(text) == [due]


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        # the letter's subject line, when the header that holds it is lost, and a portal's headline over a letter
        ("Về việc báo cáo kết quả rà soát nhà tạm (125/VP-NC, ngày 04/3/2027).", False),
        ("V/v gửi danh sách cán bộ tham gia tập huấn trước ngày 10/3/2027.", False),
        ("UBND tỉnh chỉ đạo về việc góp ý dự thảo Thông tư của Bộ Xây dựng.", False),
        # a paragraph that opens on its topic and then asks someone still asks
        ("Về việc tập huấn, đề nghị Sở Nội vụ gửi danh sách về Văn phòng trước ngày 10/3/2027.", True),
        ("UBND tỉnh chỉ đạo Sở Xây dựng góp ý dự thảo Thông tư, gửi Bộ Xây dựng trước ngày 15/3/2027.", True),
    ],
    ids=["subject-line", "abbreviated-subject-line", "headline", "topic-then-ask", "directs-a-department"],
)
def test_a_subject_line_or_headline_asks_nothing(text: str, asks: bool) -> None:
    assert is_request(text, subjects=True) is asks


def test_a_body_and_its_head_by_post_are_one_owner() -> None:
    ts = read("Kính gửi: Sở Tư pháp.\n\nGiao Sở Tư pháp chủ trì rà soát các văn bản hết hiệu lực, hoàn thành trước ngày "
              "20/4/2027. Căn cứ nội dung này, Chủ tịch UBND tỉnh yêu cầu Giám đốc Sở Tư pháp triển khai thực hiện.")
    assert [[o.name for o in t.lead] for t in ts.tasks if t.kind == "action"] == [["Sở Tư pháp"]]


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        # whoever is concerned, no kind of body named, is no one directed (convention 10)
        ("UBND các xã chỉ đạo các cơ quan, đơn vị có liên quan trên địa bàn phối hợp dọn vệ sinh sau lũ.", ["UBND các xã"]),
        ("Sở Y tế chỉ đạo các đơn vị liên quan bảo đảm thuốc men.", ["Sở Y tế"]),
        # bodies of a kind are named
        ("UBND các huyện chỉ đạo các phòng, ban có liên quan rà soát hộ nghèo.", ["UBND các huyện", "các phòng, ban có liên quan"]),
    ],
    ids=["bodies-concerned-in-the-area", "units-concerned", "departments-concerned"],
)
def test_whoever_is_concerned_is_no_one_directed(text: str, lead: list[str]) -> None:
    assert find_owners(text).lead == lead


def test_a_report_asked_for_then_sent_by_a_date_is_one_report() -> None:
    ts = read("Kính gửi: Các sở, ngành.\n\nGiao các sở, ngành tỉnh; UBND các huyện báo cáo tình hình giải ngân vốn sự "
              "nghiệp năm 2027 theo đề nghị của Bộ Tài chính. Yêu cầu gửi báo cáo về Sở Tài chính trước ngày 12/6/2027.")
    reports = [(t.key, t.report_to, t.schedule.due) for t in ts.tasks if t.kind == "report"]
    assert reports == [("-.R1", "Sở Tài chính", ["2027-06-12"])]


@pytest.mark.parametrize(
    "item",
    [
        "Sở Văn hóa tổ chức tuyên truyền chào mừng kỷ niệm 75 năm Chiến thắng Điện Biên Phủ và Ngày Quốc khánh.",
        "Các huyện trang trí đường phố chào mừng kỷ niệm 60 năm Ngày Quốc khánh.",
    ],
    ids=["second-of-two-occasions", "the-occasion-counted"],
)
def test_an_anniversary_counted_in_years_is_this_years_occasion(item: str) -> None:
    ts = read(f"Kính gửi: Các sở, ngành; UBND các huyện.\n\nUBND tỉnh yêu cầu:\n1. {item}\n2. Các xã rà soát hộ nghèo.")
    task = next(t for t in ts.tasks if t.key == "1")
    assert (task.schedule.repeat, task.schedule.events) == ("once", ["--09-02"])


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("Sau khi xem xét, Chủ tịch UBND tỉnh có ý kiến chỉ đạo như sau: Giao Sở Y tế rà soát các trạm y tế xã.",
         ["Sở Y tế"]),
        ("UBND huyện có ý kiến như sau: giao Phòng Nội vụ tổng hợp danh sách.", ["Phòng Nội vụ"]),
    ],
    ids=["chairman-directs", "district-directs"],
)
def test_the_one_who_gives_its_opinion_is_no_owner(text: str, lead: list[str]) -> None:
    assert find_owners(text).lead == lead


_RELAYED = """Triển khai các biện pháp chống hạn cho vụ Đông Xuân
Ngày đăng: 05/01/2027
Ngày 04/01/2027, UBND tỉnh ban hành Công văn số 18/UBND-NN về việc chống hạn vụ Đông Xuân.

Theo đó, UBND tỉnh yêu cầu Sở Nông nghiệp và Môi trường, UBND các huyện triển khai thực hiện các nội dung:

Tập trung rà soát diện tích có nguy cơ thiếu nước, xây dựng phương án cấp nước cho từng vùng.

Tiếp tục vận động người dân sử dụng nước tiết kiệm.

Cổng TTĐT tỉnh
"""


def test_a_portal_item_relaying_a_dispatch_gives_its_requests() -> None:
    ts = read(_RELAYED)
    assert [(t.key, [o.name for o in t.lead]) for t in ts.tasks] == [
        ("-1", ["Sở Nông nghiệp và Môi trường", "UBND các huyện"]),
        ("-2", ["Sở Nông nghiệp và Môi trường", "UBND các huyện"]),
    ]


def test_a_news_report_of_a_speech_stays_refused() -> None:
    news = ("Sáng 04/01/2027, UBND tỉnh tổ chức hội nghị tổng kết. Phát biểu tại hội nghị, đồng chí Chủ tịch UBND tỉnh "
            "yêu cầu các sở, ngành:\n\nTập trung rà soát diện tích có nguy cơ thiếu nước.\n\nTin, ảnh: Minh Anh")
    with pytest.raises(NothingToTrackError):
        read(news)


def test_news_of_a_report_presented_at_a_session_is_refused() -> None:
    news = ("Sáng ngày 10/7, tại Kỳ họp thứ 9 HĐND tỉnh; thay mặt UBND tỉnh, đồng chí Phó Chủ tịch UBND tỉnh trình bày "
            "tóm tắt báo cáo kết quả giải quyết kiến nghị của cử tri.\n\nUBND tỉnh đã chỉ đạo các sở, ngành tập trung "
            "giải quyết, trả lời cử tri theo quy định.")
    with pytest.raises(NothingToTrackError):
        read(news)


_TELEGRAM = """ỦY BAN NHÂN DÂN
TỈNH HÀ NAM
Số: 05/CĐ-UBND
Hà Nam, ngày 03 tháng 8 năm 2027

CÔNG ĐIỆN
Về việc phòng, chống mưa lớn

{address}
- Giám đốc Sở Nông nghiệp và Môi trường;
- Chủ tịch UBND các huyện, thành phố.

Chủ tịch UBND tỉnh yêu cầu:
1. Tổ chức trực ban nghiêm túc, theo dõi sát diễn biến mưa lớn.
2. Sở Nông nghiệp và Môi trường kiểm tra an toàn các hồ chứa.
"""


@pytest.mark.parametrize(
    "address",
    ["CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐIỆN:", "Chủ tịch Ủy ban nhân dân tỉnh điện:"],
    ids=["in-capitals", "in-lower-case"],
)
def test_a_telegrams_address_line_names_its_addressees(address: str) -> None:
    ts = read(_TELEGRAM.format(address=address))
    assert ts.dispatch.recipients == ["Giám đốc Sở Nông nghiệp và Môi trường", "Chủ tịch UBND các huyện, thành phố"]
    # the item that names nobody falls to them
    assert [o.name for o in next(t for t in ts.tasks if t.key == "1").lead] == ts.dispatch.recipients


def test_electricity_in_a_sentence_is_no_address_line() -> None:
    text = ("UBND TỈNH HÀ NAM\nSố: 06/UBND-KT\n\nUBND tỉnh yêu cầu:\n1. Các sở kiểm tra an toàn lưới điện.\n"
            "2. Các xã tuyên truyền tiết kiệm năng lượng.\n\n"
            "Chủ tịch UBND các xã vận động người dân tiết kiệm điện: tắt đèn khi ra khỏi phòng.\n")
    assert read(text).dispatch.recipients == []


def test_directing_a_piece_of_work_still_asks() -> None:
    assert is_request("Sở Y tế chỉ đạo việc kiểm tra các cơ sở khám chữa bệnh tư nhân.", subjects=True)
