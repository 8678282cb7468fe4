"""Inputs past their bounds are refused while they are read, with one Vietnamese line naming the
file and the limit: zip bombs, zips whose headers lie, PDFs of too many pages, text past 10 MB."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest

from dondoc.errors import InputFileError
from dondoc.ingest import MAX_FILE_BYTES, read_document
from dondoc.ingest.docx import docx_text
from dondoc.ingest.limits import MAX_PDF_PAGES, MAX_XML_BYTES, TextBudget, TooLarge
from dondoc.ingest.pdf import pdf_text
from tests.unit.ingest.pdfs import one_page_pdf

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx_bytes(paragraphs: list[str]) -> bytes:
    from docx import Document as NewDocx

    d = NewDocx()
    for p in paragraphs:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _with_document_xml(docx: bytes, write_body) -> bytes:  # type: ignore[no-untyped-def]
    """The .docx with its word/document.xml written anew by `write_body(stream)`, streamed into the zip."""
    src = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            if info.filename == "word/document.xml":
                with z.open("word/document.xml", "w", force_zip64=True) as fh:
                    write_body(fh)
            else:
                z.writestr(info, src.read(info.filename))
    return out.getvalue()


class TestDocx:
    def test_a_zip_bomb_is_refused_before_it_is_unpacked(self, tmp_path: Path) -> None:
        def zeros(fh) -> None:  # type: ignore[no-untyped-def]
            chunk = b"\0" * (1 << 20)
            for _ in range(MAX_XML_BYTES // len(chunk) + 8):
                fh.write(chunk)

        path = tmp_path / "bomb.docx"
        path.write_bytes(_with_document_xml(_docx_bytes(["x"]), zeros))
        assert path.stat().st_size < 2 * 1024 * 1024  # a small file that unpacks to over 200 MB
        with pytest.raises(InputFileError, match=r"bomb\.docx: phần word/document\.xml .* vượt giới hạn 200 MB"):
            read_document(path)

    def test_text_past_the_budget_stops_the_reading_of_a_docx(self, tmp_path: Path) -> None:
        def many(fh) -> None:  # type: ignore[no-untyped-def]
            fh.write(f"<w:document {_W}><w:body>".encode())
            for _ in range(11_000):
                fh.write(b"<w:p><w:r><w:t>" + b"a" * 1000 + b"</w:t></w:r></w:p>")
            fh.write(b"</w:body></w:document>")

        path = tmp_path / "long.docx"
        path.write_bytes(_with_document_xml(_docx_bytes(["x"]), many))
        with pytest.raises(InputFileError, match=r"long\.docx: văn bản trích ra vượt giới hạn 10 MB \(10\.485\.760 ký tự\)"):
            read_document(path)

    def test_the_budget_is_counted_while_the_body_is_read(self) -> None:
        data = _docx_bytes(["Sở Y tế báo cáo trước 15/6."] * 50)
        with pytest.raises(TooLarge, match="vượt giới hạn"):
            docx_text(data, TextBudget(limit=500))
        assert docx_text(data, TextBudget(limit=5000)).count("Sở Y tế") == 50

    @pytest.mark.parametrize("declared", [10, 3 * 1024**3], ids=["smaller than it is", "larger than the bound"])
    def test_a_zip_whose_header_lies_about_a_size_is_refused(self, tmp_path: Path, declared: int) -> None:
        data = bytearray(_docx_bytes(["1. Sở Y tế báo cáo trước ngày 15/6/2025."] * 200))
        name = b"word/document.xml"
        at = data.find(b"PK\x01\x02")
        while at >= 0:  # the central directory's entry of the main part: its uncompressed size at +24
            if data[at + 46 : at + 46 + len(name)] == name:
                struct.pack_into("<I", data, at + 24, min(declared, 0xFFFFFFFE))
            at = data.find(b"PK\x01\x02", at + 4)
        path = tmp_path / "lying.docx"
        path.write_bytes(bytes(data))
        with pytest.raises(InputFileError, match=r"lying\.docx: (không đọc được|phần word/document\.xml)"):
            read_document(path)


def _pdf(pages: int, text: bytes = b"") -> bytes:
    from pypdf import PdfWriter

    w = PdfWriter()
    for _ in range(pages):
        w.add_blank_page(width=612, height=792)
    buf = io.BytesIO()
    w.write(buf)
    data = buf.getvalue()
    if not text:
        return data
    return one_page_pdf(b"BT /F1 12 Tf 72 720 Td (" + text + b") Tj ET")


class TestPdf:
    def test_a_pdf_of_too_many_pages_is_refused_before_a_page_is_read(self, tmp_path: Path) -> None:
        path = tmp_path / "pages.pdf"
        path.write_bytes(_pdf(MAX_PDF_PAGES + 1))
        with pytest.raises(InputFileError, match=r"pages\.pdf: có 2\.001 trang, vượt giới hạn 2\.000 trang"):
            read_document(path)

    def test_the_budget_is_counted_page_by_page(self) -> None:
        data = _pdf(0, b"1. So Y te bao cao truoc ngay 15/6 " * 20)
        with pytest.raises(TooLarge, match="vượt giới hạn"):
            pdf_text(data, TextBudget(limit=100))
        assert "So Y te" in pdf_text(data, TextBudget(limit=10_000))


class TestFileSize:
    @pytest.mark.parametrize(("name", "size", "limit"), [("cv.html", 10 * 1024**2 + 1, "10 MB"), ("cv.pdf", MAX_FILE_BYTES + 1, "50 MB"),
                                                         ("cv.docx", MAX_FILE_BYTES + 1, "50 MB")], ids=["html", "pdf", "docx"])
    def test_a_file_larger_than_a_dispatch_is_refused_naming_the_limit(self, tmp_path: Path, name: str, size: int, limit: str) -> None:
        path = tmp_path / name
        with path.open("wb") as fh:
            fh.write(b"%PDF-1.4\n" if name.endswith(".pdf") else b"<html>")
            fh.truncate(size)
        with pytest.raises(InputFileError, match=rf"{name}: nặng .* vượt giới hạn {limit}"):
            read_document(path)
