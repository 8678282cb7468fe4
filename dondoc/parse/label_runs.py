"""Runs of labels that do not simply count on (pure): one written twice, one an OCR misread.

A page read by OCR (MinerU, VietOCR) keeps a list's numbers but not always their marks: the first
unit's "1." comes out as a dash ("- Rà soát …" then "2. Rà soát …"), and one unit's "5." as "5 -"
between "4." and "6.". A clerk reading the page sees one list all the same; these two questions let
the outline read it so.
"""

from __future__ import annotations

from typing import Any

from dondoc.parse.lines import Line
from dondoc.parse.markers import Marker


def _numbered(style: str) -> bool:
    return style.startswith("num")


def opens_on_second(mk: Marker, rest: str, *, stack_empty: bool, no_roots: bool) -> bool:
    """Whether a list that opens on "2." (nothing numbered before it) reads as one whose "1." was lost:
    the caller checks that the paragraph just before it is a dash paragraph standing alone, the unit 1."""
    return mk.value == 2 and _numbered(mk.style) and stack_empty and no_roots and rest[:1].isupper()


def sibling_misread(mk: Marker, rest: str, styles_values: list[tuple[str, int]]) -> int | None:
    """The position (in the open units, outermost first) of the numbered unit that this label follows
    with other punctuation ("4." then "5 -"): the next number of that list, a unit's first line (a capital
    after the label). None when the label opens a list of its own (a sub-list starts at 1)."""
    if mk.value < 2 or not _numbered(mk.style) or not rest[:1].isupper():
        return None
    for k in range(len(styles_values) - 1, -1, -1):
        style, value = styles_values[k]
        if _numbered(style) and style != mk.style:
            return k if value == mk.value - 1 else None
    return None


def titled(rest: str) -> bool:
    """Whether the words after a label are a section's title in capitals ("TỔ CHỨC THỰC HIỆN:")."""
    words = rest.strip(" *.:").split()
    return len(words) >= 2 and all(w.isupper() or not any(c.isalpha() for c in w) for w in words)


def repeats(prev: Any, mk: Marker, ln: Line) -> bool:
    """Whether a label equal to the one before is that label written twice (a new unit), not a line
    that happens to start like it: a line that reads as a unit's first (a capital after the label),
    after the last line of the first."""
    rest = ln.text[mk.end :].lstrip("*")
    # after a bare title ("1. Mục đích." then "1. Làm cho …"), a list inside it numbered afresh
    said = len(prev.text) > 60 or len(prev.lines) > 1 or bool(prev.bullets) or bool(prev.children)
    return said and rest[:1].isupper() and ln.no > prev.lines[-1].no


def written_again(prev: Any, mk: Marker, ln: Line, roots: list[Any]) -> bool:
    """Whether a label lower than the one before ("b)" after "c)") is a label of the same list written
    again by mistake: a unit before it bears it, the unit before is finished (it ends a sentence, it
    opens no list), and the line reads as a unit's first (a capital after the label)."""
    siblings = prev.parent.children if prev.parent else roots
    rest = ln.text[mk.end :].lstrip("*").strip()
    done = prev.text.rstrip(" *").endswith((".", ";")) and not prev.children and not prev.bullets
    return done and rest[:1].isupper() and any(n.label == mk.label and n.style == mk.style for n in siblings)
