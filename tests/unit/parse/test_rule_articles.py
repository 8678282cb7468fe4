"""Articles of a regulation that only state rules (who is entitled, at which rate, from which funds)
are no tasks, with what stands under them; an article or khoản that names a body that must act, or one
under a heading that names its owner, stays a task (dondoc/parse/rules.py). Invented texts."""

from __future__ import annotations

from pathlib import Path

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.taskset import Source

REPO = Path(__file__).resolve().parents[3]

POLICY = """THỦ TƯỚNG CHÍNH PHỦ
Số: 99/2030/QĐ-TTg
QUYẾT ĐỊNH
Về trợ giúp sửa nhà cho hộ nghèo vùng ven biển

Điều 1. Đối tượng được trợ giúp
1. Hộ có nhà bị sập hoàn toàn do bão.
2. Hộ có nhà bị tốc mái, hư hỏng nặng.

Điều 2. Mức trợ giúp
1. Mười lăm triệu đồng mỗi hộ nói tại khoản 1 Điều 1.
2. Sáu triệu đồng mỗi hộ nói tại khoản 2 Điều 1.

Điều 3. Nguồn kinh phí
Ngân sách trung ương bảo đảm bảy mươi phần trăm, phần còn lại do ngân sách địa phương bảo đảm.

Điều 4. Tổ chức thực hiện
1. Ủy ban nhân dân cấp tỉnh lập danh sách các hộ được trợ giúp, gửi Bộ Xây dựng trước ngày 30 tháng 6 năm 2030.
2. Trách nhiệm của Bộ Tài chính:
a) Bố trí kinh phí cho các địa phương;
b) Theo dõi việc cấp phát.

Điều 5. Quyết định này có hiệu lực kể từ ngày ký.
"""

PLAN = """ỦY BAN NHÂN DÂN TỈNH X
KẾ HOẠCH
Chăm lo Tết cho hộ nghèo

I. NỘI DUNG
1. Thăm hỏi, tặng quà các hộ nghèo trước Tết.
2. Tổ chức bữa cơm đoàn kết tại các thôn.
"""


def _keys(text: str) -> list[str]:
    ts = parse_dispatch(text, source=Source(name="t"), observances=load_catalog(REPO / "config" / "observances.yaml"))
    return list(dict.fromkeys(t.key for t in ts.tasks))


def test_articles_that_state_rules_are_no_tasks() -> None:
    keys = _keys(POLICY)
    assert not [k for k in keys if k.split(".")[0] in ("1", "2", "3")]
    assert "4.1" in keys
    # the owner a khoản names over its điểm makes them tasks, though their own text names nobody
    assert "4.2.a" in keys and "4.2.b" in keys


def test_units_of_a_plan_without_articles_stay_tasks() -> None:
    # no articles: the addressees do the units, though none is named
    assert _keys(PLAN) == ["I.1", "I.2"]


SANCTIONS = """THỦ TƯỚNG CHÍNH PHỦ
QUYẾT ĐỊNH
Về chế độ đối với cựu chiến sĩ làm đường

Điều 1. Đối tượng
Người đã hoàn thành nhiệm vụ làm đường trở về địa phương.

Điều 2. Xử lý vi phạm
Người khai man hồ sơ thì tùy mức độ bị xử lý kỷ luật hoặc bị truy cứu trách nhiệm hình sự.

Điều 3. Bộ Nội vụ có trách nhiệm hướng dẫn thực hiện Quyết định này.
"""


def test_words_of_a_rule_that_only_sound_like_a_charge() -> None:
    # "hoàn thành nhiệm vụ" said of those entitled, "trách nhiệm hình sự" of an offender: no charge
    assert _keys(SANCTIONS) == ["3"]


SCOPE = """BỘ NỘI VỤ
THÔNG TƯ
Quy định chế độ báo cáo về công tác văn thư

Điều 1. Đối tượng áp dụng
1. Các sở, ban, ngành của tỉnh có nhiệm vụ quản lý công tác văn thư.
2. Ủy ban nhân dân các huyện.

Điều 2. Báo cáo năm
Các sở, ban, ngành gửi báo cáo năm về Bộ Nội vụ trước ngày 15 tháng 12 hằng năm.
"""


def test_an_article_titled_as_its_scope_holds_no_task_under_it() -> None:
    # the bodies an article on its scope lists are named, yet nothing is asked of them there
    assert [k for k in _keys(SCOPE) if not k.startswith("R")] == ["2"]


PROGRAMME = """HỘI ĐỒNG NHÂN DÂN TỈNH Y
NGHỊ QUYẾT
Về chương trình giám sát năm 2031

Điều 1. Ban hành chương trình giám sát năm 2031 của Hội đồng nhân dân tỉnh như sau:
1. Giám sát chuyên đề:
a) Việc quản lý quỹ đất công ở các huyện.
b) Việc thực hiện chính sách nhà ở cho người có công.
2. Giám sát thường xuyên:
a) Việc giải quyết đơn thư của công dân.

Điều 2. Thường trực Hội đồng nhân dân tỉnh có trách nhiệm tổ chức thực hiện chương trình.
"""


def test_a_programme_issued_inline_is_work_though_it_names_nobody() -> None:
    keys = _keys(PROGRAMME)
    assert {"1.1.a", "1.1.b", "1.2.a", "2"} <= set(keys)


SESSIONS = """HỘI ĐỒNG NHÂN DÂN TỈNH Z
NGHỊ QUYẾT
Về chương trình giám sát năm 2032

Điều 1. Thông qua chương trình giám sát năm 2032 như sau:
I. GIÁM SÁT TẠI KỲ HỌP
1. Tại kỳ họp cuối năm 2032:
1.1. Xem xét báo cáo công tác năm của Ủy ban nhân dân tỉnh.
1.2. Xem xét việc trả lời chất vấn.
II. GIÁM SÁT CHUYÊN ĐỀ
1. Giám sát việc cấp giấy chứng nhận quyền sử dụng đất.

Điều 2. Thường trực Hội đồng nhân dân tỉnh có trách nhiệm tổ chức thực hiện chương trình.
"""


def test_the_agenda_of_a_session_is_no_task() -> None:
    keys = _keys(SESSIONS)
    assert not [k for k in keys if k.startswith("1.I.")]
    assert "1.II.1" in keys


DEFERS = """THỦ TƯỚNG CHÍNH PHỦ
QUYẾT ĐỊNH
Về trợ giúp giống cây trồng sau lũ

Điều 1. Cách thực hiện
1. Cấp phát giống
a) Ủy ban nhân dân cấp tỉnh phân bổ số giống được cấp cho các huyện;
b) Việc mua sắm, vận chuyển và thanh toán tiền giống thực hiện theo hướng dẫn của Bộ Nông nghiệp.
c) Việc cấp phát giống được thực hiện theo quy định hiện hành; Sở Nông nghiệp tổng hợp kết quả báo cáo Ủy ban nhân dân tỉnh.
"""


def test_a_unit_that_only_defers_to_other_rules_is_no_task() -> None:
    keys = _keys(DEFERS)
    assert "1.1.a" in keys and "1.1.b" not in keys
    assert "1.1.c" in keys  # a further clause gives work


RATES = """BỘ TÀI CHÍNH
THÔNG TƯ
Quy định quản lý kinh phí dự án trồng rừng ven biển

Điều 1. Nội dung và mức chi
1. Chi khảo sát, rà soát diện tích trồng mới; viết báo cáo kết quả khảo sát. Mức chi theo quy định hiện hành.
2. Chi tập huấn cho tổ đội trồng rừng. Chủ tịch Hội Nông dân cấp tỉnh quyết định mức chi cụ thể.
3. Chi mua cây giống: Hạt Kiểm lâm lập hồ sơ mua sắm trước ngày 30/6/2031.

Điều 2. Lập dự toán
Hội Nông dân cấp tỉnh lập dự toán gửi Bộ Tài chính trước ngày 20 tháng 6 năm trước.
"""


def test_an_article_of_rates_states_rules_unless_a_unit_sets_a_date() -> None:
    keys = _keys(RATES)
    assert "1.1" not in keys and "1.2" not in keys
    assert "1.3" in keys and "2" in keys



def test_an_article_of_rates_and_duties_is_read_unit_by_unit() -> None:
    text = RATES.replace("Điều 1. Nội dung và mức chi", "Điều 1. Mức chi và trách nhiệm của các đơn vị")
    assert "1.2" in _keys(text)  # "Chủ tịch Hội Nông dân cấp tỉnh quyết định …" under a title that gives duties
