"""Who a text charges with gathering the reports of others: "Giao Công an tỉnh chủ trì, tập hợp kết
quả", "Sở Nội vụ có trách nhiệm tổng hợp, báo cáo UBND tỉnh" (pure)."""

from __future__ import annotations

import re
from typing import Final

from dondoc.parse.lines import tokenize
from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.owners import head_at, owner_list

# on the text itself (no need to fold a whole body); case by case, so that the engine skips to a "t"
_GATHER_WORD = re.compile(r"(?:t(?:ổng|ập) hợp|T(?:ổng|ập) hợp|T(?:ỔNG|ẬP) HỢP)(?!\w)")
_GATHER_CORES = ("ổng hợp", "ập hợp", "ỔNG HỢP", "ẬP HỢP")  # what follows the "t" of every match


def _gather_words(text: str) -> list[re.Match[str]]:
    """What _GATHER_WORD.finditer(text) finds (no two can overlap), tried only on the character before
    each place str.find finds one of _GATHER_CORES, not at every "t" of the text."""
    at: list[int] = []
    for core in _GATHER_CORES:
        k = text.find(core, 1)
        while k >= 0:
            at.append(k - 1)
            k = text.find(core, k + 1)
    return [m for m in (_GATHER_WORD.match(text, k) for k in sorted(at)) if m is not None]


def _before_each(f: str, matches: list[re.Match[str]], reach: int) -> list[tuple[int, int, bool]]:
    """For each match: the text from its sentence's start (at most `reach` characters
    back, then from a word's start) to the match's end, and whether that is the sentence's start."""
    spans: list[tuple[int, int, bool]] = []
    for m in matches:
        # a sentence break further back than `reach` makes no difference: look no further
        lo = max(0, m.start() - reach - 1)
        start = max(f.rfind(c, lo, m.start()) for c in ".;\n") + 1 or lo
        whole = m.start() - start <= reach
        if not whole:
            start = f.find(" ", m.start() - reach) + 1
        spans.append((start, m.end(), whole))
    return spans


_GATHER = re.compile(r"\b(?:tong hop|tap hop)\b")
_LEAD_CUE = re.compile(r"chu tri|trach nhiem|dau moi|theo doi")
_COLLECTIVE = ("cac ", "nhung ", "toan the ", "tat ca ", "moi ")
_GATHER_VERBS = frozenset({"tong hop", "tap hop"})
_LEAD_VERBS = frozenset({"chu tri", "co trach nhiem", "chiu trach nhiem", "la dau moi", "lam dau moi", "theo doi"})
_ASKING: Final = frozenset({"giao", "de nghi", "yeu cau", "phan cong"})


# Where gatherers() starts an owner list, in characters: after a comma or colon, or after a request
# (a "cho" there is passed over); the start of the window is one too when it is the sentence's.
_LIST_START = re.compile(r"[,:]|(?<![a-z0-9&])(?:giao|de\s+nghi|yeu\s+cau|phan\s+cong)(?![a-z0-9&])")
_CHO = re.compile(r"\s*cho(?![a-z0-9&])")


def _may_name_owner(window: str, fw: str, whole: bool) -> bool:
    """Whether an owner's head (or a word in capitals) stands where gatherers() starts an owner list.

    A cheap test on the text before tokenizing it: where it says no, owner_list() finds no name.
    """
    starts = [0] * whole + [m.end() for m in _LIST_START.finditer(fw)]
    for pos in starts:
        cho = _CHO.match(fw, pos)
        if cho is not None:
            pos = cho.end()
        if head_at(window, fw, pos, len(window)):
            return True
        word = _FIRST_WORD.match(window, pos)
        if word is not None and len(word.group(1)) > 1 and word.group(1).isupper():
            return True  # "CÁC" after a comma: org_at() takes a word in capitals for an abbreviation
    return False


_FIRST_WORD = re.compile(r"\s*(\w+)")


def gatherers(text: str) -> list[str]:
    """Agencies a text charges with gathering the reports: "Giao Công an tỉnh chủ trì, tập hợp kết
    quả", "Sở Nội vụ có trách nhiệm tổng hợp, báo cáo UBND tỉnh", "Văn phòng UBND tỉnh tổng hợp"."""
    out: list[str] = []
    for s, e, whole in _before_each(text, _gather_words(text), 200):
        fw = fold_keep_length(text[s:e])
        if not _LEAD_CUE.search(fw) and not any(c.isupper() for c in text[max(s, e - 70) : e - 8]):
            continue  # no "chủ trì", "có trách nhiệm" … before it, and no name just before it
        if not _may_name_owner(text[s:e], fw, whole):
            continue  # no owner's head where an owner list could start: nothing tokenized
        toks = tokenize(text[s:e])
        starts = [0] * whole + [k + 1 for k, t in enumerate(toks) if t.f in (",", ":") or t.f in _ASKING]
        starts += [k + 2 for k in range(len(toks) - 1) if f"{toks[k].f} {toks[k + 1].f}" in _ASKING]
        for i in sorted(set(starts)):
            if i < len(toks) and toks[i].f == "cho":
                i += 1
            ol = owner_list(toks, i)
            if not ol.names or not ol.verb:
                continue
            verb = " ".join(t.f for t in toks[ol.end : ol.end + ol.verb])
            rest = fw[toks[ol.end + ol.verb].start if ol.end + ol.verb < len(toks) else e - s :]
            if verb in _GATHER_VERBS or (verb in _LEAD_VERBS and _GATHER.search(rest)):
                for a, b in ol.names:
                    name = text[s + a : s + b].strip(" ,*")
                    if fold_keep_length(name).startswith(_COLLECTIVE):
                        continue  # "các đơn vị tổng hợp": each its own figures, nobody gathers the others'
                    if name and name not in out:
                        out.append(name)
    return out
