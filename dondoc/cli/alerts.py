"""`dondoc alerts`: the Prefect automations that alert the admins, created from config/automations.yaml."""

from __future__ import annotations

import typer

from dondoc.cli.app import app, console, settings, user_errors
from dondoc.i18n import N_, _


@app.command("alerts")
@user_errors
def alerts(file: str = typer.Option(None, "--file", help=N_("the automations file (default: config/automations.yaml)")),
                ) -> None:
    """Create the Prefect automations that mail the admins when a sweep fails or sends nothing on a working day.

    They are declared in config/automations.yaml. It needs PREFECT_API_URL, and `dondoc serve` run once
    before, so that the server knows the alert-admins deployment they run. Running it again replaces
    the automations of the same names.

    Example: PREFECT_API_URL=http://127.0.0.1:4200/api dondoc alerts
    """
    from pathlib import Path

    from dondoc.app.automations import create_automations

    path = Path(file) if file else settings().config_dir / "automations.yaml"
    for name, ident in create_automations(path):
        console.print(_("automation created: {name} ({id})").format(name=name, id=ident), highlight=False)
