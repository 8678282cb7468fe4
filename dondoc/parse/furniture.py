"""Page furniture that a PDF's text layer carries into the text, blanked before the reading (pure).

- The running head of the Công báo ("CÔNG BÁO/Số 281/Ngày 21-05-2026") on every page, with the page number
  under it: a copy of a decision as the official gazette printed it.
- The digital signature stamp ("Ký bởi: …", "Người ký: …" over "Email: …", "Cơ quan: …", "Ngày ký: …" or "Thời
  gian ký: 05.06.2026 09:40:10 +07:00"), written on a line of its own or run together on one: the signing
  certificate's label, put in wherever the page holds it, often in the middle of an article.

Each is replaced by spaces of its own length, so that every offset of the text stays where it was; a stamp is
blanked only when it holds the signing time, so that a form's "Người ký:" field stays.
"""

from __future__ import annotations

import re
from typing import Final

_GAZETTE: Final = re.compile(r"^[ \t]*CÔNG BÁO[ \t]*/[ \t]*Số[ \t]*\d+(?:[ \t]*\+[ \t]*\d+)*[ \t]*/[ \t]*Ngày[ \t]*"
                             r"\d{1,2}[-/.]\d{1,2}[-/.]\d{4}[ \t]*$", re.MULTILINE)
_PAGE_NO: Final = re.compile(r"[ \t]*\d{1,4}[ \t]*$")
_STAMP_FIRST: Final = re.compile(r"^[ \t]*(?:Ký bởi|Người ký)[ \t]*:", re.MULTILINE)
_STAMP_NEXT: Final = re.compile(r"[ \t]*(?:Ký bởi|Người ký|Cơ quan|Email|Chức vụ|Ngày ký|Thời gian ký)[ \t]*:")
# the signing time: "Ngày ký: 2026-05-21 08:05:48 +07:00", "Thời gian ký: 05.06.2026 09:40:10 +07:00"
_SIGNED_AT: Final = re.compile(r"(?:Ngày ký|Thời gian ký)[ \t]*:[ \t]*\d[\d./\- ]+\d{1,2}:\d\d")
_STAMP_LINES: Final = 6  # lines a stamp may take


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    out, last = [], 0
    for s, e in sorted(spans):
        if s < last:
            continue
        out += [text[last:s], " " * (e - s)]
        last = e
    out.append(text[last:])
    return "".join(out)


def _line_end(text: str, at: int) -> int:
    k = text.find("\n", at)
    return len(text) if k < 0 else k


def without_furniture(text: str) -> str:
    """The text with the Công báo's running heads, their page numbers and signature stamps blanked (same length)."""
    if "CÔNG BÁO" not in text and "ký" not in text:
        return text
    spans: list[tuple[int, int]] = []
    for m in _GAZETTE.finditer(text):
        spans.append((m.start(), m.end()))
        k = m.end() + 1  # the page number on the next line that holds anything
        while k < len(text):
            e = _line_end(text, k)
            if text[k:e].strip():
                if _PAGE_NO.fullmatch(text, k, e):
                    spans.append((k, e))
                break
            k = e + 1
    for m in _STAMP_FIRST.finditer(text):
        start, end = m.start(), _line_end(text, m.start())
        signed = _SIGNED_AT.search(text, start, end) is not None
        for _ in range(_STAMP_LINES - 1):
            k = end + 1
            if k >= len(text) or not _STAMP_NEXT.match(text, k):
                break
            end = _line_end(text, k)
            signed = signed or _SIGNED_AT.search(text, k, end) is not None
        if signed:
            spans.append((start, end))
    return _blank(text, spans) if spans else text
