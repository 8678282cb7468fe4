"""Requests written as prose (dondoc/parse/prose.py), and what a text that asks nothing is told."""

from __future__ import annotations

import pytest

from dondoc.errors import NothingToTrackError
from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.prose import is_request
from dondoc.taskset import Source
from tests.unit.parse.fixture_check import REPO

CATALOG = load_catalog(REPO / "config" / "observances.yaml")


@pytest.mark.parametrize(
    "text",
    [
        "Chủ tịch UBND tỉnh giao Công an tỉnh nghiên cứu, rà soát và gửi văn bản cho Bộ Công an theo thời gian quy định.",
        "Sở Nội vụ đề nghị các cơ quan, đơn vị khẩn trương gửi báo cáo về Sở trước ngày 20/10/2026.",
        "Để kịp tổng hợp, đề nghị UBND các xã, phường rà soát, cập nhật danh sách hộ nghèo trước ngày 15/11/2026.",
        "Thực hiện Công văn số 120/UBND-VX của UBND tỉnh, Phòng Văn hóa yêu cầu các trường hoàn thành kế hoạch trong tháng 9/2026.",
        "Cục Thuế được biết, báo cáo UBND tỉnh chỉ đạo các cơ quan liên quan giải quyết theo quy định.",
        "Kính trình đồng chí Chủ tịch UBND tỉnh xem xét, chỉ đạo.",
        "Trạm Y tế xã chủ trì, phối hợp với các thôn tổ chức tiêm phòng trong tháng 4/2026.",
        "Tổ chức trực ban nghiêm túc, sẵn sàng ứng phó với mọi diễn biến xấu của thời tiết./.",
        # the issuer's own request after a cited document, in the same sentence
        "Thực hiện đề nghị của Bộ Nông nghiệp tại Công văn số 512/BNN-TY ngày 03/3/2026 về việc phòng dịch, "
        "Chủ tịch UBND tỉnh yêu cầu Sở Nông nghiệp, UBND các huyện triển khai ngay các biện pháp tiêu độc.",
        # a request, a closing formula after it, then the stock clause: still a request
        "Phòng Tài chính có trách nhiệm tổng hợp nhu cầu kinh phí của các đơn vị, gửi Sở Tài chính. Yêu cầu "
        "các trường học phối hợp và tổ chức thực hiện. Nếu có khó khăn, vướng mắc, kịp thời phản ánh về Phòng "
        "Tài chính để được hướng dẫn.",
    ],
    ids=["giao-cat", "de-nghi-gui-bao-cao", "de-kip-tong-hop", "thuc-hien-then-request", "bao-cao-ubnd",
         "kinh-trinh", "chu-tri", "imperative-to-every-addressee", "own-request-after-cited-document",
         "request-then-closer-then-stock-clause"],
)
def test_a_paragraph_that_asks_someone_to_act_is_a_request(text: str) -> None:
    assert is_request(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ngày 02/9/2026, Sở Tài chính có Công văn số 1905/STC-QLNS đề nghị các đơn vị báo cáo trước ngày 20/9/2026.",
        "Ủy ban nhân dân tỉnh nhận được Công văn số 4552/BCA-C04 ngày 09/10/2025 của Bộ Công an về việc rà soát.",
        "Sở Tài chính đề nghị các cơ quan, đơn vị thực hiện một số nội dung sau:",
        "Quá thời hạn trên, Sở sẽ tổng hợp danh sách các đơn vị chậm báo cáo, báo cáo UBND tỉnh xem xét./.",
        "Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ngành, địa phương triển khai thực hiện nghiêm túc./.",
        "Thủ tướng Chính phủ yêu cầu Chủ tịch UBND các tỉnh thực hiện nghiêm túc, hiệu quả Chỉ thị này./.",
        "UBND tỉnh thông báo để các cơ quan, đơn vị, địa phương biết, triển khai thực hiện./.",
        "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị phản ánh về Sở Nội vụ để hướng dẫn./.",
        "Phát biểu tại hội nghị, Chủ tịch UBND tỉnh đề nghị các sở, ngành tiếp tục quan tâm công tác dân vận.",
        "Tổng cục Thuế đồng ý với ý kiến của Cục Thuế tại Công văn số 1752/CT-THNVDT về việc miễn tiền sử dụng đất gửi UBND tỉnh.",
        "Việc miễn, giảm tiền sử dụng đất được áp dụng trực tiếp đối với người có công với cách mạng.",
        "Thực hiện Kế hoạch số 12/KH-UBND ngày 02/3/2026 của UBND tỉnh về công tác dân vận năm 2026.",
        "Trưởng các bộ phận có trách nhiệm thực hiện Quy chế này. Nếu có khó khăn, vướng mắc, báo cáo "
        "Chủ tịch UBND xã để xem xét, sửa đổi.",
    ],
    ids=["cited-request", "received", "introduces-a-list", "issuer-intention", "closing-formula", "execute-this-directive",
         "for-information", "stock-clause", "news-speech", "a-document-sent", "a-rule", "implements-a-plan",
         "execute-this-regulation-then-stock-clause"],
)
def test_a_paragraph_that_asks_nothing_is_no_request(text: str) -> None:
    assert not is_request(text)


DONDOC = """UBND XÃ TÂN PHÚ
Số: 214/UBND-VP
V/v đôn đốc báo cáo kết quả rà soát hộ nghèo
Tân Phú, ngày 03 tháng 11 năm 2026

Kính gửi: Trưởng các thôn, tổ dân phố.

Ngày 10/10/2026, UBND xã có Công văn số 190/UBND-VP đề nghị các thôn báo cáo kết quả rà soát hộ nghèo trước ngày 25/10/2026. Đến nay còn 4 thôn chưa gửi báo cáo.

Để kịp tổng hợp báo cáo UBND tỉnh, UBND xã đề nghị Trưởng các thôn chưa báo cáo khẩn trương gửi kết quả rà soát về UBND xã (qua công chức Lao động - Thương binh và Xã hội) trước ngày 07/11/2026.

Đồng thời, đề nghị Trưởng các thôn phối hợp với Chi hội Nông dân rà soát, lập danh sách hộ cần hỗ trợ sửa chữa nhà ở, hoàn thành trong tháng 11/2026.

Quá thời hạn trên, UBND xã sẽ tổng hợp, báo cáo Chủ tịch UBND xã xem xét trách nhiệm./.

Nơi nhận:
- Như trên;
- Lưu: VP.
"""

NEWS = """Sáng 21/4, Ban Thường vụ Tỉnh ủy tổ chức hội nghị triển khai công tác sắp xếp tổ chức bộ máy.
Phát biểu tại hội nghị, đồng chí Bí thư Tỉnh ủy đề nghị các cấp ủy tiếp tục quán triệt, thực hiện tốt chủ trương.
Dịp này, các đại biểu đã trao đổi nhiều ý kiến tâm huyết.
"""

GUIDANCE = """BỘ NỘI VỤ
Số: 12/HD-BNV
Hà Nội, ngày 05 tháng 3 năm 2026

Kính gửi: Các bộ, ngành; UBND các tỉnh, thành phố.

Văn bản hành chính được trình bày trên khổ giấy A4. Phông chữ sử dụng là phông chữ tiếng Việt Times New Roman.

Số trang văn bản được đánh bằng chữ số Ả Rập, cỡ chữ từ 13 đến 14./.
"""


def test_a_dondoc_in_prose_yields_one_task_for_each_request_in_order() -> None:
    ts = parse_dispatch(DONDOC, source=Source(name="dondoc"), observances=CATALOG)
    got = {t.key: t for t in ts.tasks}
    assert list(got) == ["-1", "-2"]
    assert got["-1"].kind == "report" and got["-1"].schedule.due == ["2026-11-07"]
    assert got["-2"].schedule.due == ["2026-11-30"]


def test_news_is_refused_and_told_it_has_no_dispatch_header() -> None:
    with pytest.raises(NothingToTrackError, match="không có phần đầu của một công văn"):
        parse_dispatch(NEWS, source=Source(name="news"), observances=CATALOG)


def test_a_text_of_rules_is_refused_and_told_that_nothing_is_asked() -> None:
    with pytest.raises(NothingToTrackError, match="không đoạn nào yêu cầu ai"):
        parse_dispatch(GUIDANCE, source=Source(name="guidance"), observances=CATALOG)


SLOGANS = """UBND XÃ AN LẠC
Số: 30/KH-UBND
An Lạc, ngày 02 tháng 4 năm 2026

KẾ HOẠCH
Tuyên truyền kỷ niệm Ngày Giải phóng miền Nam

I. NỘI DUNG
1. Treo băng rôn, khẩu hiệu tại trụ sở và các tuyến đường chính, hoàn thành trước ngày 25/4/2026.
II. KHẨU HIỆU TUYÊN TRUYỀN
1. Nhiệt liệt chào mừng 51 năm Ngày Giải phóng miền Nam, thống nhất đất nước!
2. Toàn dân đoàn kết xây dựng quê hương giàu đẹp, văn minh!
"""


def test_slogans_are_no_tasks() -> None:
    ts = parse_dispatch(SLOGANS, source=Source(name="khau-hieu"), observances=CATALOG)
    assert [t.key for t in ts.tasks] == ["I.1"]


EXCERPT = """Để kịp tổng hợp báo cáo Bộ Nội vụ, Sở Nội vụ đề nghị UBND các xã, phường rà soát danh sách cán bộ không
chuyên trách và gửi về Sở Nội vụ trước ngày 20/6/2026.
"""

NEWS_WITH_A_DATE = """Sáng 10/6, UBND tỉnh tổ chức hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm.
Phát biểu chỉ đạo, đồng chí Phó Chủ tịch UBND tỉnh đề nghị các sở, ngành gửi báo cáo về Sở Nội vụ trước ngày 20/6.
Dự hội nghị có lãnh đạo các sở, ngành và UBND các xã, phường.
"""


def test_an_excerpt_without_a_header_that_asks_for_something_by_a_date_is_read() -> None:
    ts = parse_dispatch(EXCERPT, source=Source(name="trich"), observances=CATALOG)
    assert [(t.key, t.kind, t.schedule.due) for t in ts.tasks] == [("-", "report", ["2026-06-20"])]


def test_news_that_quotes_a_request_is_still_refused() -> None:
    with pytest.raises(NothingToTrackError, match="có phải một bài tin"):
        parse_dispatch(NEWS_WITH_A_DATE, source=Source(name="tin"), observances=CATALOG)


REPORT_CALENDAR = """UBND HUYỆN HÒA AN
Số: 88/UBND-NV
V/v thời hạn gửi báo cáo công tác dân vận
Hòa An, ngày 12 tháng 1 năm 2026

Kính gửi: Các phòng, ban chuyên môn; UBND các xã, thị trấn.

Để thống nhất thời hạn, các cơ quan, đơn vị lập kế hoạch và gửi báo cáo về UBND huyện (qua Phòng Nội vụ) theo lịch sau:
- Kế hoạch công tác năm ban hành trước ngày 10/12 hằng năm;
- Báo cáo tháng gửi trước ngày 18 của tháng;
- Báo cáo quý gửi trước ngày 12 của tháng cuối quý;
- Báo cáo 6 tháng gửi trước ngày 12/6;
- Báo cáo năm gửi trước ngày 20/11 hằng năm.

Nơi nhận:
- Như trên;
- Lưu: VT.
"""


def test_a_calendar_of_report_dates_in_dash_bullets_is_read_one_task_a_bullet() -> None:
    ts = parse_dispatch(REPORT_CALENDAR, source=Source(name="calendar"), observances=CATALOG)
    got = [(t.key, t.schedule.repeat, t.schedule.due) for t in ts.tasks]
    assert got == [("-1", "annual", ["--12-10"]), ("-2", "monthly", ["---18"]), ("-3", "quarterly", ["---12"]),
                   ("-4", "semiannual", ["--06-12"]), ("-5", "annual", ["--11-20"])]


@pytest.mark.parametrize(
    "text",
    [
        "Danh sách phải được gửi về Sở Nội vụ trước ngày 15/8/2026. Sở Nội vụ sẽ tổng hợp, báo cáo UBND tỉnh trước ngày 30/8/2026.",
        "Các xã gửi kết quả về UBND huyện trước 10/5/2026; UBND huyện sẽ tổng hợp, báo cáo Sở Nội vụ.",
    ],
    ids=["sent-then-gathered", "clause-then-gathered"],
)
def test_an_obligation_before_the_gatherers_intention_is_still_a_request(text: str) -> None:
    assert is_request(text)


SUBMISSION_IN_TWO_PARAGRAPHS = """BAN DÂN VẬN TỈNH ỦY
Số: 310/BDV-NV
V/v báo cáo sơ kết mô hình dân vận khéo
Tân An, ngày 02 tháng 3 năm 2026

Kính gửi: ……………………………………

Để có cơ sở đánh giá kết quả thực hiện mô hình, Ban Dân vận Tỉnh ủy đề nghị các huyện ủy, thành ủy xây dựng báo cáo sơ kết 3 năm thực hiện mô hình dân vận khéo và đề xuất nhiệm vụ thời gian tới.

Báo cáo sơ kết gửi về Ban Dân vận Tỉnh ủy trước ngày 20 tháng 3 năm 2026 (bản điện tử gửi qua thư điện tử) để tổng hợp.
"""


def test_the_paragraph_that_sends_what_was_asked_gives_the_request_its_deadline() -> None:
    ts = parse_dispatch(SUBMISSION_IN_TWO_PARAGRAPHS, source=Source(name="submission"), observances=CATALOG)
    got = [(t.key, t.kind, t.schedule.due, t.report_to) for t in ts.tasks]
    assert got == [("-", "action", ["2026-03-20"], None), ("-.R1", "report", ["2026-03-20"], "Ban Dân vận Tỉnh ủy")]
    assert ts.dispatch.recipients == []  # the dots of a form to fill in are no addressee
