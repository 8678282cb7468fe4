"""A person named before the post they hold: "Đồng chí Nguyễn Văn Bình - Phó Chủ tịch UBND xã: chỉ đạo …" (pure).

Commune plans often charge a person by name and post. The owner a clerk tracks is the post (gold
convention 4, people by post), so the name between the address ("đồng chí", "đ/c", "ông", "bà") and the
post is dropped, with the address, before the owners are read: "Phó Chủ tịch UBND xã: chỉ đạo …".
"""

from __future__ import annotations

import re

from dondoc.parse.heads import head_at
from dondoc.parse.normalize import fold_keep_length

__all__ = ["without_addresses", "without_person_names"]

# the address, two to five words of a name, then a dash or a comma before the post. Written to start with
# the class of the addresses' first letters, the look-behind ("not after a word character or '/'") checked
# after it and each address's rest after a look-behind at its first letter: the same matches as
# (?<![\w/])((?:[Đđ]ồng chí|[Đđ]/[Cc]|[Ôô]ng|[Bb]à)\s+)…, but the engine skips to those letters instead of
# trying the look-behind and four branches at every character (a tenth of the time)
_NAMED = re.compile(r"([ĐđÔôBb](?<![\w/].)(?:(?<=[Đđ])ồng chí|(?<=[Đđ])/[Cc]|(?<=[Ôô])ng|(?<=[Bb])à)\s+)"
                    r"((?:\w+\s+){1,4}\w+)(\s*[-–,]\s*)(?=\w)")
# the addresses a search for "[Đđ]ồng chí|[Ôô]ng |[Bb]à " finds, looked for with str methods (the engine
# cannot skip to branches that start with a class: it tried them at every character)
_ADDRESSES = ("Đồng chí", "đồng chí", "Ông ", "ông ", "Bà ", "bà ")


def without_person_names(text: str) -> str:
    """`text` with each person's name before their post taken out (unchanged when there is none)."""
    if "/" not in text and not any(a in text for a in _ADDRESSES):
        return text
    folded = fold_keep_length(text)
    parts: list[str] = []
    last = 0
    for m in _NAMED.finditer(text):
        name = m.group(2).split()
        if not all(w[:1].isupper() and w[1:].islower() for w in name):
            continue  # a name is words in title case ("Nguyễn Văn Bình"), not a post or a phrase
        if head_at(text, folded, m.start(2), min(len(text), m.start(2) + 120)):
            continue  # "đồng chí Giám đốc Sở X, …": already the post
        if not head_at(text, folded, m.end(), min(len(text), m.end() + 160)):
            continue  # what follows the name is no post
        parts += [text[last : m.start()]]
        last = m.end()
    return "".join(parts) + text[last:] if parts else text


# the address before a post a field's value lists ("Đơn vị chủ trì: Đồng chí Phó Chủ tịch Thường trực, …", "Các đ/c
# Phó Chủ tịch, …"): at the start of the value or of one of its names, before a word in capitals
_ADDRESS = re.compile(r"(?:(?<=^)|(?<=[,;]\s)|(?<=\svà\s))(?:[Cc]ác\s+)?(?:[Đđ]ồng chí|[Đđ]/[Cc])\s+(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈÍÌÓÒÚÙÝ])")


def without_addresses(value: str) -> str:
    """A field's value with the address before each post taken out: "Đồng chí Phó Chủ tịch Thường trực" → "Phó Chủ
    tịch Thường trực" (the post is the owner a clerk tracks, convention 33)."""
    if "/" not in value and "ồng chí" not in value:
        return value
    return _ADDRESS.sub("", value)
