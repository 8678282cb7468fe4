"""How the command line speaks: help texts in the user's language (examples one per line, option
extras translated, each command's first sentence whole) and every usage error as one line."""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import Any

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
