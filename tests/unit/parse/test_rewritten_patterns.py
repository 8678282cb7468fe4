"""The parser's patterns and checks rewritten for speed (eighth session), each held to the plain form
it replaces over texts made of the pieces that matter to it: a faster reading is never a different one."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dondoc.parse.cadence_needs import _NEEDS, needs_met
from dondoc.parse.flattened import _field_breaks
from dondoc.parse.owners import _DC

_DC_PLAIN = re.compile(r"(?<![\w/])([Đđ])/[Cc](?=\s)")
_DC_PIECES = ["Đ/c", "đ/C", "Đ/C", "đ/c", "Đ", "đ", "/", "c", "C", "a", "x/", "1", " ", "\n", "_", "Ông", "Đồng chí"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_DC_PIECES), max_size=12).map("".join))
def test_the_abbreviated_address_is_found_where_the_look_behind_pattern_finds_it(text: str) -> None:
    assert [(m.span(), m.groups()) for m in _DC.finditer(text)] == [(m.span(), m.groups()) for m in _DC_PLAIN.finditer(text)]


_FIELD_PLAIN = re.compile(r"(?<=[.;]) (?=(?:Cơ quan|Đơn vị) (?:chủ trì|thực hiện|phối hợp)\s*:|Thời gian(?: thực hiện| hoàn thành)?\s*:)")
_FIELD_PIECES = [". ", "; ", ".", ";", " ", "  ", "Cơ quan", "Đơn vị", "Thời gian", " chủ trì", " phối hợp", " thực hiện",
                 " hoàn thành", ":", " :", "Sở X", "\n", "a"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_FIELD_PIECES), max_size=14).map("".join))
def test_a_run_in_field_is_found_where_the_look_behind_pattern_finds_it(text: str) -> None:
    assert _field_breaks(text) == [m.start() for m in _FIELD_PLAIN.finditer(text)]


_NEED_PIECES = sorted({w for needs in _NEEDS.values() for need in needs for w in re.split(r"( |/)", need)} | {" ", "x", "1", "n"})


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_NEED_PIECES), max_size=16).map("".join), st.sampled_from(sorted(_NEEDS)))
def test_the_needs_of_a_cadence_are_met_where_one_is_in_the_text(text: str, repeat: str) -> None:
    places: dict[str, list[int]] = {}
    for r in (repeat, *sorted(_NEEDS)):  # asked in any order, sharing the places found
        assert needs_met(text, r, places) == any(need in text for need in _NEEDS[r])


def test_every_need_is_met_by_itself() -> None:
    for repeat, needs in _NEEDS.items():
        for need in needs:
            assert needs_met(need, repeat, {}) and needs_met(f"x {need} y", repeat, {})


def _kind_plain() -> re.Pattern[str]:
    from dondoc.parse.references import _KIND_FIRSTS, _KINDS

    return re.compile(rf"(?=[{_KIND_FIRSTS}])(?=(?:{_KINDS}))", re.IGNORECASE)


_KIND_PIECES = ["Chương trình", " phối hợp", "Kế hoạch", "KẾ HOẠCH", "Kết luận", "kết luận", "Nghị quyết", " liên tịch", "Thông tư",
                "Quy chế", "Quy định", "Luật", "LUẬT", "Lệnh", "Đề án", "đề án", "Tờ trình", "Báo cáo", "Văn bản", "Công văn",
                "Công điện", "Chỉ thị", "Hướng dẫn", "Thông báo", "số", " ", "K", "ı", "Ch", "Th", "Quy", "x"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_KIND_PIECES), max_size=10).map("".join))
def test_kinds_of_documents_are_found_where_the_alternation_finds_them(text: str) -> None:
    from dondoc.parse.references import _KIND_AT

    assert [m.start() for m in _KIND_AT.finditer(text)] == [m.start() for m in _kind_plain().finditer(text)]
