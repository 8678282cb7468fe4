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
# the heads of bodies whose names join two fields by a dash ("Bộ Lao động - Thương binh và Xã hội", "Phòng Kế hoạch -
# Tài chính", "Vụ Tổ chức - Cán bộ")
_DASHED_HEADS = _NAME_STARTS | {"Vụ", "Viện", "Trường"}


def _ends_in_first_field(prev: str) -> bool:
    """Whether `prev` ends on a body's name cut after its first field: a body's head and one capitalised
    word of one or two syllables ("… gửi về Bộ Lao động", "… Phòng Kế hoạch"), the dash of the name to come."""
    words = prev.rsplit(" ", 3)[-3:]
    return len(words) == 3 and words[0] in _DASHED_HEADS and words[1][:1].isupper() and words[2][:1].islower() \
        or len(words) >= 2 and words[-2] in _DASHED_HEADS and words[-1][:1].isupper()


def continues_sentence(prev: str, t: str) -> bool:
    """Whether line `t` goes on with the sentence of line `prev` that the page's width broke: `prev` is
    long, ends on no full stop, and ends on a word no sentence ends on, or `t` is a dash and lower-case
    words ("… các tổ chức chính trị⏎- xã hội …"), or the second field of a dashed name whose first field
    ends `prev` ("… gửi về Bộ Lao động⏎- Thương binh và Xã hội …")."""
    if len(prev) < _WRAP_WIDTH or prev.endswith((".", ";", ":", "!", "?", "./.")) or not t:
        return False
    if t[0] in "-–" and len(t) > 2 and t[1] == " " and (t[2:3].islower() or t[2:3].isupper() and _ends_in_first_field(prev)):
        return True  # "… chính trị⏎- xã hội …", "… gửi về Bộ Lao động⏎- Thương binh và Xã hội (qua …)"
    last = prev.rsplit(" ", 1)[-1]
    return t[:1].isupper() and (prev.endswith(",") or last.lower() in GOES_ON or last in _NAME_STARTS
                                or " ".join(prev.rsplit(" ", 2)[-2:]).lower() in _MEETING)
