"""The compliance boards: one per supervising body, the provinces, the nation (pure).

Every row carries the four buckets of Vietnamese task statistics, the on-time rate by the
board's one rule (`buckets.on_time_rate`: 0 % for a unit with work due and none done on time,
"—" when nothing is due yet) and the tasks not acknowledged. Rows run worst first: most
overdue, then the lowest rate, then most unacknowledged; the total comes first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date

from dondoc.app.board import caption as rate_caption
from dondoc.app.dashboards import markdown as md
from dondoc.app.dashboards.names import CENTRAL, Org, Place, abbreviate, board_keys, level_rank, slug
from dondoc.schedule.buckets import on_time_rate


@dataclass(frozen=True)
class Counts:
    """The four buckets of one unit (or a sum of units), and the tasks it has not acknowledged."""

    on_time: int = 0
    late: int = 0
    open: int = 0
    overdue: int = 0
    unacknowledged: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    @property
    def rate(self) -> float | None:
        return on_time_rate(on_time=self.on_time, late=self.late, overdue=self.overdue)

    @property
    def counted(self) -> int:
        return self.on_time + self.late + self.open + self.overdue


ZERO = Counts()


def total(counts: Iterable[Counts]) -> Counts:
    out = ZERO
    for c in counts:
        out = out + c
    return out


def worst_first(counts: Counts, name: str) -> tuple[int, float, int, str]:
    """The sort key of a row: most overdue, lowest rate (nothing due yet goes last), most unacknowledged."""
    r = counts.rate
    return (-counts.overdue, 2.0 if r is None else r, -counts.unacknowledged, name)


COLUMNS = (md.Column("HT<br>đúng hạn", True), md.Column("HT<br>quá hạn", True), md.Column("Đang<br>trong hạn", True),
           md.Column("Quá hạn<br>chưa HT", True), md.Column("Tỉ lệ<br>đúng hạn", True), md.Column("Chưa<br>xác nhận", True))
LEGEND = ("HT: hoàn thành. Bốn cột đầu là số việc (mỗi kỳ báo cáo, mỗi nhiệm vụ của mỗi đơn vị là một việc): "
          "hoàn thành đúng hạn, hoàn thành quá hạn, đang thực hiện trong hạn, quá hạn chưa hoàn thành. "
          "“Chưa xác nhận”: số nhiệm vụ đơn vị chưa xác nhận đã tiếp nhận. Xếp từ đơn vị có nhiều việc quá hạn nhất, "
          "rồi tỉ lệ đúng hạn thấp nhất. Rê chuột lên tên đơn vị để xem tên đầy đủ.")


def count_cells(c: Counts) -> list[str]:
    return [md.num(c.on_time), md.num(c.late), md.num(c.open), md.num(c.overdue), md.rate(c.rate), md.num(c.unacknowledged)]


@dataclass(frozen=True)
class Artifact:
    """One Prefect markdown artifact: its key, its body and the line the UI shows above it."""

    key: str
    markdown: str
    description: str


def _caption(against: str) -> str:
    return f"{rate_caption(against)} {LEGEND}"


@dataclass(frozen=True)
class BoardInput:
    """What every board is made from: the units, their counts, their provinces."""

    as_of: date
    against: str
    orgs: Sequence[Org]
    counts: Mapping[str, Counts]
    places: Mapping[str, Place]
    levels: frozenset[str] = frozenset({"trung-uong", "tinh", "huyen"})


def body_boards(data: BoardInput) -> list[Artifact]:
    """`board-<code>` for each supervising body of the configured levels: its direct subordinates."""
    by_code = {o.code: o for o in data.orgs}
    children: dict[str, list[Org]] = defaultdict(list)
    for o in data.orgs:
        if o.parent in by_code and (o.active or data.counts.get(o.code, ZERO).counted):
            children[o.parent].append(o)
    keys = board_keys(by_code)
    published = {code for code in children if by_code[code].level in data.levels}
    return [_body_board(data, by_code[code], children[code], keys, published) for code in sorted(published)]


def unit_link(o: Org, place: Place | None, key: str, has_board: bool) -> str:
    """A unit's short name; its full name shows under the pointer, and a click opens its own board if it
    has one (a link relative to the artifact's page, /artifacts/artifact/<id> in either UI)."""
    if has_board:
        return md.link(abbreviate(o.name, place=place), f"../key/{key}", f"{o.name} (xem bảng của đơn vị này)")
    return md.link(abbreviate(o.name, place=place), f"#{key}", o.name)


def _body_board(data: BoardInput, body: Org, units: list[Org], keys: Mapping[str, str], published: set[str]) -> Artifact:
    place = data.places.get(body.code)
    rows = sorted(units, key=lambda o: worst_first(data.counts.get(o.code, ZERO), abbreviate(o.name, place=place)))
    sub = total(data.counts.get(o.code, ZERO) for o in units)
    table_rows = [[md.bold("Tổng cộng"), *(md.bold(c) for c in count_cells(sub))]]
    for o in rows:
        table_rows.append([unit_link(o, place, keys[o.code], o.code in published),
                           *count_cells(data.counts.get(o.code, ZERO))])
    late_units = sum(1 for o in units if data.counts.get(o.code, ZERO).overdue)
    head = (f"### Đơn vị trực thuộc {md.text(body.name)}\n\n"
            f"Đến ngày {data.as_of:%d/%m/%Y}: {md.num(len(units))} đơn vị, {md.num(late_units)} đơn vị có việc quá hạn "
            f"chưa hoàn thành ({md.num(sub.overdue)} việc); tỉ lệ đúng hạn chung {md.rate(sub.rate)}.\n\n")
    markdown = head + md.table([md.Column("Đơn vị"), *COLUMNS], table_rows) + "\n\n" + md.text(_caption(data.against))
    return Artifact(keys[body.code], markdown,
                    f"Bảng theo dõi thực hiện nhiệm vụ của các đơn vị trực thuộc {body.name}, đến ngày {data.as_of:%d/%m/%Y}.")


def provinces_board(data: BoardInput) -> Artifact:
    """`board-provinces`: one row per province (central bodies in a row of their own, last)."""
    units: dict[Place, int] = defaultdict(int)
    sums: dict[Place, Counts] = defaultdict(lambda: ZERO)
    for o in data.orgs:
        p = data.places.get(o.code, CENTRAL)
        c = data.counts.get(o.code, ZERO)
        if o.active or c.counted:
            units[p] += 1
            sums[p] = sums[p] + c
    provinces = sorted((p for p in units if p != CENTRAL),
                       key=lambda p: worst_first(sums[p], p.name))
    if CENTRAL in units:
        provinces.append(CENTRAL)
    all_ = total(sums.values())
    rows = [[md.bold("Toàn quốc"), md.bold(md.num(sum(units.values()))), *(md.bold(c) for c in count_cells(all_))]]
    for p in provinces:
        label = "Cơ quan trung ương" if p == CENTRAL else p.name
        rows.append([md.link(label, "#" + slug(p.name), p.title), md.num(units[p]), *count_cells(sums[p])])
    n_prov = len([p for p in provinces if p != CENTRAL])
    late = sum(1 for p in provinces if p != CENTRAL and sums[p].overdue)
    head = (f"### Theo tỉnh, thành phố\n\nĐến ngày {data.as_of:%d/%m/%Y}: {md.num(n_prov)} tỉnh, thành phố; "
            f"{md.num(late)} nơi có việc quá hạn chưa hoàn thành ({md.num(all_.overdue)} việc); "
            f"tỉ lệ đúng hạn chung {md.rate(all_.rate)}.\n\n")
    markdown = (head + md.table([md.Column("Tỉnh, thành phố"), md.Column("Số<br>đơn vị", True), *COLUMNS], rows)
                + "\n\n" + md.text(_caption(data.against)))
    return Artifact("board-provinces", markdown,
                    f"Bảng theo dõi thực hiện nhiệm vụ theo tỉnh, thành phố, đến ngày {data.as_of:%d/%m/%Y}.")


LEVEL_VI = {"trung-uong": "Cấp trung ương", "tinh": "Cấp tỉnh", "huyen": "Cấp huyện", "xa": "Cấp xã"}


def national_board(data: BoardInput, *, worst: int = 5) -> Artifact:
    """`board-national`: the nation's total, by level, and the provinces with the most overdue work."""
    units: dict[str, int] = defaultdict(int)
    sums: dict[str, Counts] = defaultdict(lambda: ZERO)
    by_place: dict[Place, Counts] = defaultdict(lambda: ZERO)
    for o in data.orgs:
        c = data.counts.get(o.code, ZERO)
        if o.active or c.counted:
            units[o.level] += 1
            sums[o.level] = sums[o.level] + c
            by_place[data.places.get(o.code, CENTRAL)] += c
    all_ = total(sums.values())
    rows = [[md.bold("Toàn quốc"), md.bold(md.num(sum(units.values()))), *(md.bold(c) for c in count_cells(all_))]]
    for level in sorted(units, key=level_rank):
        rows.append([md.text(LEVEL_VI.get(level, level)), md.num(units[level]), *count_cells(sums[level])])
    late = sorted((p for p in by_place if p != CENTRAL and by_place[p].overdue),
                  key=lambda p: worst_first(by_place[p], p.name))[:worst]
    lines = ", ".join(f"{md.text(p.name)} ({md.num(by_place[p].overdue)})" for p in late) or "không có"
    markdown = (f"### Toàn quốc\n\nĐến ngày {data.as_of:%d/%m/%Y}: {md.num(all_.overdue)} việc quá hạn chưa hoàn thành; "
                f"tỉ lệ đúng hạn {md.rate(all_.rate)}.\n\n"
                + md.table([md.Column("Cấp"), md.Column("Số<br>đơn vị", True), *COLUMNS], rows)
                + f"\n\nNhiều việc quá hạn nhất: {lines}. Chi tiết: bảng `board-provinces` (theo tỉnh, thành phố), "
                  "`overdue-list` (50 việc quá hạn lâu nhất) và `board-<mã đơn vị>` (từng cơ quan chủ quản).\n\n"
                + md.text(_caption(data.against)))
    return Artifact("board-national", markdown,
                    f"Tổng hợp toàn quốc tình hình thực hiện nhiệm vụ, đến ngày {data.as_of:%d/%m/%Y}.")
