"""Shared fixtures: databases (real SQLite, real PostgreSQL), a real SMTP mailbox, the CLI, Prefect."""

from __future__ import annotations

import os
import signal
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_dispatches() -> Path:
    """The shared real dispatches, or a clean skip where the folder is absent."""
    path = SHARED / "dispatches"
    if not path.is_dir():
        pytest.skip("../shared/dispatches is absent")
    return path


def _postgres_database(base_url: str) -> Iterator[str]:
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    url = base_url.rsplit("/", 1)[0] + f"/{name}"
    try:
        yield url
    finally:
        from dondoc.store.db import get_engine

        get_engine(url).dispose()
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def two_postgres_databases_or_skip() -> Iterator[tuple[str, str]]:
    """Two throwaway databases on the test cluster (DONDOC_TEST_POSTGRES_URL), dropped afterwards; skips
    without it. The body of a fixture: `yield from two_postgres_databases_or_skip()`."""
    base = os.environ.get("DONDOC_TEST_POSTGRES_URL")
    if not base:
        pytest.skip("DONDOC_TEST_POSTGRES_URL is not set")
    a, b = _postgres_database(base), _postgres_database(base)
    try:
        yield next(a), next(b)
    finally:
        for gen in (a, b):
            next(gen, None)


def stop_process_group(p: subprocess.Popen[bytes]) -> None:
    """Stop a server a test started in its own session (start_new_session=True): SIGTERM to its group,
    SIGKILL after 20 s."""
    if p.poll() is None:
        os.killpg(p.pid, signal.SIGTERM)
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()


def wait_http(url: str, *, seconds: float) -> None:
    """Wait until `url` answers 200 (a server started by a test), or fail the test."""
    import time

    import httpx

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    pytest.fail(f"{url} did not answer within {seconds:.0f} s")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database: a SQLite file, or a new database in the throwaway PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'dondoc.db'}"
        return
    base = os.environ.get("DONDOC_TEST_POSTGRES_URL")
    if not base:
        pytest.skip("DONDOC_TEST_POSTGRES_URL is not set")
    yield from _postgres_database(base)


@pytest.fixture
def mailbox(tmp_path: Path) -> Iterator[object]:
    """A real aiosmtpd server on 127.0.0.1 keeping each message as an .eml file."""
    from dondoc.notify.mailbox import Mailbox

    with Mailbox(tmp_path / "mail") as mb:
        yield mb


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, database_url: str, mailbox: object) -> Iterator[dict[str, str]]:
    """The environment a user would set: database, mail server; settings re-read."""
    from dondoc.settings import get_settings

    values = {
        "DONDOC_DATABASE_URL": database_url,
        "DONDOC_SMTP_HOST": "127.0.0.1",
        "DONDOC_SMTP_PORT": str(mailbox.port),  # type: ignore[attr-defined]
        "DONDOC_CONFIG_DIR": str(REPO / "config"),
    }
    for k, v in values.items():
        monkeypatch.setenv(k, v)
    get_settings.cache_clear()
    yield values
    get_settings.cache_clear()


@pytest.fixture
def cli() -> CliRunner:
    return CliRunner()


def run(cli: CliRunner, *args: str) -> tuple[int, str, str]:
    """Invoke `dondoc ARGS…`; returns (exit code, stdout, stderr)."""
    from dondoc.cli import app

    result = cli.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """One temporary Prefect server for the whole test run."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
