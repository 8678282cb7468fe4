"""The databases of bench/nationwide.py: a fresh one per size, SQLite or PostgreSQL, with snapshots."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


class Database:
    """A fresh database per size: a SQLite file, or a database in a PostgreSQL cluster; with snapshots."""

    def __init__(self, kind: str, folder: Path, name: str, pg_base: str | None) -> None:
        self.kind, self.folder, self.name, self.pg_base = kind, folder, name, pg_base
        if kind == "sqlite":
            self.url = f"sqlite:///{folder / 'nationwide.db'}"
        else:
            assert pg_base is not None
            self.url = pg_base.rsplit("/", 1)[0] + f"/{name}"
            self._admin(f'CREATE DATABASE "{name}"')

    def _admin(self, *sql: str) -> None:
        from sqlalchemy import create_engine, text

        admin = create_engine(self.pg_base, isolation_level="AUTOCOMMIT")  # type: ignore[arg-type]
        with admin.connect() as c:
            for s in sql:
                c.execute(text(s))
        admin.dispose()

    def snapshot(self) -> None:
        if self.kind == "sqlite":
            for f in self.folder.glob("nationwide.db*"):
                shutil.copy2(f, self.folder / f"snap-{f.name}")
        else:
            self._admin(f'CREATE DATABASE "{self.name}_snap" TEMPLATE "{self.name}"')

    def restore(self) -> None:
        if self.kind == "sqlite":
            for f in self.folder.glob("nationwide.db*"):
                f.unlink()
            for f in self.folder.glob("snap-*"):
                shutil.copy2(f, self.folder / f.name.removeprefix("snap-"))
        else:
            self._admin(f'DROP DATABASE "{self.name}" WITH (FORCE)',
                        f'CREATE DATABASE "{self.name}" TEMPLATE "{self.name}_snap"')

    def server_cpu(self) -> float | None:
        """CPU seconds the PostgreSQL cluster has used so far, when it runs on this machine: its postmaster's own
        and its ended backends' (reaped: counted in the postmaster's children's times), plus those running.
        None for SQLite, or a server elsewhere. The sweeping process's CPU leaves out the server's, which on one
        machine shares its cores."""
        if self.kind != "postgres":
            return None
        if not hasattr(self, "_postmaster"):
            import psycopg

            with psycopg.connect(self.url.replace("postgresql+psycopg", "postgresql")) as c:
                stat = _stat(c.execute("SELECT pg_backend_pid()").fetchone()[0])  # type: ignore[index]  # while it runs
            self._postmaster = stat[0] if stat else None
        if self._postmaster is None:
            return None
        own = _stat(self._postmaster)
        if own is None:
            return None
        ticks = sum(own[1])
        for pid in os.listdir("/proc"):
            if pid.isdigit() and (child := _stat(int(pid))) is not None and child[0] == self._postmaster:
                ticks += child[1][0] + child[1][1]
        return ticks / os.sysconf("SC_CLK_TCK")

    def drop(self) -> None:
        if self.kind == "postgres":
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)',
                        f'DROP DATABASE IF EXISTS "{self.name}_snap" WITH (FORCE)')


def start_postgres() -> tuple[str, str | None]:
    """The base URL: DONDOC_BENCH_POSTGRES_URL, or a throwaway cluster from .ci/pg.sh (its folder to stop)."""
    if os.environ.get("DONDOC_BENCH_POSTGRES_URL"):
        return os.environ["DONDOC_BENCH_POSTGRES_URL"], None
    out = subprocess.run(["bash", str(ROOT / ".ci" / "pg.sh"), "start"], check=True, capture_output=True,
                         text=True).stdout
    env = dict(line.removeprefix("export ").split("=", 1) for line in out.splitlines() if "=" in line)
    return env["DONDOC_TEST_POSTGRES_URL"], env["DONDOC_PG_DIR"]


def _stat(pid: int) -> tuple[int, list[int]] | None:
    """A process's parent and its utime, stime, cutime, cstime (clock ticks), from /proc; None when it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    fields = text[text.rindex(")") + 2 :].split()
    return int(fields[1]), [int(x) for x in fields[11:15]]
