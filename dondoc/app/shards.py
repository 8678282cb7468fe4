"""How the daily sweep splits the nation: one shard per province, and one for the bodies above them.

An organisation belongs to the province of the topmost province-level organisation on its parent
chain (a Sở → the UBND tỉnh; a commune's Hội Phụ nữ → its Ủy ban MTTQ → the Ủy ban MTTQ tỉnh).
A province may have several such roots: after 1/7/2025 the UBND, the Ủy ban MTTQ and the Công an
of a province each answer to a central body. Roots are grouped by the province their name ends
with ("Công an tỉnh Lào Cai", "Ủy ban nhân dân thành phố Hồ Chí Minh"); a root whose name names no
province is a shard of its own. Organisations above province level, and those whose chain reaches
no province-level organisation, form the "central" shard. Every organisation is in exactly one shard.

`shards_of` is pure (rows in, shards out); `directory_shards` reads the stored directory.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dondoc.settings import Settings

PROVINCE_LEVEL = "tinh"
CENTRAL_LEVELS = frozenset({"trung-uong"})
CENTRAL = "central"
# the last "tỉnh X" / "thành phố X" of a name, in lower case as names write the unit ("Tỉnh ủy …",
# "Thành đoàn …" are not it); "Văn phòng UBND thành phố thành phố Hải Phòng" → Hải Phòng
_PROVINCE_NAME = re.compile(r".*\b(?:tỉnh|thành phố)\s+(\S.*)$")


@dataclass(frozen=True)
class OrgRow:
    """What sharding needs to know of an organisation."""

    code: str
    name: str
    level: str
    parent: str | None


@dataclass(frozen=True)
class Shard:
    """A group of organisations swept together: a province (its slug) or "central"."""

    key: str
    name: str  # as a person reads it: "Lào Cai", "Trung ương"
    orgs: tuple[str, ...]


def slug(text: str) -> str:
    """ "Hồ Chí Minh" → "ho-chi-minh": what run names and parameters carry."""
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    return "-".join(re.sub(r"[^a-z0-9]+", " ", plain).split()) or "x"


def province_name(name: str) -> str | None:
    """The province a province-level body's name ends with, or None."""
    found = _PROVINCE_NAME.match(unicodedata.normalize("NFC", name.strip()))
    return found.group(1).strip() if found else None


def _root(code: str, by_code: dict[str, OrgRow]) -> str | None:
    """The topmost province-level organisation on the parent chain (the organisation itself included)."""
    root, seen, cur = None, set(), by_code.get(code)
    while cur is not None and cur.code not in seen:
        seen.add(cur.code)
        if cur.level in CENTRAL_LEVELS:
            break
        if cur.level == PROVINCE_LEVEL:
            root = cur.code
        cur = by_code.get(cur.parent) if cur.parent else None
    return root


def shards_of(rows: list[OrgRow]) -> list[Shard]:
    """The shards of a directory: provinces in name order, then "central" (when it holds anyone)."""
    by_code = {r.code: r for r in rows}
    members: dict[str, list[str]] = defaultdict(list)
    names: dict[str, str] = {}
    for r in sorted(rows, key=lambda r: r.code):
        root = _root(r.code, by_code)
        if root is None:
            members[CENTRAL].append(r.code)
            continue
        province = province_name(by_code[root].name)
        key = slug(province) if province else slug(root)
        if key == CENTRAL:
            key = f"{key}-{slug(root)}"
        members[key].append(r.code)
        names.setdefault(key, province or by_code[root].name)
    out = [Shard(key=k, name=names[k], orgs=tuple(v)) for k, v in sorted(members.items()) if k != CENTRAL]
    if members.get(CENTRAL):
        out.append(Shard(key=CENTRAL, name="Trung ương", orgs=tuple(members[CENTRAL])))
    return out


def directory_shards(settings: Settings) -> list[Shard]:
    """The shards of the stored directory."""
    from sqlmodel import select

    from dondoc.app.steps import engine
    from dondoc.store import models as m
    from dondoc.store.db import session_scope

    with session_scope(engine(settings)) as s:
        rows = [OrgRow(code=c, name=n, level=lv, parent=p) for c, n, lv, p in s.exec(
            select(m.Organization.code, m.Organization.name, m.Organization.level, m.Organization.parent)).all()]
    return shards_of(rows)


def select_shard(shards: list[Shard], *, province: str | None, orgs: list[str] | None) -> Shard:
    """The shard a `sweep-shard` run was asked for: a province (its key or its name), or a group of codes."""
    from dondoc.errors import ConfigError

    if (province is None) == (orgs is None):
        raise ConfigError("sweep-shard: cho đúng một trong hai tham số province (tỉnh, thành phố) hoặc orgs "
                          "(danh sách mã đơn vị)")
    if orgs is not None:
        if not orgs:
            raise ConfigError("sweep-shard: danh sách mã đơn vị (orgs) đang trống")
        known_codes = {code for shard in shards for code in shard.orgs}
        unknown = sorted(set(orgs) - known_codes)
        if unknown:
            raise ConfigError(f"sweep-shard: mã đơn vị không có trong danh bạ: {', '.join(unknown[:10])}"
                              + (f" (và {len(unknown) - 10} mã khác)" if len(unknown) > 10 else ""))
        return Shard(key=f"orgs-{len(orgs)}", name=f"{len(orgs)} đơn vị", orgs=tuple(sorted(set(orgs))))
    wanted = slug(province or "")
    for shard in shards:
        if shard.key == wanted:
            return shard
    known = ", ".join(s.key for s in shards) or "(danh bạ trống)"
    raise ConfigError(f"sweep-shard: không có tỉnh, thành phố “{province}” trong danh bạ; có: {known}")
