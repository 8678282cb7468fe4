"""A PDF text layer whose Vietnamese letters fell to the low byte of their code point, read back."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dondoc.errors import InputFileError
from dondoc.ingest import read_document
from dondoc.ingest.lowbyte import fallen, from_low_bytes
from dondoc.spelling import spelled
from dondoc.ingest.pdf import FALLEN_WARNING, garbled
from tests.unit.ingest.pdfs import one_page_pdf

# our own sentences, in the phrasing of official letters
SENTENCES = [
    "Công an tỉnh đề nghị Sở Y tế phối hợp, báo cáo kết quả trước ngày 30/6/2026 về Ủy ban nhân dân tỉnh.",
    "Giao Sở Lao động - Thương binh và Xã hội chủ trì, hướng dẫn các xã rà soát hồ sơ người có công.",
    "Các đơn vị gửi văn bản góp ý về Văn phòng Ủy ban nhân dân tỉnh để tổng hợp, trình Chủ tịch xem xét.",
    "Đề nghị Ban Chỉ huy Quân sự huyện phối hợp với Hội Cựu chiến binh tổ chức thăm hỏi gia đình liệt sĩ.",
    "Thực hiện nghiêm túc chế độ thông tin, báo cáo định kỳ hằng tháng, quý, 6 tháng và năm theo quy định.",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
]


def drop(text: str) -> str:
    """Each letter as the one-byte font writes it: the low byte of its code point."""
    return "".join(chr(ord(c) & 0xFF) if ord(c) > 0xFF else c for c in text)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_a_sentence_whose_letters_fell_is_read_back(sentence: str) -> None:
    assert fallen(drop(sentence)) or drop(sentence) == sentence
    assert from_low_bytes(drop(sentence)) == sentence


@pytest.mark.parametrize(("written", "read"), [
    ("CÔNG AN TÈNH", "CÔNG AN TỈNH"),   # È is Ỉ: "tènh" is no Vietnamese syllable
    ("ng°Ýi", "người"),               # ° is ư, Ý is ờ (a capital inside a word in lower case cannot be)
    ("\x11¡n v\xcb", "đơn vị"),        # đ fell to \x11, ơ to ¡, ị to Ë
    ("ngh)a v) bác s)", "nghĩa vĩ bác sĩ"),  # ĩ fell to ")"
    ("b) Các xã", "b) Các xã"),       # a list's label stays
    ("(theo quy \x11\xcbnh)", "(theo quy định)"),
])
def test_a_fallen_word_is_read_as_vietnamese_spells_it(written: str, read: str) -> None:
    assert from_low_bytes(written) == read


@pytest.mark.parametrize(("syllable", "ok"), [
    ("tỉnh", True), ("tènh", False), ("người", True), ("ngưýi", False), ("quốc", True), ("quản", True),
    ("kế", True), ("kan", False), ("cê", False), ("gì", True), ("giếng", True), ("các", True), ("cạc", True),
    ("càc", False), ("được", True), ("đưãc", False), ("nghĩa", True), ("ngha", False), ("HĐND", False),
])
def test_spelling(syllable: str, ok: bool) -> None:
    assert spelled(syllable) is ok


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=80))
def test_printable_ascii_text_is_left_as_it_is(text: str) -> None:
    if "(" not in text and ")" not in text:
        assert from_low_bytes(text) == text


def test_a_unicode_text_is_never_changed() -> None:
    for sentence in SENTENCES:
        assert not garbled(sentence)


def _pdf_with_text(raw: bytes) -> bytes:
    """One page whose text is `raw` under a simple font with WinAnsi codes (no ToUnicode table)."""
    content = b"BT /F1 10 Tf 40 760 Td 12 TL " + b" ".join(
        b"(" + line.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b") '" for line in raw.split(b"\n")) + b" ET"
    return one_page_pdf(content, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")


def test_a_pdf_whose_font_writes_one_byte_a_letter_is_read_with_a_warning(tmp_path: Path) -> None:
    text = "\n".join(SENTENCES[:5] * 3)
    path = tmp_path / "to-trinh.pdf"
    path.write_bytes(_pdf_with_text(drop(text).encode("latin-1")))
    doc = read_document(path)
    assert FALLEN_WARNING in doc.warnings
    assert "Công an tỉnh đề nghị Sở Y tế phối hợp" in doc.text and "hồ sơ người có công" in doc.text


def test_a_text_layer_nothing_reads_is_still_refused(tmp_path: Path) -> None:
    noise = " ".join(f"x\xa7\xb6q{i}\xa4" for i in range(200))
    path = tmp_path / "hong.pdf"
    path.write_bytes(_pdf_with_text(noise.encode("latin-1")))
    with pytest.raises(InputFileError, match="lớp chữ của PDF dùng bảng mã phông chữ cũ"):
        read_document(path)
