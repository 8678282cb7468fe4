"""A person's path in a real browser (Playwright driving Debian's /usr/bin/chromium): from the reminder
email, to the link, to the confirmation page, to the POST, to the board showing the report done on time."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.integration.browser import launched_chromium
from tests.integration.web.support import LINK, remind, serving

SCREENSHOT = Path(os.environ.get("DONDOC_SCREENSHOT", "/tmp/dondoc-xac-nhan.png"))
POLICE = "pv05@congan.haiduong.example.vn"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launched_chromium()


@pytest.mark.slow
def test_from_the_reminder_email_to_the_board_through_a_real_browser(reminded, cli, mailbox, browser) -> None:  # type: ignore[no-untyped-def]
    from dondoc.app.steps import board_step
    from dondoc.settings import get_settings
    from dondoc.web.app import create_app

    with serving(create_app(get_settings())) as base:
        # the public address is only known once the server has its port: sweep now, with it set
        os.environ["DONDOC_PUBLIC_URL"] = base
        get_settings.cache_clear()
        try:
            remind(cli, reminded)
        finally:
            os.environ["DONDOC_PUBLIC_URL"] = "http://127.0.0.1:9"
            get_settings.cache_clear()
        [message] = [m for m in mailbox.messages() if m["To"].addresses[0].addr_spec == POLICE]
        html = message.get_body(preferencelist=("html",)).get_content()
        done_url = next(url for url, kind in LINK.findall(html) if kind == "hoan-thanh")
        assert done_url.startswith(base)

        page = browser.new_page(viewport={"width": 1366, "height": 768}, locale="vi-VN")
        try:
            # the email as the person sees it, and a click on its link
            page.set_content(html)
            page.get_by_role("link", name="Đã hoàn thành / đã gửi báo cáo").click()
            page.wait_for_url(done_url)
            assert page.get_by_role("heading", level=1).inner_text() == "Xác nhận đã hoàn thành / đã gửi báo cáo"
            body = page.locator("main").inner_text()
            assert "Số 77/UBND-VP" in body and "Công an tỉnh Hải Dương" in body and "Chưa xác nhận" in body
            page.get_by_label("Số, ngày văn bản báo cáo đã gửi (nếu có)").fill("Báo cáo số 45/BC-CA ngày 12/6/2025")
            page.get_by_label("Ghi chú ngắn (nếu có)").fill("Đã gửi bản giấy qua văn thư")
            page.screenshot(path=str(SCREENSHOT), full_page=True)
            fits = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
            assert fits, "the page is wider than a 1366 px screen"
            page.get_by_role("button", name="Xác nhận đã hoàn thành").click()
            page.wait_for_load_state()
            assert page.get_by_role("heading", level=1).inner_text() == "Đã ghi nhận"
            assert "đúng hạn" in page.locator("p.done").inner_text()
            page.goto(done_url)  # the same link again: it says when it was used
            assert "đã được dùng lúc" in page.locator("p.error").inner_text()
        finally:
            page.close()

    from tests.integration.web.support import local_today

    rows = {r["org_code"]: r for r in board_step(get_settings(), local_today())}
    assert (rows["ca-tinh"]["on_time"], rows["ca-tinh"]["late"], rows["ca-tinh"]["overdue"]) == (1, 0, 0)
