"""A run-in upper-case title before "II. …" is set on a line of its own, in one pass over the line (issue 12:
linear time), as the reading of each stretch from the line's last break said it would."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dondoc.parse.flattened import _ROMAN_AFTER_TITLE, _upper_title_stops, set_apart


def _reference(line: str) -> list[int]:
    """The stops the former reading cut at: each stretch from the last break before the stop, read whole."""
    out = []
    for m in _ROMAN_AFTER_TITLE.finditer(line):
        start = line.rfind("\n", 0, m.start()) + 1
        letters = [c for c in line[start : m.start() + 1] if c.isalpha()]
        if m.group(1).isupper() and len(letters) >= 6 and all(c.isupper() for c in letters):
            out.append(m.start())
    return out


@given(st.lists(st.sampled_from(["KẾ HOẠCH", "Điều 3", ". ", "II. ", "III. Nội", "V. a", "\n", "ab", "QUYẾT ĐỊNH. "]),
                max_size=40).map("".join))
@settings(max_examples=300, deadline=None)
def test_the_one_pass_cuts_where_the_stretches_read_whole_cut(line: str) -> None:
    stops = [m.start() for m in _ROMAN_AFTER_TITLE.finditer(line) if m.group(1).isupper()]
    assert _upper_title_stops(line, stops) == _reference(line)


def test_a_title_before_a_roman_heading_gets_its_own_line() -> None:
    text = "KẾ HOẠCH THỰC HIỆN NĂM 2026. II. Nhiệm vụ cụ thể: rà soát hồ sơ."
    out = set_apart(text)
    assert len(out) == len(text)
    assert out.split("\n")[1].startswith("II. Nhiệm vụ")


def test_a_line_of_many_roman_stops_keeps_its_length() -> None:
    text = "(Điều 3. II. Điều 3. " * 500
    assert len(set_apart(text)) == len(text)
    assert re.search(r"\n", set_apart("ĐIỀU KHOẢN CHUNG. II. Các bên")) is not None
