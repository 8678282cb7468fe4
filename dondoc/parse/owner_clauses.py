"""The clauses of a text that may name an owner, found cheaply (pure): most clauses are not even
tokenized. A clause may name one when it starts with an owner's head, or holds a request ("đề nghị",
"giao", "yêu cầu", "phân công", "điều động", "ủy quyền", "kính trình") or "phối hợp" followed by one; a note
in parentheses that charges someone ("(Bộ Xây dựng chủ trì; …)") is a clause of its own. owners.py reads them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from dondoc.parse.asked import WHAT_FOR, WITH_WORDS
from dondoc.parse.heads import FIRST_TOKEN, head_at, head_tokens, org_at
from dondoc.parse.lines import Tok, first_tokens, tokens_between
from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.subjects import LONG_OPENING

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
    # ("… thì cơ quan, tổ chức, đơn vị giới thiệu người ứng cử có trách nhiệm …": the kinds of body, in lower case)
    return any((text[m.end()].isupper() or folded.startswith(("cac ", "co quan", "don vi"), m.end()))
               and head_at(text, folded, m.end(), e)
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
                if head:
                    opened = comma + 1  # the subject's list is read from there, not from the clause's start
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
