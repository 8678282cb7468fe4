"""Bounds on what a task set or a directory file may hold, checked when the file is read (pure).

A task set or directory entry with an invalid email, a text longer than any real instruction or a
date outside 1900–2200 is refused at load, naming the field, so it is never discovered at send time,
every day. The parser may build models in memory freely; these checks run on the files an admin loads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from email_validator import EmailNotValidError, validate_email

if TYPE_CHECKING:
    from dondoc.directory import DirectoryFile
    from dondoc.taskset import TaskSet

FIRST_YEAR, LAST_YEAR = 1900, 2200
# characters; the longest instruction read from the real corpus is ~3,600 characters
MAX_TITLE = 500
MAX_TEXT = 20_000
MAX_NAME = 500  # an owner, an organisation, an issuer, a recipient, a contact, an alias
MAX_SHORT = 200  # a key, a document number, an observance key
MAX_SUBJECT = 2_000
MAX_ITEMS = 5_000  # tasks in a set, organisations in a directory, names in a list

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One value out of bounds: where it is (("tasks", 3, "title"), read `tasks[3].title`) and why, in Vietnamese."""

    loc: Loc
    message: str

    @property
    def path(self) -> str:
        from dondoc.fielderrors import path_of

        return path_of(self.loc)


def email_problem(value: str) -> str | None:
    """Why `value` is not a usable email address (Vietnamese), or None when it is one.

    Syntax only (no DNS): internationalised domains (IDN) and local parts (SMTPUTF8) are accepted.
    """
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError as err:
        return f'"{value}" không phải địa chỉ email hợp lệ: {_email_reason(value, str(err))}'
    return None


def _email_reason(value: str, reason: str) -> str:
    """The library's reason, said in Vietnamese for the mistakes people make."""
    if "@" not in value:
        return "thiếu dấu @"
    if value.count("@") > 1 and "<" not in value:
        return "có nhiều hơn một dấu @"
    if "display name" in reason or "<" in value:
        return "chỉ ghi địa chỉ, không kèm tên hay dấu < >"
    if any(ch.isspace() for ch in value):
        return "có khoảng trắng"
    if "in a row" in reason:
        return "có hai dấu chấm liền nhau"
    if "should have a period" in reason:
        return "tên miền sau @ thiếu dấu chấm, ví dụ ubnd.haiduong.gov.vn"
    if "special-use or reserved" in reason:
        return "tên miền dành riêng, không nhận thư"
    if "too long" in reason:
        return "quá dài"
    if "cannot end with a period" in reason or "cannot start with a period" in reason:
        return "không được bắt đầu hay kết thúc bằng dấu chấm"
    if "hyphen" in reason:
        return "tên miền không được bắt đầu hay kết thúc bằng dấu gạch ngang"
    if "After the @-sign" in reason or "after the @-sign" in reason:
        return "phần sau dấu @ không phải tên miền hợp lệ"
    if "before the @-sign" in reason:
        return "phần trước dấu @ có ký tự không hợp lệ"
    return "sai cú pháp"


def date_problem(value: date) -> str | None:
    """Why a date is out of range (Vietnamese), or None when its year is within 1900–2200."""
    if FIRST_YEAR <= value.year <= LAST_YEAR:
        return None
    return f"ngày {value:%d/%m}/{value.year} nằm ngoài khoảng năm {FIRST_YEAR}–{LAST_YEAR}"


def length_problem(value: str, limit: int) -> str | None:
    """Why a text is too long (Vietnamese), or None."""
    if len(value) <= limit:
        return None
    return f"dài {_n(len(value))} ký tự, quá giới hạn {_n(limit)} ký tự"


def count_problem(values: list[object], limit: int) -> str | None:
    if len(values) <= limit:
        return None
    return f"có {_n(len(values))} mục, quá giới hạn {_n(limit)}"


def _n(number: int) -> str:
    """A count as Vietnamese writes it: 20.000."""
    return f"{number:,}".replace(",", ".")


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, loc: Loc, why: str | None) -> None:
        if why:
            self.problems.append(Problem(loc, why))

    def text(self, loc: Loc, value: str | None, limit: int) -> None:
        if value is not None:
            self.add(loc, length_problem(value, limit))

    def texts(self, loc: Loc, values: list[str], limit: int) -> None:
        self.add(loc, count_problem(list(values), MAX_ITEMS))
        for i, v in enumerate(values):
            self.text((*loc, i), v, limit)

    def day(self, loc: Loc, value: date | None) -> None:
        if value is not None:
            self.add(loc, date_problem(value))


def taskset_problems(ts: TaskSet) -> list[Problem]:
    """Every value of a task set out of bounds, in file order."""
    c = _Collector()
    d = ts.dispatch
    c.text(("dispatch", "number"), d.number, MAX_SHORT)
    c.text(("dispatch", "issuer"), d.issuer, MAX_NAME)
    c.day(("dispatch", "issued_on"), d.issued_on)
    c.text(("dispatch", "subject"), d.subject, MAX_SUBJECT)
    c.texts(("dispatch", "recipients"), d.recipients, MAX_NAME)
    c.text(("dispatch", "place"), d.place, MAX_NAME)
    c.text(("dispatch", "signer"), d.signer, MAX_NAME)
    c.add(("tasks",), count_problem(list(ts.tasks), MAX_ITEMS))
    for i, t in enumerate(ts.tasks):
        at: Loc = ("tasks", i)
        c.text((*at, "key"), t.key, MAX_SHORT)
        c.text((*at, "title"), t.title, MAX_TITLE)
        c.text((*at, "text"), t.text, MAX_TEXT)
        for role, owners in (("lead", t.lead), ("support", t.support)):
            c.add((*at, role), count_problem(list(owners), MAX_ITEMS))
            for j, o in enumerate(owners):
                c.text((*at, role, j, "name"), o.name, MAX_NAME)
        if t.cascade is not None:
            c.text((*at, "cascade", "by", "name"), t.cascade.by.name, MAX_NAME)
        c.text((*at, "report_to"), t.report_to, MAX_NAME)
        for j, due in enumerate(t.schedule.due):
            if _ISO_DAY.match(due):
                c.day((*at, "schedule", "due", j), date.fromisoformat(due))
        c.day((*at, "schedule", "until"), t.schedule.until)
        for j, ref in enumerate(t.references):
            c.text((*at, "references", j, "number"), ref.number, MAX_SHORT)
            c.day((*at, "references", j, "date"), ref.date)
    return c.problems


def directory_problems(model: DirectoryFile) -> list[Problem]:
    """Every value of a directory file out of bounds or not an email address, in file order."""
    c = _Collector()
    c.add(("organizations",), count_problem(list(model.organizations), MAX_ITEMS))
    for i, o in enumerate(model.organizations):
        at: Loc = ("organizations", i)
        c.text((*at, "name"), o.name, MAX_NAME)
        c.texts((*at, "aliases"), o.aliases, MAX_NAME)
        for j, contact in enumerate(o.contacts):
            c.text((*at, "contacts", j, "name"), contact.name, MAX_NAME)
            c.add((*at, "contacts", j, "email"), email_problem(contact.email))
        c.day((*at, "valid_from"), o.valid_from)
        c.day((*at, "valid_to"), o.valid_to)
    for i, g in enumerate(model.groups):
        c.texts(("groups", i, "names"), g.names, MAX_NAME)
    return c.problems
