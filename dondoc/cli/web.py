"""`dondoc web`: the pages that the digests' signed links open."""

from __future__ import annotations

import typer

from dondoc.cli.app import app, ready_engine, settings, user_errors
from dondoc.i18n import N_, _


@app.command("web")
@user_errors
def web(host: str = typer.Option(None, "--host", help=N_("address to bind (default DONDOC_WEB_HOST, 127.0.0.1)")),
        port: int = typer.Option(None, "--port", help=N_("port (default DONDOC_WEB_PORT, 8000)"))) -> None:
    """Serve the confirmation pages of the links in the digests (FastAPI under uvicorn).

    Needs DONDOC_SECRET_KEY (the same as `dondoc remind`); the links are built on DONDOC_PUBLIC_URL.
    Keep it on 127.0.0.1 behind a reverse proxy with TLS (see the README). Ctrl-C stops it.

    Example: dondoc web --host 127.0.0.1 --port 8000
    """
    import uvicorn

    from dondoc.web.app import create_app

    s = settings()
    ready_engine()
    application = create_app(s)
    bind_host, bind_port = host or s.web_host, port or s.web_port
    if not 0 < bind_port < 65536:
        raise typer.BadParameter(_("{port} is not a port (1–65535)").format(port=bind_port), param_hint="--port")
    base = s.public_url or f"http://{bind_host}:{bind_port}"
    typer.echo(_("dondoc web: {url} (the links in the mail point to {base}); Ctrl-C stops it").format(
        url=f"http://{bind_host}:{bind_port}", base=base))
    if s.public_url is None:
        typer.echo(_("note: DONDOC_PUBLIC_URL is not set, so the reminders carry no answer links yet"), err=True)
    # forwarded headers (X-Forwarded-For, -Proto) are trusted from the local reverse proxy only
    uvicorn.run(application, host=bind_host, port=bind_port, proxy_headers=True, forwarded_allow_ips="127.0.0.1",
                server_header=False, log_level="info")
