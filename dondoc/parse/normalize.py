"""Text normalisation shared by the parser and the organisation directory (pure)."""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import Final

from dondoc.parse.charmap import CHARS, encoded
from dondoc.parse.scan import finditer_not_after, trie_pattern, word_char

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


class _StripTable(dict[int, int]):
    """strip_accents one code point at a time, remembered: NFD works per character, so mapping
    each character of an NFC text gives what strip_accents gives for the whole text."""

    def __missing__(self, cp: int) -> int | str:
        bare = strip_accents(chr(cp))
        value: int | str = cp if bare == chr(cp) else bare
        self[cp] = value  # type: ignore[assignment]
        return value


_STRIP_TABLE = _StripTable()


def fold(text: str) -> str:
    """A matching key: no accents, lower case, punctuation as space, single spaces.

    Both tone placements (hoà / hòa) fold to the same key.
    """
    bare = nfc(text)
    if not bare.isascii():
        bare = bare.translate(_STRIP_TABLE)
    bare = _PUNCT.sub(" ", bare.lower())
    return _SPACES.sub(" ", bare).strip()


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    ranges = [range(0x41, 0x5B), range(0xC0, 0x250), range(0x1E00, 0x1F00)]
    for r in ranges:
        for cp in r:
            ch = chr(cp)
            bare = strip_accents(ch).lower()
            if len(bare) == 1 and bare != ch:
                table[cp] = bare
    return table


_FOLD_TABLE = _build_fold_table()
# The same as a list indexed by code point: str.translate looks a list up faster than a dict, and a
# code point past its end raises IndexError, which leaves the character as it is.
_FOLD_LIST = [_FOLD_TABLE.get(cp, chr(cp)) for cp in range(max(_FOLD_TABLE) + 1)]


# The fold as a charmap decoding table: byte k (charmap.CHARS[k]) decodes to that character's fold, 7
# times as fast as str.translate, which makes an object per character of a non-ASCII text.
_DECODE: Final = "".join(_FOLD_LIST[ord(c)] if ord(c) < len(_FOLD_LIST) else c for c in CHARS)
assert len(_DECODE) == len(CHARS)


# Folds worked out from the fold of a longer text (a slice of it, or a join of folds), waiting for
# fold_keep_length to be asked for them: folding is one character for one character, so the fold
# of a piece of a text is that piece of its fold, and the fold of a join is the join of the folds.
_KNOWN_FOLDS: dict[str, str] = {}


def known_fold(text: str, folded: str) -> None:
    """Tell fold_keep_length the fold of `text`, got by slicing or joining folds (never guessed)."""
    if len(_KNOWN_FOLDS) > 256:
        _KNOWN_FOLDS.clear()
    _KNOWN_FOLDS[text] = folded


def fold_keep_length(text: str) -> str:
    """Lower case without accents, one character for one character.

    Offsets into the result are offsets into `text`, so patterns can be matched on the
    folded text and the words cut from the original. Expects NFC text. Remembered: the
    parser folds the same item text for several questions. A long text is remembered apart from
    the short ones: the many lines, clauses and names folded while a long item is read would
    otherwise push it out, and each question about a place in it would fold all of it again.
    """
    if len(text) < _LONG_TEXT:
        return _fold_short(text)
    folded = _LONG_FOLDS.pop(text, None)  # taken out and put back: the most recently used last
    if folded is None:
        folded = _fold(text)
        if len(_LONG_FOLDS) >= _LONG_KEPT:
            del _LONG_FOLDS[next(iter(_LONG_FOLDS))]
    _LONG_FOLDS[text] = folded
    return folded


def _fold(text: str) -> str:
    known = _KNOWN_FOLDS.pop(text, None)
    if known is not None:
        return known
    data = encoded(text)
    if data is None:  # a character outside the charmap
        return text.translate(_FOLD_LIST)
    return codecs.charmap_decode(data, "strict", _DECODE)[0]


_LONG_TEXT: Final = 2048  # characters from which a text is remembered apart
_LONG_KEPT: Final = 16  # long texts remembered, the least recently used forgotten first
_LONG_FOLDS: dict[str, str] = {}
_fold_short: Final = lru_cache(maxsize=1024)(_fold)


def forget_folds() -> None:
    """Forget every fold remembered (fold_keep_length): a new reading starts."""
    _fold_short.cache_clear()
    _LONG_FOLDS.clear()


# Abbreviations of Vietnamese administration, as written (case-sensitive), and their long form.
ABBREVIATIONS: dict[str, str] = {
    "UBMTTQVN": "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "UBMTTQ": "Ủy ban Mặt trận Tổ quốc",
    "MTTQVN": "Mặt trận Tổ quốc Việt Nam",
    "MTTQ": "Mặt trận Tổ quốc",
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "ANTQ": "an ninh Tổ quốc",
    "ANTT": "an ninh trật tự",
    "BCĐ": "Ban Chỉ đạo",
    "CA": "Công an",
    "TT&TT": "Thông tin và Truyền thông",
    "TTTT": "Thông tin và Truyền thông",
    "GD&ĐT": "Giáo dục và Đào tạo",
    "TN&MT": "Tài nguyên và Môi trường",
    "KH&ĐT": "Kế hoạch và Đầu tư",
    "KH&CN": "Khoa học và Công nghệ",
    "LĐ-TB&XH": "Lao động - Thương binh và Xã hội",
    "VH,TT&DL": "Văn hóa, Thể thao và Du lịch",
    "CAND": "Công an nhân dân",
    "QĐND": "Quân đội nhân dân",
    "CCB": "Cựu chiến binh",
    "LHPN": "Liên hiệp Phụ nữ",
    "TNCS": "Thanh niên Cộng sản",
    "VN": "Việt Nam",
    "TW": "Trung ương",
    "TƯ": "Trung ương",
    # the same bodies as other dispatches write them
    "LĐTBXH": "Lao động - Thương binh và Xã hội",
    "LĐ-TBXH": "Lao động - Thương binh và Xã hội",
    "LĐTB&XH": "Lao động - Thương binh và Xã hội",
    "KHCN": "Khoa học và Công nghệ",
    "KHĐT": "Kế hoạch và Đầu tư",
    "GDĐT": "Giáo dục và Đào tạo",
    "TNMT": "Tài nguyên và Môi trường",
    "VHTTDL": "Văn hóa, Thể thao và Du lịch",
    "VH-TT&DL": "Văn hóa, Thể thao và Du lịch",
    "NN&PTNT": "Nông nghiệp và Phát triển nông thôn",
    "NNPTNT": "Nông nghiệp và Phát triển nông thôn",
    "NN&MT": "Nông nghiệp và Môi trường",
    "NNMT": "Nông nghiệp và Môi trường",
    "GTVT": "Giao thông vận tải",
    "DT&TG": "Dân tộc và Tôn giáo",
    "BHXH": "Bảo hiểm xã hội",
    "KBNN": "Kho bạc Nhà nước",
    "NHCSXH": "Ngân hàng Chính sách xã hội",
    "LĐLĐ": "Liên đoàn Lao động",
    "CHQS": "Chỉ huy Quân sự",
    "BĐBP": "Bộ đội Biên phòng",
    "UBKT": "Ủy ban Kiểm tra",
    "HLHPN": "Hội Liên hiệp Phụ nữ",
    "PCTT": "phòng, chống thiên tai",
    "TKCN": "tìm kiếm cứu nạn",
    "VP": "Văn phòng",
    "TP": "thành phố",
}

# The abbreviations, longest first, not followed by a word character or "&". Written without the
# look-behind "not after a word character or &" (checked by hand in _abbreviations), so that the
# engine skips to the letters an abbreviation can start with instead of trying each place; and as a
# trie (the longest first at each letter, shared prefixes once): at a capital letter the engine goes
# on in the one branch of that letter, not in each of the eighty abbreviations in turn.
_ABBR: Final = re.compile(r"(" + trie_pattern(sorted(ABBREVIATIONS)) + r")(?![\w&])")


def _word_or_amp(c: str) -> bool:
    return word_char(c) or c == "&"


def _abbreviations(text: str) -> Iterator[re.Match[str]]:
    r"""The matches of (?<![\w&])_ABBR in text, left to right, as re.finditer would give them."""
    return finditer_not_after(_ABBR, text, _word_or_amp)


def _spelt_out(text: str, base: str, long_forms: dict[str, str]) -> str:
    """`base` (the text or its one-for-one fold) with each abbreviation of `text` replaced by its long form."""
    parts: list[str] = []
    last = 0
    for m in _abbreviations(text):
        parts.append(base[last : m.start()])
        parts.append(long_forms[m.group(1)])
        last = m.end()
    parts.append(base[last:])
    return "".join(parts)


def expand_abbreviations(text: str) -> str:
    """Spell out the usual abbreviations: "UBND tỉnh" -> "Ủy ban nhân dân tỉnh"."""
    return _spelt_out(text, text, ABBREVIATIONS)


def _fast_foldable(cp: int) -> bool:
    """Whether fold_expanded() may fold cp one for one: fold_keep_length and fold's per-character
    steps (strip accents, lower case) agree on it, and it folds to an ASCII letter or digit or is
    no word character at all (then a separator, as fold() makes of punctuation and spaces)."""
    ch = chr(cp)
    one = _FOLD_TABLE.get(cp, ch)
    return one == strip_accents(ch).lower() and (one.isascii() or not (one.isalnum() or one == "_"))


# A character the fast fold of fold_expanded() cannot take: "Σ", a lone combining mark, a letter
# outside the Latin ranges, "ø". As ranges of the first 0x2100 code points (Latin, Vietnamese and
# the punctuation of typed text), with every code point past them counted out.
def _unlike_pattern() -> re.Pattern[str]:
    ranges: list[tuple[int, int]] = []
    for cp in range(0x2100):
        if 0xD800 <= cp <= 0xDFFF or not _fast_foldable(cp):
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1] = (ranges[-1][0], cp)
            else:
                ranges.append((cp, cp))
    ranges.append((0x2100, 0x10FFFF))
    return re.compile("[" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges) + "]")


_UNLIKE = _unlike_pattern()
# The characters of the fold's charmap that _UNLIKE does not match: a text that encodes with them
# holds no character _UNLIKE matches (one pass of the codec, not of a class of a hundred ranges).
_LIKE: Final = codecs.charmap_build("".join(c for c in CHARS if not _UNLIKE.match(c)))


def _unlike_in(text: str) -> bool:
    try:
        codecs.charmap_encode(text, "strict", _LIKE)
    except UnicodeEncodeError:
        return _UNLIKE.search(text) is not None
    return False


# bytes.translate table: the ASCII word characters of a folded text (and "&") kept, any other a space
_SEPARATOR_BYTES: Final = bytes(b if chr(b) in "abcdefghijklmnopqrstuvwxyz0123456789_&" else 0x20 for b in range(256))
_FOLDED_ABBREVIATIONS: Final = {k: v.translate(_FOLD_LIST) for k, v in ABBREVIATIONS.items()}


def fold_expanded(text: str) -> str:
    """fold(expand_abbreviations(text)), from the one-for-one fold the parser has made already.

    For an NFC text of Latin letters and the usual punctuation both are the same character by
    character; any other text takes the long way.
    """
    if _unlike_in(text) or not unicodedata.is_normalized("NFC", text):
        return fold(expand_abbreviations(text))
    spelt = _spelt_out(text, fold_keep_length(text), _FOLDED_ABBREVIATIONS)
    # what is left is ASCII words and separators (punctuation, spaces, "“", "–"): as bytes, each
    # separator a space ("?" for any past ASCII), then each run of spaces one
    data = spelt.encode("ascii", "replace").translate(_SEPARATOR_BYTES)
    return b" ".join(data.split()).decode("ascii")


def match_key(text: str) -> str:
    """A matching key that also ignores abbreviation: "UBMTTQ tỉnh" == "Ủy ban Mặt trận Tổ quốc tỉnh"."""
    return fold_expanded(nfc(text))
