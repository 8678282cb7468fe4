"""A first run without surprises: where the data is, a mistyped database path, owners listed once,
progress only on a terminal, and `run --once` saying what it sent."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import FIXTURES, REPO, run

TASKSET = FIXTURES / "tasksets" / "bao-cao-phoi-hop.yaml"


def with_pty_stderr(args: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    """Run `dondoc ARGS` with stderr on a pseudo-terminal (as in an admin's shell) and stdout on a pipe."""
    master, slave = pty.openpty()
    p = subprocess.Popen([sys.executable, "-m", "dondoc", *args], cwd=REPO, env=env, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                data = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        elif p.poll() is not None:
            break
    out = p.stdout.read().decode() if p.stdout else ""
    p.wait(timeout=120)
    os.close(master)
    return p.returncode, out, b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
class TestTheDatabaseIsWhereItIsSaid:
    def test_a_sqlite_file_in_a_folder_that_does_not_exist_is_one_line_and_creates_nothing(
        self, env, cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from dondoc.settings import get_settings

        typo = tmp_path / "vra" / "dondoc.db"
        monkeypatch.setenv("DONDOC_DATABASE_URL", f"sqlite:///{typo}")
        get_settings.cache_clear()
        for args in (["orgs", "list"], ["tasks", "list"], ["remind", "--as-of", "2025-06-10"], ["db", "upgrade"]):
            code, out, err = run(cli, *args)
            assert code == 1 and err.count("\n") == 1, err
            assert err.startswith(f"lỗi: không có thư mục {typo.parent}") and "db upgrade --create" in err
        assert not typo.parent.exists()

    def test_db_upgrade_create_makes_the_folder_and_the_schema(
        self, env, cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from dondoc.settings import get_settings

        fresh = tmp_path / "new" / "place" / "dondoc.db"
        monkeypatch.setenv("DONDOC_DATABASE_URL", f"sqlite:///{fresh}")
        get_settings.cache_clear()
        code, out, err = run(cli, "db", "upgrade", "--create")
        assert code == 0, err
        assert fresh.exists() and "0002" in out or "ở phiên bản" in out
        assert run(cli, "orgs", "list")[0] == 0

    def test_an_empty_database_says_so_and_where_the_demo_data_is(
        self, env, cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        import dondoc.cli  # noqa: F401

        shell = sys.modules["dondoc.cli.app"]  # (dondoc.cli.app, the name, is the Typer app itself)
        demo = tmp_path / "demo" / "demo.db"
        demo.parent.mkdir()
        demo.write_bytes(b"")
        monkeypatch.setattr(shell, "demo_database", lambda: demo)
        code, out, _ = run(cli, "tasks", "list", "--as-of", "2025-06-10")
        assert code == 0
        lines = out.strip().splitlines()
        assert lines[0].startswith("Chưa có nhiệm vụ nào trong cơ sở dữ liệu") and env["DONDOC_DATABASE_URL"].split("///")[1] in lines[0]
        assert f"dondoc --db {demo} tasks list --as-of 2025-06-10" in lines[1]
        assert "┏" not in out  # no empty table

    def test_db_points_one_command_at_another_database_and_only_that_one(self, env, cli, tmp_path: Path) -> None:
        other = tmp_path / "other.db"
        assert run(cli, "--db", str(other), "orgs", "import", str(REPO / "config" / "organizations.yaml"))[0] == 0
        code, out, _ = run(cli, "--db", str(other), "orgs", "list", "--json")
        assert code == 0 and len(json.loads(out)) > 10
        assert os.environ["DONDOC_DATABASE_URL"] == env["DONDOC_DATABASE_URL"]
        assert json.loads(run(cli, "orgs", "list", "--json")[1]) == []


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_task_list_names_each_owner_once_and_never_cuts_a_code(env, cli, tmp_path: Path) -> None:
    ts = yaml.safe_load(TASKSET.read_text(encoding="utf-8"))
    ts["tasks"][0]["lead"] = [{"name": "Công an tỉnh"}, {"name": "CA tỉnh"}, {"name": "Công an tỉnh"},
                              {"name": "các sở, ban, ngành"}]
    path = tmp_path / "twice.yaml"
    path.write_text(yaml.safe_dump(ts, allow_unicode=True), encoding="utf-8")
    assert run(cli, "orgs", "import", str(REPO / "config" / "organizations.yaml"))[0] == 0
    assert run(cli, "load", str(path))[0] == 0
    code, out, _ = run(cli, "tasks", "list", "--as-of", "2025-01-10", "--json")
    lead = json.loads(out)[0]["lead"]
    codes = [o["org"] for o in lead]
    assert codes.count("ca-tinh") == 1 and len(codes) == len(set(codes)) > 5
    code, out, _ = run(cli, "tasks", "list", "--as-of", "2025-01-10")
    lines = out.splitlines()
    first = next(i for i, line in enumerate(lines) if "125/UBND-NC" in line and "│ 1 " in line)
    parts = [lines[first].split("│")[5].strip()]
    for line in lines[first + 1:]:  # the cell wraps: its next lines have an empty first column
        cols = line.split("│")
        if len(cols) < 6 or cols[1].strip():
            break
        parts.append(cols[5].strip())
    cell = " ".join(p for p in parts if p)
    shown, _, more = cell.partition(", … (+")
    assert shown.split(", ")[0] == "ca-tinh" and all(c in codes for c in shown.split(", "))
    assert len(shown.split(", ")) + int(more.rstrip(")") or 0) == len(codes)


@pytest.mark.slow
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
class TestTheDemo:
    def test_after_the_demo_its_data_is_one_option_away(self, env, cli, tmp_path: Path) -> None:
        code, out, err = run(cli, "demo", "--dir", str(tmp_path / "demo"), "--days", "200")
        assert code == 0, err
        hint = next(line.strip() for line in out.splitlines() if line.strip().startswith("dondoc --db"))
        args = hint.split()[1:]  # dondoc --db PATH tasks list --as-of 2025-07-19
        assert args[1] == str(tmp_path / "demo" / "demo.db") and args[2:] == ["tasks", "list", "--as-of", "2025-07-19"]
        code, out, _ = run(cli, *args)
        assert code == 0 and "18/UBND-NC" in out and "Chưa có" not in out

    def test_progress_shows_on_a_terminal_only_and_not_when_quiet(self, env, tmp_path: Path) -> None:
        full = {**os.environ, **env}
        code, out, err = with_pty_stderr(["demo", "--dir", str(tmp_path / "a"), "--days", "3"], full)
        assert code == 0 and "Chạy thử: mỗi ngày một lần quét" in err and "━" in err and "3/3" in err
        assert "Chạy thử: mỗi ngày" not in out
        code, out, err = with_pty_stderr(["--quiet", "demo", "--dir", str(tmp_path / "b"), "--days", "3"], full)
        assert code == 0 and "━" not in err and "Chạy thử: mỗi ngày" not in err
        piped = subprocess.run([sys.executable, "-m", "dondoc", "demo", "--dir", str(tmp_path / "c"), "--days", "3"],
                               cwd=REPO, env=full, capture_output=True, text=True, timeout=120)
        assert piped.returncode == 0 and piped.stderr == ""


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_run_once_ends_with_what_it_sent_to_whom_and_what_failed(prefect_harness, env, cli, tmp_path):  # type: ignore[no-untyped-def]
    from prefect.settings import PREFECT_API_URL

    from dondoc.notify.mailbox import FailPlan, Mailbox

    refused = "vanphong@hoinongdan.haiduong.example.vn"
    assert run(cli, "orgs", "import", str(REPO / "config" / "organizations.yaml"))[0] == 0
    assert run(cli, "load", str(TASKSET))[0] == 0
    with Mailbox(tmp_path / "refusing", fail_plan=FailPlan(reject={refused})) as mb:
        # a real process, as an admin runs it, talking to the test harness's Prefect server
        full = {**os.environ, **env, "DONDOC_SMTP_PORT": str(mb.port), "PREFECT_API_URL": str(PREFECT_API_URL.value())}
        done = subprocess.run([sys.executable, "-m", "dondoc", "run", "--once", "--as-of", "2025-06-10"], cwd=REPO,
                              env=full, capture_output=True, text=True, timeout=600)
    out, err = done.stdout, done.stderr
    assert done.returncode == 0, err
    assert "Quét ngày 10/06/2025: đã gửi 7, chờ gửi lại 0, lỗi 1" in out
    assert "bantuyengiao@mttq.haiduong.example.vn" in out and "đã gửi" in out
    # the items long overdue on the first sweep reach the issuer's office once, on the latest rung only
    assert "vanphong@ubnd.haiduong.example.vn" in out and "đôn đốc: 125/UBND-NC" in out
    assert refused in out and "lỗi" in out.split(refused)[1].splitlines()[0]  # failures listed first
    assert f"bị từ chối: {refused}" in err
