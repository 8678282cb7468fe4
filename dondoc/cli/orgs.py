"""`dondoc orgs`: the organisation directory."""

from __future__ import annotations

from pathlib import Path
from typing import TypedDict

import typer

from dondoc.cli.app import (ACTOR_HELP, cli_actor, console, orgs_app, print_json, progress, ready_engine,
                            say_where_the_data_is, user_errors)
from dondoc.i18n import N_, _, ngettext


class _ContactRow(TypedDict):
    name: str
    email: str
    role: str


class _OrgRow(TypedDict):
    code: str
    name: str
    level: str
    parent: str | None
    groups: list[str]
    contacts: list[_ContactRow]



@orgs_app.command("import")
@user_errors
def orgs_import(file: Path = typer.Argument(..., help=N_("organizations.yaml")),
                actor: str = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Import (add or update) organisations, contacts and groups from a directory file.

    An agency the file ends (valid_to, and a successor) is recorded as a reorganisation: the
    first sweep on or after the day it ends moves its open work to the successor.

    Example: dondoc orgs import config/organizations.yaml
    """
    from dondoc.directory import load_directory
    from dondoc.store.db import session_scope
    from dondoc.store.repo import import_directory

    with progress(_("Reading {file}").format(file=file.name)) as bar:
        directory = load_directory(file)
        bar.update(description=_("Storing {n} organisations").format(n=len(directory.organizations)))
        with session_scope(ready_engine()) as s:
            res = import_directory(session=s, directory=directory, source=str(file), actor=cli_actor(actor))
    typer.echo(_("{file}: {added} added, {updated} updated, {unchanged} unchanged, {groups}").format(
        file=file, added=len(res.added), updated=len(res.updated), unchanged=len(res.unchanged),
        groups=ngettext("{n} group", "{n} groups", len(directory.groups)).format(n=len(directory.groups))))
    if res.changes:
        typer.echo(ngettext("  {n} new reorganisation recorded from valid_to/successor (dondoc orgs changes)",
                            "  {n} new reorganisations recorded from valid_to/successor (dondoc orgs changes)",
                            len(res.changes)).format(n=len(res.changes)))


@orgs_app.command("list")
@user_errors
def orgs_list(as_json: bool = typer.Option(False, "--json", help=N_("print JSON"))) -> None:
    """List the organisations with their supervising organisation and contacts.

    Example: dondoc orgs list --json
    """
    from sqlmodel import select

    from dondoc.store import models as m
    from dondoc.store.db import session_scope

    with session_scope(ready_engine()) as s:
        orgs = s.exec(select(m.Organization).order_by(m.Organization.code)).all()
        contacts = s.exec(select(m.Contact)).all()
    by_org: dict[str, list[_ContactRow]] = {}
    for c in contacts:
        by_org.setdefault(c.org_code, []).append({"name": c.name, "email": c.email, "role": c.role})
    data = [_OrgRow(code=o.code, name=o.name, level=o.level, parent=o.parent, groups=o.groups,
                    contacts=by_org.get(o.code, [])) for o in orgs]
    if as_json:
        print_json(data)
        return
    if not data:
        say_where_the_data_is(_("No organisations in the database {database} yet."), "orgs list")
        return
    from rich.table import Table

    t = Table(_("code"), _("name"), _("level"), _("supervising organisation"), _("coordinators"))
    for d in data:
        t.add_row(d["code"], d["name"], d["level"], d["parent"] or "",
                  ", ".join(c["email"] for c in d["contacts"]))
    console.print(t)
