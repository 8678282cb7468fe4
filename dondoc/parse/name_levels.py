"""The levels an owner's name says it belongs to: "các cơ quan, đơn vị của tỉnh, TW đóng trên địa bàn huyện" (pure).

A district's letter addresses the bodies of the upper levels seated in it as one group: "các cơ quan, đơn vị
của Trung ương, tỉnh đóng trên địa bàn". The comma between the levels after "của" joins the words of one name;
it starts no second owner.
"""

from __future__ import annotations

from typing import Final

from dondoc.parse.lines import Tok

_LEVEL_ENDS: Final = frozenset({"tinh", "tw", "huyen", "uong", "pho", "xa"})
_LEVEL_STARTS: Final = frozenset({"tinh", "tw", "huyen", "trung", "thanh", "xa"})


def levels_of(toks: list[Tok], comma: int, k: int) -> bool:
    """Whether the comma at `comma` joins two levels after "của" ("của tỉnh, TW …"): one owner's words."""
    return toks[comma - 1].f in _LEVEL_ENDS and toks[k].f in _LEVEL_STARTS \
        and any(toks[x].f == "cua" for x in range(max(0, comma - 3), comma - 1))
