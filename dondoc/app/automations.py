"""The Prefect automations of config/automations.yaml, created on the server (replacing any of the same name)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import yaml

from dondoc.errors import ConfigError

ALERT_DEPLOYMENT = "alert-admins/alert-admins"


def load_automations(path: Path) -> list[dict[str, Any]]:
    """The automations declared in `path`, checked against Prefect's schema (deployments still by name)."""
    from prefect.events.schemas.automations import AutomationCore
    from pydantic import ValidationError

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: không đọc được ({exc.__class__.__name__})") from None
    specs = data.get("automations") if isinstance(data, dict) else None
    if not isinstance(specs, list) or not specs:
        raise ConfigError(f"{path}: thiếu danh sách `automations`")
    for i, spec in enumerate(specs, 1):
        try:
            AutomationCore.model_validate(_resolved(spec, {}))
        except (ValidationError, KeyError, TypeError) as exc:
            where = spec.get("name", f"#{i}") if isinstance(spec, dict) else f"#{i}"
            raise ConfigError(f"{path}: tự động hóa {where} không hợp lệ: {str(exc).splitlines()[0]}") from None
    return list(specs)


def _resolved(spec: dict[str, Any], ids: dict[str, str]) -> dict[str, Any]:
    """The spec with each `deployment: flow/name` replaced by `source: selected, deployment_id`."""
    actions = []
    for action in spec["actions"]:
        action = dict(action)
        name = action.pop("deployment", None)
        if name is not None:
            action.update(source="selected", deployment_id=ids.get(name, "00000000-0000-0000-0000-000000000000"))
        actions.append(action)
    return {**spec, "actions": actions}


async def _apply(specs: list[dict[str, Any]]) -> list[tuple[str, str]]:
    from prefect.client.orchestration import get_client
    from prefect.events.schemas.automations import AutomationCore

    needed = sorted({a["deployment"] for s in specs for a in s["actions"] if "deployment" in a})
    out = []
    async with get_client() as client:
        ids = {}
        for name in needed:
            try:
                ids[name] = str((await client.read_deployment_by_name(name)).id)
            except Exception:  # ObjectNotFound, or a server that is not there
                raise ConfigError(f"máy chủ Prefect chưa có deployment {name}: chạy `dondoc serve` một lần trước "
                                  "(nó đăng ký deployment này cùng daily-sweep)") from None
        for spec in specs:
            for old in await client.read_automations_by_name(spec["name"]):
                await client.delete_automation(old.id)
            created = await client.create_automation(AutomationCore.model_validate(_resolved(spec, ids)))
            out.append((spec["name"], str(created)))
    return out


def create_automations(path: Path) -> list[tuple[str, str]]:
    """Create every automation of `path` on the Prefect server (PREFECT_API_URL); returns (name, id) pairs."""
    from prefect.settings import PREFECT_API_URL

    if not PREFECT_API_URL.value():
        raise ConfigError("cần máy chủ Prefect: đặt PREFECT_API_URL, ví dụ http://127.0.0.1:4200/api")
    return asyncio.run(_apply(load_automations(path)))
