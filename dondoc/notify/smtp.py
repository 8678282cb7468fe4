"""Push a batch of rendered messages through SMTP on a small pool of reused connections.

Outcomes per outbox row:
- "sent": the server took the message for at least one recipient; `refused` lists any it refused.
- "retry": a 4xx answer, or the connection dropped mid-message; try again after `backoff()`.
- "failed": a 5xx answer for every recipient (or for the sender/the data): never retried, shown to admins.
A server that cannot be reached at all raises SmtpUnavailableError and nothing is marked: it all
stays queued. A server that goes away mid-batch: rows it answered keep their outcome, the rest "retry".
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import aiosmtplib
from aiosmtplib import (
    SMTPException,
    SMTPNotSupported,
    SMTPRecipientsRefused,
    SMTPResponseException,
    SMTPServerDisconnected,
)

from dondoc.errors import SmtpUnavailableError
from dondoc.notify.mime import wire_bytes
from dondoc.notify.model import DeliveryResult, DeliveryStatus, OutgoingMail, SmtpConfig

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8  # with backoff(): 1, 2, 4, 8, 16, 32, 60 min between tries, about 2 h in all
_SEND_TRIES_PER_BATCH = 2  # a message whose connection dropped is re-sent once on a fresh connection
UNREACHABLE = "unreachable"


def backoff(attempt: int, *, base_seconds: float = 60, cap_seconds: float = 3600) -> timedelta:
    """How long to wait after the `attempt`-th failed try (1-based): base · 2^(attempt-1), capped."""
    exponent = max(attempt, 1) - 1
    return timedelta(seconds=min(cap_seconds, base_seconds * 2 ** min(exponent, 32)))


OnResult = Callable[[DeliveryResult], None]


def send_batch_sync(
    mails: Sequence[OutgoingMail], *, config: SmtpConfig, on_result: OnResult | None = None
) -> list[DeliveryResult]:
    """`send_batch` for synchronous callers, including ones already inside an event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(send_batch(list(mails), config=config, on_result=on_result))
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, send_batch(list(mails), config=config, on_result=on_result)).result()


async def send_batch(
    mails: list[OutgoingMail], *, config: SmtpConfig, on_result: OnResult | None = None
) -> list[DeliveryResult]:
    """Send every mail, `config.pool_size` connections at a time; one result per mail, in order.

    `on_result` is called with each message's result as soon as the server has answered it,
    so a caller can record it before the next one goes out: a crash then repeats at most the
    messages in flight.
    """
    if not mails:
        return []
    wanted = max(1, min(config.pool_size, len(mails)))
    opened = await asyncio.gather(*(_connect(config) for _ in range(wanted)), return_exceptions=True)
    clients = [c for c in opened if isinstance(c, aiosmtplib.SMTP)]
    failures = [e for e in opened if isinstance(e, BaseException)]
    if not clients:
        raise SmtpUnavailableError(config.host, config.port, _reason(failures[0]))
    if failures:
        log.warning("opened %d of %d SMTP connections: %s", len(clients), wanted, _reason(failures[0]))

    batch = _Batch(mails, on_result)
    await asyncio.gather(*(batch.worker(client, config) for client in clients))

    if batch.queue:  # every connection is gone and could not be reopened
        for index, _ in batch.queue:
            batch.results[index] = DeliveryResult(mails[index].outbox_id, "retry", {}, f"{UNREACHABLE}: {batch.lost}")
    if not batch.answered:
        raise SmtpUnavailableError(config.host, config.port, batch.lost or "connection lost")
    return [batch.results[i] for i in range(len(mails))]


class _Batch:
    """The shared queue the pool's connections drain, and what each row came to."""

    def __init__(self, mails: list[OutgoingMail], on_result: OnResult | None = None) -> None:
        self.mails = mails
        self.on_result = on_result
        self.queue: deque[tuple[int, OutgoingMail]] = deque(enumerate(mails))
        self.results: dict[int, DeliveryResult] = {}
        self.tries = [0] * len(mails)
        self.answered = False  # the server answered at least one message: the batch is not "all queued"
        self.lost = ""

    def _done(self, index: int, result: DeliveryResult) -> None:
        self.results[index] = result
        if self.on_result is not None:
            self.on_result(result)

    async def worker(self, client: aiosmtplib.SMTP | None, config: SmtpConfig) -> None:
        try:
            while self.queue:
                index, mail = self.queue.popleft()
                if client is None or not client.is_connected:
                    try:
                        client = await _connect(config)
                    except (SMTPException, OSError) as err:
                        self.queue.appendleft((index, mail))
                        self.lost = _reason(err)
                        log.warning("SMTP connection could not be reopened: %s", self.lost)
                        client = None
                        return
                self.tries[index] += 1
                try:
                    self._done(index, await _send_one(client, mail, config))
                    self.answered = True
                except (SMTPServerDisconnected, asyncio.TimeoutError, OSError) as err:
                    # The server may or may not have the message; the stable Message-ID makes a re-send
                    # recognisable. Reopen and try once more, then leave it to the next sweep.
                    await _close(client)
                    client = None
                    self.lost = _reason(err)
                    if self.tries[index] < _SEND_TRIES_PER_BATCH:
                        self.queue.appendleft((index, mail))
                    else:
                        self._done(index, DeliveryResult(mail.outbox_id, "retry", {}, f"connection lost: {self.lost}"))
                except Exception as err:  # a bug must not lose the outcomes of the rest of the batch
                    log.exception("unexpected error sending outbox row %s", mail.outbox_id)
                    await _close(client)
                    client = None
                    self._done(index, DeliveryResult(mail.outbox_id, "retry", {}, f"{type(err).__name__}: {err}"))
        finally:
            if client is not None:
                await _close(client, polite=True)


async def _send_one(client: aiosmtplib.SMTP, mail: OutgoingMail, config: SmtpConfig) -> DeliveryResult:
    """One message on an open connection; SMTP answers become a result, connection trouble raises."""
    try:
        wire = wire_bytes(mail.message)
        if wire is not None and all(addr.isascii() for addr in mail.to):
            refused, _ = await client.sendmail(config.mail_from, mail.to, wire)
        else:
            refused, _ = await client.send_message(mail.message, sender=config.mail_from, recipients=mail.to)
    except SMTPRecipientsRefused as err:
        codes = {e.recipient: (e.code, e.message) for e in err.recipients}
        status: DeliveryStatus = "retry" if any(_transient(code) for code, _ in codes.values()) else "failed"
        return DeliveryResult(mail.outbox_id, status, codes, _summary(codes))
    except SMTPServerDisconnected:
        raise
    except SMTPResponseException as err:  # sender refused, data refused, 421 closing, ...
        answer: DeliveryStatus = "retry" if _transient(err.code) else "failed"
        return DeliveryResult(mail.outbox_id, answer, {}, f"{err.code} {err.message}")
    except (SMTPNotSupported, ValueError) as err:  # e.g. a non-ASCII address and no SMTPUTF8: never works
        return DeliveryResult(mail.outbox_id, "failed", {}, str(err))
    codes = {addr: (resp.code, resp.message) for addr, resp in refused.items()}
    return DeliveryResult(mail.outbox_id, "sent", codes, _summary(codes) if codes else None)


async def _connect(config: SmtpConfig) -> aiosmtplib.SMTP:
    client = aiosmtplib.SMTP(
        hostname=config.host,
        port=config.port,
        username=config.username,
        password=config.password,
        timeout=config.timeout,
        use_tls=config.implicit_tls,
        start_tls=False if config.implicit_tls else config.starttls,
        cert_bundle=config.cert_bundle,
    )
    await client.connect()
    return client


async def _close(client: aiosmtplib.SMTP, *, polite: bool = False) -> None:
    if polite and client.is_connected:
        try:
            await client.quit()
            return
        except (SMTPException, OSError, asyncio.TimeoutError):
            pass
    client.close()


def _transient(code: int) -> bool:
    return 400 <= code < 500


def _summary(codes: dict[str, tuple[int, str]]) -> str:
    return "; ".join(f"{addr}: {code} {message}" for addr, (code, message) in codes.items())


def _reason(err: BaseException) -> str:
    text = str(err) or type(err).__name__
    return text.splitlines()[0] if text else type(err).__name__
