"""The task set: the reviewable contract between the parser, the admin and the loader.

Pure pydantic models; `dump_yaml`/`load_yaml` convert it to and from the file an admin edits.
"""

from __future__ import annotations

import re
import datetime as dt
from datetime import date
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from dondoc.errors import InputFileError, TaskSetError

Repeat = Literal["once", "annual", "semiannual", "quarterly", "monthly", "weekly", "continuous", "ad_hoc"]
Kind = Literal["action", "report", "event"]

# "2019-08-27" one-off; "--06-15" every year on that day; "---20" every month on that day;
# "T5" every week on that weekday (weekly tasks only).
DUE_PATTERN = re.compile(r"^(\d{4}-\d{2}-\d{2}|--\d{2}-\d{2}|---\d{2}|T[2-7]|CN)$")
# A weekday as Vietnamese offices abbreviate it (T2 = thứ Hai … T7 = thứ Bảy, CN = Chủ nhật),
# indexed like date.weekday(): T2 is Monday (0), CN is Sunday (6).
WEEKDAYS: tuple[str, ...] = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")
_WEEKDAY_HELP = "T2 (thứ Hai) … T7 (thứ Bảy) hoặc CN (Chủ nhật)"


def weekday_index(due: str) -> int | None:
    """date.weekday() of a weekday due ("T5" → 3, Thursday), or None when `due` is no weekday."""
    return WEEKDAYS.index(due) if due in WEEKDAYS else None


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Strict):
    name: str
    sha256: str | None = None


class Reference(_Strict):
    """A document an item cites: "Kết luận số 44-KL/TW ngày 22/01/2019 của Ban Bí thư"."""

    number: str
    date: dt.date | None = None
    issuer: str | None = None
    kind: str | None = None  # Kết luận, Chỉ thị, Kế hoạch, ...


class Dispatch(_Strict):
    number: str | None = None
    issuer: str | None = None
    issued_on: date | None = None
    subject: str | None = None
    recipients: list[str] = Field(default_factory=list)
    place: str | None = None
    signer: str | None = None
    classified: bool = False  # độ mật: reminders carry only number, key and date
    source: Source | None = None


class Owner(_Strict):
    name: str
    org: str | None = None  # a resolved directory code, or null when unresolved
    orgs: list[str] = Field(default_factory=list)  # a collective name expanded through directory groups


class Relative(_Strict):
    """A deadline counted from an event: "trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản"."""

    days: int = Field(ge=0)
    working_days: bool = False
    from_event: str = "receipt"


class LunarDue(_Strict):
    """A deadline anchored on a lunar date: "trước Tết Nguyên đán 15 ngày" is month 1, day 1, 15 days before."""

    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=30)
    days_before: int = Field(default=0, ge=0, le=366)
    name: str | None = None  # "Tết Nguyên đán", as the text names it


class Schedule(_Strict):
    repeat: Repeat = "once"
    due: list[str] = Field(default_factory=list)
    events: list[str] = Field(default_factory=list)  # observances: "--08-19" or an observance key
    relative: Relative | None = None
    lunar: list[LunarDue] = Field(default_factory=list)  # every year, on the solar day of that lunar date
    until: date | None = None  # last day the recurrence runs, if the text says so

    @field_validator("due")
    @classmethod
    def _due_format(cls, values: list[str], info: ValidationInfo) -> list[str]:
        repeat = info.data.get("repeat")  # absent when repeat itself is wrong: that error is reported
        for v in values:
            if not DUE_PATTERN.match(v):
                if re.fullmatch(r"(?i)t\d|cn|thứ.*|chủ nhật", v.strip()):
                    raise ValueError(f"\"{v}\" không phải thứ trong tuần theo cách ghi ở đây: ghi {_WEEKDAY_HELP}")
                raise ValueError(f"\"{v}\" không đúng dạng YYYY-MM-DD, --MM-DD, ---DD hay thứ trong tuần ({_WEEKDAY_HELP})")
            if v in WEEKDAYS:
                if repeat is not None and repeat != "weekly":
                    raise ValueError(f"\"{v}\" là thứ trong tuần: cần repeat: weekly (đang là repeat: {repeat})")
                continue
            if repeat == "weekly" and v.startswith("--"):
                raise ValueError(f"\"{v}\" không lặp lại hằng tuần: hạn hằng tuần là một thứ ({_WEEKDAY_HELP}) "
                                 "hoặc ngày đầu tiên YYYY-MM-DD")
            if v.startswith("---"):
                day = int(v[3:])
                if not 1 <= day <= 31:
                    raise ValueError(f"\"{v}\": không có ngày {day} trong tháng")
            elif v.startswith("--"):
                month, day = int(v[2:4]), int(v[5:7])
                try:
                    date(2024, month, day)  # a leap year, so that --02-29 is allowed
                except ValueError:
                    raise ValueError(f"\"{v}\": không có ngày {day}/{month}") from None
            else:
                try:
                    date.fromisoformat(v)
                except ValueError:
                    raise ValueError(f"\"{v}\" không phải ngày có thật") from None
        return values


class Cascade(_Strict):
    """A report consolidated by one owner: the others report to it `working_days` earlier (ND 09/2019, Art. 8(5)(b))."""

    by: Owner
    working_days: int | None = Field(default=None, ge=0, le=60)  # None: the setting cascade_working_days


class Task(_Strict):
    key: str
    title: str = ""
    text: str = ""
    kind: Kind = "action"
    lead: list[Owner] = Field(default_factory=list)
    support: list[Owner] = Field(default_factory=list)
    schedule: Schedule = Field(default_factory=Schedule)
    report_to: str | None = None
    cascade: Cascade | None = None
    span: tuple[int, int] | None = None
    references: list[Reference] = Field(default_factory=list)
    explain: dict[str, str] = Field(default_factory=dict)  # field -> why it has its value


class TaskSet(_Strict):
    version: Literal[1] = 1
    dispatch: Dispatch = Field(default_factory=Dispatch)
    tasks: list[Task] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    @field_validator("tasks")
    @classmethod
    def _unique_keys(cls, tasks: list[Task]) -> list[Task]:
        seen: set[str] = set()
        for t in tasks:
            if t.key in seen:
                raise ValueError(f"mã nhiệm vụ \"{t.key}\" xuất hiện hai lần")
            seen.add(t.key)
        return tasks


def to_plain(ts: TaskSet) -> dict[str, Any]:
    """The task set as plain JSON-able data, nulls kept so an admin sees every field."""
    return ts.model_dump(mode="json", exclude_defaults=False)


def dump_yaml(ts: TaskSet) -> str:
    """Render the task set as the YAML file an admin reviews."""
    return yaml.safe_dump(to_plain(ts), allow_unicode=True, sort_keys=False, width=100)


def parse_taskset(data: Any, *, path: str | Path) -> TaskSet:
    """Validate plain data as a task set, bounds included; the error names the field and its task
    (`x.yaml: tasks[2].schedule.repeat (nhiệm vụ 3.R1): phải là một trong: …`)."""
    from dondoc.bounds import taskset_problems
    from dondoc.fielderrors import entry_label, first_error

    if not isinstance(data, dict):
        raise TaskSetError(path, "tệp", "cần một bảng có các khóa version, dispatch và tasks")

    def label(loc: Any) -> str:
        return entry_label(data, loc, section="tasks", field="key", noun="nhiệm vụ")

    try:
        ts = TaskSet.model_validate(data)
    except ValidationError as exc:
        where, reason = first_error(exc, label=label)
        raise TaskSetError(path, where, reason) from None
    problems = taskset_problems(ts)
    if problems:
        first, name = problems[0], label(problems[0].loc)
        more = f" (và {len(problems) - 1} lỗi khác)" if len(problems) > 1 else ""
        raise TaskSetError(path, first.path + (f" ({name})" if name else ""), first.message + more)
    return ts


def load_yaml(path: Path) -> TaskSet:
    """Read and validate a task-set file."""
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputFileError(path, "không có tệp này") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputFileError(path, f"không đọc được tệp ({exc.__class__.__name__})") from None
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"dòng {mark.line + 1}" if mark is not None else "tệp"
        raise TaskSetError(path, where, "không phải YAML hợp lệ") from None
    return parse_taskset(data, path=path)
