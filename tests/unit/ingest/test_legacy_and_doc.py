"""Legacy fonts (TCVN3 and its capitals, VNI) are converted and said in the task set's warnings; old
Word .doc files are read; a PDF whose text layer is in an unknown legacy encoding is refused."""

from __future__ import annotations

import io
from pathlib import Path

import olefile
import pytest

from dondoc.errors import InputFileError
from dondoc.ingest import read_document
from dondoc.ingest.legacy import _TCVN3
from dondoc.ingest.pdf import FALLEN_WARNING, garbled

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus"
_TO_TCVN3 = {v: chr(k) for k, v in _TCVN3.items()}


def tcvn3(text: str) -> str:
    """Unicode Vietnamese written as TCVN3 stores it (the capitals fonts store it in lower case)."""
    return "".join(_TO_TCVN3.get(c, c) for c in text)


def _docx(runs: list[tuple[str, str | None]]) -> bytes:
    from docx import Document as NewDocx

    d = NewDocx()
    for text, font in runs:
        run = d.add_paragraph().add_run(text)
        if font:
            run.font.name = font
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


class TestTcvn3:
    def test_capitals_typed_in_vntimeh_convert_as_well_as_the_lower_case(self, tmp_path: Path) -> None:
        path = tmp_path / "cv.docx"
        path.write_bytes(_docx([(tcvn3("cộng hòa xã hội chủ nghĩa việt nam"), ".VnTimeH"),
                                (tcvn3("ủy ban nhân dân tỉnh"), ".VnArialH"),
                                (tcvn3("1. Sở Y tế báo cáo kết quả trước ngày 15/6."), ".VnTime")]))
        doc = read_document(path)
        assert doc.text.splitlines() == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ỦY BAN NHÂN DÂN TỈNH",
                                         "1. Sở Y tế báo cáo kết quả trước ngày 15/6."]
        assert doc.warnings == ("văn bản dùng phông TCVN3 (.VnTime), đã chuyển sang Unicode",
                                "văn bản dùng phông TCVN3 chữ hoa (.VnTimeH), đã chuyển sang Unicode")

    def test_unicode_typed_under_a_vn_font_name_is_left_as_it_is(self, tmp_path: Path) -> None:
        path = tmp_path / "cv.docx"
        path.write_bytes(_docx([("1. Sở Y tế báo cáo kết quả thực hiện", ".VnTime")]))
        doc = read_document(path)
        assert doc.text == "1. Sở Y tế báo cáo kết quả thực hiện" and doc.warnings == ()

    @pytest.mark.parametrize("text", ["1. Sở Y tế chủ trì, phối hợp với Công an tỉnh báo cáo hằng quý trước ngày 15/6/2025.",
                                      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc",
                                      "The Department of Health reports every quarter before 15 June; café, naïve, résumé."],
                             ids=["unicode vietnamese", "unicode capitals", "english"])
    def test_detection_does_not_fire_on_unicode_vietnamese_or_english(self, tmp_path: Path, text: str) -> None:
        path = tmp_path / "cv.txt"
        path.write_text(text * 3, encoding="utf-8")
        doc = read_document(path)
        assert doc.text == text * 3 and doc.warnings == ()

    def test_a_text_file_in_tcvn3_is_converted_and_the_task_set_says_so(self, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
        from tests.conftest import run

        path = tmp_path / "cv.txt"
        path.write_bytes(tcvn3("Kính gửi: Sở Y tế\n1. Sở Y tế báo cáo kết quả về UBND tỉnh trước ngày 15/6/2025.\n")
                         .encode("latin-1"))
        code, out, err = run(cli, "ingest", str(path))
        assert code == 0, err
        assert "văn bản dùng phông TCVN3 (.VnTime), đã chuyển sang Unicode" in out
        assert "Sở Y tế" in out


class TestDoc:
    def _corpus(self, name: str) -> Path:
        path = next(CORPUS.glob(f"{name}_*.doc"), None) if CORPUS.is_dir() else None
        if path is None:
            pytest.skip("../shared/corpus is absent")
        return path

    def test_an_old_word_doc_is_read_with_its_paragraphs(self) -> None:
        doc = read_document(self._corpus("031"))
        lines = doc.text.splitlines()
        assert "Kính gửi:" in doc.text and "1. Giao Sở Tư pháp:" in lines
        assert any(ln.startswith("a) Kiểm soát chặt chẽ") for ln in lines)

    def test_an_encrypted_doc_is_refused_with_a_clear_line(self, tmp_path: Path) -> None:
        path = tmp_path / "locked.doc"
        path.write_bytes(self._corpus("030").read_bytes())
        with olefile.OleFileIO(str(path), write_mode=True) as ole:
            word = bytearray(ole.openstream("WordDocument").read())
            word[0x0B] |= 0x01  # fEncrypted, bit 8 of the FIB's flags at 0x0A
            ole.write_stream("WordDocument", bytes(word))
        with pytest.raises(InputFileError, match=r"locked\.doc: được mã hóa"):
            read_document(path)


class TestPdfLegacyLayer:
    def test_a_legacy_encoding_seen_through_latin1_is_unusable_and_unicode_is_not(self) -> None:
        said = "Hiện nay, trên địa bàn tỉnh có nhiều người sử dụng trái phép chất ma túy và người nghiện ma túy. " * 5
        assert not garbled(said)
        assert garbled(tcvn3(said))

    def test_the_tờ_trình_whose_font_writes_one_byte_a_letter_is_read_back_with_a_warning(self) -> None:
        path = next(CORPUS.glob("024_*.pdf"), None) if CORPUS.is_dir() else None
        if path is None:
            pytest.skip("../shared/corpus is absent")
        doc = read_document(path)
        assert FALLEN_WARNING in doc.warnings and not garbled(doc.text)
