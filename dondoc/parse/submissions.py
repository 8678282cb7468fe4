"""A submission (tờ trình, phiếu trình): the request it makes of its addressees (pure, gold convention 18).

A tờ trình or a phiếu trình asks its addressee to decide: "Kính trình lãnh đạo xem xét, quyết định./.". That
closing is one request, owned by the addressees (Kính gửi), also where a phiếu trình writes it inside one
of its numbered fields (the officer's opinion), whose units record the matter and give no task.

A letter that closes by sending itself to its addressee ("Sở Tài chính gửi Sở Nội vụ tổng hợp./.",
"Ban cán sự đảng … báo cáo Ban Tổ chức Tỉnh ủy./.") reports nothing more: that sending is the letter.
"""

from __future__ import annotations

import re

from dondoc.parse.lines import Line
from dondoc.parse.normalize import fold
from dondoc.parse.reports import ReportSpec

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


def sends_itself(spec: ReportSpec, recipients: list[str]) -> bool:
    """Whether a report found in the closing is the letter itself: sent, with no date nor cadence, by someone
    not addressed to someone addressed (Kính gửi); the addressees' reports go elsewhere."""
    if spec.to is None or not spec.by or spec.due is not None or spec.repeat != "once" or not recipients:
        return False
    addressed = {fold(r).strip(" .,;:-") for r in recipients}
    return fold(spec.to).strip(" .,;:-") in addressed and not any(fold(b).strip(" .,;:-") in addressed for b in spec.by)

