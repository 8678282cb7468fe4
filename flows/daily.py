"""The daily sweep: materialise → plan → deliver → escalate, then publish the board."""

# No `from __future__ import annotations`: Prefect validates flow parameters from real annotations,
# and a string "date" cannot be resolved when a deployment runs the flow.
from datetime import date
from typing import Any

from prefect import flow

from dondoc.service import ESCALATE_KINDS, REMIND_KINDS, local_today
from dondoc.settings import get_settings
from tasks.sweep import deliver, materialise, plan, publish_board


@flow(name="daily-sweep")
def daily_sweep(as_of: date | None = None) -> dict[str, Any]:
    """One sweep for `as_of` (default: today in Asia/Ho_Chi_Minh). Safe to run twice at once."""
    day = as_of or local_today(get_settings())
    created = materialise(day)
    reminders = plan(day, sorted(REMIND_KINDS))
    sent = deliver(as_of)
    escalations = plan(day, sorted(ESCALATE_KINDS))
    sent_escalations = deliver(as_of)
    board = publish_board(day)
    return {"as_of": day.isoformat(), "occurrences_created": created, "reminders": reminders,
            "escalations": escalations, "delivered": [sent, sent_escalations], "board": board}


if __name__ == "__main__":
    daily_sweep()
