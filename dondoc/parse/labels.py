"""The owners a heading, a bold label or a line names, and the owners written just before a predicate (pure).

"**1. Sở Tài chính**", "Công an tỉnh:", "Đồng chí Phó Chủ tịch UBND xã phụ trách kinh tế:", a line over
its duties ("Bộ Quốc phòng⏎Chủ trì, …"), "Trách nhiệm của các Bộ, ngành; …"; and "X báo cáo …" read
back from the predicate (subject_before).
"""

from __future__ import annotations

import re

from dondoc.parse.counted_names import counted_owners
from dondoc.parse.heads import HEAD_WORDS, head_at, org_at
from dondoc.parse.lines import Tok, tokenize, tokens_between
from dondoc.parse.names import name_texts, owner_list
from dondoc.parse.normalize import fold_keep_length


_COMRADE = re.compile(r"\s*(?:[Cc]ác\s+)?(?:[Đđ]ồng chí|[Đđ]/[Cc]|[Đđ]c\.)\s+(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ])")
# "Đối với Sở Y tế:", "Riêng UBND các xã:", "Riêng đối với …": whom the lines under the label are for
# "Đồng chí Phó Trưởng phòng Văn hóa - Xã hội - Phó Trưởng tiểu ban": after the post, what the person also is in
# the committee a plan sets up (convention 33: the first post names the owner)
_SECOND_TITLE = re.compile(r"\s+[-–]\s+(?=(?:Phó\s+)?(?:Trưởng|Tổ trưởng|Tổ phó|Ủy viên|Uỷ viên|Thành viên|Thư ký)\b)")
_FOR = re.compile(r"\s*(?:(?:[Rr]iêng\s+)?(?:[Đđ]ối với|ĐỐI VỚI)|[Rr]iêng|RIÊNG)\s+(?:0?\d{1,2}\s+(?=[A-ZĐÂĂÊÔƠƯ]))?")


def without_address(text: str) -> str:
    """The text without a leading "Đồng chí" / "Đ/c" before a post (the post names the owner), nor
    "Đối với" / "Riêng" before the owners a label is for."""
    m = _FOR.match(text)
    if m:
        text = text[m.end() :]
    m = _COMRADE.match(text)
    return text[m.end() :] if m else text


# a post named by the field it is in charge of, the whole label: "<post> phụ trách lĩnh vực <field>"
_PORTFOLIO = re.compile(r"^((?:[Cc]ác\s+)?(?:\w+\s+){0,3}?(?:[Cc]án bộ|[Cc]huyên viên|[Pp]hó [Cc]hủ tịch|[Ủủ]y viên|[Cc]hủ tịch|"
                        r"[Pp]hó [Tt]rưởng ban|[Tt]rưởng ban|[Pp]hó [Bb]í thư)\s+phụ trách\s+(?:các\s+)?(?:lĩnh vực|công tác|mảng)\s+"
                        r"[^:;.\n]{2,120}?)\s*[:.]?\s*$")
# members named by the area they follow: "Ủy viên BCH Đảng bộ phụ trách địa bàn", "Cán bộ phụ trách thôn" (a post by
# its area, the whole label: "phụ trách" is no verb of a task there)
_AREA = re.compile(r"^((?:[Cc]ác\s+)?(?:[Ủủ]y viên|[Pp]hó [Bb]í thư|[Bb]í thư|[Tt]hành viên|[Cc]án bộ|[Đđ]ảng ủy viên)(?:\s+\S+){0,5}?\s+"
                   r"phụ trách\s+(?:các\s+)?(?:địa bàn|thôn|khu dân cư|cơ sở)(?:\s+[^:;.\n]{1,60}?)?)\s*[:.]?\s*$")


def label_owners(label: str, *, only: bool = False) -> list[str]:
    """Owners a heading or bold label names in full ("Sở Thông tin và Truyền thông", "Công an tỉnh:"),
    or followed by their predicate ("Sở Y tế chủ trì"); `only`: nothing but owners. A person addressed
    by post ("Đồng chí Phó Chủ tịch UBND xã phụ trách kinh tế") is named by the post."""
    one = _COMRADE.match(label) is not None  # "Đồng chí X, <role>:": one person, X the post, the rest what X also is
    original = label
    label = without_address(label)
    p = _PORTFOLIO.match(label) or _AREA.match(label)
    if p is not None:
        # "Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội", "Các Phó Chủ tịch phụ trách lĩnh vực Dân tộc, Tôn
        # giáo và các Hội quần chúng": the post is named by its portfolio, the whole line (its words may be verbs, its
        # "và" joins fields, not owners)
        return [p.group(1).strip()]
    if not head_at(label, fold_keep_length(label), 0, len(label)):
        return []  # no owner's head first, so owner_list() names nobody: a long text is not tokenized for that
    toks = tokenize(label)
    if not toks or (label.isupper() and len(toks) > 2):
        return []  # an all-capital section heading, not an owner
    if label.isupper() and toks[0].f not in HEAD_WORDS and not label[toks[0].start : toks[0].end].isascii():
        return []  # "NỘI DUNG", "NHIỆM VỤ": words in capitals, not an abbreviation (UBND, MTTQ)
    ol = owner_list(toks, 0)
    rest = [t for t in toks[ol.end :] if t.f not in (":", ".", ")", "(")]
    if ol.names and (not rest or ol.verb and not only):
        names = name_texts(label, ol.names)
        return [_SECOND_TITLE.split(names[0].split(", ")[0])[0]] if one else counted_owners(original, names)
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


# Words before the owners a heading line names: "Trách nhiệm của các Bộ, ngành", "Đối với UBND các xã"
# "Đề nghị Ủy ban MTTQ Việt Nam huyện và các tổ chức chính trị - xã hội huyện" over their duties: the ones asked
_LINE_LEAD = re.compile(r"(?:(?:trach nhiem|nhiem vu)(?: cua)?|doi voi|rieng|giao|de nghi)\s+")


def line_owners(line: str) -> list[str]:
    """The owners a heading line names and nothing else ("Bộ Quốc phòng", "Trách nhiệm của các Bộ, ngành,
    địa phương; Ủy ban MTTQ tỉnh", "Phòng Văn hóa - Xã hội:")."""
    line = line.strip(" *:.")
    if not line or len(line) > 300:
        return []
    m = _LINE_LEAD.match(fold_keep_length(line))
    return label_owners(line[m.end():] if m else line, only=True)


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
            return name_texts(text, names)
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
                return name_texts(text, names or owner_list(toks, s + ask).names)
    return []
