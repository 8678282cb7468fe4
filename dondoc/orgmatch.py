"""How an owner name as a dispatch writes it is matched to the directory's names (pure).

A name matches a directory name or alias when they are the same words once folded (accents, tone
placement "Hoà"/"Hòa", case and punctuation aside) and abbreviations spelt out ("UBND", "MTTQ",
"LĐTBXH", "TT&TT", "KH&CN" …), with or without the province's name on either side ("Sở Tài chính
tỉnh Hải Dương", "Sở Tài chính", "Sở Tài chính tỉnh" all match "Sở Tài chính tỉnh Hải Dương").
When that finds nothing, looser readings are tried in turn, each named so that the reading can say
how it matched:

1. in the dispatch's commune: "Công an xã" in a dispatch of xã Hòa Thuận is "Công an xã Hòa Thuận";
2. the body of a post or a board: "Phó Giám đốc Sở Y tế", "Chủ tịch UBND xã …", "Thường trực Ủy ban
   MTTQ …", "Ban Thường vụ Đoàn xã" answer through their body;
3. the body a unit belongs to: "Ban Gia đình - Xã hội, Hội LHPN tỉnh", "Tổ Tổng hợp của Công an xã",
   "Sở Nội vụ (Ban Thi đua - Khen thưởng)".

The first reading that finds anything decides; when it finds two organisations or more, the name is
ambiguous and resolves to none of them (the caller says which ones fit).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator


# An abbreviation that is a word too: in a name written in capitals, "SỞ TƯ PHÁP" is no "Trung ương"
_WORDS_IN_CAPITALS = re.compile(r"(?<![\w&])TƯ(?![\w&])")


def key(name: str) -> str:
    """The matching key of a name: folded, abbreviations spelt out (imported late: dondoc.parse
    imports the directory module, which imports this one)."""
    from dondoc.parse.normalize import match_key

    if name.isupper():
        name = _WORDS_IN_CAPITALS.sub(lambda m: m.group(0).lower(), name)
    return match_key(name)


def same_body(a: str, b: str) -> bool:
    """Whether two writings of a dispatch's issuer name one body: the same key, or the words of one all
    in the other ("Ủy ban nhân dân tỉnh quảng trị sở nội vụ", a header's two lines as one, and "Sở Nội vụ
    tỉnh Quảng Trị"). Only asked of dispatches with the same number."""
    ka, kb = key(a), key(b)
    if ka == kb:
        return True
    wa, wb = set(ka.split()), set(kb.split())
    return bool(wa and wb) and (wa <= wb or wb <= wa)


# Posts and boards whose body answers for them, at the start of a name (folded, abbreviations spelt out)
_POST = re.compile(
    r"^(?:(?:dong chi|d c)\s+)?(?:pho\s+)?(?:chu tich|giam doc|thu truong|truong ban|truong|chanh|chi huy truong|bi thu|"
    r"tu lenh|chinh uy|chu nhiem|nguoi dung dau|lanh dao|tong giam doc|hieu truong|tram truong|to truong|"
    r"ban thuong truc|thuong truc|ban thuong vu|ban chap hanh|tap the lanh dao)\s+(?=\S)"
)
_LEVELS = ("xa", "phuong", "dac khu", "thi tran")


def province_keys(k: str, province: str | None) -> list[str]:
    """`k`, and the same without the province's name ("so tai chinh tinh hai duong" → "so tai chinh",
    "so tai chinh tinh"): what a directory name and a name in a dispatch are both indexed and looked up by."""
    keys = [k]
    if province:
        prov = key(province)
        for suffix in (f" tinh {prov}", f" thanh pho {prov}", f" {prov}"):
            if k.endswith(suffix) and len(k) > len(suffix):
                keys.append(k[: -len(suffix)].strip())
                if suffix != f" {prov}":
                    keys.append(k[: -len(suffix)].strip() + " " + suffix[: -len(prov)].strip())  # "… tinh", "… thanh pho"
                break
    return keys


def readings(name: str, province: str | None, locality: str | None) -> Iterator[tuple[str, list[str]]]:
    """The keys to look a name up by, reading by reading, most literal first: (how, keys)."""
    k = key(name)
    if not k:
        return
    yield "as written", province_keys(k, province)
    if locality:
        loc = key(locality)
        level = next((lv for lv in _LEVELS if loc.startswith(lv + " ")), None)
        if level and k.endswith(" " + level):
            yield f"in the dispatch's commune ({locality})", [f"{k} {loc[len(level) + 1:]}"]
    m = _POST.match(k)
    if m:
        rest = k[m.end() :]
        yield "the body of the post", province_keys(rest, province)
        if locality:
            loc = key(locality)
            level = next((lv for lv in _LEVELS if loc.startswith(lv + " ")), None)
            if level and rest.endswith(" " + level):
                yield f"the body of the post, in the dispatch's commune ({locality})", [f"{rest} {loc[len(level) + 1:]}"]


def unit_bodies(name: str) -> list[str]:
    """The bodies a unit's name says it belongs to, as written: after ", " ("Ban Gia đình - Xã hội, Hội
    LHPN tỉnh"), " của " ("Tổ Tổng hợp của Công an xã"), or the name without what is in parentheses."""
    out = []
    bare = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if bare and bare != name:
        out.append(bare)
    for sep in (", ", " của "):
        if sep in bare:
            out.append(bare.rsplit(sep, 1)[1].strip())
    return out


def first_match(name: str, lookup: Callable[[list[str]], list[str]], *, province: str | None,
                locality: str | None) -> tuple[str, list[str]]:
    """The first reading of `name` that `lookup` (keys → codes) finds anything for: (how, codes)."""
    for how, keys in readings(name, province, locality):
        codes = lookup(keys)
        if codes:
            return how, codes
    for body in unit_bodies(name):
        for how, keys in readings(body, province, locality):
            codes = lookup(keys)
            if codes:
                return f"the body it belongs to, {body!r} ({how})", codes
    return "", []


_LEVEL_WORDS = {"xa": "xã", "phuong": "phường", "dac khu": "đặc khu", "thi tran": "thị trấn"}


def locality_of(issuer: str | None, place: str | None) -> str | None:
    """The commune that wrote a dispatch ("xã Hòa Thuận"), when its issuer is one: "Công an xã" in its
    text is that commune's. `place` is where the dispatch says it was written ("Hòa Thuận, ngày …")."""
    if not issuer or not place:
        return None
    ik, pk = key(issuer), key(place)
    level = next((lv for lv in _LEVELS if f"{lv} {pk}" in ik), None)
    return f"{_LEVEL_WORDS[level]} {place}" if level else None
