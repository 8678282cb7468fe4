"""A person named before the post they hold: "Đồng chí Nguyễn Văn Bình - Phó Chủ tịch UBND xã: chỉ đạo …" (pure).

Commune plans often charge a person by name and post. The owner a clerk tracks is the post (gold
convention 4, people by post), so the name between the address ("đồng chí", "đ/c", "ông", "bà") and the
post is dropped, with the address, before the owners are read: "Phó Chủ tịch UBND xã: chỉ đạo …".
"""

from __future__ import annotations

import re

from dondoc.parse.heads import head_at
from dondoc.parse.normalize import fold_keep_length

__all__ = ["without_person_names"]

# the address, two to five words of a name, then a dash or a comma before the post
_NAMED = re.compile(r"(?<![\w/])((?:[Đđ]ồng chí|[Đđ]/[Cc]|[Ôô]ng|[Bb]à)\s+)((?:\w+\s+){1,4}\w+)(\s*[-–,]\s*)(?=\w)")


def without_person_names(text: str) -> str:
    """`text` with each person's name before their post taken out (unchanged when there is none)."""
    if "/" not in text and not re.search(r"[Đđ]ồng chí|[Ôô]ng |[Bb]à ", text):
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
