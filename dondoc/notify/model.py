"""Values that cross the delivery edge: digests in, MIME messages and results out. No I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from email.message import EmailMessage
from typing import Literal

ItemKind = Literal["reminder", "overdue", "escalation", "observance", "failure", "unassigned", "ack"]
DeliveryStatus = Literal["sent", "retry", "failed"]


@dataclass(frozen=True)
class SentRung:
    """An earlier rung of the escalation ladder: to whom (in words) and on which day."""

    label: str
    on: date


@dataclass(frozen=True)
class LateUnit:
    """One late unit in an escalation block: one line each."""

    name: str
    due: date
    days_late: int
    rungs_sent: tuple[SentRung, ...] = ()
    extended: bool = False  # its deadline was extended (gia hạn): `due` is the extended one


@dataclass(frozen=True)
class DigestItem:
    """One line of a digest: a task occurrence, an observance, a failed delivery or a task with no office;
    or, for an escalation, one item (task and period) with its late units."""

    kind: ItemKind
    dispatch_number: str | None
    dispatch_subject: str | None
    task_key: str
    title: str
    text: str
    owner_name: str
    due_stated: date | None
    due_effective: date | None
    days_left: int | None
    period_label: str | None
    window_phrase: str | None
    report_to: str | None
    observance_name: str | None
    anniversary: int | None
    round_year: bool
    classified: bool
    note: str | None
    links: tuple[tuple[str, str], ...] = ()  # (label, address): the signed answer links, when enabled
    units: tuple[LateUnit, ...] = ()  # an escalation: the late units of this item, one line each
    task_kind: str | None = None  # report | action: what the late units have not done


@dataclass(frozen=True)
class Digest:
    """Everything one recipient is told in one run."""

    recipient_email: str
    recipient_name: str
    org_name: str
    as_of: date
    items: list[DigestItem]
    reply_to: str | None
    issuer: str | None


@dataclass(frozen=True)
class OutgoingMail:
    """A rendered message bound to its outbox row; `to` is the envelope recipient list."""

    outbox_id: str
    to: list[str]
    message: EmailMessage


@dataclass(frozen=True)
class DeliveryResult:
    """What happened to one outbox row: sent (maybe with some recipients refused), retry or failed."""

    outbox_id: str
    status: DeliveryStatus
    refused: dict[str, tuple[int, str]] = field(default_factory=dict)
    error: str | None = None


@dataclass(frozen=True)
class SmtpConfig:
    """How to reach the mail server; built by the caller from environment settings, never from files."""

    host: str
    port: int
    username: str | None = None
    password: str | None = field(default=None, repr=False)  # never in logs or tracebacks
    starttls: bool | None = None  # None: use STARTTLS when the server offers it
    implicit_tls: bool = False
    timeout: float = 30.0
    pool_size: int = 8
    mail_from: str = "dondoc@localhost"
    cert_bundle: str | None = None  # CA file for a server with a private CA; None: the system's store
    allow_plaintext_auth: bool = False  # log in without TLS, and only to a server on a loopback address
