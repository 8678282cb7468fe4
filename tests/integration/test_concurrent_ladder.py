"""Two sweeps at once, in two processes, on SQLite and PostgreSQL: each rung, each move, exactly once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter

import pytest
import yaml

from tests.conftest import REPO

N = 60


def write_fixture(tmp):  # type: ignore[no-untyped-def]
    def contacts(mail: str):  # type: ignore[no-untyped-def]
        return [{"name": "Văn thư", "email": f"vt@{mail}.example.vn", "role": "coordinator"},
                {"name": "Lãnh đạo", "email": f"ld@{mail}.example.vn", "role": "head"}]

    orgs = [{"code": "ubnd-tinh", "name": "Ủy ban nhân dân tỉnh Thử Nghiệm", "contacts": contacts("ubnd")},
            {"code": "xa-moi", "name": "Ủy ban nhân dân xã Mới", "level": "xa", "parent": "ubnd-tinh",
             "contacts": contacts("xamoi")}]
    for i in range(N):
        orgs.append({"code": f"xa-{i:03d}", "name": f"Ủy ban nhân dân xã Số {i}", "level": "xa", "parent": "ubnd-tinh",
                     "groups": ["ubnd-xa"], "contacts": contacts(f"xa{i:03d}")})
    directory = tmp / "orgs.yaml"
    directory.write_text(yaml.safe_dump({"province": "Thử Nghiệm", "organizations": orgs,
                                         "groups": [{"code": "ubnd-xa", "names": ["UBND các xã, phường"]}]},
                                        allow_unicode=True), encoding="utf-8")
    taskset = tmp / "ts.yaml"
    taskset.write_text(yaml.safe_dump({
        "version": 1,
        "dispatch": {"number": "77/UBND-VP", "issuer": "Ủy ban nhân dân tỉnh Thử Nghiệm", "issued_on": "2025-03-03"},
        "tasks": [{"key": "1", "title": "Báo cáo rà soát", "kind": "report", "lead": [{"name": "UBND các xã, phường"}],
                   "schedule": {"repeat": "once", "due": ["2025-03-20"]}}],
    }, allow_unicode=True), encoding="utf-8")
    return directory, taskset


def dondoc(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "dondoc", *args], env=env, cwd=REPO, capture_output=True, timeout=300)


def together(*args: str, env: dict[str, str]) -> None:
    procs = [subprocess.Popen([sys.executable, "-m", "dondoc", *args], env=env, cwd=REPO,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()


@pytest.mark.slow
def test_two_sweeps_at_once_send_each_rung_and_move_each_occurrence_once(env, tmp_path, mailbox):
    directory, taskset = write_fixture(tmp_path)
    full = {**os.environ, **env}
    for args in (("orgs", "import", str(directory)), ("load", str(taskset)),
                 ("orgs", "merge", "xa-000", "--into", "xa-moi", "--on", "2025-04-03")):
        done = dondoc(*args, env=full)
        assert done.returncode == 0, done.stderr.decode()
    together("escalate", "--as-of", "2025-03-21", env=full)  # rung 1: every coordinator
    got = Counter(m["To"].addresses[0].addr_spec for m in mailbox.messages())
    assert len(got) == N and set(got.values()) == {1}
    together("escalate", "--as-of", "2025-04-03", env=full)  # rung 10, and the merger's day
    office = [m for m in mailbox.messages() if m["To"].addresses[0].addr_spec == "vt@ubnd.example.vn"]
    assert len(office) == 1 and mailbox.count() == N + 1
    text = office[0].get_body(preferencelist=("plain",)).get_content()
    assert text.count("đề nghị đồng chí chỉ đạo:") == 1 and text.count(": quá hạn 14 ngày") == N
    assert "Ủy ban nhân dân xã Mới: quá hạn" in text  # xa-000's work, moved before the sweep planned
    history = dondoc("history", "--dispatch", "77/UBND-VP", "--json", env=full)
    moves = [e for e in json.loads(history.stdout) if e["action"] == "occurrence.move"]
    assert len(moves) == 1 and moves[0]["actor"] == "sweep"
