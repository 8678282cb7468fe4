"""A gazette's page heads set among the lines at each page break are no text of the items; the proposer's answering
for its own submission ("Chịu trách nhiệm … về nội dung … tại Tờ trình số …") is no work. The texts are invented
for these tests."""

from __future__ import annotations

import pytest

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.furniture import without_furniture
from dondoc.parse.sections import is_execution_clause
from dondoc.taskset import Source

from tests.unit.parse.test_owner_structure import REPO


def test_a_page_head_and_its_number_are_blanked_keeping_the_length() -> None:
    text = "a) Rà soát.\nCÔNG BÁO/Số 12 + 13/Ngày 05-03-2027\n41\nb) Kiểm tra."
    out = without_furniture(text)
    assert len(out) == len(text)
    assert out.split("\n")[1].strip() == "" and out.split("\n")[2].strip() == ""
    assert out.split("\n")[3] == "b) Kiểm tra."


def test_a_heading_cut_from_its_points_by_a_page_break_stays_a_heading() -> None:
    text = ("KẾ HOẠCH\nNăm 2027\nI. TỔ CHỨC THỰC HIỆN\n1. Sở Du lịch\na) Xây dựng bản đồ du lịch.\n"
            "2. Các huyện\nCÔNG BÁO/Số 40/Ngày 10-04-2027\n77\n"
            "a) Rà soát các điểm du lịch.\nb) Bố trí kinh phí thực hiện.\n")
    ts = parse_dispatch(text, source=Source(name="kh.txt"), observances=load_catalog(REPO / "config" / "observances.yaml"))
    keys = {t.key for t in ts.tasks}
    assert "I.2" not in keys and {"I.2.a", "I.2.b"} <= keys


@pytest.mark.parametrize(
    "text, clause",
    [
        ("Chịu trách nhiệm theo quy định về nội dung báo cáo, đề xuất tại Tờ trình số 15/TTr-SDL ngày 02/3/2027.", True),
        ("Sở Xây dựng chịu trách nhiệm về tính chính xác của số liệu tại Tờ trình số 8/TTr-SXD.", True),
        ("Chịu trách nhiệm hoàn thiện hồ sơ, trình UBND tỉnh trước ngày 30/6/2027.", False),
        ("Sở Y tế chịu trách nhiệm kiểm tra các cơ sở khám bệnh.", False),
    ],
    ids=["own-submission", "with-subject", "a-duty", "a-duty-with-subject"],
)
def test_answering_for_one_s_own_submission_is_no_work(text: str, clause: bool) -> None:
    assert is_execution_clause(text) is clause
