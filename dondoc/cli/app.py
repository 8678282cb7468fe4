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
from dondoc.i18n import EXAMPLE, N_, _, pgettext, translate_help

try:  # Typer 0.29 carries its own copy of click
    from typer._click import core as click_core
    from typer._click import exceptions as click_errors
    from typer._click import formatting as click_formatting
except ImportError:  # pragma: no cover
    from click import core as click_core  # type: ignore[no-redef]
    from click import exceptions as click_errors  # type: ignore[no-redef]
    from click import formatting as click_formatting  # type: ignore[no-redef]

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
    word = _(EXAMPLE)
    lines = text.splitlines()
    out: list[str] = []
    for i, line in enumerate(lines):
        if line.startswith(word) and (i == 0 or not lines[i - 1].startswith(word)):
            if out and out[-1].strip():
                out.append("")
            out.append("\b")
        out.append(line)
    return "\n".join(out)


_TYPE_WORDS = {"int_parsing": N_("is not a whole number"), "float_parsing": N_("is not a number"),
               "bool_parsing": N_("is not true/false"), "enum": N_("is not one of the allowed values")}


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
            kind = first.get("type", "")
            why = _(_TYPE_WORDS[kind]) if kind in _TYPE_WORDS else first.get("msg", "")
            return f'"{first.get("input")}" {why}'
        except (IndexError, TypeError, AttributeError):
            pass
    return str(err.message)


def _first_sentence(text: str) -> str:
    paragraph = " ".join(text.strip().split("\n\n")[0].split())
    head, dot, _rest = paragraph.partition(". ")
    return (head if dot else paragraph).rstrip(".")


_NO_COMMAND = re.compile(r"No such command '(?P<name>[^']*)'\.(?: Did you mean (?P<maybe>.*)\?)?")


def _one_line(err: click_errors.ClickException) -> str:
    """A click error (bad option value, unknown option, missing argument) as one line in the user's language."""
    ctx = getattr(err, "ctx", None)
    see = _(" (see: {command} --help)").format(command=ctx.command_path) if ctx is not None else ""
    if isinstance(err, click_errors.NoSuchOption):
        maybe = _("; did you mean {names}?").format(names=", ".join(err.possibilities)) if err.possibilities else ""
        return _("no such option {option}").format(option=err.option_name) + maybe + see
    if isinstance(err, click_errors.MissingParameter):
        return _("missing {what}").format(what=_param_hint(err)) + see
    if isinstance(err, click_errors.BadParameter):
        return f"{_param_hint(err)} {_bad_value(err)}{see}"
    if isinstance(err, click_errors.UsageError):
        unknown = _NO_COMMAND.match(err.message)
        if unknown:
            maybe = _("; did you mean {names}?").format(names=unknown["maybe"]) if unknown["maybe"] else ""
            return _("no such command {name}").format(name=unknown["name"]) + maybe + see
        return f"{err.message}{see}"
    return err.format_message()


# click's and Typer's own words in the help, translated by _HelpFormatter
CLICK_WORDS = (N_("Usage: "), N_("Options"), N_("Arguments"), N_("Commands"), N_("[OPTIONS]"),
               N_("COMMAND [ARGS]..."), N_("Show this message and exit."), N_("default: {default}"), N_("required"))
_EXTRAS = re.compile(r"^(?P<help>.*?)(?P<gap>\s*)\[(?P<extras>(?:default: |required)[^\[\]]*)\]$", re.S)


def _extras(text: str) -> str:
    """An option's help with Typer's "[default: X; required]" in the user's language."""
    m = _EXTRAS.match(text)
    if not m:
        return _(text) if text == "Show this message and exit." else text
    parts = []
    for part in m["extras"].split("; "):
        if part.startswith("default: "):
            part = _("default: {default}").format(default=part[len("default: "):])
        elif part == "required":
            part = _("required")
        parts.append(part)
    return f"{_extras(m['help'])}{m['gap']}[{'; '.join(parts)}]"


class _HelpFormatter(click_formatting.HelpFormatter):
    """click's help formatter, with click's own words (Usage, Options, …) in the user's language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        args = args.replace("[OPTIONS]", _("[OPTIONS]")).replace("COMMAND [ARGS]...", _("COMMAND [ARGS]..."))
        super().write_usage(prog, args, _("Usage: ") if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(_(heading))

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, _extras(text)) for term, text in rows], col_max, col_spacing)


class _Context(click_core.Context):
    formatter_class = _HelpFormatter


class DondocGroup(TyperGroup):
    """The root command: plain click help for every command (flags as flags, paragraphs re-wrapped
    to the terminal), help texts and click's words in the user's language (DONDOC_LANG), and every
    usage error or user error as one line on stderr."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.rich_markup_mode = None
        self._tidy(self)

    def _tidy(self, cmd: Any) -> None:
        cmd.rich_markup_mode = None
        cmd.context_class = _Context
        # Typer may hand the same command objects to each run: translate from the msgids kept aside,
        # never from a text already translated for another DONDOC_LANG
        if not hasattr(cmd, "_msgid_help"):
            cmd._msgid_help, cmd._own_short_help = cmd.help, not cmd.short_help
        text = translate_help(cmd._msgid_help)  # the docstring's (or Typer's help=) paragraphs, translated
        if text and cmd._own_short_help:  # the list of commands shows the first sentence whole, wrapped
            cmd.short_help = _first_sentence(text)
        cmd.help = _tidy_help(text)
        for param in getattr(cmd, "params", []):  # a date option reads "--as-of YYYY-MM-DD", not "<str>"
            if not hasattr(param, "_msgid_help"):
                param._msgid_help = getattr(param, "help", None)
            if param._msgid_help:
                param.help = _(param._msgid_help)
            if getattr(param, "metavar", None) is None and set(getattr(param, "opts", [])) & DATE_OPTIONS:
                param.metavar = "YYYY-MM-DD"
        for sub in getattr(cmd, "commands", {}).values():
            self._tidy(sub)

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, windows_expand_args: bool = True, **extra: Any) -> Any:
        self._tidy(self)  # again: DONDOC_LANG may differ from when the commands were built (a test runner)
        try:
            rv = super().main(args=args, prog_name=prog_name, complete_var=complete_var, standalone_mode=False,
                              windows_expand_args=windows_expand_args, **extra)
        except click_errors.NoArgsIsHelpError as err:
            err.show()
            code = err.exit_code
        except click_errors.ClickException as err:
            typer.echo(_("error: {message}").format(message=_one_line(err)), err=True)
            code = err.exit_code
        except DondocError as err:
            typer.echo(_("error: {message}").format(message=err), err=True)
            code = err.exit_code
        except typer.Abort:
            typer.echo(_("stopped"), err=True)
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
