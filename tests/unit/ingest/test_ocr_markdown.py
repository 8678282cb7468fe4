"""Text from OCR tools: Markdown with HTML tables in it, and toned letters written as formulas."""

from __future__ import annotations

from pathlib import Path

import pytest

from dondoc.ingest import read_document
from dondoc.ingest.html import tables_in_text
from dondoc.ingest.ocr import unlatex


class TestFormulasForToneMarks:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (r"hiệu lực $\mathrm { k } \mathring { \mathrm { e } }$ từ ngày ký", "hiệu lực kẻ từ ngày ký"),
            (r"trên $\mathrm { H } \hat { \mathrm { e } }$ thống", "trên Hê thống"),
            (r"Chủ tịch (b/c) $( \mathsf { b } / \mathsf { c } )$", "Chủ tịch (b/c) (b/c)"),
            (r"mức $5$ triệu", "mức 5 triệu"),
        ],
        ids=["ring-for-hook", "hat", "letters-and-marks", "a-number"],
    )
    def test_a_formula_of_letters_becomes_the_letters(self, text: str, expected: str) -> None:
        assert unlatex(text)[0] == expected

    def test_a_formula_of_real_math_is_kept(self) -> None:
        assert unlatex(r"tỷ lệ $\frac{1}{2}$ số hộ") == (r"tỷ lệ $\frac{1}{2}$ số hộ", 0)

    def test_text_without_a_dollar_sign_is_untouched(self) -> None:
        assert unlatex("Sở Y tế báo cáo trước ngày 15/5/2026.") == ("Sở Y tế báo cáo trước ngày 15/5/2026.", 0)


class TestMarkdownWithHtmlTables:
    MD = (
        "# QUYẾT ĐỊNH\n\nĐiều 1. Công bố kèm theo Quyết định này danh mục thủ tục.\n\n"
        "<table><tr><td>STT</td><td>Tên thủ tục</td></tr><tr><td>1</td><td>Thủ tục hỗ trợ</td></tr></table>\n\n"
        "Điều 2. Giao Văn phòng UBND tỉnh chủ trì thực hiện.\n"
    )

    def test_the_lines_around_a_table_are_kept_and_its_rows_become_cells(self) -> None:
        out = tables_in_text(self.MD)
        assert out is not None
        lines = [ln for ln in out.split("\n") if ln.strip()]
        assert lines[0] == "# QUYẾT ĐỊNH"
        assert "| STT | Tên thủ tục |" in lines and "| 1 | Thủ tục hỗ trợ |" in lines
        assert lines[-1] == "Điều 2. Giao Văn phòng UBND tỉnh chủ trì thực hiện."

    def test_a_page_of_html_is_no_markdown_with_tables(self) -> None:
        assert tables_in_text("<html><body><table><tr><td>1</td></tr></table></body></html>") is None

    def test_a_file_of_markdown_with_a_table_reads_line_by_line(self, tmp_path: Path) -> None:
        path = tmp_path / "ocr.md"
        path.write_text(self.MD.replace("kèm theo", r"kèm $\mathrm { t } \mathrm { h } \mathrm { e } \mathrm { o }$"),
                        encoding="utf-8")
        doc = read_document(path)
        assert "Điều 1. Công bố kèm theo Quyết định này danh mục thủ tục." in doc.text.split("\n")
        assert any("OCR" in w for w in doc.warnings)
