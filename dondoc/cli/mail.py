"""`dondoc mailbox`: a local SMTP server that keeps each message as an .eml file."""

from __future__ import annotations

from pathlib import Path

import typer

from dondoc.cli.app import app, fail
from dondoc.i18n import N_, _

DEFAULT_MAILBOX_DIR = Path("var/mailbox")


@app.command("mailbox")
def mailbox(
    host: str = typer.Option("127.0.0.1", "--host", help=N_("Address to listen on.")),
    port: int = typer.Option(8025, "--port", help=N_("SMTP port to listen on.")),
    directory: Path = typer.Option(DEFAULT_MAILBOX_DIR, "--dir", help=N_("Where each received message is stored as an .eml file.")),
) -> None:
    """Run a local SMTP server that keeps every message it receives as an .eml file.

    Point dondoc's SMTP host and port at it to try reminders without a real mail server.
    File names sort in arrival order. Ctrl-C stops it.

    Example: dondoc mailbox --port 8025 --dir var/mailbox
    """
    from dondoc.notify.mailbox import Mailbox, serve_mailbox

    directory = directory.expanduser().resolve()
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        fail(_("cannot create {path}: {why}").format(path=directory, why=err.strerror), 2)
    def announce(mailbox: Mailbox) -> None:
        typer.echo(_("mailbox listening on {host}:{port}, storing messages in {path} (Ctrl-C stops it)").format(
            host=host, port=mailbox.port, path=directory))

    try:
        serve_mailbox(directory, host, port, on_ready=announce)
    except OSError as err:
        fail(_("cannot listen on {host}:{port}: {why}").format(host=host, port=port, why=err.strerror or err), 2)
    typer.echo(_("mailbox stopped"))
