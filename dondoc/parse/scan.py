"""Searching for words fast: a pattern's leading \\b checked by hand (pure).

The regular expression engine skips quickly to the places a pattern can start only when the pattern
begins with literal text; a leading \\b (or look-behind) makes it try every position of the text
with every branch. These functions search with the pattern *without* its leading \\b and keep only
the matches that begin at a word boundary, retrying one character further on otherwise. For a
pattern whose every match begins with a word character (a letter or digit), that gives exactly the
matches of the pattern with the \\b, in the same order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def _starts_word(text: str, at: int) -> bool:
    """\\b before a word character at `at`: the text starts there or the character before is no word
    character (\\w of a str pattern is exactly str.isalnum() or "_")."""
    if not at:
        return True
    prev = text[at - 1]
    return not (prev.isalnum() or prev == "_")


def word_search(pattern: re.Pattern[str], text: str, pos: int = 0) -> re.Match[str] | None:
    """What re.compile(r"\\b" + pattern.pattern).search(text, pos) finds."""
    search = pattern.search
    m = search(text, pos)
    while m is not None and not _starts_word(text, m.start()):
        m = search(text, m.start() + 1)
    return m


def word_finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """What re.compile(r"\\b" + pattern.pattern).finditer(text) yields (its matches are never empty)."""
    search = pattern.search
    m = search(text)
    while m is not None:
        s = m.start()
        if _starts_word(text, s):
            yield m
            m = search(text, m.end() if m.end() > s else s + 1)
        else:
            m = search(text, s + 1)
