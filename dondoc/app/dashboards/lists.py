"""The overdue list, the observances of the next 60 days and each dispatch's progress (pure)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from dondoc.app.dashboards import markdown as md
from dondoc.app.dashboards.boards import COLUMNS, Artifact, Counts, count_cells, total
from dondoc.app.dashboards.names import CENTRAL, Org, Place, abbreviate, dispatch_key, shorten, slug
from dondoc.schedule.observances import ObservanceDay
from dondoc.schedule.words import period_words

OVERDUE_CAP = 50
OBSERVANCE_DAYS = 60
NAMED = 3  # the organisations named beside each observance's count


@dataclass(frozen=True)
class Overdue:
    """One occurrence past its deadline and not done."""

    occurrence_id: int
    org_code: str
    dispatch: str | None  # số hiệu
    key: str
    title: str
    period: str
    due: date  # the deadline it is late against (the extended one when granted)


def period_short(period: str) -> str:
    """ "6 tháng đầu năm 2026", "tuần 5/2026": the period without its dates; "" for a one-off."""
    words = period_words(period)
    return re.sub(r"\s*\(.*\)$", "", words) if words else ""


def overdue_order(o: Overdue) -> tuple[date, str, int]:
    """Most days late first; the same order as the store's query, so the cap cuts the same rows."""
    return (o.due, o.org_code, o.occurrence_id)


def overdue_list(items: Sequence[Overdue], *, as_of: date, orgs: Mapping[str, Org], places: Mapping[str, Place],
                 by_org: Mapping[str, tuple[int, date]], cap: int = OVERDUE_CAP) -> Artifact:
    """`overdue-list`: the `cap` longest overdue, and the totals: in all, and by province."""
    worst = sorted(items, key=overdue_order)[:cap]
    count = sum(n for n, _ in by_org.values())
    per: dict[Place, list[int]] = defaultdict(lambda: [0, 0, 0])  # overdue, units, most days late
    for code, (n, oldest) in by_org.items():
        p = places.get(code, CENTRAL)
        per[p][0] += n
        per[p][1] += 1
        per[p][2] = max(per[p][2], (as_of - oldest).days)
    if not count:
        return Artifact("overdue-list", f"### Quá hạn chưa hoàn thành\n\nKhông có việc nào quá hạn chưa hoàn thành "
                                        f"đến ngày {as_of:%d/%m/%Y}.", _overdue_description(as_of))
    rows = []
    for o in worst:
        org = orgs.get(o.org_code, Org(o.org_code, o.org_code))
        place = places.get(o.org_code, CENTRAL)
        where = md.two_lines(md.link(abbreviate(org.name, place=place), f"#{slug(o.org_code)}", org.name),
                             md.text(place.name))
        ref = " · ".join(x for x in (f"số {o.dispatch}" if o.dispatch else "", f"mục {o.key}", period_short(o.period)) if x)
        what = md.two_lines(md.link(shorten(o.title or f"Mục {o.key}", 40), f"#viec-{o.occurrence_id}", o.title),
                            md.text(shorten(ref, 46)))
        rows.append([where, what, f"{o.due:%d/%m/%Y}", md.num((as_of - o.due).days)])
    table = md.table([md.Column("Đơn vị<br>(tỉnh, thành phố)"), md.Column("Nhiệm vụ<br>(văn bản, mục, kỳ)"),
                      md.Column("Hạn"), md.Column("Số ngày<br>quá hạn", True)], rows)
    places_sorted = sorted(per, key=lambda p: (-per[p][0], -per[p][2], p.name))
    by_place = md.table([md.Column("Tỉnh, thành phố"), md.Column("Việc<br>quá hạn", True),
                         md.Column("Đơn vị có<br>việc quá hạn", True), md.Column("Quá hạn lâu<br>nhất (ngày)", True)],
                        [[md.bold("Tổng cộng"), md.bold(md.num(count)), md.bold(md.num(len(by_org))),
                          md.bold(md.num(max(v[2] for v in per.values())))]]
                        + [[md.text("Cơ quan trung ương" if p == CENTRAL else p.name), md.num(per[p][0]),
                            md.num(per[p][1]), md.num(per[p][2])] for p in places_sorted])
    shown = (f"Dưới đây là {md.num(len(worst))} việc quá hạn lâu nhất" if count > len(worst)
             else "Dưới đây là tất cả các việc đó")
    markdown = (f"### Quá hạn chưa hoàn thành\n\nĐến ngày {as_of:%d/%m/%Y}: tổng cộng **{md.num(count)}** việc quá hạn "
                f"chưa hoàn thành, ở {md.num(len(by_org))} đơn vị. {shown}, xếp từ lâu nhất; tổng số theo tỉnh, "
                f"thành phố ở bảng thứ hai.\n\n{table}\n\n### Theo tỉnh, thành phố\n\n{by_place}\n\n"
                "Hạn: hạn đã gia hạn nếu có. Rê chuột lên tên đơn vị, tên nhiệm vụ để xem đầy đủ.")
    return Artifact("overdue-list", markdown, _overdue_description(as_of))


def _overdue_description(as_of: date) -> str:
    return f"Việc quá hạn chưa hoàn thành đến ngày {as_of:%d/%m/%Y}: những việc quá hạn lâu nhất (tối đa {OVERDUE_CAP}) và tổng số."


@dataclass(frozen=True)
class Preparing:
    """The organisations preparing one observance in one year (period "2026@ngay-hoi-antq")."""

    count: int
    first: tuple[str, ...]  # organisation codes, the first few by level then name


def anniversary_text(d: ObservanceDay) -> str:
    """ "80 năm (năm tròn)", "15 năm (năm chẵn)", "21 năm", or "—" (ND 111/2018: ceremonies in round years)."""
    if d.anniversary is None:
        return "—"
    kind = {"tròn": " (năm tròn)", "chẵn": " (năm chẵn)"}.get(d.milestone or "", "")
    return f"{d.anniversary} năm{kind}"


WEEKDAY = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")


def observances_list(days: Sequence[ObservanceDay], preparing: Mapping[tuple[str, str], Preparing], *,
                     as_of: date, orgs: Mapping[str, Org], places: Mapping[str, Place]) -> Artifact:
    """`observances-next-60-days`: date, name, anniversary, the organisations preparing."""
    rows = []
    for d in sorted(days, key=lambda x: (x.day, x.key)):
        prep = preparing.get((d.key, f"{d.day.year}@{d.key}"))
        if prep and prep.count:
            named = [orgs.get(c, Org(c, c)) for c in prep.first[:NAMED]]
            names = ", ".join(abbreviate(o.name, place=places.get(o.code), limit=24) + _in(places.get(o.code))
                              for o in named)
            more = "…" if prep.count > len(named) else ""
            who = md.two_lines(f"{md.num(prep.count)} đơn vị", md.text(shorten(names, 60) + more))
        else:
            who = "chưa có đơn vị nào được giao"
        lunar = f" (âm lịch {d.lunar[3:]}/{d.lunar[:2]})" if d.lunar else ""
        rows.append([f"{WEEKDAY[d.day.weekday()]} {d.day:%d/%m/%Y}{lunar}",
                     md.link(shorten(d.name, 44), f"#{slug(d.key)}", d.name), anniversary_text(d), who])
    end = date.fromordinal(as_of.toordinal() + OBSERVANCE_DAYS)
    head = (f"### Ngày kỷ niệm trong 60 ngày tới\n\nTừ {as_of:%d/%m/%Y} đến {end:%d/%m/%Y}: {md.num(len(rows))} ngày kỷ niệm. "
            "Năm tròn, năm chẵn theo Nghị định 111/2018/NĐ-CP (lễ kỷ niệm chỉ tổ chức vào năm tròn: 10, 20, 30… năm; "
            "năm chẵn: 5, 15, 25… năm).\n\n")
    body = (md.table([md.Column("Ngày"), md.Column("Ngày kỷ niệm"), md.Column("Kỷ niệm"), md.Column("Đơn vị chuẩn bị")], rows)
            if rows else "Không có ngày kỷ niệm nào trong 60 ngày tới.")
    return Artifact("observances-next-60-days", head + body,
                    f"Ngày kỷ niệm từ {as_of:%d/%m/%Y} đến {end:%d/%m/%Y} và các đơn vị chuẩn bị.")


def _in(place: Place | None) -> str:
    return f" ({place.name})" if place is not None and place != CENTRAL else ""


@dataclass(frozen=True)
class Item:
    """One item of a dispatch: how many organisations hold it, and its occurrences in the four states."""

    key: str
    title: str
    kind: str
    orgs: int
    counts: Counts


@dataclass(frozen=True)
class DispatchInfo:
    id: str
    identity: str
    number: str | None
    issuer: str | None
    issued_on: date | None
    subject: str | None


def natural(key: str) -> tuple[tuple[int, int | str], ...]:
    """Item keys in reading order: 2 < 2.a < 10 < R1."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"(\d+)", key) if p)


def dispatch_progress(d: DispatchInfo, items: Sequence[Item], *, as_of: date) -> Artifact:
    """`dispatch-<số hiệu>-<digest>`: one row per item, the organisations holding it and the four states."""
    name = f"số {d.number}" if d.number else (d.subject or d.id[:8])
    when = f" ngày {d.issued_on:%d/%m/%Y}" if d.issued_on else ""
    rows = [[md.bold("Tổng cộng"), "", md.bold(md.num(max((i.orgs for i in items), default=0))),
             *(md.bold(c) for c in count_cells(total(i.counts for i in items if i.kind != "event"))[:4])]]
    for i in sorted(items, key=lambda x: natural(x.key)):
        title = md.link(shorten(i.title or f"Mục {i.key}", 40), f"#muc-{slug(i.key)}", i.title)
        cells = ["—"] * 4 if i.kind == "event" else count_cells(i.counts)[:4]
        rows.append([md.text(i.key), title + (" (ngày kỷ niệm)" if i.kind == "event" else ""), md.num(i.orgs), *cells])
    head = (f"### Tiến độ thực hiện văn bản {md.text(name)}{when}\n\n"
            + (f"{md.text(d.issuer)}" + (f": {md.text(shorten(d.subject, 160))}" if d.subject else "") + "\n\n"
               if d.issuer or d.subject else "")
            + f"Đến ngày {as_of:%d/%m/%Y}. Mỗi kỳ báo cáo, mỗi nhiệm vụ của mỗi đơn vị là một việc; “Đơn vị”: số đơn vị được giao "
              "(dòng tổng cộng: nhiều nhất ở một mục); ngày kỷ niệm không tính vào bốn cột.\n\n")
    table = md.table([md.Column("Mục"), md.Column("Nhiệm vụ"), md.Column("Đơn vị", True), *COLUMNS[:4]], rows)
    return Artifact(dispatch_key(d.number, d.identity), head + table,
                    f"Tiến độ thực hiện văn bản {name}{when}, đến ngày {as_of:%d/%m/%Y}.")
