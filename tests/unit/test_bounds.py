"""Bounds checked when a task set or a directory file is read: emails, lengths, dates (pure)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dondoc.bounds import MAX_TEXT, MAX_TITLE, date_problem, email_problem, length_problem
from dondoc.directory import parse_directory
from dondoc.errors import DirectoryError, TaskSetError
from dondoc.taskset import Task, parse_taskset


class TestEmail:
    @pytest.mark.parametrize(
        "address",
        [
            "pv05@congan.haiduong.gov.vn",
            "van.thu+nhacviec@ubnd.haiphong.gov.vn",
            "vp@ubnd.example.vn",
            "a@bộcôngan.vn",  # an internationalised domain, as written
            "a@xn--bcngan-zua.vn",  # the same kind of domain in its ASCII (punycode) form
            "vănthư@ubnd.haiduong.vn",  # an internationalised local part (SMTPUTF8)
            "x@tỉnhủy.việtnam",
            "so_tttt-2025@sotttt.hanoi.gov.vn",
        ],
        ids=lambda v: v,
    )
    def test_a_valid_address_passes(self, address: str) -> None:
        assert email_problem(address) is None

    @pytest.mark.parametrize(
        ("address", "why"),
        [
            ("pv05.congan.gov.vn", "thiếu dấu @"),
            ("a@b@c.vn", "nhiều hơn một dấu @"),
            ("pv05@congan", "thiếu dấu chấm"),
            ("a@localhost", "thiếu dấu chấm"),
            ("van thu@ubnd.vn", "khoảng trắng"),
            (" a@ubnd.vn", "khoảng trắng"),
            ("a..b@ubnd.vn", "hai dấu chấm liền nhau"),
            ("a@ubnd..vn", "hai dấu chấm liền nhau"),
            ("Văn thư <vt@ubnd.vn>", "không kèm tên"),
            ("a@ubnd.local", "dành riêng"),
            ("a@ubnd.invalid", "dành riêng"),
            ("a@-ubnd.vn", "gạch ngang"),
            ("a@ubnd.vn.", "dấu chấm"),
            ("", "thiếu dấu @"),
        ],
        ids=lambda v: v or "empty",
    )
    def test_an_invalid_address_is_refused_with_a_reason_in_vietnamese(self, address: str, why: str) -> None:
        problem = email_problem(address)
        assert problem is not None and problem.startswith(f'"{address}" không phải địa chỉ email hợp lệ: ')
        assert why in problem


class TestLengthsAndDates:
    @pytest.mark.parametrize(("n", "limit", "ok"), [(MAX_TITLE, MAX_TITLE, True), (MAX_TITLE + 1, MAX_TITLE, False),
                                                    (MAX_TEXT, MAX_TEXT, True), (MAX_TEXT + 1, MAX_TEXT, False),
                                                    (0, MAX_TITLE, True)],
                             ids=["title-at-limit", "title-over", "text-at-limit", "text-over", "empty"])
    def test_a_text_is_bounded_at_its_limit(self, n: int, limit: int, ok: bool) -> None:
        assert (length_problem("ạ" * n, limit) is None) is ok

    def test_a_long_text_says_how_long_and_the_limit(self) -> None:
        assert length_problem("x" * 20_001, MAX_TEXT) == "dài 20.001 ký tự, quá giới hạn 20.000 ký tự"

    @pytest.mark.parametrize(("day", "ok"), [(date(1899, 12, 31), False), (date(1900, 1, 1), True),
                                             (date(2200, 12, 31), True), (date(2201, 1, 1), False)],
                             ids=["1899", "1900", "2200", "2201"])
    def test_a_date_lies_within_1900_to_2200(self, day: date, ok: bool) -> None:
        assert (date_problem(day) is None) is ok

    def test_a_date_out_of_range_is_said_in_vietnamese(self) -> None:
        assert date_problem(date(2201, 1, 1)) == "ngày 01/01/2201 nằm ngoài khoảng năm 1900–2200"

    def test_the_parser_may_build_a_long_task_in_memory(self) -> None:
        """Bounds apply to files read, so that ingest never crashes on a long item: load refuses it."""
        assert len(Task(key="1", title="x" * 600).title) == 600


def taskset(**task: Any) -> dict[str, Any]:
    return {"version": 1, "dispatch": {"number": "1/UBND", "issued_on": "2025-03-01"},
            "tasks": [{"key": "1", "title": "Việc một", "lead": [{"name": "Công an tỉnh"}]},
                      {"key": "2.a", "title": "Việc hai", "lead": [{"name": "Công an tỉnh"}], **task}]}


class TestTaskSetBounds:
    @pytest.mark.parametrize(
        ("data", "where", "why"),
        [
            (taskset(title="t" * 501), "tasks[1].title (nhiệm vụ 2.a)", "dài 501 ký tự, quá giới hạn 500 ký tự"),
            (taskset(text="t" * 20_001), "tasks[1].text (nhiệm vụ 2.a)", "quá giới hạn 20.000 ký tự"),
            (taskset(schedule={"due": ["2201-01-01"]}), "tasks[1].schedule.due[0] (nhiệm vụ 2.a)", "ngày 01/01/2201"),
            (taskset(schedule={"due": ["2025-06-15", "1899-12-31"]}), "tasks[1].schedule.due[1] (nhiệm vụ 2.a)",
             "nằm ngoài khoảng năm 1900–2200"),
            (taskset(schedule={"repeat": "annual", "until": "2300-01-01"}), "tasks[1].schedule.until (nhiệm vụ 2.a)",
             "ngày 01/01/2300"),
            (taskset(references=[{"number": "44-KL/TW", "date": "0219-01-22"}]),
             "tasks[1].references[0].date (nhiệm vụ 2.a)", "ngày 22/01/219"),
            (taskset(lead=[{"name": "C" * 501}]), "tasks[1].lead[0].name (nhiệm vụ 2.a)", "quá giới hạn 500 ký tự"),
            ({**taskset(), "dispatch": {"issued_on": "1019-08-05"}}, "dispatch.issued_on", "ngày 05/08/1019"),
            ({**taskset(), "dispatch": {"subject": "V" * 2001}}, "dispatch.subject", "quá giới hạn 2.000 ký tự"),
        ],
        ids=["title", "text", "due-2201", "due-1899", "until", "reference-date", "owner-name", "issued-on", "subject"],
    )
    def test_a_value_out_of_bounds_is_refused_naming_the_field(self, data: dict[str, Any], where: str, why: str) -> None:
        with pytest.raises(TaskSetError) as err:
            parse_taskset(data, path="cv.yaml")
        assert str(err.value).startswith(f"cv.yaml: {where}: ")
        assert why in str(err.value)

    @pytest.mark.parametrize("due", ["1900-01-01", "2200-12-31", "--12-31", "---31"], ids=lambda v: v)
    def test_dates_at_the_bounds_and_yearly_days_pass(self, due: str) -> None:
        assert parse_taskset(taskset(schedule={"due": [due]}), path="cv.yaml").tasks[1].schedule.due == [due]

    def test_a_title_of_exactly_500_characters_passes(self) -> None:
        assert len(parse_taskset(taskset(title="ệ" * 500), path="cv.yaml").tasks[1].title) == 500

    def test_several_problems_are_counted_in_the_one_line(self) -> None:
        with pytest.raises(TaskSetError) as err:
            parse_taskset(taskset(title="t" * 501, text="t" * 20_001), path="cv.yaml")
        assert str(err.value).endswith("(và 1 lỗi khác)") and "\n" not in str(err.value)


def directory(**org: Any) -> dict[str, Any]:
    return {"organizations": [
        {"code": "ubnd-tinh", "name": "Ủy ban nhân dân tỉnh", "contacts": [{"name": "VP", "email": "vp@ubnd.gov.vn"}]},
        {"code": "ca-tinh", "name": "Công an tỉnh", **org},
    ]}


class TestDirectoryBounds:
    @pytest.mark.parametrize(
        ("data", "where", "why"),
        [
            (directory(contacts=[{"name": "PV05", "email": "pv05@congan"}]),
             "organizations[1].contacts[0].email (mã ca-tinh)", '"pv05@congan" không phải địa chỉ email hợp lệ'),
            (directory(contacts=[{"name": "A", "email": "a@ca.gov.vn"}, {"name": "B", "email": "b ca@ca.gov.vn"}]),
             "organizations[1].contacts[1].email (mã ca-tinh)", "khoảng trắng"),
            (directory(valid_from="1899-12-31"), "organizations[1].valid_from (mã ca-tinh)", "ngày 31/12/1899"),
            (directory(valid_to="2201-01-01"), "organizations[1].valid_to (mã ca-tinh)", "ngày 01/01/2201"),
            (directory(name="C" * 501), "organizations[1].name (mã ca-tinh)", "quá giới hạn 500 ký tự"),
            (directory(aliases=["CA", "C" * 501]), "organizations[1].aliases[1] (mã ca-tinh)", "quá giới hạn"),
        ],
        ids=["email", "second-contact", "valid-from-1899", "valid-to-2201", "name", "alias"],
    )
    def test_a_bad_entry_is_refused_naming_the_field(self, data: dict[str, Any], where: str, why: str) -> None:
        with pytest.raises(DirectoryError) as err:
            parse_directory(data, path="orgs.yaml")
        assert str(err.value).startswith(f"orgs.yaml: {where}: ")
        assert why in str(err.value)

    @pytest.mark.parametrize("day", ["1900-01-01", "2200-12-31"], ids=lambda v: v)
    def test_validity_at_the_bounds_passes(self, day: str) -> None:
        assert parse_directory(directory(valid_from=day), path="orgs.yaml").organizations["ca-tinh"].valid_from

    def test_an_idn_contact_passes(self) -> None:
        d = parse_directory(directory(contacts=[{"name": "PV05", "email": "pv05@côngan.haiduong.vn"}]), path="o.yaml")
        assert d.organizations["ca-tinh"].contacts[0].email == "pv05@côngan.haiduong.vn"
