"""The sweep's writer thread (dondoc.store.writer) and the next notice dates cut into its writes."""

from __future__ import annotations

import threading
from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st
from sqlalchemy import text
from sqlmodel import Session, create_engine

from dondoc.store.notice_facts import date_writes
from dondoc.store.writer import Writer


def _session(tmp_path):  # type: ignore[no-untyped-def]
    engine = create_engine(f"sqlite:///{tmp_path / 'w.db'}")
    with engine.begin() as c:
        c.execute(text("CREATE TABLE t (n INTEGER)"))
    return Session(engine)


def test_writes_run_in_order_on_another_thread_in_the_session_transaction(tmp_path) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[int, str]] = []
    with _session(tmp_path) as session:
        with Writer(session) as writer:
            for n in range(5):
                writer.submit(lambda conn, n=n: (seen.append((n, threading.current_thread().name)),
                                                 conn.exec_driver_sql(f"INSERT INTO t VALUES ({n})")))
            last = writer.submit(lambda conn: conn.exec_driver_sql("SELECT count(*) FROM t").scalar())
            writer.drain()
            assert last.result() == 5
        assert [n for n, _ in seen] == list(range(5))
        assert all(name.startswith("dondoc-writer") for _, name in seen)
        session.rollback()  # the writes were the session's own transaction's
        assert session.connection().exec_driver_sql("SELECT count(*) FROM t").scalar() == 0


def test_a_failed_write_is_raised_by_drain_and_the_later_ones_do_not_hide_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with _session(tmp_path) as session:
        with pytest.raises(ZeroDivisionError):
            with Writer(session) as writer:
                writer.submit(lambda conn: 1 / 0)
                writer.submit(lambda conn: None)
        with pytest.raises(RuntimeError, match="stop"):  # an error in the planning thread waits for the writes
            with Writer(session) as writer:
                writer.submit(lambda conn: conn.exec_driver_sql("INSERT INTO t VALUES (1)"))
                raise RuntimeError("stop")
        assert session.connection().exec_driver_sql("SELECT count(*) FROM t").scalar() == 1


_DAY = date(2026, 6, 15)
_keys = st.tuples(st.integers(0, 3).map(lambda d: _DAY + timedelta(days=d)),
                  st.integers(4, 6).map(lambda d: _DAY + timedelta(days=d)), st.sampled_from(["reminder", None]))


@given(st.dictionaries(_keys, st.lists(st.integers(1, 10_000), min_size=1, unique=True), max_size=6),
       st.integers(1, 20))
def test_date_writes_cover_every_date_once_in_about_the_slices_asked(updates, slices) -> None:  # type: ignore[no-untyped-def]
    writes = date_writes(updates, slices)
    parts = [w.keywords["updates"] for w in writes if "updates" in w.keywords]  # type: ignore[attr-defined]
    got = sorted((repr(key), i) for part in parts for key, ids in part.items() for i in ids)
    assert got == sorted((repr(key), i) for key, ids in updates.items() for i in ids)
    total = sum(len(ids) for ids in updates.values())
    assert len(parts) <= slices
    if total:
        assert writes[-1].keywords == {"written": total}  # type: ignore[attr-defined]  # the statistics last
    else:
        assert writes == []
