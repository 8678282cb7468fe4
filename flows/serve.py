"""Served mode: the daily sweep as a Prefect deployment with a cron schedule in Asia/Ho_Chi_Minh."""

from __future__ import annotations

from prefect.schedules import Cron
from prefect.settings import PREFECT_API_URL

from dondoc.errors import ConfigError
from dondoc.settings import get_settings
from flows.daily import daily_sweep

DEPLOYMENT = "daily-sweep"
CRON = "0 7 * * *"


def serve_daily() -> None:
    """Serve the flow until interrupted; schedules need a real Prefect server."""
    if not PREFECT_API_URL.value():
        raise ConfigError(
            "dondoc serve needs a Prefect server: run `prefect server start` and set "
            "PREFECT_API_URL=http://127.0.0.1:4200/api (without one, schedules never fire)"
        )
    daily_sweep.serve(
        name=DEPLOYMENT,
        schedules=[Cron(CRON, timezone=get_settings().timezone)],
        description="Quét hằng ngày: nhắc hạn, ngày kỷ niệm, quá hạn, đôn đốc; bảng theo dõi.",
        tags=["dondoc"],
    )


if __name__ == "__main__":
    serve_daily()
