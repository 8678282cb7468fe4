"""Realistic sample digests for the demo, the benchmark and tests (no I/O)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from dondoc.notify.model import Digest, DigestItem

_ORGS = (
    ("Công an tỉnh", "pv05"),
    ("Sở Thông tin và Truyền thông", "stttt"),
    ("Sở Văn hóa, Thể thao và Du lịch", "svhttdl"),
    ("Ủy ban nhân dân huyện Kinh Môn", "ubnd-kinhmon"),
    ("Bộ Chỉ huy Quân sự tỉnh", "bchqs"),
)


def sample_item(kind: str = "reminder", key: str = "2", due: date | None = date(2026, 8, 27), **overrides: Any) -> DigestItem:
    """One plausible item; override any field by keyword."""
    item = DigestItem(
        kind=kind,  # type: ignore[arg-type]
        dispatch_number="6711/MTTQ-BTT",
        dispatch_subject="V/v tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc",
        task_key=key,
        title="Báo cáo kết quả tổ chức Ngày hội",
        text="Tổng hợp, báo cáo kết quả tổ chức Ngày hội gửi về Ban Thường trực trước ngày 27/8.",
        owner_name="Công an tỉnh",
        due_stated=due,
        due_effective=due,
        days_left=7,
        period_label=None,
        window_phrase=None,
        report_to="Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh",
        observance_name=None,
        anniversary=None,
        round_year=False,
        classified=False,
        note=None,
    )
    return replace(item, **overrides)


def sample_digest(n: int = 0, *, domain: str = "example.vn", as_of: date = date(2026, 8, 20), **overrides: Any) -> Digest:
    """The n-th sample digest: four items of mixed kinds for one coordinator."""
    org, mailbox = _ORGS[n % len(_ORGS)]
    items = [
        sample_item("reminder", "2", as_of + timedelta(days=7), owner_name=org, days_left=7),
        sample_item(
            "reminder",
            "R1",
            as_of + timedelta(days=3),
            owner_name=org,
            days_left=3,
            title="Báo cáo sơ kết 6 tháng",
            period_label="6 tháng đầu năm 2026",
            window_phrase="số liệu tính từ 15/12/2025 đến 14/6/2026",
        ),
        sample_item("overdue", "3", as_of - timedelta(days=2), owner_name=org, days_left=-2, title="Gửi danh sách điển hình tiên tiến"),
        sample_item(
            "observance",
            "E1",
            date(as_of.year, 8, 19) if date(as_of.year, 8, 19) >= as_of else date(as_of.year + 1, 8, 19),
            dispatch_number=None,
            observance_name="Ngày hội toàn dân bảo vệ an ninh Tổ quốc",
            anniversary=21,
            days_left=None,
        ),
    ]
    digest = Digest(
        recipient_email=f"{mailbox}+{n}@{domain}",
        recipient_name=f"Cán bộ đầu mối {n}",
        org_name=org,
        as_of=as_of,
        items=items,
        reply_to=f"vanphong@{domain}",
        issuer="Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh",
    )
    return replace(digest, **overrides)
