"""Lists read by OCR (dondoc/parse/label_runs.py, items.py; owners.py and roles.py for "như:"): a list
whose "1." came out as a dash before "2.", a unit whose "5." came out as "5 -", and names listed after
"như:" or "gồm:" (what the verb is about, not who does it). The texts are our own, in the shapes that
OCR output of real letters takes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.items import build_outline
from dondoc.parse.lines import split_lines
from dondoc.parse.owners import find_owners
from dondoc.taskset import Source
from tests.unit.parse.fixture_check import REPO

CATALOG = load_catalog(REPO / "config" / "observances.yaml")


def _keys(text: str) -> list[str]:
    outline = build_outline(split_lines(text))
    return [nd.key for root in outline.items for nd in root.walk()]


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # the first label lost to a dash: the dash paragraph is the unit 1
        ("- Kiểm tra lại hồ sơ thiết kế.\n\n2. Bổ sung bản đồ vùng ngập.\n\n3. Gửi lại bản thuyết minh.",
         ["1", "2", "3"]),
        # "5 -" between "4." and "6.": the next unit of the same list
        ("1. Đo đạc lại ranh giới.\n2. Lập phương án.\n3. Niêm yết công khai.\n4. Lấy ý kiến người dân.\n"
         "5 - Hoàn thiện hồ sơ giao đất.\n6. Tổng hợp kết quả.", ["1", "2", "3", "4", "5", "6"]),
        # a sub-list of its own starts at 1: "1-" under "2." stays a level below
        ("1. Chuẩn bị.\n2. Tổ chức:\n1- Mời đại biểu.\n2- Bố trí hội trường.",
         ["1", "2", "2.1", "2.2"]),
        # two dash paragraphs before "2.": no lost label can be told, nothing is numbered "1"
        ("- Việc thứ nhất.\n- Việc thứ hai.\n2. Một dòng có số.", []),
        # "2." with nothing before: no list opens on its second unit
        ("Hội nghị đã nghe báo cáo.\n\n2. Nội dung tiếp theo.", []),
        # a lower-case word after "5 -": not a unit's first line, no unit
        ("1. Rà soát danh sách.\n2. Cập nhật số liệu.\n3 - 7 ngày sau đó gửi lại.", ["1", "2"]),
    ],
)
def test_labels_an_ocr_misread(text: str, keys: list[str]) -> None:
    assert _keys(text) == keys


def test_lost_first_label_is_a_task() -> None:
    text = ("THÔNG BÁO\nKết luận của Chủ tịch tại cuộc họp về dự thảo quy chế\n\n"
            "Giao Sở Tư pháp tiếp tục hoàn thiện dự thảo, cụ thể:\n\n"
            "- Rà soát các điều khoản về thẩm quyền.\n\n2. Bổ sung quy định chuyển tiếp.\n\n"
            "3. Lấy ý kiến các sở, ngành.\n\nVăn phòng thông báo để các cơ quan biết, thực hiện./.")
    ts = parse_dispatch(text, source=Source(name="t.txt", sha256="0" * 64), observances=CATALOG)
    assert [t.key for t in ts.tasks] == ["1", "2", "3"]


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        # the names after "như:" are what is revised, not who revises
        ("Rà soát quy định về các chủ thể như: chủ đầu tư, đơn vị tư vấn, nhà thầu thi công.", []),
        ("Thống kê các khoản chi bao gồm: Văn phòng UBND tỉnh, Sở Tài chính đã tạm ứng.", []),
        # a colon after an owner still opens the owner's duties
        ("Sở Xây dựng: rà soát quy định về chủ đầu tư.", ["Sở Xây dựng"]),
    ],
)
def test_names_listed_after_nhu_are_no_owners(text: str, lead: list[str]) -> None:
    assert find_owners(text).lead == lead


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["1.", "2.", "3.", "4.", "5 -", "6.", "-", "a)", "b)"]), min_size=1, max_size=9))
def test_any_run_of_labels_makes_at_most_one_unit_a_line(labels: list[str]) -> None:
    text = "\n".join(f"{lab} Việc số {k} cần làm." for k, lab in enumerate(labels))
    outline = build_outline(split_lines(text))
    starts = [nd.start for root in outline.items for nd in root.walk()]
    assert len(starts) == len(set(starts)) <= len(labels)
