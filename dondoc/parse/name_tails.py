"""What follows a name in a list and still belongs to it, or to the people it names (pure).

"các cơ quan, đơn vị của Trung ương" and "các đơn vị của tỉnh" say whose units they are, a part of the name;
"các hộ gia đình trên địa bàn Thành phố" says where the people live, before the list's predicate. names.py asks
these questions while it reads a list of owners.
"""

from __future__ import annotations

from dondoc.parse.heads import phrase_len
from dondoc.parse.lines import Tok
from dondoc.parse.name_units import PLACES


def past_where(toks: list[Tok], m: int) -> int:
    """The token after "trên địa bàn <place>" at m (m itself when none is there): where the people live."""
    n = len(toks)
    if not (m + 2 < n and toks[m].f == "tren" and toks[m + 1].f == "dia" and toks[m + 2].f == "ban"):
        return m
    k = m + 3
    k += phrase_len(PLACES, toks, k) if k < n else 0
    while k < n and k < m + 8 and toks[k].cap and toks[k].word:
        k += 1  # "trên địa bàn Thành phố", "trên địa bàn tỉnh Gia Lai"
    return k


def whose_end(toks: list[Tok], j: int) -> int:
    """The token after "của Trung ương" / "của tỉnh" at j ("các cơ quan, đơn vị của Trung ương", "các đơn vị
    của tỉnh": whose units they are, part of the name); 0 when "của" names no level there."""
    n = len(toks)
    if j + 1 >= n:
        return 0
    if toks[j + 1].f == "trung" and j + 2 < n and toks[j + 2].f == "uong":
        return j + 3
    loc = phrase_len(PLACES, toks, j + 1) if not toks[j + 1].cap else 0
    return j + 1 + loc if loc else 0
