"""Push a batch of rendered messages through SMTP on a small pool of reused connections.

Outcomes per outbox row:
- "sent": the server took the message for at least one recipient; `refused` lists any it refused.
- "retry": a 4xx answer, or the connection dropped mid-message; try again after `backoff()`.
- "failed": a 5xx answer for every recipient (or for the sender/the data): never retried, shown to admins.
A server that cannot be reached at all raises SmtpUnavailableError, one that refuses the login
SmtpAuthError, one that would take the password in clear SmtpPlaintextAuthError: nothing is marked,
it all stays queued. A server that goes away mid-batch: rows it answered keep their outcome, the rest "retry".
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import aiosmtplib
from aiosmtplib import (
    SMTPAuthenticationError,
    SMTPException,
    SMTPNotSupported,
    SMTPRecipientsRefused,
    SMTPResponseException,
    SMTPServerDisconnected,
)

from dondoc.errors import MailServerError, SmtpAuthError, SmtpPlaintextAuthError, SmtpUnavailableError
from dondoc.notify.mime import wire_bytes
from dondoc.notify.model import DeliveryResult, DeliveryStatus, OutgoingMail, SmtpConfig

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8  # with backoff(): 1, 2, 4, 8, 16, 32, 60 min between tries, about 2 h in all
_SEND_TRIES_PER_BATCH = 2  # a message whose connection dropped is re-sent once on a fresh connection
UNREACHABLE = "unreachable"
NOT_ATTEMPTED = "not attempted: the sender stopped (its hold on the message ran out)"


def backoff(attempt: int, *, base_seconds: float = 60, cap_seconds: float = 3600) -> timedelta:
    """How long to wait after the `attempt`-th failed try (1-based): base · 2^(attempt-1), capped."""
    exponent = max(attempt, 1) - 1
    return timedelta(seconds=min(cap_seconds, base_seconds * 2 ** min(exponent, 32)))


OnResult = Callable[[DeliveryResult], None]


def send_batch_sync(
    mails: Sequence[OutgoingMail], *, config: SmtpConfig, on_result: OnResult | None = None,
    keep_going: Callable[[], bool] | None = None,
) -> list[DeliveryResult]:
    """`send_batch` for synchronous callers, including ones already inside an event loop."""
    batch = send_batch(list(mails), config=config, on_result=on_result, keep_going=keep_going)
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(batch)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, batch).result()


async def send_batch(
    mails: list[OutgoingMail], *, config: SmtpConfig, on_result: OnResult | None = None,
    keep_going: Callable[[], bool] | None = None,
) -> list[DeliveryResult]:
    """Send every mail, `config.pool_size` connections at a time; one result per mail, in order.

    `on_result` is called with each message's result as soon as the server has answered it,
    so a caller can record it before the next one goes out: a crash then repeats at most the
    messages in flight.
    """
    if not mails:
        return []
    wanted = max(1, min(config.pool_size, len(mails)))
    # With a login, one connection first: a wrong password is tried once, not once per pooled
    # connection (servers lock accounts after a few failures), and a refusal stops everything.
    first = 1 if config.username else wanted
    opened: list[aiosmtplib.SMTP | BaseException] = []
    for count in (first, wanted - first):
        if count:
            opened += await asyncio.gather(*(_connect(config) for _ in range(count)), return_exceptions=True)
            refusal = next((e for e in opened if isinstance(e, MailServerError)), None)
            if refusal is not None:  # a refused or unsafe login: no connection will do better
                for c in opened:
                    if isinstance(c, aiosmtplib.SMTP):
                        await _close(c, polite=True)
                raise refusal
    clients = [c for c in opened if isinstance(c, aiosmtplib.SMTP)]
    failures = [e for e in opened if isinstance(e, BaseException)]
    if not clients:
        raise SmtpUnavailableError(config.host, config.port, _reason(failures[0]))
    if failures:
        log.warning("opened %d of %d SMTP connections: %s", len(clients), wanted, _reason(failures[0]))

    batch = _Batch(mails, on_result, keep_going)
    await asyncio.gather(*(batch.worker(client, config) for client in clients))

    if batch.queue:  # told to stop, or every connection is gone and could not be reopened
        why = NOT_ATTEMPTED if batch.stopped else f"{UNREACHABLE}: {batch.lost}"
        for index, _ in batch.queue:
            batch.results[index] = DeliveryResult(mails[index].outbox_id, "retry", {}, why)
    if not batch.answered and not batch.stopped:
        raise SmtpUnavailableError(config.host, config.port, batch.lost or "mất kết nối")
    return [batch.results[i] for i in range(len(mails))]


class _Batch:
    """The shared queue the pool's connections drain, and what each row came to."""

    def __init__(self, mails: list[OutgoingMail], on_result: OnResult | None = None,
                 keep_going: Callable[[], bool] | None = None) -> None:
        self.mails = mails
        self.on_result = on_result
        self.keep_going = keep_going  # asked before each message; False stops every connection
        self.stopped = False
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
                if self.stopped or (self.keep_going is not None and not self.keep_going()):
                    self.stopped = True
                    return
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
    """An open connection, encrypted where the server offers it, logged in when credentials are set.

    The login happens only over TLS (implicit, or after STARTTLS): without it the password would cross
    the network in clear. DONDOC_SMTP_ALLOW_PLAINTEXT_AUTH lifts that for a server on a loopback
    address only (the connection never leaves the machine).
    """
    client = aiosmtplib.SMTP(
        hostname=config.host,
        port=config.port,
        timeout=config.timeout,
        use_tls=config.implicit_tls,
        start_tls=False if config.implicit_tls else config.starttls,
        cert_bundle=config.cert_bundle,
    )
    await client.connect()
    if config.username:
        encrypted = client.get_transport_info("sslcontext") is not None
        if not encrypted and not (config.allow_plaintext_auth and is_loopback(client.get_transport_info("peername"))):
            client.close()
            raise SmtpPlaintextAuthError(config.host, config.port)
        try:
            await client.login(config.username, config.password or "")
        except SMTPAuthenticationError as err:
            client.close()
            raise SmtpAuthError(config.host, config.port, f"{err.code} {err.message}") from None
    return client


def is_loopback(peer: object) -> bool:
    """Whether a socket's peer address (host, port, …) is on this machine (127.0.0.0/8, ::1)."""
    if not isinstance(peer, tuple) or not peer:
        return False
    try:
        address = ipaddress.ip_address(str(peer[0]).split("%")[0])
    except ValueError:
        return False
    mapped = getattr(address, "ipv4_mapped", None)
    return bool((mapped or address).is_loopback)


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
