"""Text typed in the legacy Vietnamese fonts (TCVN3/ABC, VNI) and its conversion to Unicode."""

from __future__ import annotations

import re
import unicodedata

# TCVN3 (TCVN 5712:1993, "ABC" fonts .VnTime): one byte per toned lower-case letter.
_TCVN3 = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}

# VNI Windows: a base letter followed by a mark character (as seen through Windows-1252).
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_HAT = {"â": "\u0302", "á": "\u0302\u0301", "à": "\u0302\u0300", "å": "\u0302\u0309", "ã": "\u0302\u0303", "ä": "\u0302\u0323"}
_VNI_BREVE = {"ê": "\u0306", "é": "\u0306\u0301", "è": "\u0306\u0300", "ú": "\u0306\u0309", "ü": "\u0306\u0303", "ë": "\u0306\u0323"}


def _vni_pairs() -> dict[str, str]:
    pairs: dict[str, str] = {}
    for base in "aeoyuAEOYU":
        for mark, comb in _VNI_TONES.items():
            m = mark.upper() if base.isupper() else mark
            pairs[base + m] = unicodedata.normalize("NFC", base + comb)
    for base in "aeoAEO":
        for mark, comb in _VNI_HAT.items():
            m = mark.upper() if base.isupper() else mark
            pairs[base + m] = unicodedata.normalize("NFC", base + comb)
    for base in "aA":
        for mark, comb in _VNI_BREVE.items():
            m = mark.upper() if base.isupper() else mark
            pairs[base + m] = unicodedata.normalize("NFC", base + comb)
    for base, horn in (("ô", "ơ"), ("ö", "ư"), ("Ô", "Ơ"), ("Ö", "Ư")):
        for mark, comb in _VNI_TONES.items():
            m = mark.upper() if base.isupper() else mark
            pairs[base + m] = unicodedata.normalize("NFC", horn + comb)
    return pairs


_VNI_PAIRS = _vni_pairs()
_VNI_SINGLE = {
    "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư", "ñ": "đ", "Ñ": "Đ",
    "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ",
    "Í": "Í", "Ì": "Ì", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị", "Î": "Ỵ",
}
_VNI_RE = re.compile("|".join(re.escape(k) for k in sorted([*_VNI_PAIRS, *_VNI_SINGLE], key=len, reverse=True)))

# Letters that only Unicode Vietnamese has; legacy text shows none of them.
_VIET_ONLY = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĂÂĐÊÔƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]")
_LATIN1_HIGH = re.compile("[\u00a0-\u00ff]")
_COMMON = frozenset(
    "của và các được thực hiện tỉnh năm ngày trong với việt những người công đề nghị theo về tổ chức "
    "ban nhân dân quốc phối hợp báo cáo trên địa để đến có là một này sở ủy kế hoạch nội dung tháng "
    "quả kết triển khai cơ quan đơn vị tuyên truyền an ninh trật tự xã hội thành phố huyện".split()
)
_WORD = re.compile(r"\w+")


def vietnamese_score(text: str) -> float:
    """Share of words that are common Vietnamese words (0..1)."""
    words = _WORD.findall(text.lower())
    if not words:
        return 0.0
    return sum(w in _COMMON for w in words) / len(words)


def from_tcvn3(text: str) -> str:
    return unicodedata.normalize("NFC", text.translate(_TCVN3))


def from_vni(text: str) -> str:
    def sub(m: re.Match[str]) -> str:
        s = m.group(0)
        return _VNI_PAIRS.get(s) or _VNI_SINGLE[s]

    return unicodedata.normalize("NFC", _VNI_RE.sub(sub, text))


_LETTER = re.compile(r"[^\W\d_]")


def looks_legacy(text: str) -> bool:
    """Text whose letters sit in Latin-1 where Vietnamese letters should be: many of them (in TCVN3 or
    VNI one letter in six or so; an English text's "café" or "naïve" is one in hundreds), and few of
    the letters only Unicode Vietnamese has."""
    high = len(_LATIN1_HIGH.findall(text))
    if high < 5:
        return False
    viet = len(_VIET_ONLY.findall(text))
    return viet * 4 < high and high * 25 >= len(_LETTER.findall(text))


def dense_legacy(text: str) -> bool:
    """Latin-1 letters as dense as a legacy font's Vietnamese makes them (one letter in ten or more):
    text that is no European language written in Latin-1 either."""
    return len(_LATIN1_HIGH.findall(text)) * 10 >= len(_LETTER.findall(text))


def convert_legacy(text: str) -> tuple[str, str] | None:
    """(converted text, font family) when the text reads as TCVN3 or VNI; None otherwise."""
    best: tuple[float, str, str] | None = None
    for family, conv in (("TCVN3 (ABC)", from_tcvn3), ("VNI", from_vni)):
        out = conv(text)
        score = vietnamese_score(out)
        if best is None or score > best[0]:
            best = (score, out, family)
    if best is None or best[0] < 0.08 or best[0] <= vietnamese_score(text):
        return None
    return best[1], best[2]
