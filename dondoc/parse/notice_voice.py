"""Who a commune's notice speaks to, and whether a page without a dispatch's header speaks as the issuer (pure).

The public at large ("toàn thể cán bộ, đảng viên và Nhân dân", "bà con nhân dân", "các hộ gia đình") is no agency: a
closing request to them alone is the closing formula (convention 25). A page that opens with the issuer's own requests
("Đề nghị Tổ trưởng các tổ dân phố …", "Đối với …, giao trách nhiệm cho bộ phận …"), or is headlined as the notice it is
("Thông báo về việc …"), asks as a dispatch does, though its header is not in the text.
"""

from __future__ import annotations

import re

from dondoc.parse.lines import Line
from dondoc.parse.normalize import fold_keep_length

__all__ = ["own_voice", "public_asked"]

# the public at large as the ones asked ("toàn thể cán bộ, đảng viên và Nhân dân", "bà con nhân dân", "các hộ gia đình"),
# up to the verb after them (folded): no agency, so a closing request to them alone is the closing formula (convention 25)
_PUBLIC = re.compile(r"(?:(?:toan the|tat ca|moi|cac|nhung)\s+)?(?:(?:can bo|dang vien|cong chuc|vien chuc|nguoi lao dong|"
                     r"nhan dan|ba con|nguoi dan|ho gia dinh|ho dan|ho kinh doanh|cu tri|quan chung)(?:\s*,\s*|\s+va\s+|\s+)"
                     r"(?:cac\s+)?)+(?:(?:trong|tren|cua|o)\s+(?:dia ban\s+)?(?:toan\s+)?(?:xa|phuong|thi tran|thon|to dan pho)\b[^,.;]{0,30}?\s+)?"
                     r"(?!(?:xa|phuong|thon|huyen|tinh|can bo|cong chuc|vien chuc|dang vien|nhan dan|ba con|ho)\b)")


def public_asked(text: str, f: str, at: int) -> bool:
    """Whether the ones asked at `at` are the public alone: its words, then a verb in lower case (not "cán bộ Văn phòng")."""
    m = _PUBLIC.match(f, at)
    return m is not None and m.end() > at and text[m.end() : m.end() + 1].islower()


_OWN_ASK = re.compile(r"(?:[Đđ]ối với [^,.;:]{0,120},\s*)?(?:Vậy\s+)?(?:[Đđ]ề nghị|[Yy]êu cầu|[Gg]iao(?: trách nhiệm)?)\s+(?:cho\s+)?(?:các\s+)?[^\W\d]")
_NOTICE_TITLE = re.compile(r"(?:chuyen muc\s+)?thong bao\s+(?:ve viec|v/v|ve)\b")


def _notice_title(preamble: list[Line]) -> bool:
    """Whether one of the page's first lines is the headline of a notice ("Thông báo Về việc thu tiền phí …")."""
    firsts = [ln.text.strip() for ln in preamble if ln.text.strip()][:4]
    return any(len(t) < 200 and _NOTICE_TITLE.match(fold_keep_length(t)) for t in firsts)


def own_voice(prose: list[list[Line]], preamble: list[Line]) -> bool:
    """Whether the requests of a text without a dispatch's header are the issuer's own: two paragraphs that open with
    its request to a named body, or one under a page headline that names the text a notice."""
    own = sum(1 for p in prose if _OWN_ASK.match(p[0].text.strip()))
    return own >= 2 or own >= 1 and _notice_title(preamble)
