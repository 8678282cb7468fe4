"""Who a clause's words ask or give the work to (pure): "đề nghị X", "giao X chủ trì, Y phối hợp",
"giao nhiệm vụ cho X", "ủy quyền cho X", "kính trình X", and the one cooperated with ("phối hợp với Y").

roles.py holds what an owner reading is (Owners, Given) and the readings that need no request word
(directed, vague, marked); owners.py finds the clauses and asks these readings of each.
"""

from __future__ import annotations

import re
from typing import Final

from dondoc.parse.heads import org_at, verb_at
from dondoc.parse.lines import Tok
from dondoc.parse.names import END_PUNCT, name_texts, owner_list
from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.roles import Owners, _directed, _past_paired, cooperates_before, marked_lead

_TRIGGERS = (("de", "nghi"), ("giao",), ("yeu", "cau"), ("phan", "cong"), ("dieu", "dong"), ("kinh", "trinh"),
             ("uy", "quyen"))
_TRIGGER_FIRST = frozenset(tr[0] for tr in _TRIGGERS)
# requests() looks a trigger up by its first word (no two share one) and checks its second, if any
_TRIGGER_BY_FIRST: Final[dict[str, tuple[str, ...]]] = {tr[0]: tr for tr in _TRIGGERS}
assert len(_TRIGGER_BY_FIRST) == len(_TRIGGERS) and all(len(tr) <= 2 for tr in _TRIGGERS)
REQUEST_FIRST: Final = _TRIGGER_FIRST | {"phoi"}  # the words requests() acts on
REQUEST_VERBS = frozenset({"de nghi", "yeu cau", "giao", "phan cong", "dieu dong", "kinh trinh", "uy quyen"})
# What is given before whom it is given to: "giao nhiệm vụ cho", "giao chỉ tiêu cho", "phân công trách nhiệm cho"
WHAT_FOR = re.compile(r"\s+(?:nhiem vu|chi tieu|trach nhiem|cong viec|ke hoach|kinh phi)\s+(?:cu the\s+)?cho(?=\s)")
_WHAT_WORDS = frozenset({"nhiem", "chi", "trach", "cong", "ke", "kinh"})
WITH_WORDS: Final = ("voi", "cung")
# what "ủy quyền" describes after these words: a delegation held ("được ủy quyền"), a paper of it ("giấy ủy quyền"),
# funds passed down ("cấp kinh phí ủy quyền cho UBND cấp xã", "ngân sách … ủy quyền"), no work given out
_HELD_BY_DELEGATION = frozenset({"duoc", "giay", "phi", "sach", "von", "tien"})
# words before which "giáo"/"giao" is a word of a name ("Ban Tuyên giáo", "Sở Dân tộc và Tôn giáo", "Bộ Ngoại giao")
_GIAO_IN_NAMES = frozenset({"tuyen", "ton", "ngoai"})  # "phối hợp với X", "phối hợp cùng X"


# "công tác phối hợp Nhà trường - Gia đình - Xã hội", "quy chế phối hợp …": the cooperation named as a piece
# of work, not a request to cooperate with whom it names
_WORK_NOUNS = frozenset({("cong", "tac"), ("quy", "che"), ("chuong", "trinh"), ("ke", "hoach")})


# "lập văn bản đề nghị X", "có công văn kèm danh sách đối tượng đề nghị X": a paper that asks X (what the
# subject sends), not a request of the dispatch to X; the paper a few words in lower case before "đề nghị"
_PAPERS = frozenset({("van", "ban"), ("cong", "van"), ("to", "trinh"), ("ho", "so"), ("bien", "ban"), ("giay", "to"),
                     ("danh", "sach")})
_PAPER_REACH = 8


# "… đôn đốc và tạo điều kiện cho B thực hiện": the words between the urging and whom it urges
_HELPING = ("va", "tao", "dieu", "kien", "cho")


def _past_helping(toks: list[Tok], k: int) -> int:
    """Where the urged names start after "đôn đốc": past "và tạo điều kiện cho" when it follows."""
    return k + len(_HELPING) if tuple(t.f for t in toks[k : k + len(_HELPING)]) == _HELPING else k


def _paper_asks(toks: list[Tok], i: int) -> bool:
    for k in range(i - 1, max(0, i - _PAPER_REACH) - 1, -1):
        if not toks[k].word or toks[k].cap or toks[k].f.isdigit():
            return False  # a mark, a name, a number: a new clause or a cited document, no paper of this one
        if k and (toks[k - 1].f, toks[k].f) in _PAPERS and not toks[k - 1].cap:
            return True
    return False


def _proposes(toks: list[Tok], i: int) -> bool:
    """Whether the "đề nghị" at i is the subject's own second verb ("X xét, đề nghị UBND tỉnh khen
    thưởng", "… để xem xét, đề nghị …"): X proposes to the body named after it, who is asked nothing."""
    if i < 2 or toks[i - 1].f not in (",", "va"):
        return False
    if toks[i - 2].f == "xet":  # "xét, đề nghị": consider, then propose (a verb no name ends at)
        return True
    return any(k >= 0 and verb_at(toks, k) and k + verb_at(toks, k) == i - 1 for k in (i - 2, i - 3))


def _relayed(toks: list[Tok], i: int) -> bool:
    """Whether the "yêu cầu"/"đề nghị" at i is the duty of a body just given work ("Giao nhiệm vụ Ban Quản lý
    các KCN yêu cầu các doanh nghiệp …"): that body asks, the ones it asks lead nothing of the item."""
    for k in range(i - 1, max(-1, i - 16), -1):
        f = toks[k].f
        if f in (".", ";", ":", ",", "!", "?"):
            return False
        if f == "giao" and k + 1 < i:
            m = k + 1 + (2 if toks[k + 1].f == "nhiem" and k + 2 < i and toks[k + 2].f == "vu" else 0)
            m += m < i and toks[m].f == "cho"
            if m < i and org_at(toks, m) > 0:
                return True  # (a "giao" that is a word of a name, "Sở Giao thông …", is passed over)
    return False


def _named_work(toks: list[Tok], i: int) -> bool:
    return i >= 2 and (toks[i - 2].f, toks[i - 1].f) in _WORK_NOUNS or i >= 1 and toks[i - 1].f == "viec"


def requests(text: str, toks: list[Tok], found: Owners) -> int:
    """Owners asked or given the work ("đề nghị X", "giao X chủ trì, Y phối hợp"), and "phối hợp với Y".

    Returns how far (in tokens) the owner lists read.
    """
    n = len(toks)
    reach = 0
    i = 0
    # only a token that can start a request or "phối hợp" does anything: go from one to the next
    starts = [k for k, t in enumerate(toks) if t.f in REQUEST_FIRST]
    si = 0
    while i < n:
        while si < len(starts) and starts[si] < i:
            si += 1
        if si == len(starts):
            break
        i = starts[si]
        t = toks[i]
        trig = _TRIGGER_BY_FIRST.get(t.f)
        if trig is not None and len(trig) > 1 and not (i + 1 < n and toks[i + 1].f == trig[1]):
            trig = None  # every trigger is one word or two
        if trig == ("de", "nghi") and (_paper_asks(toks, i) or _proposes(toks, i)):
            trig = None
        if trig in (("de", "nghi"), ("yeu", "cau")) and _relayed(toks, i):
            trig = None
        if trig == ("uy", "quyen") and (i and toks[i - 1].f in _HELD_BY_DELEGATION
                                        or not (i + 2 < n and (toks[i + 2].f == "cho" or org_at(toks, i + 2)))):
            trig = None  # "ủy quyền (cho) X …" gives X the work as "giao X" does; "được ủy quyền", "giấy ủy quyền" do not
        if trig and not (trig == ("giao",) and i and (toks[i - 1].f in ("duoc", "ban", "tuyen") or toks[i - 1].f in _GIAO_IN_NAMES and t.cap is False)):
            j = i + len(trig)
            if j < n and toks[j].f == "cho":
                j += 1
            elif j + 2 < n and toks[j].f == "dong" and toks[j + 1].f == "chi" and toks[j + 2].cap:
                j += 2  # "giao đồng chí Giám đốc Sở …": the office, not the person
            elif (j + 3 < n and toks[j].f == "cac" and toks[j + 1].f == "dong" and toks[j + 2].f == "chi" and toks[j + 3].cap
                  and not found.lead):
                # "đề nghị các đồng chí Bí thư chi bộ …": the post, not the persons; not after the owner already
                # given the work ("Giao A phân công các đồng chí Ủy viên … theo dõi": A shares the work out)
                j += 3
            elif j < n and toks[j].f in _WHAT_WORDS:
                c = WHAT_FOR.match(fold_keep_length(text), toks[j - 1].end)
                if c is not None:
                    j = next((k for k in range(j, n) if toks[k].start >= c.end()), n)  # "giao nhiệm vụ cho Sở X"
            ol = owner_list(toks, j)
            reach = max(reach, ol.reach)
            if ol.names:
                phrase = text[t.start : toks[min(ol.end, n) - 1].end]
                if trig == ("kinh", "trinh"):
                    # "X kính trình đồng chí Giám đốc xem xét, phê duyệt": the one who decides is asked, not X
                    found.lead, found.lead_why = [], []
                marked = marked_lead(text, ol.names)  # "giao Sở A (chủ trì), Sở B …": A leads, B cooperates
                found.add_lead(marked or name_texts(text, ol.names), f'"{phrase}"')
                if marked:
                    found.add_support([x for x in name_texts(text, ol.names) if x not in marked], f'"{phrase}"')
                i = ol.end
                if ol.verb == 2 and toks[ol.end].f == "chi" and toks[ol.end + 1].f == "dao":
                    reach = max(reach, _directed(text, toks, _past_paired(toks, ol.end + 2), found))  # "Đề nghị A chỉ đạo B …"
                elif ol.verb == 2 and toks[ol.end].f == "don" and toks[ol.end + 1].f == "doc":
                    # "Đề nghị A đôn đốc (và tạo điều kiện cho) B thực hiện …": B does the work A urges on
                    reach = max(reach, _directed(text, toks, _past_helping(toks, ol.end + 2), found))
                # "Giao A chủ trì, B phối hợp": B supports
                if ol.verb and " ".join(x.f for x in toks[ol.end : ol.end + ol.verb]) == "chu tri":
                    k = ol.end + ol.verb
                    if k < n and toks[k].f == ",":
                        ol2 = owner_list(toks, k + 1)
                        reach = max(reach, ol2.reach)
                        if ol2.names and ol2.verb and toks[ol2.end].f == "phoi":
                            found.add_support(name_texts(text, ol2.names), f'"{text[toks[k + 1].start:toks[ol2.end + 1].end]}"')
                continue
        if t.f == "phoi" and i + 1 < n and toks[i + 1].f == "hop" and not _named_work(toks, i):
            j = i + 2
            k = j
            # "phối hợp với X", "phối hợp cùng X" (as communes write it), "phối hợp [the work] với X"
            while k < n and k - j < 3 and toks[k].f not in WITH_WORDS and toks[k].word and not org_at(toks, k):
                k += 1
            if k < n and toks[k].f in WITH_WORDS:
                j = k + 1
            ol = owner_list(toks, j)
            reach = max(reach, ol.reach)
            if ol.names and (ol.verb or j > i + 2 or ol.end >= n or toks[ol.end].f in END_PUNCT or toks[ol.end].f == ","):
                phrase = text[t.start : toks[min(ol.end, n) - 1].end]
                found.add_support(name_texts(text, ol.names), f'"{phrase}"')
                i = ol.end
                if i < n and toks[i].f == ":" and cooperates_before(toks, i):
                    listed = owner_list(toks, i + 1)  # "phối hợp với các cơ quan chức năng: Sở Y tế, …"
                    reach = max(reach, listed.reach)
                    if listed.names:
                        found.add_support(name_texts(text, listed.names), f'"{phrase}: …" lists them')
                        i = listed.end
                continue
        i += 1
    return reach
