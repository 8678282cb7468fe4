"""A synthetic directory in the shape of Vietnam after 1/7/2025, for benchmarks and scale tests.

Real: the 34 provincial units of NQ 202/2025/QH15 with their names, the 3,321 commune-level
units (2,621 xã, 687 phường, 13 đặc khu; the 13 đặc khu by their real names) and how many
each province has (the 34 NQ of the UBTVQH on the communes, as tallied in news lists; the
totals match the national figures exactly). Generated: the names of the xã and phường, the
people and their example.vn addresses.

Each province: its UBND, Văn phòng UBND, Ủy ban MTTQ, Công an, Bộ Chỉ huy quân sự, twelve
sở and ngành, and the four mass organisations (Đoàn TN, Hội LHPN, Hội ND, Hội CCB) under
its Ủy ban MTTQ (QĐ 304-QĐ/TW). Each commune: its UBND, Ủy ban MTTQ, Công an, Ban Chỉ huy
quân sự, and five member organisations (the four above and Hội Người cao tuổi) under its
Ủy ban MTTQ. Nine units a commune and 21 a province: 30,606 organisations for the nation,
with three central bodies that the provinces escalate to. (Not every commune has a police
unit of its own in reality: 3,319 for 3,321 communes; here every one has.)

The output is plain data in the format of config/organizations.yaml, to be validated by
dondoc.directory.parse_directory and imported by the real import path: one file per province
(directory_files: a file may hold at most 5,000 organisations), or the whole (directory_data).

    from vietnam import Scale, directory_data
    data = directory_data(Scale(provinces=3))          # the first three provinces, whole
    files = directory_files(Scale(provinces=3))        # the same, one file per province
    data = directory_data(Scale(provinces=1, communes=12))
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

# (name, city?, phường, xã, đặc khu names); NQ 202/2025/QH15 order of the 11 unchanged units first.
PROVINCES: tuple[tuple[str, bool, int, int, tuple[str, ...]], ...] = (
    ("Hà Nội", True, 51, 75, ()), ("Huế", True, 21, 19, ()), ("Lai Châu", False, 2, 36, ()),
    ("Điện Biên", False, 3, 42, ()), ("Sơn La", False, 8, 67, ()), ("Lạng Sơn", False, 4, 61, ()),
    ("Quảng Ninh", False, 30, 22, ("Vân Đồn", "Cô Tô")), ("Thanh Hóa", False, 19, 147, ()),
    ("Nghệ An", False, 11, 119, ()), ("Hà Tĩnh", False, 9, 60, ()), ("Cao Bằng", False, 3, 53, ()),
    ("Tuyên Quang", False, 7, 117, ()), ("Lào Cai", False, 10, 89, ()), ("Thái Nguyên", False, 15, 77, ()),
    ("Phú Thọ", False, 15, 133, ()), ("Bắc Ninh", False, 33, 66, ()), ("Hưng Yên", False, 11, 93, ()),
    ("Hải Phòng", True, 45, 67, ("Cát Hải", "Bạch Long Vĩ")), ("Ninh Bình", False, 32, 97, ()),
    ("Quảng Trị", False, 8, 69, ("Cồn Cỏ",)), ("Đà Nẵng", True, 23, 70, ("Hoàng Sa",)),
    ("Quảng Ngãi", False, 9, 86, ("Lý Sơn",)), ("Gia Lai", False, 25, 110, ()),
    ("Khánh Hòa", False, 16, 48, ("Trường Sa",)), ("Lâm Đồng", False, 20, 103, ("Phú Quý",)),
    ("Đắk Lắk", False, 14, 88, ()), ("Hồ Chí Minh", True, 113, 54, ("Côn Đảo",)),
    ("Đồng Nai", False, 23, 72, ()), ("Tây Ninh", False, 14, 82, ()), ("Cần Thơ", True, 31, 72, ()),
    ("Vĩnh Long", False, 19, 105, ()), ("Đồng Tháp", False, 20, 82, ()), ("Cà Mau", False, 9, 55, ()),
    ("An Giang", False, 14, 85, ("Phú Quốc", "Kiên Hải", "Thổ Châu")),
)

# The sở and ngành of a province after the 2025 mergers (Báo cáo 219/BC-BNV; the provincial level inferred).
DEPARTMENTS: tuple[tuple[str, str, str], ...] = (
    ("so-noi-vu", "Sở Nội vụ", "Sở NV"), ("so-tai-chinh", "Sở Tài chính", "Sở TC"),
    ("so-xay-dung", "Sở Xây dựng", "Sở XD"), ("so-nnmt", "Sở Nông nghiệp và Môi trường", "Sở NN&MT"),
    ("so-cong-thuong", "Sở Công Thương", "Sở CT"), ("so-khcn", "Sở Khoa học và Công nghệ", "Sở KH&CN"),
    ("so-gddt", "Sở Giáo dục và Đào tạo", "Sở GD&ĐT"), ("so-y-te", "Sở Y tế", "Sở YT"),
    ("so-vhttdl", "Sở Văn hóa, Thể thao và Du lịch", "Sở VHTTDL"), ("so-tu-phap", "Sở Tư pháp", "Sở TP"),
    ("so-dttg", "Sở Dân tộc và Tôn giáo", "Sở DT&TG"), ("thanh-tra", "Thanh tra", "Thanh tra"),
)
# Mass organisations of a province, under its Ủy ban MTTQ.
PROVINCE_MASS: tuple[tuple[str, str], ...] = (
    ("doan", "Đoàn Thanh niên Cộng sản Hồ Chí Minh"), ("hoi-lhpn", "Hội Liên hiệp Phụ nữ"),
    ("hoi-nd", "Hội Nông dân"), ("hoi-ccb", "Hội Cựu chiến binh"),
)
# A commune's units: (suffix, name before the commune's, short alias prefix, parent suffix, groups).
COMMUNE_UNITS: tuple[tuple[str, str, str, str | None, tuple[str, ...]], ...] = (
    ("ubnd", "Ủy ban nhân dân", "UBND", None, ("ubnd-xa",)),
    ("mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam", "Ủy ban MTTQ", None, ("mttq-xa",)),
    ("ca", "Công an", "CA", None, ("ca-xa",)),
    ("bchqs", "Ban Chỉ huy quân sự", "BCHQS", "ubnd", ("bchqs-xa",)),
    ("doan", "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn TN", "mttq", ("doan-xa", "tctv-xa")),
    ("phunu", "Hội Liên hiệp Phụ nữ", "Hội LHPN", "mttq", ("phunu-xa", "tctv-xa")),
    ("nongdan", "Hội Nông dân", "Hội ND", "mttq", ("nongdan-xa", "tctv-xa")),
    ("ccb", "Hội Cựu chiến binh", "Hội CCB", "mttq", ("ccb-xa", "tctv-xa")),
    ("nct", "Hội Người cao tuổi", "Hội NCT", "mttq", ("nct-xa", "tctv-xa")),
)
# Per-province groups, named with the province's name so that a national directory stays unambiguous.
PROVINCE_GROUPS: dict[str, str] = {
    "so-nganh": "các sở, ban, ngành", "tctv-tinh": "các tổ chức chính trị - xã hội",
    "ubnd-xa": "UBND các xã, phường, đặc khu", "mttq-xa": "Ủy ban MTTQ các xã, phường, đặc khu",
    "ca-xa": "Công an các xã, phường, đặc khu", "bchqs-xa": "Ban Chỉ huy quân sự các xã, phường, đặc khu",
    "tctv-xa": "các tổ chức thành viên của Ủy ban MTTQ cấp xã", "doan-xa": "Đoàn Thanh niên các xã, phường",
    "phunu-xa": "Hội LHPN các xã, phường", "nongdan-xa": "Hội Nông dân các xã, phường",
    "ccb-xa": "Hội CCB các xã, phường", "nct-xa": "Hội Người cao tuổi các xã, phường",
}
# National groups: what central bodies write to.
NATIONAL_GROUPS: dict[str, list[str]] = {
    "ubnd-tinh": ["UBND các tỉnh, thành phố trực thuộc Trung ương", "UBND các tỉnh, thành phố"],
    "mttq-tinh": ["Ủy ban MTTQ Việt Nam các tỉnh, thành phố", "Ban Thường trực Ủy ban MTTQ Việt Nam các tỉnh, thành phố"],
    "ca-tinh": ["Công an các tỉnh, thành phố trực thuộc Trung ương", "Công an các tỉnh, thành phố"],
}
CENTRAL: tuple[tuple[str, str, str], ...] = (
    ("vpcp", "Văn phòng Chính phủ", "VPCP"),
    ("ubtw-mttq", "Ban Thường trực Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Ban Thường trực UBTƯ MTTQ Việt Nam"),
    ("bo-cong-an", "Bộ Công an", "BCA"),
)

_FIRST = ("An", "Bình", "Tân", "Phú", "Hòa", "Long", "Thạnh", "Đông", "Tây", "Nam", "Bắc", "Hưng", "Vĩnh",
          "Xuân", "Minh", "Quang", "Hải", "Sơn", "Trung", "Thanh", "Mỹ", "Đức", "Hồng", "Phước", "Thuận",
          "Kim", "Cẩm", "Ngọc", "Lộc", "Thái", "Hiệp", "Nghĩa", "Yên", "Tiên", "Hoàng", "Đại", "Tam", "Gia")
_SECOND = ("Lập", "Hòa", "Phú", "Thịnh", "Lợi", "Hưng", "An", "Bình", "Thành", "Phong", "Sơn", "Lâm",
           "Điền", "Hải", "Hiệp", "Tiến", "Quý", "Xuân", "Trạch", "Khánh", "Mỹ", "Định", "Lộc", "Tân",
           "Thuận", "Đông", "Yên", "Kiều", "Dương", "Hà", "Phước", "Trung", "Hồng", "Nghĩa", "Vinh", "Tường")
_SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô")
_MIDDLE = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quang", "Thu", "Hồng")
_GIVEN = ("An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hoa", "Hùng", "Hương", "Lan", "Linh", "Long",
          "Mai", "Nam", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vân", "Yến")


@dataclass(frozen=True)
class Scale:
    """Which part of the nation takes part: the first `provinces` (in PROVINCES order), all their
    communes, except the last province, which keeps only its first `communes` when that is set."""

    provinces: int = 34
    communes: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.provinces <= len(PROVINCES):
            raise ValueError(f"provinces must be 1–{len(PROVINCES)}, not {self.provinces}")
        if self.communes is not None and self.communes < 0:
            raise ValueError("communes must be ≥ 0")


@dataclass(frozen=True)
class Commune:
    kind: str  # xã | phường | đặc khu
    name: str
    slug: str


@dataclass(frozen=True)
class Province:
    index: int
    name: str
    city: bool
    slug: str
    communes: tuple[Commune, ...]

    @property
    def title(self) -> str:
        """ "tỉnh Lào Cai", "thành phố Hồ Chí Minh": how names end."""
        return f"{'thành phố' if self.city else 'tỉnh'} {self.name}"


def slug(text: str) -> str:
    from dondoc.directory import fold

    return "-".join("".join(ch if ch.isalnum() else " " for ch in fold(text)).split())


def _commune_names(index: int, count: int, taken: set[str]) -> list[str]:
    rng = random.Random(1000 + index)  # deterministic: the same nation every run
    out: list[str] = []
    while len(out) < count:
        name = f"{rng.choice(_FIRST)} {rng.choice(_SECOND)}"
        key = slug(name)  # "Thạnh Sơn" and "Thanh Sơn" would share a code
        if name.split()[0] != name.split()[1] and key not in taken:
            taken.add(key)
            out.append(name)
    return out


def provinces(scale: Scale = Scale()) -> list[Province]:
    """The provinces taking part, each with its communes (phường first, then xã, then đặc khu)."""
    out = []
    for i, (name, city, n_phuong, n_xa, dac_khu) in enumerate(PROVINCES[: scale.provinces]):
        taken = {slug(n) for n in dac_khu}
        kinds = ["phường"] * n_phuong + ["xã"] * n_xa
        names = _commune_names(i, len(kinds), taken)
        communes = [Commune(k, n, f"{'p' if k == 'phường' else 'x'}-{slug(n)}") for k, n in zip(kinds, names)]
        communes += [Commune("đặc khu", n, f"dk-{slug(n)}") for n in dac_khu]
        if i == scale.provinces - 1 and scale.communes is not None:
            communes = communes[: scale.communes]
        out.append(Province(i, name, city, slug(name), tuple(communes)))
    return out


def _contacts(code: str, rng: random.Random) -> list[dict[str, str]]:
    def person() -> str:
        return f"{rng.choice(_SURNAMES)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}"

    out = [{"name": person(), "email": f"vanthu.{code}@example.vn", "role": "coordinator"},
           {"name": person(), "email": f"lanhdao.{code}@example.vn", "role": "head"}]
    if code.endswith("-vp-ubnd"):  # the province's dondoc admin: failed deliveries, unassigned tasks
        out.append({"name": f"Quản trị dondoc ({person()})", "email": f"quantri.{code}@example.vn", "role": "admin"})
    return out


def _org(code: str, name: str, aliases: list[str], level: str, parent: str | None, groups: list[str],
         rng: random.Random) -> dict[str, Any]:
    return {"code": code, "name": name, "aliases": aliases, "level": level, "parent": parent,
            "groups": groups, "contacts": _contacts(code, rng), "valid_from": "2025-07-01"}


def province_orgs(p: Province, rng: random.Random) -> list[dict[str, Any]]:
    """The province's own units, then each commune's nine."""
    s, t = p.slug, p.title
    short = "TP" if p.city else "tỉnh"
    orgs = [
        _org(f"{s}-ubnd", f"Ủy ban nhân dân {t}", [f"UBND {t}", f"UBND {short} {p.name}"], "tinh", "vpcp",
             ["ubnd-tinh"], rng),
        _org(f"{s}-vp-ubnd", f"Văn phòng Ủy ban nhân dân {t}", [f"Văn phòng UBND {t}"], "tinh", f"{s}-ubnd", [], rng),
        _org(f"{s}-mttq", f"Ủy ban Mặt trận Tổ quốc Việt Nam {t}", [f"Ủy ban MTTQ Việt Nam {t}",
             f"Ban Thường trực Ủy ban MTTQ Việt Nam {t}"], "tinh", "ubtw-mttq", ["mttq-tinh"], rng),
        _org(f"{s}-ca", f"Công an {t}", [f"CA {short} {p.name}"], "tinh", "bo-cong-an", ["ca-tinh"], rng),
        _org(f"{s}-bchqs", f"Bộ Chỉ huy quân sự {t}", [f"Bộ CHQS {t}"], "tinh", f"{s}-ubnd", [], rng),
    ]
    orgs += [_org(f"{s}-{code}", f"{name} {t}", [f"{abbr} {t}"], "tinh", f"{s}-ubnd", [f"{s}-so-nganh"], rng)
             for code, name, abbr in DEPARTMENTS]
    mass_name = {"doan": f"{'Thành' if p.city else 'Tỉnh'} đoàn {p.name}"}
    orgs += [_org(f"{s}-{code}", mass_name.get(code, f"{name} {t}"), [f"{name} {t}"] if code == "doan" else [],
                  "tinh", f"{s}-mttq", [f"{s}-tctv-tinh"], rng) for code, name in PROVINCE_MASS]
    parents = {"ubnd": f"{s}-ubnd", "mttq": f"{s}-mttq", "ca": f"{s}-ca"}
    for c in p.communes:
        where = f"{c.kind} {c.name}"
        for suffix, name, abbr, parent, groups in COMMUNE_UNITS:
            parent_code = f"{s}-{c.slug}-{parent}" if parent else parents[suffix]
            orgs.append(_org(f"{s}-{c.slug}-{suffix}", f"{name} {where}", [f"{abbr} {where}"], "xa", parent_code,
                             [f"{s}-{g}" for g in groups], rng))
    return orgs


def directory_files(scale: Scale = Scale()) -> list[dict[str, Any]]:
    """The directory as one file per province (the format of config/organizations.yaml), each with
    the central bodies and the national groups it refers to, so that each validates on its own:
    dondoc.bounds refuses a file of more than 5,000 organisations, and the nation has 30,606."""
    rng = random.Random(7)
    central = [_org(code, name, [alias], "trung-uong", None, [], rng) for code, name, alias in CENTRAL]
    national: list[dict[str, Any]] = [{"code": code, "names": names} for code, names in NATIONAL_GROUPS.items()]
    out = []
    for p in provinces(scale):
        groups = [{"code": f"{p.slug}-{g}", "names": [f"{name} {p.title}"]} for g, name in PROVINCE_GROUPS.items()]
        out.append({"province": None, "organizations": [*central, *province_orgs(p, rng)],
                    "groups": [*national, *groups]})
    return out


def directory_data(scale: Scale = Scale()) -> dict[str, Any]:
    """The whole directory as plain data, in one piece (more than one file may hold: see directory_files)."""
    files = directory_files(scale)
    orgs = files[0]["organizations"][: len(CENTRAL)] + [o for f in files for o in f["organizations"][len(CENTRAL):]]
    groups = files[0]["groups"][: len(NATIONAL_GROUPS)] + [g for f in files for g in f["groups"][len(NATIONAL_GROUPS):]]
    return {"province": None, "organizations": orgs, "groups": groups}


def counts(scale: Scale = Scale()) -> dict[str, int]:
    """Provinces, communes by kind and organisations of a scale, without building it."""
    ps = provinces(scale)
    kinds = [c.kind for p in ps for c in p.communes]
    n = len(kinds)
    per_province = 5 + len(DEPARTMENTS) + len(PROVINCE_MASS)
    return {"provinces": len(ps), "communes": n, "xa": kinds.count("xã"), "phuong": kinds.count("phường"),
            "dac_khu": kinds.count("đặc khu"),
            "organizations": len(CENTRAL) + per_province * len(ps) + len(COMMUNE_UNITS) * n}
