"""Fifty recurring tasks fanned out over the synthetic nation of bench/vietnam.py, as task sets.

Seven come from central bodies (Văn phòng Chính phủ, Ban Thường trực UBTƯ MTTQ, Bộ Công an)
to the provinces, their owners written as collective names that the directory resolves
("UBND các tỉnh, thành phố trực thuộc Trung ương"). Forty-three are a province's own plans,
issued by its UBND, its Ủy ban MTTQ and its Công an to its sở and its communes: each province
issues them, and their owners carry the codes of the province's group as `dondoc ingest` writes
them after resolving "UBND các xã, phường, đặc khu" against the directory.

The calendar is built around four days of 2026 (BENCH_DAYS): the dispatches are issued on
27/4; the first sweep runs on Friday 12/6, after which everything due before it counts as
reported except in the laggard communes (one in 40, which never report); Saturday 13/6 is a
quiet day (only the 6-month anti-corruption reports due Tuesday 16/6 reach their 3-day rung);
Monday 15/6 is the national 6-month deadline, when the 6-month reports, the quarterly and
monthly reports, the weekly police reports and several actions all come due at once.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from vietnam import PROVINCE_GROUPS, Province, Scale, directory_data, provinces

ISSUED = date(2026, 4, 27)
FIRST_SWEEP = date(2026, 6, 12)  # Friday: the first sweep, then the history of reports received
QUIET_DAY = date(2026, 6, 13)  # Saturday
BUSY_EVE = date(2026, 6, 14)  # Sunday
BUSY_DAY = date(2026, 6, 15)  # Monday: the national 6-month deadline
LAGGARD_EVERY = 40  # one commune in 40 never reports (its units keep every past occurrence open)


@dataclass(frozen=True)
class Template:
    key: str
    issuer: str  # national: vpcp | ubtw-mttq | bo-cong-an; provincial: ubnd | mttq | ca
    kind: str
    repeat: str
    title: str
    owners: tuple[str, ...]  # a national group, a province group ("ubnd-xa") or a province unit ("@bchqs")
    due: tuple[str, ...] = ()
    events: tuple[str, ...] = ()


def _t(key: str, issuer: str, kind: str, repeat: str, when: str, owners: str, title: str) -> Template:
    dates = tuple(when.split())
    is_event = kind == "event"
    return Template(key, issuer, kind, repeat, title, tuple(owners.split()),
                    due=() if is_event else dates, events=dates if is_event else ())


NATIONAL = ("vpcp", "ubtw-mttq", "bo-cong-an")
TEMPLATES: tuple[Template, ...] = (
    _t("1", "vpcp", "report", "semiannual", "--06-15", "ubnd-tinh", "Báo cáo tình hình thực hiện nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao 6 tháng đầu năm"),
    _t("2", "vpcp", "report", "monthly", "---20", "ubnd-tinh", "Báo cáo tình hình kinh tế - xã hội tháng"),
    _t("3", "vpcp", "report", "annual", "--12-15", "ubnd-tinh", "Báo cáo kết quả thực hiện nhiệm vụ năm"),
    _t("1", "ubtw-mttq", "event", "annual", "--11-18", "mttq-tinh", "Chỉ đạo tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư"),
    _t("2", "ubtw-mttq", "report", "semiannual", "--06-18", "mttq-tinh", "Báo cáo sơ kết 6 tháng công tác Mặt trận"),
    _t("1", "bo-cong-an", "event", "annual", "--08-19", "ca-tinh", "Chỉ đạo tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc"),
    _t("2", "bo-cong-an", "report", "quarterly", "---15", "ca-tinh", "Báo cáo kết quả phong trào toàn dân bảo vệ an ninh Tổ quốc quý"),
    _t("1", "ubnd", "report", "monthly", "---15", "so-nganh ubnd-xa", "Báo cáo tình hình kinh tế - xã hội, quốc phòng, an ninh tháng"),
    _t("2", "ubnd", "report", "quarterly", "---15", "so-nganh ubnd-xa mttq-xa ca-xa", "Báo cáo kết quả công tác cải cách hành chính quý"),
    _t("3", "ubnd", "report", "semiannual", "--06-15", "so-nganh ubnd-xa bchqs-xa", "Báo cáo sơ kết 6 tháng đầu năm thực hiện nhiệm vụ phát triển kinh tế - xã hội"),
    _t("4", "ubnd", "report", "annual", "--11-15", "so-nganh ubnd-xa", "Báo cáo tổng kết thực hiện nhiệm vụ năm"),
    _t("5", "ubnd", "report", "semiannual", "---16", "so-nganh ubnd-xa", "Báo cáo công tác phòng, chống tham nhũng, tiêu cực 6 tháng"),
    _t("6", "ubnd", "report", "quarterly", "---18", "ubnd-xa", "Báo cáo công tác tiếp công dân, giải quyết khiếu nại, tố cáo quý"),
    _t("7", "ubnd", "report", "annual", "--06-29", "ubnd-xa mttq-xa tctv-xa", "Báo cáo kết quả thực hiện chính sách dân tộc, tôn giáo"),
    _t("8", "ubnd", "report", "weekly", "T5", "so-nganh @vp-ubnd", "Báo cáo kết quả công tác tuần và chương trình công tác tuần tới"),
    _t("9", "ubnd", "action", "once", "2026-06-15", "ubnd-xa mttq-xa ca-xa bchqs-xa tctv-xa", "Hoàn thành tự kiểm tra, rà soát văn bản thuộc phạm vi quản lý"),
    _t("10", "ubnd", "action", "once", "2026-06-16", "ubnd-xa", "Cập nhật, làm sạch cơ sở dữ liệu đất đai"),
    _t("11", "ubnd", "action", "once", "2026-06-22", "so-nganh ubnd-xa mttq-xa ca-xa bchqs-xa tctv-xa", "Hoàn thành kiểm kê tài sản công"),
    _t("12", "ubnd", "action", "once", "2026-09-30", "ubnd-xa", "Hoàn thành xóa nhà tạm, nhà dột nát"),
    _t("13", "ubnd", "action", "once", "2026-05-29", "ubnd-xa", "Tổ chức Tháng hành động vì trẻ em"),
    _t("14", "ubnd", "report", "monthly", "---20", "so-nganh", "Báo cáo tiến độ giải ngân vốn đầu tư công"),
    _t("15", "ubnd", "report", "semiannual", "---25", "bchqs-xa @bchqs", "Báo cáo công tác quốc phòng, quân sự địa phương 6 tháng"),
    _t("16", "ubnd", "event", "annual", "--09-02", "so-nganh ubnd-xa", "Tổ chức các hoạt động kỷ niệm Quốc khánh"),
    _t("17", "ubnd", "event", "annual", "--07-27", "ubnd-xa bchqs-xa", "Thăm hỏi, tặng quà gia đình chính sách nhân Ngày Thương binh - Liệt sĩ"),
    _t("18", "ubnd", "report", "annual", "--12-15", "so-nganh ubnd-xa", "Báo cáo kết quả thực hiện chuyển đổi số"),
    _t("19", "ubnd", "report", "quarterly", "---22", "ubnd-xa", "Báo cáo công tác thi hành án hành chính quý"),
    _t("20", "ubnd", "report", "annual", "--06-15", "ubnd-xa ca-xa mttq-xa tctv-xa", "Báo cáo kết quả xây dựng nông thôn mới, đô thị văn minh"),
    _t("1", "mttq", "report", "monthly", "---15", "mttq-xa", "Báo cáo kết quả công tác Mặt trận tháng"),
    _t("2", "mttq", "report", "semiannual", "--06-15", "mttq-xa tctv-tinh", "Báo cáo sơ kết 6 tháng công tác Mặt trận và các tổ chức chính trị - xã hội"),
    _t("3", "mttq", "report", "annual", "--11-15", "mttq-xa", "Báo cáo tổng kết công tác Mặt trận năm"),
    _t("4", "mttq", "event", "annual", "--11-18", "mttq-xa", "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư"),
    _t("5", "mttq", "event", "annual", "--03-26", "doan-xa @doan", "Kỷ niệm Ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh"),
    _t("6", "mttq", "event", "annual", "--10-20", "phunu-xa @hoi-lhpn", "Kỷ niệm Ngày Phụ nữ Việt Nam"),
    _t("7", "mttq", "event", "annual", "--10-14", "nongdan-xa @hoi-nd", "Kỷ niệm Ngày thành lập Hội Nông dân Việt Nam"),
    _t("8", "mttq", "event", "annual", "--12-06", "ccb-xa @hoi-ccb", "Kỷ niệm Ngày thành lập Hội Cựu chiến binh Việt Nam"),
    _t("9", "mttq", "event", "annual", "--06-06", "nct-xa", "Hưởng ứng Ngày truyền thống Người cao tuổi Việt Nam"),
    _t("10", "mttq", "report", "quarterly", "---15", "mttq-xa tctv-xa", "Báo cáo kết quả giám sát, phản biện xã hội quý"),
    _t("11", "mttq", "report", "semiannual", "--06-18", "mttq-xa ubnd-xa tctv-xa", "Báo cáo kết quả Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”"),
    _t("12", "mttq", "report", "semiannual", "--06-15", "tctv-xa", "Báo cáo kết quả hoạt động 6 tháng của tổ chức thành viên"),
    _t("13", "mttq", "action", "once", "2026-06-22", "mttq-xa tctv-xa", "Tổ chức lấy ý kiến Nhân dân về dự thảo văn bản"),
    _t("14", "mttq", "action", "once", "2026-06-16", "mttq-xa tctv-xa", "Rà soát hộ nghèo, vận động Quỹ “Vì người nghèo”"),
    _t("1", "ca", "report", "weekly", "T2", "ca-xa", "Báo cáo tình hình an ninh, trật tự tuần"),
    _t("2", "ca", "report", "monthly", "---15", "ca-xa", "Báo cáo kết quả công tác bảo đảm an ninh, trật tự tháng"),
    _t("3", "ca", "report", "semiannual", "--06-15", "ca-xa", "Báo cáo sơ kết 6 tháng phong trào toàn dân bảo vệ an ninh Tổ quốc"),
    _t("4", "ca", "event", "annual", "ngay-hoi-antq", "ca-xa ubnd-xa mttq-xa", "Tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc"),
    _t("5", "ca", "action", "once", "2026-06-15", "ca-xa", "Hoàn thành thu nhận hồ sơ cấp căn cước, định danh điện tử"),
    _t("6", "ca", "action", "once", "2026-06-30", "ca-xa", "Tổng kiểm tra, kiểm soát vũ khí, vật liệu nổ, công cụ hỗ trợ"),
    _t("7", "ca", "report", "quarterly", "---18", "ca-xa", "Báo cáo kết quả đấu tranh, trấn áp tội phạm quý"),
    _t("8", "ca", "event", "annual", "truyen-thong-cand", "ca-xa @ca", "Kỷ niệm Ngày truyền thống Công an nhân dân"),
    _t("9", "ca", "event", "annual", "--06-16", "ca-xa mttq-xa ubnd-xa tctv-xa", "Ngày truyền thống lực lượng xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc"),
)
_NATIONAL_OWNER = {"ubnd-tinh": "UBND các tỉnh, thành phố trực thuộc Trung ương",
                   "mttq-tinh": "Ủy ban MTTQ Việt Nam các tỉnh, thành phố",
                   "ca-tinh": "Công an các tỉnh, thành phố trực thuộc Trung ương"}
_NATIONAL_ISSUER = {"vpcp": ("125/VPCP-TH", "Văn phòng Chính phủ"),
                    "ubtw-mttq": ("3401/MTTW-BTT", "Ban Thường trực Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"),
                    "bo-cong-an": ("2710/KH-BCA-V05", "Bộ Công an")}
_PROVINCE_ISSUER = {"ubnd": ("KH-UBND", "Ủy ban nhân dân", "Kế hoạch thực hiện nhiệm vụ trọng tâm và chế độ báo cáo năm 2026"),
                    "mttq": ("KH-MTTQ-BTT", "Ban Thường trực Ủy ban MTTQ Việt Nam", "Kế hoạch công tác Mặt trận năm 2026"),
                    "ca": ("KH-CAT", "Công an", "Kế hoạch triển khai phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2026")}
_UNIT_NAMES = {"vp-ubnd": "Văn phòng UBND", "bchqs": "Bộ Chỉ huy quân sự", "doan": "Đoàn Thanh niên",
               "hoi-lhpn": "Hội Liên hiệp Phụ nữ", "hoi-nd": "Hội Nông dân", "hoi-ccb": "Hội Cựu chiến binh", "ca": "Công an"}


def _task(t: Template, owners: list[dict[str, Any]], report_to: str) -> dict[str, Any]:
    return {"key": t.key, "title": t.title, "text": f"{t.title}.", "kind": t.kind, "lead": owners,
            "schedule": {"repeat": t.repeat, "due": list(t.due), "events": list(t.events)},
            "report_to": report_to if t.kind == "report" else None}


def _members(directory: dict[str, Any]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for o in directory["organizations"]:
        for g in o["groups"]:
            out.setdefault(g, []).append(o["code"])
    return out


def tasksets(scale: Scale, directory: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """The task sets of a scale: three national dispatches, then three for each province."""
    directory = directory or directory_data(scale)
    members = _members(directory)
    out = []
    for issuer in NATIONAL:
        number, name = _NATIONAL_ISSUER[issuer]
        tasks = [_task(t, [{"name": _NATIONAL_OWNER[g]} for g in t.owners], name)
                 for t in TEMPLATES if t.issuer == issuer]
        out.append({"version": 1, "dispatch": {"number": number, "issuer": name, "issued_on": ISSUED.isoformat(),
                                               "subject": "V/v triển khai nhiệm vụ năm 2026"}, "tasks": tasks})
    for p in provinces(scale):
        for issuer, (suffix, name, subject) in _PROVINCE_ISSUER.items():
            issuer_name = f"{name} {p.title}"
            tasks = []
            for t in (t for t in TEMPLATES if t.issuer == issuer):
                owners: list[dict[str, Any]] = []
                for g in t.owners:
                    if g.startswith("@"):
                        owners.append({"name": f"{_UNIT_NAMES[g[1:]]} {p.title}", "org": f"{p.slug}-{g[1:]}"})
                    elif members.get(f"{p.slug}-{g}"):
                        owners.append({"name": PROVINCE_GROUPS[g], "orgs": members[f"{p.slug}-{g}"]})
                if owners:
                    tasks.append(_task(t, owners, issuer_name))
            out.append({"version": 1, "dispatch": {"number": f"{100 + p.index}/{suffix}", "issuer": issuer_name,
                                                   "issued_on": ISSUED.isoformat(), "subject": subject},
                        "tasks": tasks})
    return out


def _occurrences(t: Template, *, cal: Any, catalog: Any, lo: date, hi: date) -> list[date]:
    """The effective due dates of one owner's occurrences with a written date in [lo, hi]."""
    from dondoc.schedule.observances import observance_days
    from dondoc.schedule.recurrence import due_dates
    from dondoc.taskset import Schedule

    if t.events:
        out = []
        for ev in t.events:
            obs = catalog.by_key(ev) or catalog.by_date(ev)[0]
            out += [d.day for d in observance_days([obs], between=(lo, hi))]
        return out
    sched = Schedule(repeat=t.repeat, due=list(t.due))  # type: ignore[arg-type]
    return [cal.effective_due(d.stated) for d in due_dates(sched, anchor=ISSUED, between=(lo, hi), cal=cal)]


def expected_open(scale: Scale, *, cal: Any, catalog: Any, horizon_days: int, lookback_days: int = 45,
                  directory: dict[str, Any] | None = None) -> int:
    """How many occurrences are open after the quiet day's sweep: predicted from the pure
    schedule functions, with the windows of today's materialise (look-back, horizon)."""
    lo = max(FIRST_SWEEP - timedelta(days=lookback_days), ISSUED + timedelta(days=1))
    hi = QUIET_DAY + timedelta(days=horizon_days)
    per: dict[tuple[str, str], tuple[int, int]] = {}
    for t in TEMPLATES:
        dues = _occurrences(t, cal=cal, catalog=catalog, lo=lo, hi=hi)
        per[(t.issuer, t.key)] = (sum(d >= FIRST_SWEEP for d in dues), len(dues))
    total = 0
    directory = directory or directory_data(scale)
    members = _members(directory)
    for t in TEMPLATES:
        if t.issuer in NATIONAL:
            total += sum(per[(t.issuer, t.key)][0] for g in t.owners for _ in members.get(g, []))
    for p in provinces(scale):
        lag = {f"{p.slug}-{c.slug}" for i, c in enumerate(p.communes) if i % LAGGARD_EVERY == LAGGARD_EVERY - 1}
        for t in (t for t in TEMPLATES if t.issuer not in NATIONAL):
            regular, everything = per[(t.issuer, t.key)]
            codes = [f"{p.slug}-{g[1:]}" for g in t.owners if g.startswith("@")]
            codes += [c for g in t.owners if not g.startswith("@") for c in members.get(f"{p.slug}-{g}", [])]
            n_lag = sum(c.rsplit("-", 1)[0] in lag for c in codes)
            total += regular * (len(codes) - n_lag) + everything * n_lag
    return total


def laggard_codes(scale: Scale) -> list[str]:
    """The organisations of the communes that never report."""
    out = []
    for p in provinces(scale):
        for i, c in enumerate(p.communes):
            if i % LAGGARD_EVERY == LAGGARD_EVERY - 1:
                out += [o["code"] for o in _commune_orgs(p, c.slug)]
    return out


def _commune_orgs(p: Province, commune_slug: str) -> list[dict[str, str]]:
    from vietnam import COMMUNE_UNITS

    return [{"code": f"{p.slug}-{commune_slug}-{suffix}"} for suffix, *_ in COMMUNE_UNITS]


def template_summary() -> Counter[str]:
    """How many templates of each kind and cadence (for the bench's header)."""
    return Counter(f"{t.kind}/{t.repeat}" for t in TEMPLATES)
