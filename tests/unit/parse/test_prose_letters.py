"""Letters of ministries and provinces written as prose (issue 12, batch prose7), on texts of our own.

Each test states one rule the real letters taught: how they address a post, which abbreviations
stand for a body, which predicates end a name, how a flattened header carries its "Kính gửi" list.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dondoc.errors import NothingToTrackError
from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.header import parse_header
from dondoc.parse.lines import split_lines
from dondoc.parse.owners import find_owners
from dondoc.taskset import Source, TaskSet

CATALOG = load_catalog(Path(__file__).resolve().parents[3] / "config" / "observances.yaml")


def read(text: str) -> TaskSet:
    return parse_dispatch(text, source=Source(name="t"), observances=CATALOG)


def leads(ts: TaskSet, key: str) -> list[str]:
    return [o.name for o in next(t for t in ts.tasks if t.key == key).lead]


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        # the abbreviated address "Đ/c" before a post is the post's
        ("Bộ Nội vụ đề nghị Đ/c Chủ tịch UBND tỉnh chỉ đạo rà soát biên chế như sau:", ["Chủ tịch UBND tỉnh"]),
        ("Đề nghị đ/c Giám đốc Sở Xây dựng kiểm tra lại hồ sơ.", ["Giám đốc Sở Xây dựng"]),
        ("Đ/C Trưởng Công an huyện chủ trì việc tuần tra.", ["Trưởng Công an huyện"]),
    ],
)
def test_an_abbreviated_address_before_a_post(text: str, lead: list[str]) -> None:
    assert find_owners(text).lead == lead


@pytest.mark.parametrize(
    ("text", "lead", "support"),
    [
        # "BHXH" followed by a place or a level is the social insurance office
        ("Đề nghị BHXH các tỉnh phối hợp với Sở Y tế rà soát số thẻ.", ["BHXH các tỉnh"], ["Sở Y tế"]),
        ("BHXH tỉnh có văn bản nhắc các bệnh viện.", ["BHXH tỉnh"], []),
        ("Sở Tài chính phối hợp với BHXH Việt Nam đối chiếu số liệu.", ["Sở Tài chính"], ["BHXH Việt Nam"]),
        # … and a subject otherwise: no owner starts with it
        ("Thực hiện đầy đủ chế độ BHXH cho người lao động.", [], []),
        ("Giải quyết kịp thời các chế độ BHXH phát sinh.", [], []),
    ],
)
def test_an_abbreviation_that_is_a_topic_or_a_body(text: str, lead: list[str], support: list[str]) -> None:
    o = find_owners(text)
    assert (o.lead, o.support) == (lead, support)


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        # "có ý kiến", "tham gia ý kiến": what the body is asked for, not words of its name
        ("Giao các Bộ: Xây dựng, Tư pháp có ý kiến về đề xuất của tỉnh.", ["Bộ Xây dựng", "Bộ Tư pháp"]),
        ("Giao Sở Công Thương có ý kiến bằng văn bản.", ["Sở Công Thương"]),
        ("Đề nghị Sở Nội vụ tham gia ý kiến vào dự thảo Quy chế.", ["Sở Nội vụ"]),
    ],
)
def test_asked_for_an_opinion_ends_the_name(text: str, lead: list[str]) -> None:
    assert find_owners(text).lead == lead


def test_a_flattened_header_row_ending_with_the_address_keeps_its_list() -> None:
    text = ("BỘ GIAO THÔNG\nSố: 45/BGT-KH V/v kiểm tra cầu yếu\n"
            "Hà Nội, ngày 03 tháng 4 năm 2024 Kính gửi:\n- Sở Giao thông các tỉnh;\n- Khu Quản lý đường bộ.\n"
            "Bộ đề nghị Sở Giao thông các tỉnh thực hiện các nội dung sau:\n"
            "1. Kiểm tra các cầu yếu trên tuyến.\n2. Báo cáo kết quả về Bộ trước ngày 30/4/2024.\n")
    h = parse_header(split_lines(text))
    assert h.recipients == ["Sở Giao thông các tỉnh", "Khu Quản lý đường bộ"]
    ts = read(text)
    # the request before the list names the owner of its items (convention 4)
    assert leads(ts, "1") == ["Sở Giao thông các tỉnh"]


def test_escalating_what_exceeds_ones_power_is_no_report() -> None:
    ts = read("VĂN PHÒNG CHÍNH PHỦ\nSố: 10/VPCP-KT\nHà Nội, ngày 02 tháng 3 năm 2025\nKính gửi: Bộ Công Thương.\n"
              "Báo chí phản ánh giá phân bón tăng cao. Về việc này, Thủ tướng Chính phủ giao Bộ Công Thương "
              "kiểm tra, xử lý theo thẩm quyền; trường hợp vượt thẩm quyền, báo cáo Thủ tướng Chính phủ.\n")
    (t,) = ts.tasks
    assert t.kind == "action" and [o.name for o in t.lead] == ["Bộ Công Thương"]


@pytest.mark.parametrize(
    ("text", "repeat"),
    [
        # a window of a few days with the year: work done once, in those days; weeks are a campaign
        ("Các cơ quan treo cờ Tổ quốc từ ngày 01/9/2025 đến hết ngày 03/9/2025.", "once"),
        ("Các trường dạy bù từ ngày 02 đến ngày 06 tháng 9 năm 2025.", "once"),
        ("Tuyên truyền trên loa truyền thanh từ ngày 01/8 đến ngày 19/8/2025.", "continuous"),
        # ongoing work over the days stays ongoing
        ("Tăng cường tuần tra từ ngày 15/01/2026 đến hết ngày 28/02/2026.", "continuous"),
        # a day of a date is no "every 6 months"; a stated cadence still is
        ("Hoàn thành việc kiểm kê trước ngày 06 tháng 12 năm 2025.", "once"),
        ("Báo cáo định kỳ 06 tháng về tình hình thực hiện.", "semiannual"),
        # a span of years is a programme, not one piece of work
        ("Thực hiện chương trình từ năm 2021 đến năm 2025.", "continuous"),
    ],
)
def test_dated_windows_and_days_are_no_cadence(text: str, repeat: str) -> None:
    from dondoc.parse.cadence import classify

    assert classify(text, has_one_off_due=False, yearly_due=False, events=False, campaign=False)[0] == repeat


def test_the_aim_before_the_subject_gives_no_cadence() -> None:
    from dondoc.parse.cadence import classify

    # the caller blanks the owners' names: the aim's "nâng cao" is not the work's verb
    text = "Để bảo đảm hiệu quả, nâng cao chất lượng dịch vụ,                có văn bản đề nghị các bệnh viện sớm hoàn thiện quy trình."
    assert classify(text, has_one_off_due=False, yearly_due=False, events=False, campaign=False)[0] == "once"


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        # "của Trung ương", "của tỉnh": whose units they are, part of the name
        ("Đề nghị các cơ quan, đơn vị của Trung ương hưởng ứng phong trào.", ["các cơ quan, đơn vị của Trung ương"]),
        ("Giao các đơn vị của tỉnh rà soát biên chế.", ["các đơn vị của tỉnh"]),
        # households and the people are no owner; a list before them and ";" still is
        ("Đề nghị Sở Văn hóa; các phòng, ban và các hộ gia đình trên địa bàn Thành phố treo cờ Tổ quốc.",
         ["các phòng, ban", "Sở Văn hóa"]),
        # "Số" before a count is a number, not "Sở"
        ("Số giường bệnh kê thêm phải được thông báo cho cơ quan bảo hiểm.", []),
    ],
)
def test_names_of_collectives_and_counts(text: str, lead: list[str]) -> None:
    assert find_owners(text).lead == lead


def test_the_notes_of_a_guidance_letter_restate_rules() -> None:
    ts = read("BẢO HIỂM XÃ HỘI VIỆT NAM\nSố: 77/BHXH-CS\nHà Nội, ngày 05 tháng 3 năm 2024\n"
              "Kính gửi: Bảo hiểm xã hội các tỉnh.\n"
              "Bảo hiểm xã hội Việt Nam đề nghị BHXH các tỉnh thực hiện một số nội dung sau:\n"
              "1. Rà soát các hợp đồng khám bệnh đã ký trong năm.\n"
              "2. Một số lưu ý khi thanh toán:\n"
              "2.1. Trường hợp người bệnh chuyển tuyến trong ngày thì chi phí vẫn tính cho một đợt điều trị.\n"
              "2.2. Việc tạm ứng kinh phí thực hiện theo quy định tại Điều 5 của Thông tư.\n"
              "2.3. BHXH các tỉnh có văn bản nhắc các bệnh viện gửi dữ liệu đúng hạn.\n")
    keys = [t.key for t in ts.tasks]
    # the notes that ask nothing are rules (no task); the one that charges BHXH is a task
    assert keys == ["1", "2.3"]
    assert leads(ts, "1") == ["BHXH các tỉnh"]


GUIDANCE = ("BỘ XÂY DỰNG\nSố: 88/BXD-QLN\nHà Nội, ngày 10 tháng 6 năm 2024\nKính gửi: Sở Xây dựng các tỉnh.\n"
            "Để thực hiện thống nhất Luật Nhà ở, Bộ Xây dựng hướng dẫn một số nội dung như sau:\n"
            "1. Về hồ sơ đề nghị cấp phép: thực hiện theo quy định tại Điều 12 của Luật.\n"
            "2. Về thẩm quyền: Giám đốc Sở Xây dựng quyết định việc gia hạn giấy phép.\n"
            "3. Trường hợp có yêu cầu bảo vệ quyền lợi của người mua thì thời hạn xử lý không quá 15 ngày.\n")


def test_a_guidance_that_only_states_rules_asks_nothing() -> None:
    from dondoc.errors import NothingToTrackError

    # the items after "… hướng dẫn … như sau:" say which rule governs; "đề nghị", "yêu cầu" as nouns ask no one
    with pytest.raises(NothingToTrackError):
        read(GUIDANCE + "Bộ Xây dựng yêu cầu các Sở Xây dựng triển khai thực hiện./.\n")


def test_a_guidance_item_that_asks_stays_a_task() -> None:
    ts = read(GUIDANCE + "4. Đề nghị Sở Xây dựng các tỉnh rà soát các dự án, báo cáo kết quả về Bộ trước ngày 30/7/2024.\n")
    assert [t.key for t in ts.tasks] == ["4"]


def test_a_request_intro_is_no_guidance() -> None:
    ts = read(GUIDANCE.replace("hướng dẫn một số nội dung như sau", "đề nghị Sở Xây dựng các tỉnh thực hiện như sau"))
    # the items the request introduces are tasks, of the owner it names
    assert leads(ts, "1") == ["Sở Xây dựng các tỉnh"]


def test_a_guidance_that_names_whom_it_guides_gives_them_work() -> None:
    ts = read(GUIDANCE.replace("hướng dẫn một số nội dung như sau", "hướng dẫn các Sở Xây dựng rà soát hồ sơ như sau"))
    assert [t.key for t in ts.tasks] == ["1", "2", "3"]


FORM = ("VĂN PHÒNG UBND TỈNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "PHÒNG KINH TẾ\tĐộc lập - Tự do - Hạnh phúc\n"
        "An Hòa, ngày 05 tháng 3 năm 2025PHIẾU TRÌNH GIẢI QUYẾT CÔNG VIỆCKính gửi: - Lãnh đạo UBND tỉnh;\n"
        "- Lãnh đạo Văn phòng.\n"
        "1. Vấn đề trình: Sửa chữa cầu treo ở xã Đông Hà.\n"
        "2. Hồ sơ kèm theo: Tờ trình của Sở Xây dựng.\n"
        "3. Ý kiến của các cơ quan liên quan:\n"
        "Sở Xây dựng nhận được đơn của nhân dân và đề xuất:\n"
        "(1) Giao Sở Xây dựng lập dự toán sửa chữa.\n"
        "4. Ý kiến chuyên viên:\n"
        "Thống nhất đề xuất của Sở Xây dựng.\n"
        "Kính trình lãnh đạo xem xét, quyết định./.\n"
        "5. Thời gian xử lý hồ sơ:\n"
        "6. Giải quyết của Lãnh đạo UBND tỉnh:\n")


def test_a_phieu_trinh_asks_its_addressees_to_decide() -> None:
    ts = read(FORM)
    # the form's fields record the matter (the Sở's proposal is not yet work given); the closing asks the
    # addressees to decide (gold convention 18), even written inside the officer's field
    assert [t.key for t in ts.tasks] == ["-"]
    assert leads(ts, "-") == ["Lãnh đạo UBND tỉnh", "Lãnh đạo Văn phòng"]
    assert ts.tasks[0].schedule.repeat == "once"


def test_a_correction_to_make_is_done_once() -> None:
    from dondoc.parse.cadence import classify

    text = "Giao Thanh tra tỉnh trong phạm vi chức năng, điều chỉnh tên các đơn vị tại phụ lục cho phù hợp."
    assert classify(text, has_one_off_due=False, yearly_due=False, events=False, campaign=False)[0] == "once"
    # "quy hoạch điều chỉnh" is a plan's name, not a correction
    assert classify("Thường xuyên theo dõi quy hoạch điều chỉnh của tỉnh cho phù hợp.", has_one_off_due=False,
                    yearly_due=False, events=False, campaign=False)[0] == "continuous"


def test_what_a_body_received_ends_its_name() -> None:
    assert find_owners("Sở Xây dựng nhận được đơn của nhân dân và đã kiểm tra.").lead == ["Sở Xây dựng"]


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        # a list of one kind ends with bodies of their own: they keep their own names
        ("Đề nghị Giám đốc các Sở: Y tế, Công Thương, Văn phòng Ủy ban nhân dân tỉnh và Chủ tịch UBND huyện An Lạc "
         "khẩn trương kiểm điểm.",
         ["Giám đốc Sở Y tế", "Giám đốc Sở Công Thương", "Văn phòng Ủy ban nhân dân tỉnh", "Chủ tịch UBND huyện An Lạc"]),
        # "Công an" is a ministry in a list of ministries
        ("Giao các Bộ: Công an, Quốc phòng góp ý dự thảo.", ["Bộ Công an", "Bộ Quốc phòng"]),
        # a Party committee over places of two kinds: each place by its name
        ("Đề nghị Đảng bộ các phường, xã: Tân An, Phú Lợi chủ động rà soát.", ["Đảng bộ Tân An", "Đảng bộ Phú Lợi"]),
        # a subject in lower case after "thì" is told what to do in that case
        ("Trường hợp cán bộ đã nghỉ hưu thì các cơ quan, đơn vị xác định trách nhiệm.", ["các cơ quan, đơn vị"]),
    ],
)
def test_lists_and_subjects_of_provincial_letters(text: str, lead: list[str]) -> None:
    assert find_owners(text).lead == lead


def test_a_targets_year_is_no_deadline() -> None:
    from dondoc.parse.dates import DateContext, find_deadlines

    text = "Để đạt mục tiêu tăng trưởng hai con số trong năm 2026, các xã tập trung thực hiện các nhiệm vụ sau:"
    assert [d.due for d in find_deadlines(text, every_year=False, ctx=DateContext(year=2026), warnings=[])] == []


def test_actively_is_ongoing_work() -> None:
    from dondoc.parse.cadence import classify

    text = "Tích cực rà soát nguồn thu, bảo đảm thu ngân sách vượt kế hoạch."
    assert classify(text, has_one_off_due=False, yearly_due=False, events=False, campaign=False)[0] == "continuous"


@pytest.mark.parametrize(
    ("text", "lead", "support"),
    [
        # an office that passes papers on to a body asks that body, not itself
        ("Văn phòng UBND tỉnh chuyển hồ sơ của Hội Nông dân đến Sở Nội vụ thẩm định, báo cáo UBND tỉnh.",
         ["Sở Nội vụ"], []),
        # "kết hợp với" names those who help, as "phối hợp với" does
        ("Giao Sở Xây dựng kết hợp với Công an tỉnh và Sở Giao thông kiểm tra cầu yếu.",
         ["Sở Xây dựng"], ["Công an tỉnh", "Sở Giao thông"]),
        # the bodies that manage the schools directly are one name
        ("Các cơ quan quản lý trực tiếp cơ sở giáo dục có trách nhiệm kiểm tra sĩ số.",
         ["Các cơ quan quản lý trực tiếp cơ sở giáo dục"], []),
    ],
)
def test_forwarding_cooperating_and_managing_bodies(text: str, lead: list[str], support: list[str]) -> None:
    got = find_owners(text)
    assert (got.lead, got.support) == (lead, support)


def test_a_reply_of_opinions_asks_nothing() -> None:
    text = (
        "ĐẢNG BỘ TỈNH AN LẠC\nBAN THƯỜNG VỤ\nSố: 12-CV/TU\nKính gửi: Ban Tuyên giáo Trung ương.\n"
        "Ban Thường vụ Tỉnh ủy có ý kiến nhận xét, đánh giá như sau:\n"
        "Đồng chí Lê Văn Hòa, Giám đốc Sở Tài chính\n"
        "a) Ưu điểm: Tận tụy, sâu sát cơ sở; điều hành thu chi ngân sách đúng luật.\n"
        "b) Hạn chế: Chưa có.\n"
    )
    with pytest.raises(NothingToTrackError):
        read(text)


@pytest.mark.parametrize(
    "intro",
    [
        "Ủy ban nhân dân tỉnh tham gia ý kiến đối với dự thảo như sau:",
        "Sở Tư pháp có ý kiến góp ý như sau:",
    ],
)
def test_opinion_intros(intro: str) -> None:
    from dondoc.parse.rules import guidance_intro

    assert guidance_intro(intro)


@pytest.mark.parametrize(
    "intro",
    [
        # a province's bare "có ý kiến như sau:" directs, as does "ý kiến chỉ đạo"
        "Chủ tịch UBND tỉnh có ý kiến như sau:",
        "UBND tỉnh có ý kiến chỉ đạo như sau:",
        "Tại cuộc họp, Chủ tịch UBND tỉnh kết luận và tham gia ý kiến như sau:",
    ],
)
def test_directives_are_no_opinions(intro: str) -> None:
    from dondoc.parse.rules import guidance_intro

    assert not guidance_intro(intro)


@pytest.mark.parametrize(
    ("closing", "itself"),
    [
        # the letter sent to its own addressee by its writer
        ("Sở Công Thương gửi Sở Kế hoạch và Đầu tư tổng hợp./.", True),
        # the addressee's own report is asked of it
        ("Sở Kế hoạch và Đầu tư báo cáo UBND tỉnh trước ngày 10/5/2025./.", False),
        # a date makes it an obligation, whoever sends
        ("Sở Công Thương gửi Sở Kế hoạch và Đầu tư trước ngày 10/5/2025.", False),
    ],
)
def test_a_letter_that_sends_itself(closing: str, itself: bool) -> None:
    from dondoc.parse.dates import DateContext
    from dondoc.parse.report_specs import find_reports
    from dondoc.parse.submissions import sends_itself

    specs = find_reports(closing, ctx=DateContext(year=2025), warnings=[])
    assert specs and any(sends_itself(s, ["Sở Kế hoạch và Đầu tư."]) for s in specs) == itself


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        # "chỉ đạo, hướng dẫn B": B is directed, as after "chỉ đạo" alone (convention 10)
        ("Đề nghị Bộ Công Thương chỉ đạo, hướng dẫn Sở Công Thương các tỉnh rà soát giá điện.",
         ["Bộ Công Thương", "Sở Công Thương các tỉnh"]),
        ("Đề nghị UBND huyện chỉ đạo và đôn đốc Phòng Kinh tế kiểm tra việc thu gom rác.", ["UBND huyện", "Phòng Kinh tế"]),
        # the pair alone, before the work, directs no one
        ("Đề nghị UBND huyện chỉ đạo, hướng dẫn thực hiện nghiêm.", ["UBND huyện"]),
    ],
)
def test_directing_paired_with_guiding(text: str, lead: list[str]) -> None:
    assert find_owners(text).lead == lead


CLOSING_ASKS = (
    "BỘ NÔNG NGHIỆP\nSố: 77/BNN-TT\nKính gửi: Sở Nông nghiệp các tỉnh.\n"
    "Bộ Nông nghiệp hướng dẫn một số nội dung về cấp mã vùng trồng như sau:\n"
    "1. Mã vùng trồng được cấp cho vùng có diện tích từ 10 ha trở lên.\n"
    "2. Định kỳ, Bộ sẽ kiểm tra việc cấp mã. Thủ trưởng các cơ quan cấp mã chịu trách nhiệm trước pháp luật nếu cấp sai.\n"
    "3. Hướng dẫn này áp dụng từ ngày 01/3/2025. Đề nghị các Sở chủ động phối hợp với các huyện triển khai thực hiện. "
    "Nếu có khó khăn, vướng mắc, báo cáo Bộ Nông nghiệp để xem xét./.\n"
)


def test_a_guidance_asks_in_its_closing_unit_only() -> None:
    ts = read(CLOSING_ASKS)
    # a rule; the ministry's own checks and the accountability of those who issue the codes: no task; the closing
    # unit asks the provinces' departments, its stock clause besides
    assert [(t.key, [o.name for o in t.lead]) for t in ts.tasks] == [("3", ["các Sở"])]
