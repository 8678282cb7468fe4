"""One byte for each character of Vietnamese text (pure): ASCII, the 134 accented letters and the usual
punctuation, as the tables of a charmap codec. Encoded so, a text is bytes whose C methods (translate,
find) do per-character work many times as fast as Python's per-character str operations or a regular
expression's character classes; a text with any other character is left to the slow way."""

from __future__ import annotations

import codecs
import unicodedata
from typing import Final


def _characters() -> str:
    vowels = "aăâeêioôơuưy"
    letters = [c for v in vowels + vowels.upper() for mark in ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
               if not (c := unicodedata.normalize("NFC", v + mark)).isascii()]
    # "\x00" first: the fast encoding map (codecs.charmap_build) needs it at byte 0
    chars = ["\x00", *map(chr, range(0x20, 0x7F)), *"\t\n\r\x0b\x0c", *letters, "đ", "Đ",
             *"“”‘’–—…•·\xa0«»°×§²³\u200b\ufeff\xad≥"]
    assert len(chars) == len(set(chars)) == 256
    return "".join(chars)


CHARS = _characters()  # the character of each byte
ENCODE: Final = codecs.charmap_build(CHARS)


def encoded(text: str) -> bytes | None:
    """The text one byte a character (byte k for CHARS[k]), or None when it holds a character outside CHARS."""
    try:
        return codecs.charmap_encode(text, "strict", ENCODE)[0]
    except UnicodeEncodeError:
        return None


# b"0" for a decimal digit (what \d matches: only 0-9 among CHARS), b"." for any other character
_DIGIT_MASK = bytes(ord("0") if c.isdecimal() else ord(".") for c in CHARS)


_ASCII_DIGIT_MASK = bytes(ord("0") if chr(b).isdecimal() else ord(".") for b in range(256))


def digit_mask(text: str) -> bytes | None:
    """b"0" where the text has a decimal digit, b"." elsewhere (find and bisect where \\d would be searched);
    None for a text with a character outside CHARS."""
    if text.isascii():  # (a flag of the string: no scan) then its ASCII bytes are a copy
        return text.encode("ascii").translate(_ASCII_DIGIT_MASK)
    data = encoded(text)
    return None if data is None else data.translate(_DIGIT_MASK)
