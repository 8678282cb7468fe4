"""Tell the admin contacts that a sweep failed or sent nothing: the deployment config/automations.yaml runs."""

# No `from __future__ import annotations` (see flows/daily.py).
from typing import Any

from prefect import flow
from prefect.logging import get_run_logger

from dondoc.settings import get_settings


@flow(name="alert-admins", flow_run_name="alert-{reason}-{run_name}")
def alert_admins(reason: str = "failed", run_name: str = "", detail: str = "") -> dict[str, Any]:
    """Mail the admin contacts (role: admin) about the sweep run `run_name`: `reason` is failed or silent."""
    from dondoc.app.alerts import send_alert

    result = send_alert(get_settings(), reason, run_name=run_name, detail=detail)
    get_run_logger().info("alert %s about %s: %s", reason, run_name, result)
    return result


if __name__ == "__main__":
    alert_admins()
