"""What kind of document a text is, where that changes the reading (pure).

- A classification stamp ("MẬT", "TỐI MẬT", "TUYỆT MẬT", "Độ mật: Mật") on a line of its own marks a
  classified document: reminders then carry only its number, key and date. The words "bí mật nhà
  nước" in a sentence or a title are no stamp.
- A lịch công tác / lịch làm việc (a calendar of a leader's meetings, "THỨ HAI, NGÀY 27/5: Chủ tịch:
  7 giờ 30, họp …"): its dated entries are meetings with a chair, not tasks (gold conventions 3, 17).
"""

from __future__ import annotations

import re
from typing import Final

from dondoc.parse.lines import Line
from dondoc.parse.normalize import fold_keep_length

_HEAD_LINES = 30  # a stamp stands in the header, above the title
_MARK = re.compile(r"^(?:do mat\s*:\s*)?(tuyet mat|toi mat|mat)(?:\s*[-–,;]?\s*(?:hoa toc|thuong khan|khan|hen gio))*$")
_URGENT_FIRST = re.compile(r"^(?:(?:hoa toc|thuong khan|khan|hen gio)\s*[-–,;]?\s*)+(tuyet mat|toi mat|mat)$")
_STRIP: Final = " *_[]()«»\"'“”.:-–|"


def classification_mark(lines: list[Line]) -> tuple[Line, str] | None:
    """The line of the document's classification stamp and its mark ("MẬT", "TỐI MẬT", "TUYỆT MẬT")."""
    for ln in lines[:_HEAD_LINES]:
        t = ln.text.strip(_STRIP)
        if not t or len(t) > 40 or "ẬT" not in t and "ật" not in t:
            continue
        f = " ".join(fold_keep_length(t).split())
        m = _MARK.match(f) or _URGENT_FIRST.match(f)
        if m is not None and t.upper() == t or m is not None and f.startswith("do mat"):
            return ln, {"tuyet mat": "TUYỆT MẬT", "toi mat": "TỐI MẬT", "mat": "MẬT"}[m.group(1)]
    return None


# "THỨ HAI, NGÀY 27/5:", "Thứ Hai (09/02/2026):", "CHỦ NHẬT, 26/3/2023": a calendar's day
_DAY = re.compile(
    r"^(?:thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])|chu nhat)\b[^a-z]{0,6}(?:ngay\s+)?\(?\s*\d{1,2}\s*[/.-]\s*\d{1,2}")
_CALENDAR_TITLE = re.compile(r"^(?:thong bao\s+)?lich (?:cong tac|lam viec|tiep cong dan)\b")


def is_meeting_calendar(lines: list[Line]) -> bool:
    """Whether the text is a calendar of meetings: titled "LỊCH CÔNG TÁC / LỊCH LÀM VIỆC", or two
    day headings at least ("THỨ HAI, NGÀY 27/5")."""
    days = 0
    for k, ln in enumerate(lines):
        t = ln.text.strip(" *-•")
        if not t or not t[:5].lower().startswith(("thứ", "chủ", "lịch", "thông", "thu ", "chu ", "lich", "thong")):
            continue
        f = fold_keep_length(t[:60])
        if k < _HEAD_LINES and len(t) < 160 and _CALENDAR_TITLE.match(f):
            return True
        if t[:1] in "TtCc" and _DAY.match(f):
            days += 1
            if days >= 2:
                return True
    return False
