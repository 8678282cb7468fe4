"""Where an owner's name starts and where the predicate after it begins (pure).

`org_at` says whether an owner's head ("Sở", "Ủy ban", "các cơ quan", "UBND") stands at a token and how
long it is; `verb_at` whether a predicate ("chủ trì", "có trách nhiệm", "tham mưu") does, which ends the
name before it; `head_at` answers org_at's question on raw text without tokenizing where no head can be.
"""

from __future__ import annotations

import re
from typing import Final

from dondoc.parse.lines import Tok, first_tokens
from dondoc.parse.vocab import AGENCY_PLACES, AGENCY_TOPICS, COLLECTIVE_HEADS, KNOWN_NAMES, NOT_ORG_AFTER, ORG_HEADS, TOPICS, VERBS

END_PUNCT: Final = frozenset('.;:!?"“”‘’…/[]')  # marks that end an owner's name
# words after which a lower-case word is no longer part of a name ("… của", "… về", "… trong")
NAME_STOP: Final = frozenset({"cua", "ve", "trong", "tai", "theo", "nham", "de", "tren", "duoi", "voi", "cho", "khi", "neu", "ma"})


def _tai_of_a_word(toks: list[Tok], j: int) -> bool:
    """Whether the "tai" at j is the second syllable of "thiên tai" (a natural disaster) or "vận tải" (transport), which
    fold like "tại" (at) and "tái" (again)."""
    return toks[j].f == "tai" and j > 0 and toks[j - 1].f in ("thien", "van")


def name_stops(toks: list[Tok], j: int) -> bool:
    """Whether toks[j] ends a name's words ("tại", "của", "về" …): not the "tải" of "vận tải" nor the "tai" of
    "thiên tai" ("Sở Giao thông vận tải")."""
    return toks[j].f in NAME_STOP and not _tai_of_a_word(toks, j)
_DETERMINERS = ("cac", "nhung", "toan the", "tat ca cac", "moi")
_NOUN_TO_CHUC_AFTER = frozenset({"thanh", "chinh", "xa", "doan", "hoi", "dang", "tin", "cong"})
# "tổ chức Hội thi", "tổ chức hội nghị": a verb and its event, not "tổ chức hội" (an association)
_EVENTS_ORGANISED = frozenset({("hoi", "thi"), ("hoi", "nghi"), ("hoi", "thao"), ("hoi", "cho"), ("hoi", "dien"), ("hoi", "trai")})
_DETERMINER_WORDS = [tuple(d.split()) for d in _DETERMINERS]
HEAD_WORDS: Final = frozenset(ORG_HEADS) | {w[0] for w in _DETERMINER_WORDS}  # words an owner's head can start with
# the determiners by their first word (no two share one): org_at looks up the one its word may start
DETERMINER_BY_FIRST: Final = {w[0]: w for w in _DETERMINER_WORDS}
assert len(DETERMINER_BY_FIRST) == len(_DETERMINER_WORDS)


_ROMAN = re.compile(r"(?:x{0,3})(?:ix|iv|v?i{0,3})$")  # "II", "IV": a section's numeral, no abbreviation


def phrase_len(index: dict[str, list[tuple[str, ...]]], toks: list[Tok], i: int) -> int:
    if i >= len(toks) or not toks[i].word:
        return 0
    phrases = index.get(toks[i].f)
    if not phrases:
        return 0
    size = len(toks)
    for phrase in phrases:
        n = len(phrase)
        if n == 1:
            return 1
        if i + n <= size:
            k = 1
            while k < n and toks[i + k].f == phrase[k]:
                k += 1
            if k == n:
                return n
    return 0


# "giao thông", "giáo dục", "giao lưu" …: nouns, not "giao" (to assign)
_GIAO_NOUNS = frozenset({"thong", "duc", "dich", "luu", "nhan", "lien", "tiep", "ket", "thua", "hang", "nop", "thoa",
                         "thuong", "quyen", "dat", "khoan", "vien"})


def _standing_body(toks: list[Tok], i: int) -> bool:
    """Whether "Thường trực …" starts at token i: "giao Thường trực Hội đồng nhân dân" assigns, it is no "giao thương"."""
    return toks[i].f == "thuong" and i + 1 < len(toks) and toks[i + 1].f == "truc"


# what "cấp" grants when it is the verb: "cấp kinh phí", "cấp giấy chứng nhận", "cấp thẻ", "cấp vốn"
_GRANTED = frozenset({"kinh", "giay", "the", "von", "bang", "so", "tien", "phep"})


def verb_at(toks: list[Tok], i: int) -> int:
    """Length of a predicate starting at token i (0 when none); capitalised words are names."""
    if i >= len(toks):
        return 0
    t = toks[i]
    if t.f == "cap" and not t.cap and i + 1 < len(toks) and toks[i + 1].f in _GRANTED:
        return 1  # "phối hợp Kho bạc Nhà nước thành phố cấp kinh phí": the verb (to grant), not a level ("cấp tỉnh")
    if t.cap or not t.word or t.f not in VERBS:  # most words start no predicate: no call to phrase_len
        return 0
    n = phrase_len(VERBS, toks, i)
    if not n and i + 2 < len(toks) and toks[i + 1].f == "trach" and toks[i + 2].f == "nhiem":
        return 3  # "chị trách nhiệm": "chịu trách nhiệm" mistyped
    if n and toks[i].f == "to" and n >= 2:  # "các tổ chức thành viên" is a noun
        prev = toks[i - 1].f if i else ""
        nxt = toks[i + 2].f if i + 2 < len(toks) else ""
        nxt2 = toks[i + 3].f if i + 3 < len(toks) else ""
        before = toks[i - 2].f if i >= 2 else ""
        if prev in ("cac", "nhung", "moi") or (nxt, nxt2) == ("quan", "chung") or (
            prev == "," and before in ("quan", "vi", "nghiep")  # "các cơ quan, tổ chức liên quan", "đơn vị, tổ chức"
        ) or (
            nxt in _NOUN_TO_CHUC_AFTER and (nxt, nxt2) not in _EVENTS_ORGANISED
        ):
            return 0
    if n and toks[i].f == "giao" and (i and toks[i - 1].f in ("tuyen", "ton", "ngoai") or i + 1 < len(toks) and toks[i + 1].f in _GIAO_NOUNS
                                      and not _standing_body(toks, i + 1)):
        return 0  # "Ban Tuyên giáo", "Sở Dân tộc và Tôn giáo", "Ban An toàn giao thông"
    if n == 1 and toks[i].f == "can" and (i + 1 < len(toks) and toks[i + 1].f == "bo" or i and toks[i - 1].f == "hau"):
        return 0  # "cán bộ", "Hậu cần" fold like "cần"
    if n and toks[i].f == "thong" and i + 2 < len(toks) and toks[i + 2].f in ("dai", "va"):
        return 0
    if n == 1 and toks[i].f == "tang" and i and toks[i - 1].f == "ha":
        return 0  # "Hạ tầng" (infrastructure), not "tăng"
    if n == 1 and toks[i].f == "trinh" and i and toks[i - 1].f in ("chuong", "cong", "qua", "lo", "giao", "hanh"):
        return 0  # "Chương trình", "công trình", "quá trình", "lộ trình", "giáo trình", "hành trình": nouns, not "trình"
    if n == 1 and toks[i].f == "chua" and (i and toks[i - 1].f in ("ho", "sua") or i + 1 < len(toks) and toks[i + 1].f in (
            "nuoc", "dung", "chay", "benh", "tri", "lanh")):
        return 0  # "hồ chứa nước", "chữa cháy", "chữa bệnh", "sửa chữa": not "chưa" (not yet)
    if n == 1 and _tai_of_a_word(toks, i):
        return 0  # "thiên tai", "Sở Giao thông vận tải": not "tại", "tái"
    if n == 1 and toks[i].f == "da" and i + 1 < len(toks) and toks[i + 1].f == "cam":
        return 0  # "chất độc da cam": orange, not "đã"
    if n == 2 and toks[i].f == "cap" and i + 2 < len(toks) and toks[i + 2].f == "dong":
        return 0  # "Đoàn các cấp phát động …": the level, then "phát động"; not "cấp phát" (to allocate)
    return n


def _head_len(index: dict[str, list[tuple[str, ...]]], toks: list[Tok], i: int) -> int:
    if i >= len(toks) or toks[i].f not in index:
        return 0  # what phrase_len says, without calling it
    n = phrase_len(index, toks, i)
    if n == 1 and i + 1 < len(toks) and toks[i + 1].f in NOT_ORG_AFTER.get(toks[i].f, ()) and not toks[i + 1].cap:
        return 0  # "phòng chống", "hội nghị"; but "Phòng Văn hóa" is a name
    return n


_PLACE_WORDS: Final = frozenset({"quan", "phuong", "huyen", "tinh", "xa"})


def topic_at(toks: list[Tok], i: int) -> bool:
    """Whether the abbreviation at token i names a subject ("công tác PCCC", "chế độ BHXH"), not a body: a
    subject's abbreviation that also stands for a body ("BHXH") is the body when a place or level follows
    ("BHXH các tỉnh", "BHXH Việt Nam")."""
    f = toks[i].f
    if f not in TOPICS:
        return False
    if f not in AGENCY_TOPICS or i + 1 >= len(toks):
        return True
    nxt = toks[i + 1].f
    if nxt == "cac":
        return not (i + 2 < len(toks) and toks[i + 2].f in _PLACE_WORDS | {"thanh"})
    return nxt not in AGENCY_PLACES


def org_at(toks: list[Tok], i: int) -> int:
    """Length of an owner's head ("các sở", "Ủy ban", "UBND") at token i, 0 when none."""
    if i >= len(toks):
        return 0
    t = toks[i]
    if not t.word:
        return 0
    if t.f not in HEAD_WORDS:
        return 1 if t.upper and len(t.f) >= 2 and t.f not in ("v", "vv") and not topic_at(toks, i) and not _ROMAN.match(t.f) else 0
    # "Môi trường" in "Sở Nông nghiệp và Môi trường" folds like "mọi trường": a determiner with a
    # capital inside a list of names is a word of the name
    words = DETERMINER_BY_FIRST.get(t.f)
    if words is not None and not (t.cap and i and toks[i - 1].f in (",", "va")):
        size = len(words)
        if size == 1 or (i + size <= len(toks) and all(toks[i + k].f == words[k] for k in range(1, size))):
            j = i + size
            if j < len(toks) and toks[j].f == "vu" and not toks[j].cap:
                return 0  # "các vụ việc", "các vụ án": cases; "các Vụ" (a ministry's departments) are written capitalised
            n = _head_len(COLLECTIVE_HEADS, toks, j) or _head_len(ORG_HEADS, toks, j)
            return size + n if n else 0
    if t.f == "luc":
        for name in KNOWN_NAMES:
            if i + len(name) <= len(toks) and all(toks[i + k].f == w for k, w in enumerate(name)):
                return len(name)
    n = _head_len(ORG_HEADS, toks, i)
    if not n:
        return 1 if t.upper and len(t.f) >= 2 and t.f not in ("v", "vv") and not topic_at(toks, i) and not _ROMAN.match(t.f) else 0
    if t.f in ("tinh", "huyen", "xa", "phuong", "quan", "thanh", "thi") and not t.cap:
        return 0  # "tỉnh" alone is a place, not an owner; "Tỉnh ủy", "Huyện ..." are
    if n == 1 and t.f in _PLACE_WORDS and i + 1 < len(toks) and toks[i + 1].word and not toks[i + 1].cap \
            and toks[i + 1].f not in ("uy", "doan", "doi") and not toks[i + 1].f[:1].isdigit():
        # a place is named after its kind ("Quận Ba Đình", "Huyện ủy", "UBND Huyện, Thị xã"): "Quản lý …",
        # "Quan tâm …", "Phương thức …", "Phương án …" opening a sentence fold alike and are no owner
        return 0
    if t.f == "nganh" and not (i + 1 < len(toks) and toks[i + 1].cap):
        return 0
    if not t.cap and t.f in ("so", "ban", "bo", "cuc", "phong", "truong", "hoi", "doan", "dai", "bao", "vien", "doi", "ke", "thu", "vu") \
            and not (n == 2 and t.f == "thu" and toks[i + 1].f == "truong") \
            and not (n == 2 and t.f == "bo" and toks[i + 1].f == "phan") \
            and not (t.f == "phong" and i + 1 < len(toks) and toks[i + 1].cap and toks[i + 1].word):
        # lower-case "sở", "bộ" without "các" is a word, not an owner; "thủ trưởng" is a post in any case, "bộ phận" a
        # desk of the commune ("bộ phận địa chính phường"); but
        # "phòng Lao động …" (a capital after it: its name) is a unit written in lower case
        return 0
    if n == 1 and t.f == "so" and i + 1 < len(toks) and not toks[i + 1].cap and (
            toks[i + 1].f in _NUMBER_OF or toks[i + 1].f == "van" and i + 2 < len(toks) and toks[i + 2].f == "ban"):
        return 0  # "Số văn bản", "Số lượng": a number, not "Sở" (which a sloppy text may write "Sở y tế")
    if n == 1 and t.f == "to" and not (t.cap and i + 1 < len(toks) and toks[i + 1].cap):
        return 0  # "Tổ Tổng hợp", "Tổ Công tác" are units; "Tổ chức …" is a verb
    if not t.cap and n >= 3 and toks[i + 2].f == "-":
        return 0  # "văn hóa - xã hội" in a sentence; "Văn hóa - Xã hội" (the commune's civil servant) is an owner
    if not t.cap and n == 2 and (t.f, toks[i + 1].f) in (("cong", "chuc"), ("can", "bo")) and not (i + 2 < len(toks) and toks[i + 2].cap):
        return 0  # "cán bộ", "công chức" are people; "công chức Tư pháp - Hộ tịch" is a post
    return n



FIRST_TOKEN: Final = re.compile(r"\s*([a-z0-9]+(?:&[a-z0-9]+)*)")
_HEAD_FIRST: Final = HEAD_WORDS
# Heads that org_at() refuses in lower case ("sở", "tỉnh" as words, not owners).
# What "Số" (a number) is of, where it folds like "Sở": "Số lượng", "Số liệu", "Số hiệu", "Số kỳ" …
# ("Số giường …", "Số ngày …", "Số vụ …": counts of beds, days, cases)
_NUMBER_OF = frozenset("luong lieu hieu ky tien hoa dien thu ca nha ho nguoi lan doi phan hop chi du dang hoc tt "
                       "giuong ngay gio buoi diem phieu the vu khoan cuoc xe chuyen".split())
_LOWER_NOT_HEAD: Final = frozenset("vu so ban bo cuc phong truong hoi doan dai bao vien doi tinh huyen xa phuong quan thanh thi thu".split())


_NO_TOKENS: list[Tok] = []


def first_word(folded: str, pos: int, end: int) -> tuple[int, int]:
    """FIRST_TOKEN.match(folded, pos, end).span(1), or (-1, -1) when it does not match. A folded word followed by
    a space or `end` (ASCII letters and digits: no capitals are left after folding), the usual case, is
    found with str methods, not with a match object."""
    s = pos
    while s < end and folded[s].isspace():
        s += 1
    space = folded.find(" ", s, end)
    e = end if space < 0 else space
    word = folded[s:e]
    if word and word.isalnum() and word.isascii():
        return s, e
    m = FIRST_TOKEN.match(folded, pos, end)
    return (-1, -1) if m is None else m.span(1)


def _named_next(text: str, folded: str, pos: int, end: int) -> bool:
    """Whether the word after `pos` starts with a capital ("phòng Nội vụ": a unit's name follows)."""
    s, e = first_word(folded, pos, end)
    return s >= 0 and e > s and text[s].isupper()


def head_tokens(text: str, folded: str, pos: int, end: int) -> list[Tok] | None:
    """None when no owner's head stands at `pos` (org_at() of the tokens from there is 0); else the
    first 8 tokens from `pos` that org_at() read, or an empty list when none was needed."""
    s, e = first_word(folded, pos, end)
    if s < 0:
        return None
    word = folded[s:e]
    if word not in _HEAD_FIRST:
        if word in AGENCY_TOPICS and text[s:e].isupper():
            return _NO_TOKENS if not topic_at(first_tokens(text, pos, end, 3), 0) else None
        return _NO_TOKENS if e - s > 1 and text[s:e].isupper() and word not in ("v", "vv") and word not in TOPICS and not _ROMAN.match(word) else None
    # "thủ trưởng", and "bộ phận ĐC-XD phường" (a commune's desk) in lower case are heads still
    if word in _LOWER_NOT_HEAD and not text[s].isupper() and not (word == "thu" and folded.startswith(" truong", e)) \
            and not (word == "bo" and folded.startswith(" phan ", e)) \
            and not (word == "phong" and _named_next(text, folded, e, end)):
        return None
    toks = first_tokens(text, pos, end, 8)
    return toks if org_at(toks, 0) > 0 else None


def head_at(text: str, folded: str, pos: int, end: int) -> bool:
    """org_at() of the tokens from `pos`, without making tokens where the first word cannot start a head."""
    return head_tokens(text, folded, pos, end) is not None

