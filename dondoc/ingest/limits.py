"""The bounds of what dondoc reads: file sizes, the text extracted, pages, the parts of a zip.

A file is refused before it is read when it is larger than a dispatch can be; text extracted from a
.docx, .pdf or .html is counted as it comes, and extraction stops once it passes MAX_TEXT_CHARS,
never after a bomb has been unpacked. Each refusal is a `TooLarge` whose message, in Vietnamese,
names the limit; `read_document` puts the file's name in front of it.
"""

from __future__ import annotations

MB = 1024 * 1024
MAX_TEXT_BYTES = 10 * MB  # a text file (.txt .md .html): read whole, so the text is at most this
MAX_FILE_BYTES = 50 * MB  # a .docx .pdf .doc: images and fonts make them larger than their text
MAX_TEXT_CHARS = 10 * MB  # characters of text extracted from any file
MAX_XML_BYTES = 200 * MB  # a .docx's main document part, decompressed (the text in it is about 1/15)
MAX_SMALL_PART_BYTES = 16 * MB  # its styles, numbering and relationship parts, decompressed
MAX_PDF_PAGES = 2000


def mb(n: int) -> str:
    """A size as a person reads it: "10 MB", "1,5 MB"."""
    value = n / MB
    return f"{value:.0f} MB" if value >= 10 or value == int(value) else f"{value:.1f} MB".replace(".", ",")


def thousands(n: int) -> str:
    """10485760 -> "10.485.760" (the Vietnamese grouping)."""
    return f"{n:,}".replace(",", ".")


class TooLarge(ValueError):
    """An input past one of the bounds; the message says which, in Vietnamese."""


class TextBudget:
    """Counts the characters extracted so far and stops the extraction past MAX_TEXT_CHARS."""

    def __init__(self, limit: int = MAX_TEXT_CHARS) -> None:
        self.limit = limit
        self.used = 0

    def take(self, text: str) -> str:
        self.used += len(text)
        if self.used > self.limit:
            raise TooLarge(f"văn bản trích ra vượt giới hạn {mb(self.limit)} ({thousands(self.limit)} ký tự); "
                           "đã dừng đọc, không ghi gì")
        return text
