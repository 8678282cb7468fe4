"""The `dondoc` command line: one module per command group, all on the shared app of `app.py`.

Importing a command module registers its commands; no command module imports another.
"""

from dondoc.cli import ingest, load, tasks, orgs, reorg, sweep, alerts, report, extend, history, dates, outbox, mail, db, web, users  # noqa: F401, I001  (registration, in help order)
from dondoc.cli.app import app

__all__ = ["app"]
