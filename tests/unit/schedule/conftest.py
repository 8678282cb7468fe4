"""The working calendar as the repository configures it: `holidays` (VN) plus config/calendars/."""

from __future__ import annotations

from pathlib import Path

import pytest

from dondoc.calendars import load_notices
from dondoc.schedule.calendar import WorkCalendar, YearNotice

CONFIG = Path(__file__).resolve().parents[3] / "config"


@pytest.fixture(scope="session")
def notices() -> list[YearNotice]:
    return load_notices(CONFIG)


@pytest.fixture(scope="session")
def cal(notices: list[YearNotice]) -> WorkCalendar:
    return WorkCalendar(notices)
