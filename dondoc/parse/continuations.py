"""Lines that go on with the text before them, whatever they start with (pure).

A passage quoted from another document ("… quy định:⏎"1. Đối tượng …⏎a) …") is text of the item that
quotes it: its labels are that document's, not this one's. A sentence the page's width broke
("… các tổ chức chính trị⏎- xã hội …", "… phối hợp với Sở⏎Công Thương …") goes on in the next line,
though that line starts with a dash or a capital. build_outline and cut_tail ask these questions.
"""

from __future__ import annotations

import re
from typing import Final

from dondoc.parse.lines import Line

_OPEN_QUOTE: Final = ('"', "“", "«", "„")
_CLOSE_QUOTE = re.compile(r'["”»][.,;:)]*\s*(?:\./\.)?$')
_QUOTE_REACH = 120  # lines a quoted passage may span


def quoted_passages(lines: list[Line]) -> set[int]:
    """The indices of the lines of passages quoted from another document: from a line that opens a
    quotation it does not close to the next line that ends one (none when no line ends it)."""
    out: set[int] = set()
    k, n = 0, len(lines)
    while k < n:
        t = lines[k].text
        if t[:1] in _OPEN_QUOTE and not _closes(t[1:]):
            end = next((j for j in range(k + 1, min(n, k + _QUOTE_REACH)) if _closes(lines[j].text)), None)
            if end is not None:
                out.update(range(k, end + 1))
                k = end + 1
                continue
        k += 1
    return out


def _closes(text: str) -> bool:
    """Whether a line ends a quotation (its last mark a closing quote), or holds a whole one."""
    return bool(_CLOSE_QUOTE.search(text)) or text.count('"') % 2 == 1 or "”" in text and text.rfind("”") > text.rfind("“")


# Words no sentence ends on: a line that ends on one goes on in the next ("… gửi về⏎Sở Nội vụ …").
GOES_ON = frozenset("về với cho của tại và hoặc các những đến qua theo ngày số từ trên trong gửi giao đề nghị yêu cầu".split())
# the first word of a body's name, on which no line of a sentence ends ("… phối hợp với Sở⏎Công Thương …")
_NAME_STARTS = frozenset("Sở Bộ Ban Phòng Cục Hội Ủy Uỷ UBND Trung Đài Chi Tổng Văn".split())
# a meeting named by its body after it ("… tại phiên họp⏎Thường trực HĐND tỉnh lần thứ Chín …")
_MEETING = frozenset({"phiên họp", "cuộc họp", "kỳ họp", "buổi làm việc"})
_WRAP_WIDTH = 50  # a line at least this long, cut mid-sentence, was broken by the page's width


def continues_sentence(prev: str, t: str) -> bool:
    """Whether line `t` goes on with the sentence of line `prev` that the page's width broke: `prev` is
    long, ends on no full stop, and ends on a word no sentence ends on, or `t` is a dash and lower-case
    words ("… các tổ chức chính trị⏎- xã hội …")."""
    if len(prev) < _WRAP_WIDTH or prev.endswith((".", ";", ":", "!", "?", "./.")) or not t:
        return False
    if t[0] in "-–" and len(t) > 2 and t[1] == " " and t[2:3].islower():
        return True
    last = prev.rsplit(" ", 1)[-1]
    return t[:1].isupper() and (prev.endswith(",") or last.lower() in GOES_ON or last in _NAME_STARTS
                                or " ".join(prev.rsplit(" ", 2)[-2:]).lower() in _MEETING)
