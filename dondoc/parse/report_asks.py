"""A report asked for in so many words, with no recipient nor date written (pure).

"… đề nghị quý Bộ khẩn trương có báo cáo về tình hình thực hiện …", "yêu cầu các đơn vị có báo cáo kết quả":
the request is to hand in a report, to the one who asks. Said of what was or was not done ("Đến nay Bộ chưa
có báo cáo", "mới có 29 tỉnh có báo cáo"), the same words state a fact: only a request within the sentence
before them makes them an obligation.
"""

from __future__ import annotations

import re

# "có báo cáo", "khẩn trương (có) báo cáo" right before the found "báo cáo" (folded text)
_HAVE_REPORT = re.compile(r"\b(?:co|khan truong|khan truong co)\s+$")
# the request before it, in the same sentence ("đề nghị", "yêu cầu"), not negated nor a fact ("chưa có")
_REQUEST = re.compile(r"\b(?:de nghi|yeu cau)\b")
_SENTENCE_STOP = re.compile(r"[.;:!?]\s")
_REACH = 120  # characters back to the request


def asked_report(f: str, at: int) -> bool:
    """Whether the "báo cáo" at `at` of the folded text is asked for: "(đề nghị | yêu cầu) X (khẩn trương)
    có báo cáo …", the request within the sentence before it."""
    if _HAVE_REPORT.search(f, max(0, at - 20), at) is None:
        return False
    lo = max(0, at - _REACH)
    for stop in _SENTENCE_STOP.finditer(f, lo, at):
        lo = stop.end()
    before = f[lo:at]
    return _REQUEST.search(before) is not None and "chua co" not in before
