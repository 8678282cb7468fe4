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
from collections.abc import Callable, Iterator


def word_char(c: str) -> bool:
    """\\w of a str pattern: exactly str.isalnum() or "_"."""
    return c.isalnum() or c == "_"


def starts_word(text: str, at: int) -> bool:
    """\\b before a word character at `at`: the text starts there or the character before is no word character."""
    return not at or not word_char(text[at - 1])


def word_search(pattern: re.Pattern[str], text: str, pos: int = 0) -> re.Match[str] | None:
    """What re.compile(r"\\b" + pattern.pattern).search(text, pos) finds."""
    search = pattern.search
    m = search(text, pos)
    while m is not None and not starts_word(text, m.start()):
        m = search(text, m.start() + 1)
    return m


def finditer_not_after(pattern: re.Pattern[str], text: str, before: Callable[[str], bool]) -> Iterator[re.Match[str]]:
    """What re.finditer yields for the pattern behind a look-behind (?<!X), X any character that
    `before` accepts: a match after such a character is dropped and the search goes on one further."""
    search = pattern.search
    m = search(text)
    while m is not None:
        s = m.start()
        if not s or not before(text[s - 1]):
            yield m
            m = search(text, m.end() if m.end() > s else s + 1)
        else:
            m = search(text, s + 1)


def word_finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """What re.compile(r"\\b" + pattern.pattern).finditer(text) yields (its matches are never empty)."""
    return finditer_not_after(pattern, text, word_char)
