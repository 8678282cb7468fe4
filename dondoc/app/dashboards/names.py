"""Names on a dashboard: artifact keys, short unit names, and the province each unit belongs to (pure).

Prefect artifact keys allow only lowercase letters, digits and dashes, and each publish under
a key adds a version to it: a key must be a function of what it shows, never of the day.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from dondoc.parse.normalize import fold

RESERVED = frozenset({"national", "provinces"})  # board-national and board-provinces are the summaries
CENTRAL_LEVEL = "trung-uong"

# Long forms that Vietnamese administrative writing abbreviates, longest first.
ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("Ban Thường trực Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Ban TT UBTƯ MTTQ VN"),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam", "Ủy ban MTTQ"),
    ("Mặt trận Tổ quốc Việt Nam", "MTTQ"),
    ("Mặt trận Tổ quốc", "MTTQ"),
    ("Ủy ban nhân dân", "UBND"),
    ("Hội đồng nhân dân", "HĐND"),
    ("Văn phòng Chính phủ", "VPCP"),
    ("Văn phòng", "VP"),
    ("Bộ Chỉ huy quân sự", "Bộ CHQS"),
    ("Ban Chỉ huy quân sự", "Ban CHQS"),
    ("Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn TNCS HCM"),
    ("Đoàn Thanh niên", "Đoàn TN"),
    ("Hội Liên hiệp Phụ nữ", "Hội LHPN"),
    ("Hội Nông dân", "Hội ND"),
    ("Hội Cựu chiến binh", "Hội CCB"),
    ("Hội Người cao tuổi", "Hội NCT"),
    ("Liên đoàn Lao động", "LĐLĐ"),
    ("Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT"),
    ("Sở Nông nghiệp và Môi trường", "Sở NN&MT"),
    ("Sở Tài nguyên và Môi trường", "Sở TN&MT"),
    ("Sở Khoa học và Công nghệ", "Sở KH&CN"),
    ("Sở Giáo dục và Đào tạo", "Sở GD&ĐT"),
    ("Sở Văn hóa, Thể thao và Du lịch", "Sở VHTTDL"),
    ("Sở Lao động - Thương binh và Xã hội", "Sở LĐTBXH"),
    ("Sở Thông tin và Truyền thông", "Sở TT&TT"),
    ("Sở Kế hoạch và Đầu tư", "Sở KH&ĐT"),
    ("Sở Giao thông vận tải", "Sở GTVT"),
    ("Sở Dân tộc và Tôn giáo", "Sở DT&TG"),
    ("thành phố", "TP"),
    ("Thành phố", "TP"),
)
# "Uỷ" (the older placement of the tone mark) reads the same as "Ủy"
_TONE_VARIANTS = {"Uỷ": "Ủy", "uỷ": "ủy", "Hoà": "Hòa", "hoà": "hòa"}
_PLACE = re.compile(r".*\s((tỉnh|thành phố)\s+(\S.*))$")  # the last one: "… phường X thành phố Y"


def nfc(text: str) -> str:
    out = unicodedata.normalize("NFC", text)
    for old, new in _TONE_VARIANTS.items():
        out = out.replace(old, new)
    return out


def slug(text: str) -> str:
    """Lowercase ASCII letters, digits and single dashes: what a Prefect artifact key allows."""
    return "-".join(re.findall(r"[a-z0-9]+", fold(text).replace("đ", "d")))


def _digest(text: str, n: int) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


def board_keys(codes: Iterable[str]) -> dict[str, str]:
    """`board-<slug of the code>` for each organisation code, distinct for distinct codes.

    Two codes that slug alike ("CA_Tinh", "ca-tinh"), a code that slugs to nothing, or one that
    would take a summary's key ("national") get a short digest of the code appended, the same on
    every run; the first code in sorted order of a colliding pair keeps the bare slug.
    """
    out: dict[str, str] = {}
    taken: set[str] = set()
    for code in sorted(set(codes)):
        base = slug(code)
        key = f"board-{base}"
        if not base or base in RESERVED or key in taken:
            key = f"board-{base + '-' if base else ''}{_digest(code, 8)}"
        out[code] = key
        taken.add(key)
    return out


def dispatch_key(number: str | None, identity: str) -> str:
    """`dispatch-<số hiệu>-<digest>`: stable across replacements (they keep the identity), distinct
    for two issuers' dispatches of the same number."""
    base = slug(number or "")
    return f"dispatch-{base + '-' if base else ''}{_digest(identity, 6)}"


@dataclass(frozen=True)
class Place:
    """A province or centrally-governed city: "Lào Cai", and how a name writes it ("tỉnh Lào Cai")."""

    name: str
    title: str


CENTRAL = Place("Trung ương", "Trung ương")


def place_in(name: str) -> Place | None:
    """The "tỉnh X" / "thành phố X" a unit's name ends with, if any."""
    found = _PLACE.match(" ".join(nfc(name).split()))
    return Place(found.group(3), found.group(1)) if found else None


@dataclass(frozen=True)
class Org:
    """A unit as the dashboards see it."""

    code: str
    name: str
    level: str = "tinh"
    parent: str | None = None
    active: bool = True


def provinces_of(orgs: Sequence[Org], *, default: str | None = None) -> dict[str, Place]:
    """The province of every unit: central bodies are CENTRAL; any other unit belongs to the place its
    provincial root names, the root being its highest ancestor below the central level (the UBND,
    the Ủy ban MTTQ or the Công an of the province). A root whose name holds no place falls back to
    the installation's province (`default`), then to the root's own name."""
    by_code = {o.code: o for o in orgs}
    roots: dict[str, str] = {}

    def root(code: str) -> str:
        seen: list[str] = []
        cur = code
        while cur not in roots:
            seen.append(cur)
            parent = by_code[cur].parent
            if parent is None or parent not in by_code or by_code[parent].level == CENTRAL_LEVEL or parent in seen:
                roots[cur] = cur
                break
            cur = parent
        top = roots[cur]
        for c in seen:
            roots[c] = top
        return top

    fallback = Place(default, default) if default else None
    places: dict[str, Place] = {}
    out: dict[str, Place] = {}
    for o in orgs:
        if o.level == CENTRAL_LEVEL:
            out[o.code] = CENTRAL
            continue
        r = root(o.code)
        if r not in places:
            places[r] = place_in(by_code[r].name) or fallback or Place(by_code[r].name, by_code[r].name)
        out[o.code] = places[r]
    return out


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word where possible, "…" marking the cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–") + "…"


def abbreviate(name: str, *, place: Place | None = None, limit: int = 30) -> str:
    """A unit's name as a table cell: the usual abbreviations, without the province that the board
    already names, at most `limit` characters ("Ủy ban MTTQ xã An Lập")."""
    text = " ".join(nfc(name).split())
    if place is not None and place is not CENTRAL:
        if text.endswith(" " + place.title):
            text = text[: -len(place.title) - 1]
    for long, short in ABBREVIATIONS:
        text = text.replace(long, short)
    return shorten(text, limit)


def level_rank(level: str) -> int:
    """Central bodies first, then provinces, districts, communes."""
    return {"trung-uong": 0, "tinh": 1, "huyen": 2, "xa": 3}.get(level, 4)


def names_by_code(orgs: Iterable[Org]) -> Mapping[str, str]:
    return {o.code: o.name for o in orgs}
