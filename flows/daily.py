"""The daily sweep: materialise → plan → deliver → escalate, then publish the dashboards."""

# No `from __future__ import annotations`: Prefect validates flow parameters from real annotations,
# and a string "date" cannot be resolved when a deployment runs the flow.
from datetime import date
from typing import Any

from prefect import flow

from dondoc.app.steps import ESCALATE_KINDS, REMIND_KINDS, local_today
from dondoc.settings import get_settings
from tasks.publish import advance_progress, announce_sweep, report_sweep, start_progress, sweep_run_name
from tasks.sweep import deliver, materialise, plan, publish_board


@flow(name="daily-sweep", flow_run_name=sweep_run_name, persist_result=True, result_serializer="json")
def daily_sweep(as_of: date | None = None) -> dict[str, Any]:
    """One sweep for `as_of` (default: today in Asia/Ho_Chi_Minh). Safe to run twice at once.

    Reminders, observances, overdue notices and escalations are planned together, so each
    recipient gets one digest per sweep. The run is named sweep-YYYY-MM-DD and returns its counts.
    """
    day = as_of or local_today(get_settings())
    progress = start_progress(day, 4)
    created = materialise(day)
    advance_progress(progress, 1, 4, f"đã tạo {created} việc mới")
    planned = plan(day, sorted(REMIND_KINDS | ESCALATE_KINDS))
    advance_progress(progress, 2, 4, f"đã lập {planned['messages']} thư")
    sent = deliver(as_of)
    advance_progress(progress, 3, 4, f"đã gửi {sent['sent']} thư")
    board = publish_board(day)
    advance_progress(progress, 4, 4, f"đã đăng {board['artifacts']} bảng theo dõi")
    announce_sweep(day, sent["sent"], sent.get("held_for_quiet_hours", False))
    result = {"as_of": day.isoformat(), "occurrences_created": created, "planned": planned, "delivered": sent,
              "board": board}
    report_sweep(result)
    return result


if __name__ == "__main__":
    daily_sweep()
