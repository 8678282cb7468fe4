"""Text normalisation shared by the parser and the organisation directory (pure)."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s&]", re.UNICODE)


def nfc(text: str) -> str:
    """Unicode NFC: one code point per Vietnamese letter where one exists."""
    return unicodedata.normalize("NFC", text)


def strip_accents(text: str) -> str:
    """Drop every diacritic, đ/Đ included: "Hòa Bình" -> "Hoa Binh"."""
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.replace("đ", "d").replace("Đ", "D")


def fold(text: str) -> str:
    """A matching key: no accents, lower case, punctuation as space, single spaces.

    Both tone placements (hoà / hòa) fold to the same key.
    """
    bare = strip_accents(nfc(text)).lower()
    bare = _PUNCT.sub(" ", bare)
    return _SPACES.sub(" ", bare).strip()
