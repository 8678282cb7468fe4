"""The parser's shortcuts answer what the full token path answers.

Reading fast means not tokenizing text that cannot name an owner: a cheap test on the folded
text says where no owner's head stands. These tests hold each shortcut to the slow path it
replaces, over texts built from the words owners are made of.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dondoc.observances import load_catalog
from dondoc.parse.heads import FIRST_TOKEN, first_word, head_at, org_at
from dondoc.parse.lines import tokenize, tokens_between
from dondoc.parse.names import owner_list
from dondoc.parse.charmap import CHARS
from dondoc.parse.normalize import (
    _FOLD_LIST,
    ABBREVIATIONS,
    expand_abbreviations,
    fold,
    fold_expanded,
    fold_keep_length,
)
from dondoc.parse.observances import _ONE_YEAR, EventFinder, _anniversaries, _trie_pattern
from dondoc.parse.owners import subject_before
from dondoc.parse.reports import _PERIODS
from dondoc.parse.scan import skipping
from dondoc.parse.gatherers import _ASKING, _GATHER_WORD, _gather_words, _may_name_owner

REPO = Path(__file__).resolve().parents[3]

# words and marks owner lists are made of, and the words around them
_WORDS = [
    "Sở", "sở", "Nội", "vụ", "Công", "an", "tỉnh", "UBND", "CÁC", "các", "Các", "Ủy", "ban", "Mặt", "trận",
    "Tổ", "quốc", "cơ", "quan", "đơn", "vị", "Môi", "trường", "mọi", "những", "Ban", "Chỉ", "đạo", "huyện",
    "giao", "Giao", "đề", "nghị", "yêu", "cầu", "phân", "công", "cho", "chủ", "trì", "tổng", "hợp", "tập",
    "phối", "với", "và", "sức", "mạnh", "nhằm", "báo", "cáo", "về", "Văn", "phòng", "Hội", "hội", "nghị",
    ",", ":", ";", ".", "(", ")", "-", "“", "”", "đồng", "chí", "Giám", "đốc", "thành", "viên", "tổ", "chức",
]
_TEXTS = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40).map(
    lambda ws: " ".join(ws).replace(" ,", ",").replace(" :", ":")
)


@settings(max_examples=400, deadline=None)
@given(_TEXTS, st.data())
def test_head_at_answers_what_org_at_of_the_tokens_answers(text: str, data: st.DataObject) -> None:
    toks = tokenize(text)
    if not toks:
        return
    k = data.draw(st.integers(0, len(toks) - 1))
    pos = toks[k].start
    assert head_at(text, fold_keep_length(text), pos, len(text)) == (org_at(tokens_between(text, pos, len(text)), 0) > 0)


@settings(max_examples=400, deadline=None)
@given(_TEXTS, st.booleans())
def test_a_window_the_gatherer_shortcut_skips_names_nobody(window: str, whole: bool) -> None:
    """Where _may_name_owner() says no, no start that gatherers() tries gives owner_list() a name."""
    if _may_name_owner(window, fold_keep_length(window), whole):
        return
    toks = tokenize(window)
    starts = [0] * whole + [k + 1 for k, t in enumerate(toks) if t.f in (",", ":") or t.f in _ASKING]
    starts += [k + 2 for k in range(len(toks) - 1) if f"{toks[k].f} {toks[k + 1].f}" in _ASKING]
    for i in starts:
        if i < len(toks) and toks[i].f == "cho":
            i += 1
        assert not owner_list(toks, i).names, (window, i)


def test_a_word_in_capitals_after_a_comma_is_not_skipped() -> None:
    window = "các đơn vị, CÁC ĐOÀN THỂ tổng hợp"
    assert _may_name_owner(window, fold_keep_length(window), False)




_SENTENCES = st.lists(st.sampled_from(_WORDS + ["báo cáo", "đề nghị", "theo dõi", "1.000", "TP.", "(Công an tỉnh.)"]),
                      min_size=1, max_size=40).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_SENTENCES, st.data())
def test_the_subject_of_a_report_is_read_alike_from_the_last_sentence_break(text: str, data: st.DataObject) -> None:
    toks = tokenize(text)
    if not toks:
        return
    at = toks[data.draw(st.integers(0, len(toks) - 1))].start
    assert subject_before(text, at) == subject_before(text, at, whole=True)


@pytest.mark.parametrize("text", [
    "Sở Nội vụ (Công an tỉnh.) báo cáo kết quả",
    "Thực hiện Kế hoạch. Sở Y tế báo cáo kết quả",
    "Nội dung: Sở Y tế, Sở Tài chính báo cáo kết quả",
    "Tổng kết. Đề nghị Sở Y tế theo dõi, tổng hợp, báo cáo kết quả",
])
def test_the_subject_of_a_report_is_found_past_a_sentence_break(text: str) -> None:
    at = text.index("báo cáo")
    assert subject_before(text, at) == subject_before(text, at, whole=True) != []


_VI_CHARS = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
_ABBREVIATED = st.lists(
    st.one_of(st.sampled_from(["UBND", "UBMTTQ", "CA", "TT&TT", "HĐND", "ANTQ", "BCĐ", "LĐ-TB&XH", "TƯ", "VN", "CAND"]),
              st.text(alphabet=_VI_CHARS + " ,.;:-–“”()/&\u00a0\t\n0123456789", max_size=12)),
    max_size=12,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.one_of(_ABBREVIATED, st.text(max_size=60)))
def test_the_fast_matching_fold_is_the_long_one(text: str) -> None:
    assert fold_expanded(text) == fold(expand_abbreviations(text))


@pytest.mark.parametrize("text", ["ΑΣ", "x\u0301y", "Ω tỉnh", "UBND\u0301", "ﬁ", "Å", "Øresund", "²", "a\u00a0 – b", "  “x”  "])
def test_text_the_one_for_one_fold_cannot_take_takes_the_long_way(text: str) -> None:
    assert fold_expanded(text) == fold(expand_abbreviations(text))


_VI_UPPER_TONED = "ÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ"


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(alphabet=_VI_CHARS + _VI_UPPER_TONED + " ,.;:-–“”()/&\u00a0\t\n\r0123456789…•", max_size=80),
                 st.text(max_size=40)))
def test_the_charmap_fold_is_the_translate_fold(text: str) -> None:
    assert fold_keep_length(text) == text.translate(_FOLD_LIST)


def test_every_character_of_the_charmap_folds_as_translate_folds_it() -> None:
    assert len(CHARS) == 256 and set(_VI_CHARS + _VI_UPPER_TONED) <= set(CHARS)
    for c in CHARS:
        assert fold_keep_length(c + "\u0301" + c) == (c + "\u0301" + c).translate(_FOLD_LIST)  # the way translate goes
        assert fold_keep_length("x" + c + c) == ("x" + c + c).translate(_FOLD_LIST)  # the charmap's way


_LOOK_BEHIND = re.compile(
    r"(?<![\w&])(" + "|".join(re.escape(k) for k in sorted(ABBREVIATIONS, key=len, reverse=True)) + r")(?![\w&])"
)


@settings(max_examples=500, deadline=None)
@given(st.one_of(_ABBREVIATED, st.text(alphabet="UBNDMTQCAT&H,-ĐLXVSK _x", max_size=40)))
def test_abbreviations_are_spelt_out_where_the_look_behind_pattern_finds_them(text: str) -> None:
    assert expand_abbreviations(text) == _LOOK_BEHIND.sub(lambda m: ABBREVIATIONS[m.group(1)], text)


_ONE_YEAR_AS_WRITTEN = re.compile(r"nam \d{4}|\d nam |\d{4}\s*\)?\s*[-–]\s*\(?\s*(?:\d{1,2}\s*/\s*\d{1,2}\s*/\s*)?\d{4}")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="nam 0123456789-–()/x\u0660\n", max_size=30))
def test_one_years_pattern_finds_what_its_branches_find(text: str) -> None:
    assert bool(_ONE_YEAR.search(text)) == bool(_ONE_YEAR_AS_WRITTEN.search(text))


def _campaign_by_pattern(finder: EventFinder, text: str) -> set[str]:
    """campaign_events() as it was with one pattern and its look-behind, before it was split in two."""
    if not _ONE_YEAR.search(fold_keep_length(text)):
        return set()
    alternation = _trie_pattern(sorted(finder._by_name))
    one = re.compile(
        rf"(?<![a-z0-9])(?:({alternation}) (?:nam \d{{4}}|(?:\d{{1,2}} \d{{1,2}} )?\d{{4}} (?:\d{{1,2}} \d{{1,2}} )?\d{{4}})\b"
        rf"|\d{{1,3}} nam ({alternation})(?![a-z0-9]))"
    )
    out: set[str] = set()
    for m in one.finditer(finder._key(text)):
        out.update(o.date or o.key for _, o in finder._by_name[m.group(1) or m.group(2)])
    return out | {ev for ev, _ in _anniversaries(text)}


_OCCASIONS = st.lists(st.sampled_from([
    "Ngày hội toàn dân bảo vệ an ninh Tổ quốc", "Ngày thành lập Đoàn", "Ngày hội Đại đoàn kết toàn dân tộc",
    "kỷ niệm", "95", "2025", "12", "x95", "năm", "2026", "(19/8/1945 - 19/8/2025)", "19", "8", "tổ chức", "a1", "-",
]), max_size=14).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_OCCASIONS)
def test_one_years_occasions_are_found_as_the_single_pattern_found_them(text: str) -> None:
    finder = EventFinder(load_catalog(REPO / "config" / "observances.yaml"))
    assert finder.campaign_events(text) == _campaign_by_pattern(finder, text)


@pytest.mark.parametrize("text", [
    "Hưởng ứng Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2025", "kỷ niệm 95 năm Ngày thành lập Đoàn",
    "kỷ niệm 2025 năm Ngày thành lập Đoàn", "x95 năm Ngày thành lập Đoàn năm 2026",
    "Ngày hội toàn dân bảo vệ an ninh Tổ quốc (19/8/2005 - 19/8/2025)",
])
def test_one_years_occasions_named_in_so_many_words(text: str) -> None:
    finder = EventFinder(load_catalog(REPO / "config" / "observances.yaml"))
    assert finder.campaign_events(text) == _campaign_by_pattern(finder, text)
    assert finder.campaign_events(text) or "2025 năm" in text


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789/ .-a", max_size=40))
def test_dates_are_found_where_the_look_behind_pattern_finds_them(text: str) -> None:
    from dondoc.parse.real_dates import _ANY_DATE, _any_dates

    behind = re.compile(r"(?<![\d/])" + _ANY_DATE.pattern)
    assert [m.span() for m in _any_dates(text)] == [m.span() for m in behind.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["tổng hợp", "Tổng hợp", "TỔNG HỢP", "tập hợp", "Tập hợp", "TẬP HỢP", "ổng hợp", "t",
                                 "T", "x", " ", ",", "hợpa", "Ậ"]), max_size=12).map("".join))
def test_gathering_words_are_found_where_the_pattern_finds_them(text: str) -> None:
    assert [m.span() for m in _gather_words(text)] == [m.span() for m in _GATHER_WORD.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["so", "Sở", " ", "  ", "\n", "UBND", "a&b", "&", "x1", ",", "“", "TT&TT", "\t", "Đ", "2026"]),
                max_size=8).map("".join), st.data())
def test_the_first_word_is_the_one_the_pattern_finds(text: str, data: st.DataObject) -> None:
    folded = fold_keep_length(text)
    pos = data.draw(st.integers(0, len(folded)))
    end = data.draw(st.integers(pos, len(folded)))
    m = FIRST_TOKEN.match(folded, pos, end)
    assert first_word(folded, pos, end) == ((-1, -1) if m is None else m.span(1))


_PERIOD_WORDS = ["hang", "moi", "nam", "quy", "thang", "tuan", "0", "1", "6", "3", "sau", "mot", "ba", "va", ",", ".", "(",
                 "dinh ky", "bao cao", "tong ket", "thuong nien", "dot xuat", "ngay", "lan", "/", "x", "truoc", "nua", "ca"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PERIOD_WORDS), max_size=14).map(" ".join), st.sampled_from(["", ",", "x"]))
def test_a_pattern_behind_its_first_characters_finds_what_it_finds(text: str, glue: str) -> None:
    text = text.replace(" , ", ", ").replace(" ", glue + " ", 2)
    for _, pattern in _PERIODS:
        assert [m.span() for m in skipping(pattern).finditer(text)] == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize(("pattern", "skips"), [
    (r"\bhang nam\b|(?:,|\bva)\s+nam\b", True), (r"(?:0?1|mot) nam", True), (r"\d+ ngay|[a-c]x", True),
    (r"x?", False), (r"(?i)nam", False), (r"[^a]b", False), (r".nam", False), (r"(?:a|)b?", False), (r"(?i:a)b", False),
])
def test_first_characters_are_told_only_where_they_can_be(pattern: str, skips: bool) -> None:
    compiled = re.compile(pattern)
    assert (skipping(compiled) is not compiled) == skips
    for text in ["hang nam", ", nam", "va nam", "01 nam", "1 nam", "mot nam", "12 ngay", "bx", "xb", "NAM", "ab", ""]:
        assert [m.span() for m in skipping(compiled).finditer(text)] == [m.span() for m in compiled.finditer(text)]
