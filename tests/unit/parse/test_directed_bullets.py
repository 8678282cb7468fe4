"""A bullet's "Chỉ đạo B …" under an item (dondoc/parse/task_owners.py, gold convention 10: "A chỉ đạo B"
both lead): B leads beside the item's owner when the item's own words name nobody or say its owner directs, and
the bullet names no owner of its own;
under an item whose owner does its own work, it stays one duty among others. Our own sentences."""

from __future__ import annotations

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.taskset import Source
from tests.unit.parse.fixture_check import REPO

CATALOG = load_catalog(REPO / "config" / "observances.yaml")

_DISPATCH = """ỦY BAN NHÂN DÂN TỈNH X
Số: 12/KH-UBND

KẾ HOẠCH
Khắc phục các công trình xuống cấp

1. Về lĩnh vực thủy lợi:
- Chỉ đạo Sở Nông nghiệp và PTNT: kiểm tra các hồ chứa trước mùa mưa.
- Rà soát danh mục công trình cần sửa chữa.
2. Ủy ban nhân dân các huyện chỉ đạo các phòng chuyên môn thực hiện các việc sau:
- Chỉ đạo Phòng Tài chính - Kế hoạch cân đối kinh phí sửa chữa.
- Chỉ đạo Phòng Kinh tế - Hạ tầng lập hồ sơ quyết toán.
3. Sở Xây dựng thực hiện các việc sau:
- Thẩm định thiết kế sửa chữa.
- Chỉ đạo Trung tâm Kiểm định chất lượng xây dựng kiểm tra mẫu vật liệu.
"""


def _leads() -> dict[str, list[str]]:
    ts = parse_dispatch(_DISPATCH, source=Source(name="bullets.txt", sha256="0" * 64), observances=CATALOG)
    return {t.key: [o.name for o in t.lead] for t in ts.tasks}


def test_a_topic_heading_leaves_its_bullets_directed_body_as_lead() -> None:
    assert "Sở Nông nghiệp và PTNT" in _leads()["1"]


def test_an_owner_that_directs_names_the_bodies_its_bullets_direct() -> None:
    assert _leads()["2"] == ["Ủy ban nhân dân các huyện", "các phòng chuyên môn", "Phòng Tài chính - Kế hoạch",
                             "Phòng Kinh tế - Hạ tầng"]


def test_an_owner_doing_its_own_work_keeps_a_directed_bullet_as_one_duty() -> None:
    assert _leads()["3"] == ["Sở Xây dựng"]
