"""Where a unit's name runs on past what would end another name (pure).

A descriptive name holds words of action and its place ("Phòng Xây dựng phong trào toàn dân bảo vệ
ANTQ", "Ban Quản lý dự án đầu tư xây dựng tỉnh", "Ban Chỉ đạo xây dựng nông thôn mới xã"); a unit
and the body it belongs to are one owner ("Ban Gia đình - Xã hội, Hội LHPN tỉnh"); one office serves
two bodies ("Văn phòng HĐND và UBND xã"); a collective lists its members or describes them ("các cơ
quan, tổ chức, doanh nghiệp", "Các chủ công trình hồ chứa nước thủy lợi, thủy điện"). names.py asks
these questions while it reads a list of owners; collective_names.py answers those of a collective's list of kinds.
"""

from __future__ import annotations

from typing import Final

from dondoc.parse.heads import END_PUNCT, NAME_STOP, phrase_len, org_at, verb_at
from dondoc.parse.lines import Tok
from dondoc.parse.vocab import ORG_HEADS, ROLE_FIRST, phrases

# Heads of a unit's name that may hold words of action: "Phòng Xây dựng phong trào toàn dân bảo vệ
# ANTQ", "Trung tâm Kiểm soát bệnh tật", "Ban Chỉ đạo phòng, chống tội phạm".
_UNIT_HEADS: Final = frozenset({"phong", "ban", "cuc", "chi cuc", "tong cuc", "vu", "trung tam", "doi", "van phong", "hoi",
                         "doan", "uy ban", "vien", "hoc vien", "to", "bo phan", "ban chi dao", "phan vien", "cong ty",
                         "tong cong ty", "hoi dong"})


def name_goes_on(toks: list[Tok], start: int, head: int, j: int, v: int) -> int:
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
    while m < n and m - k < 5 and toks[m].word and toks[m].f not in NAME_STOP and not verb_at(toks, m):
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
PEOPLE: Final = phrases("cac tang lop nhan dan,quan chung nhan dan,dong dao nhan dan,toan the nhan dan,nhan dan,nguoi dan,"
                  "toan dan,quan chung,dong bao,cac ho gia dinh,ho gia dinh,cac ho dan,ho dan")


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


PLACES = phrases("thanh pho,trung uong,dia phuong,tinh,huyen,xa,phuong,thi xa,thi tran,dac khu")  # "tỉnh", "thành phố", "địa phương"


def ends_placed(toks: list[Tok], last: int) -> bool:
    """Whether the name ending at token `last` ends with its place ("… huyện", "… Tỉnh ủy")."""
    return toks[last].f in _LOCALITY or " ".join(t.f for t in toks[last - 1 : last + 1]) in _LOCALITY


# the level a name ends with when it is written in lower case ("Ủy ban nhân dân tỉnh", "Ban Chỉ huy Quân sự xã")
_LEVEL_END = frozenset({"tinh", "huyen", "xa", "phuong", "quan", "thi xa", "thanh pho", "thi tran", "dac khu"})
# lower-case words a name goes on with after its level: "… tỉnh ủy", "… xã hội", "… xã đội", "… thành phố trực
# thuộc Trung ương", "… xã vùng cao", "… xã biên giới", "… xã đặc biệt khó khăn"
_AFTER_LEVEL: Final = frozenset({"uy", "hoi", "doi", "truc", "thuoc", "va", "vung", "bien", "dac", "khu", "cap"})


def level_ends_name(toks: list[Tok], start: int, last: int, j: int) -> bool:
    """Whether the name toks[start:last + 1], given work ("giao", "đề nghị", "yêu cầu" before it), ends
    with its level written in lower case and the lower-case word at j, no word of a body's name, starts
    what the body does ("Giao Ủy ban nhân dân tỉnh chỉnh sửa …", "Giao Ban Chỉ huy Quân sự xã huấn
    luyện …"): the name ends at its level. A proper name goes on
    in capitals ("… tỉnh Đồng Tháp"), and "… tỉnh ủy", "… xã hội", "… trực thuộc Trung ương" are words
    of a name (_AFTER_LEVEL)."""
    t = toks[j]
    if j != last + 1 or last <= start or not toks[start].cap or toks[last].cap or not t.word or t.cap \
            or t.f.isdigit() or t.f in _AFTER_LEVEL:
        return False  # (asked first: owner_list() asks at every word of a name, and these are cheap)
    before = " ".join(x.f for x in toks[max(0, start - 2) : start])
    if not (before.endswith(("giao", "giao cho")) or before in ("de nghi", "yeu cau")):
        return False  # a subject keeps its name up to a known verb ("Bảo hiểm xã hội tỉnh thu …" is no charge)
    end = toks[last].f if toks[last].f in _LEVEL_END else " ".join(x.f for x in toks[last - 1 : last + 1])
    return end in _LEVEL_END


def unit_of(toks: list[Tok], start: int, last: int, k: int) -> bool:
    """Whether the name toks[start:last + 1] is a unit of the body named at toks[k] (after a comma)."""
    head = toks[start]
    parents = _UNIT_PARENTS.get(head.f)
    if parents is None or not head.cap or last <= start or not toks[start + 1].cap or k >= len(toks):
        return False
    if ends_placed(toks, last):
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


_UNIT_FIRST: Final = frozenset(h.split()[0] for h in _UNIT_HEADS)


def descriptive(toks: list[Tok], start: int, head: int, j: int) -> bool:
    """Whether toks[start:j] is a unit's descriptive name: a capitalised unit head, a capitalised word
    and at least two lower-case ones ("Trung tâm Kiểm soát bệnh tật", "Hội đồng Giáo dục quốc phòng")."""
    if toks[start].f not in _UNIT_FIRST or not toks[start].cap or start + head >= j:
        return False
    name = toks[start + 1 : j]
    return any(t.cap for t in name) and sum(1 for t in name if t.word and not t.cap) >= 2


# Committees named by their purpose, in lower case after the head: "Ban Chỉ đạo xây dựng nông thôn mới xã"
_PURPOSE_HEADS = frozenset({"ban chi dao", "ban chi huy", "to cong tac", "ban quan ly", "hoi dong", "to giup viec"})


def placed_name_goes_on(toks: list[Tok], start: int, head: int, j: int, v: int) -> int:
    """Where a unit's descriptive name ends when the predicate at j is a word of it followed, within a
    few words, by the name's place ("Ban Quản lý dự án đầu tư xây dựng tỉnh chủ trì", "Ban Chỉ đạo xây
    dựng nông thôn mới xã chỉ đạo"), else 0: the place and then a predicate, a mark or the end; the name
    a descriptive one, or a committee's head that its purpose follows."""
    purpose = j == start + head and toks[start].cap and " ".join(t.f for t in toks[start:j]) in _PURPOSE_HEADS
    if not purpose and not descriptive(toks, start, head, j):
        return 0
    if ends_placed(toks, j - 1):
        return 0  # "Phòng Kinh tế huyện hướng dẫn xã, …": placed already, the predicate is the owner's
    n = len(toks)
    k = j + v
    while k < n and k - j < 8 and toks[k].word and not toks[k].cap and not phrase_len(PLACES, toks, k):
        if toks[k].f in NAME_STOP or toks[k].f != "moi" and org_at(toks, k) or phrase_len(PEOPLE, toks, k):
            return 0  # ("mới" folds like the determiner "mọi")
        k += 1  # "… quản lý khai thác công trình thủy lợi | tỉnh"
    p = phrase_len(PLACES, toks, k) if k < n else 0
    if not p or toks[k].cap:
        return 0
    m = k + p
    if m >= n or toks[m].f in END_PUNCT or toks[m].f in (",", "(", ")") or verb_at(toks, m):
        return m
    return 0


def described(toks: list[Tok], start: int, head: int, j: int) -> int:
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
        if not t.word or t.cap or t.f in NAME_STOP or org_at(toks, m):
            return 0
        if verb_at(toks, m):
            return m if m > j else 0
        m += 1
    return 0


def joint_topic(toks: list[Tok], start: int, j: int, k: int) -> bool:
    """Whether "và" at j joins two abbreviated words of one name ("Sở NN và PTNT", "Sở KH và ĐT"): a head in
    words, an abbreviation before "và" and one after it that heads no body ("UBND" does)."""
    return (k < len(toks) and toks[k].upper and toks[j - 1].upper and j - 1 > start and not toks[start].upper
            and not phrase_len(ORG_HEADS, toks, k))


def joint_office(toks: list[Tok], start: int, last: int, k: int) -> bool:
    """Whether "Văn phòng X" (X not yet placed) goes on with "và/- Y": the office of two bodies
    ("Văn phòng HĐND và UBND xã", "Chánh Văn phòng Đoàn ĐBQH và HĐND tỉnh"), not two owners."""
    office = next((p for p in range(start, min(last, start + 3)) if toks[p].f == "van" and toks[p + 1].f == "phong"
                   and toks[p].cap), None)
    return (office is not None and office + 1 < last and k < len(toks) and toks[k].cap
            and not ends_placed(toks, last) and org_at(toks, k) > 0)


# Words after a verb that say how ("quản lý chặt chẽ", "quản lý tốt"): the verb is a predicate, not a name's word
HOW = frozenset({"chat", "tot", "nghiem", "hieu", "co", "va", "thong", "dung", "toan", "hoat", "su", "tai"})


def kept_word(toks: list[Tok], j: int) -> bool:
    """Whether a lower-case word that ends most names belongs to this one: "cấp ủy đảng", "tổ chức đảng",
    "tổ chức cơ sở đảng", "đảng bộ" (the Party's), "Đoàn cấp trên", "cấp dưới" (the level)."""
    prev = toks[j - 1].f
    f = toks[j].f
    nxt = toks[j + 1].f if j + 1 < len(toks) else ""
    if f == "dang" and nxt in ("bo", "uy") and not toks[j].cap or f == "bo" and prev == "dang":
        return True  # "cấp ủy các chi bộ, đảng bộ cơ sở": a Party committee listed after a comma
    if f == "dang" and prev in ("uy", "chuc", "so") and not toks[j].cap:
        # "đang" (in progress) folds alike and goes on with its verb: "đảng" where the name ends, and always
        # in "cấp ủy đảng" (the set phrase)
        return prev == "uy" or j + 1 == len(toks) or toks[j + 1].f in (",", "va", ";", ".", ":", ")")
    return f in ("tren", "duoi") and prev == "cap"


# predicates that charge the ones a relative clause ("được …") describes
_CHARGES = frozenset({"chiu trach nhiem", "co trach nhiem", "chu tri", "khan truong", "chu dong", "to chuc",
                      "trien khai", "thuc hien"})


def charged_after(toks: list[Tok], k: int) -> int:
    """Where a predicate that charges someone starts, within a few words after k and in the clause; 0 when none."""
    for m in range(k, min(len(toks), k + 24)):
        if toks[m].f in END_PUNCT or toks[m].f == ",":
            return 0
        v = verb_at(toks, m)
        if v and " ".join(x.f for x in toks[m : m + v]) in _CHARGES:
            return m
    return 0


_DUTIES = frozenset({"co trach nhiem", "chiu trach nhiem"})


def duty_after(toks: list[Tok], k: int) -> int:
    """Where "có trách nhiệm" / "chịu trách nhiệm" starts within a few words after k in the clause; 0 when none:
    "cơ quan, tổ chức, đơn vị giới thiệu người ứng cử có trách nhiệm …" (the ones who nominated, then their duty)."""
    for m in range(k, min(len(toks), k + 12)):
        if toks[m].f in END_PUNCT or toks[m].f == ",":
            return 0
        v = verb_at(toks, m)
        if v and m > k and " ".join(x.f for x in toks[m : m + v]) in _DUTIES:
            return m
    return 0


def after_dash(toks: list[Tok], start: int, last: int, j: int) -> tuple[int, int]:
    """What the dash at j does to the name toks[start:last + 1]: (k, 0) when the name goes on from token k, (0, m) when
    a second name of the same body follows in apposition up to its predicate at m, (0, 0) when the name ends there."""
    n = len(toks)
    k = j + 1
    t = toks[j]
    if k + 1 < n and toks[k].f == "xa" and toks[k + 1].f == "hoi" and not toks[k].cap:
        return k, 0  # "các tổ chức chính trị - xã hội", "Ban Kinh tế - xã hội": society, no commune
    if joint_office(toks, start, last, k):
        return k, 0  # "Văn phòng HĐND - UBND xã"
    if k < n and toks[k].upper and toks[j - 1].upper and toks[j - 1].end == t.start and t.end == toks[k].start:
        return k, 0  # "Phòng TC-KH": one abbreviation written with a hyphen
    if k < n and not toks[k].cap and phrase_len(PLACES, toks, k) and (phrase_len(PLACES, toks, last) or toks[last].f == "quan"):
        return k, 0  # "Ủy ban nhân dân quận-huyện, xã, phường": places joined by a hyphen
    if org_at(toks, k) and toks[k].f not in ROLE_FIRST:
        return k, 0  # "Ban Công tác đặc biệt - Ủy ban Chuyên trách Chính phủ": one body's two names
    if org_at(toks, k):  # apposition: "Công an tỉnh - Cơ quan Thường trực ..."
        m = k
        while m < n and not verb_at(toks, m) and toks[m].f not in END_PUNCT and m - k < 20:
            m += 1
        return 0, m
    if k < n and toks[k].cap:
        return k, 0
    return 0, 0
