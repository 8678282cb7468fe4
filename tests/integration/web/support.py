"""Helpers for the answer-page tests: a dispatch due in the coming days, links in mail, a real uvicorn."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from tests.conftest import run

SECRET = "khoa-bi-mat-chi-dung-cho-kiem-thu-0123456789"
LINK = re.compile(r"(https?://[^\s\"'<>]+/(tiep-nhan|hoan-thanh|gia-han)/[A-Za-z0-9._-]+)")


def local_today() -> date:
    from dondoc.schedule.today import local_today as today

    return today(datetime.now(timezone.utc))


def write_taskset(path: Path, today: date) -> Path:
    """A dispatch issued five days ago whose report is due in three days (even moved by a Tết break, within
    the 14-day rung): reminded today, on the real clock
    (links are stamped and checked with the real clock too)."""
    path.write_text(f"""version: 1
dispatch:
  number: "77/UBND-VP"
  issuer: "Ủy ban nhân dân tỉnh Hải Dương"
  issued_on: "{today - timedelta(days=5)}"
  subject: "V/v báo cáo kết quả rà soát thủ tục hành chính"
  recipients: ["Công an tỉnh"]
  source: {{name: "cv-77-ubnd-vp.txt", sha256: null}}
tasks:
  - key: "1"
    title: "Báo cáo kết quả rà soát thủ tục hành chính"
    text: "Công an tỉnh báo cáo kết quả rà soát thủ tục hành chính về UBND tỉnh (qua Văn phòng)."
    kind: report
    lead: [{{name: "Công an tỉnh", org: null}}]
    schedule: {{repeat: once, due: ["{today + timedelta(days=3)}"], events: []}}
    report_to: "UBND tỉnh (qua Văn phòng)"
warnings: []
""", encoding="utf-8")
    return path


def set_public_url(monkeypatch, url: str) -> None:  # type: ignore[no-untyped-def]
    from dondoc.settings import get_settings

    monkeypatch.setenv("DONDOC_PUBLIC_URL", url)
    get_settings.cache_clear()


def remind(cli, today: date) -> str:  # type: ignore[no-untyped-def]
    code, out, err = run(cli, "remind", "--as-of", today.isoformat())
    assert code == 0, err
    return out


def links_in(mailbox, to: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The answer links of the last message to `to`, from its plain-text part, by path."""
    msgs = [m for m in mailbox.messages() if m["To"].addresses[0].addr_spec == to]
    assert msgs, f"no message to {to}"
    text = msgs[-1].get_body(preferencelist=("plain",)).get_content()
    return {kind: url for url, kind in LINK.findall(text)}


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """Run an ASGI app under a real uvicorn on a free port in a thread; yields its base address."""
    import uvicorn

    from dondoc.notify.mailbox import free_port

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
