"""More of the parser's shortcuts held to the slow path they replace (see test_shortcuts.py).

Each pattern or function rewritten for speed is compared here with the plain form it replaces, over
texts made of the pieces that matter to it, so that a faster reading is never a different one.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dondoc.parse.named_posts import _ADDRESSES, _NAMED

# the person-name pattern as first written: its look-behind tried at every character
_NAMED_PLAIN = re.compile(r"(?<![\w/])((?:[Đđ]ồng chí|[Đđ]/[Cc]|[Ôô]ng|[Bb]à)\s+)((?:\w+\s+){1,4}\w+)(\s*[-–,]\s*)(?=\w)")
_NAME_PIECES = ["Đồng chí", "đồng chí", "Đ/C", "đ/c", "Đ/c", "Ông", "ông", "không", "Bà", "bà", "Bàn", "b", "B", "Ô", "/",
                "Nguyễn", "Văn", "Bình", "Lê", "A", "x", " ", " ", "\n", "-", "–", ",", " - ", "Phó", "Chủ", "tịch", "UBND"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_NAME_PIECES), max_size=16).map("".join))
def test_person_names_are_found_where_the_look_behind_pattern_finds_them(text: str) -> None:
    assert [(m.span(), m.groups()) for m in _NAMED.finditer(text)] == [
        (m.span(), m.groups()) for m in _NAMED_PLAIN.finditer(text)]



@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_NAME_PIECES), max_size=10).map("".join))
def test_addresses_are_found_where_the_pattern_finds_them(text: str) -> None:
    assert any(a in text for a in _ADDRESSES) == (re.search(r"[Đđ]ồng chí|[Ôô]ng |[Bb]à ", text) is not None)

@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab \n", max_size=30), st.lists(st.integers(0, 29), max_size=6))
def test_breaks_made_spaces_as_one_character_at_a_time(text: str, cuts: list[int]) -> None:
    from dondoc.parse.lines import spaced

    cuts = [k for k in cuts if k < len(text)]
    chars = list(text)
    for k in cuts:
        chars[k] = " "
    assert spaced(text, cuts) == "".join(chars)


_WRAP_PIECES = ["1.", "2.", "Điều 3.", "a)", "Sở Tài chính", "Thường trực", "Hội đồng nhân dân tỉnh:", "giao cho", ":", ".",
                "\n", "\n", " ", "| x |", "chủ trì"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WRAP_PIECES), max_size=14).map("".join))
def test_joined_headings_come_with_the_lines_of_the_joined_text(text: str) -> None:
    from dondoc.parse.lines import split_lines
    from dondoc.parse.wraps import headings_joined, joined_headings

    joined, lines = headings_joined(text)
    assert joined == joined_headings(text) and lines == split_lines(joined)


_LABEL_WORDS = ["Sở", "sở", "Y", "tế", "UBND", "tỉnh", "Công", "an", "NỘI", "DUNG", "các", "Các", "xã", "chủ", "trì", "Đồng",
                "chí", "Đ/c", "Phó", "Chủ", "tịch", "Đối", "với", "Riêng", "Ban", "nhiệm", "vụ", ";", ":", ",", ".", "(", ")",
                " ", "  ", "-", "“", "và", "Giám", "đốc", "THÀNH", "PHỐ", "phòng", "Nội", "vụ"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_LABEL_WORDS), min_size=1, max_size=14).map(" ".join))
def test_a_label_without_an_owners_head_first_names_nobody(text: str) -> None:
    # label_owners() answers [] without tokenizing where head_at() finds no head: owner_list() would name nobody
    from dondoc.parse.heads import head_at
    from dondoc.parse.labels import without_address
    from dondoc.parse.lines import tokenize
    from dondoc.parse.names import owner_list
    from dondoc.parse.normalize import fold_keep_length

    label = without_address(text)
    if not head_at(label, fold_keep_length(label), 0, len(label)):
        assert not owner_list(tokenize(label), 0).names


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab;.:\n \t", max_size=24), st.integers(0, 24))
def test_a_clause_ends_where_the_plain_pattern_says(text: str, pos: int) -> None:
    from dondoc.parse.cadence import _CLAUSE

    plain = re.compile(r"[;.]\s|:\s|\n")
    assert [m.span() for m in _CLAUSE.finditer(text, pos)] == [m.span() for m in plain.finditer(text, pos)]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab .;\n", max_size=40), st.integers(1, 24))
def test_the_lead_sentence_taken_greedily_is_the_lazy_one(text: str, times: int) -> None:
    from dondoc.parse.units import _LEAD_SENTENCE

    lazy = re.compile(_LEAD_SENTENCE.pattern.replace("{1,400}", "{1,400}?"))
    assert lazy.pattern != _LEAD_SENTENCE.pattern
    text = text * times  # runs of words past the 400 characters too
    got, want = _LEAD_SENTENCE.match(text), lazy.match(text)
    assert (got and got.span()) == (want and want.span())
