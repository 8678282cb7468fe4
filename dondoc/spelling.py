"""Vietnamese spelling: whether a syllable is one Vietnamese can write (pure).

An initial and a rhyme that exist, at most one tone, a stop final only under sắc or nặng, k/gh/ngh only
before i, e, ê, y. The reader of fallen PDF letters (ingest/lowbyte.py) picks spellings by it; the
header's reader (parse/issuer_name.py) tells an abbreviation ("PCTT", "UBND") from a word by it.
"""

from __future__ import annotations

import unicodedata

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


def _base_and_tones(syllable: str) -> tuple[str, int]:
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    tones = sum(1 for c in decomposed if c in _TONES)
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return base, tones


def tone(syllable: str) -> str:
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
        if rhyme.endswith(("p", "t", "c", "ch")) and tone(syllable) not in ("\u0301", "\u0323"):
            continue
        return True
    return False
