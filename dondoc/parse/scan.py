"""Searching for words fast: a pattern's leading \\b checked by hand (pure).

The regular expression engine skips quickly to the places a pattern can start only when the pattern
begins with literal text; a leading \\b (or look-behind) makes it try every position of the text
with every branch. These functions search with the pattern *without* its leading \\b and keep only
the matches that begin at a word boundary, retrying one character further on otherwise. For a
pattern whose every match begins with a word character (a letter or digit), that gives exactly the
matches of the pattern with the \\b, in the same order.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator
from typing import Any, Final


def word_char(c: str) -> bool:
    """\\w of a str pattern: exactly str.isalnum() or "_"."""
    return c.isalnum() or c == "_"


def starts_word(text: str, at: int) -> bool:
    """\\b before a word character at `at`: the text starts there or the character before is no word character."""
    return not at or not word_char(text[at - 1])


def word_search(pattern: re.Pattern[str], text: str, pos: int = 0) -> re.Match[str] | None:
    """What re.compile(r"\\b" + pattern.pattern).search(text, pos) finds."""
    search = skipping(pattern).search
    m = search(text, pos)
    while m is not None and not starts_word(text, m.start()):
        m = search(text, m.start() + 1)
    return m


def finditer_not_after(pattern: re.Pattern[str], text: str, before: Callable[[str], bool]) -> Iterator[re.Match[str]]:
    """What re.finditer yields for the pattern behind a look-behind (?<!X), X any character that
    `before` accepts: a match after such a character is dropped and the search goes on one further."""
    search = skipping(pattern).search
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


def trie_pattern(words: list[str]) -> str:
    """A regular expression matching exactly the given strings, longest first, shared prefixes once.

    Only one branch can go on at each character, so the engine does not try every name in turn.
    """
    if not words:
        return "(?!)"
    ends = "" in words
    groups: dict[str, list[str]] = {}
    for w in words:
        if w:
            groups.setdefault(w[0], []).append(w[1:])
    branches = [re.escape(ch) + trie_pattern(rest) if rest != [""] else re.escape(ch) for ch, rest in groups.items()]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "" if not groups else f"(?:{body})?"
    return body


# The parse tree of a pattern, from the engine's own parser (Python's, not a public API: where it
# answers with something not handled below, the pattern is left as it is).
_SRE_PARSER: Any = importlib.import_module("re._parser")
# by id: a pattern's own hash goes over its whole compiled code each time (kept beside it: an id is
# never taken for a pattern that has gone)
_FIRSTS_KEPT: Final[dict[int, tuple[re.Pattern[str], re.Pattern[str]]]] = {}
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def skipping(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern behind a look-ahead for the characters its matches can start with ("(?=[0-9hmb,])…"): it
    finds the same matches, and the engine dismisses most places of a text with one test of a class instead
    of trying each branch (a pattern of many branches that start with \\b or a group is slow to scan).
    The pattern itself when its first characters cannot be told (flags, a match that may be empty …)."""
    kept = _FIRSTS_KEPT.get(id(pattern))
    if kept is not None and kept[0] is pattern:
        return kept[1]
    fast = pattern
    if not pattern.flags & (re.IGNORECASE | re.VERBOSE) and not _GLOBAL_FLAGS.match(pattern.pattern):
        try:
            data = _SRE_PARSER.parse(pattern.pattern, pattern.flags).data
            first = None if _skips_already(data) else _firsts(data)
            if first is not None and not first[1] and first[0]:
                fast = re.compile(f"(?=[{''.join(sorted(first[0]))}])(?:{pattern.pattern})", pattern.flags)
        except (re.error, ValueError, TypeError, AttributeError, IndexError):
            fast = pattern
    if len(_FIRSTS_KEPT) > 512:  # patterns made on the fly: keep it bounded
        _FIRSTS_KEPT.clear()
    _FIRSTS_KEPT[id(pattern)] = (pattern, fast)
    return fast


def _skips_already(items: list[Any]) -> bool:
    """Whether the engine skips to a pattern's places itself: it starts with a literal, a class, or
    branches that each start with a literal (through groups without flags)."""
    while items and str(items[0][0]) == "SUBPATTERN" and not items[0][1][1] and not items[0][1][2]:
        items = items[0][1][3].data
    if not items:
        return False
    op, av = items[0]
    if str(op) in ("LITERAL", "IN"):
        return True
    return str(op) == "BRANCH" and all(alt.data and str(alt.data[0][0]) == "LITERAL" for alt in av[1])


def _firsts(items: list[Any]) -> tuple[set[str], bool] | None:
    """The characters (as pieces of a character class) a sequence of parsed items can start with, and
    whether it can match the empty string; None for an item not handled."""
    out: set[str] = set()
    for op, av in items:
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # takes no character
        if name == "LITERAL":
            return out | {re.escape(chr(av))}, False
        if name == "IN":
            kinds = {str(o) for o, _ in av}
            if not kinds <= {"LITERAL", "RANGE", "CATEGORY"}:
                return None  # a negated class …
            for o, a in av:
                if str(o) == "LITERAL":
                    out.add(re.escape(chr(a)))
                elif str(o) == "RANGE":
                    out.add(f"{re.escape(chr(a[0]))}-{re.escape(chr(a[1]))}")
                else:
                    piece = {"CATEGORY_DIGIT": r"\d", "CATEGORY_SPACE": r"\s", "CATEGORY_WORD": r"\w"}.get(str(a))
                    if piece is None:
                        return None
                    out.add(piece)
            return out, False
        if name == "BRANCH":
            empty = False
            for alternative in av[1]:
                sub = _firsts(alternative.data)
                if sub is None:
                    return None
                out |= sub[0]
                empty = empty or sub[1]
            if not empty:
                return out, False
            continue
        if name == "SUBPATTERN":
            if av[1] or av[2]:
                return None  # flags set or cleared inside
            sub = _firsts(av[3].data)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            sub = _firsts(av[2].data)
            if sub is not None and av[0] == 0:
                sub = (sub[0], True)
        else:
            return None  # any character, a back reference …
        if sub is None:
            return None
        out |= sub[0]
        if not sub[1]:
            return out, False
    return out, True
