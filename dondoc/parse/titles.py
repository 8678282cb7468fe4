"""The title of a task: the first clause of its text, at most about 120 characters (pure)."""

from __future__ import annotations

import re
from typing import Final

_TITLE_END = re.compile(r"[.;:](?:\s|$)")

_NOT_SPACE: Final = re.compile(r"\S")
# How much of a text its title is read from: the title is at most 120 characters, and a [.;:] at
# 120 looks at the character after it; a clause that ends later is cut at 120 all the same.
_TITLE_REACH: Final = 200


def title_of(text: str) -> str:
    """The first clause, at most ~120 characters."""
    first = _NOT_SPACE.search(text)
    start = first.start() if first is not None else len(text)
    t = text[start : start + _TITLE_REACH]
    if _NOT_SPACE.search(text, start + _TITLE_REACH) is None:
        t = t.rstrip()  # what follows is blank: the whole text, as text.strip() gives it
    # else t is the first _TITLE_REACH characters of text.strip(), all the title is made of
    # the first [.;:] before a space or the end with 15 characters of the same line before it (what
    # (?<=.{15}) asks), found without trying the look-behind at every character
    m = _TITLE_END.search(t, 15)
    while m is not None and "\n" in t[m.start() - 15 : m.start()]:
        m = _TITLE_END.search(t, m.start() + 1)
    if m:
        t = t[: m.start()]
    if len(t) > 120:
        t = t[:120].rsplit(" ", 1)[0] + "…"
    return t
