"""Bytes to text: BOMs, UTF-8, UTF-16, Windows-1258 and the legacy Vietnamese fonts."""

from __future__ import annotations

import codecs
import unicodedata

from dondoc.ingest.legacy import convert_legacy, dense_legacy, looks_legacy, vietnamese_score


class DecodeError(ValueError):
    """Bytes that are not text in any encoding we read; the message says why."""


LEGACY_HINT = (
    "có vẻ gõ bằng phông chữ Việt cũ (TCVN3/ABC hoặc VNI) nhưng không chuyển được sang Unicode; "
    "hãy chuyển mã trước (UniKey: Ctrl+Shift+F6) hoặc lưu lại thành UTF-8"
)
# What a conversion is reported as, by the family convert_legacy names.
_FONTS = {"TCVN3 (ABC)": "TCVN3 (.VnTime)", "TCVN3 (ABC) capitals": "TCVN3 chữ hoa (.VnTimeH)", "VNI": "VNI (VNI-Times)"}


def legacy_warning(family: str | None) -> list[str]:
    """The task set's warning for a text converted from a legacy font family (none when not converted)."""
    if not family:
        return []
    return [f"văn bản dùng phông {_FONTS.get(family, family)}, đã chuyển sang Unicode"]


def _utf16_without_bom(data: bytes) -> str | None:
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    for enc, ratio in (("utf-16-le", zeros_odd), ("utf-16-be", zeros_even)):
        if ratio > 0.3:
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return None
    return None


def _is_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls > max(2, len(sample) // 200)


def fix_legacy(text: str) -> tuple[str, str | None]:
    """Convert TCVN3/VNI text to Unicode; raise DecodeError when it looks legacy but won't convert."""
    if not looks_legacy(text):
        return text, None
    converted = convert_legacy(text)
    if converted is None:
        if vietnamese_score(text) < 0.05 and dense_legacy(text):
            raise DecodeError(LEGACY_HINT)
        return text, None
    return converted


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a text file; returns (NFC text, what it was read as)."""
    if data.startswith(codecs.BOM_UTF8):
        text, how = data[3:].decode("utf-8", errors="replace"), "UTF-8 with BOM"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, how = data.decode("utf-16", errors="replace"), "UTF-16"
    else:
        u16 = _utf16_without_bom(data)
        if u16 is not None:
            text, how = u16, "UTF-16"
        else:
            try:
                text, how = data.decode("utf-8"), "UTF-8"
            except UnicodeDecodeError:
                latin = data.decode("latin-1")
                if looks_legacy(latin) and convert_legacy(latin) is not None:
                    text, how = latin, "legacy"
                else:
                    text, how = data.decode("cp1258", errors="replace"), "Windows-1258"
    if _is_binary(text):
        raise DecodeError("chứa dữ liệu nhị phân, không phải văn bản")
    text, family = fix_legacy(text)
    if family:
        how = f"{family} legacy font, converted to Unicode"
    return normalize_text(text), how


def normalize_text(text: str) -> str:
    """NFC, Unix line ends, no BOM or zero-width characters, no trailing spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = text.replace("\u200b", "").replace("\u00a0", " ").replace("\u2028", "\n")
    return unicodedata.normalize("NFC", text)
