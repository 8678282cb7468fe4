"""Who did what: every change with its actor, printed by `dondoc history`; a bad ladder stops the start."""

from __future__ import annotations

import getpass
import json
import shutil

import pytest

from tests.conftest import REPO, run
from tests.integration.loop_fixtures import report, write_directory, write_taskset

TASKS = [report("1", "Báo cáo kết quả rà soát", ["Sở Nội vụ", "Sở Tài chính"], ["2025-06-16"])]


@pytest.fixture
def loaded(env, cli, tmp_path):  # type: ignore[no-untyped-def]
    assert run(cli, "orgs", "import", str(write_directory(tmp_path)))[0] == 0
    assert run(cli, "load", str(write_taskset(tmp_path, TASKS)), "--actor", "vanthu.ubnd")[0] == 0


def history(cli, *args: str) -> list[dict]:  # type: ignore[no-untyped-def, type-arg]
    code, out, err = run(cli, "history", *args, "--json")
    assert code == 0, err
    return json.loads(out)


class TestHistory:
    def test_an_occurrences_history_names_the_cli_user_the_os_user_and_the_sweep(self, loaded, cli):
        assert run(cli, "escalate", "--as-of", "2025-06-17")[0] == 0
        code, _, err = run(cli, "report", "submit", "--task", "1", "--dispatch", "88/UBND-VP", "--org", "so-a",
                           "--at", "2025-06-18", "--doc", "Báo cáo số 45/BC-SNV ngày 18/6/2025")
        assert code == 0, err
        code, out, _ = run(cli, "tasks", "list", "--as-of", "2025-06-18", "--json")
        occ = next(o for o in json.loads(out)[0]["occurrences"] if o["org"] == "so-a")
        entries = history(cli, str(occ["id"]))
        assert [(e["actor"], e["action"]) for e in entries[:2]] == [("sweep", "occurrence.create"), ("sweep", "notice.overdue")]
        # done implies received: the answer and the receipt it implies, both by the OS user
        assert sorted((e["actor"], e["action"]) for e in entries[2:]) == [
            (getpass.getuser(), "occurrence.done"), (getpass.getuser(), "task.acknowledge")]
        assert entries[1]["description"].startswith("tới vt@snv.example.vn, đợt quét ngày 17/06/2025, đã gửi")
        [done] = [e for e in entries if e["action"] == "occurrence.done"]
        assert done["description"] == "ngày 18/06/2025; Báo cáo số 45/BC-SNV ngày 18/6/2025"
        code, out, _ = run(cli, "history", str(occ["id"]))
        assert "người thực hiện" in out and "ghi nhận đã hoàn thành / đã gửi báo cáo" in out

    def test_a_dispatchs_history_holds_its_loading_and_every_occurrence(self, loaded, cli):
        code, _, err = run(cli, "report", "waive", "--task", "1", "--dispatch", "88/UBND-VP", "--org", "so-b",
                           "--reason", "Không còn nhiệm vụ", "--actor", "chanh.vp")
        assert code == 0, err
        entries = history(cli, "--dispatch", "88/UBND-VP")
        assert ("vanthu.ubnd", "dispatch.loaded") in [(e["actor"], e["action"]) for e in entries]
        [waived] = [e for e in entries if e["action"] == "occurrence.waive"]
        assert (waived["actor"], waived["org"], waived["description"]) == ("chanh.vp", "so-b", "lý do: Không còn nhiệm vụ")

    def test_naming_nothing_or_an_unknown_occurrence_is_one_line(self, loaded, cli):
        code, _, err = run(cli, "history")
        assert code != 0 and len(err.strip().splitlines()) == 1
        code, _, err = run(cli, "history", "99999")
        assert code != 0 and "không có kỳ theo dõi (occurrence) số 99999" in err


class TestTheLadderFileIsCheckedAtStart:
    def test_a_bad_rung_stops_the_sweep_with_one_line_naming_the_field(self, loaded, cli, tmp_path, monkeypatch):
        from dondoc.settings import get_settings

        config = tmp_path / "config"
        shutil.copytree(REPO / "config", config)
        (config / "escalation.yaml").write_text("ladder:\n  - {after_working_days: 1, to: owner_coordinator}\n"
                                                "  - {after_working_days: 3, to: giam-doc}\n", encoding="utf-8")
        monkeypatch.setenv("DONDOC_CONFIG_DIR", str(config))
        get_settings.cache_clear()
        code, _, err = run(cli, "escalate", "--as-of", "2025-06-17")
        assert code != 0 and "Traceback" not in err
        assert err.strip() == (f"lỗi: {config / 'escalation.yaml'}: ladder[2].to: phải là một trong owner_coordinator, "
                               "owner_head, parent_head, issuer_office (giá trị: 'giam-doc')")
