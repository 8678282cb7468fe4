"""The shared Typer app and the helpers every command module uses; no command lives here (how the
command line speaks, its help and its one-line errors, is dondoc.cli.shell).

Importing this module (and any command module) stays light: no rich, pydantic, SQLAlchemy, Prefect
or parser at import time, so that `dondoc --help` answers at once. Commands import what they need.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import typer

from dondoc.cli.shell import DondocGroup
from dondoc.errors import DondocError
from dondoc.i18n import N_, _, pgettext

if TYPE_CHECKING:
    from rich.console import Console

    from dondoc.settings import Settings

F = TypeVar("F", bound=Callable[..., Any])

# Dates outside these years are refused on the command line: beyond them a planning horizon or a
# reminder ladder no longer fits in a Python date (OverflowError), and no dispatch means them.
FIRST_YEAR, LAST_YEAR = 1900, 2200


app = typer.Typer(name="dondoc", cls=DondocGroup, no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  rich_markup_mode=None,
                  help=N_("The `dondoc` command line: load dispatches, keep the directory, remind, escalate, report."))

# `dondoc orgs`: shared because its commands live in two modules (orgs.py: the directory; reorg.py: changes)
orgs_app = typer.Typer(no_args_is_help=True, help=N_("The organisation directory and its reorganisations."))
app.add_typer(orgs_app, name="orgs")

# Global options (before the command: `dondoc --quiet demo`, `dondoc --db var/demo/demo.db board`).
QUIET = {"on": False}


@app.callback()
def _global_options(
    ctx: typer.Context,
    quiet: bool = typer.Option(False, "--quiet", "-q", help=N_("No progress bars (they are off anyway when stderr "
                                                                  "is not a terminal).")),
    db: str = typer.Option(None, "--db", metavar="FILE|URL",
                           help=N_("The database for this command: a SQLite file or a URL (default: "
                                   "DONDOC_DATABASE_URL, else var/dondoc.db).")),
) -> None:
    QUIET["on"] = quiet
    if db:
        _use_database(ctx, db)


def _use_database(ctx: typer.Context, db: str) -> None:
    """--db for this one command: set DONDOC_DATABASE_URL, put the previous value back afterwards."""
    from dondoc.settings import get_settings

    url = db if "://" in db else f"sqlite:///{Path(db).expanduser().resolve()}"
    before = os.environ.get("DONDOC_DATABASE_URL")
    os.environ["DONDOC_DATABASE_URL"] = url
    get_settings.cache_clear()

    def restore() -> None:
        if before is None:
            os.environ.pop("DONDOC_DATABASE_URL", None)
        else:
            os.environ["DONDOC_DATABASE_URL"] = before
        get_settings.cache_clear()

    ctx.call_on_close(restore)


class _LazyConsole:
    """rich's Console, made on first use; piped or captured output is 160 columns wide, enough
    for Vietnamese names and addresses."""

    def __init__(self, *, stderr: bool = False) -> None:
        self._stderr = stderr
        self._real: Console | None = None

    def _get(self) -> Console:
        if self._real is None:
            from rich.console import Console

            real = Console(stderr=self._stderr)
            self._real = real if real.is_terminal else Console(stderr=self._stderr, width=160)
        return self._real

    def __getattr__(self, name: str) -> Any:
        return getattr(self._get(), name)


console: Console = _LazyConsole()  # type: ignore[assignment]


def fail(message: str, code: int = 1) -> NoReturn:
    """Stop with one line on stderr."""
    typer.echo(_("error: {message}").format(message=message), err=True)
    raise typer.Exit(code)


def user_errors(fn: F) -> F:
    """A user's mistake becomes one line on stderr and a non-zero exit, never a traceback."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except DondocError as err:
            fail(str(err), err.exit_code)

    return wrapper  # type: ignore[return-value]


def settings() -> Settings:
    from dondoc.settings import get_settings

    return get_settings()


_UPGRADED: set[str] = set()


def ready_engine():  # type: ignore[no-untyped-def]
    """The engine, with the schema brought up to date first (once per process and database)."""
    from dondoc.store.db import ensure_schema, get_engine

    url = settings().database_url
    if url not in _UPGRADED:
        ensure_schema(url)
        _UPGRADED.add(url)
    return get_engine(url)


class DateOptionError(DondocError):
    """A date option that is not a date (a usage error, exit 2), or lies outside the years dondoc
    plans in (exit 1, as every out-of-bounds value of dondoc.bounds)."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def parse_day(value: str | None, *, option: str = "--as-of") -> date | None:
    """A date option's value (YYYY-MM-DD, 1900–2200), or None when it was not given."""
    if value is None:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise DateOptionError(_('{option} "{value}" is not a date (YYYY-MM-DD)').format(option=option, value=value),
                              2) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        from dondoc.bounds import date_problem

        raise DateOptionError(f"{option}: {date_problem(day)}", 1)
    return day


def as_of_or_today(value: str | None, *, option: str = "--as-of") -> date:
    from dondoc.app.steps import local_today

    return parse_day(value, option=option) or local_today(settings())


ACTOR_HELP = N_("who does it, for the audit log (default: the OS user)")


def kind_name(kind: str) -> str:
    """A task's kind (action, report, event) as the user reads it: "nhiệm vụ", "báo cáo", "sự kiện"."""
    names = {"action": pgettext("kind", "action"), "report": pgettext("kind", "report"),
             "event": pgettext("kind", "event")}
    return names.get(kind, kind)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def config_dir() -> Path:
    """DONDOC_CONFIG_DIR, or the repository's config/ folder."""
    import dondoc

    env = os.environ.get("DONDOC_CONFIG_DIR")
    return Path(env) if env else Path(dondoc.__file__).resolve().parents[1] / "config"


def cli_actor(explicit: str | None = None) -> str:
    """Who is acting, for the audit log: --actor when given, else the operating-system user."""
    if explicit and explicit.strip():
        return explicit.strip()
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "cli"


def demo_database() -> Path:
    """Where `dondoc demo` keeps its database by default."""
    import dondoc

    return Path(dondoc.__file__).resolve().parents[1] / "var" / "demo" / "demo.db"


def say_where_the_data_is(empty: str, command: str) -> None:
    """Instead of an empty table: which database is empty (`empty`, translated, names it as {database}),
    and where the demo's data is if there is some."""
    from sqlalchemy.engine import make_url

    url = make_url(settings().database_url)
    shown = url.database if url.drivername.startswith("sqlite") else url.render_as_string(hide_password=True)
    typer.echo(empty.format(database=shown))
    demo = demo_database()
    if demo.exists() and (not url.drivername.startswith("sqlite") or Path(url.database or "").resolve() != demo):
        typer.echo(_("The demo's data (dondoc demo) is in {path}; see: dondoc --db {short} {command}")
                   .format(path=demo, short=_short(demo), command=command))
    else:
        typer.echo(_("Load the directory and a dispatch: dondoc orgs import config/organizations.yaml, then "
                     "dondoc load FILE.yaml (or try: dondoc demo)."))


def _short(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


class Bar:
    """A progress bar on stderr (rich), or nothing when quiet or stderr is not a terminal."""

    def __init__(self, progress: Any = None, task: Any = None) -> None:
        self._progress, self._task = progress, task

    def advance(self, n: int = 1) -> None:
        if self._progress is not None:
            self._progress.advance(self._task, n)

    def update(self, *, total: int | None = None, completed: int | None = None, description: str | None = None) -> None:
        if self._progress is not None:
            kw: dict[str, Any] = {}
            if total is not None:
                kw["total"] = total
            if completed is not None:
                kw["completed"] = completed
            if description is not None:
                kw["description"] = description
            self._progress.update(self._task, **kw)


def progress_shown() -> bool:
    return not QUIET["on"] and sys.stderr.isatty()


@contextmanager
def progress(description: str, total: int | None = None) -> Iterator[Bar]:
    """`with progress(_("Sending"), total=n) as bar: … bar.advance()` — silent unless stderr is a terminal."""
    if not progress_shown():
        yield Bar()
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as p:
        yield Bar(p, p.add_task(description, total=total))
