"""Extensions (gia hạn): reminders and the ladder follow the new date; the board judges either date; explain shows both."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run
from tests.integration.loop_fixtures import Inbox, body, report, to, write_directory, write_taskset

TASKS = [report("1", "Báo cáo kết quả rà soát", ["Sở Nội vụ", "Sở Tài chính"], ["2025-06-16"])]
EXTEND = ("extend", "--task", "1", "--dispatch", "88/UBND-VP", "--org", "so-a", "--to", "2025-06-28",
          "--reason", "Chờ số liệu của các xã", "--by", "Công văn số 12/UBND-VP ngày 12/6/2025", "--actor", "vp.ubnd")


@pytest.fixture
def extended(env, cli, tmp_path):  # type: ignore[no-untyped-def]
    assert run(cli, "orgs", "import", str(write_directory(tmp_path)))[0] == 0
    assert run(cli, "load", str(write_taskset(tmp_path, TASKS)))[0] == 0
    assert run(cli, "tasks", "list", "--as-of", "2025-06-12")[0] == 0  # materialised
    code, out, err = run(cli, *EXTEND)
    assert code == 0, err
    # 28/06/2025 is a Saturday: the extended deadline ends on Monday 30/06 (Điều 148)
    assert "đến 28/06/2025 (hiệu lực 30/06/2025, Điều 148); hạn ban đầu 16/06/2025" in out
    return out


def occurrence_of(cli, org: str) -> dict:  # type: ignore[no-untyped-def, type-arg]
    code, out, _ = run(cli, "tasks", "list", "--as-of", "2025-06-12", "--json")
    return next(o for o in json.loads(out)[0]["occurrences"] if o["org"] == org)


class TestRemindersAndLadderFollowTheNewDate:
    def test_the_extended_unit_is_reminded_before_the_new_date_and_chased_only_after_it(self, extended, cli, mailbox):
        inbox = Inbox(mailbox)
        assert run(cli, "remind", "--as-of", "2025-06-16")[0] == 0
        got = {to(m): body(m) for m in inbox.new()}
        assert "Hạn: 16/06/2025 — hạn cuối là hôm nay" in got["vt@stc.example.vn"]
        # 14 days before the new effective date (30/6) is 16/6: its first reminder of the new series
        mine = got["vt@snv.example.vn"]
        assert "Hạn: 30/06/2025 — còn 14 ngày" in mine and "văn bản ghi" not in mine  # the dispatch wrote 16/6, not 28/6
        assert ("Ghi chú: Đã gia hạn đến Thứ Bảy, 28/06/2025, hạn cuối ngày Thứ Hai, 30/06/2025 (28/06/2025 là ngày "
                "nghỉ, Bộ luật Dân sự 2015, Điều 148); hạn ban đầu 16/06/2025") in mine
        for day in ("2025-06-17", "2025-06-19", "2025-06-23", "2025-06-30"):
            assert run(cli, "escalate", "--as-of", day)[0] == 0
        chased = [to(m) for m in inbox.new()]
        assert "vt@snv.example.vn" not in chased and "ld@snv.example.vn" not in chased
        assert {"vt@stc.example.vn", "ld@stc.example.vn", "ld@ubnd.example.vn"} <= set(chased)
        assert run(cli, "escalate", "--as-of", "2025-07-01")[0] == 0  # the first working day after 30/6
        got = {to(m): body(m) for m in inbox.new()}
        assert "Quá hạn từ ngày 01/07/2025 (hạn cuối 30/06/2025), đã quá 1 ngày" in got["vt@snv.example.vn"]

    def test_the_issuers_decision_is_in_the_history(self, extended, cli):
        occ = occurrence_of(cli, "so-a")
        code, out, _ = run(cli, "history", str(occ["id"]), "--json")
        [grant] = [e for e in json.loads(out) if e["action"] == "extension.grant"]
        assert grant["actor"] == "vp.ubnd"
        assert grant["description"] == ("từ 16/06/2025 đến 28/06/2025 (hiệu lực 30/06/2025); Công văn số 12/UBND-VP "
                                        "ngày 12/6/2025; lý do: Chờ số liệu của các xã")


class TestBoardAndExplain:
    @pytest.mark.parametrize(("against", "bucket"), [("extended", "on_time"), ("original", "late")])
    def test_the_board_judges_on_time_against_the_configured_date(self, extended, cli, monkeypatch, against, bucket):
        from dondoc.settings import get_settings

        monkeypatch.setenv("DONDOC_ON_TIME_AGAINST", against)
        get_settings.cache_clear()
        code, _, err = run(cli, "report", "submit", "--task", "1", "--dispatch", "88/UBND-VP", "--org", "so-a",
                           "--at", "2025-06-25")
        assert code == 0, err
        code, out, _ = run(cli, "board", "--as-of", "2025-07-01", "--json")
        rows = {r["org_code"]: r for r in json.loads(out)}
        assert rows["so-a"][bucket] == 1
        code, out, _ = run(cli, "tasks", "list", "--as-of", "2025-07-01", "--json")
        assert next(o for o in json.loads(out)[0]["occurrences"] if o["org"] == "so-a")["bucket"] == bucket

    def test_explain_shows_the_original_and_the_extended_deadline(self, extended, cli):
        code, out, _ = run(cli, "explain", str(occurrence_of(cli, "so-a")["id"]))
        assert "Hạn ban đầu: Thứ Hai, 16/06/2025" in out
        assert "Gia hạn đến: Thứ Bảy, 28/06/2025 (hiệu lực Thứ Hai, 30/06/2025" in out
        assert "theo Công văn số 12/UBND-VP ngày 12/6/2025; lý do: Chờ số liệu của các xã; người quyết định: vp.ubnd" in out
        assert "Bảng theo dõi xét đúng hạn theo hạn đã gia hạn" in out
        assert "Đôn đốc nếu chưa hoàn thành: 01/07/2025 tới đầu mối của đơn vị" in out


class TestRequestsFromTheWebPage:
    def request(self, occurrence_id: int, to_due: str) -> int:
        """What the web page's "Xin gia hạn" records (dondoc/app/answers.py)."""
        from datetime import date

        from dondoc.app import answers
        from dondoc.settings import get_settings
        from dondoc.store.db import get_engine

        out = answers.request_extension(get_engine(get_settings().database_url), occurrence_id=occurrence_id,
                                        org="so-b", to_date=date.fromisoformat(to_due), reason="Thiếu số liệu",
                                        actor="link:so-b")
        return out.extension_id

    def test_a_request_is_listed_then_approved_and_the_deadline_moves(self, extended, cli):
        occ = occurrence_of(cli, "so-b")
        rid = self.request(occ["id"], "2025-06-20")
        code, out, _ = run(cli, "extend", "--list")
        assert code == 0 and "Thiếu số liệu" in out and "link:so-b" in out and "chờ xử lý" in out
        code, out, err = run(cli, "extend", "--approve", str(rid), "--actor", "vp.ubnd")
        assert code == 0, err
        assert occurrence_of(cli, "so-b")["extended_due"] == "2025-06-20"
        code, out, _ = run(cli, "extend", "--list", "--all", "--json")
        assert [(r["id"], r["status"], r["decided_by"]) for r in json.loads(out)] == [(1, "granted", "vp.ubnd"), (rid, "granted", "vp.ubnd")]
        code, _, err = run(cli, "extend", "--approve", str(rid))
        assert code != 0 and "đã được xử lý" in err and len(err.strip().splitlines()) == 1

    def test_a_refused_request_leaves_the_deadline(self, extended, cli):
        occ = occurrence_of(cli, "so-b")
        rid = self.request(occ["id"], "2025-06-20")
        code, _, err = run(cli, "extend", "--refuse", str(rid))
        assert code != 0 and "--reason" in err
        code, out, err = run(cli, "extend", "--refuse", str(rid), "--reason", "Không có căn cứ")
        assert code == 0, err
        assert occurrence_of(cli, "so-b")["extended_due"] is None
        code, out, _ = run(cli, "history", str(occ["id"]))
        assert "từ chối gia hạn" in out and "Không có căn cứ" in out


class TestBadExtensions:
    @pytest.mark.parametrize(("args", "message"), [
        (("--to", "2025-06-10"), "hạn gia hạn phải sau hạn hiện tại 30/06/2025"),
        (("--to", "2025-07-10", "--by", ""), "gia hạn cần --reason (lý do) và --by"),
        (("--to", "10/7/2025"), "không phải ngày (YYYY-MM-DD)"),
    ], ids=["earlier", "no-document", "bad-date"])
    def test_a_bad_extension_is_one_line_and_changes_nothing(self, extended, cli, args, message):
        base = ["extend", "--task", "1", "--dispatch", "88/UBND-VP", "--org", "so-a", "--reason", "x", "--by", "CV 1"]
        code, _, err = run(cli, *base, *args)
        assert code != 0 and message in err and "Traceback" not in err
        assert occurrence_of(cli, "so-a")["extended_due"] == "2025-06-30"

    def test_work_already_done_cannot_be_extended(self, extended, cli):
        run(cli, "report", "submit", "--task", "1", "--dispatch", "88/UBND-VP", "--org", "so-b", "--at", "2025-06-13")
        occ = occurrence_of(cli, "so-b")
        code, _, err = run(cli, "extend", str(occ["id"]), "--to", "2025-07-10", "--reason", "x", "--by", "CV 1")
        assert code != 0 and "đã hoàn thành: không gia hạn được" in err
