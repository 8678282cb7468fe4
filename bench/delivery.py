"""Delivery benchmark: 10,000 digests to one local SMTP sink, three ways.

    python bench/delivery.py [--count 10000] [--prefect-count 2000] [--submit-count 300] [--pool 8]

1. dondoc: render_digest + send_batch (aiosmtplib, a pool of reused connections)
2. prefect-email, its documented way: EmailServerCredentials + email_send_message inside one flow,
   calls awaited one by one (and, smaller, with .submit as its docs show)
3. stdlib smtplib, one connection per message

The sink runs in its own process (so it does not share the sender's interpreter) and counts what
it accepts; dondoc's Message-IDs are checked for loss and duplicates. By default it is a minimal
asyncio SMTP receiver, because aiosmtpd itself tops out near dondoc's rate (~2,200 messages/s on
a 2-core machine) and would be the bottleneck; `--sink aiosmtpd` uses aiosmtpd instead. Its
ceiling is measured first with a pipelined raw-socket client, and for every sender the sink's
own receive rate (first to last message) is printed, so the figures are the senders', not the
sink's. The sink stores nothing on disk (the Mailbox writes .eml files; that is tested elsewhere).
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing as mp
import os
import re
import smtplib
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

HOST = "127.0.0.1"
MAIL_FROM = "dondoc@example.vn"
_MESSAGE_ID = re.compile(rb"^Message-ID: <([^>]+)>", re.MULTILINE | re.IGNORECASE)


# --- the sink ------------------------------------------------------------------------------------


class CountingHandler:
    """Accepts everything; counts messages and remembers Message-IDs (to check loss and duplicates)."""

    def __init__(self) -> None:
        self.count = 0
        self.ids: set[bytes] = set()
        self.duplicates = 0
        self.first = 0.0
        self.last = 0.0

    async def handle_DATA(self, server, session, envelope) -> str:  # type: ignore[no-untyped-def]
        self.received(envelope.original_content[:4096])
        return "250 OK"

    def received(self, head: bytes) -> None:
        now = time.perf_counter()
        if not self.count:
            self.first = now
        self.last = now
        self.count += 1
        found = _MESSAGE_ID.search(head)
        if found:
            if found.group(1) in self.ids:
                self.duplicates += 1
            self.ids.add(found.group(1))


class LeanSmtp(asyncio.Protocol):
    """A minimal SMTP receiver (answers, counts, keeps Message-IDs): a sink that costs the sender nothing."""

    EHLO = b"250-sink\r\n250-SIZE 33554432\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n"

    def __init__(self, handler: CountingHandler) -> None:
        self.handler = handler
        self.buffer = bytearray()
        self.in_data = False

    def connection_made(self, transport) -> None:  # type: ignore[no-untyped-def]
        self.transport = transport
        transport.write(b"220 sink ESMTP\r\n")

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        buf = self.buffer
        replies = []
        while True:
            if self.in_data:
                if buf.startswith(b".\r\n"):
                    end, skip = 0, 3
                else:
                    end = buf.find(b"\r\n.\r\n")
                    skip = 5
                    if end < 0:
                        break
                self.handler.received(bytes(buf[: min(end, 4096)]))
                del buf[: end + skip]
                self.in_data = False
                replies.append(b"250 OK\r\n")
                continue
            eol = buf.find(b"\r\n")
            if eol < 0:
                break
            verb = bytes(buf[:4]).upper()
            del buf[: eol + 2]
            if verb == b"DATA":
                self.in_data = True
                replies.append(b"354 End data with <CR><LF>.<CR><LF>\r\n")
            elif verb == b"EHLO":
                replies.append(self.EHLO)
            elif verb == b"QUIT":
                replies.append(b"221 Bye\r\n")
                self.transport.write(b"".join(replies))
                self.transport.close()
                return
            else:
                replies.append(b"250 OK\r\n")
        if replies:
            self.transport.write(b"".join(replies))


def _sink_main(conn, ready, kind: str) -> None:  # type: ignore[no-untyped-def]
    from aiosmtpd.smtp import SMTP

    handler = CountingHandler()

    def factory() -> asyncio.Protocol:
        if kind == "lean":
            return LeanSmtp(handler)
        return SMTP(handler, hostname="sink", ident="sink")

    async def serve() -> None:
        loop = asyncio.get_running_loop()
        server = await loop.create_server(factory, HOST, 0, backlog=512)
        ready.send(server.sockets[0].getsockname()[1])
        stop = asyncio.Event()

        def control() -> None:
            while True:
                cmd = conn.recv()
                if cmd == "stats":
                    conn.send((handler.count, len(handler.ids), handler.duplicates, handler.first, handler.last))
                elif cmd == "reset":
                    handler.__init__()  # type: ignore[misc]
                    conn.send("ok")
                elif cmd == "stop":
                    loop.call_soon_threadsafe(stop.set)
                    conn.send("ok")
                    return

        threading.Thread(target=control, daemon=True).start()
        await stop.wait()
        server.close()

    asyncio.run(serve())


@dataclass
class SinkStats:
    count: int
    unique_ids: int
    duplicates: int
    seconds: float


class Sink:
    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.conn, child = mp.Pipe()
        ready_recv, ready_send = mp.Pipe(duplex=False)
        self.proc = mp.get_context("spawn").Process(target=_sink_main, args=(child, ready_send, kind), daemon=True)
        self.proc.start()
        self.port: int = ready_recv.recv()

    def reset(self) -> None:
        self.conn.send("reset")
        self.conn.recv()

    def stats(self) -> SinkStats:
        self.conn.send("stats")
        count, unique, dup, first, last = self.conn.recv()
        return SinkStats(count, unique, dup, last - first)

    def stop(self) -> None:
        self.conn.send("stop")
        self.conn.recv()
        self.proc.join(10)


# --- the messages ---------------------------------------------------------------------------------


def render_all(count: int) -> tuple[list, float]:  # type: ignore[type-arg]
    from datetime import datetime, timezone

    from dondoc.notify.model import OutgoingMail
    from dondoc.notify.render import message_id_for, render_digest
    from dondoc.notify.samples import sample_digest

    templates = ROOT / "config" / "templates"
    sent_at = datetime(2026, 8, 20, 1, tzinfo=timezone.utc)
    start = time.perf_counter()
    mails = []
    for n in range(count):
        digest = sample_digest(n)
        outbox_id = f"bench-{n}"
        msg = render_digest(
            digest, templates_dir=templates, mail_from=MAIL_FROM,
            message_id=message_id_for(outbox_id, "example.vn"), sent_at=sent_at,
        )
        mails.append(OutgoingMail(outbox_id, [digest.recipient_email], msg))
    return mails, time.perf_counter() - start


# --- senders --------------------------------------------------------------------------------------


def run_dondoc(mails: list, port: int, pool: int) -> float:  # type: ignore[type-arg]
    from dondoc.notify.model import SmtpConfig
    from dondoc.notify.smtp import send_batch_sync

    config = SmtpConfig(HOST, port, None, None, False, False, 30.0, pool, MAIL_FROM)
    start = time.perf_counter()
    results = send_batch_sync(mails, config=config)
    elapsed = time.perf_counter() - start
    bad = [r for r in results if r.status != "sent"]
    if bad:
        raise SystemExit(f"dondoc: {len(bad)} not sent, first: {bad[0]}")
    return elapsed


def run_smtplib(mails: list, port: int) -> float:  # type: ignore[type-arg]
    start = time.perf_counter()
    for mail in mails:
        with smtplib.SMTP(HOST, port, timeout=30) as client:
            client.send_message(mail.message, from_addr=MAIL_FROM, to_addrs=mail.to)
    return time.perf_counter() - start


def run_prefect_email(mails: list, port: int, *, count: int, submit_count: int) -> tuple[float, float]:  # type: ignore[type-arg]
    """prefect-email as documented: credentials block + email_send_message task inside one flow."""
    from prefect import flow
    from prefect_email import EmailServerCredentials, email_send_message
    from prefect_email.credentials import SMTPType

    work = Path(tempfile.mkdtemp(prefix="dondoc-bench-"))
    jobs = []
    for i, mail in enumerate(mails[: max(count, submit_count)]):
        ics = next(p for p in mail.message.iter_attachments()).get_content()
        path = work / f"nhac-viec-{i}.ics"
        path.write_text(ics, encoding="utf-8")
        jobs.append(dict(
            subject=mail.message["Subject"],
            msg=mail.message.get_body(("html",)).get_content(),
            msg_plain=mail.message.get_body(("plain",)).get_content(),
            email_from=MAIL_FROM,
            email_to=mail.to,
            attachments=[str(path)],
        ))

    @flow(name="bench-prefect-email", log_prints=False)
    async def send_all() -> tuple[float, float]:
        credentials = EmailServerCredentials(
            smtp_server=HOST, smtp_port=port, smtp_type=SMTPType.INSECURE
        )
        start = time.perf_counter()
        for job in jobs[:count]:
            await email_send_message(email_server_credentials=credentials, **job)
        awaited = time.perf_counter() - start

        start = time.perf_counter()
        futures = [email_send_message.submit(email_server_credentials=credentials, **job) for job in jobs[:submit_count]]
        for future in futures:
            future.result()
        submitted = time.perf_counter() - start
        return awaited, submitted

    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):  # a throwaway server and database, not timed
        return asyncio.run(send_all())


# --- the sink's own ceiling -----------------------------------------------------------------------


async def _blast_one(port: int, payload: bytes, n: int, chunk: int) -> None:
    reader, writer = await asyncio.open_connection(HOST, port)
    await reader.readline()
    writer.write(b"EHLO blast\r\n")
    while not (await reader.readline()).startswith(b"250 "):
        pass
    sent = 0
    while sent < n:
        k = min(chunk, n - sent)
        writer.write(payload * k)
        await writer.drain()
        for _ in range(4 * k):  # 250 MAIL, 250 RCPT, 354 DATA, 250 queued
            line = await reader.readline()
            if not line or line[:1] not in (b"2", b"3"):
                raise RuntimeError(f"sink answered {line!r}")
        sent += k
    writer.write(b"QUIT\r\n")
    await writer.drain()
    writer.close()


def blast(port: int, body: bytes, total: int, connections: int = 4, chunk: int = 25) -> float:
    """Push `total` messages with pipelined raw SMTP (the cheapest possible client)."""
    stuffed = re.sub(rb"(?m)^\.", b"..", body.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    payload = b"MAIL FROM:<blast@example.vn>\r\nRCPT TO:<sink@example.vn>\r\nDATA\r\n" + stuffed + b"\r\n.\r\n"
    per = total // connections

    async def main() -> None:
        await asyncio.gather(*(_blast_one(port, payload, per, chunk) for _ in range(connections)))

    start = time.perf_counter()
    asyncio.run(main())
    return time.perf_counter() - start


# --- main -----------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10_000, help="messages for dondoc and smtplib")
    parser.add_argument("--prefect-count", type=int, default=2_000, help="messages for prefect-email, awaited")
    parser.add_argument("--submit-count", type=int, default=300, help="messages for prefect-email with .submit")
    parser.add_argument("--pool", type=int, default=8, help="dondoc's connection pool size")
    parser.add_argument("--skip-prefect", action="store_true")
    parser.add_argument(
        "--sink", choices=["lean", "aiosmtpd"], default="lean",
        help="lean: a minimal asyncio SMTP receiver (default); aiosmtpd: the server dondoc's Mailbox uses",
    )
    args = parser.parse_args()

    os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="dondoc-bench-prefect-"))
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "CRITICAL")  # the figures, not its shutdown noise
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "CRITICAL")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

    from aiosmtplib.email import flatten_message

    print(f"rendering {args.count} digests ...", flush=True)
    mails, render_s = render_all(args.count)
    size = len(flatten_message(mails[0].message))
    print(f"render   {args.count:>6} digests in {render_s:6.2f} s = {args.count / render_s:8.0f} /s  (one message ≈ {size / 1024:.1f} KiB)")

    sink = Sink(args.sink)
    rows: dict[str, tuple[int, float]] = {}
    try:
        def check(label: str, expected: int, *, ids: bool) -> SinkStats:
            """Zero loss: the sink's count (and distinct Message-IDs) equal what was sent."""
            stats = sink.stats()
            problems = []
            if stats.count != expected:
                problems.append(f"sink counted {stats.count}, expected {expected}")
            if ids and (stats.unique_ids != expected or stats.duplicates):
                problems.append(f"{stats.unique_ids} distinct Message-IDs, {stats.duplicates} duplicates")
            if problems:
                raise SystemExit(f"{label}: LOSS: " + "; ".join(problems))
            sink.reset()
            return stats

        def recv(stats: SinkStats) -> str:
            return f"sink received at {stats.count / stats.seconds:.0f}/s" if stats.seconds > 0 else "sink: one message"

        body = flatten_message(mails[0].message)
        t = blast(sink.port, body, args.count)
        s = check("sink ceiling", args.count, ids=False)
        print(f"sink     {args.count:>6} msgs  in {t:6.2f} s = {args.count / t:8.0f} /s  ({args.sink} sink, its ceiling: pipelined raw client, 4 connections)")

        t = run_dondoc(mails, sink.port, args.pool)
        s = check("dondoc", args.count, ids=True)
        rows["dondoc"] = (args.count, t)
        print(f"dondoc   {args.count:>6} msgs  in {t:6.2f} s = {args.count / t:8.0f} /s  (pool {args.pool}; sink got {s.count}, {s.unique_ids} distinct Message-IDs, 0 duplicates; {recv(s)})")

        t = run_smtplib(mails, sink.port)
        s = check("smtplib", args.count, ids=True)
        rows["smtplib"] = (args.count, t)
        print(f"smtplib  {args.count:>6} msgs  in {t:6.2f} s = {args.count / t:8.0f} /s  (one connection per message; sink got {s.count}; {recv(s)})")

        if not args.skip_prefect:
            print("prefect-email: starting a flow under prefect_test_harness (its temporary server starts first, not timed) ...", flush=True)
            awaited, submitted = run_prefect_email(mails, sink.port, count=args.prefect_count, submit_count=args.submit_count)
            s = check("prefect-email", args.prefect_count + args.submit_count, ids=False)
            rows["prefect-email"] = (args.prefect_count, awaited)
            rows["prefect-email .submit"] = (args.submit_count, submitted)
            print(f"prefect  {args.prefect_count:>6} msgs  in {awaited:6.2f} s = {args.prefect_count / awaited:8.0f} /s  (email_send_message awaited one by one in a flow)")
            print(f"prefect  {args.submit_count:>6} msgs  in {submitted:6.2f} s = {args.submit_count / submitted:8.0f} /s  (email_send_message.submit, then results)")
            print(f"         sink got {s.count} = {args.prefect_count} + {args.submit_count}")
    finally:
        sink.stop()

    rate = {k: n / t for k, (n, t) in rows.items()}
    print()
    print(f"dondoc / smtplib (one connection per message): {rate['dondoc'] / rate['smtplib']:5.1f}x   (target >= 2x)")
    if "prefect-email" in rate:
        print(f"dondoc / prefect-email awaited:                {rate['dondoc'] / rate['prefect-email']:5.1f}x   (target >= 5x)")
        print(f"dondoc / prefect-email .submit:                {rate['dondoc'] / rate['prefect-email .submit']:5.1f}x")


if __name__ == "__main__":
    main()
