"""A table of receipts (.csv or .xlsx) into rows: which report or action each office finished, and when.

Columns, in Vietnamese or English, any order: dispatch (văn bản), key (mục), org (đơn vị),
date (ngày), and optionally period (kỳ), document (số báo cáo) and note (ghi chú). A bad cell
raises InputFileError naming the file, the line and the column; nothing is read half-way.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from dondoc.errors import InputFileError

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
MAX_CELL = 500

# normalised header (no accents, lower case) → field
HEADERS: dict[str, str] = {}
_NAMES = {
    "dispatch": ["dispatch", "van ban", "so van ban", "so hieu", "so hieu van ban", "cong van", "so cong van"],
    "key": ["key", "task", "muc", "so muc", "nhiem vu"],
    "org": ["org", "organization", "organisation", "don vi", "ma don vi", "co quan"],
    "period": ["period", "ky", "ky bao cao"],
    "date": ["date", "received", "ngay", "ngay nhan", "ngay gui", "ngay hoan thanh"],
    "document": ["document", "document number", "so bao cao", "bao cao", "van ban bao cao", "so van ban bao cao"],
    "note": ["note", "ghi chu"],
}
for _field, _names in _NAMES.items():
    HEADERS.update(dict.fromkeys(_names, _field))
REQUIRED = ("dispatch", "key", "org", "date")
LABEL = {"dispatch": "văn bản", "key": "mục", "org": "đơn vị", "period": "kỳ", "date": "ngày",
         "document": "số báo cáo", "note": "ghi chú"}


@dataclass(frozen=True)
class Receipt:
    """One row: an office finished a task's occurrence on a day."""

    line: int
    dispatch: str
    key: str
    org: str
    period: str | None
    at: date
    document: str | None
    note: str | None


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", bare.lower()).split())


def _cell(value: Any) -> str:
    """A cell as text: a whole number without '.0', a date as ISO, everything else trimmed."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return unicodedata.normalize("NFC", str(value)).strip()


def _date(text: str) -> date | None:
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def read_receipts(path: Path) -> list[Receipt]:
    """The rows of a .csv or .xlsx file; InputFileError names the line and column of the first bad cell."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputFileError(path, f"không đọc được tệp ({exc.strerror})") from None
    if size > MAX_BYTES:
        raise InputFileError(path, f"tệp lớn {size // 1024} KB, quá giới hạn {MAX_BYTES // 1024 // 1024} MB")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = _csv_rows(path)
    elif suffix in (".xlsx", ".xlsm"):
        rows = _xlsx_rows(path)
    else:
        raise InputFileError(path, "chỉ nhận tệp .csv hoặc .xlsx")
    return _receipts(path, rows)


def _csv_rows(path: Path) -> list[tuple[int, list[str]]]:
    from dondoc.ingest.decode import DecodeError, decode_bytes

    try:
        text, _ = decode_bytes(path.read_bytes())
    except DecodeError as exc:
        raise InputFileError(path, f"không đọc được chữ trong tệp ({exc})") from None
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    out = []
    try:
        for row in reader:
            out.append((reader.line_num, [_cell(c) for c in row]))
            if len(out) > MAX_ROWS + 1:
                raise InputFileError(path, f"quá {MAX_ROWS} dòng; chia tệp thành nhiều phần")
    except csv.Error as exc:
        raise InputFileError(path, f"dòng {reader.line_num}: không đọc được ({exc})") from None
    return out


def _xlsx_rows(path: Path) -> list[tuple[int, list[str]]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise InputFileError(path, f"không phải tệp Excel .xlsx đọc được ({exc.__class__.__name__})") from None
    try:
        sheet = wb.worksheets[0]
        out = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            out.append((number, [_cell(v) for v in values]))
            if len(out) > MAX_ROWS + 1:
                raise InputFileError(path, f"quá {MAX_ROWS} dòng; chia tệp thành nhiều phần")
        return out
    finally:
        wb.close()


def _receipts(path: Path, rows: list[tuple[int, list[str]]]) -> list[Receipt]:
    rows = [(n, r) for n, r in rows if any(r)]
    if not rows:
        raise InputFileError(path, "tệp trống: cần một dòng tiêu đề và các dòng số liệu")
    header_line, header = rows[0]
    fields: list[str | None] = []
    for cell in header:
        if not cell:
            fields.append(None)
            continue
        field = HEADERS.get(_plain(cell))
        if field is None:
            raise InputFileError(path, f"dòng {header_line}: cột “{cell}” không rõ nghĩa; các cột nhận được: "
                                       + ", ".join(f"{LABEL[f]} ({f})" for f in _NAMES))
        if field in fields:
            raise InputFileError(path, f"dòng {header_line}: cột “{LABEL[field]}” có hai lần")
        fields.append(field)
    missing = [LABEL[f] for f in REQUIRED if f not in fields]
    if missing:
        raise InputFileError(path, f"dòng {header_line}: thiếu cột " + ", ".join(f"“{m}”" for m in missing))
    out = []
    for line, cells in rows[1:]:
        values: dict[str, str] = {}
        for i, cell in enumerate(cells):
            field = fields[i] if i < len(fields) else None
            if field is None:
                if cell:
                    raise InputFileError(path, f"dòng {line}, cột {i + 1}: có số liệu nhưng không có tiêu đề")
                continue
            if len(cell) > MAX_CELL:
                raise InputFileError(path, f"dòng {line}, cột “{LABEL[field]}”: dài quá {MAX_CELL} ký tự")
            values[field] = cell
        for field in REQUIRED:
            if not values.get(field):
                raise InputFileError(path, f"dòng {line}, cột “{LABEL[field]}”: bỏ trống")
        day = _date(values["date"])
        if day is None:
            raise InputFileError(path, f"dòng {line}, cột “ngày”: {values['date']!r} không phải ngày "
                                       "(ngày/tháng/năm hoặc năm-tháng-ngày)")
        out.append(Receipt(line=line, dispatch=values["dispatch"], key=values["key"], org=values["org"],
                           period=values.get("period") or None, at=day, document=values.get("document") or None,
                           note=values.get("note") or None))
    if not out:
        raise InputFileError(path, "tệp chỉ có dòng tiêu đề, không có dòng số liệu nào")
    return out
