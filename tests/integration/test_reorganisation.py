"""The 2025 reorganisation: open work moves to the successor on the date; history and statistics stay."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run
from tests.integration.loop_fixtures import ISSUER, action, org, report, write_directory, write_taskset

SO = [org("ubnd-tinh", ISSUER, None, "ubnd", aliases=["UBND tỉnh"]),
      org("so-tttt", "Sở Thông tin và Truyền thông tỉnh Thử Nghiệm", "ubnd-tinh", "stttt", aliases=["Sở Thông tin và Truyền thông"]),
      org("so-khcn", "Sở Khoa học và Công nghệ tỉnh Thử Nghiệm", "ubnd-tinh", "skhcn", aliases=["Sở Khoa học và Công nghệ"]),
      org("so-khdt", "Sở Kế hoạch và Đầu tư tỉnh Thử Nghiệm", "ubnd-tinh", "skhdt", aliases=["Sở Kế hoạch và Đầu tư"]),
      org("so-tai-chinh", "Sở Tài chính tỉnh Thử Nghiệm", "ubnd-tinh", "stc", aliases=["Sở Tài chính"]),
      org("so-ldtbxh", "Sở Lao động - Thương binh và Xã hội tỉnh Thử Nghiệm", "ubnd-tinh", "sldtbxh",
          aliases=["Sở Lao động - Thương binh và Xã hội"]),
      org("so-noi-vu", "Sở Nội vụ tỉnh Thử Nghiệm", "ubnd-tinh", "snv", aliases=["Sở Nội vụ"])]
QUARTERS = ["--03-20", "--06-20", "--09-20", "--12-20"]
SO_TASKS = [report("1", "Báo cáo quý về chuyển đổi số", ["Sở Thông tin và Truyền thông", "Sở Kế hoạch và Đầu tư",
                                                          "Sở Lao động - Thương binh và Xã hội", "Sở Nội vụ"], QUARTERS,
                   repeat="quarterly"),
            action("2", "Rà soát thủ tục hành chính", ["Sở Thông tin và Truyền thông"], ["2025-02-20"]),
            report("3", "Báo cáo đầu tư công", ["Sở Kế hoạch và Đầu tư"], ["2025-02-14"])]


def occurrences(cli, day: str) -> dict[tuple[str, str, str], dict]:  # type: ignore[no-untyped-def, type-arg]
    code, out, err = run(cli, "tasks", "list", "--as-of", day, "--json")
    assert code == 0, err
    return {(t["key"], o["org"], o["period"]): o for t in json.loads(out) for o in t["occurrences"]}


def all_occurrences() -> list:  # type: ignore[type-arg]
    from sqlmodel import select

    from dondoc.settings import get_settings
    from dondoc.store import models as m
    from dondoc.store.db import get_engine, session_scope

    with session_scope(get_engine(get_settings().database_url)) as s:
        return list(s.exec(select(m.Occurrence)).all())


@pytest.fixture
def sở(env, cli, tmp_path):  # type: ignore[no-untyped-def]
    assert run(cli, "orgs", "import", str(write_directory(tmp_path, SO)))[0] == 0
    assert run(cli, "load", str(write_taskset(tmp_path, SO_TASKS, issued_on="2025-01-10")))[0] == 0
    code, _, err = run(cli, "report", "submit", "--task", "2", "--dispatch", "88/UBND-VP", "--org", "so-tttt",
                       "--at", "2025-02-18", "--actor", "vanthu.stttt")
    assert code == 0, err
    for old, new in (("so-tttt", "so-khcn"), ("so-khdt", "so-tai-chinh"), ("so-ldtbxh", "so-noi-vu")):
        code, out, err = run(cli, "orgs", "merge", old, "--into", new, "--on", "2025-03-01", "--actor", "admin.so")
        assert code == 0, err
        assert "sáp nhập" in out and "từ ngày 01/03/2025: đã ghi nhận" in out


class TestTheSoMergersOfMarch2025:
    def test_nothing_moves_before_the_date(self, sở, cli):
        occ = occurrences(cli, "2025-02-28")
        assert occ[("1", "so-tttt", "2025-Q1")]["status"] == "open"
        code, out, _ = run(cli, "orgs", "changes", "--json")
        assert [(c["old"], c["new"], c["applied_at"]) for c in json.loads(out)] == [
            (["so-tttt"], ["so-khcn"], None), (["so-khdt"], ["so-tai-chinh"], None), (["so-ldtbxh"], ["so-noi-vu"], None)]

    def test_on_the_date_open_work_moves_and_closed_work_stays(self, sở, cli):
        occ = occurrences(cli, "2025-03-01")
        assert occ[("2", "so-tttt", "2025-02-20")]["status"] == "submitted"  # history stays with the original
        assert ("1", "so-tttt", "2025-Q1") not in occ and occ[("1", "so-khcn", "2025-Q1")]["status"] == "open"
        assert occ[("3", "so-tai-chinh", "2025-02-14")]["bucket"] == "overdue"  # already late: the successor owes it now
        assert ("1", "so-tai-chinh", "2025-Q2") in occ
        rows = {(o.task_id, o.org_code, o.period): o for o in all_occurrences()}
        moved = [o for o in rows.values() if o.moved_from == "so-tttt"]
        assert moved and all(o.org_code == "so-khcn" for o in moved)
        # Sở Nội vụ already owes the same report: Sở LĐTBXH's is cancelled as merged, not duplicated
        ldtbxh = [o for o in rows.values() if o.org_code == "so-ldtbxh"]
        assert ldtbxh and all(o.status == "cancelled" for o in ldtbxh)
        assert sum(1 for o in rows.values() if o.org_code == "so-noi-vu" and o.period == "2025-Q1") == 1
        code, out, _ = run(cli, "orgs", "changes", "--json")
        assert all(c["applied_at"] for c in json.loads(out))

    def test_the_old_agencies_keep_their_statistics_and_the_successor_is_chased(self, sở, cli, mailbox):
        code, out, _ = run(cli, "board", "--as-of", "2025-03-05", "--json")
        rows = {r["org_code"]: r for r in json.loads(out)}
        assert rows["so-tttt"]["on_time"] == 1 and rows["so-tttt"]["open"] == rows["so-tttt"]["overdue"] == 0
        assert rows["so-tai-chinh"]["overdue"] == 1
        # item 3 was due 14/2: on 5/3 it is past rung 10, and the issuer's office hears the successor is late
        assert run(cli, "escalate", "--as-of", "2025-03-05")[0] == 0
        [msg] = mailbox.messages()
        assert msg["To"].addresses[0].addr_spec == "vt@ubnd.example.vn"
        text = msg.get_body(preferencelist=("plain",)).get_content()
        assert "Sở Tài chính tỉnh Thử Nghiệm: quá hạn 19 ngày" in text and "Kế hoạch và Đầu tư" not in text

    def test_the_move_is_in_the_history_as_the_sweeps_doing(self, sở, cli):
        occurrences(cli, "2025-03-01")
        moved = next(o for o in all_occurrences() if o.moved_from == "so-tttt" and o.period == "2025-Q1")
        code, out, _ = run(cli, "history", str(moved.id), "--json")
        entries = json.loads(out)
        [move] = [e for e in entries if e["action"] == "occurrence.move"]
        assert move["actor"] == "sweep" and move["description"] == "so-tttt → so-khcn (sáp nhập từ ngày 01/03/2025)"

    def test_a_sweep_after_the_move_does_not_bring_the_old_owner_back(self, sở, cli):
        occurrences(cli, "2025-03-01")
        before = len(all_occurrences())
        occ = occurrences(cli, "2025-03-20")
        assert len(all_occurrences()) == before
        assert not any(k[1] in ("so-tttt", "so-khdt", "so-ldtbxh") and o["status"] == "open" for k, o in occ.items())

    def test_recording_the_same_change_twice_is_harmless_and_a_conflicting_one_is_refused(self, sở, cli):
        code, out, _ = run(cli, "orgs", "merge", "so-tttt", "--into", "so-khcn", "--on", "2025-03-01")
        assert code == 0 and "đã có từ trước" in out
        code, _, err = run(cli, "orgs", "merge", "so-tttt", "--into", "so-noi-vu", "--on", "2025-04-01")
        assert code != 0 and "đã ghi nhận sáp nhập từ ngày 01/03/2025" in err and len(err.strip().splitlines()) == 1
        code, _, err = run(cli, "orgs", "merge", "so-khcn", "--into", "so-nope", "--on", "2025-04-01")
        assert code != 0 and "so-nope" in err


HUYEN = [org("ubnd-tinh", ISSUER, None, "ubnd", aliases=["UBND tỉnh"]),
         org("ubnd-h-nam-sach", "Ủy ban nhân dân huyện Nam Sách", "ubnd-tinh", "namsach",
             aliases=["UBND huyện Nam Sách"], level="huyen")]
XA = org("ubnd-x-nam-sach", "Ủy ban nhân dân xã Nam Sách", "ubnd-tinh", "xanamsach", level="xa", valid_from="2025-07-01")
HUYEN_TASKS = [report("1", "Báo cáo quý về cải cách hành chính", ["UBND huyện Nam Sách"], QUARTERS, repeat="quarterly")]


@pytest.fixture
def huyện(env, cli, tmp_path):  # type: ignore[no-untyped-def]
    assert run(cli, "orgs", "import", str(write_directory(tmp_path, HUYEN)))[0] == 0
    assert run(cli, "load", str(write_taskset(tmp_path, HUYEN_TASKS, issued_on="2025-01-06")))[0] == 0
    code, _, err = run(cli, "report", "submit", "--task", "1", "--dispatch", "88/UBND-VP", "--org", "ubnd-h-nam-sach",
                       "--period", "2025-Q1", "--at", "2025-03-18")
    assert code == 0, err
    occurrences(cli, "2025-06-26")  # the Q2 report (due 20/6) is late; Q3 and Q4 are materialised for the huyện
    return tmp_path


class TestTheDistrictsEndOnFirstJuly2025:
    def reimport(self, cli, tmp_path, **changes):  # type: ignore[no-untyped-def]
        ended = {**HUYEN[1], **changes}
        code, out, err = run(cli, "orgs", "import", str(write_directory(tmp_path, [HUYEN[0], ended, XA], name="v2.yaml")))
        assert code == 0, err
        return out

    def test_a_reimported_directory_with_a_successor_moves_open_work_on_the_date(self, huyện, cli):
        out = self.reimport(cli, huyện, valid_to="2025-06-30", successor="ubnd-x-nam-sach")
        assert "1 thay đổi tổ chức mới được ghi nhận" in out
        assert occurrences(cli, "2025-06-30")[("1", "ubnd-h-nam-sach", "2025-Q2")]["status"] == "open"
        occ = occurrences(cli, "2025-07-01")
        assert occ[("1", "ubnd-h-nam-sach", "2025-Q1")]["status"] == "submitted"
        assert occ[("1", "ubnd-x-nam-sach", "2025-Q2")]["bucket"] == "overdue"
        assert ("1", "ubnd-x-nam-sach", "2025-Q3") in occ and ("1", "ubnd-h-nam-sach", "2025-Q3") not in occ
        code, out, _ = run(cli, "board", "--as-of", "2025-07-10", "--json")
        rows = {r["org_code"]: r for r in json.loads(out)}
        assert rows["ubnd-h-nam-sach"]["on_time"] == 1 and rows["ubnd-h-nam-sach"]["overdue"] == 0
        assert rows["ubnd-x-nam-sach"]["overdue"] == 1
        code, out, _ = run(cli, "orgs", "changes", "--json")
        [change] = json.loads(out)
        assert change["kind"] == "merge" and change["on"] == "2025-07-01" and change["applied_at"]

    def test_a_split_moves_nothing_until_the_admin_assigns_it(self, huyện, cli):
        self.reimport(cli, huyện)  # the xã added, the huyện unchanged
        code, out, err = run(cli, "orgs", "split", "ubnd-h-nam-sach", "--into", "ubnd-x-nam-sach,ubnd-tinh",
                             "--on", "2025-07-01")
        assert code == 0, err
        assert "Việc đang mở cần phân công (dondoc orgs assign)" in out and "2025-Q2" in out
        occ = occurrences(cli, "2025-07-01")
        assert occ[("1", "ubnd-h-nam-sach", "2025-Q2")]["status"] == "open"
        code, out, _ = run(cli, "orgs", "changes", "--json")
        assert len(json.loads(out)[0]["awaiting_assignment"]) == 5  # 2025-Q2 to 2026-Q2
        code, out, err = run(cli, "orgs", "assign", "ubnd-h-nam-sach", "--to", "ubnd-x-nam-sach",
                             "--dispatch", "88/UBND-VP", "--task", "1", "--actor", "admin.tinh")
        assert code == 0 and "chuyển 5 kỳ theo dõi đang mở" in out, err
        occ = occurrences(cli, "2025-07-02")
        assert occ[("1", "ubnd-x-nam-sach", "2025-Q2")]["status"] == "open"
        assert not [k for k, o in occ.items() if k[1] == "ubnd-h-nam-sach" and o["status"] == "open"]
        # later periods are the xã's own, and the huyện, gone, owes nothing after 30/6
        occ = occurrences(cli, "2026-05-01")
        assert ("1", "ubnd-x-nam-sach", "2027-Q1") in occ and ("1", "ubnd-h-nam-sach", "2027-Q1") not in occ
        code, out, _ = run(cli, "orgs", "changes", "--json")
        assert json.loads(out)[0]["awaiting_assignment"] == []
