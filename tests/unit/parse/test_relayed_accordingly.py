"""A portal's item that names the dispatch by its number and goes on "Theo đó, … yêu cầu …" is read as that dispatch
(convention 51), its headline no item; a paragraph linked to the request before ("Song song đó, Sở X …", "Đồng thời,
…") whose owners are told what to do is a request too. Invented texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.prose import is_request
from dondoc.taskset import Source

REPO = Path(__file__).resolve().parents[3]

RELAYED = """Tăng cường phòng, chống bệnh dại
Cập nhật: 14/06/2031 9:12:05 SA

Ngày 13/6/2031, Chủ tịch UBND tỉnh ban hành Công văn số 2411/UBND-NN về việc tăng cường phòng, chống bệnh dại.

Theo đó, thực hiện đề nghị của Bộ Nông nghiệp tại Công văn số 990/BNN-TY ngày 02/6/2031, Chủ tịch UBND tỉnh yêu cầu \
Sở Nông nghiệp và Môi trường, Ủy ban nhân dân các xã, phường triển khai tiêm phòng dại cho đàn chó, mèo.

Song song đó, Sở Y tế tổ chức các đoàn công tác kiểm tra việc dự trữ vắc xin tại các trạm y tế.
"""


def test_a_relay_that_goes_on_accordingly_is_read_as_the_dispatch() -> None:
    ts = parse_dispatch(RELAYED, source=Source(name="t"), observances=load_catalog(REPO / "config" / "observances.yaml"))
    assert [(t.key, [o.name for o in t.lead]) for t in ts.tasks] == [
        ("-1", ["Sở Nông nghiệp và Môi trường", "Ủy ban nhân dân các xã, phường"]),
        ("-2", ["Sở Y tế"]),
    ]


@pytest.mark.parametrize(
    "text, asks",
    [
        ("Song song đó, Công an tỉnh tổ chức tuần tra trên các tuyến đường ven biển.", True),
        ("Đồng thời, Ủy ban nhân dân các huyện bố trí lực lượng trực tại các bến đò.", True),
        ("Bên cạnh đó, Sở Tài chính cân đối nguồn kinh phí hỗ trợ các hộ bị thiệt hại.", True),
        ("Trong năm qua, Sở Y tế đã tổ chức các đoàn kiểm tra tại các huyện.", False),
    ],
    ids=["in-parallel", "at-the-same-time", "besides", "what-was-done"],
)
def test_a_linked_paragraph_whose_owners_act_asks(text: str, asks: bool) -> None:
    assert is_request(text, subjects=True) is asks
