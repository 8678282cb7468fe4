"""A PDF text layer whose Vietnamese letters lost the high byte of their code point (pure).

Some PDF writers embed a Unicode font as a simple one-byte font without a ToUnicode table: each
letter's code is the low byte of its Unicode code point, and a reader sees "TÈNH" for "TỈNH" (U+1EC8
→ 0xC8), "ng°Ýi" for "người" (U+01B0 → 0xB0, U+1EDD → 0xDD), "\x11" for "đ" (U+0111). A byte can
stand for a Latin-1 letter or for one of Latin Extended-A/B or Extended Additional ("È" or "Ỉ"); each
syllable is read back as the spelling Vietnamese allows (an initial and a rhyme that exist, one tone,
a stop final only under sắc or nặng), the letters' case kept consistent, and a frequent syllable
preferred where two spellings are both possible.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from pathlib import Path

from dondoc.spelling import spelled

# Vietnamese letters outside Latin-1 (precomposed), by the byte they fall to
_VIET = "ĂăĐđĨĩŨũƠơƯư" + "".join(chr(c) for c in range(0x1EA0, 0x1EFA))
_BY_BYTE: dict[str, tuple[str, ...]] = {}
for _ch in _VIET:
    _BY_BYTE.setdefault(chr(ord(_ch) & 0xFF), ())
    _BY_BYTE[chr(ord(_ch) & 0xFF)] += (_ch,)
_LATIN1_VIET = frozenset("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
# bytes that letters of a word may have fallen to (ASCII letters and brackets stay as they are: "ĩ" and
# "ũ" fall to ")" and "i", which no reading can tell apart, and are left)
_FALLEN = frozenset(c for c in _BY_BYTE if ord(c) < 0x20 or ord(c) >= 0x80)
_WORD = re.compile(r"[^\s.,;:!?()\[\]{}\"'“”‘’/–—-]+")

@lru_cache(maxsize=1)
def _frequency() -> dict[str, int]:
    """Rank of each syllable of our own Vietnamese text (syllables.txt, scripts/syllables.py), 0 the
    most frequent: which of two spellings the rules both allow is likelier ("và" or "về")."""
    words = (Path(__file__).with_name("syllables.txt")).read_text(encoding="utf-8").split()
    return {w: i for i, w in enumerate(words)}


def _case_fits(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) < 2 or all(c.isupper() for c in letters) or all(c.islower() for c in letters[1:])


def _read_word(word: str) -> str:
    """One word read back: every spelling its fallen bytes allow, the first that fits best."""
    options = [(c, *_BY_BYTE.get(c, ())) if c in _LATIN1_VIET else (_BY_BYTE[c] if c in _FALLEN else (c,)) for c in word]
    if all(len(o) == 1 for o in options):
        return "".join(o[0] for o in options)
    best, best_rank, freq = None, None, _frequency()
    for combo in itertools.islice(itertools.product(*options), 256):
        cand = "".join(combo)
        rank = (not spelled(cand), not _case_fits(cand), freq.get(cand.lower(), len(freq)),
                sum(1 for a, b in zip(cand, word) if a != b))
        if best_rank is None or rank < best_rank:
            best, best_rank = cand, rank
    return best or word


def fallen(text: str) -> bool:
    """Whether the text holds bytes only a fallen Vietnamese letter gives: "đ" as \\x11, "ư" as "°"."""
    return any(c in _FALLEN and c not in _LATIN1_VIET for c in text)


# "ĩ" falls to ")" and "Ĩ" to "(": inside a word ("ngh)a", "V)nh"), or after consonants alone that follow a
# word ("bác s)", "liệt s)"); a list's label ("b) …") opens its line and is left
_BRACKET_I = re.compile(r"(?<![^\W\d_])([^\W\d_]+)([()])(?=[^\W\d_])|"
                        r"(?<=[^\W\d_] )([bcdđghklmnpqrstvxBCDĐGHKLMNPQRSTVX]{1,3})([()])(?![^\W\d_])")


def _bracket_i(m: re.Match[str]) -> str:
    head, mark = (m.group(1), m.group(2)) if m.group(2) else (m.group(3), m.group(4))
    return head + ("ĩ" if mark == ")" else "Ĩ")


def from_low_bytes(text: str) -> str:
    """The text with each word's fallen letters read back (words without any kept as they are)."""
    text = _BRACKET_I.sub(_bracket_i, text)
    return _WORD.sub(lambda m: _read_word(m.group(0)) if any(c in _FALLEN or c in _LATIN1_VIET for c in m.group(0))
                     else m.group(0), text)
