"""Reading a dispatch file into text: .txt .md .docx .pdf .html, any usual encoding.

`read_document` is the edge where bytes become NFC text with its line structure kept;
everything after it is pure parsing.
"""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass
from pathlib import Path

from dondoc.errors import InputFileError
from dondoc.ingest.decode import DecodeError, decode_bytes, fix_legacy, normalize_text
from dondoc.ingest.html import clean_pasted, html_to_text, looks_like_html

MAX_BYTES = 10 * 1024 * 1024

DOC_HINT = (
    "is an old Word .doc file, which dondoc cannot read; open it in Word and save it as .docx "
    "(or run: libreoffice --headless --convert-to docx FILE)"
)

__all__ = ["Document", "read_document", "text_from_bytes", "MAX_BYTES"]


@dataclass(frozen=True)
class Document:
    """The extracted text of a dispatch file."""

    text: str  # NFC, line structure kept
    name: str  # the file name
    sha256: str  # of the file bytes


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
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def text_from_bytes(data: bytes, *, name: str) -> str:
    """Extract NFC text from a file's bytes; raise InputFileError (naming `name`) on refusal."""
    path = Path(name)
    kind = _kind(path, data)
    try:
        if kind == "doc":
            raise InputFileError(name, DOC_HINT)
        if kind == "rtf":
            raise InputFileError(name, "is an RTF file; open it in Word and save it as .docx")
        if kind == "zip":
            raise InputFileError(name, "is a zip archive, not a dispatch (.txt .md .docx .pdf .html)")
        if kind == "docx":
            from dondoc.ingest.docx import docx_text

            text = docx_text(data)
            text, _ = fix_legacy(text)
        elif kind == "pdf":
            from dondoc.ingest.pdf import pdf_text

            text = pdf_text(data)
            if not text.strip():
                raise InputFileError(name, "is a PDF without a text layer (a scan?); run OCR on it first")
            text, _ = fix_legacy(text)
        else:
            text, _how = decode_bytes(data)
            if kind == "html" or looks_like_html(text):
                text = html_to_text(text)
            else:
                text = clean_pasted(text)
    except InputFileError:
        raise
    except DecodeError as exc:
        raise InputFileError(name, str(exc)) from None
    except Exception as exc:  # a corrupt docx/pdf: refuse cleanly, never a traceback
        raise InputFileError(name, f"cannot be read as {kind} ({exc.__class__.__name__}: {exc})"[:300]) from None
    text = normalize_text(text)
    if not text.strip():
        raise InputFileError(name, "holds no text")
    return text


def read_document(path: Path) -> Document:
    """Read a dispatch file into NFC text, or refuse it with a message that says why."""
    path = Path(path)
    try:
        if not path.exists():
            raise InputFileError(path, "no such file")
        if path.is_dir():
            raise InputFileError(path, "is a directory, not a file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputFileError(path, f"is {size / 1024 / 1024:.1f} MB; dispatches over 10 MB are refused")
        data = path.read_bytes()
    except InputFileError:
        raise
    except OSError as exc:
        raise InputFileError(path, f"cannot be read ({exc.strerror or exc.__class__.__name__})") from None
    if not data.strip():
        raise InputFileError(path, "is empty")
    try:
        text = text_from_bytes(data, name=str(path))
    except InputFileError as exc:
        raise InputFileError(path, exc.reason) from None
    return Document(text=text, name=path.name, sha256=hashlib.sha256(data).hexdigest())
