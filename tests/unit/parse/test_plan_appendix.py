"""A plan promulgated with a decision and the appendix of that plan, set after the plan's last section with no
signature between them: the appendix is read as a part of its own (its keys take "PL." where they would repeat the
plan's), its rows numbered on from one group to the next are the groups' items; the closing "nếu thấy cần sửa đổi,
bổ sung …, đề xuất gửi X" is the stock clause of convention 9. The texts are invented for these tests."""

from __future__ import annotations

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.sections import is_stock_clause
from dondoc.taskset import Source

from tests.unit.parse.test_owner_structure import REPO

_DECISION = """ỦY BAN NHÂN DÂN TỈNH BẮC SƠN
Số: 77/QĐ-UBND
Bắc Sơn, ngày 02 tháng 3 năm 2027
QUYẾT ĐỊNH
Ban hành Kế hoạch phát triển thư viện cơ sở năm 2027
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phát triển thư viện cơ sở năm 2027.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này./.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Nam
KẾ HOẠCH
Phát triển thư viện cơ sở năm 2027
(Ban hành kèm theo Quyết định số 77/QĐ-UBND ngày 02/3/2027 của UBND tỉnh)
I. MỤC ĐÍCH
Nâng cao văn hóa đọc.
II. TỔ CHỨC THỰC HIỆN
1. Sở Văn hóa chủ trì theo dõi việc thực hiện Kế hoạch.
2. Sở Tài chính bảo đảm kinh phí thực hiện.
Trong quá trình thực hiện, nếu thấy cần sửa đổi, bổ sung nội dung của Kế hoạch, các đơn vị đề xuất gửi Sở Văn hóa để tổng hợp./.
PHỤ LỤC
DANH MỤC NHIỆM VỤ
(Kèm theo Kế hoạch ban hành kèm theo Quyết định số 77/QĐ-UBND)
I. Cơ sở vật chất
1. Rà soát các thư viện xã
Sở Văn hóa
Quý II/2027
2. Bổ sung sách cho thư viện xã
Ủy ban nhân dân cấp xã
Quý III/2027
II. Hoạt động
3. Tổ chức ngày hội đọc sách
Sở Văn hóa
Quý IV/2027
4. Tập huấn cán bộ thư viện
Sở Nội vụ
Quý IV/2027
"""


def _keys() -> dict[str, list[str]]:
    ts = parse_dispatch(_DECISION, source=Source(name="qd.txt"), observances=load_catalog(REPO / "config" / "observances.yaml"))
    return {t.key: t.schedule.due for t in ts.tasks}


def test_the_appendix_of_a_plan_is_a_part_of_its_own_keyed_pl() -> None:
    keys = _keys()
    assert {"II.1", "II.2", "PL.I.1", "PL.I.2"} <= set(keys)
    assert not any(k.startswith("III") for k in keys)  # the appendix's groups are no sections of the plan


def test_rows_numbered_on_from_the_group_before_are_the_next_group_s_items() -> None:
    keys = _keys()
    assert keys["PL.II.3"] == ["2027-12-31"]
    assert keys["PL.II.4"] == ["2027-12-31"]


def test_if_a_change_is_needed_propose_it_is_the_stock_clause() -> None:
    assert "R1" not in _keys()
    assert is_stock_clause("Trong quá trình tổ chức thực hiện, nếu thấy cần sửa đổi, bổ sung những nội dung cụ "
                           "thể, các sở chủ động đề xuất gửi Sở Kế hoạch để tổng hợp, báo cáo.")
    assert is_stock_clause("Khi cần điều chỉnh Kế hoạch, các đơn vị báo cáo về Sở Nội vụ.")
    assert not is_stock_clause("Sở Xây dựng chủ trì sửa đổi, bổ sung quy chế, trình UBND tỉnh trước ngày 30/6/2027.")
