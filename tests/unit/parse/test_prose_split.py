"""A prose paragraph that makes several requests gives one task each (gold convention 2), on texts
of our own: a sentence that opens by asking a named addressee starts a request; the sentences after it
that ask nobody stay with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.lines import Line
from dondoc.parse.prose_split import requests_of
from dondoc.taskset import Source, TaskSet

CATALOG = load_catalog(Path(__file__).resolve().parents[3] / "config" / "observances.yaml")

HEAD = """ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH
SỞ TƯ PHÁP
Số: 77/STP-HCTP
V/v rà soát hồ sơ hộ tịch

Kính gửi: Ủy ban nhân dân các huyện, thành phố.

"""


def read(body: str) -> TaskSet:
    return parse_dispatch(HEAD + body, source=Source(name="t"), observances=CATALOG)


def para(*texts: str) -> list[Line]:
    out, at = [], 0
    for no, t in enumerate(texts, 1):
        out.append(Line(no, at, at + len(t), t, ""))
        at += len(t) + 1
    return out


def test_two_asks_in_one_paragraph_are_two_tasks() -> None:
    ts = read(
        "Sở Tư pháp đề nghị Ủy ban nhân dân các huyện, thành phố rà soát sổ hộ tịch và gửi kết quả về Sở "
        "trước ngày 12/3/2027. Đồng thời, đề nghị Phòng Tư pháp các huyện cập nhật dữ liệu hộ tịch lên phần "
        "mềm hằng tháng.\n\nTrân trọng./.\n"
    )
    by_key = {t.key: t for t in ts.tasks}
    assert sorted(by_key) == ["-1", "-2"]
    assert [o.name for o in by_key["-1"].lead] == ["Ủy ban nhân dân các huyện, thành phố"]
    assert by_key["-1"].schedule.due == ["2027-03-12"]
    assert [o.name for o in by_key["-2"].lead] == ["Phòng Tư pháp các huyện"]
    assert by_key["-2"].schedule.repeat == "monthly" and not by_key["-2"].schedule.due


def test_the_sentences_after_a_request_that_ask_nobody_stay_with_it() -> None:
    ts = read(
        "Đề nghị Ủy ban nhân dân các huyện, thành phố tổng hợp số liệu đăng ký khai sinh năm 2026. Báo cáo "
        "gửi về Sở Tư pháp trước ngày 15/01/2027. Số liệu tính đến hết ngày 31/12/2026.\n"
    )
    assert [t.key for t in ts.tasks if "." not in t.key] == ["-"]  # its report is the request's own (-.R1)
    assert ts.tasks[0].schedule.due == ["2027-01-15"]


@pytest.mark.parametrize(
    ("texts", "parts"),
    [
        # two asks, each opening its sentence: cut where the second starts, across a wrapped line
        (("Đề nghị Sở Y tế rà soát danh sách. Giao Sở Tài chính bố trí", "kinh phí trước ngày 30/6."),
         [["Đề nghị Sở Y tế rà soát danh sách."], ["Giao Sở Tài chính bố trí", "kinh phí trước ngày 30/6."]]),
        # a semicolon ends a request too
        (("Đề nghị Công an tỉnh chỉ đạo tuần tra; đề nghị Bộ Chỉ huy Quân sự tỉnh phối hợp bảo vệ.",),
         [["Đề nghị Công an tỉnh chỉ đạo tuần tra;"], ["đề nghị Bộ Chỉ huy Quân sự tỉnh phối hợp bảo vệ."]]),
        # the second sentence asks nobody by name ("đề nghị gửi …"): one request
        (("Đề nghị Sở Y tế rà soát danh sách. Đề nghị gửi kết quả về Văn phòng trước ngày 30/6.",), None),
        # the ask of the second sentence comes late, in passing: not a request that opens it
        (("Đề nghị Sở Y tế rà soát danh sách. Việc rà soát năm trước theo Công văn số 12/UBND ngày 3/3/2025 của "
          "Ủy ban nhân dân tỉnh về việc tăng cường công tác kiểm tra đã đề nghị Sở Tài chính bố trí kinh phí.",), None),
        # "TP. Hồ Chí Minh" ends no sentence
        (("Đề nghị Sở Y tế TP. Hồ Chí Minh rà soát danh sách.",), None),
        # a background sentence before the one request: nothing to cut
        (("Ngày 02/3/2026, Bộ Y tế có văn bản hướng dẫn. Đề nghị Sở Y tế rà soát danh sách.",), None),
    ],
)
def test_where_a_paragraph_is_cut(texts: tuple[str, ...], parts: list[list[str]] | None) -> None:
    p = para(*texts)
    got = [[ln.text for ln in q] for q in requests_of(p)]
    assert got == (parts if parts is not None else [list(texts)])


def test_addressees_listed_across_a_semicolon_make_one_request() -> None:
    # "Yêu cầu A, B, C; D khẩn trương …": the semicolon only goes on with the list of whom the one request asks
    p = para("Yêu cầu Giám đốc các Sở: Tư pháp, Tài chính, Văn phòng Ủy ban nhân dân tỉnh; Chủ tịch UBND huyện Tuy Phong "
             "khẩn trương tổ chức kiểm điểm và báo cáo kết quả về Sở Nội vụ trước ngày 30/6/2026.")
    assert len(requests_of(p)) == 1
    ts = read(" ".join(ln.text for ln in p) + "\n")
    (t,) = [t for t in ts.tasks if t.kind == "action"]
    assert {o.name for o in t.lead} >= {"Giám đốc Sở Tư pháp", "Chủ tịch UBND huyện Tuy Phong"}


def test_a_request_that_acts_before_its_semicolon_is_still_cut() -> None:
    p = para("Đề nghị Phòng Tư pháp rà soát hồ sơ trước ngày 15/5/2026; đề nghị Phòng Nội vụ các huyện cập nhật số liệu hằng quý.")
    assert len(requests_of(p)) == 2
