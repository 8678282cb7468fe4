"""Rows of a task table whose cells a PDF's text layer set one after another, each cell cut into short lines
(pure): "1.⏎Tăng cường … về bảo hiểm y tế.⏎Bộ Khoa học và⏎Công nghệ⏎Bộ Tài chính⏎… ⏎Quý IV/2026", under a
header whose column names stand on lines of their own ("Cơ quan⏎chủ trì⏎Cơ quan⏎phối hợp⏎Thời gian hoàn⏎thành").
The outline reads each row as an item (its number, the groups' Roman numerals); its first cell that names a body
after the task's words is the column "Cơ quan chủ trì"."""

from __future__ import annotations

import re
from typing import Final

from dondoc.parse.lines import Line
from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.outline_nodes import Outline
from dondoc.parse.owners import label_owners
from dondoc.parse.tables import when_phrase

_LEAD_COLUMN: Final = re.compile(r"^(?:(?:co quan|don vi)\s+)?chu tri$")
_SUPPORT_COLUMN: Final = re.compile(r"^(?:(?:co quan|don vi)\s+)?phoi hop\b")
_REACH: Final = 12  # lines a header's column names stand within
# a cell's line that goes on on the next line: it ends on a joining word or a list's comma
_GOES_ON: Final = re.compile(r"(?:,|\b(?:va|o|cua|cac|thuoc|truc thuoc|nhan|ban)|(?<!\bcac )\bcap)$")
_QUALIFIER: Final = re.compile(r"\s+ở\s+(?:[Tt]rung ương|địa phương)\b")


def flat_header(lines: list[Line]) -> bool:
    """Whether the lines hold a task table's header set one column name (or half of one) a line."""
    lead_at = [k for k, ln in enumerate(lines) if len(ln.text) < 40 and _LEAD_COLUMN.match(fold_keep_length(ln.text.strip()).lower())]
    return any(_SUPPORT_COLUMN.match(fold_keep_length(lines[j].text.strip()).lower())
               for k in lead_at for j in range(k + 1, min(len(lines), k + _REACH)) if len(lines[j].text) < 40)


def lead_cell(text: str) -> str:
    """The first cell after the task's words that names a body ("Bộ Khoa học và⏎Công nghệ" → "Bộ Khoa học và Công
    nghệ"), or ""."""
    segs = [s.strip() for s in text.split("\n") if s.strip()]
    # the task column is the widest: a long first line cut mid-sentence goes on into the line that ends the
    # sentence ("… tín dụng khuyến khích⏎M&A doanh nghiệp công nghệ số vươn ra toàn cầu.")
    first = 2 if len(segs) > 2 and len(segs[0]) >= 45 and segs[0][-1] not in ".;:," and segs[1].endswith(".") else 1
    for i in range(first, len(segs)):
        if not label_owners(_QUALIFIER.sub("", segs[i]).rstrip(" ,;.")) and not _GOES_ON.search(fold_keep_length(segs[i]).lower()):
            continue
        cell = segs[i]
        j = i + 1
        while j < len(segs) and _GOES_ON.search(fold_keep_length(cell).lower()):
            cell, j = f"{cell} {segs[j]}", j + 1
        cell = _QUALIFIER.sub("", cell).rstrip(" ,;.")
        return cell if label_owners(cell) else ""
    return ""


# the column "Thời gian": "Thường xuyên", "Nhiệm vụ thường xuyên", "Hằng năm", "Quý IV/2026", "Từ quý II/2027", "2026 - 2030"
_WHEN_CELL: Final = re.compile(r"(?:nhiem vu )?thuong xuyen$|hang (?:nam|quy|thang)\b|(?:tu |trong )?(?:quy|thang|nam)\b|\d")


def when_cell(text: str) -> str:
    """The row's last cut line that is a time ("Nhiệm vụ thường⏎xuyên" joined), or ""."""
    segs = [s.strip() for s in text.split("\n") if s.strip()]
    for seg in reversed(segs[1:]):
        if len(seg) <= 40 and _WHEN_CELL.match(fold_keep_length(seg).lower()):
            return seg
    return ""


def mark_rows(outline: Outline) -> None:
    """Each row of a flattened task table takes the body its lead column names (Node.cell_lead); its time column
    is said as a table row's is ("Thời hạn: Thường xuyên."), after the row's words."""
    for root in outline.items:
        for nd in root.walk():
            if not nd.children and nd.style.startswith(("num", "dec")):
                nd.cell_lead = lead_cell(nd.text)
                when = when_cell(nd.text) if nd.cell_lead else ""
                if when:
                    nd.text = f"{nd.text.rstrip()}\nThời hạn: {when_phrase(when)}."
