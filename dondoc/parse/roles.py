"""What an owner reading is (Owners, Given), and the readings of a clause that need no request word (pure):
the one directed by another ("A chỉ đạo B thực hiện"), a vague collective ("các cấp, các ngành"), a lead
marked as such ("giao Sở A (chủ trì), Sở B"). asked.py reads the one asked or given the work ("đề nghị X",
"giao X chủ trì, Y phối hợp") and the one cooperated with; subjects.py the subject of a predicate ("Sở Y tế
chủ trì"). owners.py finds the clauses where an owner can be named and asks these readings of each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final, NamedTuple

from dondoc.parse.heads import org_at, verb_at
from dondoc.parse.lines import Tok
from dondoc.parse.names import END_PUNCT, OwnerList, name_texts, owner_list
from dondoc.parse.normalize import fold_keep_length, match_key


class Given(NamedTuple):
    """Owners an item receives from above it: a heading that names them, a section's request ("Giao Sở
    Nội vụ chủ trì thực hiện các nhiệm vụ sau:"), a block of fields ("Cơ quan chủ trì: …")."""

    lead: list[str]
    why: str
    support: list[str] = []
    binding: bool = False  # fields: they outweigh the names the item's own sentences use


def _body_key(name: str) -> str:
    """match_key(), also where the Front is written with or without its country ("Ủy ban MTTQ Việt Nam phường" and
    "Ủy ban MTTQ phường" are one body)."""
    return match_key(name).replace("mat tran to quoc viet nam", "mat tran to quoc")


@dataclass
class Owners:
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    lead_why: list[str] = field(default_factory=list)
    support_why: list[str] = field(default_factory=list)
    directs: bool = True  # "A chỉ đạo B": B is a lead too (not in one duty among an item's bullets)
    directed: list[str] = field(default_factory=list)  # "Chỉ đạo B …" with no subject: B, beside the item's owner
    fielded: bool = False  # named by the item's own field lines ("Cơ quan chủ trì: …"): nothing outweighs them
    askers: list[str] = field(default_factory=list)  # "A đề nghị/giao B …": A, who gives the work out
    said: list[str] = field(default_factory=list)  # leads read as the subject of a stance ("A thống nhất với …")

    def without_askers(self) -> None:
        """Drop a subject that elsewhere in the text gives the work out ("HĐND tỉnh thống nhất …. HĐND tỉnh
        đề nghị UBND tỉnh …": the body that speaks, not one that does): it asks, another acts."""
        if not self.askers or not self.said:
            return
        asking = {match_key(x) for x in self.askers}
        gone = [x for x in self.said if match_key(x) in asking and x in self.lead]
        if gone and len(gone) < len(self.lead):
            self.lead = [x for x in self.lead if x not in gone]
            self.lead_why = [w for w in self.lead_why if not any(f'"{x}' in w for x in gone)] or self.lead_why

    def add_lead(self, names: list[str], why: str) -> None:
        # one body written twice ("Ủy ban nhân dân xã …", then "UBND xã …") is one owner
        new = [x for x in names if x not in self.lead]
        if new and (self.lead or len(new) > 1):
            seen = {_body_key(x) for x in self.lead}
            kept: list[str] = []
            for x in new:
                k = _body_key(x)
                if k not in seen:
                    seen.add(k)
                    kept.append(x)
            new = kept
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
        if t.f in (".", ";", "!", "?", ":") and k + 1 < len(toks) and not (t.f == ":" and (
                cooperates_before(toks, k) or k and toks[k - 1].f in _EXAMPLES)):
            starts.append(k + 1)
        elif t.f == "thi" and not t.cap and k + 1 < len(toks) and (toks[k + 1].cap or toks[k + 1].f == "cac") and org_at(toks, k + 1):
            # "… đối với hồ sơ đủ điều kiện thì Sở X giới thiệu …", "… thì các cơ quan, đơn vị xác định …": the subject after "thì"
            starts.append(k + 1)
    return starts


# "… các chủ thể như: chủ đầu tư, đơn vị tư vấn …", "… bao gồm: …": the colon lists what is meant (the
# objects of the verb before it), it opens no clause with a subject of its own
_EXAMPLES = frozenset({"nhu", "gom"})


def cooperates_before(toks: list[Tok], k: int) -> bool:
    """Whether the ":" at k lists whom "phối hợp với …" names ("phối hợp với các cơ quan chức năng: Sở Y tế,
    Bộ Chỉ huy quân sự tỉnh …"): the names after it cooperate, they are no subject."""
    for m in range(max(0, k - 10), k - 1):
        if toks[m].f == "phoi" and toks[m + 1].f == "hop":
            return all(toks[x].f not in (".", ";", ":", "!", "?") for x in range(m, k))
    return False


# Who is directed, too vague to be an owner ("chỉ đạo các cấp, các ngành")
_VAGUE = frozenset({"cac cap", "cac nganh", "cac cap, cac nganh", "cac cap, nganh", "cac cap cac nganh",
                    # the forces or bodies "with the function", named by no name
                    "luc luong chuc nang", "cac luc luong chuc nang", "co quan chuc nang", "cac co quan chuc nang",
                    "cac don vi chuc nang", "don vi chuc nang", "cac nganh chuc nang", "nganh chuc nang"})


def vague(name: str) -> bool:
    """A body too vague to lead: "các cấp, các ngành", "lực lượng chức năng", and the levels of a whole
    system ("các cấp công đoàn", "các cấp Hội", "lực lượng công an các cấp": every one of its tiers, no body), or a whole sector
    ("ngành Lao động - Thương binh và Xã hội", "toàn ngành Giáo dục": every office of a field, no body)."""
    f = fold_keep_length(name).lower()
    if f.startswith(("luc luong ", "cac luc luong ")) and f.endswith(" cac cap"):
        return True  # "lực lượng công an các cấp": a whole force at every level, as "các cấp công đoàn"
    return f in _VAGUE or f.startswith(("cac cap ", "nganh ", "toan nganh ")) or (
        "lien quan" in f and _ANY_CONCERNED.match(f) is not None)


# "các cơ quan, đơn vị có liên quan (trên địa bàn)": whoever is concerned, no kind of body named (not "các Sở, ngành
# có liên quan", bodies of a kind)
_ANY_CONCERNED: Final = re.compile(r"(?:cac )?(?:co quan|don vi|to chuc)(?:\s*(?:,|va)\s*(?:cac )?(?:co quan|don vi|to chuc))*"
                                   r"\s+(?:co )?lien quan(?: tren dia ban| o dia phuong)?$")


_MARK: Final = re.compile(r"\s*\(\s*(?:co quan |don vi )?chu tri\s*\)")


def marked_lead(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The one name of a list marked "(chủ trì)" ("Sở Nội vụ (chủ trì), Sở Tài chính"), when there is one
    among several; else none."""
    marked = [sp for sp in spans if _MARK.match(fold_keep_length(text[sp[1] : sp[1] + 24]))
              or _MARK.search(fold_keep_length(text[sp[0] : sp[1]]))]
    return name_texts(text, marked) if len(marked) == 1 and len(spans) > 1 else []


def before_predicate(toks: list[Tok], ol: OwnerList) -> bool:
    """Whether the owners B of "chỉ đạo B …" end where what B does begins: a predicate, the clause's end,
    or one after a comma, "tự" or "cùng" ("B, ban hành …", "B tự kiểm tra …")."""
    n = len(toks)
    if ol.verb or ol.end >= n or toks[ol.end].f in END_PUNCT:
        return True
    after = ol.end + 1 if ol.end + 1 < n and toks[ol.end].f == "," else ol.end
    after += after + 1 < n and toks[after].f in ("tu", "cung") and not toks[after].cap
    return verb_at(toks, after) > 0


# what a directing verb is paired with before whom it directs: "chỉ đạo, hướng dẫn B …", "chỉ đạo và đôn đốc B …"
_PAIRED_DIRECTING = frozenset({("huong", "dan"), ("don", "doc")})


def _past_paired(toks: list[Tok], k: int) -> int:
    """Where the directed names start after "chỉ đạo": past ", hướng dẫn" or "và đôn đốc" when it follows."""
    j = k + 1 if k < len(toks) and toks[k].f in (",", "va") else k
    return j + 2 if j + 2 < len(toks) and (toks[j].f, toks[j + 1].f) in _PAIRED_DIRECTING else k


def _directed(text: str, toks: list[Tok], k: int, found: Owners) -> int:
    """"A chỉ đạo B thực hiện": B, a named body, is a lead as well as A (convention 10 of the gold
    readings); returns how far the list read."""
    ol = owner_list(toks, k)
    if not ol.names or not before_predicate(toks, ol):
        return ol.reach
    names = [x for x in name_texts(text, ol.names) if not vague(x)]
    if not found.directs:
        return ol.reach  # one duty among an item's bullets: B is not the item's lead (convention 22)
    found.add_lead(names, f'directed by the one before "chỉ đạo": "{text[toks[k].start:toks[ol.end - 1].end]}"')
    return ol.reach


