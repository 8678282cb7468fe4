"""A local SMTP server (aiosmtpd) that keeps every message as an .eml file.

The embedded default for trying dondoc out (`dondoc mailbox`) and the real server the tests send to.
Files are named so that sorting them gives arrival order, and written atomically (temp file +
rename), so a reader never sees half a message. `FailPlan` scripts answers for tests: 4xx for
the first N messages, 5xx for chosen recipients.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import itertools
import os
import signal
import socket
import ssl
import tempfile
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.message import EmailMessage
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session


@dataclass
class FailPlan:
    """Scripted answers: `temp_failures` DATA attempts answered `temp_code`, then normal service;
    RCPT for any address in `reject` answered `reject_code`; after `stop_after` accepted messages
    the server goes away (stops listening and drops every connection); each message is answered
    `delay` seconds after its data arrived (a slow server)."""

    temp_failures: int = 0
    temp_code: int = 451
    reject: set[str] = field(default_factory=set)
    reject_code: int = 550
    stop_after: int | None = None
    delay: float = 0.0

    def __post_init__(self) -> None:
        self.reject = {a.lower() for a in self.reject}
        self._lock = threading.Lock()

    def take_temp_failure(self) -> bool:
        with self._lock:
            if self.temp_failures > 0:
                self.temp_failures -= 1
                return True
            return False


class MailboxHandler:
    """aiosmtpd handler: one .eml per accepted message, envelope kept in X-Envelope-* headers."""

    def __init__(self, directory: Path, *, fail_plan: FailPlan | None = None, store: bool = True) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.fail_plan = fail_plan
        self.store = store
        self.received = 0
        self._seq = itertools.count(1)
        self.go_away: Callable[[], None] | None = None  # set by Mailbox: stop listening, drop connections
        self.tls_messages = 0  # accepted over an encrypted session (STARTTLS or implicit TLS)

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, rcpt_options: list[str]
    ) -> str:
        if self.fail_plan and address.lower() in self.fail_plan.reject:
            return f"{self.fail_plan.reject_code} 5.1.1 <{address}>: recipient rejected (scripted)"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if self.fail_plan and self.fail_plan.delay:
            await asyncio.sleep(self.fail_plan.delay)
        if self.fail_plan and self.fail_plan.take_temp_failure():
            return f"{self.fail_plan.temp_code} 4.3.0 try again later (scripted)"
        seq = next(self._seq)
        transport = getattr(server, "transport", None)
        if session.ssl is not None or (transport is not None and transport.get_extra_info("ssl_object") is not None):
            self.tls_messages += 1
        if self.store:
            self._write(seq, envelope)
        self.received += 1
        if self.fail_plan and self.fail_plan.stop_after is not None and self.received >= self.fail_plan.stop_after:
            if self.go_away is not None:
                asyncio.get_running_loop().call_soon(self.go_away)  # after this 250 has been written
        return "250 Message accepted for delivery"

    def _write(self, seq: int, envelope: Envelope) -> None:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        name = f"{stamp}-{seq:08d}.eml"
        content = envelope.original_content or envelope.content or b""
        if isinstance(content, str):
            content = content.encode("utf-8")
        head = (
            f"X-Envelope-From: <{envelope.mail_from}>\r\n"
            f"X-Envelope-To: {', '.join(envelope.rcpt_tos)}\r\n"
        ).encode("utf-8")
        fd, tmp = tempfile.mkstemp(prefix=".incoming-", suffix=".tmp", dir=self.directory)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(head + content)
            os.replace(tmp, self.directory / name)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


class _Authenticator:
    """Accepts the given user → password pairs (test servers only)."""

    def __init__(self, logins: dict[str, str]) -> None:
        self.logins = logins
        self.attempts = 0  # AUTH commands received: a test can tell that no password was sent

    def __call__(self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any) -> AuthResult:
        self.attempts += 1
        if isinstance(data, LoginPassword):
            user, password = data.login.decode(), data.password.decode()
            ok = user in self.logins and self.logins[user] == password
            return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 535 itself
        return AuthResult(success=False, handled=False)


class _Controller(Controller):
    """aiosmtpd's threaded Controller, able to listen on port 0 (learns the port before its self-test)."""

    def _trigger_server(self) -> None:
        if self.port == 0 and self.server is not None:
            self.port = self.server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]
        super()._trigger_server()


class Mailbox:
    """A running local SMTP server storing mail in `directory`; use as a context manager."""

    def __init__(
        self,
        directory: Path,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        fail_plan: FailPlan | None = None,
        store: bool = True,
        tls: Literal["none", "starttls", "implicit"] = "none",
        certfile: Path | None = None,
        keyfile: Path | None = None,
        logins: dict[str, str] | None = None,
    ) -> None:
        self.directory = Path(directory)
        self.host = host
        self.handler = MailboxHandler(self.directory, fail_plan=fail_plan, store=store)
        options: dict[str, Any] = {"enable_SMTPUTF8": True, "data_size_limit": 50 * 1024 * 1024}
        self.authenticator = _Authenticator(logins) if logins is not None else None
        if self.authenticator is not None:
            options |= {
                "authenticator": self.authenticator,
                "auth_required": True,
                "auth_require_tls": tls == "starttls",  # plain-text AUTH on 127.0.0.1 is for tests only
            }
        if tls != "none":
            if certfile is None:
                raise ValueError("a TLS mailbox needs certfile (and keyfile)")
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(str(certfile), str(keyfile) if keyfile else None)
            if tls == "starttls":
                options |= {"tls_context": context, "require_starttls": True}
            else:
                options["ssl_context"] = context
        self._controller = _Controller(self.handler, hostname=host, port=port, **options)
        self._running = False
        self.handler.go_away = self._go_away

    def _go_away(self) -> None:
        """Runs on the server's loop: close the listener and every session, as a crashed server would."""
        if self._controller.server is not None:
            self._controller.server.close()
        self._controller.cancel_tasks(stop_loop=False)

    @property
    def port(self) -> int:
        return int(self._controller.port)

    def start(self) -> Mailbox:
        if self._controller.port:
            try:
                _check_bindable(self.host, int(self._controller.port))
            except OSError:
                # close the controller's unused event loop now: left to the garbage collector, it can be
                # finalised after its own sockets and print a traceback on the way out
                self._controller.loop.close()
                raise
        self._controller.start()
        self._running = True
        return self

    def stop(self) -> None:
        if self._running:
            self._controller.stop()
            self._running = False

    def __enter__(self) -> Mailbox:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()

    def paths(self) -> list[Path]:
        """Stored .eml files in arrival order."""
        return sorted(self.directory.glob("*.eml"))

    def messages(self) -> list[EmailMessage]:
        """Every stored message, parsed, in arrival order."""
        return list(read_messages(self.paths()))

    def count(self) -> int:
        """How many messages the server accepted (stored or not)."""
        return self.handler.received

    @property
    def auth_attempts(self) -> int:
        """How many AUTH commands (each carrying a password) the server received."""
        return self.authenticator.attempts if self.authenticator is not None else 0


def read_messages(paths: Iterable[Path]) -> Iterable[EmailMessage]:
    for path in paths:
        raw = path.read_bytes()
        try:
            # RFC 6532 allows UTF-8 in headers (SMTPUTF8); the bytes parser would leave them as surrogates
            msg: Any = email.message_from_string(raw.decode("utf-8"), policy=email.policy.default)
        except UnicodeDecodeError:
            msg = email.message_from_bytes(raw, policy=email.policy.default)
        yield msg


def free_port(host: str = "127.0.0.1") -> int:
    """A port nothing listens on right now (for tests that need a server that is down)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def _check_bindable(host: str, port: int) -> None:
    """Fail at once with OSError on a port in use (aiosmtpd's Controller would wait out its ready timeout)."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as asyncio's create_server does
        probe.bind((host, port))


def serve_mailbox(
    directory: Path, host: str = "127.0.0.1", port: int = 8025, *, on_ready: Callable[[Mailbox], None] | None = None
) -> None:
    """Run a Mailbox until Ctrl-C or SIGTERM; `on_ready` is called once it accepts connections."""
    stop = threading.Event()
    in_main_thread = threading.current_thread() is threading.main_thread()

    def _on_signal(signum: int, frame: object) -> None:
        stop.set()

    previous = signal.signal(signal.SIGTERM, _on_signal) if in_main_thread else None
    try:
        with Mailbox(directory, host, port) as mailbox:
            if on_ready is not None:
                on_ready(mailbox)
            try:
                while not stop.wait(0.5):
                    pass
            except KeyboardInterrupt:
                pass
    finally:
        if in_main_thread:
            signal.signal(signal.SIGTERM, previous)
