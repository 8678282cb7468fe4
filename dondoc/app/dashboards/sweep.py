"""What one sweep did, as the Prefect UI shows it under the key sweep-result (pure)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from dondoc.app.board import KIND_VI
from dondoc.app.dashboards import markdown as md


def sweep_markdown(counts: Mapping[str, Any]) -> str:
    """The counts of `tasks.publish.sweep_counts` in Vietnamese: one table, the kinds of notices after."""
    day = date.fromisoformat(counts["as_of"])
    rows = [
        ["Việc mới được tạo", md.num(counts["occurrences_created"])],
        ["Thư đã lập", md.num(counts["messages_planned"])],
        ["Thư đã gửi", md.num(counts["sent"])],
        ["Thư gửi thất bại", md.num(counts["failed"])],
        ["Thư chờ gửi lại", md.num(counts["retry"])],
        ["Đơn vị không có địa chỉ thư", md.num(counts["without_address"])],
        ["Bảng theo dõi đã đăng", md.num(counts["artifacts"])],
    ]
    by_kind = counts.get("notices_by_kind") or {}
    kinds = ", ".join(f"{KIND_VI.get(k, k)}: {md.num(n)}" for k, n in sorted(by_kind.items(), key=lambda kv: -kv[1]))
    return (f"### Kết quả quét ngày {day:%d/%m/%Y}\n\n"
            + md.table([md.Column("Nội dung"), md.Column("Số lượng", True)], rows)
            + f"\n\nThông báo đã lập theo loại: {kinds or 'không có'}.")
