"""The planner's output tables: digests to send (outbox), the parts their items name, the notices each
decision makes once, the ladder's rungs recorded. Changed with how a sweep plans and delivers."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from dondoc.store.model_base import new_id, ts as _ts, utcnow


class Outbox(SQLModel, table=True):
    """One digest message for one recipient: what a sweep decided to send."""

    __tablename__ = "outbox"
    # as_of: a sweep replaying a day before the latest planned one finds it in one index probe
    __table_args__ = (Index("ix_outbox_status_next", "status", "next_attempt_at"), Index("ix_outbox_as_of", "as_of"))
    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    recipient_email: str
    recipient_name: str = ""
    org_code: str | None = Field(default=None, max_length=64)
    as_of: date
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    status: str = "pending"  # pending | sending | sent | failed
    attempts: int = 0
    next_attempt_at: datetime = _ts(nullable=False, default=utcnow)
    claim_token: str | None = None
    claim_expires_at: datetime | None = _ts(nullable=True)
    message_id: str = ""
    sent_at: datetime | None = _ts(nullable=True)
    last_error: str | None = None
    created_at: datetime = _ts(nullable=False, default=utcnow)


class DigestPart(SQLModel, table=True):
    """What the digest items about one task, period, deadline and kind share (the dispatch, the task's title
    and text, the deadline and period in words …), stored once under a key made from it: a digest item names
    it (dondoc.store.digest_parts) instead of carrying it, so a busy day's 300,000 items share a few
    thousand of these."""

    __tablename__ = "digest_part"
    key: str = Field(primary_key=True, max_length=64)
    body: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = _ts(nullable=False, default=utcnow)


class Notice(SQLModel, table=True):
    """A decision to tell someone something; the dedupe key makes each decision happen once.

    No foreign keys: a sweep writes its notices (300,000 on a busy day) before the digests that carry them,
    and a key checked row by row cost PostgreSQL half of their INSERT. Only the planner writes notices, in
    the transaction that writes their digests, from occurrences it has just read; nothing deletes an
    occurrence, and a digest is deleted only once its notices are moved (dondoc.app.digest_merge)."""

    __tablename__ = "notice"
    id: int | None = Field(default=None, primary_key=True)
    dedupe_key: str = Field(unique=True)
    kind: str  # reminder | observance | overdue | escalation
    occurrence_id: int | None = Field(default=None, index=True)  # the occurrence it is about
    recipient_email: str
    rung: int | None = None
    outbox_id: str = Field(index=True, max_length=32)  # the digest it goes in
    created_at: datetime = _ts(nullable=False, default=utcnow)


class Escalation(SQLModel, table=True):
    __tablename__ = "escalation"
    __table_args__ = (UniqueConstraint("occurrence_id", "step", name="uq_escalation_occurrence_step"),)
    id: int | None = Field(default=None, primary_key=True)
    occurrence_id: int = Field(foreign_key="occurrence.id", index=True)
    step: str  # overdue | escalation
    to_org: str | None = Field(default=None, max_length=64)
    as_of: date
    created_at: datetime = _ts(nullable=False, default=utcnow)
