"""Fixtures for the admin pages: a database with the sample directory, an admin and a supervisor,
the app with a clock the test moves, and a TestClient."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

import pytest

from tests.conftest import REPO, run
from tests.integration.admin.admin_support import ADMIN, PASSWORD, SUPERVISOR, Clock


@pytest.fixture
def admin_env(env: dict[str, str], monkeypatch: pytest.MonkeyPatch, cli: Any) -> dict[str, str]:
    """The user's environment with the secret key set, the directory imported and two accounts."""
    from dondoc.settings import get_settings

    monkeypatch.setenv("DONDOC_SECRET_KEY", "khoa-bi-mat-cua-trang-quan-tri-0123456789")
    monkeypatch.delenv("DONDOC_PUBLIC_URL", raising=False)
    get_settings.cache_clear()
    assert run(cli, "orgs", "import", str(REPO / "config" / "organizations.yaml"))[0] == 0
    from dondoc.app.users import add_user
    from dondoc.store.db import get_engine

    engine = get_engine(get_settings().database_url)
    now = datetime.now(timezone.utc)
    add_user(engine, email=ADMIN, password=PASSWORD, role="admin", name="Nguyễn Thị Lan", actor="test", now=now)
    add_user(engine, email=SUPERVISOR, password=PASSWORD, role="supervisor", name="Trần Văn Bình", actor="test", now=now)
    return env


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime.now(timezone.utc))


@pytest.fixture
def client(admin_env: dict[str, str], clock: Clock) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from dondoc.settings import get_settings
    from dondoc.web.app import create_app

    with TestClient(create_app(get_settings(), clock=clock)) as c:
        yield c
