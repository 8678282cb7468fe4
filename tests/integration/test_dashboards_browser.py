"""The board and the overdue list in the real Prefect UI, in Debian's Chromium at 1366×768.

A real `prefect server start` on a free port (its UI told where its API is, see DESIGN.md's
pitfalls), the daily sweep run against it, then the artifacts' pages opened in the UI a
supervisor uses: every column's heading and every row's last cell must lie inside the window.
"""

from __future__ import annotations

import inspect
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES, REPO, run, stop_process_group
from tests.integration.browser import launched_chromium

SHOTS = {"board-ubnd-tinh": Path(os.environ.get("DONDOC_BOARD_SCREENSHOT", "/tmp/dondoc-board.png")),
         "overdue-list": Path(os.environ.get("DONDOC_OVERDUE_SCREENSHOT", "/tmp/dondoc-overdue.png"))}
WIDTH, HEIGHT = 1366, 768


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def prefect_ui(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Prefect server with its UI, in its own process group and home; its base URL."""
    home = tmp_path_factory.mktemp("prefect-ui")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_UI_API_URL": f"{base}/api",
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_API_URL": f"{base}/api"}
    env.pop("PREFECT_API_DATABASE_CONNECTION_URL", None)
    log = (home / "server.log").open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                             "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"prefect server did not start: {(home / 'server.log').read_text()[-2000:]}")
            time.sleep(0.5)
        yield base
    finally:
        stop_process_group(proc)
        log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launched_chromium()


def _latest(keys: list[str]) -> dict[str, Any]:
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        return {a.key: a for a in client.read_latest_artifacts(limit=200) if a.key in keys}


@pytest.mark.slow
async def _drain_prefect_workers() -> None:
    """Send what Prefect's events and logs workers hold, as its test harness does at its end (the
    workers' drain is awaitable inside a running loop: created and awaited on the same one)."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for worker in (EventsWorker, APILogWorker):
        pending = worker.drain_all()
        if inspect.isawaitable(pending):
            await pending


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_board_and_the_overdue_list_fit_a_1366_screen_in_the_prefect_ui(env, cli, mailbox, prefect_ui, browser):  # type: ignore[no-untyped-def]
    from prefect.settings import PREFECT_API_URL, temporary_settings
    from prefect.utilities.asyncutils import run_coro_as_sync

    from flows.daily import daily_sweep

    assert run(cli, "orgs", "import", str(REPO / "config" / "organizations.yaml"))[0] == 0
    assert run(cli, "load", str(FIXTURES / "tasksets" / "bao-cao-phoi-hop.yaml"))[0] == 0
    with temporary_settings({PREFECT_API_URL: f"{prefect_ui}/api"}):
        daily_sweep(as_of=date(2025, 6, 10))
        daily_sweep(as_of=date(2025, 6, 20))
        latest = _latest(list(SHOTS))
        # the events and logs queued for this server go out while it runs: left for after it stops, the
        # session's Prefect harness would wait for them for ever when it drains at the end of the run
        run_coro_as_sync(_drain_prefect_workers())
    page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT}, locale="vi-VN")
    try:
        for ui in ("", "/v2"):  # the UI of deep links (V1), then the new one
            for key, shot in SHOTS.items():
                page.goto(f"{prefect_ui}{ui}/artifacts/artifact/{latest[key].latest_id}")
                table = page.locator("table").first
                table.wait_for(state="visible", timeout=60_000)
                page.wait_for_timeout(300)
                headings = [" ".join(t.split()) for t in table.locator("th").all_inner_texts()]
                assert headings == EXPECTED[key], (ui, key)
                for cell in [*table.locator("th").all(), *table.locator("tr td:last-child").all()]:
                    box = cell.bounding_box()
                    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= WIDTH, (ui, key, box)
                if not ui:
                    shot.parent.mkdir(parents=True, exist_ok=True)
                    page.screenshot(path=str(shot))
                    body = page.inner_text("body")
                    assert "Đơn vị" in body and "đến ngày 20/06/2025" in body.lower()
    finally:
        page.close()


EXPECTED = {
    "board-ubnd-tinh": ["Đơn vị", "HT đúng hạn", "HT quá hạn", "Đang trong hạn", "Quá hạn chưa HT", "Tỉ lệ đúng hạn",
                        "Chưa xác nhận"],
    "overdue-list": ["Đơn vị (tỉnh, thành phố)", "Nhiệm vụ (văn bản, mục, kỳ)", "Hạn", "Số ngày quá hạn"],
}
