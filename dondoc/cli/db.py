"""`dondoc db`: the database schema."""

from __future__ import annotations

import typer

from dondoc.cli.app import app, settings, user_errors
from dondoc.i18n import N_, _

db_app = typer.Typer(no_args_is_help=True, help=N_("The database schema."))
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
@user_errors
def db_upgrade(create: bool = typer.Option(False, "--create",
                                           help=N_("create the folder of a SQLite file when it does not exist"))) -> None:
    """Create or upgrade the schema (Alembic) in DONDOC_DATABASE_URL.

    A SQLite file whose folder does not exist is an error (a mistyped path must not start an
    empty database), unless --create is given.

    Example: dondoc db upgrade --create
    """
    from sqlalchemy.engine import make_url

    from dondoc.store.db import sqlite_folder, upgrade

    url = settings().database_url
    folder = sqlite_folder(url)
    if create and folder is not None and not folder.exists():
        folder.mkdir(parents=True)
        typer.echo(_("created the folder {path}").format(path=folder))
    rev = upgrade(url)
    typer.echo(_("database {url} at revision {revision}").format(url=make_url(url).render_as_string(hide_password=True),
                                                                   revision=rev))
