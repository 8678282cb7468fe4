"""PDF with a text layer (pypdf), read page by page within bounds.

A PDF of more than MAX_PDF_PAGES pages is refused before any page is read; the text is counted page
by page and the reading stops once it passes the budget. pypdf bounds each stream it unpacks itself
(pypdf.Configuration). A text layer written in a legacy Vietnamese font under a font the PDF does
not embed comes out as Latin-1 letters no Vietnamese word holds ("CÔNG AN TÈNH", "ng°Ýi"). When it is
a Unicode font written one byte a letter (each letter the low byte of its code point) the text is read
back (lowbyte.py) with a warning; when nothing reads it, the file is refused rather than read into
nonsense tasks.
"""

from __future__ import annotations

import io
import logging
import re

from pypdf import PdfReader

from dondoc.ingest.legacy import vietnamese_score
from dondoc.ingest.limits import MAX_PDF_PAGES, TextBudget, TooLarge, thousands
from dondoc.ingest.lowbyte import from_low_bytes

FALLEN_WARNING = ("lớp chữ của PDF ghi mỗi chữ Việt bằng một byte (phông nhúng không có bảng mã Unicode), "
                  "đã đọc lại thành chữ Việt theo cách viết hợp lệ; xin soát lại các chữ có dấu")

# Latin-1 characters that no Vietnamese word holds (its letters there are àáâãèéêìíòóôõùúý, upper
# and lower); punctuation that text may hold ("°" of 30°C, "§", "·") is counted too, and a text
# layer is unusable only when many words hold them.
_FOREIGN = re.compile("[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db\u00dc\u00de-\u00df"
                      "\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff]")
_WORD = re.compile(r"\S+")


class UnusableTextLayer(ValueError):
    """A PDF whose text layer is in an encoding dondoc cannot identify."""


def garbled(text: str) -> bool:
    """Whether a text layer reads as a legacy encoding seen through Latin-1: one word in ten or more
    holds a character no Vietnamese word holds, twenty such words at least."""
    words = _WORD.findall(text)
    odd = sum(1 for w in words if _FOREIGN.search(w))
    return odd >= 20 and odd * 10 >= len(words)


def pdf_text(data: bytes, budget: TextBudget | None = None, warnings: list[str] | None = None) -> str:
    """The text layer of every page, pages joined by a blank line."""
    budget = budget or TextBudget()
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = PdfReader(io.BytesIO(data), strict=False)
    count = len(reader.pages)
    if count > MAX_PDF_PAGES:
        raise TooLarge(f"có {thousands(count)} trang, vượt giới hạn {thousands(MAX_PDF_PAGES)} trang; không đọc")
    pages = []
    for page in reader.pages:
        pages.append(budget.take(page.extract_text() or ""))
    text = "\n\n".join(pages)
    if garbled(text):
        read_back = from_low_bytes(text)
        if not garbled(read_back) and vietnamese_score(read_back) >= max(0.08, 2 * vietnamese_score(text)):
            if warnings is not None:
                warnings.append(FALLEN_WARNING)
            return read_back
        raise UnusableTextLayer(
            "lớp chữ của PDF dùng bảng mã phông chữ cũ không nhận ra được (chữ Việt bị vỡ, như "
            f"\"{next(w for w in _WORD.findall(text) if _FOREIGN.search(w))}\"); không đọc để khỏi sinh nhiệm vụ sai — "
            "hãy dùng bản Word hoặc PDF Unicode, hoặc nhận dạng chữ (OCR) từ bản in")
    return text
