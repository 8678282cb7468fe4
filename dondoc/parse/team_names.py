"""A commune's working team named by what it does, in lower case in a list of owners (pure).

"Giao công an phường, tổ quản lý trật tự đô thị, tổ thanh tra xây dựng phối hợp …", "Đề nghị Ủy ban MTTQ
xã, tổ tự quản môi trường và các đoàn thể …": a "tổ" or "đội" is named by its task and the task's object,
whose words are predicates elsewhere ("quản lý", "xây dựng"). Such a name runs to the list's next mark.
"""

from __future__ import annotations

from typing import Final

from dondoc.parse.heads import END_PUNCT, phrase_len
from dondoc.parse.lines import Tok
from dondoc.parse.vocab import phrases

__all__ = ["team_name_end"]

# the lower-case heads of such teams
_TEAM_HEADS: Final = frozenset({"to", "doi", "nhom"})
# the predicates that end the list of owners: what the owners are asked to do, not a word of a team's name
_LIST_PREDICATES: Final = phrases(
    "phoi hop,chu tri,thuc hien,co trach nhiem,chiu trach nhiem,tham gia,trien khai,tham muu,chu dong,"
    "tang cuong,tiep tuc,bao cao,giup,ho tro,to chuc thuc hien,khan truong,can,phai,duoc,se,da"
)
_MAX_WORDS: Final = 8
_NOT_TEAMS: Final = frozenset({("to", "chuc"), ("doi", "ngu"), ("doi", "voi"), ("doi", "moi"), ("doi", "tuong"), ("nhom", "hop")})


def team_name_end(toks: list[Tok], start: int, head: int) -> int:
    """The token index just past a team's name starting at `start` ("tổ quản lý trật tự đô thị"), when
    the name runs to a comma, "và" or the end of the clause within a few words; 0 otherwise."""
    if head != 1 or start >= len(toks) or toks[start].cap or toks[start].f not in _TEAM_HEADS:
        return 0
    if start + 1 < len(toks) and (toks[start].f, toks[start + 1].f) in _NOT_TEAMS:
        return 0  # "tổ chức" (an organisation, or to organise), "đội ngũ" (the staff)
    n = len(toks)
    m = start + 1
    while m < n and m - start <= _MAX_WORDS:
        t = toks[m]
        if t.f in (",", "va") or t.f in END_PUNCT:
            return m if m > start + 1 else 0
        if not t.word or t.cap or phrase_len(_LIST_PREDICATES, toks, m):
            return m if m > start + 1 and m < n and toks[m].word and not toks[m].cap else 0
        m += 1
    return 0
