"""INSERT … ON CONFLICT DO NOTHING, built once and executed for many rows: what makes a sweep idempotent.

On PostgreSQL the rows travel as one array per column (INSERT … SELECT FROM unnest(…)), and a long
list of ids as one array (`= ANY(…)`): psycopg parses every statement's text for its placeholders,
and a statement of 1,000 rows × 7 columns, or of 5,000 ids, is parsed anew each time (16 of the
47 s of a busy day's plan at 100k went there).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Text, any_, bindparam, cast, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session


def insert_ignore(db: Session | Connection, model: type, rows: list[dict[str, Any]], *, returning: Any = None) -> list[Any]:
    """INSERT … ON CONFLICT DO NOTHING on the table's unique keys; returns what was inserted: the values of
    `returning`, a column, or rows of its columns when it is a tuple of them. Without `returning`, on SQLite, when
    the rows give every column (but an integer key), one statement of the rows as one JSON text
    (sqlite_json_insert): no column default to fill in."""
    if not rows:
        return []
    # a multi-row VALUES needs every column in every row: fill what a row leaves out with the field default
    keys = {k for r in rows for k in r}
    fields = model.model_fields  # type: ignore[attr-defined]
    fill = {k: (fields[k].default_factory() if fields[k].default_factory else fields[k].default) for k in keys}
    rows = [{**fill, **r} for r in rows]
    dialect = dialect_of(db)
    table = model.__table__  # type: ignore[attr-defined]
    conn = db if isinstance(db, Connection) else db.connection()
    if dialect == "postgresql":
        names = sorted(keys)
        arrays = select(*[_unnest(table.c[k], [r[k] for r in rows]).label(k) for k in names])
        stmt = postgresql.insert(table).from_select(names, arrays).on_conflict_do_nothing()
        if returning is not None:
            return _returned(conn.execute(stmt.returning(*_cols(returning))), returning)
        conn.execute(stmt)
        return []
    if returning is None and dialect == "sqlite" and _every_column(table, keys):
        names = sorted(keys)
        sqlite_json_insert(conn, table.name, names, _driver_rows(conn.dialect, table, names, rows), ignore=True)
        return []
    # one cached statement, executed for many rows (SQLAlchemy's insertmanyvalues), on the Core connection
    many = sqlite.insert(table).on_conflict_do_nothing()
    if returning is not None:
        return _returned(conn.execute(many.returning(*_cols(returning)), rows), returning)
    conn.execute(many, rows)
    return []


def _every_column(table: Any, keys: set[str]) -> bool:
    """Whether rows with these keys give every column of the table but its integer primary key."""
    return all(c.name in keys or (c.primary_key and c.autoincrement in (True, "auto")) for c in table.c)


def _cols(returning: Any) -> tuple[Any, ...]:
    return tuple(returning) if isinstance(returning, tuple) else (returning,)


def _returned(result: Any, returning: Any) -> list[Any]:
    return [tuple(r) for r in result] if isinstance(returning, tuple) else list(result.scalars())


SEP, NULL = "\x1f", "\x1e"  # ASCII unit and record separators: never in a code, a key, an address or a date


def _joined(values: list[Any]) -> str | None:
    """Values as one text, SEP between them, NULL for None (dates and times in ISO form); None when a value
    holds SEP or NULL itself, or the text would read back as no value at all (a lone empty string)."""
    texts = [NULL if v is None else v.isoformat() if isinstance(v, (date, datetime)) else str(v) for v in values]
    joined = SEP.join(texts)
    if joined.count(SEP) != len(texts) - 1 or joined.count(NULL) != texts.count(NULL) or (texts and not joined):
        return None
    return joined


def _array(name: str | None, values: list[Any], type_: Any) -> Any:
    """A PostgreSQL array of `type_` from one parameter: one text split by the server (string_to_array),
    where psycopg would adapt each element of a list in Python (a fifth of a busy day's client CPU at 300k);
    the list itself when a value holds a separator."""
    joined = _joined(values)
    if joined is None:
        return bindparam(name, values, type_=postgresql.ARRAY(type_))
    return cast(func.string_to_array(bindparam(name, joined, type_=Text), SEP, NULL), postgresql.ARRAY(type_))


def _unnest(column: Any, values: list[Any]) -> Any:
    """One column's values as one array parameter, unnested. JSON values travel as one JSON array, encoded as
    SQLAlchemy's JSON type encodes them (json.dumps), split by json_array_elements: psycopg escapes a text
    array's elements in Python, character by character (40 s for a busy day's 9,131 payloads at 300k)."""
    if isinstance(column.type, JSON):
        assert not column.type.none_as_null, "None is stored as JSON null here"
        return func.json_array_elements(cast(bindparam(f"a_{column.name}", json.dumps(values), type_=Text), JSON))
    return func.unnest(_array(f"a_{column.name}", values, column.type))


def dialect_of(db: Session | Connection) -> str:
    """The database's dialect name, from a session or a connection."""
    return db.dialect.name if isinstance(db, Connection) else db.get_bind().dialect.name


def among(db: Session | Connection, column: Any, values: list[Any]) -> ColumnElement[bool]:
    """`column IN (values)`: one array parameter on PostgreSQL, a list of them on SQLite."""
    if dialect_of(db) == "postgresql":
        return column == any_(_array(None, list(values), column.type))  # type: ignore[no-any-return]
    return column.in_(values)  # type: ignore[no-any-return]


def partitions(session: Session, query: Any, size: int) -> Iterator[Sequence[Any]]:
    """The rows of a SELECT in lists of `size`: plain tuples from the driver's cursor on the session's connection
    (its transaction; on PostgreSQL a cursor on the server), the statement compiled with its values inline. A
    busy day reads 300,000 rows, and SQLAlchemy's Row objects cost a third of the reading. The driver's own
    conversions only (SQLite: dates as text; PostgreSQL: dates as dates): the caller reads columns whose
    SQLAlchemy type does nothing more."""
    conn = session.connection()
    sql = str(query.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
    driver = conn.connection.driver_connection  # type: ignore[union-attr]
    # PostgreSQL: a cursor on the server (DECLARE … FETCH), or libpq would hold the whole result in memory
    # (295,000 rows, about 100 MB at 1M) before the first part is read
    if conn.dialect.name == "postgresql":  # planned for all its rows, as a plain query is, not for the first tenth
        conn.exec_driver_sql("SET LOCAL cursor_tuple_fraction = 1.0")
    cursor = (driver.cursor(name=f"dondoc_part_{id(query):x}") if conn.dialect.name == "postgresql"  # type: ignore[union-attr]
              else driver.cursor())  # type: ignore[union-attr]
    try:
        cursor.execute(sql)
        while part := cursor.fetchmany(size):
            yield part
    finally:
        cursor.close()


def _driver_rows(dialect: Any, table: Any, names: Sequence[str], rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """Rows as the driver takes them: each value through its column type's bind processor (what SQLAlchemy
    itself would write), a column at a time."""
    cols = []
    for name in names:
        process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        values = [r[name] for r in rows]
        cols.append(list(map(process, values)) if process else values)
    return list(zip(*cols))


def rows_write(dialect: Any, table: Any, rows: list[dict[str, Any]]) -> Callable[[Connection], Any]:
    """A plain INSERT of many rows with the same columns, its values encoded now, to be run on a connection later
    (by the writer's thread):
    on PostgreSQL one INSERT … SELECT of unnest arrays (JSON values as one JSON array); on SQLite one statement
    of the rows as one JSON text."""
    if not rows:
        return lambda conn: None
    names = list(rows[0])
    if dialect.name == "postgresql":
        arrays = select(*[_unnest(table.c[k], [r[k] for r in rows]).label(k) for k in names])
        stmt = postgresql.insert(table).from_select(names, arrays)
        return lambda conn: conn.execute(stmt)
    if dialect.name != "sqlite":
        return lambda conn: conn.execute(table.insert(), rows)
    sql, params = sqlite_json_statement(table.name, names, _driver_rows(dialect, table, names, rows))
    return lambda conn: conn.exec_driver_sql(sql, params)


def sqlite_json_insert(conn: Connection, table: str, names: Sequence[str], rows: list[tuple[Any, ...]], *,
                       ignore: bool = False, last: Any = None) -> int:
    """Rows (as the driver takes them) into a SQLite table in one statement (sqlite_json_statement). Returns the
    rows inserted."""
    if not rows:
        return 0
    sql, params = sqlite_json_statement(table, names, rows, ignore=ignore, last=last)
    return conn.exec_driver_sql(sql, params).rowcount  # type: ignore[no-any-return]


def sqlite_json_statement(table: str, names: Sequence[str], rows: list[tuple[Any, ...]], *, ignore: bool = False,
                          last: Any = None) -> tuple[str, tuple[Any, ...]]:
    """The INSERT of rows into a SQLite table as one statement: the rows travel as one JSON text and json_each
    hands them out (`last`, when given, one more parameter for the last column, the same for every row). One
    statement is one step of SQLite's engine, during which `sqlite3` lets other threads run: an executemany hands
    the interpreter over at every row, and a thread computing beside it makes each hand-back wait
    (dondoc.store.writer). Also less Python per row than binding each."""
    width = len(names) - (last is not None)
    values = ", ".join(f"value ->> {i}" for i in range(width)) + (", ?" if last is not None else "")
    sql = (f"INSERT INTO {table} ({', '.join(names)}) SELECT {values} FROM json_each(?) WHERE true"
           + (" ON CONFLICT DO NOTHING" if ignore else ""))
    params = ((last,) if last is not None else ()) + (json.dumps(rows, ensure_ascii=False, separators=(",", ":")),)
    return sql, params


NOTICE_COLUMNS = ("dedupe_key", "kind", "occurrence_id", "rung", "recipient_email", "outbox_id")
_PG_NOTICE_TYPES = ("varchar", "varchar", "integer", "integer", "varchar", "varchar")
PG_NOTICES = 5000  # notices in one INSERT on PostgreSQL (its arrays are one text each)


def _joined_notice_column(values: list[Any], type_: str) -> str | None:
    """_joined for a column of notices, whose values' types are known: texts joined as they are, numbers (a rung
    may be None) written out, without _joined's checks of each value's type."""
    if type_ == "integer":
        return SEP.join(NULL if v is None else str(v) for v in values)
    joined = SEP.join(values)
    if joined.count(SEP) != len(values) - 1 or NULL in joined or not joined:
        return None
    return joined


@dataclass(frozen=True)
class NoticeWrites:
    """The statements that insert a batch of notices, built by whoever has the time (the planning thread), run by
    insert_notices wherever it runs (the writer's thread)."""

    statements: list[tuple[str, tuple[Any, ...]]]
    count: int


def notice_writes(dialect: Any, rows: list[tuple[Any, ...]], created_at: datetime) -> NoticeWrites:
    """insert_notices' statements for these notices (tuples in NOTICE_COLUMNS order). On SQLite one statement of
    the rows as one JSON text (sqlite_json_statement); on PostgreSQL one INSERT … SELECT FROM unnest(…) per 5,000
    notices, each column one text split by the server, the time of planning one parameter."""
    names = (*NOTICE_COLUMNS, "created_at")
    if not rows:
        return NoticeWrites([], 0)
    if dialect.name != "postgresql":
        from dondoc.store import models as m

        table = m.Notice.__table__  # type: ignore[attr-defined]
        stamp = table.c.created_at.type.dialect_impl(dialect).bind_processor(dialect)(created_at)  # as SQLAlchemy writes it
        return NoticeWrites([sqlite_json_statement("notice", names, rows, ignore=True, last=stamp)], len(rows))
    columns = list(zip(*rows))
    statements = []
    for i in range(0, len(rows), PG_NOTICES):
        params: list[Any] = [created_at]
        arrays = []
        for values, type_ in zip(columns, _PG_NOTICE_TYPES):
            part = list(values[i : i + PG_NOTICES])
            joined = _joined_notice_column(part, type_)
            if joined is None:  # a value holds a separator: the list as psycopg adapts it
                arrays.append(f"%s::{type_}[]")
                params.append(part)
            else:
                arrays.append(f"string_to_array(%s, %s, %s)::{type_}[]")
                params += [joined, SEP, NULL]
        sql = (f"INSERT INTO notice ({', '.join(names)}) SELECT u.*, %s FROM unnest({', '.join(arrays)}) AS u "
               "ON CONFLICT DO NOTHING")
        statements.append((sql, tuple(params)))  # created_at first, as in the text
    return NoticeWrites(statements, len(rows))


def insert_notices(db: Session | Connection, writes: NoticeWrites, outbox_ids: list[str]) -> set[str] | None:
    """Insert notices (notice_writes, for the digests `outbox_ids`) once each; returns the dedupe keys that are
    new, or None when every one of them is.

    Without RETURNING: the row count tells whether anything was planned before (a busy day: nothing), and only
    then are the new ones read back, by their digests' ids (the digests' rows are written after, from what is
    new)."""
    if not writes.count:
        return set()
    conn = db if isinstance(db, Connection) else db.connection()
    done = sum(conn.exec_driver_sql(sql, params).rowcount for sql, params in writes.statements)
    if done == writes.count:
        return None
    keys: set[str] = set()
    for i in range(0, len(outbox_ids), 500):
        part = outbox_ids[i : i + 500]
        if conn.dialect.name == "postgresql":
            found = conn.exec_driver_sql("SELECT dedupe_key FROM notice WHERE outbox_id = ANY(%s)", (part,))
        else:
            found = conn.exec_driver_sql(f"SELECT dedupe_key FROM notice WHERE outbox_id IN ({', '.join('?' for _ in part)})",
                                         tuple(part))
        keys.update(k for (k,) in found)
    return keys
