"""Tables (SQLModel). Due dates are dates; instants are timezone-aware UTC."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Date, ForeignKey, Index, Integer, String, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from dondoc.store.model_base import new_id, ts as _ts, utcnow

# The next notice date of an open occurrence (what the daily plan selects through an index):
LOOK_AGAIN = date(1900, 1, 1)  # to be looked at by the next sweep: new, moved, extended, or from before the index
NO_NOTICE = date(9999, 12, 31)  # nothing more will be sent for it (every rung passed or planned)


class Organization(SQLModel, table=True):
    __tablename__ = "organization"
    code: str = Field(primary_key=True, max_length=64)
    name: str
    level: str = "tinh"
    parent: str | None = Field(default=None, max_length=64)
    aliases: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    groups: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    valid_from: date | None = None
    valid_to: date | None = None
    successor: str | None = Field(default=None, max_length=64)


class Contact(SQLModel, table=True):
    __tablename__ = "contact"
    __table_args__ = (UniqueConstraint("org_code", "email", name="uq_contact_org_email"),)
    id: int | None = Field(default=None, primary_key=True)
    org_code: str = Field(foreign_key="organization.code", index=True, max_length=64)
    name: str
    email: str
    role: str = "coordinator"


class Dispatch(SQLModel, table=True):
    __tablename__ = "dispatch"
    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    identity: str = Field(index=True)  # number|issuer, or the source name: what a replacement matches
    number: str | None = None
    issuer: str | None = None
    issuer_org: str | None = Field(default=None, max_length=64)  # the issuer resolved: replies go there
    issued_on: date | None = None
    received_on: date | None = None  # when it arrived: relative deadlines ("kể từ ngày nhận") count from here
    subject: str | None = None
    classified: bool = False
    source_name: str | None = None
    source_sha256: str | None = None
    content_sha256: str = Field(index=True)  # of the task set as loaded: identical reload = no change
    taskset: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    active: bool = True
    replaced_by: str | None = Field(default=None, max_length=32)
    loaded_at: datetime = _ts(nullable=False, default=utcnow)


class Task(SQLModel, table=True):
    __tablename__ = "task"
    __table_args__ = (UniqueConstraint("dispatch_id", "key", name="uq_task_dispatch_key"),)
    id: int | None = Field(default=None, primary_key=True)
    dispatch_id: str = Field(foreign_key="dispatch.id", index=True, max_length=32)
    key: str
    title: str = ""
    text: str = ""
    kind: str = "action"
    repeat: str = "once"
    due: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    events: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    relative: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    lunar: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    until: date | None = None
    report_to: str | None = None
    cascade_by: str | None = Field(default=None, max_length=64)  # the consolidating organisation
    cascade_days: int | None = None
    span_start: int | None = None
    span_end: int | None = None
    active: bool = True
    materialised_from: date | None = None  # the earliest day materialised: None until its first sweep (whole past)
    # every occurrence whose date (as written) is on or before this day exists; the daily pass takes the
    # tasks whose next period enters the horizon (this day before it). None: to materialise (again).
    materialised_until: date | None = Field(default=None, index=True)


class TaskOwner(SQLModel, table=True):
    __tablename__ = "task_owner"
    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="task.id", index=True)
    role: str = "lead"  # lead | support
    name: str  # as written in the dispatch
    org_code: str | None = Field(default=None, max_length=64)  # null: unresolved, shown to the admin


class Occurrence(SQLModel, table=True):
    __tablename__ = "occurrence"
    __table_args__ = (
        UniqueConstraint("task_id", "org_code", "period", name="uq_occurrence_task_org_period"),
        Index("ix_occurrence_status_due", "status", "effective_due"),
    )
    id: int | None = Field(default=None, primary_key=True)
    # no index of its own: uq_occurrence_task_org_period begins with it (one index less for each row a sweep rewrites)
    task_id: int = Field(foreign_key="task.id")
    org_code: str = Field(max_length=64, index=True)
    period: str  # "2025-H1", "2025", "once", "2025@ngay-hoi-antq" …
    kind: str = "action"  # the task's kind, or "event" for an observance
    event_key: str | None = None
    stated_due: date  # the deadline the text means, before Điều 148
    written_due: date | None = None  # the day as the dispatch wrote it, when the reading differs
    notes: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    effective_due: date
    data_from: date | None = None
    data_to: date | None = None
    status: str = "open"  # open | submitted | cancelled (waived, replaced or merged away)
    submitted_at: date | None = None
    submitted_doc: str | None = None  # the report sent, as the office wrote it: "Báo cáo số 45/BC-CA ngày 12/6/2025"
    submitted_note: str | None = None  # a short note from the office
    submitted_by: str | None = None  # who recorded it: a CLI user, "link:<org>", "import:<file>"
    extended_due: date | None = None  # the deadline granted by an extension (gia hạn), as stated
    extended_effective_due: date | None = None  # the same after Điều 148
    moved_from: str | None = Field(default=None, max_length=64)  # the owner before a reorganisation moved it
    upper_due: date | None = None  # a sub-unit of a cascaded report: the consolidator's own deadline, as stated
    # its next notice date is in OccurrenceNext
    # False once its owner is known to have confirmed receipt of the task, done work of it, or been asked
    ack_open: bool = Field(default=True, sa_column=Column(Boolean, nullable=False, default=True,
                                                          server_default=text("true")))
    created_at: datetime = _ts(nullable=False, default=utcnow)


class OccurrenceNext(SQLModel, table=True):
    """The first day a sweep has something new to send about an occurrence (dondoc.schedule.plan.next_notice),
    and its kind: one narrow row per occurrence, written when the occurrence is materialised. The daily plan
    selects `next_notice_at <= today` through its index, with the holder's code for a shard.

    Apart from the occurrence's row because a sweep rewrites the date of every occurrence it plans (295,000
    on a busy day at 1M): in the occurrence's row, an indexed date made PostgreSQL write each one into all five
    of that table's indexes, six times the time of these rows. An occurrence that is no longer open keeps its
    date here until a sweep that reads it finds it closed and stores NO_NOTICE (status lives in the occurrence
    only; nothing reopens one)."""

    __tablename__ = "occurrence_next"
    __table_args__ = (Index("ix_occurrence_next_due", "next_notice_at", "org_code"),)
    occurrence_id: int = Field(sa_column=Column(Integer, ForeignKey("occurrence.id"), primary_key=True,
                                                autoincrement=False))
    org_code: str = Field(max_length=64)  # the occurrence's holder, as there (a reorganisation moves both)
    next_notice_at: date = Field(default=LOOK_AGAIN, sa_column=Column(
        Date, nullable=False, default=LOOK_AGAIN, server_default=text("'1900-01-01'")))
    next_notice_kind: str | None = Field(default=None, sa_column=Column(String(16), nullable=True))


class AuditLog(SQLModel, table=True):
    __tablename__ = "audit_log"
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = _ts(nullable=False, default=utcnow)
    actor: str = "cli"  # a CLI user, "link:<org>", "import:<file>", "sweep"
    action: str
    subject: str = ""
    occurrence_id: int | None = Field(default=None, index=True)  # what `dondoc history` finds it by
    dispatch_id: str | None = Field(default=None, index=True, max_length=32)
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class OrgGroup(SQLModel, table=True):
    """A collective name ("các sở, ban, ngành") that expands to the organisations in it."""

    __tablename__ = "org_group"
    code: str = Field(primary_key=True, max_length=64)
    names: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))


class Meta(SQLModel, table=True):
    """Small facts about the installation (the directory's province name, …)."""

    __tablename__ = "meta"
    key: str = Field(primary_key=True, max_length=64)
    value: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class Acknowledgement(SQLModel, table=True):
    """An owner confirmed receipt of a task (once per task and organisation)."""

    __tablename__ = "acknowledgement"
    __table_args__ = (UniqueConstraint("task_id", "org_code", name="uq_acknowledgement_task_org"),)
    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="task.id", index=True)
    org_code: str = Field(max_length=64)
    at: datetime = _ts(nullable=False, default=utcnow)
    actor: str = "cli"  # a CLI user, "link:<org>", "import:<file>"


class LinkUse(SQLModel, table=True):
    """A signed link from a digest that has been used: a used link says when."""

    __tablename__ = "link_use"
    id: int | None = Field(default=None, primary_key=True)
    token_id: str = Field(unique=True, max_length=64)  # a digest of the token, never the token itself
    occurrence_id: int = Field(foreign_key="occurrence.id", index=True)
    org_code: str = Field(max_length=64)
    action: str  # ack | done | extend
    used_at: datetime = _ts(nullable=False, default=utcnow)


class Extension(SQLModel, table=True):
    """A deadline extension (gia hạn): requested by the owner or granted by the issuer. The original stays."""

    __tablename__ = "extension"
    id: int | None = Field(default=None, primary_key=True)
    occurrence_id: int = Field(foreign_key="occurrence.id", index=True)
    from_due: date  # the effective deadline it extends
    to_due: date  # the new deadline, as stated
    reason: str = ""
    document: str | None = None  # the issuer's document granting it ("Công văn số 12/UBND-VP ngày …")
    status: str = "requested"  # requested | granted | refused
    requested_by: str | None = None
    requested_at: datetime | None = _ts(nullable=True)
    decided_by: str | None = None
    decided_at: datetime | None = _ts(nullable=True)


class OrgChange(SQLModel, table=True):
    """A reorganisation: merge, rename, split or abolition of organisations on a date."""

    __tablename__ = "org_change"
    id: int | None = Field(default=None, primary_key=True)
    kind: str  # merge | rename | split | abolish
    old_codes: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    new_codes: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    on: date
    applied_at: datetime | None = _ts(nullable=True)  # when open work was moved (on or after `on`)
    actor: str = "cli"
    created_at: datetime = _ts(nullable=False, default=utcnow)


# the tables that change for other reasons, in modules of their own; named here too (m.Outbox …), and imported
# with this module so that every table is registered wherever the models are
from dondoc.store.outbox_models import DigestPart, Escalation, Notice, Outbox  # noqa: E402
from dondoc.store.web_models import AppUser, LoginFailure, ReviewDraft, WebSession  # noqa: E402

__all__ = ["LOOK_AGAIN", "NO_NOTICE", "Acknowledgement", "AppUser", "AuditLog", "Contact", "DigestPart", "Dispatch",
           "Escalation", "Extension", "LinkUse", "LoginFailure", "Meta", "Notice", "Occurrence", "OccurrenceNext",
           "OrgChange", "OrgGroup", "Organization", "Outbox", "ReviewDraft", "Task", "TaskOwner", "WebSession",
           "new_id", "utcnow"]
