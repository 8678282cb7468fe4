"""`dondoc users`: the accounts of the admin pages (`dondoc web`)."""

from __future__ import annotations

import sys
from datetime import datetime, timezone

import typer

from dondoc.cli.app import app, cli_actor, console, print_json, ready_engine, user_errors
from dondoc.errors import UserError
from dondoc.i18n import N_, _

users_app = typer.Typer(no_args_is_help=True, help=N_("Accounts of the admin pages: admins and supervisors."))
app.add_typer(users_app, name="users")


def _role(role: str) -> str:
    """An account's role as the user reads it (dondoc.app.users.ROLE_VI's words)."""
    names = {"admin": _("admin"), "supervisor": _("supervisor (read-only)")}
    return names.get(role, role)


def _read_password() -> str:
    """The new password: asked twice on a terminal, else the first line of standard input (never an argument)."""
    if sys.stdin is not None and sys.stdin.isatty():
        return str(typer.prompt(_("Password"), hide_input=True, confirmation_prompt=_("Repeat the password")))
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        raise UserError(_("no password: type it on a terminal, or give one line on standard input"))
    return line.rstrip("\r\n")


@users_app.command("add")
@user_errors
def users_add(email: str = typer.Argument(..., help=N_("the address the person logs in with")),
              role: str = typer.Option(..., "--role", help=N_("admin (everything) or supervisor (the board, read-only)")),
              name: str = typer.Option("", "--name", help=N_("the person's name, shown on the pages")),
              actor: str = typer.Option(None, "--actor", help=N_("who creates it, for the audit log (default: OS user)")),
              ) -> None:
    """Create an account for the admin pages; the password is asked (or read from standard input).

    The first admin is created this way. The password is never an argument: on a terminal it
    is asked twice; otherwise the first line of standard input is used.

    Example: dondoc users add vanthu@ubnd.example.vn --role admin --name "Nguyễn Thị Lan"
    """
    from dondoc.app.users import add_user, check_password, normal_email

    normal_email(email)  # a bad address is refused before the password is asked
    password = _read_password()
    check_password(password)
    user = add_user(ready_engine(), email=email, password=password, role=role, name=name,
                    actor=cli_actor(actor), now=datetime.now(timezone.utc))
    typer.echo(_("account {email} created ({role})").format(email=user.email, role=_role(user.role)))


@users_app.command("list")
@user_errors
def users_list(as_json: bool = typer.Option(False, "--json", help=N_("print JSON"))) -> None:
    """List the accounts with their role and whether they may log in.

    Example: dondoc users list --json
    """
    from dondoc.app.users import list_users

    users = list_users(ready_engine())
    if as_json:
        print_json([{"email": u.email, "name": u.name, "role": u.role, "active": u.active,
                     "password_changed_at": u.password_changed_at} for u in users])
        return
    from rich.table import Table

    t = Table(_("email"), _("full name"), _("role"), _("state"))
    for u in users:
        t.add_row(u.email, u.name, _role(u.role), _("active") if u.active else _("locked"))
    console.print(t)


@users_app.command("password")
@user_errors
def users_password(email: str = typer.Argument(..., help=N_("the account's address")),
                   actor: str = typer.Option(None, "--actor", help=N_("who resets it, for the audit log"))) -> None:
    """Reset an account's password; its open sessions end.

    Example: dondoc users password vanthu@ubnd.example.vn
    """
    from dondoc.app.users import check_password, normal_email, set_password

    normal_email(email)
    password = _read_password()
    check_password(password)
    user = set_password(ready_engine(), email=email, password=password, actor=cli_actor(actor),
                        now=datetime.now(timezone.utc))
    typer.echo(_("password of {email} changed; its earlier sessions have ended").format(email=user.email))


@users_app.command("disable")
@user_errors
def users_disable(email: str = typer.Argument(..., help=N_("the account's address")),
                  actor: str = typer.Option(None, "--actor", help=N_("who locks it, for the audit log"))) -> None:
    """Lock an account: it can no longer log in, and its open sessions end.

    Example: dondoc users disable canbo@ubnd.example.vn
    """
    from dondoc.app.users import set_active

    user = set_active(ready_engine(), email=email, active=False, actor=cli_actor(actor))
    typer.echo(_("account {email} locked").format(email=user.email))


@users_app.command("enable")
@user_errors
def users_enable(email: str = typer.Argument(..., help=N_("the account's address")),
                 actor: str = typer.Option(None, "--actor", help=N_("who opens it, for the audit log"))) -> None:
    """Open a locked account again.

    Example: dondoc users enable canbo@ubnd.example.vn
    """
    from dondoc.app.users import set_active

    user = set_active(ready_engine(), email=email, active=True, actor=cli_actor(actor))
    typer.echo(_("account {email} opened again").format(email=user.email))
