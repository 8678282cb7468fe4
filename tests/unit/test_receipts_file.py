"""Reading a table of receipts: headers in Vietnamese or English, a bad cell named by line and column."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from dondoc.errors import InputFileError
from dondoc.ingest.receipts import MAX_ROWS, Receipt, read_receipts

VI = ["Văn bản", "Mục", "Đơn vị", "Kỳ", "Ngày", "Số báo cáo"]
ROW = ["125/UBND-NC", "3.R1", "hoi-ccb", "2025-H1", "12/06/2025", "Báo cáo số 45/BC-CCB"]


def csv_file(tmp_path: Path, *rows: list[str], sep: str = ",", encoding: str = "utf-8-sig") -> Path:
    path = tmp_path / "bao-cao.csv"
    path.write_text("\n".join(sep.join(r) for r in rows) + "\n", encoding=encoding)
    return path


def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: a letter with its tone mark as a combining character."""
    import unicodedata

    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            out += (unicodedata.normalize("NFC", parts[:-1]) + parts[-1]).encode("cp1258")
    return out


def refused(path: Path) -> str:
    with pytest.raises(InputFileError) as info:
        read_receipts(path)
    return str(info.value)


class TestReading:
    @pytest.mark.parametrize("sep", [",", ";", "\t"], ids=["comma", "semicolon", "tab"])
    def test_a_csv_with_vietnamese_headers_in_any_separator(self, tmp_path: Path, sep: str) -> None:
        [r] = read_receipts(csv_file(tmp_path, VI, ROW, sep=sep))
        assert r == Receipt(line=2, dispatch="125/UBND-NC", key="3.R1", org="hoi-ccb", period="2025-H1",
                            at=date(2025, 6, 12), document="Báo cáo số 45/BC-CCB", note=None)

    def test_english_headers_in_another_order_with_a_note_and_no_period(self, tmp_path: Path) -> None:
        [r] = read_receipts(csv_file(tmp_path, ["org", "date", "key", "dispatch", "note"],
                                     ["hoi-nd", "2025-06-20", "3.R1", "125/UBND-NC", "gửi muộn"]))
        assert (r.org, r.at, r.period, r.document, r.note) == ("hoi-nd", date(2025, 6, 20), None, None, "gửi muộn")

    def test_headers_are_read_without_accents_or_case(self, tmp_path: Path) -> None:
        [r] = read_receipts(csv_file(tmp_path, ["VAN BAN", "muc", "don vi", "ngay"], ["125/UBND-NC", "3.R1", "x", "1/6/2025"]))
        assert r.at == date(2025, 6, 1)

    def test_a_windows_1258_csv_is_read(self, tmp_path: Path) -> None:
        path = tmp_path / "bao-cao.csv"
        path.write_bytes(cp1258("\n".join(",".join(r) for r in (VI, ROW))))
        assert read_receipts(path)[0].document == "Báo cáo số 45/BC-CCB"

    def test_an_xlsx_with_date_cells_and_numeric_keys(self, tmp_path: Path) -> None:
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.append(["dispatch", "key", "org", "date", "document number"])
        ws.append(["125/UBND-NC", 3, "hoi-ccb", datetime(2025, 6, 12), None])
        ws.append([None, None, None, None, None])
        path = tmp_path / "bao-cao.xlsx"
        wb.save(path)
        [r] = read_receipts(path)
        assert (r.line, r.key, r.at, r.document) == (2, "3", date(2025, 6, 12), None)

    def test_blank_lines_are_skipped_and_lines_keep_their_numbers(self, tmp_path: Path) -> None:
        rows = read_receipts(csv_file(tmp_path, VI, ROW, ["", "", "", "", "", ""], ROW))
        assert [r.line for r in rows] == [2, 4]


class TestABadFile:
    @pytest.mark.parametrize(("rows", "says"), [
        ([VI, ROW, [*ROW[:4], "31/02/2025", ""]], "dòng 3, cột “ngày”: '31/02/2025' không phải ngày"),
        ([VI, ROW, [ROW[0], ROW[1], "", *ROW[3:]]], "dòng 3, cột “đơn vị”: bỏ trống"),
        ([VI, [*ROW, "thừa"]], "dòng 2, cột 7: có số liệu nhưng không có tiêu đề"),
        ([VI, [*ROW[:5], "x" * 501]], "dòng 2, cột “số báo cáo”: dài quá 500 ký tự"),
        ([[*VI, "Người ký"], [*ROW, "A"]], "dòng 1: cột “Người ký” không rõ nghĩa"),
        ([["Văn bản", "Mục", "Ngày"], ["125/UBND-NC", "3.R1", "12/06/2025"]], "dòng 1: thiếu cột “đơn vị”"),
        ([["Văn bản", "Mục", "Đơn vị", "Ngày", "ngay nhan"], ROW[:5]], "dòng 1: cột “ngày” có hai lần"),
        ([VI], "tệp chỉ có dòng tiêu đề"),
    ], ids=["impossible-date", "empty-org", "cell-without-header", "too-long", "unknown-column", "missing-column",
            "twice", "header-only"])
    def test_names_the_file_the_line_and_the_column(self, tmp_path: Path, rows: list[list[str]], says: str) -> None:
        message = refused(csv_file(tmp_path, *rows))
        assert message.startswith(str(tmp_path / "bao-cao.csv") + ": ") and says in message, message

    def test_more_rows_than_the_bound_are_refused(self, tmp_path: Path) -> None:
        assert f"quá {MAX_ROWS} dòng" in refused(csv_file(tmp_path, VI, *[ROW] * (MAX_ROWS + 1)))

    def test_a_file_over_the_size_bound_is_refused_unread(self, tmp_path: Path) -> None:
        path = tmp_path / "bao-cao.csv"
        path.write_bytes(b"a" * (5 * 1024 * 1024 + 1))
        assert "quá giới hạn 5 MB" in refused(path)

    @pytest.mark.parametrize(("name", "content", "says"), [
        ("bao-cao.txt", b"x", "chỉ nhận tệp .csv hoặc .xlsx"),
        ("bao-cao.xlsx", b"not a zip at all", "không phải tệp Excel .xlsx đọc được"),
        ("bao-cao.csv", b"", "tệp trống"),
        ("bao-cao.csv", b"\x00\x01\x02\x03binary\x00\x00", "không đọc được chữ"),
    ], ids=["wrong-kind", "broken-xlsx", "empty", "binary"])
    def test_a_file_that_cannot_be_read_says_why(self, tmp_path: Path, name: str, content: bytes, says: str) -> None:
        path = tmp_path / name
        path.write_bytes(content)
        assert says in refused(path)

    def test_a_missing_file_says_so(self, tmp_path: Path) -> None:
        assert "không đọc được tệp" in refused(tmp_path / "khong-co.csv")
