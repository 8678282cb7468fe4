"""The running heads of a gazette's pages, blanked (pure): "CÔNG BÁO/Số 286/Ngày 27-05-2026" and the page's number
on the line before or after it, which a PDF's text layer sets among the document's lines at each page break (an
item's heading cut from its points, a table's row cut in two). Same length: the offsets of every other line hold."""

from __future__ import annotations

import re
from typing import Final

_GAZETTE_HEAD: Final = re.compile(r"^\s*CÔNG BÁO\s*/\s*Số\s+[\d +]+/\s*Ngày\s+\d{1,2}\s*-\s*\d{1,2}\s*-\s*\d{4}\s*$")
_PAGE_NUMBER: Final = re.compile(r"^\s*\d{1,4}\s*$")


def without_page_heads(text: str) -> str:
    """The text with each gazette page head and its page number line made blank."""
    if "CÔNG BÁO" not in text:
        return text
    lines = text.split("\n")
    for k, ln in enumerate(lines):
        if _GAZETTE_HEAD.match(ln):
            lines[k] = " " * len(ln)
            for j in (k - 1, k + 1):
                if 0 <= j < len(lines) and _PAGE_NUMBER.match(lines[j]):
                    lines[j] = " " * len(lines[j])
    return "\n".join(lines)
