"""Engine, the one transaction scope, and schema upgrades (Alembic)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlmodel import Session, create_engine

from dondoc.errors import ConfigError

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    # Take transactions into our own hands (see _sqlite_begin): pysqlite's implicit BEGIN is deferred.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA synchronous=NORMAL")  # WAL: durable across process crashes, cheap commits
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _sqlite_begin(conn) -> None:  # type: ignore[no-untyped-def]
    # BEGIN IMMEDIATE takes the write lock up front, so two processes sweeping one file
    # serialise instead of failing on a read-to-write upgrade ("database is locked").
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def sqlite_folder(url: str) -> Path | None:
    """The folder of a SQLite file URL; None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if not parsed.drivername.startswith("sqlite") or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database).expanduser().absolute().parent


def get_engine(url: str) -> Engine:
    """One engine per URL; SQLite files get WAL and a busy timeout. A SQLite file whose folder does
    not exist is refused: a mistyped path must not quietly start a new, empty database."""
    folder = sqlite_folder(url)
    if folder is not None and not folder.is_dir():
        raise ConfigError(f"không có thư mục {folder} cho cơ sở dữ liệu {make_url(url).database} "
                          "(kiểm tra DONDOC_DATABASE_URL; tạo mới: dondoc db upgrade --create)")
    return _engine(url)


@lru_cache(maxsize=8)
def _engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.drivername.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """The unit of work: commits on success, rolls back on any error."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def alembic_config(url: str):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(url: str) -> str:
    """Bring the schema to the latest migration; returns the revision now in place."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    engine = get_engine(url)
    try:
        with engine.begin() as conn:
            cfg = alembic_config(url)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision() or "base"
    except OperationalError as exc:
        raise ConfigError(f"cơ sở dữ liệu {make_url(url).render_as_string(hide_password=True)}: không kết nối hoặc nâng cấp "
                          f"được ({exc.orig})") from None


_REVISION = re.compile(r"^(down_revision|revision)\s*(?::[^=\n]*)?=\s*(?:['\"]([^'\"]+)['\"]|None)\s*$", re.M)


def head_revision(directory: Path = MIGRATIONS_DIR / "versions") -> str | None:
    """The one head of the migrations, read from their files without importing Alembic; None when
    it cannot be told that way (a merge, a branch): the caller then asks Alembic."""
    revisions: dict[str, str | None] = {}
    for path in directory.glob("*.py"):
        found = dict((key, value or None) for key, value in _REVISION.findall(path.read_text(encoding="utf-8")))
        if "revision" not in found or found["revision"] is None or "down_revision" not in found:
            return None
        revisions[found["revision"]] = found["down_revision"]
    heads = set(revisions) - {down for down in revisions.values() if down}
    return heads.pop() if len(heads) == 1 else None


def ensure_schema(url: str) -> None:
    """Upgrade the schema unless it is at the head already: the check costs one query, where
    Alembic costs a third of a second to import (every command runs this)."""
    head = head_revision()
    if head is not None:
        try:
            with get_engine(url).connect() as conn:
                if conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head:
                    return
        except (OperationalError, ProgrammingError):
            pass  # no schema yet: Alembic creates it
    upgrade(url)


def current_revision(url: str) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with get_engine(url).connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()
