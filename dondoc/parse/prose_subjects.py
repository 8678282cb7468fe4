"""The first words of a prose paragraph that charge the owners they open with (pure): a sentence that
starts with owners and an instruction to act ("Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh xây dựng phương án
…", "Ban Chấp hành Đoàn các cấp chuẩn bị tốt nội dung đại hội"), after a qualifier ("Ủy ban nhân dân các
cấp căn cứ Luật …; phối hợp với …", "… theo chức năng của mình chỉ đạo …"), or owners and a colon over
their duty ("Phòng Văn hóa và Thông tin: Xây dựng chuyên mục …"). prose.py asks it of each sentence of a
dispatch written in prose alone."""

from __future__ import annotations

from dondoc.parse.heads import phrase_len, verb_at
from dondoc.parse.lines import Tok
from dondoc.parse.names import OwnerList
from dondoc.parse.vocab import VERBS

# predicates that give an instruction when a sentence opens with their owners (a dispatch's request);
# not "hướng dẫn" (the issuer guiding the addressees), "ban hành", "lập" (what a body issued: background),
# nor "đã", "được", "sẽ" (background, intention)
DIRECTIVE = frozenset({
    "to chuc", "trien khai", "xay dung", "chi dao", "chuan bi", "thuc hien", "tang cuong", "day manh", "ra soat",
    "kiem tra", "tuyen truyen", "bo tri", "theo doi", "tiep tuc", "quan triet", "van dong", "phoi hop", "lanh dao",
    "tiep tuc chi dao", "chu dong phoi hop", "thuc hien tot", "cung co", "kien toan", "hoan thanh",
    "rut kinh nghiem", "tich cuc", "quan tam", "tao dieu kien", "dam bao", "bao dam", "huy dong", "giam sat",
})
# a qualifier between the owners and what they do: "căn cứ …", "theo chức năng …"
_QUALIFIERS = frozenset({"can cu", "theo"})
_QUALIFIER_REACH = 40
# words that tell what happened or will, not what to do ("vừa", "mới", "đã", "sẽ")
_NARRATED = frozenset({"vua", "moi", "da", "se", "tung"})  # tokens a qualifier may take before the predicate


def _predicate(toks: list[Tok], k: int) -> str:
    v = verb_at(toks, k)
    return " ".join(t.f for t in toks[k : k + v]) if v else ""


def directs_first(toks: list[Tok], ol: OwnerList, *, closed: bool = True) -> bool:
    """Whether the owners a sentence opens with (`ol`, read from toks[0]) are told what to do: an
    instruction right after them, one after a qualifier, or their duty after a colon (only in a paragraph
    `closed` by a full stop or semicolon: "Ủy ban MTTQ tỉnh X: Tổng kết 10 năm …" is a news title)."""
    n = len(toks)
    k = ol.end
    if k >= n or toks[k - 1].f in _NARRATED or toks[k].f in _NARRATED:
        return False  # "Công an tỉnh và Ủy ban MTTQ tỉnh vừa tổ chức hội nghị …": what happened, news
    if toks[k].f == ":":
        # "Phòng Nội vụ: Chủ trì …": the duty after the colon, whether written in capitals or not
        return closed and k + 1 < n and toks[k + 1].word and phrase_len(VERBS, toks, k + 1) > 0 and toks[k + 1].f not in ("da", "duoc")
    verb = _predicate(toks, k)
    if verb in DIRECTIVE:
        return True
    if verb in _QUALIFIERS:
        for m in range(k + 1, min(n, k + _QUALIFIER_REACH)):
            if toks[m].f in (".", "!", "?", ":"):
                return False
            if _predicate(toks, m) in DIRECTIVE and (verb == "theo" or toks[m - 1].f in (",", ";")):
                return True
    return False
