"""The shared Typer app and the helpers every command module uses; no command lives here."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from datetime import date, timedelta
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import typer
from rich.console import Console

from dondoc.errors import DondocError

app = typer.Typer(no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  help="The `dondoc` command line: load dispatches, keep the directory, remind, escalate, report.")

# `dondoc orgs`: shared because its commands live in two modules (orgs.py: the directory; reorg.py: changes)
orgs_app = typer.Typer(no_args_is_help=True, help="The organisation directory and its reorganisations.")
app.add_typer(orgs_app, name="orgs")

console = Console()
if not console.is_terminal:  # piped or captured: wide enough for Vietnamese names and addresses
    console = Console(width=160)
F = TypeVar("F", bound=Callable[..., Any])


def user_errors(fn: F) -> F:
    """A user's mistake becomes one line on stderr and a non-zero exit, never a traceback."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except DondocError as err:
            typer.echo(f"lỗi: {err}", err=True)
            raise typer.Exit(err.exit_code) from None

    return wrapper  # type: ignore[return-value]


def settings():  # type: ignore[no-untyped-def]
    from dondoc.settings import get_settings

    return get_settings()


_UPGRADED: set[str] = set()


def ready_engine():  # type: ignore[no-untyped-def]
    """The engine, with the schema brought up to date first (once per process and database)."""
    from dondoc.store.db import get_engine, upgrade

    url = settings().database_url
    if url not in _UPGRADED:
        upgrade(url)
        _UPGRADED.add(url)
    return get_engine(url)


def parse_day(value: str | None, *, option: str = "--as-of") -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=option) from None


def as_of_or_today(value: str | None) -> date:
    from dondoc.app.steps import local_today

    return parse_day(value) or local_today(settings())


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
