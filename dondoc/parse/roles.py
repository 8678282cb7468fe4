"""Who a clause's words make an owner, and in which role (pure).

The subject of a predicate ("Sở Y tế chủ trì", "Công an tỉnh phối hợp"), the one asked or given the
work ("đề nghị X", "giao X chủ trì, Y phối hợp", "giao nhiệm vụ cho X"), the one directed by another
("A chỉ đạo B thực hiện"), the one cooperated with ("phối hợp với Y"). owners.py finds the clauses
where an owner can be named and asks these readings of each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from dondoc.parse.heads import HEAD_WORDS, org_at, verb_at
from dondoc.parse.lines import Tok
from dondoc.parse.names import END_PUNCT, OwnerList, name_texts, owner_list
from dondoc.parse.normalize import fold_keep_length

_TRIGGERS = (("de", "nghi"), ("giao",), ("yeu", "cau"), ("phan", "cong"), ("dieu", "dong"), ("kinh", "trinh"))
_TRIGGER_FIRST = frozenset(tr[0] for tr in _TRIGGERS)
REQUEST_FIRST = _TRIGGER_FIRST | {"phoi"}  # the words requests() acts on
REQUEST_VERBS = frozenset({"de nghi", "yeu cau", "giao", "phan cong", "dieu dong", "kinh trinh"})
# What is given before whom it is given to: "giao nhiệm vụ cho", "giao chỉ tiêu cho", "phân công trách nhiệm cho"
WHAT_FOR = re.compile(r"\s+(?:nhiem vu|chi tieu|trach nhiem|cong viec|ke hoach|kinh phi)\s+(?:cu the\s+)?cho(?=\s)")
_WHAT_WORDS = frozenset({"nhiem", "chi", "trach", "cong", "ke", "kinh"})


class Given(NamedTuple):
    """Owners an item receives from above it: a heading that names them, a section's request ("Giao Sở
    Nội vụ chủ trì thực hiện các nhiệm vụ sau:"), a block of fields ("Cơ quan chủ trì: …")."""

    lead: list[str]
    why: str
    support: list[str] = []
    binding: bool = False  # fields: they outweigh the names the item's own sentences use


@dataclass
class Owners:
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    lead_why: list[str] = field(default_factory=list)
    support_why: list[str] = field(default_factory=list)
    directs: bool = True  # "A chỉ đạo B": B is a lead too (not in one duty among an item's bullets)
    directed: list[str] = field(default_factory=list)  # "Chỉ đạo B …" with no subject: B, beside the item's owner
    fielded: bool = False  # named by the item's own field lines ("Cơ quan chủ trì: …"): nothing outweighs them

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


def _clause_starts(toks: list[Tok]) -> list[int]:
    starts = [0]
    for k, t in enumerate(toks):
        if t.f in (".", ";", "!", "?", ":") and k + 1 < len(toks) and not (t.f == ":" and cooperates_before(toks, k)):
            starts.append(k + 1)
    return starts


def cooperates_before(toks: list[Tok], k: int) -> bool:
    """Whether the ":" at k lists whom "phối hợp với …" names ("phối hợp với các cơ quan chức năng: Sở Y tế,
    Bộ Chỉ huy quân sự tỉnh …"): the names after it cooperate, they are no subject."""
    for m in range(max(0, k - 10), k - 1):
        if toks[m].f == "phoi" and toks[m + 1].f == "hop":
            return all(toks[x].f not in (".", ";", ":", "!", "?") for x in range(m, k))
    return False


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
            if (f in HEAD_WORDS or t.upper) and org_at(toks, k):
                break  # an owner in the opening phrase: the commas are its list's
            continue
        k1 = k + 3 if k + 3 < n and toks[k + 1].f == "dong" and toks[k + 2].f == "chi" and toks[k + 3].cap else k + 1
        ol = owner_list(toks, k1)
        if ol.names and ol.verb:
            return ol, k1
        break  # the opening phrase ends at its first comma
    return OwnerList(end=s), s


def subjects(text: str, toks: list[Tok], found: Owners) -> int:
    """Owners written as the subject of a clause: "Sở Y tế chủ trì", "Công an tỉnh phối hợp".

    Returns how far (in tokens) the owner lists read.
    """
    n = len(toks)
    reach = 0
    for s in _clause_starts(toks):
        if s + 2 < n and toks[s].f == "chi" and toks[s + 1].f == "dao" and found.directs:
            # "Chỉ đạo Trung tâm Kiểm soát bệnh tật giám sát …": the item's owner (named above it) directs B
            ol = owner_list(toks, s + 2)
            reach = max(reach, ol.reach)
            if ol.names and (ol.verb or ol.end >= n or toks[ol.end].f in END_PUNCT):
                found.directed += [x for x in name_texts(text, ol.names)
                                   if fold_keep_length(x).lower() not in _VAGUE and x not in found.directed]
            continue
        if s + 3 < n and toks[s].f == "cac" and toks[s + 1].f == "dong" and toks[s + 2].f == "chi" and toks[s + 3].cap:
            s += 3  # "Các đồng chí Ủy viên UBND xã …": the post, not the persons
        if s + 2 < n and toks[s].f == "dong" and toks[s + 1].f == "chi" and toks[s + 2].cap:
            s += 2  # "Đồng chí Giám đốc Sở …": the office, not the person
        ol = owner_list(toks, s)
        reach = max(reach, ol.reach)
        if not ol.names:
            ol, s = _after_opening(toks, s)
            reach = max(reach, ol.reach)
        if ol.names and not ol.verb:
            ol = _over_qualifier(toks, ol)
            reach = max(reach, ol.reach)
        if ol.names and ol.verb:
            verb = " ".join(t.f for t in toks[ol.end : ol.end + ol.verb])
            names = name_texts(text, ol.names)
            nxt = toks[ol.end + ol.verb].f if ol.end + ol.verb < n else ""
            if verb in REQUEST_VERBS and (verb in ("de nghi", "yeu cau") or _asks_someone(toks, ol.end + ol.verb)):
                continue  # the one who asks is not the one who does
            if verb == "theo" and not _acts_after(toks, ol.end + 1):
                continue  # "… Ban Chỉ đạo cấp tỉnh theo quy định.": named as what is done, no subject
            if verb in ("da", "da va dang"):
                continue  # "Sở Y tế đã ban hành …": what was done, background, no task
            if verb == "thong bao":
                # "Tổng cục Thuế thông báo để Cục Thuế được biết, báo cáo …": the one told acts
                k = ol.end + ol.verb
                k += k < n and toks[k].f in ("de", "cho")
                told = owner_list(toks, k)
                reach = max(reach, told.reach)
                if told.names:
                    found.add_lead(name_texts(text, told.names), f'told by "{text[toks[s].start:toks[ol.end].end]}"')
                    continue
            if verb == "phoi hop" and nxt != "voi" and found.lead:
                found.add_support(names, f'"{text[toks[s].start:toks[ol.end].end]}" (the subject cooperates)')
            else:
                found.add_lead(names, f'subject of the sentence "{text[toks[s].start:toks[ol.end + ol.verb - 1].end]}"')
                if verb == "chi dao":
                    reach = max(reach, _directed(text, toks, ol.end + ol.verb, found))
    return reach


# words a qualifier between owners and their predicate holds that are no predicate themselves
_QUALIFYING = frozenset({"theo", "trong", "tai", "cua", "voi", "cho", "de", "khi", "sau", "truoc", "tren", "duoi",
                         "ngay", "la", "mot so", "nhung", "doi voi", "cung", "tiep"})
_QUALIFIER_TOKENS = 30
# words a qualifier starts with: "trong phạm vi …", "theo chức năng …", "thuộc …" (not "của": "X của Y" is
# mostly what is said of Y)
_QUALIFIER_OPENS = frozenset({"trong", "theo", "thuoc", "o"})


def _over_qualifier(toks: list[Tok], ol: OwnerList) -> OwnerList:
    """Owners whose list a qualifier interrupts before their predicate: "Hội đồng Dân tộc, các Ủy ban của
    Quốc hội, các Đoàn đại biểu Quốc hội … trong phạm vi nhiệm vụ, quyền hạn của mình tổ chức giám sát":
    the qualifier is passed (the owners listed after it are kept) up to the predicate; without one in the
    clause, the list is left as it was."""
    n = len(toks)
    if ol.end >= n or toks[ol.end].f not in _QUALIFIER_OPENS:
        return ol
    names = list(ol.names)
    m = ol.end
    limit = min(n, ol.end + _QUALIFIER_TOKENS)
    while m < limit:
        f = toks[m].f
        if f in (".", ";", ":", "!", "?", "(", ")"):
            return ol
        if f in (",", "va") and org_at(toks, m + 1):
            more = owner_list(toks, m + 1)
            names += [x for x in more.names if x not in names]
            if more.verb:
                return OwnerList(names=names, end=more.end, verb=more.verb, looked=max(ol.looked, more.looked))
            m = max(more.end, m + 1)
            continue
        v = verb_at(toks, m)
        if v and " ".join(t.f for t in toks[m : m + v]) not in _QUALIFYING:
            return OwnerList(names=names, end=m, verb=v, looked=max(ol.looked, m + 1))
        m += 1
    return ol


def _acts_after(toks: list[Tok], k: int) -> bool:
    """Whether a predicate follows in the clause ("… theo chức năng, nhiệm vụ triển khai …")."""
    for m in range(k, min(len(toks), k + 24)):
        if toks[m].f in (".", ";", ":", "!", "?"):
            return False
        if verb_at(toks, m) and toks[m].f not in ("theo", "trong", "tai", "cua", "voi", "cho", "de", "khi", "sau", "truoc"):
            return True
    return False


def _asks_someone(toks: list[Tok], k: int) -> bool:
    """Whether the request names whom it asks: an owner right after it ("giao Sở X", "yêu cầu các đơn
    vị") or after what is given ("giao nhiệm vụ cho Sở X"); else the subject gives out work to its own
    people ("Ban Thường vụ Hội phân công cán bộ phụ trách các chi hội") and is the owner."""
    n = len(toks)
    if k < n and toks[k].f == "cho":
        k += 1
    if org_at(toks, k):
        return True
    for m in range(k, min(n, k + 5)):
        if toks[m].f in END_PUNCT or toks[m].f == ",":
            return False
        if toks[m].f == "cho" and org_at(toks, m + 1):
            return True
    return False


# Who is directed, too vague to be an owner ("chỉ đạo các cấp, các ngành")
_VAGUE = frozenset({"cac cap", "cac nganh", "cac cap, cac nganh", "cac cap, nganh", "cac cap cac nganh",
                    # the forces or bodies "with the function", named by no name
                    "luc luong chuc nang", "cac luc luong chuc nang", "co quan chuc nang", "cac co quan chuc nang",
                    "cac don vi chuc nang", "don vi chuc nang", "cac nganh chuc nang", "nganh chuc nang"})


def _directed(text: str, toks: list[Tok], k: int, found: Owners) -> int:
    """"A chỉ đạo B thực hiện": B, a named body, is a lead as well as A (convention 10 of the gold
    readings); returns how far the list read."""
    ol = owner_list(toks, k)
    if not ol.names or not (ol.verb or ol.end >= len(toks) or toks[ol.end].f in END_PUNCT):
        return ol.reach
    names = [x for x in name_texts(text, ol.names) if fold_keep_length(x).lower() not in _VAGUE]
    if not found.directs:
        return ol.reach  # one duty among an item's bullets: B is not the item's lead (convention 22)
    found.add_lead(names, f'directed by the one before "chỉ đạo": "{text[toks[k].start:toks[ol.end - 1].end]}"')
    return ol.reach


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
        trig = None
        if t.f in _TRIGGER_FIRST:
            trig = next((tr for tr in _TRIGGERS if all(i + k < n and toks[i + k].f == w for k, w in enumerate(tr))), None)
        if trig and not (trig == ("giao",) and i and (toks[i - 1].f in ("duoc", "ban", "tuyen") or toks[i - 1].cap and t.cap is False and toks[i - 1].word and i > 1 and toks[i - 2].word)):
            j = i + len(trig)
            if j < n and toks[j].f == "cho":
                j += 1
            elif j + 2 < n and toks[j].f == "dong" and toks[j + 1].f == "chi" and toks[j + 2].cap:
                j += 2  # "giao đồng chí Giám đốc Sở …": the office, not the person
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
                found.add_lead(name_texts(text, ol.names), f'"{phrase}"')
                i = ol.end
                if ol.verb == 2 and toks[ol.end].f == "chi" and toks[ol.end + 1].f == "dao":
                    reach = max(reach, _directed(text, toks, ol.end + 2, found))  # "Đề nghị A chỉ đạo B …"
                # "Giao A chủ trì, B phối hợp": B supports
                if ol.verb and " ".join(x.f for x in toks[ol.end : ol.end + ol.verb]) == "chu tri":
                    k = ol.end + ol.verb
                    if k < n and toks[k].f == ",":
                        ol2 = owner_list(toks, k + 1)
                        reach = max(reach, ol2.reach)
                        if ol2.names and ol2.verb and toks[ol2.end].f == "phoi":
                            found.add_support(name_texts(text, ol2.names), f'"{text[toks[k + 1].start:toks[ol2.end + 1].end]}"')
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
