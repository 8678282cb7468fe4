"""Owners written as one head over a list of names: "các Sở: Tài chính, Nội vụ và Y tế" (pure).

Provincial documents name several bodies of one kind by writing the kind once ("Giao các Sở: Tài
chính, Kế hoạch và Đầu tư, Xây dựng phối hợp …", "Giám đốc các Sở: Nội vụ, Tư pháp …", "các Bộ:
Quốc phòng, Công an"). Each listed name is an owner of its own: the list is spelt out ("Sở Tài
chính, Sở Kế hoạch và Đầu tư và Sở Xây dựng") before the owners are read. A name that holds "và"
or a comma itself ("Kế hoạch và Đầu tư", "Văn hóa, Thể thao và Du lịch") is known, so that it is
not cut in two.
"""

from __future__ import annotations

import re

from dondoc.parse.heads import phrase_len, verb_at
from dondoc.parse.lines import Tok, tokenize
from dondoc.parse.vocab import VERBS

# found from "các" itself (the engine skips to it), the post before it read back by _POST
# ("các phường, xã: A, B": places of two kinds, each named alone)
_LIST = re.compile(r"[Cc]ác\s+(?P<head>Sở|Bộ|Ban|Phòng|Cục|Hội|huyện|thị xã|thành phố|xã|phường|thị trấn|tỉnh"
                   r"|(?:phường|xã|thị trấn),\s*(?:phường|xã|thị trấn))\s*:\s*(?=[A-ZĐ])")
# the post or body before "các": "Giám đốc các Sở: …", "UBND các huyện: Đạ Huoai, Cát Tiên" (each place's committee)
_POST = re.compile(r"(?:[Gg]iám đốc|[Tt]hủ trưởng|[Ll]ãnh đạo|[Tt]rưởng|(?:Chủ tịch\s+)?(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)"
                   r"|Đảng bộ|Đảng ủy|Đảng uỷ)\s+$")
# Names of Sở, Bộ and Ban that hold "và" or a comma, folded, as tokens
_KNOWN = sorted(
    (tuple(name.split()) for name in (
        "ke hoach va dau tu", "giao duc va dao tao", "khoa hoc va cong nghe", "thong tin va truyen thong",
        "tai nguyen va moi truong", "nong nghiep va phat trien nong thon", "nong nghiep va moi truong",
        "lao dong - thuong binh va xa hoi", "van hoa , the thao va du lich", "dan toc va ton giao",
        "van hoa va the thao", "van hoa , the thao", "giao thong van tai", "xay dung va do thi",
        "kinh te va ha tang", "kinh te , ha tang va do thi", "van hoa va thong tin", "tuyen giao va dan van",
    )),
    key=len, reverse=True,
)


def _known_at(toks: list[Tok], i: int) -> int:
    for name in _KNOWN:
        if i + len(name) <= len(toks) and all(toks[i + k].f == w for k, w in enumerate(name)):
            return len(name)
    return 0


def _items(toks: list[Tok], i: int) -> tuple[list[tuple[int, int]], int]:
    """The listed names from token i (character spans), and the token index after the list."""
    out: list[tuple[int, int]] = []
    n = len(toks)
    while i < n and toks[i].word and toks[i].cap:
        k = _known_at(toks, i)
        j = i + k if k else i + 1
        if not k:
            while j < n and toks[j].word and toks[j].f != "va" and not (not toks[j].cap and verb_at(toks, j)):
                j += 1
        out.append((toks[i].start, toks[j - 1].end))
        if j < n and toks[j].f in (",", "va") and j + 1 < n and toks[j + 1].word and toks[j + 1].cap:
            i = j + 1
            continue
        return out, j
    return out, i


# the first words of a listed name that make it a body or post of its own, not one of the list's kind
_OWN_BODY = re.compile(r"(?:Văn phòng|Chủ tịch|Phó Chủ tịch|Ủy ban|Uỷ ban|UBND|Thanh tra|Ban |Trung tâm|Công an|Bộ Chỉ huy|Kho bạc|"
                       r"Ngân hàng|Cục |Chi cục|Đài |Báo |Liên đoàn|Hội )")


def _own_body(head: str, rest: str, s: int, e: int) -> bool:
    """Whether the listed name rest[s:e] is a body of its own ("Văn phòng Ủy ban nhân dân tỉnh" in a list of Sở),
    not a name of the list's kind ("các Bộ: Công an, Quốc phòng" lists ministries)."""
    m = _OWN_BODY.match(rest, s, e)
    if m is None:
        return False
    return not (head == "Bộ" and m.group(0) == "Công an")


# a post written once before a list of whole bodies: "Giao Giám đốc: Sở Tài chính, Sở Xây dựng, Đài Phát thanh …"
_KIND = r"(?:Sở|Bộ|Ban|Đài|Ủy ban|Uỷ ban|UBND|Văn phòng|Trung tâm|Cục|Chi cục|Công an|Báo|Phòng|Viện|Trường|Kho bạc)"
_POST_OVER = re.compile(rf"(?P<post>[Gg]iám đốc|[Tt]hủ trưởng|[Cc]hủ tịch|[Tt]rưởng)\s*:\s*(?={_KIND}\s)")
_NEXT_BODY = re.compile(rf"\s*,\s*(?={_KIND}\s)|\s+và\s+(?={_KIND}\s)")


def _post_over_bodies(text: str) -> str:
    """The text with each "Giám đốc: Sở A, Sở B và Đài C" spelt out as "Giám đốc Sở A, Giám đốc Sở B và Giám đốc
    Đài C": each body has its head, the post said once (unchanged when none)."""
    parts: list[str] = []
    last = 0
    for m in _POST_OVER.finditer(text):
        if m.start() < last or m.start() and text[m.start() - 1].isalnum():
            continue
        rest = text[m.end() : m.end() + 400]
        toks = tokenize(rest)
        j = 1
        while j < len(toks) and toks[j].f not in (";", ".", ":") and not verb_at(toks, j):
            j += 1
        if j >= len(toks) or j < 2:
            continue
        names = [n for n in _NEXT_BODY.split(rest[: toks[j - 1].end]) if n.strip()]
        post = m.group("post")
        spelt = [f"{post} {n.strip()}" for n in names]
        parts.append(text[last : m.start()])
        parts.append(", ".join(spelt[:-1]) + (" và " if len(spelt) > 1 else "") + spelt[-1])
        last = m.end() + toks[j - 1].end
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)


def distribute(text: str) -> str:
    """The text with each "các Sở: A, B và C" spelt out as "Sở A, Sở B và Sở C", and each "Giám đốc: Sở A, Sở B" as
    "Giám đốc Sở A, Giám đốc Sở B" (unchanged when none)."""
    if ":" in text and ("iám đốc" in text or "hủ trưởng" in text or "hủ tịch" in text or "rưởng" in text):
        text = _post_over_bodies(text)
    if ":" not in text or "ác " not in text:
        return text
    parts: list[str] = []
    last = 0
    for m in _LIST.finditer(text):
        if m.start() < last or m.start() and text[m.start() - 1].isalnum():
            continue
        pm = _POST.search(text, max(0, m.start() - 32), m.start())
        if m.group("head").islower() and pm is None:
            continue  # "các huyện: A, B" with no committee before it names no owner
        start = pm.start() if pm else m.start()
        rest = text[m.end() :]
        toks = tokenize(rest[:400])
        verb = phrase_len(VERBS, toks, 0)
        if m.group("head").islower() and verb and (verb > 1 or len(toks) < 2 or not toks[1].cap):
            continue  # "Ủy ban nhân dân các huyện: Chỉ đạo …": the owner, then its duty
        names, end = _items(toks, 0)
        if len(names) < 1:
            continue
        post = pm.group(0) if pm else ""
        head = m.group("head")
        # "Giám đốc các Sở: Tư pháp, …, Văn phòng UBND tỉnh và Chủ tịch UBND thành phố X": a listed name that is a
        # body or post of its own is written whole, without the kind and post of the list
        if "," in head:
            head = ""  # "Đảng bộ các phường, xã: A, B": which of the two each is, the list does not say
        spelt = [rest[s:e] if _own_body(head, rest, s, e) else f"{post}{head} {rest[s:e]}".replace("  ", " ")
                 for s, e in names]
        joined = ", ".join(spelt[:-1]) + (" và " if len(spelt) > 1 else "") + spelt[-1]
        stop = toks[end - 1].end if end else 0
        parts.append(text[last:start])
        parts.append(joined)
        last = m.end() + stop
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)
