"""The escalation ladder and the acknowledgement reminder as configured (config/escalation.yaml).

Validated data, not settings: a bad entry stops start-up with one line naming the field.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dondoc.errors import ConfigError
from dondoc.schedule.ladder import DEFAULT_ACK_AFTER, DEFAULT_LADDER, RECIPIENTS, Recipient, Rung, validate_ladder


class _Rung(BaseModel):
    model_config = ConfigDict(extra="forbid")
    after_working_days: int = Field(ge=1, le=366)
    to: Recipient


class _Ack(BaseModel):
    model_config = ConfigDict(extra="forbid")
    remind_after_working_days: int = Field(default=DEFAULT_ACK_AFTER, ge=1, le=366)


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ladder: list[_Rung] = Field(min_length=1)
    acknowledgement: _Ack = Field(default_factory=_Ack)


@dataclass(frozen=True)
class EscalationConfig:
    ladder: tuple[Rung, ...] = DEFAULT_LADDER
    ack_after: int = DEFAULT_ACK_AFTER


def parse_escalation(data: Any, *, path: Path) -> EscalationConfig:
    """Validate the file's content; the error names the field ("ladder[2].to")."""
    try:
        model = _File.model_validate(data if data is not None else {})
    except ValidationError as exc:
        err = exc.errors()[0]
        where = "".join(f"[{p + 1}]" if isinstance(p, int) else (f".{p}" if i else str(p))
                        for i, p in enumerate(err["loc"])) or "(tệp)"
        value = err.get("input")
        if err["type"] == "literal_error":
            why = f"phải là một trong {', '.join(RECIPIENTS)} (giá trị: {value!r})"
        elif err["type"] == "missing":
            why = "thiếu trường này"
        elif err["type"] == "extra_forbidden":
            why = "trường không được dùng"
        elif err["type"] in ("greater_than_equal", "less_than_equal", "int_parsing", "int_type"):
            why = f"phải là số ngày làm việc từ 1 đến 366 (giá trị: {value!r})"
        elif err["type"] == "too_short":
            why = "thang đôn đốc cần ít nhất một bậc"
        else:
            why = err["msg"]
        raise ConfigError(f"{path}: {where}: {why}") from None
    ladder = tuple(Rung(r.after_working_days, r.to) for r in model.ladder)
    problems = validate_ladder(ladder)
    if problems:
        raise ConfigError(f"{path}: ladder: {problems[0]}")
    return EscalationConfig(ladder=tuple(sorted(ladder)), ack_after=model.acknowledgement.remind_after_working_days)


def load_escalation(path: Path) -> EscalationConfig:
    """Read config/escalation.yaml; without the file, the defaults (1, 3, 5, 10; acknowledge after 2)."""
    if not path.exists():
        return EscalationConfig()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: không đọc được ({exc.__class__.__name__})") from None
    return parse_escalation(data, path=path)
