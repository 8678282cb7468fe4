"""The numbering label a line of a dispatch starts with (pure): `1.` `1)` `(1)` `1-` `a)` `a.` `I.` `A-`
`2.1` `2.1.3` `Điều 2`, "Một là,", "Thứ hai,"; its style, its value and its label as the keys write it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

MARKER: Final = re.compile(
    r"^(?:"
    r"(?P<dieu>(?:Điều|ĐIỀU)\s+(?P<dieu_n>\d{1,3}))\s*[.:]?"
    r"|(?P<dec>\d{1,2}(?:\.\d{1,2}){1,3})\.?(?=[\s)]|$)"
    r"|\((?P<paren>\d{1,2}|[a-zđ]|[IVX]{1,5})\)"
    r"|(?P<roman>[IVX]{1,5})\s*(?P<roman_p>[.\-–:)/])"
    r"|(?P<num>\d{1,2})\s*(?P<num_p>[.)\-–/:])(?!\d)"
    r"|(?P<lower>[a-zđ])\s*(?P<lower_p>[.)\-–/])(?![\w/])"
    r"|(?P<upper>[A-ZĐ])\s*(?P<upper_p>[.)\-–/])(?![\w/])"
    r"|(?P<ord>Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười)\s+là\s*[,:]"
    r"|Thứ\s+(?P<thu>nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)\s*[,:]"
    r")\s*"
)

_ROMAN = {"I": 1, "V": 5, "X": 10}
_ORDINALS = {w: k for k, ws in enumerate(["một nhất", "hai", "ba", "bốn tư", "năm", "sáu", "bảy", "tám", "chín", "mười"], 1) for w in ws.split()}
_LETTERS = "abcdđefghijklmnopqrstuvwxyz"


def roman_value(s: str) -> int:
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN[b] > v else v
    return total


@dataclass(frozen=True)
class Marker:
    style: str  # "num.", "(num)", "roman", "lower)", "dec2", "dieu", ...
    value: int
    label: str  # normalised label: "2", "a", "II", "2.1"
    end: int  # characters of the line the marker takes


def read_marker(text: str) -> Marker | None:
    """The numbering label a line starts with, if any."""
    m = MARKER.match(text)
    if not m:
        return None
    end = m.end()
    if m.group("dieu"):
        n = int(m.group("dieu_n"))
        return Marker("dieu", n, str(n), end)
    if m.group("dec"):
        parts = m.group("dec").split(".")
        return Marker(f"dec{len(parts)}", int(parts[-1]), m.group("dec"), end)
    if m.group("paren"):
        p = m.group("paren")
        if p.isdigit():
            return Marker("(num)", int(p), str(int(p)), end)
        if p.islower():
            return Marker("(lower)", _LETTERS.index(p) + 1, p, end)
        return Marker("(roman)", roman_value(p), p, end)
    if m.group("roman"):
        r = m.group("roman")
        try:
            value = roman_value(r)
        except KeyError:
            return None
        return Marker("roman", value, r, end)
    if m.group("num"):
        punct = m.group("num_p").replace("–", "-")
        return Marker("num" + punct, int(m.group("num")), str(int(m.group("num"))), end)
    if m.group("lower"):
        lo = m.group("lower")
        return Marker("lower" + m.group("lower_p").replace("–", "-"), _LETTERS.index(lo) + 1, lo, end)
    if m.group("upper"):
        up = m.group("upper")
        return Marker("upper", _LETTERS.index(up.lower()) + 1, up, end)
    ordinal = m.group("ord") or m.group("thu")
    if ordinal:  # "Một là, …", "Thứ hai, …": the points of a Party document or a chỉ thị
        n = _ORDINALS[ordinal.lower()]
        return Marker("ordinal", n, str(n), end)
    return None
