"""A sender's hold on its outbox rows is a short lease it renews while it sends: real dondoc
processes, a real slow SMTP server, a real SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.integration.test_delivery_guarantees import N_ORGS, write_fixture

LEASE_SECONDS = 2


def dondoc(*args: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "dondoc", *args], env=env, cwd=REPO, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finish(p: subprocess.Popen[str], timeout: float = 300) -> tuple[str, str]:
    out, err = p.communicate(timeout=timeout)
    assert p.returncode == 0, err
    return out, err


def outbox_rows(url: str) -> list:  # type: ignore[type-arg]
    from sqlmodel import select

    from dondoc.store import models as m
    from dondoc.store.db import get_engine, session_scope

    with session_scope(get_engine(url)) as s:
        return list(s.exec(select(m.Outbox)).all())


def wait_for(predicate, timeout: float = 120.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


@pytest.fixture
def slow(env, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The fixture's 120 offices loaded, and a mail server that takes 0.25 s over each message."""
    from dondoc.notify.mailbox import FailPlan, Mailbox

    directory, taskset = write_fixture(tmp_path)
    with Mailbox(tmp_path / "slow", fail_plan=FailPlan(delay=0.25)) as mb:
        full = {**os.environ, **env, "DONDOC_SMTP_PORT": str(mb.port), "DONDOC_SMTP_POOL_SIZE": "2",
                "DONDOC_OUTBOX_LEASE_SECONDS": str(LEASE_SECONDS)}
        for args in (("orgs", "import", str(directory)), ("load", str(taskset))):
            finish(dondoc(*args, env=full))
        yield full, mb


@pytest.mark.slow
@pytest.mark.parametrize("database_url", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)
def test_a_sender_killed_mid_batch_frees_its_rows_within_a_lease_and_the_rerun_takes_them_over(slow, database_url):
    env, mb = slow
    sender = dondoc("remind", "--as-of", "2025-03-10", env=env)
    wait_for(lambda: mb.count() >= 5)
    sender.send_signal(signal.SIGKILL)
    sender.communicate(timeout=30)
    killed_at = datetime.now(timezone.utc)

    held = [r for r in outbox_rows(database_url) if r.status == "sending"]
    assert held, "the sender was killed after its batch was sent"
    expires = max(r.claim_expires_at for r in held)
    expires = expires if expires.tzinfo else expires.replace(tzinfo=timezone.utc)
    assert (expires - killed_at).total_seconds() <= LEASE_SECONDS  # not ten minutes: one short lease

    time.sleep(LEASE_SECONDS + 0.5)
    _, err = finish(dondoc("remind", "--as-of", "2025-03-10", env=env))
    assert f"đã nhận lại {len(held)} thư" in err

    rows = outbox_rows(database_url)
    assert len(rows) == N_ORGS and {r.status for r in rows} == {"sent"}
    by_id = Counter(m["Message-ID"] for m in mb.messages())
    assert {mid.strip("<>") for mid in by_id} == {r.message_id for r in rows}
    assert sum(c - 1 for c in by_id.values()) <= 2  # at most what was in flight on the 2 connections


@pytest.mark.slow
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_live_sender_renews_its_lease_so_a_second_sender_takes_nothing_from_it(slow, database_url):
    env, mb = slow
    lease = 4  # long enough that the second sender's own transactions never hold up a renewal that long
    env = {**env, "DONDOC_OUTBOX_LEASE_SECONDS": str(lease)}
    first = dondoc("remind", "--as-of", "2025-03-10", env=env)
    wait_for(lambda: mb.count() >= 3)
    time.sleep(2 * lease)  # its first lease has long run out: only renewal keeps the rows its own
    assert first.poll() is None, "the first sender finished too soon to test renewal"
    _, err_second = finish(dondoc("remind", "--as-of", "2025-03-10", env=env))
    _, err_first = finish(first)
    assert "nhận lại" not in err_second and "nhận lại" not in err_first
    finish(dondoc("remind", "--as-of", "2025-03-11", env=env))  # had the first stopped early: the rest now
    by_id = Counter(m["Message-ID"] for m in mb.messages())
    assert len(by_id) == N_ORGS and set(by_id.values()) == {1}


@pytest.mark.slow
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_sender_whose_lease_renewal_is_held_up_stops_before_its_rows_can_be_taken_over(slow, database_url):
    """Another process holds SQLite's write lock longer than a lease: the sender cannot renew, so it
    must not go on sending rows that a second sender may take over meanwhile."""
    import sqlite3

    from sqlalchemy.engine import make_url

    env, mb = slow
    first = dondoc("remind", "--as-of", "2025-03-10", env=env)
    wait_for(lambda: mb.count() >= 3)
    blocker = sqlite3.connect(make_url(database_url).database, isolation_level=None, timeout=30)
    blocker.execute("BEGIN IMMEDIATE")  # every writer waits: the first sender's renewals and records too
    time.sleep(LEASE_SECONDS + 1)
    second = dondoc("remind", "--as-of", "2025-03-10", env=env)
    time.sleep(0.5)
    blocker.execute("COMMIT")
    blocker.close()
    _, err_first = finish(first)
    _, err_second = finish(second)
    finish(dondoc("remind", "--as-of", "2025-03-11", env=env))  # anything left over goes out now
    rows = outbox_rows(database_url)
    assert {r.status for r in rows} == {"sent"}
    by_id = Counter(m["Message-ID"] for m in mb.messages())
    assert len(by_id) == N_ORGS
    assert sum(c - 1 for c in by_id.values()) <= 2, (err_first, err_second)  # only what was in flight


def test_a_batch_told_to_stop_sends_nothing_more_and_marks_the_rest_not_attempted(tmp_path: Path) -> None:
    from dondoc.notify.mailbox import Mailbox
    from dondoc.notify.smtp import NOT_ATTEMPTED, send_batch_sync
    from tests.integration.notify.test_delivery import config, outgoing

    mails = [outgoing(i) for i in range(10)]
    asked = []

    def keep_going() -> bool:
        asked.append(1)
        return len(asked) <= 4

    with Mailbox(tmp_path) as mb:
        results = send_batch_sync(mails, config=config(mb.port, pool_size=1), keep_going=keep_going)
        assert mb.count() == 4
    assert [r.status for r in results[:4]] == ["sent"] * 4
    assert [(r.status, r.error) for r in results[4:]] == [("retry", NOT_ATTEMPTED)] * 6
