"""The offices' answers as use cases (receipt, done, extension request) on real SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlmodel import select

from dondoc.app import answers
from dondoc.errors import AnswerRefused, LinkUsedError, NotFoundError
from tests.conftest import FIXTURES, REPO, run

TASKSET = FIXTURES / "tasksets" / "bao-cao-phoi-hop.yaml"
NOW = datetime(2025, 6, 12, 3, 0, tzinfo=timezone.utc)


@pytest.fixture
def engine(env, cli):  # type: ignore[no-untyped-def]
    from dondoc.app.steps import engine as engine_of
    from dondoc.app.steps import materialise_step
    from dondoc.settings import get_settings

    assert run(cli, "orgs", "import", str(REPO / "config" / "organizations.yaml"))[0] == 0
    assert run(cli, "load", str(TASKSET))[0] == 0
    materialise_step(get_settings(), date(2025, 6, 10))
    return engine_of(get_settings())


def occurrence(engine, org: str, key: str = "3.R1", period: str = "2025-H1") -> int:  # type: ignore[no-untyped-def]
    return answers.find_occurrence(engine, dispatch="125/UBND-NC", key=key, org=org, period=period)


def rows(engine, model, **where):  # type: ignore[no-untyped-def]
    from dondoc.store.db import session_scope

    with session_scope(engine) as s:
        q = select(model)
        for k, v in where.items():
            q = q.where(getattr(model, k) == v)
        return s.exec(q).all()


class TestDone:
    def test_records_the_document_the_note_and_who_with_an_audit_row(self, engine) -> None:  # type: ignore[no-untyped-def]
        from dondoc.store import models as m

        occ = occurrence(engine, "hoi-ccb")
        done = answers.complete(engine, occurrence_id=occ, org="hoi-ccb", document=" Báo cáo số 45/BC-CCB\nngày 12/6/2025 ",
                                note="Gửi qua trục liên thông", actor="link:hoi-ccb", at=date(2025, 6, 12), now=NOW)
        assert (done.at, done.due, done.days_late, done.already) == (date(2025, 6, 12), date(2025, 6, 16), 0, False)
        [row] = rows(engine, m.Occurrence, id=occ)
        assert (row.status, row.submitted_at, row.submitted_doc, row.submitted_note, row.submitted_by) == (
            "submitted", date(2025, 6, 12), "Báo cáo số 45/BC-CCB ngày 12/6/2025", "Gửi qua trục liên thông",
            "link:hoi-ccb")
        [audit] = rows(engine, m.AuditLog, action="occurrence.done")
        assert audit.actor == "link:hoi-ccb" and audit.subject == "125/UBND-NC#3.R1"
        assert audit.detail["occurrence_id"] == occ and audit.detail["document"].startswith("Báo cáo số 45")

    def test_done_also_records_receipt_of_the_task(self, engine) -> None:  # type: ignore[no-untyped-def]
        from dondoc.store import models as m

        answers.complete(engine, occurrence_id=occurrence(engine, "hoi-nd"), org="hoi-nd", document=None, note=None,
                         actor="ana", at=date(2025, 6, 20), now=NOW)
        [ack] = rows(engine, m.Acknowledgement, org_code="hoi-nd")
        assert ack.actor == "ana"

    def test_an_action_is_done_the_same_way_as_a_report(self, engine) -> None:  # type: ignore[no-untyped-def]
        # the period named: the dispatch's whole past is tracked, so the earliest open one is the 2024 report
        occ = answers.find_occurrence(engine, dispatch="125/UBND-NC", key="3.R2", org="tinh-doan", period="2025")
        done = answers.complete(engine, occurrence_id=occ, org="tinh-doan", document=None, note="xong",
                                actor="cli", at=date(2025, 11, 1), now=NOW)
        assert done.days_late == 0

    def test_recording_the_same_day_again_changes_nothing_and_another_day_is_refused(self, engine) -> None:  # type: ignore[no-untyped-def]
        occ = occurrence(engine, "hoi-ccb")
        kw = dict(occurrence_id=occ, org="hoi-ccb", document=None, note=None, actor="cli", now=NOW)
        answers.complete(engine, at=date(2025, 6, 12), **kw)  # type: ignore[arg-type]
        assert answers.complete(engine, at=date(2025, 6, 12), **kw).already  # type: ignore[arg-type]
        with pytest.raises(AnswerRefused) as info:
            answers.complete(engine, at=date(2025, 6, 13), **kw)  # type: ignore[arg-type]
        assert info.value.code == "already_done" and "12/06/2025" in str(info.value)

    def test_another_organisations_occurrence_is_refused(self, engine) -> None:  # type: ignore[no-untyped-def]
        with pytest.raises(AnswerRefused) as info:
            answers.complete(engine, occurrence_id=occurrence(engine, "hoi-ccb"), org="hoi-nd", document=None,
                             note=None, actor="link:hoi-nd", at=date(2025, 6, 12), now=NOW)
        assert info.value.code == "wrong_org" and "Hội Cựu chiến binh" in str(info.value)

    def test_a_note_over_its_bound_is_refused_and_nothing_is_recorded(self, engine) -> None:  # type: ignore[no-untyped-def]
        from dondoc.store import models as m

        occ = occurrence(engine, "hoi-ccb")
        with pytest.raises(AnswerRefused) as info:
            answers.complete(engine, occurrence_id=occ, org="hoi-ccb", document=None, note="x" * 501, actor="cli",
                             at=date(2025, 6, 12), now=NOW)
        assert info.value.code == "bad_input" and "500" in str(info.value)
        assert rows(engine, m.Occurrence, id=occ)[0].status == "open"

    def test_an_occurrence_that_does_not_exist_is_not_found(self, engine) -> None:  # type: ignore[no-untyped-def]
        with pytest.raises(NotFoundError):
            answers.complete(engine, occurrence_id=999999, org="hoi-ccb", document=None, note=None, actor="cli",
                             at=date(2025, 6, 12))


class TestLinks:
    def test_a_link_works_once_and_then_says_when_it_was_used(self, engine) -> None:  # type: ignore[no-untyped-def]
        link = answers.LinkRef(token_id="a" * 64, action="ack")
        occ = occurrence(engine, "hoi-ccb")
        answers.acknowledge(engine, occurrence_id=occ, org="hoi-ccb", actor="link:hoi-ccb", now=NOW, link=link)
        with pytest.raises(LinkUsedError) as info:
            answers.acknowledge(engine, occurrence_id=occ, org="hoi-ccb", actor="link:hoi-ccb",
                                now=NOW + timedelta(hours=1), link=link)
        assert info.value.used_at == NOW and "10:00 ngày 12/06/2025" in str(info.value)
        assert answers.link_used(engine, token_id="a" * 64) == NOW

    def test_a_refused_answer_leaves_its_link_unused(self, engine) -> None:  # type: ignore[no-untyped-def]
        link = answers.LinkRef(token_id="b" * 64, action="done")
        with pytest.raises(AnswerRefused):
            answers.complete(engine, occurrence_id=occurrence(engine, "hoi-ccb"), org="hoi-ccb", document="x" * 300,
                             note=None, actor="link:hoi-ccb", at=date(2025, 6, 12), now=NOW, link=link)
        assert answers.link_used(engine, token_id="b" * 64) is None

    def test_two_clicks_at_once_record_one_answer_and_refuse_the_other(self, engine) -> None:  # type: ignore[no-untyped-def]
        from dondoc.store import models as m

        occ = occurrence(engine, "hoi-lhpn")
        link = answers.LinkRef(token_id="c" * 64, action="done")
        outcomes: list[object] = []
        barrier = threading.Barrier(4)

        def click() -> None:
            barrier.wait()
            try:
                outcomes.append(answers.complete(engine, occurrence_id=occ, org="hoi-lhpn", document=None, note=None,
                                                 actor="link:hoi-lhpn", at=date(2025, 6, 12), now=NOW, link=link))
            except LinkUsedError as err:
                outcomes.append(err)

        threads = [threading.Thread(target=click) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert sum(isinstance(o, answers.DoneOutcome) for o in outcomes) == 1
        assert sum(isinstance(o, LinkUsedError) for o in outcomes) == 3
        assert len(rows(engine, m.LinkUse, token_id="c" * 64)) == 1
        assert len(rows(engine, m.AuditLog, action="occurrence.done")) == 1


class TestReceipt:
    def test_receipt_is_recorded_once_per_task_and_organisation(self, engine) -> None:  # type: ignore[no-untyped-def]
        from dondoc.store import models as m

        first = answers.acknowledge(engine, occurrence_id=occurrence(engine, "hoi-ccb"), org="hoi-ccb",
                                    actor="link:hoi-ccb", now=NOW)
        again = answers.acknowledge(engine, occurrence_id=occurrence(engine, "hoi-ccb", period="2026-H1"),
                                    org="hoi-ccb", actor="nam", now=NOW + timedelta(days=3))
        assert not first.already and again.already and again.at == NOW
        assert len(rows(engine, m.Acknowledgement, org_code="hoi-ccb")) == 1
        [audit] = rows(engine, m.AuditLog, action="task.acknowledge")
        assert audit.actor == "link:hoi-ccb"

    def test_receipt_by_task_id_is_refused_for_an_organisation_that_does_not_own_it(self, engine) -> None:  # type: ignore[no-untyped-def]
        from dondoc.store import models as m

        occ = rows(engine, m.Occurrence, id=occurrence(engine, "hoi-ccb"))[0]
        assert not answers.acknowledge(engine, task_id=occ.task_id, org="hoi-ccb", actor="cli", now=NOW).already
        with pytest.raises(AnswerRefused) as info:
            answers.acknowledge(engine, task_id=occ.task_id, org="ca-tinh", actor="cli", now=NOW)
        assert info.value.code == "wrong_org"


class TestExtensionRequest:
    def test_records_a_requested_extension_from_the_deadline_in_force(self, engine) -> None:  # type: ignore[no-untyped-def]
        from dondoc.store import models as m

        occ = occurrence(engine, "tinh-doan")
        ext = answers.request_extension(engine, occurrence_id=occ, org="tinh-doan", to_date=date(2025, 6, 30),
                                        reason="Chờ số liệu của các huyện", actor="link:tinh-doan", now=NOW)
        assert (ext.from_due, ext.to_due, ext.status) == (date(2025, 6, 16), date(2025, 6, 30), "requested")
        [row] = rows(engine, m.Extension, occurrence_id=occ)
        assert (row.requested_by, row.reason, row.decided_by) == ("link:tinh-doan", "Chờ số liệu của các huyện", None)
        assert rows(engine, m.Occurrence, id=occ)[0].extended_due is None  # a request moves nothing
        assert rows(engine, m.AuditLog, action="extension.request")[0].actor == "link:tinh-doan"

    @pytest.mark.parametrize(("to", "reason", "code"), [
        (date(2025, 6, 16), "lý do", "bad_input"),
        (date(2025, 6, 1), "lý do", "bad_input"),
        (date(2027, 1, 1), "lý do", "bad_input"),
        (date(2025, 6, 30), "   ", "bad_input"),
    ], ids=["on-the-deadline", "before-it", "over-a-year-later", "no-reason"])
    def test_a_request_that_makes_no_sense_is_refused(self, engine, to, reason, code) -> None:  # type: ignore[no-untyped-def]
        with pytest.raises(AnswerRefused) as info:
            answers.request_extension(engine, occurrence_id=occurrence(engine, "tinh-doan"), org="tinh-doan",
                                      to_date=to, reason=reason, actor="cli", now=NOW)
        assert info.value.code == code

    def test_a_second_request_waits_for_the_first_and_a_done_occurrence_needs_none(self, engine) -> None:  # type: ignore[no-untyped-def]
        occ = occurrence(engine, "tinh-doan")
        kw = dict(occurrence_id=occ, org="tinh-doan", reason="lý do", actor="cli", now=NOW)
        answers.request_extension(engine, to_date=date(2025, 6, 30), **kw)  # type: ignore[arg-type]
        with pytest.raises(AnswerRefused) as info:
            answers.request_extension(engine, to_date=date(2025, 7, 5), **kw)  # type: ignore[arg-type]
        assert info.value.code == "pending_extension" and "30/06/2025" in str(info.value)
        answers.complete(engine, occurrence_id=occ, org="tinh-doan", document=None, note=None, actor="cli",
                         at=date(2025, 6, 14), now=NOW)
        with pytest.raises(AnswerRefused) as info:
            answers.request_extension(engine, to_date=date(2025, 7, 5), **kw)  # type: ignore[arg-type]
        assert info.value.code == "not_open"


class TestReportSubmitCommand:
    def test_goes_through_complete_with_the_document_and_the_actor(self, engine, cli) -> None:  # type: ignore[no-untyped-def]
        from dondoc.store import models as m

        code, out, err = run(cli, "report", "submit", "--task", "3.R1", "--dispatch", "125/UBND-NC", "--org", "hoi-ccb",
                             "--period", "2025-H1", "--at", "2025-06-17", "--doc", "Báo cáo số 9/BC-CCB",
                             "--actor", "chuyenvien.a")
        assert code == 0, err
        assert "đã ghi nhận" in out and "chậm 1 ngày" in out and "16/06/2025" in out
        [row] = rows(engine, m.Occurrence, id=occurrence(engine, "hoi-ccb"))
        assert (row.submitted_doc, row.submitted_by) == ("Báo cáo số 9/BC-CCB", "chuyenvien.a")
        assert rows(engine, m.AuditLog, action="occurrence.done")[0].actor == "chuyenvien.a"

    def test_a_different_day_for_a_report_already_recorded_is_one_line_and_a_non_zero_exit(self, engine, cli) -> None:  # type: ignore[no-untyped-def]
        args = ("report", "submit", "--task", "3.R1", "--dispatch", "125/UBND-NC", "--org", "hoi-ccb", "--period",
                "2025-H1")
        assert run(cli, *args, "--at", "2025-06-12")[0] == 0
        code, out, _ = run(cli, *args, "--at", "2025-06-12")
        assert code == 0 and "không đổi" in out
        code, _, err = run(cli, *args, "--at", "2025-06-13")
        assert code != 0 and len(err.strip().splitlines()) == 1 and "12/06/2025" in err
