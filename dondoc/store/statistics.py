"""The PostgreSQL planner's statistics after bulk writes: ANALYZE a table when a step has just written a
large part of it, instead of waiting for autovacuum (which looks about once a minute).

Without statistics the planner guesses: a freshly loaded occurrence table of 300,000 rows was
estimated at a few dozen rows due, so the 5,000-id UPDATEs of the next notice dates each read the
whole table (a sequential scan per batch: quadratic in the size). ANALYZE samples at most 30,000
rows whatever the size (a fraction of a second at 1M), and sees the rows this transaction wrote.
SQLite plans these statements by its indexes alone: nothing to do there.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlmodel import Session

from dondoc.store.bulk import dialect_of

MIN_ROWS = 10_000  # fewer rows written never make a bad plan worth an ANALYZE
FRACTION = 0.1  # of the rows the statistics know (autovacuum's default analyze_scale_factor)


def refresh_after_bulk(db: Session | Connection, table: str, written: int) -> bool:
    """ANALYZE `table` on PostgreSQL when `written` rows (inserted or updated) are at least MIN_ROWS and
    more than FRACTION of the rows its statistics know (or it has none). True when it analysed."""
    if written < MIN_ROWS or dialect_of(db) != "postgresql":
        return False
    known = db.execute(text("SELECT reltuples FROM pg_class WHERE oid = CAST(:t AS regclass)"),
                            {"t": table}).scalar()
    if known is not None and known >= 0 and written <= FRACTION * known:
        return False
    db.execute(text(f'ANALYZE "{table}"'))
    return True
