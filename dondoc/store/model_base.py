"""What every table module shares: ids, the clock, timestamp columns (timezone-aware UTC)."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Column, DateTime
from sqlmodel import Field


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def new_id() -> str:
    return uuid.uuid4().hex


def ts(**kw: Any) -> Any:
    return Field(sa_column=Column(DateTime(timezone=True), **kw))
