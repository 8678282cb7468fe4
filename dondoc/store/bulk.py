"""INSERT … ON CONFLICT DO NOTHING, built once and executed for many rows: what makes a sweep idempotent."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session


def insert_ignore(session: Session, model: type, rows: list[dict[str, Any]], *, returning: Any = None) -> list[Any]:
    """INSERT … ON CONFLICT DO NOTHING on the table's unique keys; returns what was inserted."""
    if not rows:
        return []
    # a multi-row VALUES needs every column in every row: fill what a row leaves out with the field default
    keys = {k for r in rows for k in r}
    fields = model.model_fields  # type: ignore[attr-defined]
    fill = {k: (fields[k].default_factory() if fields[k].default_factory else fields[k].default) for k in keys}
    rows = [{**fill, **r} for r in rows]
    dialect = session.get_bind().dialect.name
    mod = postgresql if dialect == "postgresql" else sqlite
    # one cached statement, executed for many rows (SQLAlchemy's insertmanyvalues), on the Core connection
    stmt = mod.insert(model.__table__).on_conflict_do_nothing()  # type: ignore[attr-defined]
    conn = session.connection()
    if returning is not None:
        return list(conn.execute(stmt.returning(returning), rows).scalars())
    conn.execute(stmt, rows)
    return []
