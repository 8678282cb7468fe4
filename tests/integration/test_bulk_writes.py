"""The set-based writes on both databases: JSON columns through insert_ignore, statistics after bulk
writes, and the digests' payload compression on PostgreSQL."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text
from sqlmodel import select

from dondoc.store import models as m
from dondoc.store.bulk import insert_ignore
from dondoc.store.db import get_engine, session_scope, upgrade
from dondoc.store.statistics import MIN_ROWS, refresh_after_bulk


def _task(session) -> int:  # type: ignore[no-untyped-def]
    d = m.Dispatch(identity="x|y", content_sha256="0" * 64)
    session.add(d)
    session.flush()
    t = m.Task(dispatch_id=d.id, key="t1", title="Báo cáo", kind="report")
    session.add(t)
    session.flush()
    assert t.id is not None
    return t.id


def test_json_columns_round_trip_through_insert_ignore_and_conflicts_are_skipped(database_url):
    upgrade(database_url)
    notes = ['gửi "bản giấy" về Văn phòng \\ UBND', "hạn: 15/6"]
    with session_scope(get_engine(database_url)) as s:
        task_id = _task(s)
        row = dict(task_id=task_id, org_code="xa-a", period="2026-06", kind="report", stated_due=date(2026, 6, 15),
                   effective_due=date(2026, 6, 15), status="open", created_at=m.utcnow())
        ids = insert_ignore(s, m.Occurrence, [dict(row, notes=notes), dict(row, period="2026-07", notes=[])],
                            returning=m.Occurrence.id)
        assert len(ids) == 2
        again = insert_ignore(s, m.Occurrence, [dict(row, notes=["khác"]), dict(row, period="2026-08", notes=["mới"])],
                              returning=m.Occurrence.id)
        assert len(again) == 1  # the period of June was there: skipped, its notes untouched
        insert_ignore(s, m.Meta, [{"key": "k", "value": {"tên": "Ủy ban", "n": [1, None]}}])
    with session_scope(get_engine(database_url)) as s:
        got = {o.period: o.notes for o in s.exec(select(m.Occurrence)).all()}
        assert got == {"2026-06": notes, "2026-07": [], "2026-08": ["mới"]}
        meta = s.get(m.Meta, "k")
        assert meta is not None and meta.value == {"tên": "Ủy ban", "n": [1, None]}


def test_a_bulk_write_refreshes_the_statistics_on_postgresql_only(database_url):
    upgrade(database_url)
    postgres = database_url.startswith("postgresql")
    with session_scope(get_engine(database_url)) as s:
        assert not refresh_after_bulk(s, "occurrence", MIN_ROWS - 1)  # too few rows to matter
        assert refresh_after_bulk(s, "occurrence", MIN_ROWS) is postgres  # no statistics yet: analysed
        if postgres:
            assert s.execute(text("SELECT reltuples FROM pg_class WHERE relname = 'occurrence'")).scalar() >= 0
            s.execute(text("UPDATE pg_class SET reltuples = :n WHERE relname = 'occurrence'"), {"n": 20 * MIN_ROWS})
            assert not refresh_after_bulk(s, "occurrence", MIN_ROWS)  # a small part of what is known
            assert refresh_after_bulk(s, "occurrence", 3 * MIN_ROWS)


def test_digests_payloads_are_compressed_with_lz4_where_postgresql_has_it(database_url):
    upgrade(database_url)
    if not database_url.startswith("postgresql"):
        return
    with get_engine(database_url).connect() as c:
        has_lz4 = c.execute(text("SELECT 'lz4' = ANY(enumvals) FROM pg_settings "
                                 "WHERE name = 'default_toast_compression'")).scalar()
        method = c.execute(text("SELECT attcompression FROM pg_attribute "
                                "WHERE attrelid = 'outbox'::regclass AND attname = 'payload'")).scalar()
    assert method == ("l" if has_lz4 else "")


def test_arrays_travel_as_one_text_unless_a_value_holds_a_separator(database_url):
    from dondoc.store.bulk import NULL, SEP, _joined, among

    assert _joined([1, None, 3]) == f"1{SEP}{NULL}{SEP}3"
    assert _joined([date(2026, 6, 15), ""]) == f"2026-06-15{SEP}"
    assert _joined([""]) is None  # would read back as no element at all
    assert _joined([f"a{SEP}b"]) is None and _joined([f"a{NULL}"]) is None
    upgrade(database_url)
    odd = ["", f"a{SEP}b", "Ủy ban", None]
    with session_scope(get_engine(database_url)) as s:
        for i, name in enumerate(odd):  # each alone, then all at once: the one text, or the list as it is
            insert_ignore(s, m.Organization, [dict(code=f"o{i}", name=name or "x", parent=name, aliases=[], groups=[])])
        insert_ignore(s, m.Organization, [dict(code=f"p{i}", name="y", parent=name, aliases=[], groups=[])
                                          for i, name in enumerate(odd)])
    with session_scope(get_engine(database_url)) as s:
        got = {o.code: o.parent for o in s.exec(select(m.Organization)).all()}
        assert got == {**{f"o{i}": n for i, n in enumerate(odd)}, **{f"p{i}": n for i, n in enumerate(odd)}}
        picked = s.exec(select(m.Organization.code).where(among(s, m.Organization.code, ["o1", "p3", ""]))).all()
        assert sorted(picked) == ["o1", "p3"]


def test_unassigned_tasks_are_those_without_a_lead_or_with_a_lead_left_unplaced(database_url):
    from dondoc.store.owners import unassigned_tasks

    upgrade(database_url)
    with session_scope(get_engine(database_url)) as s:
        none, placed, unplaced, support_only = (_task(s) if i == 0 else _another(s, i) for i in range(4))
        s.add_all([m.TaskOwner(task_id=placed, role="lead", name="UBND xã A", org_code="xa-a"),
                   m.TaskOwner(task_id=unplaced, role="lead", name="UBND xã A", org_code="xa-a"),
                   m.TaskOwner(task_id=unplaced, role="lead", name="Ban không có", org_code=None),
                   m.TaskOwner(task_id=support_only, role="support", name="UBND xã A", org_code="xa-a")])
    with session_scope(get_engine(database_url)) as s:
        got = {t.task_id: t.names for t in unassigned_tasks(session=s)}
    assert got == {none: (), unplaced: ("Ban không có",), support_only: ()}


def _another(session, i: int) -> int:  # type: ignore[no-untyped-def]
    d = session.exec(select(m.Dispatch)).first()
    t = m.Task(dispatch_id=d.id, key=f"t{i + 1}", title="Báo cáo", kind="report")
    session.add(t)
    session.flush()
    return t.id
