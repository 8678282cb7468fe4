"""What a text must say for a cadence pattern to match it: found cheaply, before the pattern (pure)."""

from __future__ import annotations

from typing import Final

# Text each pattern cannot match without (every branch holds one of them literally).
_NEEDS: Final = {
    "weekly": ("hang tuan", "moi tuan", "ky tuan", "cao tuan", "/tuan", "/ tuan", "tuan/", "tuan /", "tuan 1 lan",
               "tuan 01 lan", "tuan mot lan"),
    "monthly": ("hang thang", "moi thang", "tung thang", "ky thang", "cao thang", "/thang", "/ thang"),
    "quarterly": ("hang quy", "moi quy", "tung quy", "ky quy", "cao quy", "/quy", "/ quy", "3 thang", "ba thang"),
    "semiannual": ("6 thang", "sau thang", "nua nam", "2 lan", "hai lan"),
    "annual": ("hang nam", "moi nam", "tung nam", "ky nam", "1 nam", "mot nam", "lan trong nam", "/nam", "/ nam", "thuong nien",
               "cao nam"),
}
# Each need by a word of it and where that word starts in it: a text holds the need where it stands
# around a place the word is found. The six words are found once a text (str.find from place to place,
# the few places each has), not each of forty needs searched through the whole text.
_ANCHORS: Final = ("tuan", "thang", "quy", "nam", "lan", "nien")
_ANCHORED: Final = {r: tuple((need, a, need.index(a)) for need in needs for a in [next(w for w in _ANCHORS if w in need)])
                    for r, needs in _NEEDS.items()}


def _places(f: str, word: str) -> list[int]:
    """Every place `word` starts in f (overlapping ones too)."""
    out: list[int] = []
    k = f.find(word)
    while k >= 0:
        out.append(k)
        k = f.find(word, k + 1)
    return out


def needs_met(f: str, repeat: str, places: dict[str, list[int]]) -> bool:
    """any(need in f for need in _NEEDS[repeat]), from the places of the needs' words (kept in `places`
    for the other repeats' questions about the same text)."""
    for need, word, at in _ANCHORED[repeat]:
        found = places.get(word)
        if found is None:
            found = places[word] = _places(f, word)
        for k in found:
            if k >= at and f.startswith(need, k - at):
                return True
    return False
