"""Served mode: the daily sweep as a Prefect deployment with a cron schedule in Asia/Ho_Chi_Minh."""

from __future__ import annotations

from prefect import serve
from prefect.schedules import Cron
from prefect.settings import PREFECT_API_URL

from dondoc.errors import ConfigError
from dondoc.settings import get_settings
from flows.alert import alert_admins
from flows.daily import daily_sweep

DEPLOYMENT = "daily-sweep"
ALERT_DEPLOYMENT = "alert-admins"  # run by the automations of config/automations.yaml
CRON = "0 7 * * *"


def serve_daily() -> None:
    """Serve the sweep (and the admins' alert the automations run) until interrupted; schedules need
    a real Prefect server."""
    if not PREFECT_API_URL.value():
        raise ConfigError(
            "dondoc serve needs a Prefect server: run `prefect server start` and set "
            "PREFECT_API_URL=http://127.0.0.1:4200/api (without one, schedules never fire)"
        )
    serve(  # to_deployment is sync here (no running loop): the RunnerDeployment itself
        daily_sweep.to_deployment(  # type: ignore[arg-type]
            name=DEPLOYMENT,
            schedules=[Cron(CRON, timezone=get_settings().timezone)],
            description="Quét hằng ngày: nhắc hạn, ngày kỷ niệm, quá hạn, đôn đốc; bảng theo dõi.",
            tags=["dondoc"],
        ),
        alert_admins.to_deployment(  # type: ignore[arg-type]
            name=ALERT_DEPLOYMENT, tags=["dondoc"],
            description="Báo cho quản trị viên khi quét thất bại hoặc không gửi được thư nào."),
    )


if __name__ == "__main__":
    serve_daily()
