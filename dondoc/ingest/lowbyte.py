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
import unicodedata
from functools import lru_cache
from pathlib import Path

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

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_INITIALS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu", "b", "c", "d", "đ", "g", "h", "k",
             "l", "m", "n", "p", "r", "s", "t", "v", "x", "")
_RHYMES = frozenset("""
a ai ao au ay am an ang anh ap at ac ach ăm ăn ăng ăp ăt ăc âm ân âng âp ât âc âu ây
e eo em en eng ep et ec ê êu êm ên ênh êp êt êch
i ia iu im in inh ip it ich iêu iêm iên iêng iêp iêt iêc y yêu yêm yên yêt
o oi om on ong op ot oc oa oai oay oao oam oan oang oanh oap oat oac oach oăm oăn oăng oăt oăc oe oeo oen oet
oong ooc ô ôi ôm ôn ông ôp ôt ôc ơ ơi ơm ơn ơp ơt
u ua ui um un ung up ut uc uân uâng uât uây uê uêch uênh uơ uôi uôm uôn uông uôt uôc uy uya uyu uyên uyêt uynh
uych uyt uyn ư ưa ưi ưu ưm ưng ưt ưc ươ ươi ươu ươm ươn ương ươp ươt ươc
""".split())
_FRONT = ("i", "e", "ê", "y")


@lru_cache(maxsize=1)
def _frequency() -> dict[str, int]:
    """Rank of each syllable of our own Vietnamese text (syllables.txt, scripts/syllables.py), 0 the
    most frequent: which of two spellings the rules both allow is likelier ("và" or "về")."""
    words = (Path(__file__).with_name("syllables.txt")).read_text(encoding="utf-8").split()
    return {w: i for i, w in enumerate(words)}


def _base_and_tones(syllable: str) -> tuple[str, int]:
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    tones = sum(1 for c in decomposed if c in _TONES)
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return base, tones


def _tone(syllable: str) -> str:
    return next((c for c in unicodedata.normalize("NFD", syllable.lower()) if c in _TONES), "")


def spelled(syllable: str) -> bool:
    """Whether a syllable is spelled as Vietnamese allows: an initial and a rhyme that exist, at most
    one tone, a stop final (p, t, c, ch) only under sắc or nặng, and k/gh/ngh only before i, e, ê, y."""
    base, tones = _base_and_tones(syllable)
    if tones > 1 or not base:
        return False
    for ini in _INITIALS:
        if not base.startswith(ini):
            continue
        rhyme = base[len(ini):]
        if ini == "gi" and rhyme not in _RHYMES:
            rhyme = "i" + rhyme  # "gì", "giếng": the i is the rhyme's
        if ini == "qu":  # its u is the medial: "quan" (as "hoan"), "quê" (as "huê"), "quốc"
            rhyme = "o" + rhyme if "o" + rhyme in _RHYMES and not rhyme.startswith(("ô", "ơ", "u", "y", "â")) else "u" + rhyme
        if rhyme not in _RHYMES:
            continue
        if ini in ("k", "gh", "ngh") and not rhyme.startswith(_FRONT):
            continue
        if ini in ("c", "g", "ng") and rhyme.startswith(_FRONT):
            continue
        if rhyme.endswith(("p", "t", "c", "ch")) and _tone(syllable) not in ("\u0301", "\u0323"):
            continue
        return True
    return False


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
