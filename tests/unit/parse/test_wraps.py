"""Breaks a page's width put inside a heading are read as spaces (wraps.joined_headings)."""

from __future__ import annotations

import pytest

from dondoc.parse.wraps import joined_headings

JOINED = [
    # a label alone on its line: its text is on the next one
    ("3.\nSở Xây dựng: rà soát hồ sơ.", "3. Sở Xây dựng: rà soát hồ sơ."),
    ("Điều 4.\nQuyết định này có hiệu lực.", "Điều 4. Quyết định này có hiệu lực."),
    ("b)\nLập danh sách hộ nghèo.", "b) Lập danh sách hộ nghèo."),
    # a heading's name cut short, its rest ending the heading
    ("2. Ban Chỉ đạo\nphòng chống thiên tai tỉnh:\na) Kiểm tra đê.", "2. Ban Chỉ đạo phòng chống thiên tai tỉnh:\na) Kiểm tra đê."),
    ("1. Văn phòng\nỦy ban nhân dân huyện:", "1. Văn phòng Ủy ban nhân dân huyện:"),
    # an article cut before its verb, the sentence going on in lower case
    ("Điều 5. Ủy ban nhân dân huyện\ngiao cho Phòng Nội vụ lập hồ sơ.", "Điều 5. Ủy ban nhân dân huyện giao cho Phòng Nội vụ lập hồ sơ."),
    ("Điều 2. Ủy\nban nhân dân xã giao:", "Điều 2. Ủy ban nhân dân xã giao:"),
    # a label alone, then a name cut short: both breaks
    ("4.\nSở Giao\nthông vận tải:", "4. Sở Giao thông vận tải:"),
]

KEPT = [
    "1. Sở Y tế:\na) Kiểm tra cơ sở.",  # a heading that ends
    "a) Rà soát danh sách.\nb) Báo cáo kết quả.",  # two items
    "2.\n3. Sở Nội vụ.",  # the next line has a label of its own
    "Công tác phòng dịch\nđược triển khai.",  # no label: not a heading
    "1. Tăng cường kiểm tra các cơ sở kinh doanh\nTrong quý, các đơn vị báo cáo.",  # a long heading, the next line a sentence
    "3. Sở Y tế\nPhối hợp với các huyện, kiểm tra cơ sở khám bệnh trong quý III năm nay.",  # the next line no short name
    "1.\n\nSở Tài chính.",  # a blank line between
    "| 1. | Sở Y tế |\n| 2. | Sở Nội vụ |",  # table rows
]


@pytest.mark.parametrize(("text", "want"), JOINED)
def test_a_wrapped_heading_is_joined(text: str, want: str) -> None:
    got = joined_headings(text)
    assert got == want
    assert len(got) == len(text)  # offsets kept


@pytest.mark.parametrize("text", KEPT)
def test_a_heading_that_ends_is_kept(text: str) -> None:
    assert joined_headings(text) == text


WRAPPED_RESOLUTION = """NGHỊ QUYẾT
QUYẾT NGHỊ:
Điều 1. Thông qua kế hoạch kiểm tra năm sau.
Điều 2. Hội
đồng nhân dân huyện giao:
1. Thường trực
Hội đồng nhân dân huyện:
a) Lập kế hoạch kiểm tra các xã.
b) Tổng hợp kết quả kiểm tra.
2.
Ủy ban nhân dân huyện: bố trí kinh phí kiểm tra.
"""


def test_a_wrapped_resolution_reads_as_an_unwrapped_one() -> None:
    from dondoc.observances import load_catalog
    from dondoc.parse import parse_dispatch
    from dondoc.taskset import Source
    from tests.unit.parse.fixture_check import REPO

    catalog = load_catalog(REPO / "config" / "observances.yaml")
    tasks = parse_dispatch(WRAPPED_RESOLUTION, source=Source(name="nq.md", sha256="0" * 64), observances=catalog).tasks
    leads = {t.key: [o.name for o in t.lead] for t in tasks}
    assert leads.get("2.1.a") == ["Thường trực Hội đồng nhân dân huyện"]
    assert leads.get("2.2") == ["Ủy ban nhân dân huyện"]
