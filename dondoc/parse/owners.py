"""Who is given the work: lead and support owners named in a piece of text (pure).

Roles: the subject of a predicate ("Sở Y tế chủ trì"), the one asked or given the work ("đề nghị X",
"giao X"), the one who cooperates ("phối hợp với Y"), a heading that names its owner. Where a name
starts and ends is names.py's and heads.py's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from dondoc.parse.heads import FIRST_TOKEN, HEAD_WORDS, head_tokens, head_at, org_at
from dondoc.parse.lines import Tok, first_tokens, tokenize, tokens_between
from dondoc.parse.names import END_PUNCT, OwnerList, name_texts, owner_list
from dondoc.parse.normalize import fold_keep_length

__all__ = ["Given", "Owners", "find_owners", "head_at", "label_owners", "org_at", "owner_list", "subject_before",
           "without_address"]

_TRIGGERS = (("de", "nghi"), ("giao",), ("yeu", "cau"), ("phan", "cong"), ("dieu", "dong"))
_TRIGGER_FIRST = frozenset(tr[0] for tr in _TRIGGERS)
_REQUEST_FIRST = _TRIGGER_FIRST | {"phoi"}  # the words _requests() acts on
_REQUEST_VERBS = frozenset({"de nghi", "yeu cau", "giao", "phan cong", "dieu dong"})


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
        if t.f in (".", ";", "!", "?", ":") and k + 1 < len(toks):
            starts.append(k + 1)
    return starts


_COMRADE = re.compile(r"\s*(?:[Đđ]ồng chí|[Đđ]/[Cc]|[Đđ]c\.)\s+(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ])")


def without_address(text: str) -> str:
    """The text without a leading "Đồng chí" / "Đ/c" before a post: the post names the owner."""
    m = _COMRADE.match(text)
    return text[m.end() :] if m else text


def label_owners(label: str, *, only: bool = False) -> list[str]:
    """Owners a heading or bold label names in full ("Sở Thông tin và Truyền thông", "Công an tỉnh:"),
    or followed by their predicate ("Sở Y tế chủ trì"); `only`: nothing but owners. A person addressed
    by post ("Đồng chí Phó Chủ tịch UBND xã phụ trách kinh tế") is named by the post."""
    label = without_address(label)
    toks = tokenize(label)
    if not toks or (label.isupper() and len(toks) > 2):
        return []  # an all-capital section heading, not an owner
    if label.isupper() and toks[0].f not in HEAD_WORDS and not label[toks[0].start : toks[0].end].isascii():
        return []  # "NỘI DUNG", "NHIỆM VỤ": words in capitals, not an abbreviation (UBND, MTTQ)
    ol = owner_list(toks, 0)
    rest = [t for t in toks[ol.end :] if t.f not in (":", ".", ")", "(")]
    if ol.names and (not rest or ol.verb and not only):
        return name_texts(label, ol.names)
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
            return name_texts(label, spans)
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



# What is given before whom it is given to: "giao nhiệm vụ cho", "giao chỉ tiêu cho", "phân công trách nhiệm cho"
_WHAT_FOR = re.compile(r"\s+(?:nhiem vu|chi tieu|trach nhiem|cong viec|ke hoach|kinh phi)\s+(?:cu the\s+)?cho(?=\s)")
_WHAT_WORDS = frozenset({"nhiem", "chi", "trach", "cong", "ke", "kinh"})


def _ask_names(text: str, folded: str, m: re.Match[str], end: int) -> bool:
    """Whether the request or "phối hợp" matched by _ASK is followed by an owner's head before `end`."""
    after = m.end()
    if not m.group(1):
        cho = FIRST_TOKEN.match(folded, after, end)
        if cho is not None and cho.group(1) == "cho":
            after = cho.end()
        elif cho is not None and cho.group(1) == "dong" and folded.startswith(" chi ", cho.end()):
            after = cho.end() + 4  # "giao đồng chí Giám đốc Sở …": the office, not the person
        if head_at(text, folded, after, end):
            return True
        c = _WHAT_FOR.match(folded, after, end)  # "giao nhiệm vụ cho Sở X"
        return c is not None and head_at(text, folded, c.end(), end)
    if head_at(text, folded, after, end):
        return True
    if "voi" not in folded[after : after + 200]:
        return False
    first = FIRST_TOKEN.match(folded, after, end)
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




_DONG_CHI = re.compile(r"\s*(?:cac\s+)?dong chi ")
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
        head_toks = head_tokens(text, folded, s, e)
        dc = _DONG_CHI.match(folded, s, e) if head_toks is None and "dong chi" in folded[s : s + 16] else None
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
            # the first 8 tokens are those head_tokens made (they end before `we`, so the shorter
            # span cuts none of them); tokenizing goes on from the end of the last, as it would
            toks = head_toks + tokens_between(text, head_toks[-1].end, we)
        else:
            toks = tokens_between(text, ws, we)
        if ws > s and sum(1 for t in toks[:3] if t.start < asks[0]) < 3:
            ws, toks = s, tokens_between(text, s, we)  # "giao" looks two words back
        out.append(_Clause(toks, ws == s, we < e, (s, e), bool(asks)))
    return out


# Words before the owners a heading line names: "Trách nhiệm của các Bộ, ngành", "Đối với UBND các xã"
_LINE_LEAD = re.compile(r"(?:(?:trach nhiem|nhiem vu)(?: cua)?|doi voi|rieng|giao)\s+")


def line_owners(line: str) -> list[str]:
    """The owners a heading line names and nothing else ("Bộ Quốc phòng", "Trách nhiệm của các Bộ, ngành,
    địa phương; Ủy ban MTTQ tỉnh", "Phòng Văn hóa - Xã hội:")."""
    line = line.strip(" *:.")
    if not line or len(line) > 300:
        return []
    m = _LINE_LEAD.match(fold_keep_length(line))
    return label_owners(line[m.end():] if m else line, only=True)


def find_owners(text: str, *, directs: bool = True) -> Owners:
    """Lead and support owners stated in one sentence group (an item's text or a bullet).

    A first line that is nothing but owners, over the lines that give their duties ("Bộ Quốc phòng⏎
    Chủ trì, phối hợp với …"), names the lead."""
    clauses = _clauses(text)
    nl = text.find("\n")
    first = line_owners(text[:nl]) if 0 < nl < 300 else []
    while True:
        found = Owners(directs=directs)
        if first:
            found.add_lead(first, f'the line "{text[:nl].strip()}" over the duties names it')
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
            if first and len(found.lead) > len(first):
                # the line over the duties names their owner: the names its sentences use are not more owners
                found.lead, found.lead_why = list(first), found.lead_why[:1]
            return found
        for c in short:  # an owner list ran to the end of the words tokenized: take the whole clause
            c.toks, c.at_start, c.cut, c.asks = tokens_between(text, *c.span), True, False, True


def _only_owners(text: str, c: _Clause) -> list[str]:
    """The owners of a whole clause that is nothing but them and a ";" ("Các sở, ban, ngành tỉnh;")."""
    toks = c.toks
    if c.cut or len(toks) < 2 or toks[-1].f != ";":
        return []
    ol = owner_list(toks, 0)
    return name_texts(text, ol.names) if ol.names and not ol.verb and ol.end == len(toks) - 1 else []


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


def _subjects(text: str, toks: list[Tok], found: Owners) -> int:
    """Owners written as the subject of a clause: "Sở Y tế chủ trì", "Công an tỉnh phối hợp".

    Returns how far (in tokens) the owner lists read.
    """
    n = len(toks)
    reach = 0
    for s in _clause_starts(toks):
        if s + 3 < n and toks[s].f == "cac" and toks[s + 1].f == "dong" and toks[s + 2].f == "chi" and toks[s + 3].cap:
            s += 3  # "Các đồng chí Ủy viên UBND xã …": the post, not the persons
        if s + 2 < n and toks[s].f == "dong" and toks[s + 1].f == "chi" and toks[s + 2].cap:
            s += 2  # "Đồng chí Giám đốc Sở …": the office, not the person
        ol = owner_list(toks, s)
        reach = max(reach, ol.reach)
        if not ol.names:
            ol, s = _after_opening(toks, s)
            reach = max(reach, ol.reach)
        if ol.names and ol.verb:
            verb = " ".join(t.f for t in toks[ol.end : ol.end + ol.verb])
            names = name_texts(text, ol.names)
            nxt = toks[ol.end + ol.verb].f if ol.end + ol.verb < n else ""
            if verb in _REQUEST_VERBS and (verb in ("de nghi", "yeu cau") or _asks_someone(toks, ol.end + ol.verb)):
                continue  # the one who asks is not the one who does
            if verb == "phoi hop" and nxt != "voi" and found.lead:
                found.add_support(names, f'"{text[toks[s].start:toks[ol.end].end]}" (the subject cooperates)')
            else:
                found.add_lead(names, f'subject of the sentence "{text[toks[s].start:toks[ol.end + ol.verb - 1].end]}"')
                if verb == "chi dao":
                    reach = max(reach, _directed(text, toks, ol.end + ol.verb, found))
    return reach


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
_VAGUE = frozenset({"cac cap", "cac nganh", "cac cap, cac nganh", "cac cap, nganh", "cac cap cac nganh"})


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
            elif j < n and toks[j].f in _WHAT_WORDS:
                c = _WHAT_FOR.match(fold_keep_length(text), toks[j - 1].end)
                if c is not None:
                    j = next((k for k in range(j, n) if toks[k].start >= c.end()), n)  # "giao nhiệm vụ cho Sở X"
            ol = owner_list(toks, j)
            reach = max(reach, ol.reach)
            if ol.names:
                phrase = text[t.start : toks[min(ol.end, n) - 1].end]
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
    for s in starts:
        if s >= idx:
            continue
        ol = owner_list(toks, s)
        if ol.names and ol.end == idx:
            return name_texts(text, ol.names)
        # "đề nghị X báo cáo", "yêu cầu X báo cáo", "giao X theo dõi, tổng hợp, báo cáo"
        ask = 2 if s + 2 < idx and (toks[s].f, toks[s + 1].f) in (("de", "nghi"), ("yeu", "cau")) else 0
        if not ask and s + 1 < idx and toks[s].f == "giao" and toks[s + 1].cap:
            ask = 1
        if ask:
            ol = owner_list(toks, s + ask)
            # the one asked reports, also after other predicates ("giao X theo dõi, tổng hợp, báo cáo")
            if ol.names and (ol.end == idx or ol.verb and _only_predicates(toks, ol.end, idx)):
                return name_texts(text, ol.names)
    return []
