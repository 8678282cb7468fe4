"""A submission (tờ trình, phiếu trình): the request it makes of its addressees (pure, gold convention 18).

A tờ trình or a phiếu trình asks its addressee to decide: "Kính trình lãnh đạo xem xét, quyết định./.". That
closing is one request, owned by the addressees (Kính gửi), also where a phiếu trình writes it inside one
of its numbered fields (the officer's opinion), whose units record the matter and give no task.
"""

from __future__ import annotations

import re

from dondoc.parse.lines import Line

# the title, in capitals, near the top ("TỜ TRÌNH", "PHIẾU TRÌNH GIẢI QUYẾT CÔNG VIỆC"; glued to a flattened header)
_TITLE = re.compile(r"(?<![A-ZĐÀ-Ỹ])(?:TỜ TRÌNH|PHIẾU TRÌNH)(?![a-zà-ỹđ])")
_TITLE_REACH = 2500
# "Kính trình lãnh đạo xem xét, quyết định", "… hoàn chỉnh dự thảo trình lãnh đạo xem xét": what it asks
_ASKS_DECISION = re.compile(r"\b(?:[Kk]ính\s+)?trình\s+[^.;\n]{0,80}?\b(?:xem xét|quyết định|phê duyệt|cho ý kiến|chỉ đạo)\b")


def is_submission(text: str) -> bool:
    """Whether the document is a tờ trình or a phiếu trình (its title in capitals near the top)."""
    return _TITLE.search(text, 0, _TITLE_REACH) is not None


def closing_request(lines: list[Line]) -> Line | None:
    """The last line that asks the addressees to decide, if any."""
    for ln in reversed(lines):
        if "trình" in ln.text and _ASKS_DECISION.search(ln.text):
            return ln
    return None
