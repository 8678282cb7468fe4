"""Tables of tasks, a common layout of real plans (pure).

    | STT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành |
    | 1   | Xây dựng kế hoạch  | Sở Nội vụ      | Các sở, ngành   | Quý I/2026           |

Rows come as lines of cells between "|" (a .docx or HTML table, or a Markdown one). A table whose
header names the content and the lead or the time is read row by row; a row with a Roman numeral
and no owner is a group ("I | CÔNG TÁC TUYÊN TRUYỀN"), numbering the rows under it "I.1", "I.2".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dondoc.parse.lines import Line
from dondoc.parse.normalize import fold_keep_length

_COLUMNS: list[tuple[str, re.Pattern[str]]] = [
    ("key", re.compile(r"^(?:stt|tt|so tt|so thu tu)$")),
    ("support", re.compile(r"phoi hop")),
    ("lead", re.compile(r"chu tri|thuc hien|trach nhiem|don vi|co quan|phu trach")),
    ("when", re.compile(r"thoi gian|thoi han|tien do|^han\b|hoan thanh")),
    ("content", re.compile(r"noi dung|nhiem vu|cong viec|hoat dong|ten")),
]
_SEPARATOR = re.compile(r"^[\s|:\-–]*$")
_ROMAN_OR_LETTER = re.compile(r"^(?:[IVX]{1,5}|[A-ZĐ])\.?$")


@dataclass
class Row:
    key: str
    content: str
    lead: str
    support: str
    when: str
    line: Line


@dataclass
class Table:
    lines: list[Line]  # every line of the table, header included
    rows: list[Row] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.lines[0].start


def _cells(text: str) -> list[str]:
    return [c.strip() for c in text.strip().strip("|").split("|")]


def _columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for k, cell in enumerate(header):
        f = fold_keep_length(cell).strip(" .:")
        for name, pattern in _COLUMNS:
            if name == "when" and name in found and f.startswith(_DATE_HEADS) and _COUNT_HEAD.match(
                    fold_keep_length(header[found[name]]).strip(" .:")):
                # "Số ngày chậm nhất … trước ngày bầu cử" beside "Ngày chậm nhất phải hoàn thành": the column
                # of dates is the time, the count of days before an event only says how it was set
                found[name] = k
                break
            if name not in found and pattern.search(f):
                found[name] = k
                break
    return found


_COUNT_HEAD = re.compile(r"so (?:ngay|thang)\b")
_DATE_HEADS = ("ngay", "thoi han", "thoi gian", "han ")


def find_tables(lines: list[Line]) -> list[Table]:
    """The tables of tasks among the lines (runs of "| … |" lines with a header that names its columns)."""
    tables: list[Table] = []
    run: list[Line] = []
    for ln in [*lines, None]:
        if ln is not None and ln.text.startswith("|") and ln.text.count("|") >= 3:
            run.append(ln)
            continue
        if ln is not None and not ln.text and run:
            continue  # a blank line inside a table (a cell that spilled over)
        if len(run) >= 2:
            table = _read(run)
            if table is not None:
                tables.append(table)
        run = []
    return tables


def is_task_table(run: list[Line]) -> bool:
    """Whether a run of "| … |" lines is a table of tasks (its header names the content, and the lead or the time)."""
    return len(run) >= 2 and _read(run) is not None


def _read(run: list[Line]) -> Table | None:
    cols = _columns(_cells(run[0].text))
    if "content" not in cols or not ({"lead", "when"} & set(cols)):
        return None
    table = Table(lines=list(run))
    group = ""
    n = 0

    def cell(cells: list[str], name: str) -> str:
        k = cols.get(name)
        return cells[k] if k is not None and k < len(cells) else ""

    for ln in run[1:]:
        if _SEPARATOR.match(ln.text):
            continue
        cells = _cells(ln.text)
        content, lead, when = cell(cells, "content"), cell(cells, "lead"), cell(cells, "when")
        key = cell(cells, "key").rstrip(".")
        if not content:
            continue
        if _ROMAN_OR_LETTER.match(key) and not lead and not when:
            group, n = key, 0  # a group row: "I | CÔNG TÁC TUYÊN TRUYỀN"
            continue
        n += 1
        key = key if re.fullmatch(r"\d{1,3}(?:\.\d{1,3})*", key) else str(n)
        table.rows.append(Row(f"{group}.{key}" if group else key, content, lead, cell(cells, "support"), when, ln))
    return table if table.rows else None


_YEARS = re.compile(r"^(?:giai doan\s*|nam\s+(?=\d{4}\s*[-–]))?(?:\d{4}\s*[-–]\s*)?(\d{4})\s*$")


_EXPECTED = re.compile(r"(?i)^(?:dự kiến|ngày)\s+(?=(?:quý|tháng|năm)\b)")


def when_phrase(when: str) -> str:
    """The time column as a deadline phrase the date reader knows: "Quý I/2026" → "trong Quý I/2026"."""
    # "Dự kiến tháng 11/2025 (sau khi …)": the expected month is the time; "ngày Tháng 11/2025": a day left blank
    w = _EXPECTED.sub("", when.strip(), count=1)
    f = fold_keep_length(w)
    years = _YEARS.match(f)
    if years:  # "2026", "2026 - 2027", "Giai đoạn 2026-2030": by the end of the last year
        return f"đến năm {years.group(1)}"
    if re.match(r"\d", f):
        return f"trước ngày {w}"
    if re.match(r"(?:quy|thang|nam)\b", f):
        return f"trong {w}"
    return w


def _owner_cell(cell: str) -> str:
    """An owner cell as one list: "Đoàn Thanh niên xã; Hội LHPN xã", or one name a line ("- Sở A⏎- Sở B")
    → joined by commas."""
    if re.search(r"(?i)chủ trì|phối hợp", cell):
        return cell.strip()  # "Sở Y tế chủ trì; các sở, ngành phối hợp": a sentence, read as such
    parts = [re.sub(r"^[-–+•*]\s*", "", p.strip()).strip(" .") for p in re.split(r"[;\n]", cell)]
    return ", ".join(p for p in parts if p)


_MARKED_LEAD = re.compile(r"(?i)\s*\((?:cơ quan |đơn vị )?chủ trì\)")


def _marked(lead_cell: str, support_cell: str) -> tuple[str, str]:
    """One owner marked "(chủ trì)" among several in the lead column ("Sở Nội vụ (chủ trì); Ban Dân vận
    Thành ủy"): it leads, the others cooperate."""
    parts = [p.strip(" .") for p in re.split(r"[;\n]|,\s*(?=[A-ZĐ])", lead_cell) if p.strip(" .-")]
    marked = [p for p in parts if _MARKED_LEAD.search(p)]
    if len(marked) != 1 or len(parts) < 2:
        return lead_cell, support_cell
    others = [re.sub(r"^[-–+•*]\s*", "", p) for p in parts if p is not marked[0]]
    support = "; ".join([*others, *([support_cell] if support_cell.strip() else [])])
    return _MARKED_LEAD.sub("", marked[0]).strip(), support


def row_text(row: Row) -> str:
    """The row as the sentence the item readers expect: "X chủ trì, phối hợp với Y: nội dung. Thời hạn."""
    lead_cell, support_cell = _marked(row.lead, row.support)
    lead, support = _owner_cell(lead_cell), _owner_cell(support_cell)
    who = f"{lead} chủ trì" if lead else ""
    if lead and support:
        who += f", phối hợp với {support}"
    when = when_phrase(row.when) if row.when else ""
    return " ".join(p for p in [f"{who}:" if who else "", row.content.rstrip(".") + ".", f"Thời hạn: {when}." if when else ""] if p)
