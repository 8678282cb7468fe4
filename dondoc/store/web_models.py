"""The admin pages' tables (dondoc web): users, their sessions, refused logins, dispatches under review.
Changed with the web app's accounts and review, not with the planner."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Index
from sqlmodel import Field, SQLModel

from dondoc.store.model_base import new_id, ts as _ts, utcnow


class AppUser(SQLModel, table=True):
    """A person who logs in to the admin pages: an admin (everything) or a supervisor (the board)."""

    __tablename__ = "app_user"
    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(unique=True, max_length=254)  # lower-cased: the login
    name: str = ""
    role: str = "admin"  # admin | supervisor
    password_hash: str  # Argon2id, never the password
    active: bool = True
    created_at: datetime = _ts(nullable=False, default=utcnow)
    password_changed_at: datetime = _ts(nullable=False, default=utcnow)  # older sessions end with a reset


class WebSession(SQLModel, table=True):
    """A login: the cookie holds a random token, the table only its SHA-256."""

    __tablename__ = "web_session"
    id: str = Field(primary_key=True, max_length=64)
    user_id: int = Field(foreign_key="app_user.id", index=True)
    created_at: datetime = _ts(nullable=False, default=utcnow)
    last_seen_at: datetime = _ts(nullable=False, default=utcnow)


class LoginFailure(SQLModel, table=True):
    """A refused login, counted per address and per client to slow down guessing."""

    __tablename__ = "login_failure"
    __table_args__ = (Index("ix_login_failure_email_at", "email", "at"),
                      Index("ix_login_failure_client_at", "client", "at"))
    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254)
    client: str = Field(max_length=64)
    at: datetime = _ts(nullable=False, default=utcnow)


class ReviewDraft(SQLModel, table=True):
    """An uploaded dispatch being reviewed in the browser: its text and the reading as edited so far."""

    __tablename__ = "review_draft"
    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    user_id: int = Field(foreign_key="app_user.id", index=True)
    status: str = "open"  # open | committed | discarded
    source_name: str
    source_sha256: str = Field(max_length=64)
    text: str  # the extracted text the spans point into
    state: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))  # the form as edited
    errors: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))  # field -> reason
    result: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))  # what the commit did
    created_at: datetime = _ts(nullable=False, default=utcnow)
    updated_at: datetime = _ts(nullable=False, default=utcnow)
