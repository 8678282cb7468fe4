"""Documents an item cites: "Kết luận số 44-KL/TW ngày 22/01/2019 của Ban Bí thư" (pure)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.scan import trie_pattern
from dondoc.taskset import Reference

_KINDS = (
    "Chương trình phối hợp|Kế hoạch phối hợp|Quy chế phối hợp|Nghị quyết liên tịch|Thông tư liên tịch|Kết luận|Chỉ thị|"
    "Nghị quyết|Quyết định|Kế hoạch|Hướng dẫn|Công văn|Công điện|Chương trình|Thông tư|Nghị định|Luật|Thông báo|"
    "Văn bản|Đề án|Quy chế|Quy định|Tờ trình|Báo cáo|Lệnh"
)
# every place a kind of document is named; the first look-ahead, on the kinds' first letters (any
# case), lets the engine dismiss most places at once instead of trying each kind case-insensitively
_KIND_FIRSTS = "".join(sorted({k[0].lower() for k in _KINDS.split("|")}))
# (the kinds in the look-ahead as a trie: where a place passes the first test, the engine goes on in the
# branch of its letters, not through every kind in turn, each letter lower-cased again)
_KIND_AT = re.compile(rf"(?=[{_KIND_FIRSTS}])(?={trie_pattern(sorted(_KINDS.split('|')))})", re.IGNORECASE)
_NUMBERED = re.compile(r"so\s*:?\s*\d")
_REF = re.compile(
    rf"(?P<kind>{_KINDS})\s+(?:liên tịch\s+)?số\s*:?\s*(?P<num>\d[\w./\-&]*[\w])"
    r"(?:\s*,?\s*ngày\s+(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4}))?"
    r"(?:\s+(?:của|giữa)\s+(?P<issuer>[^,;.\"“”(\n]{3,120}?))?"
    r"(?=\s+(?:về|gắn|và|với|như|trong|tại|nhằm|để|về việc)\b|\s*[,;.\"“”(\n]|\s*$)",
    re.IGNORECASE,
)


def _matches(text: str) -> Iterator[re.Match[str]]:
    """_REF.finditer(text), but tried only around each "số <digit>": the pattern is slow to scan."""
    pos = 0
    for hit in _NUMBERED.finditer(fold_keep_length(text)):
        p = hit.start()
        if p < pos:
            continue
        end = min(len(text), p + 800)
        for k in _KIND_AT.finditer(text, max(pos, p - 60), p):
            m = _REF.match(text, k.start(), end)
            if m is not None:
                pos = max(m.end(), m.start() + 1)
                yield m
                break


def find_references(text: str) -> list[Reference]:
    """Structured references (number, date, issuer, kind) of the documents the text cites."""
    out: list[Reference] = []
    seen: set[str] = set()
    for m in _matches(text):
        num = m.group("num").rstrip(".-")
        if not re.search(r"[/\-]", num) or num in seen:
            continue
        seen.add(num)
        day = None
        if m.group("y"):
            try:
                day = date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            except ValueError:
                day = None
        issuer = (m.group("issuer") or "").strip() or None
        kind = m.group("kind")
        out.append(Reference(number=num, date=day, issuer=issuer, kind=kind[0].upper() + kind[1:]))
    return out


# "(Công văn|Tờ trình) số 1752/CT-THNVDT ngày … về việc …" right before a "gửi", no request between: the
# description of a document sent, not a request to send
_DOCUMENT_NUMBER = re.compile(r"\b(?:cong van|van ban|to trinh|bao cao|ke hoach|thong bao)\s+so\s+\S+")
_ASKED_OR_ENDED = re.compile(r"[.;]|\bde nghi\b|\byeu cau\b|\bgiao\b")
# a decision as the subject of "được gửi đến …" in the same clause
_DECISION_DELIVERED = re.compile(r"\bquyet dinh\b[^.;:]{0,120}\bduoc\s+$")


def document_sent(f: str, at: int) -> bool:
    """Whether the "gửi" at `at` ends the description of a document that was sent ("Công văn số
    1752/CT-THNVDT … về việc … gửi UBND tỉnh"): a document's number within 160 characters before it,
    and neither a sentence's end nor a request between; or a decision delivered to those it binds ("Quyết định
    điều chỉnh dự toán được gửi đến đơn vị sử dụng ngân sách …"), no report either."""
    window = f[max(0, at - 160) : at]
    if f.startswith("gui den", at) and _DECISION_DELIVERED.search(window):
        return True
    if " so " not in window or window.endswith((" va ", " va dong thoi ")):
        return False  # "… theo Công văn số 4552/BCA-C04 ngày 09/10/2025 và gửi …": the subject's own next verb
    last = None
    for m in _DOCUMENT_NUMBER.finditer(window):
        last = m
    return last is not None and _ASKED_OR_ENDED.search(window, last.end()) is None
