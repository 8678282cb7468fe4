"""Fixtures for the answer pages: links switched on, a dispatch due in the coming days loaded."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import REPO, run
from tests.integration.web.support import SECRET, local_today, write_taskset


@pytest.fixture
def links_env(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The user's environment with the answer links switched on (the public address is set per test)."""
    from dondoc.settings import get_settings

    monkeypatch.setenv("DONDOC_SECRET_KEY", SECRET)
    monkeypatch.setenv("DONDOC_PUBLIC_URL", "http://127.0.0.1:9")
    get_settings.cache_clear()
    return {**env, "DONDOC_SECRET_KEY": SECRET}


@pytest.fixture
def reminded(links_env, cli, tmp_path, mailbox) -> date:  # type: ignore[no-untyped-def]
    """Directory and dispatch loaded, today's reminders sent to the real mailbox; returns today."""
    today = local_today()
    assert run(cli, "orgs", "import", str(REPO / "config" / "organizations.yaml"))[0] == 0
    code, out, err = run(cli, "load", str(write_taskset(tmp_path / "cv-77.yaml", today)))
    assert code == 0, err
    return today


