"""How supervisors see compliance: the board and the overdue list, in Vietnamese (pure)."""

from __future__ import annotations

from datetime import date
from typing import Any

from dondoc.schedule.words import period_words

# what each kind of notice is called where a person reads a summary
KIND_VI = {
    "reminder": "nhắc hạn",
    "observance": "ngày kỷ niệm",
    "overdue": "quá hạn",
    "escalation": "đôn đốc",
    "failure": "gửi thư thất bại",
    "unassigned": "chưa xác định đơn vị",
    "ack": "nhắc xác nhận tiếp nhận",
}

COLUMNS = {
    "org_name": "Cơ quan, đơn vị",
    "on_time": "Hoàn thành đúng hạn",
    "late": "Hoàn thành quá hạn",
    "open": "Đang thực hiện trong hạn",
    "overdue": "Quá hạn chưa hoàn thành",
    "rate": "Tỉ lệ đúng hạn",
    "unacknowledged": "Chưa xác nhận tiếp nhận",
}

RATE_CAPTION = ("Tỉ lệ đúng hạn = hoàn thành đúng hạn / (hoàn thành đúng hạn + hoàn thành quá hạn + "
                "quá hạn chưa hoàn thành); đơn vị có việc đến hạn mà chưa hoàn thành việc nào là 0%; "
                "“—”: chưa có việc nào đến hạn.")


def caption(against: str) -> str:
    """The board's caption: how the rate is computed, and which deadline "đúng hạn" is judged against."""
    judged = ("hạn đã gia hạn (nếu có)" if against == "extended" else "hạn ban đầu (không tính gia hạn)")
    return f"{RATE_CAPTION} Đúng hạn được xét theo {judged}."


def rate_text(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.0f}%".replace(".", ",")


def board_table(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The board as rows keyed by Vietnamese column headings, with a total row."""
    out = []
    for r in rows:
        out.append({COLUMNS[k]: (rate_text(r[k]) if k == "rate" else r.get(k, 0)) for k in COLUMNS})
    if rows:
        total = {k: sum(r.get(k, 0) for r in rows) for k in ("on_time", "late", "open", "overdue", "unacknowledged")}
        due = total["on_time"] + total["late"] + total["overdue"]
        out.append({COLUMNS["org_name"]: "Tổng cộng",
                    **{COLUMNS[k]: total[k] for k in ("on_time", "late", "open", "overdue")},
                    COLUMNS["rate"]: rate_text(total["on_time"] / due if due else None),
                    COLUMNS["unacknowledged"]: total["unacknowledged"]})
    return out


def board_markdown(overdue: list[dict[str, Any]], as_of: date) -> str:
    """The overdue list with days late, most late first."""
    if not overdue:
        return f"Không có nhiệm vụ quá hạn chưa hoàn thành đến ngày {as_of:%d/%m/%Y}."
    lines = [
        f"### Nhiệm vụ quá hạn chưa hoàn thành (đến ngày {as_of:%d/%m/%Y})",
        "",
        "| Cơ quan, đơn vị | Văn bản | Mục | Nhiệm vụ | Kỳ | Hạn | Số ngày quá hạn |",
        "|---|---|---|---|---|---|---|",
    ]
    for o in sorted(overdue, key=lambda o: -o["days_late"]):
        title = str(o["title"]).replace("|", "/")[:80]
        period = period_words(str(o["period"])) or o["period"]
        lines.append(f"| {o['org_name']} | {o['dispatch'] or ''} | {o['key']} | {title} | {period} "
                     f"| {o['effective_due']:%d/%m/%Y} | {o['days_late']} |")
    return "\n".join(lines)


UNASSIGNED = "Chưa xác định đơn vị"


def unassigned_markdown(tasks: list[dict[str, Any]], as_of: date, *, cap: int = 50) -> str:
    """The tasks no office is reminded of (chưa xác định đơn vị): their count and, for the first `cap`
    of them, the names as written (a dashboard never lists thousands of rows)."""
    if not tasks:
        return f"{UNASSIGNED}: không có nhiệm vụ nào (đến ngày {as_of:%d/%m/%Y})."
    lines = [
        f"### {UNASSIGNED}: {len(tasks)} nhiệm vụ (đến ngày {as_of:%d/%m/%Y})",
        "",
        "Chưa đơn vị nào được nhắc các nhiệm vụ này. Giao đơn vị: `dondoc tasks assign --dispatch SỐ --task MỤC --org MÃ`.",
        "",
        "| Văn bản | Mục | Nhiệm vụ | Đơn vị chủ trì như văn bản ghi |",
        "|---|---|---|---|",
    ]
    for t in tasks[:cap]:
        title = str(t["title"]).replace("|", "/")[:80]
        names = ", ".join(t["names"]).replace("|", "/") or "(không ghi)"
        lines.append(f"| {t['dispatch']} | {t['key']} | {title} | {names} |")
    if len(tasks) > cap:
        lines += ["", f"… và {len(tasks) - cap} nhiệm vụ khác (xem tất cả: `dondoc tasks list --unassigned`)."]
    return "\n".join(lines)
