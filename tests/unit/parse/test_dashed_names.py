"""A body's name joined by a dash ("Bộ Lao động - Thương binh và Xã hội") that the page's width broke at its dash
goes on in the next line: that line is no bullet of its own (dondoc/parse/continuations.py). Invented texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.continuations import continues_sentence
from dondoc.taskset import Source, TaskSet

CATALOG = load_catalog(Path(__file__).resolve().parents[3] / "config" / "observances.yaml")


def read(text: str) -> TaskSet:
    return parse_dispatch(text, source=Source(name="t"), observances=CATALOG)


@pytest.mark.parametrize(("prev", "line", "goes_on"), [
    # the first field of a dashed name ends the line, its second field opens the next after the dash
    ("Các huyện lập danh sách hộ nghèo năm nay và gửi bản tổng hợp về Bộ Lao động", "- Thương binh và Xã hội trước ngày 5/9.", True),
    ("Đơn vị nộp dự toán kinh phí của năm sau cho các đơn vị thuộc Phòng Kế hoạch", "- Tài chính của huyện.", True),
    ("Nhà trường gửi hồ sơ đề nghị xét tuyển viên chức năm học mới về Vụ Tổ chức", "- Cán bộ để thẩm định.", True),
    # a sentence that ends, or a line that ends on no body's name: the dash opens a bullet
    ("Sở Tài chính chủ trì thẩm định dự toán kinh phí năm sau của các sở, ngành:", "- Rà soát các khoản chi.", False),
    ("Đề nghị các đơn vị thực hiện những việc sau đây trong thời gian tới gồm có", "- Rà soát các khoản chi.", False),
    ("Các đơn vị phối hợp chặt chẽ trong quá trình triển khai với Sở Tài chính.", "- Báo cáo kết quả.", False),
    ("Ngắn quá về Bộ Lao động", "- Thương binh và Xã hội.", False),  # a short line: not one the width broke
])
def test_a_dashed_name_cut_at_its_dash(prev: str, line: str, goes_on: bool) -> None:
    assert continues_sentence(prev, line) is goes_on


LETTER = """BỘ CÔNG THƯƠNG
Số: 77/BCT-KH
Hà Nội, ngày 02 tháng 3 năm 2031
V/v khảo sát chợ truyền thống
Kính gửi: Giám đốc Sở Công Thương các tỉnh
Để chuẩn bị đề án, Bộ đề nghị đồng chí Giám đốc Sở chỉ đạo một số việc như sau:
-
Rà soát danh sách chợ truyền thống trên địa bàn theo mẫu gửi kèm.
-
Tổng hợp kết quả khảo sát các chợ và gửi về Bộ Kế hoạch
- Đầu tư (qua Vụ Thị trường trong nước) trước ngày 15/4/2031.
Đề nghị đồng chí Giám đốc Sở quan tâm, chỉ đạo thực hiện./.
"""


def test_the_broken_line_stays_with_its_bullet() -> None:
    ts = read(LETTER)
    items = [t for t in ts.tasks if t.key.startswith("-")]
    assert [t.key for t in items] == ["-1", "-2"]
    second = items[1]
    assert "Vụ Thị trường trong nước" in second.text
    assert second.schedule.due == ["2031-04-15"]
    assert second.kind == "report"
