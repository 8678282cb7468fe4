"""The 2026 sample directory (thành phố Hải Phòng) through the CLI, into a fresh database
(real SQLite, real PostgreSQL): imported once, again unchanged, and a 2026 dispatch loads with
every owner resolved against it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import REPO, run
from tests.unit.test_directory_haiphong_2026 import DISPATCH

ORGS = REPO / "config" / "organizations-haiphong-2026.yaml"


def test_the_2026_directory_imports_into_a_fresh_database(env, cli) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(cli, "orgs", "import", str(ORGS))
    assert code == 0, err
    assert "thêm 46, cập nhật 0, không đổi 0, 6 nhóm" in out
    code, out, err = run(cli, "orgs", "import", str(ORGS))
    assert code == 0 and "thêm 0, cập nhật 0, không đổi 46" in out, err

    code, out, err = run(cli, "orgs", "list", "--json")
    assert code == 0, err
    rows = {r["code"]: r for r in json.loads(out)}
    assert len(rows) == 46
    assert rows["ca-x-tien-lang"]["parent"] == "ca-tp" and rows["ca-x-tien-lang"]["name"] == "Công an xã Tiên Lãng"
    assert {c["role"] for c in rows["ubnd-tp"]["contacts"]} == {"coordinator", "head", "admin"}


def test_a_changed_entry_is_updated_with_its_contacts_and_the_rest_left_as_they_are(env, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import yaml

    assert run(cli, "orgs", "import", str(ORGS))[0] == 0
    data = yaml.safe_load(ORGS.read_text(encoding="utf-8"))
    entry = next(o for o in data["organizations"] if o["code"] == "ca-x-tien-lang")
    entry["name"] = "Công an xã Tiên Lãng (mới)"
    entry["contacts"] = [{"name": "Trực ban", "email": "trucban@tienlang.example.vn", "role": "coordinator"}]
    changed = tmp_path / "orgs.yaml"
    changed.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    code, out, err = run(cli, "orgs", "import", str(changed))
    assert code == 0 and "thêm 0, cập nhật 1, không đổi 45" in out, err
    rows = {r["code"]: r for r in json.loads(run(cli, "orgs", "list", "--json")[1])}
    assert rows["ca-x-tien-lang"]["name"] == "Công an xã Tiên Lãng (mới)"
    assert [c["email"] for c in rows["ca-x-tien-lang"]["contacts"]] == ["trucban@tienlang.example.vn"]
    assert {c["role"] for c in rows["ubnd-tp"]["contacts"]} == {"coordinator", "head", "admin"}


def test_a_2026_dispatch_loads_with_every_owner_resolved_against_it(env, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert run(cli, "orgs", "import", str(ORGS))[0] == 0
    source = tmp_path / "cv-2468.txt"
    source.write_text(DISPATCH, encoding="utf-8")
    taskset = tmp_path / "cv-2468.yaml"
    code, _, err = run(cli, "ingest", str(source), "-o", str(taskset), "--directory", str(ORGS))
    assert code == 0, err
    code, out, err = run(cli, "load", str(taskset))
    assert code == 0, err
    assert "đã nạp" in out and "chưa xác định" not in out and "cảnh báo" not in out
