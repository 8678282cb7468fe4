"""Cascaded reports: the sub-units' internal deadline, counted once, never presented as the dispatch's own."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run
from tests.integration.loop_fixtures import ORGS, Inbox, body, org, report, to, write_directory, write_taskset

CA = org("ca-tinh", "Công an tỉnh Thử Nghiệm", "ubnd-tinh", "cat", aliases=["Công an tỉnh"])
# "trước ngày 20/03/2025" (a Thursday), consolidated by the Công an tỉnh 3 working days earlier
TASKS = [report("1", "Báo cáo kết quả phối hợp", ["Công an tỉnh", "Sở Nội vụ", "Sở Tài chính"], ["2025-03-20"],
                cascade={"by": {"name": "Công an tỉnh"}, "working_days": 3})]


def load(cli, tmp_path, monkeypatch=None, before_means: str | None = None):  # type: ignore[no-untyped-def]
    if before_means:
        from dondoc.settings import get_settings

        monkeypatch.setenv("DONDOC_BEFORE_MEANS", before_means)
        get_settings.cache_clear()
    assert run(cli, "orgs", "import", str(write_directory(tmp_path, [*ORGS, CA])))[0] == 0
    code, _, err = run(cli, "load", str(write_taskset(tmp_path, TASKS, issued_on="2025-03-03")))
    assert code == 0, err
    code, out, _ = run(cli, "tasks", "list", "--as-of", "2025-03-05", "--json")
    return {o["org"]: o for o in json.loads(out)[0]["occurrences"]}


class TestCascadedReport:
    def test_sub_units_owe_it_three_working_days_earlier_and_the_consolidators_deadline_is_kept(self, env, cli, tmp_path):
        occ = load(cli, tmp_path)
        assert occ["ca-tinh"]["effective_due"] == "2025-03-20"  # nobody reports to itself
        assert occ["so-a"]["effective_due"] == occ["so-b"]["effective_due"] == "2025-03-17"

    def test_explain_says_what_the_dispatch_wrote_and_when_the_consolidator_needs_it(self, env, cli, tmp_path):
        occ = load(cli, tmp_path)
        code, out, _ = run(cli, "explain", str(occ["so-a"]["id"]))
        assert "Văn bản ghi trước 20/03/2025; đơn vị tổng hợp cần nhận trước 17/03/2025" in out
        assert "Ngày ghi trong văn bản: Thứ Năm, 20/03/2025" in out
        assert "17/03/2025" not in out.split("Văn bản ghi trước")[0]  # the internal date is never the dispatch's
        assert "đây không phải hạn ghi trong văn bản" in out
        code, out, _ = run(cli, "explain", str(occ["ca-tinh"]["id"]))
        assert "đơn vị tổng hợp cần nhận" not in out and "Ngày ghi trong văn bản: Thứ Năm, 20/03/2025" in out

    def test_a_day_before_reading_is_counted_once_from_the_consolidators_deadline(self, env, cli, tmp_path, monkeypatch):
        occ = load(cli, tmp_path, monkeypatch, before_means="day_before")
        assert occ["ca-tinh"]["effective_due"] == "2025-03-19"  # "trước ngày 20/03" read as by 19/03
        assert occ["so-a"]["effective_due"] == "2025-03-14"  # 3 working days before 19/03, not before 17/03
        code, out, _ = run(cli, "explain", str(occ["so-a"]["id"]))
        assert "Văn bản ghi trước 20/03/2025; đơn vị tổng hợp cần nhận trước 14/03/2025" in out

    def test_every_message_words_it_the_same_and_the_issuers_rung_goes_to_the_consolidator(self, env, cli, tmp_path, mailbox):
        load(cli, tmp_path)
        inbox = Inbox(mailbox)
        assert run(cli, "remind", "--as-of", "2025-03-14")[0] == 0
        got = {to(m): body(m) for m in inbox.new()}
        sentence = "văn bản ghi trước 20/03/2025; đơn vị tổng hợp cần nhận trước 17/03/2025"
        assert sentence in got["vt@snv.example.vn"] and "văn bản ghi 17/03" not in got["vt@snv.example.vn"]
        assert "đơn vị tổng hợp cần nhận" not in got["vt@cat.example.vn"]  # its own deadline is the dispatch's
        assert run(cli, "escalate", "--as-of", "2025-03-31")[0] == 0  # 10 working days after 17/03
        got = {to(m): body(m) for m in inbox.new()}
        # the sub-units' last rung goes to the consolidator, who waits for them, not to the issuer; the
        # consolidator's own report (due 20/3, 7 working days ago) is at its parent's head
        assert set(got) == {"vt@cat.example.vn", "ld@ubnd.example.vn"}
        assert "Sở Nội vụ tỉnh Thử Nghiệm: quá hạn 14 ngày" in got["vt@cat.example.vn"]
        assert sentence in got["vt@cat.example.vn"] and "Công an tỉnh Thử Nghiệm: quá hạn" not in got["vt@cat.example.vn"]
        assert "Công an tỉnh Thử Nghiệm: quá hạn 11 ngày (từ 21/03/2025; hạn 20/03/2025)" in got["ld@ubnd.example.vn"]

    def test_a_sub_unit_merged_into_the_consolidator_does_not_report_to_itself(self, env, cli, tmp_path):
        load(cli, tmp_path)
        code, _, err = run(cli, "orgs", "merge", "so-a", "--into", "ca-tinh", "--on", "2025-03-10")
        assert code == 0, err
        code, out, _ = run(cli, "tasks", "list", "--as-of", "2025-03-10", "--json")
        occs = [o for o in json.loads(out)[0]["occurrences"] if o["period"] == "2025-03-20"]
        assert sorted((o["org"], o["effective_due"]) for o in occs) == [("ca-tinh", "2025-03-20"), ("so-b", "2025-03-17")]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_answer_page_words_a_sub_units_deadline_the_same_way(env, cli, tmp_path, monkeypatch):
    """The confirmation page a sub-unit's link opens, over real HTTP."""
    from datetime import datetime, timezone

    import httpx

    from dondoc.app import links
    from dondoc.settings import get_settings
    from dondoc.web.app import create_app
    from tests.integration.web.support import SECRET, serving

    monkeypatch.setenv("DONDOC_SECRET_KEY", SECRET)
    monkeypatch.setenv("DONDOC_PUBLIC_URL", "http://127.0.0.1:9")
    get_settings.cache_clear()
    occ = load(cli, tmp_path)
    token = links.sign(secret=SECRET, occurrence_id=occ["so-a"]["id"], org_code="so-a", action="done",
                       now=datetime.now(timezone.utc))
    with serving(create_app(get_settings())) as base:
        page = httpx.get(links.url(base=base, action="done", token=token))
    assert page.status_code == 200
    assert "văn bản ghi trước 20/03/2025; đơn vị tổng hợp cần nhận trước 17/03/2025" in page.text
    assert "văn bản ghi 17/03/2025" not in page.text
