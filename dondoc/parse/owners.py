"""Who is given the work: lead and support owners named in a piece of text (pure).

Owners are cut from the text as written ("UBND các huyện, thị xã, thành phố" stays one owner);
resolving them against the directory happens later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dondoc.parse.lines import Tok, first_tokens, tokenize, tokens_between
from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.vocab import (
    COLLECTIVE_HEADS,
    COLLECTIVE_NEXT,
    NOT_ORG_AFTER,
    ORG_HEADS,
    ORG_WORDS,
    VERBS,
    phrases,
)

_END_PUNCT = frozenset('.;:!?"“”‘’…/[]')
_DETERMINERS = ("cac", "nhung", "toan the", "tat ca cac", "moi")
_TRIGGERS = (("de", "nghi"), ("giao",), ("yeu", "cau"), ("phan", "cong"), ("dieu", "dong"))
_TRIGGER_FIRST = frozenset(tr[0] for tr in _TRIGGERS)
_REQUEST_FIRST = _TRIGGER_FIRST | {"phoi"}  # the words _requests() acts on
_NOUN_TO_CHUC_AFTER = frozenset({"thanh", "chinh", "xa", "doan", "hoi", "dang", "tin", "cong"})
# "tổ chức Hội thi", "tổ chức hội nghị": a verb and its event, not "tổ chức hội" (an association)
_EVENTS_ORGANISED = frozenset({("hoi", "thi"), ("hoi", "nghi"), ("hoi", "thao"), ("hoi", "cho"), ("hoi", "dien"), ("hoi", "trai")})
_NAME_STOP = frozenset({"cua", "ve", "trong", "tai", "theo", "nham", "de", "tren", "duoi", "voi", "cho", "khi", "neu", "ma"})
_REQUEST_VERBS = frozenset({"de nghi", "yeu cau", "giao", "phan cong", "dieu dong"})
MAX_NAME_TOKENS = 22
# Word pairs a comma or "và" joins inside a unit's name: "phòng, chống", "chữa cháy và cứu nạn, cứu hộ".
_PAIRED = frozenset({("phong", "chong"), ("chay", "chua"), ("nan", "cuu"), ("chay", "cuu")})
_DETERMINER_WORDS = [tuple(d.split()) for d in _DETERMINERS]
_HEAD_WORDS = frozenset(ORG_HEADS) | {w[0] for w in _DETERMINER_WORDS}  # words an owner's head can start with
# the determiners by their first word (no two share one): org_at looks up the one its word may start
_DETERMINER_BY_FIRST = {w[0]: w for w in _DETERMINER_WORDS}
assert len(_DETERMINER_BY_FIRST) == len(_DETERMINER_WORDS)


def _phrase_len(index: dict[str, list[tuple[str, ...]]], toks: list[Tok], i: int) -> int:
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


def verb_at(toks: list[Tok], i: int) -> int:
    """Length of a predicate starting at token i (0 when none); capitalised words are names."""
    if i >= len(toks):
        return 0
    t = toks[i]
    if t.cap or not t.word or t.f not in VERBS:  # most words start no predicate: no call to _phrase_len
        return 0
    n = _phrase_len(VERBS, toks, i)
    if n and toks[i].f == "to" and n >= 2:  # "các tổ chức thành viên" is a noun
        prev = toks[i - 1].f if i else ""
        nxt = toks[i + 2].f if i + 2 < len(toks) else ""
        nxt2 = toks[i + 3].f if i + 3 < len(toks) else ""
        if prev in ("cac", "nhung", "moi") or (nxt, nxt2) == ("quan", "chung") or (
            nxt in _NOUN_TO_CHUC_AFTER and (nxt, nxt2) not in _EVENTS_ORGANISED
        ):
            return 0
    if n and toks[i].f == "giao" and (i and toks[i - 1].f in ("tuyen", "ton") or i + 1 < len(toks) and toks[i + 1].f in _GIAO_NOUNS):
        return 0  # "Ban Tuyên giáo", "Sở Dân tộc và Tôn giáo", "Ban An toàn giao thông"
    if n == 1 and toks[i].f == "can" and (i + 1 < len(toks) and toks[i + 1].f == "bo" or i and toks[i - 1].f == "hau"):
        return 0  # "cán bộ", "Hậu cần" fold like "cần"
    if n and toks[i].f == "thong" and i + 2 < len(toks) and toks[i + 2].f in ("dai", "va"):
        return 0
    return n


def _head_len(index: dict[str, list[tuple[str, ...]]], toks: list[Tok], i: int) -> int:
    if i >= len(toks) or toks[i].f not in index:
        return 0  # what _phrase_len says, without calling it
    n = _phrase_len(index, toks, i)
    if n == 1 and i + 1 < len(toks) and toks[i + 1].f in NOT_ORG_AFTER.get(toks[i].f, ()) and not toks[i + 1].cap:
        return 0  # "phòng chống", "hội nghị"; but "Phòng Văn hóa" is a name
    return n


def org_at(toks: list[Tok], i: int) -> int:
    """Length of an owner's head ("các sở", "Ủy ban", "UBND") at token i, 0 when none."""
    if i >= len(toks):
        return 0
    t = toks[i]
    if not t.word:
        return 0
    if t.f not in _HEAD_WORDS:
        return 1 if t.upper and len(t.f) >= 2 and t.f not in ("v", "vv") else 0
    # "Môi trường" in "Sở Nông nghiệp và Môi trường" folds like "mọi trường": a determiner with a
    # capital inside a list of names is a word of the name
    words = _DETERMINER_BY_FIRST.get(t.f)
    if words is not None and not (t.cap and i and toks[i - 1].f in (",", "va")):
        size = len(words)
        if size == 1 or (i + size <= len(toks) and all(toks[i + k].f == words[k] for k in range(1, size))):
            j = i + size
            n = _head_len(COLLECTIVE_HEADS, toks, j) or _head_len(ORG_HEADS, toks, j)
            return size + n if n else 0
    n = _head_len(ORG_HEADS, toks, i)
    if not n:
        return 1 if t.upper and len(t.f) >= 2 and t.f not in ("v", "vv") else 0
    if t.f in ("tinh", "huyen", "xa", "phuong", "quan", "thanh", "thi") and not t.cap:
        return 0  # "tỉnh" alone is a place, not an owner; "Tỉnh ủy", "Huyện ..." are
    if t.f == "nganh" and not (i + 1 < len(toks) and toks[i + 1].cap):
        return 0
    if not t.cap and t.f in ("so", "ban", "bo", "cuc", "phong", "truong", "hoi", "doan", "dai", "bao", "vien", "doi"):
        return 0  # lower-case "sở", "bộ" without "các" is a word, not an owner
    return n


# Heads of a unit's name that may hold words of action: "Phòng Xây dựng phong trào toàn dân bảo vệ
# ANTQ", "Trung tâm Kiểm soát bệnh tật", "Ban Chỉ đạo phòng, chống tội phạm".
_UNIT_HEADS = frozenset({"phong", "ban", "cuc", "chi cuc", "tong cuc", "vu", "trung tam", "doi", "van phong", "hoi",
                         "doan", "uy ban", "vien", "hoc vien", "to", "bo phan", "ban chi dao", "phan vien"})


def _name_goes_on(toks: list[Tok], start: int, head: int, j: int, v: int) -> int:
    """Where a unit's name ends when the predicate found at j is part of it, else 0.

    Without a directory: a capitalised unit head followed by a capitalised word and at least two
    lower-case words ("Phòng Xây dựng phong trào toàn dân") is a descriptive name; a predicate
    inside it ("bảo vệ") belongs to the name when what follows is one to four capitalised words or
    abbreviations ("ANTQ", "an ninh Tổ quốc": up to five words, one of them capitalised and none an
    owner's head) that are followed in turn by a predicate, a comma or the end.
    """
    lead = " ".join(t.f for t in toks[start : start + head])
    if lead not in _UNIT_HEADS or not toks[start].cap or start + head >= j or not toks[start + head].cap:
        return 0
    lower = sum(1 for t in toks[start + head + 1 : j] if t.word and not t.cap)
    if lower < 2:
        return 0
    k = j + v
    n = len(toks)
    m = k
    named = False
    while m < n and m - k < 5 and toks[m].word and toks[m].f not in _NAME_STOP and not verb_at(toks, m):
        if org_at(toks, m) and not (toks[m].upper and toks[m].f not in ORG_HEADS):
            return 0  # the predicate's object is an owner: "tham mưu Giám đốc", "hướng dẫn các xã"
        named = named or toks[m].cap
        m += 1
    # the name ends on an abbreviation or on "Tổ quốc" ("bảo vệ ANTQ", "bảo vệ an ninh Tổ quốc")
    if m == k or not named or not (toks[m - 1].upper or (m - k >= 2 and toks[m - 2].f == "to" and toks[m - 1].f == "quoc")):
        return 0
    if m >= n or toks[m].f in _END_PUNCT or toks[m].f in (",", "(", ")") or verb_at(toks, m):
        return m
    return 0


# "nhân dân", "người dân", "các tầng lớp nhân dân", "quần chúng nhân dân": who takes part, not an owner
_PEOPLE = phrases("cac tang lop nhan dan,quan chung nhan dan,dong dao nhan dan,toan the nhan dan,nhan dan,nguoi dan,"
                  "toan dan,quan chung,dong bao")


# A unit named before the body it belongs to, joined by a comma: "Ban Gia đình - Xã hội, Hội LHPN tỉnh",
# "Phòng Chính trị tư tưởng, Sở Giáo dục và Đào tạo", "Phòng Cảnh sát hình sự, Công an tỉnh". Only a
# "Ban" of an association or the Youth Union, a "Phòng" of a Sở, and a police department ("Phòng Cảnh
# sát …", "Phòng An ninh …", "Phòng PC02") of a Công an: in other lists ("Phòng Nội vụ, Công an huyện",
# "Ban Dân vận, Ủy ban MTTQ tỉnh") they are two owners.
_UNIT_PARENTS = {"ban": ("hoi", "tinh doan", "thanh doan", "huyen doan", "doan thanh nien", "lien doan", "lien hiep"),
                 "phong": ("so", "cong an")}
# Bans that are bodies of their own whatever follows them ("Ban Chỉ huy Quân sự, Hội CCB xã": two owners);
# a Ban Tuyên giáo or Ban Thường vụ before ", Hội …" is the association's own (the Party's is written
# "… Tỉnh ủy", a place, and stands alone by that)
_BAN_ALONE = frozenset({"chi dao", "chi huy", "quan ly", "dan toc", "an toan", "thi dua", "bien tap", "dai dien"})
_POLICE_UNIT = frozenset({"canh", "an", "tham", "hau", "xay"})  # Cảnh sát, An ninh, Tham mưu, Hậu cần, Xây dựng phong trào
# the last words of a name that place it ("… huyện", "… Tỉnh ủy", "… thành phố"; not the "xã" of "Xã hội")
_LOCALITY = frozenset({"tinh", "huyen", "xa", "phuong", "quan", "tp", "tw", "uy", "thi xa", "thanh pho", "trung uong",
                       "thi tran", "dac khu"})


_PLACES = phrases("thanh pho,trung uong,dia phuong,tinh,huyen,xa,phuong")  # "tỉnh", "thành phố", "địa phương"


def _ends_placed(toks: list[Tok], last: int) -> bool:
    """Whether the name ending at token `last` ends with its place ("… huyện", "… Tỉnh ủy")."""
    return toks[last].f in _LOCALITY or " ".join(t.f for t in toks[last - 1 : last + 1]) in _LOCALITY


def _unit_of(toks: list[Tok], start: int, last: int, k: int) -> bool:
    """Whether the name toks[start:last + 1] is a unit of the body named at toks[k] (after a comma)."""
    head = toks[start]
    parents = _UNIT_PARENTS.get(head.f)
    if parents is None or not head.cap or last <= start or not toks[start + 1].cap or k >= len(toks):
        return False
    if _ends_placed(toks, last):
        return False  # "Ban Tuyên giáo Tỉnh ủy", "Phòng Văn hóa huyện": placed already, the next is another owner
    second = " ".join(t.f for t in toks[start + 1 : start + 3])
    if head.f == "ban" and (second in _BAN_ALONE or toks[start + 1].f in _BAN_ALONE):
        return False
    if not toks[k].cap:
        return False  # "các hội …": a collective, another owner
    nxt = " ".join(t.f for t in toks[k : k + 3])
    parent = next((p for p in parents if nxt == p or nxt.startswith(p + " ")), None)
    if parent == "cong an":
        return toks[start + 1].f in _POLICE_UNIT or toks[start + 1].upper
    return parent is not None


_UNIT_FIRST = frozenset(h.split()[0] for h in _UNIT_HEADS)


def _placed_name_goes_on(toks: list[Tok], start: int, head: int, j: int, v: int) -> int:
    """Where a unit's descriptive name ends when the predicate at j is a word of it followed by the
    name's place ("Ban Quản lý dự án đầu tư xây dựng tỉnh chủ trì"), else 0: the place and then a
    predicate, a mark or the end; the name a unit head with a capitalised word and two lower-case ones."""
    if toks[start].f not in _UNIT_FIRST or not toks[start].cap or start + head >= j:
        return 0
    name = toks[start + 1 : j]
    if not any(t.cap for t in name) or sum(1 for t in name if t.word and not t.cap) < 2:
        return 0
    if _ends_placed(toks, j - 1):
        return 0  # "Phòng Kinh tế huyện hướng dẫn xã, …": placed already, the predicate is the owner's
    k = j + v
    p = _phrase_len(_PLACES, toks, k)
    if not p or toks[k].cap:
        return 0
    m = k + p
    if m >= len(toks) or toks[m].f in _END_PUNCT or toks[m].f in (",", "(", ")") or verb_at(toks, m):
        return m
    return 0


@dataclass
class OwnerList:
    names: list[tuple[int, int]] = field(default_factory=list)  # character spans
    end: int = 0  # token index after the list
    verb: int = 0  # length of the predicate that ends it (0: ended otherwise)
    looked: int = 0  # token index past the last one read looking for a ")" that never came

    @property
    def reach(self) -> int:
        """The tokens read lie before this index (a predicate is at most 4 words, read past `end`;
        a unit's name that goes on past one reads up to 5 more words and a predicate)."""
        return max(self.end + 16, self.looked)


def owner_list(toks: list[Tok], i: int) -> OwnerList:
    """Parse "A, B và các C" starting at token i."""
    out = OwnerList(end=i)
    n = len(toks)
    while i < n:
        head = org_at(toks, i)
        if not head:
            break
        start = i
        j = i + head
        last = j - 1
        stop = False
        inner = False
        while j < n and j - start < MAX_NAME_TOKENS:
            t = toks[j]
            if t.f == "(":
                close = next((k for k in range(j + 1, min(n, j + 40)) if toks[k].f == ")"), None)
                if close is None:
                    out.looked = max(out.looked, min(n, j + 40))
                    stop = True
                    break
                j = close + 1
                continue
            if t.f in _END_PUNCT or t.f == ")":
                stop = True
                break
            if t.f == "neu" and j + 1 < n and toks[j + 1].f == "tren" and toks[start].f in _DETERMINER_BY_FIRST:
                last = j + 1  # "các đơn vị nêu trên": the ones named above, part of the name
                j += 2
                continue
            if t.f == "cung" and j + 1 < n and toks[j + 1].f == "cap":
                last = j + 1  # "Ủy ban Mặt trận Tổ quốc cùng cấp": of the same level, part of the name
                j += 2
                continue
            if t.f == "," or t.f == "va" or t.f == "cung":
                k = j + 1
                if k < n and t.f == "cung" and toks[k].f == "voi":
                    k += 1
                if t.f == "," and k < n and not toks[k].cap and toks[k].f in COLLECTIVE_NEXT and not verb_at(toks, k):
                    j = k  # "các sở, ngành, cơ quan": one collective owner
                    continue
                if t.f in (",", "va") and k < n and (toks[j - 1].f, toks[k].f) in _PAIRED:
                    j = k  # "Ban Chỉ đạo phòng, chống tội phạm", "Phòng Cảnh sát phòng cháy, chữa cháy"
                    continue
                if t.f in ("va", "cung"):
                    # "Công an tỉnh và Nhân dân cùng tham gia …": the people are no owner, the list ends here
                    m = k + _phrase_len(_PEOPLE, toks, k)
                    if m > k:
                        m += m < n and toks[m].f == "cung"
                        v = verb_at(toks, m)
                        if v:
                            out.names.append((toks[start].start, toks[last].end))
                            out.end, out.verb = m, v
                            return out
                if t.f == "," and _unit_of(toks, start, last, k):
                    j = k  # "Ban Gia đình - Xã hội, Hội LHPN tỉnh": a unit and the body it belongs to, one owner
                    continue
                if org_at(toks, k):
                    break  # the next owner of the list
                if t.f != "cung" and k < n and toks[k].cap and toks[k].word and not verb_at(toks, k):
                    j = k  # "Sở Kế hoạch và Đầu tư", "Sở Văn hóa, Thể thao và Du lịch"
                    continue
                stop = True
                break
            if t.f in ("-", "–", "—"):
                k = j + 1
                if k + 1 < n and toks[k].f == "xa" and toks[k + 1].f == "hoi" and not toks[k].cap:
                    j = k  # "các tổ chức chính trị - xã hội", "Ban Kinh tế - xã hội": society, no commune
                    continue
                if org_at(toks, k):  # apposition: "Công an tỉnh - Cơ quan Thường trực ..."
                    m = k
                    while m < n and not verb_at(toks, m) and toks[m].f not in _END_PUNCT and m - k < 20:
                        m += 1
                    out.names.append((toks[start].start, toks[last].end))
                    out.end = m
                    out.verb = verb_at(toks, m)
                    return out
                if k < n and toks[k].cap:
                    j = k
                    continue
                stop = True
                break
            v = verb_at(toks, j)
            if v and t.f == "duoc" and toks[start].f in _DETERMINER_BY_FIRST and j + 1 < n and toks[j + 1].f in ("giao", "phan"):
                # "các cơ quan, đơn vị được giao chủ trì / nhiệm vụ", "các đơn vị được phân công": which of them, not what they do
                m = j + 2 + (1 if toks[j + 1].f == "phan" and j + 2 < n and toks[j + 2].f == "cong" else 0)
                if m + 1 < n and (toks[m].f, toks[m + 1].f) in (("chu", "tri"), ("nhiem", "vu")):
                    m += 2
                if toks[j + 1].f == "giao" or m > j + 2:
                    last, j = m - 1, m
                    continue
            if v:
                more = _name_goes_on(toks, start, head, j, v) or _placed_name_goes_on(toks, start, head, j, v)
                if more:
                    last, j = more - 1, more
                    continue
                out.names.append((toks[start].start, toks[last].end))
                out.end, out.verb = j, v
                return out
            if t.f == "cua" and j + 1 < n and not toks[j + 1].cap:
                loc = _phrase_len(_PLACES, toks, j + 1)
                if loc:
                    last = j + loc  # "các cơ quan báo chí của tỉnh": the place belongs to the name
                    j = last + 1
                    continue
            if t.word and not t.cap and not t.f.isdigit() and (
                t.f in _NAME_STOP or (t.f not in ORG_WORDS and not toks[start + (head > 1 and toks[start].f in ("cac", "nhung"))].cap
                                      and not inner)
            ):
                stop = True
                break
            if t.cap and t.f in _HEAD_WORDS:
                inner = True  # "các đơn vị trực thuộc Sở Nội vụ": a proper name inside takes its lower-case words
            last = j
            j += 1
        out.names.append((toks[start].start, toks[last].end))
        out.end = j
        if stop or j >= n or toks[j].f not in (",", "va", "cung"):
            out.verb = verb_at(toks, j) if j < n else 0
            return out
        i = j + 1
        if i < n and toks[j].f == "cung" and toks[i].f == "voi":
            i += 1
    return out


@dataclass
class Owners:
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    lead_why: list[str] = field(default_factory=list)
    support_why: list[str] = field(default_factory=list)

    def add_lead(self, names: list[str], why: str) -> None:
        new = [x for x in names if x not in self.lead]
        if new:
            self.lead.extend(new)
            self.lead_why.append(why)

    def add_support(self, names: list[str], why: str) -> None:
        new = [x for x in names if x not in self.support and x not in self.lead]
        if new:
            self.support.extend(new)
            self.support_why.append(why)

    def merge(self, other: Owners) -> None:
        for n, w in zip([other.lead], other.lead_why or [""]):
            self.add_lead(n, w)
        if other.support:
            self.add_support(other.support, "; ".join(other.support_why))


_TRAIL = re.compile(r"[\s,;:.\-–(*]+$")
# What _TRAIL.sub("", name) takes off the end (a run of these reaching the end, a final newline
# included), as characters for str.rstrip: every space character \s matches, and the marks.
# (no space character lies past U+3000, the ideographic space)
_TRAIL_CHARS = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + ",;:.-–(*"


def _names(text: str, spans: list[tuple[int, int]]) -> list[str]:
    out = []
    for s, e in spans:
        name = text[s:e].rstrip(_TRAIL_CHARS).strip(" *\"“”")
        if name and name not in out:
            out.append(name)
    return out


def _clause_starts(toks: list[Tok]) -> list[int]:
    starts = [0]
    for k, t in enumerate(toks):
        if t.f in (".", ";", "!", "?", ":") and k + 1 < len(toks):
            starts.append(k + 1)
    return starts


def label_owners(label: str) -> list[str]:
    """Owners a heading or bold label names in full ("Sở Thông tin và Truyền thông", "Công an tỉnh:")."""
    toks = tokenize(label)
    if not toks or (label.isupper() and len(toks) > 2):
        return []  # an all-capital section heading, not an owner
    if label.isupper() and toks[0].f not in _HEAD_WORDS and not label[toks[0].start : toks[0].end].isascii():
        return []  # "NỘI DUNG", "NHIỆM VỤ": words in capitals, not an abbreviation (UBND, MTTQ)
    ol = owner_list(toks, 0)
    rest = [t for t in toks[ol.end :] if t.f not in (":", ".", ")", "(")]
    if ol.names and (not rest or ol.verb):
        return _names(label, ol.names)
    if ol.names and not ol.verb and ";" in label:
        # "Giám đốc các sở, Thủ trưởng các ban, ngành tỉnh; Chủ tịch UBND các xã, phường:": lists of
        # owners joined by ";", the whole label names nothing else
        spans = list(ol.names)
        i = ol.end
        while i < len(toks) and toks[i].f == ";":
            nxt = owner_list(toks, i + 1)
            if not nxt.names or nxt.verb:
                return []
            spans += nxt.names
            i = nxt.end
        if all(t.f in (":", ".", ")", "(") for t in toks[i:]):
            return _names(label, spans)
    return []


# A sentence or clause: up to and with the next . ; ! ? : outside parentheses (owner lists skip
# over a parenthesis, so one is never cut).
# A line break inside an item's text (the outline keeps one before a line that starts with a capital:
# "Cải cách tổ chức bộ máy⏎Sở Nội vụ hằng năm …") starts a clause too.
_CHUNK = re.compile(r"[^.;!?:(\n]*(?:\([^)]*\)?[^.;!?:(\n]*)*[.;!?:\n]?")
_INNER_STOP = re.compile(r"[.;!?:](?!$)")
# Begins with the words themselves (the engine then skips to their first letters); the word before is checked by hand.
# The words by their first letter ("đề nghị", "điều động"; "phân công", "phối hợp"): at each "d" or "p"
# the engine tries one branch, not each; group 1 is "phối hợp" (its "p" outside it).
_ASK = re.compile(r"(?:d(?:e\s+nghi|ieu\s+dong)|giao|yeu\s+cau|p(?:han\s+cong|(hoi\s+hop)))(?![a-z0-9&])")
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789&")


_FIRST_TOKEN = re.compile(r"\s*([a-z0-9]+(?:&[a-z0-9]+)*)")
_HEAD_FIRST = _HEAD_WORDS
# Heads that org_at() refuses in lower case ("sở", "tỉnh" as words, not owners).
_LOWER_NOT_HEAD = frozenset("so ban bo cuc phong truong hoi doan dai bao vien doi tinh huyen xa phuong quan thanh thi".split())


_NO_TOKENS: list[Tok] = []


def _head_tokens(text: str, folded: str, pos: int, end: int) -> list[Tok] | None:
    """None when no owner's head stands at `pos` (org_at() of the tokens from there is 0); else the
    first 8 tokens from `pos` that org_at() read, or an empty list when none was needed."""
    m = _FIRST_TOKEN.match(folded, pos, end)
    if m is None:
        return None
    s, e = m.span(1)
    word = m.group(1)
    if word not in _HEAD_FIRST:
        return _NO_TOKENS if e - s > 1 and text[s:e].isupper() and word not in ("v", "vv") else None
    if word in _LOWER_NOT_HEAD and not text[s].isupper():
        return None
    toks = first_tokens(text, pos, end, 8)
    return toks if org_at(toks, 0) > 0 else None


def head_at(text: str, folded: str, pos: int, end: int) -> bool:
    """org_at() of the tokens from `pos`, without making tokens where the first word cannot start a head."""
    return _head_tokens(text, folded, pos, end) is not None


def _ask_names(text: str, folded: str, m: re.Match[str], end: int) -> bool:
    """Whether the request or "phối hợp" matched by _ASK is followed by an owner's head before `end`."""
    after = m.end()
    if not m.group(1):
        cho = _FIRST_TOKEN.match(folded, after, end)
        if cho is not None and cho.group(1) == "cho":
            after = cho.end()
        elif cho is not None and cho.group(1) == "dong" and folded.startswith(" chi ", cho.end()):
            after = cho.end() + 4  # "giao đồng chí Giám đốc Sở …": the office, not the person
        return head_at(text, folded, after, end)
    if head_at(text, folded, after, end):
        return True
    if "voi" not in folded[after : after + 200]:
        return False
    first = _FIRST_TOKEN.match(folded, after, end)
    if first is not None and first.group(1) == "voi":
        # "phối hợp với X": the loop below stops on "với" at once and asks org_at() of the token after
        # it, which reads no further back (a "với" is no "," or "và") than head_at() reads from there
        return head_at(text, folded, first.end(), end)
    toks = first_tokens(text, after, end, 14)  # "phối hợp [các nội dung] với X"
    k = 0
    while k < len(toks) and k < 3 and toks[k].f != "voi" and toks[k].word and not org_at(toks, k):
        k += 1
    return k < len(toks) and toks[k].f == "voi" and org_at(toks, k + 1) > 0


@dataclass
class _Clause:
    """The tokens of a clause that may name an owner, or of the part of it that can."""

    toks: list[Tok]
    at_start: bool  # toks[0] begins the clause (a subject may stand there)
    cut: bool  # the clause goes on after toks[-1]
    span: tuple[int, int]  # the whole clause, in characters
    asks: bool = True  # it holds a request or "phối hợp" followed by an owner (else only a subject)




_COMMA = re.compile(r",\s*")
_DONG_CHI = re.compile(r"\s*dong chi ")
_OPENING = 120  # characters an opening phrase before the subject may take ("Ngày 04/10 hằng năm, …")


def _clauses(text: str) -> list[_Clause]:
    """The clauses that may name an owner, tokenized only where they can; the others not at all.

    A clause names an owner when it starts with an owner's head or holds a request (đề nghị,
    giao, yêu cầu, phân công, điều động) or "phối hợp" followed by one. Of a long clause only the
    words from a little before its first request to a little after its last one are tokenized.
    """
    folded = fold_keep_length(text)
    out: list[_Clause] = []
    spans = [m.span() for m in _CHUNK.finditer(text) if m.end() > m.start()]
    asks_in: dict[int, list[int]] = {}  # clause index -> where its requests that name someone start
    k = 0
    for m in _ASK.finditer(folded):
        if m.start() and folded[m.start() - 1] in _WORD_CHARS:
            continue  # inside a longer word
        while spans[k][1] <= m.start():
            k += 1
        if _ask_names(text, folded, m, spans[k][1]):
            asks_in.setdefault(k, []).append(m.start())
    for k, (s, e) in enumerate(spans):
        if folded.find("(", s, e) >= 0 and _INNER_STOP.search(folded, s, e):
            out.append(_Clause(tokens_between(text, s, e), True, False, (s, e)))
            continue
        head_toks = _head_tokens(text, folded, s, e)
        dc = _DONG_CHI.match(folded, s, e) if head_toks is None and "dong chi" in folded[s : s + 12] else None
        if dc is not None and head_at(text, folded, dc.end(), e):
            head_toks = []  # "Đồng chí Giám đốc Sở … chỉ đạo": a subject after the address
        head = head_toks is not None
        asks = asks_in.get(k, [])
        if not head and not asks:
            # the opening phrase ends at the first comma (the spaces after it the head test skips itself)
            comma = folded.find(",", s, min(e, s + _OPENING))
            if comma < 0:
                continue
            dc = _DONG_CHI.match(folded, comma + 1, e)
            if not head_at(text, folded, dc.end() if dc else comma + 1, e):
                continue
            head = True  # "Hằng năm, các sở …": a subject after an opening phrase
        ws = s if head or asks[0] - s < 80 else max(s, text.rfind(" ", s, asks[0] - 40) + 1)
        # a subject's list ends within a few words; a request's list may run on
        we = min(e, asks[-1] + 400 if asks else s + 160)
        if ws == s and head_toks and len(head_toks) == 8 and head_toks[-1].end <= we:
            # the first 8 tokens are those _head_tokens made (they end before `we`, so the shorter
            # span cuts none of them); tokenizing goes on from the end of the last, as it would
            toks = head_toks + tokens_between(text, head_toks[-1].end, we)
        else:
            toks = tokens_between(text, ws, we)
        if ws > s and sum(1 for t in toks[:3] if t.start < asks[0]) < 3:
            ws, toks = s, tokens_between(text, s, we)  # "giao" looks two words back
        out.append(_Clause(toks, ws == s, we < e, (s, e), bool(asks)))
    return out


def find_owners(text: str) -> Owners:
    """Lead and support owners stated in one sentence group (an item's text or a bullet)."""
    clauses = _clauses(text)
    while True:
        found = Owners()
        # the last token of a cut clause may be cut too: an owner list must stop before it
        short = []
        listed: list[str] = []  # "Các sở, ban, ngành; UBND các xã căn cứ …": owners before a ";" share the predicate
        end = -1
        for c in clauses:
            if not c.at_start:
                listed = []
                continue
            if listed and c.span[0] == end:
                ol = owner_list(c.toks, 0)
                if ol.names and ol.verb and " ".join(t.f for t in c.toks[ol.end : ol.end + ol.verb]) not in _REQUEST_VERBS:
                    found.add_lead(listed, f'listed before "{text[c.span[0]:c.toks[ol.end + ol.verb - 1].end].strip()}", '
                                           "with the same predicate")
            listed = (listed if c.span[0] == end else []) + _only_owners(text, c)
            end = c.span[1]
            if _subjects(text, c.toks, found) >= len(c.toks) - 1 and c.cut:
                short.append(c)
        short += [c for c in clauses if c.asks and _requests(text, c.toks, found) >= len(c.toks) - 1 and c.cut]
        if not short:
            return found
        for c in short:  # an owner list ran to the end of the words tokenized: take the whole clause
            c.toks, c.at_start, c.cut, c.asks = tokens_between(text, *c.span), True, False, True


def _only_owners(text: str, c: _Clause) -> list[str]:
    """The owners of a whole clause that is nothing but them and a ";" ("Các sở, ban, ngành tỉnh;")."""
    toks = c.toks
    if c.cut or len(toks) < 2 or toks[-1].f != ";":
        return []
    ol = owner_list(toks, 0)
    return _names(text, ol.names) if ol.names and not ol.verb and ol.end == len(toks) - 1 else []


def _after_opening(toks: list[Tok], s: int) -> tuple[OwnerList, int]:
    """The owners after an opening phrase and a comma ("Hằng năm, các cơ quan, đơn vị hưởng ứng …",
    "Để bảo đảm an toàn, Sở Y tế chủ trì …"), when the phrase names no owner itself."""
    n = len(toks)
    for k in range(s, min(n, s + 30)):
        t = toks[k]
        f = t.f
        if f in (".", ";", ":", "!", "?"):
            break
        if f != ",":
            if (f in _HEAD_WORDS or t.upper) and org_at(toks, k):
                break  # an owner in the opening phrase: the commas are its list's
            continue
        k1 = k + 3 if k + 3 < n and toks[k + 1].f == "dong" and toks[k + 2].f == "chi" and toks[k + 3].cap else k + 1
        ol = owner_list(toks, k1)
        if ol.names and ol.verb:
            return ol, k1
        break  # the opening phrase ends at its first comma
    return OwnerList(end=s), s


def _subjects(text: str, toks: list[Tok], found: Owners) -> int:
    """Owners written as the subject of a clause: "Sở Y tế chủ trì", "Công an tỉnh phối hợp".

    Returns how far (in tokens) the owner lists read.
    """
    n = len(toks)
    reach = 0
    for s in _clause_starts(toks):
        if s + 2 < n and toks[s].f == "dong" and toks[s + 1].f == "chi" and toks[s + 2].cap:
            s += 2  # "Đồng chí Giám đốc Sở …": the office, not the person
        ol = owner_list(toks, s)
        reach = max(reach, ol.reach)
        if not ol.names:
            ol, s = _after_opening(toks, s)
            reach = max(reach, ol.reach)
        if ol.names and ol.verb:
            verb = " ".join(t.f for t in toks[ol.end : ol.end + ol.verb])
            names = _names(text, ol.names)
            nxt = toks[ol.end + ol.verb].f if ol.end + ol.verb < n else ""
            if verb in _REQUEST_VERBS:
                continue  # the one who asks is not the one who does
            if verb == "phoi hop" and nxt != "voi" and found.lead:
                found.add_support(names, f'"{text[toks[s].start:toks[ol.end].end]}" (the subject cooperates)')
            else:
                found.add_lead(names, f'subject of the sentence "{text[toks[s].start:toks[ol.end + ol.verb - 1].end]}"')
    return reach


def _requests(text: str, toks: list[Tok], found: Owners) -> int:
    """Owners asked or given the work ("đề nghị X", "giao X chủ trì, Y phối hợp"), and "phối hợp với Y".

    Returns how far (in tokens) the owner lists read.
    """
    n = len(toks)
    reach = 0
    i = 0
    # only a token that can start a request or "phối hợp" does anything: go from one to the next
    starts = [k for k, t in enumerate(toks) if t.f in _REQUEST_FIRST]
    si = 0
    while i < n:
        while si < len(starts) and starts[si] < i:
            si += 1
        if si == len(starts):
            break
        i = starts[si]
        t = toks[i]
        trig = None
        if t.f in _TRIGGER_FIRST:
            trig = next((tr for tr in _TRIGGERS if all(i + k < n and toks[i + k].f == w for k, w in enumerate(tr))), None)
        if trig and not (trig == ("giao",) and i and (toks[i - 1].f in ("duoc", "ban", "tuyen") or toks[i - 1].cap and t.cap is False and toks[i - 1].word and i > 1 and toks[i - 2].word)):
            j = i + len(trig)
            if j < n and toks[j].f == "cho":
                j += 1
            elif j + 2 < n and toks[j].f == "dong" and toks[j + 1].f == "chi" and toks[j + 2].cap:
                j += 2  # "giao đồng chí Giám đốc Sở …": the office, not the person
            ol = owner_list(toks, j)
            reach = max(reach, ol.reach)
            if ol.names:
                phrase = text[t.start : toks[min(ol.end, n) - 1].end]
                found.add_lead(_names(text, ol.names), f'"{phrase}"')
                i = ol.end
                # "Giao A chủ trì, B phối hợp": B supports
                if ol.verb and " ".join(x.f for x in toks[ol.end : ol.end + ol.verb]) == "chu tri":
                    k = ol.end + ol.verb
                    if k < n and toks[k].f == ",":
                        ol2 = owner_list(toks, k + 1)
                        reach = max(reach, ol2.reach)
                        if ol2.names and ol2.verb and toks[ol2.end].f == "phoi":
                            found.add_support(_names(text, ol2.names), f'"{text[toks[k + 1].start:toks[ol2.end + 1].end]}"')
                continue
        if t.f == "phoi" and i + 1 < n and toks[i + 1].f == "hop":
            j = i + 2
            k = j
            while k < n and k - j < 3 and toks[k].f != "voi" and toks[k].word and not org_at(toks, k):
                k += 1
            if k < n and toks[k].f == "voi":
                j = k + 1
            ol = owner_list(toks, j)
            reach = max(reach, ol.reach)
            if ol.names and (ol.verb or j > i + 2 or ol.end >= n or toks[ol.end].f in _END_PUNCT or toks[ol.end].f == ","):
                phrase = text[t.start : toks[min(ol.end, n) - 1].end]
                found.add_support(_names(text, ol.names), f'"{phrase}"')
                i = ol.end
                continue
        i += 1
    return reach


def _only_predicates(toks: list[Tok], start: int, end: int) -> bool:
    """Whether toks[start:end] go on in one sentence and name no other owner (who would be the subject)."""
    return not any(t.f in (".", ":") or t.f == ";" and k + 1 < end and toks[k + 1].cap or org_at(toks, k)
                   for k, t in enumerate(toks[start:end], start))


def subject_before(text: str, verb_start: int, *, whole: bool = False) -> list[str]:
    """The owners written just before a predicate at character `verb_start` ("X báo cáo").

    `whole`: read from the text's start, not from the last sentence break (what the break saves
    reading gives the same owners; the tests compare both).
    """
    # the words up to the predicate, and enough after it for an owner list to see where it stops;
    # from the last "." or ":" before it that no parenthesis holds (an owner list stops there, and
    # a request's list must not cross one), else from the start
    cut = max(text.rfind(".", 0, verb_start), text.rfind(":", 0, verb_start)) + 1
    if whole or cut and text.rfind("(", 0, cut) > text.rfind(")", 0, cut):
        cut = 0
    if cut:
        toks = tokens_between(text, cut, min(len(text), verb_start + 400))
    else:
        toks = tokenize(text) if len(text) < verb_start + 400 else tokens_between(text, 0, verb_start + 400)
    idx = next((k for k, t in enumerate(toks) if t.start >= verb_start), len(toks))
    starts = [0] + [k + 1 for k, t in enumerate(toks[:idx]) if t.f in (",", ";", ".", ":")]
    # "Sở … đề nghị X khẩn trương hoàn thành, gửi báo cáo": a request after its issuer, within the clause
    starts += [k for k in range(1, idx - 2) if toks[k].f in ("de", "yeu") and (toks[k].f, toks[k + 1].f) in (("de", "nghi"), ("yeu", "cau"))
               and toks[k - 1].f not in (",", ";", ".", ":")]
    # An owner list from a token where an earlier list read on to a further name (after its ",", "và")
    # is the rest of that list: it ends where that one ended, with the same predicate. A list that
    # did not end at the predicate is not read again from each of its names (a long list of names
    # before a clause that is not theirs would be read once for each of them).
    ends_of: dict[int, tuple[int, int]] = {}  # a name's first token -> (end, verb) of the list from it
    token_at = {t.start: k for k, t in enumerate(toks)}
    only_predicates: dict[int, bool] = {}

    def from_token(k: int) -> tuple[list[tuple[int, int]], int, int]:
        """(names, end, verb) of owner_list(toks, k); names only when it is read (else [])."""
        known = ends_of.get(k)
        if known is not None:
            return [], known[0], known[1]
        ol = owner_list(toks, k)
        for a, _ in ol.names:
            ends_of[token_at[a]] = (ol.end, ol.verb)
        return ol.names, ol.end, ol.verb

    for s in starts:
        if s >= idx:
            continue
        names, end, _ = from_token(s)
        if names and end == idx:
            return _names(text, names)
        # "đề nghị X báo cáo", "yêu cầu X báo cáo", "giao X theo dõi, tổng hợp, báo cáo"
        ask = 2 if s + 2 < idx and (toks[s].f, toks[s + 1].f) in (("de", "nghi"), ("yeu", "cau")) else 0
        if not ask and s + 1 < idx and toks[s].f == "giao" and toks[s + 1].cap:
            ask = 1
        if ask:
            known = s + ask in ends_of  # a name of a list read before: it has names
            names, end, verb = from_token(s + ask)
            if verb and end not in only_predicates:
                only_predicates[end] = _only_predicates(toks, end, idx)
            # the one asked reports, also after other predicates ("giao X theo dõi, tổng hợp, báo cáo")
            if (names or known) and (end == idx or verb and only_predicates[end]):
                return _names(text, names or owner_list(toks, s + ask).names)
    return []
