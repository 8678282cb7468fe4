"""Parts of a conclusion or a speech that assess the period past (pure).

A thông báo kết luận, like a report or a speech, says how the period past went before it says what to
do: "1. Trong quý I năm 2026, mặc dù còn nhiều khó khăn, … các địa phương đã chủ động …; Tuy nhiên, …
còn một số tồn tại, hạn chế …", or under a topic title "I. Về tình hình … đến nay⏎Nhìn chung, việc … đã
mang lại hiệu quả …". Such a unit states results and shortcomings and asks no one anything: a clerk
tracks nothing from it (its "quý I năm 2026" is the period assessed, no deadline). A unit that goes on
to ask ("… Đề nghị các địa phương tiếp tục …") is read as before.
"""

from __future__ import annotations

import re

from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.rules import asks_someone

# how an assessment of the period past opens (folded, lower case): "Nhìn chung", "Trong quý I năm 2026,",
# "Thời gian qua", "Qua 05 năm …", "Sau 10 năm …"
_OPENS = re.compile(
    r"^(?:nhin chung|nhin lai|danh gia chung|trong (?:quy|thang|nam|\d+ thang|thoi gian|giai doan|nhung nam|nhiem ky)\b"
    r"|thoi gian qua|qua (?:\d+ )?(?:nam|thang|quy|kiem tra|lam viec|theo doi)\b"
    r"|sau (?:\d+|mot|hai|ba|bon|nam) (?:nam|thang|quy)\b)")
# the period past said: "đã", "đạt được", "cơ bản hoàn thành", "bước đầu"
_PAST = re.compile(r"\b(?:da|dat duoc|co ban hoan thanh|co ban on dinh|buoc dau)\b")
# a call to act that names no one: "tiếp tục …" (not the passive "tiếp tục được đổi mới"), "khẩn trương",
# "phấn đấu", "cần …" / "phải …" (not the assessment's own "vẫn cần phải thẳng thắn nhìn nhận"), a deadline; read
# with its tone marks ("cần" and "cán bộ" fold alike)
_CALLS = re.compile(r"\b(?:tiếp tục(?! được)|khẩn trương|phấn đấu|(?<!vẫn )cần (?!phải thẳng thắn)|(?<!cần )phải (?!thẳng thắn)|"
                    r"trước ngày|chậm nhất)\b")
_REACH = 600  # the assessment's past tense is said in its first sentences


def assesses(text: str) -> bool:
    """Whether a unit's text only assesses the period past: its first paragraph opens as an assessment
    and speaks of the past, and no part of it asks anyone anything."""
    first = text.lstrip(" -+•*")
    if _OPENS.match(fold_keep_length(first[:24]).lower()) is None:
        return False  # (the opener asked of a few characters first: most units open otherwise)
    f = fold_keep_length(first.split("\n", 1)[0][:_REACH]).lower()
    if _PAST.search(f) is None:
        return False
    return _CALLS.search(text.lower()) is None and not any(asks_someone(p) for p in text.split("\n") if p.strip())
