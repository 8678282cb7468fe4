"""The shared Typer app and the helpers every command module uses; no command lives here.

Importing this module (and any command module) stays light: no rich, pydantic, SQLAlchemy, Prefect
or parser at import time, so that `dondoc --help` answers at once. Commands import what they need.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import typer
from typer.core import TyperGroup

from dondoc.errors import DondocError

try:  # Typer 0.29 carries its own copy of click
    from typer._click import exceptions as click_errors
except ImportError:  # pragma: no cover
    from click import exceptions as click_errors  # type: ignore[no-redef]

if TYPE_CHECKING:
    from rich.console import Console

    from dondoc.settings import Settings

F = TypeVar("F", bound=Callable[..., Any])

# Dates outside these years are refused on the command line: beyond them a planning horizon or a
# reminder ladder no longer fits in a Python date (OverflowError), and no dispatch means them.
FIRST_YEAR, LAST_YEAR = 1900, 2200
DATE_OPTIONS = {"--as-of", "--from", "--at", "--received"}


def _tidy_help(text: str | None) -> str | None:
    """Example lines stay one per line: click re-wraps a paragraph unless it opens with \\b."""
    if not text:
        return text
    lines = text.splitlines()
    out: list[str] = []
    for i, line in enumerate(lines):
        if line.startswith("Example:") and (i == 0 or not lines[i - 1].startswith("Example:")):
            if out and out[-1].strip():
                out.append("")
            out.append("\b")
        out.append(line)
    return "\n".join(out)


_TYPE_VI = {"int_parsing": "không phải số nguyên", "float_parsing": "không phải số",
            "bool_parsing": "không phải true/false", "enum": "không nằm trong các giá trị cho phép"}


def _param_hint(err: Any) -> str:
    hint = getattr(err, "param_hint", None)
    if hint:
        return hint if isinstance(hint, str) else " / ".join(hint)
    param = getattr(err, "param", None)
    if param is None:
        return ""
    opts = [o for o in getattr(param, "opts", []) if o.startswith("-")]
    return " / ".join(opts) if opts else (param.name or "").upper()


def _bad_value(err: Any) -> str:
    """What was wrong with a value: Typer checks types with pydantic, whose error carries the input."""
    cause = err.__cause__
    if cause is not None and hasattr(cause, "errors"):
        try:
            first = cause.errors()[0]
            why = _TYPE_VI.get(first.get("type", ""), first.get("msg", ""))
            return f'"{first.get("input")}" {why}'
        except (IndexError, TypeError, AttributeError):
            pass
    return str(err.message)


def _first_sentence(text: str) -> str:
    paragraph = " ".join(text.strip().split("\n\n")[0].split())
    head, dot, _ = paragraph.partition(". ")
    return (head if dot else paragraph).rstrip(".")


_NO_COMMAND = re.compile(r"No such command '(?P<name>[^']*)'\.(?: Did you mean (?P<maybe>.*)\?)?")


def _one_line(err: click_errors.ClickException) -> str:
    """A click error (bad option value, unknown option, missing argument) as one Vietnamese line."""
    ctx = getattr(err, "ctx", None)
    see = f" (xem: {ctx.command_path} --help)" if ctx is not None else ""
    if isinstance(err, click_errors.NoSuchOption):
        maybe = f"; có phải {', '.join(err.possibilities)}?" if err.possibilities else ""
        return f"không có tùy chọn {err.option_name}{maybe}{see}"
    if isinstance(err, click_errors.MissingParameter):
        return f"thiếu {_param_hint(err)}{see}"
    if isinstance(err, click_errors.BadParameter):
        return f"{_param_hint(err)} {_bad_value(err)}{see}"
    if isinstance(err, click_errors.UsageError):
        unknown = _NO_COMMAND.match(err.message)
        if unknown:
            maybe = f"; có phải {unknown['maybe']}?" if unknown["maybe"] else ""
            return f"không có lệnh {unknown['name']}{maybe}{see}"
        return f"{err.message}{see}"
    return err.format_message()


class DondocGroup(TyperGroup):
    """The root command: plain click help for every command (flags as flags, paragraphs re-wrapped
    to the terminal), and every usage error or user error as one line on stderr."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.rich_markup_mode = None
        self._tidy(self)

    def _tidy(self, cmd: Any) -> None:
        cmd.rich_markup_mode = None
        if cmd.help and not cmd.short_help:  # the list of commands shows the first sentence whole, wrapped
            cmd.short_help = _first_sentence(cmd.help)
        cmd.help = _tidy_help(cmd.help)
        for param in getattr(cmd, "params", []):  # a date option reads "--as-of YYYY-MM-DD", not "<str>"
            if getattr(param, "metavar", None) is None and set(getattr(param, "opts", [])) & DATE_OPTIONS:
                param.metavar = "YYYY-MM-DD"
        for sub in getattr(cmd, "commands", {}).values():
            self._tidy(sub)

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, windows_expand_args: bool = True, **extra: Any) -> Any:
        try:
            rv = super().main(args=args, prog_name=prog_name, complete_var=complete_var, standalone_mode=False,
                              windows_expand_args=windows_expand_args, **extra)
        except click_errors.NoArgsIsHelpError as err:
            err.show()
            code = err.exit_code
        except click_errors.ClickException as err:
            typer.echo(f"lỗi: {_one_line(err)}", err=True)
            code = err.exit_code
        except DondocError as err:
            typer.echo(f"lỗi: {err}", err=True)
            code = err.exit_code
        except typer.Abort:
            typer.echo("đã dừng", err=True)
            code = 1
        else:
            if not standalone_mode:
                return rv
            code = rv if isinstance(rv, int) else 0
        if not standalone_mode:
            return code
        sys.exit(code)


app = typer.Typer(name="dondoc", cls=DondocGroup, no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  rich_markup_mode=None,
                  help="The `dondoc` command line: load dispatches, keep the directory, remind, escalate, report.")

# `dondoc orgs`: shared because its commands live in two modules (orgs.py: the directory; reorg.py: changes)
orgs_app = typer.Typer(no_args_is_help=True, help="The organisation directory and its reorganisations.")
app.add_typer(orgs_app, name="orgs")

# Global options (before the command: `dondoc --quiet demo`, `dondoc --db var/demo/demo.db board`).
QUIET = {"on": False}


@app.callback()
def _global_options(
    ctx: typer.Context,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars (they are off anyway when stderr is "
                                                               "not a terminal)."),
    db: str = typer.Option(None, "--db", metavar="FILE|URL",
                           help="The database for this command: a SQLite file or a URL (default: "
                                "DONDOC_DATABASE_URL, else var/dondoc.db)."),
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
    typer.echo(f"lỗi: {message}", err=True)
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
        raise DateOptionError(f'{option} "{value}" không phải ngày (YYYY-MM-DD)', 2) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        from dondoc.bounds import date_problem

        raise DateOptionError(f"{option}: {date_problem(day)}", 1)
    return day


def as_of_or_today(value: str | None, *, option: str = "--as-of") -> date:
    from dondoc.app.steps import local_today

    return parse_day(value, option=option) or local_today(settings())


ACTOR_HELP = "who does it, for the audit log (default: the OS user)"


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


def say_where_the_data_is(what: str, command: str) -> None:
    """Instead of an empty table: which database is empty, and where the demo's data is if there is some."""
    from sqlalchemy.engine import make_url

    url = make_url(settings().database_url)
    shown = url.database if url.drivername.startswith("sqlite") else url.render_as_string(hide_password=True)
    typer.echo(f"Chưa có {what} trong cơ sở dữ liệu {shown}.")
    demo = demo_database()
    if demo.exists() and (not url.drivername.startswith("sqlite") or Path(url.database or "").resolve() != demo):
        typer.echo(f"Dữ liệu của bản chạy thử (dondoc demo) ở {demo}; xem: dondoc --db {_short(demo)} {command}")
    else:
        typer.echo("Nạp danh bạ và một văn bản: dondoc orgs import config/organizations.yaml, rồi dondoc load FILE.yaml"
                   " (hoặc thử: dondoc demo).")


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
    """`with progress("Gửi thư", total=n) as bar: … bar.advance()` — silent unless stderr is a terminal."""
    if not progress_shown():
        yield Bar()
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as p:
        yield Bar(p, p.add_task(description, total=total))
