"""The one occasion a dispatch serves, from its title and opening (pure): an election of a named term, a congress
of a numbered session or term, a conference to hold, the Tết of a named year. Work asked for such an
occasion is done for it: an item that says nothing of how often is done once (convention 46's window, widened)."""

from __future__ import annotations

import re

from dondoc.parse.normalize import fold_keep_length

# the title and the opening words are read, not the whole preamble: a plan's grounds ("Căn cứ Luật Bầu cử …") come
# later and cite texts about other occasions
_REACH = 700

_OCCASION = re.compile(
    # an election of a named term: "bầu cử đại biểu Quốc hội khóa XVI", "… nhiệm kỳ 2026 - 2031"
    r"\bbau cu (?:dai bieu |dbqh )[^.;:]{0,120}?(?:khoa [ivxl]+\b|nhiem ky \d{4})|"
    # the meetings that prepare one: "hội nghị hiệp thương", "hội nghị cử tri", "hội nghị lấy ý kiến … cử tri"
    r"\bhoi nghi (?:hiep thuong|cu tri|tiep xuc cu tri|lay y kien [^.;:]{0,60}?cu tri)\b|"
    # a congress of a numbered session or term, not the carrying out of its resolution ("Nghị quyết Đại hội …")
    r"(?<!nghi quyet )(?<!van kien )\bdai hoi (?:dai bieu )?(?:dang bo|doan|hoi|mat tran|chi bo)[^.;:]{0,80}?"
    r"(?:lan thu [ivxl\d]+|nhiem ky \d{4})|"
    # the Tết of a named year: "Tết Nguyên đán Ất Mùi năm 2015", "Tết Bính Ngọ"
    r"\btet (?:nguyen dan )?(?:(?:giap|at|binh|dinh|mau|ky|canh|tan|nham|quy) (?:ty|suu|dan|mao|thin|ngo|mui|than|dau|"
    r"tuat|hoi)\b|nam \d{4})")

_CARRIES_OUT = re.compile(r"\b(?:nghi quyet|van kien) dai hoi\b")


def one_occasion(title: str, opening: str) -> str:
    """The words of the one occasion the dispatch's title or opening names, as written; "" when it names none."""
    text = title or opening[:_REACH]  # the opening stands in for a title the header did not find
    f = fold_keep_length(text)
    if _CARRIES_OUT.search(f):  # "thực hiện Nghị quyết Đại hội …": a programme of a term, no occasion
        return ""
    m = _OCCASION.search(f)
    return " ".join(text[m.start() : m.end()].split()) if m is not None else ""
