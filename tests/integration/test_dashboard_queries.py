"""The dashboards' set-based queries agree with the board's row-by-row rule on a varied history."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.conftest import FIXTURES, REPO, run

TASKSET = FIXTURES / "tasksets" / "bao-cao-phoi-hop.yaml"
DAYS = [date(2025, 1, 10), date(2025, 1, 16), date(2025, 6, 10), date(2025, 6, 16), date(2025, 6, 20),
        date(2025, 7, 1), date(2025, 8, 19), date(2025, 11, 20), date(2026, 1, 5)]


@pytest.fixture
def history(env, cli):  # type: ignore[no-untyped-def]
    """A dispatch, reports on time and late, a waived one, an extension granted, sweeps across a year."""
    assert run(cli, "orgs", "import", str(REPO / "config" / "organizations.yaml"))[0] == 0
    assert run(cli, "load", str(TASKSET))[0] == 0
    assert run(cli, "remind", "--as-of", "2025-06-10")[0] == 0
    d = ("--dispatch", "125/UBND-NC", "--task", "3.R1")
    assert run(cli, "report", "submit", *d, "--org", "hoi-ccb", "--period", "2025-H1", "--at", "2025-06-12")[0] == 0
    assert run(cli, "report", "submit", *d, "--org", "hoi-nd", "--period", "2025-H1", "--at", "2025-06-25")[0] == 0
    assert run(cli, "report", "waive", *d, "--org", "hoi-nct", "--period", "2025-H1", "--reason", "Báo cáo chung")[0] == 0
    code, _, err = run(cli, "extend", *d, "--org", "tinh-doan", "--to", "2025-06-30", "--reason", "Chờ số liệu",
                         "--by", "Công văn số 12/UBND-VP")
    assert code == 0, err  # granted by the issuer's document: the extended deadline is 30/6


@pytest.mark.parametrize("database_url", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)
@pytest.mark.parametrize("against", ["extended", "original"])
def test_the_tallies_equal_the_board_on_every_day(history, against):
    from dondoc.app.steps import board_step, engine
    from dondoc.settings import get_settings
    from dondoc.store import dashboard as q
    from dondoc.store.db import session_scope

    settings = get_settings().model_copy(update={"on_time_against": against})
    seen_overdue = 0
    for day in DAYS + [d + timedelta(days=1) for d in DAYS]:
        board = {r["org_code"]: r for r in board_step(settings, day)}
        with session_scope(engine(settings)) as s:
            tallies = {t.org_code: t for t in q.tallies(session=s, as_of=day, against=against)}
            worst = q.worst_overdue(session=s, as_of=day, against=against, limit=5)
        for code, row in board.items():
            t = tallies.get(code)
            got = (t.on_time, t.late, t.open, t.overdue, t.unacknowledged) if t else (0, 0, 0, 0, 0)
            assert got == (row["on_time"], row["late"], row["open"], row["overdue"], row["unacknowledged"]), (day, code)
        assert sum(t.overdue for t in tallies.values()) == sum(r["overdue"] for r in board.values())
        dues = [w.due for w in worst]
        assert dues == sorted(dues) and len(worst) == min(5, sum(r["overdue"] for r in board.values()))
        seen_overdue += len(worst)
    assert seen_overdue  # the history does reach overdue work
