"""Deliver the outbox: claim rows atomically, render, send over SMTP, record the outcome.

A claim is a short lease (claim_token + claim_expires_at, a minute by default) that the sender
renews while it sends: a sender killed mid-batch stops renewing, so its rows are free again within
a lease, and the next run takes them over and re-sends them with the same Message-ID. Leases run
on the wall clock even in a replay (`--as-of`), whose clock is only for what is due. Two senders
never hold the same row: PostgreSQL claims with FOR UPDATE SKIP LOCKED, SQLite under its write
lock (BEGIN IMMEDIATE).
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.engine import Engine
from sqlmodel import col

from dondoc.app.digest_merge import merge_pending
from dondoc.app.links import LinkMaker
from dondoc.errors import DondocError, MailServerError
from dondoc.notify.model import DeliveryResult, Digest, DigestItem, LateUnit, OutgoingMail, SentRung, SmtpConfig
from dondoc.notify.render import render_digest
from dondoc.notify.smtp import MAX_ATTEMPTS, NOT_ATTEMPTED, backoff, send_batch_sync
from dondoc.store import digest_parts
from dondoc.store import models as m
from dondoc.store.db import session_scope

log = logging.getLogger(__name__)
LEASE = timedelta(seconds=60)


@dataclass
class DeliveryReport:
    sent: int = 0
    retry: int = 0
    failed: int = 0
    refused: list[str] = field(default_factory=list)
    held_for_quiet_hours: bool = False
    taken_over: int = 0  # rows a sender that died was holding, taken over once its lease ran out
    stopped_early: bool = False  # its lease could not be renewed in time: it stopped and released the rest
    merged: int = 0  # queued rows merged into another of the same recipient and day (several shards' plans)


def wall_clock() -> datetime:
    return datetime.now(timezone.utc)


def _due(now: datetime, lease_now: datetime, orgs: frozenset[str] | None = None) -> Any:
    """Rows due by `now` or whose lease has run out; with `orgs` (a shard), only the digests to those
    organisations' people."""
    due = or_(
        (col(m.Outbox.status) == "pending") & (col(m.Outbox.next_attempt_at) <= now),
        (col(m.Outbox.status) == "sending") & (col(m.Outbox.claim_expires_at) < lease_now),
    )
    return due if orgs is None else due & col(m.Outbox.org_code).in_(orgs)


def count_due(*, engine: Engine, now: datetime, lease_now: datetime | None = None,
              orgs: frozenset[str] | None = None) -> int:
    """How many rows a delivery at `now` would send (for a progress bar)."""
    with session_scope(engine) as s:
        q = select(func.count()).select_from(m.Outbox).where(_due(now, lease_now or wall_clock(), orgs))
        return int(s.execute(q).scalar_one())


def claim(*, engine: Engine, now: datetime, limit: int, token: str, lease: timedelta = LEASE,
          lease_now: datetime | None = None, orgs: frozenset[str] | None = None) -> tuple[list[m.Outbox], int]:
    """Atomically take up to `limit` rows that are due (by `now`), or whose lease has run out (by the
    wall clock, `lease_now`); returns them and how many of them were taken over from a dead sender."""
    lease_now = lease_now or wall_clock()
    due = _due(now, lease_now, orgs)
    with session_scope(engine) as s:
        pick = (select(col(m.Outbox.id), col(m.Outbox.status)).where(due)
                .order_by(col(m.Outbox.created_at)).limit(limit))
        if engine.dialect.name == "postgresql":
            pick = pick.with_for_update(skip_locked=True)
        picked = list(s.execute(pick).all())
        if not picked:
            return [], 0
        ids = [row_id for row_id, _ in picked]
        s.execute(
            update(m.Outbox)
            .where(col(m.Outbox.id).in_(ids), due)
            .values(status="sending", claim_token=token, claim_expires_at=lease_now + lease)
        )
        rows = list(s.execute(select(m.Outbox).where(col(m.Outbox.claim_token) == token,
                                                      col(m.Outbox.status) == "sending")).scalars())
        s.expunge_all()
        taken_over = sum(1 for _, status in picked if status == "sending")
        return rows, taken_over


class LeaseKeeper:
    """Renews the lease of every row this sender holds, a third of a lease apart, until stopped; and
    knows until when its hold is sure, so that the sender stops before anyone may take its rows over
    (a renewal held up behind another process's long transaction must not lead to a message sent twice)."""

    def __init__(self, *, engine: Engine, token: str, lease: timedelta) -> None:
        self.engine, self.token, self.lease = engine, token, lease
        self.valid_until: datetime | None = None  # the earliest expiry of the rows this sender holds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="outbox-lease", daemon=True)

    def __enter__(self) -> LeaseKeeper:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def claimed(self, at: datetime) -> None:
        """Rows were claimed at `at` with a fresh lease."""
        expires = at + self.lease
        self.valid_until = expires if self.valid_until is None else min(self.valid_until, expires)

    def held(self) -> bool:
        """Whether to go on sending: more than a third of the lease is left on every row held."""
        return self.valid_until is None or wall_clock() < self.valid_until - self.lease / 3

    def renew(self) -> int:
        at = wall_clock()
        with session_scope(self.engine) as s:
            res = s.execute(update(m.Outbox)
                            .where(col(m.Outbox.claim_token) == self.token, col(m.Outbox.status) == "sending")
                            .values(claim_expires_at=at + self.lease))
        self.valid_until = at + self.lease
        return int(getattr(res, "rowcount", 0) or 0)

    def _run(self) -> None:
        while not self._stop.wait(self.lease.total_seconds() / 3):
            try:
                self.renew()
            except Exception:  # the next renewal may succeed; if none does, the sender stops in time
                log.warning("could not renew the outbox lease", exc_info=True)


def digest_from_payload(row: m.Outbox, *, links: LinkMaker | None = None,
                        owners: dict[int, str] | None = None, parts: Mapping[str, Mapping[str, Any]] | None = None) -> Digest:
    """The digest of an outbox row, its items whole again (`parts`: the digest parts they name, see
    dondoc.store.digest_parts; an item naming one not given raises LookupError). With `links`, each item of
    an occurrence that the recipient's own organisation owns (`owners`: occurrence id → owner) carries its
    signed answer links; an item sent to someone else (an escalation to the supervisor) carries none."""
    p: dict[str, Any] = row.payload
    items = []
    for it in digest_parts.items_of(p, parts or {}):
        occ_id = it.get("occurrence_id")
        answer: tuple[tuple[str, str], ...] = ()
        if links is not None and occ_id is not None and row.org_code and (owners or {}).get(occ_id) == row.org_code:
            answer = links.links(occ_id, row.org_code)
        items.append(DigestItem(
            kind=it["kind"], dispatch_number=it.get("dispatch_number"), dispatch_subject=it.get("dispatch_subject"),
            task_key=it["task_key"], title=it.get("title", ""), text=it.get("text", ""),
            owner_name=it.get("owner_name", ""),
            due_stated=date.fromisoformat(it["due_stated"]) if it.get("due_stated") else None,
            due_effective=date.fromisoformat(it["due_effective"]) if it.get("due_effective") else None,
            days_left=it.get("days_left"), period_label=it.get("period_label"), window_phrase=it.get("window_phrase"),
            report_to=it.get("report_to"), observance_name=it.get("observance_name"),
            anniversary=it.get("anniversary"), round_year=bool(it.get("round_year")),
            classified=bool(it.get("classified")), note=it.get("note"), links=answer,
            units=_units(it.get("units") or []), task_kind=it.get("task_kind"),
        ))
    return Digest(recipient_email=row.recipient_email, recipient_name=row.recipient_name,
                  org_name=p.get("org_name", ""), as_of=row.as_of, items=items,
                  reply_to=p.get("reply_to"), issuer=p.get("issuer"))


def _units(rows: list[dict[str, Any]]) -> tuple[LateUnit, ...]:
    return tuple(LateUnit(name=u["name"], due=date.fromisoformat(u["due"]), days_late=int(u["days_late"]),
                          rungs_sent=tuple(SentRung(r["label"], date.fromisoformat(r["on"])) for r in u.get("rungs_sent", [])),
                          extended=bool(u.get("extended")))
                 for u in rows)


def in_quiet_hours(local_now: datetime, *, start: int, end: int) -> bool:
    """Whether messages must wait: outside [start, end) local hours."""
    return not (start <= local_now.hour < end)


def _owners(engine: Engine, rows: list[m.Outbox]) -> dict[int, str]:
    """Who owns each occurrence named in these digests now (one query per batch)."""
    ids = {it["occurrence_id"] for r in rows for it in r.payload.get("items", []) if it.get("occurrence_id")}
    if not ids:
        return {}
    with session_scope(engine) as s:
        found = s.execute(select(m.Occurrence.id, m.Occurrence.org_code)  # type: ignore[call-overload]
                          .where(col(m.Occurrence.id).in_(ids), col(m.Occurrence.status) != "cancelled")).all()
    return {i: org for i, org in found}


def deliver(*, engine: Engine, smtp: SmtpConfig, templates_dir: Path, now: datetime, batch: int = 200,
            quiet: tuple[int, int] | None = None, tz: Any = timezone.utc,
            links: LinkMaker | None = None, lease: timedelta = LEASE,
            on_progress: Callable[[int, int], None] | None = None,
            orgs: frozenset[str] | None = None) -> DeliveryReport:
    """Send every due outbox row; raises a MailServerError (rows stay queued) when the server is down
    or refuses the login. With `links`, owners' items carry signed answer links (see digest_from_payload);
    with `orgs` (a shard), only the digests to those organisations' people. The queued rows of one
    recipient and day are merged first (dondoc.app.digest_merge): one digest each, however many plans.

    Each outcome is recorded as soon as the server has answered, so a sender killed mid-batch
    repeats at most the messages that were in flight. `on_progress(done, total)` follows it.
    """
    report = DeliveryReport()
    if quiet is not None and in_quiet_hours(now.astimezone(tz), start=quiet[0], end=quiet[1]):
        report.held_for_quiet_hours = True
        return report
    report.merged = merge_pending(engine=engine, now=now, orgs=orgs)  # one digest per recipient and day
    token = uuid.uuid4().hex
    total = count_due(engine=engine, now=now, orgs=orgs) if on_progress is not None else 0
    done = 0
    with LeaseKeeper(engine=engine, token=token, lease=lease) as keeper:
        while True:
            claimed_at = wall_clock()
            rows, taken_over = claim(engine=engine, now=now, limit=batch, token=token, lease=lease,
                                     lease_now=claimed_at, orgs=orgs)
            if not rows:
                return report
            keeper.claimed(claimed_at)
            if taken_over:
                report.taken_over += taken_over
                log.warning("took over %d outbox rows whose sender stopped before it was done", taken_over)
            by_id = {r.id: r for r in rows}
            owners = _owners(engine, rows) if links is not None else {}
            with engine.connect() as conn:
                parts = digest_parts.for_payloads(conn, [r.payload for r in rows])
            mails = []
            for r in rows:
                try:
                    message = render_digest(digest_from_payload(r, links=links, owners=owners, parts=parts),
                                            templates_dir=templates_dir, mail_from=smtp.mail_from,
                                            message_id=r.message_id)
                except (DondocError, LookupError) as err:  # a bad address or template, a part missing: this row, not the batch
                    _record(engine=engine, row=r, res=DeliveryResult(r.id, "failed", {}, str(err)), now=now,
                            token=token, report=report)
                    continue
                mails.append(OutgoingMail(outbox_id=r.id, to=[r.recipient_email], message=message))
            recorded: set[str] = set()

            def on_result(res: DeliveryResult) -> None:
                nonlocal done
                _record(engine=engine, row=by_id[res.outbox_id], res=res, now=now, token=token, report=report)
                recorded.add(res.outbox_id)
                done += 1
                if on_progress is not None:
                    on_progress(done, max(total, done))

            try:
                results = send_batch_sync(mails, config=smtp, on_result=on_result, keep_going=keeper.held)
            except MailServerError:
                _release(engine=engine, token=token)
                raise
            for res in results:
                if res.outbox_id not in recorded and res.error != NOT_ATTEMPTED:
                    on_result(res)
            if not keeper.held():  # its hold ran short: what it did not send is for the next sender
                _release(engine=engine, token=token)
                report.stopped_early = True
                log.warning("outbox lease could not be renewed in time: stopped sending, rows released")
                return report


def _release(*, engine: Engine, token: str) -> None:
    with session_scope(engine) as s:
        s.execute(update(m.Outbox).where(col(m.Outbox.claim_token) == token, col(m.Outbox.status) == "sending")
                  .values(status="pending", claim_token=None, claim_expires_at=None))


def _record(*, engine: Engine, row: m.Outbox, res: DeliveryResult, now: datetime, token: str,
            report: DeliveryReport) -> None:
    """Record one outcome in its own transaction, if the row is still ours."""
    with session_scope(engine) as s:
        cur = s.get(m.Outbox, row.id)
        if cur is None or cur.claim_token != token:
            return  # the lease ran out and someone else took it
        cur.claim_token, cur.claim_expires_at = None, None
        refused = "; ".join(f"{a}: {c} {t}" for a, (c, t) in res.refused.items())
        if res.status == "retry":
            cur.attempts += 1
            cur.last_error = res.error or refused or "retry"
            if cur.attempts >= MAX_ATTEMPTS:
                cur.status = "failed"
                report.failed += 1
            else:
                cur.status, cur.next_attempt_at = "pending", now + backoff(cur.attempts)
                report.retry += 1
        elif res.status == "sent":
            cur.status, cur.sent_at, cur.attempts = "sent", now, cur.attempts + 1
            if res.refused:
                cur.last_error = refused
                report.refused.extend(res.refused)
            report.sent += 1
        else:
            cur.status, cur.attempts = "failed", cur.attempts + 1
            cur.last_error = res.error or refused
            report.failed += 1
            report.refused.extend(res.refused or {row.recipient_email: (0, "")})
        s.add(cur)
