"""Where a collective owner's name goes on (pure): the kinds it lists ("các sở, ban, ngành", "UBND các Huyện, Thị xã,
Thành phố", "Sở, ban" without "các"), the collective nouns after it ("… và tổ chức, đoàn thể có liên quan") and
"các cấp" after "các ngành". names.py asks these questions while it reads a list of owners; name_units.py asks
those of one unit's name. The members of a body ("các thành viên khác trong tiểu ban"), a head of several words in
such a list ("ban cán sự") and a predicate that may open a relative clause picking which bodies are meant ("… giới
thiệu người ứng cử có trách nhiệm …") are read here too."""

from __future__ import annotations

from dondoc.parse.heads import END_PUNCT, phrase_len, verb_at
from dondoc.parse.lines import Tok
from dondoc.parse.name_units import PLACES, ends_placed
from dondoc.parse.vocab import COLLECTIVE_HEADS, COLLECTIVE_NEXT, ORG_HEADS

def listed(toks: list[Tok], start: int, j: int) -> bool:
    """Whether the name toks[start:j] is a collective one ("các sở, ngành", "UBND các huyện")."""
    return any(x.f in ("cac", "nhung") for x in toks[start:j])


def places_go_on(toks: list[Tok], start: int, j: int, k: int) -> bool:
    """Whether the place kind at k, written with a capital, is one more place of a collective name
    ("UBND các Huyện, Thị xã, Thành phố", "UBND cấp Xã, Phường, Thị trấn"): the name so far lists
    places, and the kind stands alone (a list mark, the end or a predicate after it), not the start
    of a named town ("Thành phố Huế")."""
    n = len(toks)
    p = phrase_len(PLACES, toks, k) if k < n and toks[k].cap else 0
    if not p or not ends_placed(toks, j - 1) or not any(x.f in ("cac", "nhung", "cap") for x in toks[start:j]):
        return False
    m = k + p
    return m >= n or toks[m].f in (",", "va") or toks[m].f in END_PUNCT or not toks[m].cap and verb_at(toks, m) > 0


def bare_series(toks: list[Tok], start: int, head: int, last: int) -> bool:
    """Whether toks[start:last + 1] is a bare head and the kinds listed after it ("Sở, ban", the start of
    "Sở, ban, ngành, UBND quận-huyện …"): a collective owner written without "các"."""
    return toks[start].cap and all(x.f == "," or x.f in COLLECTIVE_NEXT and not x.cap for x in toks[start + head : last + 1])


def collective_at(toks: list[Tok], k: int, first: int, j: int) -> int:
    """The length of a lower-case collective noun starting a further owner of a list whose first
    owner is a collective ("Các tổ chức chính trị - xã hội và tổ chức, đoàn thể có liên quan"), else 0."""
    if k >= len(toks) or toks[k].cap or not toks[k].word:
        return 0
    if not listed(toks, first, j):
        # "Mặt trận và đoàn thể": the mass organisations, a collective without "các" (the Front's partners)
        return 2 if toks[k].f == "doan" and k + 1 < len(toks) and toks[k + 1].f == "the" and noun_at(toks, k) else 0
    n = phrase_len(COLLECTIVE_HEADS, toks, k)
    return n if n and noun_at(toks, k) else 0


def noun_at(toks: list[Tok], k: int) -> bool:
    """Whether the word at k is a noun of a list, not a predicate: "tổ chức" is a verb, but "các cơ
    quan, tổ chức, doanh nghiệp" lists it between commas."""
    v = verb_at(toks, k)
    return not v or k + v < len(toks) and toks[k + v].f in (",", "va", ";")


# capitalised kinds of the set phrase "các Sở, Ban, Ngành": after "các X" they go on listing kinds
_SET_KINDS = frozenset({"so", "ban", "nganh", "bo", "doan the"})


def set_phrase_goes_on(toks: list[Tok], start: int, last: int, k: int) -> bool:
    """Whether the capitalised kind after a comma at k - 1 goes on a collective name ("Thủ trưởng các Sở,
    Ban, ngành tỉnh" is one owner): the name so far is "các" and kinds, and the word after the kind is no
    capitalised word of a proper name ("các Sở, Ban Dân tộc" names two)."""
    if k + 1 >= len(toks) or not toks[k].cap or toks[k].upper or toks[k + 1].cap and toks[k + 1].word:
        return False
    if toks[k].f not in _SET_KINDS:
        return False
    at = next((p for p in range(start, last + 1) if toks[p].f == "cac"), -1)
    return at >= 0 and all(x.f == "," or x.f in _SET_KINDS or x.f in COLLECTIVE_NEXT for x in toks[at + 1 : last + 1])


def every_level(toks: list[Tok], start: int, last: int, k: int) -> bool:
    """Whether "các cấp" after the comma before k ends a name that ends "các ngành" ("Ban Chỉ huy Phòng, chống
    thiên tai và Tìm kiếm cứu nạn các ngành, các cấp"): of every level, not an owner of its own ("các cấp ủy" is)."""
    n = len(toks)
    if not (k + 1 < n and toks[k].f == "cac" and toks[k + 1].f == "cap" and last > start and toks[last - 1].f == "cac"):
        return False
    return k + 2 == n or toks[k + 2].f in (",", "va", ";", ".", ":") or verb_at(toks, k + 2) > 0


def members(toks: list[Tok], start: int, j: int) -> bool:
    """Whether the name toks[start:j] is of members ("các thành viên khác")."""
    return any(toks[k].f == "thanh" and toks[k + 1].f == "vien" for k in range(start, j - 1))


# predicates a subject takes, never a relative clause that picks which bodies are meant
_NOT_QUALIFYING = frozenset({"co trach nhiem", "chiu trach nhiem", "chu tri", "phoi hop", "thuc hien", "to chuc", "trien khai",
                             "tham muu", "chu dong", "khan truong", "tiep tuc", "tang cuong"})


def qualifies(toks: list[Tok], j: int, v: int) -> bool:
    """Whether the predicate at j may open a relative clause ("… giới thiệu người ứng cử có trách nhiệm …")."""
    return " ".join(x.f for x in toks[j : j + v]) not in _NOT_QUALIFYING


def longer_head(toks: list[Tok], k: int) -> int:
    """The length of an owner's head of two words or more at k ("ban cán sự"), else 0."""
    n = phrase_len(ORG_HEADS, toks, k)
    return n if n > 1 else 0
