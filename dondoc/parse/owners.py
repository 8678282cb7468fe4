"""Who is given the work: lead and support owners named in a piece of text (pure).

The clauses of a text that may name an owner are found here (cheaply: most clauses are not even
tokenized) and read by subjects.py (the subject), asked.py (asked, cooperating) and roles.py (directed); a first line that is nothing
but owners, over its duties, names the lead (labels.py). Where a name starts and ends is heads.py's
and names.py's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from dondoc.parse.distribute import distribute
from dondoc.parse.heads import FIRST_TOKEN, head_at, head_tokens, org_at
from dondoc.parse.labels import label_owners, line_owners, subject_before, without_address
from dondoc.parse.lines import Tok, first_tokens, tokens_between, unwrapped
from dondoc.parse.named_posts import without_person_names
from dondoc.parse.names import name_texts, owner_list
from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.asked import REQUEST_VERBS, WHAT_FOR, WITH_WORDS, requests
from dondoc.parse.roles import Given, Owners
from dondoc.parse.senders import senders
from dondoc.parse.subjects import LONG_OPENING, subjects

__all__ = ["Given", "Owners", "find_owners", "head_at", "label_owners", "line_owners", "org_at", "owner_list",
           "subject_before", "without_address"]


# A sentence or clause: up to and with the next . ; ! ? : outside parentheses (owner lists skip
# over a parenthesis, so one is never cut).
# A line break inside an item's text (the outline keeps one before a line that starts with a capital:
# "Cải cách tổ chức bộ máy⏎Sở Nội vụ hằng năm …") starts a clause too.
_CHUNK: Final = re.compile(r"[^.;!?:(\n]*(?:\([^)]*\)?[^.;!?:(\n]*)*[.;!?:\n]?")
_INNER_STOP: Final = re.compile(r"[.;!?:](?!$)")
# Begins with the words themselves (the engine then skips to their first letters); the word before is checked by hand.
# The words by their first letter ("đề nghị", "điều động"; "phân công", "phối hợp"): at each "d" or "p"
# the engine tries one branch, not each; group 1 is "phối hợp" (its "p" outside it).
_ASK: Final = re.compile(r"(?:d(?:e\s+nghi|ieu\s+dong)|giao|yeu\s+cau|kinh\s+trinh|uy\s+quyen|p(?:han\s+cong|(hoi\s+hop)))(?![a-z0-9&])")
_WORD_CHARS: Final = frozenset("abcdefghijklmnopqrstuvwxyz0123456789&")



def _ask_names(text: str, folded: str, m: re.Match[str], end: int) -> bool:
    """Whether the request or "phối hợp" matched by _ASK is followed by an owner's head before `end`."""
    after = m.end()
    if not m.group(1):
        cho = FIRST_TOKEN.match(folded, after, end)
        if cho is not None and cho.group(1) == "cho":
            after = cho.end()
        elif cho is not None and cho.group(1) == "dong" and folded.startswith(" chi ", cho.end()):
            after = cho.end() + 4  # "giao đồng chí Giám đốc Sở …": the office, not the person
        elif cho is not None and cho.group(1) == "cac" and folded.startswith(" dong chi ", cho.end()):
            after = cho.end() + 9  # "đề nghị các đồng chí Bí thư chi bộ …": the post, not the persons
        if head_at(text, folded, after, end):
            return True
        c = WHAT_FOR.match(folded, after, end)  # "giao nhiệm vụ cho Sở X"
        return c is not None and head_at(text, folded, c.end(), end)
    if head_at(text, folded, after, end):
        return True
    if "voi" not in folded[after : after + 200] and "cung" not in folded[after : after + 200]:
        return False
    first = FIRST_TOKEN.match(folded, after, end)
    if first is not None and first.group(1) in WITH_WORDS:
        # "phối hợp với X": the loop below stops on "với" at once and asks org_at() of the token after
        # it, which reads no further back (a "với" is no "," or "và") than head_at() reads from there
        return head_at(text, folded, first.end(), end)
    toks = first_tokens(text, after, end, 14)  # "phối hợp [các nội dung] với X"
    k = 0
    while k < len(toks) and k < 3 and toks[k].f not in WITH_WORDS and toks[k].word and not org_at(toks, k):
        k += 1
    return k < len(toks) and toks[k].f in WITH_WORDS and org_at(toks, k + 1) > 0


@dataclass
class _Clause:
    """The tokens of a clause that may name an owner, or of the part of it that can."""

    toks: list[Tok]
    at_start: bool  # toks[0] begins the clause (a subject may stand there)
    cut: bool  # the clause goes on after toks[-1]
    span: tuple[int, int]  # the whole clause, in characters
    asks: bool = True  # it holds a request or "phối hợp" followed by an owner (else only a subject)




_DONG_CHI: Final = re.compile(r"\s*(?:cac\s+)?dong chi ")
# a letter that passes a matter on to a body for it to act: "… chuyển Tờ trình nêu trên đến Sở Tư pháp xem xét …"
_FORWARD = re.compile(r"\b[Cc]huyển\b[^.;:\n]{0,160}?\s+(?:đến|tới)\s+(?=[A-ZĐ])")
_KET_HOP = re.compile(r"(?<=\s)kết hợp với(?=\s)")
# "Đ/c", the abbreviated address ("đề nghị Đ/c Chủ tịch UBND tỉnh"), read as the word it stands for
# (the letter first, the character before it checked after it: the engine skips to each "Đ" or "đ"
# instead of trying the look-behind at every character; the same matches as "(?<![\w/])([Đđ])/[Cc]")
_DC = re.compile(r"([Đđ])(?<![\w/].)/[Cc](?=\s)")
_CHI_DAO = re.compile(r"\s*chi dao ")
_OPENING: Final = 120  # characters an opening phrase before the subject may take ("Ngày 04/10 hằng năm, …")


_COOPERATES = re.compile(r"\bphoi hop voi\b[^.;:]{0,60}:\s*$")


# "… các chủ thể như: chủ đầu tư, …", "… bao gồm: …": the list after the colon is what the clause means, no new clause
_EXAMPLES_COLON = re.compile(r".*\b(?:nhu|gom)\s*:$")


def _joined(spans: list[tuple[int, int]], folded: str) -> list[tuple[int, int]]:
    """The clauses, with one that ends "phối hợp với các cơ quan chức năng:" (or "… như:", "… gồm:") joined to
    the list after it."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and folded[out[-1][1] - 1 : out[-1][1]] == ":" and (
                _COOPERATES.search(folded, max(out[-1][0], out[-1][1] - 100), out[-1][1])
                or _EXAMPLES_COLON.match(folded, max(out[-1][0], out[-1][1] - 6), out[-1][1])):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


_THI: Final = re.compile(r" thi (?=\S)")
_EVERY: Final = re.compile(r"\s*(?:hang|dinh) (?:ngay|tuan|thang|quy|nam|ky) ")


def _subject_after_thi(text: str, folded: str, s: int, e: int) -> bool:
    """Whether a subject follows "thì" in the clause ("Sau khi kiểm tra, đối với hồ sơ đủ điều kiện thì Sở
    Lao động - Thương binh và Xã hội giới thiệu …"): the clause is read from its start."""
    # ("… thì các cơ quan, đơn vị xác định trách nhiệm …": a collective subject, in lower case)
    return any((text[m.end()].isupper() or folded.startswith("cac ", m.end())) and head_at(text, folded, m.end(), e)
               for m in _THI.finditer(folded, s, e))


def _clauses(text: str) -> list[_Clause]:
    """The clauses that may name an owner, tokenized only where they can; the others not at all.

    A clause names an owner when it starts with an owner's head or holds a request (đề nghị,
    giao, yêu cầu, phân công, điều động) or "phối hợp" followed by one. Of a long clause only the
    words from a little before its first request to a little after its last one are tokenized.
    """
    folded = fold_keep_length(text)
    out: list[_Clause] = []
    spans = _joined([m.span() for m in _CHUNK.finditer(text) if m.end() > m.start()], folded)
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
        if not head and "chi dao" in folded[s : s + 12]:
            cd = _CHI_DAO.match(folded, s, e)  # "Chỉ đạo Trung tâm … giám sát": whom the item's owner directs
            head = cd is not None and head_at(text, folded, cd.end(), e)
        asks = asks_in.get(k, [])
        opened = s  # where the subject may start: after an opening phrase, its comma
        if not head:
            # the opening phrase ends at the first comma (the spaces after it the head test skips itself);
            # "Hằng năm, các sở …", "Trường hợp chưa có nguồn, Bộ X chủ trì, phối hợp với …": a subject after it
            comma = folded.find(",", s, min(e, s + (4 * _OPENING if LONG_OPENING.match(folded, s) else _OPENING)))
            if comma >= 0:
                dc = _DONG_CHI.match(folded, comma + 1, e)
                head = head_at(text, folded, dc.end() if dc else comma + 1, e)
                if head:
                    opened = comma + 1  # "Trong thời hạn 15 ngày …, Sở Nội vụ (Ban …) có trách nhiệm …"
            while not head and comma >= 0 and LONG_OPENING.match(folded, s):
                comma = folded.find(",", comma + 1, min(e, s + 4 * _OPENING))  # "Căn cứ A, B và C, Sở X …"
                head = comma >= 0 and head_at(text, folded, comma + 1, e)
            if not head:
                every = _EVERY.match(folded, s, e)  # "Hàng tháng Kho bạc Nhà nước huyện chuyển …"
                head = every is not None and head_at(text, folded, every.end(), e)
            if not head:
                head = _subject_after_thi(text, folded, s, e)
            if not head and not asks:
                continue
        ws = s if head or asks[0] - s < 80 else max(s, text.rfind(" ", s, asks[0] - 40) + 1)
        # a subject's list ends within a few words; a request's list may run on
        we = min(e, asks[-1] + 400 if asks else opened + 160)
        if ws == s and head_toks and len(head_toks) == 8 and head_toks[-1].end <= we:
            # the first 8 tokens are those head_tokens made (they end before `we`, so the shorter
            # span cuts none of them); tokenizing goes on from the end of the last, as it would
            toks = head_toks + tokens_between(text, head_toks[-1].end, we)
        else:
            toks = tokens_between(text, ws, we)
        if ws > s and sum(1 for t in toks[:3] if t.start < asks[0]) < 3:
            ws, toks = s, tokens_between(text, s, we)  # "giao" looks two words back
        out.append(_Clause(toks, ws == s, we < e, (s, e), bool(asks)))
    out += _parenthesized(text, folded)
    return out


_PAREN_REACH = 300  # characters a note in parentheses may take
# what a note that charges someone says ("Bộ Xây dựng chủ trì", "… thực hiện", "… thường trực"); a note that
# cites a document ("(Bộ Y tế hướng dẫn tại Công văn số …)") says none of it
_ROLE_IN_NOTE = re.compile(r"\b(?:chu tri|phoi hop|thuc hien|trach nhiem|tham muu|thuong truc|dau moi|trien khai)\b")


def _parenthesized(text: str, folded: str) -> list[_Clause]:
    """Notes in parentheses that charge an owner, after the work they are about: "Nghiên cứu, sửa đổi Pháp
    lệnh … (Bộ Lao động - Thương binh và Xã hội chủ trì, phối hợp với Bộ Tư pháp; trình Chính phủ trong năm
    2027)": each a clause of its own, read after the sentence's own."""
    out: list[_Clause] = []
    pos = text.find("(")
    while pos >= 0:
        start = pos + 1
        close = text.find(")", start, start + _PAREN_REACH)
        end = close if close >= 0 else min(len(text), start + _PAREN_REACH)
        if _ROLE_IN_NOTE.search(folded, start, end) and head_at(text, folded, start, end):
            for s, e in _note_parts(text, start, end):
                out.append(_Clause(tokens_between(text, s, e), True, False, (s, e), True))
        pos = text.find("(", end)
    return out


def _note_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of a note between ";" ("Bộ Xây dựng chủ trì; hoàn thành trong quý IV/2026")."""
    parts = []
    s = start
    k = text.find(";", s, end)
    while k >= 0:
        parts.append((s, k + 1))
        s = k + 1
        k = text.find(";", s, end)
    parts.append((s, end))
    return parts


def find_owners(text: str, *, directs: bool = True) -> Owners:
    """Lead and support owners stated in one sentence group (an item's text or a bullet).

    A first line that is nothing but owners, over the lines that give their duties ("Bộ Quốc phòng⏎
    Chủ trì, phối hợp với …"), names the lead. Remembered for the reading (an item's text is asked
    about again by its report tasks and its first sentence's checks); each call gets its own copy."""
    o = owners_read(text, directs)
    return Owners(lead=list(o.lead), support=list(o.support), lead_why=list(o.lead_why), support_why=list(o.support_why),
                  directs=o.directs, directed=list(o.directed), fielded=o.fielded)


@lru_cache(maxsize=256)
def owners_read(text: str, directs: bool) -> Owners:
    """find_owners(), remembered (dispatch.forget_texts() empties it at each reading): never change what it returns."""
    text = distribute(text)  # "các Sở: Tài chính, Nội vụ" → "Sở Tài chính, Sở Nội vụ"
    if "/" in text:
        text = _DC.sub(lambda m: m.group(1) + "ồng chí", text)  # "Đ/c Chủ tịch UBND tỉnh" → "Đồng chí Chủ tịch …"
    if "chuyển" in text:
        text = _FORWARD.sub("đề nghị ", text)  # "X chuyển Tờ trình … đến Sở Tư pháp xem xét": X asks Sở Tư pháp
    if "ết hợp với" in text:
        text = _KET_HOP.sub("phối hợp với", text)  # "Sở Tư pháp kết hợp với Công an tỉnh …": cooperating
    text = unwrapped(text)
    text = without_person_names(text)  # "Đồng chí Nguyễn Văn Bình - Phó Chủ tịch UBND xã" → "Đồng chí Phó Chủ tịch UBND xã"
    clauses = _clauses(text)
    nl = text.find("\n")
    first = line_owners(text[:nl]) if 0 < nl < 300 else []
    if not first:
        # "Sở Xây dựng: Hướng dẫn …", "Ủy ban nhân dân các huyện: Chỉ đạo …" (a bullet of a unit's duties):
        # the owners before the colon, then their duty, also when it starts in lower case ("Trạm Y tế xã:
        # phối hợp giám sát …", as communes write a bullet of duties)
        colon = text.find(":", 0, 160)
        if colon > 0 and "\n" not in text[:colon] and text[colon + 1 : colon + 3].strip()[:1].isalpha():
            first = line_owners(text[:colon])
            nl = colon if first else nl
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
                said = " ".join(t.f for t in c.toks[ol.end : ol.end + ol.verb])
                # what was done ("… đã trả lời"), as a subject's: background, no task
                if ol.names and ol.verb and said not in REQUEST_VERBS and said not in ("da", "da va dang"):
                    found.add_lead(listed, f'listed before "{text[c.span[0]:c.toks[ol.end + ol.verb - 1].end].strip()}", '
                                           "with the same predicate")
            listed = (listed if c.span[0] == end else []) + _only_owners(text, c)
            end = c.span[1]
            if subjects(text, c.toks, found) >= len(c.toks) - 1 and c.cut:
                short.append(c)
        short += [c for c in clauses if c.asks and requests(text, c.toks, found) >= len(c.toks) - 1 and c.cut]
        if not short:
            if first and len(found.lead) > len(first):
                # the line over the duties names their owner: the names its sentences use are not more owners
                found.lead, found.lead_why = list(first), found.lead_why[:1]
            found.without_askers()
            if not found.lead and not found.askers and (sent_by := senders(text)):
                found.add_lead(sent_by, 'named after "của" in the paper the sentence sends')
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
