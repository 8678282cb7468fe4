"""Layout tables: the two-column tables that hold a dispatch's header and signature block (pure).

Web copies of dispatches (a legal portal's page turned into Markdown) keep the header and the
signature block in the table the original is laid out in:

    | BỘ TÀI CHÍNH TỔNG CỤC THUẾ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --- |
    |---|---|
    | Số: 1414/TCT-CS V/v hỗ trợ … | Hà Nội, ngày 04 tháng 05 năm 2013 |
    | Kính gửi: | - Bộ Quốc phòng; - Bộ Tài chính |
    | Nơi nhận: - Như trên; - Lưu: VT. | TL. TỔNG CỤC TRƯỞNG KT. VỤ TRƯỞNG Ngô Văn Độ |

Each cell of such a table is read as the lines it stands for (the number, the trích yếu, the date,
each addressee, the signer's post and name), so that the header and the end of the body are found
as in a plain text. A table with more than two columns, or one the reader of task tables takes,
is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from dondoc.parse.lines import Line

_RULE = re.compile(r"\s*-{3,}\s*$")  # the short rule under an issuer's name or the motto
_SEPARATOR = re.compile(r"^[\s|:\-–]*$")
# where one cell holds several lines: before "V/v" after the number; before each "- " of a list
# that follows a colon, a semicolon or a parenthesis
_CELL_BREAK = re.compile(r"\s+(?=V/v\b|Về việc\b)|(?<=[:;)])\s+(?=[-–+]\s)")
# a person's name after a post in capitals: "PHÓ VỤ TRƯỞNG Ngô Văn Độ"
_NAME_AFTER_POST = re.compile(r"^(.*[A-ZĐ]{2,}[.)]?)\s+((?:[A-ZĐ][^\s\dA-ZĐ]+\s+){1,4}[A-ZĐ][^\s\dA-ZĐ]+)$")


def _cells(text: str) -> list[str]:
    return [c.strip() for c in text.strip().strip("|").split("|")]


def _row(ln: Line) -> bool:
    return ln.text.startswith("|") and ln.text.count("|") >= 2


def _pieces(cell: str) -> list[str]:
    """The lines one cell of a layout table stands for."""
    cell = _RULE.sub("", cell).strip()
    if not cell:
        return []
    out: list[str] = []
    for p in _CELL_BREAK.split(cell):
        p = p.strip()
        m = _NAME_AFTER_POST.match(p) if p else None
        if m and m.group(1).split()[0].isupper():
            out += [m.group(1), m.group(2)]
        elif p:
            out.append(p)
    return out


def unfold_layout(lines: list[Line], *, is_task_table: Callable[[list[Line]], bool] | None = None) -> list[Line]:
    """The lines with every two-column layout table read cell by cell (each cell's lines in its place,
    the left column first, row by row); other lines and tables as they are.

    `is_task_table`, when given, is called with a run of table lines and says whether the reader
    of task tables takes it: such a run is kept whole.
    """
    if not any(ln.text.startswith("|") for ln in lines):
        return lines
    out: list[Line] = []
    k, n = 0, len(lines)
    while k < n:
        if not _row(lines[k]):
            out.append(lines[k])
            k += 1
            continue
        j = k
        while j < n and _row(lines[j]):
            j += 1
        run = lines[k:j]
        widths = [len(_cells(ln.text)) for ln in run if not _SEPARATOR.match(ln.text)]
        if not widths or max(widths) > 2 or (is_task_table is not None and is_task_table(run)):
            out.extend(run)
        else:
            for ln in run:
                if _SEPARATOR.match(ln.text):
                    out.append(ln._replace(text="", bold=""))
                    continue
                for cell in _cells(ln.text):
                    out.extend(ln._replace(text=p, bold="") for p in _pieces(cell))
        k = j
    return out
