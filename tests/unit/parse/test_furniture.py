"""Page furniture of a PDF's text layer (dondoc/parse/furniture.py): the Công báo's running head and page number,
and the digital signature stamp, blanked with their length kept; the reading sees none of it. Invented texts."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.furniture import without_furniture
from dondoc.taskset import Source

REPO = Path(__file__).resolve().parents[3]
CATALOG = load_catalog(REPO / "config" / "observances.yaml")


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        ("CÔNG BÁO/Số 412/Ngày 03-07-2026 \n57\n \nTHỦ TƯỚNG CHÍNH PHỦ", ["CÔNG BÁO", "57"], ["THỦ TƯỚNG CHÍNH PHỦ"]),
        ("CÔNG BÁO/Số 415 + 416/Ngày 05-07-2026\n\n  12 \n2. Bộ Y tế chủ trì.", ["CÔNG BÁO", "12"], ["2. Bộ Y tế chủ trì."]),
        ("1. Bộ Tài chính chủ trì, phối hợp\nKý bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
         "Cơ quan: VĂN PHÒNG CHÍNH PHỦ\nNgày ký: 2026-07-03 08:15:02 +07:00\nvới Bộ Tư pháp.",
         ["Ký bởi", "VĂN PHÒNG CHÍNH PHỦ", "08:15:02"], ["1. Bộ Tài chính chủ trì, phối hợp", "với Bộ Tư pháp."]),
        ("Người ký: Ủy ban Nhân dân tỉnh Đông Sơn\nEmail: ubnd@dongson.gov.vn\nCơ quan: Tỉnh Đông Sơn\n"
         "Thời gian ký: 14.08.2026 16:20:31 +07:00\nKẾ HOẠCH", ["Người ký", "Email", "16:20:31"], ["KẾ HOẠCH"]),
        ("Người ký: Cổng Thông tin điện tử Chính phủ Email: ttdt@chinhphu.vn Cơ quan: Văn phòng Chính phủ Thời gian ký: "
         "01.09.2026 09:40:10 +07:00\nQUYẾT ĐỊNH", ["Người ký", "09:40:10"], ["QUYẾT ĐỊNH"]),
    ],
    ids=["gazette-head", "gazette-double-issue", "stamp-mid-article", "stamp-lines", "stamp-one-line"],
)
def test_furniture_is_blanked_and_the_text_kept(text: str, gone: list[str], kept: list[str]) -> None:
    out = without_furniture(text)
    assert len(out) == len(text)
    assert all(g not in out for g in gone), out
    assert all(k in out for k in kept), out


@pytest.mark.parametrize(
    "text",
    [
        "4. Người ký: Chủ tịch UBND xã ký xác nhận vào biên bản.",  # a form's field, no signing time
        "Cơ quan: Sở Y tế\nNgày ký: trước ngày 30/9/2026",
        "Trong số Công báo số 12 đã đăng Nghị định.",
        "57\n2. Sở Nội vụ chủ trì.",  # a number with no gazette head above it
    ],
)
def test_what_only_looks_like_furniture_stays(text: str) -> None:
    assert without_furniture(text) == text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("CÔNG BÁO/Số12+Ngày-.:\n Kýbởi NgườikýThờigianEmailCơquan0789")), max_size=400))
def test_the_length_is_always_kept(text: str) -> None:
    assert len(without_furniture(text)) == len(text)


def test_a_decision_read_from_the_gazette_reads_as_its_clean_copy() -> None:
    clean = ("THỦ TƯỚNG CHÍNH PHỦ\n\nSố: 77/QĐ-TTg\n\nHà Nội, ngày 02 tháng 6 năm 2026\n\nQUYẾT ĐỊNH\nVề việc giao nhiệm vụ\n\n"
             "QUYẾT ĐỊNH:\n\nĐiều 1. Giao nhiệm vụ sau:\n1. Bộ Nội vụ chủ trì, phối hợp với Bộ Tài chính\n"
             "xây dựng Đề án, trình Thủ tướng Chính phủ trước ngày 30/11/2026.\n"
             "2. Bộ Y tế hằng năm báo cáo Thủ tướng Chính phủ trước ngày 15/12.\n"
             "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.\n")
    paged = clean.replace("xây dựng Đề án", "Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCơ quan: VĂN PHÒNG "
                          "CHÍNH PHỦ\nNgày ký: 2026-06-05 08:05:48 +07:00\n\nCÔNG BÁO/Số 300/Ngày 05-06-2026\n58\n\nxây dựng Đề án")
    read = [parse_dispatch("CÔNG BÁO/Số 300/Ngày 05-06-2026\n57\n" + t, source=Source(name="t.txt"), observances=CATALOG)
            for t in (clean, paged)]
    a, b = ([(t.key, [o.name for o in t.lead], [o.name for o in t.support], t.schedule.repeat, t.schedule.due,
              " ".join(t.text.split())) for t in r.tasks] for r in read)
    assert a == b and a
