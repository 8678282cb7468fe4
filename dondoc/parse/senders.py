"""Who sends the paper a sentence opens with (pure).

A district's letter often names the senders only inside what they send: "Lịch trực Tết của các cơ quan
QLNN, đơn vị sự nghiệp thuộc UBND huyện gửi về Văn phòng HĐND&UBND huyện trước ngày 13/02", "Báo cáo kết
quả của UBND các xã gửi về Phòng Nội vụ …". The bodies after "của" send it: the lead of that request.
"""

from __future__ import annotations

import re

from dondoc.parse.lines import tokenize
from dondoc.parse.names import name_texts, owner_list
from dondoc.parse.normalize import fold_keep_length

# the paper first, then "của" within a few words of what it is about ("Báo cáo tình hình tổ chức, chăm lo Tết của …")
_PAPER_OF = re.compile(
    r"^\W*(?:bao cao|lich(?: truc)?|danh sach|ket qua|ke hoach|ho so|van ban|so lieu|de xuat|y kien|du toan|tai lieu)"
    r"\b[^.;:]{0,80}?\bcua\s+(?=\S)")
_SENDS = re.compile(r"(?:gui|nop|chuyen)\b")
_REACH = 6  # words between the senders and the verb that sends ("… có nhận định đánh giá gửi về UBND huyện")


def senders(text: str) -> list[str]:
    """The bodies "của" names in the paper a sentence opens with, when the sentence sends that paper."""
    f = fold_keep_length(text)
    m = _PAPER_OF.match(f)
    if m is None:
        return []
    seg = text[m.end() : m.end() + 240]
    toks = tokenize(seg)
    ol = owner_list(toks, 0)
    if not ol.names:
        return []
    fs = fold_keep_length(seg)
    for t in toks[ol.end : ol.end + _REACH]:
        if t.f in (".", ";", ":"):
            return []
        if _SENDS.match(fs, t.start):
            return name_texts(seg, ol.names)
    return []
