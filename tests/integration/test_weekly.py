"""A weekly task end to end: loaded, materialised by ISO week, reminded one working day before, on a real SMTP server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.conftest import FIXTURES, REPO, run

ORGS = REPO / "config" / "organizations.yaml"
POLICE = "pv05@congan.haiduong.example.vn"
WEEKLY_DISPATCH = FIXTURES / "dispatches" / "40_congvan_bao_cao_hang_tuan.txt"


def bodies_to(mailbox, address: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [m.get_body(preferencelist=("plain",)).get_content() for m in mailbox.messages()
            if m["To"].addresses[0].addr_spec == address]


@pytest.fixture
def weekly(env, cli, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """Công an tỉnh reports every Thursday ("trước 16 giờ thứ Năm hằng tuần") from 12/01/2026."""
    data = {
        "version": 1,
        "dispatch": {"number": "215/UBND-NC", "issuer": "Ủy ban nhân dân tỉnh Hải Dương", "issued_on": "2026-01-12"},
        "tasks": [{
            "key": "1", "title": "Báo cáo tình hình an ninh trật tự hằng tuần", "kind": "report",
            "text": "Công an tỉnh báo cáo hằng tuần tình hình an ninh trật tự về UBND tỉnh trước 16 giờ thứ Năm.",
            "lead": [{"name": "Công an tỉnh"}], "report_to": "UBND tỉnh",
            "schedule": {"repeat": "weekly", "due": ["T5"]},
        }],
    }
    path = tmp_path / "weekly.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert run(cli, "orgs", "import", str(ORGS))[0] == 0
    code, _, err = run(cli, "load", str(path))
    assert code == 0, err
    return path


class TestWeeklyReminders:
    def test_nothing_goes_out_two_working_days_before_a_thursday(self, weekly, cli, mailbox) -> None:  # type: ignore[no-untyped-def]
        code, out, err = run(cli, "remind", "--as-of", "2026-01-27")
        assert code == 0, err
        assert mailbox.count() == 0

    def test_the_reminder_goes_out_the_working_day_before_and_names_this_week_only(self, weekly, cli, mailbox) -> None:  # type: ignore[no-untyped-def]
        assert run(cli, "remind", "--as-of", "2026-01-28")[0] == 0
        [body] = bodies_to(mailbox, POLICE)
        assert "29/01/2026" in body and "05/02/2026" not in body
        assert "Kỳ báo cáo: tuần 5/2026 (từ 26/01/2026 đến 01/02/2026); định kỳ thứ Năm hằng tuần" in body
        assert mailbox.count() == 1
        assert run(cli, "remind", "--as-of", "2026-01-28")[0] == 0
        assert mailbox.count() == 1  # once

    def test_on_the_day_it_is_reminded_again_and_then_once_a_week(self, weekly, cli, mailbox) -> None:  # type: ignore[no-untyped-def]
        for day in ("2026-01-28", "2026-01-29", "2026-01-30", "2026-02-02", "2026-02-03"):
            assert run(cli, "remind", "--as-of", day)[0] == 0
        assert mailbox.count() == 2  # Wednesday and Thursday of week 5; nothing of week 6 yet
        assert run(cli, "remind", "--as-of", "2026-02-04")[0] == 0
        assert "05/02/2026" in bodies_to(mailbox, POLICE)[-1]

    def test_a_thursday_in_the_tet_break_moves_to_the_next_working_day_and_is_reminded_before_the_break(
            self, weekly, cli, mailbox) -> None:  # type: ignore[no-untyped-def]
        # Tết 2026 closes 16–20/02: Thursday 19/02 ends on Monday 23/02 (Điều 148), whose working day
        # before is Friday 13/02
        assert run(cli, "remind", "--as-of", "2026-02-12")[0] == 0
        assert "23/02/2026" not in "\n".join(bodies_to(mailbox, POLICE))
        assert run(cli, "remind", "--as-of", "2026-02-13")[0] == 0
        body = bodies_to(mailbox, POLICE)[-1]
        assert "23/02/2026" in body and "văn bản ghi 19/02/2026" in body

    def test_a_missed_week_is_overdue_the_next_day(self, weekly, cli, mailbox) -> None:  # type: ignore[no-untyped-def]
        assert run(cli, "report", "submit", "--task", "1", "--dispatch", "215/UBND-NC", "--org", "ca-tinh",
                   "--period", "2026-W04", "--at", "2026-01-22")[0] == 0
        assert run(cli, "escalate", "--as-of", "2026-01-30")[0] == 0
        text = "\n".join(bodies_to(mailbox, POLICE))
        assert "29/01/2026" in text and "22/01/2026" not in text


class TestWeeklyViews:
    def test_occurrences_are_labelled_by_iso_week_and_stated_on_thursday(self, weekly, cli) -> None:  # type: ignore[no-untyped-def]
        code, out, _ = run(cli, "tasks", "list", "--as-of", "2026-01-28", "--json")
        occs = {o["period"]: o for o in json.loads(out)[0]["occurrences"]}
        assert occs["2026-W05"]["stated_due"] == "2026-01-29"
        assert occs["2026-W08"]["effective_due"] == "2026-02-23"
        assert "2026-W02" not in occs  # the week before the dispatch

    def test_the_task_list_and_explain_say_it_in_vietnamese(self, weekly, cli) -> None:  # type: ignore[no-untyped-def]
        code, out, _ = run(cli, "tasks", "list", "--as-of", "2026-01-28")
        assert code == 0 and "hằng tuần" in out
        code, out, _ = run(cli, "tasks", "list", "--as-of", "2026-01-28", "--json")
        occ = next(o for o in json.loads(out)[0]["occurrences"] if o["period"] == "2026-W05")
        code, out, _ = run(cli, "explain", str(occ["id"]))
        assert "Quy tắc: thứ Năm hằng tuần — kỳ báo cáo tuần 5/2026 (từ 26/01/2026 đến 01/02/2026)" in out

    def test_the_calendar_feed_names_the_cadence(self, weekly, cli) -> None:  # type: ignore[no-untyped-def]
        import icalendar

        code, out, _ = run(cli, "calendar", "--org", "ca-tinh", "--as-of", "2026-01-28")
        assert code == 0
        first = next(iter(icalendar.Calendar.from_ical(out).walk("VEVENT")))
        description = str(first["DESCRIPTION"])
        assert "Định kỳ: thứ Năm hằng tuần" in description
        assert "Kỳ: 2026-W05 — tuần 5/2026 (từ 26/01/2026 đến 01/02/2026)" in description


class TestIngestedWeeklyDispatch:
    def test_the_fixture_dispatch_loads_and_reminds_the_police_on_wednesday(self, env, cli, mailbox, tmp_path) -> None:  # type: ignore[no-untyped-def]
        out_yaml = tmp_path / "40.yaml"
        code, _, err = run(cli, "ingest", str(WEEKLY_DISPATCH), "-o", str(out_yaml))
        assert code == 0, err
        assert run(cli, "orgs", "import", str(ORGS))[0] == 0
        code, _, err = run(cli, "load", str(out_yaml))
        assert code != 0 and 'nhiệm vụ 3: không tìm thấy đơn vị "UBND các xã, phường"' in err  # not in this directory
        code, out, err = run(cli, "load", str(out_yaml), "--allow-unassigned")
        assert code == 0, err
        assert "chưa xác định đơn vị: nhiệm vụ 3" in out
        assert run(cli, "remind", "--as-of", "2026-01-28")[0] == 0
        [body] = bodies_to(mailbox, POLICE)
        assert "mục 1]" in body and "29/01/2026" in body and "thứ Năm hằng tuần" in body
