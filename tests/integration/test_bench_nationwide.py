"""The nation-wide benchmark's generator and the bench itself, at a tiny size, through the real code.

Counts only: a benchmark's times are printed, never asserted.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "bench"))

import vietnam  # noqa: E402
import vietnam_tasks as vt  # noqa: E402


class TestTheSyntheticNation:
    def test_has_the_shape_of_vietnam_after_the_2025_reorganisation(self) -> None:
        assert vietnam.counts() == {"provinces": 34, "communes": 3321, "xa": 2621, "phuong": 687, "dac_khu": 13,
                                    "organizations": 30606}
        names = [p.name for p in vietnam.provinces()]
        assert len(set(names)) == 34 and "Hồ Chí Minh" in names and "Lai Châu" in names

    def test_a_province_validates_through_the_directory_format_with_every_escalation_going_somewhere(self) -> None:
        from dondoc.directory import parse_directory

        data = vietnam.directory_data(vietnam.Scale(provinces=2))
        directory = parse_directory(data, path="vietnam")
        assert len(directory.organizations) == vietnam.counts(vietnam.Scale(provinces=2))["organizations"]
        commune_units = [o for o in directory.organizations.values() if o.level == "xa"]
        assert commune_units and all(directory.supervisor(o.code) is not None for o in commune_units)
        assert all(o.parent for o in directory.organizations.values() if o.level != "trung-uong")
        assert all({c.role for c in o.contacts} >= {"coordinator", "head"} and
                   all(c.email.endswith("@example.vn") for c in o.contacts) for o in directory.organizations.values())
        admins = [o.code for o in directory.organizations.values() if any(c.role == "admin" for c in o.contacts)]
        assert sorted(admins) == ["ha-noi-vp-ubnd", "hue-vp-ubnd"]  # each province's dondoc admin

    def test_each_provinces_file_validates_on_its_own_within_the_bounds_of_a_directory_file(self) -> None:
        from dondoc.bounds import MAX_ITEMS
        from dondoc.directory import parse_directory

        files = vietnam.directory_files()
        assert len(files) == 34 and max(len(f["organizations"]) for f in files) <= MAX_ITEMS
        assert len({o["code"] for f in files for o in f["organizations"]}) == 30606
        largest = max(files, key=lambda f: len(f["organizations"]))
        assert len(parse_directory(largest, path="largest").organizations) == 3 + 21 + 9 * 168  # TP Hồ Chí Minh

    def test_the_fifty_tasks_cover_every_cadence_and_their_national_owners_resolve(self) -> None:
        from dondoc.directory import parse_directory
        from dondoc.taskset import parse_taskset

        assert len(vt.TEMPLATES) == 50
        cadences = Counter(t.repeat for t in vt.TEMPLATES)
        assert set(cadences) >= {"once", "weekly", "monthly", "quarterly", "semiannual", "annual"}
        scale = vietnam.Scale(provinces=2, communes=3)
        data = vietnam.directory_data(scale)
        directory = parse_directory(data, path="vietnam")
        sets = [parse_taskset(ts, path=f"taskset-{i}") for i, ts in enumerate(vt.tasksets(scale, data))]
        assert sum(len(ts.tasks) for ts in sets) == 7 + 2 * 43
        national = [o.name for ts in sets[:3] for t in ts.tasks for o in t.lead]
        assert all(len(directory.resolve(n, on=vt.ISSUED).codes) == 2 for n in national)
        carried = {c for ts in sets[3:] for t in ts.tasks for o in t.lead for c in [*o.orgs, o.org] if c}
        assert carried <= set(directory.organizations)


def _run_bench(*args: str, env: dict[str, str] | None = None) -> str:
    out = subprocess.run([sys.executable, str(REPO / "bench" / "nationwide.py"), *args], capture_output=True,
                         text=True, timeout=900, env={**os.environ, **(env or {})}, cwd=REPO)
    assert out.returncode == 0, out.stderr[-3000:]
    return out.stdout


def _check(stdout: str, size: int, db: str) -> None:
    lines = [ln for ln in stdout.splitlines() if ln.startswith("occurrences=")]
    assert len(lines) == 1
    fields = dict(kv.split("=", 1) for kv in lines[0].split())
    assert re.match(r"occurrences=\d+ open=\d+ workers=1 load_s=[\d.]+ quiet_sweep_s=[\d.]+ busy_plan_s=[\d.]+ "
                    r"peak_mb=\d+ ", lines[0]), lines[0]
    assert int(fields["occurrences"]) == size and fields["db"] == db
    # the size was reached as predicted, and the parts taking part are what the generator says
    scale = vietnam.Scale(provinces=int(fields["provinces"]),
                          communes=None if fields["last_province_communes"] == "all"
                          else int(fields["last_province_communes"]))
    shape = vietnam.counts(scale)
    assert int(fields["open"]) == int(fields["predicted"]) >= size
    assert int(fields["orgs"]) == shape["organizations"] and int(fields["communes"]) == shape["communes"]
    assert int(fields["tasks"]) == 7 + 43 * shape["provinces"] and int(fields["unresolved"]) == 0
    # a quiet day is quiet, a busy day is not
    assert 0 < int(fields["quiet_notices"]) < 0.01 * int(fields["open"])
    assert int(fields["busy_notices"]) > 10 * int(fields["quiet_notices"])
    # the database agrees with what was printed
    kept = re.search(r"^kept: (\S+) \((\S+)\)$", stdout, re.M)
    assert kept is not None
    engine = create_engine(kept.group(2))
    try:
        with engine.connect() as c:
            # open after the quiet day as predicted; after the busy day a little more (the horizon moved)
            assert c.execute(text("select count(*) from occurrence where status = 'open'")).scalar_one() == \
                int(fields["open_end"]) >= int(fields["open"])
            assert c.execute(text("select count(*) from organization")).scalar_one() == int(fields["orgs"])
            notices = c.execute(text("select count(*) from notice")).scalar_one()
            assert notices >= int(fields["first_notices"]) + int(fields["quiet_notices"]) + int(fields["busy_notices"])
    finally:
        engine.dispose()
        shutil.rmtree(kept.group(1), ignore_errors=True)
    assert "| occurrences | open |" in stdout
    assert f"command: python bench/nationwide.py --occurrences {size} --db {db} --keep" in stdout


@pytest.mark.slow
def test_the_bench_runs_a_tiny_nation_on_sqlite_and_prints_what_it_measured() -> None:
    _check(_run_bench("--occurrences", "1500", "--db", "sqlite", "--keep"), 1500, "sqlite")


@pytest.mark.slow
@pytest.mark.postgres
def test_the_bench_runs_a_tiny_nation_on_postgres_and_prints_what_it_measured() -> None:
    base = os.environ.get("DONDOC_TEST_POSTGRES_URL")
    if not base:
        pytest.skip("DONDOC_TEST_POSTGRES_URL is not set")
    stdout = _run_bench("--occurrences", "1500", "--db", "postgres", "--keep", env={"DONDOC_BENCH_POSTGRES_URL": base})
    try:
        _check(stdout, 1500, "postgres")
    finally:
        kept = re.search(r"^kept: \S+ \((\S+)\)$", stdout, re.M)
        if kept:
            name = kept.group(1).rsplit("/", 1)[-1]  # the kept database, in the test cluster
            admin = create_engine(base, isolation_level="AUTOCOMMIT")
            with admin.connect() as c:
                c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
