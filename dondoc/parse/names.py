"""The span of each owner in a list of them ("Sở Y tế, Công an tỉnh và UBND các huyện chủ trì"), and its text (pure).

Owners are cut from the text as written ("UBND các huyện, thị xã, thành phố" stays one owner);
resolving them against the directory happens later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dondoc.parse.heads import DETERMINER_BY_FIRST, HEAD_WORDS, phrase_len, org_at, verb_at
from dondoc.parse.lines import Tok
from dondoc.parse.vocab import COLLECTIVE_HEADS, COLLECTIVE_NEXT, ORG_HEADS, ORG_WORDS, TOPICS, phrases

END_PUNCT = frozenset('.;:!?"“”‘’…/[]')
_NAME_STOP = frozenset({"cua", "ve", "trong", "tai", "theo", "nham", "de", "tren", "duoi", "voi", "cho", "khi", "neu", "ma"})
MAX_NAME_TOKENS = 22
# Word pairs a comma or "và" joins inside a unit's name: "phòng, chống", "chữa cháy và cứu nạn, cứu hộ".
_PAIRED = frozenset({("phong", "chong"), ("chay", "chua"), ("nan", "cuu"), ("chay", "cuu")})

# Heads of a unit's name that may hold words of action: "Phòng Xây dựng phong trào toàn dân bảo vệ
# ANTQ", "Trung tâm Kiểm soát bệnh tật", "Ban Chỉ đạo phòng, chống tội phạm".
_UNIT_HEADS = frozenset({"phong", "ban", "cuc", "chi cuc", "tong cuc", "vu", "trung tam", "doi", "van phong", "hoi",
                         "doan", "uy ban", "vien", "hoc vien", "to", "bo phan", "ban chi dao", "phan vien", "cong ty",
                         "tong cong ty", "hoi dong"})


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
    if m >= n or toks[m].f in END_PUNCT or toks[m].f in (",", "(", ")") or verb_at(toks, m):
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


_PLACES = phrases("thanh pho,trung uong,dia phuong,tinh,huyen,xa,phuong,thi xa,thi tran,dac khu")  # "tỉnh", "thành phố", "địa phương"


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


def _descriptive(toks: list[Tok], start: int, head: int, j: int) -> bool:
    """Whether toks[start:j] is a unit's descriptive name: a capitalised unit head, a capitalised word
    and at least two lower-case ones ("Trung tâm Kiểm soát bệnh tật", "Hội đồng Giáo dục quốc phòng")."""
    if toks[start].f not in _UNIT_FIRST or not toks[start].cap or start + head >= j:
        return False
    name = toks[start + 1 : j]
    return any(t.cap for t in name) and sum(1 for t in name if t.word and not t.cap) >= 2


# Committees named by their purpose, in lower case after the head: "Ban Chỉ đạo xây dựng nông thôn mới xã"
_PURPOSE_HEADS = frozenset({"ban chi dao", "ban chi huy", "to cong tac", "ban quan ly", "hoi dong", "to giup viec"})


def _placed_name_goes_on(toks: list[Tok], start: int, head: int, j: int, v: int) -> int:
    """Where a unit's descriptive name ends when the predicate at j is a word of it followed, within a
    few words, by the name's place ("Ban Quản lý dự án đầu tư xây dựng tỉnh chủ trì", "Ban Chỉ đạo xây
    dựng nông thôn mới xã chỉ đạo"), else 0: the place and then a predicate, a mark or the end; the name
    a descriptive one, or a committee's head that its purpose follows."""
    purpose = j == start + head and toks[start].cap and " ".join(t.f for t in toks[start:j]) in _PURPOSE_HEADS
    if not purpose and not _descriptive(toks, start, head, j):
        return 0
    if _ends_placed(toks, j - 1):
        return 0  # "Phòng Kinh tế huyện hướng dẫn xã, …": placed already, the predicate is the owner's
    n = len(toks)
    k = j + v
    while k < n and k - j < 8 and toks[k].word and not toks[k].cap and not phrase_len(_PLACES, toks, k):
        if toks[k].f in _NAME_STOP or toks[k].f != "moi" and org_at(toks, k) or phrase_len(_PEOPLE, toks, k):
            return 0  # ("mới" folds like the determiner "mọi")
        k += 1  # "… quản lý khai thác công trình thủy lợi | tỉnh"
    p = phrase_len(_PLACES, toks, k) if k < n else 0
    if not p or toks[k].cap:
        return 0
    m = k + p
    if m >= n or toks[m].f in END_PUNCT or toks[m].f in (",", "(", ")") or verb_at(toks, m):
        return m
    return 0


def _add(out: OwnerList, toks: list[Tok], start: int, last: int, head: int) -> None:
    """Add the name toks[start:last + 1] to the list, unless it is a head alone ("Cơ quan", "Đơn vị")."""
    if not toks[start].upper and (last == start + head - 1 or last == start + head + 1 and toks[last].f == "truc"
                                  and toks[last - 1].f == "thuong") and " ".join(t.f for t in toks[start : last + 1]) in _BARE:
        return  # "Cơ quan thường trực" too: a role, whose name the text gives after it
    out.names.append((toks[start].start, toks[last].end))


def _described(toks: list[Tok], start: int, head: int, j: int) -> int:
    """Where a collective's description ends ("các chủ công trình | hồ chứa nước thủy lợi, thủy điện |
    tổ chức …"), when the name is "các" and its head alone and a predicate comes within nine lower-case
    words (a pair joined by a comma counted in); else 0, and the name stops at its head."""
    if j != start + head or toks[start].f not in ("cac", "nhung"):
        return 0
    n = len(toks)
    m = j
    while m < n and m - j < 10:
        t = toks[m]
        if t.f == "," and m > j and m + 1 < n and toks[m + 1].word and not toks[m + 1].cap and not verb_at(toks, m + 1):
            m += 1  # "thủy lợi, thủy điện": a pair joined by a comma
            continue
        if not t.word or t.cap or t.f in _NAME_STOP or org_at(toks, m):
            return 0
        if verb_at(toks, m):
            return m if m > j else 0
        m += 1
    return 0


def _listed(toks: list[Tok], start: int, j: int) -> bool:
    """Whether the name toks[start:j] is a collective one ("các sở, ngành", "UBND các huyện")."""
    return any(x.f in ("cac", "nhung") for x in toks[start:j])


def _collective_at(toks: list[Tok], k: int, first: int, j: int) -> int:
    """The length of a lower-case collective noun starting a further owner of a list whose first
    owner is a collective ("Các tổ chức chính trị - xã hội và tổ chức, đoàn thể có liên quan"), else 0."""
    if k >= len(toks) or toks[k].cap or not toks[k].word or not _listed(toks, first, j):
        return 0
    n = phrase_len(COLLECTIVE_HEADS, toks, k)
    return n if n and _noun_at(toks, k) else 0


def _noun_at(toks: list[Tok], k: int) -> bool:
    """Whether the word at k is a noun of a list, not a predicate: "tổ chức" is a verb, but "các cơ
    quan, tổ chức, doanh nghiệp" lists it between commas."""
    v = verb_at(toks, k)
    return not v or k + v < len(toks) and toks[k + v].f in (",", "va", ";")


def _joint_office(toks: list[Tok], start: int, last: int, k: int) -> bool:
    """Whether "Văn phòng X" (X not yet placed) goes on with "và/- Y": the office of two bodies
    ("Văn phòng HĐND và UBND xã", "Chánh Văn phòng Đoàn ĐBQH và HĐND tỉnh"), not two owners."""
    office = next((p for p in range(start, min(last, start + 3)) if toks[p].f == "van" and toks[p + 1].f == "phong"
                   and toks[p].cap), None)
    return (office is not None and office + 1 < last and k < len(toks) and toks[k].cap
            and not _ends_placed(toks, last) and org_at(toks, k) > 0)


# Words after a verb that say how ("quản lý chặt chẽ", "quản lý tốt"): the verb is a predicate, not a name's word
_HOW = frozenset({"chat", "tot", "nghiem", "hieu", "co", "va", "thong", "dung", "toan", "hoat", "su", "tai"})


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
    first = i
    while i < n:
        head = org_at(toks, i) or (_collective_at(toks, i, first, i) if i > first else 0)
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
            if t.f == "/" and j + 1 < n and toks[j + 1].word and not toks[j + 1].cap and toks[j + 1].start == t.end \
                    and toks[j - 1].end == t.start and toks[j - 1].word:
                j += 1  # "Hội nạn nhân chất độc da cam/dioxin": two words joined by a slash
                continue
            if t.f in END_PUNCT or t.f == ")":
                stop = True
                break
            if t.f == "neu" and j + 1 < n and toks[j + 1].f == "tren" and toks[start].f in DETERMINER_BY_FIRST:
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
                if t.f == "," and k < n and not toks[k].cap and toks[k].f in COLLECTIVE_NEXT and _noun_at(toks, k) \
                        and (not toks[start].cap or _listed(toks, start, j) or phrase_len(_PLACES, toks, k)):
                    v = verb_at(toks, k)  # a noun that is a predicate elsewhere ("tổ chức") is passed whole
                    j, last = (k + v, k + v - 1) if v else (k, last)
                    continue  # "các sở, ngành, cơ quan", "các cơ quan, tổ chức, doanh nghiệp": one collective owner
                if t.f in (",", "va") and k < n and (toks[j - 1].f, toks[k].f) in _PAIRED:
                    j = k  # "Ban Chỉ đạo phòng, chống tội phạm", "Phòng Cảnh sát phòng cháy, chữa cháy"
                    continue
                if t.f == "va" and k < n and not toks[k].cap and phrase_len(_PLACES, toks, k) and _listed(toks, start, j):
                    j = k  # "UBND các huyện, thị xã và thành phố Huế": the places of one collective owner
                    continue
                if t.f in ("va", "cung", ","):
                    # "Công an tỉnh và Nhân dân cùng tham gia …", "các HTX, nhân dân khẩn trương …": the
                    # people are no owner, the list ends here
                    m = k + phrase_len(_PEOPLE, toks, k)
                    if m > k:
                        m += m < n and toks[m].f == "cung"
                        v = verb_at(toks, m)
                        if v:
                            _add(out, toks, start, last, head)
                            out.end, out.verb = m, v
                            return out
                if t.f == "," and _unit_of(toks, start, last, k):
                    j = k  # "Ban Gia đình - Xã hội, Hội LHPN tỉnh": a unit and the body it belongs to, one owner
                    continue
                if k < n and toks[k].upper and toks[k].f in TOPICS and toks[j - 1].f in TOPICS:
                    j = k  # "Ban Chỉ huy PCTT và TKCN": two topics of one body's name
                    continue
                if t.f == "va" and _joint_office(toks, start, last, k):
                    j = k  # "Văn phòng HĐND và UBND xã": one office serving both
                    continue
                if org_at(toks, k) or t.f == "va" and _collective_at(toks, k, start, j):
                    break  # the next owner of the list ("… và tổ chức, đoàn thể có liên quan" too)
                if t.f != "cung" and k < n and toks[k].cap and toks[k].word and not verb_at(toks, k):
                    j = k  # "Sở Kế hoạch và Đầu tư", "Sở Văn hóa, Thể thao và Du lịch"
                    continue
                if t.f == "va" and _descriptive(toks, start, head, j) and k < n and toks[k].word and not toks[k].cap \
                        and toks[k].f not in _NAME_STOP and not verb_at(toks, k) and not phrase_len(_PEOPLE, toks, k):
                    j = k  # "Hội đồng Giáo dục quốc phòng và an ninh xã": two words of one name
                    continue
                stop = True
                break
            if t.f in ("-", "–", "—"):
                k = j + 1
                if k + 1 < n and toks[k].f == "xa" and toks[k + 1].f == "hoi" and not toks[k].cap:
                    j = k  # "các tổ chức chính trị - xã hội", "Ban Kinh tế - xã hội": society, no commune
                    continue
                if _joint_office(toks, start, last, k):
                    j = k  # "Văn phòng HĐND - UBND xã"
                    continue
                if org_at(toks, k):  # apposition: "Công an tỉnh - Cơ quan Thường trực ..."
                    m = k
                    while m < n and not verb_at(toks, m) and toks[m].f not in END_PUNCT and m - k < 20:
                        m += 1
                    _add(out, toks, start, last, head)
                    out.end = m
                    out.verb = verb_at(toks, m)
                    return out
                if k < n and toks[k].cap:
                    j = k
                    continue
                stop = True
                break
            if t.f in ("tren", "trong", "tai") and j + 1 < n and not toks[j + 1].cap:
                m = j + 1 + (2 if toks[j + 1].f == "dia" and j + 2 < n and toks[j + 2].f == "ban" else 0)
                loc = phrase_len(_PLACES, toks, m) if m < n and not toks[m].cap else 0
                if m > j + 1 or loc:
                    # "các doanh nghiệp trên địa bàn tỉnh", "các sở, ban ngành trong tỉnh": where, part of the name
                    last = m - 1 + loc
                    j = last + 1
                    continue
            v = verb_at(toks, j)
            if v and t.f == "duoc" and toks[start].f in DETERMINER_BY_FIRST and j + 1 < n and toks[j + 1].f in ("giao", "phan"):
                # "các cơ quan, đơn vị được giao chủ trì / nhiệm vụ", "các đơn vị được phân công": which of them, not what they do
                m = j + 2 + (1 if toks[j + 1].f == "phan" and j + 2 < n and toks[j + 2].f == "cong" else 0)
                if m + 1 < n and (toks[m].f, toks[m + 1].f) in (("chu", "tri"), ("nhiem", "vu")):
                    m += 2
                if toks[j + 1].f == "giao" or m > j + 2:
                    last, j = m - 1, m
                    continue
            if v == 2 and j == start + head and t.f == "quan" and toks[j + 1].f == "ly" and toks[start].f in DETERMINER_BY_FIRST \
                    and j + 2 < n and toks[j + 2].word and toks[j + 2].f not in _HOW and not verb_at(toks, j + 2):
                # "các đơn vị quản lý đường bộ", "các cơ quan quản lý nhà nước": the units that manage, a name
                last, j, inner = j + 1, j + 2, True
                continue
            if v:
                more = _name_goes_on(toks, start, head, j, v) or _placed_name_goes_on(toks, start, head, j, v)
                if more:
                    last, j = more - 1, more
                    continue
                _add(out, toks, start, last, head)
                out.end, out.verb = j, v
                return out
            if t.f == "cua" and j + 1 < n and not toks[j + 1].cap:
                loc = phrase_len(_PLACES, toks, j + 1)
                if loc:
                    last = j + loc  # "các cơ quan báo chí của tỉnh": the place belongs to the name
                    j = last + 1
                    continue
            if t.f == "cua" and j + 1 < n and toks[j + 1].cap and org_at(toks, j + 1) and not toks[j + 1].upper \
                    and toks[start].f not in DETERMINER_BY_FIRST:
                last, j, inner = j, j + 1, True  # "Tổ công tác đặc biệt của Công an xã": a unit and its body
                continue
            if t.word and not t.cap and not t.f.isdigit() and (
                t.f in _NAME_STOP or (t.f not in ORG_WORDS and not toks[start + (head > 1 and toks[start].f in ("cac", "nhung"))].cap
                                      and not inner)
            ):
                more = _described(toks, start, head, j) if t.f not in _NAME_STOP else 0
                if more:
                    last, j = more - 1, more  # "Các chủ công trình hồ chứa nước thủy lợi, thủy điện": what they are
                    continue
                stop = True
                break
            if t.cap and t.f in HEAD_WORDS:
                inner = True  # "các đơn vị trực thuộc Sở Nội vụ": a proper name inside takes its lower-case words
            last = j
            j += 1
        _add(out, toks, start, last, head)
        out.end = j
        if stop or j >= n or toks[j].f not in (",", "va", "cung"):
            out.verb = verb_at(toks, j) if j < n else 0
            return out
        i = j + 1
        if i < n and toks[j].f == "cung" and toks[i].f == "voi":
            i += 1
    return out


_TRAIL = re.compile(r"[\s,;:.\-–(*]+$")
# What _TRAIL.sub("", name) takes off the end (a run of these reaching the end, a final newline
# included), as characters for str.rstrip: every space character \s matches, and the marks.
# (no space character lies past U+3000, the ideographic space)
_TRAIL_CHARS = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + ",;:.-–(*"


# A head alone names no one ("Cơ quan chủ trì: …", "Đơn vị thực hiện"): it is a word of the sentence.
_BARE = frozenset({"co quan", "don vi", "to chuc", "ca nhan", "so", "bo", "ban", "uy ban", "phong", "cuc", "nganh",
                   "doi", "truong", "vien", "hoi", "doan", "dai", "bao", "tram", "cong ty", "trung tam", "van phong",
                   "chi cuc", "tong cuc", "lanh dao", "thuong truc", "co quan thuong truc", "bo phan", "hoi dong",
                   "cong chuc", "can bo", "luc luong", "chinh quyen", "cap uy", "to", "phong ban", "dia phuong"})


def name_texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The names of the spans as written, without trailing marks, nor a note in parentheses at the end
    ("Sở Nội vụ (cơ quan thường trực)", "Sở Nội vụ (Ban Thi đua - Khen thưởng)": the owner is Sở Nội vụ)."""
    out = []
    for s, e in spans:
        name = text[s:e].rstrip(_TRAIL_CHARS).strip(" *\"“”")
        if name.endswith(")") and "(" in name:
            bare = name[: name.rindex("(")].rstrip(_TRAIL_CHARS)
            if " " in bare:
                name = bare
        if name and name not in out:
            out.append(name)
    return out
