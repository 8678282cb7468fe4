"""The closing of a dispatch written on in the last item's lines: where the item ends (pure).

Paragraphs after the last item ("Trên đây là …", "Đề nghị các đơn vị nghiêm túc thực hiện …", a
reporting obligation) are the dispatch's closing, not text of that item: cut_tail moves them from the
item to the outline's tail, where parse_dispatch reads their reports and requests.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dondoc.parse.continuations import GOES_ON
from dondoc.parse.lines import Line
from dondoc.parse.markers import read_marker
from dondoc.parse.owner_headings import only_owners

if TYPE_CHECKING:
    from dondoc.parse.outline_nodes import Node

# a paragraph that opens with a request of its own ("Đề nghị UBND các tỉnh chỉ đạo …") after the last item
_REQUEST_START = re.compile(r"(?:Kính đề nghị|Đề nghị|Yêu cầu)\s+\S")
# a paragraph that names its own owners before "có trách nhiệm" ("Phòng Văn hóa - Xã hội, Ban nhân dân các ấp có trách
# nhiệm thông báo …") after the last item: a charge of its own, not the last item's text (gold convention 8)
_OWN_DUTY = re.compile(r"(?P<who>[^.:;]{3,160}?)\s+có trách nhiệm\b")
_CLOSING_HINT = re.compile(
    r"(?i)(báo cáo|nghiêm túc|vướng mắc|trên đây|\./\.|kính đề nghị|đề nghị các|yêu cầu (?:thủ trưởng|các)|tổ chức thực hiện\.)"
)


def _owners_only(line: str) -> bool:
    """Whether a heading line names owners alone, with no colon ("6. UBND các xã, thị trấn"): its next line is
    its duty (a heading "UBND các xã, phường:" has its bullets, and the closing may follow it at once)."""
    t = line.strip(" *")
    return 0 < len(t) <= 160 and not t.endswith((".", ";", ":")) and only_owners(t)


def cut_tail(roots: list[Node]) -> list[Line]:
    """Paragraphs after the last item that are not part of it: the closing of the dispatch."""
    if not roots:
        return []
    node = roots[-1]
    while node.children:
        node = node.children[-1]
    if node.bullets and node.bullets[-1].start > node.lines[-1].start:
        # lines after the last bullet already belong to the bullet or are tail
        pass
    own = node.lines
    cut = None
    mk = read_marker(own[0].text)
    head = own[0].text[mk.end :] if mk is not None else own[0].text
    # "6. UBND các xã, thị trấn" over "Xây dựng kế hoạch …; định kỳ … báo cáo …": a heading of owners alone, whose
    # duties (their reports too) are the lines under it, not the dispatch's closing
    first_body = 2 if own[0].text.isupper() or head.isupper() or _owners_only(head) else 1
    for k in range(first_body, len(own)):
        t = own[k].text
        if not t[:1].isupper() or node.text.endswith(":"):
            continue
        prev = own[k - 1].text
        if prev.endswith(",") or prev.rsplit(" ", 1)[-1].lower() in GOES_ON:
            continue  # a capital inside a sentence broken at the page's width ("… báo cáo về⏎Sở Y tế …")
        # the paragraph, with the lines of it a PDF broke off ("… triển khai thực⏎hiện./.")
        para = t
        for x in own[k + 1 : k + 6]:
            if not x.text[:1].islower():
                break
            para += " " + x.text
        duty = _OWN_DUTY.match(para)
        if _CLOSING_HINT.search(para) or _REQUEST_START.match(para) or duty is not None and only_owners(duty.group("who")):
            cut = k
            break
    if cut is None:
        return []
    tail = own[cut:]
    node.lines = own[:cut]
    first = node.lines[0].text
    mk = read_marker(first)
    # the lines that stay, joined as build_outline joins them: a line in lower case goes on the one
    # before it, a line with a capital starts a new paragraph
    node.text = (first[mk.end :].strip() if mk else first) + "".join(
        (" " if x.text[:1].islower() else "\n") + x.text for x in node.lines[1:])
    node.bullets = [b for b in node.bullets if b.start < tail[0].start]
    return tail
