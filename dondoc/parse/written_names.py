"""The names of owners' spans as written: without trailing marks or a closing note (pure).

owner_list finds where each owner's name starts and ends in the tokens; name_texts turns those spans
into the names a reading shows and resolves ("Sở Nội vụ (cơ quan thường trực)" is Sở Nội vụ), each once.
"""

from __future__ import annotations

import re
from typing import Final

_TRAIL = re.compile(r"[\s,;:.\-–(*]+$")
# What _TRAIL.sub("", name) takes off the end (a run of these reaching the end, a final newline
# included), as characters for str.rstrip: every space character \s matches, and the marks.
# (no space character lies past U+3000, the ideographic space)
_TRAIL_CHARS: Final = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + ",;:.-–(*"


def name_texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The names of the spans as written, without trailing marks, nor a note in parentheses at the end
    ("Sở Nội vụ (cơ quan thường trực)", "Sở Nội vụ (Ban Thi đua - Khen thưởng)": the owner is Sở Nội vụ)."""
    out = []
    for s, e in spans:
        name = text[s:e].rstrip(_TRAIL_CHARS).strip(" *\"“”")
        if name.endswith(")") and "(" in name:
            bare = name[: name.rindex("(")].rstrip(_TRAIL_CHARS)
            if " " in bare:
                name = bare
        if name and name not in out:
            out.append(name)
    return out
