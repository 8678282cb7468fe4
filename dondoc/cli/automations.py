"""`dondoc automations`: the Prefect automations that alert the admins, created from config/automations.yaml."""

from __future__ import annotations

import typer

from dondoc.cli.app import app, console, settings, user_errors


@app.command("automations")
@user_errors
def automations(file: str = typer.Option(None, "--file", help="the automations file (default: config/automations.yaml)"),
                ) -> None:
    """Create the Prefect automations that mail the admin contacts when a sweep fails, or sends nothing on
    a working day (needs PREFECT_API_URL, and `dondoc serve` run once so the alert-admins deployment exists).

    Running it again replaces the automations of the same names.

    Example: PREFECT_API_URL=http://127.0.0.1:4200/api dondoc automations
    """
    from pathlib import Path

    from dondoc.app.automations import create_automations

    path = Path(file) if file else settings().config_dir / "automations.yaml"
    for name, ident in create_automations(path):
        console.print(f"đã tạo tự động hóa {name} ({ident})", highlight=False)
