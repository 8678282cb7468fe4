"""`dondoc ingest` and `dondoc eval`: read a dispatch into a task set, and score the reader."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dondoc.cli.app import app, config_dir, fail, progress
from dondoc.errors import DondocError
from dondoc.i18n import N_, _, ngettext
from dondoc.reading_notes import say

if TYPE_CHECKING:
    from rich.console import Console

    from dondoc.directory import Directory
    from dondoc.evaluate import Miss
    from dondoc.observances import ObservanceCatalog
    from dondoc.taskset import Owner, Task, TaskSet


def _catalog() -> ObservanceCatalog:
    from dondoc.observances import ObservanceCatalog, load_catalog

    path = config_dir() / "observances.yaml"
    return load_catalog(path) if path.exists() else ObservanceCatalog()


def _directory(path: Path | None) -> Directory | None:
    from dondoc.directory import load_directory

    if path is not None:
        return load_directory(path)
    default = config_dir() / "organizations.yaml"
    return load_directory(default) if default.exists() else None


def _write_output(path: Path, content: str) -> None:
    """Write the task set to `path`: a regular file (or a new one) atomically, through a temporary file
    renamed over it; anything else (/dev/null, /dev/stdout, a FIFO, a terminal) written in place, never
    replaced. A symbolic link is followed: its target is written (atomically when it is a regular
    file), the link kept."""
    try:
        mode: int | None = os.stat(path).st_mode  # through any link
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        if stat.S_ISDIR(mode):
            raise DondocError(_("{path}: is a folder; -o needs a file").format(path=path))
        with open(path, "w", encoding="utf-8") as fh:  # a device, FIFO or /dev/stdout: written through
            fh.write(content)
        return
    target = Path(os.path.realpath(path))  # a link's target is replaced, the link kept
    import tempfile

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(content)
        if mode is not None:
            os.chmod(tmp, stat.S_IMODE(mode))  # the file replaced keeps its permissions
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _owner(o: Owner, resolved: bool) -> str:
    """"Công an tỉnh → ca-tinh"; a collective with its members' count; "→ ?" when the directory lacks it."""
    if not resolved:
        return o.name
    if o.org:
        return f"{o.name} → {o.org}"
    if o.orgs:
        shown = ", ".join(o.orgs[:3]) + (f" … ({len(o.orgs)})" if len(o.orgs) > 3 else "")
        return f"{o.name} → {shown}"
    return f"{o.name} → ?"


def _due(t: Task) -> str:
    rel = t.schedule.relative
    parts = list(t.schedule.due)
    if rel is not None:
        if rel.working_days:
            words = ngettext("{n} working day from {event}", "{n} working days from {event}", rel.days)
        else:
            words = ngettext("{n} day from {event}", "{n} days from {event}", rel.days)
        parts.append(words.format(n=rel.days, event=rel.from_event))
    return ", ".join(parts)


def _explain(ts: TaskSet, text: str, console: Console, *, resolved: bool) -> None:
    """Each task beside its source text, one row per field: its value and why it has it."""
    from rich.table import Table

    from dondoc.cli.app import kind_name
    from dondoc.schedule.words import repeat_phrase

    for t in ts.tasks:
        table = Table(title=f"[bold]{t.key}[/] ({kind_name(t.kind)}) — {t.title}", show_header=False, expand=True)
        table.add_column(_("field"), style="cyan", no_wrap=True)
        table.add_column(_("value"))
        table.add_column(_("why"), style="dim")
        span = t.span or (0, 0)
        line = text.count("\n", 0, span[0]) + 1
        cascade = t.cascade
        earlier = (ngettext(", {n} working day earlier", ", {n} working days earlier", cascade.working_days)
                   .format(n=cascade.working_days) if cascade and cascade.working_days else "")
        # the first column says the field in words and names it as the task-set file writes it ("chủ trì · lead")
        table.add_row(_field(N_("source")), _("line {n}").format(n=line), text[span[0] : span[1]][:600])
        rows = [
            (N_("key"), t.key, "key"),
            (N_("kind"), kind_name(t.kind), "kind"),
            (N_("lead"), ", ".join(_owner(o, resolved) for o in t.lead), "lead"),
            (N_("support"), ", ".join(_owner(o, resolved) for o in t.support), "support"),
            (N_("repeat"), f"{repeat_phrase(t.schedule.repeat, t.schedule.due)} ({t.schedule.repeat})", "schedule.repeat"),
            (N_("due"), _due(t), "schedule.due"),
            (N_("events"), ", ".join(t.schedule.events), "schedule.events"),
            (N_("report_to"), t.report_to or "", "report_to"),
            (N_("cascade"), _owner(cascade.by, resolved) + earlier if cascade else "", "cascade"),
            (N_("references"), "; ".join(r.number for r in t.references), "references"),
        ]
        for name, value, key in rows:
            if value or (key in t.explain and key not in ("key", "kind")):
                table.add_row(_field(name), value, say(t.explain.get(key, "")))
        if "owners.resolved" in t.explain:
            table.add_row(_field(N_("owners.resolved")), "", say(t.explain["owners.resolved"]))
        console.print(table)
    for w in ts.warnings:
        console.print("[yellow]" + _("warning:") + f"[/] {say(w)}")


def _field(name: str) -> str:
    """ "chủ trì · lead": a field of the task-set file in words, then by its name in the file."""
    return f"{_(name)} · {name}"


@app.command("ingest")
def ingest(
    file: Annotated[Path, typer.Argument(help=N_("The dispatch: .txt .md .docx .pdf .html"))],
    output: Annotated[Path | None, typer.Option("-o", "--output", help=N_("Write the task-set YAML here"))] = None,
    as_json: Annotated[bool, typer.Option("--json", help=N_("Print the task set as JSON"))] = False,
    explain: Annotated[bool, typer.Option("--explain", help=N_("Show each task beside its source text, and why"))] = False,
    directory: Annotated[Path | None, typer.Option("--directory", help=N_("organizations.yaml to resolve owners"))] = None,
) -> None:
    """Read a dispatch into a task set for review; never touches the database.

    Example: dondoc ingest cv-6711.docx -o cv-6711.yaml --explain
    """
    from dondoc.ingest import read_document, with_reading_warnings
    from dondoc.parse import parse_dispatch
    from dondoc.taskset import Source, dump_yaml, to_plain

    try:
        doc = read_document(file)
        known = _directory(directory)
        ts = with_reading_warnings(parse_dispatch(doc.text, source=Source(name=doc.name, sha256=doc.sha256),
                                                  observances=_catalog(), directory=known), doc)
        if output is not None:
            try:
                _write_output(output, dump_yaml(ts))
            except OSError as exc:
                raise DondocError(_("{path}: cannot write it ({why})").format(
                    path=output, why=exc.strerror or exc.__class__.__name__)) from None
    except DondocError as err:
        fail(str(err), err.exit_code)
    if explain:
        from rich.console import Console

        _explain(ts, doc.text, Console(), resolved=known is not None)
    elif as_json:
        typer.echo(json.dumps(to_plain(ts), ensure_ascii=False, indent=2))
    elif output is None:
        typer.echo(dump_yaml(ts), nl=False)
    if output is not None:
        tasks = ngettext("{n} task", "{n} tasks", len(ts.tasks)).format(n=len(ts.tasks))
        warnings = ngettext("{n} warning", "{n} warnings", len(ts.warnings)).format(n=len(ts.warnings))
        typer.echo(f"{tasks}, {warnings} -> {output}", err=True)

# the measures of `dondoc eval`, as a person reads them
_MEASURES = {"items": N_("items"), "lead": N_("lead owners"), "due": N_("dues"), "events": N_("observances"),
             "reports": N_("reports")}


def _measure(name: str) -> str:
    return _(_MEASURES[name])


def _miss_text(miss: Miss) -> str:
    """One difference from a gold reading in the user's language (the measure it names too)."""
    from dondoc.i18n import language
    from dondoc.schedule.words import REPEAT_VI

    values = dict(miss.values)
    if "measure" in values:
        values["measure"] = _measure(values["measure"])
    for cadence in ("read", "gold"):
        if cadence in values and language() == "vi":
            values[cadence] = REPEAT_VI.get(values[cadence], values[cadence])
    return _(miss.template).format(**values)


@app.command("eval")
def eval_(
    folder: Annotated[Path, typer.Argument(help=N_("A folder of NNN_*.gold.yaml readings, flat or split into dev/ and test/"))],
    docs: Annotated[Path | None, typer.Option("--docs", help=N_("Where the documents are, when not beside their readings"))] = None,
    as_json: Annotated[bool, typer.Option("--json", help=N_("Print the scores as JSON"))] = False,
    directory: Annotated[Path | None, typer.Option("--directory", help=N_("organizations.yaml to resolve owners"))] = None,
) -> None:
    """Score ingest against gold readings: P/R/F1 for items, lead owners, due dates, observances, reports; cadence accuracy.

    A folder split into dev/ and test/ is scored half by half. "mean" is the mean of the F1 of
    items, lead owners, dues and observances, and of cadence accuracy.

    Example: dondoc eval ../shared/dispatches --json
    Example: dondoc eval tests/gold/corpus --docs ../shared/corpus
    """
    from rich.console import Console
    from rich.table import Table

    from dondoc.evaluate import MEASURES, evaluate_halves, gold_folders, mean_score, overall

    try:
        if not folder.is_dir():
            raise DondocError(_("{path}: not a folder").format(path=folder))
        if docs is not None and not docs.is_dir():
            raise DondocError(_("{path}: not a folder").format(path=f"--docs {docs}"))
        readings = sum(len(list(f.glob("*.gold.yaml"))) for f in gold_folders(folder).values())
        with progress(_("Scoring"), total=readings) as bar:
            halves = evaluate_halves(folder, observances=_catalog(), directory=_directory(directory), docs=docs,
                                     on_document=lambda name: bar.advance())
    except DondocError as err:
        fail(str(err), err.exit_code)
    if as_json:
        data = {h: {"documents": [s.as_dict() for s in scores], "overall": overall(scores).as_dict(),
                    "mean": round(mean_score(overall(scores)), 4)} for h, scores in halves.items()}
        typer.echo(json.dumps(data[folder.name] if list(data) == [folder.name] else data, ensure_ascii=False, indent=2))
        return
    console = Console() if Console().is_terminal else Console(width=160)
    summary = []
    for half, scores in halves.items():
        total = overall(scores)
        table = Table(title=f"dondoc eval {folder}" + (f" — {half}" if half != folder.name else ""))
        table.add_column(_("document"))
        for m in MEASURES:
            table.add_column(f"{_measure(m)} P/R/F1", justify="right")
        table.add_column(_("cadence acc"), justify="right")
        table.add_column(_("mean"), justify="right")
        for s in [*scores, total]:
            cells = [f"{s.counts[m].precision:.2f}/{s.counts[m].recall:.2f}/{s.counts[m].f1:.2f}" for m in MEASURES]
            name = s.name + (_(" (refused)") if s.refused else "")
            name = _("overall") if s is total else name
            table.add_row(f"[bold]{name}[/]" if s is total else name, *cells, f"{s.cadence:.2f}", f"{mean_score(s):.2f}")
        console.print(table)
        for s in scores:
            for miss in s.misses:
                typer.echo(f"{s.name}: {_miss_text(miss)}")
        summary.append(f"{half}: " + " ".join(f"{_measure(m)} {total.counts[m].f1:.2f}" for m in MEASURES)
                       + ngettext(" cadence {cadence} mean {mean} ({n} document)",
                                  " cadence {cadence} mean {mean} ({n} documents)", len(scores))
                       .format(cadence=f"{total.cadence:.2f}", mean=f"{mean_score(total):.2f}", n=len(scores)))
    for line in summary:
        typer.echo(line)
