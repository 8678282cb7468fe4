"""Quyết định, programmes and council resolutions as site exports and hard-wrapped copies hold them
(dondoc/parse/flattened.py, header.py, items.py, fieldlines.py, cadence.py, names.py, roles.py,
sections.py, units.py, outline_tasks.py, continuations.py, dates.py): a running title before the
articles, sub-labels and sections run into other lines, an annexed programme's title closing with its
"(Ban hành kèm theo …)", field bullets written once for several items, a regulation whose first page is
lost, a form to fill after it, a council's programme adopted in other words, its stance and its
supervision. The texts are our own, in the shapes real ones use."""

from __future__ import annotations

import pytest

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.cadence import classify
from dondoc.parse.continuations import continues_sentence
from dondoc.parse.dates import DateContext, find_deadlines
from dondoc.parse.flattened import set_apart
from dondoc.parse.owners import find_owners
from dondoc.parse.sections import supervises_only, titled_section
from dondoc.taskset import Source, TaskSet
from tests.unit.parse.fixture_check import REPO

CATALOG = load_catalog(REPO / "config" / "observances.yaml")


def _read(text: str) -> TaskSet:
    return parse_dispatch(text, source=Source(name="t"), observances=CATALOG)


def _by_key(ts: TaskSet) -> dict[str, object]:
    return {t.key: t for t in ts.tasks}


# --- set_apart: run-in headings back on their own lines, the text's length kept ------------------

def test_running_title_is_dropped_and_length_kept() -> None:
    title = "Quyết định 77/QĐ-UBND năm 2021. "
    text = "\n".join([title + "ỦY BAN NHÂN DÂN HUYỆN A", title + "Điều 1.", "Phê duyệt đề án.",
                      title + "Điều 2.", "Giao Phòng Nội vụ thực hiện.", title + "Điều 3.", "Hiệu lực từ ngày ký."])
    out = set_apart(text)
    assert len(out) == len(text)
    assert [ln.strip() for ln in out.split("\n")][1] == "Điều 1."
    assert "Quyết định 77/QĐ-UBND" not in out


def test_a_title_twice_is_no_running_title() -> None:
    text = "Quyết định 5/QĐ-UBND năm 2020. Điều 1.\nA.\nQuyết định 5/QĐ-UBND năm 2020. Điều 2.\nB."
    assert set_apart(text) == text


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        ("2. Nâng cao chất lượng dịch vụ công 2.1.", ["2. Nâng cao chất lượng dịch vụ công", "2.1."]),
        ("3. Phòng chống thiên tai 3.1. Rà soát các hồ chứa.", ["3. Phòng chống thiên tai", "3.1. Rà soát các hồ chứa."]),
        # a sub-label other than the first child, or none, stays where it is
        ("4. Kinh phí theo mục 4.2. của kế hoạch.", ["4. Kinh phí theo mục 4.2. của kế hoạch."]),
        ("1. Tổ chức hội nghị.", ["1. Tổ chức hội nghị."]),
    ],
)
def test_first_child_label_starts_its_line(line: str, parts: list[str]) -> None:
    out = set_apart(line)
    assert len(out) == len(line)
    assert out.split("\n") == parts


def test_roman_section_after_a_capitalised_title() -> None:
    line = "KẾ HOẠCH HÀNH ĐỘNG. III. TỔ CHỨC THỰC HIỆN"
    assert set_apart(line).split("\n") == ["KẾ HOẠCH HÀNH ĐỘNG.", "III. TỔ CHỨC THỰC HIỆN"]
    # in a sentence it stays
    assert set_apart("Xem mục II. Nội dung của kế hoạch.") == "Xem mục II. Nội dung của kế hoạch."


# --- a quyết định with its programme, as a site's export stores it ------------------------------

_EXPORTED = """Quyết định 12/QĐ-UBND năm 2022. ỦY BAN NHÂN DÂN HUYỆN BÌNH AN -------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------
Số: 12/QĐ-UBND Bình An, ngày 10 tháng 3 năm 2022 QUYẾT ĐỊNH BAN HÀNH CHƯƠNG TRÌNH PHÁT TRIỂN THỂ THAO ỦY BAN NHÂN DÂN HUYỆN BÌNH AN
Căn cứ Luật tổ chức chính quyền địa phương;
QUYẾT ĐỊNH:
Quyết định 12/QĐ-UBND năm 2022. Điều 1.
Ban hành kèm theo Quyết định này Chương trình phát triển thể thao quần chúng.
Quyết định 12/QĐ-UBND năm 2022. Điều 2.
Chánh Văn phòng, Trưởng các phòng, ban chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 2;
- Lưu VT.
TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Trần Văn Bình
Quyết định 12/QĐ-UBND năm 2022. CHƯƠNG TRÌNH. PHÁT TRIỂN THỂ THAO QUẦN CHÚNG (Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 10 tháng 3 năm 2022)
I. MỤC ĐÍCH
Nâng cao sức khỏe nhân dân.
Quyết định 12/QĐ-UBND năm 2022. CHƯƠNG TRÌNH. II. NHIỆM VỤ
1. Phát triển phong trào tập luyện 1.1.
Mở lớp hướng dẫn võ cổ truyền cho thanh thiếu niên.
1.2. Tổ chức giải chạy việt dã cấp huyện.
- Cơ quan thực hiện: Phòng Văn hóa và Thông tin chủ trì, phối hợp với Đoàn Thanh niên huyện.
- Thời gian thực hiện: Hoàn thành trong quý III/2022.
1.3. Duy trì câu lạc bộ dưỡng sinh tại các xã.
- Cơ quan thực hiện: Ủy ban nhân dân các xã chủ trì.
- Thời gian thực hiện: Thực hiện thường xuyên hằng năm.
"""


def test_exported_decision_and_its_programme() -> None:
    got = _by_key(_read(_EXPORTED))
    assert {"II.1.1", "II.1.2", "II.1.3"} <= set(got)
    # the field bullets after 1.2 were written once for 1.1 and 1.2
    assert [o.name for o in got["II.1.1"].lead] == ["Phòng Văn hóa và Thông tin"]
    assert got["II.1.1"].schedule.due == ["2022-09-30"]
    # "thường xuyên hằng năm": ongoing, year in year out
    assert got["II.1.3"].schedule.repeat == "continuous"


def test_ongoing_every_year_is_continuous() -> None:
    repeat, _ = classify("Lập kế hoạch tuyên truyền.\nThời gian: thường xuyên hằng năm.", has_one_off_due=False,
                         yearly_due=False, events=False, campaign=False)
    assert repeat == "continuous"
    repeat, _ = classify("Tổng kết phong trào định kỳ hằng năm.", has_one_off_due=False, yearly_due=False,
                         events=False, campaign=False)
    assert repeat == "annual"


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("Giao Trung tâm Kiểm soát bệnh tật, Cục Quản lý Khám, chữa bệnh theo dõi.",
         ["Trung tâm Kiểm soát bệnh tật", "Cục Quản lý Khám, chữa bệnh"]),
        ("Phòng Lao động - Thương binh và xã hội chủ trì thực hiện.", ["Phòng Lao động - Thương binh và xã hội"]),
    ],
)
def test_names_with_set_phrases(text: str, lead: list[str]) -> None:
    assert find_owners(text).lead == lead


# --- a regulation whose first page is lost, and the form after it ------------------------------

_LOST_PAGE = """ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH
Số: 9/2023/QĐ-UBND
QUYẾT ĐỊNH
Ban hành Quy chế xét tặng Kỷ niệm chương
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế xét tặng.
Điều 2. Quyết định có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng, Giám đốc Sở Nội vụ chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 3;
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn An

5. Sở Nội vụ thẩm định hồ sơ đề nghị.
Điều 4. Tiêu chuẩn xét tặng
1. Có thời gian công tác từ 10 năm trở lên.
Điều 5. Thời hạn nộp hồ sơ
Các sở, ngành gửi hồ sơ về Sở Nội vụ trước ngày 15 tháng 4 hằng năm.

Mẫu số 01
BẢN KHAI THÀNH TÍCH
I. SƠ LƯỢC TIỂU SỬ
1. Họ và tên:
II. QUÁ TRÌNH CÔNG TÁC
"""


def test_regulation_after_a_lost_page_and_no_form() -> None:
    got = _by_key(_read(_LOST_PAGE))
    assert "5" in got and got["5"].schedule.repeat == "annual" and got["5"].schedule.due == ["--04-15"]
    assert not any(k.startswith(("4", "I", "II")) for k in got)  # the criteria and the form are no tasks


def test_criteria_titles_are_sections() -> None:
    assert titled_section("Tiêu chuẩn xét tặng")
    assert titled_section("Điều kiện được hỗ trợ")
    assert not titled_section("Tiêu chuẩn hóa quy trình ISO tại các sở.")


# --- council resolutions ------------------------------------------------------------------------

_PROGRAMME = """HỘI ĐỒNG NHÂN DÂN TỈNH AN GIANG
NGHỊ QUYẾT
VỀ CHƯƠNG TRÌNH GIÁM SÁT NĂM 2020
QUYẾT NGHỊ:
Điều 1. Quyết định chương trình giám sát của Hội đồng nhân dân tỉnh năm 2020, gồm các nội dung sau:
1. Chất vấn tại các kỳ họp thường lệ.
2. Giám sát chuyên đề việc quản lý chợ nông thôn.
3. Xem xét văn bản của Ủy ban nhân dân tỉnh khi có dấu hiệu trái pháp luật.
Điều 2. Thường trực Hội đồng nhân dân tỉnh ban hành kế hoạch giám sát và báo cáo kết quả tại kỳ họp cuối năm 2020.
"""


def test_programme_adopted_by_decision_is_work() -> None:
    got = _by_key(_read(_PROGRAMME))
    assert "1.1" not in got and {"1.2", "1.3"} <= set(got)  # questioning at the sessions is their agenda
    assert got["1.3"].schedule.repeat == "ad_hoc"
    # "chương trình giám sát" names the programme: no ongoing verb before the deliverable
    assert got["2"].schedule.repeat == "once"


_STANCE = """HỘI ĐỒNG NHÂN DÂN TỈNH AN GIANG
NGHỊ QUYẾT
VỀ CHẤT VẤN TẠI KỲ HỌP
QUYẾT NGHỊ:
Điều 1. Hội đồng nhân dân tỉnh thống nhất với nội dung trả lời chất vấn, cụ thể như sau:
1. Về giao thông nông thôn:
- Ủy ban nhân dân tỉnh rà soát các tuyến đường xuống cấp. Giao nhiệm vụ Sở Giao thông vận tải yêu cầu các nhà thầu khắc phục.
- Đề nghị Thường trực Hội đồng nhân dân tỉnh và các đại biểu tiếp tục giám sát nội dung này.
"""


def test_stance_supervision_and_relayed_request_name_no_lead() -> None:
    got = _by_key(_read(_STANCE))
    assert [o.name for o in got["1.1"].lead] == ["Ủy ban nhân dân tỉnh"]


def test_supervises_only() -> None:
    assert supervises_only("Đề nghị Thường trực HĐND tỉnh giám sát việc này.", ["Thường trực HĐND tỉnh"])
    assert not supervises_only("Đề nghị Sở Xây dựng giám sát công trình.", ["Sở Xây dựng"])


def test_line_after_a_meeting_goes_on() -> None:
    prev = "Đề nghị Ủy ban nhân dân tỉnh báo cáo các nội dung trên tại phiên họp"
    assert continues_sentence(prev, "Thường trực Hội đồng nhân dân tỉnh tháng 8 năm 2019.")


def test_from_a_year_onwards_is_no_deadline() -> None:
    ctx = DateContext(None, 2019, None, ())
    said = find_deadlines("trồng rừng trong năm 2019 và những năm tiếp theo", every_year=False, ctx=ctx, warnings=[])
    assert not [d for d in said if d.due]
    said = find_deadlines("hoàn thành trong năm 2019", every_year=False, ctx=ctx, warnings=[])
    assert [d.due for d in said] == ["2019-12-31"]


def test_consider_and_propose_asks_nothing_of_the_proposed_to() -> None:
    lead = find_owners("Các sở, ngành xem xét, đề nghị Ủy ban nhân dân tỉnh khen thưởng.").lead
    assert "Ủy ban nhân dân tỉnh" not in lead


# --- a regulation's closing parts, files and deferrals -----------------------------------------

@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("Các phòng, ban; Ủy ban nhân dân các xã có trách nhiệm tổ chức triển khai thực hiện nghiêm túc Quy chế này.", True),
        ("Các đơn vị có trách nhiệm triển khai thực hiện Kế hoạch này.", True),
        ("Các đơn vị có trách nhiệm triển khai thực hiện việc kiểm kê kho trước ngày 30/6.", False),
    ],
)
def test_execution_clause_forms(text: str, clause: bool) -> None:
    from dondoc.parse.sections import is_execution_clause
    assert is_execution_clause(text) is clause


@pytest.mark.parametrize(
    ("text", "stock"),
    [
        ("Quá trình thực hiện, các đơn vị phát hiện thấy có những vấn đề chưa phù hợp, báo cáo Sở Nội vụ để xem xét, sửa đổi.", True),
        ("Trong quá trình thực hiện nếu có khó khăn, vướng mắc, phản ánh về Sở Tài chính.", True),
        ("Các đơn vị báo cáo những vấn đề trọng tâm về Sở Nội vụ trước ngày 10/12.", False),
    ],
)
def test_stock_clause_forms(text: str, stock: bool) -> None:
    from dondoc.parse.sections import is_stock_clause
    assert is_stock_clause(text) is stock


_RULES = """ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH
QUY CHẾ
Điều 1. Hồ sơ đề nghị
1. Hồ sơ đề nghị khen thưởng (02 bộ), gồm:
a) Tờ trình của đơn vị;
b) Báo cáo thành tích của cá nhân.
2. Các sở, ngành gửi hồ sơ về Sở Nội vụ trước ngày 20 tháng 5 hằng năm.
Điều 2. Thu hồi danh hiệu
Thực hiện theo Luật Thi đua, khen thưởng và các văn bản hướng dẫn.
Điều 3. Tổ chức thực hiện
1. Các Ban của HĐND tỉnh phối hợp theo dõi việc thực hiện.
2. Các sở, ngành có trách nhiệm tổ chức triển khai thực hiện nghiêm túc Quy chế này.
"""


def test_papers_of_a_file_and_deferrals_are_no_tasks() -> None:
    got = _by_key(_read(_RULES))
    assert not any(k.startswith(("1.1.", "2")) for k in got)  # the papers listed, the deferral
    assert got["1.2"].schedule.due == ["--05-20"]
    assert [o.name for o in got["3.1"].lead] == ["Các Ban của HĐND tỉnh"]
    assert "3.2" not in got  # the regulation's execution clause


def test_heading_over_sub_items_up_to_45_words() -> None:
    heading = ("Tăng cường sự lãnh đạo của cấp ủy, tổ chức đảng; sự quản lý, điều hành của chính quyền các cấp nhằm "
               "nâng cao nhận thức, thúc đẩy xây dựng quan hệ lao động hài hòa, ổn định và tiến bộ trong tình hình mới")
    text = f"KẾ HOẠCH\nI. NHIỆM VỤ\n1. {heading}\n1.1. Tổ chức quán triệt chỉ thị.\n1.2. Rà soát các quy chế.\n"
    got = _by_key(_read(text))
    assert "I.1" not in got and {"I.1.1", "I.1.2"} <= set(got)


def test_every_tier_of_a_system_leads_nothing() -> None:
    lead = find_owners("Đề nghị Liên đoàn Lao động tỉnh chỉ đạo các cấp công đoàn phối hợp thực hiện.").lead
    assert lead == ["Liên đoàn Lao động tỉnh"]


_SUPERVISION_YEAR = """HỘI ĐỒNG NHÂN DÂN TỈNH AN GIANG
NGHỊ QUYẾT
VỀ CHƯƠNG TRÌNH GIÁM SÁT NĂM 2021
QUYẾT NGHỊ:
Điều 1. Thống nhất nội dung Chương trình giám sát năm 2021 như sau:
1. Hội đồng nhân dân tỉnh xem xét các báo cáo công tác trình tại kỳ họp giữa năm và cuối năm.
2. Chất vấn và trả lời chất vấn tại kỳ họp thường lệ.
3. Giám sát việc thực hiện chính sách hỗ trợ nhà ở cho hộ nghèo.
4. Giám sát văn bản của Ủy ban nhân dân tỉnh khi có dấu hiệu trái pháp luật.
5. Thường trực Hội đồng nhân dân tỉnh giám sát các nội dung khác tùy theo tình hình thực tế.
Điều 2. Giao Thường trực Hội đồng nhân dân tỉnh tổ chức thực hiện Nghị quyết này.
"""


def test_programme_topics_and_agenda() -> None:
    got = _by_key(_read(_SUPERVISION_YEAR))
    assert "1.1" not in got and "1.2" not in got  # what the sessions hear
    assert got["1.3"].schedule.repeat == "once"  # a topic of the year
    assert got["1.4"].schedule.repeat == "ad_hoc"
    assert got["1.5"].schedule.repeat == "ad_hoc"


def test_subject_after_a_long_opening_phrase() -> None:
    text = ("Trong thời hạn 10 ngày sau khi nhận được kết luận của các cơ quan có thẩm quyền về vi phạm, "
            "Sở Tư pháp (Phòng Phổ biến, giáo dục pháp luật) có trách nhiệm tham mưu Ủy ban nhân dân tỉnh thu hồi.")
    assert find_owners(text).lead == ["Sở Tư pháp"]


def test_field_lines_run_into_the_task_sentence() -> None:
    out = set_apart("1. Mở rộng mạng lưới thư viện xã. Cơ quan chủ trì: Sở Văn hóa. Thời gian: năm 2023.")
    assert out.split("\n") == ["1. Mở rộng mạng lưới thư viện xã.", "Cơ quan chủ trì: Sở Văn hóa.", "Thời gian: năm 2023."]


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("(Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ; trình Ủy ban nhân dân tỉnh năm 2024).", ["2024-12-31"]),
        ("Bộ Công Thương xây dựng đề án, trình Thủ tướng Chính phủ năm 2025.", ["2025-12-31"]),
        ("(Sở Y tế chủ trì; năm 2024)", ["2024-12-31"]),
        # the year a plan is for is no deadline
        ("Các xã trình kế hoạch năm 2024 lên huyện.", []),
    ],
)
def test_year_of_a_submission(text: str, due: list[str]) -> None:
    ctx = DateContext(None, 2023, 5, ())
    assert [d.due for d in find_deadlines(text, every_year=False, ctx=ctx, warnings=[]) if d.due] == due


@pytest.mark.parametrize(
    ("text", "yes"),
    [
        ("Tán thành nội dung Báo cáo kết quả giám sát của Đoàn giám sát.", True),
        ("Hội đồng nhân dân tỉnh tán thành nội dung báo cáo kết quả giám sát; đồng thời nhấn mạnh:", True),
        # a stance over what it then asks is read as before (its children are the work)
        ("Hội đồng nhân dân tỉnh thống nhất với nội dung trả lời chất vấn, cụ thể như sau:", False),
    ],
)
def test_approval_of_a_report(text: str, yes: bool) -> None:
    from dondoc.parse.sections import approves
    assert approves(text) is yes


def test_digitise_ends_a_name() -> None:
    said = find_owners("Giao Phòng Nội vụ chủ trì, phối hợp với các cơ quan, đơn vị liên quan số hóa hồ sơ cán bộ.")
    assert said.lead == ["Phòng Nội vụ"] and said.support == ["các cơ quan, đơn vị liên quan"]
