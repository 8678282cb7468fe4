"""A policy decision's rule articles stay rules, and its charges read as a clerk reads them
(dondoc/parse/units.py, sections.py, cadence.py, roles.py). Invented texts.

- a day already past when the decision is signed, or the date of a document it cites, is no
  milestone of a calendar: "Điều 3. Quy định về thời kỳ …" over periods of history gives no task;
- an article that sets how a claim is handled ("Hồ sơ, trình tự …") with no time of its own is the
  rule itself; one that sets a yearly deadline stays work to follow;
- "trình độ" (a level) and "trình tự" (a sequence) are nouns, not the verb "trình" (submit);
- "chỉ đạo ngành …" directs a whole sector, no body: the one who directs is the lead.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.cadence import classify
from dondoc.parse.sections import procedure_title
from dondoc.parse.units import milestone_days
from dondoc.taskset import Source, TaskSet

REPO = Path(__file__).resolve().parents[3]

HEADER = """ỦY BAN NHÂN DÂN TỈNH Y
Số: 12/2031/QĐ-UBND
Tỉnh Y, ngày 05 tháng 3 năm 2031
QUYẾT ĐỊNH
Về trợ giúp học nghề cho người rời quân ngũ

"""

POLICY = HEADER + """Điều 1. Quy định mức trợ giúp như sau:
1. Mức học phí: hai triệu đồng mỗi người, theo Thông tư số 77/2029/TT-BTC ngày 14/02/2029 của Bộ Tài chính.
2. Thời kỳ phục vụ được tính:
a) Ở đơn vị biên phòng từ tháng 3 năm 1990 đến ngày 31 tháng 12 năm 1999;
b) Ở đơn vị hải quân từ ngày 01 tháng 01 năm 2000 đến ngày 30 tháng 6 năm 2010.

Điều 2. Hồ sơ, trình tự xét trợ giúp
1. Người đề nghị nộp đơn cho Ủy ban nhân dân cấp xã.
2. Ủy ban nhân dân cấp xã xét, tổng hợp báo cáo Ủy ban nhân dân cấp huyện.
3. Ủy ban nhân dân cấp huyện ra quyết định trợ giúp.

Điều 3. Trách nhiệm thi hành
1. Sở Lao động - Thương binh và Xã hội có trách nhiệm chỉ đạo ngành Lao động - Thương binh và Xã hội hướng dẫn người học.
2. Giao Ủy ban nhân dân các huyện tổ chức dạy nghề trình độ sơ cấp cho người rời quân ngũ trên địa bàn.
"""

YEARLY = HEADER + """Điều 1. Hồ sơ đề nghị khen thưởng
1. Các sở, ngành lập hồ sơ đề nghị gồm tờ trình và báo cáo thành tích.
2. Các sở, ngành gửi hồ sơ về Sở Nội vụ trước ngày 15 tháng 4 hằng năm.
"""


def _read(text: str) -> TaskSet:
    return parse_dispatch(text, source=Source(name="t"), observances=load_catalog(REPO / "config" / "observances.yaml"))


def test_rule_articles_give_no_task() -> None:
    keys = {t.key for t in _read(POLICY).tasks}
    # Điều 1: the rates and the periods of history it defines; Điều 2: the steps of each claim
    assert not [k for k in keys if k.split(".")[0] in ("1", "2")], keys
    assert {"3.1", "3.2"} <= keys


def test_no_past_or_cited_day_is_a_due() -> None:
    dues = [d for t in _read(POLICY).tasks for d in t.schedule.due]
    assert not [d for d in dues if d < "2031-03-05"], dues


def test_procedure_with_a_yearly_deadline_stays_work() -> None:
    ts = _read(YEARLY)
    assert "1.2" in {t.key for t in ts.tasks}


def test_directing_a_sector_names_no_other_lead() -> None:
    t = next(t for t in _read(POLICY).tasks if t.key == "3.1")
    assert [o.name for o in t.lead] == ["Sở Lao động - Thương binh và Xã hội"]


def test_level_of_training_is_no_submission() -> None:
    t = next(t for t in _read(POLICY).tasks if t.key == "3.2")
    assert t.schedule.repeat == "continuous", t.explain.get("schedule.repeat")


@pytest.mark.parametrize(("text", "submits"), [
    ("Sở Tư pháp trình Ủy ban nhân dân tỉnh dự thảo quy chế.", True),
    ("Đào tạo trình độ sơ cấp cho lao động nông thôn.", False),
    ("Thực hiện đúng trình tự giải quyết đơn thư.", False),
])
def test_trinh_the_verb_only(text: str, submits: bool) -> None:
    repeat, why = classify(text, has_one_off_due=False, yearly_due=False, events=False, campaign=False)
    assert (repeat == "once" and "trình" in why) is submits, (repeat, why)


@pytest.mark.parametrize(("text", "days"), [
    ("Khai giảng: ngày 05/9/2031.", ["05/9/2031"]),
    ("theo Quyết định số 46/2015/QĐ-TTg ngày 28/9/2031 của Thủ tướng", []),  # a cited document's date
    ("từ tháng 5 năm 1975 đến ngày 07 tháng 01 năm 1979", []),  # before the decision: history
    ("Tổng kết: ngày 30 tháng 5 năm 2032", ["ngày 30 tháng 5 năm 2032"]),
])
def test_milestone_days(text: str, days: list[str]) -> None:
    from datetime import date
    assert [m.group() for m in milestone_days(text, date(2031, 3, 5))] == days


@pytest.mark.parametrize(("title", "body", "rule"), [
    ("Hồ sơ, trình tự giải quyết chế độ", "Ủy ban nhân dân cấp xã tiếp nhận hồ sơ.", True),
    ("Thủ tục xét hưởng trợ cấp hàng tháng", "Cấp xã lập danh sách trợ cấp hàng tháng.", True),
    ("Hồ sơ đề nghị xét tặng", "Gửi hồ sơ trước ngày 31 tháng 3 hằng năm.", False),
    ("Trách nhiệm của Sở Tài chính", "Bố trí kinh phí.", False),
    ("Hồ sơ gửi về Sở Nội vụ.", "", False),  # a sentence, no title
])
def test_procedure_title(title: str, body: str, rule: bool) -> None:
    assert procedure_title(title, lambda: title + " " + body) is rule


@pytest.mark.parametrize(("text", "support"), [
    ("Sở Tài chính chủ trì, phối hợp Kho bạc Nhà nước tỉnh cấp kinh phí cho các huyện.", ["Kho bạc Nhà nước tỉnh"]),
    ("Sở Y tế chủ trì, phối hợp Bảo hiểm xã hội tỉnh cấp thẻ cho trẻ em.", ["Bảo hiểm xã hội tỉnh"]),
    # a level, no verb: the name goes on
    ("Sở Nội vụ chủ trì, phối hợp Ủy ban nhân dân cấp huyện rà soát biên chế.", ["Ủy ban nhân dân cấp huyện"]),
])
def test_grant_verb_ends_a_name(text: str, support: list[str]) -> None:
    from dondoc.parse.owners import find_owners
    assert find_owners(text).support == support


ANNEXED = HEADER + """Điều 1. Ban hành kèm theo Quyết định này Kế hoạch trồng cây ven sông.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.

| Nơi nhận: - Như Điều 2; - Lưu: VT. | TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Nguyễn Văn D |
|---|---|

KẾ HOẠCH

TRỒNG CÂY VEN SÔNG (Ban hành kèm theo Quyết định số 12/2031/QĐ-UBND ngày 05/3/2031 của Ủy ban nhân dân tỉnh Y)

I. MỤC TIÊU
Trồng mười nghìn cây.

II. NHIỆM VỤ CỤ THỂ
(Chi tiết tại Phụ lục kèm theo)

III. TỔ CHỨC THỰC HIỆN
1. Sở Nông nghiệp chủ trì tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 15 tháng 12 hằng năm.

PHỤ LỤC
| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| 1 | Chọn giống cây | Sở Nông nghiệp | Các huyện | Quý II/2031 |
| 2 | Trồng cây ven sông Cái | Ủy ban nhân dân huyện Đông | Đoàn Thanh niên | Quý IV/2031 |
"""


def test_a_section_that_points_to_its_annex_is_no_task() -> None:
    keys = [t.key for t in _read(ANNEXED).tasks]
    assert "II" not in keys, keys
    assert len([k for k in keys if k not in ("III.1",)]) == 2, keys  # the annex's two rows
