"""Rows of a flattened task table numbered by a bare STT (pure).

A gazette's PDF text sets a task table's cells one after another, each on lines of its own, under a header whose
column names stand alone ("TT⏎Tên nhiệm vụ⏎Cơ quan⏎chủ trì⏎Cơ quan⏎phối hợp⏎…"). Its rows are often numbered by the
STT alone, with no full stop ("1⏎Thực hiện nghiêm …", or "7  Đề án về …" with the task's words after it), and the
header is set again at the top of each page. A clerk reads the numbers as the rows' labels: each number that goes on
from the last one ("1", "2", … afresh after a group's Roman numeral) is written as a label ("7. Đề án về …") for the
outline, and the header set again on a later page (inside a row that runs across it) is blanked. Only within such a
table, after its first header; the first header stays, to say what the table is.
"""

from __future__ import annotations

import re
from typing import Final

from dondoc.parse.lines import Line
from dondoc.parse.markers import roman_value
from dondoc.parse.normalize import fold_keep_length

_STT: Final = frozenset({"tt", "stt"})
# the column names of a task table, one line each (or half of one): "Tên nhiệm vụ", "Cơ quan", "chủ trì", "Thời gian"
# "hoàn thành", "Căn cứ" "bổ sung", "Kết quả/Đánh giá", "Cấp trình", "Sản phẩm", "Nội dung công việc"
_COLUMN: Final = re.compile(
    r"^(?:ten nhiem vu|noi dung(?: cong viec| nhiem vu)?|nhiem vu|co quan|don vi|chu tri|phoi hop|co quan chu tri|"
    r"co quan phoi hop|ket qua(?:\s*/\s*danh gia)?|san pham|thoi gian|thoi han|hoan thanh|thoi gian hoan thanh|"
    r"thoi han hoan thanh|can cu|bo sung|can cu bo sung|cap trinh|ghi chu|du kien san pham|quan|hoan thanh|han)$")
_REACH: Final = 14  # lines a header's column names stand within
_CELL: Final = 70  # a row's first line is a cell's width at most (its task column is the widest)
_ROW: Final = re.compile(r"(\d{1,2})(?:\s+(\S.*))?")
_ROMAN: Final = re.compile(r"([IVX]{1,5})\.?(?:\s+\S.*)?")


def _header_at(lines: list[Line], k: int) -> int:
    """The end of a header that starts at line k ("TT" then column names, one naming the lead column), or -1."""
    if fold_keep_length(lines[k].text).lower() not in _STT:
        return -1
    end, lead = k + 1, False
    while end < len(lines) and end - k <= _REACH:
        f = fold_keep_length(lines[end].text).lower().strip(" .")
        if not f:
            end += 1
            continue
        if not _COLUMN.match(f):
            break
        lead = lead or "chu tri" in f
        end += 1
    return end if lead else -1


def numbered_rows(lines: list[Line]) -> list[Line]:
    """The lines with a flattened task table's bare row numbers written as labels and its repeated headers blanked;
    the lines as they were when they hold no such table."""
    first = next((k for k in range(len(lines)) if lines[k].text in ("TT", "STT", "Stt", "tt") and _header_at(lines, k) > 0), -1)
    if first < 0:
        return lines
    out = list(lines)
    expect, group = 1, 0
    k = _header_at(lines, first)
    while k < len(lines):
        text = lines[k].text
        end = _header_at(lines, k) if text in ("TT", "STT", "Stt", "tt") else -1
        if end > 0:  # the header again, on the next page: no words of the row it cuts
            for j in range(k, end):
                out[j] = lines[j]._replace(text="", bold="")
            k = end
            continue
        roman = _ROMAN.fullmatch(text)
        if roman is not None and roman_value(roman.group(1)) == group + 1:
            group += 1  # the next group's numeral ("II" after "I"): its rows count afresh; not a cell's "khóa XVI"
            expect = 1
        m = _ROW.fullmatch(text)
        # (not a footnote under the table, "3 Chương trình số 12-CTr/BCĐ ngày …": a long line, as wide as the page)
        if m is not None and int(m.group(1)) == expect and (m.group(2) is None or m.group(2)[:1].isupper() and len(text) <= _CELL):
            out[k] = lines[k]._replace(text=f"{m.group(1)}. {m.group(2) or ''}".rstrip())
            expect = int(m.group(1)) + 1
        k += 1
    return out
