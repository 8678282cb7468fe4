"""PDF with a text layer (pypdf)."""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader


def pdf_text(data: bytes) -> str:
    """The text layer of every page, pages joined by a blank line."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = PdfReader(io.BytesIO(data), strict=False)
    pages = []
    for page in reader.pages:
        pages.append(page.extract_text() or "")
    return "\n\n".join(pages)
