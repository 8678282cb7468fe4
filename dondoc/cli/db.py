"""`dondoc db`: the database schema."""

from __future__ import annotations

import typer

from dondoc.cli.app import app, settings, user_errors

db_app = typer.Typer(no_args_is_help=True, help="The database schema.")
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
@user_errors
def db_upgrade() -> None:
    """Create or upgrade the schema (Alembic) in DONDOC_DATABASE_URL.

    Example: dondoc db upgrade
    """
    from dondoc.store.db import upgrade
    from sqlalchemy.engine import make_url

    url = settings().database_url
    rev = upgrade(url)
    typer.echo(f"database {make_url(url).render_as_string(hide_password=True)} at revision {rev}")
