"""A flattened task table whose rows are numbered by a bare STT: the numbers that go on are the rows' labels, the
header set again on the next page is blanked, and a footnote or a cell's Roman numeral is no row."""

from __future__ import annotations

from pathlib import Path

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.lines import Line
from dondoc.parse.row_numbers import numbered_rows
from dondoc.taskset import Source

REPO = Path(__file__).resolve().parents[3]
CATALOG = load_catalog(REPO / "config" / "observances.yaml")

HEADER = ["TT", "Tên nhiệm vụ", "Cơ quan", "chủ trì", "Cơ quan", "phối hợp", "Thời gian", "hoàn thành"]
TABLE = [*HEADER,
         "1", "Rà soát quy chuẩn về", "nước sạch nông thôn", "Bộ Xây dựng", "Các bộ,", "ngành", "Tháng", "6/2027",
         "2  Xây dựng bản đồ số", "vùng hạn mặn", "Bộ Nông nghiệp và", "Môi trường", "Các địa", "phương", "2027",
         "1 Quyết định số 15/QĐ-TTg ngày 02/02/2027 của Thủ tướng Chính phủ về chương trình nước sạch giai đoạn 2027-2030.",
         *HEADER,
         "3", "Tổng kết mô hình cấp nước", "tại các tỉnh khóa", "XVI", "Bộ Xây dựng", "Các tỉnh", "Quý IV/2027"]


def as_lines(texts: list[str]) -> list[Line]:
    out, pos = [], 0
    for k, t in enumerate(texts):
        out.append(Line(no=k + 1, start=pos, end=pos + len(t), text=t, bold=""))
        pos += len(t) + 1
    return out


def test_rows_take_labels_and_repeated_headers_go() -> None:
    got = [ln.text for ln in numbered_rows(as_lines(TABLE))]
    assert [t for t in got if t[:1].isdigit() and t[1:3] in (".", ". ")] == ["1.", "2. Xây dựng bản đồ số", "3."]
    assert got.count("TT") == 1  # the first header stays, the one on the next page is blanked
    assert got[TABLE.index("XVI")] == "XVI"  # a cell's numeral opens no group


def test_no_table_no_change() -> None:
    texts = ["Kính gửi các sở:", "1", "Đề nghị các sở báo cáo trước ngày 10/5/2027."]
    assert [ln.text for ln in numbered_rows(as_lines(texts))] == texts


def test_rows_are_items_of_the_appendix() -> None:
    text = ("CHÍNH PHỦ\n\nSố: 31/NQ-CP\n\nHà Nội, ngày 05 tháng 3 năm 2027\n\nNGHỊ QUYẾT\nBổ sung nhiệm vụ về nước sạch\n\n"
            "QUYẾT NGHỊ:\nĐiều 1. Ban hành kèm theo Nghị quyết này Phụ lục danh mục nhiệm vụ bổ sung.\n"
            "Điều 2. Nghị quyết này có hiệu lực kể từ ngày ký.\n\nTM. CHÍNH PHỦ\nTHỦ TƯỚNG\n\nNguyễn Văn A\n\n"
            "Phụ lục\nDANH MỤC NHIỆM VỤ BỔ SUNG\n(Kèm theo Nghị quyết số 31/NQ-CP ngày 05 tháng 3 năm 2027 của Chính phủ)\n"
            + "\n".join(TABLE) + "\n")
    ts = parse_dispatch(text, source=Source(name="t.txt"), observances=CATALOG)
    assert [t.key for t in ts.tasks if t.kind != "report"] == ["PL.1", "PL.2", "PL.3"]
