"""`dondoc report import`: many receipts at once from .csv or .xlsx, all or nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO, run

TASKSET = FIXTURES / "tasksets" / "bao-cao-phoi-hop.yaml"
VI_HEADER = ["Văn bản", "Mục", "Đơn vị", "Kỳ", "Ngày", "Số báo cáo"]
EN_HEADER = ["dispatch", "key", "org", "period", "date", "document number"]


@pytest.fixture
def loaded(env, cli):  # type: ignore[no-untyped-def]
    assert run(cli, "orgs", "import", str(REPO / "config" / "organizations.yaml"))[0] == 0
    assert run(cli, "load", str(TASKSET))[0] == 0


def csv_file(tmp_path: Path, header: list[str], *rows: list[str], name: str = "bao-cao.csv", sep: str = ",") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(sep.join(r) for r in [header, *rows]) + "\n", encoding="utf-8-sig")
    return path


def xlsx_file(tmp_path: Path, header: list[str], *rows: list[object]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for r in rows:
        ws.append(r)
    path = tmp_path / "bao-cao.xlsx"
    wb.save(path)
    return path


def statuses(cli) -> dict[str, tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    code, out, _ = run(cli, "tasks", "list", "--as-of", "2025-07-01", "--json")
    task = next(t for t in json.loads(out) if t["key"] == "3.R1")
    return {o["org"]: (o["status"], o["bucket"]) for o in task["occurrences"] if o["period"] == "2025-H1"}


class TestImport:
    def test_a_csv_with_vietnamese_headers_records_every_row(self, loaded, cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
        path = csv_file(tmp_path, VI_HEADER,
                        ["125/UBND-NC", "3.R1", "hoi-ccb", "2025-H1", "12/06/2025", "Báo cáo số 45/BC-CCB ngày 12/6/2025"],
                        ["125/UBND-NC", "3.R1", "Hội Nông dân tỉnh", "", "2025-06-20", ""])
        code, out, err = run(cli, "report", "import", str(path))
        assert code == 0, err
        assert "đã ghi nhận 2 dòng" in out
        got = statuses(cli)
        assert got["hoi-ccb"] == ("submitted", "on_time") and got["hoi-nd"] == ("submitted", "late")
        assert got["tinh-doan"] == ("open", "overdue")

    def test_an_xlsx_with_english_headers_and_date_cells_is_read_the_same(self, loaded, cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
        from datetime import datetime

        path = xlsx_file(tmp_path, EN_HEADER, ["125/UBND-NC", "3.R1", "tinh-doan", "2025-H1", datetime(2025, 6, 16), None])
        code, out, err = run(cli, "report", "import", str(path))
        assert code == 0, err
        assert statuses(cli)["tinh-doan"] == ("submitted", "on_time")

    def test_a_dry_run_shows_what_would_change_and_records_nothing(self, loaded, cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
        path = csv_file(tmp_path, VI_HEADER, ["125/UBND-NC", "3.R1", "hoi-ccb", "2025-H1", "12/06/2025", "BC 45"],
                        sep=";")
        code, out, err = run(cli, "report", "import", str(path), "--dry-run")
        assert code == 0, err
        assert "chạy thử" in out and "sẽ ghi nhận 1 dòng" in out and "hoi-ccb" in out and "đúng hạn" in out
        assert statuses(cli)["hoi-ccb"] == ("open", "overdue")

    def test_importing_the_same_file_again_changes_nothing(self, loaded, cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
        path = csv_file(tmp_path, VI_HEADER, ["125/UBND-NC", "3.R1", "hoi-ccb", "", "12/06/2025", ""])
        assert run(cli, "report", "import", str(path))[0] == 0
        code, out, _ = run(cli, "report", "import", str(path))
        assert code == 0 and "đã ghi nhận 0 dòng, 1 dòng đã có từ trước" in out
        code, out, _ = run(cli, "tasks", "list", "--as-of", "2025-07-01", "--json")
        task = next(t for t in json.loads(out) if t["key"] == "3.R1")
        assert [o["period"] for o in task["occurrences"] if o["org"] == "hoi-ccb" and o["status"] == "submitted"] == [
            "2025-H1"]


class TestABadFile:
    @pytest.mark.parametrize(("rows", "says"), [
        ([["125/UBND-NC", "3.R1", "hoi-ccb", "2025-H1", "12/06/2025", ""],
          ["125/UBND-NC", "9", "hoi-nd", "2025-H1", "12/06/2025", ""]], "dòng 3: văn bản '125/UBND-NC' không có mục '9'"),
        ([["125/UBND-NC", "3.R1", "hoi-ccb", "2025-H1", "12/06/2025", ""],
          ["999/XX", "3.R1", "hoi-nd", "2025-H1", "12/06/2025", ""]], "dòng 3: văn bản '999/XX': không tìm thấy"),
        ([["125/UBND-NC", "3.R1", "hoi-ccb", "2025-H1", "12/06/2025", ""],
          ["125/UBND-NC", "3.R1", "so-khong-co", "2025-H1", "12/06/2025", ""]], "dòng 3: đơn vị 'so-khong-co'"),
        ([["125/UBND-NC", "3.R1", "hoi-ccb", "2025-H1", "12/06/2025", ""],
          ["125/UBND-NC", "3.R1", "hoi-ccb", "2025-H1", "12/06/2025", ""]], "dòng 3: trùng với dòng 2"),
        ([["125/UBND-NC", "3.R1", "hoi-ccb", "2025-H1", "12/06/2025", ""],
          ["125/UBND-NC", "3.R1", "hoi-nd", "2030-H1", "12/06/2025", ""]], "dòng 3: mục '3.R1' của văn bản '125/UBND-NC' không có kỳ '2030-H1'"),
    ], ids=["unknown-item", "unknown-dispatch", "unknown-org", "duplicate", "unknown-period"])
    def test_names_its_line_and_records_nothing_at_all(self, loaded, cli, tmp_path, rows, says) -> None:  # type: ignore[no-untyped-def]
        path = csv_file(tmp_path, VI_HEADER, *rows)
        code, out, err = run(cli, "report", "import", str(path))
        assert code != 0 and says in err, err
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
        assert statuses(cli)["hoi-ccb"] == ("open", "overdue")  # line 2 was good, and is not recorded either
