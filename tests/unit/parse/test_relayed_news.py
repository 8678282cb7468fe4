"""A portal's item about a dispatch (dondoc/parse/prose.py excerpt_asks): one that names the dispatch by its number and
gives its requests is read as that dispatch; a story that a body issued a letter, told in its own words, is news and
refused (conventions 1 and 47). Invented texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from dondoc.observances import load_catalog
from dondoc.errors import NothingToTrackError
from dondoc.parse import parse_dispatch
from dondoc.taskset import Source

REPO = Path(__file__).resolve().parents[3]
CATALOG = load_catalog(REPO / "config" / "observances.yaml")

RELAYED = """Tổng kết công tác phòng, chống sốt xuất huyết
12/05/2026 | 09:10

Để đánh giá kết quả công tác phòng, chống sốt xuất huyết, Ủy ban nhân dân tỉnh vừa ban hành Công văn số 812/UBND-VX \
chỉ đạo các sở, ngành, UBND các huyện báo cáo kết quả thực hiện; cụ thể:

UBND tỉnh yêu cầu các sở, ngành, UBND các huyện rà soát, báo cáo kết quả phòng, chống sốt xuất huyết từ đầu năm đến nay.

Báo cáo gửi về Ủy ban nhân dân tỉnh (qua Sở Y tế) chậm nhất ngày 20/5/2026.
"""

RETOLD = """Đôn đốc hoàn thiện hồ sơ công nhận gia đình văn hóa
Ngày cập nhật 03/04/2026

Phòng Văn hóa và Thông tin huyện đã ban hành công văn về việc đôn đốc hoàn thiện hồ sơ công nhận gia đình văn hóa.

Theo đó, đề nghị các thôn, tổ dân phố khẩn trương lập hồ sơ gửi về Phòng Văn hóa và Thông tin trước ngày 15/4/2026.

Trần Văn Bình
Các tin khác
"""


def test_a_relayed_dispatch_named_by_its_number_is_read() -> None:
    ts = parse_dispatch(RELAYED, source=Source(name="t.txt"), observances=CATALOG)
    assert any(t.kind == "report" and t.schedule.due == ["2026-05-20"] for t in ts.tasks)


def test_a_story_that_a_letter_was_issued_is_news() -> None:
    with pytest.raises(NothingToTrackError):
        parse_dispatch(RETOLD, source=Source(name="t.txt"), observances=CATALOG)
