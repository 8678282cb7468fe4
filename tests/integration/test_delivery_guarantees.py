"""Exactly-once delivery under concurrency and crashes: real processes, real SMTP, real databases."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO

N_ORGS = 120
LEASE_SECONDS = 2  # a killed sender's rows are free again this long after its last renewal


def write_fixture(tmp: Path) -> tuple[Path, Path]:
    """A directory of N units answering to one group, and a report task owned by the group."""
    orgs = [{"code": "ubnd-tinh", "name": "Ủy ban nhân dân tỉnh Thử Nghiệm",
             "contacts": [{"name": "Văn phòng", "email": "vp@ubnd.example.vn", "role": "head"}]}]
    for i in range(N_ORGS):
        orgs.append({"code": f"xa-{i:03d}", "name": f"Ủy ban nhân dân xã Số {i}", "level": "xa", "parent": "ubnd-tinh",
                     "groups": ["ubnd-xa"], "contacts": [{"name": f"Văn thư xã {i}", "email": f"vanthu{i:03d}@xa.example.vn"}]})
    directory = tmp / "orgs.yaml"
    directory.write_text(yaml.safe_dump({"province": "Thử Nghiệm", "organizations": orgs,
                                         "groups": [{"code": "ubnd-xa", "names": ["UBND các xã, phường"]}]},
                                        allow_unicode=True), encoding="utf-8")
    taskset = tmp / "ts.yaml"
    taskset.write_text(yaml.safe_dump({
        "version": 1,
        "dispatch": {"number": "77/UBND-VP", "issuer": "Ủy ban nhân dân tỉnh Thử Nghiệm", "issued_on": "2025-01-02"},
        "tasks": [{"key": "1", "title": "Báo cáo quý", "kind": "report",
                   "lead": [{"name": "UBND các xã, phường"}],
                   "schedule": {"repeat": "quarterly", "due": ["--03-20", "--06-20", "--09-20", "--12-20"]}}],
    }, allow_unicode=True), encoding="utf-8")
    return directory, taskset


def dondoc(*args: str, env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "dondoc", *args], env=env, cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.fixture
def prepared(env, tmp_path):  # type: ignore[no-untyped-def]
    directory, taskset = write_fixture(tmp_path)
    full = {**os.environ, **env}
    for args in (("orgs", "import", str(directory)), ("load", str(taskset))):
        p = dondoc(*args, env=full)
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()
    return full


def per_recipient(mailbox) -> Counter[str]:  # type: ignore[no-untyped-def]
    return Counter(m["To"].addresses[0].addr_spec for m in mailbox.messages())


@pytest.mark.slow
def test_two_sweeps_started_together_in_two_processes_deliver_every_notice_once(prepared, mailbox):
    procs = [dondoc("remind", "--as-of", "2025-03-10", env=prepared) for _ in range(2)]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()
    got = per_recipient(mailbox)
    assert len(got) == N_ORGS
    assert set(got.values()) == {1}


@pytest.mark.slow
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_sender_killed_at_random_points_loses_nothing_and_repeats_only_what_was_in_flight(prepared, mailbox):
    prepared = {**prepared, "DONDOC_OUTBOX_LEASE_SECONDS": str(LEASE_SECONDS)}
    rng = random.Random(20251122)
    days = [f"2025-{m:02d}-{d:02d}" for m in (3, 6, 9, 12) for d in (10, 13, 16, 19, 20)]  # 20 sweeps, 20 trials
    interrupted = 0
    for trial, day in enumerate(days):
        before = mailbox.count()
        p = dondoc("remind", "--as-of", day, env=prepared)
        time.sleep(rng.uniform(0.2, 2.5))
        if p.poll() is None:
            p.send_signal(signal.SIGKILL)
            interrupted += 1
        p.communicate(timeout=60)
        # the next runs re-claim what the dead one held once its lease ran out (on the wall clock)
        rerun = dondoc("remind", "--as-of", days[trial] if trial == len(days) - 1 else day, env=prepared)
        rerun.communicate(timeout=300)
        later = dondoc("remind", "--as-of", "2026-03-01", env=prepared)
        later.communicate(timeout=300)
        assert mailbox.count() >= before
    # the last killed sender's rows: free once its lease has run out, then taken over
    time.sleep(LEASE_SECONDS + 0.5)
    dondoc("remind", "--as-of", "2026-03-01", env=prepared).communicate(timeout=300)
    messages = mailbox.messages()
    by_id = Counter(m["Message-ID"] for m in messages)
    # every planned message arrived; a repeat is always the same Message-ID (the one in flight)
    with_rung = Counter((m["To"].addresses[0].addr_spec, m["Message-ID"]) for m in messages)
    assert all(count >= 1 for count in by_id.values())
    repeats = sum(c - 1 for c in by_id.values())
    print(f"{len(days)} trials, {interrupted} killed mid-run, {len(by_id)} messages, {repeats} repeated")
    from dondoc.settings import get_settings

    # at most the messages in flight (one per pooled connection) repeated per kill
    assert repeats <= interrupted * get_settings().smtp_pool_size
    assert len(with_rung) == len(by_id)  # a Message-ID never went to two recipients
    from dondoc.store import models as m
    from dondoc.store.db import get_engine, session_scope
    from sqlmodel import select

    with session_scope(get_engine(get_settings().database_url)) as s:
        rows = s.exec(select(m.Outbox)).all()
    assert rows and all(r.status == "sent" for r in rows), Counter(r.status for r in rows)
    assert {r.message_id for r in rows} == {mid.strip("<>") for mid in by_id}
