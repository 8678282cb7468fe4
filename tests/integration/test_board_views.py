"""Board semantics a supervisor can trust: one rule for the board and `tasks list`, the whole past, the rate."""

from __future__ import annotations

import json
from collections import Counter, defaultdict

import pytest

from tests.conftest import FIXTURES, REPO, run
from tests.integration.loop_fixtures import report, write_directory, write_taskset

TASKSET = FIXTURES / "tasksets" / "bao-cao-phoi-hop.yaml"
ORGS = REPO / "config" / "organizations.yaml"
BUCKETS = ("on_time", "late", "open", "overdue")


def views(cli, day: str) -> tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]:  # type: ignore[no-untyped-def]
    code, out, err = run(cli, "board", "--as-of", day, "--json")
    assert code == 0, err
    board = {r["org_code"]: tuple(r[b] for b in BUCKETS) for r in json.loads(out)}
    code, out, err = run(cli, "tasks", "list", "--as-of", day, "--json")
    assert code == 0, err
    counted: dict[str, Counter[str]] = defaultdict(Counter)
    for task in json.loads(out):
        for o in task["occurrences"]:
            if o["bucket"] is not None:
                counted[o["org"]][o["bucket"]] += 1
            if task["kind"] == "event":
                assert o["bucket"] is None  # observance preparations are counted in neither view
    listed = {org: tuple(c[b] for b in BUCKETS) for org, c in counted.items()}
    return board, listed


class TestTheTwoViewsAgree:
    @pytest.mark.parametrize("against", ["extended", "original"])
    def test_the_board_and_the_task_list_count_the_same_on_every_day(self, env, cli, monkeypatch, against):
        from dondoc.settings import get_settings

        monkeypatch.setenv("DONDOC_ON_TIME_AGAINST", against)
        get_settings.cache_clear()
        assert run(cli, "orgs", "import", str(ORGS))[0] == 0
        assert run(cli, "load", str(TASKSET))[0] == 0
        steps = [("report", "submit", "--task", "3.R1", "--dispatch", "125/UBND-NC", "--org", "hoi-ccb",
                  "--period", "2025-H1", "--at", "2025-06-12"),
                 ("report", "submit", "--task", "3.R1", "--dispatch", "125/UBND-NC", "--org", "hoi-nd",
                  "--period", "2025-H1", "--at", "2025-06-25"),
                 ("extend", "--task", "3.R1", "--dispatch", "125/UBND-NC", "--org", "tinh-doan", "--to", "2025-06-30",
                  "--reason", "Chờ số liệu", "--by", "Công văn số 9/UBND-VP"),
                 ("report", "submit", "--task", "3.R1", "--dispatch", "125/UBND-NC", "--org", "tinh-doan",
                  "--period", "2025-H1", "--at", "2025-06-27"),
                 ("report", "waive", "--task", "3.R1", "--dispatch", "125/UBND-NC", "--org", "hoi-nct",
                  "--period", "2025-H1", "--reason", "Miễn"),
                 ("report", "submit", "--task", "1", "--dispatch", "125/UBND-NC", "--org", "ca-tinh", "--at", "2025-02-03")]
        for args in steps:
            code, _, err = run(cli, *args)
            assert code == 0, err
        for day in ("2025-01-10", "2025-06-10", "2025-06-20", "2025-07-01", "2025-08-19", "2025-11-20", "2025-12-31"):
            board, listed = views(cli, day)
            assert board == listed, day
        board, _ = views(cli, "2025-07-01")
        assert board["tinh-doan"] == ((1, 0, 0, 1) if against == "extended" else (0, 1, 0, 1))
        assert board["hoi-nct"] == (0, 0, 0, 1)  # the waived H1 is gone; the 2024 annual report is still owed


class TestTheWholePast:
    def test_a_dispatch_loaded_late_shows_what_is_already_overdue(self, env, cli, tmp_path):
        assert run(cli, "orgs", "import", str(write_directory(tmp_path)))[0] == 0
        tasks = [report("1", "Báo cáo quý", ["Sở Nội vụ"], ["--03-20", "--06-20", "--09-20", "--12-20"], repeat="quarterly")]
        assert run(cli, "load", str(write_taskset(tmp_path, tasks, issued_on="2024-01-05")))[0] == 0
        code, out, _ = run(cli, "board", "--as-of", "2025-06-10", "--json")
        [row] = [r for r in json.loads(out) if r["org_code"] == "so-a"]
        assert (row["overdue"], row["open"], row["rate"]) == (5, 1, 0.0)  # 2024-Q1 … 2025-Q1 late, 2025-Q2 open
        code, out, _ = run(cli, "tasks", "list", "--as-of", "2025-06-10", "--json")
        periods = [o["period"] for o in json.loads(out)[0]["occurrences"] if o["bucket"] == "overdue"]
        assert periods == ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1"]

    def test_later_sweeps_look_back_only_a_few_weeks(self, env, cli, tmp_path):
        from sqlmodel import select

        from dondoc.settings import get_settings
        from dondoc.store import models as m
        from dondoc.store.db import get_engine, session_scope

        assert run(cli, "orgs", "import", str(write_directory(tmp_path)))[0] == 0
        tasks = [report("1", "Báo cáo quý", ["Sở Nội vụ"], ["--03-20", "--06-20", "--09-20", "--12-20"], repeat="quarterly")]
        assert run(cli, "load", str(write_taskset(tmp_path, tasks, issued_on="2024-01-05")))[0] == 0
        assert run(cli, "board", "--as-of", "2025-06-10")[0] == 0
        with session_scope(get_engine(get_settings().database_url)) as s:
            [task] = s.exec(select(m.Task)).all()
            assert str(task.materialised_from) == "2024-01-05"


class TestTheRate:
    def test_a_unit_that_never_reports_is_zero_and_the_caption_says_how_it_is_computed(self, env, cli, tmp_path):
        assert run(cli, "orgs", "import", str(write_directory(tmp_path)))[0] == 0
        tasks = [report("1", "Báo cáo", ["Sở Nội vụ", "Sở Tài chính"], ["2025-06-16"])]
        assert run(cli, "load", str(write_taskset(tmp_path, tasks)))[0] == 0
        code, out, _ = run(cli, "board", "--as-of", "2025-06-10", "--json")
        assert {r["org_code"]: r["rate"] for r in json.loads(out)} == {"so-a": None, "so-b": None}  # nothing due yet
        code, out, _ = run(cli, "board", "--as-of", "2025-06-20", "--json")
        assert {r["org_code"]: r["rate"] for r in json.loads(out)} == {"so-a": 0.0, "so-b": 0.0}
        code, out, _ = run(cli, "board", "--as-of", "2025-06-20")
        assert "0%" in out and "—" not in out.split("Tỉ lệ đúng hạn =")[0].split("Tổng cộng")[0]
        assert "Tỉ lệ đúng hạn = hoàn thành đúng hạn / (hoàn thành đúng hạn + hoàn thành quá hạn + quá hạn chưa hoàn" in out
