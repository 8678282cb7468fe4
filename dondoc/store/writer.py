"""A sweep's bulk writes run by a second thread, in order, on the session's own connection (its transaction),
while the planning thread composes what comes next.

A busy day at 1M writes 295,000 notices, 30,000 digests and 295,000 next notice dates: on PostgreSQL about
6 s of the server's time, during which the planner used to wait; and the planner's own 7 s of Python came
before and after, one after the other. Here each write is handed over as it is ready and the planner goes
on: the server inserts a batch's notices while the planner composes that batch's digests, and moves the
dates while the planner composes the first batch. The driver lets the other thread run while it waits for
the server (psycopg) or inside SQLite's engine (one statement a write: `sqlite3` releases the interpreter
for each step of a statement, so an executemany of 5,000 rows would hand it over 5,000 times).

The rule: while writes are pending, the planning thread does not touch the session; it calls `drain()`
first, which waits for them and raises the first error. Leaving the `with` block waits for every write
(and, after an error, for the ones still running, so the rollback finds the connection free).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy.engine import Connection
from sqlmodel import Session

T = TypeVar("T")


class Writer:
    """One thread that runs the writes handed to it in the order given, each with the session's connection."""

    def __init__(self, session: Session) -> None:
        self.conn: Connection = session.connection()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dondoc-writer")
        self._pending: list[Future[Any]] = []

    def submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        """Run `fn(conn, *args)` after the writes handed over before; its future gives its result."""
        future = self._pool.submit(fn, self.conn, *args)
        self._pending.append(future)
        return future

    def drain(self) -> None:
        """Wait for every write handed over so far; the first error is raised here."""
        pending, self._pending = self._pending, []
        for future in pending:
            future.result()

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        try:
            if kind is None:
                self.drain()
        finally:  # after an error: the writes already running end before the connection is rolled back
            for future in self._pending:
                future.cancel()
            self._pool.shutdown(wait=True)
            self._pending = []
