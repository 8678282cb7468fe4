"""read_document: every usual format and encoding becomes NFC text, or a clear refusal."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dondoc.errors import InputFileError, NothingToTrackError
from dondoc.ingest import MAX_BYTES, read_document
from dondoc.observances import ObservanceCatalog
from dondoc.parse import parse_dispatch
from dondoc.taskset import Source
from tests.unit.ingest.pdfs import one_page_pdf

TEXT = "Kính gửi: Sở Y tế\n1. Sở Y tế hoà giải, báo cáo về UBND tỉnh trước ngày 27/8/2019.\n"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf8.txt", TEXT.encode("utf-8")),
        ("bom.txt", codecs.BOM_UTF8 + TEXT.encode("utf-8")),
        ("utf16.txt", TEXT.encode("utf-16")),
        ("utf16le-nobom.txt", TEXT.encode("utf-16-le")),
        ("nfd.md", unicodedata.normalize("NFD", TEXT).encode("utf-8")),
        ("crlf.txt", TEXT.replace("\n", "\r\n").encode("utf-8")),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-le-no-bom", "nfd", "crlf"],
)
def test_a_text_file_in_any_usual_encoding_reads_as_nfc(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    doc = read_document(path)
    assert doc.text.strip() == unicodedata.normalize("NFC", TEXT).strip()
    assert doc.name == name and len(doc.sha256) == 64


def test_windows_1258_with_combining_tones_reads_as_nfc(tmp_path: Path) -> None:
    path = tmp_path / "cp1258.txt"
    path.write_bytes("Ho\u0300a Bi\u0300nh, nga\u0300y 05 tha\u0301ng 8 năm 2024".encode("cp1258"))
    assert read_document(path).text == "Hòa Bình, ngày 05 tháng 8 năm 2024"


def test_text_typed_in_the_vni_font_is_converted(tmp_path: Path) -> None:
    path = tmp_path / "vni.txt"
    path.write_bytes("Ñeà nghò caùc sôû, ban, ngaønh thöïc hieän baùo caùo cuûa tænh".encode("cp1252"))
    assert read_document(path).text == "Đề nghị các sở, ban, ngành thực hiện báo cáo của tỉnh"


def test_html_is_stripped_of_tags_and_entities(tmp_path: Path) -> None:
    path = tmp_path / "cv.html"
    path.write_text("<html><body><p>1. S&#7903; Y t&#7871;&nbsp;b&aacute;o c&aacute;o</p><script>x()</script></body></html>",
                    encoding="utf-8")
    assert read_document(path).text == "1. Sở Y tế báo cáo"


def test_placeholder_tags_of_an_export_leave_a_text_line_by_line(tmp_path: Path) -> None:
    # an export that leaves "<jsontable …>" where each table was: no HTML, its lines are kept
    body = "\n".join(f'<jsontable name="bang_{k}"> </jsontable>' for k in range(6))
    text = f"NGHỊ QUYẾT\nĐiều 1. Thông qua kế hoạch.\nĐiều 2. Giao Sở Xây dựng\nlập hồ sơ.\n{body}\n"
    p = tmp_path / "nq.md"
    p.write_text(text, encoding="utf-8")
    got = read_document(p).text
    assert "Điều 1. Thông qua kế hoạch.\nĐiều 2." in got


def test_a_docx_keeps_word_automatic_numbers(tmp_path: Path) -> None:
    from docx import Document as NewDocx

    d = NewDocx()
    d.add_paragraph("Sở Y tế kiểm tra.", style="List Number")
    d.add_paragraph("Sở Y tế báo cáo.", style="List Number")
    path = tmp_path / "cv.docx"
    d.save(str(path))
    assert read_document(path).text.splitlines() == ["1. Sở Y tế kiểm tra.", "2. Sở Y tế báo cáo."]


def test_a_pdf_text_layer_is_read(tmp_path: Path) -> None:
    path = tmp_path / "cv.pdf"
    path.write_bytes(one_page_pdf(b"BT /F1 12 Tf 72 720 Td (1. So Y te bao cao) Tj ET"))
    assert "1. So Y te bao cao" in read_document(path).text


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "hỏng"),
        ("empty.txt", b"", "rỗng"),
        ("blank.txt", b"  \n\n ", "rỗng"),
        ("binary.txt", bytes(range(256)) * 20, "nhị phân"),
        ("scan.pdf", b"%PDF-1.4\n%%EOF\n", "không đọc được như tệp PDF"),
        ("broken.docx", b"PK\x03\x04garbage", "không đọc được"),
        ("legacy.txt", "¸¶·¹»¼½¾ÆÇÈÉÊË ÌÎÏÐÑ ÒÓÔÕÖ ×ØÜÝÞ".encode("latin-1") * 3, "phông chữ Việt cũ"),
    ],
    ids=["broken-old-doc", "empty", "blank", "binary", "pdf-without-text", "corrupt-docx", "unconvertible-legacy"],
)
def test_an_unreadable_file_is_refused_with_its_reason(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputFileError, match=reason) as exc:
        read_document(path)
    assert name in str(exc.value)


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="không có tệp này"):
        read_document(tmp_path / "nope.txt")


def test_a_file_over_10_mb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    with pytest.raises(InputFileError, match="vượt giới hạn 10 MB"):
        read_document(path)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".md", ".docx", ".pdf", ".html", ".doc", ""]))
def test_arbitrary_bytes_give_a_task_set_or_a_clear_refusal(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        doc = read_document(path)
        parse_dispatch(doc.text, source=Source(name=doc.name), observances=ObservanceCatalog())
    except (InputFileError, NothingToTrackError):
        pass
