"""Who is given the work: lead and support owners named in a piece of text (pure).

The clauses of a text that may name an owner are found by owner_clauses.py (cheaply: most clauses are
not even tokenized) and read by subjects.py (the subject), asked.py (asked, cooperating) and roles.py
(directed); a first line that is nothing but owners, over its duties, names the lead (labels.py). Where a name starts and ends is heads.py's
and names.py's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dondoc.parse.distribute import distribute
from dondoc.parse.heads import head_at, org_at
from dondoc.parse.labels import label_owners, line_owners, subject_before, without_address
from dondoc.parse.lines import tokens_between, unwrapped
from dondoc.parse.named_posts import without_person_names
from dondoc.parse.names import name_texts, owner_list
from dondoc.parse.asked import REQUEST_VERBS, requests
from dondoc.parse.roles import Given, Owners
from dondoc.parse.owner_clauses import _Clause, _clauses
from dondoc.parse.senders import senders
from dondoc.parse.subjects import subjects

__all__ = ["Given", "Owners", "find_owners", "head_at", "label_owners", "line_owners", "org_at", "owner_list",
           "subject_before", "without_address"]


# a letter that passes a matter on to a body for it to act: "… chuyển Tờ trình nêu trên đến Sở Tư pháp xem xét …"
_FORWARD = re.compile(r"\b[Cc]huyển\b[^.;:\n]{0,160}?\s+(?:đến|tới)\s+(?=[A-ZĐ])")
_KET_HOP = re.compile(r"(?<=\s)kết hợp với(?=\s)")
# a team's make-up: the post in it and who fills it ("Trưởng đoàn là đại diện lãnh đạo …", "Phó Trưởng đoàn: đồng chí
# …", "Tổ trưởng: Đại diện …"): who sits on the team, not who is given the work (the post's words are blanked, the
# length kept)
_POST_FILLED = re.compile(r"(?<![\w])(?:[Pp]hó )?(?:[Tt]rưởng (?:đoàn|tiểu ban|tổ)|[Tt]ổ (?:trưởng|phó)|[Tt]hư ký đoàn)"
                          r"(?= *(?:là|:) *(?:[Đđ]ại diện|[Đđ]ồng chí|[Ll]ãnh đạo|[Ôô]ng |[Bb]à )\b)")
# "Đ/c", the abbreviated address ("đề nghị Đ/c Chủ tịch UBND tỉnh"), read as the word it stands for
# (the letter first, the character before it checked after it: the engine skips to each "Đ" or "đ"
# instead of trying the look-behind at every character; the same matches as "(?<![\w/])([Đđ])/[Cc]")
_DC = re.compile(r"([Đđ])(?<![\w/].)/[Cc](?=\s)")


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
    raw_nl = text.find("\n")
    text = unwrapped(text)
    if 0 < raw_nl < 300 and text[raw_nl] == " " and text[raw_nl + 1 : raw_nl + 2].isupper() and line_owners(text[:raw_nl]):
        # "Đề nghị Ủy ban MTTQ huyện và các tổ chức chính trị - xã hội huyện⏎Phối hợp …": a long line of owners over
        # their duties ends there; it wraps no sentence (same length: offsets kept)
        text = text[:raw_nl] + "\n" + text[raw_nl + 1 :]
    text = without_person_names(text)  # "Đồng chí Nguyễn Văn Bình - Phó Chủ tịch UBND xã" → "Đồng chí Phó Chủ tịch UBND xã"
    if "rưởng" in text or "ổ phó" in text or "hư ký" in text:
        text = _POST_FILLED.sub(lambda m: " " * len(m.group()), text)  # "Trưởng đoàn là đại diện …": the team's make-up
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
