"""Reading a dispatch file into text: .txt .md .docx .doc .pdf .html, any usual encoding.

`read_document` is the edge where bytes become NFC text with its line structure kept;
everything after it is pure parsing. Every input has bounds (dondoc/ingest/limits.py): a file
larger than a dispatch can be is refused before it is read, and text extracted from a .docx,
.doc or .pdf is counted as it comes and refused past 10 MB. What the reading changed on the way
(a legacy font converted) comes back as `Document.warnings`, for the task set's warnings.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from dondoc.errors import InputFileError
from dondoc.ingest.decode import DecodeError, decode_bytes, fix_legacy, legacy_warning, normalize_text
from dondoc.ingest.doc import DocError
from dondoc.ingest.html import clean_pasted, html_to_text, looks_like_html, tables_in_text
from dondoc.ingest.limits import MAX_FILE_BYTES, MAX_TEXT_BYTES, TextBudget, TooLarge, mb
from dondoc.ingest.ocr import unlatex
from dondoc.ingest.pdf import UnusableTextLayer

if TYPE_CHECKING:
    from dondoc.taskset import TaskSet

MAX_BYTES = MAX_TEXT_BYTES  # kept for callers: the bound of a text file

__all__ = ["Document", "read_document", "text_from_bytes", "with_reading_warnings", "MAX_BYTES", "MAX_FILE_BYTES"]

_KIND_NAMES = {"doc": "Word 97–2003 (.doc)", "docx": "Word (.docx)", "pdf": "PDF", "html": "HTML", "text": "văn bản"}


@dataclass(frozen=True)
class Document:
    """The extracted text of a dispatch file."""

    text: str  # NFC, line structure kept
    name: str  # the file name
    sha256: str  # of the file bytes
    warnings: tuple[str, ...] = field(default=())  # what reading it changed ("… đã chuyển sang Unicode")


def _kind(path: Path, data: bytes) -> str:
    suffix = path.suffix.lower()
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx" if suffix in (".docx", ".docm", ".dotx", "") or _is_docx_zip(data) else "zip"
    if data.lstrip()[:6] == b"{\\rtf1" or data[:5] == b"{\\rtf":
        return "rtf"
    if suffix == ".doc":
        return "doc"
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    return "text"


def _is_docx_zip(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _extract(kind: str, data: bytes, warnings: list[str]) -> str:
    budget = TextBudget()
    if kind == "doc":
        from dondoc.ingest.doc import doc_text

        return doc_text(data, budget)
    if kind == "docx":
        from dondoc.ingest.docx import docx_text

        text = docx_text(data, budget, warnings)
        text, family = fix_legacy(text)
        warnings.extend(legacy_warning(family))
        return text
    if kind == "pdf":
        from dondoc.ingest.pdf import pdf_text

        text = pdf_text(data, budget, warnings)
        text, family = fix_legacy(text)
        warnings.extend(legacy_warning(family))
        return text
    text, how = decode_bytes(data)
    if "legacy font" in how:
        warnings.extend(legacy_warning(how.split(" legacy font")[0]))
    if kind != "html":
        tabled = tables_in_text(text)  # Markdown from an OCR tool, with its tables in HTML
        if tabled is not None:
            return clean_pasted(tabled)
    if kind == "html" or looks_like_html(text):
        return html_to_text(text)
    return clean_pasted(text)


def text_from_bytes(data: bytes, *, name: str, warnings: list[str] | None = None) -> str:
    """Extract NFC text from a file's bytes; raise InputFileError (naming `name`) on refusal.

    What the reading changed (a legacy font converted) is added to `warnings` when given.
    """
    path = Path(name)
    kind = _kind(path, data)
    said: list[str] = []
    try:
        if kind == "rtf":
            raise InputFileError(name, "là tệp RTF; hãy mở bằng Word rồi lưu lại thành .docx")
        if kind == "zip":
            raise InputFileError(name, "là tệp nén .zip, không phải công văn (.txt .md .docx .doc .pdf .html)")
        limit = MAX_TEXT_BYTES if kind in ("text", "html") else MAX_FILE_BYTES
        if len(data) > limit:
            raise InputFileError(name, f"nặng {mb(len(data))}, vượt giới hạn {mb(limit)} cho một tệp {_KIND_NAMES[kind]}")
        text = _extract(kind, data, said)
        if kind == "pdf" and not text.strip():
            raise InputFileError(name, "là PDF không có lớp chữ (bản quét?); hãy nhận dạng chữ (OCR) trước")
    except InputFileError:
        raise
    except (TooLarge, DecodeError, DocError, UnusableTextLayer) as exc:  # each says why, in Vietnamese
        raise InputFileError(name, str(exc)) from None
    except Exception as exc:  # a corrupt docx/pdf/doc: refuse cleanly, never a traceback
        reason = f"không đọc được như tệp {_KIND_NAMES.get(kind, kind)}: {exc.__class__.__name__}: {exc}"
        raise InputFileError(name, reason[:300]) from None
    text, formulas = unlatex(text)
    if formulas:
        said.append(f"văn bản nhận dạng chữ (OCR) có {formulas} công thức toán thay cho chữ có dấu, đã đọc lại thành chữ")
    text = normalize_text(text)
    if not text.strip():
        raise InputFileError(name, "không có chữ nào")
    if warnings is not None:
        warnings.extend(dict.fromkeys(said))
    return text


def _read_bounded(path: Path) -> bytes:
    """The file's bytes, refused before reading when it is larger than any dispatch (and if it grows while read)."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputFileError(path, f"nặng {mb(size)}, vượt giới hạn {mb(MAX_FILE_BYTES)} cho một công văn")
    with path.open("rb") as fh:
        data = fh.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise InputFileError(path, f"vượt giới hạn {mb(MAX_FILE_BYTES)} cho một công văn")
    return data


def read_document(path: Path) -> Document:
    """Read a dispatch file into NFC text, or refuse it with a message that says why."""
    path = Path(path)
    try:
        if not path.exists():
            raise InputFileError(path, "không có tệp này")
        if path.is_dir():
            raise InputFileError(path, "là một thư mục, không phải tệp")
        data = _read_bounded(path)
    except InputFileError:
        raise
    except OSError as exc:
        raise InputFileError(path, f"không đọc được ({exc.strerror or exc.__class__.__name__})") from None
    if not data.strip():
        raise InputFileError(path, "tệp rỗng")
    warnings: list[str] = []
    try:
        text = text_from_bytes(data, name=str(path), warnings=warnings)
    except InputFileError as exc:
        raise InputFileError(path, exc.reason) from None
    return Document(text=text, name=path.name, sha256=hashlib.sha256(data).hexdigest(), warnings=tuple(warnings))


def with_reading_warnings(ts: TaskSet, doc: Document) -> TaskSet:
    """The task set read from `doc`, with what reading the file changed first among its warnings."""
    if doc.warnings:
        ts.warnings = [*doc.warnings, *(w for w in ts.warnings if w not in doc.warnings)]
    return ts
